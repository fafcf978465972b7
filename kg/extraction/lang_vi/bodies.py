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
    "dai-hoi-dang-bo": ("Đại hội Đảng bộ {unit} {province}", "Congress", ()),
    "chu-tich-ubnd": ("Chủ tịch Ủy ban nhân dân {unit} {province}", "StateBody", ("Chủ tịch UBND {unit}",)),
}

# Phrases naming a provincial body (regex fragments; `UNIT` stands for tỉnh/thành phố) -> key.
PROVINCIAL_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"ban thường vụ\s+(?:tỉnh|thành) ủy", "btv-tinh-uy"),
    (r"(?:ban chấp hành|bch)\s+đảng bộ\s+UNIT", "tinh-uy"),
    (r"(?:tm\.?\s+)?(?:ủy ban nhân dân|ubnd)\s+UNIT", "ubnd"),
    (r"(?:hội đồng nhân dân|hđnd)\s+UNIT", "hdnd"),
    (r"(?:tỉnh|thành) ủy", "tinh-uy"),
)

# Mayor-signed documents are the People's Committee's: "Chủ tịch UBND tỉnh ban hành Quyết định".
SIGNS_FOR: dict[str, str] = {"chu-tich-ubnd": "ubnd"}
