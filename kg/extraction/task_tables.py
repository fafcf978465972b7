"""Task tables: ``STT | Nhiệm vụ | Đơn vị chủ trì | [Đơn vị phối hợp |] Thời gian``, either flattened into
cells (one ``|`` line between cells, as readers emit tables) or one row per line with cells inline
(``2 | Xây dựng đề án … | Sở Giao thông vận tải | Sở Công Thương | Quý III/2025``); inline rows also without a
number under a header that opens with the task column (``Nhiệm vụ | Đơn vị chủ trì | Thời gian``).

Group rows (``II | Phát triển du lịch | Phát triển du lịch | …``, a Roman numeral or letter first, the merged
text repeated in every cell) head the rows under them and are not tasks.
"""

from __future__ import annotations

import re

from kg.extraction.task_deadlines import as_written, normalise_deadline
from kg.extraction.task_leads import TaskContext, lead_bodies
from kg.extraction.text import squash, trimmed
from kg.model import Body, Span, Task

GROUP_ROW_RE = re.compile(r"[IVX]{1,5}\.?|[A-Đ]\.?")
ROW_START_RE = re.compile(r"\d{1,3}\.?|[IVX]{1,5}\.?|[A-Đ]\.?")
ORDER_RE = re.compile(r"\d{1,3}(?:\.\d{1,2})?\.?")
HEADER_ROLES = (("chủ trì", "lead"), ("phối hợp", "coop"), ("thời gian", "deadline"), ("thời hạn", "deadline"),
                ("tiến độ", "deadline"), ("hoàn thành", "deadline"), ("nhiệm vụ", "label"), ("nội dung", "label"),
                ("tên", "label"), ("danh mục", "label"), ("đề án", "label"), ("công việc", "label"),
                ("kết quả", "other"), ("sản phẩm", "other"), ("ghi chú", "other"),
                ("thực hiện", "lead"), ("stt", "order"), ("tt", "order"))
ORDER_HEADS = ("STT", "TT", "SỐ TT")


def roles_of(heads: list[str]) -> list[str]:
    """The role of each header cell (order, label, lead, coop, deadline, other)."""
    roles = []
    for h in heads:
        low = squash(h).lower()
        roles.append(next((r for k, r in HEADER_ROLES if k in low), "other"))
    return roles


def _is_order_head(cell: str) -> bool:
    t = squash(cell).upper()
    return t in ORDER_HEADS or t.split(" ")[-1:] == ["STT"]


def cell_table_tasks(text: str, cells: list[tuple[int, int]], ctx: TaskContext) -> list[Task]:
    """Tasks of tables flattened into cells."""
    out: list[Task] = []
    i = 0
    while i < len(cells):
        if not _is_order_head(text[cells[i][0]:cells[i][1]]):
            i += 1
            continue
        j = i + 1
        while j < len(cells) and not ROW_START_RE.fullmatch(squash(text[cells[j][0]:cells[j][1]])) and j - i <= 8:
            j += 1
        roles = ["order", *roles_of([text[a:b] for a, b in cells[i + 1:j]])]
        if "label" not in roles:
            i = j
            continue
        ncols = len(roles)
        while j < len(cells):
            first = squash(text[cells[j][0]:cells[j][1]])
            if GROUP_ROW_RE.fullmatch(first):
                j += ncols  # "I | LĨNH VỰC KINH TẾ | | |": a group heading row
                continue
            if not ORDER_RE.fullmatch(first):
                break
            row = cells[j:j + ncols]
            task = row_task(text, {roles[k]: row[k] for k in range(min(ncols, len(row)))}, ctx)
            if task is not None:
                out.append(task)
            j += ncols
        i = j
    return out


_ROW_LINE_RE = re.compile(r"(?m)^[^\n|]*\|[^\n]*$")


def inline_table_tasks(text: str, ctx: TaskContext) -> list[Task]:
    """Tasks of tables written one row per line, cells separated by ``|``."""
    out: list[Task] = []
    roles: list[str] | None = None
    ordered, last_end = True, 0
    for m in _ROW_LINE_RE.finditer(text):
        cells = _split_row(text, m.start(), m.end())
        if len(cells) < 3:
            continue
        first = squash(text[cells[0][0]:cells[0][1]])
        if _is_order_head(first):
            roles = ["order", *roles_of([text[a:b] for a, b in cells[1:]])]
            roles = roles if "label" in roles else None
            ordered = True
            continue
        if roles is None or not ordered:
            heads = [text[a:b] for a, b in cells]
            found = roles_of(heads)
            if found[0] == "label" and {"lead", "deadline"} & set(found) and all(len(h.split()) <= 6 for h in heads):
                roles, ordered, last_end = found, False, m.end()  # «Nhiệm vụ | Đơn vị chủ trì | Thời gian»
                continue
        if roles is None:
            continue
        if not ordered:
            # rows without a number: one per line until a line of prose
            if text[last_end:m.start()].strip() or len(first.split()) < 2:
                roles = None
                continue
            last_end = m.end()
            task = row_task(text, {roles[k]: cells[k] for k in range(min(len(roles), len(cells)))}, ctx)
            if task is not None:
                out.append(task)
            continue
        if not first and any(r in ("lead", "coop") for r in roles_of([text[a:b] for a, b in cells])):
            # "| | Chủ trì | Phối hợp |": the second line of a merged header names the columns under it
            for k, r in enumerate(roles_of([text[a:b] for a, b in cells])):
                if r in ("lead", "coop") and k < len(roles):
                    roles[k] = r
            continue
        if GROUP_ROW_RE.fullmatch(first) or not ORDER_RE.fullmatch(first):
            if len(first.split()) > 3:
                roles = None  # prose, not a row label ("-", "a", "II"): the table has ended
            continue
        task = row_task(text, {roles[k]: cells[k] for k in range(min(len(roles), len(cells)))}, ctx)
        if task is not None:
            out.append(task)
    return out


def _split_row(text: str, a: int, b: int) -> list[tuple[int, int]]:
    cells, pos = [], a
    for m in re.finditer(r"\|", text[a:b]):
        cells.append(trimmed(text, pos, a + m.start()))
        pos = a + m.end()
    if text[pos:b].strip():
        cells.append(trimmed(text, pos, b))
    return cells


def row_task(text: str, values: dict[str, tuple[int, int]], ctx: TaskContext) -> Task | None:
    """The task of one table row, from its cells by role."""
    if "label" not in values:
        return None
    a, b = values["label"]
    raw = text[a:b]
    label = squash(raw)
    if not label:
        return None
    start = a + len(raw) - len(raw.lstrip())
    leads: list[Body] = []
    if "lead" in values:
        la, lb = values["lead"]
        leads = lead_bodies(text[la:lb], ctx)
    coops: list[Body] = []
    if "coop" in values:
        ca, cb = values["coop"]
        coops = lead_bodies(text[ca:cb], ctx)
    deadline = norm = None
    if "deadline" in values:
        da, db = values["deadline"]
        deadline = as_written(text[da:db]) or None  # a cell «trong Quý IV» gives «Quý IV»
        norm = normalise_deadline(deadline, ctx.year) if deadline else None
    a2, b2 = trimmed(text, start, b)
    return Task(Span(a2, b2, text[a2:b2], ""), label, 0, "Task", leads[0] if leads else None, coops, deadline, norm,
                leads=leads[1:])
