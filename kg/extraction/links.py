"""What a text is about, and which documents implement or promulgate which.

``Kế hoạch triển khai thực hiện Nghị quyết số 01/NQ-CP`` -> the plan implements 01/NQ-CP;
``Quyết định số 01/QĐ-UBND kèm theo Kế hoạch ...`` -> the decision promulgates the plan;
``Ngày 25/01/2021, UBND tỉnh ban hành Quyết định số 54/QĐ-UBND`` in an article's lead -> the article is about it.
"""

from __future__ import annotations

import re
from itertools import pairwise

from kg.extraction.annotations import Annotations
from kg.extraction.references import ISSUED_RE, NEWS_CUE_RE, TYPE_WORD_ALT
from kg.model import Link

IMPLEMENTS_RE = re.compile(
    r"\s*,?\s*(?:(?:về|VỀ)\s+)?(?:(?:việc|VIỆC)\s+)?(?:(?:tiếp\s+tục|TIẾP\s+TỤC)\s+)?(?:(?:triển\s+khai|TRIỂN\s+KHAI)\s+)?"
    r"(?:thực\s+hiện|THỰC\s+HIỆN|triển\s+khai|TRIỂN\s+KHAI|cụ\s+thể\s+hóa)\s+(?:(?:các|CÁC)\s+)?"
    # "thực hiện kết luận của Thường trực Tỉnh ủy tại Thông báo số …": what is carried out is in that document
    r"(?:[^.;\n]{0,100}?\s(?:tại|TẠI)\s+(?:(?:các|CÁC)\s+)?)?$")
TITLE_CUE_RE = re.compile(r"\s*(?:về\s+(?:việc\s+)?)?(?:tiếp\s+tục\s+)?(?:triển\s+khai\s+)?"
                          r"(?:thực\s+hiện|triển\s+khai|cụ\s+thể\s+hóa)\s+", re.I)
CUE_WORD_RE = re.compile(r"thực\s+hiện|triển\s+khai|cụ\s+thể\s+hóa", re.I)
TITLE_LIST_RE = re.compile(r"\s*(?:,|;|và|,\s*và)\s*(?:các\s+)?$", re.I)
PROMULGATES_RE = re.compile(r"\s*,?\s*(?:về\s+(?:việc\s+)?)?(?:ban\s+hành|phê\s+duyệt)?\s*(?:kèm\s+theo\s+)?$", re.I)
# "Kế hoạch … vừa được UBND tỉnh ban hành tại Quyết định số 15/QĐ-UBND": the decision promulgates the plan
PROMULGATED_AT_RE = re.compile(r"\s*,?\s*(?:(?:vừa|đã|mới)\s+)?(?:được\s+)?(?:[^,.;\n]{0,60}?\s)?"
                               r"(?:ban\s+hành|phê\s+duyệt)\s+(?:tại|kèm\s+theo)\s+$", re.I)
PREAMBLE_RE = re.compile(r"\s*(?:Thực\s+hiện|Triển\s+khai\s+thực\s+hiện|Triển\s+khai)\s+(?:các\s+)?$")
LEAD_WINDOW = 900
# "(Kèm theo / Trích / Theo Quyết định số 3/QĐ-UBND …)" under a title: the source of what follows
ANNEX_RE = re.compile(r"\(\s*(?:[Kk]èm\s+theo|[Tt]rích|[Bb]an\s+hành\s+kèm\s+theo|[Tt]heo)\s*$")
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
        elif len(between) < 100 and res.documents[d2].doc_type == "Decision" and res.documents[d1].number is None \
                and PROMULGATED_AT_RE.fullmatch(between):
            add(d2, "promulgates", d1, s1, s2)
    own = ann.header_doc
    if own is not None and ann.header is not None:
        h = ann.header
        title_end = h.title_span[1] if h.title_span else h.end
        window_end = title_end + 400
        cue = TITLE_CUE_RE.match(text, h.end)
        chain_tail = None  # end of the last document the title says it implements
        for s, tail, _, d in mentions:
            if d == own:
                continue
            if h.end <= s < title_end:
                before = text[h.end:s]
                if chain_tail is not None and TITLE_LIST_RE.fullmatch(text[chain_tail:s]):
                    add(own, "implements", d, s, s)  # "… THỰC HIỆN NGHỊ QUYẾT A VÀ CHƯƠNG TRÌNH B"
                    chain_tail = tail
                elif chain_tail is None and (
                        (cue is not None and s - cue.end() < 80 and not CUE_WORD_RE.search(text, cue.end(), s))
                        or (IMPLEMENTS_RE.search(before + " ") is None
                            and re.search(r"(?:thực\s+hiện|triển\s+khai)\s+(?:các\s+)?\S*\s*\S*\s*$", before, re.I))):
                    add(own, "implements", d, s, s)
                    chain_tail = tail
                else:
                    chain_tail = -1 if chain_tail is not None else None
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
    """An article is about the document whose issuing its lead reports: the one issued as news ("vừa ban
    hành"), else the first issued, unless that one is the background a later issued one implements."""
    text, res = ann.text, ann.result
    first_break = text.find("\n", 1)
    lead_end = (first_break if first_break > 0 else 0) + LEAD_WINDOW
    issued: list[tuple[int, bool]] = []  # (document, reported as news)
    for s, _, _, d in mentions:
        if s > lead_end:
            break
        if res.documents[d].number is None or any(d == i for i, _ in issued):
            continue
        prefix = text[max(0, s - 60):s]
        if ANNEX_RE.search(prefix):
            issued.append((d, True))
        elif ISSUED_RE.search(prefix) is not None:
            clause = text[max(0, s - 120, text.rfind(". ", 0, s), text.rfind("\n", 0, s)):s]
            issued.append((d, NEWS_CUE_RE.search(clause) is not None))
    if not issued:
        return
    news = [d for d, is_news in issued if is_news]
    pick = news[0] if news else issued[0][0]
    if not news:
        implementing = [lk.subject for lk in res.links if lk.predicate == "implements" and lk.obj == pick]
        pick = next((d for d, _ in issued if d in implementing), pick)
    res.about.append(pick)
