"""Human documentation of the ontology (`kg docs`): one self-contained HTML page made by pyLODE 3.3.4.

pyLODE glues the labels of a term together when it has several (``triển khai thực hiệnimplements``), so it
is given a copy of the ontology in which each term has one label, ``vi label · en label``; comments stay in
both languages. The page has no external resources (it works offline).
"""

from __future__ import annotations

import logging
from pathlib import Path

from rdflib import RDFS, Graph, Literal, URIRef

from kg.validate import ontology_file


class DocsError(Exception):
    """The documentation cannot be generated (one-line message)."""


def _one_label(graph: Graph) -> Graph:
    for term in sorted({s for s in graph.subjects(RDFS.label) if isinstance(s, URIRef)}, key=str):
        labels = {getattr(o, "language", None): str(o) for o in graph.objects(term, RDFS.label)}
        vi, en = labels.get("vi"), labels.get("en")
        if vi and en and vi != en:
            graph.remove((term, RDFS.label, None))
            graph.add((term, RDFS.label, Literal(f"{vi} · {en}")))
    return graph


def ontology_html(ontology: Path | None = None) -> str:
    """The HTML documentation of the ontology (default: ontology/vnkg.ttl)."""
    try:
        from pylode import OntPub
    except Exception as e:  # pylode 3.4.1 fails on import
        raise DocsError(f"pyLODE is not usable ({type(e).__name__}: {e}); pip install 'pylode==3.3.4'") from e
    graph = _one_label(Graph().parse(ontology or ontology_file("vnkg.ttl"), format="turtle"))
    logging.getLogger().setLevel(max(logging.getLogger().level, logging.WARNING))  # pyLODE logs at INFO
    return OntPub(ontology=graph).make_html()


def write_docs(output: Path, ontology: Path | None = None) -> int:
    """Write the documentation page atomically; return its size in bytes."""
    from kg.export import _atomic

    html = ontology_html(ontology)
    output.parent.mkdir(parents=True, exist_ok=True)
    with _atomic(output) as tmp:
        Path(tmp).write_text(html, encoding="utf-8")
    return len(html.encode("utf-8"))
