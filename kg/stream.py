"""The streaming, parallel build of a corpus: a pure map from each file to its N-Quads, then one pass that
resolves corpus-level identities and bulk-loads the result. It is the only build: `kg build` runs it, and so
does the Python API (`kg.build.build_dataset`), which parses the N-Quads into rdflib at the end.

- **Map** (`map_text`): read (`kg.textfile`), clean, extract and map one file to N-Quads text in its own
  named graph, with the provenance level asked for (`kg.rdf.mapping.PROVENANCE`). It runs in worker
  processes (`--jobs N`) or on a Dask cluster (`--executor dask`), under a per-file time limit; a file that
  fails yields one error line, never a crashed build.
- **Reduce** (`build_corpus`): streams every text's quads to a temporary N-Quads file (or to partition
  files), gives year-less document IRIs the year their number has elsewhere in the corpus when it is
  unique, then bulk-loads Oxigraph (the store, or an in-memory one to write Turtle, TriG, JSON-LD …).
  Outputs appear atomically; a store build is one transaction (`kg.storegen`): an interrupted build leaves
  the previous output and store as they were.

Every file's cost is bounded before it is paid (`kg.limits`): its size before it is read or hashed, its
text and lines before extraction, its output after mapping; what a limit cuts is a warning line.
"""

from __future__ import annotations

import hashlib
import os
import re
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, suppress
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import NamedTuple

from pyoxigraph import DefaultGraph, Quad, RdfFormat, Store, serialize

from kg import failpoints, limits
from kg.defaults import DEFAULT_TIMEOUT
from kg.export.xmlsafe import xml_safe
from kg.ingest import ReadError, discover
from kg.ingest.names import safe_name
from kg.ingest.readers import read_bytes
from kg.pids import die_with_parent, of_dead_runs
from kg.rdf.iris import DEFAULT_BASE, Iris
from kg.rdf.mapping import NT_TERMS, PROVENANCE, quad_lines
from kg.rdf.namespaces import PREFIXES
from kg.resolve import year_renames
from kg.store import FILE_FORMATS, GraphStore, named_quads, public_permissions
from kg.store_update import apply_build, state_docs
from kg.storegen import StoreBuild
from kg.textfile import Extracted, extract_file


@dataclass(slots=True)
class BuildReport:
    """What a build read and wrote."""

    texts: int = 0
    errors: list[str] = field(default_factory=list)
    documents: int = 0
    bodies: int = 0
    references: int = 0
    triples: int = 0
    skipped: int = 0  # unchanged since the last build into the store
    output: Path | None = None


def rel_path(path: Path, roots: list[Path]) -> str:
    """``path`` relative to the input folder holding it (its name for a file given alone)."""
    for root in roots:
        if root.is_dir():
            try:
                return path.resolve().relative_to(root.resolve()).as_posix()
            except ValueError:
                continue
    return path.name


@dataclass(slots=True)
class TextOutput:
    """What one worker sends back for one file: small, picklable, no rdflib objects. The N-Quads travel as UTF-8
    bytes (`nquads_utf8`), as the parent writes them: pickling a ``str`` would encode it in the worker and decode
    it in the parent, which would encode it again to write it."""

    rel: str
    sha256: str
    graph: str = ""
    nquads_utf8: bytes = b""
    docs: list[tuple[str, str, int | None, str]] = field(default_factory=list)  # scope, number, year, IRI
    bodies: list[str] = field(default_factory=list)
    named: list[str] = field(default_factory=list)  # IRIs of documents known by name
    mentions: int = 0
    error: str | None = None
    warnings: list[str] = field(default_factory=list)  # one line each: a limit applied, a sidecar field dropped
    seconds: float = 0.0

    @property
    def nquads(self) -> str:
        """The N-Quads as text."""
        return self.nquads_utf8.decode("utf-8")


class MapTask(NamedTuple):
    """One file to map: its path, its name in the corpus, the IRI base, the time limit (s; 0: none) and the
    provenance level (`kg.rdf.mapping.PROVENANCE`)."""

    path: str
    rel: str
    base: str
    timeout: float
    provenance: str = "full"


class _Timeout(BaseException):  # not an Exception: readers' `except Exception` must not swallow it
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Timeout


def map_text(task: MapTask | tuple[str, str, str, float]) -> TextOutput:
    """Read, extract and map one file to N-Quads (the pure map step; runs in worker processes)."""
    path_s, rel, base, timeout, provenance = MapTask(*task)
    path = Path(path_s)
    start = time.perf_counter()
    out = TextOutput(rel, "")
    # The limit uses SIGALRM, which only the main thread may set: local process workers and serial builds
    # have it; Dask runs tasks in worker threads, where cluster-side deadlines bound them instead.
    use_alarm = timeout > 0 and hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()
    old = signal.signal(signal.SIGALRM, _alarm) if use_alarm else None
    if use_alarm:
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        data = read_bytes(path)  # the size is checked before any byte is read
        out.sha256 = hashlib.sha256(data).hexdigest()
        x = extract_file(path, rel, data, out.warnings)
        del data
        _map_result(path, x, base, provenance, out)
    except ReadError as e:
        out.error = str(e)
    except OSError as e:
        out.error = str(ReadError(path, e.strerror or str(e)))
    except _Timeout:
        out.error = f"{safe_name(path)}: extraction took longer than {timeout:g} s (skipped)"
    except MemoryError:
        out.error = f"{safe_name(path)}: out of memory while extracting (skipped)"
    except Exception as e:  # one bad file must not stop the corpus
        out.error = safe_name(f"{path}: extraction failed ({type(e).__name__}: {' '.join(str(e).split())})")
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
    if out.error is not None:
        out.nquads_utf8, out.docs, out.bodies, out.named = b"", [], [], []
    out.seconds = time.perf_counter() - start
    return out



def _map_result(path: Path, x: Extracted, base: str, provenance: str, out: TextOutput) -> None:
    """Map one extracted file into ``out``: its graph, N-Quads (capped, encoded), documents, bodies and mentions;
    ReadError when the output holds what UTF-8 cannot encode."""
    iris = Iris(base, make=str)
    res = x.result
    out.graph = iris.graph(res.text_id)
    lines = quad_lines(res, base, out.graph, x.to_original, provenance)
    try:  # the encoding is the last guard: lone surrogates, the only str UTF-8 refuses, never leave a worker
        out.nquads_utf8 = _cap_quads(path, "".join(lines), len(lines), x.chars, out.warnings).encode("utf-8")
    except UnicodeEncodeError:
        raise ReadError(path, "holds text that cannot be written as UTF-8 (lone surrogates)") from None
    out.docs = [(d.scope, d.number, d.year, str(iris.document(d))) for d in res.documents if d.number]
    out.bodies = sorted({str(iris.body(d.issuer)) for d in res.documents if d.issuer is not None})
    out.named = [str(iris.document(d)) for d in res.documents if not d.number]
    out.mentions = sum(len(d.spans) for d in res.documents)


def _cap_quads(path: Path, nquads: str, total: int, n_chars: int, warnings: list[str]) -> str:
    """At most ``MAX_QUADS_PER_KB`` quads per KB of text (at least ``MIN_QUADS_CAP``) of the ``total`` lines
    of ``nquads``, cut where a subject ends."""
    cap = max(limits.MIN_QUADS_CAP, limits.MAX_QUADS_PER_KB * n_chars // 1024)
    if total <= cap:
        return nquads
    end = -1
    for _ in range(cap):
        end = nquads.find("\n", end + 1)
    subject = nquads[nquads.rfind("\n", 0, end) + 1:].split(" ", 1)[0] + " "
    while nquads.startswith(subject, end + 1):  # finish the last subject's statements
        end = nquads.find("\n", end + 1)
    kept = nquads.count("\n", 0, end + 1)
    warnings.append(f"{safe_name(path)}: output cut at {kept} of {total} triples "
                    f"(limit {limits.MAX_QUADS_PER_KB} per KB of text)")
    return nquads[:end + 1]


def map_batch(tasks: list[MapTask]) -> list[TextOutput]:
    """A batch of files (the unit of work sent to a Dask worker)."""
    return [map_text(t) for t in tasks]


def run_map(tasks: list[MapTask], *, jobs: int = 1, executor: str = "process",
            scheduler: str | None = None, batch: int = 64) -> Iterator[TextOutput]:
    """Map every task, in input order, with local processes or a Dask cluster (same code path)."""
    if executor == "dask":
        yield from _run_dask(tasks, scheduler, batch)
    elif jobs <= 1 or len(tasks) <= 1:
        for t in tasks:
            yield map_text(t)
    else:
        chunk = max(1, min(batch, len(tasks) // (jobs * 4) or 1))
        # an executor, not a multiprocessing.Pool: a worker that dies (OOM killer, crash) fails the map with
        # BrokenProcessPool instead of hanging it; when the map stops early (Ctrl-C, an error) workers are killed
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("fork"), initializer=_worker_init,
                                   initargs=(os.getpid(),))
        seen: list[int] = []
        main = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGINT, _note_sigint(seen)) if main else None
        try:
            # fork the workers with SIGINT blocked, so a Ctrl-C during their start cannot hit them before
            # `_worker_init` makes them ignore it; a Ctrl-C the parent's after-fork hooks swallowed is re-raised
            mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
            try:
                mapped = pool.map(map_text, tasks, chunksize=chunk)
            finally:
                signal.pthread_sigmask(signal.SIG_SETMASK, mask)
            if seen:
                raise KeyboardInterrupt
            yield from mapped
        finally:
            if main:
                signal.signal(signal.SIGINT, previous)
            workers = list((getattr(pool, "_processes", None) or {}).values())
            for w in workers:  # an early stop: kill what still runs (a finished map has idle workers only)
                if w.is_alive():
                    w.terminate()
            pool.shutdown(wait=True, cancel_futures=True)  # joined here, not in the interpreter's exit hooks


def _note_sigint(seen: list[int]) -> Callable[[int, object], None]:
    """A SIGINT handler that remembers the signal before raising KeyboardInterrupt."""

    def handler(signum: int, frame: object) -> None:
        seen.append(signum)
        raise KeyboardInterrupt

    return handler


def _worker_init(parent: int) -> None:
    """Ctrl-C is the parent's to handle: workers ignore SIGINT and are terminated when the map stops; a
    worker dies with its parent, even when the parent is killed with SIGKILL (Linux: PR_SET_PDEATHSIG)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # blocked by the parent while forking
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the pool stops workers with SIGTERM, whatever the parent does
    die_with_parent(parent)


def _run_dask(tasks: list[MapTask], scheduler: str | None, batch: int) -> Iterator[TextOutput]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as e:  # pragma: no cover - optional dependency
        raise RuntimeError("the dask executor needs `pip install vnkg[dask]`") from e
    cluster = None
    if scheduler in (None, "", "local"):
        cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        batches = [tasks[i:i + batch] for i in range(0, len(tasks), batch)]
        futures = client.map(map_batch, batches, pure=False)
        for fut in futures:  # in input order, for deterministic output
            yield from fut.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


_ND = re.compile(rb"<([^<>]*/doc/[^<>/]+/nd/[^<>]+)>")
_DATED = re.compile(r"/doc/[^/]+/(\d{4})/")
_WORK_DIR = re.compile(r"\.vnkg-build-(\d+)-")  # a build's work folder, named for its PID
_NUMBER_PRED = f" {NT_TERMS.v.documentNumber} "
_CHUNK = 1 << 24


def _rewrite(src: Path, renames: dict[str, str], *, quads: bool = True) -> int:
    """Apply IRI renames to an N-Quads (or, with ``quads=False``, N-Triples) file in place, atomically;
    a document that got its year also gets its ``vnkg:year``. Only lines holding a year-less IRI are
    decoded (the rest is copied in large blocks); return the number of lines added."""
    if not renames:
        return 0
    table = {k.encode(): v.encode() for k, v in renames.items()}
    added = 0

    def fix(line: bytes) -> bytes:
        nonlocal added
        line = _ND.sub(lambda m: b"<" + table.get(m.group(1), m.group(1)) + b">", line)
        text = line.decode("utf-8")
        if _NUMBER_PRED in text:
            subject, _, rest = text.partition(" ")
            year = _DATED.search(subject)
            if year:
                graph = rest.rsplit(" ", 2)[-2] + " " if quads else ""
                added += 1
                return (f"{subject} {NT_TERMS.v.year} {NT_TERMS.integer(int(year.group(1)))} {graph}.\n"
                        ).encode() + line
        return line

    fd, tmp = tempfile.mkstemp(prefix=".rename.", suffix=src.suffix, dir=src.parent)
    try:
        with os.fdopen(fd, "wb") as out, src.open("rb") as inp:
            while chunk := inp.read(_CHUNK):
                chunk += inp.readline()
                out.write(_fix_lines(chunk, fix))
        os.replace(tmp, src)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return added


def _fix_lines(chunk: bytes, fix: Callable[[bytes], bytes]) -> bytes:
    """``chunk`` (whole lines) with every line holding ``/nd/`` passed through ``fix``."""
    parts: list[bytes] = []
    pos = 0
    while (i := chunk.find(b"/nd/", pos)) != -1:
        start = chunk.rfind(b"\n", 0, i) + 1
        end = chunk.find(b"\n", i) + 1 or len(chunk)
        parts += [chunk[pos:start], fix(chunk[start:end])]
        pos = end
    parts.append(chunk[pos:])
    return b"".join(parts)


def build_corpus(inputs: list[Path], *, output: Path | None = None, store: Path | None = None,
                 base: str = DEFAULT_BASE, jobs: int = 1, executor: str = "process", scheduler: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT, partitions: Path | None = None, provenance: str = "full",
                 on_progress: Callable[[str], None] | None = None,
                 on_error: Callable[[str], None] | None = None,
                 on_warning: Callable[[str], None] | None = None, wait: bool = False,
                 on_wait: Callable[[str], None] | None = None) -> BuildReport:
    """Build `inputs` into an RDF file, a store folder (incrementally, as one transaction), and/or N-Quads
    partitions, with the provenance level ``provenance`` (`kg.rdf.mapping.PROVENANCE`; ValueError for another).
    Raises `kg.storegen.StoreBusy` when another build holds the store, unless ``wait`` (then ``on_wait`` is
    told once that it waits)."""
    if provenance not in PROVENANCE:
        raise ValueError(f"provenance must be one of {', '.join(PROVENANCE)}, not {provenance!r}")
    report = BuildReport(output=output)
    with ExitStack() as stack:
        txn = stack.enter_context(StoreBuild(store, wait=wait, on_wait=on_wait)) if store is not None else None
        failpoints.reached("locked")
        remove_stale_temporaries(output)
        own = [p for p in (output, partitions, txn.path if txn else None, txn.home if txn else None) if p]
        paths, errors = discover(inputs, exclude=own)
        report.errors = [str(e) for e in errors]
        for m in report.errors:
            if on_error:
                on_error(m)
        state = txn.state() if txn is not None else {}
        new_state: dict[str, dict] = {}
        tasks: list[MapTask] = []
        for path in paths:
            rel = safe_name(rel_path(path, inputs))
            known = state.get(rel)
            # a text built at another provenance level is built again: a store never mixes levels
            if (known is not None and known.get("provenance", "full") == provenance
                    and _sha256(path) == known.get("sha256")):
                new_state[rel] = known
                report.skipped += 1
                if on_progress:
                    on_progress(rel)
                continue
            tasks.append(MapTask(str(path), rel, base, timeout, provenance))
        parent = _work_parent(output, txn)
        _remove_stale_work_dirs(parent)
        work_dir = Path(tempfile.mkdtemp(prefix=f".vnkg-build-{os.getpid()}-", dir=parent))
        stack.callback(_remove_dir, work_dir)
        nq_path = work_dir / "build.nq"
        nt_path = work_dir / "default.nt" if txn is not None else None  # the same triples, graph column stripped
        docs, bodies, named, n_quads = _map_into(
            nq_path, tasks, report, new_state, nt_path=nt_path, jobs=jobs, executor=executor, scheduler=scheduler,
            partitions=partitions, on_progress=on_progress, on_error=on_error, on_warning=on_warning)
        failpoints.reached("mapped")
        all_docs = docs + state_docs({k: v for k, v in new_state.items() if k in state and v is state[k]})
        renames = year_renames(all_docs)
        n_quads += _rewrite(nq_path, renames)
        report.documents = len({renames.get(d[3], d[3]) for d in all_docs}) + len(named)
        report.bodies = len(bodies)
        if txn is not None and nt_path is not None:
            _rewrite(nt_path, renames, quads=False)
            gs = txn.stage()
            apply_build(gs, state, new_state, nq_path, nt_path, renames)
            if output is not None and (report.texts or report.skipped):
                report.triples = _write_output(nq_path, output, gs)
            else:
                report.triples = gs.count_default()
            del gs
            txn.commit()
        elif output is not None and report.texts:
            report.triples = _write_output(nq_path, output, None, n_quads)
    return report


def _map_into(nq_path: Path, tasks: list[MapTask], report: BuildReport,
              new_state: dict[str, dict], *, nt_path: Path | None, jobs: int, executor: str,
              scheduler: str | None, partitions: Path | None, on_progress: Callable[[str], None] | None,
              on_error: Callable[[str], None] | None, on_warning: Callable[[str], None] | None,
              ) -> tuple[list[tuple[str, str, int | None, str]], set[str], set[str], int]:
    """Run the map, streaming every text's quads to ``nq_path`` (and, given ``nt_path``, its triples without
    the graph column there); return the documents, bodies and named, and the number of quads."""
    docs: list[tuple[str, str, int | None, str]] = []
    bodies: set[str] = set()
    named: set[str] = set()
    n_quads = 0
    with ExitStack() as files:
        nq = files.enter_context(nq_path.open("wb"))
        nt = files.enter_context(nt_path.open("wb")) if nt_path is not None else None
        part_no = 0
        for i, res in enumerate(run_map(tasks, jobs=jobs, executor=executor, scheduler=scheduler)):
            if i == 1:
                failpoints.reached("mapping")
            if on_progress:
                on_progress(res.rel)
            for w in res.warnings:
                if on_warning:
                    on_warning(w)
            if res.error:
                report.errors.append(res.error)
                if on_error:
                    on_error(res.error)
                continue
            report.texts += 1
            report.references += res.mentions
            docs.extend(res.docs)
            bodies.update(res.bodies)
            named.update(res.named)
            new_state[res.rel] = {"sha256": res.sha256, "graph": res.graph, "docs": [list(d) for d in res.docs],
                                  "provenance": tasks[i].provenance}
            if partitions is not None:
                part_no += 1
                partitions.mkdir(parents=True, exist_ok=True)
                (partitions / f"part-{part_no:06d}.nq").write_bytes(res.nquads_utf8)
            nq.write(res.nquads_utf8)
            n_quads += res.nquads_utf8.count(b"\n")
            if nt is not None:  # every line of a text ends with its graph: one replace strips the column
                nt.write(res.nquads_utf8.replace(f" <{res.graph}> .\n".encode(), b" .\n"))
    return docs, bodies, named, n_quads


def _sha256(path: Path) -> str | None:
    """The content hash of a file within the size limit (None when over it or unreadable): never reads more."""
    try:
        if path.stat().st_size > limits.MAX_FILE_BYTES:
            return None
        with path.open("rb") as f:
            return hashlib.file_digest(f, "sha256").hexdigest()
    except OSError:
        return None


def _remove_dir(d: Path) -> None:
    for p in d.glob("*"):
        p.unlink(missing_ok=True)
    with suppress(OSError):
        d.rmdir()


def _remove_stale_work_dirs(parent: Path | None) -> None:
    """Work folders of builds that were killed (their process is gone) are removed."""
    for d in of_dead_runs((parent or Path(tempfile.gettempdir())).glob(".vnkg-build-*"), _WORK_DIR):
        if d.is_dir():
            _remove_dir(d)


def _work_parent(output: Path | None, txn: StoreBuild | None) -> Path | None:
    """Where the work folder goes: beside the output (its N-Quads may be renamed into place), else in the
    store's own hidden folder."""
    target = output.parent if output is not None else (txn.home if txn is not None else None)
    if target is not None:
        target.mkdir(parents=True, exist_ok=True)
    return target


def _write_output(nq_path: Path, output: Path, store: GraphStore | None, n_quads: int = 0) -> int:
    """Write the output atomically in the format its suffix names; return the number of triples/quads
    (``n_quads``: the lines of ``nq_path``)."""
    fmt = FILE_FORMATS.get(output.suffix.lower(), RdfFormat.TURTLE)
    if store is None and fmt == RdfFormat.N_QUADS:
        n = n_quads
        public_permissions(str(nq_path))
        os.replace(nq_path, output)
        return n
    if store is not None:
        src = store.raw
    else:
        src = Store()
        src.bulk_load(path=str(nq_path), format=RdfFormat.N_QUADS)
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.{os.getpid()}.", dir=output.parent)
    os.close(fd)
    try:
        if fmt in (RdfFormat.N_QUADS, RdfFormat.TRIG):
            named = list(named_quads(src)) if store is not None else None
            if named is None:
                src.dump(output=tmp, format=fmt, prefixes=_prefixes(fmt))
                n = len(src)
            else:
                serialize(named, tmp, fmt, prefixes=_prefixes(fmt))
                n = len(named)
        else:
            union = Store()
            quads = (Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in named_quads(src))
            union.bulk_extend(xml_safe(quads) if fmt == RdfFormat.RDF_XML else quads)
            union.dump(output=tmp, format=fmt, from_graph=DefaultGraph(), prefixes=_prefixes(fmt))
            n = len(union)
        public_permissions(tmp)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return n


def remove_stale_temporaries(output: Path | None) -> None:
    """Remove the temporaries of ``output`` that runs now dead were writing (``.NAME.PID.*`` beside it)."""
    if output is None or not output.parent.is_dir():
        return
    prefix = re.compile(rf"\.{re.escape(output.name)}\.(\d+)\.")
    for p in of_dead_runs(output.parent.iterdir(), prefix):
        if p.is_file() and not p.is_symlink():
            p.unlink(missing_ok=True)


def _prefixes(fmt: RdfFormat) -> dict[str, str] | None:
    if fmt in (RdfFormat.TURTLE, RdfFormat.TRIG, RdfFormat.RDF_XML):
        return {k: str(v) for k, v in PREFIXES.items()}
    return None


__all__ = ["BuildReport", "MapTask", "TextOutput", "build_corpus", "map_text", "rel_path", "run_map"]
