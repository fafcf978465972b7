"""The dataset description published with an export: VoID statistics and a DCAT catalogue entry.

Everything is counted from the data with SPARQL (union of the named graphs): ``void:triples`` (distinct
triples), ``void:entities`` (distinct subjects minted under the base), one ``void:classPartition`` per
class, the vocabularies used, ``void:uriSpace`` (the base), one ``dcat:Distribution`` per dump format and
``dcterms:spatial`` (the provinces in the data). The description lives in its own named graph
(``{base}graph/void``) and uses no blank nodes, so it is as stable as the data. The build date comes from
an option or ``SOURCE_DATE_EPOCH`` (reproducible builds), else today (UTC).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode, Quad, Store

from kg.rdf.namespaces import PREFIXES

VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD = "http://www.w3.org/2001/XMLSchema#"
VNKG = "https://w3id.org/vnkg/ontology#"
CC_BY_4 = "https://creativecommons.org/licenses/by/4.0/"
MEDIA_TYPES = {"turtle": ("text/turtle", ".ttl"), "nt": ("application/n-triples", ".nt"),
               "nquads": ("application/n-quads", ".nq"), "trig": ("application/trig", ".trig"),
               "jsonld": ("application/ld+json", ".jsonld"), "rdfxml": ("application/rdf+xml", ".rdf")}


@dataclass
class DescriptionOptions:
    """What the publisher says about the dataset (everything else is counted from the data)."""

    title: str = "vnkg: knowledge graph of Vietnamese government planning documents"
    title_vi: str = "vnkg: đồ thị tri thức về văn bản kế hoạch của chính quyền Việt Nam"
    description: str = ("Legal documents (resolutions, plans, programs...), the documents they implement, the "
                        "bodies that issued them, and the targets and tasks they set, extracted from "
                        "Vietnamese government texts.")
    publisher: str = "vnkg"
    license: str = CC_BY_4
    endpoint: str | None = None
    date: dt.date | None = None  # modified; default SOURCE_DATE_EPOCH, else today (UTC)
    issued: dt.date | None = None  # default: the same as `date`
    dump_base: str | None = None  # where the dumps are downloaded; default {base}dump/
    dump_name: str = "vnkg"  # file stem of the dumps
    dumps: list[str] = field(default_factory=lambda: ["turtle"])


def build_date(explicit: dt.date | None = None) -> dt.date:
    """The date a build is stamped with: `explicit`, else SOURCE_DATE_EPOCH, else today (UTC)."""
    if explicit is not None:
        return explicit
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.datetime.now(tz=dt.UTC).date()


def _rows(store: Store, sparql: str) -> list:
    return list(store.query(sparql, use_default_graph_as_union=True))  # type: ignore[arg-type]


def _count(store: Store, sparql: str) -> int:
    rows = _rows(store, sparql)
    return int(rows[0]["n"].value) if rows and rows[0]["n"] is not None else 0


def _namespace(iri: str) -> str:
    known = [ns for ns in map(str, PREFIXES.values()) if iri.startswith(ns)]
    if known:
        return max(known, key=len)
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1]


def _local(iri: str) -> str:
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[cut + 1:] or "thing"


def _prefix_of(ns: str) -> str:
    return next((p for p, n in PREFIXES.items() if str(n) == ns), "x")


def description_graph(base: str) -> NamedNode:
    """The named graph holding the description."""
    return NamedNode(base + "graph/void")


def describe(store: Store, base: str, options: DescriptionOptions | None = None) -> Store:
    """A memory store holding the VoID + DCAT description of `store` in the graph ``{base}graph/void``."""
    o = options or DescriptionOptions()
    g = description_graph(base)
    ds = NamedNode(base + "dataset")
    out = Store()

    def add(s: NamedNode, p: str, obj: NamedNode | Literal) -> None:
        out.add(Quad(s, NamedNode(p), obj, g))

    def typed(value: object, dtype: str) -> Literal:
        return Literal(str(value), datatype=NamedNode(XSD + dtype))

    triples = _count(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")
    entities = _count(store, f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s ?p ?o . "
                             f"FILTER(isIRI(?s) && STRSTARTS(STR(?s), {Literal(base)})) }}")
    out.add(Quad(ds, RDF_TYPE, NamedNode(VOID + "Dataset"), g))
    out.add(Quad(ds, RDF_TYPE, NamedNode(DCAT + "Dataset"), g))
    add(ds, VOID + "triples", typed(triples, "integer"))
    add(ds, VOID + "entities", typed(entities, "integer"))
    for key in ("distinctSubjects", "properties", "distinctObjects"):
        var = {"distinctSubjects": "?s", "properties": "?p", "distinctObjects": "?o"}[key]
        add(ds, VOID + key, typed(_count(store, f"SELECT (COUNT(DISTINCT {var}) AS ?n) WHERE {{ ?s ?p ?o }}"),
                                  "integer"))
    add(ds, VOID + "uriSpace", Literal(base))
    add(ds, VOID + "uriRegexPattern", Literal("^" + base.replace(".", "\\.")))
    vocabularies: set[str] = set()
    classes = _rows(store, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c . FILTER(isIRI(?c)) } GROUP BY ?c")
    for row in classes:
        c = row["c"].value
        vocabularies.add(_namespace(c))
        part = NamedNode(f"{base}dataset/class/{_prefix_of(_namespace(c))}-{_local(c)}")
        add(ds, VOID + "classPartition", part)
        add(part, VOID + "class", row["c"])
        add(part, VOID + "entities", typed(row["n"].value, "integer"))
    for row in _rows(store, "SELECT DISTINCT ?p WHERE { ?s ?p ?o }"):
        vocabularies.add(_namespace(row["p"].value))
    for ns in vocabularies:
        add(ds, VOID + "vocabulary", NamedNode(ns))
    if o.endpoint:
        add(ds, VOID + "sparqlEndpoint", NamedNode(o.endpoint))
    # DCAT
    add(ds, DCT + "title", Literal(o.title, language="en"))
    add(ds, DCT + "title", Literal(o.title_vi, language="vi"))
    add(ds, DCT + "description", Literal(o.description, language="en"))
    add(ds, DCT + "license", NamedNode(o.license))
    publisher = NamedNode(f"{base}agent/{_slug(o.publisher)}")
    add(ds, DCT + "publisher", publisher)
    out.add(Quad(publisher, RDF_TYPE, NamedNode(FOAF + "Agent"), g))
    add(publisher, FOAF + "name", Literal(o.publisher))
    modified = build_date(o.date)
    add(ds, DCT + "modified", typed(modified.isoformat(), "date"))
    add(ds, DCT + "issued", typed((o.issued or modified).isoformat(), "date"))
    add(ds, DCT + "conformsTo", NamedNode(VNKG.rstrip("#")))
    add(ds, DCAT + "keyword", Literal("knowledge graph", language="en"))
    add(ds, DCAT + "keyword", Literal("văn bản quy phạm pháp luật", language="vi"))
    for row in _rows(store, f"SELECT DISTINCT ?p WHERE {{ ?p a <{VNKG}Province> }}"):
        add(ds, DCT + "spatial", row["p"])
    dump_base = o.dump_base or base + "dump/"
    for name in o.dumps:
        if name not in MEDIA_TYPES:
            continue
        media, suffix = MEDIA_TYPES[name]
        url = NamedNode(dump_base + o.dump_name + suffix)
        dist = NamedNode(f"{base}dataset/distribution/{name}")
        add(ds, VOID + "dataDump", url)
        add(ds, DCAT + "distribution", dist)
        out.add(Quad(dist, RDF_TYPE, NamedNode(DCAT + "Distribution"), g))
        add(dist, DCAT + "downloadURL", url)
        add(dist, DCAT + "mediaType", NamedNode("https://www.iana.org/assignments/media-types/" + media))
        add(dist, DCT + "format", Literal(media))
        add(dist, DCT + "license", NamedNode(o.license))
        add(dist, DCT + "title", Literal(f"{o.dump_name}{suffix} ({media})", language="en"))
    if o.endpoint:
        service = NamedNode(f"{base}dataset/service/sparql")
        add(ds, DCAT + "distribution", NamedNode(f"{base}dataset/distribution/sparql"))
        dist = NamedNode(f"{base}dataset/distribution/sparql")
        out.add(Quad(dist, RDF_TYPE, NamedNode(DCAT + "Distribution"), g))
        add(dist, DCAT + "accessURL", NamedNode(o.endpoint))
        add(dist, DCAT + "accessService", service)
        out.add(Quad(service, RDF_TYPE, NamedNode(DCAT + "DataService"), g))
        add(service, DCAT + "endpointURL", NamedNode(o.endpoint))
        add(service, DCAT + "servesDataset", ds)
    return out


def _slug(text: str) -> str:
    from kg.extraction.text import slug

    return slug(text) or "publisher"
