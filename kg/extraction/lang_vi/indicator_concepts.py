"""Indicator concepts: which written indicators mean the same, for comparing them across provinces and years.

An indicator as a text writes it ("Tốc độ tăng trưởng kinh tế (GRDP)", "GRDP tăng", "Tổng sản phẩm trên địa
bàn (GRDP giá so sánh 2010) tăng") is first normalised (`kg.indicators.normalise`: lower case, one spelling of
tone marks and of "tỷ/tỉ", punctuation and asides dropped, the fillers and tails below cut), then falls under
the concept one of whose phrases it equals, else the concept with the longest phrase of two words or more
it contains as whole words (a one-word phrase such as "grdp" must be the whole indicator). A concept may
require a base unit ("%": a growth rate is a percentage; "Quy mô GRDP" in "tỷ đồng" is not GRDP growth).
Phrases are written normalised: lower case, no punctuation.
"""

from __future__ import annotations

from typing import NamedTuple


class Concept(NamedTuple):
    key: str  # the concept's IRI-safe name (`/indicator/KEY`, `kg compare KEY`)
    vi: str
    en: str
    phrases: tuple[str, ...]
    units: tuple[str, ...] = ()  # base units it may be measured in ("" = any)


CONCEPTS: tuple[Concept, ...] = (
    Concept("grdp-growth", "Tốc độ tăng trưởng GRDP", "GRDP growth rate", (
        "tốc độ tăng trưởng grdp", "tốc độ tăng trưởng kinh tế", "tốc độ tăng trưởng kinh tế grdp",
        "tốc độ tăng trưởng giá trị tổng sản phẩm grdp", "tốc độ tăng trưởng tổng sản phẩm trên địa bàn",
        "tốc độ tăng tổng sản phẩm grdp", "tốc độ tăng tổng sản phẩm trên địa bàn", "tăng trưởng grdp",
        "tăng trưởng kinh tế", "grdp tăng", "grdp", "tổng sản phẩm trên địa bàn", "tổng sản phẩm trên địa bàn grdp",
        "tổng sản phẩm trên địa bàn tăng", "tổng sản phẩm trên địa bàn grdp tăng", "kinh tế tăng trưởng",
        "tăng trưởng", "kinh tế cả nhiệm kỳ tăng trưởng"), ("%",)),
    Concept("gdp-growth", "Tốc độ tăng trưởng GDP", "GDP growth rate", (
        "tốc độ tăng trưởng gdp", "tăng trưởng gdp", "gdp tăng", "tăng trưởng kinh tế cả nước",
        "tổng sản phẩm trong nước gdp tăng"), ("%",)),
    Concept("grdp-scale", "Quy mô GRDP", "GRDP (size of the economy)", (
        "quy mô grdp", "quy mô kinh tế", "quy mô nền kinh tế", "grdp", "tổng sản phẩm trên địa bàn"),
        ("đồng", "USD")),
    Concept("grdp-per-capita", "GRDP bình quân đầu người", "GRDP per capita", (
        "grdp bình quân đầu người", "tổng sản phẩm trên địa bàn bình quân đầu người", "grdp đầu người",
        "thu nhập bình quân đầu người theo grdp")),
    Concept("budget-revenue", "Thu ngân sách nhà nước trên địa bàn", "State budget revenue", (
        "tổng thu ngân sách nhà nước trên địa bàn", "tổng thu ngân sách nhà nước", "thu ngân sách nhà nước",
        "thu ngân sách nhà nước trên địa bàn", "thu ngân sách", "tổng thu ngân sách", "thu ngân sách nhà n")),
    Concept("domestic-revenue", "Thu nội địa", "Domestic revenue", ("thu nội địa", "thu ngân sách nội địa")),
    Concept("social-investment", "Tổng vốn đầu tư toàn xã hội", "Total social investment", (
        "tổng vốn đầu tư toàn xã hội", "tổng đầu tư toàn xã hội", "vốn đầu tư toàn xã hội",
        "tổng nguồn đầu tư phát triển toàn xã hội", "tổng vốn đầu tư phát triển toàn xã hội",
        "tổng đầu tư toàn xã hội tăng huy động", "huy động vốn đầu tư toàn xã hội")),
    Concept("export-turnover", "Kim ngạch xuất khẩu", "Export turnover", (
        "kim ngạch xuất khẩu", "tổng kim ngạch xuất khẩu", "xuất khẩu", "giá trị xuất khẩu",
        "kim ngạch xuất khẩu hàng hóa")),
    Concept("trade-turnover", "Tổng kim ngạch xuất nhập khẩu", "Export and import turnover", (
        "tổng giá trị xuất nhập khẩu", "kim ngạch xuất nhập khẩu", "tổng kim ngạch xuất nhập khẩu",
        "giá trị xuất nhập khẩu")),
    Concept("industrial-output", "Giá trị sản xuất công nghiệp", "Industrial output", (
        "giá trị sản xuất công nghiệp", "tổng giá trị sản xuất công nghiệp")),
    Concept("retail-sales", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "Retail sales and services", (
        "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "tổng mức bán lẻ hàng hóa doanh thu dịch vụ",
        "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "tổng mức bán lẻ hàng hóa")),
    Concept("industry-growth", "Tăng trưởng công nghiệp - xây dựng", "Industry and construction growth", (
        "công nghiệp và xây dựng", "công nghiệp xây dựng", "khu vực công nghiệp và xây dựng",
        "khu vực công nghiệp xây dựng"), ("%",)),
    Concept("services-growth", "Tăng trưởng dịch vụ", "Services growth", (
        "dịch vụ", "khu vực dịch vụ", "ngành dịch vụ"), ("%",)),
    Concept("agriculture-growth", "Tăng trưởng nông, lâm nghiệp, thủy sản", "Agriculture, forestry, fishery growth", (
        "nông lâm nghiệp thủy sản", "nông lâm thủy sản", "nông lâm ngư nghiệp", "kinh tế nông lâm ngư nghiệp",
        "khu vực nông lâm thủy sản", "khu vực nông lâm nghiệp và thủy sản", "nông nghiệp",
        "nông lâm nghiệp và thủy sản"), ("%",)),
    Concept("share-agriculture", "Tỷ trọng nông, lâm nghiệp, thủy sản trong GRDP", "Agriculture share of GRDP", (
        "cơ cấu kinh tế nông lâm nghiệp và thủy sản", "cơ cấu kinh tế nông lâm nghiệp thủy sản",
        "tỷ trọng nông lâm nghiệp và thủy sản", "tỷ trọng nông lâm nghiệp thủy sản", "tỷ trọng nông lâm thủy sản",
        "cơ cấu nông lâm nghiệp và thủy sản"), ("%",)),
    Concept("share-industry", "Tỷ trọng công nghiệp - xây dựng trong GRDP", "Industry share of GRDP", (
        "cơ cấu kinh tế công nghiệp xây dựng", "cơ cấu kinh tế công nghiệp và xây dựng",
        "tỷ trọng công nghiệp xây dựng", "tỷ trọng công nghiệp và xây dựng", "cơ cấu công nghiệp xây dựng"), ("%",)),
    Concept("share-services", "Tỷ trọng dịch vụ trong GRDP", "Services share of GRDP", (
        "cơ cấu kinh tế dịch vụ", "tỷ trọng dịch vụ", "tỷ trọng khu vực dịch vụ", "cơ cấu dịch vụ"), ("%",)),
    Concept("product-taxes", "Thuế sản phẩm trừ trợ cấp sản phẩm", "Product taxes less subsidies", (
        "thuế sản phẩm trừ trợ cấp sản phẩm", "thuế trừ trợ cấp sản phẩm", "thuế sản phẩm")),
    Concept("cpi", "Chỉ số giá tiêu dùng (CPI)", "Consumer price index", ("cpi", "chỉ số giá tiêu dùng",
                                                                          "chỉ số giá tiêu dùng cpi")),
    Concept("iip", "Chỉ số sản xuất công nghiệp (IIP)", "Index of industrial production", (
        "chỉ số sản xuất công nghiệp", "chỉ số sản xuất công nghiệp iip", "chỉ số sản xuất iip", "iip")),
    Concept("poverty-rate", "Tỷ lệ hộ nghèo (mức giảm)", "Poverty rate (reduction)", (
        "tỷ lệ hộ nghèo", "mức giảm tỷ lệ hộ nghèo", "giảm tỷ lệ hộ nghèo", "tỷ lệ hộ nghèo giảm",
        "tỷ lệ hộ nghèo toàn tỉnh", "giảm nghèo", "tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều")),
    Concept("health-insurance", "Tỷ lệ dân số tham gia bảo hiểm y tế", "Health insurance coverage", (
        "tỷ lệ dân số tham gia bảo hiểm y tế", "tỷ lệ bao phủ bảo hiểm y tế", "tỷ lệ người dân tham gia bảo hiểm y tế",
        "tỷ lệ tham gia bảo hiểm y tế")),
    Concept("urbanisation", "Tỷ lệ đô thị hóa", "Urbanisation rate", ("tỷ lệ đô thị hóa",)),
    Concept("forest-cover", "Tỷ lệ che phủ rừng", "Forest cover", ("tỷ lệ che phủ rừng", "độ che phủ rừng")),
    Concept("new-rural-communes", "Xã đạt chuẩn nông thôn mới", "Communes meeting the new-rural standard", (
        "xã đạt chuẩn nông thôn mới", "số xã đạt chuẩn nông thôn mới", "số xã công nhận đạt chuẩn nông thôn mới",
        "tỷ lệ xã đạt chuẩn nông thôn mới", "số xã được công nhận đạt chuẩn nông thôn mới")),
    Concept("new-rural-communes-advanced", "Xã đạt chuẩn nông thôn mới nâng cao", "Communes: advanced new-rural", (
        "xã đạt chuẩn nông thôn mới nâng cao", "số xã đạt chuẩn nông thôn mới nâng cao")),
    Concept("new-rural-communes-model", "Xã đạt chuẩn nông thôn mới kiểu mẫu", "Communes: model new-rural", (
        "xã đạt chuẩn nông thôn mới kiểu mẫu", "số xã đạt chuẩn nông thôn mới kiểu mẫu")),
    Concept("clean-water", "Tỷ lệ hộ nông thôn dùng nước sạch", "Rural households with clean water", (
        "tỷ lệ hộ gia đình nông thôn được sử dụng nước sạch", "tỷ lệ dân cư nông thôn được sử dụng nước sạch",
        "tỷ lệ hộ gia đình nông thôn được sử dụng nước sạch theo quy chuẩn")),
    Concept("jobs-created", "Số lao động được tạo việc làm", "Jobs created", (
        "số lao động được tạo việc làm", "giải quyết việc làm", "tạo việc làm", "giải quyết việc làm mới")),
    Concept("ocop-products", "Sản phẩm OCOP", "OCOP products", (
        "sản phẩm ocop", "số lượng sản phẩm đạt chuẩn ocop", "sản phẩm đạt chuẩn ocop",
        "số lượng sản phẩm đạt chuẩn theo bộ tiêu chí sản phẩm thuộc chương trình mỗi xã một sản phẩm ocop")),
    Concept("doctors-per-10k", "Bác sĩ trên một vạn dân", "Doctors per 10 000 people", (
        "bác sĩ vạn dân", "số bác sĩ trên vạn dân", "y tế bác sĩ vạn dân", "bác sĩ trên một vạn dân")),
    Concept("beds-per-10k", "Giường bệnh trên một vạn dân", "Hospital beds per 10 000 people", (
        "giường bệnh vạn dân", "số giường bệnh trên vạn dân", "y tế giường bệnh vạn dân",
        "giường bệnh trên một vạn dân")),
)

# Tone placement at the end of a syllable, old style -> new ("hoá" -> "hóa", "thuỷ" -> "thủy"; not after "q":
# "quý" is one spelling; not before a consonant: "toàn").
TONE_PLACEMENT: tuple[tuple[str, str], ...] = (
    ("oá", "óa"), ("oà", "òa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"), ("oé", "óe"), ("oè", "òe"),
    ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"), ("uý", "úy"), ("uỳ", "ùy"), ("uỷ", "ủy"), ("uỹ", "ũy"),
    ("uỵ", "ụy"),
)
# Whole words written two ways.
SPELLINGS: tuple[tuple[str, str], ...] = (("tỉ lệ", "tỷ lệ"), ("bác sỹ", "bác sĩ"))
# Words opening an indicator that are the sentence's, not the indicator's (cut, repeatedly).
LEADING: tuple[str, ...] = (
    "như", "về", "theo báo cáo", "theo đó", "bên cạnh đó", "riêng", "trong đó", "cụ thể", "đồng thời",
    "giá trị gia tăng",
)
# Words from which the rest is the sentence's (a comparison base, a plan reference): cut there.
CUT_AT: tuple[str, ...] = ("so với", "so cùng kỳ", "vượt kế hoạch", "không ngừng", "dự kiến", "đạt kết quả")
# Words closing an indicator that qualify the figure, not the indicator (cut, repeatedly).
TRAILING: tuple[str, ...] = (
    "tăng", "giảm", "kế hoạch", "cả năm", "bình quân", "hằng năm", "hàng năm", "trên địa bàn tỉnh", "toàn tỉnh",
    "của tỉnh", "của toàn ngành", "toàn ngành", "duy trì ổn định", "đạt", "ước đạt", "phấn đấu",
    "thực hiện", "huy động", "trở lên", "ước", "trong năm", "quý i", "quý ii", "quý iii", "quý iv",
    "6 tháng", "9 tháng",
)
# Asides in brackets that are not a name of the indicator (kept: an acronym such as "(GRDP)").
ASIDES: tuple[str, ...] = ("giá so sánh", "giá hiện hành", "theo giá")
