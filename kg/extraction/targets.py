"""Numeric targets (chỉ tiêu) and achieved results, with indicator, value, unit, comparator and period.

A quantity is a *target* when it sits in a target block (``Về kinh tế: ...``, ``Các chỉ tiêu chủ yếu:``)
or in a clause that commits to it (phấn đấu, mục tiêu, đảm bảo, chuẩn hóa, đến năm ...). It is a
*result* when the clause reports what was achieved or estimated (ước, so với cùng kỳ, đạt x% kế
hoạch, hoàn thành 15/19 chỉ tiêu). Counts of meeting items, dates, ordinals, service levels
("mức độ 3, 4") and poll figures are neither.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from kg.extraction.bodies import PROVINCE_ALT
from kg.extraction.cue_scan import TrailingStrip, foldable, lowered
from kg.extraction.lang_vi.target_cues import (
    BRACKETED_PLAN_NOUNS,
    BRACKETED_PLAN_WORDS,
    CHAIN_PREDICATES,
    COMPARISON_BASES,
    COUNTED_PLANS,
    EARLIER_COMPARISONS,
    EXISTENTIAL_VERBS,
    LEADING_PERIODS,
    LEADING_TOPICS,
    MET_PLAN_NOUNS,
    MET_PLAN_VERBS,
    MINIMUM_WORDS,
    OBJECT_VERBS,
    PLAN_VALUE_NOUNS,
    PURPOSE_OPENERS,
    QUALIFYING_MEASURES,
    RANK_WORDS,
    RECEIVING_VERBS,
    RECURRING_PERIODS,
    SHARE_HEAD,
    SHARE_LINKS,
    SHARE_VERBS,
    SIZE_MEASURES,
    TASK_TABLE_COLUMNS,
    TOTAL_MEASURES,
)
from kg.extraction.lang_vi.units import (
    BASE_UNITS,
    COMPARATOR_WORDS,
    COUNT_UNITS,
    MEASURE_UNITS,
    MULTIPLE_UNIT,
    MULTIPLE_VERBS,
    NON_TARGET_UNITS,
    SCALES,
    UNIT_SPELLINGS,
)
from kg.extraction.target_modes import (
    BASELINE_RE,
    RESULT_PHRASE,
    RESULT_PHRASE_RE,
    STRONG_RESULT_RE,
    TARGET_CUE,
    TARGET_CUE_RE,
    sentence_modes,
)
from kg.extraction.text import UPPER, Ranges, grouped_alternation, spaced, squash, trimmed
from kg.extraction.text import context as around
from kg.indicators import concept_of
from kg.model import Span, Target

NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
# `NUM` as the figure scans read it: a plain digit first (the pattern then starts with a digit class, which `re`
# skips to), the rest read whole: no unit or scale starts with a digit, "." or "," (tests/extraction/
# test_figure_scan.py), so a shorter reading of the digits could never be followed by one; the atomic group
# skips retrying them. Same matches as `NUM`.
ATOMIC_NUM = r"\d(?>\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:,\d+)?)"
# Where a figure scan starts: inside a run of digits, more than three digits before its end, a number reads to
# the same end as from the digit before (only the last three can start "123.456"), which failed, or the scan
# would not be there: such starts are skipped after one digit, so a long digit run is read in linear time.
LEAD_NUM = r"\d(?!(?<=\d\d)\d{3})(?>\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:,\d+)?)"
_UNITS = sorted([*MEASURE_UNITS, *COUNT_UNITS], key=len, reverse=True)


UNIT_ALT = grouped_alternation(_UNITS)
SCALE_ALT = "|".join(SCALES)
QUANTITY_RE = re.compile(  # starts with a digit so `re` can scan fast; `_standalone` checks what precedes
    rf"(?P<v>{LEAD_NUM})(?:\s*(?P<u1>(?:(?:{SCALE_ALT})\s+)*(?:{UNIT_ALT}))?\s*(?:-|–|đến)\s*(?P<u2>{ATOMIC_NUM}))?\s*"
    rf"(?P<scale>(?:(?:{SCALE_ALT})\s+){{1,2}})?(?P<unit>{UNIT_ALT})(?![\w])",
    re.I,
)
OF_TOTAL_RE = re.compile(r"(?P<a>\d\d{0,2})\s*/\s*(?P<b>\d{1,3})\s+(?P<unit>" + spaced(COUNTED_PLANS)
                         + r")(?![\w])", re.I)
# "25.300/24.000 tỷ đồng", "1,2%/2%": an achieved figure over its target.
SLASH_PAIR_RE = re.compile(
    rf"(?P<a>{LEAD_NUM})\s*(?P<ua>%)?\s*/\s*(?P<b>{ATOMIC_NUM})\s*(?P<scale>(?:(?:{SCALE_ALT})\s+){{1,2}})?"
    rf"(?P<unit>{UNIT_ALT})(?![\w])", re.I)
COMPARATOR_RE = re.compile(
    r"(?:^|\s)(?P<w>" + spaced(sorted(COMPARATOR_WORDS, key=len, reverse=True))
    + r")\s*$", re.I)
BLOCK_HEAD_RE = re.compile(
    r"(?:^|\n)[ \t]*(?:[-–•+]\s*|\d{1,2}\.\d?\.?\s*|[a-zđ]\)\s*)?"
    r"(?P<head>(?:Về|VỀ|Lĩnh vực|Các chỉ tiêu|Chỉ tiêu|Mục tiêu cụ thể|Một số chỉ tiêu)[^:\n]{0,80}):")
COMMIT_RE = TARGET_CUE_RE
RESULT_RE = STRONG_RESULT_RE  # what was achieved or estimated, whatever the context
WEAK_RESULT_RE = re.compile(r"so\s+với\s+(?:cùng\s+kỳ|năm|kế\s+hoạch)", re.I)  # a baseline in a target list
# "kế hoạch vốn … được giao là N" names a plan figure; "đạt chỉ tiêu … đề ra là N" met one
PLAN_VALUE_RE = re.compile(r"(?<!đạt\s)(?<!vượt\s)(?<!bằng\s)(?:"
                           + spaced(PLAN_VALUE_NOUNS)
                           + r")(?:\s+(?:[^\s,;.:()\d]+|(?:19|20)\d\d)){0,16}?\s+(?:là|đặt\s+ra)\s*:?\s*\(?\s*$"
                           r"|\(\s*(?:kế\s+hoạch|KH)\s*:?\s*$"
                           # the plan a result exceeded: "vượt mục tiêu 8 triệu lượt đề ra", "… đề ra (giảm 0,3%/năm)"
                           r"|\bvượt\s+(?:chỉ\s+tiêu|mục\s+tiêu)\s*$|\b(?:đề|đặt)\s+ra\s*\(\s*[^\d()]{0,20}$", re.I)
_PLAN_NOUNS = spaced(BRACKETED_PLAN_NOUNS)
_PLAN_WORDS = spaced(BRACKETED_PLAN_WORDS)
# "5,6% (kịch bản 8,5%)", "6,9%/năm (Nghị quyết đề ra 7,5%/năm)": the words between an achieved figure and its plan
BRACKETED_PLAN_RE = re.compile(rf"^(?:\s*/\s*năm)?[^\S\n]*\(\s*(?:{_PLAN_NOUNS})"
                               rf"(?:\s+(?:{_PLAN_WORDS}|năm\s+(?:19|20)\d\d))*\s*:?\s*(?:là\s*)?$", re.I)
_MET_VERBS = "|".join(MET_PLAN_VERBS)
_MET_NOUNS = spaced(MET_PLAN_NOUNS)
# "… ước năm 2025 đạt chỉ tiêu Đại hội VII đề ra là": the figure after it was reached and was the plan's
MET_PLAN_RE = re.compile(rf"(?:^|\s)(?:{_MET_VERBS})\s+(?P<plan>(?:{_MET_NOUNS})(?:\s+[^\s,;:]+){{0,5}}?)"
                         r"(?:\s+(?:đề|đặt)\s+ra)?\s+là\s*:?\s*$", re.I)
EXISTS_END_RE = re.compile(r"(?:^|[\s,])(?:" + spaced(sorted(
    EXISTENTIAL_VERBS, key=len, reverse=True)) + r")\s*$", re.I)
INTRO_RE = re.compile(r"\d|(?:trong\s+đó|gồm|bao\s+gồm|như\s+sau|cụ\s+thể|sau\s+đây)\s*$", re.I)
QUALIFIER_BEFORE_RE = re.compile(  # a size threshold on a noun: "dự án có tổng mức đầu tư từ"
    r"(?P<link>\bcó|\bvới|\bđạt)\s+(?P<measure>" + spaced(QUALIFYING_MEASURES)
    + r")(?:\s+\S+){0,2}?\s+(?:từ|trên|dưới|không\s+dưới|tối\s+thiểu)\s*$", re.I)
_SIZES = spaced(SIZE_MEASURES)
_THRESHOLD = r"(?:từ|trên|không\s+dưới|tối\s+thiểu)"
# "3 dự án quy mô từ 1.000 tỷ đồng trở lên": a counted noun sized by a threshold, with no link word
NOUN_SIZED_RE = re.compile(rf"(?<![\d.,])(?!(?:19|20)\d\d\b)\d[\d.,]*\s+(?:[^\s,;:.\d]+\s+){{1,5}}(?:{_SIZES})\s+"
                           rf"{_THRESHOLD}\s*$", re.I)
OPEN_ENDED_RE = re.compile(r"\s*trở\s+(?:lên|xuống)", re.I)
SIZED_AFTER_RE = re.compile(  # what such a count names: "dự án quy mô từ 1.000 tỷ đồng trở lên"
    rf"[^,;.()\d]*?\b(?:{_SIZES})\s+{_THRESHOLD}\s*(?:{NUM})\s*(?:(?:{SCALE_ALT})\s+){{0,2}}(?:{UNIT_ALT})"
    r"\s*trở\s+(?:lên|xuống)", re.I)
MEASURE_LINK_RE = re.compile(r"\s(?:với|có)\s+(?=(?:" + spaced(QUALIFYING_MEASURES)
                             + r")\b)", re.I)
NOT_TARGET_BEFORE_RE = re.compile(r"(?:mức\s+độ|lần\s+thứ|thứ|số|khóa|nhiệm\s+kỳ|giai\s+đoạn|năm|tháng|ngày|quý|"
                                  r"phiên|điều|khoản|mục|lúc|bước"
                                  rf"|\b(?:{'|'.join(RANK_WORDS)}))\s*$", re.I)
LEAD_STRIP_RE = re.compile(
    r"^(?:\s|[,;:.\-–+•)(]|(?:" + spaced(PURPOSE_OPENERS) + r")(?=\s|$)"
    r"|\d{1,2}\.(?=\s)|(?:\d{1,2}|[a-zđ])\)(?=\s|$)|và|hoặc|(?:là|với|như|cụ\s+thể(?:\s+như)?)(?=\s)|đồng\s+thời|trong\s+đó|riêng|phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu|đảm\s+bảo|bảo\s+đảm"
    r"|đến\s+(?:hết\s+)?năm\s+\d{4},?|" + "|".join(LEADING_PERIODS) + "|" + "|".join(LEADING_TOPICS)
    + r"|trong\s+năm(?:\s+\d{4})?,?|năm\s+\d{4},?|có\s+thêm|có|nâng|đạt"
    r"|(?:về|lĩnh\s+vực)\s[^:]{0,60}:"
    rf"|(?:toàn\s+)?(?:tỉnh|thành\s+phố)(?:\s+(?:{PROVINCE_ALT}))?|(?:{PROVINCE_ALT}))+", re.I)
TRAIL_STRIP_RE = re.compile(
    r"(?:\s|[,;:\-–]|đạt|mức|ở\s+mức|lên|xuống|là|còn|bằng|khoảng|trên|dưới|ít\s+nhất|tối\s+thiểu|tối\s+đa|không\s+quá"
    r"|không\s+thấp\s+hơn|không\s+cao\s+hơn|phấn\s+đấu|chiếm|ước"
    r"|không\s+dưới|từ|gần|xấp\s+xỉ|thêm|tới)+$", re.I)
COMMIT_CUT_RE = re.compile(r"(?:phấn\s+đấu|đảm\s+bảo|bảo\s+đảm|mục\s+tiêu|chỉ\s+tiêu)"
                           r"(?:\s+(?:đến|trong)\s+năm\s+\d{4})?\s*,?(?=\s)|(?=chuẩn\s+hóa)", re.I)
CLAUSE_VERB_RE = re.compile(r"^(?:nâng|đạt|bằng|vượt|gấp|chiếm|trên|dưới|khoảng|ít\s+nhất|tối\s+thiểu"
                            r"|đảm\s+bảo|bảo\s+đảm|giảm|tạo|tăng|triển\s+khai|thực\s+hiện|đẩy\s+mạnh|phát\s+huy"
                            r"|xây\s+dựng|hỗ\s+trợ|góp\s+phần|tiếp\s+tục|phấn\s+đấu|nhằm|để|trong\s+đó)\b", re.I)
VERB_ONLY_RE = re.compile(r"^(?:trồng\s+mới|thành\s+lập\s+mới|xây\s+dựng\s+(?:thêm|mới)|xây\s+dựng|phát\s+triển\s+mới"
                          r"|tạo\s+việc\s+làm(?:\s+mới)?(?:\s+cho)?|giải\s+quyết\s+việc\s+làm(?:\s+cho)?|đào\s+tạo(?:\s+nghề)?"
                          r"(?:\s+cho)?|thu\s+hút|hỗ\s+trợ|chuẩn\s+hóa|cấp|giảm|tăng|đón|thêm|có|mở\s+mới"
                          r"|hoàn\s+thành|thực\s+hiện|"
                          + spaced(OBJECT_VERBS) + ")$", re.I)
RECEIVED_RE = re.compile(r"(?:^|\s)(?:" + spaced(RECEIVING_VERBS) + r")$", re.I)
PREDICATE_RE = re.compile(r"\s(?=(?:đạt|có|được|tham\s+gia|sử\s+dụng|hoạt\s+động|mạnh\s+về)\s)")
PERIOD_RE = re.compile(r"(?:giai\s+đoạn|nhiệm\s+kỳ)\s+(\d{4}\s*-\s*\d{4})|(?:đến\s+)?năm\s+(\d{4})", re.I)
QUALIFIER_RE = re.compile(r"(?:bình\s+quân|riêng|các\s|trong\s+đó|cả\s|giai\s+đoạn|nhiệm\s+kỳ|đến\s+năm|lũy\s+kế"
                          r"|tăng\s+thêm|mỗi\s+năm|hằng\s+năm|hàng\s+năm)", re.I)
LIST_START_RE = re.compile(r"\n(?=[ \t]*(?:\d{1,2}[.)]|[a-zđ]\)|[-–•+])\s)")
HEADS = ("tỷ lệ", "tốc độ", "số", "tổng", "diện tích", "giá trị", "thu", "chi", "grdp", "dân số", "sản lượng",
         "kim ngạch", "cơ cấu", "thu nhập", "vốn", "tuổi thọ", "năng suất", "chỉ số", "mật độ")
MAX_INDICATOR_WORDS = 30
# A table cell ends a clause ("3 | … bảo đảm 100% xã, phường kết nối | Trung tâm … | Năm 2025"): "|" stops what a
# figure reads after it, and before it the figure's cell (or the cell before, when it holds only the figure).
TAIL_STOP_RE = re.compile(rf"[;|]|\.\s|,\s|{NUM}")
AFTER_RE = re.compile(r"[^,;.()\d|]*")  # what a count names, up to the next clause or figure
PCT_AFTER_STOP_RE = re.compile(rf"{NUM}\s*%|[;|]|\.\s")
CLAUSE_END_RE = re.compile(r"[;]|\.\s")
_ABOUT = r"(?:\s+(?:khoảng|gần|hơn|trên|dưới|tới|đến|xấp\s+xỉ|ít\s+nhất))?\s*$"
SHARE_VERB_RE = re.compile(r"(?:^|\s)(?:" + spaced(SHARE_VERBS) + ")" + _ABOUT, re.I)
SHARE_LINK_RE = re.compile(r"^[\s,]*(?:(?:" + "|".join(SHARE_LINKS) + r")(?:\s+(?:khoảng|gần|hơn|trên|dưới|tới|đến))?)?"
                           r"[\s,]*$", re.I)
SHARE_NOUN_RE = re.compile(r"\s*([^,;()\d\n|]*?)(?=\s+(?:" + "|".join(SHARE_LINKS) + r")\s|\s*[,;(\n|]|\.\s|\.?\s*$)")


_NOT_BEFORE = frozenset("/.,-_[")


def _standalone(text: str, m: re.Match[str], off: int = 0) -> bool:
    """The number starts a token of `text`: not glued to a word, a code or another number (`off`: where `text`
    starts in the string `m` was found in)."""
    i = m.start() - off
    if i == 0:
        return True
    c = text[i - 1]
    return not (c.isalnum() or c in _NOT_BEFORE)


def quantities_in(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    end = len(text) if end is None else end
    return [m for m in QUANTITY_RE.finditer(text, start, end) if _standalone(text, m)]


_FIGURE_RES = (QUANTITY_RE, SLASH_PAIR_RE, OF_TOTAL_RE)
Found = tuple[list[re.Match[str]], ...]  # the matches of each of `_FIGURE_RES`


class _Figures:
    """The figures of a whole text, found once by each of `_FIGURE_RES`; a sentence reads its own from them
    instead of scanning itself again, where that gives what its own scan would (`within`)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: Found = tuple(list(rx.finditer(text)) for rx in _FIGURE_RES)
        self.starts = [[m.start() for m in ms] for ms in self.found]

    def hits(self) -> list[int]:
        """Where figures start: standalone quantities, slash pairs and counts of targets met."""
        return sorted([m.start() for m in self.found[0] if _standalone(self.text, m)] + self.starts[1]
                      + self.starts[2])

    def within(self, s: int, e: int) -> Found | None:
        """The matches a scan of ``text[s:e]`` alone finds (positions in the text), or None when the whole-text
        scan may differ there. The patterns look at nothing before a match, so they differ only where a match
        runs over ``s`` or ``e``, or where a sentence ends inside a word (a scan of it sees its end there):
        sentences end before whitespace, except run-on ones cut to length."""
        text = self.text
        if e < len(text) and not text[e].isspace():
            return None
        out = []
        for ms, starts in zip(self.found, self.starts, strict=True):
            i, j = bisect_left(starts, s), bisect_left(starts, e)
            if (i and ms[i - 1].end() > s) or (j > i and ms[j - 1].end() > e):
                return None
            out.append(ms[i:j])
        return tuple(out)


def to_decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


@dataclass(slots=True)
class _Quantity:
    start: int
    end: int
    value: Decimal
    upper: Decimal | None
    unit: str
    scale: int
    scale_word: str = ""
    pair: str = ""  # "result" / "target" for the two figures of a slash pair


def _scale(words: str | None) -> tuple[int, str]:
    """"tỷ" -> 10**9; "triệu tỷ" -> 10**15."""
    scale = 1
    for w in (words or "").split():
        scale *= SCALES[w.lower()]
    return scale, " ".join((words or "").split())


def _slash_pairs(clause: str, found: list[re.Match[str]], off: int) -> list[_Quantity]:
    out = []
    for m in found:
        if not _standalone(clause, m, off) or m.group("unit").strip().lower() not in MEASURE_UNITS:
            continue  # "15/18 xã" counts communes; "a/b" before a count noun is not a pair
        if m.group("ua") and m.group("unit") != "%":
            continue
        a, b = to_decimal(m.group("a")), to_decimal(m.group("b"))
        if a is None or b is None:
            continue
        scale, word = _scale(m.group("scale"))
        unit = squash(m.group("unit"))
        mid = m.start("b") - off
        out.append(_Quantity(m.start() - off, mid, a, None, unit, scale, word, "result"))
        out.append(_Quantity(mid, m.end() - off, b, None, unit, scale, word, "target"))
    return out


def _of_totals(clause: str, found: list[re.Match[str]], off: int) -> list[_Quantity]:
    """"15/18 chỉ tiêu": how many of the planned targets (or tasks) were met, a result counted in them."""
    out = []
    for m in found:
        start = m.start() - off
        if _standalone(clause, m, off) and not NOT_TARGET_BEFORE_RE.search(clause[max(0, start - 12):start]):
            out.append(_Quantity(start, m.end() - off, Decimal(m.group("a")), None, squash(m.group("unit")), 1,
                                 pair="result"))
    return out


def _quantities(clause: str, found: Found | None = None, off: int = 0) -> list[_Quantity]:
    """The figures of `clause`, from the matches `found` in the string it starts at `off` of (else scanned)."""
    if found is None:
        found, off = tuple(list(rx.finditer(clause)) for rx in _FIGURE_RES), 0
    quantities, slash, totals = found
    pairs = _slash_pairs(clause, slash, off) + _of_totals(clause, totals, off)
    out = list(pairs)
    for m in quantities:
        if not _standalone(clause, m, off):
            continue
        start = m.start() - off
        if any(p.start <= start < p.end for p in pairs):
            continue
        unit = squash(m.group("unit"))
        unit = UNIT_SPELLINGS.get(unit.lower(), unit)
        if unit.lower() in NON_TARGET_UNITS:
            continue
        if NOT_TARGET_BEFORE_RE.search(clause[max(0, start - 12):start]):
            continue
        if _qualifies(clause, start, m.end() - off):
            continue  # "dự án có tổng mức đầu tư từ 100 tỷ đồng trở lên" qualifies the noun
        v = to_decimal(m.group("v"))
        if v is None:
            continue
        u = to_decimal(m.group("u2")) if m.group("u2") else None
        if m.group("u1") and squash(m.group("u1")).lower() != " ".join(
                x for x in ((m.group("scale") or "").strip(), unit) if x).lower():
            u = None  # "5 ha - 3 tấn": two quantities, not a range
        if u is not None and u <= v:
            u = None
        scale, word = _scale(m.group("scale"))
        out.append(_Quantity(start, m.end() - off, v, u, unit, scale, word))
    out.sort(key=lambda q: q.start)
    return out


def _qualifies(clause: str, start: int, end: int) -> bool:
    """Whether the figure at [start, end) of `clause` only sizes the noun before it: after a size measure linked to
    it ("dự án có tổng mức đầu tư từ"), except a total linked to a counted set ("25 dự án với tổng vốn trên"), or
    right after a counted noun's size measure and open-ended ("3 dự án quy mô từ 1.000 tỷ đồng trở lên")."""
    before = clause[max(0, start - 60):start]
    m = QUALIFIER_BEFORE_RE.search(before)
    if m:
        return not (m.group("link").lower() == "với" and squash(m.group("measure")).lower() in TOTAL_MEASURES)
    return NOUN_SIZED_RE.search(before) is not None and OPEN_ENDED_RE.match(clause, end) is not None


EXCEEDED_BY_RE = re.compile(r"(?:^|\s)vượt\s*$", re.I)
AFTER_COMPARATOR_RE = re.compile(r"^\s*(?:trở\s+lên|trở\s+đi)", re.I)
AFTER_AT_MOST_RE = re.compile(r"^\s*trở\s+xuống", re.I)


def _comparator(before: str, q: _Quantity, after: str = "") -> str:
    if q.upper is not None:
        return "Between"
    if EXCEEDED_BY_RE.search(before) and COMPARISON_AFTER_RE.match(after):
        return "EqualTo"  # "vượt 5,9% kế hoạch": exceeded by exactly that much
    if q.upper is not None:
        return "Between"
    if AFTER_COMPARATOR_RE.match(after):
        return "AtLeast"
    if AFTER_AT_MOST_RE.match(after):
        return "AtMost"
    m = COMPARATOR_RE.search(before)
    if m:
        return COMPARATOR_WORDS[squash(m.group("w")).lower()]
    return "EqualTo"


FOOTNOTE_RE = re.compile(r"\[\d{1,3}\]")


def _balance(text: str) -> str:
    text = text.strip(" ,;:-–.|")
    if text.count("(") > text.count(")"):
        text = text.rstrip(" (") + (")" if "(" in text else "")
    if text.count(")") > text.count("("):
        text = text.lstrip(") ")
    return text.strip(" ,;:-–")


TRAIL_STRIP = TrailingStrip(TRAIL_STRIP_RE)


def _clean(text: str) -> str:
    text = squash(FOOTNOTE_RE.sub("", text))
    prev = None
    while prev != text:
        prev = text
        text = LEAD_STRIP_RE.sub("", text).strip()
        text = TRAIL_STRIP.sub(text).strip()
    return _balance(text)


def _post(after: str) -> tuple[str, int]:
    """What a value-first quantity counts ("42% số trường mầm non"), and how much of `after` it used."""
    used, parts = 0, []
    for i, part in enumerate(re.split(r",(?=\s)", after)):
        p = part.strip()
        if i and (not p or CLAUSE_VERB_RE.match(p) or re.match(r"\d", p)):
            break
        parts.append(part)
        used += len(part) + 1
    return _balance(squash(",".join(parts))), min(used, len(after))


def _share(local: str, q: _Quantity, siblings: list[Target], shares: dict[int, str]) -> str | None:
    """Whose share a percentage is when it is one (its clause's subject, "" when unnamed), else None:
    after a share verb ("chiếm 42%"), or chained to the share before it ("…, với hơn 50% …, 65% …")."""
    if q.unit != "%":
        return None
    if SHARE_VERB_RE.search(local):
        return _clean(SHARE_VERB_RE.sub("", local))
    if siblings and id(siblings[-1]) in shares and SHARE_LINK_RE.match(local):
        return shares[id(siblings[-1])]
    return None


ACRONYM_RE = re.compile(rf"[{UPPER}]{{2,6}}")


def _spelled_out(indicator: str) -> str:
    """An indicator opened by an index's bare acronym ("CPI dưới 4%", "IIP tăng 9%") with the name its concept
    gives it ("Chỉ số giá tiêu dùng (CPI)"); any other indicator as written."""
    acronym, _, rest = indicator.partition(" ")
    if not ACRONYM_RE.fullmatch(acronym):
        return indicator
    concept = concept_of(indicator)
    if concept is None or not concept.vi.endswith(f"({acronym})"):
        return indicator
    return f"{concept.vi} {rest}" if rest else concept.vi


def _noun_case(words: str) -> str:
    """A noun phrase moved inside a sentence: its first letter in lower case unless it opens an acronym."""
    return words if not words or words[1:2].isupper() else words[0].lower() + words[1:]


def _join_overlap(base: str, sub: str) -> str:
    """Sub-target under its parent: "Tỷ lệ lao động qua đào tạo" + "đào tạo nghề"."""
    bw, sw = base.split(), sub.split()
    for k in range(min(len(bw), len(sw)), 0, -1):
        if [w.lower() for w in bw[-k:]] == [w.lower() for w in sw[:k]]:
            return " ".join(bw[:-k] + sw)
    for k in range(len(bw)):
        if sw and bw[k].lower() == sw[0].lower():
            head = bw[:k]
            if head and head[0].lower() == "tổng":
                head = head[1:]
            return " ".join(head + sw) if head else sub
    return f"{base} {sub}"


def _verb_last(indicator: str) -> str:
    """"giảm tỷ lệ hộ nghèo" -> "tỷ lệ hộ nghèo giảm": the indicator first, its direction after."""
    words = indicator.split()
    if len(words) > 2 and words[0].lower() in ("giảm", "tăng") and _has_head(" ".join(words[1:])):
        return " ".join([*words[1:], words[0].lower()])
    return indicator


def _has_head(indicator: str) -> bool:
    low = indicator.lower()
    return low.startswith(HEADS)


def _period_before(text: str, default_year: int | None) -> str | None:
    """The last period named before a figure ("đến năm 2025 đạt 45%, đến năm 2030 đạt 48%"), baselines
    ("so với năm 2023") aside; else the plan's year."""
    found = list(PERIOD_RE.finditer(BASELINE_RE.sub(" ", text)))
    if found:
        m = found[-1]
        return re.sub(r"\s", "", m.group(1) or m.group(2))
    return str(default_year) if default_year else None


SENTENCE_RE = re.compile(rf"(?<=[.!?])\s+(?=[{UPPER}(“\"])|(?<=[.!?:;])\n|"
                         r"\n[ \t]*\n|\n(?=[ \t]*(?:[-–•+]\s|\(?\d{1,2}[.)]\s))"
                         r"|\n[ \t]*\|[ \t]*\n")


def sentences(text: str, until: int | None = None) -> list[tuple[int, int]]:
    """Sentences for target reading: ';' and ':' stay inside, so lists and headings keep their context
    (`until`: the sentences up to the one holding that position; the rest of the text is not split)."""
    out, start = [], 0
    for m in SENTENCE_RE.finditer(text):
        nxt = text[m.end(): m.end() + 1]
        if m.group(0)[0] != "\n" and text[m.start() - 1: m.start()] in ".!?" and nxt.isalpha() and not nxt.isupper():
            continue  # "4.0 công nghệ", "ước tăng 5 lần. con số": a full stop followed by a lower-case word
        out.extend(_bounded(text, start, m.start()))
        start = m.end()
        if until is not None and m.start() > until:
            return out
    out.extend(_bounded(text, start, len(text)))
    return out


MAX_SENTENCE = 2000


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run-on "sentence" (a flattened page, a giant line) in pieces cut at clause boundaries, so that
    reading it stays linear in its length."""
    out = []
    while end - start > MAX_SENTENCE:
        cut = max(text.rfind("; ", start, start + MAX_SENTENCE), text.rfind(". ", start, start + MAX_SENTENCE))
        if cut <= start:
            cut = text.rfind(" ", start, start + MAX_SENTENCE)
        cut = cut + 1 if cut > start else start + MAX_SENTENCE
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def read_targets(text: str, default_year: int | None, exclude: list[tuple[int, int]] = ()) -> list[Target]:
    """Every target and result in `text`, except quantities inside the `exclude` spans."""
    out: list[Target] = []
    figures = _Figures(text)
    hits = figures.hits()
    if not hits:
        return out
    blocks = _target_blocks(text)
    blocks.sort(key=lambda x: x[1] - x[0])  # the innermost block names the sector
    sectors = _Sectors(blocks)
    excluded = Ranges(exclude)
    planned = Ranges(_task_table_rows(text))
    spans = sentences(text, hits[-1])
    holds = [_holds(hits, s, e) for s, e in spans]
    # a sentence's mode depends on the sentences before it only: none after the last one with a figure is read
    spans = spans[:len(spans) - holds[::-1].index(True)] if True in holds else []
    low_text = lowered(text)
    for (s, e), mode, figure in zip(spans, sentence_modes(text, spans, default_year, hits), holds[:len(spans)],
                                    strict=True):
        if figure:
            seg_low = low_text[s:e] if low_text is not None else None
            _read_segment(text, s, e, sectors, default_year, out, excluded, mode, figures, seg_low, planned)
    return deduplicate(out, default_year)


_TASK_COLUMNS = spaced(TASK_TABLE_COLUMNS)
TASK_TABLE_HEAD_RE = re.compile(rf"(?im)^[^\n|]*\|[^\n]*(?:{_TASK_COLUMNS})")
_MINIMA = spaced(MINIMUM_WORDS)
_EARLIER = spaced(EARLIER_COMPARISONS)
EARLIER_BRACKET_RE = re.compile(rf"^[\s,]*(?:{_EARLIER})\s+(?:so\s+với\s+)?(?P<period>(?:năm|quý)\s+[\dIV/]+"
                                rf"|cùng\s+kỳ(?:\s+năm\s+\d{{4}})?)\s*\(\s*$", re.I)
_MULTIPLES = spaced(MULTIPLE_VERBS)
MULTIPLE_BEFORE_RE = re.compile(rf"(?:^|\s)(?:{_MULTIPLES})\s*$", re.I)
MINIMUM_BEFORE_RE = re.compile(rf"(?:^|\s)(?:{_MINIMA})\s*$", re.I)
RECURRING_RE = re.compile(spaced(RECURRING_PERIODS), re.I)


def _task_table_rows(text: str) -> list[tuple[int, int]]:
    """The rows of task tables: from a line of column headings naming a task's deliverable or deadline
    ("STT | Nội dung nhiệm vụ | Thời gian hoàn thành | … | Sản phẩm") to the first line without a cell bar."""
    out = []
    for m in TASK_TABLE_HEAD_RE.finditer(text):
        end = text.find("\n", m.end())
        while end >= 0:
            nxt = text.find("\n", end + 1)
            if "|" not in text[end + 1: nxt if nxt >= 0 else len(text)]:
                break
            end = nxt
        out.append((m.start(), end if end >= 0 else len(text)))
    return out


def _holds(hits: list[int], s: int, e: int) -> bool:
    """Whether a sorted position of `hits` lies in [s, e)."""
    k = bisect_left(hits, s)
    return k < len(hits) and hits[k] < e


TARGET_HEADING_RE = re.compile(
    r"(?m)^[ \t]*(?:Điều\s+\d+\.|[IVX]{1,4}\.|\d{1,2}\.(?:\d\.)?|[a-zđ]\))?[ \t]*"
    r"(?P<head>[^\n:]{0,50}(?:[Cc]hỉ\s+tiêu|[Mm]ục\s+tiêu\s+cụ\s+thể)[^\n:]{0,60})[ \t]*$")
SECTION_END_RE = re.compile(rf"(?m)^[ \t]*(?:Điều\s+\d+\.|[IVX]{{1,4}}\.\s|[{UPPER}]{{2,}}[{UPPER} ,]{{6,}}$)")


def _find_all(text: str, key: str) -> list[int]:
    """Every position of `key` in `text`, overlapping ones included (what successive `find` calls see)."""
    out, i = [], text.find(key)
    while i >= 0:
        out.append(i)
        i = text.find(key, i + 1)
    return out


def _line_start(newlines: list[int], i: int) -> int:
    """Start of the line holding position `i`, from the sorted positions of the text's line breaks."""
    k = bisect_left(newlines, i)
    return newlines[k - 1] + 1 if k else 0


def _target_blocks(text: str) -> list[tuple[int, int, str]]:
    """Paragraphs headed by a sector or target heading: (start, end, heading). Line breaks, section ends and
    blank lines are found once per text, so each heading's end is a lookup, not a scan to the end."""
    out = []
    low = text.lower()
    newlines = _find_all(text, "\n")
    starts = sorted({_line_start(newlines, i) for key in ("chỉ tiêu", "mục tiêu cụ thể") for i in _find_all(low, key)})
    section_ends: list[int] | None = None
    for line_start in starts:
        m = TARGET_HEADING_RE.match(text, line_start)
        if m is None:
            continue
        if section_ends is None:  # a match of SECTION_END_RE starts a line: one per line at most
            section_ends = [x.start() for x in SECTION_END_RE.finditer(text)]
        k = bisect_left(section_ends, m.end() + 1)
        end = section_ends[k] if k < len(section_ends) else len(text)
        out.append((m.end(), end, squash(m.group("head"))))
    heads = list(BLOCK_HEAD_RE.finditer(text))
    blank = _find_all(text, "\n\n") if heads else []
    for n, m in enumerate(heads):
        k = bisect_left(blank, m.end())
        end = blank[k] if k < len(blank) else len(text)
        if n + 1 < len(heads):  # the next heading ends this one's block
            end = min(end, heads[n + 1].start())
        head = re.sub(r"^(?:Về|VỀ|Lĩnh vực)\s+", "", squash(m.group("head")))
        out.append((m.start(), end, head))
    return out


class _Sectors:
    """The innermost target block around a position, from blocks sorted innermost first: the blocks' ends cut
    the text into intervals, each labelled once (a sweep with a heap), so a lookup is a bisection."""

    def __init__(self, blocks: list[tuple[int, int, str]]) -> None:
        self.points = sorted({x for a, b, _ in blocks for x in (a, b)})
        self.labels: list[str | None] = []
        order = sorted(range(len(blocks)), key=lambda k: blocks[k][0])
        active: list[tuple[int, int]] = []  # (rank in `blocks`, end)
        nxt = 0
        for p in self.points:
            while nxt < len(order) and blocks[order[nxt]][0] <= p:
                heapq.heappush(active, (order[nxt], blocks[order[nxt]][1]))
                nxt += 1
            while active and active[0][1] <= p:
                heapq.heappop(active)
            self.labels.append(blocks[active[0][0]][2] if active else None)

    def at(self, pos: int) -> str | None:
        i = bisect_right(self.points, pos) - 1
        return self.labels[i] if i >= 0 else None


def _commits(seg: str, end: int, seg_low: str | None) -> bool:
    """Whether a commitment cue precedes position `end` of the segment, result phrases aside ("đạt 18/21 chỉ
    tiêu" commits to nothing); the patterns run only when the words they need are there."""
    low = seg_low[:end] if seg_low is not None else None
    if TARGET_CUE.absent(low):
        return False
    head = seg[:end]
    return COMMIT_RE.search(head if RESULT_PHRASE.absent(low) else RESULT_PHRASE_RE.sub(" ", head)) is not None


def _read_segment(text: str, s: int, e: int, sectors: _Sectors, default_year: int | None,
                  out: list[Target], exclude: Ranges, mode: str | None = None, figures: _Figures | None = None,
                  seg_low: str | None = None, planned: Ranges | None = None) -> None:
    """The figures of sentence [s, e); those in `planned` rows (a task table's) are targets."""
    seg = text[s:e]
    found = figures.within(s, e) if figures is not None else None
    quantities = _quantities(seg, found, s) if found is not None else _quantities(seg)
    if not quantities:
        return
    if seg_low is None:
        seg_low = seg.lower() if foldable(seg) else None
    prev_end = 0
    group_label = ""
    siblings: list[Target] = []
    listed: list[Target] = []
    subjects: dict[int, str] = {}  # id(target) -> the subject later figures of its chain refer to
    shares: dict[int, str] = {}  # id(target) -> whose share a share figure is ("" when unnamed)
    read_end = -1  # where the last figure read ends (with the words it consumed)
    counted = ""  # the noun of the last count when a size measure linked to it follows ("15 dự án có …")
    for q in quantities:
        before = seg[prev_end:q.start]
        clause_start = max(before.rfind(";"), before.rfind(". "))
        cell = before.rfind("|")
        if cell > clause_start:  # a table cell: its words, or those of the cell before when it holds only the figure
            clause_start = cell if before[cell + 1:].strip() else max(
                clause_start, before.rfind("|", 0, cell), before.rfind("\n", 0, cell))
        local = before[clause_start + 1:] if clause_start >= 0 else before
        if s + q.start in exclude or (q.unit.lower() == MULTIPLE_UNIT and not MULTIPLE_BEFORE_RE.search(before)):
            prev_end = q.end
            continue  # inside the title of a cited document, or a multiple that is no change ("gấp 1,5 lần")
        at = s + q.start
        sector = sectors.at(at)
        commit = _commits(seg, q.start, seg_low)
        # The words since the previous quantity and up to the next boundary decide result vs target.
        tail_m = TAIL_STOP_RE.search(seg, q.end)
        clause = seg[prev_end: tail_m.start() if tail_m else len(seg)]
        plan_value = q.pair == "target" or PLAN_VALUE_RE.search(seg[prev_end:q.start]) is not None
        if siblings and prev_end == read_end and BRACKETED_PLAN_RE.match(seg[prev_end:q.start]):
            plan_value = siblings[-1].is_result = True  # "tăng 5,6% (kịch bản 8,5%)": achieved, then planned
        row = planned is not None and at in planned  # "Tỷ lệ số hóa đạt 100%" in a task table: to be met
        # a recurring minimum in a sentence of no mode ("tổ chức tối thiểu 6 đoàn … mỗi năm"): a norm to meet
        row = row or (mode is None and MINIMUM_BEFORE_RE.search(before) is not None
                      and RECURRING_RE.search(seg, q.start, tail_m.start() if tail_m else len(seg)) is not None)
        context = commit or row or mode == "target" or (sector is not None and mode != "result")
        probe = BASELINE_RE.sub(" ", clause) if context else clause  # "tăng 9% so với ước thực hiện năm 2024"
        is_result = q.pair == "result" or (not plan_value and not row and (
            RESULT_RE.search(probe) is not None
            or (not context and (mode == "result" or WEAK_RESULT_RE.search(clause) is not None))))
        share = _share(local, q, siblings, shares)
        if share is not None and not context:
            is_result = True  # "ĐBSCL đóng góp 31% GDP toàn ngành, với 50% sản lượng lúa": a state, not a plan
        met_m = MET_PLAN_RE.search(local)
        met_plan = squash(met_m.group("plan")) if met_m else ""
        if met_m:
            local = local[:met_m.start()]  # the subject that met the plan names both figures
        elif not (context or is_result or plan_value):
            prev_end = q.end
            continue
        if ":" in local:
            head, local = local.rsplit(":", 1)
            head = _clean(head)
            if ":" in head:  # "Cơ cấu kinh tế: Khu vực Dịch vụ: 43-44%"
                outer, head = (_clean(x) for x in head.rsplit(":", 1))
                if outer and not BLOCK_HEAD_RE.match("\n" + outer + ":"):
                    group_label = outer
            cut = list(COMMIT_CUT_RE.finditer(head))
            if cut and _clean(head[cut[-1].end():]):
                head = _clean(head[cut[-1].end():])  # "Tỉnh đặt mục tiêu tổng mức bán lẻ: 34.400 tỷ đồng"
            if INTRO_RE.search(head):
                head = ""  # "Kế hoạch đề ra 22 chỉ tiêu chủ yếu, trong đó: ..." introduces, it does not name
            if head and not QUANTITY_RE.search(head) and len(head.split()) <= 12 and not BLOCK_HEAD_RE.match(
                    "\n" + head + ":"):
                counted = q.unit.lower() in COUNT_UNITS and AFTER_RE.match(seg, q.end).group(0).strip()
                if (not _clean(local) or VERB_ONLY_RE.match(_clean(local))) and counted:
                    group_label = head  # "Y tế: Đạt 20 giường bệnh/vạn dân": the noun after the value names it
                elif not _clean(local) or VERB_ONLY_RE.match(_clean(local)):
                    local = head + " " + local  # "Giá trị xuất khẩu: 162 triệu USD"
                elif not group_label or _has_head(head):
                    group_label = head  # "Cơ cấu kinh tế: Khu vực Dịch vụ 43-44%"
        starts = list(LIST_START_RE.finditer(local))
        if starts:
            local = local[starts[-1].end():]  # the item's own line, not the heading above it
        lines = local.split("\n")
        heads = [i for i, ln in enumerate(lines[:-1]) if len(ln.strip()) > 3 and ln.strip().isupper()]
        if heads:
            local = "\n".join(lines[heads[-1] + 1:])  # "II. CHỈ TIÊU CHỦ YẾU\nTốc độ tăng trưởng …"
        cuts = list(COMMIT_CUT_RE.finditer(local))
        if cuts:
            before_cut, after_cut = local[:cuts[-1].start()], local[cuts[-1].end():]
            kept = _clean(after_cut)
            if (not kept or VERB_ONLY_RE.match(kept) or kept.lower() in ("đạt",)) and _has_head(_clean(before_cut)):
                local = before_cut + " " + after_cut  # "Tốc độ tăng trưởng GRDP phấn đấu đạt 7,5-8%"
            else:
                local = after_cut
        comparator = _comparator(local, q, seg[q.end:q.end + 20])
        after_m = AFTER_RE.match(seg, q.end)
        linked_noun = ""
        after = after_m.group(0) if after_m else ""
        sized_m = SIZED_AFTER_RE.match(seg, q.end) if q.unit.lower() in COUNT_UNITS else None
        if sized_m:
            after = sized_m.group(0)  # the count's noun with the threshold that sizes it
        used = len(after)
        if q.unit == "%":
            nxt = PCT_AFTER_STOP_RE.search(seg, q.end)
            after = seg[q.end: nxt.start()] if nxt else seg[q.end:]
        if q.unit != "%":
            # "15 dự án với tổng vốn 800 tỷ đồng": the amount is its own; the link is the last one, right before it
            # ("15 dự án có vốn đầu tư nước ngoài với tổng vốn 300 triệu USD": FDI projects, then their total)
            link_m = next(reversed(list(MEASURE_LINK_RE.finditer(after))), None)
            if link_m and (sized_m or seg[q.end + len(after):q.end + len(after) + 1].isdigit()):
                after, used = after[:link_m.start()], link_m.start()
                linked_noun = squash(f"{q.unit} {after}")
        post, used = _post(after) if q.unit == "%" else (_balance(squash(after)), used)
        ind = _verb_last(_clean(local))
        counts_plans = q.pair == "result" and q.unit.lower() in COUNTED_PLANS  # "có 20/24 chỉ tiêu …"
        if (q.unit.lower() in COUNT_UNITS or counts_plans) and post and EXISTS_END_RE.search(local):
            ind = ""  # "Theo báo cáo, đến nay toàn tỉnh có 52 dự án điện gió …": the counted noun names it
        if counted and prev_end == read_end and TOTAL_OF_RE.match(local):
            ind = f"{ind} {counted}"  # "20 dự án đầu tư mới với tổng vốn 9.000 tỷ đồng": the total of those projects
        link = _chain_link(ind, post) if siblings else None
        subject = ""
        unit_is_noun = q.unit.lower() in COUNT_UNITS
        sub = "trong đó" in local.lower() and siblings and bool(ind or not unit_is_noun)  # else its noun names it
        consumed = 0
        value_first = False
        noun_m = SHARE_NOUN_RE.match(seg, q.end) if share is not None else None
        if noun_m and noun_m.group(1).strip():
            # "chiếm 42% GRDP", "…, 65% sản lượng thủy sản": the share of the whole named after it
            whole = _noun_case(squash(noun_m.group(1)))
            ind = f"{SHARE_HEAD} {_noun_case(share)} trong {whole}" if share else f"{SHARE_HEAD} {whole}"
            consumed = noun_m.end(1) - q.end
        elif siblings and (earlier_m := EARLIER_BRACKET_RE.search(local)):
            # "tín dụng tăng 15,08%, cao hơn năm 2023 (13,78%)": the subject's figure in the earlier period
            subject = subjects.get(id(siblings[-1]), _subject(siblings[-1].indicator))
            ind = squash(f"{subject} {earlier_m.group('period')}")
        elif plan_value and siblings and siblings[-1].is_result:
            ind = siblings[-1].indicator  # "tăng 5,1%, thấp hơn so với kế hoạch là 6,5%": the same indicator
        elif link is not None:
            # "…, đạt 23% kế hoạch và tăng 9% so với cùng kỳ", "đến năm 2025 đạt 45%, đến năm 2030 đạt 48%"
            base_m = COMPARISON_AFTER_RE.match(seg, q.end)
            base = squash(base_m.group(0)) if base_m else ""
            consumed = len(base_m.group(0)) if base_m else 0
            # a count chains to the last figure counting the same thing ("27 vụ cháy, làm 2 người chết, tăng 5 vụ")
            ref = next((x for x in reversed(siblings) if x.unit == q.unit), siblings[-1]) if unit_is_noun \
                else siblings[-1]
            subject = subjects.get(id(ref), _subject(ref.indicator))
            ind = squash(" ".join(x for x in (subject, _local_period(local), link, base) if x))
        elif sub:
            ind = _join_overlap(siblings[-1].indicator, ind)
        elif not ind or VERB_ONLY_RE.match(ind):
            noun = q.unit if unit_is_noun or counts_plans else ""
            ind = squash(" ".join(x for x in (ind, noun, post) if x))
            consumed = used
            value_first = q.unit == "%"
        elif unit_is_noun and post and RECEIVED_RE.search(ind):
            ind = squash(f"{ind} {q.unit} {post}")  # "du lịch Việt Nam đón 12,6 triệu lượt khách quốc tế"
            consumed = used
        elif siblings and not group_label and QUALIFIER_RE.match(ind):
            base = siblings[-1].indicator
            head = next((h for h in HEADS if base.lower().startswith(h)), None)
            ind = f"{base[:len(head)]} {ind}" if head and ind.startswith("các ") else f"{base} {ind}"
        if group_label and not _has_head(ind) and group_label.lower() not in ind.lower():
            ind = f"{group_label} {ind}"
        words = ind.split()
        if not words:
            prev_end = q.end
            continue
        if is_result:
            words = [w for w in words if w.lower() != "ước"]
        ind = " ".join(words[-MAX_INDICATOR_WORDS:])
        ind = _spelled_out(ind[0].upper() + ind[1:])
        start, end = s + q.start, s + q.end
        span_start = s + prev_end + (clause_start + 1 if clause_start >= 0 else 0)
        unit = q.unit if q.scale == 1 else f"{q.scale_word} {q.unit}"
        base_unit = BASE_UNITS.get(q.unit.lower(), q.unit)
        span_start, end = trimmed(text, span_start, end)
        t = Target(span=Span(span_start, end, text[span_start:end], around(text, span_start, end, s, e)),
                   indicator=ind,
                   value=q.value, unit=unit, comparator=comparator, upper=q.upper,
                   base_value=q.value * q.scale, base_unit=base_unit,
                   period=_period_before(seg[:q.start], default_year),
                   sector=sector, is_result=is_result)
        if sub:
            t.parent = out.index(siblings[-1]) if siblings[-1] in out else None
        if plan_value and siblings and siblings[-1].is_result and siblings[-1].period == t.period:
            siblings[-1].against = len(out)  # not the next year's estimate ("…; dự toán năm 2026 là …")
        subjects[id(t)] = subject or _subject(ind)
        if noun_m:
            shares[id(t)] = share
        out.append(t)
        if met_plan:  # the target that was met, with the same figure; the result is measured against it
            planned = Target(span=t.span, indicator=f"{ind} ({met_plan})", value=t.value, unit=t.unit,
                             comparator=t.comparator, upper=t.upper, base_value=t.base_value, base_unit=t.base_unit,
                             period=t.period, sector=t.sector)
            if is_result:
                t.against = len(out)
                out.append(planned)
            else:
                subjects[id(planned)] = subjects[id(t)]
                out[-1] = t = planned
        siblings.append(t)
        if value_first:
            listed.append(t)
        prev_end = read_end = q.end + consumed
        counted = linked_noun
        del start
    _share_predicates(listed)


# "với tổng vốn …", "với quy mô …", "với công suất …" after a count: the measure of the set counted before it
TOTAL_OF_RE = re.compile(r"\s*với\s+(?:" + spaced(QUALIFYING_MEASURES) + r")\b",
                         re.I)
_BASES = spaced(COMPARISON_BASES)
COMPARISON_AFTER_RE = re.compile(  # what a figure is compared with: "23% kế hoạch", "9% so với cùng kỳ năm 2023"
    rf"\s*(?:{_BASES})(?:[^,;.()\d]|(?:19|20)\d{{2}}\b)*?(?=\s+và\s|[,;.()]|\s*$|\s+(?!(?:19|20)\d{{2}}\b)\d)", re.I)
COMPARISON_START_RE = re.compile(rf"^(?:{_BASES})\b", re.I)
CHAIN_LINKS = frozenset(w for w in CHAIN_PREDICATES if w not in ("đạt", "bằng", "là", "và", "còn")) | {""}
SUBJECT_TRIM_RE = re.compile(r"(?:\s+(?:(?:đến|trong)\s+(?:hết\s+)?)?năm\s+\d{4}|\s+giai\s+đoạn\s+\d{4}\s*-\s*\d{4}"
                             r"|\s+(?:tăng|giảm|đạt))+$", re.I)
LOCAL_PERIOD_RE = re.compile(r"(?:(?:đến|trong)\s+(?:hết\s+)?)?năm\s+\d{4}|giai\s+đoạn\s+\d{4}\s*-\s*\d{4}", re.I)


def _chain_link(indicator: str, post: str) -> str | None:
    """The predicate of a figure that only links to the subject of the figure before it ("…, tăng 11%"),
    or None when the figure names its own indicator."""
    low = indicator.lower()
    if low not in CHAIN_LINKS:
        return None
    if post and not COMPARISON_START_RE.match(post):
        return None  # "70% số trường tiểu học": a value-first item of its own
    return low


def _subject(indicator: str) -> str:
    """What later figures of a chain are about: the indicator without its direction and period."""
    return SUBJECT_TRIM_RE.sub("", indicator).strip() or indicator


def _local_period(local: str) -> str:
    m = LOCAL_PERIOD_RE.search(local)
    return squash(m.group(0)) if m else ""


def _words(text: str) -> list[str]:
    return re.sub(r"[^\w\s]", " ", text.lower()).split()


def deduplicate(found: list[Target], default_year: int | None = None) -> list[Target]:
    """A figure repeated by a headline, a lead and the body is one: the same kind and quantity whose
    indicator's words are all in another's (the fuller one is kept). The same figure for two periods the text
    names ("năm 2025 đạt 100%" … "năm 2030 đạt 100%") is two; a figure of the plan's own year goes with either."""
    drop: dict[int, int] = {}
    groups: dict[tuple, list[int]] = {}
    for i, t in enumerate(found):
        groups.setdefault((t.is_result, t.base_value, t.upper, t.base_unit), []).append(i)
    own = str(default_year) if default_year else None
    for members in groups.values():
        if len(members) < 2:
            continue
        named = sorted({p for i in members if (p := found[i].period) not in (None, own)})
        # one pass per period the figures name, with the figures that name none
        passes = [[i for i in members if found[i].period in (None, own, p)] for p in named] if len(named) > 1 \
            else [members]
        for part in passes:
            _drop_contained(found, part, drop)
            _drop_same_concept(found, part, drop)
    _drop_range_bounds(found, drop)
    if not drop:
        return found
    keep = [i for i in range(len(found)) if i not in drop]
    new_index = {old: new for new, old in enumerate(keep)}

    def moved(k: int | None) -> int | None:
        while k is not None and k in drop:
            k = drop[k]
        return new_index.get(k) if k is not None else None

    out = [found[i] for i in keep]
    for t in out:
        t.parent, t.against = moved(t.parent), moved(t.against)
    return out


def _drop_contained(found: list[Target], members: list[int], drop: dict[int, int]) -> None:
    """Within figures of one quantity (indices in order), drop each whose indicator's words are all in the
    first other figure, in order and not dropped before it, with more words (or as many and earlier).

    Figures are grouped by their word set and count (a signature), and the signatures holding a signature's
    words come from a word index: a repeated figure costs a lookup, not a scan of every figure before it."""
    sig_of: dict[int, tuple[frozenset[str], int]] = {}
    members_of: dict[tuple[frozenset[str], int], list[int]] = {}
    for i in members:
        ws = _words(found[i].indicator)
        sig = (frozenset(ws), len(ws))
        sig_of[i] = sig
        members_of.setdefault(sig, []).append(i)
    by_word: dict[str, set[tuple[frozenset[str], int]]] = {}
    for sig in members_of:
        for w in sig[0]:
            by_word.setdefault(w, set()).add(sig)
    supersets: dict[tuple[frozenset[str], int], list[tuple[frozenset[str], int]]] = {}
    first_kept: dict[tuple[frozenset[str], int], int] = {}
    for i in members:
        sig = sig_of[i]
        sups = supersets.get(sig)
        if sups is None:
            pool = min((by_word[w] for w in sig[0]), key=len) if sig[0] else members_of.keys()
            sups = supersets[sig] = [u for u in pool if sig[0] <= u[0] and u[1] >= sig[1]]
        best = None
        for u in sups:
            j = first_kept.get(u)  # a kept figure comes before i; later ones are not dropped yet
            if j is None and u[1] > sig[1]:
                later = members_of[u]
                k = bisect_right(later, i)
                j = later[k] if k < len(later) else None
            if j is not None and (best is None or j < best):
                best = j
        if best is None:
            first_kept.setdefault(sig, i)
        else:
            drop[i] = best


def _drop_range_bounds(found: list[Target], drop: dict[int, int]) -> None:
    """Drop a single figure that repeats a bound of a range of the same kind, unit and period, all its indicator's
    words in the range's (a headline "mục tiêu tăng trưởng kinh tế năm 2025 lên 8,5%" over "tăng trưởng kinh tế
    cả nước năm 2025 đạt 8,3 - 8,5%")."""
    bounds: dict[tuple, list[int]] = {}
    for i, t in enumerate(found):
        if t.upper is not None and i not in drop:
            for v in (t.value, t.upper):
                bounds.setdefault((t.is_result, v, t.unit, t.period), []).append(i)
    if not bounds:
        return
    for i, t in enumerate(found):
        if t.upper is not None or i in drop:
            continue
        words = set(_words(t.indicator))
        for j in bounds.get((t.is_result, t.value, t.unit, t.period), ()):
            if words <= set(_words(found[j].indicator)):
                drop[i] = j
                break


def _drop_same_concept(found: list[Target], members: list[int], drop: dict[int, int]) -> None:
    """Within figures of one quantity, drop each restating an earlier kept one in other words: the same indicator
    concept, period and sector ("tăng trưởng kinh tế cả nước năm 2025 đạt 8,3 - 8,5%" … "tăng trưởng GDP đạt
    8,3 - 8,5%")."""
    first: dict[tuple[str, str | None, str | None], int] = {}
    for i in members:
        if i in drop:
            continue
        t = found[i]
        concept = concept_of(t.indicator, t.base_unit)
        if concept is None:
            continue
        key = (concept.key, t.period, t.sector)
        if key in first:
            drop[i] = first[key]
        else:
            first[key] = i


def _share_predicates(pct: list[Target]) -> None:
    """"42% số trường mầm non, 63% số trường tiểu học ... đạt chuẩn quốc gia": the last item's
    predicate belongs to every item of the list."""
    if len(pct) < 2:
        return
    parts = PREDICATE_RE.split(pct[-1].indicator, maxsplit=1)
    if len(parts) != 2:
        return
    pred = parts[1]
    for t in pct[:-1]:
        if not PREDICATE_RE.search(t.indicator):
            t.indicator = f"{t.indicator} {pred}"
