"""Results given as shares: a percentage before the whole it is a share of ("chiếm 38% GRDP", "đóng góp 27%
GDP toàn ngành với 45% sản lượng cà phê, 30% …"). Sentences are invented, not taken from the real texts."""

from decimal import Decimal

from kg.extraction.targets import read_targets


def _read(text: str, year: int = 2023) -> list[tuple[bool, str, Decimal, str]]:
    return [(t.is_result, t.indicator, t.value, t.comparator) for t in read_targets(text, year)]


def test_a_share_verb_names_the_whole_after_the_figure_and_chains_the_list() -> None:
    found = _read("Vùng Tây Nguyên giữ vai trò then chốt; đóng góp 27,4% giá trị xuất khẩu nông sản với gần 60% "
                  "sản lượng cà phê, 35% diện tích hồ tiêu và 18% sản lượng cao su cả nước; là địa bàn chiến lược.")
    assert [(r, i, v) for r, i, v, _ in found] == [
        (True, "Tỷ trọng giá trị xuất khẩu nông sản", Decimal("27.4")),
        (True, "Tỷ trọng sản lượng cà phê", Decimal(60)),
        (True, "Tỷ trọng diện tích hồ tiêu", Decimal(35)),
        (True, "Tỷ trọng sản lượng cao su cả nước", Decimal(18))]
    assert found[1][3] != "EqualTo"  # "gần 60%" is not exactly 60%


def test_the_subject_of_the_share_verb_is_whose_share_it_is() -> None:
    found = _read("Năm 2022, ngành du lịch chiếm 12,5% GRDP của tỉnh, với 40% lao động khu vực dịch vụ.")
    assert found == [(True, "Tỷ trọng ngành du lịch trong GRDP của tỉnh", Decimal("12.5"), "EqualTo"),
                     (True, "Tỷ trọng ngành du lịch trong lao động khu vực dịch vụ", Decimal(40), "EqualTo")]


def test_a_planned_share_stays_a_target() -> None:
    found = _read("Phấn đấu đến năm 2030, khu vực công nghiệp - xây dựng chiếm khoảng 41% GRDP.", 2025)
    assert found == [(False, "Tỷ trọng khu vực công nghiệp - xây dựng trong GRDP", Decimal(41), "Approximately")]


def test_a_percentage_after_other_verbs_is_no_share() -> None:
    assert _read("Hỗ trợ 50% chi phí mua giống cho các hộ nghèo.") == []
    found = _read("Năm 2022, doanh thu du lịch đạt 3.200 tỷ đồng, tăng 15% so với cùng kỳ.")
    assert all(not i.startswith("Tỷ trọng") for _, i, _, _ in found)
