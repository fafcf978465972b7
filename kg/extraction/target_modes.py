"""Whether a sentence plans figures (``target``), reports them (``result``) or neither (``None``).

A sentence's own cues decide first: a commitment (phấn đấu, mục tiêu, chỉ tiêu …) makes it plan, unless the
target word sits inside a result phrase ("đạt 18/21 chỉ tiêu"); an estimate or comparison (ước, so với cùng kỳ,
đạt 98% kế hoạch, đã …) makes it report; an opening year ("Năm 2023, …") reports when it is before the plan's
year and plans otherwise. A sentence without cues takes the mode of the sentence before it in its paragraph.
Across paragraphs, a report goes on until the next heading; a plan goes on only under a list introduction
("… các chỉ tiêu như sau:") or into list items. Headings set the mode of their section.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from kg.extraction.cue_scan import Cue, CueSet, foldable, lowered
from kg.extraction.lang_vi.target_cues import (
    BASELINE_PHRASES,
    LIST_INTRO_ENDINGS,
    RESULT_HEADING_CUES,
    RESULT_PHRASES_WITH_TARGET_WORDS,
    STRONG_RESULT_CUES,
    TARGET_CUES,
    WEAK_RESULT_CUES,
)
from kg.extraction.text import UPPER


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(w if "\\" in w or "(" in w else re.escape(w).replace(r"\ ", r"\s+") for w in words)


TARGET_CUE_RE = re.compile(rf"(?:{_alt(TARGET_CUES)})|đến\s+năm\s+\d{{4}}", re.I)
BASELINE_RE = re.compile("|".join(BASELINE_PHRASES), re.I)
RESULT_PHRASE_RE = re.compile(_alt(RESULT_PHRASES_WITH_TARGET_WORDS), re.I)
STRONG_RESULT_RE = re.compile(_alt(STRONG_RESULT_CUES), re.I)
WEAK_RESULT_RE = re.compile(_alt(WEAK_RESULT_CUES), re.I)
RESULT_HEADING_RE = re.compile(_alt(RESULT_HEADING_CUES), re.I)
INTRO_END_RE = re.compile(rf"(?:{_alt(LIST_INTRO_ENDINGS)})?\s*:\s*$", re.I)
OPENING_YEAR_RE = re.compile(r"^\W*(?:(?:trong|cả)\s+)?năm\s+((?:19|20)\d{2})\s*[,:]", re.I)
# "Năm học 2023 - 2024, …", "Giai đoạn 2016 - 2020, …": a period opening the sentence, judged by its last year.
OPENING_SPAN_RE = re.compile(
    r"^\W*(?:(?:trong|cả)\s+)?(?:năm\s+học|niên\s+khóa|giai\s+đoạn|nhiệm\s+kỳ)\s+(?:19|20)\d{2}\s*[-–]\s*"
    r"((?:19|20)\d{2})\s*[,:]", re.I)
# "…; năm 2027, 95% hộ …": a later year opening a clause of a list item plans what follows it.
CLAUSE_YEAR_RE = re.compile(r"(?:^|[;:]\s*)\W*(?:(?:trong|đến\s+hết)\s+)?năm\s+((?:19|20)\d{2})\s*,\s*(?=\S)", re.I)
# A full date ("21/10/2022", "ngày 5 tháng 3 năm 2023"): the first one bounds the text's own date from below.
FULL_DATE_RE = re.compile(r"\b\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*((?:19|20)\d{2})\b"
                          r"|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+((?:19|20)\d{2})", re.I)
HEADING_RE = re.compile(
    rf"^[ \t]*(?:Phần\s+(?:[IVX]+|\d+)\b|[IVX]{{1,4}}\.\s|Điều\s+\d+\.|[{UPPER}\d][{UPPER}\d ,.\-–]{{8,}}$)")
LIST_ITEM_RE = re.compile(  # a bullet, a numbered item, or a short "Label: …" line
    r"^[ \t]*(?:[-–•+*]\s|\(?\d{1,2}[.)]\s|[a-zđ]\)\s|[^\s:;,.]{1,40}(?:\s[^\s:;,.]+){0,6}:\s)")
QUANTITY_HINT_RE = re.compile(r"\d")


# Every character `str.isdigit` accepts (superscripts too, as "m²"), to find a sentence's last digit in one search.
# Digits `str.isdigit` accepts beyond ASCII ("m²", other scripts): a sentence holding none is read with `rfind`.
_NON_ASCII_DIGITS = frozenset(chr(c) for c in range(128, 0x110000) if chr(c).isdigit())
TARGET_CUE, RESULT_PHRASE, BASELINE, STRONG_RESULT, WEAK_RESULT, CLAUSE_YEAR = (
    Cue(rx) for rx in (TARGET_CUE_RE, RESULT_PHRASE_RE, BASELINE_RE, STRONG_RESULT_RE, WEAK_RESULT_RE, CLAUSE_YEAR_RE))
ANY_CUE = CueSet(TARGET_CUE, RESULT_PHRASE, BASELINE, STRONG_RESULT, WEAK_RESULT, CLAUSE_YEAR)


def _last_digit(text: str, ascii_digits: bool = False) -> int:
    """Position of the last character of `text` that `str.isdigit` accepts, else its length (`ascii_digits`:
    the text is known to hold no other digits than 0-9)."""
    if ascii_digits or _NON_ASCII_DIGITS.isdisjoint(text):
        last = max(map(text.rfind, "0123456789"))
        return last if last >= 0 else len(text)
    return max((i for i, c in enumerate(text) if c.isdigit()), default=len(text))


def sentence_mode(sentence: str, plan_year: int | None, planning: bool = False) -> str | None:
    """The mode a sentence's own cues give it; `planning` when it stands in a target list, where a
    baseline ("giảm 1% so với năm 2022") or a weak cue does not make it report. A cue pattern runs only
    when the sentence holds one of its words (`kg.extraction.cue_scan`)."""
    low = sentence.lower() if foldable(sentence) else None
    return _sentence_mode(sentence, low, plan_year, planning, _NON_ASCII_DIGITS.isdisjoint(sentence))


def _sentence_mode(sentence: str, low: str | None, plan_year: int | None, planning: bool, ascii_digits: bool
                   ) -> str | None:
    """`sentence_mode`, given the sentence lower-cased (None when it is not `foldable`) and whether its only
    digits are 0-9."""
    if ANY_CUE.absent(low):  # no cue word at all (most sentences): only an opening year or period decides
        return _opening_mode(sentence, plan_year)
    if RESULT_PHRASE.absent(low):
        neutral, neutral_low = sentence, low
    else:
        neutral = RESULT_PHRASE_RE.sub(" ", sentence)
        neutral_low = neutral.lower() if low is not None else None
    last_digit = -1  # computed when needed
    cue = TARGET_CUE.search(neutral, neutral_low)
    if cue:
        last_digit = _last_digit(neutral, ascii_digits)
        if cue.start() < last_digit:  # "… 65% sản lượng lúa; đóng vai trò đảm bảo …" commits to nothing
            return "target"
    if planning and not BASELINE.absent(low):
        probe = BASELINE_RE.sub(" ", sentence)
        probe_low = probe.lower() if low is not None else None
    else:
        probe, probe_low = sentence, low
    if STRONG_RESULT.search(probe, probe_low) or RESULT_PHRASE.search(probe, probe_low):
        return "result"
    opening = _opening_mode(sentence, plan_year)
    if opening is not None:
        return opening
    if plan_year and not CLAUSE_YEAR.absent(neutral_low):
        if last_digit < 0:
            last_digit = _last_digit(neutral, ascii_digits)
        if any(int(c.group(1)) > plan_year and c.end() < last_digit for c in CLAUSE_YEAR_RE.finditer(neutral)):
            return "target"
    if not planning and WEAK_RESULT.search(sentence, low):
        return "result"
    return None


def _reports_first(sentence: str, low: str | None, incoming: str | None, at: int, figures: list[int]) -> bool:
    """Whether a committing sentence (at `at` of its text) reports before it commits: a figure precedes its first
    commitment cue, after a report, an earlier year opening it or an estimate ("…ước đạt 92.600 tỷ đồng, tăng 7,8%
    so với năm 2023, năm 2025 phấn đấu tăng 8 - 9%"). Its figures are then results up to the cue, which commits the
    ones after it."""
    neutral = sentence if RESULT_PHRASE.absent(low) else RESULT_PHRASE_RE.sub(" ", sentence)
    cue = TARGET_CUE_RE.search(neutral)
    k = bisect_left(figures, at)
    if cue is None or k == len(figures) or figures[k] >= at + cue.start():
        return False
    return incoming == "result" or STRONG_RESULT_RE.search(neutral, 0, cue.start()) is not None


def _opening_mode(sentence: str, plan_year: int | None) -> str | None:
    """A year or period opening the sentence ("Năm 2023, …"): it reports when before the plan's year."""
    if not plan_year:
        return None
    m = OPENING_YEAR_RE.match(sentence)
    if m:
        return "result" if int(m.group(1)) < plan_year else "target"
    m = OPENING_SPAN_RE.match(sentence)
    if m:
        return "result" if int(m.group(1)) <= plan_year else "target"
    return None


def _opening_year(sentence: str) -> int:
    m = OPENING_YEAR_RE.match(sentence)
    return int(m.group(1)) if m else 10_000


def heading_mode(line: str) -> str | None:
    if RESULT_HEADING_RE.search(line):
        return "result"
    if TARGET_CUE_RE.search(line):
        return "target"
    return None


def year_bound(text: str) -> int | None:
    """The year of the first full date in `text` (a page's dateline, a cited document's date): the text is
    of that year or later."""
    m = FULL_DATE_RE.search(text)
    return int(m.group(1) or m.group(2)) if m else None


def _line_end(text: str, s: int) -> int:
    """The end of the line that holds position `s`."""
    nl = text.find("\n", s)
    return nl if nl >= 0 else len(text)


def sentence_modes(text: str, spans: list[tuple[int, int]], plan_year: int | None,
                   figures: list[int] | None = None) -> list[str | None]:
    """The mode of each sentence span of `text`, in order. Without a plan year, an opening year before the
    first full date of the text still reports. `figures`: where the text's figures start, sorted (a sentence
    that reports a figure before it commits is read figure by figure)."""
    bound = None if plan_year else year_bound(text)
    low_text = lowered(text)  # lower-cased once; a text that is not foldable is lower-cased by sentence
    ascii_digits = _NON_ASCII_DIGITS.isdisjoint(text)  # then so are its sentences
    out: list[str | None] = []
    mode: str | None = None
    section: str | None = None
    intro_open = False
    prev_end = 0
    for s, e in spans:
        sentence = text[s:e]
        new_par = "\n" in text[prev_end:s] or s == 0
        prev_end = e
        # a heading or item number split off as its own sentence ("Điều 2." | "Các chỉ tiêu …") is judged by its line
        first_line = text[s:_line_end(text, s)].strip() if new_par else ""
        if new_par and HEADING_RE.match(first_line) and not QUANTITY_HINT_RE.search(first_line.split(".", 1)[-1]):
            section = heading_mode(first_line)
            mode, intro_open = section, False
            out.append(None)
            continue
        if new_par:
            if mode == "target" and not (intro_open or LIST_ITEM_RE.match(first_line)):
                mode = section
            if intro_open and not QUANTITY_HINT_RE.search(sentence) and not LIST_ITEM_RE.match(first_line):
                intro_open = False
                mode = section
        low = low_text[s:e] if low_text is not None else sentence.lower() if foldable(sentence) else None
        own = _sentence_mode(sentence, low, plan_year, mode == "target", ascii_digits)
        if own is None and bound and _opening_year(sentence) < bound:
            own = "result"
        if (own == "target" and figures and mode != "target" and section != "target"
                and _reports_first(sentence, low, mode if mode else _opening_mode(sentence, plan_year), s, figures)):
            own = "result"  # "… ước đạt 92.600 tỷ đồng, tăng 7,8%, năm 2025 phấn đấu …": its commitment is per figure
        if own is not None:
            mode = own
        if own == "target" and INTRO_END_RE.search(sentence.rstrip()) and sentence.rstrip().endswith(":"):
            intro_open = True
        out.append(mode)
    return out
