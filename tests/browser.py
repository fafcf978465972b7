"""Headless Chromium for the page tests: Debian's chromium and chromium-driver, with the flags this
machine's closed network needs, a fresh profile per driver (installed by .ci/run)."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,900")


def available() -> bool:
    return Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()


@contextmanager
def chromium() -> Iterator[object]:
    """A Selenium driver of headless Chromium, quit on exit."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    with tempfile.TemporaryDirectory() as profile:
        options.add_argument(f"--user-data-dir={profile}")
        d = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        try:
            yield d
        finally:
            d.quit()


def open_page(driver, path: Path, timeout: float = 30.0) -> float:
    """Load a vnkg page and wait until it sets ``window.vnkgReady``; returns the seconds it took."""
    import pytest

    t0 = time.perf_counter()
    driver.get(path.resolve().as_uri())
    while not driver.execute_script("return window.vnkgReady === true"):
        if time.perf_counter() - t0 > timeout:
            pytest.fail(f"{path.name}: the page did not get ready (drawn) within {timeout} s")
        time.sleep(0.05)
    return time.perf_counter() - t0
