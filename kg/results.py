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

import json
import re
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Triple,
)
from pyoxigraph import (
    serialize as ox_serialize,
)
from rich.table import Table

from kg.rdf.iris import DEFAULT_BASE
from kg.rdf.namespaces import PREFIXES
from kg.store import QueryResult

Term = NamedNode | BlankNode | Literal | Triple
Row = list[Term | None]

RESULT_FORMATS: dict[str, QueryResultsFormat] = {
    "json": QueryResultsFormat.JSON, "xml": QueryResultsFormat.XML,
    "csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV,
}
GRAPH_FORMATS: dict[str, RdfFormat] = {
    "turtle": RdfFormat.TURTLE, "ntriples": RdfFormat.N_TRIPLES, "jsonld": RdfFormat.JSON_LD,
}
MEDIA_TYPES: dict[str, str] = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8", "ntriples": "application/n-triples", "jsonld": "application/ld+json",
    "md": "text/markdown; charset=utf-8",
}
XSD = "http://www.w3.org/2001/XMLSchema#"
_TSV_BARE = {
    XSD + "integer": re.compile(r"^[+-]?\d+$"),
    XSD + "decimal": re.compile(r"^[+-]?\d*\.\d+$"),
    XSD + "double": re.compile(r"^[+-]?(?:\d+\.\d*|\.\d+|\d+)[eE][+-]?\d+$"),
    XSD + "boolean": re.compile(r"^(?:true|false)$"),
}


def read_rows(solutions: QuerySolutions, limit: int | None = None) -> tuple[list[str], list[Row], bool]:
    """Variables, rows (terms or None) and whether rows beyond ``limit`` were left out."""
    variables = [v.value for v in solutions.variables]
    rows: list[Row] = []
    for solution in solutions:
        if limit is not None and len(rows) >= limit:
            return variables, rows, True
        rows.append([solution[v] for v in variables])
    return variables, rows, False


def serialize(result: QueryResult, fmt: str) -> bytes:
    """A whole result in a W3C format (``json xml csv tsv`` for solutions/booleans, graph formats for triples)."""
    if isinstance(result, QueryTriples):
        return serialize_graph(result, fmt)
    if fmt not in RESULT_FORMATS:
        raise ValueError(f"unknown results format {fmt!r} (use {', '.join(RESULT_FORMATS)})")
    return result.serialize(format=RESULT_FORMATS[fmt])


def serialize_graph(triples: Iterable[Triple], fmt: str = "turtle") -> bytes:
    """Triples as Turtle (with the project's prefixes), N-Triples or JSON-LD."""
    if fmt not in GRAPH_FORMATS:
        fmt = "turtle"
    prefixes = {k: str(v) for k, v in PREFIXES.items()} if fmt == "turtle" else None
    return ox_serialize(list(triples), format=GRAPH_FORMATS[fmt], prefixes=prefixes) or b""


def serialize_rows(variables: Sequence[str], rows: Sequence[Row], fmt: str) -> bytes:
    """Rows in a W3C results format, identical to what pyoxigraph writes for the same solutions."""
    if fmt == "json":
        bindings = [{v: _json_term(t) for v, t in zip(variables, row, strict=True) if t is not None} for row in rows]
        doc = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
    if fmt == "xml":
        head = "".join(f'<variable name="{v}"/>' for v in variables)
        body = "".join("<result>" + "".join(f'<binding name="{v}">{_xml_term(t)}</binding>'
                                            for v, t in zip(variables, row, strict=True) if t is not None)
                       + "</result>" for row in rows)
        return ('<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head>{head}</head><results>{body}</results></sparql>").encode()
    if fmt == "csv":
        lines = [",".join(variables)] + [",".join(_csv_term(t) for t in row) for row in rows]
        return "".join(line + "\r\n" for line in lines).encode()
    if fmt == "tsv":
        lines = ["\t".join("?" + v for v in variables)] + ["\t".join(_tsv_term(t) for t in row) for row in rows]
        return "".join(line + "\n" for line in lines).encode()
    raise ValueError(f"unknown results format {fmt!r} (use {', '.join(RESULT_FORMATS)})")


def _json_term(t: Term) -> dict[str, object]:
    if isinstance(t, NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, Triple):
        return {"type": "triple", "value": {"subject": _json_term(t.subject), "predicate": _json_term(t.predicate),
                                            "object": _json_term(t.object)}}
    out: dict[str, object] = {"type": "literal", "value": t.value}
    if t.language:
        out["xml:lang"] = t.language
    elif t.datatype.value != XSD + "string":
        out["datatype"] = t.datatype.value
    return out


def _xml_term(t: Term) -> str:
    if isinstance(t, NamedNode):
        return f"<uri>{escape(t.value)}</uri>"
    if isinstance(t, BlankNode):
        return f"<bnode>{escape(t.value)}</bnode>"
    if isinstance(t, Triple):
        return (f"<triple><subject>{_xml_term(t.subject)}</subject><predicate>{_xml_term(t.predicate)}</predicate>"
                f"<object>{_xml_term(t.object)}</object></triple>")
    value = escape(t.value, {'"': "&quot;"})
    if t.language:
        return f'<literal xml:lang="{escape(t.language)}">{value}</literal>'
    if t.datatype.value != XSD + "string":
        return f'<literal datatype="{escape(t.datatype.value)}">{value}</literal>'
    return f"<literal>{value}</literal>"


def _csv_term(t: Term | None) -> str:
    if t is None:
        return ""
    if isinstance(t, BlankNode):
        s = "_:" + t.value
    elif isinstance(t, NamedNode | Literal):
        s = t.value
    else:
        s = str(t)
    if any(c in s for c in '",\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def _tsv_term(t: Term | None) -> str:
    if t is None:
        return ""
    if isinstance(t, Literal) and not t.language:
        bare = _TSV_BARE.get(t.datatype.value)
        if bare is not None and bare.match(t.value):
            return t.value
    return str(t)


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


def markdown(variables: Sequence[str], rows: Sequence[Row], prefixes: dict[str, str] | None = None) -> str:
    """A GitHub-flavoured markdown table (pipes escaped, newlines as spaces)."""
    def cell(t: Term | None) -> str:
        return short(t, prefixes).replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")

    lines = ["| " + " | ".join(variables) + " |", "|" + "|".join("---" for _ in variables) + "|"]
    lines += ["| " + " | ".join(cell(t) for t in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


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
