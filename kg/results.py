"""SPARQL query results as text: the W3C SPARQL 1.1 results formats, a markdown table, and a rich table.

* Whole results (``serialize``): pyoxigraph's own writers, which follow the W3C specs exactly
  (JSON https://www.w3.org/TR/sparql11-results-json/, XML https://www.w3.org/TR/rdf-sparql-XMLres/,
  CSV/TSV https://www.w3.org/TR/sparql11-results-csv-tsv/: CSV lines end in CRLF, TSV writes terms in
  Turtle syntax with numbers and booleans abbreviated).
* Capped results (``serialize_rows``, used by the endpoint's ``--max-rows``): rows already read from the
  iterator cannot be handed back to pyoxigraph, so these writers reproduce its output byte for byte
  (``tests/test_queries.py`` checks that on every saved query).
* Graph results (CONSTRUCT/DESCRIBE): Turtle with the project's prefixes, N-Triples or JSON-LD.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from pyoxigraph import BlankNode, Literal, NamedNode, QueryTriples, Triple
from rich.table import Table

from kg import sparql_io
from kg.defaults import DEFAULT_BASE
from kg.rdf.namespaces import PREFIXES
from kg.sparql_io import (  # noqa: F401  (re-exported)
    _TSV_BARE,
    GRAPH_FORMATS,
    MEDIA_TYPES,
    RESULT_FORMATS,
    XSD,
    Row,
    Term,
    read_rows,
    serialize_rows,
)
from kg.store import QueryResult

TURTLE_PREFIXES = {k: str(v) for k, v in PREFIXES.items()}


def serialize(result: QueryResult, fmt: str) -> bytes:
    """A whole result in a W3C format (``json xml csv tsv`` for solutions/booleans, graph formats for triples)."""
    if isinstance(result, QueryTriples):
        return serialize_graph(result, fmt)
    return sparql_io.serialize(result, fmt)


def serialize_graph(triples: Iterable[Triple], fmt: str = "turtle") -> bytes:
    """Triples as Turtle (with the project's prefixes), N-Triples or JSON-LD."""
    return sparql_io.serialize_graph(triples, fmt, TURTLE_PREFIXES)


# -- human-readable output ------------------------------------------------------------------------------------
def short(t: Term | None, prefixes: dict[str, str] | None = None) -> str:
    """A term for people: IRIs compacted with the known prefixes, literals as their text."""
    if t is None:
        return ""
    if isinstance(t, NamedNode):
        for prefix, ns in (prefixes or _PREFIXES).items():
            if t.value.startswith(ns) and len(t.value) > len(ns):
                return f"{prefix}:{t.value[len(ns):]}"
        return t.value
    if isinstance(t, BlankNode):
        return "_:" + t.value
    if isinstance(t, Literal):
        return t.value
    return str(t)


_PREFIXES = {**{k: str(v) for k, v in PREFIXES.items()}, "id": DEFAULT_BASE}


def markdown(variables: Sequence[str], rows: Iterable[Row], prefixes: dict[str, str] | None = None) -> str:
    """A GitHub-flavoured markdown table (pipes escaped, newlines as spaces)."""
    return "".join(markdown_lines(variables, rows, prefixes))


def markdown_lines(variables: Sequence[str], rows: Iterable[Row], prefixes: dict[str, str] | None = None
                   ) -> Iterator[str]:
    """The markdown table line by line, each row as it is read from ``rows``."""
    def cell(t: Term | None) -> str:
        return short(t, prefixes).replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")

    yield "| " + " | ".join(variables) + " |\n"
    yield "|" + "|".join("---" for _ in variables) + "|\n"
    for row in rows:
        yield "| " + " | ".join(cell(t) for t in row) + " |\n"


def rich_table(variables: Sequence[str], rows: Sequence[Row], prefixes: dict[str, str] | None = None,
               title: str | None = None) -> Table:
    """An aligned terminal table (numbers right-aligned)."""
    table = Table(title=title, show_lines=False, header_style="bold")
    numeric = [bool(rows) and all(t is None or (isinstance(t, Literal) and t.datatype.value in _TSV_BARE
                                                and t.datatype.value != XSD + "boolean") for t in col)
               for col in zip(*rows, strict=True)] if rows else [False] * len(variables)
    for v, num in zip(variables, numeric, strict=True):
        table.add_column(v, justify="right" if num else "left", overflow="fold")
    for row in rows:
        table.add_row(*(short(t, prefixes) for t in row))
    return table


def table_fits(variables: Sequence[str], rows: Sequence[Row], width: int,
               prefixes: dict[str, str] | None = None) -> bool:
    """Whether a table of these rows fits in `width` columns without breaking a column name or a word (words
    longer than 24 characters, IRIs say, may fold)."""
    need = 1
    for i, v in enumerate(variables):
        words = (w for row in rows if row[i] is not None for w in short(row[i], prefixes).split())
        need += max([len(v), *(min(len(w), 24) for w in words)]) + 3
    return need <= width


def rich_records(variables: Sequence[str], rows: Sequence[Row], prefixes: dict[str, str] | None = None,
                 title: str | None = None) -> Table:
    """One block per row, a line per column ("name  value"): for answers too wide for the terminal, so that no
    column name or word is broken into pieces."""
    table = Table(title=title, show_header=False, show_lines=True, box=None, padding=(0, 1))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for i, row in enumerate(rows):
        block = Table.grid(padding=(0, 2))
        block.add_column(style="bold", no_wrap=True)
        block.add_column(overflow="fold")
        for v, t in zip(variables, row, strict=True):
            if t is not None:
                block.add_row(v, short(t, prefixes))
        table.add_row(f"{i + 1}", block)
    return table
