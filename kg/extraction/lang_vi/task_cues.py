"""Cue words of tasks (nhiệm vụ), as word classes.

`kg.extraction.task_prose` and `kg.extraction.task_assign` compile them into patterns. Spaces match any run of
whitespace; matching ignores case unless a list says otherwise. Keep wording general: these are the words
every province's plans, directives and news use.
"""

# Verbs (and verb-like adverbs) that open an assigned task or a line of action: "Đẩy mạnh …", "Rà soát …".
TASK_VERBS: tuple[str, ...] = (
    "bắt tay", "bảo đảm", "bảo vệ", "ban hành", "báo cáo", "bố trí", "cải thiện", "cải cách", "chỉ đạo",
    "chủ động", "chú trọng", "chuẩn bị", "củng cố", "cập nhật", "đảm bảo", "đánh giá", "đẩy mạnh", "đẩy nhanh",
    "định kỳ", "đôn đốc", "đổi mới", "giải quyết", "giữ vững", "hoàn thành", "hoàn thiện", "hỗ trợ",
    "huy động", "hướng dẫn", "khẩn trương", "khắc phục", "khuyến khích", "kiểm soát", "kiểm tra", "kiện toàn",
    "lãnh đạo", "nâng cao", "nghiên cứu", "nghiêm túc", "phát huy", "phát triển", "phối hợp", "quán triệt",
    "quan tâm", "quản lý", "quyết liệt", "rà soát", "sắp xếp", "tăng cường", "tập trung", "tham mưu",
    "tháo gỡ", "theo dõi", "thích ứng", "thu hút", "thúc đẩy", "thực hiện", "thường xuyên", "tiếp tục",
    "tổ chức", "tổng hợp", "trình", "triển khai", "tuyên truyền", "ưu tiên", "xây dựng", "xử lý",
    "nâng cấp", "mở rộng", "cải tạo", "duy trì", "vận động", "giám sát", "đào tạo", "bồi dưỡng", "chấn chỉnh",
    "siết chặt", "khai thác", "ứng dụng", "sửa đổi", "đề xuất", "lựa chọn", "tích cực", "kịp thời", "gửi",
    "lập", "thành lập", "công khai", "phổ biến", "điều tra", "thẩm định", "cung cấp", "số hóa", "hoàn chỉnh",
    "cân đối", "bổ sung", "phân bổ", "điều chỉnh", "xác định", "khảo sát", "tập huấn", "xúc tiến", "quảng bá",
    "thẩm tra", "giải ngân", "hoàn tất", "bàn giao", "tiếp nhận", "phê duyệt", "vận hành", "thu hồi", "xem xét",
)
# Nouns that open a numbered group of tasks: "1. Công tác thông tin, tuyên truyền …".
TASK_GROUP_NOUNS: tuple[str, ...] = ("công tác", "nhóm nhiệm vụ", "nhiệm vụ", "giải pháp")
# Verbs of intent a news text uses with the province as subject: "Năm 2026, tỉnh tập trung …".
ORIENTATION_VERBS: tuple[str, ...] = (
    "tập trung", "đẩy mạnh", "tiếp tục", "tăng cường", "ưu tiên", "chú trọng", "quan tâm", "đẩy nhanh",
)
# Subjects that stand for the province itself in news prose ("Tỉnh đẩy mạnh …"); the province's name too.
PROVINCE_SUBJECTS: tuple[str, ...] = ("tỉnh", "thành phố", "UBND tỉnh", "Ủy ban nhân dân tỉnh")
# Words that make a sector the subject of news prose («Năm 2026, ngành Giáo dục tập trung …»).
SECTOR_SUBJECTS: tuple[str, ...] = ("ngành", "lĩnh vực")

# Verbs of a speaker before a colon whose words then address bodies («Chủ tịch UBND tỉnh nhấn mạnh: Các sở,
# ngành cần tập trung …; đẩy nhanh …»).
SPEECH_VERBS: tuple[str, ...] = ("nhấn mạnh", "lưu ý", "chỉ đạo", "yêu cầu", "kết luận", "chỉ rõ", "nêu rõ")
# Of these, the verbs that direct: a paragraph ending «… Chủ tịch UBND tỉnh chỉ đạo:» makes the items under it
# tasks; «… kết luận:», «… nhấn mạnh:» may list assessments first.
DIRECTING_VERBS: tuple[str, ...] = ("yêu cầu", "chỉ đạo", "lưu ý", "chỉ thị")
# Nouns that say a list of tasks follows: "các nhiệm vụ, giải pháp trọng tâm sau:", "một số nội dung sau:".
LIST_NOUNS: tuple[str, ...] = ("nhiệm vụ", "giải pháp", "nội dung", "trọng tâm", "công việc", "yêu cầu")
# Verbs with which an authority asks addressees to act: "UBND tỉnh yêu cầu các sở, ngành …".
REQUEST_VERBS: tuple[str, ...] = ("yêu cầu", "đề nghị", "giao", "giao cho", "giao nhiệm vụ cho")
# Request verbs with which a speaker gives a named body a task even without a deadline («UBND tỉnh giao Sở Y tế
# …»); «Sở Y tế đề nghị Bộ Y tế …» asks a superior, it gives no task.
ASSIGNING_VERBS: tuple[str, ...] = ("giao", "yêu cầu", "giao cho", "giao nhiệm vụ cho")
# Openers of a sentence that gives the deadline of the task before it («Hoàn thành trong quý II.», «Thời gian
# thực hiện: quý II/2026.»).
FOLLOW_UP_OPENERS: tuple[str, ...] = ("hoàn thành", "thời gian hoàn thành", "thời gian thực hiện", "thời hạn",
                                      "tiến độ", "thời gian")
# "nhiệm vụ chủ yếu năm 2026 là …": a task noun, a few words, then "là" opens the first item.
IS_INTRO_NOUNS: tuple[str, ...] = ("nhiệm vụ", "giải pháp", "nhiệm vụ, giải pháp")
# First-item markers of an ordinal list ("Trước hết, là …", "Một là, …", "Thứ nhất, …").
FIRST_MARKERS: tuple[str, ...] = ("trước hết", "trước tiên", "một là", "thứ nhất")

# Words of a list intro that say its items are not (yet) tasks: drafts, objectives, results, figures.
NOT_TASK_INTRO: tuple[str, ...] = (
    "dự thảo", "chỉ tiêu", "mục tiêu", "kết quả", "đạt được", "tình hình", "hoạt động như",
    # a meeting's agenda lists what it discussed, not tasks
    "thảo luận", "cho ý kiến", "xem xét", "nghe báo cáo",
)
# Openers of a purpose clause before a list intro («Để đạt các mục tiêu trên, tỉnh đề ra các giải pháp:»).
PURPOSE_OPENERS: tuple[str, ...] = ("để", "nhằm", "với mục tiêu", "phấn đấu")
# List nouns that announce tasks only with a request verb or «sau:» («các nội dung sau:»); alone they may
# announce an agenda or a document's contents.
WEAK_LIST_NOUNS: tuple[str, ...] = ("nội dung", "yêu cầu", "công việc")
# Section headings whose numbered items are not tasks: they report or state aims, they do not assign.
NOT_TASK_SECTIONS: tuple[str, ...] = (
    "tình hình", "kết quả", "đánh giá", "mục đích", "mục tiêu", "quan điểm", "tổ chức thực hiện", "căn cứ",
    # shortcomings and the duties of an organ
    "hạn chế", "tồn tại", "khó khăn", "nguyên nhân", "bài học", "chức năng", "quyền hạn",
)
# Of these, the headings of a section that organises the plan's implementation: its items are no task list,
# but each item giving a named body its work («1. Sở Y tế chủ trì …», «1. Tổng cục Du lịch:» then dashed items)
# is an assignment.
ORGANISING_SECTIONS: tuple[str, ...] = ("tổ chức thực hiện",)

# Subjects an assignment sentence gives its task to ("Các sở, ngành …", "Chủ đầu tư …"): heads of the phrase.
ADDRESSEE_HEADS: tuple[str, ...] = (
    "các cơ quan", "các đơn vị", "các sở", "các địa phương", "các ngành", "các cấp", "các bộ", "các chủ đầu tư",
    "chủ đầu tư", "thủ trưởng", "ủy ban nhân dân các", "ubnd các", "các quận", "các huyện", "các thị xã", "các xã",
    "các phường", "các thành phố", "các tỉnh", "giám đốc các",
)
# Heads of national bodies that take tasks in Government texts («Bộ Tài chính chủ trì …»).
NATIONAL_HEADS: tuple[str, ...] = ("Bộ", "Ngân hàng Nhà nước", "Tổng cục", "Thanh tra Chính phủ", "Văn phòng Chính phủ",
                                   "Vụ")
# Heads of a ministry's departments, named as written when no vocabulary knows them («Vụ Kế hoạch - Tài chính»).
NATIONAL_UNIT_HEADS: tuple[str, ...] = ("Vụ", "Tổng cục")
# Heads of Party organs that take tasks in a Party programme («Đảng đoàn HĐND tỉnh lãnh đạo …»).
PARTY_HEADS: tuple[str, ...] = ("Đảng đoàn", "Ban cán sự đảng")
# Connectors that open a sentence continuing a list of tasks («Đồng thời, chủ động …»): skipped before the verb.
CONNECTORS: tuple[str, ...] = ("đồng thời", "bên cạnh đó", "ngoài ra", "mặt khác", "cùng với đó", "song song đó",
                               "song song với đó")
# Roles a lead takes on before «chủ trì» («Sở X là cơ quan thường trực, chủ trì …»): no part of its name.
LEAD_ROLES: tuple[str, ...] = ("là cơ quan thường trực", "là cơ quan đầu mối", "là đầu mối")
# Clauses that open a sentence before its subject ("Sau khi ban hành Kế hoạch, các cơ quan …").
LEADING_CLAUSES: tuple[str, ...] = ("sau khi", "trên cơ sở", "căn cứ", "trong quá trình", "để")
# Words that make a deadline recur: such a deadline has no single date.
RECURRING: tuple[str, ...] = ("hàng năm", "hằng năm", "hàng quý", "hằng quý", "hàng tháng", "hằng tháng", "định kỳ",
                              "hằng tuần", "hàng tuần", "các năm tiếp theo", "tháng cuối quý")

# Words an addressee phrase is made of besides the bodies' own names («Thủ trưởng các sở, ban ngành, Chủ tịch UBND
# các huyện, thành phố»): posts, classes of bodies, places. A phrase with any other word is no addressee.
ADDRESSEE_WORDS: tuple[str, ...] = (
    "các", "sở", "ban", "ngành", "bộ", "cơ", "quan", "đơn", "vị", "địa", "phương", "cấp", "thủ", "trưởng", "giám",
    "đốc", "chủ", "tịch", "ubnd", "ủy", "uỷ", "nhân", "dân", "huyện", "thị", "xã", "thành", "phố", "phường", "quận",
    "tỉnh", "trung", "ương", "trên", "bàn", "liên", "và", "thuộc", "đoàn", "thể", "hội", "doanh", "nghiệp", "người",
    "đứng", "đầu", "lãnh", "đạo", "văn", "phòng", "mặt", "trận", "tổ", "quốc", "tư", "chính", "quyền", "trực",
    "ngang", "khu", "kinh", "tế", "công", "lực", "lượng", "vũ", "trang", "hiệp", "ngân", "hàng", "tập", "tổng",
    "ty", "nhà", "nước", "đại", "học", "trường", "viện", "chức", "trị",  # «các tổ chức chính trị - xã hội»
    # modal words and a time frame between the addressees and the verb («… các sở, ngành cần khẩn trương …»,
    # «yêu cầu thời gian tới các sở …»)
    "bệnh", "viện", "tuyến", "hợp", "tác", "thầu", "kho", "bạc", "đài", "báo", "chí", "lực", "cá",
    "cần", "phải", "sớm", "thời", "gian", "tới", "trong", "sẽ", "cũng",
)
# Noun phrases holding a task verb («Ban Quản lý dự án đầu tư xây dựng …», «các tổ chức đảng»): the verb in them
# does not end an addressee or a body's name.
VERB_NOUNS: tuple[str, ...] = (
    "đầu tư xây dựng", "dự án xây dựng", "tổ chức đảng", "tổ chức chính trị", "tổ chức xã hội", "tổ chức hội",
    "tổ chức tín dụng", "tổ chức, cá nhân", "tổ chức và cá nhân", "phát triển quỹ đất", "quản lý dự án",
    "chương trình", "công trình", "quy trình", "lộ trình", "tờ trình", "tiến trình", "hành trình", "giáo trình",
    "độc lập", "đoàn kiểm tra",
)
# Posts before a body's name in an addressee («Giám đốc Sở Y tế», «Chủ tịch UBND các huyện»): the body leads.
ADDRESSEE_POSTS: tuple[str, ...] = ("giám đốc", "thủ trưởng", "chủ tịch", "lãnh đạo", "người đứng đầu", "trưởng")
# Words of a list intro ending in a colon that make its items assignments («Chủ tịch UBND tỉnh chỉ đạo như
# sau:», «… giao nhiệm vụ:», «Kết luận như sau:»): items opening with a body as subject are its tasks.
ASSIGNING_INTRO: tuple[str, ...] = (
    "yêu cầu", "đề nghị", "giao", "chỉ đạo", "ý kiến", "phân công", "nhiệm vụ", "kết luận", "chỉ thị",
)
# Headings of sections that assign («III. PHÂN CÔNG NHIỆM VỤ», «2. Nhiệm vụ cụ thể»): an assigning list too.
ASSIGNING_HEADINGS: tuple[str, ...] = ("phân công", "giao nhiệm vụ", "nhiệm vụ cụ thể")
# What a closing request asks for when it only points back at the text («… tổ chức thực hiện Chỉ thị này»,
# «… nghiêm túc thực hiện các nội dung trên»): no task of its own.
CLOSING_OBJECTS: tuple[str, ...] = ("này", "trên", "nêu trên", "đã nêu")
# Clauses of a task's sentence that state its targets («… năm 2026 với mục tiêu tăng trưởng 9% trở lên»): the
# targets are read on their own, the label ends before them.
TARGET_CLAUSES: tuple[str, ...] = ("với mục tiêu",)
