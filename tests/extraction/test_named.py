"""Documents known by name (no symbol): the forms of issue 10, in invented sentences."""

import pytest


def labels(res) -> list[str]:
    return [d.label for d in res.documents if d.number is None and d.label]


def test_lower_case_plan_with_its_year(read, doc, named) -> None:
    res = read("Năm 2023, tỉnh hoàn thành 16/21 chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2023 đã đề ra.")
    assert named(res, "kế hoạch phát triển kinh tế - xã hội năm 2023").doc_type == "Plan"


def test_plan_as_benchmark_or_plural_is_no_document(read, doc, named) -> None:
    res = read("Thu ngân sách đạt 104% kế hoạch, vượt kế hoạch năm 2023. Các sở xây dựng các kế hoạch năm 2024 "
               "và báo cáo UBND tỉnh trước ngày 15/12/2024.")
    assert labels(res) == []


def test_period_in_brackets(read, doc, named) -> None:
    res = read("Tỉnh tập trung chuẩn bị Kế hoạch 5 năm (2026 - 2030) của tỉnh.")
    assert named(res, "Kế hoạch 5 năm (2026-2030)").doc_type == "Plan"


def test_reports_by_title(read, doc, named) -> None:
    res = read("Đại hội thông qua Báo cáo chính trị của Ban Chấp hành Đảng bộ tỉnh khóa XVII trình Đại hội. "
               "Sở Tài chính trình báo cáo ước thực hiện kế hoạch năm 2024 và dự kiến năm 2025.")
    assert named(res, "Báo cáo chính trị của Ban Chấp hành Đảng bộ tỉnh khóa XVII").doc_type == "Report"
    assert named(res, "báo cáo ước thực hiện kế hoạch năm 2024").doc_type == "Report"


def test_report_runs_to_its_outlook(read, doc, named) -> None:
    res = read("Cho ý kiến dự thảo báo cáo tổng kết 5 năm thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV, "
               "nhiệm kỳ 2020-2025 và phương hướng nhiệm vụ 5 năm nhiệm kỳ 2025-2030.")
    report = named(res, "báo cáo tổng kết")
    assert report.label.endswith("nhiệm kỳ 2025-2030")
    inner = [d for d in res.documents if d.doc_type == "Resolution"]  # a name inside a name counts too
    assert [d.label for d in inner] == ["Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV, nhiệm kỳ 2020-2025"]


def test_program_by_issuer_and_purpose(read, doc, named) -> None:
    res = read("Triển khai Chương trình hành động của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 27-NQ/TW "
               "ngày 9/11/2022 của Ban Chấp hành Trung ương về xây dựng Nhà nước pháp quyền.")
    ctr = named(res, "Chương trình hành động của Ban Thường vụ Tỉnh ủy")
    assert ctr.doc_type == "Program" and "27-NQ/TW" in ctr.label


def test_amending_law_is_one_document(read, doc, named) -> None:
    res = read("Căn cứ Luật Sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư và Luật Đấu thầu ngày "
               "29 tháng 11 năm 2024; Luật Tổ chức Chính quyền địa phương ngày 19 tháng 02 năm 2025;")
    assert sorted(labels(res)) == ["Luật Sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư và Luật Đấu thầu",
                                   "Luật Tổ chức Chính quyền địa phương"]


def test_congress_ordinal_first_with_term_in_brackets(read, doc, named) -> None:
    res = read("Cụ thể hóa Nghị quyết Đại hội đại biểu lần thứ XVIII (nhiệm kỳ 2025-2030) Đảng bộ tỉnh Bình Định. "
               "Nghị quyết Đại hội XVIII đề ra 20 chỉ tiêu.")
    nodes = [d for d in res.documents if d.label and "XVIII" in d.label]
    assert len(nodes) == 1 and nodes[0].doc_type == "Resolution" and len(nodes[0].spans) == 2


def test_topic_of_the_adopting_act_is_not_apart(read, doc, named) -> None:
    res = read("Căn cứ Nghị quyết số 45/NQ-HĐND ngày 9/12/2023 của HĐND tỉnh về Kế hoạch phát triển kinh tế - xã hội "
               "năm 2024;")
    assert labels(res) == []


def test_resolutions_sharing_one_topic(read, doc, named) -> None:
    res = read("Hội nghị quán triệt Nghị quyết của Tỉnh ủy và Nghị quyết của HĐND tỉnh về nhiệm vụ phát triển "
               "kinh tế - xã hội năm 2025.", province="Phú Yên")
    assert named(res, "Nghị quyết của Tỉnh ủy về nhiệm vụ").doc_type == "Resolution"
    assert named(res, "Nghị quyết của HĐND tỉnh về nhiệm vụ").issuer.name == "Hội đồng nhân dân tỉnh Phú Yên"


def test_news_shorthand_numbers(read, doc, named) -> None:
    res = read("Thành phố tiếp tục thực hiện Nghị quyết 31 của Bộ Chính trị và Nghị quyết 09/TU về chuyển đổi số.")
    assert named(res, "Nghị quyết 31 của Bộ Chính trị").issuer.name == "Bộ Chính trị"
    assert named(res, "Nghị quyết 09/TU").doc_type == "Resolution"


def test_title_with_acronym(read, doc, named) -> None:
    res = read("Tiếp tục triển khai Chương trình phát triển du lịch cộng đồng (CBT) trên toàn tỉnh.")
    assert named(res, "Chương trình phát triển du lịch cộng đồng (CBT)").doc_type == "Program"


def test_promulgated_rules_by_name(read, doc, named) -> None:
    res = read("Căn cứ Nghị định số 12/2023/NĐ-CP của Chính phủ ban hành Quy chế phối hợp của Chính phủ;")
    assert named(res, "Quy chế phối hợp của Chính phủ").doc_type == "Regulation"


@pytest.mark.parametrize("layout", ["list", "table"])
def test_drafted_documents_in_task_lists_and_tables(read, doc, named, layout: str) -> None:
    items = ["Xây dựng Đề án phát triển kinh tế ban đêm tỉnh Khánh Hòa đến năm 2030",
             "Đề án thu hút nhân lực chất lượng cao cho khu kinh tế"]
    if layout == "list":
        text = "II. NHIỆM VỤ\n" + "\n".join(f"{i}. {t}." for i, t in enumerate(items, 1)) + "\n"
    else:
        text = "STT\n|\nNhiệm vụ\n|\n" + "".join(f"{i}\n|\n{t}\n|\nSở Tài chính\n|\n" for i, t in enumerate(items, 1))
    res = read(text)
    assert named(res, "Đề án phát triển kinh tế ban đêm tỉnh Khánh Hòa đến năm 2030").doc_type == "Scheme"
    assert named(res, "Đề án thu hút nhân lực chất lượng cao cho khu kinh tế").doc_type == "Scheme"


def test_short_and_long_name_are_one_node(read, doc, named) -> None:
    res = read("UBND tỉnh ban hành Kế hoạch chuyển đổi số ngành y tế tỉnh Gia Lai giai đoạn 2022-2025. Sở Y tế chủ trì "
               "thực hiện kế hoạch chuyển đổi số ngành y tế giai đoạn 2022 - 2025.")
    nodes = [d for d in res.documents if d.number is None and "chuyển đổi số" in (d.label or "")]
    assert len(nodes) == 1 and len(nodes[0].spans) == 2
    assert nodes[0].label == "Kế hoạch chuyển đổi số ngành y tế tỉnh Gia Lai giai đoạn 2022-2025"


def test_a_clause_after_a_comma_ends_the_name(read, doc, named) -> None:
    res = read("Quán triệt Chương trình chuyển đổi số, xây dựng đề án phát triển đô thị thông minh năm 2025.")
    assert labels(res) == ["đề án phát triển đô thị thông minh năm 2025"]


def test_clause_word_right_after_the_head_is_no_name(read, doc, named) -> None:
    res = read("Kế hoạch yêu cầu các sở, ban, ngành và UBND các huyện thực hiện các nội dung sau:\n"
               "Chương trình đề ra ba nhóm giải pháp trọng tâm.")
    assert labels(res) == []


def test_one_per_unit_is_no_document(read, doc, named) -> None:
    res = read("Giám đốc các sở xây dựng kế hoạch công tác năm 2026 của từng đơn vị, gửi Văn phòng UBND tỉnh. "
               "Các huyện lập chương trình hành động năm 2026 của mỗi địa phương.")
    assert labels(res) == []


def test_amending_law_with_long_amended_names(read, doc, named) -> None:
    res = read("Rà soát văn bản theo Luật sửa đổi, bổ sung một số điều của Luật Nhà ở, Luật Kinh doanh bất động sản "
               "theo phương thức mới và Luật Các tổ chức tín dụng, trình trong tháng 6/2026.")
    assert labels(res) == ["Luật sửa đổi, bổ sung một số điều của Luật Nhà ở, Luật Kinh doanh bất động sản theo "
                           "phương thức mới và Luật Các tổ chức tín dụng"]


def test_long_report_ends_before_a_joined_plural(read, doc, named) -> None:
    res = read("Góp ý dự thảo Báo cáo sơ kết 3 năm thực hiện Đề án phát triển nông nghiệp hữu cơ giai đoạn 2023-2027 "
               "và những nội dung chuẩn bị cho Hội nghị tổng kết năm 2026.")
    assert "Báo cáo sơ kết 3 năm thực hiện Đề án phát triển nông nghiệp hữu cơ giai đoạn 2023-2027" in labels(res)


def test_plan_by_issuer_carrying_out_a_named_strategy(read, doc, named) -> None:
    res = read("Bộ Xây dựng ban hành Kế hoạch hành động của Bộ Xây dựng thực hiện Chiến lược phát triển nhà ở "
               "quốc gia đến năm 2035 giai đoạn 2026 - 2028.")
    plan = named(res, "Kế hoạch hành động của Bộ Xây dựng")
    assert plan.doc_type == "Plan" and plan.label.endswith("giai đoạn 2026-2028")
    strategies = [d.label for d in res.documents if d.doc_type == "Strategy"]
    assert strategies == ["Chiến lược phát triển nhà ở quốc gia đến năm 2035"]  # the sub-period is the plan's


def test_period_words_in_a_title_in_capitals(read, doc, named) -> None:
    res = read("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 15/KH-UBND\nQuảng Trị, ngày 2 tháng 3 năm 2026\nKẾ HOẠCH\n"
               "THỰC HIỆN CHIẾN LƯỢC PHÁT TRIỂN NHÂN LỰC ĐẾN NĂM 2035 GIAI ĐOẠN 2026 - 2027\n"
               "Căn cứ Chiến lược phát triển nhân lực đến năm 2035;")
    strategies = [d.label for d in res.documents if d.doc_type == "Strategy"]
    assert strategies == ["Chiến lược phát triển nhân lực đến năm 2035"]


def test_owner_not_known_as_a_body_is_part_of_the_name(read, doc, named) -> None:
    res = read("Triển khai Chương trình hành động của ngành Y tế thực hiện Nghị quyết số 20-NQ/TW ngày 25/10/2017 "
               "của Ban Chấp hành Trung ương.")
    assert named(res, "Chương trình hành động của ngành Y tế thực hiện Nghị quyết số 20-NQ/TW").doc_type == "Program"


def test_short_name_by_what_it_carries_out_joins_the_long_one(read, doc, named) -> None:
    res = read("Sở ban hành Kế hoạch thực hiện Nghị quyết 57-NQ/TW\n"
               "Kế hoạch thực hiện Chương trình hành động của ngành Tài chính thực hiện Nghị quyết số 57-NQ/TW "
               "ngày 22/12/2024 của Bộ Chính trị vừa được ban hành.")
    plans = [d for d in res.documents if d.doc_type == "Plan" and d.number is None]
    assert len(plans) == 1 and len(plans[0].spans) == 2 and "Chương trình hành động" in plans[0].label


def test_plan_given_by_the_decision_it_is_about_is_not_apart(read, doc, named) -> None:
    res = read("Căn cứ Quyết định số 1500/QĐ-TTg ngày 3/12/2025 của Thủ tướng Chính phủ về việc giao Kế hoạch "
               "đầu tư vốn ngân sách trung ương năm 2026;")
    assert labels(res) == []


def test_capital_investment_plan_in_two_wordings_is_one_node(read, doc, named) -> None:
    res = read("Năm 2025, thực hiện kế hoạch vốn đầu tư công năm 2025, tỉnh giải ngân 95%. Khi triển khai kế hoạch "
               "đầu tư công năm 2025, nhiều dự án chậm tiến độ.")
    assert len([d for d in res.documents if d.doc_type == "Plan"]) == 1


def test_set_of_criteria_with_a_place_is_a_regulation(read, doc, named) -> None:
    res = read("Sở Công Thương ban hành bộ tiêu chí chợ văn minh tỉnh Tây Ninh trong quý III/2026. "
               "Các xã rà soát bộ tiêu chí và báo cáo kết quả.")
    assert [(d.doc_type, d.label) for d in res.documents if d.number is None] == [
        ("Regulation", "bộ tiêu chí chợ văn minh tỉnh Tây Ninh")]


def test_capitalised_document_after_a_drafting_verb_in_prose(read, doc, named) -> None:
    res = read("Sở Nội vụ chủ trì, tham mưu UBND tỉnh ban hành Đề án sắp xếp đơn vị hành chính cấp xã; "
               "hoàn thành trong quý II/2026.")
    assert named(res, "Đề án sắp xếp đơn vị hành chính cấp xã").doc_type == "Scheme"


def test_the_text_itself_after_a_drafting_verb_is_no_other_document(read, doc, named) -> None:
    res = read("Để triển khai Nghị quyết số 12/NQ-HĐND ngày 10/7/2025 của HĐND tỉnh, UBND tỉnh ban hành "
               "Kế hoạch thực hiện nhiệm vụ chuyển đổi số như sau:\nI. MỤC ĐÍCH")
    assert labels(res) == []


def test_a_law_name_ends_before_a_clause_after_it(read, doc, named) -> None:
    res = read("Sở Tư pháp tổ chức phổ biến Luật Thanh niên đến đoàn viên các xã; Luật Thanh niên do Quốc hội "
               "thông qua được quán triệt như Luật Thanh niên như đã nêu.")
    assert labels(res) == ["Luật Thanh niên"]
    assert len(named(res, "Luật Thanh niên").spans) == 3


def test_a_law_with_its_number_is_the_numbered_document(read, doc, named) -> None:
    res = read("Căn cứ Luật Đường bộ số 35/2024/QH15 ngày 27/6/2024 của Quốc hội;")
    assert labels(res) == []
    assert doc(res, "35/2024/QH15").doc_type == "Law"


def test_a_name_without_its_period_is_the_dated_one(read, doc, named) -> None:
    res = read("Triển khai thực hiện Quy hoạch tỉnh Điện Biên thời kỳ 2021 - 2030, tầm nhìn đến năm 2050. Các dự án "
               "phải phù hợp với Quy hoạch tỉnh Điện Biên.\n"
               "1 | Chương trình mục tiêu quốc gia phát triển lâm nghiệp bền vững | Sở Nông nghiệp\n"
               "2 | Báo cáo sơ kết Chương trình mục tiêu quốc gia phát triển lâm nghiệp bền vững giai đoạn 2026 - 2030 "
               "| Sở Nông nghiệp")
    assert sorted(labels(res)) == [
        "Báo cáo sơ kết Chương trình mục tiêu quốc gia phát triển lâm nghiệp bền vững giai đoạn 2026-2030",
        "Chương trình mục tiêu quốc gia phát triển lâm nghiệp bền vững giai đoạn 2026-2030",
        "Quy hoạch tỉnh Điện Biên thời kỳ 2021-2030, tầm nhìn đến năm 2050"]
    assert len(named(res, "Quy hoạch tỉnh Điện Biên").spans) == 2


def test_a_titled_head_with_its_own_number_is_the_numbered_document(read, doc, named) -> None:
    res = read("Xét Báo cáo thẩm định số 45/BC-STP ngày 12 tháng 3 năm 2025 của Sở Tư pháp; thực hiện Kế hoạch "
               "hành động thực hiện Nghị quyết số 12/NQ-HĐND ngày 5/3/2025 của HĐND tỉnh.")
    assert doc(res, "45/BC-STP").doc_type == "Report"
    assert labels(res) == ["Kế hoạch hành động thực hiện Nghị quyết số 12/NQ-HĐND ngày 5/3/2025 của HĐND tỉnh"]


@pytest.mark.parametrize("verb", ["đặt mục tiêu", "chỉ rõ", "nhấn mạnh"])
def test_a_head_opening_a_clause_is_anaphora(read, doc, named, verb) -> None:
    res = read(f"Kế hoạch {verb} tỷ lệ hộ dân sử dụng nước sạch (NSNT) đạt 95%.")
    assert labels(res) == []


def test_a_cell_naming_only_a_type_after_its_verb_is_anaphora(read, doc, named) -> None:
    res = read("1 | Xây dựng Đề án phát triển vùng nguyên liệu giai đoạn 2026 - 2030 | Sở Nông nghiệp | "
               "Quyết định phê duyệt Đề án | Quý III/2026\n2 | Tổ chức triển khai | Sở Công Thương | "
               "Kế hoạch thực hiện Nghị quyết | Quý IV/2026")
    assert labels(res) == ["Đề án phát triển vùng nguyên liệu giai đoạn 2026-2030"]
