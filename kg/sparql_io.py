"""SPARQL query results and graphs as bytes in the W3C formats, with pyoxigraph and the standard library only
(the endpoint's query workers import this and nothing heavier; ``kg.results`` re-exports it).

* Whole results (``serialize``): pyoxigraph's own writers, which follow the W3C specs exactly.
* Row by row (``iter_rows``, used by the endpoint, which streams and caps at ``--max-rows``): rows read from
  the iterator cannot be handed back to pyoxigraph, so these writers reproduce its output byte for byte,
  one row at a time, so a large answer starts at once and is never held whole.
* Graph results (CONSTRUCT/DESCRIBE): Turtle (with the prefixes given), N-Triples or JSON-LD.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from json.encoder import encode_basestring as _json_string  # json.dumps' own (C)
from typing import BinaryIO

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Triple,
)
from pyoxigraph import (
    serialize as ox_serialize,
)

QueryResult = QuerySolutions | QueryTriples | QueryBoolean


def escape(text: str, entities: dict[str, str] | None = None) -> str:
    """XML character escaping (what ``xml.sax.saxutils.escape`` does, without its slow imports)."""
    text = text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    for k, v in (entities or {}).items():
        text = text.replace(k, v)
    return text
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
    cut = [False]
    rows = list(solution_rows(solutions, limit, cut))
    return [v.value for v in solutions.variables], rows, cut[0]


def serialize(result: QueryResult, fmt: str, prefixes: dict[str, str] | None = None) -> bytes:
    """A whole result in a W3C format (``json xml csv tsv`` for solutions/booleans, graph formats for triples)."""
    if isinstance(result, QueryTriples):
        return serialize_graph(result, fmt, prefixes)
    if fmt not in RESULT_FORMATS:
        raise ValueError(f"unknown results format {fmt!r} (use {', '.join(RESULT_FORMATS)})")
    return result.serialize(format=RESULT_FORMATS[fmt])


def write_graph(triples: Iterable[Triple], out: BinaryIO, fmt: str = "turtle",
                prefixes: dict[str, str] | None = None) -> None:
    """Triples written to ``out`` as the writer reads them (Turtle with the given prefixes, N-Triples, JSON-LD)."""
    if fmt not in GRAPH_FORMATS:
        fmt = "turtle"
    ox_serialize(triples, out, format=GRAPH_FORMATS[fmt], prefixes=prefixes if fmt == "turtle" else None)


def serialize_graph(triples: Iterable[Triple], fmt: str = "turtle", prefixes: dict[str, str] | None = None) -> bytes:
    """Triples as Turtle (with the given prefixes), N-Triples or JSON-LD."""
    if fmt not in GRAPH_FORMATS:
        fmt = "turtle"
    return ox_serialize(list(triples), format=GRAPH_FORMATS[fmt], prefixes=prefixes if fmt == "turtle" else None) \
        or b""


def serialize_rows(variables: Sequence[str], rows: Iterable[Row], fmt: str) -> bytes:
    """Rows in a W3C results format, identical to what pyoxigraph writes for the same solutions."""
    return b"".join(iter_rows(variables, rows, fmt))


def iter_rows(variables: Sequence[str], rows: Iterable[Row], fmt: str) -> Iterator[bytes]:
    """The same document as ``serialize_rows``, piece by piece: the head first, then each row as it is read
    from ``rows`` (an iterator over the store's solutions is never read ahead), then the tail."""
    if fmt not in RESULT_FORMATS:
        raise ValueError(f"unknown results format {fmt!r} (use {', '.join(RESULT_FORMATS)})")
    if fmt == "json":
        yield ('{"head":' + json.dumps({"vars": list(variables)}, ensure_ascii=False, separators=(",", ":"))
               + ',"results":{"bindings":[').encode()
        sep = ""
        keys = [_json_string(v) + ":" for v in variables]  # each row written as json.dumps would, 3x faster
        for row in rows:
            yield (sep + "{" + ",".join(k + _json_term_text(t) for k, t in zip(keys, row, strict=True)
                                        if t is not None) + "}").encode()
            sep = ","
        yield b"]}}"
    elif fmt == "xml":
        head = "".join(f'<variable name="{v}"/>' for v in variables)
        yield ('<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">'
               f"<head>{head}</head><results>").encode()
        for row in rows:
            yield ("<result>" + "".join(f'<binding name="{v}">{_xml_term(t)}</binding>'
                                        for v, t in zip(variables, row, strict=True) if t is not None)
                   + "</result>").encode()
        yield b"</results></sparql>"
    elif fmt == "csv":
        yield (",".join(variables) + "\r\n").encode()
        for row in rows:
            yield (",".join(_csv_term(t) for t in row) + "\r\n").encode()
    else:
        yield ("\t".join("?" + v for v in variables) + "\n").encode()
        for row in rows:
            yield ("\t".join(_tsv_term(t) for t in row) + "\n").encode()


def solution_rows(solutions: QuerySolutions, limit: int | None = None,
                  cut: list[bool] | None = None) -> Iterator[Row]:
    """The solutions as rows, read one at a time; at most ``limit`` (then ``cut[0]`` is set to True)."""
    for n, solution in enumerate(solutions):
        if limit is not None and n >= limit:
            if cut is not None:
                cut[0] = True
            return
        yield list(solution)  # the values in the order of the variables (None: unbound); 8x faster than by name


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


def _json_term_text(t: Term) -> str:
    """``_json_term`` written as ``json.dumps(..., ensure_ascii=False, separators=(",", ":"))`` writes it."""
    if isinstance(t, NamedNode):
        return '{"type":"uri","value":' + _json_string(t.value) + "}"
    if isinstance(t, BlankNode):
        return '{"type":"bnode","value":' + _json_string(t.value) + "}"
    if isinstance(t, Triple):
        return ('{"type":"triple","value":{"subject":' + _json_term_text(t.subject) + ',"predicate":'
                + _json_term_text(t.predicate) + ',"object":' + _json_term_text(t.object) + "}}")
    value = '{"type":"literal","value":' + _json_string(t.value)
    if t.language:
        return value + ',"xml:lang":' + _json_string(t.language) + "}"
    if t.datatype.value != XSD + "string":
        return value + ',"datatype":' + _json_string(t.datatype.value) + "}"
    return value + "}"


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
