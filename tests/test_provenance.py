"""`kg build --provenance full|spans|none`: what each level keeps and drops, on invented texts.

- spans = full without ``vnkg:anchorText`` and ``vnkg:sentence`` (nothing else differs);
- none = full without the ``vnkg:Mention`` nodes and without any span property; every fact keeps
  ``prov:wasDerivedFrom`` (or ``vnkg:mentions``) its text;
- every level conforms to the SHACL shapes, gives the same answers to the scorer's questions, and a store
  built at one level and then at another holds exactly the clean build of the second level.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from golden import VNKG, built, counts, f1, union_graph
from rdflib import RDF, Dataset, Graph
from rdflib.namespace import PROV
from typer.testing import CliRunner

from kg.cli import app
from kg.rdf.mapping import PROVENANCE
from kg.store import GraphStore, read_state
from kg.stream import build_corpus
from kg.validate import validate_graph

PLAN = """ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
Số: 31/KH-UBND
Lai Châu, ngày 25 tháng 01 năm 2026
KẾ HOẠCH
Thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2026 của Chính phủ

Chủ đề năm 2026: "Kỷ cương, đổi mới, bứt phá".

I. MỤC TIÊU
- Tốc độ tăng trưởng GRDP đạt trên 9%.
- Tổng thu ngân sách nhà nước trên địa bàn đạt 3.500 tỷ đồng.
- Tỷ lệ che phủ rừng đạt 50%.

II. NHIỆM VỤ, GIẢI PHÁP
1. Giao Sở Tài chính chủ trì hướng dẫn giải ngân vốn đầu tư công, hoàn thành trước ngày 30/6/2026.
"""
REPORT = """ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
Số: 88/BC-UBND
Lai Châu, ngày 15 tháng 7 năm 2026
BÁO CÁO
Kết quả thực hiện Kế hoạch số 31/KH-UBND ngày 25/01/2026 của Ủy ban nhân dân tỉnh 6 tháng đầu năm 2026

GRDP ước tăng 7,1% so với cùng kỳ.
"""
COPIES = {VNKG.anchorText, VNKG.sentence}
SPAN_PROPS = COPIES | {VNKG.startOffset, VNKG.endOffset}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("provenance") / "corpus"
    root.mkdir()
    (root / "lai-chau-ke-hoach-2026.txt").write_text(PLAN, encoding="utf-8")
    (root / "lai-chau-bao-cao-2026.txt").write_text(REPORT, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def levels(corpus: Path) -> dict[str, Dataset]:
    return {level: built([corpus], provenance=level) for level in PROVENANCE}


def _quads(ds: Dataset) -> set[tuple]:
    return set(ds.quads((None, None, None, None)))


def test_full_holds_mentions_spans_and_their_text(levels: dict[str, Dataset]) -> None:
    g = union_graph(levels["full"])
    mentions = set(g.subjects(RDF.type, VNKG.Mention))
    assert len(mentions) >= 4
    for m in mentions:
        assert {p for p in g.predicates(m)} >= {VNKG.mentionOf, VNKG.inSource, VNKG.startOffset, VNKG.endOffset,
                                                 VNKG.anchorText, VNKG.sentence}
    targets = set(g.subjects(RDF.type, VNKG.Target))
    assert len(targets) == 3
    anchors = " | ".join(sorted(str(g.value(t, VNKG.anchorText)) for t in targets))
    assert "GRDP đạt trên 9%" in anchors and "che phủ rừng đạt 50%" in anchors
    assert all(g.value(t, VNKG.sentence) is not None for t in targets)


def test_spans_is_full_without_the_copied_strings(levels: dict[str, Dataset]) -> None:
    full, spans = _quads(levels["full"]), _quads(levels["spans"])
    assert spans == {q for q in full if q[1] not in COPIES}
    assert len(full) - len(spans) >= 10
    g = union_graph(levels["spans"])
    assert set(g.subjects(RDF.type, VNKG.Mention)) == set(union_graph(levels["full"]).subjects(RDF.type, VNKG.Mention))


def test_none_keeps_the_facts_and_their_source_only(levels: dict[str, Dataset]) -> None:
    full = union_graph(levels["full"])
    mentions = set(full.subjects(RDF.type, VNKG.Mention))
    expected = {q for q in _quads(levels["full"]) if q[0] not in mentions and q[1] not in SPAN_PROPS}
    assert _quads(levels["none"]) == expected
    g = union_graph(levels["none"])
    assert not set(g.subjects(RDF.type, VNKG.Mention)) and not any(g.triples((None, VNKG.startOffset, None)))
    sources = set(g.subjects(RDF.type, VNKG.SourceText))
    for cls in (VNKG.Target, VNKG.Result, VNKG.Task, VNKG.Theme):
        nodes = set(g.subjects(RDF.type, cls))
        assert nodes, cls
        assert all(g.value(n, PROV.wasDerivedFrom) in sources for n in nodes), cls
    assert len({d for s in sources for d in g.objects(s, VNKG.mentions)}) >= 2


@pytest.mark.parametrize("level", PROVENANCE)
def test_every_level_conforms_to_the_shapes(level: str, levels: dict[str, Dataset]) -> None:
    report = validate_graph(levels[level])
    assert report.conforms, report.rows


def test_the_scored_answers_do_not_depend_on_the_level(levels: dict[str, Dataset]) -> None:
    """The terms the evaluation contract scores (../shared/eval/CONTRACT.md) are kept at every level: the
    tests' counter (tests/golden.py) gives the same counts on each."""
    gold = {"file": "lai-chau-ke-hoach-2026.txt", "references": [{"number": "01/NQ-CP"}, {"number": "31/KH-UBND"}],
            "targets": [{"indicator": "Tốc độ tăng trưởng GRDP", "value": 9, "unit": "%", "comparator": "gt"},
                        {"indicator": "Tổng thu ngân sách nhà nước", "value": 3500, "unit": "tỷ đồng",
                         "comparator": "eq"},
                        {"indicator": "Tỷ lệ che phủ rừng", "value": 50, "unit": "%", "comparator": "eq"}],
            "tasks": [{"label": "Hướng dẫn giải ngân vốn đầu tư công", "lead": "Sở Tài chính tỉnh Lai Châu"}]}
    got = {level: counts(union_graph(ds), gold) for level, ds in levels.items()}
    assert got["full"] == got["spans"] == got["none"]
    assert all(f1(*got["full"][c]) == 1.0 for c in ("references", "targets", "tasks")), got["full"]


def test_scorer_gives_every_level_the_same_score(shared_dir: Path, tmp_path: Path) -> None:
    scores = set()
    for level in PROVENANCE:
        out = tmp_path / f"seeds-{level}.nq"
        assert build_corpus([shared_dir / "corpus" / "seeds"], output=out, provenance=level).texts
        run = subprocess.run([sys.executable, str(shared_dir / "eval" / "score.py"), "--graph", str(out),
                              "--gold", str(shared_dir / "gold" / "seeds")], capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        scores.add(next(line for line in run.stdout.splitlines() if line.startswith("overall")))
    assert len(scores) == 1, scores


def _store_quads(store: Path) -> set[tuple[str, str, str, str]]:
    gs = GraphStore.open(store)
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in gs.raw}


def test_a_store_built_at_another_level_is_rebuilt_not_mixed(corpus: Path, tmp_path: Path) -> None:
    store, clean = tmp_path / "store", tmp_path / "clean"
    assert build_corpus([corpus], store=store).texts == 2
    again = build_corpus([corpus], store=store, provenance="none")
    assert again.texts == 2 and again.skipped == 0  # every text built again, at the new level
    assert build_corpus([corpus], store=clean, provenance="none").texts == 2
    assert _store_quads(store) == _store_quads(clean)
    assert not [q for q in _store_quads(store) if q[2] == str(VNKG.Mention)]
    assert {info["provenance"] for info in read_state(GraphStore.open(store).path).values()} == {"none"}
    unchanged = build_corpus([corpus], store=store, provenance="none")
    assert unchanged.texts == 0 and unchanged.skipped == 2


def test_cli_option_and_a_bad_level(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "spans.nq"
    res = CliRunner().invoke(app, ["build", str(corpus), "-o", str(out), "--provenance", "spans", "-q"])
    assert res.exit_code == 0, res.output
    g = Graph()
    for s, p, o, _ in Dataset().parse(out, format="nquads").quads((None, None, None, None)):
        g.add((s, p, o))
    assert any(g.triples((None, VNKG.startOffset, None))) and not any(g.triples((None, VNKG.sentence, None)))
    res = CliRunner().invoke(app, ["build", str(corpus), "-o", str(tmp_path / "x.nq"), "--provenance", "some"])
    assert res.exit_code == 2 and not (tmp_path / "x.nq").exists()
    assert "--provenance must be one of full, spans, none, not 'some'" in res.output
    assert "Traceback" not in res.output


@pytest.mark.parametrize("level", ["spans", "none"])
def test_the_dossier_page_of_a_lighter_build(level: str, corpus: Path, tmp_path: Path) -> None:
    """The dossier still shows the plan, its targets, tasks and the texts it was read from; without copied
    sentences its source cards are empty, not broken."""
    graph = tmp_path / f"{level}.nq"
    build_corpus([corpus], output=graph, provenance=level)
    page = tmp_path / "dossier.html"
    res = CliRunner().invoke(app, ["show", "31/KH-UBND", str(graph), "-o", str(page),
                                   "--texts", str(corpus)])
    assert res.exit_code == 0, res.output
    html = page.read_text(encoding="utf-8")
    assert "31/KH-UBND" in html and "Tỷ lệ che phủ rừng" in html and "giải ngân vốn đầu tư công" in html
    assert "lai-chau-bao-cao-2026.txt" in html and "lai-chau-ke-hoach-2026.txt" in html

