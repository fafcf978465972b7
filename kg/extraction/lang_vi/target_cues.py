"""Cue words that tell a planned figure (target) from an achieved one (result), as word lists.

Each list is a class of cues; `kg.extraction.target_modes` and `kg.extraction.targets` compile them into
patterns. Spaces match any run of whitespace. Keep wording general: these are the words every province uses.
"""

# A clause that commits to a figure: what follows is a target.
TARGET_CUES: tuple[str, ...] = (
    # "mục tiêu" but in a programme's name ("Chương trình mục tiêu quốc gia giảm nghèo bền vững" commits to nothing)
    "phấn đấu", r"(?<!trình\s)mục\s+tiêu", "chỉ tiêu", "đảm bảo", "bảo đảm", "chuẩn hóa", "kế hoạch là", "phải đạt",
    "đặt ra", "đề ra", "giao chỉ tiêu", "định hướng",
    r"năm\s+tới",  # the coming year's figure ("…, tăng 12,4%; năm tới tăng không dưới 12%")
)
# Target cues that also appear inside result phrases; they do not commit when a result phrase holds them
# ("đạt 18/21 chỉ tiêu", "vượt mục tiêu kế hoạch năm", "hoàn thành các mục tiêu đề ra").
RESULT_PHRASES_WITH_TARGET_WORDS: tuple[str, ...] = (
    r"\d+\s*/\s*\d+\s+(?:chỉ\s+tiêu|mục\s+tiêu|nhiệm\s+vụ)",
    # the plan a result met, named up to its "đề ra" ("vượt mục tiêu Nghị quyết Đại hội Đảng bộ tỉnh đề ra")
    r"(?:đạt|vượt|hoàn\s+thành)\s+(?:các\s+)?(?:chỉ\s+tiêu|mục\s+tiêu)(?:\s+[^\s,;.()]+){0,8}?\s+(?:đề|đặt)\s+ra",
    # (within one clause: "ước đạt 128 triệu đồng, mục tiêu năm 2025 …" reports, then commits; "Để thực hiện các
    # mục tiêu trên, …" is a purpose, no report)
    r"(?:đạt|vượt|hoàn\s+thành|(?<![Đđ]ể\s)thực\s+hiện|so\s+với)(?:\s+[^\s,;]+){0,4}?\s+(?:các\s+)?(?:chỉ\s+tiêu|mục\s+tiêu)"
    r"(?:\s+(?:kế\s+hoạch|đề\s+ra|đặt\s+ra|Đại\s+hội|được\s+giao))*",
    r"(?:kết\s+quả|tình\s+hình)\s+thực\s+hiện(?:\s+\S+){0,3}?\s+(?:chỉ\s+tiêu|mục\s+tiêu)(?:\s+đặt\s+ra|\s+đề\s+ra)?",
)
# What was achieved or estimated, whatever the section says.
STRONG_RESULT_CUES: tuple[str, ...] = (
    r"\bước\b", "đạt được", "đã đạt", "thực hiện được", "lũy kế đến nay", "so với cùng kỳ", "bằng cùng kỳ",
    r"(?:đạt|bằng|vượt)\s+[\d,.]+\s*%\s*(?:so\s+với\s+)?(?:kế\s+hoạch|KH|dự\s+toán|Nghị\s+quyết|NQ|chỉ\s+tiêu|cùng\s+kỳ)",
    r"hoàn\s+thành\s+\d+\s*/\s*\d+", r"\d+\s*/\s*\d+\s+chỉ\s+tiêu",
)
# Cues that make a sentence report rather than plan, when nothing in it commits to a figure.
WEAK_RESULT_CUES: tuple[str, ...] = (
    r"\bđã\b", "so với năm trước", r"so\s+với\s+(?:năm|cuối\s+năm)\s+\d{4}", "so với kế hoạch",
    "tháng đầu năm", "năm qua", "thời gian qua", "vừa qua", "năm trước", "kết quả",
    "cho biết", "cho thấy",  # a report's verbs ("Báo cáo tại hội nghị cho thấy, năm 2024 tín dụng tăng 15%")
)
# A baseline inside a target ("tăng 9-11% so với ước thực hiện năm 2024") is not a result.
BASELINE_PHRASES: tuple[str, ...] = (
    r"so\s+với\s+(?:mức\s+)?(?:ước\s+(?:thực\s+hiện|đạt)|thực\s+hiện|cùng\s+kỳ|năm|cuối\s+năm|kế\s+hoạch)"
    r"(?:\s+(?:năm|giai\s+đoạn))?(?:\s+\d{4}(?:\s*-\s*\d{4})?)?",
)
# Headings of sections that report results ("ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN", "Về kết quả").
RESULT_HEADING_CUES: tuple[str, ...] = ("kết quả", "tình hình thực hiện", "đánh giá", "ước thực hiện")
# A sentence that ends with one of these and a colon introduces a list ("gồm các chỉ tiêu như sau:").
# Column headings of a task table ("STT | Nội dung nhiệm vụ | Thời gian hoàn thành | … | Sản phẩm"): its rows plan
# what each task delivers ("Tỷ lệ số hóa đạt 100%" is a standard to meet, not a report).
TASK_TABLE_COLUMNS: tuple[str, ...] = ("thời gian hoàn thành", "sản phẩm đầu ra", "sản phẩm", "kết quả đầu ra")
# A required minimum of something recurring ("tối thiểu 6 đoàn … mỗi năm", "ít nhất 2 lần/năm") is a norm to meet:
# planned, though its sentence has no other cue.
MINIMUM_WORDS: tuple[str, ...] = ("tối thiểu", "ít nhất", "không dưới", "không ít hơn")
RECURRING_PERIODS: tuple[str, ...] = ("mỗi năm", "hằng năm", "hàng năm", "mỗi quý", "hằng quý", "hàng quý",
                                      "mỗi tháng", "hằng tháng", "hàng tháng", "/năm", "/quý", "/tháng")
LIST_INTRO_ENDINGS: tuple[str, ...] = ("như sau", "sau đây", "cụ thể", "cụ thể như", "gồm", "bao gồm", "sau")

# Words that only link a figure to the subject of the figure before it ("…, đạt 23% kế hoạch và tăng 9%").
CHAIN_PREDICATES: tuple[str, ...] = ("đạt", "bằng", "tăng", "giảm", "vượt", "gấp", "chiếm", "là", "và", "còn",
                                     "tương đương", "so với")
# Verbs that put a share before the whole it is a share of ("chiếm 42% GRDP", "đóng góp 31% GDP toàn ngành"), the
# words that chain the next share to them ("…, với hơn 50% sản lượng lúa, 65% …"), and the indicator's head.
SHARE_VERBS: tuple[str, ...] = ("chiếm", "đóng góp", "chiếm tỷ trọng", "chiếm tỉ trọng", "chiếm tỷ lệ")
SHARE_LINKS: tuple[str, ...] = ("với", "và", "cùng")
SHARE_HEAD = "Tỷ trọng"
# What a figure is compared with, right after it ("23% kế hoạch", "9% so với cùng kỳ năm 2023").
COMPARISON_BASES: tuple[str, ...] = ("kế hoạch", "KH", "dự toán", "Nghị quyết", "NQ", "chỉ tiêu", "mục tiêu", "cùng kỳ",
                                     "so với")

# Measure nouns that qualify a noun by its size ("dự án có tổng mức đầu tư từ 100 tỷ đồng trở lên").
QUALIFYING_MEASURES: tuple[str, ...] = ("tổng mức đầu tư", "mức đầu tư", "suất đầu tư", "vốn đầu tư", "tổng vốn",
                                        "quy mô", "diện tích", "công suất", "doanh thu", "chiều dài", "dung tích")
# Of those, the ones that sum a counted set when "với" links them to it ("25 dự án với tổng vốn đăng ký trên 12.000 tỷ
# đồng": the total is a figure of its own, whatever its comparator), and the size measures that qualify a noun with
# no link word ("3 dự án quy mô từ 1.000 tỷ đồng trở lên": the count's indicator holds the threshold).
TOTAL_MEASURES: tuple[str, ...] = ("tổng mức đầu tư", "tổng vốn")
SIZE_MEASURES: tuple[str, ...] = ("quy mô", "công suất", "diện tích", "tổng mức đầu tư", "suất đầu tư")
# Plan nouns that open a bracket right after an achieved figure and give the figure it was planned at ("tăng 5,6%
# (kịch bản 8,5%)", "ước đạt 6,9%/năm (Nghị quyết đề ra 7,5%/năm)", "chiếm 11,2% GRDP (mục tiêu 12%)"), and the
# words that may follow the noun before that figure.
BRACKETED_PLAN_NOUNS: tuple[str, ...] = ("kế hoạch", "KH", "kịch bản", "mục tiêu", "chỉ tiêu", "Nghị quyết", "NQ",
                                         "dự toán")
BRACKETED_PLAN_WORDS: tuple[str, ...] = ("đề ra", "đặt ra", "được giao", "giao", "Đại hội", "tăng trưởng")
# Plan nouns whose figure follows "là" ("kế hoạch đề ra là 6,5%", "dự toán năm 2026 là 8.900 tỷ đồng"): a target.
PLAN_VALUE_NOUNS: tuple[str, ...] = ("kế hoạch", "chỉ tiêu", "mục tiêu", "dự toán")
# A comparison with an earlier period whose figure follows in brackets ("tăng 15%, cao hơn năm 2023 (13,8%)"): the
# bracketed figure is the same subject's value in that period.
EARLIER_COMPARISONS: tuple[str, ...] = ("cao hơn", "thấp hơn", "nhiều hơn", "ít hơn")
# Words that make the figure after them a rank within a group, which only qualifies a noun phrase ("doanh nghiệp
# nằm trong TOP 10 doanh nghiệp xuất khẩu lớn nhất"): neither a target nor a result.
RANK_WORDS: tuple[str, ...] = ("top", "tốp")
# Verbs whose object is the figure after them, so the noun after the figure names it ("hình thành 1 khu công nghệ
# thông tin tập trung", "bố trí tối thiểu 3% tổng chi ngân sách cho khoa học").
OBJECT_VERBS: tuple[str, ...] = ("hình thành", "bố trí", "đón", "phục vụ", "làm", "tổ chức")  # "làm 2 người chết"
# Of those, the ones whose subject may stand before them while the counted noun after the figure names it ("du lịch
# Việt Nam đón 12,6 triệu lượt khách quốc tế": the visitors, received by the subject).
RECEIVING_VERBS: tuple[str, ...] = ("đón", "phục vụ")
# "GRDP/người ước năm 2025 đạt chỉ tiêu Đại hội đề ra là 10.370 USD": a verb of meeting a plan noun, then "là" and the
# figure, which is both what was reached and the target it met.
MET_PLAN_VERBS: tuple[str, ...] = ("đạt", "bằng")
MET_PLAN_NOUNS: tuple[str, ...] = ("chỉ tiêu", "mục tiêu", "kế hoạch")
# Verbs that say a counted set exists, after an opening clause that is no part of what is counted ("Theo báo cáo, đến
# nay toàn tỉnh có 52 dự án điện gió …", "Tuy nhiên, vẫn còn 14 dự án giải ngân chậm"): the count's noun names it.
EXISTENTIAL_VERBS: tuple[str, ...] = ("có", "còn", "vẫn còn", "hiện có", "hiện còn", "xảy ra", "vẫn xảy ra")
# What "15/18 …" counts in a report: planned targets or tasks, of which so many were met.
COUNTED_PLANS: tuple[str, ...] = ("chỉ tiêu", "mục tiêu", "nhiệm vụ")
# Words that open a purpose clause before its figure and are not the indicator's ("…đạt 103 triệu đồng để đến năm
# 2025 mới có thể đạt mức 126 triệu đồng": the second figure is the first one's subject, by a later year).
PURPOSE_OPENERS: tuple[str, ...] = ("để", "mới có thể", "mới có khả năng", "có thể")
# A topic opening a figure's clause ("Trong lĩnh vực xã hội, 100% trường …"): no part of the indicator.
LEADING_TOPICS: tuple[str, ...] = (r"(?:trong|trên|về|ở)\s+(?:các\s+)?lĩnh\s+vực\s+[^,:;\d]{1,40},",)
# Periods that open a clause and are not part of the indicator ("Sáu tháng đầu năm, …", "Quý I/2024, …").
LEADING_PERIODS: tuple[str, ...] = (
    r"(?:trong\s+)?(?:\S+\s+)?tháng\s+(?:đầu|cuối)\s+năm(?:\s+\d{4})?\s*,?",
    r"(?:trong\s+)?quý\s+(?:[IV]+|\d)(?:\s*[/-]\s*\d{4}|\s+năm\s+\d{4})?\s*,",
    r"(?:trong\s+)?(?:năm\s+học|niên\s+khóa|giai\s+đoạn)\s+\d{4}\s*[-–]\s*\d{4}\s*,",
    r"(?:trong\s+)?năm\s+tới\s*,?",
)
