"""Hostile input (issue 7): no file may crash, hang or corrupt a build.

Every case ends with either a graph or one clear error line naming the file: never a traceback, never a
crash of the whole build (the good files next to the bad one are still in the output), never a hang (the
per-file time limit, ``--timeout``). Also: builds interrupted by Ctrl-C / kill leave the previous output
and store intact, and text that looks like Turtle, SPARQL or HTML is escaped everywhere.

`extract_file` / `map_text` are called directly for the fast cases; `kg build` runs as a subprocess (in its
own process group, killed on timeout) for the end-to-end ones.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from hostile_cases import GOOD, planning_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal as OxLiteral
from pyoxigraph import NamedNode, RdfFormat, parse
from rdflib import Dataset, Graph

from kg.ingest import normalize
from kg.rdf.iris import DEFAULT_BASE
from kg.store import GraphStore
from kg.stream import map_text
from kg.textfile import extract_file

KG = [shutil.which("kg") or sys.executable] + ([] if shutil.which("kg") else ["-m", "kg"])
V = "https://w3id.org/vnkg/ontology#"
FILE_NAME = NamedNode(V + "fileName")
HYPO = settings(deadline=None, max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                       HealthCheck.too_slow])


# --------------------------------------------------------------------------- realistic input
# `planning_text` and `GOOD` come from tests/hostile_cases.py: one realistic plan for every hostile test.

GOOD_BYTES = GOOD.encode("utf-8")


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "VNKG_DEBUG")}
    env["NO_COLOR"] = "1"
    return env


def run_kg(*args: str | Path, cwd: Path, timeout: float = 90,
           ) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run `kg` in its own process group; on timeout kill that group (workers included) and fail the test."""
    start = time.monotonic()
    proc = subprocess.Popen([*KG, *map(str, args)], cwd=cwd, env=clean_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        out, err = proc.communicate()
        pytest.fail(f"kg {' '.join(map(str, args))} hung: still running after {timeout:g} s\n"
                    f"stdout: {out[-2000:]}\nstderr: {err[-2000:]}")
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err), time.monotonic() - start


def _kill_group(proc: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


def no_traceback(*streams: str) -> None:
    for s in streams:
        assert "Traceback" not in s and 'File "' not in s, s[-3000:]


def assert_clear_error(error: str, path: Path) -> None:
    """One line, naming the file, saying what is wrong with it (not an internal exception leaking out)."""
    assert "\n" not in error, f"error is not one line: {error!r}"
    assert error.startswith(str(path)), f"error does not name {path}: {error!r}"
    assert "Traceback" not in error
    assert "extraction failed (" not in error, f"an internal exception leaked instead of a clear error: {error!r}"


def graph_or_clear_error(path: Path, rel: str | None = None, timeout: float = 60):
    """map_text one file: either N-Quads that parse, or a clear error; never an exception, never over time."""
    start = time.monotonic()
    out = map_text((str(path), rel or path.name, DEFAULT_BASE, timeout))
    elapsed = time.monotonic() - start
    assert elapsed < timeout + 5, f"{path.name}: map_text took {elapsed:.1f} s with a {timeout:g} s limit"
    if out.error is not None:
        assert not out.nquads
        assert_clear_error(out.error, path)
    else:
        assert out.nquads
        quads = list(parse(out.nquads.encode("utf-8"), format=RdfFormat.N_QUADS))
        assert quads
    return out


def write(folder: Path, name: str, data: bytes | str) -> Path:
    p = folder / name
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        p.write_text(data, encoding="utf-8")
    else:
        p.write_bytes(data)
    return p


def file_names_in(path: Path) -> set[str]:
    fmt = {".nq": RdfFormat.N_QUADS, ".nt": RdfFormat.N_TRIPLES}.get(path.suffix, RdfFormat.TURTLE)
    return {q.object.value for q in parse(path=str(path), format=fmt) if q.predicate == FILE_NAME}


# --------------------------------------------------------------------------- map_text / extract_file directly


@HYPO
@given(data=st.binary(min_size=0, max_size=4096))
def test_random_bytes(tmp_path_factory, data: bytes) -> None:
    folder = tmp_path_factory.mktemp("rnd")
    for name in ("random.txt", "random.html", "random.docx", "random.pdf"):
        graph_or_clear_error(write(folder, name, data), timeout=20)


@HYPO
@given(cut=st.integers(min_value=1, max_value=len(GOOD_BYTES) - 1))
def test_truncated_utf8(tmp_path_factory, cut: int) -> None:
    data = GOOD_BYTES[:cut]
    graph_or_clear_error(write(tmp_path_factory.mktemp("cut"), "cut.txt", data), timeout=20)


def test_truncated_mid_character(tmp_path: Path) -> None:
    """A valid Vietnamese text cut inside its last (multi-byte) character."""
    i = GOOD_BYTES.index("Thành".encode()) + len(b"Th") + 1  # inside the 2-byte "à"
    data = GOOD_BYTES[:i]
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    graph_or_clear_error(write(tmp_path, "cut.txt", data))


def test_nfd_gives_the_same_documents_as_nfc(tmp_path: Path) -> None:
    nfc = write(tmp_path / "a", "plan.txt", unicodedata.normalize("NFC", GOOD))
    nfd = write(tmp_path / "b", "plan.txt", unicodedata.normalize("NFD", GOOD))
    assert nfc.read_bytes() != nfd.read_bytes()
    a = graph_or_clear_error(nfc, "plan.txt")
    b = graph_or_clear_error(nfd, "plan.txt")
    assert a.error is None and b.error is None
    assert a.docs and a.docs == b.docs
    assert a.named == b.named and a.bodies == b.bodies
    xa, xb = extract_file(nfc, "plan.txt").result, extract_file(nfd, "plan.txt").result
    assert [(t.indicator, t.value) for t in xa.targets] == [(t.indicator, t.value) for t in xb.targets]
    assert [t.label for t in xa.tasks] == [t.label for t in xb.tasks]


def test_mixed_encodings_in_one_file(tmp_path: Path) -> None:
    half = len(GOOD) // 2
    data = GOOD[:half].encode("utf-8") + GOOD[half:].encode("cp1258", errors="replace")
    graph_or_clear_error(write(tmp_path, "mixed.txt", data))


def test_gigantic_line(tmp_path: Path) -> None:
    """One 5 MB line without a newline: a graph or a clear error within the time limit."""
    sentence = ("Năm 2026, phấn đấu tốc độ tăng trưởng GRDP đạt trên 8% theo Nghị quyết số 01/NQ-CP ngày "
                "08/01/2026 của Chính phủ; ")
    line = sentence * (5_000_000 // len(sentence.encode()) + 1)
    p = write(tmp_path, "line.txt", line)
    assert p.stat().st_size >= 5_000_000 and b"\n" not in p.read_bytes()
    graph_or_clear_error(p, timeout=30)


def test_deeply_nested_html(tmp_path: Path) -> None:
    body = "".join(f"<p>{para}</p>" for para in GOOD.split("\n\n"))
    html = "<html><body>" + "<div>" * 5000 + body + "</div>" * 5000 + "</body></html>"
    graph_or_clear_error(write(tmp_path, "nested.html", html), timeout=60)


def test_deeply_nested_html_hits_the_time_limit(tmp_path: Path) -> None:
    html = "<html><body>" + "<div>" * 20000 + "<p>" + GOOD + "</p>" + "</div>" * 20000 + "</body></html>"
    out = graph_or_clear_error(write(tmp_path, "deep.html", html), timeout=2)
    assert out.seconds < 10


HTML_TABLES = (
    "<html><head><title>Kế hoạch 31/KH-UBND</title></head><body>"
    + "".join(f"<p>{para}</p>" for para in GOOD.split("\n\n"))
    + "<table></table><table><tbody></tbody></table><table><tr></tr></table>"
    + "<table><tr><th>Chỉ tiêu</th><th>Đơn vị</th><th>Kế hoạch 2026</th></tr>"
      "<tr><td>Tăng trưởng GRDP</td><td>%</td></tr>"
      "<tr><td>Thu ngân sách</td><td>tỷ đồng</td><td>7.200</td><td>thừa</td><td>thừa nữa</td></tr>"
      "<tr></tr><tr><td></td></tr><tr><td colspan='7'>Ghi chú</td></tr></table>"
    + "</body></html>"
)


def test_html_empty_and_ragged_tables(tmp_path: Path) -> None:
    out = graph_or_clear_error(write(tmp_path, "tables.html", HTML_TABLES))
    assert out.error is None, out.error
    x = extract_file(tmp_path / "tables.html", "tables.html")
    assert x.result.documents


def test_html_portal_heading_inside_a_paragraph(tmp_path: Path) -> None:
    """A portal block heading ("Tin mới nhất") followed by more text in the same element (<br> lines)."""
    html = ("<html><body><div class='content'><p>" + GOOD.replace("\n", "<br>")
            + "<br>Tin mới nhất<br>Hội nghị xúc tiến đầu tư năm 2026<br>Khởi công 3 dự án</p></div></body></html>")
    out = graph_or_clear_error(write(tmp_path, "portal.html", html))
    assert out.error is None, out.error


def test_docx_with_an_empty_table(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    for para in GOOD.split("\n\n"):
        d.add_paragraph(para)
    d.add_table(rows=0, cols=0)
    d.add_table(rows=2, cols=3)  # cells without text
    d.save(tmp_path / "empty-table.docx")
    out = graph_or_clear_error(tmp_path / "empty-table.docx")
    assert out.error is None, out.error


def make_scanned_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.rect(72, 72, 300, 500, fill=1)
    c.showPage()
    c.save()
    return path


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    out = graph_or_clear_error(make_scanned_pdf(tmp_path / "scan.pdf"))
    assert out.error is not None and "text layer" in out.error


def test_empty_file(tmp_path: Path) -> None:
    for name in ("empty.txt", "empty.html", "empty.docx", "empty.pdf"):
        out = graph_or_clear_error(write(tmp_path, name, b""))
        assert out.error is not None


def test_directory_named_like_a_text(tmp_path: Path) -> None:
    d = tmp_path / "x.txt"
    d.mkdir()
    out = graph_or_clear_error(d)
    assert out.error is not None


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    p = write(tmp_path, "secret.txt", GOOD)
    p.chmod(0)
    try:
        out = graph_or_clear_error(p)
        assert out.error is not None
    finally:
        p.chmod(0o644)


@pytest.mark.parametrize("name", ["Kế hoạch số 31 KH-UBND tỉnh Yên Bái.txt", "  Quyết định  đầu tư .txt",
                                  "Thông báo [kết luận] (bản 2).txt"])
def test_file_named_with_spaces_and_vietnamese(tmp_path: Path, name: str) -> None:
    p = write(tmp_path, name, GOOD)
    out = graph_or_clear_error(p)
    assert out.error is None, out.error
    names = {q.object.value for q in parse(out.nquads.encode(), format=RdfFormat.N_QUADS) if q.predicate == FILE_NAME}
    assert names == {name}


def test_fifo_does_not_hang_map_text(tmp_path: Path) -> None:
    """A named pipe with no writer, given a .txt name: the per-file time limit must cut it."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    code = ("import sys; from kg.stream import map_text; from kg.rdf.iris import DEFAULT_BASE; "
            "out = map_text((sys.argv[1], 'pipe.txt', DEFAULT_BASE, 2.0)); print(out.error)")
    proc = subprocess.Popen([sys.executable, "-c", code, str(fifo)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=8)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        proc.communicate()
        pytest.fail(f"map_text({fifo}) with a 2 s time limit hung (still blocked after 8 s)")
    no_traceback(out, err)
    assert_clear_error(out.strip(), fifo)


# --------------------------------------------------------------------------- kg build end to end


def hostile_folder(root: Path) -> tuple[Path, list[str], list[str]]:
    """A folder of good files and hostile ones; returns it, the good file names and the bad paths (relative)."""
    folder = root / "corpus"
    good = {"good-1.txt": planning_text(11), "sub/good-2.txt": planning_text(12),
            "Kế hoạch số 13 tỉnh Yên Bái.txt": planning_text(13), "tables.html": HTML_TABLES}
    for rel, text in good.items():
        write(folder, rel, text)
    import docx

    d = docx.Document()
    for para in planning_text(14).split("\n\n"):
        d.add_paragraph(para)
    d.add_table(rows=0, cols=0)
    d.save(folder / "empty-table.docx")
    good["empty-table.docx"] = ""
    bad = {"random.txt": os.urandom(3000), "empty.txt": b"", "random.pdf": os.urandom(2000),
           "random.docx": b"PK\x03\x04" + os.urandom(500)}
    for rel, data in bad.items():
        write(folder, rel, data)
    make_scanned_pdf(folder / "scan.pdf")
    write(folder, "nfd.txt", unicodedata.normalize("NFD", planning_text(15)))
    good["nfd.txt"] = ""
    # symlink loops: a folder linking to its parent, two links pointing at each other
    (folder / "loop").mkdir()
    os.symlink("..", folder / "loop" / "up")
    os.symlink("b.txt", folder / "loop" / "a.txt")
    os.symlink("a.txt", folder / "loop" / "b.txt")
    (folder / "dir.txt").mkdir()  # a directory named like a text
    return folder, sorted(Path(r).name for r in good), [*bad, "scan.pdf", "loop/a.txt", "loop/b.txt"]


def test_build_hostile_folder(tmp_path: Path) -> None:
    folder, good, bad = hostile_folder(tmp_path)
    res, _elapsed = run_kg("build", folder, "-o", "out.ttl", "--timeout", "10", "--no-shacl", cwd=tmp_path,
                          timeout=120)
    no_traceback(res.stdout, res.stderr)
    assert res.returncode == 0, res.stderr
    assert file_names_in(tmp_path / "out.ttl") == set(good)
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    for rel in bad:
        named = [ln for ln in lines if f"{folder / rel}:" in ln]
        assert len(named) == 1, f"no single clear error line for {rel}:\n{res.stderr}"
        assert "extraction failed (" not in named[0], named[0]
    # --strict: the same graph, but a non-zero exit
    res2, _ = run_kg("build", folder, "-o", "strict.ttl", "--strict", "--no-shacl", "-q", cwd=tmp_path)
    no_traceback(res2.stdout, res2.stderr)
    assert res2.returncode == 1
    assert file_names_in(tmp_path / "strict.ttl") == set(good)


def test_build_error_line_names_a_file_with_brackets(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    write(folder, "good.txt", GOOD)
    name = "Thông báo [red] số 5 [bold].txt"
    write(folder, name, b"")
    res, _ = run_kg("build", folder, "-o", "out.ttl", "--no-shacl", cwd=tmp_path)
    no_traceback(res.stdout, res.stderr)
    assert res.returncode == 0
    assert f"{folder / name}: empty file" in res.stderr, res.stderr


def test_build_fifo_in_folder_does_not_hang(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    write(folder, "good.txt", GOOD)
    os.mkfifo(folder / "pipe.txt")
    res, _elapsed = run_kg("build", folder, "-o", "out.ttl", "--timeout", "2", "--no-shacl", cwd=tmp_path, timeout=12)
    no_traceback(res.stdout, res.stderr)
    assert res.returncode == 0
    assert file_names_in(tmp_path / "out.ttl") == {"good.txt"}
    assert f"{folder / 'pipe.txt'}:" in res.stderr


def test_build_pathological_html_read_within_limits(tmp_path: Path) -> None:
    """HTML nested 20 000 deep used to cost the whole time limit; the pre-scan reads it as plain text."""
    folder = tmp_path / "corpus"
    write(folder, "good.txt", GOOD)
    write(folder, "deep.html", "<html><body>" + "<div>" * 20000 + "<p>" + GOOD + "</p>" + "</div>" * 20000
          + "</body></html>")
    res, elapsed = run_kg("build", folder, "-o", "out.ttl", "--timeout", "20", "-j", "1", "--no-shacl",
                          cwd=tmp_path, timeout=60)
    no_traceback(res.stdout, res.stderr)
    assert res.returncode == 0, res.stderr
    assert elapsed < 30, f"build took {elapsed:.1f} s"
    assert file_names_in(tmp_path / "out.ttl") == {"good.txt", "deep.html"}
    assert f"warning {folder / 'deep.html'}: HTML too costly to parse" in res.stderr


def test_build_50mb_file(tmp_path: Path) -> None:
    """A 50 MB text next to a good one: built within the time limit, or one clear error; the build goes on."""
    folder = tmp_path / "corpus"
    write(folder, "good.txt", GOOD)
    chunk = "".join(planning_text(n) + "\n" for n in range(40)).encode("utf-8")
    with (folder / "big.txt").open("wb") as f:
        for _ in range(50_000_000 // len(chunk) + 1):
            f.write(chunk)
    assert (folder / "big.txt").stat().st_size >= 50_000_000
    res, _elapsed = run_kg("build", folder, "-o", "out.ttl", "--timeout", "20", "--no-shacl", cwd=tmp_path,
                          timeout=120)
    no_traceback(res.stdout, res.stderr)
    assert res.returncode == 0, res.stderr
    names = file_names_in(tmp_path / "out.ttl")
    assert "good.txt" in names
    if "big.txt" not in names:
        line = next((ln for ln in res.stderr.splitlines() if f"{folder / 'big.txt'}:" in ln), None)
        assert line is not None, res.stderr
        assert "extraction failed (" not in line, f"unclear error for a 50 MB text: {line[:400]}"


def test_build_gigantic_line(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    write(folder, "good.txt", GOOD)
    sentence = "Tỷ lệ che phủ rừng đạt 63% theo Kế hoạch số 31/KH-UBND ngày 20/01/2026 của UBND tỉnh Yên Bái; "
    write(folder, "line.txt", sentence * (5_000_000 // len(sentence.encode()) + 1))
    res, _ = run_kg("build", folder, "-o", "out.nq", "--timeout", "20", "--no-shacl", cwd=tmp_path, timeout=90)
    no_traceback(res.stdout, res.stderr)
    assert res.returncode == 0, res.stderr
    names = file_names_in(tmp_path / "out.nq")
    assert "good.txt" in names
    if "line.txt" not in names:
        line = next(ln for ln in res.stderr.splitlines() if f"{folder / 'line.txt'}:" in ln)
        assert "extraction failed (" not in line, f"unclear error for a 5 MB line: {line[:400]}"


# --------------------------------------------------------------------------- interrupted builds


def big_folder(root: Path, n: int) -> Path:
    folder = root / "corpus"
    for i in range(n):
        write(folder, f"ke-hoach-{i:04d}.txt", planning_text(100 + i))
    return folder


def wait_for_work_dir(parent: Path, proc: subprocess.Popen, limit: float = 30) -> bool:
    end = time.monotonic() + limit
    while time.monotonic() < end and proc.poll() is None:
        if any(parent.glob(".vnkg-build-*")):
            return True
        time.sleep(0.05)
    return False


def start_build(cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([*KG, "build", "corpus", "-o", "out.ttl", "--store", "st", "--no-shacl", "-q"],
                            cwd=cwd, env=clean_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def triples(path: Path) -> set:
    return {(q.subject, q.predicate, q.object) for q in parse(path=str(path), format=RdfFormat.TURTLE)}


def stray_files(cwd: Path) -> list[str]:
    return sorted(p.name for p in cwd.iterdir() if p.name not in {"corpus", "st", ".st.vnkg", "out.ttl", ".vnkg"})


def store_graph_sizes(st_dir: Path) -> tuple[int, dict[str, int]]:
    gs = GraphStore.open(st_dir)
    sizes = {g: sum(1 for _ in gs.raw.quads_for_pattern(None, None, None, NamedNode(g))) for g in gs.graphs()}
    return len(gs), sizes


def test_interrupted_build_keeps_previous_output_and_store(tmp_path: Path) -> None:
    n_prev, n_all = 20, 700
    # the reference: one uninterrupted build of the whole corpus
    ref = tmp_path / "ref"
    big_folder(ref, n_all)
    res, _ = run_kg("build", "corpus", "-o", "out.ttl", "--store", "st", "--no-shacl", "-q", cwd=ref, timeout=180)
    assert res.returncode == 0, res.stderr
    ref_triples = triples(ref / "out.ttl")
    ref_len, _ = store_graph_sizes(ref / "st")

    # the previous build: the first texts only
    work = tmp_path / "work"
    big_folder(work, n_prev)
    res, _ = run_kg("build", "corpus", "-o", "out.ttl", "--store", "st", "--no-shacl", "-q", cwd=work)
    assert res.returncode == 0, res.stderr
    prev_bytes = (work / "out.ttl").read_bytes()
    _prev_len, prev_sizes = store_graph_sizes(work / "st")
    prev_state = json.loads((work / "st" / "vnkg-state.json").read_text(encoding="utf-8"))
    big_folder(work, n_all)  # the corpus grows: the next build has work to do

    def check_intact(what: str) -> None:
        assert (work / "out.ttl").read_bytes() == prev_bytes, f"{what}: previous out.ttl changed"
        n, sizes = store_graph_sizes(work / "st")  # opens
        for g, k in prev_sizes.items():
            assert sizes.get(g) == k, f"{what}: graph {g} of the previous build changed ({sizes.get(g)} != {k})"
        state = json.loads((work / "st" / "vnkg-state.json").read_text(encoding="utf-8"))
        assert state == prev_state or n == ref_len, f"{what}: store state and content disagree"

    # Ctrl-C (SIGINT to the whole process group, as a terminal does) once extraction is under way
    proc = start_build(work)
    started = wait_for_work_dir(work, proc)
    time.sleep(0.3)
    interrupted = proc.poll() is None
    if interrupted:
        os.killpg(proc.pid, signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        proc.communicate()
        pytest.fail("kg build did not stop within 30 s of Ctrl-C")
    assert started and interrupted, "the build finished before it could be interrupted: make the corpus bigger"
    assert proc.returncode != 0
    check_intact("after Ctrl-C")
    assert stray_files(work) == [], f"after Ctrl-C: stray files next to out.ttl: {stray_files(work)}"
    no_traceback(out, err)

    # kill -9 of the whole group
    proc = start_build(work)
    started = wait_for_work_dir(work, proc)
    time.sleep(0.3)
    assert started and proc.poll() is None, "the build finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    check_intact("after kill -9")

    # rerunning completes it, with the same result as the uninterrupted build
    res, _ = run_kg("build", "corpus", "-o", "out.ttl", "--store", "st", "--no-shacl", "-q", cwd=work, timeout=180)
    assert res.returncode == 0, res.stderr
    assert triples(work / "out.ttl") == ref_triples
    assert store_graph_sizes(work / "st")[0] == ref_len
    assert stray_files(work) == [], f"stray files left next to out.ttl after the rerun: {stray_files(work)}"


# --------------------------------------------------------------------------- injection

EVIL = '"> ; DROP <script>alert(1)</script> a\\b \\" {x} } {'
EVIL_TITLE = f'Kế hoạch {EVIL}\nSELECT * WHERE {{ ?s ?p ?o }} #'
EVIL_URL = 'https://example.org/a"> ; DROP <script>alert(1)</script>{}\\'


def evil_text() -> str:
    return (
        "ỦY BAN NHÂN DÂN\nTỈNH YÊN BÁI\nSố: 31/KH-UBND\nYên Bái, ngày 20 tháng 01 năm 2026\n\n"
        f"KẾ HOẠCH\nTriển khai {EVIL} thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2026 của Chính phủ\n\n"
        "I. MỤC TIÊU\n"
        f"Năm 2026, phấn đấu tỷ lệ {EVIL} đạt trên 8%; thu ngân sách nhà nước trên địa bàn đạt 7.200 tỷ đồng.\n\n"
        "II. NHIỆM VỤ\n"
        f"1. Sở Kế hoạch và Đầu tư chủ trì xây dựng {EVIL} kế hoạch, hoàn thành trước ngày 31/03/2026.\n"
        "2. Sở Tài chính phối hợp thực hiện.\n"
    )


@pytest.fixture(scope="module")
def evil_build(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("evil")
    folder = root / "corpus"
    write(folder, "evil.txt", evil_text())
    write(folder, "evil.txt.meta.json", json.dumps({"title": EVIL_TITLE, "source_url": EVIL_URL,
                                                     "province": "Yên Bái"}, ensure_ascii=False))
    write(folder, "good.txt", GOOD)
    for out in ("out.ttl", "out.nq"):
        res, _ = run_kg("build", folder, "-o", out, "--no-shacl", "-q", cwd=root)
        no_traceback(res.stdout, res.stderr)
        assert res.returncode == 0, res.stderr
    return root


def test_injection_turtle_and_nquads_parse_with_literals_intact(evil_build: Path) -> None:
    g = Graph().parse(evil_build / "out.ttl", format="turtle")
    ds = Dataset()
    ds.parse(evil_build / "out.nq", format="nquads")
    ox_ttl = list(parse(path=str(evil_build / "out.ttl"), format=RdfFormat.TURTLE))
    ox_nq = list(parse(path=str(evil_build / "out.nq"), format=RdfFormat.N_QUADS))
    rdflib_ttl = {str(o) for o in g.objects()}
    rdflib_nq = {str(q[2]) for q in ds.quads((None, None, None, None))}
    ox_ttl_lits = {q.object.value for q in ox_ttl if isinstance(q.object, OxLiteral)}
    ox_nq_lits = {q.object.value for q in ox_nq if isinstance(q.object, OxLiteral)}
    title = f"Triển khai {EVIL} thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2026 của Chính phủ"
    for lits, where in ((rdflib_ttl, "rdflib turtle"), (rdflib_nq, "rdflib n-quads"), (ox_ttl_lits, "oxigraph turtle"),
                        (ox_nq_lits, "oxigraph n-quads")):
        assert title in lits, f"{where}: document title not intact"
        assert EVIL_TITLE in lits, f"{where}: sidecar title (with a newline) not intact"
        assert EVIL_URL in lits, f"{where}: source URL not intact"
        assert any(EVIL in v and "kế hoạch, hoàn thành" in v for v in lits), f"{where}: task text not intact"
    # the indicator of the target carries the raw text
    indicators = {q.object.value for q in ox_nq if q.predicate == NamedNode(V + "indicator")}
    assert any("<script>alert(1)</script>" in v and "{x} } {" in v for v in indicators), indicators
    # all IRIs are valid IRIs (no raw quote, angle bracket, space or brace)
    for q in ox_nq:
        for term in (q.subject, q.predicate, q.object, q.graph_name):
            if isinstance(term, NamedNode):
                assert not set(term.value) & set('<>"{}| \\^`\n'), term.value
    # same triples through both parsers and both formats
    assert {(str(s), str(p), str(o)) for s, p, o in g} == {
        (str(s), str(p), str(o)) for s, p, o, _ in ds.quads((None, None, None, None))}
    assert len({(q.subject, q.predicate, q.object) for q in ox_ttl}) == len(g)


def test_injection_sparql_returns_literal_intact(evil_build: Path) -> None:
    query = f"SELECT ?t WHERE {{ ?d <{V}title> ?t }}"
    res, _ = run_kg("query", "--graph", evil_build / "out.nq", "-e", query, "-f", "json", cwd=evil_build)
    no_traceback(res.stdout, res.stderr)
    assert res.returncode == 0, res.stderr
    values = {b["t"]["value"] for b in json.loads(res.stdout)["results"]["bindings"]}
    assert f"Triển khai {EVIL} thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2026 của Chính phủ" in values
    q2 = "SELECT ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(CONTAINS(?l, \"SELECT\")) }"
    res, _ = run_kg("query", "--graph", evil_build / "out.ttl", "-e", q2, "-f", "json", cwd=evil_build)
    assert res.returncode == 0, res.stderr
    values = {b["l"]["value"] for b in json.loads(res.stdout)["results"]["bindings"]}
    assert EVIL_TITLE in values
    # the same through the library
    gs = GraphStore.open(evil_build / "out.nq")
    rows = [str(r["t"].value) for r in gs.query(query)]
    assert any(EVIL in r for r in rows)


def test_injection_viz_html_is_escaped(evil_build: Path) -> None:
    res, _ = run_kg("viz", evil_build / "out.ttl", "-o", "view.html", cwd=evil_build)
    no_traceback(res.stdout, res.stderr)
    assert res.returncode == 0, res.stderr
    html = (evil_build / "view.html").read_text(encoding="utf-8")
    assert "alert(1)" in html, "the label is not in the page at all"
    assert "<script>alert(1)</script>" not in html
    assert "DROP <script>" not in html


# --------------------------------------------------------------------------- property: spans


WORDS = ["Ủy", "ban", "nhân", "dân", "tỉnh", "Yên", "Bái", "phấn", "đấu", "đạt", "trên", "tăng", "trưởng", "GRDP",
         "thu", "ngân", "sách", "kế", "hoạch", "Nghị", "quyết", "Quyết", "định", "Kế", "hoạch", "số", "của",
         "Chính", "phủ", "UBND", "HĐND", "Sở", "Tài", "chính", "chủ", "trì", "phối", "hợp", "hoàn", "thành",
         "trước", "ngày", "tháng", "năm", "tỷ", "lệ", "hộ", "nghèo", "giảm", "che", "phủ", "rừng", "và", "các",
         "thực", "hiện", "nhiệm", "vụ", "giải", "pháp", "I.", "II.", "1.", "2.", "a)", "-", ";", ",", ".", ":",
         "Thông", "báo", "Chương", "trình", "Tỉnh", "ủy", "hòa", "thủy", "khỏe", "Quý", "II"]
DOC_TYPES = ["QĐ-UBND", "NQ-CP", "KH-UBND", "NQ-HĐND", "CT-TTg", "TB-UBND", "QĐ-TTg", "NQ/TU"]


@st.composite
def vn_text(draw) -> str:
    token = st.one_of(
        st.sampled_from(WORDS),
        st.builds(lambda n, t: f"{n}/{t}", st.integers(1, 9999), st.sampled_from(DOC_TYPES)),
        st.builds(lambda n, y, t: f"{n}/{y}/{t}", st.integers(1, 999), st.integers(1990, 2035),
                  st.sampled_from(DOC_TYPES)),
        st.builds(lambda d, m, y: f"{d:02d}/{m:02d}/{y}", st.integers(1, 31), st.integers(1, 12),
                  st.integers(1990, 2035)),
        st.builds(lambda d, m, y: f"ngày {d} tháng {m} năm {y}", st.integers(0, 40), st.integers(0, 13),
                  st.integers(1990, 2035)),
        st.builds(lambda a, b: f"{a},{b}%", st.integers(0, 200), st.integers(0, 99)),
        st.builds(lambda a: f"{a:,}".replace(",", ".") + " tỷ đồng", st.integers(0, 10**7)),
        st.sampled_from(["\n", "\n\n", "số", "Số:", "Nghị quyết số", "Quyết định số", "Kế hoạch số"]),
    )
    tokens = draw(st.lists(token, min_size=1, max_size=150))
    seps = draw(st.lists(st.sampled_from([" ", " ", " ", "  ", "\n", ", "]), min_size=len(tokens),
                         max_size=len(tokens)))
    text = "".join(t + s for t, s in zip(tokens, seps, strict=True))
    form = draw(st.sampled_from(["NFC", "NFC", "NFD"]))
    return unicodedata.normalize(form, text)


SPAN_PREDS = {NamedNode(V + "startOffset"): "s", NamedNode(V + "endOffset"): "e", NamedNode(V + "anchorText"): "a"}


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(text=vn_text())
def test_spans_slice_the_original_text(tmp_path_factory, text: str) -> None:
    p = write(tmp_path_factory.mktemp("prop"), "t.txt", text)
    start = time.monotonic()
    out = map_text((str(p), "t.txt", DEFAULT_BASE, 10.0))
    assert time.monotonic() - start < 15
    if out.error is not None:
        assert_clear_error(out.error, p)
        assert "took longer" not in out.error
        return
    spans: dict[str, dict[str, object]] = {}
    for q in parse(out.nquads.encode("utf-8"), format=RdfFormat.N_QUADS):
        key = SPAN_PREDS.get(q.predicate)
        if key:
            spans.setdefault(str(q.subject), {})[key] = q.object.value
    for node, sp in spans.items():
        assert set(sp) == {"s", "e", "a"}, (node, sp)
        s, e, anchor = int(sp["s"]), int(sp["e"]), sp["a"]
        assert 0 <= s <= e <= len(text), (node, s, e, len(text))
        piece = text[s:e]
        assert piece == anchor or normalize(piece).text == anchor, (
            f"{node}: original[{s}:{e}] = {piece!r} but anchorText = {anchor!r}")

