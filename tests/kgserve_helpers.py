"""The sample graph and `kg serve` as a real subprocess (kg.serve.launch), shared by the endpoint and browser tests."""

from __future__ import annotations

from pathlib import Path

from kg.serve.launch import serve_in_background


def build_sample(folder: Path) -> Path:
    from kg.build import sample_corpus
    from kg.stream import build_corpus

    path = folder / "sample.nq"
    report = build_corpus([sample_corpus()], output=path)
    assert report.texts and not report.errors, report.errors
    return path


kg_serve = serve_in_background
