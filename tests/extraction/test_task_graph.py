"""Tasks in the graph: a lead cell naming several bodies gives one vnkg:leadAgency each; a recurring deadline
is kept as written."""

from __future__ import annotations

from pathlib import Path

from golden import union_graph
from rdflib import RDF, RDFS, Literal, Namespace

from kg.build import extract_corpus

VNKG = Namespace("https://w3id.org/vnkg/ontology#")
TEXT = """ỦY BAN NHÂN DÂN TỈNH CAO BẰNG
KẾ HOẠCH
Phát triển kinh tế cửa khẩu năm 2026

STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành

1 | Nâng cấp đường kết nối cửa khẩu phụ | Bộ Xây dựng, Bộ Quốc phòng | Sở Tài chính | Quý IV/2026

Các đơn vị, địa phương định kỳ báo cáo kết quả về Sở Công Thương trước ngày 25/6 và 25/12 hằng năm.
"""


def test_one_lead_agency_per_body_and_recurring_deadline(tmp_path: Path) -> None:
    (tmp_path / "cao-bang-ke-hoach-2026.txt").write_text(TEXT, encoding="utf-8")
    items, errors = extract_corpus([tmp_path])
    assert not errors
    g = union_graph(items)
    tasks = {str(g.value(t, RDFS.label)): t for t in g.subjects(RDF.type, VNKG.Task)}
    road = tasks["Nâng cấp đường kết nối cửa khẩu phụ"]
    leads = {str(g.value(b, RDFS.label)) for b in g.objects(road, VNKG.leadAgency)}
    assert leads == {"Bộ Xây dựng", "Bộ Quốc phòng"}
    report = tasks["Định kỳ báo cáo kết quả về Sở Công Thương"]
    assert g.value(report, VNKG.deadline) == Literal("Trước ngày 25/6 và 25/12 hằng năm")
