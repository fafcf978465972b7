"""Issuing bodies and agencies: full names, abbreviations and the phrases that name them.

National bodies are one node for the whole corpus; provincial ones are one node per province
("{unit}" is "tỉnh" or "thành phố", "{Unit_party}" is "Tỉnh ủy" or "Thành ủy", "{province}" the name).
Patterns are matched case-insensitively on cleaned text with any whitespace between words.
"""

# key -> (full name, class, abbreviations)
NATIONAL: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "chinh-phu": ("Chính phủ", "StateBody", ("CP",)),
    "thu-tuong": ("Thủ tướng Chính phủ", "StateBody", ("TTg",)),
    "quoc-hoi": ("Quốc hội", "StateBody", ("QH",)),
    "ubtv-quoc-hoi": ("Ủy ban Thường vụ Quốc hội", "StateBody", ("UBTVQH",)),
    "bo-chinh-tri": ("Bộ Chính trị", "PartyBody", ()),
    "ban-bi-thu": ("Ban Bí thư", "PartyBody", ()),
    "bch-trung-uong": ("Ban Chấp hành Trung ương Đảng", "PartyBody", ("BCH TW", "BCHTW")),
    "dai-hoi-dang-toan-quoc": ("Đại hội đại biểu toàn quốc của Đảng", "Congress", ()),
    "van-phong-chinh-phu": ("Văn phòng Chính phủ", "StateBody", ("VPCP",)),
    "van-phong-trung-uong": ("Văn phòng Trung ương Đảng", "PartyBody", ("VPTW",)),
    "ubkt-trung-uong": ("Ủy ban Kiểm tra Trung ương", "PartyBody", ("UBKTTW",)),
    "ban-tuyen-giao-dan-van-tw": ("Ban Tuyên giáo và Dân vận Trung ương", "PartyBody", ("BTGDVTW",)),
    "ban-tuyen-giao-tw": ("Ban Tuyên giáo Trung ương", "PartyBody", ("BTGTW",)),
    "ban-to-chuc-tw": ("Ban Tổ chức Trung ương", "PartyBody", ("BTCTW",)),
    "ban-dan-van-tw": ("Ban Dân vận Trung ương", "PartyBody", ("BDVTW",)),
    "ban-kinh-te-tw": ("Ban Kinh tế Trung ương", "PartyBody", ("BKTTW",)),
    "ban-noi-chinh-tw": ("Ban Nội chính Trung ương", "PartyBody", ("BNCTW",)),
    "ban-chinh-sach-chien-luoc-tw": ("Ban Chính sách, chiến lược Trung ương", "PartyBody", ()),
    "dang-uy-chinh-phu": ("Đảng ủy Chính phủ", "PartyBody", ()),
    "dang-uy-quoc-hoi": ("Đảng ủy Quốc hội", "PartyBody", ()),
    "hd-thi-dua-khen-thuong-tw": ("Hội đồng Thi đua - Khen thưởng Trung ương", "StateBody", ()),
    "ubtw-mttq": ("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Organization", ("UBTWMTTQVN",)),
    "kiem-toan-nha-nuoc": ("Kiểm toán nhà nước", "StateBody", ("KTNN",)),
    "toa-an-toi-cao": ("Tòa án nhân dân tối cao", "StateBody", ("TANDTC",)),
    "vien-kiem-sat-toi-cao": ("Viện kiểm sát nhân dân tối cao", "StateBody", ("VKSNDTC",)),
}

# Ministries and ministry-level agencies: full name -> symbol code (Decree 30/2020/NĐ-CP, Appendix VI).
MINISTRIES: dict[str, str] = {
    "Bộ Kế hoạch và Đầu tư": "BKHĐT", "Bộ Tài chính": "BTC", "Bộ Công Thương": "BCT",
    "Bộ Nông nghiệp và Phát triển nông thôn": "BNNPTNT", "Bộ Nông nghiệp và Môi trường": "BNNMT",
    "Bộ Tài nguyên và Môi trường": "BTNMT", "Bộ Xây dựng": "BXD", "Bộ Giao thông vận tải": "BGTVT",
    "Bộ Giáo dục và Đào tạo": "BGDĐT", "Bộ Y tế": "BYT", "Bộ Nội vụ": "BNV", "Bộ Tư pháp": "BTP",
    "Bộ Ngoại giao": "BNG", "Bộ Quốc phòng": "BQP", "Bộ Công an": "BCA",
    "Bộ Lao động - Thương binh và Xã hội": "BLĐTBXH", "Bộ Văn hóa, Thể thao và Du lịch": "BVHTTDL",
    "Bộ Khoa học và Công nghệ": "BKHCN", "Bộ Thông tin và Truyền thông": "BTTTT", "Bộ Dân tộc và Tôn giáo": "BDTTG",
    "Ủy ban Dân tộc": "UBDT", "Ngân hàng Nhà nước Việt Nam": "NHNN", "Thanh tra Chính phủ": "TTCP",
}

# Phrases naming a national body (regex fragments, lower case) -> key. Order matters: longest first.
NATIONAL_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"ủy ban kiểm tra trung ương(?:\s+đảng)?", "ubkt-trung-uong"),
    (r"ban tuyên giáo và dân vận trung ương", "ban-tuyen-giao-dan-van-tw"),
    (r"ban tuyên giáo trung ương", "ban-tuyen-giao-tw"),
    (r"ban tổ chức trung ương", "ban-to-chuc-tw"),
    (r"ban dân vận trung ương", "ban-dan-van-tw"),
    (r"ban kinh tế trung ương", "ban-kinh-te-tw"),
    (r"ban nội chính trung ương", "ban-noi-chinh-tw"),
    (r"ban chính sách,? chiến lược trung ương", "ban-chinh-sach-chien-luoc-tw"),
    (r"đảng ủy chính phủ", "dang-uy-chinh-phu"),
    (r"đảng ủy quốc hội", "dang-uy-quoc-hoi"),
    (r"hội đồng thi đua\s*[-–,]?\s*khen thưởng trung ương", "hd-thi-dua-khen-thuong-tw"),
    (r"(?:ban thường trực )?ủy ban trung ương mặt trận tổ quốc việt nam", "ubtw-mttq"),
    (r"kiểm toán nhà nước", "kiem-toan-nha-nuoc"),
    (r"tòa án nhân dân tối cao", "toa-an-toi-cao"),
    (r"viện kiểm sát nhân dân tối cao", "vien-kiem-sat-toi-cao"),
    (r"ủy ban thường vụ quốc hội", "ubtv-quoc-hoi"),
    (r"thủ tướng chính phủ|thủ tướng", "thu-tuong"),
    (r"văn phòng chính phủ", "van-phong-chinh-phu"),
    (r"chính phủ", "chinh-phu"),
    (r"quốc hội(?:\s+khóa\s+[ivxlc]+)?", "quoc-hoi"),
    (r"bộ chính trị", "bo-chinh-tri"),
    (r"ban bí thư(?:\s+trung ương(?:\s+đảng)?)?", "ban-bi-thu"),
    (r"(?:hội nghị\s+(?:lần thứ\s+\S+\s+)?)?(?:ban chấp hành|bch)\s+trung ương(?:\s+đảng)?"
     r"(?:\s*\(?\s*khóa\s+[ivxlc]+\)?)?", "bch-trung-uong"),
    (r"hội nghị\s+trung ương\s+\d+\s+khóa\s+[ivxlc]+", "bch-trung-uong"),
    (r"hội nghị\s+trung ương\s+(?:lần thứ\s+)?\S+(?:\s*,)?\s+khóa\s+[ivxlc]+", "bch-trung-uong"),
    (r"trung ương(?:\s+đảng)?", "bch-trung-uong"),
)

# Provincial bodies: key -> (name template, class, abbreviation templates)
PROVINCIAL: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "ubnd": ("Ủy ban nhân dân {unit} {province}", "StateBody", ("UBND {unit}", "UBND")),
    "hdnd": ("Hội đồng nhân dân {unit} {province}", "StateBody", ("HĐND {unit}", "HĐND")),
    # The provincial Party Committee is the Executive Committee (Ban Chấp hành) of the provincial Party
    # organisation: one body under both names.
    "tinh-uy": ("{Unit_party} {province}", "PartyBody",
                ("TU", "Ban Chấp hành Đảng bộ {unit} {province}", "BCH Đảng bộ {unit}")),
    "btv-tinh-uy": ("Ban Thường vụ {Unit_party} {province}", "PartyBody", ("BTV {Unit_party}",)),
    "thuong-truc-tinh-uy": ("Thường trực {Unit_party} {province}", "PartyBody", ("Thường trực {Unit_party}",)),
    "thuong-truc-hdnd": ("Thường trực Hội đồng nhân dân {unit} {province}", "StateBody",
                         ("Thường trực HĐND {unit}",)),
    "bcsd-ubnd": ("Ban cán sự đảng Ủy ban nhân dân {unit} {province}", "PartyBody",
                  ("Ban cán sự đảng UBND {unit}", "BCSĐ UBND {unit}")),
    "dang-doan-hdnd": ("Đảng đoàn Hội đồng nhân dân {unit} {province}", "PartyBody", ("Đảng đoàn HĐND {unit}",)),
    "dai-hoi-dang-bo": ("Đại hội Đảng bộ {unit} {province}", "Congress", ()),
    "chu-tich-ubnd": ("Chủ tịch Ủy ban nhân dân {unit} {province}", "StateBody", ("Chủ tịch UBND {unit}",)),
}

# Phrases naming a provincial body (regex fragments; `UNIT` stands for tỉnh/thành phố) -> key.
PROVINCIAL_PATTERNS: tuple[tuple[str, str], ...] = (
    # the standing office of a body, never a person's post ("Phó Bí thư Thường trực Tỉnh ủy")
    (r"(?<!thư\W)thường trực\s+(?:tỉnh|thành) ủy", "thuong-truc-tinh-uy"),
    (r"thường trực\s+(?:hội đồng nhân dân|hđnd)\s+UNIT", "thuong-truc-hdnd"),
    (r"ban cán sự đảng\s+(?:ủy ban nhân dân|ubnd)\s+UNIT", "bcsd-ubnd"),
    (r"đảng đoàn\s+(?:hội đồng nhân dân|hđnd)\s+UNIT", "dang-doan-hdnd"),
    (r"ban thường vụ\s+(?:tỉnh|thành) ủy", "btv-tinh-uy"),
    (r"(?:ban chấp hành|bch)\s+đảng bộ\s+UNIT", "tinh-uy"),
    (r"(?:tm\.?\s+)?(?:ủy ban nhân dân|ubnd)\s+UNIT", "ubnd"),
    (r"(?:hội đồng nhân dân|hđnd)\s+UNIT", "hdnd"),
    (r"(?:tỉnh|thành) ủy", "tinh-uy"),
)

# Mayor-signed documents are the People's Committee's: "Chủ tịch UBND tỉnh ban hành Quyết định".
SIGNS_FOR: dict[str, str] = {"chu-tich-ubnd": "ubnd"}

# National bodies named openly (no fixed list): the head, then the name's words up to a stop.
# A name is national only when it says so ("Ban Chỉ đạo Trung ương về …", "Ban Chỉ đạo quốc gia về …").
OPEN_NATIONAL_HEADS: tuple[str, ...] = ("ban chỉ đạo", "hội đồng quốc gia", "ủy ban quốc gia")
OPEN_NATIONAL_MARKS: tuple[str, ...] = ("trung ương", "quốc gia", "chính phủ", "nhà nước")
# Words that end an open name (regex fragments): the clause goes on with a verb, a date, a number.
OPEN_NAME_STOPS: tuple[str, ...] = (
    "tại", "ngày", "về việc", "ban hành", "đã", "vừa", "đề nghị", "yêu cầu", "chỉ đạo", "giao", "thông qua",
    "tổ chức", "họp", "và", r"số(?=\s*\d)", "theo", "nhằm", "để", "là", "có", "đối với", "trong", "khi", "do",
)
OPEN_NAME_MAX_WORDS = 16

# A header's second line naming the unit of the body above it that issues the document
# ("ỦY BAN NHÂN DÂN TỈNH X" / "VĂN PHÒNG", "TỈNH ỦY X" / "BAN THƯỜNG VỤ"): the unit's name as written in
# a full name, lower case -> proper case. The full name is the unit's, then the parent's.
HEADER_SUB_UNITS: dict[str, str] = {
    u.lower(): u for u in (
        "Văn phòng", "Ban Thường vụ", "Thường trực", "Ban cán sự đảng", "Đảng đoàn", "Ủy ban Kiểm tra",
        "Ban Kinh tế - Ngân sách", "Ban Pháp chế", "Ban Văn hóa - Xã hội", "Ban Dân tộc", "Ban Đô thị",
        "Ban Tuyên giáo", "Ban Tổ chức", "Ban Dân vận", "Ban Nội chính", "Ban Tuyên giáo và Dân vận",
    )
}
# ... a unit that is a provincial body of its own: (unit, parent key) -> its key
HEADER_SUB_UNIT_KEYS: dict[tuple[str, str], str] = {
    ("Ban Thường vụ", "tinh-uy"): "btv-tinh-uy", ("Thường trực", "tinh-uy"): "thuong-truc-tinh-uy",
    ("Thường trực", "hdnd"): "thuong-truc-hdnd", ("Ban cán sự đảng", "ubnd"): "bcsd-ubnd",
    ("Đảng đoàn", "hdnd"): "dang-doan-hdnd",
}
