"""Document types: the word that names them and the type code in their symbol.

Sources: Decree 30/2020/NĐ-CP Appendix III (state type codes) and the Party's Guideline
36-HD/VPTW (Party type codes). Class names are the ontology's (`vnkg:Resolution`...).
"""

# Word before the number (lower case, NFC, new tone style) -> ontology class.
# Longer words first where one is a prefix of another.
TYPE_WORDS: dict[str, str] = {
    "nghị quyết liên tịch": "Resolution",
    "nghị quyết": "Resolution",
    "quyết định": "Decision",
    "kế hoạch hành động": "Plan",
    "kế hoạch": "Plan",
    "chương trình hành động": "Program",
    "chương trình công tác": "Program",
    "chương trình": "Program",
    "chỉ thị": "Directive",
    "kết luận": "Conclusion",
    "nghị định": "Decree",
    "quy định": "Regulation",
    "luật": "Law",
    "bộ luật": "Law",
    "pháp lệnh": "Ordinance",
    "thông tư liên tịch": "Circular",
    "thông tư": "Circular",
    "đề án": "Scheme",
    "báo cáo": "Report",
    "hướng dẫn": "Guideline",
    "thông báo kết luận": "Notice",
    "thông báo": "Notice",
    "công văn": "OfficialLetter",
    "văn bản": "OfficialLetter",
    "tờ trình": "Submission",
    "quy hoạch": "MasterPlan",
    "chiến lược": "Strategy",
    "quy chế": "Regulation",
}

# Vietnamese label of each class, used to build a document's display label.
CLASS_WORDS: dict[str, str] = {
    "Resolution": "Nghị quyết",
    "Decision": "Quyết định",
    "Plan": "Kế hoạch",
    "Program": "Chương trình",
    "Directive": "Chỉ thị",
    "Conclusion": "Kết luận",
    "Decree": "Nghị định",
    "Regulation": "Quy định",
    "Law": "Luật",
    "Ordinance": "Pháp lệnh",
    "Circular": "Thông tư",
    "Scheme": "Đề án",
    "Report": "Báo cáo",
    "Guideline": "Hướng dẫn",
    "Notice": "Thông báo",
    "OfficialLetter": "Công văn",
    "Submission": "Tờ trình",
    "MasterPlan": "Quy hoạch",
    "Strategy": "Chiến lược",
    "LegalDocument": "Văn bản",
}

# Type codes in symbols, canonical spelling (Appendix III; Party guideline adds QĐi).
# Key: upper case; value: (canonical code, class when no word says otherwise).
TYPE_CODES: dict[str, tuple[str, str]] = {
    "NQ": ("NQ", "Resolution"),
    "NQLT": ("NQLT", "Resolution"),
    "QĐ": ("QĐ", "Decision"),
    "QĐI": ("QĐi", "Regulation"),
    "CT": ("CT", "Directive"),
    "QC": ("QC", "Regulation"),
    "QYĐ": ("QyĐ", "Regulation"),
    "KL": ("KL", "Conclusion"),
    "TC": ("TC", "LegalDocument"),
    "TB": ("TB", "Notice"),
    "HD": ("HD", "Guideline"),
    "CTR": ("CTr", "Program"),
    "KH": ("KH", "Plan"),
    "PA": ("PA", "LegalDocument"),
    "ĐA": ("ĐA", "Scheme"),
    "DA": ("DA", "LegalDocument"),
    "BC": ("BC", "Report"),
    "BB": ("BB", "LegalDocument"),
    "TTR": ("TTr", "Submission"),
    "HĐ": ("HĐ", "LegalDocument"),
    "CĐ": ("CĐ", "LegalDocument"),
    "NĐ": ("NĐ", "Decree"),
    "TT": ("TT", "Circular"),
    "TTLT": ("TTLT", "Circular"),
    "CV": ("CV", "OfficialLetter"),
    "CL": ("CL", "Strategy"),
    "GM": ("GM", "LegalDocument"),
    "TTRG": ("TTrg", "LegalDocument"),
}

# Codes that name the Party issuer in a Party symbol (after the slash).
PARTY_BODY_CODES: frozenset[str] = frozenset({
    "TW", "TU", "HU", "QU", "TXU", "TPU", "ĐU", "ĐUK", "BCSĐ", "ĐĐ", "VPTW", "BTGTW", "BTCTW", "BDVTW",
    "UBKTTW", "BKTTW", "BNCTW", "BTGDVTW", "BCĐ", "BTV", "TƯ", "ĐUQĐTW", "ĐUCA",
})

# Body codes whose canonical spelling is not all upper case.
BODY_CODE_CASE: dict[str, str] = {"TTG": "TTg", "TƯ": "TW"}
