"""Numbered references: a symbol with the type word before it, and the date, issuer and subject after it.

``Chương trình hành động số 27-CTr/TU ngày 21/8/2017 của Tỉnh ủy Kiên Giang về thực hiện ...``
``Ngày 01-01-2021, Chính phủ ban hành Nghị quyết số 01/NQ-CP về ...`` (date and issuer before).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from kg.extraction.bodies import MINISTRY_BY_CODE, agency, bodies_in, match_body, national, provincial
from kg.extraction.dates import DATE_RE, find_dates
from kg.extraction.lang_vi.doc_types import TYPE_CODES, TYPE_WORDS
from kg.extraction.symbols import PROVINCIAL_CODES, STATE_ISSUERS, Symbol
from kg.extraction.text import Segments, spaced, squash
from kg.model import Body

TYPE_WORD_ALT = spaced(sorted(TYPE_WORDS, key=len, reverse=True))
TYPE_BEFORE_RE = re.compile(rf"(?<!\w)(?P<word>{TYPE_WORD_ALT})\s*(?:số\s*:?\s*)?$", re.I)
LIST_BEFORE_RE = re.compile(r"^\s*(?:,|;|và|và\s+các|,\s*và)\s*(?:số\s+)?$", re.I)
DATE_AFTER_RE = re.compile(r"\s*,?\s*(?:(?:ban\s+hành|ký)\s+)?(?:(?:ngày|NGÀY)\s+)?", re.I)
NEXT_LINE_RE = re.compile(r"[^\S\n]*\n\s*")  # a bare date on the next line belongs to that line, not the number
OF_RE = re.compile(r"\s*,?\s*(?:của|CỦA|do)\s+", re.I)
ABOUT_RE = re.compile(r"\s*,?\s*(?:về|VỀ)\s+(?:việc\s+)?")
# the verb reporting an issuing, right before the document ("UBND tỉnh ban hành tại Quyết định số …"); never the
# noun "ngày ban hành" (the date of issue)
ISSUED_RE = re.compile(r"(?:đã\s+|vừa\s+|chính\s+thức\s+)?(?<!ngày\s)"
                       r"(?:(?:ký\s+)?ban\s+hành|ký|thông\s+qua|phê\s+duyệt)(?:\s+(?:tại|kèm\s+theo))?\s*$"
                       r"|(?:đã|vừa)\s+(?:có|ra)\s*$", re.I)
# an issuing reported as news ("vừa được UBND tỉnh ban hành", "mới ký"), not as background
NEWS_CUE_RE = re.compile(r"(?:vừa|mới|chính\s+thức)\s+(?:được\s+)?(?:\S+\s+){0,6}?"
                         r"(?:ban\s+hành|ký|có|ra|phê\s+duyệt)", re.I)
_DATE_CORE = r"\d{1,2}\s?[/\-.]\s?\d{1,2}\s?[/\-.]\s?\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
LEAD_DATE_RE = re.compile(rf"(?:[Nn]gày|NGÀY)\s+(?P<date>{_DATE_CORE})\s*,\s*[^.;\n]{{0,120}}$")
TITLE_STOP_RE = re.compile(
    r"\n(?=\s*(?:Căn\s+cứ|Thực\s+hiện|Xét\s|Theo\s+đề\s+nghị|Nay\s|Điều\s+\d|QUYẾT\s+ĐỊNH|[IVX]+\.\s|\d{1,2}\.\s|[-–•+]\s))"
    r"|,\s+(?=(?:UBND|Ủy\s+ban\s+nhân\s+dân|HĐND|Hội\s+đồng\s+nhân\s+dân|Tỉnh\s+ủy|Ban\s+Thường\s+vụ)\s)|"
    rf"[;:(\[|“”\"]|\.(?=\s|$)|\n\s*\n|\n\s*\||,\s*ngày\s|\s+(?:và|,)\s+(?:các\s+)?(?:{TYPE_WORD_ALT})\s+(?:số\s+)?\d",
    re.I)
# "… Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XIII": the plenum that adopted it, without "của"
PLENUM_RE = re.compile(r"\s*,?\s*(?:(?:của|tại)\s+)?(?=hội\s+nghị\s)", re.I)
PLENUM_PREFIX_RE = re.compile(r"hội\s+nghị\s+(?:lần\s+thứ\s+[\w]+\s*,?\s+)?", re.I)
# "… tại Kỳ họp thứ 15, HĐND tỉnh khóa VIII, ngày 8/12/2023": the session that adopted it, then its date
SESSION_RE = re.compile(r"\s*,?\s*(?:(?:được|đã)\s+)?(?:(?:thông\s+qua|ban\s+hành)\s+)?(?:tại|TẠI)\s+"
                        r"(?:[Kk]ỳ|KỲ)\s+(?:họp|HỌP)\s+(?:thứ\s+|THỨ\s+)?[\w]+(?:\s*\([^)\n]{0,40}\))?\s*,?\s*")
TERM_RE = re.compile(r"\s*,?\s*(?:khóa|KHÓA)\s+[IVXLC]+\b(?:\s*,?\s*nhiệm\s+kỳ\s+\d{4}\s*[-–]\s*\d{4})?")
# "… về kế hoạch năm 2025, đã được HĐND tỉnh khóa XIX thông qua tại Kỳ họp thứ 24, ngày …": the session after
# the subject, the adopting body perhaps between "được" and the verb
SESSION_AFTER_RE = re.compile(r"\s*,?\s*(?:(?:đã\s+)?được\s+(?P<who>[^,;.:\n]{0,80}?)\s*)?(?=(?:thông\s+qua|ban\s+hành)"
                              r"\s+(?:tại|TẠI)\s+(?:[Kk]ỳ|KỲ)\s+(?:họp|HỌP)\s)")
SESSION_DATE_RE = re.compile(r"\s*,?\s*(?:(?:họp\s+|thông\s+qua\s+)?(?:ngày|NGÀY)\s+)")
# "kết luận của Thường trực Tỉnh ủy tại Thông báo số …": the issuer named before the document, with "tại"
OF_BEFORE_RE = re.compile(r"(?:của|do)\s+", re.I)
AT_BEFORE_RE = re.compile(r"\s*,?\s*(?:tại|TẠI)\s+(?:(?:các|CÁC)\s+)?$")
MAX_TITLE_WORDS = 40
CLAUSE_WINDOW = 400  # how far back the issuing clause ("Ngày …, UBND tỉnh ban hành …") is looked for


@dataclass(slots=True)
class RefMention:
    """One numbered reference as read at one place."""

    sym: Symbol
    word_start: int  # where the type word starts (or the symbol, without one)
    tail_end: int  # end of the number, date and issuer phrase
    doc_type: str | None
    date: str | None
    issuer: Body | None
    issuer_from_text: bool
    title: str | None
    title_end: int
    issuer_before: bool = False  # named before the list it opens ("của X tại Công văn số …, Công văn số …")


def type_from_code(sym: Symbol) -> str | None:
    if sym.type_code is None:
        return "Law" if sym.body_code and sym.body_code.startswith("QH") and sym.year else None
    cls = TYPE_CODES.get(sym.type_code.upper(), (None, None))[1]
    if sym.type_code == "QĐ" and sym.party:
        return None  # a Party QĐ can be a Quyết định or a Quy định: only the word decides
    return cls


def issuer_from_code(sym: Symbol, province: str | None, unknown_scope: str) -> Body | None:
    """Issuer implied by the symbol: CP, TTg, QH..., and the text's province for UBND/HĐND/TU. Never TW."""
    code = (sym.body_code or "").upper()
    if code.startswith("QH"):
        return national("quoc-hoi")
    if code in STATE_ISSUERS:
        return national(STATE_ISSUERS[code])
    if code in MINISTRY_BY_CODE:
        return national("ministry:" + MINISTRY_BY_CODE[code])
    if code in PROVINCIAL_CODES:
        return provincial(PROVINCIAL_CODES[code], province, unknown_scope)
    if len(code) > 2 and code.startswith("S"):
        return agency("Sở " + sym.body_code[1:], province, unknown_scope, strict=True)  # 95/BC-SKHĐT
    return None


def _title(text: str, pos: int) -> tuple[str | None, int]:
    m = ABOUT_RE.match(text, pos)
    if not m:
        return None, pos
    stop = TITLE_STOP_RE.search(text, m.end(), m.end() + 600)
    end = stop.start() if stop else min(len(text), m.end() + 400)
    words = text[m.end():end].split()
    if len(words) > MAX_TITLE_WORDS:
        words = words[:MAX_TITLE_WORDS]
    title = squash(" ".join(words)).rstrip(" ,")
    return (title or None), end


def read_type(text: str, sym: Symbol, segs: Segments, prev: RefMention | None) -> RefMention:
    """The document type of one symbol: the word before it, else its type code."""
    seg_start = segs.starts[segs.index(sym.start)]
    prefix_start = max(seg_start, sym.start - 80)
    prefix = text[prefix_start:sym.start]
    word_start, doc_type = sym.start, None
    m = TYPE_BEFORE_RE.search(prefix)
    if m:
        word_start = prefix_start + m.start()
        doc_type = TYPE_WORDS[squash(m.group("word")).lower()]
    elif prev is not None and LIST_BEFORE_RE.match(text[prev.tail_end:sym.start]):
        doc_type = prev.doc_type  # "các Nghị quyết số 01/NQ-CP, 02/NQ-CP"
    code_type = type_from_code(sym)
    if doc_type is None or (doc_type == "LegalDocument"):
        doc_type = code_type
    elif doc_type == "Regulation" and sym.type_code == "NQ":
        doc_type = "Resolution"
    return RefMention(sym, word_start, sym.end, doc_type, None, None, False, None, sym.end)


def read_tail(text: str, ref: RefMention, segs: Segments, province: str | None, unknown_scope: str) -> None:
    """The date, issuer and subject of one reference: after the symbol, else in the clause before it."""
    sym, word_start = ref.sym, ref.word_start
    seg_start = max(segs.starts[segs.index(sym.start)], word_start - CLAUSE_WINDOW)
    pos, date = sym.end, None
    dm = DATE_AFTER_RE.match(text, pos)
    if dm and not NEXT_LINE_RE.fullmatch(dm.group(0)):  # "… 57-NQ/TW</h2>" then a page's "12/03/2025 |": its date
        d = DATE_RE.match(text, dm.end())
        if d:
            found = find_dates(d.group(0))
            if found:
                date, pos = found[0].iso, d.end()
    issuer, from_text = None, False
    om = OF_RE.match(text, pos)
    if om:
        hit = _body_or_plenum(text, om.end(), province, unknown_scope)
        if hit:
            issuer, pos, from_text = hit[0], hit[1], True
    if issuer is None and (pm := PLENUM_RE.match(text, pos)):
        hit = _body_or_plenum(text, pm.end(), province, unknown_scope)
        if hit:
            issuer, pos, from_text = hit[0], hit[1], True
    if date is None and issuer is None and (session := _session(text, pos, province, unknown_scope)):
        issuer, date, pos = session
        from_text = issuer is not None
    if issuer is None and (before := _issuer_before(text, seg_start, word_start, province, unknown_scope)):
        issuer, from_text, ref.issuer_before = before, True, True
    if date is None or issuer is None:
        # "Ngày 01-01-2021, Chính phủ ban hành Nghị quyết số 01/NQ-CP"
        clause = text[seg_start:word_start]
        im = ISSUED_RE.search(clause)
        if im:
            who = clause[:im.start()]
            lead = LEAD_DATE_RE.search(text[max(0, word_start - 220):word_start][: -len(clause[im.start():]) or None])
            if date is None and lead:
                found = find_dates(lead.group("date"))
                date = found[0].iso if found else None
            if issuer is None:
                found = bodies_in(who, province, unknown_scope)
                if found:  # the body nearest the verb issues it
                    issuer, from_text = found[-1][0], True
    if issuer is None:
        issuer = issuer_from_code(sym, province, unknown_scope)
    title, title_end = _title(text, pos)
    if date is None and title is not None and (after := _session_after(text, pos, title_end, province,
                                                                        unknown_scope)):
        cut, who, date, title_end = after
        title = squash(text[ABOUT_RE.match(text, pos).end():cut]).rstrip(" ,") or None
        if issuer is None or not from_text:
            issuer, from_text = who or issuer, from_text or who is not None
    ref.tail_end, ref.date, ref.issuer, ref.issuer_from_text = pos, date, issuer, from_text
    ref.title, ref.title_end = title, max(pos, title_end)


def _body_or_plenum(text: str, pos: int, province: str | None, unknown_scope: str) -> tuple[Body, int] | None:
    """The body at `pos`, also when a plenum of it is named ("Hội nghị lần thứ 8 Ban Chấp hành Đảng bộ tỉnh")."""
    hit = match_body(text, pos, province, unknown_scope)
    if hit is None and (pre := PLENUM_PREFIX_RE.match(text, pos)):
        hit = match_body(text, pre.end(), province, unknown_scope)
    if hit is not None and (term := TERM_RE.match(text, hit[1])):
        hit = hit[0], term.end()
    return hit


def _session(text: str, pos: int, province: str | None, unknown_scope: str) -> tuple[Body | None, str, int] | None:
    """The adopting session and its date after a number: ``tại Kỳ họp thứ 15, HĐND tỉnh khóa VIII, ngày …``."""
    sm = SESSION_RE.match(text, pos)
    if sm is None:
        return None
    end, issuer = sm.end(), None
    hit = match_body(text, end, province, unknown_scope)
    if hit is not None:
        issuer, end = hit
        term = TERM_RE.match(text, end)
        end = term.end() if term else end
    dm = SESSION_DATE_RE.match(text, end)
    d = DATE_RE.match(text, dm.end()) if dm else None
    found = find_dates(d.group(0)) if d else []
    return (issuer, found[0].iso, d.end()) if found else None


def _session_after(text: str, pos: int, title_end: int, province: str | None,
                   unknown_scope: str) -> tuple[int, Body | None, str, int] | None:
    """The adopting session written after the subject (``về X, thông qua tại Kỳ họp thứ 2, HĐND tỉnh khóa VIII,
    ngày …``, ``về X đã được HĐND tỉnh thông qua tại Kỳ họp …``): where the subject ends, the adopting body,
    the date and where the date ends."""
    for m in SESSION_AFTER_RE.finditer(text, pos, min(len(text), title_end + 1)):
        session = _session(text, m.end(), province, unknown_scope)
        if session is None:
            continue
        issuer, date, end = session
        if m.group("who") and (found := bodies_in(m.group("who"), province, unknown_scope)):
            issuer = found[-1][0]
        return m.start(), issuer, date, end
    return None


def _issuer_before(text: str, seg_start: int, word_start: int, province: str | None,
                   unknown_scope: str) -> Body | None:
    """The issuer written before the document with "tại": ``… của Ban cán sự đảng UBND tỉnh tại Công văn số …``."""
    prefix = text[seg_start:word_start]
    at = AT_BEFORE_RE.search(prefix)
    if at is None:
        return None
    found = bodies_in(prefix[: at.start()], province, unknown_scope)
    if not found:
        return None
    body, start, end = found[-1]
    if end != at.start() and not TERM_RE.fullmatch(prefix[end:at.start()]):
        return None
    return body if OF_BEFORE_RE.search(prefix[max(0, start - 8):start]) else None


def read_types(text: str, symbols: list[Symbol], segs: Segments) -> list[RefMention]:
    out: list[RefMention] = []
    for sym in symbols:
        out.append(read_type(text, sym, segs, out[-1] if out else None))
    return out


def read_tails(text: str, refs: list[RefMention], segs: Segments, province: str | None, unknown_scope: str) -> None:
    out = refs
    for ref in refs:
        read_tail(text, ref, segs, province, unknown_scope)
    # A list sharing one issuer: "Nghị quyết số 20-NQ/TW và Nghị quyết số 21-NQ/TW ... của Ban Chấp hành"
    for a, b in zip(out[::-1][1:], out[::-1], strict=False):
        if not LIST_BEFORE_RE.match(text[a.tail_end:b.word_start]):
            continue
        if a.issuer is None and b.issuer_from_text:
            a.issuer, a.issuer_from_text = b.issuer, True
        if a.date is None and b.date and _same_series(a, b):
            a.date = b.date  # "các Nghị quyết số 01/NQ-CP, số 02/NQ-CP ngày 8/1/2025": one date for both
    # ... and one issuer named before the list: "của Ban cán sự đảng tại Công văn số 210-CV/BCSĐ, Công văn số …"
    for a, b in pairwise(out):
        if a.issuer_before and not b.issuer_from_text and LIST_BEFORE_RE.match(text[a.tail_end:b.word_start]):
            b.issuer, b.issuer_from_text, b.issuer_before = a.issuer, True, True


def _same_series(a: RefMention, b: RefMention) -> bool:
    """Two numbers under one type word, of one type and issuer code (the second has no type word of its own)."""
    same_code = a.sym.type_code == b.sym.type_code and a.sym.body_code == b.sym.body_code \
        and a.sym.year is None and b.sym.year is None
    return same_code and (b.word_start == b.sym.start or (a.doc_type == b.doc_type and _consecutive(a.sym, b.sym)))


def _consecutive(a: Symbol, b: Symbol) -> bool:
    """"Nghị quyết số 01/NQ-CP và Nghị quyết số 02/NQ-CP ngày 08/01/2025": the next number of one series, issued
    with it (numbers far apart under their own type words have their own dates)."""
    n, m = (re.match(r"\d+", s.number) for s in (a, b))
    return n is not None and m is not None and int(m.group(0)) == int(n.group(0)) + 1
