"""read_file(): encodings, formats, table flattening and every bad input."""

from __future__ import annotations

import codecs
import os
import unicodedata
from pathlib import Path

import pytest

from kg.ingest import SUPPORTED_SUFFIXES, RawText, ReadError, read_file
from kg.ingest.readers import flatten_table

# ----------------------------------------------------------------------------- helpers


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


# ----------------------------------------------------------------------------- .txt encodings


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
    ],
)
def test_txt_unicode_encodings(tmp_path, plan_text, encoding, prefix):
    p = write(tmp_path, "plan.txt", prefix + plan_text.encode(encoding))
    raw = read_file(p)
    assert raw == RawText(path=p, text=plan_text, fmt="txt")
    assert not raw.text.startswith("\ufeff")


def test_txt_cp1258(tmp_path, plan_text, to_cp1258):
    data = to_cp1258(plan_text)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    raw = read_file(write(tmp_path, "cp.txt", data))
    # cp1258 stores tones as combining marks: the same text once composed.
    assert raw.text != plan_text
    assert unicodedata.normalize("NFC", raw.text) == plan_text


def test_txt_tcvn3(tmp_path):
    # "Ủy ban nhân dân tỉnh ... Cộng hòa xã hội chủ nghĩa Việt Nam" typed with a .VnTime font.
    legacy = "Uû ban nh©n d©n tØnh CÇn Th¬\nCéng hoµ x· héi chñ nghÜa ViÖt Nam\nChÝnh phñ giao nhiÖm vô"
    for data in (legacy.encode("cp1252"), legacy.encode("utf-8")):
        raw = read_file(write(tmp_path, "abc.txt", data))
        assert raw.text == (
            "Uỷ ban nhân dân tỉnh Cần Thơ\nCộng hoà xã hội chủ nghĩa Việt Nam\nChính phủ giao nhiệm vụ"
        )


def test_txt_unicode_with_latin1_symbols_is_not_tcvn3(tmp_path):
    text = "Diện tích © 2024 đạt 95% kế hoạch, nhiệt độ 30°C"
    assert read_file(write(tmp_path, "u.txt", text)).text == text


# ----------------------------------------------------------------------------- bad inputs


@pytest.mark.parametrize(
    ("name", "data", "cause"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t \r\n  ", "no text (empty or whitespace only)"),
        ("blank16.txt", codecs.BOM_UTF16_LE + "   \n ".encode("utf-16-le"),
         "no text (empty or whitespace only)"),
        ("bin.txt", bytes(range(256)) * 8, "binary file, not text"),
        ("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(200),
         "binary file, not text"),
        ("ctl.txt", b"Ke hoach \x01\x02\x03\x04\x05\x06 so 12" * 3, "binary file, not text"),
        ("undef.txt", b"K\x81 ho\x8d\x8fch so 12 \x90\x9d",
         "cannot decode: not UTF-8, UTF-16 or Windows-1258"),
        ("symbols.txt", bytes(range(0xA1, 0xC0)) * 4, "cannot decode: not UTF-8, UTF-16 or Windows-1258"),
        ("latin.txt", "Le conseil a adopté le résumé".encode("cp1252"),
         "cannot decode: not UTF-8, UTF-16 or Windows-1258"),
        ("notes.rtf", b"{\\rtf1 Ke hoach}", "unsupported file type '.rtf'"),
        ("README", b"Ke hoach", "unsupported file type '(no suffix)'"),
        ("bad.docx", b"PK\x03\x04 this is not really a zip", "not a valid .docx (bad zip)"),
        ("plain.docx", "Kế hoạch số 57".encode(), "not a valid .docx (bad zip)"),
    ],
)
def test_bad_inputs(tmp_path, name, data, cause):
    p = write(tmp_path, name, data)
    with pytest.raises(ReadError) as info:
        read_file(p)
    assert str(info.value) == f"{p}: {cause}"
    assert "\n" not in str(info.value)


def test_too_large(tmp_path, plan_text):
    p = write(tmp_path, "big.txt", plan_text * 10)
    with pytest.raises(ReadError, match=r"big\.txt: file too large"):
        read_file(p, max_bytes=100)
    assert read_file(p).text == plan_text * 10


def test_missing_file(tmp_path):
    with pytest.raises(ReadError, match="no such file or directory"):
        read_file(tmp_path / "absent.txt")


def test_directory_is_not_a_file(tmp_path):
    (tmp_path / "d.txt").mkdir()
    with pytest.raises(ReadError, match="is a directory"):
        read_file(tmp_path / "d.txt")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable(tmp_path, plan_text):
    p = write(tmp_path, "locked.txt", plan_text)
    p.chmod(0)
    try:
        with pytest.raises(ReadError) as info:
            read_file(p)
        assert str(info.value) == f"{p}: permission denied"
    finally:
        p.chmod(0o644)


def test_unreadable_reported_as_permission_denied(tmp_path, monkeypatch, plan_text):
    """Same as test_unreadable but also runs as root: the OS error is simulated."""
    p = write(tmp_path, "locked.txt", plan_text)

    def deny(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    with pytest.raises(ReadError) as info:
        read_file(p)
    assert str(info.value) == f"{p}: permission denied"


def test_readerror_format():
    assert str(ReadError("corpus/a.txt", "empty file")) == "corpus/a.txt: empty file"
    assert str(ReadError(Path("x.pdf"), ValueError("bad\nxref"))) == "x.pdf: bad xref"
    assert {".txt", ".html", ".htm", ".docx", ".pdf"} == SUPPORTED_SUFFIXES


def test_suffix_is_case_insensitive(tmp_path, plan_text):
    assert read_file(write(tmp_path, "PLAN.TXT", plan_text)).fmt == "txt"


# ----------------------------------------------------------------------------- tables


def test_flatten_table_form():
    assert flatten_table([["1", "Nhiệm vụ"], ["2", " Sở Y tế\n"]]) == "1\n|\nNhiệm vụ\n|\n2\n|\nSở Y tế\n|\n"


def test_broken_pdf_prints_nothing_of_its_own(tmp_path) -> None:
    """pypdf's own log lines ("EOF marker not found") never leak before vnkg's one-line error."""
    import subprocess
    import sys

    from reportlab.pdfgen import canvas

    path = tmp_path / "broken.pdf"
    c = canvas.Canvas(str(path))
    c.drawString(72, 720, "Ke hoach so 12/KH-UBND ngay 01/02/2024 cua UBND tinh Long An")
    c.save()
    data = path.read_bytes()
    path.write_bytes(data[: data.rfind(b"%%EOF")].replace(b"startxref", b""))
    probe = ("import sys; from pathlib import Path; from kg.ingest.readers import read_pdf; p = Path(sys.argv[1])\n"
             "try:\n    read_pdf(p, p.read_bytes())\nexcept Exception as e:\n    print(e)")
    out = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True, timeout=60)
    assert "not a valid PDF" in out.stdout
    assert out.stderr == ""
