"""Task forms of issue 10, each with invented sentences: inline-row task tables with group rows and several
lead bodies, prose lists (colon, «là», request sentences, province as subject, numbered runs without a
heading), assignment sentences with lead agency and deadline, and what is not a task."""

from kg.extraction.task_deadlines import deadline_in, normalise_deadline
from kg.extraction.tasks import TaskContext, read_tasks
from kg.extraction.text import table_cells


def tasks_of(text: str, province: str | None = "Lâm Đồng", year: int | None = 2026):
    return read_tasks(text, table_cells(text), TaskContext(province, "unknown-x", year))


def labels(text: str, **kw) -> list[str]:
    return [t.label for t in tasks_of(text, **kw) if t.kind == "Task"]


INLINE_TABLE = """PHỤ LỤC
DANH MỤC NHIỆM VỤ TRỌNG TÂM NĂM 2026

STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành

I | Phát triển nông nghiệp | Phát triển nông nghiệp | Phát triển nông nghiệp | Phát triển nông nghiệp

1 | Xây dựng đề án phát triển vùng chè chất lượng cao | Sở NN&PTNT | Sở Tài chính, UBND các huyện | Quý II/2026

II | Hạ tầng | Hạ tầng | Hạ tầng | Hạ tầng

2 | Lập quy hoạch chi tiết khu logistics phía Nam | Bộ Xây dựng, Bộ Tài chính | Sở Xây dựng | Tháng 9/2026
"""


def test_inline_row_table_with_group_rows() -> None:
    found = tasks_of(INLINE_TABLE)
    assert [t.label for t in found] == ["Xây dựng đề án phát triển vùng chè chất lượng cao",
                                        "Lập quy hoạch chi tiết khu logistics phía Nam"]
    assert found[0].lead.name == "Sở Nông nghiệp và Phát triển nông thôn tỉnh Lâm Đồng"
    assert [c.name for c in found[0].cooperating] == ["Sở Tài chính tỉnh Lâm Đồng", "UBND các huyện tỉnh Lâm Đồng"]
    assert (found[0].deadline, found[0].deadline_norm) == ("Quý II/2026", "2026-Q2")
    assert found[1].deadline_norm == "2026-09"


def test_multi_body_lead_cell_gives_one_lead_each() -> None:
    second = tasks_of(INLINE_TABLE)[1]
    assert [b.name for b in [second.lead, *second.leads]] == ["Bộ Xây dựng", "Bộ Tài chính"]


def test_numbered_items_after_colon_intro_without_heading() -> None:
    text = ("Chương trình xác định 4 nhóm nhiệm vụ, giải pháp sau:\n"
            "1. Đầu tư hạ tầng giao thông kết nối vùng.\n"
            "2. Thu hút doanh nghiệp công nghệ cao.\n"
            "3. Về đào tạo nguồn nhân lực.\n"
            "4. Bảo vệ rừng đầu nguồn.\n")
    assert labels(text) == ["Đầu tư hạ tầng giao thông kết nối vùng", "Thu hút doanh nghiệp công nghệ cao",
                            "Về đào tạo nguồn nhân lực", "Bảo vệ rừng đầu nguồn"]


def test_semicolon_list_after_colon_in_news() -> None:
    text = ("Tại phiên họp, UBND tỉnh thống nhất các giải pháp trọng tâm: Đẩy nhanh tiến độ các công trình "
            "thủy lợi; Hỗ trợ hợp tác xã tiếp cận vốn vay; Tăng cường kiểm tra an toàn thực phẩm.\n"
            "Ông Trần Văn Bình cho biết tỉnh sẽ sớm tổng kết.")
    assert labels(text) == ["Đẩy nhanh tiến độ các công trình thủy lợi", "Hỗ trợ hợp tác xã tiếp cận vốn vay",
                            "Tăng cường kiểm tra an toàn thực phẩm"]


def test_is_intro_splits_sentences_and_clauses_until_a_non_task() -> None:
    text = ("Theo đó, nhiệm vụ trọng tâm năm 2026 là ổn định sản xuất sau bão lũ, chăm lo đời sống người dân. "
            "Tiếp tục cải thiện chỉ số năng lực cạnh tranh; đẩy mạnh chuyển đổi số trong y tế.\n\n"
            "Chú trọng bảo tồn di sản văn hóa các dân tộc.\n\n"
            "Chỉ tiêu chủ yếu: tốc độ tăng trưởng đạt 8%.")
    assert labels(text) == ["Ổn định sản xuất sau bão lũ, chăm lo đời sống người dân",
                            "Tiếp tục cải thiện chỉ số năng lực cạnh tranh", "Đẩy mạnh chuyển đổi số trong y tế",
                            "Chú trọng bảo tồn di sản văn hóa các dân tộc"]


def test_request_sentence_then_task_paragraphs() -> None:
    text = ("Theo văn bản, UBND tỉnh đề nghị các sở, ngành, địa phương bám sát kịch bản tăng trưởng đã giao.\n"
            "Khẩn trương hoàn thiện thủ tục đầu tư các dự án chuyển tiếp trên địa bàn.\n"
            "Rà soát, thu hồi các dự án chậm triển khai quá thời hạn cho phép.\n"
            "Ông Lê Minh, Giám đốc Sở Tài chính cho biết nguồn vốn đã sẵn sàng.")
    assert labels(text) == ["Khẩn trương hoàn thiện thủ tục đầu tư các dự án chuyển tiếp trên địa bàn",
                            "Rà soát, thu hồi các dự án chậm triển khai quá thời hạn cho phép"]


def test_a_sentence_counting_tasks_introduces_an_ordinal_item() -> None:
    text = ("HĐND tỉnh đề nghị các cấp, các ngành nỗ lực hoàn thành kế hoạch năm 2026. Thực hiện đồng bộ 9 nhóm "
            "nhiệm vụ, giải pháp chủ yếu.\nTrước hết, là tăng cường kỷ luật công vụ; nâng cao trách nhiệm người "
            "đứng đầu.")
    assert labels(text) == ["Tăng cường kỷ luật công vụ; nâng cao trách nhiệm người đứng đầu"]


def test_province_as_subject_after_a_time_frame() -> None:
    text = ("Năm 2025, tỉnh đã trồng mới 3.000 ha rừng.\n"
            "Năm 2026, Lâm Đồng tập trung phát triển du lịch nghỉ dưỡng. Tỉnh đẩy mạnh thu hút đầu tư vào "
            "nông nghiệp công nghệ cao; nâng cấp hạ tầng đô thị.\n"
            "Năm 2025, tổng thu ngân sách đạt 12.000 tỷ đồng.")
    assert labels(text) == ["Tập trung phát triển du lịch nghỉ dưỡng",
                            "Đẩy mạnh thu hút đầu tư vào nông nghiệp công nghệ cao", "Nâng cấp hạ tầng đô thị"]


def test_past_time_frame_with_province_subject_is_not_a_task() -> None:
    assert labels("Năm 2024, Lâm Đồng tập trung phát triển du lịch nghỉ dưỡng.") == []


def test_headless_numbered_run_of_task_verbs() -> None:
    text = ("- Bảo đảm phối hợp chặt chẽ giữa các cơ quan.\n"
            "1. Công tác tuyên truyền, phổ biến kế hoạch.\n"
            "2. Hoàn thiện cơ chế hỗ trợ khởi nghiệp.\n"
            "3. Xây dựng mạng lưới tư vấn khởi nghiệp.\n")
    assert labels(text) == ["Công tác tuyên truyền, phổ biến kế hoạch", "Hoàn thiện cơ chế hỗ trợ khởi nghiệp",
                            "Xây dựng mạng lưới tư vấn khởi nghiệp"]


def test_numbered_items_of_reports_and_aims_are_not_tasks() -> None:
    text = ("II. TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ NĂM 2025\n1. Hạ tầng số\nĐã hoàn thành 20 trạm phát sóng.\n"
            "I. MỤC TIÊU\n1. Xây dựng chính quyền số.\n2. Phát triển kinh tế số.\n3. Phát triển xã hội số.\n")
    assert labels(text) == []


def test_agency_leads_a_task_with_follow_up_deadline() -> None:
    text = ("Sở Tài chính chủ trì, phối hợp với các cơ quan liên quan tham mưu UBND tỉnh phân bổ vốn sự nghiệp; "
            "trong đó ưu tiên các xã khó khăn. Hoàn thành trong quý III/2026.")
    [task] = tasks_of(text)
    assert task.label.startswith("Tham mưu UBND tỉnh phân bổ vốn sự nghiệp")
    assert task.lead.name == "Sở Tài chính tỉnh Lâm Đồng"
    assert (task.deadline, task.deadline_norm) == ("Quý III/2026", "2026-Q3")


def test_addressees_with_a_recurring_deadline() -> None:
    text = ("Sau khi kế hoạch được ban hành, các đơn vị, địa phương định kỳ báo cáo kết quả về Sở Nội vụ trước "
            "ngày 20/5 và 20/11 hằng năm.")
    [task] = tasks_of(text)
    assert task.label == "Định kỳ báo cáo kết quả về Sở Nội vụ"
    assert task.lead is None
    assert (task.deadline, task.deadline_norm) == ("Trước ngày 20/5 và 20/11 hằng năm", None)


def test_news_figures_and_events_are_not_tasks() -> None:
    text = ("Sáng 12/3, Chủ tịch UBND tỉnh chủ trì hội nghị sơ kết quý I.\n"
            "Tổng thu ngân sách ước đạt 2.100 tỷ đồng, tăng 8% so với cùng kỳ.\n"
            "Tỉnh đã triển khai các hoạt động như: Tập huấn chuyển đổi số; Hỗ trợ người dân cài ứng dụng.\n"
            "Các dự án đã hoàn thành trước ngày 30/4 được đưa vào sử dụng.")
    assert labels(text) == []


def test_deadline_phrase_as_written() -> None:
    assert deadline_in("trình UBND tỉnh trong tháng 10 năm 2026", 2026)[:2] == ("Tháng 10 năm 2026", "2026-10")
    assert deadline_in("chậm nhất trước ngày 15/7", 2026)[:2] == ("Chậm nhất trước ngày 15/7", "2026-07-15")
    assert normalise_deadline("Quý IV năm 2027", 2026) == "2027-Q4"


def test_directive_items_after_a_request_for_contents() -> None:
    text = ("Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ngành thực hiện một số nội dung sau:\n"
            "1. Về quản lý đất đai\nRà soát các khu đất chậm đưa vào sử dụng.\n"
            "2. Về phòng cháy, chữa cháy\n- Kiểm tra các cơ sở kinh doanh karaoke.\n"
            "III. TỔ CHỨC THỰC HIỆN\n1. Các sở, ngành báo cáo kết quả thực hiện.\n")
    assert labels(text) == ["Về quản lý đất đai", "Về phòng cháy, chữa cháy"]


def test_a_field_label_colon_is_not_a_task_intro() -> None:
    text = "Nhiệm vụ, giải pháp năm 2026 của tỉnh\nNgày đăng: 05/01/2026 09:15\nCỡ chữ A- A+\n"
    assert labels(text) == []


def test_a_briefing_meeting_is_not_a_request() -> None:
    text = "Tại hội nghị giao ban tháng 3, các đại biểu thảo luận nhiều nội dung.\nTăng cường kiểm tra thị trường.\n"
    assert labels(text) == []


def test_lead_is_the_body_given_the_task() -> None:
    [task] = tasks_of("UBND tỉnh giao Sở Y tế xây dựng phương án phòng dịch mùa mưa trước ngày 15/5/2026.")
    assert task.label == "Xây dựng phương án phòng dịch mùa mưa"
    assert task.lead.name == "Sở Y tế tỉnh Lâm Đồng"
    assert task.deadline_norm == "2026-05-15"


def test_task_section_that_names_aims_is_still_a_task_section() -> None:
    text = ("II. NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN CÁC MỤC TIÊU\n1. Phát triển hạ tầng cấp nước sạch nông thôn\n"
            "2. Nâng cao năng lực quản lý công trình\n")
    assert labels(text) == ["Phát triển hạ tầng cấp nước sạch nông thôn", "Nâng cao năng lực quản lý công trình"]


def test_ordinal_list_after_a_sentence_counting_groups() -> None:
    text = ("Kế hoạch xác định 3 nhóm giải pháp. Một là, đổi mới phương thức xúc tiến đầu tư. Hai là, hoàn thiện "
            "hạ tầng khu công nghiệp. Ba là, đào tạo lao động kỹ thuật.")
    assert labels(text) == ["Đổi mới phương thức xúc tiến đầu tư", "Hoàn thiện hạ tầng khu công nghiệp",
                            "Đào tạo lao động kỹ thuật"]


def test_table_cells_are_not_read_again_as_sentences() -> None:
    text = INLINE_TABLE.replace("| Sở NN&PTNT |", "| Sở NN&PTNT chủ trì, phối hợp với Sở Tài chính thực hiện |")
    assert len(tasks_of(text)) == 2


def test_deadlines_written_in_words_and_without_ngay() -> None:
    assert deadline_in("báo cáo trước ngày 15 tháng 3 năm 2026", 2026)[:2] == ("Trước ngày 15 tháng 3 năm 2026",
                                                                                "2026-03-15")
    assert deadline_in("nộp hồ sơ trước 30/9/2026", 2026)[1] == "2026-09-30"


def test_merged_header_second_line_names_lead_and_cooperating_columns() -> None:
    text = ("STT | Nhiệm vụ | Đơn vị thực hiện | | Thời gian\n| | Chủ trì | Phối hợp |\n"
            "1 | Số hóa hồ sơ địa chính | Sở Tài nguyên và Môi trường | Sở Thông tin và Truyền thông | Năm 2026\n")
    [task] = tasks_of(text)
    assert task.lead.name == "Sở Tài nguyên và Môi trường tỉnh Lâm Đồng"
    assert [c.name for c in task.cooperating] == ["Sở Thông tin và Truyền thông tỉnh Lâm Đồng"]


def test_national_and_class_leads_in_sentences() -> None:
    [a] = tasks_of("Bộ Công Thương chủ trì, phối hợp với các bộ liên quan hoàn thiện dự thảo Nghị định, trình Chính "
                   "phủ trước ngày 15/6/2026.")
    assert a.label == "Hoàn thiện dự thảo Nghị định, trình Chính phủ"
    assert (a.lead.name, a.deadline_norm) == ("Bộ Công Thương", "2026-06-15")
    [b] = tasks_of("Giao UBND các huyện, thành phố chủ trì rà soát quỹ đất tái định cư.")
    assert b.lead.name == "UBND các huyện, thành phố tỉnh Lâm Đồng"


def test_a_report_part_covers_its_subsections() -> None:
    text = ("PHẦN I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2025\nI. Lĩnh vực kinh tế\n1. Phát triển công nghiệp chế biến.\n"
            "2. Phát triển thương mại biên giới.\n3. Thu hút đầu tư ngoài ngân sách.\n"
            "PHẦN II. NHIỆM VỤ NĂM 2026\nI. Lĩnh vực kinh tế\n1. Phát triển công nghiệp chế biến sâu.\n"
            "2. Mở rộng thương mại biên giới.\n3. Thu hút đầu tư vào khu kinh tế.\n")
    assert labels(text) == ["Phát triển công nghiệp chế biến sâu", "Mở rộng thương mại biên giới",
                            "Thu hút đầu tư vào khu kinh tế"]


def test_a_meeting_agenda_is_not_a_task_list() -> None:
    text = ("Phiên họp thảo luận, cho ý kiến các nội dung: Báo cáo tình hình kinh tế - xã hội tháng 5; Tờ trình về "
            "giá đất năm 2026.\nKỳ họp cũng xem xét các nội dung: Tờ trình điều chỉnh dự toán ngân sách.\n")
    assert labels(text) == []


def test_contents_with_sau_after_a_request() -> None:
    text = "Văn bản nêu các nội dung sau: Tăng cường tuần tra biên giới; Kiểm soát chặt hàng nhập lậu.\n"
    assert labels(text) == ["Tăng cường tuần tra biên giới", "Kiểm soát chặt hàng nhập lậu"]


def test_numbered_items_inline_after_a_colon() -> None:
    text = ("Đề án nêu 3 nhóm giải pháp sau: 1. Quy hoạch vùng nguyên liệu mắc ca. 2. Hỗ trợ doanh nghiệp chế "
            "biến sâu. 3. Xây dựng thương hiệu sản phẩm.\n")
    assert labels(text) == ["Quy hoạch vùng nguyên liệu mắc ca", "Hỗ trợ doanh nghiệp chế biến sâu",
                            "Xây dựng thương hiệu sản phẩm"]


def test_a_purpose_clause_does_not_block_a_task_intro() -> None:
    text = ("Để hoàn thành các mục tiêu, chỉ tiêu đã đề ra, tỉnh tập trung các giải pháp sau: Siết chặt kỷ luật "
            "giải ngân; Ưu tiên vốn cho công trình chuyển tiếp.\n")
    assert labels(text) == ["Siết chặt kỷ luật giải ngân", "Ưu tiên vốn cho công trình chuyển tiếp"]


def test_is_intro_after_a_purpose_clause() -> None:
    text = "Để đạt mục tiêu tăng trưởng, nhiệm vụ hàng đầu là khơi thông nguồn vốn tín dụng; mở rộng thị trường."
    assert labels(text) == ["Khơi thông nguồn vốn tín dụng", "Mở rộng thị trường"]
    assert labels("Kết quả nổi bật của nhiệm vụ năm 2025 là hoàn thành 40 km đường.") == []


def test_an_assigning_bullet_stays_a_measure_with_its_lead() -> None:
    text = ("II. NHIỆM VỤ, GIẢI PHÁP\n1. Phát triển hạ tầng thương mại\n- Sở Công Thương chủ trì, phối hợp với "
            "các địa phương rà soát mạng lưới chợ, hoàn thành trong quý II/2026.\n")
    found = tasks_of(text)
    assert [t.kind for t in found] == ["Task", "Measure"]
    assert found[1].lead.name == "Sở Công Thương tỉnh Lâm Đồng" and found[1].deadline_norm == "2026-Q2"


def test_inline_table_sub_rows_do_not_end_the_table() -> None:
    text = ("TT | Tên nhiệm vụ | Cơ quan chủ trì | Thời hạn\n"
            "1 | Lập đề án chợ đầu mối nông sản | Sở Công Thương | Quý I\n"
            "- | Khảo sát địa điểm | | \n2 | Xây dựng cơ sở dữ liệu giá đất | Sở Tài chính | Tháng 10\n")
    assert labels(text) == ["Lập đề án chợ đầu mối nông sản", "Xây dựng cơ sở dữ liệu giá đất"]


def test_tasks_given_as_examples_after_nhu() -> None:
    text = ("UBND tỉnh giao các sở, ngành thực hiện các nhiệm vụ trọng tâm như: tăng cường quản lý khoáng sản; "
            "đẩy mạnh trồng rừng gỗ lớn.\n")
    assert labels(text) == ["Tăng cường quản lý khoáng sản", "Đẩy mạnh trồng rừng gỗ lớn"]


DIRECTIVE = """Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, Chủ tịch UBND các huyện thực hiện một số nội dung sau:

1. Các sở, ban, ngành, địa phương
a) Kiện toàn đội xung kích cứu hộ cấp xã, hoàn thành trước ngày 31/5/2026.
b) Rà soát phương án di dời hộ dân vùng ven sông.

2. Sở Y tế
Chuẩn bị cơ số thuốc, hóa chất xử lý môi trường sau lũ.

3. Tổ chức thực hiện
Giao Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện Chỉ thị này./.
"""


def test_directive_items_headed_by_their_addressees() -> None:
    found = tasks_of(DIRECTIVE)
    assert [t.label for t in found] == ["Kiện toàn đội xung kích cứu hộ cấp xã, hoàn thành trước ngày 31/5/2026",
                                        "Rà soát phương án di dời hộ dân vùng ven sông",
                                        "Chuẩn bị cơ số thuốc, hóa chất xử lý môi trường sau lũ"]
    assert [t.lead.name if t.lead else None for t in found] == [None, None, "Sở Y tế tỉnh Lâm Đồng"]
    assert found[0].deadline_norm == "2026-05-31"


def test_a_task_item_opening_with_its_bodies_names_them_as_leads() -> None:
    text = ("II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM\n1. Sở Công Thương, Sở Tài chính tham mưu cơ chế hỗ trợ chợ nông thôn.\n"
            "2. Sở hữu trí tuệ của hợp tác xã được bảo hộ tốt hơn.\n")
    found = tasks_of(text)
    assert [b.name for b in [found[0].lead, *found[0].leads]] == ["Sở Công Thương tỉnh Lâm Đồng",
                                                                  "Sở Tài chính tỉnh Lâm Đồng"]
    assert found[1].lead is None


# -- forms held-out texts use (issue 10, tasks): body-subject items, requests, leading deadlines, Vụ leads ------
OFFICIAL_LETTER = """Thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2026 của Chính phủ, Chủ tịch UBND tỉnh chỉ đạo như sau:

1. Giao Sở Nội vụ chủ trì, phối hợp với các sở, ngành liên quan rà soát vị trí việc làm của các đơn vị sự nghiệp,
trình UBND tỉnh trước ngày 15/4/2026.

2. Sở Tài chính hướng dẫn các địa phương quyết toán kinh phí hỗ trợ khắc phục hậu quả bão số 3.

3. Các sở, ngành và UBND các huyện, thị xã báo cáo tiến độ về Sở Nội vụ trước ngày 25 hằng tháng để tổng hợp.

Yêu cầu Thủ trưởng các cơ quan, đơn vị nghiêm túc thực hiện./.
"""


def test_body_subject_items_after_assigning_items_are_tasks() -> None:
    found = tasks_of(OFFICIAL_LETTER, province="Quảng Bình")
    assert [t.label for t in found] == [
        "Rà soát vị trí việc làm của các đơn vị sự nghiệp, trình UBND tỉnh",
        "Hướng dẫn các địa phương quyết toán kinh phí hỗ trợ khắc phục hậu quả bão số 3",
        "Báo cáo tiến độ về Sở Nội vụ để tổng hợp"]
    assert [t.lead.name if t.lead else None for t in found] == [
        "Sở Nội vụ tỉnh Quảng Bình", "Sở Tài chính tỉnh Quảng Bình", None]
    assert (found[2].deadline, found[2].deadline_norm) == ("Trước ngày 25 hằng tháng", None)


def test_class_subject_bullet_with_deadline_after_giao_bullets() -> None:
    text = ("Chủ tịch UBND thành phố giao nhiệm vụ:\n"
            "- Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính lập danh mục nhà chung cư cũ cần cải tạo, "
            "hoàn thành trong quý III/2026.\n"
            "- Các phường, xã cập nhật số liệu dân cư, gửi Sở Nội vụ trước ngày 20/4/2026.\n")
    found = tasks_of(text, province="Cần Thơ")
    assert [t.label for t in found] == ["Lập danh mục nhà chung cư cũ cần cải tạo",
                                        "Cập nhật số liệu dân cư, gửi Sở Nội vụ"]
    assert [t.deadline_norm for t in found] == ["2026-Q3", "2026-04-20"]


def test_a_request_sentence_standing_alone_is_a_task() -> None:
    text = ("Kết luận hội nghị, Chủ tịch UBND tỉnh Hà Tĩnh yêu cầu giám đốc các sở, chủ tịch UBND các huyện, thị xã "
            "khẩn trương rà soát danh mục dự án đầu tư công, gửi về Sở Tài chính trước ngày 10/02/2026.\n\n"
            "Tham dự hội nghị có lãnh đạo các sở, ngành.\n")
    [task] = tasks_of(text, province="Hà Tĩnh")
    assert task.label == "Khẩn trương rà soát danh mục dự án đầu tư công, gửi về Sở Tài chính"
    assert task.deadline_norm == "2026-02-10"
    text = ("UBND tỉnh vừa có văn bản yêu cầu các sở, ban, ngành, UBND các huyện quán triệt, triển khai nghiêm Chỉ thị "
            "số 05/CT-TTg ngày 12/3/2026 của Thủ tướng Chính phủ về phòng, chống rác thải nhựa.\n")
    assert labels(text) == ["Quán triệt, triển khai nghiêm Chỉ thị số 05/CT-TTg ngày 12/3/2026 của Thủ tướng Chính "
                            "phủ về phòng, chống rác thải nhựa"]


def test_a_standing_request_with_semicolon_clauses_gives_one_task_each() -> None:
    text = ("Phát biểu chỉ đạo, Chủ tịch UBND tỉnh Sóc Trăng yêu cầu các sở, ngành, địa phương tập trung tháo gỡ "
            "vướng mắc mặt bằng các dự án giao thông; đẩy mạnh giải ngân vốn đầu tư công; tăng cường kiểm tra an toàn "
            "lao động tại công trường.\n")
    assert labels(text, province="Sóc Trăng") == [
        "Tập trung tháo gỡ vướng mắc mặt bằng các dự án giao thông", "Đẩy mạnh giải ngân vốn đầu tư công",
        "Tăng cường kiểm tra an toàn lao động tại công trường"]


def test_requests_that_exhort_or_close_are_not_tasks() -> None:
    text = ("Bí thư Tỉnh ủy đề nghị các cấp, các ngành nắm chắc tình hình năm 2026 để có giải pháp triển khai "
            "phù hợp.\n\n"
            "Năm 2026, UBND tỉnh yêu cầu các sở, ngành tiếp tục phát huy tinh thần trách nhiệm, quyết liệt triển khai "
            "các nghị quyết. Trọng tâm là khai thác không gian phát triển mới.\n\n"
            "Yêu cầu Thủ trưởng các cơ quan, đơn vị liên quan nghiêm túc triển khai thực hiện./.\n\n"
            "Ông Lò Văn Mừng, Bí thư Tỉnh ủy đề nghị các cấp ủy, chính quyền tiếp tục quan tâm lãnh đạo công tác "
            "phát triển đảng viên.\n\n"
            "Tại phiên họp, Giám đốc Sở Tài chính đề nghị UBND tỉnh sớm phân bổ vốn cho các công trình chuyển tiếp.\n")
    assert labels(text, province="Điện Biên") == []


def test_a_leading_deadline_frame_before_the_addressees() -> None:
    text = "Trong quý I/2026, các sở, ngành, UBND các huyện, thị xã xây dựng kế hoạch thực hiện tại đơn vị mình.\n"
    [task] = tasks_of(text, province="Thái Nguyên")
    assert task.label == "Xây dựng kế hoạch thực hiện tại đơn vị mình"
    assert (task.deadline, task.deadline_norm) == ("Quý I/2026", "2026-Q1")
    [task] = tasks_of("Trước ngày 30/6/2026, Sở Công Thương hoàn thành đề án phát triển chợ biên giới.\n",
                      province="Lạng Sơn")
    assert task.label == "Hoàn thành đề án phát triển chợ biên giới"
    assert task.lead.name == "Sở Công Thương tỉnh Lạng Sơn" and task.deadline_norm == "2026-06-30"


def test_a_ministry_department_leads() -> None:
    text = ("Bộ trưởng Bộ Nông nghiệp và Môi trường giao Vụ Hợp tác quốc tế chủ trì, phối hợp với Cục Chăn nuôi tổng "
            "hợp đề xuất dự án ODA, hoàn thành trong tháng 10/2026.\n")
    [task] = tasks_of(text, province=None)
    assert task.label == "Tổng hợp đề xuất dự án ODA"
    assert (task.lead.name, task.deadline_norm) == ("Vụ Hợp tác quốc tế", "2026-10")
    table = ("STT | Nhiệm vụ | Đơn vị chủ trì | Thời gian hoàn thành\n"
             "1 | Rà soát danh mục giống cây trồng | Vụ Pháp chế, Cục Trồng trọt | Quý II/2026\n")
    [row] = tasks_of(table, province=None)
    assert [b.name for b in [row.lead, *row.leads]] == ["Vụ Pháp chế", "Cục Trồng trọt"]


def test_giving_a_named_body_a_task_without_deadline() -> None:
    [a] = tasks_of("UBND tỉnh giao Sở Giáo dục và Đào tạo rà soát nhu cầu giáo viên các trường vùng cao.\n",
                   province="Hà Giang")
    assert a.label == "Rà soát nhu cầu giáo viên các trường vùng cao"
    assert a.lead.name == "Sở Giáo dục và Đào tạo tỉnh Hà Giang"
    [b] = tasks_of("Đề nghị Sở Y tế tăng cường kiểm tra an toàn thực phẩm tại các bếp ăn tập thể.\n",
                   province="Hà Giang")
    assert b.lead.name == "Sở Y tế tỉnh Hà Giang"
    # receiving comments is no task verb: «giao Văn phòng tiếp thu ý kiến» reports the meeting
    assert labels("Chủ tịch UBND tỉnh giao Văn phòng UBND tỉnh tiếp thu ý kiến của các đại biểu.\n") == []


def test_more_deadline_forms() -> None:
    assert deadline_in("báo cáo trước ngày 25 hằng tháng", 2026)[:2] == ("Trước ngày 25 hằng tháng", None)
    assert deadline_in("hoàn thành trong năm 2027", 2026)[:2] == ("Năm 2027", "2027")
    assert deadline_in("triển khai trong 6 tháng đầu năm 2026", 2026)[:2] == ("6 tháng đầu năm 2026", "2026-H1")


def test_a_target_clause_is_not_part_of_a_task_label() -> None:
    text = ("UBND tỉnh yêu cầu các sở, ngành thực hiện các nội dung sau:\n\n"
            "Thực hiện nghiêm chỉ đạo của Chính phủ về phát triển kinh tế năm 2026 với mục tiêu tăng trưởng 9% trở "
            "lên, tạo đà cho giai đoạn 2026-2030. Giải quyết dứt điểm vướng mắc về đất đai.\n")
    assert labels(text, province="Bình Thuận") == [
        "Thực hiện nghiêm chỉ đạo của Chính phủ về phát triển kinh tế năm 2026. Giải quyết dứt điểm vướng mắc về "
        "đất đai"]


def test_a_performing_body_column_is_the_lead() -> None:
    text = ("STT | Nhiệm vụ | Cơ quan thực hiện | Thời gian thực hiện\n"
            "1 | Số hóa hồ sơ hộ tịch | Sở Tư pháp | Quý III/2026\n")
    [task] = tasks_of(text, province="Nam Định")
    assert task.lead.name == "Sở Tư pháp tỉnh Nam Định" and task.deadline_norm == "2026-Q3"


def test_a_class_of_peoples_committees_as_subject_leads() -> None:
    text = ("Chủ tịch UBND tỉnh yêu cầu thực hiện một số nội dung sau:\n\n"
            "1. UBND các huyện, thị xã công khai kế hoạch sử dụng đất cấp huyện; xử lý dứt điểm lấn chiếm đất công.\n\n"
            "2. Các sở, ngành phối hợp kiểm tra việc sử dụng đất của doanh nghiệp.\n")
    found = tasks_of(text, province="Phú Thọ")
    assert [t.lead.name if t.lead else None for t in found] == ["UBND các huyện, thị xã tỉnh Phú Thọ", None]
    assert found[0].label.startswith("Công khai kế hoạch sử dụng đất cấp huyện")


def test_background_results_and_aims_are_not_tasks() -> None:
    text = ("I. MỤC ĐÍCH, YÊU CẦU\n"
            "- Các cơ quan, đơn vị chủ động triển khai kế hoạch đúng tiến độ, bảo đảm chất lượng.\n"
            "- Sở Kế hoạch và Đầu tư theo dõi, đôn đốc các đơn vị thực hiện.\n\n"
            "Năm 2025, Sở Tài chính tham mưu phân bổ 1.200 tỷ đồng vốn đầu tư công.\n\n"
            "Kết quả thực hiện như sau:\n"
            "1. Sở Y tế đã tổ chức tiêm chủng cho 12.000 trẻ em.\n"
            "2. Sở Công Thương đã tổ chức 5 hội chợ hàng nông sản.\n")
    assert labels(text, province="Quảng Trị") == []


def test_bullets_after_a_giao_colon_name_their_bodies() -> None:
    text = ("Kết luận cuộc họp, Phó Chủ tịch UBND tỉnh giao:\n"
            "- Sở Xây dựng khẩn trương hoàn thiện hồ sơ điều chỉnh quy hoạch chung đô thị Đông Hà.\n"
            "- Sở Tài chính cân đối, bố trí vốn đối ứng cho dự án kè sông Hiếu.\n")
    found = tasks_of(text, province="Quảng Trị")
    assert [t.label for t in found] == ["Khẩn trương hoàn thiện hồ sơ điều chỉnh quy hoạch chung đô thị Đông Hà",
                                        "Cân đối, bố trí vốn đối ứng cho dự án kè sông Hiếu"]
    assert [t.lead.name for t in found] == ["Sở Xây dựng tỉnh Quảng Trị", "Sở Tài chính tỉnh Quảng Trị"]


def test_items_naming_their_body_before_a_colon() -> None:
    text = ("Chủ tịch UBND tỉnh yêu cầu các cơ quan thực hiện như sau:\n"
            "a) Sở Công Thương: Chủ trì, phối hợp với Sở Tài chính xây dựng phương án bình ổn giá xăng dầu.\n"
            "b) Công an tỉnh: tăng cường tuần tra, kiểm soát trên các tuyến quốc lộ.\n")
    found = tasks_of(text, province="Nghệ An")
    assert [t.label for t in found] == ["Xây dựng phương án bình ổn giá xăng dầu",
                                        "Tăng cường tuần tra, kiểm soát trên các tuyến quốc lộ"]
    assert [t.lead.name for t in found] == ["Sở Công Thương tỉnh Nghệ An", "Công an tỉnh Nghệ An"]


def test_a_request_bullet_to_a_class_of_bodies() -> None:
    text = ("Tại văn bản, UBND tỉnh nêu rõ:\n"
            "- Đề nghị UBND các huyện chỉ đạo các xã rà soát hộ nghèo phát sinh sau lũ.\n")
    assert labels(text, province="Yên Bái") == ["Chỉ đạo các xã rà soát hộ nghèo phát sinh sau lũ"]


def test_a_task_table_without_an_order_column() -> None:
    text = ("Nhiệm vụ | Đơn vị chủ trì | Thời gian hoàn thành\n"
            "Xây dựng bản đồ số du lịch tỉnh | Sở Văn hóa, Thể thao và Du lịch | Quý II/2026\n"
            "Nâng cấp cổng dịch vụ công | Văn phòng UBND tỉnh | Tháng 8/2026\n\n"
            "Tổng kinh phí thực hiện khoảng 12 tỷ đồng.\n")
    found = tasks_of(text, province="Ninh Bình")
    assert [t.label for t in found] == ["Xây dựng bản đồ số du lịch tỉnh", "Nâng cấp cổng dịch vụ công"]
    assert [t.deadline_norm for t in found] == ["2026-Q2", "2026-08"]


def test_a_follow_up_sentence_naming_the_time() -> None:
    text = ("Giao Sở Nội vụ chủ trì, phối hợp với các địa phương rà soát tiêu chuẩn công chức cấp xã. Thời gian thực "
            "hiện: quý II/2026.\n")
    [task] = tasks_of(text, province="Bắc Giang")
    assert task.deadline_norm == "2026-Q2"


def test_a_modal_or_time_frame_between_request_and_verb() -> None:
    text = ("Chủ tịch UBND tỉnh yêu cầu thời gian tới các sở, ngành cần khẩn trương rà soát các dự án chậm tiến độ, "
            "báo cáo UBND tỉnh trước ngày 30/9/2026.\n")
    [task] = tasks_of(text, province="Kon Tum")
    assert task.label == "Khẩn trương rà soát các dự án chậm tiến độ, báo cáo UBND tỉnh"


def test_a_body_asking_its_superior_is_not_given_a_task() -> None:
    assert labels("Tại buổi làm việc, Sở Y tế đề nghị Bộ Y tế sớm phân bổ vắc xin cho tỉnh.\n",
                  province="Gia Lai") == []


def test_a_connector_does_not_end_a_list_of_tasks() -> None:
    text = ("Chủ tịch UBND tỉnh yêu cầu các sở, ngành tiếp tục phát huy tinh thần trách nhiệm. Đồng thời, chủ động rà "
            "soát các thủ tục đầu tư còn vướng mắc. Bên cạnh đó, tăng cường đối thoại với doanh nghiệp.\n")
    # the rest of the paragraph is one task, as a paragraph of prose tasks is
    assert labels(text, province="Bình Định") == ["Chủ động rà soát các thủ tục đầu tư còn vướng mắc. Bên cạnh đó, "
                                                 "tăng cường đối thoại với doanh nghiệp"]


def test_bodies_after_a_request_to_a_class_each_get_their_task() -> None:
    text = ("Kết luận phiên họp, Chủ tịch UBND tỉnh yêu cầu các sở, ngành, địa phương tập trung đẩy nhanh giải ngân "
            "vốn đầu tư công; Sở Xây dựng khẩn trương thẩm định các dự án nhóm C; UBND các huyện hoàn thành giải phóng "
            "mặt bằng trước ngày 30/4.\n")
    found = tasks_of(text, province="Bình Phước")
    assert [t.label for t in found] == ["Tập trung đẩy nhanh giải ngân vốn đầu tư công",
                                        "Khẩn trương thẩm định các dự án nhóm C", "Hoàn thành giải phóng mặt bằng"]
    assert [t.lead.name if t.lead else None for t in found] == [None, "Sở Xây dựng tỉnh Bình Phước",
                                                               "UBND các huyện tỉnh Bình Phước"]


def test_one_sentence_giving_several_bodies_their_tasks() -> None:
    text = ("Chủ tịch UBND tỉnh giao Sở Tài chính tham mưu bố trí kinh phí sửa chữa trường học; Sở Nội vụ hướng dẫn "
            "sắp xếp biên chế giáo viên; UBND các huyện rà soát cơ sở vật chất trước ngày 15/8/2026.\n")
    found = tasks_of(text, province="Lai Châu")
    assert [t.label for t in found] == ["Tham mưu bố trí kinh phí sửa chữa trường học",
                                        "Hướng dẫn sắp xếp biên chế giáo viên", "Rà soát cơ sở vật chất"]
    assert [t.lead.name for t in found] == ["Sở Tài chính tỉnh Lai Châu", "Sở Nội vụ tỉnh Lai Châu",
                                            "UBND các huyện tỉnh Lai Châu"]
    assert [t.deadline_norm for t in found] == [None, None, "2026-08-15"]


def test_items_headed_by_a_body_with_a_colon_and_bullets_under_it() -> None:
    text = ("Chủ tịch UBND tỉnh chỉ thị:\n\n"
            "1. Sở Tài chính:\n"
            "- Chủ trì, phối hợp với các đơn vị tham mưu phương án tự chủ tài chính của bệnh viện tuyến tỉnh.\n"
            "- Hướng dẫn quyết toán vốn các dự án hoàn thành.\n\n"
            "2. Sở Y tế:\n"
            "- Kiểm tra công tác đấu thầu thuốc tại các cơ sở y tế.\n")
    found = tasks_of(text, province="Tuyên Quang")
    assert [t.label for t in found] == ["Tham mưu phương án tự chủ tài chính của bệnh viện tuyến tỉnh",
                                        "Hướng dẫn quyết toán vốn các dự án hoàn thành",
                                        "Kiểm tra công tác đấu thầu thuốc tại các cơ sở y tế"]
    assert [t.lead.name for t in found] == ["Sở Tài chính tỉnh Tuyên Quang", "Sở Tài chính tỉnh Tuyên Quang",
                                            "Sở Y tế tỉnh Tuyên Quang"]


def test_items_under_a_numbered_task_sub_heading() -> None:
    text = ("II. NỘI DUNG KẾ HOẠCH\n1. Mục tiêu\nPhát triển du lịch thành ngành kinh tế mũi nhọn.\n"
            "2. Nhiệm vụ, giải pháp chủ yếu\n"
            "a) Phát triển sản phẩm du lịch đặc trưng gắn với văn hóa Mường.\n"
            "b) Đẩy mạnh xúc tiến, quảng bá du lịch trên nền tảng số.\n"
            "3. Kinh phí thực hiện\nTừ ngân sách tỉnh, lồng ghép các chương trình mục tiêu quốc gia.\n")
    assert labels(text, province="Hòa Bình") == ["Phát triển sản phẩm du lịch đặc trưng gắn với văn hóa Mường",
                                                 "Đẩy mạnh xúc tiến, quảng bá du lịch trên nền tảng số"]
    dashes = ("2. Nhiệm vụ trọng tâm\n- Tổ chức thành công Lễ hội Khai hạ năm 2026.\n"
              "- Hoàn thành quy hoạch hồ Hòa Bình.\n")
    assert labels(dashes, province="Hòa Bình") == ["Tổ chức thành công Lễ hội Khai hạ năm 2026",
                                                   "Hoàn thành quy hoạch hồ Hòa Bình"]


def test_lettered_items_under_a_section_task_are_its_measures() -> None:
    text = ("III. NHIỆM VỤ, GIẢI PHÁP\n1. Hoàn thiện cơ chế, chính sách\n"
            "a) Rà soát, sửa đổi quy định hỗ trợ doanh nghiệp khởi nghiệp.\n"
            "b) Xây dựng chính sách thu hút nhân lực chất lượng cao.\n")
    found = tasks_of(text, province="Hòa Bình")
    assert [(t.kind, t.label) for t in found] == [
        ("Task", "Hoàn thiện cơ chế, chính sách"),
        ("Measure", "Rà soát, sửa đổi quy định hỗ trợ doanh nghiệp khởi nghiệp"),
        ("Measure", "Xây dựng chính sách thu hút nhân lực chất lượng cao")]


def test_a_speakers_colon_then_addressees_and_their_tasks() -> None:
    text = ("Phát biểu chỉ đạo, đồng chí Chủ tịch UBND tỉnh nhấn mạnh: Các sở, ngành, địa phương cần tập trung cao độ "
            "hoàn thành các chỉ tiêu năm 2026; đẩy nhanh giải ngân vốn đầu tư công; quan tâm chăm lo đời sống Nhân "
            "dân dịp Tết.\n")
    assert labels(text, province="Long An") == ["Tập trung cao độ hoàn thành các chỉ tiêu năm 2026",
                                                "Đẩy nhanh giải ngân vốn đầu tư công",
                                                "Quan tâm chăm lo đời sống Nhân dân dịp Tết"]


def test_a_purpose_clause_with_commas_before_a_counted_intro() -> None:
    text = ("Để thực hiện thắng lợi các mục tiêu năm 2026, UBND tỉnh đề ra 5 nhóm nhiệm vụ, giải pháp trọng tâm, cụ "
            "thể: tập trung cải thiện môi trường đầu tư; đẩy mạnh giải ngân vốn đầu tư công.\n")
    assert labels(text, province="Long An") == ["Tập trung cải thiện môi trường đầu tư",
                                                "Đẩy mạnh giải ngân vốn đầu tư công"]


def test_shortcomings_and_duties_sub_headings_are_not_task_lists() -> None:
    text = ("2. Một số hạn chế trong thực hiện nhiệm vụ năm 2025\n- Tiến độ giải ngân vốn đầu tư công còn chậm.\n"
            "- Công tác giải phóng mặt bằng còn nhiều vướng mắc.\n\n"
            "3. Chức năng, nhiệm vụ của Ban Quản lý\na) Tham mưu UBND tỉnh quản lý các khu công nghiệp.\n"
            "b) Tổ chức thực hiện quy hoạch chi tiết các khu chức năng.\n")
    assert labels(text, province="Hưng Yên") == []


def test_giving_a_task_to_a_body_with_cho() -> None:
    [a] = tasks_of("UBND tỉnh giao nhiệm vụ cho Sở Khoa học và Công nghệ chủ trì xây dựng sàn giao dịch công nghệ.\n",
                   province="Bắc Ninh")
    assert (a.label, a.lead.name) == ("Xây dựng sàn giao dịch công nghệ", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh")
    [b] = tasks_of("Quyết định giao cho Sở Xây dựng rà soát quỹ nhà ở xã hội trên địa bàn.\n", province="Bắc Ninh")
    assert (b.label, b.lead.name) == ("Rà soát quỹ nhà ở xã hội trên địa bàn", "Sở Xây dựng tỉnh Bắc Ninh")


def test_a_speaker_asking_with_a_colon_then_task_verbs() -> None:
    inline = ("Kết luận buổi làm việc, Phó Chủ tịch UBND tỉnh yêu cầu: Tập trung chỉ đạo thu hoạch lúa vụ Hè Thu; "
              "chủ động phương án tiêu thoát nước mùa mưa.\n")
    assert labels(inline, province="Đồng Tháp") == ["Tập trung chỉ đạo thu hoạch lúa vụ Hè Thu",
                                                    "Chủ động phương án tiêu thoát nước mùa mưa"]
    bullets = ("Phát biểu kết luận, Chủ tịch UBND tỉnh chỉ đạo:\n"
               "- Khẩn trương hoàn thành hồ sơ đề nghị công nhận huyện nông thôn mới.\n"
               "- Rà soát, bố trí đủ giáo viên cho năm học mới.\n")
    assert labels(bullets, province="Đồng Tháp") == ["Khẩn trương hoàn thành hồ sơ đề nghị công nhận huyện nông "
                                                     "thôn mới", "Rà soát, bố trí đủ giáo viên cho năm học mới"]


def test_a_table_of_schemes_by_their_list_column() -> None:
    text = ("TT | Danh mục đề án | Cơ quan chủ trì | Thời gian trình\n"
            "1 | Đề án phát triển kinh tế ban đêm | Sở Văn hóa và Thể thao | Quý IV/2026\n")
    [task] = tasks_of(text, province="Khánh Hòa")
    assert task.label == "Đề án phát triển kinh tế ban đêm" and task.deadline_norm == "2026-Q4"


CONCLUSION_NOTICE = """Sau khi nghe báo cáo và ý kiến của các đại biểu, Chủ tịch UBND tỉnh kết luận như sau:

1. Đánh giá cao sự nỗ lực của Ban Quản lý dự án trong thời gian qua. Đến nay, dự án đã giải ngân được 45% kế hoạch vốn.

2. Để hoàn thành dự án đúng tiến độ, yêu cầu:

a) Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh khẩn trương hoàn thiện hồ sơ điều chỉnh dự án,
trình thẩm định trước ngày 30/3/2026.

b) Sở Tài chính cân đối, bố trí đủ vốn năm 2026 cho dự án.

3. Giao Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện các nội dung trên./.
"""


def test_a_conclusion_notice_assigns_by_items_and_a_verb_inside_a_name_is_no_verb() -> None:
    found = tasks_of(CONCLUSION_NOTICE, province="Quảng Ngãi")
    assert [t.label for t in found] == ["Khẩn trương hoàn thiện hồ sơ điều chỉnh dự án, trình thẩm định",
                                        "Cân đối, bố trí đủ vốn năm 2026 cho dự án"]
    assert found[0].deadline_norm == "2026-03-30" and found[1].lead.name == "Sở Tài chính tỉnh Quảng Ngãi"


def test_assessments_after_a_concluding_colon_are_not_tasks() -> None:
    text = ("Phát biểu kết luận, Chủ tịch UBND tỉnh nhấn mạnh:\n"
            "1. Đánh giá cao kết quả mà ngành y tế đạt được trong năm 2025.\n"
            "2. Ghi nhận sự nỗ lực của đội ngũ y, bác sĩ tuyến cơ sở.\n")
    assert labels(text, province="Trà Vinh") == []


def test_an_assignment_reported_for_an_earlier_year_is_no_task() -> None:
    assert labels("Năm 2024, UBND tỉnh giao Sở Xây dựng rà soát toàn bộ nhà chung cư cũ trên địa bàn.\n",
                  province="Hải Phòng", year=2026) == []
    assert labels("Năm 2026, UBND thành phố giao Sở Xây dựng rà soát toàn bộ nhà chung cư cũ trên địa bàn.\n",
                  province="Hải Phòng", year=2026) == ["Rà soát toàn bộ nhà chung cư cũ trên địa bàn"]


def test_a_body_or_a_sector_as_subject_after_a_time_frame() -> None:
    text = ("Năm 2026, Sở Y tế tập trung nâng cao chất lượng khám chữa bệnh tuyến cơ sở; đẩy mạnh chuyển đổi số "
            "trong bệnh viện.\n\n"
            "Thời gian tới, ngành nông nghiệp sẽ tập trung tái cơ cấu theo chuỗi giá trị; đẩy mạnh ứng dụng công nghệ "
            "cao trong sản xuất.\n\n"
            "Năm 2025, ngành giáo dục tập trung sắp xếp trường lớp; tuyển dụng thêm 300 giáo viên.\n")
    assert labels(text, province="Vĩnh Long") == [
        "Tập trung nâng cao chất lượng khám chữa bệnh tuyến cơ sở", "Đẩy mạnh chuyển đổi số trong bệnh viện",
        "Tập trung tái cơ cấu theo chuỗi giá trị", "Đẩy mạnh ứng dụng công nghệ cao trong sản xuất"]


def test_a_dated_period_after_hoan_thanh_is_the_deadline_of_a_prose_task() -> None:
    text = ("UBND tỉnh yêu cầu các sở, ngành thực hiện các nội dung sau:\n\n"
            "Tập trung hoàn thành đúng tiến độ các công việc của tháng 3 và quý I năm 2026.\n\n"
            "Hoàn thành chỉ tiêu tuyển quân năm 2026.\n")
    found = tasks_of(text, province="Cà Mau")
    assert [(t.deadline, t.deadline_norm) for t in found] == [("Quý I năm 2026", "2026-Q1"), (None, None)]


def test_results_under_a_task_sub_heading_are_not_tasks() -> None:
    text = ("2. Về thực hiện nhiệm vụ phát triển kinh tế năm 2025\n"
            "- Tổng thu ngân sách trên địa bàn đạt 1.200 tỷ đồng.\n"
            "- Kim ngạch xuất khẩu ước đạt 250 triệu USD.\n")
    assert labels(text, province="Phú Yên") == []


def test_an_addressee_naming_a_body_and_a_class() -> None:
    text = ("Chủ tịch UBND tỉnh yêu cầu Sở Y tế, các bệnh viện tuyến tỉnh tăng cường kiểm soát nhiễm khuẩn, báo cáo "
            "trước ngày 10/7/2026.\n")
    [task] = tasks_of(text, province="Đắk Lắk")
    assert task.label == "Tăng cường kiểm soát nhiễm khuẩn, báo cáo"
    assert task.lead.name == "Sở Y tế tỉnh Đắk Lắk"


def test_directive_items_after_a_chairmans_chi_thi() -> None:
    text = ("Để bảo đảm an toàn hồ đập mùa mưa lũ năm 2026, Chủ tịch UBND tỉnh chỉ thị:\n"
            "1. Tăng cường kiểm tra an toàn các hồ chứa xung yếu trên địa bàn.\n"
            "2. Xây dựng phương án vận hành xả lũ hạ du.\n")
    assert labels(text, province="Quảng Nam") == ["Tăng cường kiểm tra an toàn các hồ chứa xung yếu trên địa bàn",
                                                 "Xây dựng phương án vận hành xả lũ hạ du"]


def test_a_task_list_announced_inside_a_section_of_aims() -> None:
    text = ("II. MỤC TIÊU\n"
            "Đến năm 2027, 80% xã có điểm phục vụ du lịch cộng đồng.\n"
            "Để hoàn thành mục tiêu nêu trên, các sở, ngành và UBND các huyện thực hiện 3 nhóm giải pháp sau:\n"
            "1. Nâng cấp hạ tầng giao thông đến các bản du lịch.\n"
            "2. Xây dựng sản phẩm du lịch gắn với văn hóa dân tộc.\n"
            "3. Đào tạo kỹ năng phục vụ khách cho hộ dân làm du lịch.\n"
            "III. KINH PHÍ\n"
            "Kinh phí bố trí từ ngân sách tỉnh.\n")
    assert labels(text) == ["Nâng cấp hạ tầng giao thông đến các bản du lịch",
                            "Xây dựng sản phẩm du lịch gắn với văn hóa dân tộc",
                            "Đào tạo kỹ năng phục vụ khách cho hộ dân làm du lịch"]
    aims_only = text.replace("thực hiện 3 nhóm giải pháp sau:", "phấn đấu đạt các chỉ tiêu sau:")
    assert labels(aims_only) == []


def test_capitalised_semicolon_items_after_a_colon_intro_whatever_their_verb() -> None:
    text = ("Để thực hiện mục tiêu, Chương trình nêu các giải pháp chủ yếu: Rà soát quỹ đất cho nhà ở xã hội; "
            "Miễn giảm tiền thuê đất cho doanh nghiệp khởi nghiệp; Khen thưởng tập thể có mô hình hay.\n"
            "Tại hội nghị, Sở Xây dựng cho biết đã khởi công 3 dự án.\n")
    assert labels(text) == ["Rà soát quỹ đất cho nhà ở xã hội",
                            "Miễn giảm tiền thuê đất cho doanh nghiệp khởi nghiệp",
                            "Khen thưởng tập thể có mô hình hay"]
    # lower-case clauses keep the verb rule: the list ends at one that does not open with a task verb
    lower = text.replace("chủ yếu: Rà soát", "chủ yếu: rà soát").replace("; Miễn", "; miễn")
    assert labels(lower) == ["Rà soát quỹ đất cho nhà ở xã hội"]


def test_an_assignment_whose_object_is_a_colon_list_gives_one_task_per_item() -> None:
    text = ("Thường trực HĐND tỉnh đề nghị UBND tỉnh chỉ đạo thực hiện tốt các nội dung trọng tâm: Rà soát "
            "danh mục dự án chậm tiến độ; Bàn giao mặt bằng tuyến đường ven hồ trước ngày 15/8/2026; Tổ chức "
            "đối thoại với doanh nghiệp.\n")
    found = [t for t in tasks_of(text) if t.kind == "Task"]
    assert [t.label for t in found] == ["Rà soát danh mục dự án chậm tiến độ",
                                        "Bàn giao mặt bằng tuyến đường ven hồ",
                                        "Tổ chức đối thoại với doanh nghiệp"]
    assert {t.lead.name for t in found} == {"Ủy ban nhân dân tỉnh Lâm Đồng"}
    assert [t.deadline_norm for t in found] == [None, "2026-08-15", None]


ORGANISING = """II. NHIỆM VỤ, GIẢI PHÁP
1. Hoàn thiện hạ tầng cảng cá ven biển.
III. TỔ CHỨC THỰC HIỆN
1. Các sở, ngành và UBND các huyện phát huy tối đa kết quả đạt được, khắc phục hạn chế.
2. Tổng cục Thủy sản:
- Chủ trì hướng dẫn quy chuẩn kỹ thuật cảng cá, hoàn thành trong quý III/2026;
- Tổng hợp kết quả thực hiện, báo cáo Bộ trưởng trước ngày 20/12 hằng năm.
3. Đảng đoàn HĐND tỉnh lãnh đạo HĐND tỉnh ban hành chính sách hỗ trợ ngư dân.
4. Sở Nông nghiệp và Phát triển nông thôn định kỳ hằng quý kiểm tra tiến độ các công trình cảng cá.
5. Kinh phí thực hiện Kế hoạch được bố trí từ ngân sách tỉnh.
"""


def test_organising_section_assignments_to_named_bodies_are_tasks() -> None:
    found = [t for t in tasks_of(ORGANISING) if t.kind == "Task"]
    got = {t.label: t.lead.name if t.lead else None for t in found}
    assert got == {
        "Hoàn thiện hạ tầng cảng cá ven biển": None,
        "Hướng dẫn quy chuẩn kỹ thuật cảng cá": "Tổng cục Thủy sản",
        "Tổng hợp kết quả thực hiện, báo cáo Bộ trưởng": "Tổng cục Thủy sản",
        "Lãnh đạo HĐND tỉnh ban hành chính sách hỗ trợ ngư dân": "Đảng đoàn Hội đồng nhân dân tỉnh Lâm Đồng",
        "Kiểm tra tiến độ các công trình cảng cá": "Sở Nông nghiệp và Phát triển nông thôn tỉnh Lâm Đồng",
    }


def test_past_year_is_no_deadline_of_an_assignment() -> None:
    """«… kết quả đạt được trong năm 2025» in a 2026 plan is what was done, not a deadline."""
    text = "Chủ tịch UBND tỉnh chỉ đạo như sau:\n1. Sở Y tế phát huy kết quả đạt được trong năm 2025.\n"
    found = tasks_of(text)
    assert [(t.label, t.deadline) for t in found] == [("Phát huy kết quả đạt được trong năm 2025", None)]


def test_recurring_deadlines_as_written() -> None:
    """A recurring period is the deadline when the sentence has no other: «định kỳ» goes before «hằng …»."""
    cases = {
        "Sở Công Thương định kỳ hằng quý tổng hợp tình hình xuất khẩu": "Hằng quý",
        "Tổng hợp số liệu tiêu thụ điện, báo cáo Chủ tịch UBND tỉnh hằng tuần": "Hằng tuần",
        "Tổ chức thực hiện Nghị quyết; định kỳ 6 tháng, hằng năm báo cáo HĐND": "Định kỳ 6 tháng, hằng năm",
        "Gửi báo cáo về Sở Tài chính trước ngày 20 của tháng cuối quý": "Trước ngày 20 của tháng cuối quý",
        "Duy tu tuyến đê biển trong năm 2026 và các năm tiếp theo": "Năm 2026 và các năm tiếp theo",
        "Hoàn thành thủ tục đầu tư hồ chứa nước, trong quý III năm 2026": "Quý III năm 2026",  # as written
        # a dated deadline wins over a recurring one
        "Định kỳ hằng tháng rà soát, hoàn thành trước ngày 30/9/2026": "Trước ngày 30/9/2026",
    }
    for sentence, written in cases.items():
        assert deadline_in(sentence, 2026)[0] == written, sentence
    assert deadline_in("Hằng quý tổng hợp kết quả", 2026)[1] is None  # no single date
    assert normalise_deadline("Năm 2026 và các năm tiếp theo", 2026) is None


def test_recurring_deadline_makes_a_body_sentence_a_task() -> None:
    text = "Sở Công Thương định kỳ hằng quý tổng hợp tình hình xuất khẩu nông sản, báo cáo UBND tỉnh.\n"
    found = tasks_of(text)
    assert [(t.label, t.lead.name, t.deadline) for t in found] == [
        ("Tổng hợp tình hình xuất khẩu nông sản, báo cáo UBND tỉnh", "Sở Công Thương tỉnh Lâm Đồng", "Hằng quý")]


def test_request_to_bodies_named_as_written() -> None:
    """A body outside the vocabulary, named by its head («Công an thành phố», «Ủy ban Mặt trận Tổ quốc Việt Nam
    thành phố … và các đoàn thể»), is the addressee of a request and leads its task."""
    text = ("Chủ tịch UBND thành phố yêu cầu thực hiện tốt các nội dung sau:\n"
            "1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố và các đoàn thể vận động Nhân dân giữ gìn "
            "vệ sinh đường phố.\n"
            "2. Giao Công an thành phố theo dõi, đôn đốc việc thực hiện; định kỳ hằng quý báo cáo Chủ tịch "
            "UBND thành phố.\n")
    found = {t.label: t.lead.name for t in tasks_of(text, province=None) if t.kind == "Task" and t.lead}
    assert found == {
        "Vận động Nhân dân giữ gìn vệ sinh đường phố": "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố",
        "Theo dõi, đôn đốc việc thực hiện; báo cáo Chủ tịch UBND thành phố": "Công an thành phố",
    }


def test_request_ending_in_a_colon_is_no_task() -> None:
    text = ("UBND tỉnh yêu cầu các sở, ngành, UBND tỉnh và UBND các huyện triển khai thực hiện các nội dung:\n"
            "Rà soát các dự án chậm tiến độ trong quý I/2026.\n")
    assert "Triển khai thực hiện các nội dung" not in " ".join(labels(text))


def test_a_task_section_whose_items_name_their_units() -> None:
    text = ("II. NHIỆM VỤ CỤ THỂ\n"
            "1. Vụ Pháp chế:\n"
            "a) Rà soát các thông tư hướng dẫn về đất đai, trình Bộ trưởng trong tháng 5/2026.\n"
            "b) Tổng hợp ý kiến góp ý dự thảo luật sửa đổi.\n"
            "2. Cục Viễn thám quốc gia: Xây dựng cơ sở dữ liệu ảnh viễn thám, hoàn thành trong Quý III/2026.\n")
    found = tasks_of(text, province=None)
    assert [t.label for t in found] == ["Rà soát các thông tư hướng dẫn về đất đai, trình Bộ trưởng",
                                        "Tổng hợp ý kiến góp ý dự thảo luật sửa đổi",
                                        "Xây dựng cơ sở dữ liệu ảnh viễn thám"]
    assert [t.lead.name for t in found] == ["Vụ Pháp chế", "Vụ Pháp chế", "Cục Viễn thám quốc gia"]
    assert [t.deadline_norm for t in found] == ["2026-05", None, "2026-Q3"]


def test_a_unit_heading_naming_the_district_committees_leads() -> None:
    text = ("Chủ tịch UBND tỉnh chỉ thị:\n\n"
            "1. Sở Y tế:\n- Kiểm tra công tác đấu thầu thuốc tại các cơ sở y tế.\n\n"
            "2. UBND cấp huyện:\n- Rà soát quỹ đất tái định cư cho các dự án trọng điểm.\n")
    found = tasks_of(text, province="Sơn La")
    assert [t.label for t in found] == ["Kiểm tra công tác đấu thầu thuốc tại các cơ sở y tế",
                                        "Rà soát quỹ đất tái định cư cho các dự án trọng điểm"]
    assert [t.lead.name for t in found] == ["Sở Y tế tỉnh Sơn La", "UBND cấp huyện tỉnh Sơn La"]


def test_numbered_addressees_with_a_colon_after_a_request_intro() -> None:
    text = ("Để bảo đảm an toàn mùa mưa lũ, Chủ tịch UBND tỉnh yêu cầu các sở, ngành "
            "thực hiện tốt các nội dung sau:\n\n"
            "1. Sở Văn hóa, Thể thao và Du lịch:\n"
            "- Kiểm tra an toàn các di tích, nhà văn hóa xuống cấp trên địa bàn.\n"
            "- Hướng dẫn các khu du lịch phương án đón khách an toàn trước mùa bão.\n\n"
            "2. Công an tỉnh: Bảo đảm an ninh trật tự tại các khu vực sơ tán dân.\n")
    found = tasks_of(text, province="Phú Yên")
    assert [t.label for t in found] == ["Kiểm tra an toàn các di tích, nhà văn hóa xuống cấp trên địa bàn",
                                        "Hướng dẫn các khu du lịch phương án đón khách an toàn trước mùa bão",
                                        "Bảo đảm an ninh trật tự tại các khu vực sơ tán dân"]
    assert [t.lead.name for t in found] == ["Sở Văn hóa, Thể thao và Du lịch tỉnh Phú Yên",
                                            "Sở Văn hóa, Thể thao và Du lịch tỉnh Phú Yên",
                                            "Công an tỉnh Phú Yên"]


def test_a_focus_list_ends_at_the_signature_block() -> None:
    text = ("Nhiệm vụ, giải pháp chủ yếu năm 2026:\n\n"
            "Đẩy mạnh phát triển nông nghiệp công nghệ cao gắn với chế biến sâu.\n\n"
            "Nâng cao chất lượng nguồn nhân lực cho các khu công nghiệp của tỉnh.\n\n"
            "CHỦ TỊCH\nNguyễn Văn Khải Minh Tuấn\n\n"
            "Văn bản liên quan: Nghị quyết về kế hoạch đầu tư công trung hạn của tỉnh\n")
    assert labels(text, province="Trà Vinh") == ["Đẩy mạnh phát triển nông nghiệp công nghệ cao gắn với chế biến sâu",
                                                 "Nâng cao chất lượng nguồn nhân lực cho các khu công nghiệp của tỉnh"]


def test_numbered_parts_of_a_resolution_are_no_tasks() -> None:
    text = ("Điều 1. Thông qua kế hoạch phát triển kinh tế - xã hội năm 2026 như sau:\n"
            "1. Đánh giá năm 2025: ước đạt 15/18 chỉ tiêu; thu ngân sách ước đạt 4.100 tỷ đồng.\n"
            "2. Chỉ tiêu chủ yếu năm 2026:\n"
            "a) Tốc độ tăng trưởng GRDP đạt 8%;\n"
            "3. Nhiệm vụ, giải pháp chủ yếu:\n"
            "a) Đẩy mạnh thu hút đầu tư vào các cụm công nghiệp của tỉnh;\n"
            "b) Hoàn thành tuyến đường ven sông đúng tiến độ.\n")
    found = labels(text, province="Vĩnh Long")
    assert "Chỉ tiêu chủ yếu năm 2026" not in found
    assert not any(t.startswith("Đánh giá năm 2025") for t in found)
    assert any("Đẩy mạnh thu hút đầu tư vào các cụm công nghiệp của tỉnh" in t for t in found)


def test_a_deadline_cell_opening_with_trong_is_written_as_its_period() -> None:
    text = ("STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành\n"
            "1 | Số hóa hồ sơ hộ tịch của các xã | Sở Tư pháp | trong Quý IV\n"
            "2 | Nâng cấp hệ thống một cửa điện tử | Văn phòng UBND tỉnh | Tháng 10/2026\n")
    found = tasks_of(text, province="Bình Phước")
    assert [t.deadline for t in found] == ["Quý IV", "Tháng 10/2026"]


def test_a_body_after_a_giao_semicolon_whose_verb_is_chu_tri() -> None:
    text = ("Kết luận hội nghị, Bí thư Tỉnh ủy giao Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với các ban đảng tham mưu "
            "kiện toàn cán bộ chủ chốt cấp xã, hoàn thành trong Quý II/2026; Ban Dân vận Tỉnh ủy chủ trì hội nghị "
            "chuyên đề tuyên truyền gương dân vận khéo.\n")
    found = tasks_of(text, province="Hà Giang")
    assert [t.label for t in found] == [
        "Tham mưu kiện toàn cán bộ chủ chốt cấp xã",
        "Chủ trì hội nghị chuyên đề tuyên truyền gương dân vận khéo"]
    assert [t.lead.name for t in found] == ["Ban Tổ chức Tỉnh ủy tỉnh Hà Giang", "Ban Dân vận Tỉnh ủy tỉnh Hà Giang"]


def test_a_lead_that_is_the_standing_body_before_chu_tri() -> None:
    text = ("3. Sở Văn hóa, Thể thao và Du lịch là cơ quan thường trực, chủ trì theo dõi việc thực hiện Kế hoạch, "
            "báo cáo UBND tỉnh trước ngày 20/11/2026.\n")
    found = tasks_of(text, province="Ninh Thuận")
    assert [t.lead.name for t in found] == ["Sở Văn hóa, Thể thao và Du lịch tỉnh Ninh Thuận"]
    assert [t.deadline for t in found] == ["Trước ngày 20/11/2026"]


def test_a_request_to_the_front_and_the_political_social_organisations() -> None:
    text = ("Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh vận động hội viên "
            "hiến đất làm đường giao thông nông thôn.\n")
    found = tasks_of(text, province="Sóc Trăng")
    assert [t.label for t in found] == ["Vận động hội viên hiến đất làm đường giao thông nông thôn"]
    assert [t.lead.name for t in found] == ["Ủy ban MTTQ Việt Nam tỉnh Sóc Trăng"]


def test_a_bare_year_and_the_years_after_it_ends_a_task() -> None:
    text = ("Chủ tịch UBND tỉnh chỉ thị:\n\n"
            "1. Sở Y tế:\n- Bố trí kinh phí duy trì trạm y tế lưu động năm 2026 và các năm tiếp theo.\n")
    found = tasks_of(text, province="Kiên Giang")
    assert [t.deadline for t in found] == ["Năm 2026 và các năm tiếp theo"]
    assert [t.label for t in found] == ["Bố trí kinh phí duy trì trạm y tế lưu động"]


def test_a_session_that_ends_a_task_is_its_deadline() -> None:
    text = ("Chủ tịch UBND tỉnh giao Sở Nội vụ tổng hợp kết quả sắp xếp đơn vị hành chính cấp xã, "
            "báo cáo UBND tỉnh tại phiên họp tháng 9.\n\n"
            "Nghị quyết số 12/NQ-HĐND được thông qua tại Kỳ họp thứ 15.\n")
    found = tasks_of(text, province="Bắc Kạn")
    assert [t.deadline for t in found] == ["phiên họp tháng 9"]
    assert [t.lead.name for t in found] == ["Sở Nội vụ tỉnh Bắc Kạn"]


def test_a_standing_duty_is_due_thuong_xuyen() -> None:
    text = ("Chủ tịch UBND tỉnh chỉ thị:\n\n"
            "1. Sở Công Thương:\n"
            "- Kiểm tra thị trường xăng dầu, bảo đảm nguồn cung cho sản xuất; thực hiện thường xuyên.\n"
            "- Thường xuyên kiểm tra việc niêm yết giá tại các chợ đầu mối.\n")
    found = tasks_of(text, province="Lào Cai")
    assert [t.deadline for t in found] == ["Thường xuyên", None]
