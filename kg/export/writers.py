"""One writer per export format, in a name -> writer table (`WRITERS`).

A writer gets the data (a pyoxigraph store: named graphs, or the default graph for a Turtle source),
an `extra` store holding the dataset description in its own named graph, the prefixes, and a binary
file to write to. Formats that can stream do (nothing but the store is held in memory):

* ``turtle``: vnkg's own sorted writer (subjects, then ``a`` and the predicates, then the objects, in
  code-point order; all vnkg prefixes declared up front), so the same input gives byte-identical output
  and diffs between builds are readable. Blank nodes get labels by first appearance (vnkg mints none).
* ``nt``: distinct triples of the union of the graphs, streamed by Oxigraph.
* ``nquads``/``trig``: Oxigraph's dump, one named graph per source text, plus the description graph.
* ``rdfxml``: Oxigraph's writer over an in-memory copy of the union (about 0.7 GB per million triples);
  characters XML 1.0 cannot carry are dropped from literals.
* ``jsonld``: compact JSON-LD with the published ``@context`` (kg/data/context.jsonld) via rdflib, which
  holds the graph in memory: meant for graphs up to ~1M triples (use nt/nquads beyond that).
* ``graphml``/``gexf``: the network view, written by ``kg.network`` (documents, bodies, relations).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Store, serialize

from kg.export.xmlsafe import xml_safe
from kg.store import named_quads

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")
_BARE = {XSD + "integer": re.compile(r"^[+-]?\d+$"), XSD + "decimal": re.compile(r"^[+-]?\d*\.\d+$"),
         XSD + "boolean": re.compile(r"^(true|false)$")}
_UNION = "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }"

Writer = Callable[[Store, Store, dict[str, str], IO[bytes]], None]


@dataclass(frozen=True)
class Format:
    """An export format: its writer, file suffix, media type and whether it keeps named graphs."""

    name: str
    suffix: str
    media_type: str
    quads: bool
    write: Writer | None = None  # None: a network format written by kg.network
    rdf: bool = True


# --- Turtle, sorted and stable -------------------------------------------------------------------


class _Terms:
    """Turtle spelling of pyoxigraph terms with the given prefixes."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.prefixes = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))
        self.blanks: dict[str, str] = {}

    def iri(self, value: str) -> str:
        for prefix, ns in self.prefixes:
            if value.startswith(ns) and _LOCAL.match(value[len(ns):]):
                return f"{prefix}:{value[len(ns):]}"
        return f"<{value}>"

    def term(self, t: NamedNode | BlankNode | Literal) -> str:
        if isinstance(t, NamedNode):
            return self.iri(t.value)
        if isinstance(t, BlankNode):
            return "_:" + self.blanks.setdefault(t.value, f"b{len(self.blanks)}")
        dt = t.datatype.value
        bare = _BARE.get(dt)
        if bare is not None and bare.match(t.value):
            return t.value
        if t.language or dt == XSD + "string":
            return str(t)
        return str(Literal(t.value)) + "^^" + self.iri(dt)


def _sort_key(t: NamedNode | BlankNode | Literal) -> tuple[int, str, str]:
    return (2 if isinstance(t, Literal) else 1 if isinstance(t, BlankNode) else 0, t.value, str(t))


def write_turtle(data: Store, extra: Store, prefixes: dict[str, str], out: IO[bytes]) -> None:
    """Sorted Turtle of the union of all graphs: the same triples always give the same bytes."""
    terms = _Terms(prefixes)
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(prefixes.items()))
    out.write(header.encode())
    stores = [data, extra]
    subjects: set[NamedNode | BlankNode] = set()
    for store in stores:
        subjects.update(q.subject for q in store)  # type: ignore[misc]
    for s in sorted(subjects, key=_sort_key):
        pos: dict[str, set[NamedNode | BlankNode | Literal]] = {}
        for store in stores:
            for q in store.quads_for_pattern(s, None, None, None):
                pos.setdefault(q.predicate.value, set()).add(q.object)
        preds = sorted(pos, key=lambda p: (p != RDF_TYPE, p))
        lines = []
        for p in preds:
            objs = " ,\n        ".join(terms.term(o) for o in sorted(pos[p], key=_sort_key))
            lines.append(("a" if p == RDF_TYPE else terms.iri(p)) + " " + objs)
        out.write(("\n" + terms.term(s) + " " + " ;\n    ".join(lines) + " .\n").encode())


# --- streamed formats -----------------------------------------------------------------------------


def write_ntriples(data: Store, extra: Store, prefixes: dict[str, str], out: IO[bytes]) -> None:
    """Distinct triples of the union, streamed (no Python objects per triple)."""
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { " + _UNION + " }"
    for store in (data, extra):
        store.query(construct, use_default_graph_as_union=True).serialize(out, RdfFormat.N_TRIPLES)


def _dump_quads(fmt: RdfFormat) -> Writer:
    def write(data: Store, extra: Store, prefixes: dict[str, str], out: IO[bytes]) -> None:
        for store in (data, extra):
            serialize(named_quads(store), out, fmt, prefixes=prefixes if fmt is RdfFormat.TRIG else None)

    write.__doc__ = f"{fmt.name}: every named graph as stored, then the description graph."
    return write


def _union(data: Store, extra: Store, xml: bool = False) -> Store:
    union = Store()
    for store in (data, extra):
        quads = (Quad(r["s"], r["p"], r["o"], DefaultGraph())  # type: ignore[arg-type]
                 for r in store.query(_UNION, use_default_graph_as_union=True))  # type: ignore[union-attr]
        union.extend(xml_safe(quads) if xml else quads)
    return union


def write_rdfxml(data: Store, extra: Store, prefixes: dict[str, str], out: IO[bytes]) -> None:
    """RDF/XML of the union, written by Oxigraph from an in-memory copy of the distinct triples (literals
    without the characters XML 1.0 forbids, so the file stays well-formed)."""
    _union(data, extra, xml=True).dump(out, RdfFormat.RDF_XML, from_graph=DefaultGraph(), prefixes=prefixes)


@cache
def published_context() -> dict:
    """The published JSON-LD @context of the vnkg terms (kg/data/context.jsonld)."""
    text = resources.files("kg").joinpath("data/context.jsonld").read_text(encoding="utf-8")
    return json.loads(text)["@context"]


def write_jsonld(data: Store, extra: Store, prefixes: dict[str, str], out: IO[bytes]) -> None:
    """Compact JSON-LD with the published @context inlined (so it parses back offline)."""
    from rdflib import Graph

    graph = Graph()
    nt = _union(data, extra).dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph())
    graph.parse(data=nt, format="nt")
    context = dict(published_context())
    context.update({p: ns for p, ns in prefixes.items() if p not in context})
    text = graph.serialize(format="json-ld", context=context, auto_compact=True, sort_keys=True, indent=1)
    out.write(text.encode("utf-8"))


WRITERS: dict[str, Format] = {f.name: f for f in (
    Format("turtle", ".ttl", "text/turtle", False, write_turtle),
    Format("nt", ".nt", "application/n-triples", False, write_ntriples),
    Format("nquads", ".nq", "application/n-quads", True, _dump_quads(RdfFormat.N_QUADS)),
    Format("trig", ".trig", "application/trig", True, _dump_quads(RdfFormat.TRIG)),
    Format("jsonld", ".jsonld", "application/ld+json", False, write_jsonld),
    Format("rdfxml", ".rdf", "application/rdf+xml", False, write_rdfxml),
    Format("graphml", ".graphml", "application/graphml+xml", False, None, rdf=False),
    Format("gexf", ".gexf", "application/gexf+xml", False, None, rdf=False),
)}
ALIASES = {"ttl": "turtle", "ntriples": "nt", "n-triples": "nt", "nq": "nquads", "n-quads": "nquads",
           "json-ld": "jsonld", "xml": "rdfxml", "rdf": "rdfxml", "rdf/xml": "rdfxml"}
RDF_FORMATS = [name for name, f in WRITERS.items() if f.rdf]


def get_format(name: str) -> Format:
    """The format called `name` (or an alias such as ``ttl``, ``nq``, ``json-ld``); ValueError if unknown."""
    key = ALIASES.get(name.lower(), name.lower())
    if key not in WRITERS:
        raise ValueError(f"unknown export format {name!r} (use {', '.join(WRITERS)})")
    return WRITERS[key]


def format_for_path(path: Path) -> Format:
    """The format of an output file, from its suffix; ValueError for a suffix no writer has."""
    by_suffix = {f.suffix: f for f in WRITERS.values()}
    by_suffix.update({".json": WRITERS["jsonld"], ".xml": WRITERS["rdfxml"], ".owl": WRITERS["rdfxml"],
                      ".ntriples": WRITERS["nt"]})
    try:
        return by_suffix[path.suffix.lower()]
    except KeyError:
        known = " ".join(sorted(by_suffix))
        raise ValueError(f"{path}: unknown output format {path.suffix or '(no suffix)'!r} (use {known}, "
                         "or name one with -f)") from None


def iter_triples(store: Store) -> Iterable[tuple[NamedNode | BlankNode, NamedNode, NamedNode | BlankNode | Literal]]:
    """Distinct triples of the union of all graphs of a store, streamed."""
    for r in store.query(_UNION, use_default_graph_as_union=True):  # type: ignore[union-attr]
        yield r["s"], r["p"], r["o"]
