"""Unicode clean-up of raw document text, with offsets that map back to the original.

:func:`normalize` applies NFC, one tone-placement style, look-alike and space/dash folding, and
line-ending clean-up. :func:`strip_boilerplate` blanks portal boilerplate without changing offsets.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# --------------------------------------------------------------------------- character tables
# Source: Unicode 15 character database (general category Zs / Pd, Cf) picked for what occurs in
# Vietnamese web pages and Word exports.

#: No-break and fixed-width spaces -> U+0020.
SPACE_CHARS = "\u00a0\u2007\u2009\u200a\u202f\u3000\u2002\u2003\u2004\u2005\u2006\u2008\u205f"
#: Hyphens, dashes and minus signs -> "-" (U+2010..U+2015, MINUS SIGN, small and fullwidth hyphen-minus).
DASH_CHARS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
#: Zero-width characters (and BOM) that are removed (length-changing).
ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\ufeff"
#: Line breaks other than LF that become LF (length-preserving; CRLF is handled separately).
LINE_BREAK_CHARS = "\r\f\v\x85\u2028\u2029"
#: Latin capital/small ETH (Icelandic) used by mistake for Vietnamese D WITH STROKE.
LOOKALIKES = {"\u00d0": "\u0110", "\u00f0": "\u0111"}

_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys(SPACE_CHARS, " "),
        **dict.fromkeys(DASH_CHARS, "-"),
        **dict.fromkeys(LINE_BREAK_CHARS, "\n"),
        **LOOKALIKES,
    }
)
_TRANSLATED_RE = re.compile("[" + re.escape("".join(map(chr, _TRANSLATE))) + "]")


def _translate(text: str) -> str:
    """``text.translate(_TRANSLATE)``, one ``replace`` per character of the table the text holds (most texts hold
    none or one; `str.translate` looks every character of the text up, 25x slower). No character is replaced by
    one the table maps, so the order of the replacements does not matter."""
    for c in set(_TRANSLATED_RE.findall(text)):
        text = text.replace(c, _TRANSLATE[ord(c)])
    return text

# Tone placement, "new" style (as in the gold data): in a syllable ending in oa / oe / uy the tone
# mark sits on the first vowel: hoà -> hòa, khoẻ -> khỏe, thuỷ -> thủy. Source: the five tones
# (grave, acute, hook above, tilde, dot below) applied to a, e, y in NFC.
_TONED = {
    "a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ",
    "o": "òóỏõọ", "u": "ùúủũụ",
}
_PAIRS = {"o": "ae", "u": "y"}


def _build_tone_map() -> dict[str, str]:
    out: dict[str, str] = {}
    for first, seconds in _PAIRS.items():
        for second in seconds:
            for tone in range(5):
                old, new = first + _TONED[second][tone], _TONED[first][tone] + second
                for up1 in (False, True):
                    for up2 in (False, True):
                        key = (old[0].upper() if up1 else old[0]) + (old[1].upper() if up2 else old[1])
                        out[key] = (new[0].upper() if up1 else new[0]) + (new[1].upper() if up2 else new[1])
    return out


#: "oà" -> "òa", "Uỷ" -> "Ủy", ... (old placement -> new placement).
TONE_MAP: dict[str, str] = _build_tone_map()
# Only at the end of a syllable (next char is neither a letter nor a combining mark, which would carry
# a second tone: moving the first one would leave text that is no longer NFC), and not after q.
_TONE_RE = re.compile(
    "(?<![qQ])([oO][" + _TONED["a"] + _TONED["e"] + _TONED["a"].upper() + _TONED["e"].upper()
    + "]|[uU][" + _TONED["y"] + _TONED["y"].upper() + r"])(?![^\W\d_]|[\u0300-\u036f])"
)
_REMOVED = ZERO_WIDTH_CHARS + "\r"
_SLOW_RE = re.compile(f"[{ZERO_WIDTH_CHARS}]|\r\n")


def _fix_tones(text: str) -> str:
    return _TONE_RE.sub(lambda m: TONE_MAP[m.group(1)], text)


@dataclass(frozen=True, slots=True)
class CleanText:
    """Normalised text plus the way back to offsets of the original text."""

    text: str
    original: str
    _map: tuple[int, ...] | None = None

    @property
    def is_identity(self) -> bool:
        """True when cleaned offsets equal original offsets."""
        return self._map is None

    def to_original(self, i: int) -> int:
        """Offset ``i`` in :attr:`text` (0 <= i <= len(text)) -> offset in :attr:`original`."""
        if not 0 <= i <= len(self.text):
            raise IndexError(f"offset {i} outside 0..{len(self.text)}")
        return i if self._map is None else self._map[i]

    def to_original_span(self, start: int, end: int) -> tuple[int, int]:
        """Span ``[start, end)`` of :attr:`text` -> span of :attr:`original`.

        Unlike ``to_original(end)``, the end does not swallow removed characters (zero-width chars,
        the CR of a CRLF) that sit between the span and the next character.
        """
        o_start, o_end = self.to_original(start), self.to_original(end)
        if self._map is not None and end > start:
            floor = self._map[end - 1] + 1
            while o_end > floor and self.original[o_end - 1] in _REMOVED:
                o_end -= 1
        return o_start, o_end


def normalize(text: str) -> CleanText:
    """NFC, new-style tones, Đ look-alike, spaces, dashes, line breaks; zero-width chars removed."""
    if unicodedata.is_normalized("NFC", text) and not _SLOW_RE.search(text):
        return CleanText(_fix_tones(_translate(text)), text, None)
    composed, offsets = _nfc_with_map(text)
    cleaned = _fix_tones(_translate(composed))
    return CleanText(cleaned, text, tuple(offsets))


def _nfc_with_map(text: str) -> tuple[str, list[int]]:
    """NFC of ``text`` without zero-width chars and with CRLF -> LF; map[i] = original offset."""
    out: list[str] = []
    offsets: list[int] = []
    cluster: list[str] = []
    start = 0
    combining, is_nfc, nfc = unicodedata.combining, unicodedata.is_normalized, unicodedata.normalize

    def flush() -> None:
        if not cluster:
            return
        src = "".join(cluster)
        dst = nfc("NFC", src)
        out.append(dst)
        # Whole clusters map exactly; inside a recomposed cluster the k-th char maps to the k-th source char.
        last = start + len(src) - 1
        offsets.extend(min(start + k, last) for k in range(len(dst)))

    n = len(text)
    crlf_at = -1
    for i, c in enumerate(text):
        if c in ZERO_WIDTH_CHARS:
            continue
        if c == "\r" and i + 1 < n and text[i + 1] == "\n":
            crlf_at = i  # the LF stands for the pair and maps to the CR
            continue
        if cluster and (combining(c) or (not is_nfc("NFC", cluster[-1] + c) and is_nfc("NFC", c))):
            cluster.append(c)
            continue
        flush()
        cluster = [c]
        start = crlf_at if crlf_at >= 0 and crlf_at == i - 1 else i
    flush()
    offsets.append(n)
    return "".join(out), offsets


# --------------------------------------------------------------------------- boilerplate

#: Portal block headings: from the first line that is exactly one of these to the end is boilerplate.
BOILERPLATE_HEADINGS = (
    "Tin mới nhất", "Văn bản mới", "Tin liên quan", "Tin cùng chuyên mục", "Các tin khác", "Tin khác",
    "Bài viết liên quan", "Xem thêm",
)
_HEADING_LINE_RE = re.compile(
    r"^[ \t]*(?:" + "|".join(map(re.escape, BOILERPLATE_HEADINGS)) + r")[ \t]*:?[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
#: Widget lines blanked wherever they are: poll, visitor counter, font-size and print/share buttons.
_WIDGET_LINE_RE = re.compile(
    r"^[ \t]*(?:"
    r"\d[\d.,]*[ \t]+người[ \t]+(?:đã[ \t]+bình[ \t]+chọn|đang[ \t]+(?:online|trực[ \t]+tuyến))\W*"
    r"|Đánh giá của bạn(?:[ \t]+về\b[^\n]*)?"
    r"|Mặc định[ \t]+Cỡ chữ\b[^\n]*"
    r"|In bài viết\W*"
    r"|Chia sẻ(?:[ \t]*:)?(?:[ \t]+(?:facebook|zalo|twitter|email))*\W*"
    r"|Bình chọn\W*"
    r")[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
#: Page counters blanked where they stand in a line: "Lượt xem: 1.208", "Số lượt truy cập: 2.315.908", "Đã xem:
#: 1.234 lượt", and a bare "| 486 lượt xem" after a dateline's bar or at a line's start (in prose, visits are figures).
_COUNTER_RE = re.compile(
    r"(?:\bSố[ \t]+lượt[ \t]+truy[ \t]+cập|\bLượt[ \t]+(?:xem|truy[ \t]+cập)|\bĐã[ \t]+xem)[ \t]*:?[ \t]*\d[\d.,]*"
    r"(?:[ \t]+lượt\b)?"
    r"|(?:(?<=\|)|^)[ \t]*\d[\d.,]*[ \t]+lượt[ \t]+xem\b",
    re.MULTILINE,
)
_NOT_NEWLINE_RE = re.compile(r"[^\n]")


def _blank(m: re.Match[str]) -> str:
    return _NOT_NEWLINE_RE.sub(" ", m.group(0))


def strip_boilerplate(text: str) -> str:
    """Blank portal boilerplate with spaces (newlines kept): the result has the same length."""
    m = _HEADING_LINE_RE.search(text)
    if m:
        text = text[: m.start()] + _NOT_NEWLINE_RE.sub(" ", text[m.start():])
    text = _WIDGET_LINE_RE.sub(_blank, text)
    # every counter holds "xem" or "truy" (a cheap test first: the pattern is tried at each position)
    return _COUNTER_RE.sub(_blank, text) if "xem" in text or "truy" in text else text
