"""Map the entities read from one text to RDF triples (contract terms in CONTRACT.md, ontology in
``ontology/vnkg.ttl``). Pure: one `TextResult` in, an iterator of triples out.

Terms are N-Triples strings (`kg.rdf.terms`): `text_quads` gives a text's N-Quads, which every build writes
(`kg build`, and the Python API `kg.build.build_dataset`, which parses them into rdflib only at the end).

Provenance, by level (`PROVENANCE`, ``kg build --provenance``):

- ``full``: every document mention is a ``vnkg:Mention`` node (``vnkg:mentionOf``, ``vnkg:inSource``,
  ``vnkg:role``, ``vnkg:startOffset``/``vnkg:endOffset`` into the original text, ``vnkg:anchorText``,
  ``vnkg:sentence``); targets, tasks and other items carry the same span properties and
  ``prov:wasDerivedFrom`` their text;
- ``spans``: the same without the copied strings ``vnkg:anchorText`` and ``vnkg:sentence``;
- ``none``: no mention nodes and no span properties: facts, with ``vnkg:mentions`` from their text and
  ``prov:wasDerivedFrom`` it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from kg.extraction.lang_vi.doc_types import CLASS_WORDS
from kg.model import Body, DocumentRef, Span, TextResult
from kg.rdf.iris import Iris
from kg.rdf.terms import NTriplesTerms

Triple = tuple[Any, Any, Any]
BODY_CLASSES = {"StateBody", "PartyBody", "Agency", "Congress"}
PROVENANCE = ("full", "spans", "none")  # provenance levels, the most first
NT_TERMS = NTriplesTerms()


def doc_label(doc: DocumentRef) -> str:
    if doc.number:
        return f"{CLASS_WORDS.get(doc.doc_type or 'LegalDocument', 'Văn bản')} {doc.number}"
    return doc.label or doc.title or "Văn bản"


class Mapper:
    """Maps one text's entities to triples under a given IRI base."""

    def __init__(self, iris: Iris, to_original: Callable[[int], int] | None = None,
                 provenance: str = "full") -> None:
        if provenance not in PROVENANCE:
            raise ValueError(f"provenance must be one of {', '.join(PROVENANCE)}, not {provenance!r}")
        self.t = NT_TERMS
        self.iris = iris
        self.to_original = to_original or (lambda i: i)
        self.spans = provenance != "none"
        self.copies = provenance == "full"

    def body(self, body: Body) -> Iterator[Triple]:
        rt = self.t
        b = self.iris.body(body)
        yield b, rt.type, getattr(rt.v, body.kind) if body.kind in BODY_CLASSES else rt.v.Body
        yield b, rt.type, rt.v.Body
        yield b, rt.label, rt.vi(body.name)
        for a in body.abbreviations:
            yield b, rt.altLabel, rt.vi(a)
        if body.scope != "vn" and not body.scope.startswith("unknown-"):
            yield b, rt.v.province, self.iris.province(body.scope)
        if body.parent is not None:
            yield b, rt.subOrganizationOf, self.iris.body(body.parent)
            yield from self.body(body.parent)

    def span(self, node: Any, span: Span) -> Iterator[Triple]:
        if not self.spans:
            return
        rt = self.t
        yield node, rt.v.startOffset, rt.integer(self.to_original(span.start))
        yield node, rt.v.endOffset, rt.integer(self.to_original(span.end))
        if not self.copies:
            return
        yield node, rt.v.anchorText, rt.string(span.text)
        if span.sentence:
            yield node, rt.v.sentence, rt.string(span.sentence)

    def document(self, res: TextResult, doc: DocumentRef, src: Any) -> Iterator[Triple]:
        rt = self.t
        d = self.iris.document(doc)
        cls = doc.doc_type or "LegalDocument"
        yield d, rt.type, getattr(rt.v, cls)
        yield d, rt.type, rt.v.LegalDocument
        yield d, rt.label, rt.vi(doc_label(doc))
        if doc.number:
            yield d, rt.v.documentNumber, rt.string(doc.number)
        if doc.title:
            yield d, rt.v.title, rt.string(doc.title)
        if doc.date:
            yield d, rt.v.issuedOn, rt.date(doc.date)
        if doc.year:
            yield d, rt.v.year, rt.integer(doc.year)
        if doc.issuer is not None:
            yield d, rt.v.issuedBy, self.iris.body(doc.issuer)
            yield from self.body(doc.issuer)
        yield src, rt.v.mentions, d
        for sp in doc.spans if self.spans else ():
            m = self.iris.mention(res.text_id, sp.start, sp.end)
            yield m, rt.type, rt.v.Mention
            yield m, rt.v.mentionOf, d
            yield m, rt.v.inSource, src
            yield m, rt.v.role, rt.string(doc.role)
            yield from self.span(m, sp)

    def text(self, res: TextResult) -> Iterator[Triple]:
        rt = self.t
        src = self.iris.text(res.text_id)
        yield src, rt.type, rt.v.SourceText
        yield src, rt.v.fileName, rt.string(res.file_name)
        yield src, rt.v.format, rt.string(res.fmt)
        yield src, rt.v.charCount, rt.integer(res.char_count)
        if res.title:
            yield src, rt.label, rt.vi(res.title)
        if res.source_url:
            yield src, rt.v.sourceUrl, rt.any_uri(res.source_url)
        if res.published:
            yield src, rt.v.publishedOn, rt.date(res.published)
        if res.province_slug:
            p = self.iris.province(res.province_slug)
            yield src, rt.v.province, p
            yield p, rt.type, rt.v.Province
            yield p, rt.label, rt.vi(res.province or res.province_slug)
        doc_iris = [self.iris.document(d) for d in res.documents]
        for doc in res.documents:
            yield from self.document(res, doc, src)
        for i in res.about:
            yield src, rt.v.about, doc_iris[i]
        for link in res.links:
            pred = rt.v.implements if link.predicate == "implements" else rt.v.promulgates
            yield doc_iris[link.subject], pred, doc_iris[link.obj]
        for person in res.people:
            yield from self.person(res, person, src)
        if res.signer is not None and res.about:
            p = self.person_iri(res, res.people[res.signer])
            yield doc_iris[res.about[0]], rt.v.signedBy, p
        plan = plan_index(res)
        plan_iri = doc_iris[plan] if plan is not None else None
        yield from self.targets(res, src, plan_iri)
        yield from self.tasks(res, src, plan_iri)
        yield from self.statements(res, src, plan_iri)
        yield from self.meetings(res, src, doc_iris)

    def targets(self, res: TextResult, src: Any, plan: Any | None) -> Iterator[Triple]:
        rt = self.t
        nodes = [self.iris.item("result" if t.is_result else "target", res.text_id, t.span.end) for t in res.targets]
        for t, node in zip(res.targets, nodes, strict=True):
            yield node, rt.type, rt.v.Result if t.is_result else rt.v.Target
            yield node, rt.wasDerivedFrom, src
            yield node, rt.label, rt.vi(f"{t.indicator}: {t.span.text}"[:300])
            yield node, rt.v.indicator, rt.string(t.indicator)
            concept = self.iris.indicator(indicator_key(t.indicator))
            yield node, rt.v.indicatorConcept, concept
            yield concept, rt.type, rt.v.Indicator
            yield concept, rt.type, rt.Concept
            yield concept, rt.prefLabel, rt.vi(indicator_label(t.indicator))
            yield concept, rt.inScheme, rt.v.IndicatorScheme
            yield node, rt.v.value, rt.decimal(t.value)
            if t.upper is not None:
                yield node, rt.v.upperValue, rt.decimal(t.upper)
            yield node, rt.v.unit, rt.string(t.unit)
            if t.base_value is not None:
                yield node, rt.v.baseValue, rt.decimal(t.base_value)
                yield node, rt.v.baseUnit, rt.string(t.base_unit or t.unit)
            yield node, rt.v.comparator, getattr(rt.v, t.comparator)
            if t.period:
                yield node, rt.v.period, rt.string(t.period)
            if t.sector:
                yield node, rt.v.sector, rt.string(t.sector)
            if t.parent is not None:
                yield node, rt.v.partOfTarget, nodes[t.parent]
            if t.against is not None:
                yield node, rt.v.measuredAgainst, nodes[t.against]
            if plan is not None:
                yield plan, rt.v.hasResult if t.is_result else rt.v.hasTarget, node
                if t.is_result and t.against is None:
                    yield node, rt.v.measuredAgainst, plan
            yield from self.span(node, t.span)

    def tasks(self, res: TextResult, src: Any, plan: Any | None) -> Iterator[Triple]:
        rt = self.t
        nodes = [self.iris.item("task", res.text_id, t.span.start) for t in res.tasks]
        for t, node in zip(res.tasks, nodes, strict=True):
            cls = {"Measure": rt.v.Measure, "Priority": rt.v.Priority}.get(t.kind, rt.v.Task)
            yield node, rt.type, cls
            yield node, rt.wasDerivedFrom, src
            yield node, rt.label, rt.vi(t.label)
            yield node, rt.v.order, rt.integer(t.order)
            for lead in [t.lead, *t.leads] if t.lead is not None else []:
                yield node, rt.v.leadAgency, self.iris.body(lead)
                yield from self.body(lead)
            for coop in t.cooperating:
                yield node, rt.v.cooperatingAgency, self.iris.body(coop)
                yield from self.body(coop)
            if t.deadline:
                # An exact date is written as an ISO date; a period as written ("Quý I", "Tháng 01").
                exact = t.deadline_norm if t.deadline_norm and len(t.deadline_norm) == 10 else None
                yield node, rt.v.deadline, rt.string(exact or t.deadline)
            if t.deadline_norm:
                yield node, rt.v.deadlineNormalized, rt.string(t.deadline_norm)
            if t.parent is not None:
                yield node, rt.v.partOfTask, nodes[t.parent]
            if plan is not None:
                pred = {"Measure": rt.v.hasMeasure, "Priority": rt.v.hasPriority}.get(t.kind, rt.v.hasTask)
                yield plan, pred, node
            yield from self.span(node, t.span)

    def statements(self, res: TextResult, src: Any, plan: Any | None) -> Iterator[Triple]:
        rt = self.t
        for st in res.statements:
            node = self.iris.item(st.kind, res.text_id, st.span.start)
            yield node, rt.type, rt.v.Theme if st.kind == "theme" else rt.v.Motto
            yield node, rt.wasDerivedFrom, src
            yield node, rt.v.statementText, rt.string(st.text)
            yield node, rt.label, rt.vi(st.text)
            yield node, rt.v.isDraft, rt.boolean(st.draft)
            if st.year:
                yield node, rt.v.year, rt.integer(st.year)
            if plan is not None and not st.draft:
                yield plan, rt.v.hasTheme if st.kind == "theme" else rt.v.hasMotto, node
            yield from self.span(node, st.span)

    def meetings(self, res: TextResult, src: Any, doc_iris: list[Any]) -> Iterator[Triple]:
        rt = self.t
        for mt in res.meetings:
            node = self.iris.item("meeting", res.text_id, mt.span.start)
            yield node, rt.type, rt.v.Meeting
            yield node, rt.label, rt.vi(mt.label)
            yield node, rt.v.reportedIn, src
            yield node, rt.wasDerivedFrom, src
            if mt.date:
                yield node, rt.v.meetingDate, rt.date(mt.date)
            if mt.chair is not None:
                yield node, rt.v.chairedBy, self.person_iri(res, res.people[mt.chair])
            if mt.body is not None:
                yield node, rt.v.heldBy, self.iris.body(mt.body)
                yield from self.body(mt.body)
            for i in mt.discussed:
                yield node, rt.v.discussed, doc_iris[i]
            yield from self.span(node, mt.span)

    def person_iri(self, res: TextResult, person) -> Any:
        return self.iris.person(res.province_slug or f"text-{res.text_id}", person.name)

    def person(self, res: TextResult, person, src: Any) -> Iterator[Triple]:
        rt = self.t
        p = self.person_iri(res, person)
        yield p, rt.type, rt.v.Person
        yield p, rt.label, rt.vi(person.name)
        yield p, rt.wasDerivedFrom, src
        for i, (title, body) in enumerate(person.posts):
            if not title:
                continue
            post = self.iris.post(res.province_slug or f"text-{res.text_id}", person.name, i, res.text_id)
            yield post, rt.type, rt.v.Post
            yield post, rt.label, rt.vi(title)
            yield p, rt.holds, post
            if body is not None:
                yield post, rt.postIn, self.iris.body(body)
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


@lru_cache(maxsize=16384)
def indicator_label(indicator: str) -> str:
    """The indicator as a reusable concept: without the province, the year or asides."""
    label = re.sub(r"\s+", " ", _IND_DROP.sub("", indicator)).strip(" ,.-")
    return (label[:1].upper() + label[1:]) if label else indicator


def indicator_key(indicator: str) -> str:
    return indicator_label(indicator).lower()


def quad_lines(res: TextResult, base: str, graph: str, to_original: Callable[[int], int] | None = None,
               provenance: str = "full") -> list[str]:
    """All triples of one text as N-Quads lines in the named graph `graph`, each once, with the provenance
    of level ``provenance`` (one of `PROVENANCE`)."""
    tail = f" {NT_TERMS.iri(graph)} .\n"
    # Subjects and predicates are IRIs (no spaces), so equal triples are equal lines: each triple is written
    # once, in the order first given, deduplicated on the triple (its terms' hashes are cached) not the line.
    triples = dict.fromkeys(Mapper(Iris(base, make=NT_TERMS.iri), to_original, provenance).text(res))
    return [f"{s} {p} {o}{tail}" for s, p, o in triples]


def text_quads(res: TextResult, base: str, graph: str, to_original: Callable[[int], int] | None = None,
               provenance: str = "full") -> str:
    """`quad_lines` as one N-Quads text."""
    return "".join(quad_lines(res, base, graph, to_original, provenance))
