"""The dossier and indicator pages, offline files and served, and the query page's result cells, in headless
Chromium: tables, chain and chart render; a fact's source opens its text at the span; nothing is fetched."""

from __future__ import annotations

import io
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import available, chromium, open_page

from kg.compare import compare
from kg.pages import store_select
from kg.pages.show import show
from kg.store import GraphStore

pytestmark = pytest.mark.slow
pytest.importorskip("selenium.webdriver")


@pytest.fixture(scope="module")
def driver() -> Iterator[object]:
    if not available():
        pytest.skip("chromium and chromium-driver are not installed (Debian packages; .ci/run installs them)")
    with chromium() as d:
        yield d


def wait_for(check, timeout: float = 20.0) -> None:
    t0 = time.perf_counter()
    while not check():
        if time.perf_counter() - t0 > timeout:
            pytest.fail("the page did not get there in time")
        time.sleep(0.05)


def tasks_of(graph: Path, number: str) -> int:
    """How many tasks the graph gives the document ``number``."""
    from rdflib import Dataset, Literal

    ds = Dataset(default_union=True)
    ds.parse(graph)
    q = ("SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?d <https://w3id.org/vnkg/ontology#documentNumber> ?num ; "
         "<https://w3id.org/vnkg/ontology#hasTask> ?t }")
    return int(next(iter(ds.query(q, initBindings={"num": Literal(number)})))[0])


def blank(driver) -> bool:
    from PIL import Image

    shot = Image.open(io.BytesIO(driver.get_screenshot_as_png())).convert("RGB")
    colours = shot.getcolors(maxcolors=1 << 20)
    return colours is None or len(colours) < 20


def test_dossier_renders_tables_chain_and_opens_a_source_at_its_span(driver, sample_ttl: Path,
                                                                      tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    out = tmp_path / "dossier.html"
    show(sample_ttl, "35/kh-ubnd", out)
    open_page(driver, out)
    assert driver.find_element(By.TAG_NAME, "h1").text == "Kế hoạch 35/KH-UBND"
    nodes = driver.find_elements(By.CSS_SELECTOR, ".chain svg g.node")
    assert sorted(n.get_attribute("data-iri").rsplit("/", 2)[-1] for n in nodes) == ["01-nq-cp", "35-kh-ubnd"]
    assert len(driver.find_elements(By.CSS_SELECTOR, ".chain svg line.edge")) == 1
    assert nodes[0].rect["height"] > 20  # drawn, not collapsed
    rows = driver.find_elements(By.CSS_SELECTOR, "#targets tbody tr.target")
    assert len(rows) == 18 and "Tốc độ tăng trưởng" in rows[0].text and "> 9 %" in rows[0].text
    assert len(driver.find_elements(By.CSS_SELECTOR, "table.tasks tr.task")) == tasks_of(sample_ttl, "35/KH-UBND") > 10
    mark, hot = open_first_target_in_its_text(driver)
    assert "9%" in mark and "9%" in hot
    assert not blank(driver)


def open_first_target_in_its_text(driver) -> tuple[str, str]:
    """Open the first target's source (its sentence, the words read highlighted), then the text at that span;
    return the words highlighted in the sentence and those outlined in the text's kg explain view."""
    from selenium.webdriver.common.by import By

    details = driver.find_element(By.CSS_SELECTOR, "#targets tbody tr.target details.src")
    details.find_element(By.TAG_NAME, "summary").click()
    mark = details.find_element(By.CSS_SELECTOR, "blockquote mark").text
    details.find_element(By.CSS_SELECTOR, "a.open-explain").click()
    wait_for(lambda: driver.execute_script(
        "const f = document.querySelector('#explain iframe');"
        "return document.querySelector('#explain').classList.contains('open') && f.contentDocument &&"
        " f.contentDocument.querySelectorAll('mark.hot').length > 0"))
    hot = driver.execute_script("return [...document.querySelector('#explain iframe').contentDocument"
                                ".querySelectorAll('mark.hot')].map(m => m.textContent).join('|')")
    return mark, hot


def test_compare_chart_renders_with_its_table(driver, sample_ttl: Path, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    from kg.pages.compare_html import render

    comp = compare(store_select(GraphStore.open(sample_ttl)), "grdp-growth")
    out = tmp_path / "chart.html"
    out.write_text(render(comp, lambda _iri: None), encoding="utf-8")
    open_page(driver, out)
    points = driver.find_elements(By.CSS_SELECTOR, "svg.chart circle.pt")
    assert len(points) == sum(p.year is not None for p in comp.points) > 4
    assert all(p.rect["width"] > 5 for p in points)  # drawn at their size
    assert {p.get_attribute("class") for p in points} == {"pt target", "pt result"}
    rows = driver.find_elements(By.CSS_SELECTOR, "#points tbody tr")
    assert len(rows) == len(comp.points)
    assert "Kon Tum" in driver.find_element(By.CSS_SELECTOR, "svg.chart").text
    assert not blank(driver)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from kgserve_helpers import build_sample, kg_serve

    with kg_serve(build_sample(tmp_path_factory.mktemp("pages-browser"))) as url:
        yield url


def test_served_dossier_and_indicator_pages(driver, server: str) -> None:
    from selenium.webdriver.common.by import By

    driver.get(server + "/id/doc/kon-tum/2022/35-kh-ubnd")
    wait_for(lambda: driver.execute_script("return window.vnkgReady === true"))
    assert len(driver.find_elements(By.CSS_SELECTOR, "#targets tbody tr.target")) == 18
    # served without --texts: facts keep their sentences, and the page says the texts are not served
    assert not driver.find_elements(By.CSS_SELECTOR, "a.open-explain")
    assert "source texts are not served" in driver.find_element(By.ID, "texts-note").text
    # the chain's boxes are links to the other documents' dossiers on this server
    driver.find_element(By.CSS_SELECTOR, '.chain svg a[href="/id/doc/vn/2022/01-nq-cp"]').click()
    wait_for(lambda: driver.current_url.endswith("/id/doc/vn/2022/01-nq-cp")
             and driver.execute_script("return window.vnkgReady === true"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Nghị quyết 01/NQ-CP"
    below = driver.find_elements(By.CSS_SELECTOR, ".chain svg g.node")
    assert any(n.get_attribute("data-iri").endswith("35-kh-ubnd") for n in below)  # implemented by the plan
    driver.get(server + "/indicator/grdp-growth")
    wait_for(lambda: driver.execute_script("return window.vnkgReady === true"))
    assert len(driver.find_elements(By.CSS_SELECTOR, "svg.chart circle.pt")) > 4
    assert len(driver.find_elements(By.CSS_SELECTOR, "#points tbody tr")) > 4


def test_served_dossier_opens_a_fact_in_its_text_with_texts(driver, tmp_path_factory: pytest.TempPathFactory) -> None:
    """`kg serve --texts DIR`: a fact's link opens its text's kg explain view (served at /explain/…) at its span,
    as the offline dossier does."""
    from kgserve_helpers import build_sample, kg_serve
    from selenium.webdriver.common.by import By

    from kg.build import sample_corpus

    with kg_serve(build_sample(tmp_path_factory.mktemp("served-texts")), "--texts", str(sample_corpus())) as url:
        driver.get(url + "/id/doc/kon-tum/2022/35-kh-ubnd")
        wait_for(lambda: driver.execute_script("return window.vnkgReady === true"))
        assert not driver.find_elements(By.ID, "texts-note")
        mark, hot = open_first_target_in_its_text(driver)
        assert "9%" in mark and "9%" in hot
        frame = driver.execute_script("return document.querySelector('#explain iframe').contentWindow.location.href")
        assert frame.startswith(url + "/explain/")
        assert not blank(driver)


QUERY = """PREFIX vnkg: <https://w3id.org/vnkg/ontology#>
SELECT ?plan ?type ?date WHERE { ?plan a ?type ; vnkg:documentNumber "35/KH-UBND" ; vnkg:issuedOn ?date .
FILTER(?type = vnkg:Plan) }"""


def test_query_page_cells_are_compact_and_plain(driver, server: str) -> None:
    from selenium.webdriver.common.by import By

    driver.get(server + "/")
    wait_for(lambda: driver.execute_script("return Number(document.body.dataset.savedQueries) > 0"))
    wait_for(lambda: driver.execute_script("return 'id' in PREFIXES"))  # the served base, from /healthz
    driver.execute_script(f"const y = yasgui.getTab().getYasqe(); y.setValue({json.dumps(QUERY)}); y.query();")
    wait_for(lambda: "2022-01-18" in driver.find_element(By.CSS_SELECTOR, ".tabPanel.active .yasr").text)
    cells = [c.text for c in driver.find_elements(By.CSS_SELECTOR, ".tabPanel.active .yasr table tbody td")]
    assert cells[1:] == ["id:doc/kon-tum/2022/35-kh-ubnd", "vnkg:Plan", "2022-01-18xsd:date"], cells
    assert not any("^^" in c or "<" in c or "XMLSchema" in c for c in cells)
    # the row number fits its column instead of running into the first value
    fits = driver.execute_script("const n = document.querySelector('.tabPanel.active .yasr .rowNumber');"
                                 "const td = n.closest('td'); return n.scrollWidth <= td.clientWidth;")
    assert fits


def test_explain_page_opens_at_a_span_anchor(driver, sample_ttl: Path, tmp_path: Path) -> None:
    """`#span=START-END` (the graph's offsets of a fact) outlines that span in the kg explain view."""
    from kg.build import sample_corpus
    from kg.dossier import gather
    from kg.explain import explain

    target = next(t for t in gather(store_select(GraphStore.open(sample_ttl)),
                                    "https://w3id.org/vnkg/id/doc/kon-tum/2022/35-kh-ubnd").targets
                  if t.concept == "health-insurance")
    page = explain(sample_corpus() / "kon-tum-ke-hoach-2022.txt", tmp_path / "kt.explain.html")
    driver.get(f"{Path(page).resolve().as_uri()}#span={target.anchor.start}-{target.anchor.end}")
    wait_for(lambda: driver.execute_script("return window.vnkgReady === true"))
    hot = driver.execute_script("return [...document.querySelectorAll('mark.hot')].map(m => m.textContent)")
    assert hot and all(h in target.anchor.anchor for h in hot) and "93,5%" in "".join(hot)
