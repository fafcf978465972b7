"""Numeric targets in every phrasing the issue lists, results kept apart, and the non-targets."""

from decimal import Decimal

import pytest

from kg.extraction.targets import read_targets
from kg.model import Target


def one(text: str, year: int = 2022) -> Target:
    found = [t for t in read_targets(text, year) if not t.is_result]
    assert len(found) == 1, [(t.indicator, t.value, t.unit) for t in found]
    return found[0]


PHRASINGS = [
    # (text, indicator fragment, value, upper, unit, comparator)
    ("Về kinh tế: Tốc độ tăng trưởng GRDP của tỉnh đạt trên 8,5%.", "Tốc độ tăng trưởng GRDP", "8.5", None, "%",
     "GreaterThan"),
    ("Về kinh tế: Cơ cấu kinh tế: Khu vực Dịch vụ: 45-46%.", "Khu vực Dịch vụ", "45", "46", "%", "Between"),
    ("Về kinh tế: GRDP bình quân đầu người trên 62 triệu đồng.", "GRDP bình quân đầu người", "62", None,
     "triệu đồng", "GreaterThan"),
    ("Về kinh tế: Thu ngân sách nhà nước trên địa bàn 4.250 tỷ đồng.", "Thu ngân sách nhà nước", "4250", None,
     "tỷ đồng", "EqualTo"),
    ("Về môi trường: tỷ lệ che phủ rừng (không tính cây cao su) đạt trên 51,7%.", "Tỷ lệ che phủ rừng", "51.7",
     None, "%", "GreaterThan"),
    ("Về kinh tế: Đón 2,4 triệu lượt khách du lịch.", "khách du lịch", "2.4", None, "triệu lượt khách", "EqualTo"),
    ("Về xã hội: Dân số trung bình khoảng 612 nghìn người.", "Dân số trung bình", "612", None, "nghìn người",
     "Approximately"),
    ("Về xã hội: Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giảm ít nhất 2,5%.", "Tỷ lệ hộ nghèo", "2.5", None, "%",
     "AtLeast"),
    ("Về xã hội: Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi dưới 24,1%.", "suy dinh dưỡng", "24.1", None,
     "%", "LessThan"),
    ("Về kinh tế: Trong năm có thêm 12 xã đạt chuẩn nông thôn mới.", "xã đạt chuẩn nông thôn mới", "12", None, "xã",
     "EqualTo"),
    ("Về xã hội: Số giường bệnh trên một vạn dân đạt 33,5 giường.", "Số giường bệnh", "33.5", None, "giường",
     "EqualTo"),
    ("Về kinh tế: Kim ngạch xuất khẩu 1.450 triệu USD.", "Kim ngạch xuất khẩu", "1450", None, "triệu USD", "EqualTo"),
    ("Về kinh tế: Diện tích cây ăn quả 3.200 ha.", "Diện tích cây ăn quả", "3200", None, "ha", "EqualTo"),
    ("Về kinh tế: Tổng đàn trâu 45.000 con.", "Tổng đàn trâu", "45000", None, "con", "EqualTo"),
    ("Về cải cách hành chính: phấn đấu chuẩn hóa 100% thủ tục hành chính lên mức 3,4.", "Chuẩn hóa thủ tục hành chính",
     "100", None, "%", "EqualTo"),
    ("Về chỉ tiêu: Thu ngân sách không thấp hơn 2.650 tỷ đồng.", "Thu ngân sách", "2650", None, "tỷ đồng", "AtLeast"),
    ("Về chỉ tiêu: Tỷ lệ thất nghiệp khu vực thành thị không quá 3%.", "Tỷ lệ thất nghiệp", "3", None, "%", "AtMost"),
    ("Năm 2025, tỉnh phấn đấu tăng trưởng GRDP đạt 10% trở lên.", "tăng trưởng GRDP", "10", None, "%", "AtLeast"),
]


@pytest.mark.parametrize(("text", "fragment", "value", "upper", "unit", "comparator"), PHRASINGS)
def test_phrasings(text: str, fragment: str, value: str, upper: str | None, unit: str, comparator: str) -> None:
    t = one(text)
    assert fragment.lower() in t.indicator.lower()
    assert t.value == Decimal(value)
    assert t.upper == (Decimal(upper) if upper else None)
    assert (t.unit, t.comparator) == (unit, comparator)


def test_scaled_base_values() -> None:
    t = one("Về kinh tế: Thu ngân sách nhà nước trên địa bàn 3.500 tỷ đồng.")
    assert (t.base_value, t.base_unit) == (Decimal("3.5E12"), "đồng")
    t = one("Về du lịch: Đón 1,5 triệu lượt khách du lịch.")
    assert t.base_value == Decimal(1_500_000) and t.base_unit == "lượt khách"


def test_two_targets_in_one_sentence() -> None:
    found = read_targets("Năm 2021, tỉnh Cà Mau phấn đấu tốc độ tăng trưởng kinh tế đạt 6,5% và bình quân giai đoạn "
                         "2021-2025 đạt 7%.", 2021)
    assert [(t.indicator, t.value) for t in found] == [
        ("Tốc độ tăng trưởng kinh tế", Decimal("6.5")),
        ("Tốc độ tăng trưởng kinh tế bình quân giai đoạn 2021-2025", Decimal(7))]
    assert found[1].period == "2021-2025"


def test_sub_target() -> None:
    found = read_targets("Về kinh tế: Tổng đàn bò 60.000 con; trong đó bò sữa 3.500 con. Tỷ lệ lao động qua đào tạo "
                         "đạt 70%, trong đó đào tạo nghề đạt 45%.", 2022)
    by_value = {t.value: t for t in found}
    assert by_value[Decimal(3500)].parent == found.index(by_value[Decimal(60000)])
    assert by_value[Decimal(45)].indicator == "Tỷ lệ lao động qua đào tạo nghề"


def test_value_first_list_shares_its_predicate() -> None:
    found = read_targets("Về giáo dục: Phấn đấu 45% số trường mầm non, 70% số trường tiểu học, 52% số trường trung "
                         "học cơ sở đạt chuẩn quốc gia.", 2022)
    assert [t.indicator for t in found] == ["Số trường mầm non đạt chuẩn quốc gia", "Số trường tiểu học đạt chuẩn "
                                            "quốc gia", "Số trường trung học cơ sở đạt chuẩn quốc gia"]


def test_sector_heading_is_recorded() -> None:
    t = one("Về quốc phòng, an ninh: Tỷ lệ điều tra, khám phá án hình sự đạt trên 80%.")
    assert t.sector == "quốc phòng, an ninh"


def test_numbered_target_block_without_colon() -> None:
    found = read_targets("Điều 1. Các chỉ tiêu chủ yếu năm 2022\n1. Tốc độ tăng trưởng GRDP từ 6,5% trở lên.\n"
                         "2. Trồng rừng mới 5.500 ha.\nĐiều 2. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện.", 2022)
    assert [(t.value, t.unit, t.comparator) for t in found] == [(Decimal("6.5"), "%", "AtLeast"),
                                                                 (Decimal(5500), "ha", "EqualTo")]


RESULTS = [
    "Năm 2022, GRDP ước tăng 7,1% so với năm trước.",
    "Kim ngạch xuất khẩu tăng 6,36% so với cùng kỳ.",
    "Phấn đấu hoàn thành kế hoạch; thu ngân sách đạt 105,5% dự toán.",
    "GRDP bình quân đầu người đạt 70,7 triệu đồng/người, đạt 105,5% Nghị quyết.",
]


@pytest.mark.parametrize("text", RESULTS)
def test_results_are_not_targets(text: str) -> None:
    found = read_targets(text, 2022)
    assert found and all(t.is_result for t in found)


@pytest.mark.parametrize("text", [
    "Dự thảo Chương trình công tác năm 2023 đã xây dựng 74 nội dung trình UBND tỉnh.",
    "Nâng cao hiệu quả sử dụng dịch vụ công mức độ 3, 4.",
    "Phiên họp thứ 44 diễn ra ngày 14/01/2021.",
    "Toàn tỉnh hoàn thành 15/19 chỉ tiêu chủ yếu.",
    "1942 người đã bình chọn",
    "quan tâm để 100% các hộ nghèo trên địa bàn đều có tết",
])
def test_non_targets(text: str) -> None:
    assert [t for t in read_targets(text, 2021) if not t.is_result] == []


def test_figures_inside_a_cited_title_are_not_targets(read) -> None:
    res = read("Phấn đấu thực hiện Kết luận số 123-KL/TW ngày 24/01/2025 của Ban Chấp hành Trung ương Đảng về Đề án "
               "bổ sung về phát triển kinh tế - xã hội năm 2025 bảo đảm mục tiêu tăng trưởng 8% trở lên.")
    assert res.targets == []


def test_indicator_concept_drops_province_and_year() -> None:
    from kg.rdf.mapping import indicator_label

    assert indicator_label("Tốc độ tăng trưởng GRDP của tỉnh") == indicator_label("tốc độ tăng trưởng GRDP năm 2021")


def test_planned_figure_beside_the_result() -> None:
    found = read_targets("Năm 2023, tăng trưởng kinh tế của tỉnh ước đạt 5,1%, thấp hơn so với kế hoạch là 6,5%.", 2023)
    result, target = found
    assert result.is_result and result.value == Decimal("5.1")
    assert not target.is_result and target.value == Decimal("6.5") and target.indicator == result.indicator
    assert result.against == 1


def test_baseline_in_a_target_list_is_still_a_target() -> None:
    found = read_targets("2. Các chỉ tiêu chủ yếu\n- Tỷ lệ hộ nghèo giảm 1% so với năm 2022.\n"
                         "- Tạo việc làm mới cho 19.500 lao động.", 2023)
    assert [(t.value, t.is_result) for t in found] == [(Decimal(1), False), (Decimal(19500), False)]


def test_an_intro_clause_is_not_a_group_label() -> None:
    found = read_targets("Kế hoạch đề ra 22 chỉ tiêu chủ yếu, trong đó: tốc độ tăng trưởng kinh tế đạt 6,5%; kim ngạch "
                         "xuất khẩu đạt 800 triệu USD; giảm tỷ lệ hộ nghèo 0,5%.", 2024)
    assert [t.indicator for t in found] == ["Tốc độ tăng trưởng kinh tế", "Kim ngạch xuất khẩu", "Tỷ lệ hộ nghèo giảm"]


def test_sector_block_inside_a_longer_sentence() -> None:
    """Line-per-paragraph text (docx, html): the block heading sits mid-"sentence"."""
    found = read_targets("Thực hiện Nghị quyết số 01/NQ-CP ngày 06/01/2023 của Chính phủ\nVề kinh tế: Tốc độ tăng "
                         "trưởng GRDP đạt 13,5%.\nPHỤ LỤC", 2023)
    assert [(t.indicator, t.sector) for t in found] == [("Tốc độ tăng trưởng GRDP", "kinh tế")]
