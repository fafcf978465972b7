"""`kg explain` pages in headless Chromium (Debian chromium + chromium-driver, driven by Selenium, from file://):
highlights by kind, the hover card with a span's attributes, the side list and the kind toggles."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import available, chromium, open_page

from kg.explain import explain

webdriver = pytest.importorskip("selenium.webdriver")
if not available():
    pytest.skip("needs Debian's chromium and chromium-driver (installed by .ci/run)", allow_module_level=True)

pytestmark = pytest.mark.slow
TEXT = ("ỦY BAN NHÂN DÂN\nTỈNH ĐIỆN BIÊN\nSố: 92/KH-UBND\nĐiện Biên, ngày 6 tháng 5 năm 2027\nKẾ HOẠCH\n"
        "Triển khai thực hiện Nghị quyết số 23/NQ-CP ngày 14/3/2027 của Chính phủ\n"
        "I. MỤC TIÊU\nPhấn đấu tỷ lệ hộ dân được dùng điện lưới quốc gia đạt trên 99%.\n"
        "Thực hiện Nghị quyết số 23/NQ-CP, các sở chủ động triển khai.\n")


@pytest.fixture(scope="module")
def driver() -> Iterator:
    with chromium() as d:
        yield d


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("explain")
    src = folder / "plan.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = explain(src, folder / "plan.html")
    assert isinstance(out, Path)
    return out


def hover(driver, css: str) -> str:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    ActionChains(driver).move_to_element(driver.find_element(By.CSS_SELECTOR, css)).perform()
    time.sleep(0.1)
    assert driver.execute_script("return getComputedStyle(document.getElementById('tip')).display") == "block"
    return driver.execute_script("return document.getElementById('tip').innerText")


def test_spans_are_highlighted_by_kind(driver, page: Path) -> None:
    open_page(driver, page, timeout=20)
    kinds = driver.execute_script(
        "return [...new Set([...document.querySelectorAll('#text mark')].map(m => m.className))].sort()")
    assert {"k-documents", "k-dates", "k-bodies", "k-targets"} <= set(kinds)
    # the text is shown whole, marks only wrap it
    shown = driver.execute_script("return document.getElementById('text').textContent")
    assert shown == TEXT
    colours = driver.execute_script(
        "return ['k-documents', 'k-targets'].map(k => getComputedStyle(document.querySelector('mark.' + k))"
        ".borderBottomColor)")
    assert colours[0] != colours[1]


def test_hover_shows_the_attributes(driver, page: Path) -> None:
    open_page(driver, page, timeout=20)
    card = hover(driver, "mark.k-documents[data-s^='documents:1.']")
    assert "23/NQ-CP" in card and "2027-03-14" in card and "Chính phủ" in card
    assert "https://w3id.org/vnkg/id/doc/vn/2027/23-nq-cp" in card
    card = hover(driver, "mark.k-targets")
    for expected in ("indicator", "99", "%", "GreaterThan", "2027"):
        assert expected in card
    # a date inside a document's tail: the card lists the date and the spans around it
    card = hover(driver, "mark.k-dates[data-s^='dates:1.']")
    assert "2027-03-14" in card


def test_side_list_gives_each_entity_its_iri_and_finds_its_spans(driver, page: Path) -> None:
    from selenium.webdriver.common.by import By

    open_page(driver, page, timeout=20)
    entry = driver.find_element(By.CSS_SELECTOR, "#side li[data-e='documents:1']")
    assert "https://w3id.org/vnkg/id/doc/vn/2027/23-nq-cp" in entry.text and "×2" in entry.text
    entry.find_element(By.CSS_SELECTOR, "b").click()
    hot = driver.execute_script("return [...document.querySelectorAll('mark.hot')].map(m => m.dataset.s)")
    assert sorted(hot) == ["documents:1.1", "documents:1.2"]


def test_kind_toggle_hides_its_highlights(driver, page: Path) -> None:
    from selenium.webdriver.common.by import By

    open_page(driver, page, timeout=20)
    driver.find_element(By.CSS_SELECTOR, "header input[data-k='targets']").click()
    off = driver.execute_script("return [...document.querySelectorAll('mark.k-targets')].every(m => "
                                "m.classList.contains('off') && getComputedStyle(m).borderBottomStyle === 'none')")
    assert off
    on = driver.execute_script("return document.querySelectorAll('mark.k-documents.off').length")
    assert on == 0
