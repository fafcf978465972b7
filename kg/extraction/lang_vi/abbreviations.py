"""Common abbreviations in planning texts, expanded when comparing names of documents and indicators.

Keys are lower case, as they appear after punctuation is turned into spaces ("KT-XH" -> "kt xh").
"""

KEY_ABBREVIATIONS: dict[str, str] = {
    "nsnn": "ngân sách nhà nước",
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "kt xh": "kinh tế xã hội",
    "ktxh": "kinh tế xã hội",
    "qp an": "quốc phòng an ninh",
    "qpan": "quốc phòng an ninh",
    "bch": "ban chấp hành",
    "tw": "trung ương",
    "ntm": "nông thôn mới",
    "cchc": "cải cách hành chính",
    "grdp": "grdp",
    "ptnt": "phát triển nông thôn",
    "vh xh": "văn hóa xã hội",
}
