"""Map the entities read from one text to RDF triples (contract terms in CONTRACT.md, ontology in
``ontology/vnkg.ttl``). Pure: one `TextResult` in, an iterator of triples out.

Provenance: every document mention is a ``vnkg:Mention`` node (``vnkg:mentionOf``, ``vnkg:inSource``,
``vnkg:startOffset``/``vnkg:endOffset`` into the original text, ``vnkg:anchorText``, ``vnkg:sentence``);
targets, tasks and other items carry the same span properties and ``prov:wasDerivedFrom`` their text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

from rdflib import RDF, RDFS, SKOS, XSD, Literal, Namespace, URIRef
from rdflib.namespace import ORG, PROV

from kg.extraction.lang_vi.doc_types import CLASS_WORDS
from kg.model import Body, DocumentRef, Span, TextResult
from kg.rdf.iris import Iris
from kg.rdf.vocab import VNKG

Triple = tuple[URIRef, URIRef, URIRef | Literal]
ELI = Namespace("http://data.europa.eu/eli/ontology#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
BODY_CLASSES = {"StateBody", "PartyBody", "Agency", "Congress"}


def vi(text: str) -> Literal:
    return Literal(text, lang="vi")


def string(text: str) -> Literal:
    return Literal(text)


def integer(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)


def decimal(d: Decimal) -> Literal:
    return Literal(d, datatype=XSD.decimal)


def date(iso: str) -> Literal:
    return Literal(iso, datatype=XSD.date)


def doc_label(doc: DocumentRef) -> str:
    if doc.number:
        return f"{CLASS_WORDS.get(doc.doc_type or 'LegalDocument', 'Văn bản')} {doc.number}"
    return doc.label or doc.title or "Văn bản"


class Mapper:
    """Maps one text's entities to triples under a given IRI base."""

    def __init__(self, iris: Iris, to_original: Callable[[int], int] | None = None) -> None:
        self.iris = iris
        self.to_original = to_original or (lambda i: i)

    def body(self, body: Body) -> Iterator[Triple]:
        b = self.iris.body(body)
        yield b, RDF.type, VNKG[body.kind] if body.kind in BODY_CLASSES else VNKG.Body
        yield b, RDF.type, VNKG.Body
        yield b, RDFS.label, vi(body.name)
        for a in body.abbreviations:
            yield b, SKOS.altLabel, vi(a)
        if body.scope != "vn" and not body.scope.startswith("unknown-"):
            yield b, VNKG.province, self.iris.province(body.scope)
        if body.parent is not None:
            yield b, ORG.subOrganizationOf, self.iris.body(body.parent)
            yield from self.body(body.parent)

    def span(self, node: URIRef, span: Span) -> Iterator[Triple]:
        yield node, VNKG.startOffset, integer(self.to_original(span.start))
        yield node, VNKG.endOffset, integer(self.to_original(span.end))
        yield node, VNKG.anchorText, string(span.text)
        if span.sentence:
            yield node, VNKG.sentence, string(span.sentence)

    def document(self, res: TextResult, doc: DocumentRef, src: URIRef) -> Iterator[Triple]:
        d = self.iris.document(doc)
        cls = doc.doc_type or "LegalDocument"
        yield d, RDF.type, VNKG[cls]
        yield d, RDF.type, VNKG.LegalDocument
        yield d, RDFS.label, vi(doc_label(doc))
        if doc.number:
            yield d, VNKG.documentNumber, string(doc.number)
        if doc.title:
            yield d, VNKG.title, string(doc.title)
        if doc.date:
            yield d, VNKG.issuedOn, date(doc.date)
        if doc.year:
            yield d, VNKG.year, integer(doc.year)
        if doc.issuer is not None:
            yield d, VNKG.issuedBy, self.iris.body(doc.issuer)
            yield from self.body(doc.issuer)
        yield src, VNKG.mentions, d
        for sp in doc.spans:
            m = self.iris.mention(res.text_id, sp.start, sp.end)
            yield m, RDF.type, VNKG.Mention
            yield m, VNKG.mentionOf, d
            yield m, VNKG.inSource, src
            yield m, VNKG.role, string(doc.role)
            yield from self.span(m, sp)

    def text(self, res: TextResult) -> Iterator[Triple]:
        src = self.iris.text(res.text_id)
        yield src, RDF.type, VNKG.SourceText
        yield src, VNKG.fileName, string(res.file_name)
        yield src, VNKG.format, string(res.fmt)
        yield src, VNKG.charCount, integer(res.char_count)
        if res.title:
            yield src, RDFS.label, vi(res.title)
        if res.source_url:
            yield src, VNKG.sourceUrl, Literal(res.source_url, datatype=XSD.anyURI)
        if res.published:
            yield src, VNKG.publishedOn, date(res.published)
        if res.province_slug:
            p = self.iris.province(res.province_slug)
            yield src, VNKG.province, p
            yield p, RDF.type, VNKG.Province
            yield p, RDFS.label, vi(res.province or res.province_slug)
        doc_iris = [self.iris.document(d) for d in res.documents]
        for doc in res.documents:
            yield from self.document(res, doc, src)
        for i in res.about:
            yield src, VNKG.about, doc_iris[i]
        for link in res.links:
            pred = VNKG.implements if link.predicate == "implements" else VNKG.promulgates
            yield doc_iris[link.subject], pred, doc_iris[link.obj]
        for person in res.people:
            yield from self.person(res, person, src)
        if res.signer is not None and res.about:
            p = self.person_iri(res, res.people[res.signer])
            yield doc_iris[res.about[0]], VNKG.signedBy, p

    def person_iri(self, res: TextResult, person) -> URIRef:
        return self.iris.person(res.province_slug or f"text-{res.text_id}", person.name)

    def person(self, res: TextResult, person, src: URIRef) -> Iterator[Triple]:
        p = self.person_iri(res, person)
        yield p, RDF.type, VNKG.Person
        yield p, RDFS.label, vi(person.name)
        yield p, PROV.wasDerivedFrom, src
        for i, (title, body) in enumerate(person.posts):
            if not title:
                continue
            post = URIRef(f"{p}/post/{i}-{res.text_id}")
            yield post, RDF.type, VNKG.Post
            yield post, RDFS.label, vi(title)
            yield p, ORG.holds, post
            if body is not None:
                yield post, ORG.postIn, self.iris.body(body)
                yield from self.body(body)


def text_triples(res: TextResult, iris: Iris, to_original: Callable[[int], int] | None = None) -> Iterator[Triple]:
    """All triples of one text."""
    yield from Mapper(iris, to_original).text(res)
