"""SPARQL parser errors as one line a person can act on, the same in `kg query` and at the endpoint.

pyoxigraph reports an undeclared prefix as the grammar it expected ("expected one of Prefix not found, ['%'],
['-' | '0' ..= '9' | …"): that becomes "unknown prefix foo:" with how to declare it and the prefixes usable
without declaring. Other messages keep their line and column, on one line, cut at 300 characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MAX_LENGTH = 300
_AT = re.compile(r"^error at (\d+):(\d+): ")
_PREFIXED_END = re.compile(r"([A-Za-z][\w.-]*)?:\S*$")


def describe(error: SyntaxError | str, text: str, known: Iterable[str] = ()) -> str:
    """The parser's message for `text` on one line; an unknown prefix named, with the known ones listed."""
    message = " ".join(str(error).split())
    at = _AT.match(message)
    if at and "Prefix not found" in message:
        line, column = int(at.group(1)), int(at.group(2))
        lines = text.splitlines() or [""]
        before = lines[line - 1][: column - 1] if 0 < line <= len(lines) else ""
        found = _PREFIXED_END.search(before)
        if found:
            name = found.group(1) or ""
            usable = ", ".join(sorted(known))
            return (f"error at {line}:{column}: unknown prefix {name}: (declare it with PREFIX {name}: <…>"
                    + (f"; usable without declaring: {usable})" if usable else ")"))
        return f"{at.group(0)}unknown prefix (declare it with PREFIX name: <…>)"
    return message[:MAX_LENGTH] + ("…" if len(message) > MAX_LENGTH else "")
