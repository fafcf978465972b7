"""The rule-based spaCy components of vnkg, one job each. Each reads and writes ``doc._.vnkg``.

They are plain callables; `kg.extraction.factories` registers them with spaCy by name.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.extraction import documents, header, links, named, people, references, statements, targets, tasks
from kg.extraction.annotations import Annotations
from kg.extraction.dates import find_dates
from kg.extraction.province import detect_province
from kg.extraction.symbols import find_symbols
from kg.extraction.text import segment, slug, table_cells


def ann_of(doc: Doc) -> Annotations:
    ann = doc._.vnkg
    if ann is None:
        raise ValueError("vnkg components need doc._.vnkg: build docs with kg.extraction.pipeline.make_doc")
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
        return doc


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
        documents.assemble(ann_of(doc))
        return doc


class LinkReader:
    """What the text is about; which documents implement or promulgate which."""

    def __call__(self, doc: Doc) -> Doc:
        links.link(ann_of(doc))
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
        return doc


class TaskReader:
    """Tasks with lead agency and deadline; measures under numbered task groups."""

    def __call__(self, doc: Doc) -> Doc:
        ann = ann_of(doc)
        ctx = tasks.TaskContext(ann.province, ann.unknown_scope, plan_year(ann))
        ann.result.tasks = tasks.read_tasks(ann.text, ann.table_cells, ctx)
        return doc


class StatementReader:
    """The year's theme and motto, adopted or draft."""

    def __call__(self, doc: Doc) -> Doc:
        ann = ann_of(doc)
        ann.result.statements = statements.read_statements(ann.text)
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
        return doc
