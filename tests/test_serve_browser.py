"""The YASGUI query page of `kg serve` in headless Chromium (Selenium + Debian's chromedriver): saved queries
pre-loaded as tabs, a query run from a tab renders its result table, and nothing is fetched off this machine."""

from __future__ import annotations

import io
import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from kgserve_helpers import build_sample, kg_serve

pytestmark = pytest.mark.slow
webdriver = pytest.importorskip("selenium.webdriver")
Image = pytest.importorskip("PIL.Image")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
TAB = "Plans implementing a resolution"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with kg_serve(build_sample(tmp_path_factory.mktemp("browser"))) as url:
        yield url


@pytest.fixture(scope="module")
def driver() -> Iterator[object]:
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip("chromium and chromium-driver are not installed (Debian packages; .ci/run installs them)")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
                 "--window-size=1300,1000"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    d = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    d.set_page_load_timeout(30)
    try:
        yield d
    finally:
        d.quit()
        shutil.rmtree(profile, ignore_errors=True)


def test_query_page_runs_a_saved_query(server: str, driver: object) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(server + "/")
    wait = WebDriverWait(driver, 20)
    wait.until(lambda d: d.execute_script("return document.body.dataset.savedQueries") == "8")
    tabs = [a.text.split("\n")[0].strip() for a in driver.find_elements(By.CSS_SELECTOR, ".tabsList .tab a")]
    assert TAB in tabs and "Targets of a plan" in tabs
    driver.find_element(By.XPATH, f"//div[contains(@class,'tabsList')]//a[span[normalize-space()='{TAB}']]").click()
    wait.until(lambda d: "vnkg:implements" in d.execute_script("return yasgui.getTab().getYasqe().getValue()"))
    driver.find_element(By.CSS_SELECTOR, ".tabPanel.active .yasqe_queryButton").click()
    wait.until(lambda d: "35/KH-UBND" in d.find_element(By.CSS_SELECTOR, ".tabPanel.active .yasr").text)
    table = driver.find_element(By.CSS_SELECTOR, ".tabPanel.active .yasr table")
    text = table.text
    # Rows that follow from the sample texts: Kon Tum's plan implements 01/NQ-CP of 2022, Quảng Ninh's program 57-NQ/TW.
    assert "Ủy ban nhân dân tỉnh Kon Tum" in text and "12-CTr/TU" in text and "57-NQ/TW" in text

    shot = Image.open(io.BytesIO(driver.get_screenshot_as_png())).convert("RGB")
    colours = shot.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 20, "the screenshot looks blank"

    urls = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    assert any(u.endswith("/sparql") for u in urls) and any(u.endswith("/static/yasgui.min.js") for u in urls)
    # chrome:// pages of the browser itself are not network requests; every http(s)/ws request must be local.
    remote = [u for u in urls if u.startswith(("http:", "https:", "ws:", "wss:")) and not u.startswith(server + "/")]
    assert remote == [], f"the page fetched remote URLs: {remote}"
