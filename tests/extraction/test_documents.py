"""Named documents, the text's own document (official header), signer, about and implements links."""

HEADER = """ỦY BAN NHÂN DÂN
TỈNH SƠN LA
-------
|
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
|
Số: 18/KH-UBND
|
Sơn
La, ngày 20 tháng 01 năm 2022
|
KẾ HOẠCH
TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 01/NQ-CP NGÀY 08/01/2022 CỦA CHÍNH
PHỦ TRÊN ĐỊA BÀN TỈNH SƠN LA
Thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2022 của Chính phủ, UBND tỉnh Sơn La ban hành Kế hoạch như sau:
I. MỤC TIÊU
Năm đầu thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV, nhiệm kỳ 2020-2025 và Kế hoạch phát triển kinh
tế - xã hội 5 năm 2021-2025; triển khai Luật Đầu tư năm 2020, Luật Đất đai và các văn bản.
Nơi nhận:
- Như trên;
- Lưu: VT.
|
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Cầm Ngọc Minh
|
"""


def test_header_gives_the_texts_own_document(read, doc, named) -> None:
    res = read(HEADER)
    own = doc(res, "18/KH-UBND")
    assert own.role == "self" and own.doc_type == "Plan" and own.date == "2022-01-20"
    assert own.issuer.name == "Ủy ban nhân dân tỉnh Sơn La"
    assert [res.documents[i].number for i in res.about] == ["18/KH-UBND"]
    links = {(res.documents[lk.subject].number, lk.predicate, res.documents[lk.obj].number) for lk in res.links}
    assert ("18/KH-UBND", "implements", "01/NQ-CP") in links


def test_signer_with_post(read, doc, named) -> None:
    res = read(HEADER)
    signer = res.people[res.signer]
    assert signer.name == "Cầm Ngọc Minh"
    assert signer.posts[0][0] == "Phó Chủ tịch"


def test_named_documents(read, doc, named) -> None:
    res = read(HEADER)
    congress = named(res, "Đại hội Đảng bộ tỉnh lần thứ XV")
    assert congress.doc_type == "Resolution" and congress.scope == "son-la"
    assert named(res, "Kế hoạch phát triển kinh tế - xã hội 5 năm 2021-2025").doc_type == "Plan"
    law = named(res, "Luật Đầu tư năm 2020")
    assert law.doc_type == "Law" and law.scope == "vn"
    assert named(res, "Luật Đất đai").label == "Luật Đất đai"


def test_generic_phrases_are_not_documents(read, doc, named) -> None:
    res = read("Các sở bám sát Nghị quyết của Chính phủ, Nghị quyết của Tỉnh ủy và kế hoạch năm 2022; "
               "Kế hoạch này được phổ biến rộng rãi; Kịp thời ban hành các văn bản triển khai Luật mới.")
    assert [d.label for d in res.documents] == []


def test_congress_resolutions_are_one_node_whatever_the_wording(read, doc, named) -> None:
    res = read("Thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng. Sau đó, Nghị quyết Đại hội "
               "toàn quốc lần thứ XIII của Đảng tiếp tục được quán triệt.")
    nodes = [d for d in res.documents if d.label and "XIII" in d.label]
    assert len(nodes) == 1 and len(nodes[0].spans) == 2 and nodes[0].scope == "vn"


def test_numbers_without_symbol(read, doc, named) -> None:
    res = read("Triển khai Chương trình hành động số 03 ngày 12/01/2021 của Ban Chấp hành Đảng bộ tỉnh Cà Mau và "
               "Nghị quyết số 02 ngày 30/12/2020 của BCH Đảng bộ tỉnh về chuyển đổi số tỉnh Cà Mau đến năm 2025.")
    ctr = named(res, "Chương trình hành động số 03")
    assert (ctr.doc_type, ctr.date, ctr.bare_number) == ("Program", "2021-01-12", "03")
    assert ctr.issuer.name == "Tỉnh ủy Cà Mau"
    nq = named(res, "Nghị quyết số 02 ngày 30/12/2020")
    assert "chuyển đổi số tỉnh Cà Mau đến năm 2025" in nq.label


def test_article_is_about_the_reported_decision(read, doc, named) -> None:
    res = read("Quảng Trị ban hành chương trình hành động năm 2023\n\nNgày 09/01/2023, UBND tỉnh Quảng Trị "
               "ban hành Quyết định số 48/QĐ-UBND ban hành Chương trình hành động thực hiện nhiệm vụ phát triển "
               "kinh tế - xã hội năm 2023. Trước đó, ngày 06/01/2023, Chính phủ ban hành Nghị quyết số 01/NQ-CP.")
    about = [res.documents[i] for i in res.about]
    assert about[0].number == "48/QĐ-UBND"
    assert any(d.doc_type == "Program" and d.number is None for d in about)  # promulgated by the decision
    assert "01/NQ-CP" not in {d.number for d in about}


def test_meeting_report_is_about_nothing(read, doc, named) -> None:
    res = read("Ngày 28/12/2023, đồng chí Lò Văn Tùng – Chủ tịch UBND tỉnh chủ trì phiên họp thường kỳ tháng 12. "
               "Các đại biểu thảo luận Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ.")
    assert res.about == []


def test_implements_between_mentions(read, doc, named) -> None:
    res = read("Tiếp tục thực hiện Chương trình hành động số 27-CTr/TU ngày 21/8/2017 của Tỉnh ủy Bến Tre về thực "
               "hiện Nghị quyết số 11-NQ/TW ngày 03/6/2017 của Ban Chấp hành Trung ương Đảng khóa XII.")
    links = {(res.documents[lk.subject].number, lk.predicate, res.documents[lk.obj].number) for lk in res.links}
    assert links == {("27-CTr/TU", "implements", "11-NQ/TW")}


def test_no_province_is_guessed(read, doc, named) -> None:
    res = read("Ngày 31/01/2024, UBND tỉnh ban hành Kế hoạch số 140/KH-UBND thực hiện Nghị quyết số 01/NQ-CP.")
    plan = doc(res, "140/KH-UBND")
    assert res.province is None
    assert plan.issuer.name == "Ủy ban nhân dân tỉnh" and plan.scope.startswith("unknown-")


def test_sidecar_province_is_used(read, doc, named) -> None:
    res = read("Ngày 31/01/2024, UBND tỉnh ban hành Kế hoạch số 140/KH-UBND.", province="Bến Tre")
    assert doc(res, "140/KH-UBND").issuer.name == "Ủy ban nhân dân tỉnh Bến Tre"


def test_vua_co_reports_an_issued_plan(read, doc, named) -> None:
    res = read("Hậu Giang: triển khai nhiệm vụ năm 2023\n\nUBND tỉnh Hậu Giang vừa có Kế hoạch số 15/KH-UBND ngày "
               "20/01/2023 thực hiện Nghị quyết số 01/NQ-CP ngày 06/01/2023 của Chính phủ.")
    assert [res.documents[i].number for i in res.about] == ["15/KH-UBND"]
    links = {(res.documents[lk.subject].number, lk.predicate, res.documents[lk.obj].number) for lk in res.links}
    assert links == {("15/KH-UBND", "implements", "01/NQ-CP")}


def test_party_congress_and_plenum_resolutions(read, doc, named) -> None:
    res = read("Quán triệt Nghị quyết Đại hội XIII của Đảng, Nghị quyết Trung ương 8 khóa XIII và Nghị quyết Hội nghị "
               "lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII.")
    keys = sorted(d.key for d in res.documents)
    assert keys == ["nghi-quyet-dai-hoi-toan-quoc-xiii", "nghi-quyet-trung-uong-8-khoa-xiii"]
    plenum = named(res, "Trung ương 8 khóa XIII")
    assert plenum.scope == "vn" and plenum.issuer.name == "Ban Chấp hành Trung ương Đảng" and len(plenum.spans) == 2


COUNCIL = """HỘI ĐỒNG NHÂN DÂN
TỈNH HÀ GIANG
|
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
|
Số: 41/NQ-HĐND
|
Hà Giang, ngày 10 tháng 12 năm 2025
|
NGHỊ QUYẾT
VỀ KẾ HOẠCH ĐẦU TƯ CÔNG NĂM 2026
HỘI ĐỒNG NHÂN DÂN TỈNH HÀ GIANG
Căn cứ Luật Đầu tư công ngày 29 tháng 11 năm 2024;
QUYẾT NGHỊ:
Điều 1. Thông qua kế hoạch đầu tư công năm 2026 với tổng vốn 5.000 tỷ đồng; triển khai Đề án phát triển
du lịch cộng đồng giai đoạn 2026 - 2030.
"""


def test_the_plan_an_acts_title_is_about_is_its_topic(read, doc, named) -> None:
    res = read(COUNCIL)
    assert doc(res, "41/NQ-HĐND").role == "self"
    assert sorted(d.label for d in res.documents if d.number is None) == [
        "Luật Đầu tư công", "Đề án phát triển du lịch cộng đồng giai đoạn 2026-2030"]


OWN_PLAN = """ỦY BAN NHÂN DÂN
TỈNH YÊN BÁI
|
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
|
Số: 77/KH-UBND
|
Yên Bái, ngày 03 tháng 3 năm 2025
|
KẾ HOẠCH
PHÁT TRIỂN KINH TẾ RỪNG BỀN VỮNG TỈNH YÊN BÁI NĂM 2025
Ủy ban nhân dân tỉnh ban hành Kế hoạch phát triển kinh tế rừng bền vững tỉnh Yên Bái năm 2025, cụ thể như sau:
I. NHIỆM VỤ
1 | Kế hoạch phát triển kinh tế rừng bền vững tỉnh Yên Bái năm 2025 | Sở Nông nghiệp và Môi trường | Quý I/2025
2 | Xây dựng Đề án trồng rừng gỗ lớn giai đoạn 2026 - 2030 | Sở Nông nghiệp và Môi trường | Quý IV/2025
"""

OWN_PLAN_UNTITLED = OWN_PLAN.replace("PHÁT TRIỂN KINH TẾ RỪNG BỀN VỮNG TỈNH YÊN BÁI NĂM 2025\n", "")


def test_the_own_plan_named_in_its_text_is_the_numbered_one(read, doc, named) -> None:
    for text in (OWN_PLAN, OWN_PLAN_UNTITLED):
        res = read(text)
        assert [d.label for d in res.documents if d.number is None] == [
            "Đề án trồng rừng gỗ lớn giai đoạn 2026-2030"]
        assert len(doc(res, "77/KH-UBND").spans) >= 2


def test_a_news_headline_names_the_plan_its_lead_reports_issued(read, doc) -> None:
    """A headline's unnumbered plan is the numbered one the lead reports as just issued: one document, the about."""
    text = ("Sơn La triển khai Kế hoạch phát triển nông nghiệp hữu cơ năm 2026\n"
            "Ngày đăng: 03/3/2026 | Tác giả: Thu Hà\n"
            "UBND tỉnh Sơn La vừa ban hành Kế hoạch số 47/KH-UBND ngày 28/02/2026 về phát triển nông nghiệp hữu cơ. "
            "Năm 2026, tỉnh phấn đấu có 1.200 ha sản xuất hữu cơ.\n"
            "Theo Kế hoạch phát triển du lịch tỉnh Sơn La năm 2026, các huyện tổ chức lễ hội.")
    res = read(text)
    plan = doc(res, "47/KH-UBND")
    assert [res.documents[i] for i in res.about] == [plan]
    assert [d.label for d in res.documents if d.number is None] == ["Kế hoạch phát triển du lịch tỉnh Sơn La năm 2026"]
