"""SPARQL query results and graphs as bytes in the W3C formats, with pyoxigraph and the standard library only
(the endpoint's query workers import this and nothing heavier; ``kg.results`` re-exports it).

* Whole results (``serialize``): pyoxigraph's own writers, which follow the W3C specs exactly.
* Capped results (``serialize_rows``, used by the endpoint's ``--max-rows``): rows already read from the
  iterator cannot be handed back to pyoxigraph, so these writers reproduce its output byte for byte.
* Graph results (CONSTRUCT/DESCRIBE): Turtle (with the prefixes given), N-Triples or JSON-LD.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence

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
    variables = [v.value for v in solutions.variables]
    rows: list[Row] = []
    for solution in solutions:
        if limit is not None and len(rows) >= limit:
            return variables, rows, True
        rows.append([solution[v] for v in variables])
    return variables, rows, False


def serialize(result: QueryResult, fmt: str, prefixes: dict[str, str] | None = None) -> bytes:
    """A whole result in a W3C format (``json xml csv tsv`` for solutions/booleans, graph formats for triples)."""
    if isinstance(result, QueryTriples):
        return serialize_graph(result, fmt, prefixes)
    if fmt not in RESULT_FORMATS:
        raise ValueError(f"unknown results format {fmt!r} (use {', '.join(RESULT_FORMATS)})")
    return result.serialize(format=RESULT_FORMATS[fmt])


def serialize_graph(triples: Iterable[Triple], fmt: str = "turtle", prefixes: dict[str, str] | None = None) -> bytes:
    """Triples as Turtle (with the given prefixes), N-Triples or JSON-LD."""
    if fmt not in GRAPH_FORMATS:
        fmt = "turtle"
    return ox_serialize(list(triples), format=GRAPH_FORMATS[fmt], prefixes=prefixes if fmt == "turtle" else None) \
        or b""


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
