"""One default-graph rule for every command, outputs that never overwrite inputs, formats checked before work,
and saved queries shipped inside the package (a non-editable install sees them)."""

from __future__ import annotations

import json
import os
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
    checked = kg(folder, "validate")
    assert checked.returncode == 0 and "triples checked" in checked.stdout
    n_mine = int(checked.stdout.split("(")[1].split()[0])
    n_named = int(kg(folder, "validate", "out/mine.ttl").stdout.split("(")[1].split()[0])
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
    for rq in (ROOT / "queries").glob("*.rq"):
        assert f"kg/data/queries/{rq.name}" in names
    assert {"kg/ontology/vnkg.ttl", "kg/ontology/shapes.ttl"} <= names
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
