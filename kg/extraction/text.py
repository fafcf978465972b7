"""Small text helpers shared by the extraction components: phrase regexes, segments, slugs."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

# Upper- and lower-case letters of Vietnamese (and other Latin) text, for regex character classes:
# a range such as À-Ỹ mixes both cases, so the classes are listed from Unicode's own case data.
UPPER = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isalpha() and c.isupper() and "LATIN" in
                unicodedata.name(c, ""))
LOWER = "".join(c for c in map(chr, range(0x61, 0x1EFA)) if c.isalpha() and c.islower() and "LATIN" in
                unicodedata.name(c, ""))


def phrase(words: str) -> str:
    """Regex fragment for a phrase whose words may be separated by any whitespace (line breaks too)."""
    return r"\s+".join(re.escape(w) for w in words.split())


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of cue words or phrases, longest first (so a phrase wins over its first word); spaces
    match any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def spaced(words: Iterable[str]) -> str:
    """An alternation of `words` in their order, spaces matching any whitespace; the words are not escaped (they
    are plain words, or hold their own pattern)."""
    return "|".join(w.replace(" ", r"\s+") for w in words)


def grouped_alternation(words: list[str]) -> str:
    """An alternation of `words` in their order (spaces match any whitespace), grouped by first letter, for
    case-insensitive use: words of different first letters never match at one place, so the grouping keeps what
    matches and which word wins, while `re` tries a few groups instead of every word at each position."""
    groups: dict[str, list[str]] = {}
    for w in words:
        assert w and w[0].lower().upper().lower() == w[0].lower(), w  # no special case folding
        groups.setdefault(w[0].lower(), []).append(w)
    return "|".join(re.escape(g[0][0]) + "(?:" + "|".join(re.escape(w[1:]).replace(r"\ ", r"\s+") for w in g) + ")"
                    for g in groups.values())


def char_class(chars: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching any one of `chars` (as runs of code points): ``search`` tells whether a text holds one
    in one C scan, much faster than a set test over the text's characters."""
    points = sorted({ord(c) for c in chars})
    runs: list[list[int]] = []
    for p in points:
        if runs and runs[-1][1] == p - 1:
            runs[-1][1] = p
        else:
            runs.append([p, p])
    body = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in runs)
    return re.compile(f"[{body}]" if body else "(?!)")


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without its leading and trailing whitespace."""
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())


def squash(text: str) -> str:
    """Collapse whitespace runs (line breaks included) into one space and strip (``str.split`` and ``\\s`` agree
    on what whitespace is)."""
    return " ".join(text.split())


@lru_cache(maxsize=65536)
def slug(text: str, max_len: int = 80) -> str:
    """ASCII slug for IRIs: 'Ủy ban nhân dân tỉnh Kiên Giang' -> 'uy-ban-nhan-dan-tinh-kien-giang'."""
    t = text.replace("đ", "d").replace("Đ", "D")
    t = unicodedata.normalize("NFKD", t)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t[:max_len].rstrip("-") or "x"


def strip_accents(text: str) -> str:
    """Lower-case ASCII folding, for accent-insensitive comparisons."""
    return slug(text, 10_000).replace("-", " ")


CONTEXT = 160  # characters of the sentence kept on each side of a span, as provenance


def context(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> str:
    """The text around a span within [lo, hi) (its sentence), at most CONTEXT characters on each side,
    cut at word boundaries."""
    hi = len(text) if hi is None else hi
    a, b = max(lo, start - CONTEXT), min(hi, end + CONTEXT)
    if a > lo:
        a = text.find(" ", a, start) + 1 or a
    if b < hi:
        cut = text.rfind(" ", end, b)
        b = cut if cut > 0 else b
    return squash(text[a:b])


class Ranges:
    """A set of half-open ranges ``[a, b)``, merged once, that answers whether a position lies in one by
    bisection (not a scan of every range per position)."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(r for r in ranges if r[0] < r[1]):
            if self.ends and a <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], b)
            else:
                self.starts.append(a)
                self.ends.append(b)

    def __contains__(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


@dataclass(slots=True)
class Segments:
    """Sentence boundaries of a text, for looking up the sentence around a span."""

    starts: list[int]
    ends: list[int]

    def around(self, text: str, start: int, end: int) -> str:
        """The sentence around a span, clipped to `CONTEXT` characters on each side."""
        i = max(0, bisect_right(self.starts, start) - 1)
        j = max(i, bisect_right(self.starts, max(start, end - 1)) - 1)
        return context(text, start, end, self.starts[i], self.ends[j])

    def index(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)


# A sentence ends at . ! ? ; followed by a space or line break, at a blank line, at a table cell
# separator line, or at a line break followed by a list marker or heading.
_BOUNDARY = re.compile(
    rf"(?<=[.!?;:])[\"”’)]?\s+(?=[\"“(\-–•+*]?\s*[{UPPER}0-9(\-“\"])"
    r"|\n[ \t]*\n\s*"
    r"|\n[ \t]*\|[ \t]*(?:\n|$)"
    r"|\n(?=[ \t]*(?:[-–•+*]\s|\(?\d{1,2}[.)]\s|[IVXLC]{1,5}\.\s|[a-zđ]\)\s))"
)


def segment(text: str) -> Segments:
    """Split a text into sentence-like segments (robust to lines broken mid-sentence)."""
    starts, ends = [0], []
    for m in _BOUNDARY.finditer(text):
        ends.append(m.start())
        starts.append(m.end())
    ends.append(len(text))
    return Segments(starts, ends)


_CELL_SEP = re.compile(r"(?m)^[ \t]*\|[ \t]*$")


def table_cells(text: str) -> list[tuple[int, int]]:
    """Cells of tables flattened into lines holding only ``|`` (as readers emit every table)."""
    seps = list(_CELL_SEP.finditer(text))
    cells = []
    prev_end = -1
    for a, b in pairwise(seps):
        if a.start() - prev_end > 2000 or prev_end < 0:
            # The first cell of a table runs from the start of its line to the first separator.
            line_start = text.rfind("\n", 0, max(0, a.start() - 1)) + 1
            cells.append((line_start, a.start()))
        if b.start() - a.end() < 2000:
            cells.append((a.end(), b.start()))
        prev_end = b.end()
    return cells
