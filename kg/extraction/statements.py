"""The year's theme (chủ đề) and motto (phương châm hành động), adopted or draft.

``Chủ đề của năm 2021: Năm thể chế hóa ...``; ``với phương châm hành động: “Đoàn kết, kỷ cương ...”``;
``thống nhất chủ đề năm 2023 là “...”``. A wording under "dự thảo" is a draft; when a text reports a
draft and then the adopted wording, the adopted one is the plan's.
"""

from __future__ import annotations

import re

from kg.extraction.text import UPPER, squash
from kg.model import Span, Statement

STATEMENT_RE = re.compile(
    r"(?P<kind>[Cc]hủ\s+đề|[Pp]hương\s+châm(?:\s+hành\s+động)?)(?:\s+(?:của\s+)?(?:năm\s+)?(?P<year>\d{4}))?"
    r"(?:\s+của\s+[^:“\"\n]{1,40}?(?:\s+năm\s+\d{4})?)?(?:\s+là)?\s*:?\s*"
    r"(?:[“\"](?P<quoted>[^”\"\n]{3,300})[”\"]|" rf"(?P<plain>[{UPPER}][^\n“”\"]{{3,300}}?)(?=\.\s|\.$|\n|$))")
DRAFT_RE = re.compile(r"dự\s+thảo", re.I)
ADOPTED_RE = re.compile(r"thống\s+nhất|chọn|quyết\s+định|thông\s+qua|kết\s+luận", re.I)


def read_statements(text: str) -> list[Statement]:
    out: list[Statement] = []
    seen: set[tuple[str, str, bool]] = set()
    for m in STATEMENT_RE.finditer(text):
        body = m.group("quoted") or m.group("plain")
        if not body:
            continue
        before = text[max(0, m.start() - 300):m.start()]
        para_start = max(before.rfind("\n\n"), -1) + 1
        para = before[para_start:]
        kind = "theme" if m.group("kind").lower().startswith("chủ") else "motto"
        adopted = ADOPTED_RE.search(para[-120:]) is not None
        draft = DRAFT_RE.search(para) is not None and not adopted
        start = m.start("quoted") if m.group("quoted") else m.start("plain")
        value = squash(body).rstrip(" .")
        if (kind == "motto" and len(value.split()) > 25) or (kind, value, draft) in seen:
            continue
        seen.add((kind, value, draft))
        out.append(Statement(kind, value, Span(start, start + len(body), body, squash(text[m.start():m.end()])),
                             int(m.group("year")) if m.group("year") else None, draft))
    return out
