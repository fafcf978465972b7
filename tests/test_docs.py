"""`kg docs`: the ontology's HTML documentation names every class and property, in Vietnamese and English."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, Graph, URIRef
from typer.testing import CliRunner

from kg.cli import app

pytest.importorskip("pylode")
ROOT = Path(__file__).resolve().parent.parent
NS = "https://w3id.org/vnkg/ontology#"


def test_every_class_and_property_is_documented(tmp_path: Path) -> None:
    out = tmp_path / "ontology.html"
    res = CliRunner().invoke(app, ["docs", "-o", str(out)])
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    onto = Graph().parse(ROOT / "ontology" / "vnkg.ttl", format="turtle")
    terms = {s for k in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty) for s in onto.subjects(RDF.type, k)
             if isinstance(s, URIRef) and str(s).startswith(NS)}
    assert len(terms) > 60
    missing = [t for t in terms if f"<code>{t}</code>" not in html]  # each term's section shows its IRI
    assert not missing, missing
    assert "Nghị quyết · resolution" in html  # one label per term, both languages
    assert "This document carries out that one" in html and "Văn bản này triển khai thực hiện" in html
    assert "<title>Ontology đồ thị tri thức" in html and "Knowledge graph ontology" in html
    assert "<script src=\"http" not in html and "<link rel=\"stylesheet\" href=\"http" not in html
