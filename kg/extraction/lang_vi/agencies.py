"""Provincial agencies (sở, ban, ngành) with their abbreviations, as written in task tables.

Full names follow the Government's decrees on provincial departments (Decree 24/2014/NĐ-CP,
107/2020/NĐ-CP, 45/2025/NĐ-CP). Abbreviations are compared after removing spaces and upper-casing.
"""

# full name -> abbreviations (without the leading "Sở", "Trung tâm", ...)
AGENCIES: dict[str, tuple[str, ...]] = {
    "Sở Kế hoạch và Đầu tư": ("KH&ĐT", "KHĐT", "KH-ĐT", "KHvàĐT"),
    "Sở Tài chính": ("TC",),
    "Sở Nông nghiệp và Phát triển nông thôn": ("NN&PTNT", "NNPTNT", "NN-PTNT", "NNvàPTNT"),
    "Sở Nông nghiệp và Môi trường": ("NN&MT", "NNMT"),
    "Sở Tài nguyên và Môi trường": ("TN&MT", "TNMT", "TN-MT"),
    "Sở Công Thương": ("CT", "Công thương"),
    "Sở Xây dựng": ("XD",),
    "Sở Giao thông vận tải": ("GTVT", "GT-VT"),
    "Sở Khoa học và Công nghệ": ("KH&CN", "KHCN", "KH-CN"),
    "Sở Thông tin và Truyền thông": ("TT&TT", "TTTT", "TT-TT"),
    "Sở Lao động - Thương binh và Xã hội": ("LĐTB&XH", "LĐ-TB&XH", "LĐTBXH", "LĐ,TB&XH"),
    "Sở Văn hóa và Thể thao": ("VH&TT", "VHTT", "VH-TT"),
    "Sở Văn hóa, Thể thao và Du lịch": ("VHTT&DL", "VH,TT&DL", "VHTTDL", "VH-TT-DL", "VH-TT&DL"),
    "Sở Du lịch": ("DL",),
    "Sở Giáo dục và Đào tạo": ("GD&ĐT", "GDĐT", "GD-ĐT"),
    "Sở Y tế": ("YT",),
    "Sở Nội vụ": ("NV",),
    "Sở Ngoại vụ": ("NgV",),
    "Sở Tư pháp": ("TP",),
    "Sở Dân tộc và Tôn giáo": ("DT&TG", "DTTG"),
    "Thanh tra tỉnh": (),
    "Văn phòng Ủy ban nhân dân tỉnh": ("VP UBND tỉnh", "VPUBND", "Văn phòng UBND tỉnh"),
    "Ban Dân tộc tỉnh": ("Ban Dân tộc",),
    "Công an tỉnh": (),
    "Bộ Chỉ huy Quân sự tỉnh": ("BCHQS tỉnh", "Bộ CHQS tỉnh"),
    "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch": ("XTĐT, TM&DL", "XTĐT,TM&DL", "XTĐTTM&DL"),
    "Ban Quản lý Khu kinh tế tỉnh": ("BQL KKT", "BQLKKT", "Ban Quản lý Khu kinh tế"),
    "Ban Quản lý các khu công nghiệp tỉnh": ("BQL các KCN", "BQLKCN"),
    "Cục Thuế tỉnh": ("Cục Thuế",),
    "Kho bạc Nhà nước tỉnh": ("KBNN tỉnh", "Kho bạc Nhà nước"),
    "Đài Phát thanh và Truyền hình tỉnh": ("Đài PT-TH tỉnh", "Đài PTTH"),
}

# Head words that start an agency name in a table cell.
HEADS: tuple[str, ...] = ("Sở", "Trung tâm", "Ban Quản lý", "Ban", "Văn phòng", "Thanh tra", "Công an",
                          "Bộ Chỉ huy", "Cục", "Kho bạc", "Đài", "Ủy ban", "UBND", "Liên minh", "Hội")
