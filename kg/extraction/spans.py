"""The span layer: what the components read, as labelled spans in ``doc.spans`` (one key per kind).

Every span's ``id_`` is ``"<key>:<index>"``, the index of its entity in that kind's list (a document read
at several places has one span per mention, all with its index). The entities of `kg.model` are the
values spans expose: ``span._.vnkg`` is the entity, and getters (``number``, ``issuer``, ``date``,
``indicator``, ``value``, ``unit``, ``comparator``, ``period``, ``lead``, ``deadline`` …) read its
attributes as plain data. ``span._.start``/``span._.end`` are the exact character offsets read (token
spans may be wider: the tokenizer keeps ``58-NQ/TW`` whole).

The pipeline state (``doc._.vnkg``) is kept beside the Doc, not in ``doc.user_data``, so that only plain
data lands there: `freeze` writes every span's attributes into ``user_data`` and ``DocBin(store_user_data=True)``
round-trips the spans with them. `result_from_spans` builds the `TextResult` the RDF mapping reads from
``doc.spans``: an entity no span holds is not in it, and references to it are dropped.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from typing import Any
from weakref import WeakKeyDictionary

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span

from kg.model import Body, DocumentRef, Link, Meeting, Person, Statement, Target, Task, TextResult

KEYS: tuple[str, ...] = ("documents", "dates", "bodies", "links", "targets", "results", "tasks", "statements",
                         "people", "meetings")
ATTRS_KEY = "vnkg.attrs"  # user_data[(ATTRS_KEY, span.id_)] -> the entity's attributes as plain data
OFFSETS_KEY = "vnkg.offsets"  # user_data[(OFFSETS_KEY, span.id_, start_char, end_char)] -> exact (start, end)
GETTERS: tuple[str, ...] = ("number", "doc_type", "issuer", "date", "title", "label", "indicator", "value",
                            "upper", "unit", "comparator", "period", "lead", "deadline", "name")
_STATE: WeakKeyDictionary[Doc, Any] = WeakKeyDictionary()
_registered = False


def register_extensions() -> None:
    """``doc._.vnkg`` (pipeline state), ``span._.vnkg`` (entity), ``span._.attrs`` and its getters (idempotent)."""
    global _registered
    if _registered:
        return
    Doc.set_extension("vnkg", getter=_STATE.get, setter=_STATE.__setitem__, force=True)
    Doc.set_extension("vnkg_result", getter=result_from_spans, force=True)
    Span.set_extension("vnkg", getter=entity_of, force=True)
    Span.set_extension("attrs", getter=attrs_of, force=True)
    Span.set_extension("start", getter=lambda s: offsets_of(s)[0], force=True)
    Span.set_extension("end", getter=lambda s: offsets_of(s)[1], force=True)
    for name in GETTERS:
        Span.set_extension(name, getter=_getter(name), force=True)
    _registered = True


def _getter(name: str) -> Callable[[Span], Any]:
    def get(span: Span) -> Any:
        return attrs_of(span).get(name)

    return get


def span_ref(span: Span) -> tuple[str, int] | None:
    """(key, index) of a vnkg span, from its id ``"documents:3"``; None for another span."""
    key, _, index = span.id_.partition(":")
    return (key, int(index)) if index.isdigit() else None


def entity_of(span: Span) -> Any:
    """The entity a span was read as (None once the Doc has left the pipeline, e.g. after a DocBin)."""
    ann, ref = _STATE.get(span.doc), span_ref(span)
    if ann is None or ref is None:
        return None
    items = entities(ann, ref[0])
    return items[ref[1]] if ref[1] < len(items) else None


def entities(ann: Any, key: str) -> list[Any]:
    """The entity list a span key indexes into (targets and results share one list)."""
    res: TextResult = ann.result
    lists: dict[str, list[Any]] = {"documents": res.documents, "dates": ann.dates, "bodies": ann.bodies,
                                   "links": res.links, "targets": res.targets, "results": res.targets,
                                   "tasks": res.tasks, "statements": res.statements, "people": res.people,
                                   "meetings": res.meetings}
    return lists[key]


def offsets_of(span: Span) -> tuple[int, int]:
    """The exact character offsets read, which a token span may widen."""
    key = (OFFSETS_KEY, span.id_, span.start_char, span.end_char)
    return tuple(span.doc.user_data.get(key, (span.start_char, span.end_char)))  # type: ignore[return-value]


def attrs_of(span: Span) -> dict[str, Any]:
    """The span's attributes as plain data: from its entity while the pipeline state lives, else as frozen."""
    ent = entity_of(span)
    if ent is not None:
        return describe(ent, _STATE.get(span.doc))
    return dict(span.doc.user_data.get((ATTRS_KEY, span.id_), {}))


def _body(b: Body | None) -> str | None:
    return b.name if b is not None else None


def _num(v: Any) -> str | None:
    return None if v is None else str(v)


def describe(ent: Any, ann: Any = None) -> dict[str, Any]:
    """An entity's attributes as JSON-able data (what ``kg explain`` shows and a DocBin keeps)."""
    if isinstance(ent, DocumentRef):
        return {"doc_type": ent.doc_type, "number": ent.number or ent.bare_number, "label": ent.label,
                "title": ent.title, "date": ent.date, "year": ent.year, "issuer": _body(ent.issuer),
                "role": ent.role, "draft": ent.draft}
    if isinstance(ent, Target):
        return {"indicator": ent.indicator, "value": _num(ent.value), "upper": _num(ent.upper), "unit": ent.unit,
                "comparator": ent.comparator, "period": ent.period, "sector": ent.sector,
                "base_value": _num(ent.base_value), "base_unit": ent.base_unit, "result": ent.is_result}
    if isinstance(ent, Task):
        return {"kind": ent.kind, "label": ent.label, "lead": _body(ent.lead),
                "cooperating": [b.name for b in ent.cooperating], "deadline": ent.deadline_norm or ent.deadline}
    if isinstance(ent, Link):
        docs = ann.result.documents if ann is not None else []
        names = [_doc_name(docs[i]) if i < len(docs) else None for i in (ent.subject, ent.obj)]
        return {"predicate": ent.predicate, "subject": names[0], "object": names[1]}
    if isinstance(ent, Person):
        return {"name": ent.name, "posts": [p + (f" ({b.name})" if b else "") for p, b in ent.posts]}
    if isinstance(ent, Meeting):
        return {"label": ent.label, "date": ent.date, "body": _body(ent.body)}
    if isinstance(ent, Statement):
        return {"kind": ent.kind, "text": ent.text, "year": ent.year, "draft": ent.draft}
    if isinstance(ent, Body):
        return {"name": ent.name, "kind": ent.kind, "scope": ent.scope}
    if hasattr(ent, "iso"):  # a DateMention
        return {"date": ent.iso}
    if isinstance(ent, tuple) and ent and isinstance(ent[0], Body):  # a body read at a place
        return describe(ent[0])
    return {}


def _doc_name(d: DocumentRef) -> str:
    return d.number or d.label or d.title or d.doc_type or "?"


class Tokens:
    """Char -> token lookup for one Doc (a span is widened to whole tokens, never to a neighbour)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        arr = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        self.starts = [a for a, _ in arr]
        self.ends = [a + n for a, n in arr]

    def span(self, start: int, end: int, label: str, span_id: str) -> Span | None:
        if not self.starts:
            return None
        i = max(0, bisect_right(self.starts, start) - 1)
        if start >= self.ends[i] and i + 1 < len(self.starts):
            i += 1  # the offset lies in the whitespace after token i
        j = max(i + 1, bisect_left(self.starts, max(end, start + 1)))
        return Span(self.doc, i, min(j, len(self.starts)), label=label, span_id=span_id)


class SpanIds:
    """What one Doc's components wrote: span hash -> (key, index), and the indices written per key."""

    def __init__(self) -> None:
        self.refs: dict[int, tuple[str, int]] = {}
        self.ids: dict[tuple[str, int], str] = {}
        self.written: dict[str, set[int]] = {}

    def id_of(self, key: str, index: int) -> str:
        sid = self.ids.get((key, index))
        if sid is None:
            sid = self.ids[(key, index)] = f"{key}:{index}"
        return sid


def _state(doc: Doc) -> SpanIds:
    ann = _STATE.get(doc)
    if ann is None:
        return SpanIds()
    if ann.span_ids is None:
        ann.span_ids = SpanIds()
    return ann.span_ids


def add_spans(doc: Doc, key: str, items: Iterable[tuple[int, int, str, int]]) -> None:
    """Append (start, end, label, index) spans to ``doc.spans[key]``, keeping the exact offsets."""
    ids = _state(doc)
    written = ids.written.setdefault(key, set())
    group = list(doc.spans[key]) if key in doc.spans else []
    user_data = doc.user_data
    tokens: Tokens | None = None
    for start, end, label, index in items:
        sid = ids.id_of(key, index)
        sp = doc.char_span(start, max(end, start + 1), label=label, span_id=sid, alignment_mode="expand")
        if sp is None or not len(sp):  # only whitespace: the token after it
            tokens = tokens or Tokens(doc)
            sp = tokens.span(start, end, label, sid)
            if sp is None:
                continue
        ids.refs[sp.id] = (key, index)
        written.add(index)
        if sp.start_char != start or sp.end_char != end:
            user_data[(OFFSETS_KEY, sid, sp.start_char, sp.end_char)] = (start, end)
        group.append(sp)
    doc.spans[key] = group


def covered(doc: Doc, key: str) -> set[int]:
    """Indices of the entities ``doc.spans[key]`` holds (read from the spans)."""
    if key not in doc.spans:
        return set()
    ann = _STATE.get(doc)
    known = ann.span_ids.refs if ann is not None and ann.span_ids is not None else {}
    out: set[int] = set()
    for sp in doc.spans[key]:
        ref = known.get(sp.id) or span_ref(sp)
        if ref is not None:
            out.add(ref[1])
    return out


def written(doc: Doc, key: str) -> set[int]:
    """Indices the components wrote spans for under `key` (inside the pipeline, cheaper than `covered`)."""
    return set(_state(doc).written.get(key, ()))


def freeze(doc: Doc) -> None:
    """Write every span's attributes into ``doc.user_data`` as plain data (for DocBin, displaCy, JSON)."""
    ann = _STATE.get(doc)
    for key in KEYS:
        if key not in doc.spans:
            continue
        items = entities(ann, key) if ann is not None else []
        for index in written(doc, key):
            if index < len(items):
                doc.user_data[(ATTRS_KEY, f"{key}:{index}")] = describe(items[index], ann)


def _order(doc: Doc, *keys: str) -> list[int]:
    return sorted(set().union(*(covered(doc, k) for k in keys)))


def result_from_spans(doc: Doc) -> TextResult | None:
    """The `TextResult` of the spans: each kind's entities in reading order, references among them remapped."""
    ann = _STATE.get(doc)
    if ann is None:
        return None
    res: TextResult = ann.result
    d_idx, t_idx, k_idx = _order(doc, "documents"), _order(doc, "targets", "results"), _order(doc, "tasks")
    p_idx, m_idx, l_idx = _order(doc, "people"), _order(doc, "meetings"), _order(doc, "links")
    dmap, tmap, kmap, pmap = ({old: new for new, old in enumerate(ix)} for ix in (d_idx, t_idx, k_idx, p_idx))

    def remap(i: int | None, m: dict[int, int]) -> int | None:
        return None if i is None else m.get(i)

    links = [dataclasses.replace(lk, subject=dmap[lk.subject], obj=dmap[lk.obj])
             for lk in (res.links[i] for i in l_idx) if lk.subject in dmap and lk.obj in dmap]
    targets = [_replaced(res.targets[i], parent=remap(res.targets[i].parent, tmap),
                         against=remap(res.targets[i].against, tmap)) for i in t_idx]
    tasks = [_replaced(res.tasks[i], parent=remap(res.tasks[i].parent, kmap)) for i in k_idx]
    meetings = [_replaced(res.meetings[i], chair=remap(res.meetings[i].chair, pmap),
                          discussed=[dmap[j] for j in res.meetings[i].discussed if j in dmap]) for i in m_idx]
    return dataclasses.replace(
        res, documents=[res.documents[i] for i in d_idx], links=links,
        about=[dmap[i] for i in res.about if i in dmap], targets=targets, tasks=tasks,
        people=[res.people[i] for i in p_idx], meetings=meetings,
        statements=[res.statements[i] for i in _order(doc, "statements")], signer=remap(res.signer, pmap))


def _replaced(obj: Any, **changes: Any) -> Any:
    """`obj` itself when nothing changes (the common case), else a copy with the changes."""
    if all(getattr(obj, k) == v for k, v in changes.items()):
        return obj
    return dataclasses.replace(obj, **changes)
