"""Prefixes bound explicitly on every graph vnkg writes (no made-up ``ns1:`` prefixes)."""

from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import DCAT, DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, VOID, XSD

VNKG_NS = Namespace("https://w3id.org/vnkg/ontology#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
PREFIXES: dict[str, Namespace] = {
    "vnkg": VNKG_NS, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL, "skos": SKOS, "prov": PROV, "org": ORG,
    "eli": ELI, "dcterms": DCTERMS, "dcat": DCAT, "void": VOID, "foaf": FOAF,
}


def bind_prefixes(graph: Graph, base: str) -> None:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    graph.bind("id", Namespace(base), override=True, replace=True)
