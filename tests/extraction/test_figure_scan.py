"""The figures of a text are found once (kg/extraction/targets.py `_Figures`): each sentence reads its figures
from the whole-text scan only where that gives exactly what a scan of the sentence alone gives, and falls back
to its own scan elsewhere. The trailing-word strip (kg/extraction/cue_scan.py `TrailingStrip`) answers as its
pattern does. Checked on every sentence of the bundled sample (and of ../shared/corpus/real when present)
and on sentences built to end inside a figure."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.extraction import targets as tg
from kg.extraction.cue_scan import TrailingStrip
from kg.extraction.lang_vi.units import COUNT_UNITS, MEASURE_UNITS, SCALES

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "kg" / "sample"
REAL = ROOT.parent / "shared" / "corpus" / "real"


def _texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def _own_scan(seg: str) -> list[list[tuple]]:
    return [[(m.span(), m.groups()) for m in rx.finditer(seg)] for rx in tg._FIGURE_RES]


def _reused(found: tuple, s: int) -> list[list[tuple]]:
    return [[((m.start() - s, m.end() - s), m.groups()) for m in ms] for ms in found]


def _check_text(text: str) -> tuple[int, int]:
    figures = tg._Figures(text)
    reused = fallback = 0
    for s, e in tg.sentences(text):
        found = figures.within(s, e)
        if found is None:
            fallback += 1
            continue
        assert _reused(found, s) == _own_scan(text[s:e]), text[s:e]
        reused += any(found)
    return reused, fallback


def test_sentences_read_the_figures_their_own_scan_finds() -> None:
    reused = sum(_check_text(t)[0] for t in _texts(SAMPLE))
    assert reused > 20  # most sentences with figures take them from the whole-text scan


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/corpus/real not present")
def test_same_on_the_real_corpus() -> None:
    for text in _texts(REAL):
        _check_text(text)


@pytest.mark.parametrize("text", [
    "Tổng vốn đạt 5\n\ntỷ đồng trong năm.",  # a figure and its unit across a paragraph break
    "Diện tích trồng mới 1.200 " + "x" * 2100 + " ha rừng.",  # a run-on sentence cut inside a word
    "Phấn đấu đạt 12,5 - " + "y" * 1990 + " 14 % trong năm.",
    "Kim ngạch đạt 25.300/\n\n24.000 tỷ đồng; hoàn thành 7/\n\n8 chỉ tiêu.",
])
def test_sentences_ending_inside_a_figure_are_scanned_on_their_own(text: str) -> None:
    figures = tg._Figures(text)
    spans = tg.sentences(text)
    assert len(spans) > 1
    for s, e in spans:
        found = figures.within(s, e)
        if found is not None:
            assert _reused(found, s) == _own_scan(text[s:e])
    assert any(figures.within(s, e) is None for s, e in spans)


def test_a_match_over_a_sentence_end_is_not_reused() -> None:
    text = "Tổng vốn đạt 5\n\ntỷ đồng."
    figures = tg._Figures(text)
    (s, e), *_ = tg.sentences(text)
    assert any(m.end() > e for m in figures.found[0])
    assert figures.within(s, e) is None
    assert tg.read_targets(text, 2024) == []  # neither sentence holds a whole figure


def test_no_unit_or_scale_starts_like_a_number() -> None:
    """The atomic number group is safe only if nothing after a number can start with a digit, '.' or ','."""
    for word in (*MEASURE_UNITS, *COUNT_UNITS, *SCALES):
        assert not re.match(r"[\d.,\s]", word), word


def test_trailing_strip_answers_as_its_pattern() -> None:
    strip = TrailingStrip(tg.TRAIL_STRIP_RE)
    assert strip.chars is not None
    pieces = [piece for text in _texts(SAMPLE) for s, e in tg.sentences(text)
              for piece in re.split(r"\d+", text[s:e])]
    pieces += ["Tỷ lệ hộ nghèo giảm còn dưới", "GRDP ĐẠT KHOẢNG", "thu ngân sách tăng thêm, ",
               "ſo với \u212a", "số doanh nghiệp thành lập mới đạt", ""]
    changed = 0
    for piece in pieces:
        want = tg.TRAIL_STRIP_RE.sub("", piece)
        assert strip.sub(piece) == want, piece
        changed += want != piece
    assert changed > 20


def test_a_pattern_not_anchored_at_the_end_gets_no_shortcut() -> None:
    assert TrailingStrip(re.compile(r"(?:đạt|\s)+$|mức")).chars is None
    assert TrailingStrip(re.compile(r"(?:\w|\s)+$")).chars is None
    assert TrailingStrip(re.compile(r"(?m)(?:đạt|\s)+$")).chars is None


def test_sentences_up_to_a_position_are_the_first_sentences() -> None:
    """The targets reader splits a text only up to its last figure: what it gets is a prefix of the whole split
    that holds the sentence with that figure."""
    cut = 0
    for text in _texts(SAMPLE):
        whole = tg.sentences(text)
        for until in (0, len(text) // 3, len(text) - 1):
            part = tg.sentences(text, until)
            assert part == whole[:len(part)]
            assert any(s <= until < e for s, e in part) or not any(s <= until < e for s, e in whole)
            cut += len(part) < len(whole)
    assert cut  # the split does stop early


def test_figure_patterns_match_as_with_the_plain_number_pattern() -> None:
    """`ATOMIC_NUM` (a digit first, the rest read whole) and `LEAD_NUM` (no start inside a digit run, more than three
    digits before its end) find what `NUM` finds, inside the figure patterns too."""
    plain = [re.compile(rx.pattern.replace(tg.LEAD_NUM, f"(?:{tg.NUM})").replace(tg.ATOMIC_NUM, f"(?:{tg.NUM})")
                        .replace(r"(?P<a>\d\d{0,2})", r"(?P<a>\d{1,3})"), rx.flags) for rx in tg._FIGURE_RES]
    assert all(p.pattern != rx.pattern for p, rx in zip(plain, tg._FIGURE_RES, strict=True))
    texts = _texts(SAMPLE) + (_texts(REAL) if REAL.is_dir() else []) + [
        "1234.567 ha, 1.234.5678 tấn, 12,5-14% và 25.300/24.000 tỷ đồng; 7/8 chỉ tiêu; 2025 2026 ha 3.000,5 triệu USD",
        "123456789012 ha, 9999999.999 tấn, 12345678,5%, 123456/78 %, 98765432.100 - 5 ha, " + "7" * 60 + " ha",
        "".join(f"{i * 7919 % 1_000_003}" for i in range(300)) + " ha; " + "1" * 500 + "/2 %"]
    found = 0
    for text in texts:
        for rx, p in zip(tg._FIGURE_RES, plain, strict=True):
            got = [(m.span(), m.groups()) for m in rx.finditer(text)]
            assert got == [(m.span(), m.groups()) for m in p.finditer(text)]
            found += len(got)
        for m in re.finditer(r"\d", text):
            a, b = re.compile(tg.ATOMIC_NUM).match(text, m.start()), re.compile(tg.NUM).match(text, m.start())
            assert a is not None and b is not None and a.end() == b.end()
    assert found > 100
