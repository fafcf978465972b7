"""Tasks: tables with agencies and deadlines, numbered task sections with bullets, inline lists,
"Trọng tâm chỉ đạo" paragraphs and assignment lists."""

import pytest

from kg.extraction.tasks import TaskContext, normalise_deadline, read_tasks
from kg.extraction.text import table_cells

TABLE = """DANH MỤC NHIỆM VỤ
(Kèm theo Kế hoạch số 12/KH-UBND ngày 15/01/2022 của UBND tỉnh Quảng Nam)
STT
|
Nhiệm vụ
|
Đơn vị
chủ trì
|
Đơn vị phối hợp
|
Thời gian
hoàn thành
|
1
|
Kế hoạch thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2022 của Chính phủ
|
Sở
KH&ĐT
|
Sở Tài chính, Sở Nội vụ
|
Tháng
01
|
2
|
Đề án phát triển cây quế bền vững giai đoạn 2022-2025
|
Sở NN&PTNT
|
Sở TN&MT
|
Quý
l
|
3
|
Kế hoạch chuyển đổi số năm 2022
|
Trung tâm XTĐT, TM&DL
|
|
Quý III
|
"""


def tasks_of(text: str, year: int = 2022):
    return read_tasks(text, table_cells(text), TaskContext("Quảng Nam", "unknown-x", year))


def test_task_table_rows() -> None:
    found = tasks_of(TABLE)
    assert [t.label for t in found] == [
        "Kế hoạch thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2022 của Chính phủ",
        "Đề án phát triển cây quế bền vững giai đoạn 2022-2025", "Kế hoạch chuyển đổi số năm 2022"]
    assert [t.lead.name for t in found] == [
        "Sở Kế hoạch và Đầu tư tỉnh Quảng Nam", "Sở Nông nghiệp và Phát triển nông thôn tỉnh Quảng Nam",
        "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh Quảng Nam"]
    assert [t.deadline for t in found] == ["Tháng 01", "Quý I", "Quý III"]  # the OCR slip "Quý l" is read as I
    assert [t.deadline_norm for t in found] == ["2022-01", "2022-Q1", "2022-Q3"]
    assert [c.name for c in found[0].cooperating] == ["Sở Tài chính tỉnh Quảng Nam", "Sở Nội vụ tỉnh Quảng Nam"]
    assert found[0].lead.parent.name == "Ủy ban nhân dân tỉnh Quảng Nam"


SECTION = """I. MỤC TIÊU
1. Mục tiêu tổng quát
Phát triển nhanh và bền vững.
II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU
1. Tập trung tháo gỡ khó khăn cho sản xuất
kinh doanh, phục hồi tăng trưởng
- Rà soát, hoàn thiện cơ chế hỗ trợ doanh nghiệp.
- Đẩy nhanh giải ngân vốn đầu tư công.
2. Đẩy mạnh cải cách hành chính
- Nâng cao chất lượng dịch vụ công trực tuyến.
III. TỔ CHỨC THỰC HIỆN
1. Các sở, ngành chủ động triển khai kế hoạch này.
"""


def test_numbered_task_section_with_bullets() -> None:
    found = tasks_of(SECTION)
    groups = [t for t in found if t.kind == "Task"]
    bullets = [t for t in found if t.kind == "Measure"]
    assert [t.label for t in groups] == ["Tập trung tháo gỡ khó khăn cho sản xuất kinh doanh, phục hồi tăng trưởng",
                                         "Đẩy mạnh cải cách hành chính"]
    assert [t.label for t in bullets] == ["Rà soát, hoàn thiện cơ chế hỗ trợ doanh nghiệp",
                                          "Đẩy nhanh giải ngân vốn đầu tư công",
                                          "Nâng cao chất lượng dịch vụ công trực tuyến"]
    assert [found[b.parent].label[:12] for b in bullets] == ["Tập trung th", "Tập trung th", "Đẩy mạnh cải"]
    assert [t.order for t in found] == list(range(1, len(found) + 1))


def test_inline_numbered_list() -> None:
    found = tasks_of("Nhiệm vụ và giải pháp chủ yếu năm 2022: (1) Kiểm soát dịch bệnh, phục hồi kinh tế; (2) Đẩy "
                     "mạnh chuyển đổi số; (3) Bảo đảm an sinh xã hội.")
    assert [t.label for t in found] == ["Kiểm soát dịch bệnh, phục hồi kinh tế", "Đẩy mạnh chuyển đổi số",
                                        "Bảo đảm an sinh xã hội"]


def test_focus_paragraphs() -> None:
    found = tasks_of("Trọng tâm chỉ đạo, điều hành năm 2022:\n\nChỉ đạo xây dựng và ban hành các chương trình hành "
                     "động thực hiện Nghị quyết Đại hội Đảng bộ tỉnh.\n\nTập trung chỉ đạo giải ngân vốn đầu tư công "
                     "ngay từ đầu năm.\n\nBTV")
    assert [t.label[:24] for t in found] == ["Chỉ đạo xây dựng và ban ", "Tập trung chỉ đạo giải n"]


def test_draft_groups_in_running_text_are_not_tasks() -> None:
    assert tasks_of("Dự thảo cũng xây dựng 09 nhóm nhiệm vụ trọng tâm năm 2023, gồm: Tập trung lãnh đạo, chỉ đạo "
                    "thực hiện các nhiệm vụ phát triển kinh tế - xã hội.") == []


def test_assignment_list_with_lead_and_deadline() -> None:
    found = tasks_of("2. Giao nhiệm vụ:\na) Sở Tài chính tham mưu phân bổ kinh phí, trình UBND tỉnh trước ngày "
                     "28/02/2022.\nb) Các sở, ngành thực hiện nghiêm chế độ báo cáo.\n")
    assert [t.label for t in found] == ["Tham mưu phân bổ kinh phí, trình UBND tỉnh trước ngày 28/02/2022",
                                        "Thực hiện nghiêm chế độ báo cáo"]
    assert found[0].lead.name == "Sở Tài chính tỉnh Quảng Nam" and found[0].deadline_norm == "2022-02-28"
    assert found[1].lead is None


@pytest.mark.parametrize(("written", "norm"), [
    ("Tháng 01", "2021-01"), ("Tháng 12", "2021-12"), ("Quý I", "2021-Q1"), ("Quý l", "2021-Q1"),
    ("Quý IV", "2021-Q4"), ("6 tháng đầu năm", "2021-H1"), ("trước ngày 15/3", "2021-03-15"),
    ("Quý I/2024", "2024-Q1"), ("Tháng 6/2024", "2024-06"),
    ("30/6/2022", "2022-06-30"),
])
def test_deadlines(written: str, norm: str) -> None:
    assert normalise_deadline(written, 2021) == norm


def test_ordinal_word_lists() -> None:
    found = tasks_of("UBND tỉnh yêu cầu tập trung 3 nhóm nhiệm vụ, giải pháp trọng tâm: Một là, tháo gỡ khó khăn cho "
                     "doanh nghiệp. Hai là, đẩy mạnh giải ngân vốn đầu tư công. Ba là, bảo đảm an sinh xã hội.")
    assert [t.label for t in found] == ["Tháo gỡ khó khăn cho doanh nghiệp", "Đẩy mạnh giải ngân vốn đầu tư công",
                                        "Bảo đảm an sinh xã hội"]


GROUPED = """TT
|
Nội dung công việc
|
Cơ quan chủ trì
|
Cơ quan phối hợp
|
Sản phẩm
|
Thời gian hoàn thành
|
I
|
LĨNH VỰC KINH TẾ
|
|
|
|
|
1
|
Xây dựng kế hoạch thu hút đầu tư năm 2024
|
Sở Kế hoạch và Đầu tư
|
Các sở, ngành liên quan
|
Kế hoạch của UBND tỉnh
|
Quý I/2024
|
II
|
LĨNH VỰC VĂN HÓA - XÃ HỘI
|
|
|
|
|
2
|
Đề án phát triển giáo dục nghề nghiệp giai đoạn 2024-2030
|
Sở LĐTB&XH
|
Sở GD&ĐT
|
Đề án
|
Quý III
|
"""


def test_table_with_group_rows_and_more_columns() -> None:
    found = tasks_of(GROUPED, 2024)
    assert [(t.label[:20], t.lead.name[:22], t.deadline_norm) for t in found] == [
        ("Xây dựng kế hoạch th", "Sở Kế hoạch và Đầu tư ", "2024-Q1"),
        ("Đề án phát triển giá", "Sở Lao động - Thương b", "2024-Q3")]
    assert [c.name for c in found[1].cooperating] == ["Sở Giáo dục và Đào tạo tỉnh Quảng Nam"]
