"""Helpers for extraction tests: run the whole pipeline on a text written in the test."""

from collections.abc import Callable

import pytest

from kg.extraction.pipeline import extract
from kg.model import DocumentRef, TextResult


@pytest.fixture(scope="session")
def read() -> Callable[..., TextResult]:
    def run(text: str, name: str = "t.txt", **meta: str) -> TextResult:
        return extract(text, file_name=name, rel_path=name, meta=meta)

    return run


def _doc(res: TextResult, number: str) -> DocumentRef:
    found = [d for d in res.documents if d.number == number]
    assert len(found) == 1, f"{number}: {[d.number for d in res.documents]}"
    return found[0]


def _named(res: TextResult, fragment: str) -> DocumentRef:
    found = [d for d in res.documents if d.number is None and fragment in (d.label or "")]
    assert found, f"{fragment!r} not in {[d.label for d in res.documents]}"
    return found[0]


@pytest.fixture(scope="session")
def doc() -> Callable[[TextResult, str], DocumentRef]:
    """The one document of a text with this number."""
    return _doc


@pytest.fixture(scope="session")
def named() -> Callable[[TextResult, str], DocumentRef]:
    """The first unnumbered document of a text whose label contains this fragment."""
    return _named
