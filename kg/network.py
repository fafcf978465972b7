"""The knowledge graph as a networkx MultiDiGraph of the entities researchers look at.

Nodes are documents, bodies, tasks, targets, persons and meetings (node id = IRI), read with SPARQL
from a `GraphStore`; source texts, mentions and indicators become attributes (reference counts, the
source sentence), not nodes. Every attribute is a GraphML/GEXF-safe scalar (str or int), so the same
graph feeds `kg viz`, `kg stats` and Gephi (`write_graphml`, `write_gexf`).
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import networkx as nx
from pyoxigraph import NamedNode, QuerySolutions, QueryTriples
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from kg.rdf.namespaces import VNKG_NS
from kg.rdf.vocab import VNKG
from kg.store import GraphStore

V = str(VNKG_NS)
PREFIXES = ("PREFIX vnkg: <https://w3id.org/vnkg/ontology#>\n"
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n")

# Display groups, in legend order: (key, class whose ontology label names the group).
GROUPS: tuple[tuple[str, str], ...] = tuple((k, str(c)) for k, c in (
    ("resolution", VNKG.Resolution), ("decision", VNKG.Decision), ("plan", VNKG.Plan), ("program", VNKG.Program),
    ("document", VNKG.LegalDocument), ("body", VNKG.Body), ("task", VNKG.Task), ("target", VNKG.Target),
    ("person", VNKG.Person), ("meeting", VNKG.Meeting)))
# rdflib's URIRef never equals a plain str: every IRI below is a str.
_ROOTS = {str(c): k for c, k in (
    (VNKG.LegalDocument, "document"), (VNKG.Body, "body"), (VNKG.StateBody, "body"), (VNKG.PartyBody, "body"),
    (VNKG.Agency, "body"), (VNKG.Congress, "body"), (VNKG.Task, "task"), (VNKG.Target, "target"),
    (VNKG.Person, "person"), (VNKG.Meeting, "meeting"))}
_DOC_GROUPS = {str(c): k for k, c in GROUPS[:4]}
_GENERIC = {str(VNKG.LegalDocument), str(VNKG.Body)}
# Edges that count as a reference to (or an implementation of) a document.
REFERENCE_PREDICATES = (str(VNKG.implements), str(VNKG.cites), "http://data.europa.eu/eli/ontology#cites")
# Literal properties kept as node attributes: predicate -> attribute.
_ATTRS = {str(p): a for p, a in (
    (VNKG.documentNumber, "number"), (VNKG.title, "title"), (VNKG.issuedOn, "date"), (VNKG.meetingDate, "date"),
    (VNKG.sentence, "sentence"), (VNKG.indicator, "indicator"), (VNKG.value, "value"), (VNKG.upperValue, "upper_value"),
    (VNKG.unit, "unit"), (VNKG.period, "period"), (VNKG.deadline, "deadline"),
    ("http://www.w3.org/2004/02/skos/core#altLabel", "alt_label"))}
# Imported terms the ontology declares without labels.
_EXTERNAL_LABELS = {
    "http://www.w3.org/ns/org#subOrganizationOf": {"vi": "trực thuộc", "en": "sub-organization of"},
    "http://www.w3.org/ns/org#memberOf": {"vi": "là thành viên của", "en": "member of"},
    "http://data.europa.eu/eli/ontology#cites": {"vi": "viện dẫn", "en": "cites"},
}


class NetworkError(Exception):
    """A view that cannot be built (one-line message)."""


def open_graph(source: str | Path | GraphStore) -> GraphStore:
    """A GraphStore as is, or a store folder / RDF file opened read-only."""
    return source if isinstance(source, GraphStore) else GraphStore.open(source)


@lru_cache(maxsize=1)
def ontology_labels() -> dict[str, dict[str, str]]:
    """rdfs:label of every ontology term by language: ``{iri: {"vi": ..., "en": ...}}``."""
    here = Path(__file__).resolve().parent
    labels: dict[str, dict[str, str]] = {k: dict(v) for k, v in _EXTERNAL_LABELS.items()}
    for path in (here / "ontology" / "vnkg.ttl", here.parent / "ontology" / "vnkg.ttl"):
        if path.is_file():
            g = Graph().parse(path, format="turtle")
            for s, o in g.subject_objects(RDFS.label):
                if isinstance(s, URIRef) and getattr(o, "language", None):
                    labels.setdefault(str(s), {})[o.language] = str(o)
            break
    return labels


def term_label(iri: str, lang: str = "vi") -> str:
    """The ontology label of a term in `lang` (the other language, then the local name, as fallbacks)."""
    entry = ontology_labels().get(iri, {})
    return entry.get(lang) or entry.get("vi") or entry.get("en") or _local(iri)


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _classify(classes: set[str]) -> tuple[str, str]:
    """(group key, most specific class IRI) of a node from its vnkg types."""
    for cls, group in _DOC_GROUPS.items():
        if cls in classes:
            return group, cls
    for root, group in _ROOTS.items():
        if root not in classes:
            continue
        if group == "document":
            narrower = sorted(classes - set(_ROOTS))
        elif group == "body":
            narrower = sorted(c for c in classes if _ROOTS.get(c) == "body" and c not in _GENERIC)
        else:
            narrower = []
        return group, narrower[0] if narrower else root
    raise KeyError(classes)


def _rows(store: GraphStore, sparql: str) -> Iterable[tuple]:
    result = store.query(PREFIXES + sparql)
    assert isinstance(result, QuerySolutions)
    for row in result:
        yield tuple(row)


def _value(term) -> str:
    return term.value if term is not None else ""


def to_networkx(source: str | Path | GraphStore) -> nx.MultiDiGraph:
    """The entity network of a store or RDF file (see the module docstring for what it holds)."""
    store = open_graph(source)
    roots = " ".join(f"<{c}>" for c in _ROOTS)
    classes: dict[str, set[str]] = defaultdict(set)
    for s, c in _rows(store, f"SELECT DISTINCT ?s ?c WHERE {{ VALUES ?k {{ {roots} }} ?s a ?k . ?s a ?c . "
                             f'FILTER(isIRI(?s) && STRSTARTS(STR(?c), "{V}")) }}'):
        classes[s.value].add(c.value)
    g = nx.MultiDiGraph()
    for iri in sorted(classes):
        group, cls = _classify(classes[iri])
        g.add_node(iri, iri=iri, group=group, cls=cls, label="", refs=0, mentions=0, implemented_by=0)
    _add_literals(store, g, roots)
    _add_edges(store, g)
    # Reference counts: source texts mentioning a document, documents implementing it.
    for d, n in _rows(store, "SELECT ?d (COUNT(DISTINCT ?t) AS ?n) WHERE { ?t vnkg:mentions ?d } GROUP BY ?d"):
        if d.value in g:
            g.nodes[d.value]["mentions"] = int(n.value)
    for _, o, data in g.edges(data=True):
        if data["predicate"] == str(VNKG.implements):
            g.nodes[o]["implemented_by"] += 1
    for _, data in g.nodes(data=True):
        data["refs"] = data["mentions"] + data["implemented_by"]
        if not data["label"]:
            data["label"] = data.get("number") or data.get("indicator") or _local(data["iri"])
    return g


def _add_literals(store: GraphStore, g: nx.MultiDiGraph, roots: str) -> None:
    labels: dict[str, tuple[int, str]] = {}
    for s, p, o in _rows(store, f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?k {{ {roots} }} ?s a ?k . ?s ?p ?o . "
                                f"FILTER(isLiteral(?o)) }} ORDER BY ?s ?p ?o"):
        if s.value not in g:
            continue
        if p.value == str(RDFS.label):
            rank = {"vi": 0, "": 1}.get(o.language or "", 2)
            if s.value not in labels or rank < labels[s.value][0]:
                labels[s.value] = (rank, o.value)
        elif p.value in _ATTRS:
            g.nodes[s.value].setdefault(_ATTRS[p.value], o.value)
    for s, (_, label) in labels.items():
        g.nodes[s]["label"] = label
    # Comparators are IRIs; the issuer's name and the source sentence of documents come from other nodes.
    for t, c in _rows(store, "SELECT ?t ?c WHERE { ?t a vnkg:Target ; vnkg:comparator ?c }"):
        if t.value in g:
            g.nodes[t.value]["comparator"] = term_label(c.value)
    for d, name in _rows(store, "SELECT ?d (MIN(?l) AS ?name) WHERE { ?d vnkg:issuedBy ?b . ?b rdfs:label ?l } "
                                "GROUP BY ?d"):
        if d.value in g:
            g.nodes[d.value]["issuer"] = name.value
    for d, sent in _rows(store, 'SELECT ?d (MIN(?k) AS ?best) WHERE { ?m vnkg:mentionOf ?d ; vnkg:sentence ?s . '
                                'OPTIONAL { ?m vnkg:role ?r } '
                                'BIND(CONCAT(IF(COALESCE(?r, "") = "self", "0", "1"), ?s) AS ?k) } GROUP BY ?d'):
        if d.value in g and "sentence" not in g.nodes[d.value]:
            g.nodes[d.value]["sentence"] = sent.value[1:]


def _add_edges(store: GraphStore, g: nx.MultiDiGraph) -> None:
    for s, p, o in _rows(store, "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o . FILTER(isIRI(?o) && isIRI(?s)) } "
                                "ORDER BY ?s ?p ?o"):
        if s.value in g and o.value in g and s.value != o.value and not g.has_edge(s.value, o.value, p.value):
            g.add_edge(s.value, o.value, key=p.value, predicate=p.value,
                       label=term_label(p.value, "vi"), label_en=term_label(p.value, "en"))


# -- views ----------------------------------------------------------------------------------------
def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("Đ", "D").replace("đ", "d").replace("Ð", "D")
    return "".join(ch for ch in text.upper() if not ch.isspace())


def resolve_focus(g: nx.MultiDiGraph, ref: str) -> list[str]:
    """Nodes named by `ref`: an IRI, or a document number in any spelling (every year's `01/NQ-CP`)."""
    ref = ref.strip()
    if ref in g:
        return [ref]
    from kg.extraction.symbols import canonical

    wanted = canonical(ref) or ref
    hits = [n for n, d in g.nodes(data=True) if d.get("number") == wanted]
    if not hits:
        folded = _fold(ref)
        hits = [n for n, d in g.nodes(data=True) if d.get("number") and _fold(d["number"]) == folded]
    return sorted(hits)


def neighbourhood(g: nx.MultiDiGraph, centres: Iterable[str], depth: int = 2) -> nx.MultiDiGraph:
    """The nodes within `depth` edges (either direction) of any centre, with the edges between them."""
    undirected = g.to_undirected(as_view=True)
    keep: set[str] = set()
    for c in centres:
        keep |= set(nx.single_source_shortest_path_length(undirected, c, cutoff=depth))
    return g.subgraph(keep).copy()


def query_nodes(store: GraphStore, sparql: str) -> set[str]:
    """The IRIs a SELECT query's rows or a CONSTRUCT query's triples name."""
    try:
        result = store.query(sparql)
    except SyntaxError as e:
        raise NetworkError(f"invalid SPARQL: {str(e).splitlines()[0]}") from e
    iris: set[str] = set()
    if isinstance(result, QuerySolutions):
        for row in result:
            iris.update(t.value for t in row if isinstance(t, NamedNode))
    elif isinstance(result, QueryTriples):
        for t in result:
            iris.update(x.value for x in (t.subject, t.object) if isinstance(x, NamedNode))
    else:
        raise NetworkError("an ASK query has no rows to draw: use SELECT or CONSTRUCT")
    return iris


def query_view(store: GraphStore, g: nx.MultiDiGraph, sparql: str) -> nx.MultiDiGraph:
    """The entities named by a query's results, with the edges between them."""
    return g.subgraph(query_nodes(store, sparql) & set(g)).copy()


# -- Gephi ----------------------------------------------------------------------------------------
def _exportable(graph_or_store: nx.MultiDiGraph | str | Path | GraphStore) -> nx.MultiDiGraph:
    g = graph_or_store if isinstance(graph_or_store, nx.Graph) else to_networkx(graph_or_store)
    out = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        out.add_node(n, **{k: v for k, v in d.items() if isinstance(v, str | int) and v != ""})
    for s, o, k, d in g.edges(keys=True, data=True):
        out.add_edge(s, o, key=k, **{a: v for a, v in d.items() if isinstance(v, str | int)})
    return out


def write_graphml(graph_or_store: nx.MultiDiGraph | str | Path | GraphStore, path: str | Path) -> int:
    """Write the entity network as GraphML (Gephi, yEd, Cytoscape); returns the number of nodes."""
    g = _exportable(graph_or_store)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(g, str(path), encoding="utf-8", named_key_ids=True)
    return g.number_of_nodes()


def write_gexf(graph_or_store: nx.MultiDiGraph | str | Path | GraphStore, path: str | Path) -> int:
    """Write the entity network as GEXF 1.2 (Gephi); returns the number of nodes."""
    g = _exportable(graph_or_store)
    for _, _, d in g.edges(data=True):  # GEXF reserves an edge's `label`; keep it under that name for Gephi
        d["label"] = d.get("label", "")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    nx.write_gexf(g, str(path), encoding="utf-8")
    return g.number_of_nodes()


__all__ = ["GROUPS", "REFERENCE_PREDICATES", "NetworkError", "neighbourhood", "ontology_labels",
           "open_graph", "query_nodes", "query_view", "resolve_focus", "term_label", "to_networkx",
           "write_gexf", "write_graphml"]
