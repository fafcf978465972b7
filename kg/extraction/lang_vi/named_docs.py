"""Cue words for documents known by name (no symbol): heads, report kinds, words that end a name.

Heads are matched in any case: a capitalised head (``Đề án phát triển …``) may name a title on its
own; a lower-case head (``kế hoạch vốn đầu tư công năm 2024``) needs something that singles one
document out (a period, a place, an embedded document).
"""

# Head words of a named document -> ontology class. Longer heads first where one is a prefix of another.
HEADS: dict[str, str] = {
    "nghị quyết": "Resolution",
    "kế hoạch hành động": "Plan",
    "kế hoạch": "Plan",
    "kịch bản": "Plan",
    "chương trình mục tiêu quốc gia": "Program",
    "chương trình hành động": "Program",
    "chương trình công tác": "Program",
    "chương trình": "Program",
    "bộ luật": "Law",
    "luật": "Law",
    "đề án": "Scheme",
    "chỉ thị": "Directive",
    "nghị định": "Decree",
    "quy hoạch": "MasterPlan",
    "chiến lược": "Strategy",
    "quyết định": "Decision",
    "báo cáo": "Report",
    "quy chế": "Regulation",
    "quy định": "Regulation",
    "bộ tiêu chí": "Regulation",
}

# Heads whose own words already say what the document is for ("Chương trình công tác năm 2022").
SUBJECT_HEADS: frozenset[str] = frozenset({"kế hoạch hành động", "chương trình hành động", "chương trình công tác",
                                           "chương trình mục tiêu quốc gia"})

# Heads that may name a document in lower case (mid-sentence, as their own noun phrase).
LOWER_HEADS: frozenset[str] = frozenset({"kế hoạch", "kế hoạch hành động", "kịch bản", "chương trình",
                                         "chương trình hành động", "chương trình công tác",
                                         "chương trình mục tiêu quốc gia", "đề án", "quy hoạch", "chiến lược",
                                         "báo cáo", "quyết định", "quy định", "bộ tiêu chí"})

# Lower-case heads that single one document out by their own subject, with no period or place ("đạt chuẩn theo bộ
# tiêu chí sản phẩm thuộc Chương trình OCOP"): a set of criteria is never generic; "theo" before them is no benchmark.
SELF_NAMING: frozenset[str] = frozenset({"bộ tiêu chí"})
# Heads that do so after a qualifier making them one ("triển khai chương trình trọng điểm nâng cao năng lực …").
QUALIFIED_HEADS: frozenset[str] = frozenset({"chương trình", "đề án", "chiến lược", "kế hoạch"})
NAMING_QUALIFIERS: tuple[str, ...] = ("trọng điểm", "quốc gia", "tổng thể")
# National programmes that texts of every province cite in lower case, with no number, period or issuer.
NATIONAL_PROGRAMMES: tuple[str, ...] = (
    "chương trình phục hồi và phát triển kinh tế - xã hội", "chương trình mỗi xã một sản phẩm",
    "chương trình chuyển đổi số quốc gia",
)

# Lower-case heads that are also verbs ("báo cáo UBND tỉnh", "quyết định đầu tư", "theo quy định"): they name a
# document only after one of these words, or (báo cáo) when a report kind follows.
VERB_HEADS: frozenset[str] = frozenset({"báo cáo", "quyết định", "quy định"})
NOUN_CONTEXT: frozenset[str] = frozenset({"thông qua", "ban hành", "công bố", "trình", "dự thảo", "xây dựng",
                                          "hoàn thiện", "cho ý kiến", "góp ý", "nghe", "phê duyệt", "tại", "ký"})
REPORT_KINDS: tuple[str, ...] = ("chính trị", "tổng kết", "sơ kết", "tình hình", "kết quả", "đánh giá",
                                 "ước thực hiện", "thực hiện", "tổng hợp")

# Words before a lower-case head that make it a verb's object in the wrong sense or a plural/benchmark.
NOT_BEFORE: frozenset[str] = frozenset({"các", "những", "mọi", "từng", "việc", "để", "%", "vượt", "với", "bằng",
                                        "so", "theo", "định kỳ", "kịp thời", "thường xuyên", "và"})

# Words after "của" that make a name distributive, one document per unit ("kế hoạch năm 2025 của từng sở").
DISTRIBUTIVE: tuple[str, ...] = ("từng", "mỗi", "các", "những", "tất cả các")

# Verbs of an act that adopts the plan it is about ("Quyết định … về việc giao Kế hoạch …").
ADOPTING: tuple[str, ...] = ("giao", "ban hành", "phê duyệt", "thông qua")
# Of those, the verbs of a decision whose approved đề án, plan or programme is named all the same ("Quyết định … về
# việc phê duyệt Đề án X"): unlike an HĐND resolution "về Kế hoạch X", the decision is not the plan itself.
APPROVING: tuple[str, ...] = ("phê duyệt", "ban hành")

# Wordings of one name, folded when a short and a long name are compared ("kế hoạch vốn đầu tư công" is the
# "kế hoạch đầu tư công" of a year).
NAME_SYNONYMS: dict[str, str] = {"vốn đầu tư công": "đầu tư công"}

# Words that end a name: the start of a clause after it.
STOP_WORDS: tuple[str, ...] = ("gồm", "bao gồm", "nhằm", "trong đó", "đã", "được", "sẽ", "đang", "là", "có", "để",
                               "phấn đấu", "như sau", "thì", "khi", "do", "cũng", "còn", "vừa ban hành", "vừa có",
                               "yêu cầu", "đề ra", "xác định", "đến nay", "đặt mục tiêu", "đặt ra", "nêu rõ",
                               "nhấn mạnh", "chỉ rõ")

# Heads that continue past their first period to the last one of the phrase ("Báo cáo … năm 2021, dự kiến … 2022").
LONG_HEADS: frozenset[str] = frozenset({"báo cáo"})

# Verbs that put a capitalised head at the start of a task item ("Xây dựng Đề án …"): the document is drafted.
DRAFTING: tuple[str, ...] = ("xây dựng", "ban hành", "điều chỉnh, bổ sung", "điều chỉnh", "hoàn thiện", "hoàn thành",
                             "sửa đổi, bổ sung", "trình", "lập", "triển khai")

# Verbs that, after a comma, start a new clause: the name before them has ended ("…, xây dựng kế hoạch …").
COMMA_VERBS: tuple[str, ...] = ("xây dựng", "triển khai", "tổ chức", "tăng cường", "đẩy mạnh", "tập trung",
                                "tiếp tục", "ban hành", "phấn đấu", "hoàn thành", "quán triệt", "trình")

# A decision known by the body it founds or reorganises ("quyết định thành lập Tổ chỉ đạo …", "Quyết định kiện toàn
# Ban Chỉ đạo …"): the act's verbs, and the nouns that open a named body (capitalised).
FOUNDING_HEADS: frozenset[str] = frozenset({"quyết định"})
FOUNDING_ACTS: tuple[str, ...] = ("thành lập", "kiện toàn", "củng cố, kiện toàn", "giải thể", "tổ chức lại")
FOUNDED_BODIES: tuple[str, ...] = ("Tổ", "Ban", "Hội đồng", "Đoàn", "Ủy ban", "Trung tâm", "Quỹ", "Văn phòng",
                                   "Bộ phận", "Nhóm")
# Words after a name without an anchor that start a new clause or its deadline ("… trước ngày 30/6").
NAME_ENDS: tuple[str, ...] = ("trước ngày", "trước tháng", "trước quý", "trong tháng", "trong quý", "chậm nhất",
                              "để", "nhằm")

# Subjects that open with a word spelled like a generic one (named_titles.GENERIC_NEXT: "số", "chung"), by head
# ("" for any head): "Đề án số hóa hồ sơ …", "Quy hoạch chung đô thị …" (a general plan: a kind of master plan).
SUBJECT_LOOKALIKES: dict[str, tuple[str, ...]] = {"": ("số hóa", "số hoá"), "quy hoạch": ("chung",)}

# Words that end a law's name (lower-case words after "Luật Đất đai" are its own until one of these): the
# start of a clause or a phrase after it ("Luật Thủ đô do Thành phố ban hành", "phổ biến Luật Thủ đô đến cán bộ").
LAW_NAME_ENDS: tuple[str, ...] = (
    "có", "được", "đã", "sẽ", "từ", "trong", "để", "theo", "trên", "cho", "với", "thì", "là", "của", "tại", "nhằm",
    "khi", "và", "hoặc", "này", "vào", "ra", "mới", "các", "năm", "ngày", "số", "hiện", "hành", "do", "như", "đến",
    "tới", "bởi", "về", "nay", "sau", "cùng", "nêu",
)

# National law titles that hold a comma or "và" ("Luật Phòng cháy và chữa cháy", "Luật Khoa học, công nghệ và đổi mới
# sáng tạo", "Luật Phòng, chống tham nhũng"): their name runs over the join, where another law's name ends at it.
JOINED_LAW_TITLES: tuple[str, ...] = (
    "phòng cháy, chữa cháy và cứu nạn, cứu hộ", "phòng cháy và chữa cháy", "khoa học, công nghệ và đổi mới sáng tạo",
    "khám bệnh, chữa bệnh", "phòng, chống", "cán bộ, công chức", "thi đua, khen thưởng",
    "tài nguyên, môi trường biển và hải đảo", "trật tự, an toàn giao thông đường bộ",
    "tiêu chuẩn và quy chuẩn kỹ thuật",
    "chất lượng sản phẩm, hàng hóa", "quản lý, sử dụng tài sản công", "thể dục, thể thao", "tín ngưỡng, tôn giáo",
    "phổ biến, giáo dục pháp luật", "bảo vệ và phát triển rừng", "bảo vệ và kiểm dịch thực vật",
    "hỗ trợ doanh nghiệp nhỏ và vừa", "sử dụng năng lượng tiết kiệm và hiệu quả", "địa chất và khoáng sản",
    "quy hoạch đô thị và nông thôn", "xuất cảnh, nhập cảnh",
)

# Words after an act's issuer that open its subject ("Nghị quyết của HĐND tỉnh về …", "… quy định mức hỗ trợ …").
ACT_TOPICS: tuple[str, ...] = ("về", "quy định")
