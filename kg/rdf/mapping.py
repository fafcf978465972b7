"""Map the entities read from one text to RDF triples (contract terms in CONTRACT.md, ontology in
``ontology/vnkg.ttl``). Pure: one `TextResult` in, a list of triples out.

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
from collections.abc import Callable
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
    """Maps one text's entities to triples under a given IRI base. Each part appends its triples to one list
    (``out``, in the order written; repeats are left to the caller), no generator chain per triple."""

    def __init__(self, iris: Iris, to_original: Callable[[int], int] | None = None,
                 provenance: str = "full") -> None:
        if provenance not in PROVENANCE:
            raise ValueError(f"provenance must be one of {', '.join(PROVENANCE)}, not {provenance!r}")
        self.t = NT_TERMS
        self.iris = iris
        self.to_original = to_original or (lambda i: i)
        self.spans = provenance != "none"
        self.copies = provenance == "full"
        self.out: list[Triple] = []
        self.add = self.out.append

    def body(self, body: Body) -> None:
        rt, add = self.t, self.add
        b = self.iris.body(body)
        add((b, rt.type, getattr(rt.v, body.kind) if body.kind in BODY_CLASSES else rt.v.Body))
        add((b, rt.type, rt.v.Body))
        add((b, rt.label, rt.vi(body.name)))
        for a in body.abbreviations:
            add((b, rt.altLabel, rt.vi(a)))
        if body.scope != "vn" and not body.scope.startswith("unknown-"):
            add((b, rt.v.province, self.iris.province(body.scope)))
        if body.parent is not None:
            add((b, rt.subOrganizationOf, self.iris.body(body.parent)))
            self.body(body.parent)

    def span(self, node: Any, span: Span) -> None:
        if not self.spans:
            return
        rt, add = self.t, self.add
        add((node, rt.v.startOffset, rt.integer(self.to_original(span.start))))
        add((node, rt.v.endOffset, rt.integer(self.to_original(span.end))))
        if not self.copies:
            return
        add((node, rt.v.anchorText, rt.string(span.text)))
        if span.sentence:
            add((node, rt.v.sentence, rt.string(span.sentence)))

    def document(self, res: TextResult, doc: DocumentRef, src: Any) -> None:
        rt, add = self.t, self.add
        d = self.iris.document(doc)
        cls = doc.doc_type or "LegalDocument"
        add((d, rt.type, getattr(rt.v, cls)))
        add((d, rt.type, rt.v.LegalDocument))
        add((d, rt.label, rt.vi(doc_label(doc))))
        if doc.number:
            add((d, rt.v.documentNumber, rt.string(doc.number)))
        if doc.title:
            add((d, rt.v.title, rt.string(doc.title)))
        if doc.date:
            add((d, rt.v.issuedOn, rt.date(doc.date)))
        if doc.year:
            add((d, rt.v.year, rt.integer(doc.year)))
        if doc.issuer is not None:
            add((d, rt.v.issuedBy, self.iris.body(doc.issuer)))
            self.body(doc.issuer)
        add((src, rt.v.mentions, d))
        if not self.spans:
            return
        role = rt.string(doc.role)
        for sp in doc.spans:
            m = self.iris.mention(res.text_id, sp.start, sp.end)
            add((m, rt.type, rt.v.Mention))
            add((m, rt.v.mentionOf, d))
            add((m, rt.v.inSource, src))
            add((m, rt.v.role, role))
            self.span(m, sp)

    def text(self, res: TextResult) -> list[Triple]:
        """Every triple of ``res``, in order (a triple may come more than once)."""
        rt, add = self.t, self.add
        self.out.clear()
        src = self.iris.text(res.text_id)
        add((src, rt.type, rt.v.SourceText))
        add((src, rt.v.fileName, rt.string(res.file_name)))
        add((src, rt.v.format, rt.string(res.fmt)))
        add((src, rt.v.charCount, rt.integer(res.char_count)))
        if res.title:
            add((src, rt.label, rt.vi(res.title)))
        if res.source_url:
            add((src, rt.v.sourceUrl, rt.any_uri(res.source_url)))
        if res.published:
            add((src, rt.v.publishedOn, rt.date(res.published)))
        if res.province_slug:
            p = self.iris.province(res.province_slug)
            add((src, rt.v.province, p))
            add((p, rt.type, rt.v.Province))
            add((p, rt.label, rt.vi(res.province or res.province_slug)))
        doc_iris = [self.iris.document(d) for d in res.documents]
        for doc in res.documents:
            self.document(res, doc, src)
        for i in res.about:
            add((src, rt.v.about, doc_iris[i]))
        for link in res.links:
            pred = rt.v.implements if link.predicate == "implements" else rt.v.promulgates
            add((doc_iris[link.subject], pred, doc_iris[link.obj]))
        for person in res.people:
            self.person(res, person, src)
        if res.signer is not None and res.about:
            p = self.person_iri(res, res.people[res.signer])
            add((doc_iris[res.about[0]], rt.v.signedBy, p))
        plan = plan_index(res)
        plan_iri = doc_iris[plan] if plan is not None else None
        self.targets(res, src, plan_iri)
        self.tasks(res, src, plan_iri)
        self.statements(res, src, plan_iri)
        self.meetings(res, src, doc_iris)
        return self.out

    def targets(self, res: TextResult, src: Any, plan: Any | None) -> None:
        rt, add, v = self.t, self.add, self.t.v
        nodes = [self.iris.item("result" if t.is_result else "target", res.text_id, t.span.end) for t in res.targets]
        for t, node in zip(res.targets, nodes, strict=True):
            add((node, rt.type, v.Result if t.is_result else v.Target))
            add((node, rt.wasDerivedFrom, src))
            add((node, rt.label, rt.vi(f"{t.indicator}: {t.span.text}"[:300])))
            add((node, v.indicator, rt.string(t.indicator)))
            concept = self.iris.indicator(indicator_key(t.indicator))
            add((node, v.indicatorConcept, concept))
            add((concept, rt.type, v.Indicator))
            add((concept, rt.type, rt.Concept))
            add((concept, rt.prefLabel, rt.vi(indicator_label(t.indicator))))
            add((concept, rt.inScheme, v.IndicatorScheme))
            add((node, v.value, rt.decimal(t.value)))
            if t.upper is not None:
                add((node, v.upperValue, rt.decimal(t.upper)))
            add((node, v.unit, rt.string(t.unit)))
            if t.base_value is not None:
                add((node, v.baseValue, rt.decimal(t.base_value)))
                add((node, v.baseUnit, rt.string(t.base_unit or t.unit)))
            add((node, v.comparator, getattr(v, t.comparator)))
            if t.period:
                add((node, v.period, rt.string(t.period)))
            if t.sector:
                add((node, v.sector, rt.string(t.sector)))
            if t.parent is not None:
                add((node, v.partOfTarget, nodes[t.parent]))
            if t.against is not None:
                add((node, v.measuredAgainst, nodes[t.against]))
            if plan is not None:
                add((plan, v.hasResult if t.is_result else v.hasTarget, node))
                if t.is_result and t.against is None:
                    add((node, v.measuredAgainst, plan))
            self.span(node, t.span)

    def tasks(self, res: TextResult, src: Any, plan: Any | None) -> None:
        rt, add = self.t, self.add
        nodes = [self.iris.item("task", res.text_id, t.span.start) for t in res.tasks]
        for t, node in zip(res.tasks, nodes, strict=True):
            cls = {"Measure": rt.v.Measure, "Priority": rt.v.Priority}.get(t.kind, rt.v.Task)
            add((node, rt.type, cls))
            add((node, rt.wasDerivedFrom, src))
            add((node, rt.label, rt.vi(t.label)))
            add((node, rt.v.order, rt.integer(t.order)))
            for lead in [t.lead, *t.leads] if t.lead is not None else []:
                add((node, rt.v.leadAgency, self.iris.body(lead)))
                self.body(lead)
            for coop in t.cooperating:
                add((node, rt.v.cooperatingAgency, self.iris.body(coop)))
                self.body(coop)
            if t.deadline:
                # As the text writes it ("Trước ngày 15/8/2024", "Quý I năm 2025", "Hằng quý"); the normal form
                # (2024-08-15, 2025-Q1) is vnkg:deadlineNormalized.
                add((node, rt.v.deadline, rt.string(t.deadline)))
            if t.deadline_norm:
                add((node, rt.v.deadlineNormalized, rt.string(t.deadline_norm)))
            if t.parent is not None:
                add((node, rt.v.partOfTask, nodes[t.parent]))
            if plan is not None:
                pred = {"Measure": rt.v.hasMeasure, "Priority": rt.v.hasPriority}.get(t.kind, rt.v.hasTask)
                add((plan, pred, node))
            self.span(node, t.span)

    def statements(self, res: TextResult, src: Any, plan: Any | None) -> None:
        rt, add = self.t, self.add
        for st in res.statements:
            node = self.iris.item(st.kind, res.text_id, st.span.start)
            add((node, rt.type, rt.v.Theme if st.kind == "theme" else rt.v.Motto))
            add((node, rt.wasDerivedFrom, src))
            add((node, rt.v.statementText, rt.string(st.text)))
            add((node, rt.label, rt.vi(st.text)))
            add((node, rt.v.isDraft, rt.boolean(st.draft)))
            if st.year:
                add((node, rt.v.year, rt.integer(st.year)))
            if plan is not None and not st.draft:
                add((plan, rt.v.hasTheme if st.kind == "theme" else rt.v.hasMotto, node))
            self.span(node, st.span)

    def meetings(self, res: TextResult, src: Any, doc_iris: list[Any]) -> None:
        rt, add = self.t, self.add
        for mt in res.meetings:
            node = self.iris.item("meeting", res.text_id, mt.span.start)
            add((node, rt.type, rt.v.Meeting))
            add((node, rt.label, rt.vi(mt.label)))
            add((node, rt.v.reportedIn, src))
            add((node, rt.wasDerivedFrom, src))
            if mt.date:
                add((node, rt.v.meetingDate, rt.date(mt.date)))
            if mt.chair is not None:
                add((node, rt.v.chairedBy, self.person_iri(res, res.people[mt.chair])))
            if mt.body is not None:
                add((node, rt.v.heldBy, self.iris.body(mt.body)))
                self.body(mt.body)
            for i in mt.discussed:
                add((node, rt.v.discussed, doc_iris[i]))
            self.span(node, mt.span)

    def person_iri(self, res: TextResult, person) -> Any:
        return self.iris.person(res.province_slug or f"text-{res.text_id}", person.name)

    def person(self, res: TextResult, person, src: Any) -> None:
        rt, add = self.t, self.add
        p = self.person_iri(res, person)
        add((p, rt.type, rt.v.Person))
        add((p, rt.label, rt.vi(person.name)))
        add((p, rt.wasDerivedFrom, src))
        for i, (title, body) in enumerate(person.posts):
            if not title:
                continue
            post = self.iris.post(res.province_slug or f"text-{res.text_id}", person.name, i, res.text_id)
            add((post, rt.type, rt.v.Post))
            add((post, rt.label, rt.vi(title)))
            add((p, rt.holds, post))
            if body is not None:
                add((post, rt.postIn, self.iris.body(body)))
                self.body(body)


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
