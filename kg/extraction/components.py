"""The rule-based spaCy components of vnkg, one job each: call a rule module, then write what it read as
labelled spans in ``doc.spans`` (`kg.extraction.spans`). Later components read earlier ones' results from
the pipeline state ``doc._.vnkg``, which the first component creates when a Doc arrives without one.

They are plain callables; `kg.extraction.factories` registers them with spaCy by name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc

from kg.extraction import documents, header, links, named, people, references, statements, targets, tasks
from kg.extraction.annotations import Annotations, new_annotations
from kg.extraction.dates import find_dates
from kg.extraction.province import detect_province
from kg.extraction.spans import add_spans, freeze, written
from kg.extraction.symbols import find_symbols
from kg.extraction.text import segment, slug, table_cells
from kg.model import Body, Person, Span


def ann_of(doc: Doc) -> Annotations:
    """The pipeline state of `doc`, created for a Doc that arrives without one (``nlp(text)``)."""
    ann = doc._.vnkg
    if ann is None:
        ann = doc._.vnkg = new_annotations(doc.text)
    return ann


class Segmenter:
    """Sentence-like segments, robust to lines broken mid-sentence and flattened tables."""

    def __call__(self, doc: Doc) -> Doc:
        ann = ann_of(doc)
        ann.segments = segment(ann.text)
        ann.table_cells = table_cells(ann.text)
        return doc


class ProvinceDetector:
    """The province of the text: sidecar first, then header and place names. Never guessed."""

    def __call__(self, doc: Doc) -> Doc:
        ann = ann_of(doc)
        res = ann.result
        if res.province is None:
            res.province = detect_province(ann.text)
        res.province_slug = slug(res.province) if res.province else None
        return doc


class DateRecognizer:
    """Every full date, as ISO."""

    def __call__(self, doc: Doc) -> Doc:
        ann = ann_of(doc)
        ann.dates = find_dates(ann.text)
        add_spans(doc, "dates", ((d.start, d.end, "Date", i) for i, d in enumerate(ann.dates)))
        return doc


class DocumentNumberRecognizer:
    """Document numbers and symbols, canonicalised."""

    def __call__(self, doc: Doc) -> Doc:
        ann = ann_of(doc)
        ann.symbols = find_symbols(ann.text)
        return doc


class DocumentTypeTagger:
    """The type of each numbered document, from the word before it or its type code."""

    def __call__(self, doc: Doc) -> Doc:
        ann = ann_of(doc)
        ann.refs = references.read_types(ann.text, ann.symbols, ann.segments)
        return doc


class IssuerTagger:
    """Date, issuing body and subject of each numbered document."""

    def __call__(self, doc: Doc) -> Doc:
        ann = ann_of(doc)
        references.read_tails(ann.text, ann.refs, ann.segments, ann.province, ann.unknown_scope)
        ann.bodies = issuer_mentions(ann)
        add_spans(doc, "bodies", ((a, b, body.kind, i) for i, (body, a, b) in enumerate(ann.bodies)))
        return doc


def issuer_mentions(ann: Annotations) -> list[tuple[Body, int, int]]:
    """The issuers named right after a document's number (``… của Bộ Chính trị``), where they are written."""
    out: list[tuple[Body, int, int]] = []
    for ref in ann.refs:
        if ref.issuer is None or not ref.issuer_from_text:
            continue
        om = references.OF_RE.search(ann.text, ref.sym.end, ref.tail_end)  # the body ends the tail
        if om is not None and om.end() < ref.tail_end:
            out.append((ref.issuer, om.end(), ref.tail_end))
    return out


class HeaderReader:
    """The text's own document (official header) and its signer."""

    def __call__(self, doc: Doc) -> Doc:
        ann = ann_of(doc)
        ann.header = header.read_header(ann.text, ann.province, ann.unknown_scope)
        ann.signature = header.read_signature(ann.text) if ann.header else None
        return doc


class NamedDocumentRecognizer:
    """Documents known by name, without a symbol."""

    def __call__(self, doc: Doc) -> Doc:
        ann = ann_of(doc)
        # table cells and the header's title are read too: drafted documents, the plan a decision approves
        title = ann.header.title_span if ann.header is not None else None
        ann.named = named.read_named(ann.text, ann.province, ann.unknown_scope, [], title)
        return doc


class DocumentAssembler:
    """One entity per document of the text, from all its mentions."""

    def __call__(self, doc: Doc) -> Doc:
        ann = ann_of(doc)
        documents.assemble(ann)
        write_documents(doc, ann)
        return doc


def write_documents(doc: Doc, ann: Annotations, only_missing: bool = False) -> None:
    """One span per mention of each document, labelled with its type."""
    skip = written(doc, "documents") if only_missing else set()
    add_spans(doc, "documents", ((sp.start, sp.end, d.doc_type or "LegalDocument", i)
                                 for i, d in enumerate(ann.result.documents) if i not in skip for sp in d.spans))


class LinkReader:
    """What the text is about; which documents implement or promulgate which."""

    def __call__(self, doc: Doc) -> Doc:
        ann = ann_of(doc)
        links.link(ann)
        _write(doc, "links", ann.result.links, lambda lk: lk.predicate)
        return doc


def plan_year(ann: Annotations) -> int | None:
    """The year a text's plan is for: its own or announced document's year, else its title's."""
    res = ann.result
    for i in res.about:
        if res.documents[i].year:
            return res.documents[i].year
    m = re.search(r"năm\s+((?:19|20)\d{2})", res.title or ann.text[:400])
    if m:
        return int(m.group(1))
    return int(res.published[:4]) if res.published else None


class TargetReader:
    """Numeric targets and achieved results."""

    def __call__(self, doc: Doc) -> Doc:
        ann = ann_of(doc)
        titles = [(r.word_start, r.title_end) for r in ann.refs if r.title]
        ann.result.targets = targets.read_targets(ann.text, plan_year(ann), titles)
        write_targets(doc, ann)
        return doc


def write_targets(doc: Doc, ann: Annotations, only_missing: bool = False) -> None:
    """Targets under ``targets``, achieved results under ``results`` (indices into one list)."""
    skip = written(doc, "targets") | written(doc, "results") if only_missing else set()
    items = [(i, t) for i, t in enumerate(ann.result.targets) if i not in skip]
    add_spans(doc, "targets", ((t.span.start, t.span.end, "Target", i) for i, t in items if not t.is_result))
    add_spans(doc, "results", ((t.span.start, t.span.end, "Result", i) for i, t in items if t.is_result))


class TaskReader:
    """Tasks with lead agency and deadline; measures under numbered task groups."""

    def __call__(self, doc: Doc) -> Doc:
        ann = ann_of(doc)
        ctx = tasks.TaskContext(ann.province, ann.unknown_scope, plan_year(ann))
        ann.result.tasks = tasks.read_tasks(ann.text, ann.table_cells, ctx)
        _write(doc, "tasks", ann.result.tasks, lambda t: t.kind)
        return doc


class StatementReader:
    """The year's theme and motto, adopted or draft."""

    def __call__(self, doc: Doc) -> Doc:
        ann = ann_of(doc)
        ann.result.statements = statements.read_statements(ann.text)
        _write(doc, "statements", ann.result.statements, lambda st: st.kind.capitalize())
        return doc


class PeopleReader:
    """People with their posts, and the meetings they chaired."""

    def __call__(self, doc: Doc) -> Doc:
        ann = ann_of(doc)
        res = ann.result
        found = people.read_people(ann.text, ann.province, ann.unknown_scope)
        res.people.extend(found)
        res.meetings = people.read_meetings(ann.text, res.people, plan_year(ann), ann.province, ann.unknown_scope)
        if res.meetings:
            discussed = people.discussed_documents(ann.text, [d.spans for d in res.documents])
            for meeting in res.meetings:
                meeting.discussed = discussed
        add_signer(ann)
        _write(doc, "people", res.people, lambda p: "Person")
        _write(doc, "meetings", res.meetings, lambda m: "Meeting")
        return doc


def add_signer(ann: Annotations) -> None:
    """The signer of the text's own document, as a person holding the post signed under."""
    res, sig = ann.result, ann.signature
    if sig is None or ann.header_doc is None:
        return
    known = next((i for i, p in enumerate(res.people) if p.name == sig.name), None)
    if known is None:
        res.people.append(Person(sig.name, Span(sig.start, sig.end, ann.text[sig.start:sig.end], ""), []))
        known = len(res.people) - 1
    if sig.post:
        res.people[known].posts.append((sig.post, res.documents[ann.header_doc].issuer))
    res.signer = known


class SpanCompleter:
    """The last step: spans for what a later rule added to an earlier kind, plain attributes on every span."""

    def __call__(self, doc: Doc) -> Doc:
        ann = ann_of(doc)
        res = ann.result
        write_documents(doc, ann, only_missing=True)
        write_targets(doc, ann, only_missing=True)
        for key, items, label in (("links", res.links, lambda lk: lk.predicate), ("tasks", res.tasks, lambda t: t.kind),
                                  ("statements", res.statements, lambda st: st.kind.capitalize()),
                                  ("people", res.people, lambda p: "Person"),
                                  ("meetings", res.meetings, lambda m: "Meeting")):
            _write(doc, key, items, label, only_missing=True)
        if res.title is None:
            first = ann.text.strip().split("\n", 1)[0].strip()
            res.title = first[:300] or None
        freeze(doc)
        return doc


def _write(doc: Doc, key: str, items: list, label: Callable[[object], str], only_missing: bool = False) -> None:
    """One span per entity that has one ``span`` (tasks, statements, people, meetings, links)."""
    skip = written(doc, key) if only_missing else set()
    add_spans(doc, key, ((x.span.start, x.span.end, label(x), i) for i, x in enumerate(items) if i not in skip))
