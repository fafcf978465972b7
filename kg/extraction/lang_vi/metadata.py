"""Field names of the metadata block legal-database pages print above (or instead of) the official header.

``Số hiệu: 25/2024/NQ-HĐND``, ``Loại văn bản: Nghị quyết``, ``Nơi ban hành: Tỉnh Bắc Ninh``,
``Người ký: Nguyễn Văn A``, ``Ngày ban hành: 10/12/2024``. Lower case, NFC, new tone style -> field.
"""

METADATA_FIELDS: dict[str, str] = {
    "số hiệu": "number",
    "số ký hiệu": "number",
    "số/ký hiệu": "number",
    "ký hiệu": "number",
    "loại văn bản": "type",
    "cơ quan ban hành": "issuer",
    "nơi ban hành": "issuer",
    "người ký": "signer",
    "ngày ban hành": "date",
    "ngày ký": "date",
    "ngày ký ban hành": "date",
}

# Posts that may open the authority line under a header's title ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...").
AUTHORITY_POSTS: tuple[str, ...] = ("chủ tịch", "bộ trưởng", "thủ tướng", "tổng giám đốc", "giám đốc", "trưởng ban")
