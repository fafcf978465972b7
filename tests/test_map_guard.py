"""Nothing a UTF-8 writer refuses leaves a worker. Lone surrogates can come from a PDF's text layer (its ToUnicode
map), a reader that decodes with ``surrogateescape``, or a ``--base`` decoded from non-UTF-8 command-line bytes: a
text holding one is refused as it is read (`kg.ingest.readers.refuse_surrogates`, before spaCy sees it), the rest by
the map's last guard (`kg.stream.map_text`); each such file gets one line naming it and the cause, and the N-Quads of
every other file hold none."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rdflib import URIRef

from kg.build import build_dataset, sample_corpus
from kg.ingest import READERS, ReadError
from kg.ingest.readers import decode_file, refuse_surrogates
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
    at = decode_file(fine, fine.read_bytes()).text.index("01/NQ-CP A cua") + len("01/NQ-CP ")
    out = map_text((str(bad), bad.name, DEFAULT_BASE, 0.0))
    assert out.error == f"{bad}: the text holds a lone surrogate (U+D800) at character {at}: not valid Unicode"
    assert out.nquads == "" and out.docs == []
    ok = map_text((str(fine), fine.name, DEFAULT_BASE, 0.0))
    assert ok.error is None and '"01/NQ-CP"' in ok.nquads and "01/NQ-CP A cua Chinh phu" in ok.nquads


def _surrogateescape_txt(path: Path, data: bytes, warnings: list[str]) -> str:
    """A .txt reader that lets bytes that are not UTF-8 through as surrogate escapes (U+DC80..U+DCFF)."""
    return data.decode("utf-8", "surrogateescape")


def test_txt_with_a_surrogate_escape_is_refused_as_read_and_the_rest_built(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(READERS, ".txt", ("txt", _surrogateescape_txt))
    text = PLAN.read_bytes()
    bad, pdf, good = tmp_path / "escaped.txt", tmp_path / "surrogate.pdf", tmp_path / PLAN.name
    bad.write_bytes(text[:3000] + b" \xff " + text[3000:])
    pdf.write_bytes(_pdf(LINES, "DFFF"))
    good.write_bytes(text)
    at = len(text[:3000].decode("utf-8")) + 1
    with pytest.raises(ReadError) as e:
        decode_file(bad, bad.read_bytes())
    assert str(e.value) == f"{bad}: the text holds a lone surrogate (U+DCFF) at character {at}: not valid Unicode"
    errors: list[str] = []
    ds = build_dataset([bad, pdf, good], on_error=errors.append)
    assert len(errors) == 2 and str(e.value) in errors, errors
    assert any(ln.startswith(f"{pdf}: the text holds a lone surrogate (U+DFFF) at character ") for ln in errors)
    names = {str(o) for _, _, o, _ in ds.quads((None, URIRef("https://w3id.org/vnkg/ontology#fileName"), None, None))}
    assert names == {PLAN.name}


@pytest.mark.parametrize("text", ["plain ASCII", "Kế hoạch số 57/KH-UBND", "emoji 🇻🇳 and U+FFFD \ufffd"])
def test_valid_text_passes_the_surrogate_check(text: str) -> None:
    refuse_surrogates(Path("x.txt"), text)  # raises on a lone surrogate only


@pytest.mark.parametrize(("text", "code", "at"), [("\ud800", "D800", 0), ("ab\udbff", "DBFF", 2),
                                                  ("Kế hoạch \udc80 x \ud800", "DC80", 9)])
def test_the_first_lone_surrogate_is_named_with_its_offset(text: str, code: str, at: int) -> None:
    with pytest.raises(ReadError) as e:
        refuse_surrogates(Path("x.txt"), text)
    assert str(e.value) == f"x.txt: the text holds a lone surrogate (U+{code}) at character {at}: not valid Unicode"
