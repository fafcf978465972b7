"""Provinces and centrally-run cities of Viet Nam (the 63 units of 2008-2025, which include
every name kept by the 2025 merger into 34), in the new tone style (Hòa, Thủy).

`CITIES` are centrally-run cities: their bodies are "Ủy ban nhân dân thành phố ...", "Thành ủy ...".
"""

PROVINCES: tuple[str, ...] = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre",
    "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng",
    "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội",
    "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hồ Chí Minh", "Hưng Yên", "Khánh Hòa",
    "Kiên Giang", "Kon Tum", "Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng", "Long An", "Nam Định",
    "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi",
    "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa",
    "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái", "Huế",
)

CITIES: frozenset[str] = frozenset({"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"})

# Other spellings seen in texts -> the name above.
VARIANTS: dict[str, str] = {
    "Bà Rịa-Vũng Tàu": "Bà Rịa - Vũng Tàu",
    "Bà Rịa – Vũng Tàu": "Bà Rịa - Vũng Tàu",
    "Đắc Lắc": "Đắk Lắk",
    "Đăk Lăk": "Đắk Lắk",
    "Đắk Lăk": "Đắk Lắk",
    "Đăk Nông": "Đắk Nông",
    "Thừa Thiên - Huế": "Thừa Thiên Huế",
    "TP Hồ Chí Minh": "Hồ Chí Minh",
    "TP. Hồ Chí Minh": "Hồ Chí Minh",
    "TPHCM": "Hồ Chí Minh",
}

# Names too often something else when written bare (a person, the capital of a national text's meetings):
# they name the text's province only after "tỉnh"/"thành phố" or in its header.
AMBIGUOUS_BARE: frozenset[str] = frozenset({"Hồ Chí Minh", "Hà Nội", "Huế"})

# Words before a bare name that make it a street, river, district, school ... rather than the province.
NOT_PROVINCE_BEFORE: tuple[str, ...] = (
    "đường", "phố", "sông", "cầu", "cảng", "sân bay", "huyện", "quận", "xã", "phường", "thị trấn", "thị xã",
    "khu", "hồ", "núi", "đèo", "vịnh", "trường", "bệnh viện", "báo", "đài", "ga", "chợ", "cửa khẩu", "đảo",
)
