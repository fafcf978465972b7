"""Forms of issue 10 for targets and results: sections and tense cues, chains, pairs, horizons, dense lists.

Sentences are invented, in other wording, provinces and numbers than the development texts.
"""

from decimal import Decimal

from kg.extraction.targets import read_targets
from kg.model import Target


def _targets(found: list[Target]) -> list[Target]:
    return [t for t in found if not t.is_result]


def _results(found: list[Target]) -> list[Target]:
    return [t for t in found if t.is_result]


def test_a_results_paragraph_mentioning_targets_reports_results() -> None:
    found = read_targets("Năm 2022, tỉnh Quảng Bình hoàn thành 19/22 chỉ tiêu; thu ngân sách đạt 7.200 tỷ đồng, "
                         "tăng 4,1% so với cùng kỳ.", 2023)
    assert _targets(found) == []
    by_value = {t.value: t for t in found}
    assert by_value[Decimal(19)].unit == "chỉ tiêu"
    assert "thu ngân sách" in by_value[Decimal("4.1")].indicator.lower()


def test_a_baseline_in_a_target_list_item_stays_a_target() -> None:
    found = read_targets("Các chỉ tiêu chủ yếu năm 2026:\n- Kim ngạch xuất khẩu tăng 8-10% so với ước thực hiện "
                         "năm 2025.", 2026)
    assert [(t.value, t.upper, t.is_result) for t in found] == [(Decimal(8), Decimal(10), False)]


def test_slash_pairs_are_a_result_and_its_target() -> None:
    found = read_targets("Năm 2024, thu ngân sách nhà nước đạt 12.500/11.800 tỷ đồng; tỷ lệ hộ nghèo còn 1,8%/2%.",
                         2025)
    assert [(t.value, t.is_result) for t in found] == [
        (Decimal(12500), True), (Decimal(11800), False), (Decimal("1.8"), True), (Decimal(2), False)]
    assert found[0].against == 1 and found[2].against == 3
    assert found[1].indicator == found[0].indicator and "ngân sách" in found[0].indicator


def test_figures_chained_to_one_subject_share_its_indicator() -> None:
    found = read_targets("Sáu tháng đầu năm, kim ngạch xuất khẩu ước đạt 420 triệu USD, đạt 52,5% kế hoạch và tăng "
                         "7,3% so với cùng kỳ.", 2024)
    assert [t.value for t in _results(found)] == [Decimal(420), Decimal("52.5"), Decimal("7.3")]
    assert all(t.indicator.lower().startswith("kim ngạch xuất khẩu") for t in found)
    assert "kế hoạch" in found[1].indicator and "cùng kỳ" in found[2].indicator


def test_a_result_sentence_without_its_own_cue_follows_its_paragraph() -> None:
    found = read_targets("Quý I, tổng mức bán lẻ ước đạt 9.100 tỷ đồng (trong đó khu vực thương mại tăng 6,2%; "
                         "khu vực dịch vụ lưu trú tăng 3,4%).", 2024)
    assert len(found) == 3 and _targets(found) == []


def test_paired_horizons_are_two_targets_of_one_indicator() -> None:
    found = read_targets("Phấn đấu tỷ lệ đô thị hóa đến năm 2026 đạt 35%, đến năm 2030 đạt 42%.", 2025)
    assert [(t.value, t.period) for t in found] == [(Decimal(35), "2026"), (Decimal(42), "2030")]
    assert all(t.indicator.lower().startswith("tỷ lệ đô thị hóa") for t in found)


def test_a_range_with_the_unit_on_both_ends_and_a_footnote_is_one_range() -> None:
    found = read_targets("Mục tiêu: tốc độ tăng trưởng kinh tế 7,0% - 7,5%/năm[3]; thu nhập bình quân 90 triệu đồng.",
                         2025)
    assert [(t.value, t.upper, t.comparator) for t in found] == [
        (Decimal("7.0"), Decimal("7.5"), "Between"), (Decimal(90), None, "EqualTo")]
    assert all("[" not in t.indicator for t in found)


def test_a_count_then_an_amount_are_two_targets() -> None:
    found = read_targets("Về thu hút đầu tư: thu hút khoảng 20 dự án với tổng vốn đăng ký 6.500 tỷ đồng.", 2025)
    assert [(t.value, t.unit, t.comparator) for t in found] == [
        (Decimal(20), "dự án", "Approximately"), (Decimal(6500), "tỷ đồng", "EqualTo")]
    assert found[1].indicator.lower().startswith("tổng vốn đăng ký")


def test_comparators_stay_with_their_value_first_items() -> None:
    found = read_targets("Phấn đấu 100% trường học đạt chuẩn xanh, trên 75% khu dân cư đạt chuẩn văn minh.", 2025)
    assert [t.comparator for t in found] == ["EqualTo", "GreaterThan"]
    assert not found[0].indicator.endswith("trên")


def test_a_year_ahead_in_a_task_bullet_makes_its_figure_a_target() -> None:
    found = read_targets("- Năm 2027, 98% hộ dân nông thôn được dùng điện lưới an toàn.", 2025)
    assert [(t.value, t.is_result) for t in found] == [(Decimal(98), False)]
    assert "hộ dân nông thôn" in found[0].indicator.lower() and found[0].period == "2027"


def test_a_size_threshold_on_a_noun_is_no_target() -> None:
    found = read_targets("Phấn đấu thu hút 12 dự án có tổng mức đầu tư từ 500 tỷ đồng trở lên.", 2025)
    assert [(t.value, t.unit) for t in found] == [(Decimal(12), "dự án")]


def test_a_list_introduced_by_a_target_sentence_runs_across_paragraphs() -> None:
    found = read_targets("Hội nghị giao các chỉ tiêu chủ yếu như sau:\n\nTổng vốn đầu tư toàn xã hội là 30.000 tỷ "
                         "đồng.\n\nThu ngân sách là 2.100 tỷ đồng.", 2025)
    assert [(t.indicator, t.is_result) for t in found] == [("Tổng vốn đầu tư toàn xã hội", False),
                                                            ("Thu ngân sách", False)]


def test_a_past_year_opening_reports_results() -> None:
    found = read_targets("Năm 2024, tổng sản phẩm bình quân đầu người đạt 72 triệu đồng. Trồng rừng mới 3.400 ha.",
                         2025)
    assert [(t.value, t.is_result) for t in found] == [(Decimal(72), True), (Decimal(3400), True)]


def test_a_results_heading_sets_its_section() -> None:
    found = read_targets("I. KẾT QUẢ THỰC HIỆN NĂM 2024\nToàn tỉnh có 180 doanh nghiệp thành lập mới.", 2025)
    assert [(t.value, t.is_result) for t in found] == [(Decimal(180), True)]


def test_a_target_word_after_every_figure_commits_to_none() -> None:
    found = read_targets("Vùng chiếm 40% sản lượng cà phê cả nước, giữ vai trò bảo đảm an ninh lương thực.", 2025)
    assert _targets(found) == []


def test_a_headline_repeating_a_target_adds_no_second_one() -> None:
    found = read_targets("Bình Phước đặt mục tiêu tăng trưởng 8%\n\nNăm 2025, tỉnh đặt mục tiêu tốc độ tăng trưởng "
                         "kinh tế 8%.", 2025)
    assert [t.indicator for t in found] == ["Tốc độ tăng trưởng kinh tế"]


def test_two_scale_words_multiply() -> None:
    found = read_targets("Mục tiêu huy động khoảng 1,5 triệu tỷ đồng vốn đầu tư toàn xã hội.", 2025)
    assert [(t.unit, t.base_value, t.base_unit) for t in found] == [("triệu tỷ đồng", Decimal("1.5E15"), "đồng")]


def test_a_commitment_before_a_labelled_value_does_not_lengthen_the_label() -> None:
    found = read_targets("Năm 2026, tỉnh Hà Tĩnh đặt mục tiêu tổng giá trị sản xuất công nghiệp chế biến, chế tạo: "
                         "52.000 tỷ đồng.", 2026)
    assert [t.indicator for t in found] == ["Tổng giá trị sản xuất công nghiệp chế biến, chế tạo"]


def test_exceeded_by_a_share_of_the_plan_is_that_share() -> None:
    found = read_targets("Năm 2024, doanh thu du lịch ước đạt 3.100 tỷ đồng, vượt 4,2% kế hoạch.", 2025)
    assert [(t.value, t.comparator, t.is_result) for t in found] == [
        (Decimal(3100), "EqualTo", True), (Decimal("4.2"), "EqualTo", True)]


def test_targets_met_out_of_planned_are_a_counted_result() -> None:
    found = read_targets("Thái Bình: 17/20 chỉ tiêu kinh tế - xã hội đạt và vượt kế hoạch", 2025)
    assert [(t.value, t.unit, t.is_result) for t in found] == [(Decimal(17), "chỉ tiêu", True)]


def test_an_opening_school_year_or_period_that_has_ended_reports() -> None:
    found = read_targets("Năm học 2022 - 2023, tỷ lệ học sinh trung học cơ sở tốt nghiệp đạt 98,4%.", 2023)
    assert [(t.value, t.is_result) for t in found] == [(Decimal("98.4"), True)]
    assert found[0].indicator.startswith("Tỷ lệ học sinh")
    found = read_targets("Giai đoạn 2016 - 2020, tốc độ tăng trưởng kinh tế bình quân đạt 6,9%/năm.", 2021)
    assert [t.is_result for t in found] == [True]
    assert found[0].indicator.lower().startswith("tốc độ tăng trưởng")


def test_a_later_year_opening_a_clause_of_an_item_plans_its_figure() -> None:
    text = "3. Nâng cấp các công trình cấp nước tập trung; năm {}, 92% hộ dân nông thôn được dùng nước sạch."
    found = read_targets(text.format(2028), 2025)
    assert [(t.value, t.is_result, t.period) for t in found] == [(Decimal(92), False, "2028")]
    assert read_targets(text.format(2024), 2025) == []  # a past year there plans nothing


def test_without_a_plan_year_an_opening_year_before_the_dateline_reports() -> None:
    body = "Năm 2020, sản lượng lúa của tỉnh đạt 1,2 triệu tấn."
    found = read_targets("Cập nhật: 03/05/2021 | Chia sẻ\n\n" + body, None)
    assert [(t.value, t.is_result) for t in found] == [(Decimal("1.2"), True)]
    assert read_targets(body, None) == []  # no date at all: nothing tells that 2020 is past


def test_an_investment_rate_threshold_qualifies_projects() -> None:
    assert read_targets("Phấn đấu thu hút các dự án có suất đầu tư từ 30 tỷ đồng/ha trở lên.", 2026) == []


def test_certificates_and_tourist_sites_are_counted() -> None:
    found = read_targets("Năm 2022, toàn huyện cấp 3.150 giấy chứng nhận quyền sử dụng đất.", 2023)
    assert [(t.value, t.unit, t.is_result) for t in found] == [(Decimal(3150), "giấy chứng nhận", True)]
    found = read_targets("Phấn đấu năm 2026 công nhận thêm 04 điểm du lịch nông thôn.", 2026)
    assert [(t.value, t.unit, t.is_result) for t in found] == [(Decimal(4), "điểm du lịch", False)]


def test_an_index_written_as_its_bare_acronym_gets_its_name() -> None:
    found = read_targets("Mục tiêu năm 2026 là GRDP tăng 7,5 - 8%, CPI dưới 4%, tổng vốn đầu tư tăng 10%.", 2026)
    assert [(t.indicator, t.value, t.comparator) for t in found][1] == (
        "Chỉ số giá tiêu dùng (CPI)", Decimal(4), "LessThan")
    found = read_targets("Chín tháng đầu năm, IIP ước tăng 11,3%; CPI bình quân tăng 2,9%.", 2024)
    assert [t.indicator for t in found] == ["Chỉ số sản xuất công nghiệp (IIP) tăng",
                                            "Chỉ số giá tiêu dùng (CPI) bình quân tăng"]


def test_an_acronym_without_a_named_concept_stays_as_written() -> None:
    found = read_targets("Phấn đấu GRDP tăng 8%; vốn FDI thu hút đạt 250 triệu USD; FDI đạt 300 triệu USD.", 2025)
    assert found[0].indicator == "GRDP tăng" and found[-1].indicator == "FDI"


def test_a_purpose_clause_carries_the_subject_to_a_later_year() -> None:
    found = read_targets("Thu nhập bình quân đầu người đạt 68 triệu đồng để đến năm 2030 mới có thể đạt mức 95 triệu "
                         "đồng.", 2024)
    assert [(t.indicator, t.value, t.period) for t in found] == [
        ("Thu nhập bình quân đầu người", Decimal(68), "2024"),
        ("Thu nhập bình quân đầu người đến năm 2030", Decimal(95), "2030")]
    found = read_targets("Phấn đấu tỷ lệ che phủ rừng đạt 44% để đến năm 2028 có thể đạt 46%.", 2025)
    assert [t.indicator for t in found] == ["Tỷ lệ che phủ rừng", "Tỷ lệ che phủ rừng đến năm 2028"]


def test_the_short_spelling_of_dong_is_the_unit() -> None:
    found = read_targets("Năm 2023, thu nhập bình quân của lao động đạt 7,8 triệu đ; giá bán lẻ bình quân 45.000đ.",
                         2024)
    assert [(t.value, t.unit, t.base_value, t.base_unit) for t in found] == [
        (Decimal("7.8"), "triệu đồng", Decimal(7800000), "đồng"), (Decimal(45000), "đồng", Decimal(45000), "đồng")]
    assert read_targets("Thực hiện theo điểm đ khoản 2 Điều 5 và mục 3 đ của Kế hoạch.", 2024) == []


def test_a_figure_restated_in_other_words_is_one_target() -> None:
    text = ("Chính phủ đặt mục tiêu tăng trưởng kinh tế cả nước năm 2026 đạt 7 - 7,5%. Theo đó, mục tiêu năm 2026 là "
            "tăng trưởng GDP đạt 7 - 7,5%, CPI dưới 4%.")
    found = read_targets(text, 2026)
    assert [(t.indicator, t.value, t.upper) for t in found] == [
        ("Tăng trưởng kinh tế cả nước năm 2026", Decimal(7), Decimal("7.5")),
        ("Chỉ số giá tiêu dùng (CPI)", Decimal(4), None)]



def test_one_figure_of_two_concepts_stays_two_targets() -> None:
    text = "Mục tiêu năm 2025: tăng trưởng GRDP đạt 8%. Kim ngạch xuất khẩu tăng 8%. Tăng trưởng GDP cả nước đạt 8%."
    assert [t.value for t in read_targets(text, 2025)] == [Decimal(8)] * 3


def test_an_article_heading_names_the_section_of_its_numbered_items() -> None:
    # "Điều 2. Các chỉ tiêu chủ yếu" and "1. Về …" split into sentences at their numbers: the line decides.
    text = ("Điều 2. Các chỉ tiêu chủ yếu\n"
            "1. Về kinh tế: Tổng sản phẩm trên địa bàn tăng 7,5%; thu ngân sách tăng 6% so với ước thực hiện "
            "năm 2026.\n"
            "2. Về xã hội: Tỷ lệ lao động qua đào tạo 72%.\n"
            "Điều 3. Đánh giá kết quả thực hiện\n"
            "1. Về kinh tế: Tổng sản phẩm trên địa bàn tăng 6,1%.\n")
    found = read_targets(text, 2027)
    assert [(t.value, t.is_result) for t in found] == [
        (Decimal("7.5"), False), (Decimal(6), False), (Decimal(72), False), (Decimal("6.1"), True)]


def test_a_rank_within_a_group_qualifies_a_noun_and_is_no_target() -> None:
    # "TOP 20 …" says which firms are meant, not how many to reach; the count after the commitment is one.
    found = read_targets("Phấn đấu thu hút các nhà đầu tư thuộc TOP 20 doanh nghiệp bán lẻ lớn nhất khu vực; có 4 "
                         "chợ đạt chuẩn văn minh.", 2026)
    assert [(t.value, t.unit) for t in found] == [(Decimal(4), "chợ")]


def test_a_total_linked_to_a_counted_set_is_a_target_of_its_own() -> None:
    # "với tổng vốn … trên X" sums the projects counted before it; "có tổng mức đầu tư từ X" sizes each one.
    found = read_targets("Về thu hút đầu tư: cấp phép cho 40 dự án với tổng vốn đăng ký trên 8.000 tỷ đồng; ưu tiên "
                         "dự án có tổng mức đầu tư từ 200 tỷ đồng trở lên.", 2026)
    assert [(t.value, t.unit, t.comparator) for t in found] == [
        (Decimal(40), "dự án", "EqualTo"), (Decimal(8000), "tỷ đồng", "GreaterThan")]
    assert found[1].indicator.lower().startswith("tổng vốn đăng ký")


def test_a_counted_noun_sized_by_an_open_threshold_keeps_it_in_its_indicator() -> None:
    # "2 khu công nghiệp quy mô từ 300 ha trở lên": the hectares only say which parks are counted.
    found = read_targets("Phấn đấu thu hút 30 doanh nghiệp, trong đó ít nhất 2 doanh nghiệp quy mô từ 500 tỷ đồng "
                         "trở lên.", 2026)
    assert [(t.value, t.unit, t.comparator) for t in found] == [
        (Decimal(30), "doanh nghiệp", "EqualTo"), (Decimal(2), "doanh nghiệp", "AtLeast")]
    assert found[1].indicator == "Doanh nghiệp quy mô từ 500 tỷ đồng trở lên"
    assert found[1].parent is None


def test_a_plan_in_brackets_after_a_figure_makes_it_a_result_against_that_target() -> None:
    # "tăng 4,2% (kịch bản 7%)": what happened, then in brackets what was planned, even where a target cue sits.
    text = ("Một số chỉ tiêu chưa đạt như kim ngạch nhập khẩu mới tăng 4,2% (kịch bản 7%). Tốc độ tăng năng suất "
            "lao động bình quân ước đạt 5,1%/năm (Nghị quyết đề ra 6%/năm); tỷ lệ đô thị hóa 38% (mục tiêu 40%).")
    found = read_targets(text, 2025)
    assert [(t.value, t.is_result) for t in found] == [
        (Decimal("4.2"), True), (Decimal(7), False), (Decimal("5.1"), True), (Decimal(6), False),
        (Decimal(38), True), (Decimal(40), False)]
    for result in found[::2]:
        target = found[result.against]
        assert target.indicator == result.indicator
    assert found[2].indicator.lower().startswith("tốc độ tăng năng suất lao động")


def test_one_figure_for_two_named_periods_is_two_targets() -> None:
    # The same 90% for two horizons is two targets; a headline repeating the plan year's figure is still one.
    text = ("Mục tiêu đến năm 2026: tỷ lệ trường học có kết nối internet tốc độ cao 90%.\n"
            "Mục tiêu đến năm 2028: tỷ lệ trường học có kết nối internet tốc độ cao 90%.")
    assert [(t.value, t.period) for t in read_targets(text, 2025)] == [(Decimal(90), "2026"), (Decimal(90), "2028")]
    text = ("Tỉnh đặt mục tiêu sản lượng thủy sản 80.000 tấn\n\n"
            "Năm 2026, tỉnh đặt mục tiêu sản lượng thủy sản 80.000 tấn.")
    assert [t.value for t in read_targets(text, 2025)] == [Decimal(80000)]


def test_a_share_of_the_target_chained_to_a_result_keeps_its_subject() -> None:
    # "…, bằng 92% mục tiêu …": the share of the goal reached, about the subject of the figure before it.
    found = read_targets("Năm 2025, tổng vốn đầu tư toàn xã hội ước đạt 41.000 tỷ đồng, bằng 92,3% mục tiêu Nghị "
                         "quyết Đại hội.", 2026)
    assert [(t.value, t.is_result) for t in found] == [(Decimal(41000), True), (Decimal("92.3"), True)]
    assert found[1].indicator.lower().startswith("tổng vốn đầu tư toàn xã hội")
    assert "mục tiêu" in found[1].indicator


def test_counts_of_models_initiatives_fairs_and_centres_are_targets() -> None:
    # Count nouns of planning texts: "ít nhất 3 mô hình …", "1 sáng kiến", "2 hội chợ", "1 trung tâm".
    found = read_targets("Phấn đấu mỗi xã có ít nhất 3 mô hình kinh tế tuần hoàn; mỗi phòng ban có 1 sáng kiến cải "
                         "cách; tổ chức 2 hội chợ nông sản; xây dựng 1 trung tâm đổi mới sáng tạo.", 2026)
    assert [(t.value, t.unit) for t in found] == [
        (Decimal(3), "mô hình"), (Decimal(1), "sáng kiến"), (Decimal(2), "hội chợ"), (Decimal(1), "trung tâm")]


def test_a_bracketed_item_number_is_no_part_of_the_indicator() -> None:
    # "(4) 90% thôn …": the item's number opens the line; the figure comes first and its noun names it.
    text = ("Các chỉ tiêu chủ yếu năm 2026:\n(3) Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng dưới 9%.\n"
            "(4) 90% thôn có nhà văn hóa đạt chuẩn, trên 60% hộ gia đình văn hóa.\n"
            "(5) Trên 98% rác thải y tế được xử lý đúng quy định.")
    found = read_targets(text, 2026)
    assert [t.indicator for t in found] == [
        "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng", "Thôn có nhà văn hóa đạt chuẩn", "Hộ gia đình văn hóa",
        "Rác thải y tế được xử lý đúng quy định"]


def test_a_total_linked_to_a_count_names_what_it_sums() -> None:
    # "12 dự án có vốn đầu tư nước ngoài với tổng vốn 400 triệu USD": the noun holds a measure word ("có vốn đầu
    # tư"), the link is the last one before the amount, and the total is that of the projects counted.
    found = read_targets("Về thu hút đầu tư: thu hút 8 dự án du lịch với tổng vốn đăng ký khoảng 2.100 tỷ đồng và "
                         "12 dự án có vốn đầu tư nước ngoài với tổng vốn khoảng 400 triệu USD.", 2026)
    assert [(t.indicator, t.value) for t in found] == [
        ("Thu hút dự án du lịch", Decimal(8)), ("Tổng vốn đăng ký dự án du lịch", Decimal(2100)),
        ("Dự án có vốn đầu tư nước ngoài", Decimal(12)), ("Tổng vốn dự án có vốn đầu tư nước ngoài", Decimal(400))]
    found = read_targets("Phấn đấu thu hút 6 dự án có vốn đầu tư nước ngoài.", 2026)
    assert found[0].indicator == "Thu hút dự án có vốn đầu tư nước ngoài"


def test_a_figure_in_a_table_cell_reads_only_its_cell() -> None:
    # A task table's row: the figure is named by the words of its cell, not by the agencies and dates after it; a
    # cell holding only the figure is named by the cell before it.
    text = ("III. NHIỆM VỤ CỤ THỂ\nSTT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian\n"
            "1 | Mở rộng mạng 5G, bảo đảm 95% thôn, bản được phủ sóng | Sở Khoa học và Công nghệ | Các doanh nghiệp "
            "viễn thông, UBND các huyện | Năm 2026\n"
            "2 | Xây dựng cơ sở dữ liệu đất đai của tỉnh | Sở Nông nghiệp và Môi trường | Các sở, ngành | Năm 2027\n")
    assert [(t.indicator, t.value) for t in read_targets(text, 2026)] == [("Thôn, bản được phủ sóng", Decimal(95))]
    text = ("Chỉ tiêu chủ yếu:\nChỉ tiêu | Kế hoạch năm 2026 | Cơ quan theo dõi\n"
            "Tỷ lệ che phủ rừng | 46,5% | Sở Nông nghiệp và Môi trường, các huyện\n"
            "Thu ngân sách nhà nước | 9.800 tỷ đồng | Sở Tài chính\n")
    assert [(t.indicator, t.value) for t in read_targets(text, 2026)] == [
        ("Tỷ lệ che phủ rừng", Decimal("46.5")), ("Thu ngân sách nhà nước", Decimal(9800))]


def test_a_verb_taking_the_figure_as_object_leaves_the_noun_after_it_to_name_it() -> None:
    # "hình thành 2 cụm …", "bố trí ít nhất 5% …": the verb says what is done, the noun after the figure what it counts.
    found = read_targets("Đến năm 2030, hình thành 2 cụm công nghiệp chế biến nông sản; bố trí ít nhất 5% tổng chi "
                         "đầu tư công cho hạ tầng số.", 2026)
    assert [(t.indicator, t.value) for t in found] == [
        ("Hình thành cụm công nghiệp chế biến nông sản", Decimal(2)),
        ("Bố trí tổng chi đầu tư công cho hạ tầng số", Decimal(5))]


def test_a_figure_that_met_the_plan_it_names_is_a_result_and_that_target() -> None:
    # "… ước đạt mục tiêu Nghị quyết đề ra là X": X was reached and X was the plan's figure; both name the subject.
    found = read_targets("Năm 2024, kim ngạch xuất khẩu ước đạt mục tiêu Nghị quyết đề ra là 2.400 triệu USD.", 2025)
    assert [(t.is_result, t.indicator, t.value) for t in found] == [
        (True, "Kim ngạch xuất khẩu", Decimal(2400)),
        (False, "Kim ngạch xuất khẩu (mục tiêu Nghị quyết)", Decimal(2400))]
    assert found[0].against == 1
    found = read_targets("Phấn đấu tỷ lệ che phủ rừng năm 2026 đạt chỉ tiêu kế hoạch là 47%.", 2025)
    assert [(t.is_result, t.value) for t in found] == [(False, Decimal(47))]


def test_a_headline_repeating_a_bound_of_a_range_is_that_range() -> None:
    # The headline gives the upper bound, the body the range: one target. Another indicator's figure stays.
    text = ("Tỉnh nâng mục tiêu tăng trưởng kinh tế năm 2026 lên 9%\n\nUBND tỉnh đặt mục tiêu tăng trưởng kinh tế "
            "của tỉnh năm 2026 đạt 8,5 - 9%; phấn đấu tỷ lệ đô thị hóa đạt 9%.")
    found = read_targets(text, 2026)
    assert [(t.value, t.upper) for t in found] == [(Decimal("8.5"), Decimal(9)), (Decimal(9), None)]
    assert "đô thị hóa" in found[1].indicator


def test_a_count_after_an_existential_verb_is_named_by_its_noun() -> None:
    # "Theo báo cáo, hiện toàn tỉnh có 31 hợp tác xã …", "Tuy nhiên, vẫn còn 9 dự án …", "ước có 12/17 chỉ tiêu …":
    # the opening clause says who reports or where; what is counted is the noun after the figure.
    found = read_targets("Theo báo cáo, đến nay toàn huyện đã có 31 hợp tác xã nông nghiệp hoạt động hiệu quả. Tuy "
                         "nhiên, vẫn còn 9 dự án chậm tiến độ. Theo dự thảo, ước cả giai đoạn có 12/17 chỉ tiêu chủ "
                         "yếu đạt kế hoạch.", 2025)
    assert [(t.indicator, t.value, t.is_result) for t in found] == [
        ("Hợp tác xã nông nghiệp hoạt động hiệu quả", Decimal(31), True),
        ("Dự án chậm tiến độ", Decimal(9), True),
        ("Chỉ tiêu chủ yếu đạt kế hoạch", Decimal(12), True)]


def test_a_size_linked_to_a_count_is_the_size_of_the_counted_set() -> None:
    # "với diện tích …", "với công suất …" after a count measure the set counted, like "với tổng vốn …".
    found = read_targets("Năm 2027, tỉnh thu hút 35 dự án khu dân cư với diện tích 1.250 ha và 9 dự án điện gió "
                         "với công suất 480 MW.", 2027)
    assert [(t.indicator, t.value) for t in found] == [
        ("Thu hút dự án khu dân cư", Decimal(35)), ("Diện tích dự án khu dân cư", Decimal(1250)),
        ("Dự án điện gió", Decimal(9)), ("Công suất dự án điện gió", Decimal(480))]


def test_a_programme_named_mục_tiêu_commits_to_nothing() -> None:
    # "Chương trình mục tiêu quốc gia …" is a name: a report on it stays a report.
    text = ("Sau 2 năm triển khai Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc "
            "thiểu số, tỷ lệ hộ nghèo của tỉnh đã giảm từ 4,2% xuống còn 2,9%.")
    assert [(t.value, t.is_result) for t in read_targets(text, 2026)] == [
        (Decimal("4.2"), True), (Decimal("2.9"), True)]


def test_the_plan_a_result_exceeded_is_a_target_and_no_commitment() -> None:
    # "vượt mục tiêu 5 triệu lượt đề ra": the sentence reports; the figure of the plan it exceeded is the target.
    found = read_targets("Năm 2025, tỉnh đón 6,1 triệu lượt khách, vượt mục tiêu 5 triệu lượt đề ra; doanh thu "
                         "du lịch đạt 9.400 tỷ đồng.", 2026)
    assert [(t.value, t.is_result) for t in found] == [
        (Decimal("6.1"), True), (Decimal(5), False), (Decimal(9400), True)]
    found = read_targets("Năm 2025, tỷ lệ hộ nghèo giảm 0,6%, vượt mục tiêu Nghị quyết Đại hội đề ra (giảm "
                         "0,5%/năm).", 2026)
    assert [(t.value, t.is_result) for t in found] == [(Decimal("0.6"), True), (Decimal("0.5"), False)]


def test_a_reported_finding_is_a_result() -> None:
    # "Báo cáo … cho thấy, năm 2025 …": the sentence reports, though its year is not at its start.
    found = read_targets("Báo cáo tổng kết cho thấy, năm 2025 vốn huy động của hệ thống tăng 11,3%; tỷ lệ nợ xấu "
                         "ở mức 2,1%.", 2026)
    assert [(t.value, t.is_result) for t in found] == [(Decimal("11.3"), True), (Decimal("2.1"), True)]


def test_a_result_then_a_goal_after_a_comma_is_a_result_and_a_target() -> None:
    # "đạt X, mục tiêu …": "đạt … mục tiêu" is no result phrase across the comma, so the goal after it commits.
    found = read_targets("Năng suất lao động năm 2025 ước đạt 310 triệu đồng/người, mục tiêu năm 2026 trên 330 "
                         "triệu đồng/người.", 2025)
    assert [(t.value, t.is_result) for t in found] == [(Decimal(310), True), (Decimal(330), False)]


def test_a_sentence_reporting_before_it_commits_reports_its_first_figures() -> None:
    # "… ước đạt A, tăng B% so với năm trước, năm sau phấn đấu C": results up to the commitment, which also does
    # not carry the next sentence's report into a plan.
    text = ("Giá trị sản xuất nông nghiệp ước đạt 14.300 tỷ đồng, tăng 3,6% so với năm 2025, năm 2026 phấn đấu "
            "tăng từ 4 - 4,5%. Kim ngạch xuất khẩu đạt 820 triệu USD, tăng 9,1%.")
    assert [(t.value, t.is_result) for t in read_targets(text, 2026)] == [
        (Decimal(14300), True), (Decimal("3.6"), True), (Decimal(4), False), (Decimal(820), True),
        (Decimal("9.1"), True)]
    # in a target list the commitment after a figure keeps the plan
    text = "Các chỉ tiêu chủ yếu năm 2026:\n- Tổng vốn đầu tư toàn xã hội 52.000 tỷ đồng, phấn đấu tăng 10%."
    assert [t.is_result for t in read_targets(text, 2026)] == [False, False]


def test_the_coming_year_commits_the_figure_after_it() -> None:
    # "…; năm tới tăng không dưới X%": the coming year's figure, of the subject reported before it.
    found = read_targets("Năm 2025, doanh thu du lịch đạt 3.150 tỷ đồng, tăng 8,2%; năm tới tăng không dưới 9%.",
                         2026)
    assert [(t.value, t.is_result) for t in found] == [
        (Decimal(3150), True), (Decimal("8.2"), True), (Decimal(9), False)]
    assert found[2].indicator.lower().startswith("doanh thu du lịch") and found[2].comparator == "AtLeast"


def test_the_budget_estimate_of_a_year_is_a_target() -> None:
    # "dự toán năm 2026 là X": the budget set for the year, after the one reported against its own estimate.
    found = read_targets("Năm 2025, thu ngân sách nhà nước trên địa bàn đạt 8.410 tỷ đồng, bằng 103,2% dự toán; "
                         "dự toán năm 2026 là 8.900 tỷ đồng.", 2026)
    assert [(t.value, t.is_result, t.period) for t in found] == [
        (Decimal(8410), True, "2025"), (Decimal("103.2"), True, "2025"), (Decimal(8900), False, "2026")]
    assert "thu ngân sách" in found[2].indicator.lower() and found[1].against is None


def test_a_count_received_by_a_subject_is_named_by_its_noun() -> None:
    # "X đón N lượt khách quốc tế", "phục vụ N lượt khách nội địa": the visitors name the figure, not the verb.
    found = read_targets("Năm 2025, ngành du lịch tỉnh Ninh Bình đón 1,9 triệu lượt khách quốc tế; phục vụ 21 triệu "
                         "lượt khách nội địa.", 2026)
    assert [(t.base_value, t.is_result) for t in found] == [(Decimal(1900000), True), (Decimal(21000000), True)]
    assert "khách quốc tế" in found[0].indicator and "khách nội địa" in found[1].indicator


def test_incidents_are_counted_and_named_by_their_noun() -> None:
    # "xảy ra N vụ cháy, làm M người chết, …, giảm K vụ so với cùng kỳ": counts of incidents and their victims.
    found = read_targets("Sáu tháng đầu năm 2025, toàn tỉnh xảy ra 14 vụ tai nạn giao thông, làm 9 người chết, "
                         "giảm 3 vụ so với cùng kỳ.", 2025)
    assert [(t.value, t.unit, t.is_result) for t in found] == [
        (Decimal(14), "vụ", True), (Decimal(9), "người", True), (Decimal(3), "vụ", True)]
    assert found[0].indicator.lower().startswith("vụ tai nạn giao thông")
    assert "người chết" in found[1].indicator and found[2].indicator.lower().startswith("vụ tai nạn giao thông giảm")


def test_the_deliverables_of_a_task_table_are_targets() -> None:
    # A task table's "Sản phẩm" cell ("Tỷ lệ … đạt 95%", "Tối thiểu 300 lượt …") is what the task must deliver, though
    # a task names past work ("kết quả khảo sát"), which would make a sentence report.
    rows = ("1 | Số hóa sổ hộ tịch của các xã | Quý III/2026 | Sở Tư pháp | Tỷ lệ sổ được số hóa đạt 95% |\n"
            "2 | Bồi dưỡng kỹ năng số cho viên chức | Hằng năm | Sở Nội vụ | Tối thiểu 300 lượt viên chức |\n"
            "3 | Công bố kết quả khảo sát sự hài lòng | Tháng 12/2026 | Sở Nội vụ | Báo cáo khảo sát |")
    found = read_targets("STT | Nhiệm vụ | Thời gian hoàn thành | Cơ quan chủ trì | Sản phẩm | Ghi chú\n" + rows, 2026)
    assert [(t.value, t.is_result, t.comparator) for t in found] == [
        (Decimal(95), False, "EqualTo"), (Decimal(300), False, "AtLeast")]
    assert [t.is_result for t in read_targets("Công bố kết quả khảo sát: tỷ lệ hài lòng đạt 95%.", 2026)] == [True]


def test_rings_frequencies_and_monthly_incomes_are_units() -> None:
    # "4 đường dây buôn lậu", "ít nhất 3 lần/tháng", "7,2 triệu đồng/người/tháng": the unit as written.
    rings = read_targets("Trong tháng, Công an huyện đã triệt phá 4 đường dây buôn lậu thuốc lá.", 2026)
    assert [(t.value, t.unit, t.is_result) for t in rings] == [(Decimal(4), "đường dây", True)]
    visits = read_targets("Kế hoạch phấn đấu UBND các xã tổ chức tiếp công dân ít nhất 3 lần/tháng.", 2026)
    assert [(t.value, t.unit, t.comparator) for t in visits] == [(Decimal(3), "lần/tháng", "AtLeast")]
    income = read_targets("Năm 2025, thu nhập bình quân của người lao động đạt 7,2 triệu đồng/người/tháng.", 2026)
    assert [(t.base_value, t.unit) for t in income] == [(Decimal(7200000), "triệu đồng/người/tháng")]


def test_carrying_out_the_targets_above_is_a_purpose_not_a_report() -> None:
    # "Để thực hiện các mục tiêu trên, …" plans; "thực hiện các mục tiêu" without "để" stays a report.
    found = read_targets("Kế hoạch đặt mục tiêu đến năm 2030 có 500 hợp tác xã kiểu mới. Để thực hiện các mục tiêu "
                         "trên, Sở Nông nghiệp hỗ trợ 120 hợp tác xã chuyển đổi số.", 2026)
    assert [(t.value, t.is_result) for t in found] == [(Decimal(500), False), (Decimal(120), False)]
    done = read_targets("Qua 5 năm thực hiện các mục tiêu, toàn tỉnh có 480 hợp tác xã kiểu mới.", 2026)
    assert [t.is_result for t in done] == [True]


def test_a_recurring_minimum_is_a_target() -> None:
    # "Tổ chức tối thiểu 4 hội chợ … mỗi năm" under a unit's heading: a norm, though the item has no other cue;
    # "ít nhất 3 người" once is no norm.
    found = read_targets("Sở Công Thương:\n- Tổ chức tối thiểu 4 hội chợ hàng Việt tại vùng cao mỗi năm;\n"
                         "- Chủ trì kiểm tra 12 chợ đầu mối.", 2026)
    assert [(t.value, t.is_result, t.comparator) for t in found] == [(Decimal(4), False, "AtLeast")]
    assert "hội chợ hàng việt" in found[0].indicator.lower()
    assert read_targets("Vụ cháy làm ít nhất 3 người bị thương.", 2026) == []


def test_a_leading_topic_is_not_the_indicator() -> None:
    # "Trong lĩnh vực y tế, 98% trạm y tế …": the percentage names what follows it, not the topic before it.
    found = read_targets("Năm 2024, trong lĩnh vực y tế, 98% trạm y tế xã có bác sĩ làm việc.", 2025)
    assert [(t.value, t.is_result) for t in found] == [(Decimal(98), True)]
    assert found[0].indicator.lower().startswith("trạm y tế xã") and "lĩnh vực" not in found[0].indicator


def test_a_bracketed_figure_after_an_earlier_period_is_that_periods_value() -> None:
    # "tăng 9,2%, thấp hơn năm 2022 (10,5%)": the bracketed figure is the same subject's value in 2022.
    found = read_targets("Năm 2023, kim ngạch xuất khẩu của tỉnh tăng 9,2%, thấp hơn năm 2022 (10,5%).", 2024)
    assert [(t.value, t.is_result) for t in found] == [(Decimal("9.2"), True), (Decimal("10.5"), True)]
    assert found[1].indicator == "Kim ngạch xuất khẩu của tỉnh năm 2022"


def test_a_change_by_a_multiple_is_a_figure() -> None:
    # "tăng 2,5 lần so với năm 2020" is a change; "gấp 3 lần mức bình quân" compares and "họp 2 lần" counts.
    found = read_targets("Năm 2024, doanh thu du lịch cộng đồng đạt 86 tỷ đồng, tăng 2,5 lần so với năm 2020, "
                         "gấp 3 lần mức bình quân của vùng; Ban chỉ đạo đã họp 2 lần.", 2025)
    assert [(t.value, t.unit, t.is_result) for t in found] == [
        (Decimal(86), "tỷ đồng", True), (Decimal("2.5"), "lần", True)]
    assert "doanh thu du lịch cộng đồng" in found[1].indicator.lower()


def test_a_plan_figure_named_before_its_copula_is_a_target() -> None:
    # "kế hoạch vốn … năm 2026 được giao là N" in a report plans; "đạt chỉ tiêu … đề ra là N" met it: the result,
    # then the plan it met.
    found = read_targets("Theo báo cáo, kế hoạch vốn đầu tư công năm 2026 của huyện được giao là 830 tỷ đồng; "
                         "đến nay đã giải ngân 210 tỷ đồng.", 2026)
    assert [(t.value, t.is_result) for t in found] == [(Decimal(830), False), (Decimal(210), True)]
    met = read_targets("Năm 2025, thu nhập bình quân ước đạt chỉ tiêu Đại hội đề ra là 95 triệu đồng.", 2026)
    assert [t.is_result for t in met] == [True, False]
