"""The issuing-body matcher: one alternation of the body patterns gives what a loop over them gives."""

import re
from pathlib import Path

import pytest

from kg.extraction import bodies
from kg.extraction.lang_vi import bodies as data
from kg.extraction.lang_vi.provinces import CITIES
from kg.model import Body

SAMPLE = Path(bodies.__file__).parents[1] / "sample"


def _loop_match(text: str, pos: int, province: str | None, scope: str) -> tuple[Body, int] | None:
    """The matcher as it was: each pattern of `_PATTERNS` tried in order, the first match taken."""
    for pat, key, is_local in bodies._PATTERNS:
        m = pat.match(text, pos)
        if not m:
            continue
        if is_local:
            named = m.groupdict().get("prov")
            unit_city = "thành phố" in m.group(0).lower() or "thành ủy" in m.group(0).lower()
            prov = bodies.canonical_province(named) if named else province
            if unit_city and not named and province not in CITIES:
                return None
            key = data.SIGNS_FOR.get(key, key) if key == "chu-tich-ubnd" else key
            return bodies.provincial(key, prov, scope), m.end()
        return bodies.national(key), m.end()
    return bodies._open_national(text, pos)


@pytest.mark.parametrize("path", sorted(SAMPLE.glob("*.txt")), ids=lambda p: p.name)
def test_same_body_as_the_loop_at_every_position(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = 0
    for pos in range(len(text)):
        for province in (None, "Hà Nội", "Nghệ An"):
            hit = bodies.match_body(text, pos, province, "t")
            assert hit == _loop_match(text, pos, province, "t"), (pos, province, text[pos:pos + 60])
            found += hit is not None
    assert found  # every sample text names some body


@pytest.mark.parametrize(("text", "key", "end"), [
    ("Thủ tướng Chính phủ chỉ đạo", "thu-tuong", 19),  # the longer alternative of its own pattern
    ("Chính phủ ban hành", "chinh-phu", 9),
    ("Bộ Kế hoạch và Đầu tư hướng dẫn", "bo-ke-hoach-va-dau-tu", 21),  # a ministry, before every other
    ("ban thường vụ tỉnh ủy Nghệ An", "btv-tinh-uy", 29),  # case-insensitive, the province in the name
])
def test_first_pattern_wins(text: str, key: str, end: int) -> None:
    body, stop = bodies.match_body(text, 0, "Nghệ An", "t")
    assert (body.key, stop) == (key, end)


def test_named_province_and_city_rule() -> None:
    body, _ = bodies.match_body("Ủy ban nhân dân tỉnh Lào Cai", 0, "Nghệ An", "t")
    assert body.name == "Ủy ban nhân dân tỉnh Lào Cai"
    assert bodies.match_body("Ủy ban nhân dân thành phố Vinh", 0, "Nghệ An", "t") is None  # a provincial city
    assert bodies.match_body("không có cơ quan nào", 0, "Nghệ An", "t") is None


def test_alternation_keeps_order_flags_and_groups(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where two patterns match at one place the first listed wins, even if a later one is longer; a pattern
    compiled without IGNORECASE stays case-sensitive; each pattern's `prov` is its own group."""
    pats = [(re.compile("Ab", re.I), "a", False), (re.compile("abc(?P<prov>d)?", re.I), "b", True),
            (re.compile("Xy"), "c", False), (re.compile("x(?P<prov>y)"), "d", True)]
    monkeypatch.setattr(bodies, "_PATTERNS", pats)
    bodies._first_pattern_re.cache_clear()
    try:
        alt = bodies._first_pattern_re()
        assert alt.match("aBcd").lastgroup == "_b0"
        assert alt.match("xy").lastgroup == "_b3" and alt.match("xy").group("prov_3") == "y"
        assert alt.match("XY") is None
    finally:
        bodies._first_pattern_re.cache_clear()
