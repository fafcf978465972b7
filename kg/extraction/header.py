"""The official header of a full text: issuing body block, ``Số: 22/KH-UBND``, place and date, type and
title, and the signature block (``TM. ỦY BAN NHÂN DÂN`` / ``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH`` / name)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extraction.bodies import bodies_in, match_body, sub_unit
from kg.extraction.dates import find_dates
from kg.extraction.lang_vi.doc_types import TYPE_WORDS
from kg.extraction.lang_vi.metadata import AUTHORITY_POSTS, METADATA_FIELDS
from kg.extraction.references import issuer_from_code, type_from_code
from kg.extraction.symbols import Symbol, find_symbols
from kg.extraction.text import LOWER, UPPER, squash
from kg.model import Body

HEADER_WINDOW = 2500
MOTTO_RE = re.compile(r"CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM")
# "Số: 22/KH-UBND", also with the number in the next cell or line ("Số:" / "25/2024/NQ-HĐND")
NUMBER_RE = re.compile(r"(?m)^[ \t|]*(?:Số|SỐ)[ \t]*(?::[ \t|]*(?:\n[ \t|]*)?)?(?=\d)")
_DATED = (r",\s*(?:ngày|NGÀY)\s+(?:\d{1,2}\s+(?:tháng|THÁNG)\s+\d{1,2}\s+(?:năm|NĂM)\s+\d{4}"
          r"|\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?\d{4})")
PLACE_DATE_RE = re.compile(r"(?P<place>[^\n,|:]{2,40}?)" + _DATED)
DATED_RE = re.compile(_DATED)  # the comma and date that end a place and date: where `place_date` looks first
PLACE_CHARS_END = "\n,|:"
_TYPE_ALT = "|".join(w.upper().replace(" ", r"\s+") for w in sorted(TYPE_WORDS, key=len, reverse=True))
TYPE_LINE_RE = re.compile(rf"(?m)^[ \t|]*(?P<word>{_TYPE_ALT})[ \t|]*$")  # a line or a cell of its own
TITLE_END_RE = re.compile(r"\n[ \t]*(?:\n|Căn\s+cứ|Thực\s+hiện|Triển\s+khai\s+thực\s+hiện\s+\S+\s+\S+\s+số|Để\s|"
                          r"Nhằm\s|Trên\s+cơ\s+sở|Ngày\s+\d|[IVX]+\.\s|\d\.\s|Phần\s|PHẦN\s|-{3,}|\|)")
TYPE_GAP = 700  # the type line follows the number, place and date within this many characters
_META_KEYS = "|".join(re.escape(k).replace(r"\ ", r"[ \t]+") for k in sorted(METADATA_FIELDS, key=len, reverse=True))
META_RE = re.compile(rf"(?im)(?:^|(?<=[\t|]))[ \t]*(?P<key>{_META_KEYS})[ \t]*(?::|(?=[\t|]))[ \t|]*(?:\n[ \t|]*)?"
                     r"(?P<val>[^\t|\n]*[^\s|])")
_POST_ALT = "|".join(p.upper().replace(" ", r"\s+") for p in AUTHORITY_POSTS)
AUTHORITY_RE = re.compile(rf"(?:(?:{_POST_ALT})\s+)?")
SIGN_RE = re.compile(r"(?m)^[ \t]*(?:TM\.|T/M|KT\.|K/T|TL\.|Q\.)\s*")
NAME_RE = re.compile(rf"^[ \t]*(?P<name>(?:[{UPPER}][{LOWER}]+[ \t]+){{1,4}}[{UPPER}][{LOWER}]+)[ \t]*$", re.M)


@dataclass(slots=True)
class Header:
    start: int
    end: int  # end of the type line (the title follows)
    number: str | None
    number_span: tuple[int, int] | None
    date: str | None
    doc_type: str | None
    title: str | None
    title_span: tuple[int, int] | None
    issuer: Body | None


@dataclass(slots=True)
class Signature:
    name: str
    post: str
    start: int
    end: int


def read_header(text: str, province: str | None, unknown_scope: str) -> Header | None:
    """The text's own document: from its official header, else from a legal-database metadata block."""
    official = _official_header(text, province, unknown_scope)
    meta = read_metadata(text, province, unknown_scope)
    if official is None:
        return meta
    if meta is not None and (official.number is None or official.number == meta.number):
        official.number = official.number or meta.number
        official.number_span = official.number_span or meta.number_span
        official.date = official.date or meta.date
        official.issuer = official.issuer or meta.issuer
        official.doc_type = official.doc_type or meta.doc_type
    return official


def _number(head: str, num: re.Match[str] | None) -> tuple[Symbol | None, tuple[int, int] | None]:
    if num is None:
        return None, None
    syms = find_symbols(head[num.end(): num.end() + 40])
    if not syms or syms[0].start != 0:
        return None, None
    return syms[0], (num.end(), num.end() + syms[0].end)


def _official_header(text: str, province: str | None, unknown_scope: str) -> Header | None:
    """The official header: issuing body, number, place and date, type line and title (the type line may be
    missing: a directive or letter can go straight from the date to its text)."""
    head = text[:HEADER_WINDOW]
    motto = MOTTO_RE.search(head)
    num = NUMBER_RE.search(head)
    sym, number_span = _number(head, num)
    pd = place_date(head, num.start() if num else 0)
    anchors = [m.end() for m in (motto, num, pd) if m is not None]
    if not anchors:
        return _bare_type_header(text, province, unknown_scope)
    tline = TYPE_LINE_RE.search(head)
    if tline is not None and tline.start() > max(anchors) + TYPE_GAP:
        tline = None
    if tline is None and (sym is None or not (motto or pd)):
        return None  # without a type line, only a numbered header with its motto or place and date
    if not (motto or num):
        return None
    type_start = tline.start() if tline else len(head)
    date = None
    if pd and pd.start() < type_start:
        found = find_dates(pd.group(0))
        date = found[0].iso if found else None
    block_end = motto.start() if motto and motto.start() < type_start else (num.start() if num else type_start)
    issuer = _block_issuer(head, block_end, province, unknown_scope)
    if tline is not None:
        doc_type = TYPE_WORDS[squash(tline.group("word")).lower()]
        title, title_span = _title(text, tline.end(), province, unknown_scope)
        end = tline.end()
    else:
        doc_type = _type_of_symbol(sym)
        title = title_span = None
        end = max(e for e in (number_span[1] if number_span else 0, pd.end() if pd else 0))
    start = min(x for x in (num.start() if num else None, tline.start() if tline else None) if x is not None) \
        if (num or tline) else end
    return Header(start, end, sym.number if sym else None, number_span, date, doc_type, title, title_span, issuer)


def place_date(head: str, pos: int = 0) -> re.Match[str] | None:
    """``PLACE_DATE_RE.search(head, pos)``, found from the ", ngày …" dates: the place is the 2-40 characters
    before the date's comma back to a line, cell, comma or colon, so the leftmost match starts there (a
    search from every position of the header costs ~100 times more)."""
    for d in DATED_RE.finditer(head, pos):
        comma = d.start()
        lo = max(pos, comma - 40, *(head.rfind(c, 0, comma) + 1 for c in PLACE_CHARS_END))
        if lo <= comma - 2:
            return PLACE_DATE_RE.match(head, lo)
    return None


def _bare_type_header(text: str, province: str | None, unknown_scope: str) -> Header | None:
    """A page that opens with the document's type line and title, its number block left out
    ("KẾ HOẠCH" / "Chuyển đổi số năm 2024 trên địa bàn tỉnh ..."): an unnumbered own document."""
    tline = TYPE_LINE_RE.match(text, len(text) - len(text.lstrip()))
    if tline is None:
        return None
    title, title_span = _title(text, tline.end(), province, unknown_scope)
    if title is None or len(title) < 12:
        return None
    doc_type = TYPE_WORDS[squash(tline.group("word")).lower()]
    return Header(tline.start(), tline.end(), None, None, None, doc_type, title, title_span, None)


def _type_of_symbol(sym: Symbol | None) -> str | None:
    """The type a header's number implies; a number without a type code is an official letter (công văn)."""
    if sym is None:
        return None
    return type_from_code(sym) or ("OfficialLetter" if sym.type_code is None and not sym.party else None)


def _block_issuer(head: str, block_end: int, province: str | None, unknown_scope: str) -> Body | None:
    """The body of the header block before `block_end`, or its unit named in the first cell of the next line
    ("ỦY BAN NHÂN DÂN TỈNH X | CỘNG HÒA …" / "VĂN PHÒNG | Độc lập …")."""
    hits = bodies_in(head[:block_end], province, unknown_scope)
    if not hits:
        return None
    body, _, end = max(hits, key=lambda h: len(h[0].name))
    line_end = head.find("\n", end)
    if line_end < 0:
        return body
    cell = re.match(r"[ \t|]*([^|\n]*)", head[line_end + 1:]).group(1)
    return sub_unit(cell, body, province, unknown_scope) or body


def _title(text: str, start: int, province: str | None,
           unknown_scope: str) -> tuple[str | None, tuple[int, int] | None]:
    """The title under the type line, up to the preamble or the authority line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH")."""
    blank = re.compile(r"(?:[ \t|]*\n)*").match(text, start)  # blank lines between the type line and the title
    start = blank.end() - 1 if blank.end() > start else start
    te = TITLE_END_RE.search(text, start, start + 1500)
    if te is None:
        return None, None
    end = te.start()
    pos = text.find("\n", start + 1)
    while 0 <= pos < end:
        nxt = text.find("\n", pos + 1)
        line_end = end if nxt < 0 or nxt > end else nxt
        if pos > start + 1 and _is_authority_line(text[pos + 1:line_end], province, unknown_scope):
            end = pos
            break
        pos = nxt
    raw = text[start:end]
    if not raw.strip():
        return None, None
    return squash(raw), (start, end)


def _is_authority_line(line: str, province: str | None, unknown_scope: str) -> bool:
    """An all-capitals line that is only a body's name, perhaps after its head's post ("HỘI ĐỒNG NHÂN DÂN TỈNH X")."""
    line = line.strip(" \t|")
    if not line or not line.isupper():
        return False
    pos = AUTHORITY_RE.match(line).end()
    hit = match_body(line, pos, province, unknown_scope)
    return hit is not None and not line[hit[1]:].strip(" ,.")


def read_metadata(text: str, province: str | None, unknown_scope: str) -> Header | None:
    """The own document from a legal-database metadata block (``Số hiệu``, ``Ngày ban hành``, ``Loại văn bản``)."""
    head = text[:HEADER_WINDOW]
    fields: dict[str, re.Match[str]] = {}
    for m in META_RE.finditer(head):
        fields.setdefault(METADATA_FIELDS[squash(m.group("key")).lower()], m)
    numbered = fields.get("number")
    if numbered is None or len(fields) < 2:
        return None
    val = numbered.group("val")
    syms = find_symbols(val)
    if not syms or val[: syms[0].start].strip():
        return None
    sym = syms[0]
    span = (numbered.start("val") + sym.start, numbered.start("val") + sym.end)
    date = doc_type = issuer = None
    if "date" in fields:
        found = find_dates(fields["date"].group("val"))
        date = found[0].iso if found else None
    if "type" in fields:
        doc_type = TYPE_WORDS.get(squash(fields["type"].group("val")).lower())
    if "issuer" in fields:
        hit = match_body(fields["issuer"].group("val"), 0, province, unknown_scope)
        issuer = hit[0] if hit else None
    issuer = issuer or issuer_from_code(sym, province, unknown_scope)
    ends = [m.end() for m in fields.values()]
    starts = [m.start("key") for m in fields.values()]
    return Header(min(starts), max(ends), sym.number, span, date, doc_type or _type_of_symbol(sym), None, None,
                  issuer)


def read_signature(text: str) -> Signature | None:
    """The signer of a full text: the name under the post lines of the signature block."""
    tail_start = max(0, text.rfind("Nơi nhận") - 600 if "Nơi nhận" in text else len(text) - 4000)
    m = SIGN_RE.search(text, tail_start)
    if m is None:
        return _metadata_signer(text)
    block = text[m.start(): m.start() + 400]
    lines = [ln.strip() for ln in block.splitlines()]
    post = ""
    for i, ln in enumerate(lines):
        if not ln or ln == "|":
            continue
        n = NAME_RE.match(ln)
        if n and not ln.isupper() and i > 0:
            name = squash(n.group("name"))
            start = text.find(ln, m.start())
            return Signature(name, post, start, start + len(ln))
        if ln.isupper() and not ln.startswith(("TM", "T/M", "KT", "K/T", "TL", "Q.")):
            post = ln.capitalize().replace("chủ tịch", "Chủ tịch").replace("bí thư", "Bí thư")
        elif ln.startswith(("KT", "K/T")) and not post:
            post = ""
    return None


def _metadata_signer(text: str) -> Signature | None:
    """The signer a legal-database metadata block names (``Người ký: Nguyễn Văn A``)."""
    for m in META_RE.finditer(text[:HEADER_WINDOW]):
        if METADATA_FIELDS[squash(m.group("key")).lower()] != "signer":
            continue
        n = NAME_RE.match(m.group("val"))
        if n:
            start = m.start("val") + n.start("name")
            return Signature(squash(n.group("name")), "", start, start + len(n.group("name")))
    return None
