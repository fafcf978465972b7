"""Numbered references: type from the word before, date and issuer after (or before), short forms."""

LAO_CAI = (
    "Ngày 12-3-2023, Ban Thường vụ Tỉnh ủy Lào Cai ban hành Chương trình hành động số 41-CTr/TU thực hiện "
    "Nghị quyết số 11 - NQ/TW ngày 10-02-2022 của Bộ Chính trị về phát triển kinh tế - xã hội vùng trung du và "
    "miền núi phía Bắc; Quy định số 08-QĐi/TW ngày 25-10-2021 của Ban Chấp hành Trung ương Đảng khóa XIII; "
    "Chỉ thị số 05-CT/TW ngày 15-5-2016 của Bộ Chính trị và Quy định số 11-QĐ/TW ngày 18-02-2019 của Bộ Chính trị."
)


def test_types_dates_issuers_from_text(read, doc, named) -> None:
    res = read(LAO_CAI)
    assert res.province == "Lào Cai"
    ctr = doc(res, "41-CTr/TU")
    assert (ctr.doc_type, ctr.date, ctr.issuer.name) == ("Program", "2023-03-12", "Ban Thường vụ Tỉnh ủy Lào Cai")
    nq = doc(res, "11-NQ/TW")
    assert (nq.doc_type, nq.date, nq.issuer.name) == ("Resolution", "2022-02-10", "Bộ Chính trị")
    qdi = doc(res, "08-QĐi/TW")
    assert (qdi.doc_type, qdi.issuer.name) == ("Regulation", "Ban Chấp hành Trung ương Đảng")
    assert doc(res, "05-CT/TW").doc_type == "Directive"
    assert doc(res, "11-QĐ/TW").doc_type == "Regulation"  # the word decides: Quy định, not Quyết định


def test_issuer_from_symbol_when_text_is_silent(read, doc, named) -> None:
    res = read("Căn cứ Nghị quyết 01/NQ-CP, Quyết định 28/2018/QĐ-TTg, Nghị quyết 32/2021/QH15 và "
               "Kế hoạch 27/KH-UBND năm 2022 của tỉnh Đắk Lắk; Kết luận 21-KL/TW.")
    assert doc(res, "01/NQ-CP").issuer.name == "Chính phủ"
    assert doc(res, "28/2018/QĐ-TTg").issuer.name == "Thủ tướng Chính phủ"
    assert doc(res, "32/2021/QH15").issuer.name == "Quốc hội"
    assert doc(res, "27/KH-UBND").issuer.name == "Ủy ban nhân dân tỉnh Đắk Lắk"
    assert doc(res, "21-KL/TW").issuer is None  # TW: Central Committee, Politburo or Secretariat — never guessed


def test_issuer_and_date_before_the_number(read, doc, named) -> None:
    res = read("Ngày 10/01/2023, UBND tỉnh Bình Định ban hành Quyết định số 95/QĐ-UBND. Ngày 06-01-2023, "
               "Chính phủ ban hành Nghị quyết số 01/NQ-CP về nhiệm vụ năm 2023; HĐND tỉnh ban hành Nghị quyết số "
               "42/NQ-HĐND, ngày 09/12/2022 về kế hoạch năm 2023.")
    qd = doc(res, "95/QĐ-UBND")
    assert (qd.doc_type, qd.date, qd.issuer.name) == ("Decision", "2023-01-10", "Ủy ban nhân dân tỉnh Bình Định")
    assert (doc(res, "01/NQ-CP").date, doc(res, "01/NQ-CP").issuer.name) == ("2023-01-06", "Chính phủ")
    hd = doc(res, "42/NQ-HĐND")
    assert (hd.date, hd.issuer.name) == ("2022-12-09", "Hội đồng nhân dân tỉnh Bình Định")


def test_council_of_party_committee_names_the_same_body(read, doc, named) -> None:
    res = read("Ngày 5-8-2022, Ban Chấp hành Đảng bộ tỉnh Lào Cai ban hành Nghị quyết số 10-NQ/TU về du lịch.")
    body = doc(res, "10-NQ/TU").issuer
    assert body.name == "Tỉnh ủy Lào Cai"
    assert "Ban Chấp hành Đảng bộ tỉnh Lào Cai" in body.abbreviations


def test_short_form_and_repeats_are_one_document(read, doc, named) -> None:
    res = read("Thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2022 của Chính phủ (sau đây gọi tắt là Nghị quyết "
               "01/NQ-CP), UBND tỉnh Lạng Sơn ban hành kế hoạch. Các sở triển khai Nghị quyết 01/NQ-CP kịp thời.")
    d = doc(res, "01/NQ-CP")
    assert len(d.spans) == 3 and d.date == "2022-01-08"


def test_same_number_two_years_in_one_text(read, doc, named) -> None:
    res = read("Tiếp nối Nghị quyết số 01/NQ-CP ngày 01/01/2021 của Chính phủ, năm nay Chính phủ ban hành "
               "Nghị quyết số 01/NQ-CP ngày 08/01/2022.")
    years = sorted(d.year for d in res.documents if d.number == "01/NQ-CP")
    assert years == [2021, 2022]


def test_list_shares_type_and_issuer(read, doc, named) -> None:
    res = read("Tiếp tục thực hiện Nghị quyết số 20-NQ/TW và Nghị quyết số 21-NQ/TW ngày 25/10/2017 của Ban Chấp "
               "hành Trung ương Đảng khóa XII về công tác dân số.")
    assert doc(res, "20-NQ/TW").issuer.name == "Ban Chấp hành Trung ương Đảng"
    assert doc(res, "21-NQ/TW").issuer.name == "Ban Chấp hành Trung ương Đảng"


def test_agency_code_in_symbol(read, doc, named) -> None:
    res = read("Sở Kế hoạch và Đầu tư trình Báo cáo số 95/BC-SKHĐT về tình hình kinh tế tỉnh Phú Thọ.")
    d = doc(res, "95/BC-SKHĐT")
    assert d.doc_type == "Report" and d.issuer.name == "Sở Kế hoạch và Đầu tư tỉnh Phú Thọ"


def test_plenum_named_without_of(read, doc) -> None:
    res = read("Quán triệt Nghị quyết số 36-NQ/TW ngày 03/6/2023 Hội nghị lần thứ bảy Ban Chấp hành Trung ương "
               "Đảng khóa XIII về chuyển đổi năng lượng; Nghị quyết số 12-NQ/TU Hội nghị lần thứ 9 Ban Chấp hành "
               "Đảng bộ tỉnh Hà Nam khóa XX.")
    nq = doc(res, "36-NQ/TW")
    assert (nq.date, nq.issuer.name) == ("2023-06-03", "Ban Chấp hành Trung ương Đảng")
    assert doc(res, "12-NQ/TU").issuer.name == "Tỉnh ủy Hà Nam"


def test_one_issuer_before_tai_shared_by_the_list(read, doc) -> None:
    res = read("Thực hiện ý kiến chỉ đạo của Ban cán sự đảng UBND tỉnh Ninh Bình tại Công văn số 118-CV/BCSĐ "
               "ngày 14/4/2024 và Công văn số 131-CV/BCSĐ ngày 02/5/2024, các sở khẩn trương triển khai.")
    for number in ("118-CV/BCSĐ", "131-CV/BCSĐ"):
        assert doc(res, number).issuer.name == "Ban cán sự đảng Ủy ban nhân dân tỉnh Ninh Bình"
    assert doc(res, "131-CV/BCSĐ").date == "2024-05-02"


def test_standing_committee_is_a_body_but_not_a_post(read, doc) -> None:
    res = read("Triển khai ý kiến của Thường trực Tỉnh ủy Đắk Lắk tại Thông báo số 702-TB/TU ngày 05/9/2023. "
               "Ông Phạm Văn A, Phó Bí thư Thường trực Tỉnh ủy, ký ban hành Kết luận số 15-KL/TU.")
    assert doc(res, "702-TB/TU").issuer.name == "Thường trực Tỉnh ủy Đắk Lắk"
    assert doc(res, "15-KL/TU").issuer.name == "Tỉnh ủy Đắk Lắk"


def test_national_bodies_beyond_the_government(read, doc) -> None:
    res = read("Căn cứ Hướng dẫn số 35/HD-HĐTĐKT ngày 02/02/2024 của Hội đồng Thi đua - Khen thưởng Trung ương; "
               "Kết luận số 40-KL/BCĐTW ngày 12/5/2023 của Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, "
               "tiêu cực; Hướng dẫn số 08-HD/BTGTW của Ban Tuyên giáo Trung ương.")
    assert doc(res, "35/HD-HĐTĐKT").issuer.name == "Hội đồng Thi đua - Khen thưởng Trung ương"
    kl = doc(res, "40-KL/BCĐTW")
    assert kl.issuer.name == "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực" and kl.issuer.scope == "vn"
    assert doc(res, "08-HD/BTGTW").issuer.name == "Ban Tuyên giáo Trung ương"


def test_adoption_date_after_the_session(read, doc) -> None:
    res = read("Căn cứ Nghị quyết số 58/NQ-HĐND tại Kỳ họp thứ 19, HĐND tỉnh Quảng Bình khóa XVIII, ngày "
               "06/12/2024 về kế hoạch đầu tư công năm 2025.")
    nq = doc(res, "58/NQ-HĐND")
    assert (nq.date, nq.issuer.name) == ("2024-12-06", "Hội đồng nhân dân tỉnh Quảng Bình")


def test_one_date_shared_by_numbers_under_one_type_word(read, doc) -> None:
    res = read("Chính phủ ban hành các Nghị quyết số 01/NQ-CP, số 02/NQ-CP ngày 05/01/2026 về nhiệm vụ năm 2026; "
               "Quyết định số 12/QĐ-UBND và Quyết định số 40/QĐ-UBND ngày 20/3/2025 của UBND tỉnh Bạc Liêu.")
    assert doc(res, "01/NQ-CP").date == "2026-01-05" and doc(res, "02/NQ-CP").date == "2026-01-05"
    assert doc(res, "12/QĐ-UBND").date is None  # its own type word: its own date, not written here


def test_one_date_shared_by_the_next_number_of_a_series(read, doc) -> None:
    res = read("Căn cứ Nghị quyết số 07/NQ-CP và Nghị quyết số 08/NQ-CP ngày 06 tháng 01 năm 2027 của Chính phủ; "
               "Quyết định số 31/QĐ-UBND và Quyết định số 33/QĐ-UBND ngày 02/4/2026 của UBND tỉnh Hà Giang.")
    assert doc(res, "07/NQ-CP").date == "2027-01-06" and doc(res, "08/NQ-CP").date == "2027-01-06"
    assert doc(res, "31/QĐ-UBND").date is None  # not the next number: its own date, not written here


def test_a_bare_date_on_the_next_line_is_not_the_numbers(read, doc) -> None:
    res = read("Tỉnh ủy triển khai Kết luận 44-KL/TW\n15/05/2026 | Ban Tuyên giáo\n"
               "Thực hiện Kết luận số 44-KL/TW ngày 02/4/2026 của Bộ Chính trị, Tỉnh ủy Hà Giang ban hành kế hoạch.")
    assert doc(res, "44-KL/TW").date == "2026-04-02"


def test_province_named_bare(read) -> None:
    res = read("Mục tiêu đến năm 2030 xây dựng Quảng Trị trở thành trung tâm năng lượng của miền Trung; "
               "Quảng Trị phấn đấu tăng trưởng 8%.")
    assert res.province == "Quảng Trị"


def test_bare_names_inside_other_names_are_no_province(read) -> None:
    res = read("Kỷ niệm chiến thắng Điện Biên Phủ; học tập tư tưởng Hồ Chí Minh; đường Thái Bình mở rộng.")
    assert res.province is None


def test_adoption_session_and_date_after_the_subject(read, doc) -> None:
    """The session that adopted a resolution, and its date, written after its subject."""
    res = read("Căn cứ Nghị quyết số 17/NQ-HĐND về quy hoạch mạng lưới chợ giai đoạn 2021 - 2030, thông qua tại "
               "Kỳ họp thứ 5, HĐND tỉnh khóa X, ngày 15 tháng 3 năm 2022; Nghị quyết số 88/NQ-HĐND về danh mục "
               "dự án năm 2025 đã được HĐND tỉnh Hậu Giang khóa X thông qua tại Kỳ họp thứ 21, ngày 09/12/2024.")
    nq17 = doc(res, "17/NQ-HĐND")
    assert (nq17.date, nq17.title) == ("2022-03-15", "quy hoạch mạng lưới chợ giai đoạn 2021 - 2030")
    nq88 = doc(res, "88/NQ-HĐND")
    assert (nq88.date, nq88.issuer.name) == ("2024-12-09", "Hội đồng nhân dân tỉnh Hậu Giang")
    assert nq88.title == "danh mục dự án năm 2025"


def test_a_session_of_another_clause_is_not_the_adoption(read, doc) -> None:
    res = read("Thực hiện Nghị quyết số 20/NQ-HĐND về phát triển du lịch; UBND tỉnh sẽ báo cáo kết quả tại Kỳ họp "
               "thứ 9, ngày 10/7/2025.")
    assert doc(res, "20/NQ-HĐND").date is None
