"""The sample graph and `kg serve` as a real subprocess (kg.serve.launch), shared by the endpoint and browser tests."""

from __future__ import annotations

from pathlib import Path

from kg.serve.launch import serve_in_background


def build_sample(folder: Path) -> Path:
    from kg.build import extract_corpus, sample_corpus, to_dataset, write_atomic

    items, errors = extract_corpus([sample_corpus()])
    assert not errors, errors
    path = folder / "sample.nq"
    write_atomic(to_dataset(items), path)
    return path


kg_serve = serve_in_background
