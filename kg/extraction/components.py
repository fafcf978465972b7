"""The rule-based spaCy components of vnkg, one job each. Each reads and writes ``doc._.vnkg``.

They are plain callables; `kg.extraction.factories` registers them with spaCy by name.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extraction import documents, header, links, named, references
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
        skip = [(a, a + 1 + len(ann.text[a:b]) - len(ann.text[a:b].lstrip())) for a, b in ann.table_cells]
        if ann.header is not None and ann.header.title_span:
            skip.append(ann.header.title_span)
        ann.named = named.read_named(ann.text, ann.province, ann.unknown_scope, skip)
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
