"""Vietnamese family names (họ), used to tell a person's name from a place name after a title.

Source: the most frequent family names in Viet Nam's population census, plus common minority names.
"""

FAMILY_NAMES: frozenset[str] = frozenset({
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý", "Đầu", "Trịnh", "Đinh", "Lâm", "Mai", "Lương", "Tô", "Hà", "Đào", "Cao", "Chu", "Tạ", "Lưu",
    "Châu", "Quách", "Vương", "Thái", "Kiều", "Triệu", "La", "Mạc", "Phùng", "Khổng", "Lò", "Hứa", "Âu", "Nông",
    "Lục", "Doãn", "Tăng", "Thân", "Giang", "Tống", "Bạch", "Diệp", "Kim", "Lã", "Từ", "Văn", "Khúc", "Nghiêm",
    "Quan", "Tôn", "Viên", "Ninh", "Hầu", "Mẫn", "Lại", "Đoàn", "Thạch", "Danh", "Sơn", "Y", "Vi",
})

# Titles that introduce a post (chức vụ).
POST_HEADS: tuple[str, ...] = (
    "Phó Chủ tịch Thường trực", "Phó Chủ tịch", "Chủ tịch", "Phó Bí thư Thường trực", "Phó Bí thư", "Bí thư",
    "Ủy viên Ban Thường vụ", "Tỉnh ủy viên", "Ủy viên", "Phó Giám đốc", "Giám đốc", "Phó Trưởng ban", "Trưởng ban",
    "Chánh Văn phòng", "Phó Chánh Văn phòng", "Trưởng Đoàn", "Phó Trưởng Đoàn", "Thủ trưởng", "Trưởng", "Phó",
    "Chánh Thanh tra", "Cục trưởng", "Bộ trưởng", "Thứ trưởng", "Thủ tướng", "Phó Thủ tướng", "Tổng Bí thư",
)
