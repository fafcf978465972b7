"""One default-graph rule for every command, outputs that never overwrite inputs, formats checked before work,
and saved queries shipped inside the package (a non-editable install sees them)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KG = [shutil.which("kg") or sys.executable] + ([] if shutil.which("kg") else ["-m", "kg"])
TEXT = ("ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN\nSố: 14/KH-UBND\nNinh Thuận, ngày 09 tháng 02 năm 2026\nKẾ HOẠCH\n"
        "Thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2026 của Chính phủ\n"
        "Năm 2026, phấn đấu tốc độ tăng trưởng GRDP đạt trên 9%.\n")


def kg(cwd: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run([*KG, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def triples_in_stats(cwd: Path, *args: str) -> int:
    out = kg(cwd, "stats", "--json", *args)
    assert out.returncode == 0, out.stderr
    return sum(r["count"] for r in json.loads(out.stdout)["classes"])


@pytest.fixture()
def folder(tmp_path: Path, sample_ttl: Path) -> Path:
    """A working folder holding the sample graph (as a fresh clone does) and one other text."""
    (tmp_path / "exports").mkdir()
    shutil.copy(sample_ttl, tmp_path / "exports" / "sample.ttl")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "ninh-thuan.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def test_reading_commands_follow_the_last_build(folder: Path) -> None:
    before = triples_in_stats(folder)  # nothing built here yet: the sample
    built = kg(folder, "build", "texts", "-o", "out/mine.ttl", "-q")
    assert built.returncode == 0, built.stderr
    after = triples_in_stats(folder)
    assert after == triples_in_stats(folder, "out/mine.ttl")
    assert after < before  # one small text, not the six-text sample
    checked = kg(folder, "validate")  # in a pipe: tab-separated rows on stdout, the summary on stderr
    assert checked.returncode == 0 and "triples checked" in checked.stderr
    n_mine = int(checked.stderr.split("(")[1].split()[0])
    n_named = int(kg(folder, "validate", "out/mine.ttl").stderr.split("(")[1].split()[0])
    assert n_mine == n_named


def test_help_states_the_rule(folder: Path) -> None:
    for command in ("viz", "stats", "validate", "export", "reason"):
        out = kg(folder, command, "--help")
        assert "last `kg build`" in " ".join(out.stdout.split()), command


def test_export_never_overwrites_its_input(folder: Path) -> None:
    sample = folder / "exports" / "sample.ttl"
    data = sample.read_bytes()
    same = kg(folder, "export", "exports/sample.ttl", "-o", "exports/sample.ttl")
    assert same.returncode != 0 and "is the input" in same.stderr
    plain = kg(folder, "export")
    assert plain.returncode == 0, plain.stderr
    assert sample.read_bytes() == data
    assert (folder / "exports" / "vnkg.ttl").is_file()
    again = kg(folder, "export", "exports/vnkg.ttl")  # the default output is now the input
    assert again.returncode != 0 and "is the input" in again.stderr


@pytest.mark.parametrize("command", [("build", "texts"), ("export", "exports/sample.ttl")])
def test_unknown_output_suffix_is_refused_before_any_work(folder: Path, command: tuple[str, ...]) -> None:
    started = time.monotonic()
    out = kg(folder, *command, "-o", "out.xyz")
    assert out.returncode != 0
    assert "unknown output format '.xyz'" in out.stderr
    assert not (folder / "out.xyz").exists()
    assert "Traceback" not in out.stderr
    assert time.monotonic() - started < 30


@pytest.mark.slow
def test_wheel_ships_saved_queries_and_ontology(tmp_path: Path) -> None:
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = tmp_path.glob("vnkg-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    # every file of kg/: package data (kg/data, kg/sample, kg/serve/static), queries/ and ontology/ by their links
    shipped = {Path(top, name).relative_to(ROOT).as_posix()
               for top, _dirs, files in os.walk(ROOT / "kg", followlinks=True) for name in files
               if "__pycache__" not in top}
    assert shipped - names == set()
    for rq in (ROOT / "queries").glob("*.rq"):
        assert f"kg/data/queries/{rq.name}" in names
    assert {"kg/ontology/vnkg.ttl", "kg/ontology/shapes.ttl", "kg/sample/README.md",
            "kg/serve/static/index.html"} <= names
    metadata = zipfile.ZipFile(wheel).read(f"vnkg-{wheel.name.split('-')[1]}.dist-info/METADATA").decode()
    assert "License-Expression: Apache-2.0" in metadata  # an SPDX string, not the deprecated TOML table
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    probe = ("import sys; sys.path.insert(0, sys.argv[1]); from kg import queries; "
             "assert queries.__file__.startswith(sys.argv[1]), queries.__file__; "
             "print(len(queries.load_catalogue()))")
    out = subprocess.run([sys.executable, "-c", probe, str(unpacked)], capture_output=True, text=True, timeout=120,
                         cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout) == len(list((ROOT / "queries").glob("*.rq")))


def test_version_and_help_show_defaults(tmp_path: Path) -> None:
    from importlib.metadata import version

    out = kg(tmp_path, "--version")
    assert out.returncode == 0 and out.stdout.strip() == f"vnkg {version('vnkg')}"
    helptext = " ".join(kg(tmp_path, "build", "--help").stdout.split())
    assert "[default: 60.0]" in helptext  # defaults are shown, not swallowed as markup
    assert "<bool>" not in helptext
    # the default said once (was "(default: all cores)" in the text and "[default: 0]" after it)
    assert "Worker processes (0: all cores). [default: 0]" in helptext


def test_ctrl_c_says_what_was_kept(tmp_path: Path) -> None:
    import signal

    corpus = tmp_path / "texts"
    corpus.mkdir()
    from kg.build import sample_corpus

    texts = sorted(sample_corpus().glob("*.txt"))
    for i in range(600):
        shutil.copy(texts[i % len(texts)], corpus / f"t{i:03d}.txt")
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.Popen([*KG, "build", "texts", "-o", "out.ttl", "--no-shacl"], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    end = time.monotonic() + 60
    while time.monotonic() < end and proc.poll() is None and not any(tmp_path.glob(".vnkg-build-*")):
        time.sleep(0.05)
    time.sleep(0.5)  # mid-build, as a user presses Ctrl-C (the instant of forking the workers is a race of its own)
    assert proc.poll() is None, "the build ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted: previous outputs are left as they were" in err
    assert "Aborted" not in err and "Traceback" not in err
    assert not (tmp_path / "out.ttl").exists()


def test_query_reads_the_last_built_store(folder: Path) -> None:
    count = ["query", "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s a vnkg:SourceText }", "-f", "csv"]
    assert kg(folder, *count).stdout.split()[-1] == "6"  # nothing built here: the six-text sample
    built = kg(folder, "build", "texts", "--store", "st", "-q")
    assert built.returncode == 0, built.stderr
    assert kg(folder, *count).stdout.split()[-1] == "1"  # the store the last build wrote


COUNT_TARGETS = "SELECT (COUNT(*) AS ?n) WHERE { ?t a vnkg:Target }"  # the README's -e example


def test_errors_name_the_users_own_line_and_column(folder: Path) -> None:
    """Known prefixes are given to the parser, not pasted above the query: a one-line query's error is on line 1."""
    out = kg(folder, "query", "-e", "SELECT ?t WHERE { ?t a vnkg:Target ")
    assert out.returncode == 2 and "error at 1:36:" in out.stderr, out.stderr
    two_lines = kg(folder, "query", "-e", "SELECT ?t WHERE {\n  ?t a skos:Concept . ?x }")
    assert "error at 2:" in two_lines.stderr, two_lines.stderr
    unknown = kg(folder, "query", "-e", "SELECT ?t WHERE { ?t a foo:Target }")
    assert unknown.stderr.startswith("error: malformed query: error at 1:34: unknown prefix foo: (declare it with "
                                     "PREFIX foo: <…>; usable without declaring: "), unknown.stderr
    assert "['%']" not in unknown.stderr and len(unknown.stderr.splitlines()) == 1  # no grammar dump
    own = kg(folder, "query", "-e", "PREFIX vnkg: <https://example.org/other#> " + COUNT_TARGETS, "-f", "csv")
    assert own.stdout.split()[-1] == "0"  # a query's own PREFIX wins over the known one


@pytest.mark.slow
def test_endpoint_knows_the_same_prefixes_as_kg_query(folder: Path) -> None:
    import urllib.error
    import urllib.parse
    import urllib.request

    from kg.serve.launch import serve_in_background

    cli = kg(folder, "query", "-e", COUNT_TARGETS, "-f", "csv")
    assert cli.returncode == 0, cli.stderr
    with serve_in_background(folder / "exports" / "sample.ttl", log=folder / "serve.log") as url:
        def ask(query: str) -> tuple[int, str]:
            req = urllib.request.Request(url + "/sparql", data=urllib.parse.urlencode({"query": query}).encode(),
                                         headers={"Accept": "text/csv"})
            try:
                with urllib.request.urlopen(req, timeout=30) as r:
                    return r.status, r.read().decode()
            except urllib.error.HTTPError as e:
                return e.code, e.read().decode()

        status, body = ask(COUNT_TARGETS)
        assert status == 200, body
        assert body.split() == cli.stdout.split()
        status, body = ask("SELECT ?t WHERE { ?t a vnkg:Target ")
        assert status == 400 and "error at 1:36:" in body, body
        status, body = ask("SELECT ?t WHERE { ?t a foo:Target }")  # the same one line as kg query
        assert status == 400 and "error at 1:34: unknown prefix foo: (declare it with PREFIX foo:" in body, body
        assert "['%']" not in body


def _counts(summary: str) -> str:
    """The '… documents, … bodies, … references, … triples' part of a build's summary line."""
    return summary.split("built ", 1)[1].splitlines()[0].rsplit("extracted, ", 1)[-1].split("holds ")[-1]


def test_incremental_summary_says_what_the_store_holds(folder: Path) -> None:
    first = kg(folder, "build", "texts", "--store", "st", "--no-shacl")
    assert first.returncode == 0, first.stderr
    again = kg(folder, "build", "texts", "--store", "st", "--no-shacl")
    assert "no text new or changed (1 unchanged); the store holds" in again.stdout, again.stdout
    assert _counts(again.stdout) == _counts(first.stdout)  # not "0 bodies, 0 references"
    shutil.copy(ROOT / "kg" / "sample" / "kon-tum-ke-hoach-2022.txt", folder / "texts")
    grown = kg(folder, "build", "texts", "--store", "st", "--no-shacl")
    assert "1 text extracted, 1 unchanged; the store holds" in grown.stdout, grown.stdout
    clean = kg(folder, "build", "texts", "-o", "clean.ttl", "--no-shacl")
    assert "2 texts extracted" in clean.stdout
    assert _counts(grown.stdout) == _counts(clean.stdout)


def on_terminal(cwd: Path, *args: str, columns: int = 80) -> str:
    """Run kg with stdout on a pseudo-terminal `columns` wide (as a person sees it); its output, colours off."""
    import pty

    leader, follower = pty.openpty()
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": str(columns), "TERM": "xterm"}
    proc = subprocess.Popen([*KG, *args], cwd=cwd, env=env, stdout=follower, stderr=follower)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the command ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    proc.wait(timeout=120)
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", b"".join(chunks).decode().replace("\r\n", "\n"))


def column_texts(table: str, index: int) -> list[str]:
    """The body cells of one column of a boxed rich table, each cell's lines joined by spaces."""
    cells: list[list[str]] = [[]]
    for line in table.splitlines():
        if line.startswith(("├", "└")):
            cells.append([])
        elif line.startswith("│"):
            cells[-1].append(line.split("│")[index + 1].strip())
    return [" ".join(c) for c in cells if c]


def test_saved_queries_fold_at_80_columns_and_are_rows_in_a_pipe(tmp_path: Path) -> None:
    from kg import queries

    catalogue = queries.load_catalogue()
    shown = on_terminal(tmp_path, "queries")
    assert max(len(line) for line in shown.splitlines()) <= 80
    cells = column_texts(shown, 1)
    assert len(cells) == len(catalogue)
    for q, cell in zip(catalogue.values(), cells, strict=True):
        assert " ".join(q.description.split()) in cell  # words wrapped at spaces, none broken
        assert all(f"-p {p.name} ({p.kind})" in cell for p in q.params)
    lines = [line.split("│")[2].split() for line in shown.splitlines() if line.startswith("│")]
    assert sum(map(len, lines)) / len(lines) >= 4  # not one word a line
    piped = kg(tmp_path, "queries")
    rows = [line.split("\t") for line in piped.stdout.splitlines()]
    assert rows[0] == ["name", "title", "description", "params"]
    assert [r[0] for r in rows[1:]] == list(catalogue) and all(len(r) == 4 for r in rows)


def test_a_wide_answer_at_80_columns_is_one_record_a_row(tmp_path: Path, sample_ttl: Path) -> None:
    """Ten columns do not fit in 80: each row becomes a block of "name  value" lines, no name or word broken."""
    shown = on_terminal(tmp_path, "query", "targets-of-plan", "-p", "plan=35/KH-UBND", "--graph", str(sample_ttl))
    assert max(len(line) for line in shown.splitlines()) <= 80
    assert "planN" not in shown.replace("planNumber", "")  # the column name is whole
    assert sum("planNumber" in line for line in shown.splitlines()) >= 5  # one block per target of the plan
    assert any("Tốc độ tăng trưởng tổng sản phẩm" in line for line in shown.splitlines())  # words kept on a line
    wide = on_terminal(tmp_path, "query", "targets-of-plan", "-p", "plan=35/KH-UBND", "--graph", str(sample_ttl),
                       columns=400)
    assert "┃" in wide and "planNumber" in wide.splitlines()[2]  # a terminal wide enough keeps the table


BROKEN = """@prefix vnkg: <https://w3id.org/vnkg/ontology#> .
<https://w3id.org/vnkg/id/target/6a0d72329ed70607/1297-a-long-node-name-that-does-not-fit-in-a-column>
    a vnkg:Target ; vnkg:indicator "GRDP" ; vnkg:value "bảy" ; vnkg:unit "%" .
"""


def test_validate_folds_node_names_at_80_columns_and_is_rows_in_a_pipe(tmp_path: Path) -> None:
    (tmp_path / "broken.ttl").write_text(BROKEN, encoding="utf-8")
    shown = on_terminal(tmp_path, "validate", "broken.ttl")
    assert "…" not in shown and max(len(line) for line in shown.splitlines()) <= 80
    focus = "id:target/6a0d72329ed70607/1297-a-long-node-name-that-does-not-fit-in-a-column"
    examples = column_texts(shown.split("SHACL:")[0], 3)
    assert examples and all(cell.replace(" ", "").startswith(focus) for cell in examples), examples
    assert "violations" in shown.split("┘")[-1]
    piped = kg(tmp_path, "validate", "broken.ttl")
    assert piped.returncode == 1
    rows = [line.split("\t") for line in piped.stdout.splitlines()]
    assert rows[0] == ["shape", "severity", "count", "focus node", "message"]
    assert len(rows) > 2 and all(len(r) == 5 for r in rows)
    assert {r[3] for r in rows[1:]} == {"https://w3id.org/vnkg/id/target/6a0d72329ed70607/"
                                        "1297-a-long-node-name-that-does-not-fit-in-a-column"}
    assert "violations" in piped.stderr


def test_progress_bar_knows_the_total(tmp_path: Path) -> None:
    """On a terminal the build's bar counts up to the number of files ("3/6"), not "3/?", and shows time left."""
    from kg.build import sample_corpus

    shown = on_terminal(tmp_path, "build", str(sample_corpus()), "-o", "out.ttl", "--no-shacl", "-j", "1")
    assert "built out.ttl: 6 texts extracted" in shown, shown
    assert re.search(r"building\s.*\b[0-5]/6\b", shown), shown
    assert "/?" not in shown and "left" in shown


def test_build_says_when_shacl_was_not_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Above the in-memory limit (lowered here) the build warns that it did not validate, naming what to check."""
    from typer.testing import CliRunner

    from kg.build import sample_corpus
    from kg.cli import app, build

    monkeypatch.setattr(build, "SHACL_LIMIT", 100)
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(app, ["build", str(sample_corpus()), "-o", "out.ttl"], env={"COLUMNS": "200"})
    assert out.exit_code == 0, out.output
    assert "warning SHACL not run:" in out.output and "`kg validate out.ttl`" in out.output
    assert "SHACL: conforms" not in out.output


def test_a_rebuild_that_changed_nothing_is_still_the_last_build(folder: Path) -> None:
    """The README's order: a store built, another graph written, the store rebuilt unchanged: commands read
    the store again (was: the other graph, so `kg show 35/KH-UBND` found nothing)."""
    from kg.build import sample_corpus

    assert kg(folder, "build", "texts", "--store", "st", "-q", "--no-shacl").returncode == 0
    assert kg(folder, "build", str(sample_corpus()), "-o", "other.ttl", "-q", "--no-shacl").returncode == 0
    again = kg(folder, "build", "texts", "--store", "st", "--no-shacl")
    assert "no text new or changed" in again.stdout, again.stdout
    assert triples_in_stats(folder) == triples_in_stats(folder, "st") < triples_in_stats(folder, "other.ttl")


@pytest.mark.parametrize("argv", [["kg", "--help"], ["kg", "serve", "--help"]])
def test_help_and_the_server_load_neither_spacy_nor_rdflib(argv: list[str]) -> None:
    """Commands import what they need when they run: `kg --help`, `kg serve` (its app, pages and dossier
    modules) load no extraction pipeline and no rdflib (their start-up time: benchmarks/bench_cli.py)."""
    code = (f"import sys\nfrom kg.cli import main\nsys.argv = {argv!r}\n"
            "try:\n    main()\nexcept SystemExit as e:\n    assert e.code in (0, None), e.code\n"
            "import kg.serve.app, kg.serve.pages, kg.pages.texts, kg.cli.serve\n"
            "heavy = {'spacy', 'thinc', 'rdflib', 'pyshacl', 'owlready2', 'networkx', 'pyvis'}\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & heavy), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "NO_COLOR": "1", "COLUMNS": "120"})
    assert done.returncode == 0, done.stderr
    assert "Usage" in done.stdout and done.stderr.strip() == "[]"


def test_a_busy_port_is_said_before_serving(folder: Path) -> None:
    """A port another server listens on is a one-line error before any work (was: "serving …", then uvicorn's
    own ERROR line)."""
    import socket

    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        out = kg(folder, "serve", "--graph", "exports/sample.ttl", "--port", str(port), timeout=60)
    assert out.returncode == 2, out.stderr
    assert out.stderr.splitlines() == [f"error: cannot listen on 127.0.0.1:{port}: Address already in use (another "
                                       "server listens there: stop it or choose another --port)"]


WARNINGS_PROBE = """
import sys, tomllib, warnings
from pathlib import Path

options = tomllib.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
warnings.simplefilter("error", DeprecationWarning)
for f in options.get("filterwarnings", []):
    action, message, category, module = (f.split(":") + ["", "", "", ""])[:4]
    warnings.filterwarnings(action, message, {"DeprecationWarning": DeprecationWarning}[category], module)
from kg.build import build_dataset, sample_corpus
from kg.export import export
from kg.validate import validate_graph

out = Path(sys.argv[2])
build_dataset([sample_corpus()]).serialize(out / "s.trig", format="trig")
for suffix in ("ttl", "jsonld", "nt"):
    export(out / "s.trig", out / f"s.{suffix}")
assert validate_graph(out / "s.ttl").conforms
"""


def test_building_exporting_and_validating_raise_no_deprecation_warning(tmp_path: Path) -> None:
    """Under the test suite's warning filters (pyproject.toml: rdflib's calls of its own deprecated API ignored),
    a DeprecationWarning is an error: vnkg's own code calls nothing deprecated, and the thousands of rdflib's
    internal ones no longer fill the test output."""
    done = subprocess.run([sys.executable, "-c", WARNINGS_PROBE, str(ROOT / "pyproject.toml"), str(tmp_path)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]


def test_no_test_prints_into_the_pytest_output() -> None:
    """Tests assert; they do not print timings past pytest's capture (`pytest -q` stays one line of dots)."""
    escapes = tuple(name + suffix for name, suffix in (("capsys", ".disabled("), ("capfd", ".disabled("),
                                                       ("sys", ".__stdout__"), ("sys", ".__stderr__")))
    offenders = [f"{p.relative_to(ROOT)}:{n}" for p in sorted((ROOT / "tests").rglob("*.py"))
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                 if any(e in line for e in escapes)]
    assert offenders == []
