"""The graph model on a small corpus written here: identity of documents and bodies across texts,
provincial scoping, metadata sidecars, provenance offsets, document links, and injection safety."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from golden import built, union_graph
from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import ORG

from kg.ingest import discover
from kg.stream import build_corpus
from kg.textfile import extract_file

VNKG = Namespace("https://w3id.org/vnkg/ontology#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # rdflib's closed XSD warns under pytest collection
INJECTION = '"> ; DROP TABLE documents; <script>alert(1)</script>'

TEXTS = {
    "thai-binh-ke-hoach-2022.txt": (
        "ỦY BAN NHÂN DÂN\nTỈNH THÁI BÌNH\nSố: 22/KH-UBND\nThái Bình, ngày 20 tháng 01 năm 2022\nKẾ HOẠCH\n"
        "Triển khai thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2022 của Chính phủ\n"
        "về nhiệm vụ, giải pháp chủ yếu năm 2022\n"
        "Căn cứ Nghị quyết số 01/NQ-CP ngày 08/01/2022 của Chính phủ; Nghị quyết số 52-NQ/TW ngày 27/9/2019\n"
        "của Bộ Chính trị về một số chủ trương, chính sách chủ động tham gia cuộc Cách mạng công nghiệp lần thứ "
        "tư,\nỦy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:\n"
        "1. Giao nhiệm vụ:\n"
        "a) Sở Kế hoạch và Đầu tư chủ trì xây dựng kế hoạch đầu tư công trung hạn, trình UBND tỉnh trước "
        "ngày 15/3/2022.\n"
        "b) Sở Tài chính tham mưu phân bổ dự toán ngân sách năm 2022, hoàn thành trong Quý II.\n"),
    "ninh-binh-ke-hoach-2022.txt": (
        "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\nSố: 22/KH-UBND\nNinh Bình, ngày 24 tháng 01 năm 2022\nKẾ HOẠCH\n"
        "Thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2022 của Chính phủ\n"
        "Thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2022 của Chính phủ và Nghị quyết số 52-NQ/TW của Bộ "
        "Chính trị,\nỦy ban nhân dân tỉnh ban hành Kế hoạch thực hiện trên địa bàn tỉnh.\n"),
    "gia-lai-thong-bao-2023.txt": (
        "Ngày 16/01/2023, Ủy ban nhân dân tỉnh Gia Lai tổ chức hội nghị triển khai\n"
        "Nghị quyết số 01/NQ-CP ngày 06/01/2023 của Chính phủ về nhiệm vụ, giải pháp chủ yếu năm 2023.\n"),
    "bai-viet-khong-ro-tinh.txt": (
        "Ủy ban nhân dân tỉnh vừa ban hành Kế hoạch số 140/KH-UBND ngày 12/3/2022 về phát triển\n"
        "kinh tế tập thể. Kế hoạch đặt mục tiêu thành lập mới 50 hợp tác xã.\n"),
    "tra-vinh-tin-tuc.txt": (
        "Sáng 18/02/2022, lãnh đạo tỉnh chủ trì hội nghị quán triệt Nghị quyết số 52-NQ/TW\n"
        "của Bộ Chính trị. Sở Khoa học và Công nghệ báo cáo tình hình triển khai.\n"),
    "soc-trang-quyet-dinh-2022.txt": (
        "Ngày 14/01/2022, UBND tỉnh Sóc Trăng ban hành Quyết định số 45/QĐ-UBND ban hành Chương\n"
        "trình hành động thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2022 của Chính phủ. Chương trình đề ra\n"
        "chỉ tiêu tốc độ tăng trưởng GRDP đạt 7%.\n"),
    "bac-lieu-ke-hoach-2022.txt": (
        f"Kế hoạch số 12/KH-UBND ngày 10/3/2022 của UBND tỉnh Bạc Liêu về chuyển đổi số {INJECTION}\n"
        f"Ngày 10/3/2022, UBND tỉnh Bạc Liêu ban hành Kế hoạch số 12/KH-UBND về chuyển đổi số {INJECTION} "
        "năm 2022.\n"),
}
SIDECAR = {"province": "Trà Vinh", "source_url": "https://travinh.gov.vn/tin-tuc/hoi-nghi-123",
           "published": "2022-02-18"}
NFD_NAME, NFD_TEXT = "vinh-long-nfd.txt", (
    "ỦY BAN NHÂN DÂN\nTỈNH VĨNH LONG\nSố: 09/KH-UBND\nVĩnh Long, ngày 15 tháng 02 năm 2022\nKẾ HOẠCH\n"
    "Thực hiện Quyết định số 150/QĐ-TTg ngày 28/01/2022 của Thủ tướng Chính phủ về phát triển nông nghiệp\n"
    "Năm 2022, phấn đấu tỷ lệ che phủ cây xanh đạt 12%.\n")
CRLF_NAME, CRLF_TEXT = "hoa-binh-crlf.txt", (
    "Ngày 20/4/2022, Ủy ban nhân dân tỉnh Hòa Bình tổ chức hội nghị.\n"
    "Hội nghị quán triệt \u200bNghị quyết số 18-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng "
    "về đất đai.\n")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("graph-model") / "corpus"
    root.mkdir()
    for name, text in TEXTS.items():
        (root / name).write_text(text, encoding="utf-8")
    (root / "tra-vinh-tin-tuc.meta.json").write_text(json.dumps(SIDECAR, ensure_ascii=False), encoding="utf-8")
    (root / NFD_NAME).write_bytes(unicodedata.normalize("NFD", NFD_TEXT).encode("utf-8"))
    (root / CRLF_NAME).write_bytes(CRLF_TEXT.replace("\n", "\r\n").encode("utf-8"))
    return root


@pytest.fixture(scope="module")
def g(corpus: Path) -> Graph:
    graph = union_graph(built([corpus]))
    assert len(set(graph.subjects(RDF.type, VNKG.SourceText))) == len(TEXTS) + 2
    return graph


def source(g: Graph, name: str) -> URIRef:
    found = [s for s in g.subjects(VNKG.fileName, Literal(name))]
    assert len(found) == 1, name
    return found[0]


def docs(g: Graph, number: str) -> set[URIRef]:
    return set(g.subjects(VNKG.documentNumber, Literal(number)))


def label(g: Graph, node) -> str:
    return str(g.value(node, RDFS.label))


def issuer_labels(g: Graph, doc) -> set[str]:
    return {label(g, b) for b in g.objects(doc, VNKG.issuedBy)}


# ----------------------------------------------------------------------------- document identity
def test_same_number_and_date_in_two_texts_is_one_node(g: Graph):
    nodes = [d for d in docs(g, "01/NQ-CP") if (d, VNKG.issuedOn, Literal("2022-01-08", datatype=XSD.date)) in g]
    assert len(nodes) == 1, nodes
    citing = {str(g.value(s, VNKG.fileName)) for s in g.subjects(VNKG.mentions, nodes[0])}
    assert {"thai-binh-ke-hoach-2022.txt", "ninh-binh-ke-hoach-2022.txt", "soc-trang-quyet-dinh-2022.txt"} <= citing


def test_same_number_of_another_year_is_another_node(g: Graph):
    nodes = docs(g, "01/NQ-CP")
    assert len(nodes) == 2, nodes
    dates = {str(d): {str(x) for x in g.objects(d, VNKG.issuedOn)} for d in nodes}
    assert sorted(v for ds in dates.values() for v in ds) == ["2022-01-08", "2023-01-06"]
    gia_lai = source(g, "gia-lai-thong-bao-2023.txt")
    assert [d for d in g.objects(gia_lai, VNKG.mentions) if d in nodes] == \
        [d for d in nodes if (d, VNKG.issuedOn, Literal("2023-01-06", datatype=XSD.date)) in g]


def test_undated_party_citation_joins_the_dated_node(g: Graph):
    nodes = docs(g, "52-NQ/TW")
    assert len(nodes) == 1, nodes
    (node,) = nodes
    assert str(g.value(node, VNKG.issuedOn)) == "2019-09-27"
    assert issuer_labels(g, node) == {"Bộ Chính trị"}
    citing = {str(g.value(s, VNKG.fileName)) for s in g.subjects(VNKG.mentions, node)}
    assert citing == {"thai-binh-ke-hoach-2022.txt", "ninh-binh-ke-hoach-2022.txt", "tra-vinh-tin-tuc.txt"}


# ----------------------------------------------------------------------------- provinces and bodies
def test_provincial_numbers_are_scoped_by_province(g: Graph):
    nodes = docs(g, "22/KH-UBND")
    assert len(nodes) == 2, nodes
    issuers = {d: set(g.objects(d, VNKG.issuedBy)) for d in nodes}
    assert all(len(b) == 1 for b in issuers.values())
    bodies = {next(iter(b)) for b in issuers.values()}
    assert len(bodies) == 2
    assert {label(g, b) for b in bodies} == {"Ủy ban nhân dân tỉnh Thái Bình", "Ủy ban nhân dân tỉnh Ninh Bình"}
    for b in bodies:
        (province,) = set(g.objects(b, VNKG.province))
        assert label(g, b).endswith(label(g, province))


def test_department_is_a_sub_organization_of_its_province_ubnd(g: Graph):
    leads = {b for t in g.subjects(RDF.type, VNKG.Task) for b in g.objects(t, VNKG.leadAgency)}
    sở = [b for b in leads if label(g, b).startswith("Sở Kế hoạch và Đầu tư")]
    assert len(sở) == 1, [label(g, b) for b in leads]
    parents = set(g.objects(sở[0], ORG.subOrganizationOf))
    assert {label(g, p) for p in parents} == {"Ủy ban nhân dân tỉnh Thái Bình"}
    (plan,) = docs(g, "22/KH-UBND") & set(g.objects(source(g, "thai-binh-ke-hoach-2022.txt"), VNKG.about))
    assert parents == set(g.objects(plan, VNKG.issuedBy))


def test_unnamed_province_is_never_guessed(g: Graph):
    src = source(g, "bai-viet-khong-ro-tinh.txt")
    assert g.value(src, VNKG.province) is None
    (plan,) = docs(g, "140/KH-UBND")
    (body,) = set(g.objects(plan, VNKG.issuedBy))
    assert {str(x) for x in g.objects(body, RDFS.label)} == {"Ủy ban nhân dân tỉnh"}
    assert g.value(body, VNKG.province) is None
    other_ubnd = {b for d in docs(g, "22/KH-UBND") for b in g.objects(d, VNKG.issuedBy)}
    assert body not in other_ubnd


def test_sidecar_sets_province_source_url_and_publication_date(g: Graph):
    src = source(g, "tra-vinh-tin-tuc.txt")
    province = g.value(src, VNKG.province)
    assert province is not None and label(g, province) == "Trà Vinh"
    assert (province, RDF.type, VNKG.Province) in g
    url = g.value(src, VNKG.sourceUrl)
    assert str(url) == SIDECAR["source_url"]
    assert g.value(src, VNKG.publishedOn) == Literal("2022-02-18", datatype=XSD.date)


# ----------------------------------------------------------------------------- provenance
def original_text(corpus: Path, name: str) -> str:
    return (corpus / name).read_bytes().decode("utf-8")


def test_every_span_slices_the_original_file_text(g: Graph, corpus: Path):
    checked: dict[str, int] = {}
    wrong = []
    for node in set(g.subjects(VNKG.anchorText, None)):
        src = g.value(node, VNKG.inSource) or g.value(node, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"))
        name = str(g.value(src, VNKG.fileName))
        text = original_text(corpus, name)
        start, end = int(g.value(node, VNKG.startOffset)), int(g.value(node, VNKG.endOffset))
        anchor = str(g.value(node, VNKG.anchorText))
        if unicodedata.normalize("NFC", text[start:end]) != anchor:
            wrong.append(f"{name} [{start}:{end}] {text[start:end]!r} != {anchor!r}")
        checked[name] = checked.get(name, 0) + 1
    assert not wrong, "\n".join(wrong)
    assert checked.get(NFD_NAME, 0) >= 2 and checked.get(CRLF_NAME, 0) >= 1, checked


def test_mentions_in_nfd_and_crlf_files_map_back(g: Graph, corpus: Path):
    for name, anchor in ((NFD_NAME, "Quyết định số 150/QĐ-TTg"), (CRLF_NAME, "Nghị quyết số 18-NQ/TW")):
        src = source(g, name)
        text = original_text(corpus, name)
        mentions = [m for m in g.subjects(VNKG.inSource, src) if str(g.value(m, VNKG.anchorText)) == anchor]
        assert len(mentions) == 1, name
        m = mentions[0]
        start, end = int(g.value(m, VNKG.startOffset)), int(g.value(m, VNKG.endOffset))
        assert unicodedata.normalize("NFC", text[start:end]) == anchor
        if name == CRLF_NAME:
            assert text[start - 1] == "\u200b" and text.count("\r\n") == 2


def test_no_document_mention_is_recorded_twice(corpus: Path):
    results = [extract_file(p, p.name).result for p in discover([corpus])[0]]
    assert len(results) == len(TEXTS) + 2
    dup = [(res.file_name, d.number, [(s.start, s.end) for s in d.spans]) for res in results
           for d in res.documents if len({(s.start, s.end) for s in d.spans}) != len(d.spans)]
    assert not dup, dup


# ----------------------------------------------------------------------------- links
def test_header_title_gives_implements(g: Graph):
    src = source(g, "thai-binh-ke-hoach-2022.txt")
    (plan,) = set(g.objects(src, VNKG.about))
    assert (plan, RDF.type, VNKG.Plan) in g and plan in docs(g, "22/KH-UBND")
    (resolution,) = [d for d in docs(g, "01/NQ-CP") if str(g.value(d, VNKG.issuedOn)) == "2022-01-08"]
    assert set(g.objects(plan, VNKG.implements)) == {resolution}
    (vl_plan,) = set(g.objects(source(g, NFD_NAME), VNKG.about))
    assert set(g.objects(vl_plan, VNKG.implements)) == docs(g, "150/QĐ-TTg")


def test_article_reporting_a_decision_is_about_it(g: Graph):
    src = source(g, "soc-trang-quyet-dinh-2022.txt")
    (decision,) = docs(g, "45/QĐ-UBND")
    assert decision in set(g.objects(src, VNKG.about))
    assert (decision, RDF.type, VNKG.Decision) in g
    assert issuer_labels(g, decision) == {"Ủy ban nhân dân tỉnh Sóc Trăng"}
    assert str(g.value(decision, VNKG.issuedOn)) == "2022-01-14"


def test_program_promulgated_by_a_provincial_decision_is_not_issued_by_the_government(g: Graph):
    """'Quyết định số 45/QĐ-UBND ban hành Chương trình hành động thực hiện Nghị quyết số 01/NQ-CP … của
    Chính phủ': "của Chính phủ" belongs to the resolution; the program is the province's."""
    src = source(g, "soc-trang-quyet-dinh-2022.txt")
    programs = [d for d in g.objects(src, VNKG.mentions) if (d, RDF.type, VNKG.Program) in g]
    assert len(programs) == 1
    assert "Chính phủ" not in issuer_labels(g, programs[0])
    assert "/doc/vn/" not in str(programs[0]), "a provincial program must not be a national node"


def test_cited_titles_stop_at_the_end_of_the_citation(g: Graph):
    titles = {str(t) for d in docs(g, "01/NQ-CP") | docs(g, "52-NQ/TW") for t in g.objects(d, VNKG.title)}
    run_on = [t for t in titles if "Căn cứ" in t or "ban hành Kế hoạch" in t]
    assert not run_on, run_on


# ----------------------------------------------------------------------------- injection
def canonical(g: Graph) -> set:
    def term(t):
        if isinstance(t, Literal) and t.datatype == XSD.decimal:
            return ("decimal", t.toPython())
        return t

    assert not any(isinstance(t, BNode) for t in g.all_nodes())
    return {tuple(term(t) for t in triple) for triple in g}


def test_markup_and_quotes_in_a_title_survive_turtle(corpus: Path, g: Graph, tmp_path: Path):
    out = tmp_path / "graph.ttl"
    assert not build_corpus([corpus], output=out).errors
    back = Graph().parse(out, format="turtle")
    assert canonical(back) == canonical(g)  # same triples (decimals compared by value: 7 and 7.0)
    literals = [str(o) for o in back.objects() if isinstance(o, Literal) and INJECTION in str(o)]
    assert literals, "the title with markup is not in the graph"
    src = source(back, "bac-lieu-ke-hoach-2022.txt")
    assert INJECTION in str(back.value(src, RDFS.label))
    assert not [t for t in back.all_nodes() if isinstance(t, URIRef) and any(c in str(t) for c in '<>" ;')]
