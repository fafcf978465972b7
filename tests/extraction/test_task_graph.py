"""Tasks in the graph: a lead cell naming several bodies gives one vnkg:leadAgency each; a recurring deadline
is kept as written; a ministry's department is one national lead across texts; a body-subject item leads."""

from __future__ import annotations

from pathlib import Path

from golden import built, union_graph
from rdflib import RDF, RDFS, Literal, Namespace

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
    g = union_graph(built([tmp_path]))
    tasks = {str(g.value(t, RDFS.label)): t for t in g.subjects(RDF.type, VNKG.Task)}
    road = tasks["Nâng cấp đường kết nối cửa khẩu phụ"]
    leads = {str(g.value(b, RDFS.label)) for b in g.objects(road, VNKG.leadAgency)}
    assert leads == {"Bộ Xây dựng", "Bộ Quốc phòng"}
    report = tasks["Định kỳ báo cáo kết quả về Sở Công Thương"]
    assert g.value(report, VNKG.deadline) == Literal("Trước ngày 25/6 và 25/12 hằng năm")


MINISTRY = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 88/KH-BNNMT
Hà Nội, ngày 10 tháng 3 năm 2026
KẾ HOẠCH
Hợp tác quốc tế năm 2026

Bộ trưởng giao Vụ Hợp tác quốc tế chủ trì, phối hợp với Cục Chăn nuôi tổng hợp đề xuất dự án ODA, hoàn thành trong
tháng 10/2026.
"""
LETTER = """ỦY BAN NHÂN DÂN TỈNH SƠN LA
Số: 301/UBND-KT
V/v triển khai nhiệm vụ năm 2026

Chủ tịch UBND tỉnh chỉ đạo như sau:

1. Giao Sở Nội vụ chủ trì rà soát biên chế các đơn vị sự nghiệp, trình UBND tỉnh trước ngày 15/4/2026.

2. Sở Tài chính hướng dẫn quyết toán kinh phí hỗ trợ các xã bị ảnh hưởng bởi lũ quét.

3. Vụ Hợp tác quốc tế hỗ trợ tỉnh kết nối các nhà tài trợ.
"""


def test_a_ministry_department_is_one_national_lead_and_a_body_subject_item_leads(tmp_path: Path) -> None:
    (tmp_path / "bo-nnmt-ke-hoach-2026.txt").write_text(MINISTRY, encoding="utf-8")
    (tmp_path / "son-la-cong-van-2026.txt").write_text(LETTER, encoding="utf-8")
    g = union_graph(built([tmp_path]))
    tasks = {str(g.value(t, RDFS.label)): t for t in g.subjects(RDF.type, VNKG.Task)}
    oda = tasks["Tổng hợp đề xuất dự án ODA"]
    assert g.value(oda, VNKG.deadline) is not None
    donors = tasks["Hỗ trợ tỉnh kết nối các nhà tài trợ"]
    assert g.value(oda, VNKG.leadAgency) == g.value(donors, VNKG.leadAgency)  # one node across the two texts
    assert str(g.value(g.value(oda, VNKG.leadAgency), RDFS.label)) == "Vụ Hợp tác quốc tế"
    funds = tasks["Hướng dẫn quyết toán kinh phí hỗ trợ các xã bị ảnh hưởng bởi lũ quét"]
    assert str(g.value(g.value(funds, VNKG.leadAgency), RDFS.label)) == "Sở Tài chính tỉnh Sơn La"
