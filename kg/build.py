"""Build a knowledge graph from a corpus: read -> clean -> extract -> resolve -> map -> write.

Each text is read and extracted on its own (a bad file gets one error line and is skipped); the
corpus-level step only resolves identities; the output is written atomically (temp file + rename): the
temporary ``.NAME.PID.*`` carries its writer's PID, so what a killed run left is removed on the next start.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph

from kg.extraction.pipeline import extract
from kg.ingest import ReadError, discover, normalize, read_file, read_sidecar, strip_boilerplate
from kg.model import TextResult
from kg.pids import pid_alive
from kg.rdf.iris import DEFAULT_BASE, Iris
from kg.rdf.mapping import text_triples
from kg.rdf.namespaces import bind_prefixes
from kg.resolve import resolve_years
from kg.store import public_permissions

FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld",
           ".json": "json-ld", ".rdf": "xml", ".owl": "xml", ".xml": "xml"}
QUAD_FORMATS = {"nquads", "trig"}


def sample_corpus() -> Path:
    """The small corpus bundled with the package, built by `kg build` without arguments."""
    return Path(__file__).resolve().parent / "sample"


@dataclass(slots=True)
class Extracted:
    result: TextResult
    to_original: Callable[[int], int] | None


@dataclass(slots=True)
class BuildReport:
    texts: int = 0
    errors: list[str] = field(default_factory=list)
    documents: int = 0
    bodies: int = 0
    references: int = 0
    triples: int = 0
    skipped: int = 0  # unchanged since the last build into the store
    output: Path | None = None


def _rel(path: Path, roots: list[Path]) -> str:
    for root in roots:
        if root.is_dir():
            try:
                return path.resolve().relative_to(root.resolve()).as_posix()
            except ValueError:
                continue
    return path.name


@dataclass(slots=True)
class Cleaned:
    """One file as the pipeline reads it: cleaned text, format, sidecar metadata, offset map to the original."""

    text: str
    fmt: str
    meta: dict
    to_original: Callable[[int], int] | None


def clean_file(path: Path) -> Cleaned:
    """Read and clean one file (raises ReadError for input it cannot read)."""
    raw = read_file(path)
    clean = normalize(raw.text)
    text = strip_boilerplate(clean.text)
    if not text.strip():
        raise ReadError(path, "no text left after removing page boilerplate")
    return Cleaned(text, raw.fmt, read_sidecar(path), None if clean.is_identity else clean.to_original)


def extract_file(path: Path, rel_path: str) -> Extracted:
    """Read, clean and extract one file (raises ReadError for input it cannot read)."""
    c = clean_file(path)
    result = extract(c.text, file_name=path.name, rel_path=rel_path, fmt=c.fmt, meta=c.meta)
    return Extracted(result, c.to_original)


def extract_corpus(inputs: Iterable[Path], *, on_progress: Callable[[Path], None] | None = None,
                   on_error: Callable[[str], None] | None = None) -> tuple[list[Extracted], list[str]]:
    """Extract every readable file under `inputs`; errors are one line each, naming the file."""
    roots = list(inputs)
    paths, errors = discover(roots)
    messages = [str(e) for e in errors]
    for m in messages:
        if on_error:
            on_error(m)
    out: list[Extracted] = []
    for path in paths:
        try:
            out.append(extract_file(path, _rel(path, roots)))
        except ReadError as e:
            messages.append(str(e))
            if on_error:
                on_error(str(e))
        except Exception as e:
            msg = f"{path}: extraction failed ({type(e).__name__}: {e})"
            messages.append(msg)
            if on_error:
                on_error(msg)
        if on_progress:
            on_progress(path)
    return out, messages


def to_dataset(items: list[Extracted], base: str = DEFAULT_BASE) -> Dataset:
    """One named graph per source text."""
    resolve_years(x.result for x in items)
    iris = Iris(base)
    ds = Dataset()
    bind_prefixes(ds, base)
    for x in items:
        g = ds.graph(iris.graph(x.result.text_id))
        for t in text_triples(x.result, iris, x.to_original):
            g.add(t)
    return ds


def write_atomic(ds: Dataset, output: Path, fmt: str | None = None) -> int:
    """Serialise to `output` via a temp file and a rename; return the number of triples written."""
    fmt = fmt or FORMATS.get(output.suffix.lower(), "turtle")
    output.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(output)
    if fmt in QUAD_FORMATS:
        target: Graph | Dataset = ds
        count = sum(1 for _ in ds.quads((None, None, None, None)))
    else:
        target = Graph()
        for prefix, ns in ds.namespaces():
            target.bind(prefix, ns, override=True)
        for s, p, o, _ in ds.quads((None, None, None, None)):
            target.add((s, p, o))
        count = len(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.{os.getpid()}.", suffix=".tmp", dir=output.parent)
    os.close(fd)
    public_permissions(tmp)
    try:
        target.serialize(destination=tmp, format=fmt, encoding="utf-8")
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count


def remove_stale_temporaries(output: Path | None) -> None:
    """Remove the temporaries of ``output`` that runs now dead were writing (``.NAME.PID.*`` beside it)."""
    if output is None or not output.parent.is_dir():
        return
    prefix = re.compile(rf"\.{re.escape(output.name)}\.(\d+)\.")
    for p in output.parent.iterdir():
        m = prefix.match(p.name)
        if m and not pid_alive(int(m.group(1))) and p.is_file() and not p.is_symlink():
            p.unlink(missing_ok=True)
