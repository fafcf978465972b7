"""`kg viz` pages in headless Chromium (Debian chromium + chromium-driver, driven by Selenium, from file://).

The page sets ``window.vnkgReady`` after vis-network has laid out (or been given positions) and drawn;
the assertions read the network's own DataSets, the side panel and the pixels of a screenshot.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from browser import available, chromium, open_page
from rdflib import RDFS, Graph, Literal, URIRef

from kg.network import to_networkx
from kg.viz import render, viz

webdriver = pytest.importorskip("selenium.webdriver")
if not available():
    pytest.skip("needs Debian's chromium and chromium-driver (installed by .ci/run)", allow_module_level=True)

pytestmark = pytest.mark.slow
KONTUM_PLAN = "https://w3id.org/vnkg/id/doc/kon-tum/2022/35-kh-ubnd"
NQ01_2022 = "https://w3id.org/vnkg/id/doc/vn/2022/01-nq-cp"


@pytest.fixture(scope="module")
def driver() -> Iterator:
    with chromium() as d:
        yield d


def test_sample_page_draws_the_graph(driver, sample_ttl: Path, tmp_path: Path) -> None:
    out = tmp_path / "sample.html"
    report = viz(sample_ttl, out)
    open_page(driver, out)
    ids = set(driver.execute_script("return network.body.data.nodes.getIds()"))
    assert len(ids) == report.nodes and {KONTUM_PLAN, NQ01_2022} <= ids
    labels = driver.execute_script(
        "return network.body.data.edges.get().filter(e => e.from === arguments[0] && e.to === arguments[1])"
        ".map(e => e.label)", KONTUM_PLAN, NQ01_2022)
    assert labels == ["triển khai thực hiện"]
    assert driver.execute_script("return network.body.data.edges.length") == report.edges
    # Every node got a position on the canvas (drawn, not stuck before layout).
    pos = driver.execute_script("return network.getPositions([arguments[0], arguments[1]])", KONTUM_PLAN, NQ01_2022)
    assert pos[KONTUM_PLAN] != pos[NQ01_2022]
    # The tooltip is a DOM element holding the issuer and the source sentence.
    tip = driver.execute_script("return network.body.data.nodes.get(arguments[0]).title.textContent", NQ01_2022)
    assert "Chính phủ" in tip and "08/01/2022" in tip


def test_clicking_a_node_opens_its_panel(driver, sample_ttl: Path, tmp_path: Path) -> None:
    out = tmp_path / "focus.html"
    viz(sample_ttl, out, focus="35/KH-UBND", depth=1)
    open_page(driver, out)
    x, y = driver.execute_script(
        "var p = network.canvasToDOM(network.getPositions([arguments[0]])[arguments[0]]);"
        "var r = document.getElementById('mynetwork').getBoundingClientRect(); return [p.x + r.left, p.y + r.top];",
        KONTUM_PLAN)
    from selenium.webdriver.common.actions.action_builder import ActionBuilder

    actions = ActionBuilder(driver)
    actions.pointer_action.move_to_location(int(x), int(y)).click()
    actions.perform()
    time.sleep(0.3)
    panel = driver.find_element("id", "panel")
    assert "open" in panel.get_attribute("class")
    assert driver.find_element("id", "panel-label").text == "Kế hoạch 35/KH-UBND"
    assert driver.find_element("id", "panel-iri").get_attribute("href") == KONTUM_PLAN
    assert "35/KH-UBND" in driver.find_element("id", "panel-props").text
    assert "triển khai thực hiện: Nghị quyết 01/NQ-CP" in driver.find_element("id", "panel-rels").text


def test_injected_markup_stays_text(driver, sample_ttl: Path, tmp_path: Path) -> None:
    evil = "<script>window.pwned=1</script><img src=x onerror=window.pwned=2>"
    g = Graph().parse(sample_ttl)
    g.set((URIRef(KONTUM_PLAN), RDFS.label, Literal(evil, lang="vi")))
    src = tmp_path / "evil.ttl"
    g.serialize(src, format="turtle")
    out = tmp_path / "evil.html"
    viz(src, out, focus=KONTUM_PLAN, depth=1, title=evil)
    open_page(driver, out)
    driver.execute_script("showNode(arguments[0])", KONTUM_PLAN)
    assert driver.execute_script("return window.pwned") is None
    assert driver.find_element("id", "panel-label").text == evil
    assert driver.find_element("tag name", "h1").text == evil
    assert driver.execute_script("return document.querySelectorAll('img').length") == 0


def test_screenshot_is_not_blank(driver, sample_ttl: Path, tmp_path: Path) -> None:
    image = pytest.importorskip("PIL.Image")
    out = tmp_path / "shot.html"
    viz(sample_ttl, out)
    open_page(driver, out)
    png = image.open(io.BytesIO(driver.get_screenshot_as_png())).convert("RGB")
    # The canvas area right of the header and above the legend: nodes and edges only.
    canvas = png.crop((png.width // 3, png.height // 6, png.width - 10, png.height - 10))
    raw = canvas.tobytes()
    pixels = [tuple(raw[i:i + 3]) for i in range(0, len(raw), 3)]
    non_white = sum(1 for p in pixels if min(p) < 235) / len(pixels)
    colours = {p for p in pixels if min(p) < 235}
    assert non_white > 0.01, f"only {non_white:.2%} of the canvas is drawn"
    assert len(colours) > 50
    # The class colours of resolutions, plans and targets are all on screen.
    def near(c: tuple[int, int, int]) -> bool:
        return any(sum(abs(a - b) for a, b in zip(p, c, strict=True)) < 40 for p in colours)
    assert near((0xD6, 0x27, 0x28)) and near((0x1F, 0x77, 0xB4)) and near((0xE3, 0x77, 0xC2))


def test_two_thousand_nodes_draw_with_a_precomputed_layout(driver, sample_ttl: Path, tmp_path: Path) -> None:
    g = to_networkx(sample_ttl)
    big = nx.MultiDiGraph()
    i = 0
    while big.number_of_nodes() < 2000:  # provinces' worth of the sample, sharing the national documents
        big.update(nx.relabel_nodes(g, {n: n if "/doc/vn/" in n else f"{n}-{i}" for n in g}))
        i += 1
    assert 2000 <= big.number_of_nodes() <= 2000 + g.number_of_nodes()
    report = render(big, tmp_path / "big.html")
    open_page(driver, tmp_path / "big.html", timeout=40)  # speed is bench_pages' job, not a test's
    assert report.precomputed_layout
    assert driver.execute_script("return network.body.data.nodes.length") == big.number_of_nodes()
