"""Session fixtures shared by the graph-level tests: the bundled sample and the fixture texts, built once."""

from __future__ import annotations

from pathlib import Path

import pytest
from golden import FIXTURE_TEXTS, ROOT, union_graph
from rdflib import Graph

from kg.build import Extracted, extract_corpus, sample_corpus, to_dataset, write_atomic
from kg.model import TextResult

SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def sample_graph() -> Graph:
    items, errors = extract_corpus([sample_corpus()])
    assert not errors, errors
    return union_graph(items)


@pytest.fixture(scope="session")
def sample_ttl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample built once into a Turtle file, for tests of commands that read a graph file."""
    items, errors = extract_corpus([sample_corpus()])
    assert not errors, errors
    path = tmp_path_factory.mktemp("sample") / "sample.ttl"
    write_atomic(to_dataset(items), path)
    return path


@pytest.fixture(scope="session")
def fixture_items() -> list[Extracted]:
    """Every tests/fixtures/texts/*.txt extracted together, as one corpus."""
    items, errors = extract_corpus([FIXTURE_TEXTS])
    assert not errors, errors
    to_dataset(items)  # runs the corpus-level resolution once, like a build
    return items


@pytest.fixture(scope="session")
def fixture_results(fixture_items: list[Extracted]) -> dict[str, TextResult]:
    return {x.result.file_name: x.result for x in fixture_items}


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "eval" / "score.py").is_file():
        pytest.skip(f"no shared evaluation folder at {SHARED}")
    return SHARED
