"""Cue patterns that skip the regex engine when a sentence cannot match: `Cue` knows the words every match must
contain (read from the compiled pattern itself: all the words of one branch), so a sentence lacking them is
answered with a substring test on its lower-cased text instead of a case-insensitive search at every
position. Answers are the pattern's own: the test only rules out sentences that cannot match.

Lower-casing a text keeps it aligned with what ``re.IGNORECASE`` compares, except for the few characters
that ``re`` folds specially (``ſ``, ``K``, ``İ``, final ``Σ`` …): a text holding one of them is searched as is.
"""

from __future__ import annotations

import re
import re._casefix as _casefix
import re._constants as _c
import re._parser as _parser

from kg.extraction.text import char_class

# Characters `re` folds beyond lower-casing (ı ~ i, ſ ~ s, K ~ k, µ ~ μ …; the ASCII side of each pair lower-cases
# like any letter), and the two whose ``str.lower`` is not their simple lower case (İ, final Σ).
_SPECIAL = {chr(c) for k, vs in _casefix._EXTRA_CASES.items() for c in (k, *vs) if c > 127}
UNSAFE = frozenset(_SPECIAL | {"\u0130", "\u03a3"})
_UNSAFE_RE = char_class(UNSAFE)


def foldable(text: str) -> bool:
    """Whether ``text.lower()`` matches case-insensitive literals character for character."""
    return _UNSAFE_RE.search(text) is None


Needles = frozenset[tuple[str, ...]]  # every match holds all the words of one of the tuples


def _needles(items: list) -> Needles | None:
    """Words every match of the parsed sequence holds (lower case, no spaces), or None if none is known."""
    words: set[str] = set()
    choice: Needles | None = None
    run: list[str] = []

    def flush() -> None:
        if run:
            words.add("".join(run))
            run.clear()

    def require(found: Needles | None) -> None:
        nonlocal choice
        if not found:
            return
        if len(found) == 1:
            words.update(next(iter(found)))
        elif choice is None or len(found) < len(choice):
            choice = found

    for op, av in items:
        if op is _c.LITERAL and not chr(av).isspace():
            run.append(chr(av).lower())
            continue
        flush()
        if op is _c.SUBPATTERN:
            require(_needles(list(av[-1])))
        elif op is _c.BRANCH:
            parts = [_needles(list(b)) for b in av[1]]
            require(frozenset().union(*parts) if all(parts) else None)  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            require(_needles(list(av[2])))
    flush()
    if choice is None:
        return frozenset({_ordered(words)}) if words else None
    return frozenset(_ordered(words | set(alt)) for alt in choice)


def _ordered(words: set[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=lambda w: (-len(w), w)))  # the longest (rarest) tested first


def needles(pattern: re.Pattern[str]) -> Needles | None:
    """What every match of `pattern` holds: all the words of one of the tuples (lower case); None when not known."""
    try:
        found = _needles(list(_parser.parse(pattern.pattern, pattern.flags)))
    except Exception:  # a construct the parser reads differently: no shortcut, the pattern still answers
        return None
    if found is None or not all(UNSAFE.isdisjoint(w) for alt in found for w in alt):
        return None
    return found


class Cue:
    """A compiled pattern with its needles: ``search``/``sub`` answer as the pattern does, given the text and
    its lower-cased form (None when the text is not `foldable`: then the pattern always runs)."""

    __slots__ = ("firsts", "needles", "rx")

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx
        self.needles = needles(rx)
        self.firsts = tuple(sorted({alt[0] for alt in self.needles})) if self.needles else ()

    def absent(self, low: str | None) -> bool:
        """Whether the text whose lower-cased form is `low` surely holds no match (its words have no spaces, so
        a text with pieces replaced by spaces holds no match either when the original holds none)."""
        if low is None or self.needles is None:
            return False
        if not any(map(low.__contains__, self.firsts)):  # most sentences: no branch's first word, one C loop
            return True
        return not any(all(map(low.__contains__, alt)) for alt in self.needles)

    def search(self, text: str, low: str | None) -> re.Match[str] | None:
        return None if self.absent(low) else self.rx.search(text)

    def sub(self, repl: str, text: str, low: str | None) -> str:
        return text if self.absent(low) else self.rx.sub(repl, text)


class CueSet:
    """Several cues at once: `absent` when none of them can match, one substring loop over all their first words
    (most sentences hold no cue: they are answered without a test per cue)."""

    __slots__ = ("firsts",)

    def __init__(self, *cues: Cue) -> None:
        known = all(c.needles is not None for c in cues)
        self.firsts = tuple(sorted({w for c in cues for w in c.firsts})) if known else None

    def absent(self, low: str | None) -> bool:
        if low is None or self.firsts is None:
            return False
        return not any(map(low.__contains__, self.firsts))


def lowered(text: str) -> str | None:
    """``text.lower()`` when `text` is `foldable` (then it is as long as `text`: slices of it are the lower-cased
    slices of `text`), else None."""
    return text.lower() if foldable(text) else None


_SPACES = "".join(c for c in map(chr, range(0x3001)) if c.isspace())  # every `\s` (none is above U+3000)


def _alphabet(items: list) -> set[str] | None:
    """Every character (lower case) a match of the parsed pattern can hold, or None when not known (``\\w``,
    ``.``, negated sets, lookarounds …)."""
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            out.add(chr(av).lower())
        elif op is _c.IN:
            for o, a in av:
                if o is _c.LITERAL:
                    out.add(chr(a).lower())
                elif o is _c.RANGE and a[1] - a[0] < 256:
                    out.update(chr(x).lower() for x in range(a[0], a[1] + 1))
                elif o is _c.CATEGORY and a is _c.CATEGORY_SPACE:
                    out.update(_SPACES)
                else:
                    return None
        elif op in (_c.SUBPATTERN, _c.BRANCH, _c.MAX_REPEAT, _c.MIN_REPEAT):
            parts = [list(av[-1])] if op is _c.SUBPATTERN else list(map(list, av[1])) if op is _c.BRANCH else [
                list(av[2])]
            for part in parts:
                found = _alphabet(part)
                if found is None:
                    return None
                out |= found
        elif not (op is _c.AT and av is _c.AT_END):
            return None
    return out


class TrailingStrip:
    """``rx.sub("", text)`` for a pattern that only strips the end of a text (``(?:…)+$``: no lookbehind, no
    boundary), searched only in the text's last run of characters a match can hold: `str.rstrip` finds it on
    the lower-cased text (which `re.IGNORECASE` compares character for character when the text is `foldable`).
    The pattern itself still decides; a text that is not foldable, or a pattern whose characters are not
    known, is searched whole."""

    __slots__ = ("chars", "rx")

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx
        try:
            items = list(_parser.parse(rx.pattern, rx.flags))
        except Exception:  # a construct the parser reads differently: no shortcut
            items = []
        at_end = bool(items) and items[-1] == (_c.AT, _c.AT_END) and not rx.flags & re.MULTILINE
        found = _alphabet(items[:-1]) if at_end else None
        self.chars = "".join(sorted(found)) if found else None

    def sub(self, text: str) -> str:
        if self.chars is None or not foldable(text):
            return self.rx.sub("", text)
        cut = len(text.lower().rstrip(self.chars))
        return text[:cut] + self.rx.sub("", text[cut:])
