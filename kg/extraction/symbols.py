"""Document numbers and symbols (số, ký hiệu) in every form, normalised to one canonical number.

State documents (Decree 30/2020/NĐ-CP): ``01/NQ-CP``, ``57/2018/NĐ-CP``, ``37/2021/QH15``, ``5973/UBND-KT``.
Party documents (Guideline 36-HD/VPTW): ``58-NQ/TW``, ``27-CTr/TU``, ``08-QĐi/TW``; variants in real
text (``65-Ctr/TU``, ``72-NQ-TW``, ``35/CTr-TU``, ``58 - NQ/TW``) get the same canonical form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extraction.lang_vi.doc_types import BODY_CODE_CASE, PARTY_BODY_CODES, TYPE_CODES

_SEG = r"[A-ZĐÐ][A-Za-zĐđÐ&]{0,9}\d{0,2}"
SYMBOL_RE = re.compile(  # starts with a digit so `re` scans fast; `find_symbols` checks what precedes
    r"(?P<num>\d{1,5})"
    r"[ \t]?(?P<sep>[/\-])[ \t]?"
    r"(?:(?P<year>(?:19|20)\d{2})[ \t]?/[ \t]?)?"
    rf"(?P<codes>{_SEG}(?:[ \t]?[-/][ \t]?{_SEG}){{0,3}})"
    r"(?![\w&])"
)
_SPLIT = re.compile(r"[ \t]?([-/])[ \t]?")

# Ministries and national agencies by the code in a state symbol.
STATE_ISSUERS: dict[str, str] = {
    "CP": "chinh-phu", "TTG": "thu-tuong", "QH": "quoc-hoi", "UBTVQH": "ubtv-quoc-hoi",
    "VPCP": "van-phong-chinh-phu",
}
PROVINCIAL_CODES: dict[str, str] = {"UBND": "ubnd", "HĐND": "hdnd", "TU": "tinh-uy", "BTV": "btv-tinh-uy"}


@dataclass(frozen=True, slots=True)
class Symbol:
    """A recognised document symbol."""

    start: int
    end: int
    raw: str
    number: str  # canonical, e.g. "58-NQ/TW"
    party: bool
    type_code: str | None  # canonical type code, e.g. "NQ"
    body_code: str | None  # issuing body code, e.g. "CP", "TW", "UBND", "QH15"
    year: int | None  # year written in the symbol


def _norm_code(code: str) -> str:
    return code.replace("Ð", "Đ").replace("đ", "Đ").upper()


def parse_symbol(m: re.Match[str]) -> Symbol | None:
    """Validate a regex match and build its canonical number, or None when it is not a symbol."""
    num = m.group("num")
    year = int(m.group("year")) if m.group("year") else None
    parts = _SPLIT.split(m.group("codes"))
    codes = [_norm_code(p) for p in parts[0::2]]
    if any(len(c) > 8 for c in codes):
        return None
    first = codes[0]
    type_ = TYPE_CODES.get(first)
    last = codes[-1]
    if m.group("sep") == "-":
        # Party style: NUM-TYPE/BODY (also the variant NUM-TYPE-BODY).
        if type_ is None or len(codes) < 2:
            return None
        body = "TW" if last == "TƯ" else last
        number = f"{num}-{type_[0]}/{'/'.join(BODY_CODE_CASE.get(c, c) for c in codes[1:])}"
        return Symbol(m.start(), m.end(), m.group(0), number, True, type_[0], body, year)
    if year is not None and len(codes) == 1 and re.fullmatch(r"QH\d{1,2}", first):
        return Symbol(m.start(), m.end(), m.group(0), f"{num}/{year}/{first}", False, None, first, year)
    if len(codes) < 2:
        return None
    if type_ is not None and last in PARTY_BODY_CODES and len(codes) == 2 and year is None:
        # A Party document written in state style: 35/CTr-TU -> 35-CTr/TU.
        return Symbol(m.start(), m.end(), m.group(0), f"{num}-{type_[0]}/{last}", True, type_[0], last, None)
    if type_ is None and first not in STATE_ISSUERS and first not in PROVINCIAL_CODES and not first.startswith("B"):
        return None
    canon = [type_[0] if (i == 0 and type_) else BODY_CODE_CASE.get(c, c) for i, c in enumerate(codes)]
    head = f"{num}/{year}/" if year else f"{num}/"
    body = codes[1] if type_ else codes[0]
    return Symbol(m.start(), m.end(), m.group(0), head + "-".join(canon), False,
                  type_[0] if type_ else None, body, year)


def find_symbols(text: str) -> list[Symbol]:
    """Every document symbol in a text, in order."""
    out = []
    for m in SYMBOL_RE.finditer(text):
        i = m.start()
        if i and (text[i - 1].isalnum() or text[i - 1] in "/.-_"):
            continue
        sym = parse_symbol(m)
        if sym is not None:
            out.append(sym)
    return out


# Codes typed without the Đ stroke (user input, URLs): ASCII spelling -> the code as written in symbols.
_ASCII_CODES = {"QD": "QĐ", "QDI": "QĐi", "ND": "NĐ", "HDND": "HĐND", "DA": "ĐA", "HD": "HD", "DU": "ĐU",
                "BKHDT": "BKHĐT", "BGDDT": "BGDĐT", "BLDTBXH": "BLĐTBXH", "SKHDT": "SKHĐT"}


def canonical(number: str) -> str | None:
    """Canonical form of one symbol written alone, as users type it (``01/nq-cp``, ``95/qd-ubnd``)."""
    text = number.strip().upper()
    text = re.sub(r"[A-ZĐ]+", lambda m: _ASCII_CODES.get(m.group(0), m.group(0)), text)
    m = SYMBOL_RE.fullmatch(text.replace("CTR", "CTr").replace("QĐI", "QĐi"))
    if m is None:
        m = SYMBOL_RE.fullmatch(number.strip())
    sym = parse_symbol(m) if m else None
    return sym.number if sym else None
