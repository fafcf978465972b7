"""The pipeline state beside a spaCy Doc (``doc._.vnkg``): what later components read from earlier ones.

What the components read for the graph lands in ``doc.spans`` (`kg.extraction.spans`); this state holds
the entity lists those spans index into and the intermediate mentions (symbols, references, names).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from kg.extraction.dates import DateMention
from kg.extraction.header import Header, Signature
from kg.extraction.named import NamedMention
from kg.extraction.references import RefMention
from kg.extraction.spans import SpanIds
from kg.extraction.symbols import Symbol
from kg.extraction.text import Segments
from kg.model import Body, TextResult


@dataclass(slots=True)
class Annotations:
    text: str
    result: TextResult
    unknown_scope: str
    segments: Segments | None = None
    dates: list[DateMention] = field(default_factory=list)
    symbols: list[Symbol] = field(default_factory=list)
    refs: list[RefMention] = field(default_factory=list)
    named: list[NamedMention] = field(default_factory=list)
    header: Header | None = None
    signature: Signature | None = None
    ref_doc: list[int] = field(default_factory=list)  # refs[i] -> index into result.documents
    named_doc: list[int] = field(default_factory=list)  # named[i] -> index into result.documents
    header_doc: int | None = None
    table_cells: list[tuple[int, int]] = field(default_factory=list)
    bodies: list[tuple[Body, int, int]] = field(default_factory=list)  # bodies named in the text, where
    span_ids: SpanIds | None = None  # the ids of the spans written

    @property
    def province(self) -> str | None:
        return self.result.province


def text_id(rel_path: str) -> str:
    """Stable id of a source text, from its path relative to the corpus root."""
    return hashlib.sha1(rel_path.encode("utf-8")).hexdigest()[:16]


def new_annotations(text: str, *, file_name: str = "", rel_path: str = "", fmt: str = "txt",
                    meta: dict | None = None) -> Annotations:
    """A fresh state for one text (a text given without a path is known by its content's hash)."""
    meta = meta or {}
    tid = text_id(rel_path or hashlib.sha1(text.encode("utf-8")).hexdigest())
    result = TextResult(file_name=file_name, rel_path=rel_path, text_id=tid, fmt=fmt,
                        province=meta.get("province") or None, published=meta.get("published"),
                        source_url=meta.get("source_url"), title=meta.get("title"), char_count=len(text))
    return Annotations(text=text, result=result, unknown_scope=f"unknown-{tid[:10]}")
