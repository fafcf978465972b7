"""What the pipeline components write on a spaCy Doc (``doc._.vnkg``): spans first, entities last."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.extraction.dates import DateMention
from kg.extraction.header import Header, Signature
from kg.extraction.named import NamedMention
from kg.extraction.references import RefMention
from kg.extraction.symbols import Symbol
from kg.extraction.text import Segments
from kg.model import TextResult


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

    @property
    def province(self) -> str | None:
        return self.result.province
