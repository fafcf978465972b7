"""`kg build` end to end: default sample, bad inputs, exit codes, atomic output, formats, store, IRIs.

`kg` runs as a subprocess (fresh cwd, real stdout/stderr, exit status) where the process matters, and
in-process through typer's CliRunner where only the output files matter.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.build import sample_corpus
from kg.rdf.iris import DEFAULT_BASE

VNKG = Namespace("https://w3id.org/vnkg/ontology#")
SUMMARY = re.compile(r"(\d+) texts extracted.*?(\d+) documents, (\d+) bodies, (\d+) references(?:, (\d+) triples)?",
                     re.S)
KG = [shutil.which("kg") or sys.executable] + ([] if shutil.which("kg") else ["-m", "kg"])

GOOD = {
    "yen-bai-ke-hoach.txt": (
        "ỦY BAN NHÂN DÂN\nTỈNH YÊN BÁI\nSố: 31/KH-UBND\nYên Bái, ngày 20 tháng 01 năm 2026\n"
        "KẾ HOẠCH\nTriển khai thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2026 của Chính phủ\n"
        "Năm 2026, phấn đấu tốc độ tăng trưởng GRDP đạt trên 8%; thu ngân sách nhà nước trên địa bàn "
        "đạt 7.200 tỷ đồng.\n"),
    "sub/cao-bang-quyet-dinh.txt": (
        "Ngày 15/01/2026, UBND tỉnh Cao Bằng ban hành Quyết định số 77/QĐ-UBND về Chương trình hành "
        "động thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2026 của Chính phủ. Chương trình đề ra mục "
        "tiêu tỷ lệ che phủ rừng đạt 56%.\n"),
}


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "VNKG_DEBUG")}
    env["NO_COLOR"] = "1"
    return env


def kg(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*KG, *map(str, args)], cwd=cwd, env=clean_env(), capture_output=True, text=True,
                          timeout=120)


def write_corpus(folder: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        p = folder / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return folder


def no_traceback(*streams: str) -> None:
    for s in streams:
        assert "Traceback" not in s and 'File "' not in s, s


def load(path: Path) -> Graph:
    g = Graph()
    g.parse(path, format={".nt": "nt", ".jsonld": "json-ld"}.get(path.suffix, "turtle"))
    return g


def file_names(g: Graph) -> set[str]:
    return {str(o) for o in g.objects(None, VNKG.fileName)}


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def app():
    from kg.cli import app  # the Typer app with its commands registered (kg.cli imports them on demand)

    return app


# ----------------------------------------------------------------------------- default: the sample
def test_no_input_builds_the_bundled_sample(tmp_path: Path):
    r = kg("build", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    no_traceback(r.stdout, r.stderr)
    out = tmp_path / "exports" / "sample.ttl"
    assert out.is_file()
    summary = " ".join(r.stdout.split())
    m = SUMMARY.search(summary)
    assert m, r.stdout
    texts, docs, bodies, refs, triples = (int(x) for x in m.groups())
    assert texts == len([p for p in sample_corpus().iterdir() if p.suffix in (".txt", ".html")])
    assert docs > 0 and bodies > 0 and refs >= docs
    g = load(out)
    assert triples == len(g)
    assert len(set(g.subjects(RDF.type, VNKG.SourceText))) == texts


def test_summary_is_one_line(tmp_path: Path):
    """The summary ("texts, documents, bodies, references, triples") is one line even in a pipe; the SHACL
    report follows on its own line."""
    r = kg("build", cwd=tmp_path)
    lines = [line for line in r.stdout.splitlines() if line.strip()]
    assert len(lines) == 2, r.stdout
    assert re.search(r"\d+ texts extracted, .*\d+ triples", lines[0]), lines[0]
    assert re.fullmatch(r"SHACL: conforms \(\d+ triples checked\)", lines[1]), lines[1]


# ----------------------------------------------------------------------------- bad inputs
@pytest.fixture(scope="module")
def bad_build(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("bad-inputs-with-a-rather-long-folder-name")
    corpus = write_corpus(root / "corpus-folder-of-mixed-quality", GOOD)
    bad = {
        "empty.txt": (b"", "empty"),
        "whitespace-only.txt": (b"  \n\t\r\n   \n", "whitespace"),
        "binary-noise.txt": (bytes(range(256)) * 8 + b"\x00\x00abc\x00", "binary"),
        "undecodable.txt": (b"K\xe1\xba\xbf ho\xff\xfe\x81\x8d\x90 v\x9d\x9d\xc3\x28 x", "decode"),
        "corrupt.docx": (b"PK\x03\x04 this is not really a zip archive", "docx"),
    }
    for name, (data, _) in bad.items():
        (corpus / name).write_bytes(data)
    (corpus / "notjson.txt").write_text(next(iter(GOOD.values())), encoding="utf-8")  # a good text, a bad sidecar
    (corpus / "notjson.txt.meta.json").write_text('{"province": "Yên Bái",', encoding="utf-8")
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(corpus / "scanned-no-text.pdf"))
    pdf.rect(72, 72, 300, 400, fill=1)
    pdf.showPage()
    pdf.save()
    causes = {name: (corpus / name, cause) for name, (_, cause) in bad.items()}
    causes["scanned-no-text.pdf"] = (corpus / "scanned-no-text.pdf", "text layer")
    causes["notjson.txt"] = (corpus / "notjson.txt.meta.json", "invalid json")
    odd = root / "notes.xyz"
    odd.write_text("Kế hoạch số 1/KH-UBND", encoding="utf-8")
    causes["notes.xyz"] = (odd, "unsupported")
    causes["does-not-exist.txt"] = (root / "does-not-exist.txt", "no such file")
    out = root / "out.ttl"
    r = kg("build", corpus, odd, root / "does-not-exist.txt", "-o", out, cwd=root)
    return r, causes, out


def test_bad_inputs_exit_zero_and_good_texts_built(bad_build):
    r, _, out = bad_build
    assert r.returncode == 0, r.stderr
    assert file_names(load(out)) == {Path(n).name for n in GOOD}


def test_bad_inputs_never_print_a_traceback(bad_build):
    r, _, _ = bad_build
    no_traceback(r.stdout, r.stderr)


@pytest.mark.parametrize("name", ["empty.txt", "whitespace-only.txt", "binary-noise.txt", "undecodable.txt",
                                  "corrupt.docx", "scanned-no-text.pdf", "notes.xyz", "does-not-exist.txt",
                                  "notjson.txt"])
def test_each_bad_input_gets_one_line_naming_file_and_cause(bad_build, name: str):
    r, causes, _ = bad_build
    path, cause = causes[name]
    lines = [line for line in r.stderr.splitlines() if name in line]
    assert len(lines) == 1, f"{name}: {len(lines)} lines naming it in stderr:\n{r.stderr}"
    assert str(path) in lines[0] and cause in lines[0].lower(), f"path and cause not on one line:\n{r.stderr}"
    assert name not in r.stdout


def test_nothing_readable_exits_non_zero(tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    r = kg("build", tmp_path / "in", "-o", tmp_path / "out.ttl", cwd=tmp_path)
    assert r.returncode != 0
    no_traceback(r.stdout, r.stderr)
    assert not (tmp_path / "out.ttl").exists()
    r = kg("build", tmp_path / "missing-folder", "-o", tmp_path / "out.ttl", cwd=tmp_path)
    assert r.returncode != 0
    assert "missing-folder" in r.stderr
    no_traceback(r.stdout, r.stderr)


def test_strict_fails_when_any_file_failed(tmp_path: Path):
    corpus = write_corpus(tmp_path / "in", GOOD)
    (corpus / "empty.txt").write_bytes(b"")
    r = kg("build", corpus, "-o", tmp_path / "out.ttl", "--strict", "-q", cwd=tmp_path)
    assert r.returncode != 0
    assert "empty.txt" in r.stderr
    no_traceback(r.stdout, r.stderr)
    assert r.stdout.strip() == ""  # -q: only errors


def test_failed_build_leaves_previous_output_and_no_temp_files(tmp_path: Path):
    corpus = write_corpus(tmp_path / "in", GOOD)
    outdir = tmp_path / "outdir"
    out = outdir / "out.ttl"
    r = kg("build", corpus, "-o", out, "-q", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    before = out.read_bytes()
    shutil.rmtree(corpus)
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    r = kg("build", corpus, "-o", out, cwd=tmp_path)
    assert r.returncode != 0
    assert out.read_bytes() == before
    assert sorted(p.name for p in outdir.iterdir()) == ["out.ttl"]


# ----------------------------------------------------------------------------- formats
@pytest.fixture(scope="module")
def good_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("good") / "corpus", GOOD)


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld"])
def test_triple_formats_parse_back(runner, app, good_corpus: Path, tmp_path: Path, suffix: str):
    out = tmp_path / f"graph{suffix}"
    res = runner.invoke(app, ["build", str(good_corpus), "-o", str(out), "-q"])
    assert res.exit_code == 0, res.output
    g = load(out)
    assert file_names(g) == {Path(n).name for n in GOOD}
    assert len(g) > 50
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


@pytest.mark.parametrize(("suffix", "fmt"), [(".nq", "nquads"), (".trig", "trig")])
def test_quad_formats_keep_one_graph_per_text(runner, app, good_corpus: Path, tmp_path: Path, suffix, fmt):
    out = tmp_path / f"graph{suffix}"
    res = runner.invoke(app, ["build", str(good_corpus), "-o", str(out), "-q"])
    assert res.exit_code == 0, res.output
    ds = Dataset()
    ds.parse(out, format=fmt)
    named = [g for g in ds.graphs() if isinstance(g.identifier, URIRef) and len(g)
             and g.identifier != ds.default_graph.identifier]
    assert len(named) == len(GOOD)
    for g in named:
        assert len(set(g.subjects(RDF.type, VNKG.SourceText))) == 1, g.identifier
    assert len(ds.default_graph) == 0


# ----------------------------------------------------------------------------- store
def store_graphs(store: Path) -> dict[str, set]:
    """Named graph -> its triples, read from the store; also checks that the default graph is their merge."""
    from pyoxigraph import DefaultGraph

    from kg.store import GraphStore, named_quads

    gs = GraphStore(store, read_only=True)
    out: dict[str, set] = {}
    for q in named_quads(gs.raw):
        out.setdefault(q.graph_name.value, set()).add((q.subject.value, q.predicate.value, q.object.value))
    merged = {(q.subject.value, q.predicate.value, q.object.value)
              for q in gs.raw.quads_for_pattern(None, None, None, DefaultGraph())}
    assert merged == set().union(*out.values())
    del gs
    return out


def test_store_incremental(tmp_path: Path):
    corpus = write_corpus(tmp_path / "in", GOOD)
    store = tmp_path / "store"
    r = kg("build", corpus, "--store", store, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert " ".join(r.stdout.split()).startswith(f"built store {store}") or "2 texts extracted" in r.stdout
    first = store_graphs(store)
    assert len(first) == 2

    r = kg("build", corpus, "--store", store, cwd=tmp_path)
    out = " ".join(r.stdout.split())
    assert r.returncode == 0 and "no text new or changed (2 unchanged)" in out, out
    assert store_graphs(store) == first

    plan = corpus / "yen-bai-ke-hoach.txt"
    plan.write_text(plan.read_text(encoding="utf-8").replace("7.200 tỷ đồng", "9.900 tỷ đồng"), encoding="utf-8")
    r = kg("build", corpus, "--store", store, cwd=tmp_path)
    out = " ".join(r.stdout.split())
    assert r.returncode == 0 and "1 text extracted" in out and "1 unchanged" in out, out
    second = store_graphs(store)
    assert set(second) == set(first)
    changed = [g for g in first if first[g] != second[g]]
    assert len(changed) == 1
    old_values = {o for _, p, o in first[changed[0]] if p == str(VNKG.value)}
    new_values = {o for _, p, o in second[changed[0]] if p == str(VNKG.value)}
    assert "7200" in old_values and "7200" not in new_values and "9900" in new_values

    plan.unlink()
    r = kg("build", corpus, "--store", store, "-o", tmp_path / "dump.nq", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    third = store_graphs(store)
    assert set(third) == set(first) - set(changed)
    assert file_names(load_nq(tmp_path / "dump.nq")) == {"cao-bang-quyet-dinh.txt"}


def load_nq(path: Path) -> Graph:
    ds = Dataset(default_union=True)
    ds.parse(path, format="nquads")
    return ds


def test_store_build_equals_full_build_after_a_change(tmp_path: Path):
    """Corpus-level resolution still applies in an incremental build: an undated citation re-extracted
    alone joins the dated node known from an unchanged text."""
    corpus = write_corpus(tmp_path / "in", {
        "dated.txt": "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển "
                     "khoa học, công nghệ.\n",
        "undated.txt": "Tỉnh ủy Hậu Giang quán triệt Nghị quyết số 57-NQ/TW của Bộ Chính trị.\n",
    })
    store = tmp_path / "store"
    assert kg("build", corpus, "--store", store, "-q", cwd=tmp_path).returncode == 0
    undated = corpus / "undated.txt"
    undated.write_text(undated.read_text(encoding="utf-8") + "Hội nghị diễn ra sáng nay.\n", encoding="utf-8")
    assert kg("build", corpus, "--store", store, "-q", cwd=tmp_path).returncode == 0
    incremental = store_graphs(store)
    docs = {s for triples in incremental.values() for s, p, o in triples
            if p == str(VNKG.documentNumber) and o == "57-NQ/TW"}
    assert len(docs) == 1, f"57-NQ/TW split into {sorted(docs)} by the incremental build"


# ----------------------------------------------------------------------------- IRIs
def test_base_changes_every_minted_iri_and_builds_are_deterministic(runner, app, good_corpus, tmp_path: Path):
    base = "https://example.org/x/"
    outs = {}
    for name, extra in (("a", []), ("b", []), ("c", ["--base", base])):
        out = tmp_path / f"{name}.nt"
        res = runner.invoke(app, ["build", str(good_corpus), "-o", str(out), "-q", *extra])
        assert res.exit_code == 0, res.output
        outs[name] = load(out)
    a, b, c = outs["a"], outs["b"], outs["c"]
    assert isomorphic(a, b)
    assert set(a) == set(b)  # same IRIs, not only the same shape

    def iris(g: Graph) -> set[str]:
        return {str(t) for triple in g for t in triple if isinstance(t, URIRef)}

    assert not any(i.startswith(DEFAULT_BASE) for i in iris(c))
    minted_default = {i[len(DEFAULT_BASE):] for i in iris(a) if i.startswith(DEFAULT_BASE)}
    minted_custom = {i[len(base):] for i in iris(c) if i.startswith(base)}
    assert minted_default and minted_default == minted_custom
    assert len(a) == len(c)
    # literals do not depend on the base
    assert {o for o in a.objects() if isinstance(o, Literal)} == {o for o in c.objects() if isinstance(o, Literal)}


# --------------------------------------------------------------------------- temporaries of dead runs


def test_pid_alive() -> None:
    from kg.pids import pid_alive

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()  # reaped: its PID names no process (until the kernel reuses it, far later)
    assert pid_alive(os.getpid()) and pid_alive(1)  # ours, and init (another user's when not root)
    assert not pid_alive(child.pid)
    assert not pid_alive(4_999_999)  # above Linux's largest PID


DIES_WHILE_WRITING = r"""
import os, sys
from pathlib import Path
from kg.stream import build_corpus

def die(src, dst):  # the output is written to its temporary, then the writer is killed before the rename
    os._exit(9)

os.replace = die
build_corpus([Path(sys.argv[1])], output=Path(sys.argv[2]))
"""


def test_write_atomic_temporaries_of_a_dead_run_are_removed_on_the_next_start(tmp_path: Path) -> None:
    from kg.stream import build_corpus

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plan.txt").write_text(GOOD["yen-bai-ke-hoach.txt"], encoding="utf-8")
    out = tmp_path / "out.ttl"
    child = subprocess.run([sys.executable, "-c", DIES_WHILE_WRITING, str(corpus), str(out)], capture_output=True,
                           text=True)
    assert child.returncode == 9, child.stderr
    left = sorted(p.name for p in tmp_path.iterdir() if p.name != "corpus")
    assert not out.exists() and len(left) == 2, left
    assert re.fullmatch(r"\.out\.ttl\.\d+\..*", left[0]) and left[1].startswith(".vnkg-build-"), left
    ours = tmp_path / f".out.ttl.{os.getpid()}.writing.tmp"  # a live writer's temporary is never touched
    ours.write_text("in progress")
    n = build_corpus([corpus], output=out).triples
    assert n > 0 and Graph().parse(out, format="turtle")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["corpus", "out.ttl", ours.name])


def test_readme_cites_tests_that_exist() -> None:
    """Every `test_FILE.py::test_NAME` the README names (its promises about bad input and interruption) is a
    test function of that file."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    cited = re.findall(r"`(test_\w+\.py)::(test_\w+)`", readme)
    assert len(cited) >= 20, cited
    missing = [f"{f}::{n}" for f, n in cited
               if not re.search(rf"^def {n}\(", (Path(__file__).parent / f).read_text(encoding="utf-8"), re.M)]
    assert missing == [], missing
