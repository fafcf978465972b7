"""Human documentation of the ontology (`kg docs`): one self-contained HTML page made by pyLODE 3.3.4.

pyLODE glues the labels of a term together when it has several (``triển khai thực hiệnimplements``), so it
is given a copy of the ontology in which each term has one label, ``vi label · en label``; comments stay in
both languages. The page has no external resources (it works offline).
"""

from __future__ import annotations

import logging
from pathlib import Path

from rdflib import DCTERMS, OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef

from kg.validate import ontology_file


class DocsError(Exception):
    """The documentation cannot be generated (one-line message)."""


def _merge(graph: Graph, prop: URIRef, sep: str) -> None:
    for term in sorted({s for s in graph.subjects(prop) if isinstance(s, URIRef)}, key=str):
        texts = {getattr(o, "language", None): str(o) for o in graph.objects(term, prop)}
        vi, en = texts.get("vi"), texts.get("en")
        if vi and en and vi != en:
            graph.remove((term, prop, None))
            graph.add((term, prop, Literal(f"{vi}{sep}{en}")))


def _for_pylode(graph: Graph) -> Graph:
    """One label/title/description per term, and no second header (pyLODE takes a SKOS concept scheme
    for the document's subject: the indicator scheme stays documented as an individual)."""
    for prop in (RDFS.label, DCTERMS.title, SKOS.prefLabel):
        _merge(graph, prop, " · ")
    _merge(graph, DCTERMS.description, "\n\n")
    for header in graph.subjects(RDF.type, OWL.Ontology):
        if (header, DCTERMS.title, None) in graph:
            graph.remove((header, RDFS.label, None))
    graph.remove((None, RDF.type, SKOS.ConceptScheme))
    return graph


def ontology_html(ontology: Path | None = None) -> str:
    """The HTML documentation of the ontology (default: ontology/vnkg.ttl)."""
    try:
        from pylode import OntPub
    except Exception as e:  # pylode 3.4.1 fails on import
        raise DocsError(f"pyLODE is not usable ({type(e).__name__}: {e}); pip install 'pylode==3.3.4'") from e
    graph = _for_pylode(Graph().parse(ontology or ontology_file("vnkg.ttl"), format="turtle"))
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
