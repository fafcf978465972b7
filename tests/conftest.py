"""Session fixtures shared by the graph-level tests: the bundled sample and the fixture texts, built once."""

from __future__ import annotations

from pathlib import Path

import pytest
from golden import FIXTURE_TEXTS, ROOT, built, union_graph
from rdflib import Graph

from kg.build import sample_corpus
from kg.stream import build_corpus

SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def sample_graph() -> Graph:
    return union_graph(built([sample_corpus()]))


@pytest.fixture(scope="session")
def sample_ttl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample built once into a Turtle file, for tests of commands that read a graph file."""
    path = tmp_path_factory.mktemp("sample") / "sample.ttl"
    report = build_corpus([sample_corpus()], output=path)
    assert report.texts and not report.errors, report.errors
    return path


@pytest.fixture(scope="session")
def fixture_graph() -> Graph:
    """Every tests/fixtures/texts/*.txt built together, as one corpus (the union of its named graphs)."""
    return union_graph(built([FIXTURE_TEXTS]))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "eval" / "score.py").is_file():
        pytest.skip(f"no shared evaluation folder at {SHARED}")
    return SHARED
