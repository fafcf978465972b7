"""Map the entities read from one text to RDF triples (contract terms in CONTRACT.md, ontology in
``ontology/vnkg.ttl``). Pure: one `TextResult` in, an iterator of triples out.

Provenance: every document mention is a ``vnkg:Mention`` node (``vnkg:mentionOf``, ``vnkg:inSource``,
``vnkg:startOffset``/``vnkg:endOffset`` into the original text, ``vnkg:anchorText``, ``vnkg:sentence``);
targets, tasks and other items carry the same span properties and ``prov:wasDerivedFrom`` their text.
"""

from __future__ import annotations

import re
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
        plan = plan_index(res)
        plan_iri = doc_iris[plan] if plan is not None else None
        yield from self.targets(res, src, plan_iri)
        yield from self.tasks(res, src, plan_iri)
        yield from self.statements(res, src, plan_iri)
        yield from self.meetings(res, src, doc_iris)

    def targets(self, res: TextResult, src: URIRef, plan: URIRef | None) -> Iterator[Triple]:
        nodes = [self.iris.item("result" if t.is_result else "target", res.text_id, t.span.end) for t in res.targets]
        for t, node in zip(res.targets, nodes, strict=True):
            yield node, RDF.type, VNKG.Result if t.is_result else VNKG.Target
            yield node, PROV.wasDerivedFrom, src
            yield node, RDFS.label, vi(f"{t.indicator}: {t.span.text}"[:300])
            yield node, VNKG.indicator, string(t.indicator)
            concept = self.iris.indicator(indicator_key(t.indicator))
            yield node, VNKG.indicatorConcept, concept
            yield concept, RDF.type, VNKG.Indicator
            yield concept, RDF.type, SKOS.Concept
            yield concept, SKOS.prefLabel, vi(indicator_label(t.indicator))
            yield concept, SKOS.inScheme, VNKG.IndicatorScheme
            yield node, VNKG.value, decimal(t.value)
            if t.upper is not None:
                yield node, VNKG.upperValue, decimal(t.upper)
            yield node, VNKG.unit, string(t.unit)
            if t.base_value is not None:
                yield node, VNKG.baseValue, decimal(t.base_value)
                yield node, VNKG.baseUnit, string(t.base_unit or t.unit)
            if not t.is_result:
                yield node, VNKG.comparator, VNKG[t.comparator]
            if t.period:
                yield node, VNKG.period, string(t.period)
            if t.sector:
                yield node, VNKG.sector, string(t.sector)
            if t.parent is not None:
                yield node, VNKG.partOfTarget, nodes[t.parent]
            if t.against is not None:
                yield node, VNKG.measuredAgainst, nodes[t.against]
            if plan is not None:
                yield plan, VNKG.hasResult if t.is_result else VNKG.hasTarget, node
                if t.is_result and t.against is None:
                    yield node, VNKG.measuredAgainst, plan
            yield from self.span(node, t.span)

    def tasks(self, res: TextResult, src: URIRef, plan: URIRef | None) -> Iterator[Triple]:
        nodes = [self.iris.item("task", res.text_id, t.span.start) for t in res.tasks]
        for t, node in zip(res.tasks, nodes, strict=True):
            cls = {"Measure": VNKG.Measure, "Priority": VNKG.Priority}.get(t.kind, VNKG.Task)
            yield node, RDF.type, cls
            yield node, PROV.wasDerivedFrom, src
            yield node, RDFS.label, vi(t.label)
            yield node, VNKG.order, integer(t.order)
            if t.lead is not None:
                yield node, VNKG.leadAgency, self.iris.body(t.lead)
                yield from self.body(t.lead)
            for coop in t.cooperating:
                yield node, VNKG.cooperatingAgency, self.iris.body(coop)
                yield from self.body(coop)
            if t.deadline:
                # An exact date is written as an ISO date; a period as written ("Quý I", "Tháng 01").
                exact = t.deadline_norm if t.deadline_norm and len(t.deadline_norm) == 10 else None
                yield node, VNKG.deadline, string(exact or t.deadline)
            if t.deadline_norm:
                yield node, VNKG.deadlineNormalized, string(t.deadline_norm)
            if t.parent is not None:
                yield node, VNKG.partOfTask, nodes[t.parent]
            if plan is not None:
                pred = {"Measure": VNKG.hasMeasure, "Priority": VNKG.hasPriority}.get(t.kind, VNKG.hasTask)
                yield plan, pred, node
            yield from self.span(node, t.span)

    def statements(self, res: TextResult, src: URIRef, plan: URIRef | None) -> Iterator[Triple]:
        for st in res.statements:
            node = self.iris.item(st.kind, res.text_id, st.span.start)
            yield node, RDF.type, VNKG.Theme if st.kind == "theme" else VNKG.Motto
            yield node, PROV.wasDerivedFrom, src
            yield node, VNKG.statementText, string(st.text)
            yield node, RDFS.label, vi(st.text)
            yield node, VNKG.isDraft, Literal(st.draft)
            if st.year:
                yield node, VNKG.year, integer(st.year)
            if plan is not None and not st.draft:
                yield plan, VNKG.hasTheme if st.kind == "theme" else VNKG.hasMotto, node
            yield from self.span(node, st.span)

    def meetings(self, res: TextResult, src: URIRef, doc_iris: list[URIRef]) -> Iterator[Triple]:
        for mt in res.meetings:
            node = self.iris.item("meeting", res.text_id, mt.span.start)
            yield node, RDF.type, VNKG.Meeting
            yield node, RDFS.label, vi(mt.label)
            yield node, VNKG.reportedIn, src
            yield node, PROV.wasDerivedFrom, src
            if mt.date:
                yield node, VNKG.meetingDate, date(mt.date)
            if mt.chair is not None:
                yield node, VNKG.chairedBy, self.person_iri(res, res.people[mt.chair])
            if mt.body is not None:
                yield node, VNKG.heldBy, self.iris.body(mt.body)
                yield from self.body(mt.body)
            for i in mt.discussed:
                yield node, VNKG.discussed, doc_iris[i]
            yield from self.span(node, mt.span)

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


PLAN_TYPES = ("Plan", "Program", "Scheme")


def plan_index(res: TextResult) -> int | None:
    """The document a text's targets and tasks belong to: its plan or program, else what it is about."""
    for i in res.about:
        if res.documents[i].doc_type in PLAN_TYPES:
            return i
    return res.about[0] if res.about else None


_IND_DROP = re.compile(r"\s*\((?:[^()]*)\)|\b(?:của|toàn|trên địa bàn)\s+(?:tỉnh|thành phố)\b|\bnăm\s+\d{4}\b"
                       r"|\b(?:giai đoạn|nhiệm kỳ)\s+\d{4}\s*-\s*\d{4}\b", re.I)


def indicator_label(indicator: str) -> str:
    """The indicator as a reusable concept: without the province, the year or asides."""
    label = re.sub(r"\s+", " ", _IND_DROP.sub("", indicator)).strip(" ,.-")
    return (label[:1].upper() + label[1:]) if label else indicator


def indicator_key(indicator: str) -> str:
    return indicator_label(indicator).lower()


def text_triples(res: TextResult, iris: Iris, to_original: Callable[[int], int] | None = None) -> Iterator[Triple]:
    """All triples of one text."""
    yield from Mapper(iris, to_original).text(res)
