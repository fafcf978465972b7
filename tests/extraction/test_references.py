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
