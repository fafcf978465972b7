"""Documents known by name, without a symbol.

``Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX``, ``Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII
của Đảng``, ``Kế hoạch phát triển kinh tế - xã hội 5 năm 2021-2025``, ``Luật Thanh niên năm 2020``, and
numbers without a symbol: ``Chương trình hành động số 01 ngày 23/11/2020 của Ban Chấp hành Đảng bộ tỉnh``.
A name must carry something that singles one document out (a year or period, a congress, a law's
name, a number); generic phrases such as "Nghị quyết của Chính phủ" are not documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extraction.bodies import PROVINCE_ALT, canonical_province, match_body, national
from kg.extraction.dates import DATE_RE, find_dates
from kg.extraction.lang_vi.abbreviations import KEY_ABBREVIATIONS
from kg.extraction.lang_vi.named_docs import HEADS, JOINED_LAW_TITLES, LAW_NAME_ENDS
from kg.extraction.named_titles import HEAD_RE, KNOWN_RE, read_titled
from kg.extraction.symbols import SYMBOL_RE, find_symbols
from kg.extraction.text import UPPER, squash
from kg.model import Body

HARD_STOP_RE = re.compile(r"[;:!?()\[\]“”\"|]|\.(?=\s|$)|\n\s*\n|\n\s*\|"
                          r"|\n(?=\s*(?:[-–•+]\s|\d{1,2}\.\s|[IVX]{1,4}\.\s))")
NUMBERED_NEXT_RE = re.compile(r"(?:số\s*)?\d{1,5}\s?[/\-]\s?[\dA-ZĐ]")
PERIOD_RE = re.compile(
    r"(?:(?:năm|giai\s+đoạn|thời\s+kỳ|nhiệm\s+kỳ|đến\s+năm)\s+)?(?<![\d/.\-])(?:19|20)\d{2}(?:\s*-\s*(?:19|20)\d{2})?"
    r"(?:\s*,?\s+(?:tầm\s+nhìn|định\s+hướng)\s+đến\s+năm\s+(?:19|20)\d{2})*"
)
CONGRESS_RE = re.compile(
    r"(?i:Đại\s+hội\s+(?:đại\s+biểu\s+)?(?:Đảng\s+)?)(?:(?P<nat>(?i:toàn\s+quốc))|(?i:Đảng\s+bộ)(?:\s+(?P<unit>tỉnh|thành\s+phố)"
    rf"(?:\s+(?P<prov>{PROVINCE_ALT}))?)?)\s+(?:lần\s+thứ|khóa)\s+(?P<ord>[IVXLC]+)(?!\w)(?P<dang>\s+của\s+Đảng)?"
    r"(?:\s*,\s*nhiệm\s+kỳ\s+\d{4}\s*-\s*\d{4})?"
)
# "Đại hội đại biểu lần thứ XX (nhiệm kỳ 2025-2030) Đảng bộ tỉnh Nghệ An": the ordinal first
CONGRESS_ORDINAL_FIRST_RE = re.compile(
    r"(?i:Đại\s+hội\s+(?:đại\s+biểu\s+)?)(?:lần\s+thứ|khóa)\s+(?P<ord>[IVXLC]+)(?!\w)"
    r"(?:\s*\(\s*nhiệm\s+kỳ\s+\d{4}\s*-\s*\d{4}\s*\)|\s*,\s*nhiệm\s+kỳ\s+\d{4}\s*-\s*\d{4}\s*,?)?"
    rf"\s+(?i:Đảng\s+bộ)\s+(?P<unit>tỉnh|thành\s+phố)(?:\s+(?P<prov>{PROVINCE_ALT}))?(?P<nat>(?!))?"
)
CONGRESS_I_RE = re.compile(CONGRESS_RE.pattern, re.I)  # in a title in capitals
# "Nghị quyết Đại hội XIII của Đảng", "Nghị quyết Trung ương 4 khóa XII", "Nghị quyết Hội nghị Trung ương 5 khóa XI"
NATIONAL_CONGRESS_RE = re.compile(r"(?i:Đại\s+hội\s+(?:đại\s+biểu\s+)?(?:lần\s+thứ\s+)?)(?P<ord>[IVXLC]+)\s+của\s+Đảng")
PLENUM_RE = re.compile(r"(?:Hội\s+nghị\s+)?(?:lần\s+thứ\s+(?P<w>\w+)\s+)?(?:Ban\s+Chấp\s+hành\s+)?Trung\s+ương"
                       r"(?:\s+Đảng)?(?:\s+(?P<n>\d{1,2})|\s+lần\s+thứ\s+(?P<w2>\w+))?\s*,?\s+khóa\s+(?P<term>[IVXLC]+)(?!\w)")
ORDINAL_NUMBERS = {"nhất": "1", "một": "1", "hai": "2", "ba": "3", "tư": "4", "bốn": "4", "năm": "5", "sáu": "6",
                   "bảy": "7", "tám": "8", "chín": "9", "mười": "10"}
LAW_RE = re.compile(rf"(?P<name>[{UPPER}]\w*(?:\s+(?!(?:{'|'.join(LAW_NAME_ENDS)})\b)\w+){{0,7}})"
                    r"(?P<year>\s+năm\s+(?:19|20)\d{2})?")
_JOINED_ALT = "|".join(re.escape(t).replace(r"\ ", r"\s+").replace(",", r"\s*,") for t in
                       sorted(JOINED_LAW_TITLES, key=len, reverse=True))
JOINED_LAW_RE = re.compile(rf"(?P<name>(?i:{_JOINED_ALT})(?:\s+(?!(?:{'|'.join(LAW_NAME_ENDS)})\b)\w+){{0,6}})(?!\w)"
                           r"(?P<year>\s+năm\s+(?:19|20)\d{2})?")
LAW_NUMBER_RE = re.compile(r"\s*,?\s*số\s+\d")  # "Luật Đầu tư công số 58/2024/QH15": the numbered document
# "Luật Sửa đổi, bổ sung một số điều của Luật A và Luật B": one law; the laws it amends are not named apart
AMENDING_RE = re.compile(r"(?i:sửa\s+đổi)(?:\s*,\s*(?i:bổ\s+sung))?(?:\s+(?i:một\s+số\s+điều))?\s+(?:của\s+)?")
AMENDED_NEXT_RE = re.compile(rf"[{UPPER}][^,;.:()\n]{{0,80}}?(?=\s*,\s*Luật\s|\s+và\s+Luật\s)")
TITLE_TOPIC_RE = re.compile(r"\s*(?i:về)(?:\s+(?i:việc))?\s+")  # a title opening "về" + the head: the act's topic
OWN_RE = re.compile(r"\s*,?\s*(?:cụ\s+thể\s+)?(?:như\s+)?sau\s*:")  # "… ban hành Kế hoạch X, cụ thể như sau:"
SHORT_NUMBER_RE = re.compile(r"(?P<n>\d{1,4})(?:/(?P<code>[A-ZĐ]{1,6}))?(?![\w/\-])")
SHORT_CONGRESS_RE = re.compile(r"(?i:Đại\s+hội\s+(?:lần\s+thứ\s+)?)(?P<ord>[IVXLC]+)(?![\w])(?!\s+của\s+Đảng)")
BARE_NUMBER_RE = re.compile(r"(?:hành\s+động\s+)?số\s+(?P<n>\d{1,4})(?![\d/\-\w])\s*,?\s*(?:ngày|NGÀY)\s+")
GENERIC_NEXT = {"của", "số", "này", "đó", "trên", "đã", "và", "hoặc", "các", "được", "về", "tại", "là", "mới",
                "chung", "liên", "trình", "cụ", "nêu", "cũng", "sẽ", "vừa", "đang", "phải", "cần", "nhằm", "để",
                "với", "theo", "trong", "khi", "thì"}
MAX_WORDS = 45
CITES_RE = re.compile(
    r"(?:hành\s+động\s+)?(?:(?:triển\s+khai\s+)?thực\s+hiện|triển\s+khai)\s+(?:các\s+)?(?:Nghị\s+quyết|Kết\s+luận|Chỉ\s+thị"
    r"|Quyết\s+định|Chương\s+trình\s+hành\s+động|Kế\s+hoạch)\s+(?:số\s+)?(?P<sym>\d{1,5}\s?[/\-]\s?[\dA-ZĐ][^\s,;.]*)"
    r"(?:\s*,?\s*ngày\s+\d{1,2}\s?[/\-.]\s?\d{1,2}\s?[/\-.]\s?\d{4})?"
    r"(?:\s+của\s+(?:Chính\s+phủ|Thủ\s+tướng\s+Chính\s+phủ|Bộ\s+Chính\s+trị|Ban\s+Bí\s+thư|Quốc\s+hội"
    r"|Ban\s+Chấp\s+hành\s+Trung\s+ương(?:\s+Đảng)?|(?:Tỉnh|Thành)\s+ủy|HĐND\s+tỉnh|UBND\s+tỉnh))?")


@dataclass(slots=True)
class NamedMention:
    start: int
    end: int
    doc_type: str
    label: str
    key: str  # identity key within its scope
    national: bool
    province: str | None = None  # a province the name itself gives
    date: str | None = None
    issuer: Body | None = None
    bare_number: str | None = None
    own: bool = False  # "… ban hành Kế hoạch X như sau:": the text's own document


def _norm_label(label: str) -> str:
    label = squash(label).rstrip(" ,.")
    label = re.sub(r"(\d{4})\s*-\s*(\d{4})", r"\1-\2", label)
    return re.sub(r"\s+-\s+", " - ", label)


def _key(label: str) -> str:
    key = " " + re.sub(r"[^\w&]+", " ", label.lower()) + " "
    for short, full in KEY_ABBREVIATIONS.items():
        key = key.replace(f" {short} ", f" {full} ")
    return key.strip()


def read_named(text: str, province: str | None, unknown_scope: str, skip: list[tuple[int, int]],
               title: tuple[int, int] | None = None) -> list[NamedMention]:
    """Every unnumbered document named in `text`, outside the `skip` ranges; heads in capitals only in `title`
    (the header's title, after its type line)."""
    out: list[NamedMention] = []
    law_until = 0
    topics: set[str] = set()  # the plan an act's title is "về": the act's topic, in the title and below it
    for m in HEAD_RE.finditer(text):
        start = m.start()
        if start < law_until or any(a <= start < b for a, b in skip):
            continue
        word = squash(m.group("head"))
        if word.isupper() and not (title and title[0] <= start < title[1]):
            continue
        doc_type = HEADS[word.lower()]
        hard = HARD_STOP_RE.search(text, m.end(), m.end() + 700)
        seg_end = hard.start() if hard else min(len(text), m.end() + 500)
        body = text[m.end():seg_end]
        capital = word[0].isupper() and not word.isupper()
        hit = _short_number(text, m, doc_type, province, unknown_scope) if capital else None
        if hit is None and NUMBERED_NEXT_RE.match(body):
            continue  # a numbered document: read by the references component
        if hit is None and word.isupper():  # a title in capitals: "NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH … LẦN THỨ XV"
            hit = _congress(m, body, doc_type, CONGRESS_I_RE)
        if hit is None and capital:
            wide = text[m.end():m.end() + 300]
            hit = _congress(m, body, doc_type) or _congress(m, wide, doc_type, CONGRESS_ORDINAL_FIRST_RE) \
                or _plenum(m, body, doc_type) or _short_congress(m, body, doc_type) or _law(m, body, word) \
                or _bare_number(text, m, seg_end, doc_type, province, unknown_scope)
        if hit is None and doc_type != "Law":
            hit = _titled(text, m, doc_type, province, unknown_scope)
        if hit and title and title[0] <= start < title[1] and TITLE_TOPIC_RE.fullmatch(text, title[0], start):
            topics.add(hit.key)  # "NGHỊ QUYẾT / VỀ KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2025"
        elif hit:
            hit.own = OWN_RE.match(text, hit.end) is not None
            if hit.doc_type == "Law":
                law_until = hit.end
            out.append(hit)
    return _resolve_short_congress([nm for nm in out if nm.key not in topics])


def _congress(m: re.Match[str], body: str, doc_type: str,
              pattern: re.Pattern[str] = CONGRESS_RE) -> NamedMention | None:
    if doc_type != "Resolution":
        return None
    c = pattern.match(body)
    if not c:
        return None
    label = _norm_label(m.group("head") + " " + c.group(0))
    if label.split()[0].isupper():
        label = label[0] + label[1:].lower()
    national = bool(c.group("nat"))
    scope_word = "toan-quoc" if national else "dang-bo"
    prov = canonical_province(c.group("prov")) if c.group("prov") else None
    key = f"nghi-quyet-dai-hoi-{scope_word}-{c.group('ord').lower()}"
    return NamedMention(m.start(), m.end() + c.end(), doc_type, label, key, national, prov)


def _plenum(m: re.Match[str], body: str, doc_type: str) -> NamedMention | None:
    """Resolutions known by the Party congress or Central Committee plenum that adopted them."""
    if doc_type != "Resolution":
        return None
    c = NATIONAL_CONGRESS_RE.match(body)
    if c:
        label = _norm_label(m.group("head") + " " + c.group(0))
        key = f"nghi-quyet-dai-hoi-toan-quoc-{c.group('ord').lower()}"
        return NamedMention(m.start(), m.end() + c.end(), doc_type, label, key, True)
    p = PLENUM_RE.match(body)
    if not p or not (p.group("n") or p.group("w") or p.group("w2")):
        return None
    label = _norm_label(m.group("head") + " " + p.group(0))
    plenum = (p.group("n") or p.group("w") or p.group("w2")).lower()
    plenum = ORDINAL_NUMBERS.get(plenum, plenum)  # "lần thứ tám" and "Trung ương 8" are one plenum
    key = f"nghi-quyet-trung-uong-{plenum}-khoa-{p.group('term').lower()}"
    return NamedMention(m.start(), m.end() + p.end(), doc_type, label, key, True, issuer=national("bch-trung-uong"))


def _law(m: re.Match[str], body: str, word: str) -> NamedMention | None:
    if word not in ("Luật", "Bộ luật"):
        return None
    amend = AMENDING_RE.match(body)
    if amend:  # the amended laws belong to this one's name
        pos, names = amend.end(), 0
        while lm := re.compile(r"(?:\s*,\s*|\s+và\s+)?Luật\s+").match(body, pos):
            # a name followed by the next amended law runs to it ("Luật Đầu tư theo phương thức …, Luật Đấu thầu")
            inner = AMENDED_NEXT_RE.match(body, lm.end()) or LAW_RE.match(body, lm.end())
            if not inner or (names and not lm.group(0).strip(" ,")):
                break
            pos, names = inner.end(), names + 1
        end = pos if names else amend.end()
        if LAW_NUMBER_RE.match(body, end):
            return None
        label = _norm_label(f"{word} {body[:end]}")
        return NamedMention(m.start(), m.end() + end, "Law", label, _key(label), True)
    lm = JOINED_LAW_RE.match(body) or LAW_RE.match(body)
    if not lm or LAW_NUMBER_RE.match(body, lm.end()):
        return None
    label = _norm_label(f"{word} {lm.group(0)}")
    return NamedMention(m.start(), m.end() + lm.end(), "Law", label, _key(label), True)


_SPACE_RUN_RE = re.compile(r"\s*")


def _short_number(text: str, m: re.Match[str], doc_type: str, province: str | None,
                  unknown_scope: str) -> NamedMention | None:
    """News shorthand: "Nghị quyết 26 của Thành ủy", "Nghị quyết 06/TU" (a number without a full symbol)."""
    n = SHORT_NUMBER_RE.match(text, _SPACE_RUN_RE.match(text, m.end()).end())  # after the spaces, not a copy
    if not n or find_symbols(text[m.start():n.end() + 12]):
        return None
    end, issuer = n.end(), None
    of = re.compile(r"\s+của\s+").match(text, end)
    if of:
        hit = match_body(text, of.end(), province, unknown_scope)
        if hit:
            issuer, end = hit
    if issuer is None and not n.group("code"):
        return None
    about = re.compile(r"\s+về\s+").match(text, end)
    if about:
        hard = HARD_STOP_RE.search(text, about.end(), about.end() + 400)
        stop = hard.start() if hard else about.end() + 300
        p = next((p for p in PERIOD_RE.finditer(text, about.end(), stop) if re.search(r"\d{4}", p.group(0))), None)
        if p and len(text[about.end():p.end()].split()) <= 25:
            end = p.end()
    label = _norm_label(text[m.start():end])
    code = (n.group("code") or (issuer.key if issuer else "")).lower()
    key = f"{doc_type.lower()}-so-{n.group('n').lstrip('0')}-{code}"
    return NamedMention(m.start(), end, doc_type, label, key, issuer is not None and issuer.scope == "vn",
                        issuer=issuer)


def _short_congress(m: re.Match[str], body: str, doc_type: str) -> NamedMention | None:
    """"Nghị quyết Đại hội VII": the congress of the same ordinal named in full elsewhere in the text."""
    if doc_type != "Resolution":
        return None
    c = SHORT_CONGRESS_RE.match(body)
    if not c:
        return None
    label = _norm_label(m.group("head") + " " + c.group(0))
    return NamedMention(m.start(), m.end() + c.end(), doc_type, label, f"?dai-hoi-{c.group('ord').lower()}", False)


def _resolve_short_congress(found: list[NamedMention]) -> list[NamedMention]:
    full = {nm.key.rsplit("-", 1)[1]: nm for nm in found if nm.key.startswith("nghi-quyet-dai-hoi-")}
    out = []
    for nm in found:
        if nm.key.startswith("?dai-hoi-"):
            same = full.get(nm.key.rsplit("-", 1)[1])
            if same is None:
                continue  # which congress is not said
            nm.key, nm.national, nm.province = same.key, same.national, same.province
        out.append(nm)
    return out


def _bare_number(text: str, m: re.Match[str], seg_end: int, doc_type: str, province: str | None,
                 unknown_scope: str) -> NamedMention | None:
    b = BARE_NUMBER_RE.match(text, m.end())
    if not b:
        return None
    d = DATE_RE.match(text, b.end())
    if not d:
        return None
    date = find_dates(d.group(0))[0].iso
    pos, issuer = d.end(), None
    of = re.compile(r"\s*,?\s*của\s+", re.I).match(text, pos)
    if of:
        hit = match_body(text, of.end(), province, unknown_scope)
        if hit:
            issuer, pos = hit
    end = pos
    about = re.compile(r"\s*,?\s*về\s+").match(text, pos)
    if about:
        hard = HARD_STOP_RE.search(text, about.end(), about.end() + 600)
        end = hard.start() if hard else min(len(text), about.end() + 300)
        words = text[pos:end].split()[:MAX_WORDS]
        end = pos + len(text[pos:end]) if len(words) < MAX_WORDS else text.find(words[-1], pos) + len(words[-1])
    label = _norm_label(text[m.start():end])
    key = f"{doc_type.lower()}-so-{b.group('n')}-{date}"
    return NamedMention(m.start(), end, doc_type, label, key, False, date=date, issuer=issuer,
                        bare_number=b.group("n"))


def _titled(text: str, m: re.Match[str], doc_type: str, province: str | None,
            unknown_scope: str) -> NamedMention | None:
    hit = read_titled(text, m, province, unknown_scope)
    if hit is None:
        return None
    end, raw, issuer = hit
    label = _norm_label(raw)
    if label.isupper():
        label = label[0] + label[1:].lower()
    cites = SYMBOL_RE.search(label) is not None  # "… thực hiện Nghị quyết số 01/NQ-CP … của Chính phủ"
    if cites:
        issuer = None
    said = not cites and bool(re.search(r"quốc gia|toàn quốc|của Đảng|Chính phủ|cả nước|Trung ương", label, re.I)) \
        and not re.search(r"\btỉnh\b", label)
    national = said or KNOWN_RE.match(label) is not None  # its words say so, or a national programme
    return NamedMention(m.start(), end, doc_type, label, _key(label), national, issuer=issuer)
