"""Forms of documents known by name that the real texts show: a decision known by the body it founds.
Sentences are invented, in other wording, bodies and provinces than the real texts."""

from collections.abc import Callable

import pytest

from kg.model import TextResult

FOUNDING = [
    ("Tại hội nghị, huyện đã công bố quyết định thành lập Ban Chỉ đạo chuyển đổi số cấp huyện và tổ chức ký kết "
     "thỏa thuận hợp tác.", "quyết định thành lập Ban Chỉ đạo chuyển đổi số cấp huyện"),
    ("Sở Nội vụ tham mưu UBND tỉnh ban hành Quyết định kiện toàn Hội đồng thi đua - khen thưởng tỉnh trước ngày "
     "15/7.", "Quyết định kiện toàn Hội đồng thi đua - khen thưởng tỉnh"),
    ("Chủ tịch UBND tỉnh đã ký quyết định thành lập Tổ công tác đặc biệt tháo gỡ khó khăn cho dự án để đôn đốc "
     "tiến độ.", "quyết định thành lập Tổ công tác đặc biệt tháo gỡ khó khăn cho dự án"),
]


@pytest.mark.parametrize(("text", "label"), FOUNDING)
def test_a_decision_is_known_by_the_body_it_founds(read: Callable[..., TextResult], text: str, label: str) -> None:
    found = [(d.doc_type, d.label) for d in read(text).documents if d.number is None]
    assert found == [("Decision", label)]


@pytest.mark.parametrize("text", [
    "UBND huyện quyết định thành lập tổ công tác liên ngành kiểm tra an toàn thực phẩm.",  # a verb, a common noun
    "Các xã đã quyết định thành lập Tổ công nghệ số cộng đồng tại mỗi thôn.",  # the verb "quyết định"
    "Sở Tài chính công bố quyết định phân bổ vốn cho các huyện.",  # no body founded, no anchor
])
def test_other_decisions_and_the_verb_are_no_names(read: Callable[..., TextResult], text: str) -> None:
    assert [d.label for d in read(text).documents if d.number is None] == []


CRITERIA = [
    ("Đến năm 2026, 45 sản phẩm được công nhận đạt chuẩn theo bộ tiêu chí sản phẩm thuộc Chương trình mỗi xã một "
     "sản phẩm là mục tiêu của huyện.", "bộ tiêu chí sản phẩm thuộc Chương trình mỗi xã một sản phẩm"),
    ("Sở Thông tin và Truyền thông xây dựng bộ tiêu chí đánh giá mức độ chuyển đổi số cấp xã (DTI), trình UBND tỉnh "
     "trong quý II.", "bộ tiêu chí đánh giá mức độ chuyển đổi số cấp xã (DTI)"),
    ("Huyện có 9 xã đạt chuẩn theo bộ tiêu chí quốc gia về xã nông thôn mới nâng cao trước ngày 30/11.",
     "bộ tiêu chí quốc gia về xã nông thôn mới nâng cao"),
]


@pytest.mark.parametrize(("text", "label"), CRITERIA)
def test_a_set_of_criteria_names_itself(read: Callable[..., TextResult], text: str, label: str) -> None:
    found = [(d.doc_type, d.label) for d in read(text).documents if d.number is None]
    assert ("Regulation", label) in found


def test_a_set_of_criteria_without_a_subject_is_no_name(read: Callable[..., TextResult]) -> None:
    assert [d.label for d in read("Các đơn vị tự chấm điểm theo bộ tiêu chí.").documents] == []


@pytest.mark.parametrize(("text", "label"), [
    ("Các huyện tiếp tục triển khai hiệu quả chương trình phục hồi và phát triển kinh tế-xã hội, tháo gỡ khó khăn "
     "cho doanh nghiệp.", "chương trình phục hồi và phát triển kinh tế-xã hội"),
    ("Năm 2024, toàn tỉnh có 85 sản phẩm thuộc chương trình mỗi xã một sản phẩm (OCOP) đạt 3 sao.",
     "chương trình mỗi xã một sản phẩm (OCOP)"),
])
def test_a_national_programme_in_lower_case(read: Callable[..., TextResult], text: str, label: str) -> None:
    assert ("Program", label) in [(d.doc_type, d.label) for d in read(text).documents if d.number is None]


def test_a_national_programme_is_one_node_across_provinces(read: Callable[..., TextResult]) -> None:
    a = read("Tỉnh Gia Lai tiếp tục thực hiện chương trình phục hồi và phát triển kinh tế - xã hội.")
    b = read("Tỉnh Bến Tre đẩy nhanh chương trình phục hồi và phát triển kinh tế - xã hội, hỗ trợ doanh nghiệp.")
    assert {(d.scope, d.key) for d in a.documents} == {(d.scope, d.key) for d in b.documents}
    assert [d.scope for d in a.documents] == ["vn"]


@pytest.mark.parametrize(("text", "label"), [
    ("3. Bộ Chỉ huy Quân sự tỉnh chủ trì triển khai chương trình trọng điểm nâng cao năng lực ứng phó sự cố thiên "
     "tai, trình UBND tỉnh trong tháng 9.", "chương trình trọng điểm nâng cao năng lực ứng phó sự cố thiên tai"),
    ("Sở Lao động - Thương binh và Xã hội hướng dẫn thực hiện chương trình quốc gia về an toàn, vệ sinh lao động.",
     "chương trình quốc gia về an toàn, vệ sinh lao động"),
    ("Xây dựng đề án tổng thể phát triển hạ tầng logistics vùng ven biển để thu hút đầu tư.",
     "đề án tổng thể phát triển hạ tầng logistics vùng ven biển"),
])
def test_a_qualified_head_names_one_document(read: Callable[..., TextResult], text: str, label: str) -> None:
    assert label in [d.label for d in read(text).documents if d.number is None]


def test_plural_qualified_heads_are_no_name(read: Callable[..., TextResult]) -> None:
    text = "Tập trung thực hiện các chương trình trọng điểm, khâu đột phá của nhiệm kỳ."
    assert [d.label for d in read(text).documents] == []


@pytest.mark.parametrize(("text", "label"), [
    ("2 | Xây dựng Đề án số hóa kho lưu trữ hồ sơ địa chính tỉnh Gia Lai giai đoạn 2025 - 2027 | Sở Nông nghiệp và "
     "Môi trường | Quý III/2025", "Đề án số hóa kho lưu trữ hồ sơ địa chính tỉnh Gia Lai giai đoạn 2025-2027"),
    ("Sở Xây dựng rà soát, điều chỉnh Quy hoạch chung đô thị Vị Thanh đến năm 2040, tầm nhìn đến năm 2050 trong quý "
     "IV.", "Quy hoạch chung đô thị Vị Thanh đến năm 2040, tầm nhìn đến năm 2050"),
])
def test_a_subject_opening_like_a_generic_word(read: Callable[..., TextResult], text: str, label: str) -> None:
    """"số hóa", the "chung" of a general plan: the subject's first word only looks like "số 12", "… chung của"."""
    assert label in [d.label for d in read(text).documents if d.number is None]


def test_a_generic_word_after_the_head_is_still_no_name(read: Callable[..., TextResult]) -> None:
    text = "Các huyện thực hiện theo Quy hoạch chung của tỉnh và Đề án số đã được phê duyệt."
    assert [d.label for d in read(text).documents if d.number is None] == []


def test_a_quoted_title_inside_the_subject(read: Callable[..., TextResult]) -> None:
    """A campaign's quoted name inside a plan's subject: the name runs past it to its period."""
    text = ("Kế hoạch tổ chức Cuộc vận động “Toàn dân đoàn kết xây dựng đời sống văn hóa” giai đoạn 2025 - 2030 vừa "
            "được UBND huyện ban hành.")
    labels = [d.label for d in read(text).documents if d.number is None]
    assert labels == ["Kế hoạch tổ chức Cuộc vận động “Toàn dân đoàn kết xây dựng đời sống văn hóa” "
                      "giai đoạn 2025-2030"]


def test_a_drafted_act_of_a_body_is_named_by_what_it_rules(read: Callable[..., TextResult]) -> None:
    """A task item drafting an act of a body, known by what it rules ("quy định …") with no period or place."""
    text = ("3 | Xây dựng Nghị quyết của HĐND tỉnh quy định chính sách hỗ trợ học nghề cho lao động nông thôn | "
            "Sở Nội vụ | Sở Tài chính | Quý II/2025")
    found = [(d.doc_type, d.label) for d in read(text, province="Cà Mau").documents if d.number is None]
    assert found == [("Resolution", "Nghị quyết của HĐND tỉnh quy định chính sách hỗ trợ học nghề cho lao động "
                                    "nông thôn")]


def test_an_act_of_a_body_cited_by_what_it_rules_is_no_name(read: Callable[..., TextResult]) -> None:
    text = "Các đơn vị chi theo Nghị quyết của HĐND tỉnh quy định mức chi công tác phí."
    assert [d.label for d in read(text, province="Cà Mau").documents if d.number is None] == []


def test_a_drafted_decree_is_named(read: Callable[..., TextResult]) -> None:
    """"Nghị định" heads a named document as the other types do: a drafted decree amending a numbered one."""
    text = ("Vụ Pháp chế chủ trì hoàn thiện dự thảo Nghị định sửa đổi, bổ sung Nghị định số 45/2022/NĐ-CP ngày "
            "07/7/2022 của Chính phủ, trình Chính phủ trong quý IV/2026.")
    found = [(d.doc_type, d.label) for d in read(text).documents if d.number is None]
    assert found == [("Decree", "Nghị định sửa đổi, bổ sung Nghị định số 45/2022/NĐ-CP ngày 07/7/2022 của Chính phủ")]


def test_an_amending_act_is_named_with_the_subject_of_the_act_it_amends(read: Callable[..., TextResult]) -> None:
    text = ("2 | Xây dựng Nghị định sửa đổi, bổ sung Nghị định số 45/2022/NĐ-CP quy định xử phạt vi phạm hành chính "
            "trong lĩnh vực bảo vệ môi trường | Vụ Pháp chế | Cục Kiểm soát ô nhiễm | Quý IV/2026")
    found = [(d.doc_type, d.label) for d in read(text).documents if d.number is None]
    assert found == [("Decree", "Nghị định sửa đổi, bổ sung Nghị định số 45/2022/NĐ-CP quy định xử phạt vi phạm "
                                "hành chính trong lĩnh vực bảo vệ môi trường")]


def test_a_product_cell_naming_only_whom_a_report_goes_to_is_no_name(read: Callable[..., TextResult]) -> None:
    """A table's product cell gives a type and its addressee ("Báo cáo UBND tỉnh") or a bare kind ("Báo cáo kết
    quả"); the name of a cell ends with its row, never running into the next row's number."""
    text = ("STT | Nhiệm vụ | Chủ trì | Thời gian | Sản phẩm\n"
            "1 | Rà soát thủ tục đầu tư | Sở Tài chính | Quý III/2026 | Báo cáo UBND tỉnh\n"
            "2 | Theo dõi tiến độ giải phóng mặt bằng | Sở Xây dựng | Hằng tháng | Báo cáo Thủ tướng Chính phủ\n"
            "3 | Đánh giá chỉ số cải cách hành chính | Sở Nội vụ | Năm 2026 | Báo cáo kết quả\n"
            "4 | Lập quy hoạch mạng lưới chợ | Sở Công Thương | Quý IV/2026 | Đề án phát triển chợ nông thôn\n"
            "5 | Tổng kết | Văn phòng | Năm 2026 | Báo cáo năm")
    found = [d.label for d in read(text, province="Sơn La").documents if d.number is None]
    assert found == ["Đề án phát triển chợ nông thôn"]


def test_the_plan_a_decision_approves_is_named(read: Callable[..., TextResult]) -> None:
    """"Quyết định … về việc phê duyệt Đề án X": the approved đề án is named; an HĐND resolution's "về Kế hoạch X"
    topic is not."""
    text = ("Thực hiện Quyết định số 412/QĐ-UBND ngày 11/3/2026 của UBND tỉnh Sơn La về việc phê duyệt Đề án phát "
            "triển du lịch cộng đồng huyện Mộc Châu đến năm 2030. HĐND tỉnh đã ban hành Nghị quyết số 25/NQ-HĐND "
            "về Kế hoạch đầu tư công năm 2026.")
    found = [d.label for d in read(text).documents if d.number is None]
    assert found == ["Đề án phát triển du lịch cộng đồng huyện Mộc Châu đến năm 2030"]


def test_a_law_title_holding_a_join_runs_over_it(read: Callable[..., TextResult]) -> None:
    """National law titles with a comma or "và" are one name; another law's name still ends at the join."""
    text = ("Tuyên truyền Luật Phòng, chống thiên tai và Luật Thi đua, khen thưởng đến người dân; thực hiện Luật Đất "
            "đai và các văn bản hướng dẫn; sửa đổi Luật Bảo vệ và phát triển rừng, trình Quốc hội.")
    found = sorted(d.label for d in read(text).documents if d.number is None)
    assert found == ["Luật Bảo vệ và phát triển rừng", "Luật Phòng, chống thiên tai", "Luật Thi đua, khen thưởng",
                     "Luật Đất đai"]


def test_a_head_with_a_quoted_title_names_it(read: Callable[..., TextResult]) -> None:
    text = ("Bộ họp về tiến độ Đề án “Phát triển 500 hợp tác xã nông nghiệp ứng dụng công nghệ cao đến năm 2030” "
            "được phê duyệt năm 2024.")
    assert [d.label for d in read(text).documents if d.number is None] == [
        "Đề án “Phát triển 500 hợp tác xã nông nghiệp ứng dụng công nghệ cao đến năm 2030”"]


def test_a_quoted_slogan_after_a_name_belongs_to_it(read: Callable[..., TextResult]) -> None:
    text = ("- Tổ chức Chương trình quảng bá ẩm thực vùng cao năm 2026 “Hương vị núi rừng Tây Bắc”, hoàn thành "
            "trong quý II/2026;")
    assert [d.label for d in read(text).documents if d.number is None] == [
        "Chương trình quảng bá ẩm thực vùng cao năm 2026 “Hương vị núi rừng Tây Bắc”"]
