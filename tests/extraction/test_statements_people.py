"""Themes, mottos (adopted vs draft), meetings and people with their posts."""

from kg.extraction.people import read_meetings, read_people
from kg.extraction.statements import read_statements

ARTICLE = (
    "Phiên họp thường kỳ UBND tỉnh tháng 12 năm 2021: thống nhất chủ đề năm 2022\n"
    "\n"
    "Ngày 27/12/2021, đồng chí Hồ Văn Niên – Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh chủ trì Phiên "
    "họp thường kỳ UBND tỉnh tháng 12 năm 2021.\n"
    "\n"
    "Đồng chí Trần Thị Hòa – Giám đốc Sở Kế hoạch và Đầu tư trình bày dự thảo Kế hoạch năm 2022. Dự "
    "thảo đưa ra chủ đề của năm 2022 là: Tăng tốc phục hồi kinh tế. Với phương châm hành động: Kỷ "
    "cương - hành động - hiệu quả.\n"
    "\n"
    "Kết luận phiên họp, Chủ tịch UBND tỉnh Hồ Văn Niên thống nhất chủ đề năm 2022 là “Khơi thông "
    "nguồn lực, tăng tốc phát triển”; phương châm hành động là “Đoàn kết - kỷ cương - bứt phá”.\n"
    "\n"
)


def test_adopted_and_draft_statements() -> None:
    found = {(s.kind, s.draft): s.text for s in read_statements(ARTICLE)}
    assert found[("theme", False)] == "Khơi thông nguồn lực, tăng tốc phát triển"
    assert found[("motto", False)] == "Đoàn kết - kỷ cương - bứt phá"
    assert found[("theme", True)] == "Tăng tốc phục hồi kinh tế"
    assert found[("motto", True)] == "Kỷ cương - hành động - hiệu quả"


def test_people_with_posts() -> None:
    people = {p.name: p for p in read_people(ARTICLE, "Gia Lai", "u")}
    assert set(people) == {"Hồ Văn Niên", "Trần Thị Hòa"}
    posts = dict(people["Hồ Văn Niên"].posts)
    assert posts["Phó Bí thư Tỉnh ủy"].name == "Tỉnh ủy Gia Lai"
    assert posts["Chủ tịch UBND tỉnh"].name == "Ủy ban nhân dân tỉnh Gia Lai"
    assert dict(people["Trần Thị Hòa"].posts)["Giám đốc Sở Kế hoạch và Đầu tư"].name == (
        "Sở Kế hoạch và Đầu tư tỉnh Gia Lai")


def test_people_are_not_merged_by_surname() -> None:
    text = ("Đồng chí Nguyễn Văn An – Giám đốc Sở Tài chính phát biểu. Đồng chí Nguyễn Văn Bình – Giám đốc Sở Y tế "
            "phát biểu.")
    assert [p.name for p in read_people(text, None, "u")] == ["Nguyễn Văn An", "Nguyễn Văn Bình"]


def test_meeting_with_date_and_chair() -> None:
    people = read_people(ARTICLE, "Gia Lai", "u")
    (meeting,) = read_meetings(ARTICLE, people, 2021, "Gia Lai", "u")
    assert meeting.label == "Phiên họp thường kỳ UBND tỉnh tháng 12 năm 2021"
    assert meeting.date == "2021-12-27"
    assert people[meeting.chair].name == "Hồ Văn Niên"
    assert meeting.body.name == "Ủy ban nhân dân tỉnh Gia Lai"


def test_numbered_meeting_dated_from_title() -> None:
    text = "Triển khai nhiệm vụ năm 2021 (TS 14/1)\nPhát biểu khai mạc phiên họp thứ 44, đồng chí Chủ tịch UBND tỉnh."
    (meeting,) = read_meetings(text, [], 2021, None, "u")
    assert (meeting.label, meeting.date) == ("Phiên họp thứ 44", "2021-01-14")


def test_habitual_meetings_are_not_meetings() -> None:
    assert read_meetings("Định kỳ hằng quý, báo cáo tiến độ tại Phiên họp thường kỳ UBND tỉnh.", [], 2021, None,
                         "u") == []


def test_comma_posts_and_morning_dates() -> None:
    text = ("Sáng 28/12, UBND tỉnh Hậu Giang tổ chức phiên họp thường kỳ tháng 12/2023. Đồng chí Trần Văn Huyến, "
            "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh chủ trì phiên họp.")
    people = read_people(text, "Hậu Giang", "u")
    assert [(p.name, [t for t, _ in p.posts]) for p in people] == [
        ("Trần Văn Huyến", ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"])]
    (meeting,) = read_meetings(text, people, None, "Hậu Giang", "u")
    assert meeting.date == "2023-12-28" and people[meeting.chair].name == "Trần Văn Huyến"


def test_meeting_lists_the_documents_discussed(read) -> None:
    res = read("Ngày 27/12/2021, đồng chí Hồ Văn Niên – Chủ tịch UBND tỉnh chủ trì phiên họp thường kỳ UBND tỉnh "
               "tháng 12 năm 2021. Các đại biểu cho ý kiến vào dự thảo Kế hoạch phát triển kinh tế - xã hội năm "
               "2022. Năm qua, tỉnh triển khai Nghị quyết số 01/NQ-CP ngày 01/01/2021 của Chính phủ.")
    (meeting,) = res.meetings
    assert [res.documents[i].label for i in meeting.discussed] == ["Kế hoạch phát triển kinh tế - xã hội năm 2022"]
