"""Which province a text is about: from its sidecar, its header, or the places it names. Never guessed."""

from __future__ import annotations

import re
from collections import Counter

from kg.extraction.bodies import PROVINCE_ALT, canonical_province

_QUALIFIED = re.compile(rf"(?:tỉnh|thành\s+phố|TỈNH|THÀNH\s+PHỐ|Tỉnh|Thành\s+phố|[Tt]ỉnh\s+ủy|[Tt]hành\s+ủy)\s+"
                        rf"(?P<p>{PROVINCE_ALT})(?!\w)")
_QUALIFIED_UPPER = re.compile(rf"(?:TỈNH|THÀNH\s+PHỐ)\s+(?P<p>{PROVINCE_ALT.upper()})(?!\w)")
_PLACE_DATE = re.compile(rf"(?P<p>{PROVINCE_ALT}),\s+ngày\s+\d")


def detect_province(text: str, header_len: int = 600) -> str | None:
    """The province a text belongs to, or None when the text never names one."""
    head = text[:header_len]
    m = _QUALIFIED_UPPER.search(head) or _PLACE_DATE.search(head)
    if m:
        return canonical_province(m.group("p").title() if m.group("p").isupper() else m.group("p"))
    counts = Counter(canonical_province(m.group("p")) for m in _QUALIFIED.finditer(text))
    if not counts:
        return None
    (best, n), *rest = [*counts.most_common(2), (None, 0)]
    return best if n > rest[0][1] else None
