"""The task readers' cheaper scans give what the plain searches give."""

import random
import re
from pathlib import Path

import pytest

from kg.extraction import task_assign, task_prose
from kg.extraction.cue_scan import lowered
from kg.extraction.text import UPPER

SAMPLE = Path(task_assign.__file__).parents[1] / "sample"
_LOOKBEHIND_END = re.compile(rf"(?<=[.!?])\s+(?=[{UPPER}])")


def _plain_sentences(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """`task_assign.sentences` as it was: the spaces after a stop found with a lookbehind."""
    out, pos = [], a
    for m in _LOOKBEHIND_END.finditer(text, a, b):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, b))
    return out


@pytest.mark.parametrize("path", sorted(SAMPLE.glob("*.txt")), ids=lambda p: p.name)
def test_sentences_as_the_lookbehind_search(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    rng = random.Random(path.name)
    stops = [m.start() + 1 for m in re.finditer(r"[.!?]", text)]  # ranges starting right after a stop, too
    for a in [0, *stops[:50], *(rng.randrange(len(text)) for _ in range(300))]:
        b = rng.randrange(a, len(text) + 1)
        assert task_assign.sentences(text, a, b) == _plain_sentences(text, a, b), (a, b)


def test_sentence_cut_when_the_range_starts_after_its_stop() -> None:
    text = "Xong. Sở Y tế báo cáo. Hoàn thành"
    assert task_assign.sentences(text, 5, len(text)) == [(5, 5), (6, 22), (23, 33)]
    assert task_assign.sentences(text, 0, len(text)) == [(0, 5), (6, 22), (23, 33)]


@pytest.mark.parametrize("path", sorted(SAMPLE.glob("*.txt")), ids=lambda p: p.name)
def test_prose_cues_as_their_patterns(path: Path) -> None:
    """The intro and request searches of `_list_at`, pre-tested on the lower-cased paragraph."""
    text = path.read_text(encoding="utf-8")
    for para in text.split("\n"):
        low = lowered(para)
        for cue in (task_prose.IS_INTRO, task_prose.REQUEST):
            hit, plain = cue.search(para, low), cue.rx.search(para)
            assert (hit and hit.span()) == (plain and plain.span())
