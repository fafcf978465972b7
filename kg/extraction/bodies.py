"""Issuing bodies: recognise the phrases that name them and build one `Body` per body and scope."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extraction.lang_vi import agencies as agency_data
from kg.extraction.lang_vi import bodies as data
from kg.extraction.lang_vi.provinces import CITIES, PROVINCES, VARIANTS
from kg.extraction.text import slug, spaced, squash
from kg.model import Body

_PROVINCE_NAMES = sorted({*PROVINCES, *VARIANTS}, key=len, reverse=True)
PROVINCE_ALT = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in _PROVINCE_NAMES)
_UNIT = rf"(?:tỉnh|thành\s+phố)(?:\s+(?P<prov>{PROVINCE_ALT}))?"


def canonical_province(name: str) -> str:
    name = squash(name)
    for p in PROVINCES:
        if p.lower() == name.lower():
            return p
    for v, p in VARIANTS.items():
        if v.lower() == name.lower():
            return p
    return name


def _compile() -> list[tuple[re.Pattern[str], str, bool]]:
    pats: list[tuple[re.Pattern[str], str, bool]] = []
    for frag, key in data.PROVINCIAL_PATTERNS:
        frag = frag.replace(" ", r"\s+").replace("UNIT", _UNIT)
        if "(?P<prov>" not in frag:
            frag += rf"(?:\s+(?P<prov>{PROVINCE_ALT}))?"
        pats.append((re.compile(frag, re.I), key, True))
    pats.append((re.compile(rf"chủ\s+tịch\s+(?:ủy\s+ban\s+nhân\s+dân|ubnd)\s+{_UNIT}", re.I), "chu-tich-ubnd", True))
    pats.append((re.compile(rf"đại\s+hội\s+(?:đại\s+biểu\s+)?đảng\s+bộ\s+{_UNIT}", re.I), "dai-hoi-dang-bo", True))
    for frag, key in data.NATIONAL_PATTERNS:
        pats.append((re.compile(frag.replace(" ", r"\s+"), re.I), key, False))
    for name in sorted(data.MINISTRIES, key=len, reverse=True):
        frag = re.escape(name).replace(r"\ ", r"\s+").replace(r"\-", r"\s*-\s*")
        pats.insert(0, (re.compile(frag, re.I), "ministry:" + name, False))
    return pats


_PATTERNS = _compile()
_OPEN_HEAD = "|".join(h.replace(" ", r"\s+") for h in data.OPEN_NATIONAL_HEADS)
OPEN_HEAD_RE = re.compile(rf"(?:{_OPEN_HEAD})(?!\w)", re.I)
_OPEN_STOP_RE = re.compile(r"\s*(?:[;:.()\[\]\n|“”\"]|,(?!\s*[a-zà-ỹđ])|(?:"
                           + spaced(data.OPEN_NAME_STOPS) + r")(?!\w))")
_OPEN_WORD_RE = re.compile(r"\s*,?\s*[\w\-–]+")
_OPEN_MARK_RE = re.compile("|".join(m.replace(" ", r"\s+") for m in data.OPEN_NATIONAL_MARKS), re.I)
BODY_START_RE = re.compile("|".join(f"(?:{p.pattern})" for p, _, _ in _PATTERNS).replace("(?P<prov>", "(?:")
                           + f"|{OPEN_HEAD_RE.pattern}", re.I)


def national(key: str) -> Body:
    if key.startswith("ministry:"):
        name = key.split(":", 1)[1]
        return Body(name=name, key=slug(name), scope="vn", kind="StateBody",
                    abbreviations=(data.MINISTRIES[name],))
    name, kind, abbr = data.NATIONAL[key]
    return Body(name=name, key=key, scope="vn", kind=kind, abbreviations=abbr)


MINISTRY_BY_CODE = {code: name for name, code in data.MINISTRIES.items()}


def provincial(key: str, province: str | None, unknown_scope: str) -> Body:
    """The body `key` of `province` (or of an unnamed province, scoped to one text)."""
    template, kind, abbr = data.PROVINCIAL[key]
    city = province in CITIES
    fields = {"unit": "thành phố" if city else "tỉnh", "Unit_party": "Thành ủy" if city else "Tỉnh ủy",
              "province": province or ""}
    name = squash(template.format(**fields))
    abbrs = tuple(squash(a.format(**fields)) for a in abbr)
    if province is None and name == "Tỉnh ủy":
        name = "Tỉnh ủy"
    return Body(name=name, key=key, scope=slug(province) if province else unknown_scope, kind=kind,
                abbreviations=abbrs)


def match_body(text: str, pos: int, province: str | None, unknown_scope: str) -> tuple[Body, int] | None:
    """The body named at `pos` of `text` (e.g. after "của"), and where its name ends."""
    m = _first_pattern_re().match(text, pos)
    if m is None:
        return _open_national(text, pos)
    i = int(m.lastgroup[2:])  # type: ignore[index]  # the outermost group, "_b<i>", closes last
    _, key, is_local = _PATTERNS[i]
    if is_local:
        named = m.group(f"prov_{i}") if f"prov_{i}" in m.re.groupindex else None
        unit_city = "thành phố" in m.group(0).lower() or "thành ủy" in m.group(0).lower()
        prov = canonical_province(named) if named else province
        if unit_city and not named and province not in CITIES:
            return None  # "UBND thành phố" of a provincial city, not the province
        key = data.SIGNS_FOR.get(key, key) if key == "chu-tich-ubnd" else key
        return provincial(key, prov, unknown_scope), m.end()
    return national(key), m.end()


@lru_cache(maxsize=1)
def _first_pattern_re() -> re.Pattern[str]:
    """`_PATTERNS` as one alternation, `(?P<_b0>…)|(?P<_b1>…)|…` in their order: its match at a position is
    the first pattern's that matches there, as a loop over them would find (one regex call instead of ~60).
    Each keeps its own case flag; named groups get the pattern's number (`prov` -> `prov_3`)."""
    parts = []
    for i, (pat, _, _) in enumerate(_PATTERNS):
        if re.search(r"\\[1-9]|\(\?P=", pat.pattern):
            raise ValueError(f"a body pattern with a back-reference cannot join the alternation: {pat.pattern}")
        body = re.sub(r"\(\?P<(\w+)>", rf"(?P<\g<1>_{i}>", pat.pattern)
        parts.append(f"(?P<_b{i}>(?{'i' if pat.flags & re.I else '-i'}:{body}))")
    return re.compile("|".join(parts))


def bodies_in(text: str, province: str | None, unknown_scope: str) -> list[tuple[Body, int, int]]:
    """Every body named in `text`, in order, none inside another's name ("Trung ương" in "Ban Chỉ đạo Trung
    ương về …")."""
    out: list[tuple[Body, int, int]] = []
    for m in BODY_START_RE.finditer(text):
        if out and m.start() < out[-1][2]:
            continue
        hit = match_body(text, m.start(), province, unknown_scope)
        if hit is not None:
            out.append((hit[0], m.start(), hit[1]))
    return out


def _open_national(text: str, pos: int) -> tuple[Body, int] | None:
    """A national body named without a fixed vocabulary ("Ban Chỉ đạo Trung ương về phòng, chống tham nhũng")."""
    head = OPEN_HEAD_RE.match(text, pos)
    if head is None:
        return None
    end, words = head.end(), 0
    while words < data.OPEN_NAME_MAX_WORDS and not _OPEN_STOP_RE.match(text, end):
        w = _OPEN_WORD_RE.match(text, end)
        if w is None:
            break
        end, words = w.end(), words + 1
    name = squash(text[pos:end]).rstrip(" ,-–")
    if not words or not _OPEN_MARK_RE.search(name):
        return None
    name = name[0].upper() + name[1:]
    end = pos + len(text[pos:end].rstrip(" ,-–"))
    return Body(name=name, key=slug(name, 120), scope="vn", kind="Organization"), end


@lru_cache(maxsize=1)
def _agency_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for full, abbrs in agency_data.AGENCIES.items():
        index[_akey(full)] = full
        head = next((h for h in agency_data.HEADS if full.startswith(h + " ")), full.split()[0])
        for a in abbrs:
            index[_akey(a)] = full
            index[_akey(f"{head} {a}")] = full
    return index


def _akey(text: str) -> str:
    return re.sub(r"[\s.]+", "", text).upper()


def agency(name: str, province: str | None, unknown_scope: str, strict: bool = False) -> Body | None:
    """A provincial agency from a table cell or phrase ("Sở KH&ĐT" -> Sở Kế hoạch và Đầu tư).

    Its label names the province ("Sở Kế hoạch và Đầu tư tỉnh Kiên Giang"): one node per agency per
    province; the plain name and the abbreviation are alternative labels.
    """
    name = squash(name).strip(" ,;.-")
    if not name or len(name) > 120:
        return None
    full = _agency_index().get(_akey(name))
    if full is None:
        if strict or not any(name.startswith(h + " ") or name == h for h in agency_data.HEADS):
            return None
        full = name
    parent = provincial("ubnd", province, unknown_scope)
    unit = "thành phố" if province in CITIES else "tỉnh"
    plain = full[: -len(" tỉnh")] if full.endswith(" tỉnh") else full
    display = f"{plain} {unit} {province}" if province else full
    abbr = tuple(dict.fromkeys(a for a in (full, name) if a != display))
    return Body(name=display, key=slug(plain), scope=parent.scope, kind="Agency", abbreviations=abbr,
                parent=parent)


def sub_unit(cell: str, parent: Body, province: str | None, unknown_scope: str) -> Body | None:
    """The unit of `parent` that a header's line under it names ("VĂN PHÒNG" under "ỦY BAN NHÂN DÂN TỈNH X"
    is Văn phòng Ủy ban nhân dân tỉnh X; "BAN THƯỜNG VỤ" under "TỈNH ỦY X" is its Ban Thường vụ); a
    department ("SỞ TÀI CHÍNH") under the People's Committee is that agency."""
    cell = squash(cell).strip(" ,.*")
    if not cell or not cell.isupper():
        return None
    if parent.key == "ubnd" and cell.lower().startswith("sở "):
        return agency(cell, province, unknown_scope, strict=True)
    unit = data.HEADER_SUB_UNITS.get(re.sub(r"\s*[-–]\s*", " - ", cell.lower()))
    if unit is None:
        return None
    key = data.HEADER_SUB_UNIT_KEYS.get((unit, parent.key))
    if key is not None:
        return provincial(key, province, unknown_scope)
    if parent.key == "ubnd" and (office := agency(f"{unit} {parent.abbreviations[0]}", province, unknown_scope,
                                                  strict=True)):
        return office  # "Văn phòng UBND tỉnh": the agency of the task tables, one node
    return Body(name=f"{unit} {parent.name}", key=f"{slug(unit)}-{parent.key}", scope=parent.scope,
                kind=parent.kind, abbreviations=tuple(f"{unit} {a}" for a in parent.abbreviations[:1]),
                parent=parent)
