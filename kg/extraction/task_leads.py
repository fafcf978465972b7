"""Lead agencies of tasks: one body per agency named in a lead cell or phrase («Sở KH&ĐT», «Bộ Xây dựng, Bộ
Tài chính», «UBND các huyện»)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extraction.bodies import agency, match_body
from kg.extraction.lang_vi import agencies as agency_data
from kg.extraction.text import squash
from kg.model import Body


@dataclass(slots=True)
class TaskContext:
    province: str | None
    unknown_scope: str
    year: int | None


_HEADS = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in (*agency_data.HEADS, "Bộ", "Ngân hàng", "Tổng cục"))
# "Sở A, Sở B và Ban C": split at commas and "và" only where a new body begins.
SPLIT_RE = re.compile(rf"\s*[,;]\s*(?=(?:{_HEADS})(?!\w))|\s+và\s+(?=(?:{_HEADS})(?!\w))")
MAX_OPEN_WORDS = 12  # an agency not in the vocabulary is taken as written only when its name is short
GENERIC_RE = re.compile(r"(?i)các\s|\bliên\s+quan\b|^(?:UBND|Ủy\s+ban\s+nhân\s+dân)\s+(?:cấp\s+)?(?:huyện|xã)")


def lead_bodies(cell: str, ctx: TaskContext, generic: bool = True, open_names: bool = True) -> list[Body]:
    """The bodies of a lead cell, in order. A class of bodies («UBND các huyện») is kept as written when
    `generic`; addressees in a sentence («các cơ quan, đơn vị») are no lead. Names outside the vocabulary are
    taken as written only when `open_names`."""
    out: list[Body] = []
    for part in SPLIT_RE.split(squash(cell)):
        part = part.strip(" ,;.-")
        if not part or (not generic and GENERIC_RE.search(part)):
            continue
        body = agency(part, ctx.province, ctx.unknown_scope, strict=True)
        if body is None:
            hit = match_body(part, 0, ctx.province, ctx.unknown_scope)
            body = hit[0] if hit and hit[1] >= len(part) - 1 else None
        if body is None and open_names and len(part.split()) <= MAX_OPEN_WORDS:
            body = agency(part, ctx.province, ctx.unknown_scope)
        if body is not None and all(b.name != body.name for b in out):
            out.append(body)
    return out
