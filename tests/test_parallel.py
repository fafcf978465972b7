"""`kg build --jobs` and `--executor dask` run the same map as a single process and give the same graph."""

from pathlib import Path

import pytest

from kg.build import sample_corpus
from kg.resolve import year_renames
from kg.stream import build_corpus


@pytest.fixture(scope="module")
def serial(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("serial") / "g.nq"
    report = build_corpus([sample_corpus()], output=out, jobs=1)
    assert report.texts == 6 and not report.errors
    return out


def test_processes_give_the_same_graph(serial: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.nq"
    report = build_corpus([sample_corpus()], output=out, jobs=2)
    assert report.texts == 6
    assert out.read_text(encoding="utf-8") == serial.read_text(encoding="utf-8")  # ordered map: same bytes


def test_dask_local_cluster_gives_the_same_graph(serial: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        out = tmp_path / "g.nq"
        parts = tmp_path / "parts"
        report = build_corpus([sample_corpus()], output=out, executor="dask", scheduler=cluster.scheduler_address,
                              partitions=parts)
    assert report.texts == 6
    assert out.read_text(encoding="utf-8") == serial.read_text(encoding="utf-8")  # gathered in input order
    assert len(list(parts.glob("part-*.nq"))) == 6  # partitions any store can bulk-load


def test_per_file_time_limit(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Ngày 10/01/2023, UBND tỉnh Bình Định ban hành Quyết định số 95/QĐ-UBND.", encoding="utf-8")
    slow = tmp_path / "slow.txt"  # a pathological text: one enormous line of dense numbers and symbols
    slow.write_text("Về kinh tế: " + " ".join(f"{i}% ({i})" for i in range(400_000)), encoding="utf-8")
    report = build_corpus([tmp_path], output=tmp_path / "out.ttl", jobs=1, timeout=0.5)
    assert report.texts == 1
    assert any("slow.txt" in e and "longer than 0.5 s" in e for e in report.errors)


def test_year_renames_only_when_unique() -> None:
    base = "https://w3id.org/vnkg/id/"
    docs = [("vn", "58-NQ/TW", 2020, f"{base}doc/vn/2020/58-nq-tw"),
            ("vn", "58-NQ/TW", None, f"{base}doc/vn/nd/58-nq-tw"),
            ("vn", "01/NQ-CP", 2021, f"{base}doc/vn/2021/01-nq-cp"),
            ("vn", "01/NQ-CP", 2022, f"{base}doc/vn/2022/01-nq-cp"),
            ("vn", "01/NQ-CP", None, f"{base}doc/vn/nd/01-nq-cp")]
    assert year_renames(docs) == {f"{base}doc/vn/nd/58-nq-tw": f"{base}doc/vn/2020/58-nq-tw"}
