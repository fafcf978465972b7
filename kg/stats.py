"""Graph analytics for researchers: what there is, what everything points to, and who implements what.

`graph_stats` returns plain data (JSON-ready): counts per class, the most referenced documents
(source texts mentioning them, documents implementing them, PageRank over references and
implementations), implementation chains over vnkg:implements, connected components of the entity
network (`kg.network`), and the bodies leading the most tasks.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx
from pyoxigraph import QuerySolutions

from kg.network import PREFIXES, REFERENCE_PREDICATES, open_graph, term_label, to_networkx
from kg.rdf.namespaces import PREFIXES as NAMESPACES
from kg.rdf.vocab import VNKG
from kg.store import GraphStore

DOCUMENT_GROUPS = {"resolution", "decision", "plan", "program", "document"}
MAX_CHAINS = 500


def graph_stats(source: str | Path | GraphStore, *, top: int = 10, lang: str = "vi") -> dict[str, Any]:
    """All analytics of a graph file or store, as JSON-ready data."""
    store = open_graph(source)
    g = to_networkx(store)
    return {
        "classes": class_counts(store, lang),
        "most_referenced": most_referenced(store, g, top=top),
        "implementation_chains": implementation_chains(g),
        "components": components(g),
        "bodies_by_tasks": bodies_by_tasks(g, top=top),
    }


_HOLDINGS = {
    "documents": "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?s vnkg:mentions ?d }",  # at every provenance level
    "bodies": "SELECT (COUNT(DISTINCT ?b) AS ?n) WHERE { ?d vnkg:issuedBy ?b }",
    "references": "SELECT (COUNT(?m) AS ?n) WHERE { ?m a vnkg:Mention }",
}


def holdings(source: str | Path | GraphStore) -> dict[str, int]:
    """Documents, issuing bodies and references (mentions) a graph holds: what `kg build` counts for the texts
    it reads, counted in the graph (an incremental build's summary says what the whole store holds)."""
    store = open_graph(source)
    prologue = f"PREFIX vnkg: <{NAMESPACES['vnkg']}> "
    out = {}
    for key, query in _HOLDINGS.items():
        rows = store.query(prologue + query)
        assert isinstance(rows, QuerySolutions)
        out[key] = int(next(iter(rows))["n"].value)
    return out


def class_counts(store: GraphStore, lang: str = "vi") -> list[dict[str, Any]]:
    """Instances per rdf:type, most frequent first."""
    result = store.query("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c")
    assert isinstance(result, QuerySolutions)
    rows = [{"class": _curie(c.value), "iri": c.value, "label": term_label(c.value, lang), "count": int(n.value)}
            for c, n in result]
    return sorted(rows, key=lambda r: (-r["count"], r["class"]))


def _curie(iri: str) -> str:
    for prefix, ns in NAMESPACES.items():
        if iri.startswith(str(ns)):
            return f"{prefix}:{iri[len(str(ns)):]}"
    return iri


def _name(g: nx.MultiDiGraph, n: str) -> str:
    d = g.nodes[n]
    return d.get("number") or d.get("label") or n


def reference_graph(store: GraphStore, g: nx.MultiDiGraph) -> nx.DiGraph:
    """Document -> document edges: a text's documents refer to the others it mentions; implements; cites."""
    docs = {n for n, d in g.nodes(data=True) if d["group"] in DOCUMENT_GROUPS}
    ref = nx.DiGraph()
    ref.add_nodes_from(docs)
    result = store.query(PREFIXES + "SELECT DISTINCT ?a ?m WHERE { ?t vnkg:about ?a ; vnkg:mentions ?m . "
                                    "FILTER(?a != ?m) }")
    assert isinstance(result, QuerySolutions)
    for a, m in result:
        if a.value in docs and m.value in docs:
            ref.add_edge(a.value, m.value)
    for s, o, d in g.edges(data=True):
        if d["predicate"] in REFERENCE_PREDICATES and s in docs and o in docs:
            ref.add_edge(s, o)
    return ref


def pagerank(graph: nx.DiGraph, *, alpha: float = 0.85, tol: float = 1e-10, max_iter: int = 200) -> dict[str, float]:
    """PageRank by power iteration (networkx's own needs scipy); dangling mass is spread evenly."""
    n = graph.number_of_nodes()
    if n == 0:
        return {}
    rank = dict.fromkeys(graph, 1.0 / n)
    out = {v: graph.out_degree(v) for v in graph}
    for _ in range(max_iter):
        dangling = alpha * sum(rank[v] for v in graph if out[v] == 0) / n
        new = dict.fromkeys(graph, (1.0 - alpha) / n + dangling)
        for v in graph:
            if out[v]:
                share = alpha * rank[v] / out[v]
                for w in graph.successors(v):
                    new[w] += share
        if sum(abs(new[v] - rank[v]) for v in graph) < n * tol:
            return new
        rank = new
    return rank


def most_referenced(store: GraphStore, g: nx.MultiDiGraph, *, top: int = 10) -> list[dict[str, Any]]:
    """Documents by references (mentioning texts + implementing documents), then PageRank."""
    ranks = pagerank(reference_graph(store, g))
    rows = []
    for n in ranks:
        d = g.nodes[n]
        rows.append({"iri": n, "name": _name(g, n), "label": d["label"], "class": _curie(d["cls"]),
                     "date": d.get("date", ""), "mentions": d["mentions"], "implemented_by": d["implemented_by"],
                     "pagerank": round(ranks[n], 5)})
    rows.sort(key=lambda r: (-(r["mentions"] + r["implemented_by"]), -r["pagerank"], r["name"]))
    return rows[:top]


def implementation_chains(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Every maximal path over vnkg:implements, from documents nothing implements up to the ones they serve."""
    imp = nx.DiGraph((s, o) for s, o, d in g.edges(data=True) if d["predicate"] == str(VNKG.implements))
    chains: list[list[str]] = []

    def walk(path: list[str]) -> None:
        if len(chains) >= MAX_CHAINS:
            return
        nxt = [w for w in sorted(imp.successors(path[-1])) if w not in path]
        if not nxt:
            chains.append(path)
        for w in nxt:
            walk([*path, w])

    for start in sorted(v for v in imp if imp.in_degree(v) == 0):
        walk([start])
    return [{"chain": " → ".join(_name(g, n) for n in c), "names": [_name(g, n) for n in c], "iris": c,
             "start_class": _curie(g.nodes[c[0]]["cls"]), "start_issuer": g.nodes[c[0]].get("issuer", "")}
            for c in chains]


def components(g: nx.MultiDiGraph) -> dict[str, Any]:
    """Weakly connected components of the entity network: count and sizes, largest first."""
    sizes = sorted((len(c) for c in nx.weakly_connected_components(g)), reverse=True)
    return {"count": len(sizes), "sizes": sizes, "nodes": g.number_of_nodes(), "edges": g.number_of_edges()}


def bodies_by_tasks(g: nx.MultiDiGraph, *, top: int = 10) -> list[dict[str, Any]]:
    """Bodies by the number of tasks they lead (vnkg:leadAgency), then cooperate on."""
    lead: dict[str, int] = defaultdict(int)
    coop: dict[str, int] = defaultdict(int)
    for _, o, d in g.edges(data=True):
        if d["predicate"] == str(VNKG.leadAgency):
            lead[o] += 1
        elif d["predicate"] == str(VNKG.cooperatingAgency):
            coop[o] += 1
    rows = [{"iri": b, "label": g.nodes[b]["label"], "lead_tasks": lead[b], "cooperating_tasks": coop.get(b, 0)}
            for b in lead]
    rows.sort(key=lambda r: (-r["lead_tasks"], -r["cooperating_tasks"], r["label"]))
    return rows[:top]
