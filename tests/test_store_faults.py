"""Store builds are one transaction (issue 12): interrupted at any point, a store answers exactly the old or the
new corpus; a rerun, and any incremental build, equals a clean build; a second build is told who holds the
store; `kill -9` leaves no worker and no leftovers that the next build does not remove.

Builds are interrupted at named points (`kg.failpoints`: ``VNKG_FAILPOINT=NAME:SIGNAL``) so every point is hit
on every run, whatever the machine's speed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from hostile_cases import planning_text

from kg import store_update
from kg.lock import PidLock
from kg.store import GraphStore
from kg.stream import build_corpus

KG = [shutil.which("kg") or sys.executable] + ([] if shutil.which("kg") else ["-m", "kg"])
POINTS = ["locked", "mapping", "mapped", "store-copied", "graphs-dropped", "bulk-loaded", "renamed", "merged",
          "before-switch", "switched"]

UNDATED = "Tỉnh ủy Hậu Giang quán triệt Nghị quyết số 57-NQ/TW của Bộ Chính trị.\n"
DATED = ("Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, "
         "công nghệ, đổi mới sáng tạo.\n")
V1 = {"a.txt": planning_text(11), "b.txt": planning_text(12), "c.txt": planning_text(13), "undated.txt": UNDATED}
# b edited, c removed, dated added: the unchanged undated text's 57-NQ/TW gets the year 2024 (a rename)
V2 = {"a.txt": planning_text(11), "b.txt": planning_text(12).replace("63%", "65%"), "dated.txt": DATED,
      "undated.txt": UNDATED}
V3 = {k: v for k, v in V2.items() if k != "dated.txt"}  # the rename undone


def write_corpus(folder: Path, files: dict[str, str]) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for rel, text in files.items():
        (folder / rel).write_text(text, encoding="utf-8")
    return folder


def quads(store: Path) -> set[tuple[str, str, str, str]]:
    """Everything a reader of the store sees: named graphs and the merged default graph."""
    gs = GraphStore.open(store)
    out = {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name))
           for q in gs.raw.quads_for_pattern(None, None, None, None)}
    del gs
    return out


def clean_build(root: Path, files: dict[str, str]) -> set[tuple[str, str, str, str]]:
    build_corpus([write_corpus(root / "corpus", files)], store=root / "st", jobs=1)
    return quads(root / "st")


@pytest.fixture(scope="module")
def refs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set]:
    return {name: clean_build(tmp_path_factory.mktemp(name), files) for name, files in
            (("v1", V1), ("v2", V2), ("v3", V3))}


def year_triples(q: set) -> set:
    return {t for t in q if t[1].endswith("ontology#year>") and "57-nq-tw" in t[0]}


@pytest.mark.parametrize("share", [0, 10**9], ids=["delta", "full"])
def test_incremental_equals_clean(tmp_path: Path, refs: dict[str, set], share: int,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """V1 then V2 then V3 into one store equals each built alone, including the vnkg:year that an unchanged
    text's document gets when another text dates it (and loses when that text goes), whether the default
    graph is kept by detaching and re-attaching the touched graphs (delta) or rebuilt whole (full)."""
    monkeypatch.setattr(store_update, "FULL_SHARE", share)
    corpus, store = tmp_path / "corpus", tmp_path / "st"
    for name, files in (("v1", V1), ("v2", V2), ("v3", V3)):
        build_corpus([write_corpus(corpus, files)], store=store, jobs=1)
        got = quads(store)
        assert got == refs[name], f"{name}: incremental - clean = {sorted(got - refs[name])[:5]}, " \
                                  f"clean - incremental = {sorted(refs[name] - got)[:5]}"
        default = {t[:3] for t in got if t[3] == "DEFAULT"}
        assert default and default == {t[:3] for t in got if t[3] != "DEFAULT"}, f"{name}: default graph != merge"
        logs = {p.name: p.stat().st_size for p in Path(os.path.realpath(store)).glob("*.log")}
        assert all(size <= 64 for size in logs.values()), f"{name}: write-ahead logs left behind: {logs}"
    assert year_triples(refs["v2"]) and not year_triples(refs["v3"])


def test_rerun_of_unchanged_corpus_changes_nothing(tmp_path: Path, refs: dict[str, set]) -> None:
    corpus, store = tmp_path / "corpus", tmp_path / "st"
    write_corpus(corpus, V2)
    build_corpus([corpus], store=store, jobs=1)
    report = build_corpus([corpus], store=store, jobs=1)
    assert report.texts == 0 and report.skipped == len(V2)
    assert quads(store) == refs["v2"]


# --------------------------------------------------------------------------- fault injection


def kg_build(cwd: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "VNKG_DEBUG", "VNKG_FAILPOINT")}
    return subprocess.run([*KG, "build", "corpus", "--store", "st", "--no-shacl", "-q", "-j", "2", *extra],
                          cwd=cwd, env=base | {"NO_COLOR": "1"} | (env or {}), capture_output=True, text=True,
                          timeout=300)


@pytest.fixture(scope="module")
def v1_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("v1-store")
    write_corpus(root / "corpus", V1)
    r = kg_build(root)
    assert r.returncode == 0, r.stderr
    return root


def leftovers(root: Path) -> list[str]:
    """What a build may leave beside the store besides the store itself: nothing but the current (and the
    previous) generation and the lock."""
    home = root / ".st.vnkg"
    stray = [p.name for p in root.iterdir() if p.name not in {"corpus", "st", ".st.vnkg", ".vnkg"}]
    gens = [p.name for p in home.iterdir() if p.name.startswith("gen-")]
    others = [p.name for p in home.iterdir() if not p.name.startswith("gen-") and p.name != "lock"]
    return stray + others + (gens if len(gens) > 2 else [])


def inject(v1_store: Path, tmp_path: Path, point: str, sig: str, refs: dict[str, set]) -> None:
    root = tmp_path / f"{point}-{sig}"
    shutil.copytree(v1_store, root, symlinks=True)
    write_corpus(root / "corpus", V2)
    r = kg_build(root, env={"VNKG_FAILPOINT": f"{point}:{sig}"})
    assert r.returncode != 0, f"{point}: the build was not interrupted"
    assert "Traceback" not in r.stderr, r.stderr[-2000:]
    got = quads(root / "st")
    expected = refs["v2"] if point == "switched" else refs["v1"]
    assert got == expected, f"{sig} at {point}: the store is neither the old nor the new corpus" \
        if got not in (refs["v1"], refs["v2"]) else f"{sig} at {point}: the store has the wrong one of old/new"
    r = kg_build(root, "-j", "1")  # the rerun: one process is enough (the interrupted build had workers)
    assert r.returncode == 0, r.stderr
    assert quads(root / "st") == refs["v2"], f"{sig} at {point}: the rerun differs from a clean build"
    assert leftovers(root) == [], f"{sig} at {point}: left {leftovers(root)}"


@pytest.mark.parametrize(("point", "sig"), [("bulk-loaded", "SIGKILL"), ("merged", "SIGINT"),
                                            ("before-switch", "SIGKILL"), ("renamed", "SIGTERM")])
def test_interrupted_store_build_is_old_or_new(v1_store: Path, tmp_path: Path, refs: dict[str, set],
                                               point: str, sig: str) -> None:
    inject(v1_store, tmp_path, point, sig, refs)


@pytest.mark.slow
@pytest.mark.parametrize("sig", ["SIGINT", "SIGKILL"])
@pytest.mark.parametrize("point", POINTS)
def test_interrupted_store_build_is_old_or_new_at_every_point(v1_store: Path, tmp_path: Path, refs: dict[str, set],
                                                              point: str, sig: str) -> None:
    inject(v1_store, tmp_path, point, sig, refs)


@pytest.mark.parametrize("sig", ["SIGINT", "SIGKILL"])
def test_interrupted_first_build_leaves_no_store(tmp_path: Path, refs: dict[str, set], sig: str) -> None:
    """A first build killed just before its switch: no store at all (the old state), and a rerun builds it."""
    write_corpus(tmp_path / "corpus", V2)
    r = kg_build(tmp_path, env={"VNKG_FAILPOINT": f"before-switch:{sig}"})
    assert r.returncode != 0 and "Traceback" not in r.stderr, r.stderr[-2000:]
    assert not os.path.lexists(tmp_path / "st")
    r = kg_build(tmp_path, "-j", "1")
    assert r.returncode == 0, r.stderr
    assert quads(tmp_path / "st") == refs["v2"]
    assert leftovers(tmp_path) == [], leftovers(tmp_path)


def test_bad_sidecar_in_a_store_build_costs_only_its_text(tmp_path: Path, refs: dict[str, set]) -> None:
    """An edited text whose sidecar is broken: one error naming the sidecar, every other text built, the store
    equal to a clean build of the texts that read; once the sidecar is fixed its text is back."""
    corpus, store = tmp_path / "corpus", tmp_path / "st"
    build_corpus([write_corpus(corpus, V1)], store=store, jobs=1)
    write_corpus(corpus, V2)
    (corpus / "b.txt.meta.json").write_text('{"title": "Kế hoạch", ', encoding="utf-8")
    errors: list[str] = []
    report = build_corpus([corpus], store=store, jobs=1, on_error=errors.append)
    assert len(errors) == 1 and f"{corpus / 'b.txt.meta.json'}: invalid JSON" in errors[0], errors
    assert report.texts + report.skipped == len(V2) - 1
    assert quads(store) == clean_build(tmp_path / "without-b", {k: v for k, v in V2.items() if k != "b.txt"})
    (corpus / "b.txt.meta.json").unlink()
    build_corpus([corpus], store=store, jobs=1)
    assert quads(store) == refs["v2"]


def test_legacy_store_folder_moved_on_first_build_even_if_killed(tmp_path: Path, refs: dict[str, set]) -> None:
    """A store written by an older vnkg (a plain folder): killed between the two renames of its move, the
    next build completes it."""
    root = tmp_path
    write_corpus(root / "corpus", V1)
    build_corpus([root / "corpus"], store=root / "tmp-st", jobs=1)
    os.rename(os.path.realpath(root / "tmp-st"), root / "st")  # a plain store folder, as older builds left it
    os.unlink(root / "tmp-st")
    shutil.rmtree(root / ".tmp-st.vnkg")
    assert quads(root / "st") == refs["v1"]
    write_corpus(root / "corpus", V2)
    r = kg_build(root, env={"VNKG_FAILPOINT": "legacy-moved:SIGKILL"})
    assert r.returncode != 0 and not os.path.lexists(root / "st")
    r = kg_build(root)
    assert r.returncode == 0, r.stderr
    assert (root / "st").is_symlink() and quads(root / "st") == refs["v2"]


# --------------------------------------------------------------------------- lock, workers, leftovers


def test_second_build_is_told_who_holds_the_store(tmp_path: Path) -> None:
    write_corpus(tmp_path / "corpus", V1)
    with PidLock(tmp_path / ".st.vnkg" / "lock"):
        r = kg_build(tmp_path)
    assert r.returncode == 1
    line = " ".join(r.stderr.split())
    assert f"another kg build (PID {os.getpid()}) is building this store" in line, r.stderr
    assert "Traceback" not in r.stderr and "IO error" not in r.stderr


def test_wait_builds_once_the_holder_is_done(tmp_path: Path, refs: dict[str, set]) -> None:
    """With --wait a second build says who it waits for, waits while the lock is held, then builds."""
    write_corpus(tmp_path / "corpus", V1)
    base = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "VNKG_FAILPOINT")}
    lock = PidLock(tmp_path / ".st.vnkg" / "lock").__enter__()
    try:
        proc = subprocess.Popen([*KG, "build", "corpus", "--store", "st", "--no-shacl", "-q", "-j", "1", "--wait"],
                                cwd=tmp_path, env=base | {"NO_COLOR": "1"}, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(proc.stderr), daemon=True)  # type: ignore[arg-type]
        reader.start()
        end = time.monotonic() + 120
        while time.monotonic() < end and "waiting for it" not in " ".join("".join(lines).split()):
            assert proc.poll() is None, f"the build did not wait: {''.join(lines)}"
            time.sleep(0.1)
        said = " ".join("".join(lines).split())
        assert f"another kg build (PID {os.getpid()}) is building this store; waiting for it" in said, said
        time.sleep(1.5)
        assert proc.poll() is None and not os.path.lexists(tmp_path / "st"), "the build went on under the lock"
    finally:
        lock.__exit__(None, None, None)
    proc.wait(timeout=300)
    reader.join(timeout=10)
    assert proc.returncode == 0, "".join(lines)
    assert quads(tmp_path / "st") == refs["v1"]


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_kill_9_leaves_no_worker_alive(tmp_path: Path) -> None:
    write_corpus(tmp_path / "corpus", {f"t{i:03d}.txt": planning_text(100 + i) for i in range(300)})
    proc = subprocess.Popen([*KG, "build", "corpus", "-o", "out.nq", "--no-shacl", "-q", "-j", "2"], cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    workers: list[int] = []
    end = time.monotonic() + 60
    while time.monotonic() < end and proc.poll() is None and len(workers) < 2:
        workers = _children(proc.pid)
        time.sleep(0.05)
    assert len(workers) >= 2 and proc.poll() is None, "the build ended before it had workers"
    _kill_9_and_survivors(proc, workers, "workers", "their killed parent")  # the parent only: its workers follow


def _kill_9_and_survivors(proc: subprocess.Popen, workers: list[int], what: str, whose: str) -> None:
    """SIGKILL the parent alone, give its workers 10 s to follow, kill and name any that did not."""
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    end = time.monotonic() + 10
    while time.monotonic() < end and any(_alive(w) for w in workers):
        time.sleep(0.1)
    alive = [w for w in workers if _alive(w)]
    for w in alive:
        os.kill(w, signal.SIGKILL)
    assert not alive, f"{what} {alive} outlived {whose}"


def _descendants(pid: int) -> list[int]:
    """Every process below ``pid``, whichever of their parent's threads started them (Dask's loop thread)."""
    out, stack = [], [pid]
    while stack:
        p = stack.pop()
        for task in Path(f"/proc/{p}/task").glob("*"):
            try:
                kids = [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
            out += kids
            stack += kids
    return out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_kill_9_leaves_no_dask_worker_alive(tmp_path: Path) -> None:
    """The local Dask cluster a build starts dies with it: kill -9 of the build while it maps."""
    pytest.importorskip("dask.distributed")
    write_corpus(tmp_path / "corpus", {f"t{i:03d}.txt": planning_text(100 + i) for i in range(600)})
    proc = subprocess.Popen([*KG, "build", "corpus", "-o", "out.nq", "--no-shacl", "-q", "--executor", "dask"],
                            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    workers: list[int] = []
    end = time.monotonic() + 180
    while time.monotonic() < end and proc.poll() is None:  # mapping: results reach the parent's N-Quads
        if any(p.stat().st_size for p in tmp_path.glob(".vnkg-build-*/build.nq")):
            workers = [w for w in _descendants(proc.pid) if _alive(w)]
            break
        time.sleep(0.1)
    assert workers and proc.poll() is None, "the build ended before its Dask workers mapped"
    _kill_9_and_survivors(proc, workers, "Dask processes", "their killed build")


def test_leftovers_of_dead_builds_are_removed_on_the_next_start(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", V1)
    out = tmp_path / "out" / "out.ttl"
    build_corpus([corpus], output=out, store=tmp_path / "st", jobs=1)
    dead = 4_999_999  # above Linux's largest PID: no such process
    stale = [out.parent / f".out.ttl.{dead}.x1y2z3", tmp_path / f".st.vnkg-link-{dead}",
             tmp_path / ".st.vnkg" / f"gen-000099-{dead}", out.parent / f".vnkg-build-{dead}-abc"]
    stale[0].write_text("partial")
    os.symlink("nowhere", stale[1])
    stale[2].mkdir()
    stale[3].mkdir()
    (stale[3] / "build.nq").write_text("partial")
    build_corpus([corpus], output=out, store=tmp_path / "st", jobs=1)
    assert [p for p in stale if os.path.lexists(p)] == []
    assert sorted(p.name for p in out.parent.iterdir()) == ["out.ttl"]


UNION_KILLED = r"""
import os, signal, sys, tempfile
from pyoxigraph import NamedNode, Quad, Store
from kg.store import merge_union

tempfile.tempdir = sys.argv[1]
store = Store()
store.add(Quad(NamedNode("https://e.org/s"), NamedNode("https://e.org/p"), NamedNode("https://e.org/o"),
               NamedNode("https://e.org/g")))


class KilledWhileLoading:  # the store, but the process is killed once the union's N-Triples are written
    def named_graphs(self):
        return store.named_graphs()

    def dump(self, **kw):
        return store.dump(**kw)

    def bulk_load(self, **kw):
        os.kill(os.getpid(), signal.SIGKILL)


merge_union(KilledWhileLoading())
"""


def test_union_temporaries_of_killed_runs_are_removed_on_the_next_call(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """An RDF file read into memory (`GraphStore.open`) merges its union through a temporary N-Triples file
    in the system's temporary folder: a run killed meanwhile leaves it, the next merge removes it (and never
    the file of a run still alive)."""
    child = subprocess.run([sys.executable, "-c", UNION_KILLED, str(tmp_path)], capture_output=True, text=True)
    assert child.returncode == -signal.SIGKILL, child.stderr
    left = list(tmp_path.glob(".vnkg-union-*.nt"))
    assert len(left) == 1 and left[0].stat().st_size > 0, left
    live = tmp_path / f".vnkg-union-{os.getpid()}-running.nt"
    live.write_text("<https://e.org/s> <https://e.org/p> <https://e.org/o> .\n")
    nq = tmp_path / "g.nq"
    nq.write_text("<https://e.org/s> <https://e.org/p> <https://e.org/o> <https://e.org/g> .\n")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    store = GraphStore.open(nq)
    assert store.count_default() == 1
    assert sorted(tmp_path.glob(".vnkg-union-*.nt")) == [live]
