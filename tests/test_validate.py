"""`kg validate`: the SHACL shapes accept the sample and seed builds and report broken data by shape."""

from __future__ import annotations

from pathlib import Path

import pytest
from golden import built
from rdflib import Graph
from typer.testing import CliRunner

from kg.build import sample_corpus
from kg.cli import app
from kg.stream import build_corpus
from kg.validate import validate_graph

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "seeds"
BROKEN = """
@prefix vnkg: <https://w3id.org/vnkg/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
<https://example.org/text> a vnkg:SourceText ; vnkg:fileName "x.txt" .
<https://example.org/t1> a vnkg:Target ; vnkg:indicator "GRDP" ; vnkg:value "bảy" ; vnkg:unit "%" ;
    prov:wasDerivedFrom <https://example.org/text> .
<https://example.org/t2> a vnkg:Target ; vnkg:indicator "GRDP" ; vnkg:value 7.0 ; vnkg:unit "%" ;
    prov:wasDerivedFrom <https://example.org/text> .
<https://example.org/d> a vnkg:Decision ; vnkg:issuedOn "2021-13-45" .
"""


def test_sample_build_conforms() -> None:
    report = validate_graph(built([sample_corpus()]))
    assert report.conforms, report.rows
    assert report.triples > 2500 and report.violations == 0


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds is absent")
def test_seed_build_conforms(tmp_path: Path) -> None:
    out = tmp_path / "seeds.nq"
    build_corpus([SEEDS], output=out)
    report = validate_graph(out)  # from the file, as `kg validate` reads it
    assert report.conforms, report.rows
    assert report.triples > 3000


@pytest.mark.parametrize("folder", ["texts", "blind/texts", "dev2/texts"])
def test_fixture_builds_conform(folder: str) -> None:
    """Every hand-made fixture set, the held-out one included (jointly led tasks: one leadAgency per body)."""
    ds = built([Path(__file__).resolve().parent / "fixtures" / folder])
    assert len(ds)
    report = validate_graph(ds)
    assert report.conforms, report.rows


def test_violations_grouped_by_shape(tmp_path: Path) -> None:
    report = validate_graph(Graph().parse(data=BROKEN, format="turtle"))
    assert not report.conforms
    by_shape = {r.shape: r for r in report.rows}
    assert by_shape["vnkgsh:Target-comparator"].count == 2
    assert by_shape["vnkgsh:Target-value"].count == 1
    assert by_shape["vnkgsh:Target-value"].focus == "https://example.org/t1"
    assert "xsd:decimal" in by_shape["vnkgsh:Target-value"].message
    assert by_shape["vnkgsh:LegalDocumentShape"].severity == "Violation"
    assert report.violations == sum(r.count for r in report.rows) >= 5
    path = tmp_path / "broken.ttl"
    path.write_text(BROKEN, encoding="utf-8")
    res = CliRunner().invoke(app, ["validate", str(path)])
    assert res.exit_code == 1
    assert "Target-comparator" in res.output and "violations" in res.output


def test_cli_ok_on_the_sample(tmp_path: Path) -> None:
    out = tmp_path / "sample.ttl"
    build_corpus([sample_corpus()], output=out)
    res = CliRunner().invoke(app, ["validate", str(out)])
    assert res.exit_code == 0, res.output
    assert "conforms" in res.output
