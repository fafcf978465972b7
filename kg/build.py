"""The Python API of a build: the graph of a corpus as an rdflib `Dataset` (one named graph per text).

It runs `kg build` itself (`kg.stream.build_corpus`: the same per-text map, the same corpus-level year
resolution and caps) into a temporary N-Quads file, and only then parses that file into rdflib objects:

    from kg.build import build_dataset
    ds = build_dataset([Path("texts")], base="https://data.example.gov.vn/id/")
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from rdflib import Dataset

from kg.defaults import DEFAULT_BASE


def sample_corpus() -> Path:
    """The small corpus bundled with the package, built by `kg build` without arguments."""
    return Path(__file__).resolve().parent / "sample"


def build_dataset(inputs: Iterable[Path], *, base: str = DEFAULT_BASE, provenance: str = "full", jobs: int = 1,
                  on_error: Callable[[str], None] | None = None,
                  on_warning: Callable[[str], None] | None = None) -> Dataset:
    """The graph `kg build INPUTS -o X.nq --provenance LEVEL` writes, as an rdflib Dataset with the project's
    prefixes bound.
    A file that cannot be read is one line given to ``on_error`` (naming the file and the cause) and is left
    out; the dataset is empty when nothing could be built."""
    from kg.rdf.namespaces import bind_prefixes
    from kg.stream import build_corpus

    ds = Dataset()
    bind_prefixes(ds, base)
    with tempfile.TemporaryDirectory(prefix="vnkg-api-") as work:
        nq = Path(work) / "graph.nq"
        build_corpus([Path(p) for p in inputs], output=nq, base=base, provenance=provenance, jobs=jobs,
                     on_error=on_error, on_warning=on_warning)
        if nq.is_file():
            ds.parse(nq, format="nquads")
    return ds
