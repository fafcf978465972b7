"""The cue shortcut (kg/extraction/cue_scan.py) answers as the pattern does: it only skips sentences that cannot
match. Checked on every sentence of the bundled sample texts and on case and folding variants of the cues."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.extraction import target_modes as tm
from kg.extraction.cue_scan import Cue, foldable, needles
from kg.extraction.lang_vi.target_cues import STRONG_RESULT_CUES, TARGET_CUES
from kg.extraction.targets import sentences

SAMPLE = Path(__file__).resolve().parents[2] / "kg" / "sample"
PATTERNS = {"target": tm.TARGET_CUE_RE, "result_phrase": tm.RESULT_PHRASE_RE, "baseline": tm.BASELINE_RE,
            "strong": tm.STRONG_RESULT_RE, "weak": tm.WEAK_RESULT_RE, "clause_year": tm.CLAUSE_YEAR_RE}


def _sample_sentences() -> list[str]:
    out = []
    for path in sorted(SAMPLE.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out += [text[s:e] for s, e in sentences(text)]
    return out


def test_every_cue_pattern_has_needles() -> None:
    for name, rx in PATTERNS.items():
        assert needles(rx), name


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_cue_answers_as_its_pattern_on_real_sentences(name: str) -> None:
    rx = PATTERNS[name]
    cue = Cue(rx)
    found = skipped = 0
    for s in _sample_sentences():
        low = s.lower() if foldable(s) else None
        got, want = cue.search(s, low), rx.search(s)
        assert (got and got.span()) == (want and want.span()), s
        assert cue.sub(" ", s, low) == rx.sub(" ", s)
        found += want is not None
        skipped += cue.absent(low)
    assert found and skipped  # the sample holds both cases: the test is not vacuous


def test_cue_words_in_capitals_or_odd_spacing_still_match() -> None:
    cue = Cue(tm.TARGET_CUE_RE)
    # an entry written as a pattern ("(?<!trình\\s)mục\\s+tiêu") is tried as the words it matches
    for phrase in (re.sub(r"\(\?<!.*?\)", "", c).replace(r"\s+", " ") for c in TARGET_CUES):
        for text in (phrase.upper(), phrase.title(), phrase.replace(" ", "\n  "), f"Năm 2026, {phrase} 7%"):
            assert cue.search(text, text.lower()) is not None, text
    strong = Cue(tm.STRONG_RESULT_RE)
    for phrase in ("ƯỚC đạt 5%", "ĐÃ ĐẠT 90%", "vượt 5,2 % kế hoạch", "hoàn thành 15/19 chỉ tiêu"):
        assert strong.search(phrase, phrase.lower()) is not None, phrase
    assert len(STRONG_RESULT_CUES) > 3


def test_a_text_with_special_case_folding_is_searched_as_is() -> None:
    text = "ſo với cùng kỳ"  # a long s: `re.IGNORECASE` reads it as "s", lower-casing does not
    assert not foldable(text)
    assert tm.STRONG_RESULT_RE.search(text) is not None
    assert Cue(tm.STRONG_RESULT_RE).search(text, None) is not None


def test_needles_of_a_pattern_without_a_required_word_are_unknown() -> None:
    assert needles(re.compile(r"\d+\s*[%‰]")) is None
    assert needles(re.compile(r"\d+\s*%")) == frozenset({("%",)})
    assert needles(re.compile(r"(?:phấn\s+đấu)?\s*\d+")) is None
    assert needles(re.compile(r"phấn\s+đấu|\d+")) is None
