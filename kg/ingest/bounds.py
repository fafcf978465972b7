"""Bounds on decoded text, applied before normalisation and extraction (each with a warning line).

Both keep every character offset valid against the text as read, so provenance spans stay exact: a text
over :data:`~kg.limits.MAX_TEXT_CHARS` keeps its prefix up to the last line break before the limit (one of more
than :data:`~kg.limits.MAX_LINES` lines, its first lines), and a
line over :data:`~kg.limits.MAX_LINE_CHARS` gets line breaks in place of spaces (same length).
"""

from __future__ import annotations

import re
from os import PathLike

from kg import limits

from .names import safe_name


def bound_text(path: str | PathLike[str], text: str, warnings: list[str]) -> str:
    """``text`` within the text and line limits; one warning appended per limit applied."""
    if len(text) > limits.MAX_TEXT_CHARS:
        cut = text.rfind("\n", 0, limits.MAX_TEXT_CHARS + 1)
        cut = cut if cut > limits.MAX_TEXT_CHARS // 2 else limits.MAX_TEXT_CHARS
        warnings.append(f"{safe_name(path)}: text cut at {cut} of {len(text)} characters "
                        f"(limit {limits.MAX_TEXT_CHARS})")
        text = text[:cut]
    if text.count("\n", 0, limits.MAX_TEXT_CHARS) >= limits.MAX_LINES:
        cut = -1
        for _ in range(limits.MAX_LINES):
            cut = text.find("\n", cut + 1)
        warnings.append(f"{safe_name(path)}: text cut after line {limits.MAX_LINES} of {text.count(chr(10)) + 1}")
        text = text[:cut + 1]
    long_lines = 0

    def wrap(m: re.Match[str]) -> str:
        nonlocal long_lines
        wrapped = _wrap_line(m.group(0))
        long_lines += wrapped != m.group(0)
        return wrapped

    text = re.sub(rf"[^\n]{{{limits.MAX_LINE_CHARS + 1},}}", wrap, text)
    if long_lines:
        warnings.append(f"{safe_name(path)}: {long_lines} line(s) over {limits.MAX_LINE_CHARS} characters "
                        "broken at spaces")
    return text


def _wrap_line(line: str) -> str:
    """Replace a space by a line break at most every MAX_LINE_CHARS characters (a line without spaces stays)."""
    chars = list(line)
    start = 0
    while len(chars) - start > limits.MAX_LINE_CHARS:
        space = line.rfind(" ", start + 1, start + limits.MAX_LINE_CHARS + 1)
        if space < 0:
            space = line.find(" ", start + limits.MAX_LINE_CHARS)
            if space < 0:
                break
        chars[space] = "\n"
        start = space + 1
    return "".join(chars)
