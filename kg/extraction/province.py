"""Which province a text is about: from its sidecar, its header, or the places it names. Never guessed."""

from __future__ import annotations

import re
from collections import Counter

from kg.extraction.bodies import BODY_START_RE, PROVINCE_ALT, canonical_province, match_body
from kg.extraction.lang_vi.provinces import AMBIGUOUS_BARE, NOT_PROVINCE_BEFORE
from kg.extraction.text import spaced

_QUALIFIED = re.compile(rf"(?:tỉnh|thành\s+phố|TỈNH|THÀNH\s+PHỐ|Tỉnh|Thành\s+phố|[Tt]ỉnh\s+ủy|[Tt]hành\s+ủy)\s+"
                        rf"(?P<p>{PROVINCE_ALT})(?!\w)")
_PROVINCE_UPPER = PROVINCE_ALT.upper().replace(r"\S+", r"\s+")  # upper() turned the "\s+" between words too
_QUALIFIED_UPPER = re.compile(rf"(?:TỈNH|THÀNH\s+PHỐ)\s+(?P<p>{_PROVINCE_UPPER})(?!\w)")
_PLACE_DATE = re.compile(rf"(?P<p>{PROVINCE_ALT}),\s+ngày\s+\d")
_BARE = re.compile(rf"(?<!\w)(?P<p>{PROVINCE_ALT})(?!\w)")
_BEFORE_WORD = re.compile(r"(?P<w>\w+)[\s\-–]*$")
_AFTER_WORD = re.compile(r"[ \t]*(?:[\-–][ \t]*)?(?P<w>\w+)")
_PLACE_WORD_BEFORE = re.compile(r"(?:^|\s)(?:" + spaced(NOT_PROVINCE_BEFORE)
                                + r")\s*$", re.I)


def detect_province(text: str, header_len: int = 600) -> str | None:
    """The province a text belongs to, or None when the text never names one."""
    head = text[:header_len]
    m = _QUALIFIED_UPPER.search(head)
    if m is None:
        m = _PLACE_DATE.search(head)
        if m is not None and _national_issuer(head[:m.start()]):
            m = None  # "Hà Nội, ngày …" under a national body: where it was signed, not a province's text
    if m:
        return canonical_province(m.group("p").title() if m.group("p").isupper() else m.group("p"))
    counts = Counter(canonical_province(m.group("p")) for m in _QUALIFIED.finditer(text))
    if not counts:
        counts = Counter(canonical_province(m.group("p")) for m in _BARE.finditer(text) if _bare_province(text, m))
    if not counts:
        return None
    (best, n), *rest = [*counts.most_common(2), (None, 0)]
    return best if n > rest[0][1] else None


def _national_issuer(block: str) -> bool:
    """Whether the first body a header block names is a national one (Chính phủ, a ministry, ...)."""
    for m in BODY_START_RE.finditer(block):
        hit = match_body(block, m.start(), None, "unknown")
        if hit is not None:
            return hit[0].scope == "vn"
    return False


def _bare_province(text: str, m: re.Match[str]) -> bool:
    """A province named without "tỉnh" ("xây dựng Quảng Trị trở thành …"): not part of a longer proper name
    (Thừa Thiên Huế, Điện Biên Phủ, Kim Thành - Lào Cai), not a street, river or district of that name."""
    name = canonical_province(m.group("p"))
    if name in AMBIGUOUS_BARE:
        return False
    before = text[max(0, m.start() - 30):m.start()]
    bw = _BEFORE_WORD.search(before)
    if bw is not None and bw.group("w")[0].isupper() and not before.rstrip().endswith((".", ":", ";", "|")):
        return False
    aw = _AFTER_WORD.match(text, m.end())
    if aw is not None and aw.group("w")[0].isupper():
        return False
    return _PLACE_WORD_BEFORE.search(before) is None
