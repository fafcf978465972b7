"""The text's own document in every header layout: official header lines or table cells, no type line,
legal-database metadata block."""

CELLS = """ỦY BAN NHÂN DÂN
TỈNH PHÚ YÊN
|
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
|
Số:
47/2023/QĐ-UBND
|
Phú Yên, ngày
03 tháng 11 năm 2023
|
QUYẾT ĐỊNH
Ban hành quy chế quản lý cụm công nghiệp
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN
Căn cứ Luật Đầu tư ngày 17 tháng 6 năm 2020;
"""


def test_header_in_table_cells_is_one_numbered_dated_document(read, doc) -> None:
    res = read(CELLS)
    own = doc(res, "47/2023/QĐ-UBND")
    assert (own.role, own.doc_type, own.date) == ("self", "Decision", "2023-11-03")
    assert own.issuer.name == "Ủy ban nhân dân tỉnh Phú Yên"
    assert [res.documents[i].number for i in res.about] == ["47/2023/QĐ-UBND"]
    assert not [d for d in res.documents if d.role == "self" and d.number is None]


def test_title_stops_at_the_authority_line(read, doc) -> None:
    own = doc(read(CELLS), "47/2023/QĐ-UBND")
    assert own.title == "Ban hành quy chế quản lý cụm công nghiệp"


NO_TYPE_LINE = """BỘ TRƯỞNG BỘ CÔNG THƯƠNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 07/CT-BCT | Hà Nội, ngày 21 tháng 9 năm 2024 |
Thực hiện Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ, Bộ trưởng yêu cầu các đơn vị thuộc Bộ
triển khai các nhiệm vụ sau.
"""


def test_header_without_type_line(read, doc) -> None:
    res = read(NO_TYPE_LINE)
    own = doc(res, "07/CT-BCT")
    assert (own.role, own.doc_type, own.date) == ("self", "Directive", "2024-09-21")
    assert [res.documents[i].number for i in res.about] == ["07/CT-BCT"]


def test_a_national_header_dated_in_the_capital_names_no_province(read) -> None:
    assert read(NO_TYPE_LINE).province is None


LETTER = """UBND TỈNH HÀ GIANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 1520/UBND-NNTNMT | Hà Giang, ngày 14 tháng 5 năm 2022
V/v đẩy nhanh tiến độ trồng rừng năm 2022
Kính gửi: Sở Nông nghiệp và Phát triển nông thôn.
"""


def test_numbered_letter_without_type_code_is_an_official_letter(read, doc) -> None:
    own = doc(read(LETTER), "1520/UBND-NNTNMT")
    assert (own.role, own.doc_type, own.date) == ("self", "OfficialLetter", "2022-05-14")
    assert own.issuer.name == "Ủy ban nhân dân tỉnh Hà Giang"


def test_a_number_line_alone_is_no_header(read) -> None:
    res = read("Số: 12/KH-UBND\nCác sở triển khai kế hoạch.\n")
    assert res.about == []


METADATA = """Văn bản pháp luật
Số hiệu:\t09/2022/NQ-HĐND\tLoại văn bản:\tNghị quyết
Nơi ban hành:\tTỉnh Trà Vinh\tNgười ký:\tKim Ngọc Thái
Ngày ban hành:\t08/07/2022\tNgày hiệu lực:\tĐã biết
Nghị quyết quy định mức hỗ trợ phát triển hợp tác xã trên địa bàn tỉnh Trà Vinh.
"""


def test_legal_database_metadata_block(read, doc) -> None:
    res = read(METADATA)
    own = doc(res, "09/2022/NQ-HĐND")
    assert (own.role, own.doc_type, own.date) == ("self", "Resolution", "2022-07-08")
    assert own.issuer.name == "Hội đồng nhân dân tỉnh Trà Vinh"
    assert res.people[res.signer].name == "Kim Ngọc Thái"


def test_metadata_in_cells_fills_what_the_header_lacks(read, doc) -> None:
    text = ("Số hiệu: | 33/KH-UBND | Ngày ban hành: | 02/03/2021 |\n"
            "ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Số: 33/KH-UBND\nKẾ HOẠCH\nPhát triển thương mại điện tử năm 2021\n")
    own = doc(read(text), "33/KH-UBND")
    assert (own.role, own.doc_type, own.date) == ("self", "Plan", "2021-03-02")


def test_prose_naming_a_number_is_no_metadata(read) -> None:
    res = read("Trong hồ sơ, số hiệu: 06/KH-UBND được ghi sai; đề nghị kiểm tra lại.")
    assert res.about == []


def test_article_about_the_decision_cited_under_a_plan_title(read, doc) -> None:
    res = read("Kế hoạch phát triển kinh tế đêm tỉnh Lâm Đồng năm 2025\n"
               "(Theo Quyết định số 27/QĐ-UBND ngày 06/01/2025 của UBND tỉnh)\n"
               "Mục tiêu thu hút 2 triệu lượt khách.")
    assert [res.documents[i].number for i in res.about] == ["27/QĐ-UBND"]


def test_plan_issued_at_a_decision_is_announced_with_it(read, doc, named) -> None:
    res = read("Kế hoạch phát triển nông nghiệp hữu cơ năm 2025 vừa được UBND tỉnh Bến Tre ban hành tại Quyết định "
               "số 88/QĐ-UBND ngày 14/01/2025.")
    qd = doc(res, "88/QĐ-UBND")
    assert qd.issuer.name == "Ủy ban nhân dân tỉnh Bến Tre"
    plan = named(res, "Kế hoạch phát triển nông nghiệp hữu cơ")
    assert {id(res.documents[i]) for i in res.about} == {id(qd), id(plan)}


def test_background_resolution_is_not_what_the_article_is_about(read, doc) -> None:
    res = read("Ngày 05/01/2026, Chính phủ ban hành Nghị quyết số 01/NQ-CP về nhiệm vụ năm 2026. Để triển khai, "
               "UBND tỉnh Sóc Trăng ban hành Kế hoạch số 14/KH-UBND thực hiện Nghị quyết số 01/NQ-CP.")
    assert [res.documents[i].number for i in res.about] == ["14/KH-UBND"]


def test_the_date_of_issue_is_no_issuing(read) -> None:
    res = read("Tỉnh lấy ngày ban hành Nghị quyết số 09-NQ/TU làm Ngày truyền thống của ngành.")
    assert res.about == []


PARTY_HEADER = """ĐẢNG BỘ TỈNH VĨNH PHÚC

BAN THƯỜNG VỤ TỈNH ỦY

Số 21-CTr/TU

ĐẢNG CỘNG SẢN VIỆT NAM

Vĩnh Phúc, ngày 12 tháng 3 năm 2023

CHƯƠNG TRÌNH HÀNH ĐỘNG

THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI VÀ NGHỊ QUYẾT SỐ 29-NQ/TW NGÀY 17/11/2022 CỦA BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG
VÀ KẾT LUẬN SỐ 14-KL/TW NGÀY 22/9/2021 CỦA BỘ CHÍNH TRỊ

I. MỤC ĐÍCH, YÊU CẦU
"""


def test_title_after_blank_lines_implements_every_document_of_its_list(read, doc) -> None:
    res = read(PARTY_HEADER)
    own = doc(res, "21-CTr/TU")
    assert own.issuer.name == "Ban Thường vụ Tỉnh ủy Vĩnh Phúc" and own.title.startswith("THỰC HIỆN NGHỊ QUYẾT")
    links = {(res.documents[lk.subject].number, lk.predicate, res.documents[lk.obj].number) for lk in res.links}
    assert {("21-CTr/TU", "implements", "29-NQ/TW"), ("21-CTr/TU", "implements", "14-KL/TW")} <= links


def test_letter_implementing_what_a_notice_concluded(read, doc) -> None:
    res = read("Ngày 03/4/2024, UBND tỉnh ban hành Công văn số 1021/UBND-KT về việc thực hiện ý kiến chỉ đạo của "
               "Thường trực Tỉnh ủy tại Thông báo số 75-TB/TU ngày 01/4/2024.")
    links = {(res.documents[lk.subject].number, lk.predicate, res.documents[lk.obj].number) for lk in res.links}
    assert ("1021/UBND-KT", "implements", "75-TB/TU") in links


def test_header_cells_on_one_line_with_a_numeric_date(read, doc) -> None:
    res = read("UBND TỈNH HÒA BÌNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
               "Số: 64/KH-UBND | Hòa Bình, ngày 18/4/2024 |\n| KẾ HOẠCH |\nPhát triển du lịch cộng đồng năm 2024\n"
               "I. MỤC ĐÍCH\n")
    own = doc(res, "64/KH-UBND")
    assert (own.role, own.doc_type, own.date) == ("self", "Plan", "2024-04-18")
    assert own.title == "Phát triển du lịch cộng đồng năm 2024"


BARE_TYPE_LINE = """CHƯƠNG TRÌNH
Phát triển nông nghiệp hữu cơ tỉnh Lâm Đồng giai đoạn 2025-2030
I. KẾT QUẢ THỰC HIỆN GIAI ĐOẠN TRƯỚC
Giai đoạn 2021-2024, toàn tỉnh có 1.250 ha sản xuất hữu cơ.
"""


def test_page_opening_with_its_type_line_and_title_is_the_own_document(read) -> None:
    res = read(BARE_TYPE_LINE)
    own = [d for d in res.documents if d.role == "self"]
    assert [(d.doc_type, d.number, d.title) for d in own] == [
        ("Program", None, "Phát triển nông nghiệp hữu cơ tỉnh Lâm Đồng giai đoạn 2025-2030")]


def test_a_type_word_inside_prose_opening_is_no_header(read) -> None:
    res = read("KẾ HOẠCH\nlà gì?\nBài viết bàn về cách lập kế hoạch trong doanh nghiệp nhỏ.")
    assert not [d for d in res.documents if d.role == "self"]


OFFICE_HEADER = """ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
VĂN PHÒNG | Độc lập - Tự do - Hạnh phúc |
Số: 77/TB-VPUB | Quảng Bình, ngày 05 tháng 3 năm 2024 |
THÔNG BÁO
Ý kiến kết luận của Phó Chủ tịch UBND tỉnh tại buổi làm việc về phát triển du lịch biển
"""

STANDING_HEADER = """TỈNH ỦY HÀ TĨNH
BAN THƯỜNG VỤ
*
Số 12-KH/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Tĩnh, ngày 09 tháng 4 năm 2025
KẾ HOẠCH
thực hiện Kết luận số 14-KL/TW của Bộ Chính trị
"""

COMMITTEE_HEADER = """HĐND TỈNH BẮC KẠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
BAN KINH TẾ - NGÂN SÁCH | Độc lập - Tự do - Hạnh phúc |
Số: 31/BC-HĐND | Bắc Kạn, ngày 02 tháng 12 năm 2024 |
BÁO CÁO
Thẩm tra dự thảo Nghị quyết về dự toán ngân sách năm 2025
"""


def test_the_unit_on_the_line_under_the_body_issues_the_header(read, doc) -> None:
    """The second line of the issuing block names the unit of the body above it that issues the text."""
    office = doc(read(OFFICE_HEADER), "77/TB-VPUB")
    assert office.issuer.name == "Văn phòng Ủy ban nhân dân tỉnh Quảng Bình"
    standing = doc(read(STANDING_HEADER), "12-KH/TU")
    assert standing.issuer.name == "Ban Thường vụ Tỉnh ủy Hà Tĩnh"
    committee = doc(read(COMMITTEE_HEADER), "31/BC-HĐND")
    assert committee.issuer.name == "Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh Bắc Kạn"
    assert committee.issuer.parent.name == "Hội đồng nhân dân tỉnh Bắc Kạn"


def test_a_line_under_the_body_that_names_no_unit_leaves_the_body(read, doc) -> None:
    text = OFFICE_HEADER.replace("VĂN PHÒNG |", "ĐOÀN KẾT |")
    assert doc(read(text), "77/TB-VPUB").issuer.name == "Ủy ban nhân dân tỉnh Quảng Bình"
