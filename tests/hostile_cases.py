"""Generators of hostile input files (issue 12), shared by tests/test_hostile_bounds.py and the measurement
script benchmarks/bench_hostile.py. Nothing large is committed: every case writes its file(s) when asked.

The ``*_at_limits`` cases sit just under the limits of `kg.limits` (sized from them), so they are read the
costly way (an HTML tree, python-docx) and bound what the limits let through.

Each case is ``(name, make)``: ``make(folder)`` writes the file(s) and returns the path of the text to build.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

from kg import limits

Make = Callable[[Path], Path]


def planning_text(n: int = 31) -> str:
    """A realistic provincial plan (header, targets, tasks); `n` varies its number and figures."""
    return (
        f"ỦY BAN NHÂN DÂN\nTỈNH YÊN BÁI\nSố: {n}/KH-UBND\nYên Bái, ngày 20 tháng 01 năm 2026\n\n"
        "KẾ HOẠCH\nTriển khai thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2026 của Chính phủ về nhiệm vụ, "
        "giải pháp chủ yếu thực hiện kế hoạch phát triển kinh tế - xã hội năm 2026\n\n"
        "I. MỤC TIÊU\n"
        f"Năm 2026, phấn đấu tốc độ tăng trưởng GRDP đạt trên {n % 9 + 1}%; thu ngân sách nhà nước trên địa bàn "
        f"đạt {7000 + n}.200 tỷ đồng; tỷ lệ che phủ rừng đạt 63%; tỷ lệ hộ nghèo giảm 3-4%.\n\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các sở, ngành xây dựng kế hoạch đầu tư công trung hạn, "
        "hoàn thành trước ngày 31/03/2026.\n"
        "2. Sở Tài chính chủ trì rà soát, cân đối nguồn vốn, báo cáo UBND tỉnh trong Quý II năm 2026.\n"
        "3. UBND các huyện, thị xã, thành phố tổ chức triển khai thực hiện Quyết định số 95/QĐ-UBND ngày "
        "10/01/2026 của UBND tỉnh.\n\n"
        "Nơi nhận:\n- Chính phủ;\n- TT Tỉnh ủy;\n- Lưu: VT.\n\n"
        "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Thành\n"
    )


GOOD = planning_text()


def _text(folder: Path, name: str | bytes, data: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if isinstance(name, bytes):
        with open(os.path.join(os.fsencode(folder), name), "wb") as f:
            f.write(raw)
        return Path(os.fsdecode(os.path.join(os.fsencode(folder), name)))
    p = folder / name
    p.write_bytes(raw)
    return p


def _sidecar(folder: Path, name: str, meta_json: str) -> Path:
    p = _text(folder, name, planning_text(41))
    (folder / f"{name}.meta.json").write_text(meta_json, encoding="utf-8")
    return p


def sidecar_surrogate(folder: Path) -> Path:
    return _sidecar(folder, "surrogate.txt", '{"title": "Kế hoạch \\ud800 năm 2026", "province": "Yên Bái"}')


def sidecar_huge_title(folder: Path) -> Path:
    return _sidecar(folder, "huge-title.txt", json.dumps({"title": "Kế hoạch " * 2_500_000}, ensure_ascii=False))


def sidecar_long_field(folder: Path) -> Path:
    return _sidecar(folder, "long-title.txt", json.dumps({"title": "x" * 50_000, "province": "Yên Bái"}))


def sidecar_wrong_types(folder: Path) -> Path:
    return _sidecar(folder, "wrong-types.txt", json.dumps(
        {"province": 42, "published": 20260120, "title": ["a", "b"], "source_url": "javascript:alert(1)"}))


def sidecar_no_province(folder: Path) -> Path:
    return _sidecar(folder, "no-province.txt", json.dumps({"province": "Atlantis", "title": "Kế hoạch năm 2026"}))


def sidecar_deep_json(folder: Path) -> Path:
    return _sidecar(folder, "deep-json.txt", "[" * 100_000 + "]" * 100_000)


def name_not_utf8(folder: Path) -> Path:
    return _text(folder, b"ke-hoach-\xff\xfe-2026.txt", planning_text(42))


def name_with_escapes(folder: Path) -> Path:
    return _text(folder, "\x1b[31mred\x1b[0m\x07.txt", os.urandom(3000))


def name_with_escapes_good_text(folder: Path) -> Path:
    return _text(folder, "\x1b]0;owned\x07ke-hoach\x1b[2J.txt", planning_text(43))


def sparse_4gb(folder: Path) -> Path:
    p = _text(folder, "sparse.txt", b"")
    with p.open("r+b") as f:
        f.truncate(4 * 1024 ** 3)
    return p


def line_50mb(folder: Path) -> Path:
    sentence = "Tỷ lệ che phủ rừng đạt 63% theo Kế hoạch số 31/KH-UBND ngày 20/01/2026 của UBND tỉnh Yên Bái; "
    return _text(folder, "line.txt", GOOD + sentence * (50_000_000 // len(sentence.encode())))


def html_deep(folder: Path) -> Path:
    return _text(folder, "deep.html", "<html><body>" + "<div>" * 100_000 + "<p>" + GOOD + "</p>"
                 + "</div>" * 100_000 + "</body></html>")


def html_million_divs(folder: Path) -> Path:
    return _text(folder, "divs.html", "<html><body><p>" + GOOD + "</p>" + "<div>ô</div>" * 1_000_000
                 + "</body></html>")


def html_table_rows(folder: Path) -> Path:
    rows = "".join(f"<tr><td>{i}</td><td>Xây dựng kế hoạch {i}</td><td>Sở Tài chính</td></tr>" for i in range(20_000))
    return _text(folder, "rows.html", f"<html><body><p>{GOOD}</p><table>{rows}</table></body></html>")


def html_at_limits_nested_content(folder: Path) -> Path:
    """Content-like blocks nested just under the depth limit around just under the element limit: parsed into a
    tree, where asking each nested block for its text (or bs4 for ``Tag.decomposed``) is quadratic."""
    depth, spans = limits.MAX_HTML_DEPTH - 5, limits.MAX_HTML_ELEMENTS - limits.MAX_HTML_DEPTH - 100
    return _text(folder, "nested-content.html", "<html><body>" + '<div class="content">' * depth + f"<p>{GOOD}</p>"
                 + "<span>ô</span>" * spans + "</div>" * depth + "</body></html>")


def html_at_limits_nested_tables(folder: Path) -> Path:
    """Tables nested in cells, under the limits: each table's own rows found without walking the nested ones."""
    depth = limits.MAX_HTML_DEPTH // 4
    spans = limits.MAX_HTML_ELEMENTS - 5 * depth - 100
    return _text(folder, "nested-tables.html", "<html><body>" + "<table><tr><td>x</td><td>" * depth + f"<p>{GOOD}</p>"
                 + "<span>ô</span>" * spans + "</td></tr></table>" * depth + "</body></html>")


def _docx_with(folder: Path, name: str, body: bytes) -> Path:
    """A docx of the good text with ``body`` (WordprocessingML) appended to its document."""
    import docx

    folder.mkdir(parents=True, exist_ok=True)
    d = docx.Document()
    d.add_paragraph(GOOD)
    buf = io.BytesIO()
    d.save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src, zipfile.ZipFile(folder / name, "w",
                                                                               zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"</w:body>", body + b"</w:body>", 1)
            dst.writestr(item, data)
    return folder / name


def docx_at_limits_runs(folder: Path) -> Path:
    """Numbered runs just under the docx tag limit (4 tags each): python-docx builds the whole tree."""
    n = (limits.MAX_DOCX_ELEMENTS - 2_000) // 4
    runs = b"".join(b'<w:r><w:t xml:space="preserve">%d </w:t></w:r>' % (i * 7919 % 1_000_003) for i in range(n))
    return _docx_with(folder, "runs-at-limit.docx", b"<w:p>" + runs + b"</w:p>")


def docx_big_text(folder: Path) -> Path:
    """50 MB of text in 3.6 MB runs (each under libxml2's text-node limit), incompressible enough to pass the
    expansion checks: read whole by python-docx, then cut to the text limit."""
    digits = os.urandom(1_600_000).hex()
    chunk = " ".join(digits[i:i + 8] for i in range(0, len(digits), 8)).encode()
    return _docx_with(folder, "big-text.docx", b"".join(b"<w:p><w:r><w:t>" + chunk + b"</w:t></w:r></w:p>"
                                                         for _ in range(14)))


def docx_zip_bomb(folder: Path) -> Path:
    """A valid docx whose document.xml expands to 512 MB (white space inside the body; 0.5 MB on disk)."""
    import docx

    folder.mkdir(parents=True, exist_ok=True)
    d = docx.Document()
    d.add_paragraph(GOOD)
    buf = io.BytesIO()
    d.save(buf)
    p = folder / "bomb.docx"
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src, zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename != "word/document.xml":
                dst.writestr(item, data)
                continue
            head, tail = data.split(b"</w:body>", 1)
            with dst.open("word/document.xml", "w", force_zip64=True) as f:
                f.write(head)
                block = b" " * (1 << 24)
                for _ in range(32):
                    f.write(block)
                f.write(b"</w:body>" + tail)
    return p


def docx_many_elements(folder: Path) -> Path:
    """400 000 numbered runs in one paragraph (1.6 M tags, varied enough to compress little)."""
    runs = b"".join(b"<w:r><w:t>%d</w:t></w:r>" % (i * 7919 % 1_000_003) for i in range(400_000))
    return _docx_with(folder, "runs.docx", b"<w:p>" + runs + b"</w:p>")


def law_names(folder: Path) -> Path:
    """A 3 MB text listing laws: a named document per line (the output cap's case)."""
    lines = "".join(f"- Luật số {i}/2020/QH14 ngày 17/6/2020 của Quốc hội về đầu tư công;\n" for i in range(40_000))
    return _text(folder, "laws.txt", GOOD + lines)


def control_chars(folder: Path) -> Path:
    return _text(folder, "controls.txt", GOOD.replace("kế hoạch đầu tư", "kế\x01hoạch\x0b đầu\x1ftư"))


CASES: dict[str, Make] = {f.__name__: f for f in (
    sidecar_surrogate, sidecar_huge_title, sidecar_long_field, sidecar_wrong_types, sidecar_no_province,
    sidecar_deep_json, name_not_utf8, name_with_escapes, name_with_escapes_good_text, sparse_4gb, line_50mb,
    html_deep, html_million_divs, html_table_rows,
    html_at_limits_nested_content, html_at_limits_nested_tables, docx_zip_bomb, docx_many_elements,
    docx_at_limits_runs, docx_big_text, law_names, control_chars,
)}
