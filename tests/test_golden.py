"""Golden tests: each fixture text against its hand-made NAME.expected.json (see tests/golden.py)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from golden import FIXTURE_TEXTS, compare, indicator_problems, period, quantity, same_body, share
from rdflib import Graph

CASES = sorted(p.name.removesuffix(".expected.json") for p in FIXTURE_TEXTS.glob("*.expected.json")
               if p.with_name(p.name.removesuffix(".expected.json") + ".txt").is_file())


def test_every_fixture_text_has_an_expected_file():
    texts = sorted(p.stem for p in FIXTURE_TEXTS.glob("*.txt"))
    assert texts == CASES
    assert len(CASES) >= 10


@pytest.mark.parametrize("name", CASES)
def test_golden(name: str, fixture_graph: Graph):
    expected = json.loads((FIXTURE_TEXTS / f"{name}.expected.json").read_text(encoding="utf-8"))
    assert expected["file"] == f"{name}.txt"
    problems = compare(fixture_graph, expected)
    assert not problems, f"{name}.txt:\n  " + "\n  ".join(problems)


# -- the helper itself -------------------------------------------------------------------------------
def test_helper_units_and_scales():
    assert quantity("1.5", "triệu lượt khách") == quantity(1500000, "lượt khách")
    assert quantity(3500, "tỷ đồng") == quantity(Decimal("3.5E12"), "đồng")
    assert quantity(2, "nghìn tấn") == quantity(2000, "tấn")
    assert quantity(50, "%") != quantity(50, "ha")


def test_helper_periods():
    assert period("Quý I") == period("Quý l") == period("2021-Q1") == period("Quý\n1")
    assert period("Quý IV") == period("2022-Q4") != period("Quý I")
    assert period("Tháng 01") == period("2021-01") == period("Tháng\n1")
    assert period("2025-02-20") == period("20/2/2025") != period("2025-02-21")


def test_helper_names_are_accent_and_tone_normalised():
    assert same_body("Ủy ban nhân dân tỉnh Hòa Bình", ["Uỷ ban nhân dân tỉnh Hoà Bình"])
    assert same_body("Ủy ban nhân dân tỉnh Hòa Bình", ["UBND tỉnh Hòa Bình"])
    assert not same_body("Ủy ban nhân dân tỉnh Hòa Bình", ["Ủy ban nhân dân tỉnh"])
    assert share("Kế hoạch sử dụng đất năm 2023", "kế hoạch sử dụng đất năm 2023 cấp tỉnh") == 1.0


@pytest.mark.parametrize("name", CASES)
def test_golden_indicators(name: str, fixture_graph: Graph):
    expected = json.loads((FIXTURE_TEXTS / f"{name}.expected.json").read_text(encoding="utf-8"))
    problems = indicator_problems(fixture_graph, expected)
    assert not problems, f"{name}.txt:\n  " + "\n  ".join(problems)
