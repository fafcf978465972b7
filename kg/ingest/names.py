"""File names as text that can always be encoded and printed safely.

POSIX file names are bytes: Python decodes those that are not valid UTF-8 with lone surrogates, which no
UTF-8 writer (N-Quads, JSON, the terminal) accepts. :func:`safe_name` spells such bytes ``\\xff`` and
terminal control characters (ESC sequences, BEL, DEL, C1) as escapes, so a name is never printed raw.
"""

from __future__ import annotations

import os
import re
from os import PathLike

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def safe_name(path: str | PathLike[str]) -> str:
    """``path`` as printable, encodable text: invalid UTF-8 bytes and control characters escaped."""
    s = os.fspath(path)
    if _has_surrogate(s):
        errors = "surrogateescape" if _escapable(s) else "backslashreplace"
        s = s.encode("utf-8", errors).decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), s)


def _has_surrogate(s: str) -> bool:
    return any("\ud800" <= c <= "\udfff" for c in s)


def _escapable(s: str) -> bool:
    """Only surrogate escapes of bytes (U+DC80..U+DCFF), which map back to the original bytes."""
    return all(not ("\ud800" <= c <= "\udfff") or "\udc80" <= c <= "\udcff" for c in s)


def is_clean_text(s: str) -> bool:
    """True when ``s`` encodes as UTF-8 (no lone surrogates)."""
    return not _has_surrogate(s)
