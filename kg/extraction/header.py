"""The official header of a full text: issuing body block, ``Số: 22/KH-UBND``, place and date, type and
title, and the signature block (``TM. ỦY BAN NHÂN DÂN`` / ``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH`` / name)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extraction.bodies import BODY_START_RE, match_body
from kg.extraction.dates import find_dates
from kg.extraction.lang_vi.doc_types import TYPE_WORDS
from kg.extraction.symbols import find_symbols
from kg.extraction.text import LOWER, UPPER, squash
from kg.model import Body

HEADER_WINDOW = 2500
MOTTO_RE = re.compile(r"CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM")
NUMBER_RE = re.compile(r"(?m)^[ \t|]*(?:Số|SỐ)[ \t]*:?[ \t]*(?=\d)")
PLACE_DATE_RE = re.compile(r"(?P<place>[^\n,|:]{2,40}?),\s*(?:ngày|NGÀY)\s+\d{1,2}\s+(?:tháng|THÁNG)\s+\d{1,2}\s+"
                           r"(?:năm|NĂM)\s+\d{4}")
_TYPE_ALT = "|".join(w.upper().replace(" ", r"\s+") for w in sorted(TYPE_WORDS, key=len, reverse=True))
TYPE_LINE_RE = re.compile(rf"(?m)^[ \t]*(?P<word>{_TYPE_ALT})[ \t]*$")
TITLE_END_RE = re.compile(r"\n[ \t]*(?:\n|Căn\s+cứ|Thực\s+hiện|Triển\s+khai\s+thực\s+hiện\s+\S+\s+\S+\s+số|Để\s|"
                          r"Nhằm\s|Trên\s+cơ\s+sở|Ngày\s+\d|[IVX]+\.\s|\d\.\s|Phần\s|PHẦN\s|-{3,}|\|)")
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
    """The text's own document, when the text carries an official header."""
    head = text[:HEADER_WINDOW]
    motto = MOTTO_RE.search(head)
    num = NUMBER_RE.search(head)
    tline = TYPE_LINE_RE.search(head)
    if not (motto or num) or not tline:
        return None
    number = number_span = None
    if num:
        syms = find_symbols(head[num.end(): num.end() + 40])
        if syms and syms[0].start == 0:
            number = syms[0].number
            number_span = (num.end(), num.end() + syms[0].end)
    date = None
    pd = PLACE_DATE_RE.search(head)
    if pd and pd.start() < tline.start():
        found = find_dates(pd.group(0))
        date = found[0].iso if found else None
    issuer = None
    block_end = motto.start() if motto and motto.start() < tline.start() else (num.start() if num else tline.start())
    block = head[:block_end]
    hits = [match_body(block, m.start(), province, unknown_scope) for m in BODY_START_RE.finditer(block)]
    hits = [h for h in hits if h]
    if hits:
        issuer = max(hits, key=lambda h: len(h[0].name))[0]
    doc_type = TYPE_WORDS[squash(tline.group("word")).lower()]
    title = title_span = None
    te = TITLE_END_RE.search(text, tline.end(), tline.end() + 1500)
    if te:
        raw = text[tline.end(): te.start()]
        if raw.strip():
            title = squash(raw)
            title_span = (tline.end(), te.start())
    return Header(tline.start() if not num else min(num.start(), tline.start()), tline.end(), number, number_span,
                  date, doc_type, title, title_span, issuer)


def read_signature(text: str) -> Signature | None:
    """The signer of a full text: the name under the post lines of the signature block."""
    tail_start = max(0, text.rfind("Nơi nhận") - 600 if "Nơi nhận" in text else len(text) - 4000)
    m = SIGN_RE.search(text, tail_start)
    if m is None:
        return None
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
