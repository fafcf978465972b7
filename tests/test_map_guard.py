"""The map's last guard (`kg.stream.map_text`): nothing a UTF-8 writer refuses leaves a worker. Lone surrogates
can come from a PDF's text layer (its ToUnicode map) or a ``--base`` decoded from non-UTF-8 command-line bytes;
each such file gets one line naming it, and the N-Quads of every other file hold none."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kg.build import sample_corpus
from kg.rdf.iris import DEFAULT_BASE
from kg.stream import map_text

PLAN = Path(sample_corpus()) / "kon-tum-ke-hoach-2022.txt"


def _pdf(lines: list[bytes], code_80: str) -> bytes:
    """A one-page PDF whose font maps printable ASCII to itself and byte 0x80 to U+``code_80``."""
    pypdf = pytest.importorskip("pypdf")
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def\n"
            b"1 begincodespacerange <00> <FF> endcodespacerange\n1 beginbfrange <20> <7E> <0020> endbfrange\n"
            b"1 beginbfchar <80> <" + code_80.encode() + b"> endbfchar\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    w = pypdf.PdfWriter()
    page = w.add_blank_page(600, 800)
    to_unicode = DecodedStreamObject()
    to_unicode.set_data(cmap)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica"),
                             NameObject("/ToUnicode"): w._add_object(to_unicode)})
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): w._add_object(font)})})
    content = DecodedStreamObject()
    content.set_data(b"BT /F1 10 Tf 20 760 Td 14 TL " + b" ".join(b"(" + ln + b") '" for ln in lines) + b" ET")
    page[NameObject("/Contents")] = w._add_object(content)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


LINES = [b"UY BAN NHAN DAN TINH YEN BAI", b"So: 57/KH-UBND", b"KE HOACH",
         b"Thuc hien Nghi quyet so 01/NQ-CP \x80 cua Chinh phu", b"Phan dau ty le ho ngheo giam 2% \x80 moi nam."]


def test_base_with_a_lone_surrogate_is_one_line_naming_the_file() -> None:
    out = map_text((str(PLAN), PLAN.name, "https://example.org/\udcff/", 0.0))
    assert out.error == f"{PLAN}: holds text that cannot be written as UTF-8 (lone surrogates)"
    assert out.nquads == "" and out.docs == []
    good = map_text((str(PLAN), PLAN.name, DEFAULT_BASE, 0.0))
    assert good.error is None and good.nquads.count("\n") > 100
    good.nquads.encode("utf-8")


def test_pdf_text_with_a_lone_surrogate_is_one_line_naming_the_file(tmp_path: Path) -> None:
    bad, fine = tmp_path / "surrogate.pdf", tmp_path / "plain.pdf"
    bad.write_bytes(_pdf(LINES, "D800"))
    fine.write_bytes(_pdf(LINES, "0041"))  # the same text with an "A" where the surrogate was
    out = map_text((str(bad), bad.name, DEFAULT_BASE, 0.0))
    assert out.error is not None and out.error.startswith(f"{bad}: ") and "\n" not in out.error
    assert "surrogate" in out.error and out.nquads == ""
    ok = map_text((str(fine), fine.name, DEFAULT_BASE, 0.0))
    assert ok.error is None and '"01/NQ-CP"' in ok.nquads and "01/NQ-CP A cua Chinh phu" in ok.nquads
