"""What a text is about, and which documents implement or promulgate which.

``Kế hoạch triển khai thực hiện Nghị quyết số 01/NQ-CP`` -> the plan implements 01/NQ-CP;
``Quyết định số 01/QĐ-UBND kèm theo Kế hoạch ...`` -> the decision promulgates the plan;
``Ngày 25/01/2021, UBND tỉnh ban hành Quyết định số 54/QĐ-UBND`` in an article's lead -> the article is about it.
"""

from __future__ import annotations

import re
from itertools import pairwise

from kg.extraction.annotations import Annotations
from kg.extraction.references import ISSUED_RE, TYPE_WORD_ALT
from kg.model import Link

IMPLEMENTS_RE = re.compile(
    r"\s*,?\s*(?:(?:về|VỀ)\s+)?(?:(?:việc|VIỆC)\s+)?(?:(?:tiếp\s+tục|TIẾP\s+TỤC)\s+)?(?:(?:triển\s+khai|TRIỂN\s+KHAI)\s+)?"
    r"(?:thực\s+hiện|THỰC\s+HIỆN|triển\s+khai|TRIỂN\s+KHAI|cụ\s+thể\s+hóa)\s+(?:(?:các|CÁC)\s+)?$")
PROMULGATES_RE = re.compile(r"\s*,?\s*(?:về\s+(?:việc\s+)?)?(?:ban\s+hành|phê\s+duyệt)?\s*(?:kèm\s+theo\s+)?$", re.I)
PREAMBLE_RE = re.compile(r"\s*(?:Thực\s+hiện|Triển\s+khai\s+thực\s+hiện|Triển\s+khai)\s+(?:các\s+)?$")
LEAD_WINDOW = 900
ANNEX_RE = re.compile(r"\(\s*(?:[Kk]èm\s+theo|[Tt]rích|[Bb]an\s+hành\s+kèm\s+theo)\s*$")
TYPE_WORD_RE = re.compile(rf"(?:{TYPE_WORD_ALT})\s*(?:số\s*)?$", re.I)


def _mentions(ann: Annotations) -> list[tuple[int, int, int, int]]:
    """(start, tail_end, title_end, doc index) of every document mention, in text order."""
    out = [(r.word_start, r.tail_end, r.title_end, ann.ref_doc[i]) for i, r in enumerate(ann.refs)]
    out += [(n.start, n.end, n.end, ann.named_doc[i]) for i, n in enumerate(ann.named)]
    return sorted(out)


def link(ann: Annotations) -> None:
    res, text = ann.result, ann.text
    mentions = _mentions(ann)
    seen: set[tuple[int, str, int]] = set()

    def add(a: int, pred: str, b: int, start: int, end: int) -> None:
        if a != b and (a, pred, b) not in seen:
            seen.add((a, pred, b))
            seg = ann.segments.around(text, start, end) if ann.segments else ""
            from kg.model import Span
            res.links.append(Link(a, pred, b, Span(start, end, text[start:end], seg)))

    # A mention followed by "(về) (triển khai) thực hiện" and another mention.
    for (s1, tail, _, d1), (s2, _, _, d2) in pairwise(mentions):
        if s2 < tail:
            continue
        between = text[tail:s2]
        if len(between) < 80 and IMPLEMENTS_RE.fullmatch(between):
            add(d1, "implements", d2, s1, s2)
        elif len(between) < 40 and res.documents[d1].doc_type == "Decision" and PROMULGATES_RE.fullmatch(between) \
                and res.documents[d2].number is None:
            add(d1, "promulgates", d2, s1, s2)
    own = ann.header_doc
    if own is not None and ann.header is not None:
        h = ann.header
        title_end = h.title_span[1] if h.title_span else h.end
        window_end = title_end + 400
        for s, _, _, d in mentions:
            if d == own:
                continue
            if h.end <= s < title_end and IMPLEMENTS_RE.search(text[h.end:s] + " ") is None:
                if re.search(r"(?:thực\s+hiện|triển\s+khai)\s+(?:các\s+)?\S*\s*\S*\s*$", text[h.end:s], re.I):
                    add(own, "implements", d, s, s)
            elif title_end <= s < window_end and PREAMBLE_RE.fullmatch(_clause_prefix(text, s)):
                add(own, "implements", d, s, s)
    if own is None:
        _about_from_lead(ann, mentions)
    for lk in res.links:
        if lk.predicate == "promulgates" and lk.subject in res.about and lk.obj not in res.about:
            res.about.append(lk.obj)


def _clause_prefix(text: str, pos: int) -> str:
    start = max(text.rfind("\n", 0, pos), text.rfind(". ", 0, pos) + 1, 0)
    prefix = text[start:pos]
    m = TYPE_WORD_RE.search(prefix)
    return prefix[: m.start()] if m else prefix


def _about_from_lead(ann: Annotations, mentions: list[tuple[int, int, int, int]]) -> None:
    """An article is about the document whose issuing its lead reports (the first "ban hành")."""
    text, res = ann.text, ann.result
    first_break = text.find("\n", 1)
    lead_end = (first_break if first_break > 0 else 0) + LEAD_WINDOW
    for s, _, _, d in mentions:
        if s > lead_end:
            break
        doc = res.documents[d]
        if doc.number is None:
            continue
        prefix = text[max(0, s - 60):s]
        if ISSUED_RE.search(prefix) or ANNEX_RE.search(prefix):
            res.about.append(d)
            return
