"""Entities read from one text: the values that extraction hands to the RDF mapping.

Data flows one way: text -> cleaned text -> spans -> these entities -> triples. Every entity
carries the character span it was read from (offsets into the *cleaned* text; `SourceText`
maps them back to the original).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Span:
    """A character span of the cleaned text, with the sentence around it."""

    start: int
    end: int
    text: str
    sentence: str = ""


@dataclass(slots=True)
class Body:
    """An issuing body or agency, full Vietnamese name, scoped to a province or national."""

    name: str  # full name, e.g. "Ủy ban nhân dân tỉnh Kiên Giang"
    key: str  # stable identity within its scope, e.g. "ubnd"
    scope: str  # "vn" for national bodies, a province slug, or "unknown-<texthash>"
    kind: str = "Organization"  # class local name: StateBody, PartyBody, Agency...
    abbreviations: tuple[str, ...] = ()
    parent: Body | None = None  # org:subOrganizationOf


@dataclass(slots=True)
class DocumentRef:
    """A legal document as one text refers to it (numbered or known by name), with every mention."""

    spans: list[Span]
    doc_type: str | None = None  # class local name: Resolution, Decision, Plan, ...
    number: str | None = None  # canonical number and symbol, e.g. "58-NQ/TW"
    bare_number: str | None = None  # "01" of "Chương trình hành động số 01" (no symbol)
    label: str | None = None  # name of an unnumbered document, or the title
    title: str | None = None  # "về ..." subject as written
    date: str | None = None  # ISO date of signature
    year: int | None = None  # year from the symbol or the date
    issuer: Body | None = None
    issuer_from_text: bool = False
    scope: str = "vn"  # identity scope (national, province slug, unknown-<hash>)
    key: str = ""  # identity key within the scope, set by the resolver
    role: str = "reference"  # "reference" or "self" (the text's own document)
    draft: bool = False  # a draft under discussion ("dự thảo")

    @property
    def span(self) -> Span:
        return self.spans[0]


@dataclass(slots=True)
class Link:
    """A relation between two document mentions (indices into TextResult.documents)."""

    subject: int
    predicate: str  # "implements" or "promulgates"
    obj: int
    span: Span


@dataclass(slots=True)
class Target:
    """A numeric target (chỉ tiêu) or an achieved result."""

    span: Span
    indicator: str
    value: Decimal
    unit: str
    comparator: str  # GreaterThan, AtLeast, LessThan, AtMost, EqualTo, Approximately, Between
    upper: Decimal | None = None
    base_value: Decimal | None = None
    base_unit: str | None = None
    period: str | None = None
    sector: str | None = None
    is_result: bool = False
    parent: int | None = None  # index of the target it is a part of ("trong đó ...")
    against: int | None = None  # for a result: index of the target it is measured against


@dataclass(slots=True)
class Task:
    """An assigned task, a numbered group of tasks, or a bullet under a group."""

    span: Span
    label: str
    order: int
    kind: str = "Task"  # Task, Measure (bullet under a group) or Priority
    lead: Body | None = None
    cooperating: list[Body] = field(default_factory=list)
    deadline: str | None = None  # as written, e.g. "Quý I"
    deadline_norm: str | None = None  # e.g. "2021-Q1"
    parent: int | None = None
    leads: list[Body] = field(default_factory=list)  # further lead agencies of a multi-agency lead cell


@dataclass(slots=True)
class Person:
    name: str
    span: Span
    posts: list[tuple[str, Body | None]] = field(default_factory=list)  # (post title, body)


@dataclass(slots=True)
class Meeting:
    label: str
    span: Span
    date: str | None = None
    chair: int | None = None  # index into TextResult.people
    body: Body | None = None
    discussed: list[int] = field(default_factory=list)  # indices into documents


@dataclass(slots=True)
class Statement:
    """A theme (chủ đề) or motto (phương châm hành động) of a year's plan."""

    kind: str  # "theme" or "motto"
    text: str
    span: Span
    year: int | None = None
    draft: bool = False


@dataclass(slots=True)
class TextResult:
    """Everything read from one source text."""

    file_name: str
    rel_path: str
    text_id: str
    fmt: str
    province: str | None = None  # display name, e.g. "Kiên Giang"
    province_slug: str | None = None
    published: str | None = None
    source_url: str | None = None
    title: str | None = None
    documents: list[DocumentRef] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    about: list[int] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    signer: int | None = None
    char_count: int = 0
