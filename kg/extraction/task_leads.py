"""Lead agencies of tasks: one body per agency named in a lead cell or phrase («Sở KH&ĐT», «Bộ Xây dựng, Bộ
Tài chính», «UBND các huyện», «Vụ Kế hoạch - Tài chính»)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extraction.bodies import agency, match_body
from kg.extraction.lang_vi import agencies as agency_data
from kg.extraction.lang_vi import task_cues as cues
from kg.extraction.text import slug, squash
from kg.model import Body


@dataclass(slots=True)
class TaskContext:
    province: str | None
    unknown_scope: str
    year: int | None


_HEADS = "|".join(re.escape(h).replace(r"\ ", r"\s+")
                  for h in (*agency_data.HEADS, "Bộ", "Ngân hàng", "Tổng cục", *cues.NATIONAL_UNIT_HEADS))
# "Sở A, Sở B và Ban C": split at commas and "và" only where a new body begins.
HEAD_RE = re.compile(rf"(?:{_HEADS})(?!\w)")  # a name that opens with the head of a body
SPLIT_RE = re.compile(rf"\s*[,;]\s*(?=(?:{_HEADS})(?!\w))|\s+và\s+(?=(?:{_HEADS})(?!\w))")
MAX_OPEN_WORDS = 12  # an agency not in the vocabulary is taken as written only when its name is short
GENERIC_RE = re.compile(r"(?i)các\s|\bliên\s+quan\b|^(?:UBND|Ủy\s+ban\s+nhân\s+dân)\s+(?:cấp\s+)?(?:huyện|xã)")
# «UBND các huyện, thị xã»: a class of People's Committees, which leads like one body.
COMMITTEES_RE = re.compile(r"(?:UBND|Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân)\s+(?:các\s|cấp\s+(?:huyện|xã)(?!\w))")
UNIT_RE = re.compile("|".join(re.escape(h) + r"\s" for h in cues.NATIONAL_UNIT_HEADS))


def national_unit(name: str) -> Body | None:
    """A ministry's department named as written («Vụ Hợp tác quốc tế»), a national body."""
    name = squash(name).strip(" ,;.-")
    if not UNIT_RE.match(name) or len(name.split()) > MAX_OPEN_WORDS:
        return None
    return Body(name=name, key=slug(name), scope="vn", kind="Agency")


def known_body(name: str, ctx: TaskContext) -> Body | None:
    """The body a name denotes in the vocabulary (whole name), or a ministry's department."""
    body = agency(name, ctx.province, ctx.unknown_scope, strict=True)
    if body is None:
        hit = match_body(name, 0, ctx.province, ctx.unknown_scope)
        body = hit[0] if hit and hit[1] >= len(name) - 1 else None
    return body or national_unit(name)


def lead_bodies(cell: str, ctx: TaskContext, generic: bool = True, open_names: bool = True) -> list[Body]:
    """The bodies of a lead cell, in order. A class of bodies («UBND các huyện») is kept as written when
    `generic`; addressees in a sentence («các cơ quan, đơn vị») are no lead, a class of People's Committees is.
    Names outside the vocabulary are taken as written only when `open_names`."""
    out: list[Body] = []
    parts = [p.strip(" ,;.-") for p in SPLIT_RE.split(squash(cell))]
    # «Các sở, ngành và UBND các huyện»: addressees, none of them leads; «UBND các huyện, thị xã» alone leads
    alone = not any(GENERIC_RE.search(p) and not COMMITTEES_RE.match(p) for p in parts)
    for part in parts:
        committees = alone and bool(COMMITTEES_RE.match(part))
        if not part or (not generic and GENERIC_RE.search(part) and not committees):
            continue
        body = known_body(part, ctx)
        if body is None and (open_names or committees) and len(part.split()) <= MAX_OPEN_WORDS:
            body = agency(part, ctx.province, ctx.unknown_scope)
        if body is not None and all(b.name != body.name for b in out):
            out.append(body)
    return out
