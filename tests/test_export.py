"""`kg export`: every format parses back to the same graph; Turtle is byte-stable; VoID/DCAT; base IRIs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from golden import built
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.build import sample_corpus
from kg.cli import app
from kg.export import DescriptionOptions, build_context, export
from kg.export.writers import RDF_FORMATS, get_format
from kg.stream import build_corpus

ROOT = Path(__file__).resolve().parent.parent
VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
VNKG = Namespace("https://w3id.org/vnkg/ontology#")
RDFLIB = {"turtle": "turtle", "nt": "nt", "nquads": "nquads", "trig": "trig", "jsonld": "json-ld", "rdfxml": "xml"}
DATE = DescriptionOptions(date=dt.date(2025, 3, 1))


def _union(ds: Dataset) -> Graph:
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("build") / "sample.trig"
    report = build_corpus([sample_corpus()], output=path)
    assert report.texts and not report.errors, report.errors
    return path


@pytest.fixture(scope="module")
def expected(build: Path, tmp_path_factory: pytest.TempPathFactory) -> Graph:
    """The data (union of the text graphs) plus the description, as rdflib sees the TriG export."""
    out = tmp_path_factory.mktemp("ref") / "ref.trig"
    export(build, out, "trig", options=DATE)
    return _union(Dataset().parse(out, format="trig"))


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_round_trip(fmt: str, build: Path, expected: Graph, tmp_path: Path) -> None:
    out = tmp_path / f"x{get_format(fmt).suffix}"
    report = export(build, out, fmt, options=DATE)
    assert report.triples > 2500 and report.description_triples > 50
    if get_format(fmt).quads:
        ds = Dataset().parse(out, format=RDFLIB[fmt])
        graphs = {str(g.identifier) for g in ds.graphs() if len(g)}
        assert len([g for g in graphs if "/graph/" in g and not g.endswith("/void")]) == 6  # one per text
        assert "https://w3id.org/vnkg/id/graph/void" in graphs
        parsed = _union(ds)
    else:
        parsed = Graph().parse(out, format=RDFLIB[fmt])
    assert len(parsed) == len(expected) == report.triples + report.description_triples
    assert isomorphic(parsed, expected)


def test_turtle_is_sorted_stable_and_prefixed(build: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.ttl", tmp_path / "b.ttl"
    export(build, a, "turtle", options=DATE)
    rebuilt = tmp_path / "rebuilt.nq"  # another build of the same input, another serialisation
    build_corpus([sample_corpus()], output=rebuilt)
    export(rebuilt, b, "turtle", options=DATE)
    assert a.read_bytes() == b.read_bytes()
    text = a.read_text(encoding="utf-8")
    assert "@prefix vnkg: <https://w3id.org/vnkg/ontology#> ." in text and "ns1:" not in text
    subjects = [line.split(" ", 1)[0] for line in text.split("\n\n")[1:]]
    assert subjects and len(subjects) == len(set(subjects))
    blocks = text.split("\n\n")[1:]
    iris = [Graph().parse(data=text.split("\n\n")[0] + "\n" + blk, format="turtle") for blk in blocks[:40]]
    keys = [str(next(iter(g.subjects()))) for g in iris]
    assert keys == sorted(keys)
    assert "vnkg:issuedOn \"" in text and "^^xsd:date" in text


def test_description(build: Path, tmp_path: Path) -> None:
    out = tmp_path / "void.ttl"
    opts = DescriptionOptions(date=dt.date(2025, 3, 1), endpoint="https://data.example.gov.vn/sparql",
                              publisher="Sở Thông tin", dumps=["turtle", "nquads"])
    report = export(build, out, "turtle", options=opts, description_only=True)
    g = Graph().parse(out, format="turtle")
    ds = URIRef("https://w3id.org/vnkg/id/dataset")
    data = Graph().parse(build, format="trig")
    assert report.triples == len(g)
    assert int(g.value(ds, VOID.triples)) == len(_union(Dataset().parse(build, format="trig"))) > 2500
    assert str(g.value(ds, VOID.uriSpace)) == "https://w3id.org/vnkg/id/"
    assert g.value(ds, VOID.sparqlEndpoint) == URIRef("https://data.example.gov.vn/sparql")
    assert URIRef(str(VNKG)) in set(g.objects(ds, VOID.vocabulary))
    parts = {g.value(p, VOID["class"]): int(g.value(p, VOID.entities)) for p in g.objects(ds, VOID.classPartition)}
    assert parts[VNKG.SourceText] == 6 and parts[VNKG.Target] > 0
    assert g.value(ds, DCT.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert g.value(ds, DCT.modified) == Literal(dt.date(2025, 3, 1))
    assert str(g.value(g.value(ds, DCT.publisher), URIRef("http://xmlns.com/foaf/0.1/name"))) == "Sở Thông tin"
    provinces = set(g.objects(ds, DCT.spatial))
    assert provinces and all("/province/" in p for p in provinces)
    assert provinces == {p for p in Graph().parse(build, format="trig").subjects(None, VNKG.Province)} or \
        provinces == set(_union(Dataset().parse(build, format="trig")).subjects(
            URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), VNKG.Province))
    dists = set(g.objects(ds, DCAT.distribution))
    media = {str(g.value(d, DCT["format"])) for d in dists}
    assert {"text/turtle", "application/n-quads"} <= media
    assert len(set(g.objects(ds, VOID.dataDump))) == 2
    del data


def test_source_date_epoch(build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    out = tmp_path / "v.ttl"
    export(build, out, "turtle", description_only=True)
    g = Graph().parse(out, format="turtle")
    assert g.value(URIRef("https://w3id.org/vnkg/id/dataset"), DCT.issued) == Literal(dt.date(2023, 11, 14))


def test_base_changes_every_iri_and_builds_are_stable() -> None:
    one, two = _union(built([sample_corpus()])), _union(built([sample_corpus()]))
    assert isomorphic(one, two) and set(one.subjects()) == set(two.subjects())
    other = _union(built([sample_corpus()], "https://data.example.gov.vn/id/"))
    minted = lambda g, base: {str(t) for tr in g for t in tr if isinstance(t, URIRef) and str(t).startswith(base)}  # noqa: E731
    old, new = minted(one, "https://w3id.org/vnkg/id/"), minted(other, "https://data.example.gov.vn/id/")
    assert old and minted(other, "https://w3id.org/vnkg/id/") == set()
    assert {i.replace("https://w3id.org/vnkg/id/", "") for i in old} == \
        {i.replace("https://data.example.gov.vn/id/", "") for i in new}


def test_published_context_is_generated_from_the_ontology() -> None:
    shipped = json.loads((ROOT / "kg" / "data" / "context.jsonld").read_text(encoding="utf-8"))
    assert shipped == build_context(ROOT / "ontology" / "vnkg.ttl")
    ctx = shipped["@context"]
    assert ctx["implements"] == {"@id": "vnkg:implements", "@type": "@id"}
    assert ctx["value"] == {"@id": "vnkg:value", "@type": "xsd:decimal"}


def test_jsonld_is_compact(build: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.jsonld"
    export(build, out, "jsonld", options=DATE)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["@context"]["vnkg"] == str(VNKG)
    types = {n.get("@type") if isinstance(n.get("@type"), str) else None for n in doc["@graph"]}
    assert "SourceText" in types and "Target" in types


def test_cli(build: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "cli.nq"
    res = runner.invoke(app, ["export", str(build), "-o", str(out), "--date", "2025-03-01"])
    assert res.exit_code == 0, res.output
    assert "nquads" in res.output and out.stat().st_size > 0
    res = runner.invoke(app, ["export", str(build), "-o", str(tmp_path / "v.ttl"), "--void-only"])
    assert res.exit_code == 0 and "void:Dataset" in (tmp_path / "v.ttl").read_text()
    res = runner.invoke(app, ["export", str(tmp_path / "missing.ttl"), "-o", str(out)])
    assert res.exit_code == 1 and "no such store" in res.output
    res = runner.invoke(app, ["export", str(build), "-f", "docx"])
    assert res.exit_code == 1 and "unknown export format" in res.output


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_formats(fmt: str, build: Path, tmp_path: Path) -> None:
    nx = pytest.importorskip("networkx")
    pytest.importorskip("kg.network")
    out = tmp_path / f"x.{fmt}"
    report = export(build, out, fmt)
    g = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert g.number_of_nodes() == report.triples > 20
