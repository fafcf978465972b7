"""Layout of a text for task readers: paragraphs (hard-wrapped lines joined), clauses, and the sections
whose items are not tasks (reports, aims, organisation of the plan)."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extraction.lang_vi import task_cues as cues
from kg.extraction.text import UPPER, squash

HEADING_RE = re.compile(r"(?:[IVX]{1,5}|[A-Z])\.(?:\s|$)|(?:Phần|PHẦN|Điều|ĐIỀU)\s+\w+")
# A sentence's stop, then the spaces before a capital (group 1). No lookbehind, so a search skips from stop to
# stop; a search from `pos` starts at `pos - 1`, where the stop before `pos` may be.
SENTENCE_END = re.compile(rf"[.!?](\s+)(?=[{UPPER}])")
_CLAUSE_END = re.compile(rf";\s+|(?<=[.!?])[\"”]?\s+(?=[\"“]?[{UPPER}0-9])|\.{{3}}|…")
SECTION_HEAD_RE = re.compile(r"(?m)^[ \t]*(?:[IVX]{1,5}\.|PHẦN\s+[IVX\d]+\.?|Phần\s+[IVX\d]+\.?)[ \t]*"
                             # a heading wrapped on a second line, which is no list item
                             r"(?P<head>[^\n]*(?:\n(?![ \t]*(?:\d{1,2}\.|[a-zđ]\)|[-–•+])\s)[^\n]*)?)")


def reporting_heading(head: str) -> bool:
    """A heading of a section that reports, states aims or organises («TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ»,
    «MỤC TIÊU», «TỔ CHỨC THỰC HIỆN»), not one of tasks that merely names aims («NHIỆM VỤ … ĐẠT MỤC TIÊU»)."""
    low = squash(head).lower()
    task_at = min((m.start() for m in re.finditer(r"nhiệm\s+vụ|giải\s+pháp", low)), default=len(low))
    return any(0 <= low.find(w) < task_at for w in cues.NOT_TASK_SECTIONS)


def organising_heading(head: str) -> bool:
    """«III. TỔ CHỨC THỰC HIỆN»: a section organising the implementation, whose assignments are tasks."""
    low = squash(head).lower()
    return any(low.startswith(w) for w in cues.ORGANISING_SECTIONS)


@lru_cache(maxsize=4)  # the task readers of one text share it
def excluded_regions(text: str, assigning: bool = False) -> tuple[tuple[int, int], ...]:
    """Sections that report, state aims or organise the plan's implementation (headings such as «II. TÌNH
    HÌNH THỰC HIỆN …», «I. MỤC TIÊU», «III. TỔ CHỨC THỰC HIỆN»): what they list is not a task. With
    `assigning`, the sections that organise are left in: the assignment reader reads them."""
    heads = list(SECTION_HEAD_RE.finditer(text))
    levels = [0 if m.group(0).lstrip()[:4].lower() == "phần" else 1 for m in heads]
    out = []
    for k, m in enumerate(heads):
        if reporting_heading(m.group("head")) and not (assigning and organising_heading(m.group("head"))):
            # a section ends at the next heading of its level or above ("PHẦN II" ends "PHẦN I" and its "I.", "II.")
            end = next((heads[j].start() for j in range(k + 1, len(heads)) if levels[j] <= levels[k]), len(text))
            out.append((m.start(), end))
    return tuple(out)


def inside(pos: int, regions: tuple[tuple[int, int], ...] | list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in regions)


def in_table(text: str, paras: list[tuple[int, int]], k: int) -> bool:
    """A paragraph that is a table cell or row: next to a ``|`` line, or holding `` | ``."""
    a, b = paras[k]
    return " | " in text[a:b] or any(text[x:y].strip() == "|" for x, y in paras[max(0, k - 1):k + 2])


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraphs: lines joined while a line ends mid-sentence (hard-wrapped text), split before list
    markers and headings."""
    return list(_paragraphs(text))


@lru_cache(maxsize=2)  # the task readers of one text share it
def _paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    start: int | None = None
    one_line = False  # the paragraph read so far is one line (looked at whole only then: a scan stays linear)
    pos = prev_end = 0
    for line in text.splitlines(keepends=True):
        body = line.strip()
        a = pos + len(line) - len(line.lstrip())
        pos += len(line)
        if not body:
            if start is not None:
                out.append((start, prev_end))
                start = None
            continue
        if start is not None and (is_marker(body) or HEADING_RE.match(body)
                                  or _heading_item(text, start, prev_end, one_line, body)):
            out.append((start, prev_end))
            start = None
        one_line = start is None
        if start is None:
            start = a
        prev_end = a + len(body)
        if body[-1] in ".;:!?\"”)|" or body.endswith("./."):
            out.append((start, prev_end))
            start = None
    if start is not None:
        out.append((start, prev_end))
    return tuple(out)


def _heading_item(text: str, start: int, end: int, one_line: bool, body: str) -> bool:
    """A one-line item short enough to head what follows («1. Sở Tài chính»), before a capitalised line."""
    return one_line and body[:1].isupper() and is_marker(text[start:end]) and len(text[start:end].split()) <= 12


_MARKER_RE = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*[.)]|\(\d{1,2}\)|[a-zđ]\)|[-–•+*])\s")


def is_marker(line: str) -> bool:
    """A line opening with a list marker (a number, a letter, a dash), not a word such as "Một số"."""
    return _MARKER_RE.match(line) is not None


def clauses(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Clauses of text[a:b], split at semicolons and sentence ends; a "trong đó …" clause stays with the one
    before it."""
    out: list[tuple[int, int]] = []
    pos = a
    for m in _CLAUSE_END.finditer(text, a, b):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, b))
    merged: list[tuple[int, int]] = []
    for s, e in out:
        piece = text[s:e].strip()
        if not piece:
            continue
        if merged and re.match(r"(?i)trong\s+đó|nhất\s+là|đặc\s+biệt", piece):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged
