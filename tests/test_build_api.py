"""The Python API (`kg.build.build_dataset`) is `kg build`: the same per-text map and corpus step, so its
dataset is exactly the quads `kg build -o X.nq` writes, year resolution and bad files included."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from rdflib import Dataset, URIRef

from kg.build import build_dataset, sample_corpus

# the plan dates 97/NQ-CP; the report cites it without a date: a corpus build gives the report's citation the
# year (one text alone could not)
PLAN = """ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN
Số: 12/KH-UBND
Điện Biên, ngày 20 tháng 01 năm 2026
KẾ HOẠCH
Thực hiện Nghị quyết số 97/NQ-CP ngày 08/01/2026 của Chính phủ

I. MỤC TIÊU
Tốc độ tăng trưởng GRDP đạt trên 8%.
"""
REPORT = """ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN
Số: 40/BC-UBND
Điện Biên, ngày 10 tháng 6 năm 2026
BÁO CÁO
Kết quả thực hiện Nghị quyết số 97/NQ-CP của Chính phủ 6 tháng đầu năm 2026

GRDP ước tăng 6,8%.
"""


def _corpus(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "dien-bien-ke-hoach-2026.txt").write_text(PLAN, encoding="utf-8")
    (corpus / "dien-bien-bao-cao-2026.txt").write_text(REPORT, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    return corpus


def _quads(ds: Dataset) -> set[tuple]:
    return {(s, p, o, g) for s, p, o, g in ds.quads((None, None, None, None))}


def test_the_api_dataset_is_what_kg_build_writes(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    out = tmp_path / "out" / "graph.nq"
    cli = subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), str(sample_corpus()), "-o", str(out),
                          "-q", "--no-shacl", "--jobs", "2"], capture_output=True, text=True)
    assert cli.returncode == 0, cli.stderr
    errors: list[str] = []
    ds = build_dataset([corpus, sample_corpus()], on_error=errors.append)
    assert errors == [f"{corpus / 'empty.txt'}: empty file"]
    written = _quads(Dataset().parse(out, format="nquads"))
    assert _quads(ds) == written and len(written) > 3000
    assert len({g for *_, g in written}) == 8  # one named graph per text
    # the corpus step ran: the report's year-less citation is the dated node, with its year
    dated = URIRef("https://w3id.org/vnkg/id/doc/vn/2026/97-nq-cp")
    assert not [q for q in written if "/nd/97-nq-cp" in str(q[0]) + str(q[2])]
    report_graph = next(g for s, p, o, g in written if str(o) == "dien-bien-bao-cao-2026.txt")
    assert any(ds.quads((None, None, dated, report_graph)))


def test_the_api_builds_nothing_from_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    errors: list[str] = []
    assert len(build_dataset([tmp_path], on_error=errors.append)) == 0
    assert len(errors) == 1 and "empty.txt" in errors[0]
