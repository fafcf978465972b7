"""Which indicator concept a written indicator falls under (the rules as data: `lang_vi.indicator_concepts`).

`normalise` gives the comparable form of an indicator as written; `concept_of` the concept it falls under
(an exact phrase first, else the longest phrase it holds as whole words, among the concepts its base unit
allows); `find_concept` reads what a user typed (a concept key, a label, any phrasing).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kg.extraction.lang_vi.indicator_concepts import (
    ASIDES,
    CONCEPTS,
    CUT_AT,
    LEADING,
    SPELLINGS,
    TONE_PLACEMENT,
    TRAILING,
    Concept,
)

BY_KEY: dict[str, Concept] = {c.key: c for c in CONCEPTS}
_BRACKETS = re.compile(r"\(([^()]*)\)")
_NOT_WORD = re.compile(r"[^\w]+")
_NUMBER = re.compile(r"\b\d[\d.,]*\b")
_TONES = dict(TONE_PLACEMENT)
_TONE = re.compile(r"(?<!q)(" + "|".join(_TONES) + r")(?!\w)")


@lru_cache(maxsize=8192)
def normalise(indicator: str) -> str:
    """Lower case, one spelling, no punctuation, numbers or asides, without the sentence's fillers and tails."""
    text = unicodedata.normalize("NFC", indicator).lower()
    text = _TONE.sub(lambda m: _TONES[m.group(1)], text)
    for old, new in SPELLINGS:
        text = text.replace(old, new)
    text = _BRACKETS.sub(lambda m: " " if any(a in m.group(1) for a in ASIDES) else f" {m.group(1)} ", text)
    for cue in CUT_AT:
        text = text.split(cue, 1)[0]
    text = " ".join(_NOT_WORD.sub(" ", _NUMBER.sub(" ", text)).replace("_", " ").split())
    changed = True
    while changed and text:
        changed = False
        for word in LEADING:
            if text.startswith(word + " "):
                text, changed = text[len(word) + 1:], True
        for word in TRAILING:
            if text.endswith(" " + word) or text == word:
                text, changed = text[: -len(word)].rstrip(), True
        if text.endswith(" năm"):
            text, changed = text[:-4].rstrip(), True
    return text


def _allowed(concept: Concept, base_unit: str | None) -> bool:
    return not concept.units or base_unit is None or base_unit in concept.units


@lru_cache(maxsize=8192)
def concept_of(indicator: str, base_unit: str | None = None) -> Concept | None:
    """The concept an indicator falls under, or None (``base_unit`` None: any unit allowed).

    The best phrase wins (exact, else the longest of two words or more held), whatever the unit; among concepts
    tied on it, the first whose unit fits. So "quy mô grdp" in % is no concept, not GRDP growth by its shorter
    phrase "grdp".
    """
    return next((c for c in best_concepts(indicator) if _allowed(c, base_unit)), None)


@lru_cache(maxsize=8192)
def best_concepts(indicator: str) -> tuple[Concept, ...]:
    """The concepts tied on the best phrase for an indicator, whatever its unit (in the order of CONCEPTS)."""
    text = normalise(indicator)
    if not text:
        return ()
    padded = f" {text} "
    scored: list[tuple[int, Concept]] = []
    for c in CONCEPTS:
        if text in c.phrases:
            scored.append((1 << 20, c))
        else:
            held = [len(p) for p in c.phrases if " " in p and f" {p} " in padded]
            if held:
                scored.append((max(held), c))
    top = max((score for score, _ in scored), default=0)
    return tuple(c for score, c in scored if score == top)


def find_concept(query: str) -> Concept | None:
    """The concept a user names: its key, or any phrasing of it (unit not known: the first that fits)."""
    key = query.strip().lower()
    if key in BY_KEY:
        return BY_KEY[key]
    return concept_of(query)
