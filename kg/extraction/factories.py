"""Register every vnkg component with spaCy, once, when the first pipeline is built.

Each factory is a thin function returning a plain component object; the order of `PIPELINE`
is the order of the data flow: segments -> spans -> entities -> links; each component writes what it reads
to ``doc.spans`` and the last one completes them (`kg.extraction.spans`).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from kg.extraction import components as c
from kg.extraction.spans import register_extensions

FACTORIES: dict[str, Callable[[], object]] = {
    "vnkg_segments": c.Segmenter,
    "vnkg_province": c.ProvinceDetector,
    "vnkg_dates": c.DateRecognizer,
    "vnkg_doc_numbers": c.DocumentNumberRecognizer,
    "vnkg_doc_types": c.DocumentTypeTagger,
    "vnkg_issuers": c.IssuerTagger,
    "vnkg_header": c.HeaderReader,
    "vnkg_named_documents": c.NamedDocumentRecognizer,
    "vnkg_documents": c.DocumentAssembler,
    "vnkg_links": c.LinkReader,
    "vnkg_targets": c.TargetReader,
    "vnkg_tasks": c.TaskReader,
    "vnkg_statements": c.StatementReader,
    "vnkg_people": c.PeopleReader,
    "vnkg_spans": c.SpanCompleter,
}
PIPELINE: tuple[str, ...] = tuple(FACTORIES)
_registered = False


def register_factories() -> None:
    """Register the components and the span extensions (idempotent)."""
    global _registered
    if _registered:
        return
    register_extensions()
    for name, cls in FACTORIES.items():
        Language.factory(name, assigns=["doc.spans"], func=_make(cls))
    _registered = True


def _make(cls: Callable[[], object]) -> Callable[[Language, str], object]:
    def make(nlp: Language, name: str) -> object:
        return cls()

    return make
