"""HTML, DOCX and PDF readers."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kg.ingest import ReadError, normalize, read_file, strip_boilerplate
from kg.ingest.readers import html_to_text

# ----------------------------------------------------------------------------- .html


def test_html_portal_page(tmp_path, portal_html):
    p = tmp_path / "tin.html"
    p.write_text(portal_html, encoding="utf-8")
    raw = read_file(p)
    assert raw.fmt == "html"
    lines = raw.text.split("\n")
    assert lines[0] == "UBND tỉnh ban hành Kế hoạch phát triển kinh tế - xã hội năm 2024"
    assert (
        "Ngày 20/01/2024, Ủy ban nhân dân tỉnh ban hành Kế hoạch số 57/KH-UBND triển khai thực hiện "
        "Nghị quyết số 12/NQ-CP của Chính phủ." in lines
    )
    # <br> gives separate lines; paragraphs are separated by a blank line.
    assert "- Tốc độ tăng trưởng GRDP đạt 7%;" in lines
    assert "\n\nCác sở, ngành tổ chức thực hiện nghiêm túc Kế hoạch này./." in raw.text
    for junk in ("Trang chủ", "Tin mới nhất", "Hội nghị tổng kết", "bình chọn", "Đánh giá của bạn",
                 "dataLayer", "color: red", "Facebook", "online", "Bản quyền", "Cổng TTĐT"):
        assert junk not in raw.text, junk
    assert "  " not in raw.text


def test_html_table_flattened_in_order(portal_html, split_cells):
    text = html_to_text(portal_html)
    assert split_cells(text) == [
        "STT", "Nhiệm vụ", "Cơ quan chủ trì",
        "1", "Xây dựng kế hoạch đầu tư công năm 2024", "Sở Kế hoạch và Đầu tư",
        "2", "Rà soát quy hoạch thủy lợi", "Sở Nông nghiệp và PTNT",
    ]
    assert "Kế hoạch đề ra các chỉ tiêu chủ yếu sau:" in text.split("\nSTT\n|\n")[0]
    assert "\nSTT\n|\nNhiệm vụ\n|\nCơ quan chủ trì\n|\n1\n|\n" in text


def test_html_without_article_drops_heading_blocks():
    html = """<html><head><title>Cổng thông tin</title></head><body>
    <div class="noidung">
      <h2>Kế hoạch cải cách hành chính năm 2024</h2>
      <p>UBND huyện Phụng Hiệp ban hành kế hoạch cải cách hành chính với 25 nhiệm vụ trọng tâm,
         giao Phòng Nội vụ theo dõi, đôn đốc các cơ quan, đơn vị thực hiện.</p>
      <p><strong>Tin liên quan</strong></p>
      <ul><li>Huyện Long Mỹ tổng kết công tác năm 2023</li></ul>
    </div>
    <div><div class="title"><span>Văn bản mới</span></div><div><a>Quyết định số 15/QĐ-UBND</a></div></div>
    <p>Bình chọn</p><p>Rất hài lòng</p>
    </body></html>"""
    text = html_to_text(html)
    assert text.startswith("Cổng thông tin\n\nKế hoạch cải cách hành chính năm 2024\n\nUBND huyện Phụng Hiệp")
    for junk in ("Tin liên quan", "Long Mỹ", "Văn bản mới", "Quyết định số 15", "Bình chọn", "hài lòng"):
        assert junk not in text, junk


def test_html_charset_from_meta(tmp_path, to_cp1258):
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
            "</head><body><article><p>Quyết định về việc phê duyệt quy hoạch tỉnh Sóc Trăng thời kỳ "
            "2021-2030, tầm nhìn đến năm 2050 của Thủ tướng Chính phủ.</p></article></body></html>")
    p = tmp_path / "cp.htm"
    p.write_bytes(to_cp1258(html))
    text = normalize(read_file(p).text).text
    assert "Quyết định về việc phê duyệt quy hoạch tỉnh Sóc Trăng" in text


def test_html_only_boilerplate_is_empty(tmp_path):
    p = tmp_path / "menu.html"
    p.write_text('<html><body><div class="menu"><a>Trang chủ</a></div><script>x=1</script></body></html>',
                 encoding="utf-8")
    with pytest.raises(ReadError, match="no text"):
        read_file(p)


# ----------------------------------------------------------------------------- .docx


def make_docx(path: Path) -> Path:
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("ỦY BAN NHÂN DÂN TỈNH TRÀ VINH")
    doc.add_paragraph("KẾ HOẠCH Triển khai Chương trình chuyển đổi số năm 2024")
    table = doc.add_table(rows=3, cols=3)
    rows = [["TT", "Nội dung", "Đơn vị thực hiện"],
            ["1", "Phát triển hạ tầng số", "Sở Thông tin và Truyền thông"],
            ["2", "Cung cấp dịch vụ công trực tuyến toàn trình", ""]]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    # Merge the last two cells of row 2: python-docx repeats the merged cell, it must appear once.
    merged = table.cell(2, 1).merge(table.cell(2, 2))
    merged.text = "Cung cấp dịch vụ công trực tuyến toàn trình"
    doc.add_paragraph("Các sở, ban, ngành tổ chức thực hiện./.")
    doc.save(str(path))
    return path


def test_docx_paragraphs_and_tables_in_order(tmp_path):
    raw = read_file(make_docx(tmp_path / "kh.docx"))
    assert raw.fmt == "docx"
    assert raw.text == (
        "ỦY BAN NHÂN DÂN TỈNH TRÀ VINH\n"
        "KẾ HOẠCH Triển khai Chương trình chuyển đổi số năm 2024\n"
        "TT\n|\nNội dung\n|\nĐơn vị thực hiện\n|\n"
        "1\n|\nPhát triển hạ tầng số\n|\nSở Thông tin và Truyền thông\n|\n"
        "2\n|\nCung cấp dịch vụ công trực tuyến toàn trình\n|\n"
        "Các sở, ban, ngành tổ chức thực hiện./.\n"
    )


def test_docx_truncated_zip(tmp_path):
    good = make_docx(tmp_path / "good.docx").read_bytes()
    p = tmp_path / "cut.docx"
    p.write_bytes(good[: len(good) // 2])
    with pytest.raises(ReadError, match=r"cut\.docx: not a valid \.docx"):
        read_file(p)


def test_docx_zip_without_document(tmp_path):
    import zipfile

    p = tmp_path / "x.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("hello.txt", "Kế hoạch")
    with pytest.raises(ReadError, match=r"x\.docx: not a valid \.docx"):
        read_file(p)


# ----------------------------------------------------------------------------- .pdf

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
]


def _canvas(path: Path):
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    return canvas.Canvas(str(path))


def _vn_font() -> str | None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for f in FONT_CANDIDATES:
        if Path(f).is_file():
            pdfmetrics.registerFont(TTFont("VNSans", f))
            return "VNSans"
    return None


def test_pdf_text_layer(tmp_path):
    p = tmp_path / "qd.pdf"
    c = _canvas(p)
    font = _vn_font()
    page1 = "Quyết định phê duyệt Quy hoạch tỉnh Bạc Liêu" if font else "Quyet dinh phe duyet Quy hoach tinh"
    c.setFont(font or "Helvetica", 12)
    c.drawString(72, 750, page1)
    c.showPage()
    c.setFont(font or "Helvetica", 12)
    c.drawString(72, 750, "Điều 2. Tổ chức thực hiện" if font else "Dieu 2. To chuc thuc hien")
    c.save()
    raw = read_file(p)
    assert raw.fmt == "pdf"
    text = normalize(raw.text).text
    assert page1 in text
    assert text.index(page1) < text.index("2. T")
    assert "\n" in text.strip()  # pages joined by a newline


def test_pdf_without_text_layer(tmp_path):
    p = tmp_path / "scan.pdf"
    c = _canvas(p)
    c.rect(50, 50, 400, 600, fill=1)
    c.showPage()
    c.save()
    with pytest.raises(ReadError) as info:
        read_file(p)
    assert str(info.value) == f"{p}: PDF has no text layer (scanned image?)"


def test_pdf_corrupt(tmp_path):
    p = tmp_path / "broken.pdf"
    p.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
    with pytest.raises(ReadError, match=r"broken\.pdf: "):
        read_file(p)


def test_pdf_encrypted_with_password(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    src = tmp_path / "plain.pdf"
    c = _canvas(src)
    c.drawString(72, 750, "Ke hoach so 57/KH-UBND ngay 20/01/2024 cua UBND tinh")
    c.save()
    writer = pypdf.PdfWriter(clone_from=str(src))
    writer.encrypt(user_password="mat-khau", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    p = tmp_path / "locked.pdf"
    p.write_bytes(buf.getvalue())
    with pytest.raises(ReadError, match=r"locked\.pdf: encrypted PDF"):
        read_file(p)


def test_boilerplate_after_reading(tmp_path):
    """A scraped portal page saved as text: the pipeline blanks its boilerplate after normalising."""
    body = (
        "Phiên họp UBND tỉnh thường kỳ tháng 01 năm 2024\n\n"
        "UBND tỉnh thống nhất ban hành Kế hoạch hành động thực hiện Nghị quyết của HĐND tỉnh./.\n\n"
    )
    tail = (
        "Tin mới nhất\n\nChủ tịch UBND tỉnh ban hành Chỉ thị về nhiệm vụ sau Tết...(25/02/2024 3:09 CH)\n\n"
        "Văn bản mới\n\nĐánh giá của bạn về Cổng thông tin điện tử tỉnh\n1942 người đã bình chọn\n°\n"
        "2654 người đang online\n"
    )
    p = tmp_path / "tin.txt"
    p.write_text(body + tail, encoding="utf-8")
    clean = normalize(read_file(p).text)
    stripped = strip_boilerplate(clean.text)
    assert len(stripped) == len(clean.text)
    assert stripped[: len(body)] == body
    assert stripped[len(body):].strip() == ""
    assert stripped.count("\n") == clean.text.count("\n")


def test_page_counters_are_blanked_where_they_stand():
    """A visit counter in a dateline ("| 902 lượt xem", "Lượt xem: 3.417", "Số lượt truy cập: 88.120") is page
    chrome, blanked in place (same length and line breaks); a figure of visits in prose is kept."""
    text = ("Cập nhật: 14/02/2026 08:10 | 902 lượt xem | In bài\nNgày đăng 03/03/2026 | Lượt xem: 3.417\n"
            "Cổng dịch vụ công có 2,3 triệu lượt truy cập trong năm.\nSố lượt truy cập: 88.120")
    stripped = strip_boilerplate(text)
    assert len(stripped) == len(text) and stripped.count("\n") == text.count("\n")
    assert "902" not in stripped and "3.417" not in stripped and "88.120" not in stripped
    assert "| In bài" in stripped and "Cập nhật: 14/02/2026 08:10 |" in stripped
    assert "2,3 triệu lượt truy cập" in stripped
