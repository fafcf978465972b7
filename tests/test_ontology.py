"""The vnkg ontology (ontology/vnkg.ttl), its SHACL shapes and the generated vocabulary."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SH

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "vnkg.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"
NS = "https://w3id.org/vnkg/ontology#"
VNKG = Namespace(NS)
SHAPES_NS = Namespace("https://w3id.org/vnkg/shapes#")
PROV = Namespace("http://www.w3.org/ns/prov#")
EX = Namespace("https://example.org/vnkg-test/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # rdflib's closed XSD warns under pytest collection

# The terms of the graph contract (shared/eval/CONTRACT.md), by the kind each must be declared as.
CONTRACT_CLASSES = ["SourceText", "LegalDocument", "Target", "Task"]
CONTRACT_DOCUMENT_TYPES = [
    "Resolution", "Decision", "Plan", "Program", "Directive", "Conclusion", "Decree", "Regulation", "Law",
]  # fmt: skip
CONTRACT_OBJECT_PROPERTIES = ["mentions", "about", "issuedBy", "implements", "comparator", "leadAgency"]
CONTRACT_DATATYPE_PROPERTIES = [
    "fileName", "documentNumber", "issuedOn", "indicator", "value", "upperValue", "unit", "deadline",
]  # fmt: skip
CONTRACT_COMPARATORS = ["GreaterThan", "AtLeast", "LessThan", "AtMost", "EqualTo", "Approximately", "Between"]

KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.NamedIndividual)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


def _terms(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(NS)}


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _load_generator():
    return _load(ROOT / "tools" / "gen_vocab.py", "gen_vocab")


# --- the ontology ---------------------------------------------------------------------------------


def test_header(onto: Graph) -> None:
    header = URIRef("https://w3id.org/vnkg/ontology")
    assert (header, RDF.type, OWL.Ontology) in onto
    assert onto.value(header, OWL.versionIRI) == URIRef("https://w3id.org/vnkg/ontology/0.1.0")
    assert str(onto.value(header, OWL.versionInfo)) == "0.1.0"
    dcterms = Namespace("http://purl.org/dc/terms/")
    for prop in (dcterms.title, dcterms.description, dcterms.creator, dcterms.license, RDFS.label):
        assert onto.value(header, prop) is not None, prop


def test_every_term_is_declared_and_labelled_in_vi_and_en(onto: Graph) -> None:
    terms = _terms(onto)
    assert len(terms) > 80
    problems = []
    for term in sorted(terms):
        kinds = [k for k in KINDS if (term, RDF.type, k) in onto]
        if not kinds:
            problems.append(f"{term}: not declared")
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in onto.objects(term, prop) if isinstance(o, Literal)}
            for lang in ("vi", "en"):
                if lang not in langs:
                    problems.append(f"{term}: no {prop.n3(onto.namespace_manager)}@{lang}")
    assert not problems, "\n".join(problems)


def test_owl2_dl_declarations(onto: Graph) -> None:
    """No punning: each IRI is one kind of entity; properties are object or datatype, never both."""
    problems = []
    entities = {s for k in KINDS for s in onto.subjects(RDF.type, k) if isinstance(s, URIRef)}
    for entity in sorted(entities):
        kinds = {k for k in KINDS if (entity, RDF.type, k) in onto} - {OWL.NamedIndividual}
        if len(kinds) > 1:
            problems.append(f"{entity} is {sorted(kinds)}")
    # every IRI used as a class, property or datatype-property super-property is declared
    for s, p, o in onto:
        if not isinstance(o, URIRef) or any((o, RDF.type, k) in onto for k in KINDS):
            continue
        if p in (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, OWL.inverseOf):
            problems.append(f"{o} (object of {p} on {s}) is not declared")
        if p == RDFS.range and not str(o).startswith(str(XSD)):
            problems.append(f"{o} (range of {s}) is not declared")
    # xsd:date and xsd:gYear are outside the OWL 2 datatype map: not allowed as OWL 2 DL ranges
    for bad in (XSD.date, XSD.gYear):
        assert (None, RDFS.range, bad) not in onto
    assert not problems, "\n".join(problems)


def test_contract_terms(onto: Graph) -> None:
    for name in CONTRACT_CLASSES + CONTRACT_DOCUMENT_TYPES:
        assert (VNKG[name], RDF.type, OWL.Class) in onto, name
    for name in CONTRACT_DOCUMENT_TYPES:
        assert (VNKG[name], RDFS.subClassOf, VNKG.LegalDocument) in onto, name
    for name in CONTRACT_OBJECT_PROPERTIES:
        assert (VNKG[name], RDF.type, OWL.ObjectProperty) in onto, name
    for name in CONTRACT_DATATYPE_PROPERTIES:
        assert (VNKG[name], RDF.type, OWL.DatatypeProperty) in onto, name
    for name in CONTRACT_COMPARATORS:
        assert (VNKG[name], RDF.type, VNKG.Comparator) in onto, name
        assert (VNKG[name], RDF.type, OWL.NamedIndividual) in onto, name
    assert (VNKG.value, RDFS.range, XSD.decimal) in onto
    assert (VNKG.upperValue, RDFS.range, XSD.decimal) in onto
    assert onto.value(VNKG.implements, RDFS.label) is not None
    assert Literal("triển khai thực hiện", lang="vi") in set(onto.objects(VNKG.implements, RDFS.label))


def test_alignments(onto: Graph) -> None:
    eli = Namespace("http://data.europa.eu/eli/ontology#")
    org = Namespace("http://www.w3.org/ns/org#")
    skos = Namespace("http://www.w3.org/2004/02/skos/core#")
    assert (VNKG.LegalDocument, RDFS.subClassOf, eli.LegalResource) in onto
    assert (VNKG.Body, RDFS.subClassOf, org.Organization) in onto
    assert (VNKG.Post, RDFS.subClassOf, org.Post) in onto
    assert (VNKG.SourceText, RDFS.subClassOf, PROV.Entity) in onto
    assert (VNKG.Mention, RDFS.subClassOf, PROV.Entity) in onto
    assert (VNKG.Indicator, RDFS.subClassOf, skos.Concept) in onto
    assert (VNKG.IndicatorScheme, RDF.type, skos.ConceptScheme) in onto
    assert (VNKG.issuedBy, RDFS.subPropertyOf, eli.passed_by) in onto
    assert (VNKG.issuedOn, RDFS.subPropertyOf, eli.date_document) in onto
    assert (VNKG.implements, RDFS.subPropertyOf, eli.ensures_implementation_of) in onto
    assert (VNKG.implements, RDFS.subPropertyOf, VNKG.implementsTransitively) in onto
    assert (VNKG.implementsTransitively, RDF.type, OWL.TransitiveProperty) in onto
    assert (VNKG.implementedBy, OWL.inverseOf, VNKG.implements) in onto
    assert (VNKG.cites, RDFS.subPropertyOf, eli.cites) in onto
    assert (VNKG.Measure, RDFS.subClassOf, VNKG.Task) not in onto
    assert (VNKG.Priority, RDFS.subClassOf, VNKG.Task) not in onto
    assert (VNKG.Theme, RDFS.subClassOf, VNKG.Statement) in onto
    assert (VNKG.Motto, RDFS.subClassOf, VNKG.Statement) in onto


# --- the generated vocabulary ---------------------------------------------------------------------


def test_vocab_is_up_to_date() -> None:
    gen = _load_generator()
    assert gen.check(), "kg/rdf/vocab.py is stale: run python tools/gen_vocab.py"
    assert gen.main(["--check"]) == 0


def test_vocab_check_detects_a_stale_file(tmp_path: Path) -> None:
    gen = _load_generator()
    stale = tmp_path / "vocab.py"
    stale.write_text(gen.render().replace("Resolution", "Resolutio"), encoding="utf-8")
    assert gen.main(["--check", "--output", str(stale)]) == 1
    assert gen.render() == gen.render()  # deterministic


def test_vocab_namespace_is_closed(onto: Graph) -> None:
    # loaded by path, so that the test does not depend on the package being installed
    closed = _load(ROOT / "kg" / "rdf" / "vocab.py", "vnkg_vocab").VNKG

    declared = {
        s
        for k in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)
        for s in onto.subjects(RDF.type, k)
        if isinstance(s, URIRef) and str(s).startswith(NS)
    }
    for term in declared:
        name = str(term)[len(NS) :]
        assert getattr(closed, name) == term
    assert closed.Resolution == VNKG.Resolution
    with pytest.raises(AttributeError):
        _ = closed.NoSuchTerm


# --- SHACL ----------------------------------------------------------------------------------------

CONFORMING = """
@prefix vnkg: <https://w3id.org/vnkg/ontology#> .
@prefix ex:   <https://example.org/vnkg-test/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .

ex:text a vnkg:SourceText ; vnkg:fileName "003_0c5285e2447a556f.txt" ;
    vnkg:mentions ex:nq01 , ex:kh22 ; vnkg:about ex:kh22 .
ex:ubnd a vnkg:StateBody ; rdfs:label "Ủy ban nhân dân tỉnh Kiên Giang"@vi .
ex:so a vnkg:Agency ; rdfs:label "Sở Kế hoạch và Đầu tư"@vi .
ex:nq01 a vnkg:Resolution ; vnkg:documentNumber "01/NQ-CP" ; vnkg:issuedOn "2021-01-01"^^xsd:date .
ex:kh22 a vnkg:Plan ; vnkg:documentNumber "22/KH-UBND" ; vnkg:issuedBy ex:ubnd ;
    vnkg:issuedOn "2021-01-20"^^xsd:date ; vnkg:implements ex:nq01 ;
    vnkg:hasTarget ex:t1 ; vnkg:hasTask ex:task1 .
ex:nqdh a vnkg:Resolution ; rdfs:label "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI"@vi .
ex:t1 a vnkg:Target ; vnkg:indicator "Tốc độ tăng trưởng GRDP" ; vnkg:value 21.0 ; vnkg:upperValue 22.0 ;
    vnkg:unit "%" ; vnkg:comparator vnkg:Between ; prov:wasDerivedFrom ex:text .
ex:task1 a vnkg:Task ; rdfs:label "Xây dựng kế hoạch phát triển kinh tế - xã hội"@vi ;
    vnkg:leadAgency ex:so ; vnkg:deadline "Quý I" ; vnkg:deadlineNormalized "2021-Q1" ;
    prov:wasDerivedFrom ex:text .
ex:m1 a vnkg:Mention ; vnkg:mentionOf ex:nq01 ; vnkg:inSource ex:text ;
    vnkg:startOffset 10 ; vnkg:endOffset 30 ; vnkg:role "reference" .
ex:theme a vnkg:Theme ; vnkg:statementText "Đoàn kết, kỷ cương" ; vnkg:year 2021 .
"""

BROKEN = """
@prefix vnkg: <https://w3id.org/vnkg/ontology#> .
@prefix ex:   <https://example.org/vnkg-test/> .
@prefix prov: <http://www.w3.org/ns/prov#> .

ex:text a vnkg:SourceText ; vnkg:fileName "x.txt" .
ex:t1 a vnkg:Target ; vnkg:indicator "Tốc độ tăng trưởng GRDP" ; vnkg:value "bảy" ; vnkg:unit "%" ;
    prov:wasDerivedFrom ex:text .
"""


def _validate(data: str) -> tuple[bool, Graph]:
    pyshacl = pytest.importorskip("pyshacl")
    data_graph = Graph().parse(data=data, format="turtle")
    conforms, report, _ = pyshacl.validate(
        data_graph,
        shacl_graph=Graph().parse(SHAPES, format="turtle"),
        ont_graph=Graph().parse(ONTOLOGY, format="turtle"),
        inference="none",
        allow_warnings=True,
    )
    return conforms, report


def test_shapes_parse(shapes: Graph) -> None:
    targeted = set(shapes.objects(None, SH.targetClass))
    for name in (
        "SourceText", "LegalDocument", "Body", "Target", "Result", "Task", "Measure", "Priority",
        "Mention", "Meeting", "Person", "Post", "Province", "Statement", "Indicator",
    ):  # fmt: skip
        assert VNKG[name] in targeted, name


def test_conforming_graph_validates() -> None:
    conforms, report = _validate(CONFORMING)
    assert conforms, report.serialize(format="turtle")


def test_broken_target_is_reported() -> None:
    conforms, report = _validate(BROKEN)
    assert not conforms
    failing = {
        (report.value(r, SH.focusNode), report.value(r, SH.sourceShape))
        for r in report.subjects(RDF.type, SH.ValidationResult)
    }
    assert (EX.t1, SHAPES_NS["Target-value"]) in failing
    assert (EX.t1, SHAPES_NS["Target-comparator"]) in failing
    assert {shape for _, shape in failing} == {SHAPES_NS["Target-value"], SHAPES_NS["Target-comparator"]}


def test_unnumbered_document_needs_a_label() -> None:
    conforms, _ = _validate(
        "@prefix vnkg: <https://w3id.org/vnkg/ontology#> . <https://example.org/d> a vnkg:Decision ."
    )
    assert not conforms


# --- OWL 2 DL reasoning with HermiT ---------------------------------------------------------------


def _owl_file(graph: Graph, tmp_path: Path) -> Path:
    """owlready2 reads RDF/XML, not Turtle."""
    owl_file = tmp_path / "vnkg.owl"
    graph.serialize(owl_file, format="xml")
    return owl_file


needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs java on PATH")


@needs_java
def test_hermit_consistent_and_transitive_implementation(tmp_path: Path) -> None:
    owlready2 = pytest.importorskip("owlready2")
    graph = Graph().parse(ONTOLOGY, format="turtle")
    for name, cls in (("A", VNKG.Plan), ("B", VNKG.Program), ("C", VNKG.Resolution)):
        graph.add((EX[name], RDF.type, OWL.NamedIndividual))
        graph.add((EX[name], RDF.type, cls))
    graph.add((EX.A, VNKG.implements, EX.B))
    graph.add((EX.B, VNKG.implements, EX.C))
    world = owlready2.World()
    onto = world.get_ontology(_owl_file(graph, tmp_path).as_uri()).load()
    with onto:
        owlready2.sync_reasoner_hermit(world, infer_property_values=True, debug=0)

    a, b, c = (world[str(EX[n])] for n in "ABC")
    # inferred by HermiT: implements ⊑ implementsTransitively, which is transitive
    assert c in a.implementsTransitively
    assert a in b.implementedBy
    # LegalDocument via the subclass axioms; implements does not make C a Plan
    assert world[NS + "LegalDocument"] in a.is_a[0].ancestors()
    assert world[NS + "Plan"] not in c.is_a


@needs_java
def test_hermit_rejects_a_task_that_is_also_a_measure(tmp_path: Path) -> None:
    owlready2 = pytest.importorskip("owlready2")
    graph = Graph().parse(ONTOLOGY, format="turtle")
    graph.add((EX.x, RDF.type, OWL.NamedIndividual))
    graph.add((EX.x, RDF.type, VNKG.Task))
    graph.add((EX.x, RDF.type, VNKG.Measure))
    world = owlready2.World()
    onto = world.get_ontology(_owl_file(graph, tmp_path).as_uri()).load()
    with onto, pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        owlready2.sync_reasoner_hermit(world, debug=0)
