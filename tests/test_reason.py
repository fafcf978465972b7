"""`kg reason`: HermiT materialises implementation chains, inverses and superclasses into their own graph."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Namespace, URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.reason import reason, write_inferred
from kg.stream import build_corpus

pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs java on PATH")
pytest.importorskip("owlready2")

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "seeds"
VNKG = Namespace("https://w3id.org/vnkg/ontology#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
BASE = "https://example.org/kg/"

# Three texts: Kế hoạch 15/KH-UBND implements Chương trình 07-CTr/TU, which implements Nghị quyết 26-NQ/TW.
TEXTS = {
    "ke-hoach.txt": """ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG
Số: 15/KH-UBND
Kiên Giang, ngày 10 tháng 3 năm 2022

KẾ HOẠCH
Thực hiện Chương trình hành động số 07-CTr/TU ngày 15/01/2022 của Tỉnh ủy Kiên Giang

Căn cứ Chương trình hành động số 07-CTr/TU ngày 15/01/2022 của Tỉnh ủy Kiên Giang thực hiện Nghị quyết số
26-NQ/TW ngày 05/8/2008 của Ban Chấp hành Trung ương Đảng, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện
như sau.
""",
    "chuong-trinh.txt": """TỈNH ỦY KIÊN GIANG
Số 07-CTr/TU
Kiên Giang, ngày 15 tháng 01 năm 2022

CHƯƠNG TRÌNH HÀNH ĐỘNG
thực hiện Nghị quyết số 26-NQ/TW ngày 05/8/2008 của Ban Chấp hành Trung ương Đảng

Ban Thường vụ Tỉnh ủy xây dựng Chương trình hành động thực hiện Nghị quyết số 26-NQ/TW như sau.
""",
}


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("chain")
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = folder / "chain.trig"
    assert not build_corpus([folder], output=out, base=BASE).errors
    return out


def _doc(ds: Dataset, number: str) -> URIRef:
    found = {s for s, _, o, _ in ds.quads((None, VNKG.documentNumber, None, None)) if str(o) == number}
    assert len(found) == 1, (number, found)
    return found.pop()  # type: ignore[return-value]


def test_chain_of_two(chain: Path, tmp_path: Path) -> None:
    ds = Dataset().parse(chain, format="trig")
    plan, program, resolution = _doc(ds, "15/KH-UBND"), _doc(ds, "07-CTr/TU"), _doc(ds, "26-NQ/TW")
    assert (plan, VNKG.implements, program, None) in ds or any(ds.quads((plan, VNKG.implements, program, None)))
    assert any(ds.quads((program, VNKG.implements, resolution, None)))
    assert not any(ds.quads((plan, VNKG.implements, resolution, None)))  # the chain is not asserted

    inference = reason(chain)
    out = tmp_path / "inferred.trig"
    write_inferred(inference, out)
    got = Dataset().parse(out, format="trig")
    graph = URIRef(BASE + "graph/inferred")
    assert {str(g.identifier) for g in got.graphs() if len(g)} == {str(graph)}
    g = got.graph(graph)
    assert (plan, VNKG.implementsTransitively, resolution) in g
    assert (plan, VNKG.implementsTransitively, program) in g
    assert (resolution, VNKG.implementedBy, program) in g
    assert (plan, ELI.ensures_implementation_of, program) in g
    assert (plan, RDF.type, ELI.LegalResource) in g  # superclass from the ontology's alignment
    # only inferred triples: nothing asserted is repeated
    asserted = {(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}
    assert not asserted & set(g)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds is absent")
def test_seed_chain(tmp_path: Path) -> None:
    src = tmp_path / "seeds.nq"
    build_corpus([SEEDS], output=src)
    out = tmp_path / "inferred.nq"
    res = CliRunner().invoke(app, ["reason", str(src), "-o", str(out), "--with-asserted"])
    assert res.exit_code == 0, res.output
    ds = Dataset().parse(out, format="nquads")
    graph = URIRef("https://w3id.org/vnkg/id/graph/inferred")
    rows = {(str(s), str(o)) for s, _, o, g in ds.quads((None, VNKG.implementsTransitively, None, None))
            if g == graph}
    numbers = {str(s): str(o) for s, _, o, _ in ds.quads((None, VNKG.documentNumber, None, None))}
    assert ("22/KH-UBND", "01/NQ-CP") in {(numbers.get(a), numbers.get(b)) for a, b in rows}
    assert len({g for *_, g in ds.quads((None, None, None, None))}) > 2  # asserted text graphs kept apart


def test_bundled_sample_is_consistent(sample_ttl: Path, tmp_path: Path) -> None:
    """The README's `kg reason` on the sample: a result that is part of another result ("trong đó") is no
    inconsistency (vnkg:partOfTarget links targets or results)."""
    out = tmp_path / "inferred.trig"
    res = CliRunner().invoke(app, ["reason", str(sample_ttl), "-o", str(out)])
    assert res.exit_code == 0, res.output
    ds = Dataset().parse(out, format="trig")
    assert len(ds.graph(URIRef("https://w3id.org/vnkg/id/graph/inferred"))) > 0


def test_triple_formats_say_they_drop_the_graph_name(chain: Path, tmp_path: Path) -> None:
    out = tmp_path / "inferred.ttl"
    res = CliRunner().invoke(app, ["reason", str(chain), "-o", str(out)], env={"COLUMNS": "300"})
    assert res.exit_code == 0, res.output
    assert "no graph name: .ttl holds triples only" in res.output and "(graph <" not in res.output
    from rdflib import Graph

    assert len(Graph().parse(out, format="turtle")) > 0
    with_asserted = CliRunner().invoke(app, ["reason", str(chain), "-o", str(out), "--with-asserted"])
    assert with_asserted.exit_code == 2 and "--with-asserted needs a .trig or .nq output" in with_asserted.output


def test_unknown_suffix_is_refused_before_reasoning(chain: Path, tmp_path: Path) -> None:
    out = tmp_path / "inferred.xyz"
    res = CliRunner().invoke(app, ["reason", str(chain), "-o", str(out)])
    assert res.exit_code == 2 and "unknown output format '.xyz'" in res.output
    assert not out.exists()
