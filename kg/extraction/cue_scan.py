"""Cue patterns that skip the regex engine when a sentence cannot match: `Cue` knows the words one of which
every match must contain (read from the compiled pattern itself), so a sentence lacking all of them is
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

# Characters `re` folds beyond lower-casing (ı ~ i, ſ ~ s, K ~ k, µ ~ μ …; the ASCII side of each pair lower-cases
# like any letter), and the two whose ``str.lower`` is not their simple lower case (İ, final Σ).
_SPECIAL = {chr(c) for k, vs in _casefix._EXTRA_CASES.items() for c in (k, *vs) if c > 127}
UNSAFE = frozenset(_SPECIAL | {"\u0130", "\u03a3"})


def foldable(text: str) -> bool:
    """Whether ``text.lower()`` matches case-insensitive literals character for character."""
    return UNSAFE.isdisjoint(text)


def _needles(items: list) -> frozenset[str] | None:
    """Strings one of which every match of the parsed sequence contains (lower case), or None if unknown."""
    best: frozenset[str] | None = None
    run: list[str] = []

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and all(found) and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found

    for op, av in [*items, (None, None)]:
        if op is _c.LITERAL:
            run.append(chr(av).lower())
            continue
        if run:
            consider(frozenset({"".join(run)}))
            run = []
        if op is _c.SUBPATTERN:
            consider(_needles(list(av[-1])))
        elif op is _c.BRANCH:
            parts = [_needles(list(b)) for b in av[1]]
            consider(frozenset().union(*parts) if all(parts) else None)  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            consider(_needles(list(av[2])))
    return best


def needles(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """What every match of `pattern` holds, one of these strings (lower case); None when not known."""
    try:
        found = _needles(list(_parser.parse(pattern.pattern, pattern.flags)))
    except Exception:  # a construct the parser reads differently: no shortcut, the pattern still answers
        return None
    if found is None or not all(map(UNSAFE.isdisjoint, found)):
        return None
    return found


class Cue:
    """A compiled pattern with its needles: ``search``/``sub`` answer as the pattern does, given the text and
    its lower-cased form (None when the text is not `foldable`: then the pattern always runs)."""

    __slots__ = ("rx", "words")

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx
        self.words = needles(rx)

    def absent(self, low: str | None) -> bool:
        """Whether the text whose lower-cased form is `low` surely holds no match."""
        return low is not None and self.words is not None and not any(map(low.__contains__, self.words))

    def search(self, text: str, low: str | None) -> re.Match[str] | None:
        return None if self.absent(low) else self.rx.search(text)

    def sub(self, repl: str, text: str, low: str | None) -> str:
        return text if self.absent(low) else self.rx.sub(repl, text)
