"""Units of numeric targets, scale words, and the words that set a target's comparator.

Values use the Vietnamese number format: thousands dot, decimal comma (``3.500,5``).
"""

# Scale words -> multiplier.
SCALES: dict[str, int] = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}

# Units as written (lower case), longest first when matching. Count nouns name what is counted
# ("380 doanh nghiệp"), measure units do not ("3.000 ha rừng").
MEASURE_UNITS: tuple[str, ...] = (
    "%", "phần trăm", "đồng/người", "đồng/người/năm", "đồng/người/tháng", "đồng", "đ", "usd/người", "usd", "đô la mỹ",
    "ha", "héc ta", "hecta", "km", "tấn", "m2", "m²", "m3", "m³", "mw", "kwh", "lít", "năm", "tháng", "ngày",
    "lần",  # a multiple ("tăng 1,4 lần so với năm 2021"), only after MULTIPLE_VERBS
)
COUNT_UNITS: tuple[str, ...] = (
    "lượt khách", "lượt người", "lượt", "người", "lao động", "việc làm", "doanh nghiệp", "hợp tác xã", "xã",
    "phường", "huyện", "thôn", "hộ", "sản phẩm", "giường bệnh", "giường",
    "bác sĩ", "bác sỹ", "trường", "con", "dự án", "cơ sở", "khu",
    "cụm", "bệnh viện", "trạm", "học sinh", "sinh viên", "nhà", "căn", "tour", "sự kiện", "đơn vị", "thủ tục",
    "km đường", "cây", "tổ hợp tác", "điểm du lịch", "điểm", "nhà văn hóa", "chợ", "giấy chứng nhận",
    "mô hình", "sáng kiến", "hội chợ", "trung tâm",
    "vụ",  # incidents ("27 vụ cháy", "giảm 3 vụ")
    "đoàn viên", "đoàn",  # members; delegations ("6 đoàn xúc tiến du lịch")
    "đường dây",  # rings broken up ("triệt phá 5 đường dây ma túy")
    "lần/năm", "lần/quý", "lần/tháng",  # a frequency ("ít nhất 2 lần/năm"); a bare "lần" is a multiple
)
# A multiple ("lần") is a figure only as a change ("tăng 1,4 lần"); "gấp 1,5 lần" compares, "2 lần" counts.
MULTIPLE_UNIT = "lần"
MULTIPLE_VERBS: tuple[str, ...] = ("tăng", "giảm", "tăng gần", "tăng hơn", "tăng khoảng", "giảm gần", "giảm hơn")
# Short spellings of a unit -> the unit ("126 triệu đ", "50.000đ").
UNIT_SPELLINGS: dict[str, str] = {"đ": "đồng"}
# Units that never stand for a target on their own ("năm", "tháng", "ngày" are durations or dates).
NON_TARGET_UNITS: frozenset[str] = frozenset({"năm", "tháng", "ngày", "điểm"})

# Base unit of a unit with a scale word: "tỷ đồng" -> ("đồng", 10**9).
BASE_UNITS: dict[str, str] = {"phần trăm": "%", "héc ta": "ha", "hecta": "ha", "đô la mỹ": "USD", "usd": "USD",
                              "usd/người": "USD/người"}

# Words right before the value -> comparator (ontology individual). Longest first.
COMPARATOR_WORDS: dict[str, str] = {
    "không dưới": "AtLeast", "không thấp hơn": "AtLeast", "ít nhất": "AtLeast", "tối thiểu": "AtLeast",
    "từ": "AtLeast", "không cao hơn": "AtMost",
    "không quá": "AtMost", "không vượt quá": "AtMost", "tối đa": "AtMost", "dưới": "LessThan",
    "còn dưới": "LessThan", "thấp hơn": "LessThan", "trên": "GreaterThan", "hơn": "GreaterThan",
    "vượt": "GreaterThan", "cao hơn": "GreaterThan", "khoảng": "Approximately", "gần": "Approximately",
    "xấp xỉ": "Approximately", "trên dưới": "Approximately",
}
