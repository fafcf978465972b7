"""Tasks (nhiệm vụ): task tables, numbered task sections with their bullets, inline ``(1) … (n)`` lists,
the paragraphs of a "Trọng tâm chỉ đạo, điều hành" list, the items of numbered task sub-headings
(`task_subsections`), prose lists (`task_prose`) and assignment sentences (`task_assign`).

A task table is ``STT | Nhiệm vụ | Đơn vị chủ trì | [Đơn vị phối hợp |] Thời gian``, flattened into cells
(readers emit every table so). A numbered task section is a heading such as ``II. NHIỆM VỤ GIẢI PHÁP
CHỦ YẾU`` whose ``1.`` … items are tasks and whose ``-`` bullets are measures under them.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from kg.extraction.bodies import agency
from kg.extraction.task_assign import body_heading, read_assigned, subject_leads
from kg.extraction.task_deadlines import (
    DEADLINE_PHRASE_RE,
    completion_period,
    deadline_in,
    fix_ocr,
    normalise_deadline,
)
from kg.extraction.task_layout import reporting_heading
from kg.extraction.task_leads import TaskContext
from kg.extraction.task_prose import read_prose_tasks
from kg.extraction.task_subsections import subsection_tasks
from kg.extraction.task_tables import cell_table_tasks, inline_table_tasks
from kg.extraction.text import squash, trimmed
from kg.model import Span, Task

__all__ = ["TaskContext", "fix_ocr", "normalise_deadline", "read_tasks"]

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
SECTION_RE = re.compile(r"(?m)^[ \t]*(?P<num>[IVX]{1,5}|[A-Đ])\.[ \t]+"
                        r"(?P<head>[^\n]{2,200}(?:\n(?![ \t]*(?:\d{1,2}\.|-)\s)[^\n]{0,200}){0,3})")
TASK_SECTION_RE = re.compile(r"NHIỆM\s+VỤ|GIẢI\s+PHÁP|Nhiệm\s+vụ|Giải\s+pháp")
ITEM_RE = re.compile(r"(?m)^[ \t]*(?P<n>\d{1,2})\.[ \t]+(?=\S)")
BULLET_RE = re.compile(r"(?m)^[ \t]*(?:[-–•+]|[a-zđ]\))[ \t]+(?=\S)")  # «- …» and «a) …» under an item
INLINE_RE = re.compile(r"\((?P<n>\d{1,2})\)\s*")
ORDINALS = ("Một", "Hai", "Ba", "Bốn", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Mười một", "Mười hai")
ORDINAL_RE = re.compile(r"(?:(?<=[\s:;.])|^)(?P<word>" + "|".join(sorted(ORDINALS, key=len, reverse=True))
                        + r")\s+là\s*[,:]\s*"
                        r"|(?:(?<=[\s:;.])|^)[Tt]hứ\s+(?P<th>nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\s*[,:]\s*")
INLINE_TRIGGER_RE = re.compile(r"(?:nhiệm\s+vụ|giải\s+pháp|trọng\s+tâm)[^.:\n]{0,80}:\s*$"
                               r"|\d{1,2}\s+(?:nhóm\s+)?(?:nhiệm\s+vụ|giải\s+pháp)[^.:\n]{0,80}[.:]\s*$", re.I)
FOCUS_HEAD_RE = re.compile(r"(?m)^[ \t]*(?:\d{1,2}\.\s*|[a-zđ]\)\s*)?"
                           r"(?:Trọng\s+tâm\s+chỉ\s+đạo|Các\s+nhiệm\s+vụ\s+trọng\s+tâm|Nhiệm\s+vụ\s+trọng\s+tâm"
                           r"|Nhiệm\s+vụ\s+và\s+giải\s+pháp|Nhiệm\s+vụ,\s+giải\s+pháp)[^\n]{0,120}:[ \t]*$")
ASSIGN_HEAD_RE = re.compile(r"(?m)^[ \t]*(?:\d{1,2}\.\s*|[IVX]{1,4}\.\s*)?"
                            r"(?:Giao\s+nhiệm\s+vụ|Phân\s+công\s+nhiệm\s+vụ|Phân\s+công\s+thực\s+hiện|Nhiệm\s+vụ\s+cụ\s+thể"
                            r"|Giao\s+các\s+cơ\s+quan)[^\n]{0,80}:[ \t]*$")
ASSIGN_ITEM_RE = re.compile(r"(?m)^[ \t]*(?:[a-zđ]\)|[-–•+]|\d{1,2}\.)[ \t]+(?=\S)")
_VERBS = (r"chủ\s+trì|hoàn\s+thiện|tham\s+mưu|xây\s+dựng|thực\s+hiện|triển\s+khai|phối\s+hợp|trình|rà\s+soát|tổ\s+chức"
          r"|hướng\s+dẫn|báo\s+cáo|theo\s+dõi|đôn\s+đốc|khẩn\s+trương|tập\s+trung|nghiên\s+cứu|chỉ\s+đạo|kiểm\s+tra"
          r"|chuẩn\s+bị|cập\s+nhật|đẩy\s+nhanh|tiếp\s+tục|bố\s+trí|ban\s+hành|lập|hoàn\s+thành")
SUBJECT_RE = re.compile(rf"^(?P<subj>[^,.;:]{{2,80}}?(?:,\s*[^,.;:]{{2,40}}?)?)\s+(?=(?:{_VERBS})\s)")
MAX_LABEL_WORDS = 40
def _span(text: str, start: int, end: int, sentence: str) -> Span:
    a, b = trimmed(text, start, end)
    return Span(a, b, text[a:b], sentence)


def label_of(text: str, limit: int = MAX_LABEL_WORDS) -> str:
    """A task's own text: its first sentence, cut at a comma when it runs long."""
    t = squash(text)
    m = re.search(r"(?<=[.!?])\s|:\s", t)
    if m and m.start() > 20:
        t = t[: m.start()]
    words = t.split()
    if len(words) > limit:
        cut = " ".join(words[:limit])
        comma = cut.rfind(",")
        t = cut[:comma] if comma > len(cut) // 2 else cut
    return t.strip(" ;:,.")


def read_tasks(text: str, cells: list[tuple[int, int]], ctx: TaskContext) -> list[Task]:
    """Every task of the text, in order: tables, numbered sections, assignments, inline and prose lists.

    Readers run from the most structured form to the least; a task whose span overlaps one already read is
    dropped, so a sentence is one task whatever number of forms it fits.
    """
    parents: dict[int, Task] = {}
    low = text.lower()
    readers: list[list[Task]] = [cell_table_tasks(text, cells, ctx) if cells else [],
                                 inline_table_tasks(text, ctx) if "|" in text else []]
    section = _section_tasks(text, parents, ctx) if ("nhiệm vụ" in low or "giải pháp" in low) else []
    readers.append(section)
    if "giao" in low or "phân công" in low or "nhiệm vụ cụ thể" in low:
        readers.append(_assignment_tasks(text, ctx))
    readers.append(read_assigned(text, ctx))
    if "(1)" in text:
        readers.append(_inline_tasks(text))
    if " là," in low or " là:" in low or "thứ nhất" in low:
        readers.append(_ordinal_tasks(text))
    if not section and ("trọng tâm" in low or "nhiệm vụ" in low):
        readers.append(_focus_tasks(text))
    if "nhiệm vụ" in low or "giải pháp" in low:
        readers.append(subsection_tasks(text))
    prose = read_prose_tasks(text, ctx)
    for t in prose:
        if t.deadline is None:  # "Kiện toàn …, hoàn thành trước ngày 30/4/2026."
            t.deadline, t.deadline_norm, _ = deadline_in(t.span.text, ctx.year)
        if t.deadline is None:  # "… hoàn thành đúng tiến độ các công việc của quý I năm 2026."
            t.deadline, t.deadline_norm = completion_period(t.span.text, ctx.year)
    readers.append(prose)
    tasks: list[Task] = []
    for found in readers:
        fresh: list[Task] = []
        seen: set[tuple[int, int]] = set()
        kept = _Spans(tasks)
        for t in found:
            if (t.span.start, t.span.end) in seen:
                continue  # one reader reaching the same sentence twice
            seen.add((t.span.start, t.span.end))
            held = kept.first_overlapping(t.span.start, t.span.end)
            if held is None or (t.kind != "Task" and t.span.start != held.span.start):
                fresh.append(t)  # a bullet under a task is its own measure, unless it is the task's own sentence
            elif held.lead is None and held.deadline is None:
                # a bullet that assigns ("- Sở X chủ trì …, hoàn thành trong quý II"): its lead and deadline
                held.lead, held.deadline, held.deadline_norm = t.lead, t.deadline, t.deadline_norm
                held.leads = t.leads if held.kind == "Task" else []  # a measure has at most one lead
        tasks += fresh
    for t in tasks:
        if t.kind == "Task" and t.lead is None:
            leads = subject_leads(t.label, ctx)
            t.lead, t.leads = (leads[0], leads[1:]) if leads else (None, [])
    tasks.sort(key=lambda t: (t.span.start, t.kind != "Task"))
    index = {id(t): i for i, t in enumerate(tasks)}
    for i, t in enumerate(tasks):
        t.order = i + 1
        if id(t) in parents and id(parents[id(t)]) in index:
            t.parent = index[id(parents[id(t)])]
    return tasks


class _Spans:
    """The tasks kept so far, looked up by overlap in logarithmic time (a linear scan per task is quadratic on a
    text of many items): sorted by start, with the running maximum of ends."""

    def __init__(self, tasks: list[Task]) -> None:
        self.order = sorted(range(len(tasks)), key=lambda i: tasks[i].span.start)
        self.tasks = tasks
        self.starts = [tasks[i].span.start for i in self.order]
        self.max_end: list[int] = []
        for i in self.order:
            self.max_end.append(max(self.max_end[-1] if self.max_end else -1, tasks[i].span.end))

    def first_overlapping(self, start: int, end: int) -> Task | None:
        """The kept task earliest in reading order whose span overlaps [start, end)."""
        j = bisect_left(self.starts, end) - 1
        best: int | None = None
        while j >= 0 and self.max_end[j] > start:
            i = self.order[j]
            if self.tasks[i].span.end > start and (best is None or i < best):
                best = i
            j -= 1
        return None if best is None else self.tasks[best]


def _sections(text: str) -> list[tuple[int, int, str]]:
    heads = list(SECTION_RE.finditer(text))
    out = []
    for k, m in enumerate(heads):
        head = squash(m.group("head"))
        if not (head.isupper() or head[:1].isupper()):
            continue
        end = heads[k + 1].start() if k + 1 < len(heads) else len(text)
        out.append((m.end(), end, head))
    return out


def _section_tasks(text: str, parents: dict[int, Task], ctx: TaskContext) -> list[Task]:
    """The items of a numbered task section and the bullets under them. An item that names a body before a
    colon («1. Vụ Kế hoạch - Tài chính:», «3. Cục X: Rà soát …») assigns: it is left to `read_assigned`."""
    out: list[Task] = []
    for start, end, head in _sections(text):
        if not TASK_SECTION_RE.search(head) or reporting_heading(head):
            continue
        body = text[start:end]
        items = list(ITEM_RE.finditer(body))
        for k, it in enumerate(items):
            a = start + it.end()
            b = start + (items[k + 1].start() if k + 1 < len(items) else len(body))
            chunk = text[a:b]
            colon = chunk.split("\n", 1)[0].find(":")
            if colon > 0 and body_heading(text, a, a + colon, ctx):
                continue
            bullet = BULLET_RE.search(chunk)
            head_end = a + (bullet.start() if bullet else len(chunk))
            label = label_of(text[a:head_end], 48)
            if not label:
                continue
            out.append(Task(_span(text, a, head_end, ""), label, 0))
            parent = out[-1]
            bullets = list(BULLET_RE.finditer(chunk))
            for n, bm in enumerate(bullets):
                ba = a + bm.end()
                bb = a + (bullets[n + 1].start() if n + 1 < len(bullets) else len(chunk))
                blabel = label_of(text[ba:bb])
                if blabel:
                    m = Task(_span(text, ba, bb, ""), blabel, 0, "Measure")
                    out.append(m)
                    parents[id(m)] = parent
    return out


def _inline_tasks(text: str) -> list[Task]:
    out: list[Task] = []
    for m in INLINE_RE.finditer(text):
        if m.group("n") != "1" or not INLINE_TRIGGER_RE.search(text[max(0, m.start() - 160):m.start()]):
            continue
        pos, n = m.start(), 1
        end_of_list = text.find("\n", m.end())
        end_of_list = len(text) if end_of_list < 0 else end_of_list
        while True:
            cur = re.compile(rf"\({n}\)\s*").match(text, pos)
            if not cur:
                break
            nxt = re.compile(rf"\({n + 1}\)").search(text, cur.end(), end_of_list)
            b = nxt.start() if nxt else end_of_list
            raw = text[cur.end():b]
            label = label_of(raw)
            label = label[:1].upper() + label[1:]
            if label:
                out.append(Task(_span(text, cur.end(), b, ""), label, 0))
            if not nxt:
                break
            pos, n = nxt.start(), n + 1
    return out


def _focus_tasks(text: str) -> list[Task]:
    out: list[Task] = []
    for m in FOCUS_HEAD_RE.finditer(text):
        pos = m.end()
        for para in re.finditer(r"(?s)\S.*?(?=\n[ \t]*\n|\Z)", text[pos:]):
            raw = para.group(0)
            first_line = raw.split("\n", 1)[0]
            if raw.rstrip().endswith(":") or re.match(r"[IVX]+\.\s|[A-Z]\.\s", raw) or first_line.isupper():
                break  # a heading, or the signature block («CHỦ TỊCH» and the signer) after the last item
            if len(raw.split()) < 6:
                continue
            a = pos + para.start()
            out.append(Task(_span(text, a, a + len(raw), ""), label_of(raw), 0))
    return out


def _assignment_tasks(text: str, ctx: TaskContext) -> list[Task]:
    """"Giao nhiệm vụ: a) Sở Tài chính tham mưu ..., trình UBND tỉnh trước ngày 28/02/2025." """
    out: list[Task] = []
    for head in ASSIGN_HEAD_RE.finditer(text):
        end_m = re.search(r"\n[ \t]*\n(?![ \t]*(?:[a-zđ]\)|[-–•+]|\d{1,2}\.)\s)", text[head.end():])
        block_end = head.end() + (end_m.start() if end_m else len(text) - head.end())
        items = list(ASSIGN_ITEM_RE.finditer(text, head.end(), block_end))
        for k, it in enumerate(items):
            a = it.end()
            b = items[k + 1].start() if k + 1 < len(items) else block_end
            raw = squash(text[a:b])
            lead = None
            sm = SUBJECT_RE.match(raw)
            if sm:
                lead = agency(sm.group("subj"), ctx.province, ctx.unknown_scope, strict=True) or agency(
                    sm.group("subj"), ctx.province, ctx.unknown_scope)
                raw = raw[sm.end():]
            label = label_of(raw[:1].upper() + raw[1:])
            dm = DEADLINE_PHRASE_RE.search(raw)
            deadline = squash(dm.group(0)) if dm else None
            norm = normalise_deadline(deadline, ctx.year) if deadline else None
            if label:
                out.append(Task(_span(text, a, b, ""), label, 0, "Task", lead,
                                [], deadline, norm))
    return out


def _ordinal_tasks(text: str) -> list[Task]:
    """"… nhóm nhiệm vụ, giải pháp trọng tâm: Một là, …. Hai là, …" and "Thứ nhất, … Thứ hai, …"."""
    out: list[Task] = []
    marks = list(ORDINAL_RE.finditer(text))
    k = 0
    while k < len(marks):
        m = marks[k]
        first = (m.group("word") or "").lower() == "một" or (m.group("th") or "") == "nhất"
        if not first or not INLINE_TRIGGER_RE.search(text[max(0, m.start() - 160):m.start()]):
            k += 1
            continue
        run = [m]
        while k + 1 < len(marks) and marks[k + 1].start() - run[-1].end() < 1500:
            k += 1
            run.append(marks[k])
        for i, mk in enumerate(run):
            end = run[i + 1].start() if i + 1 < len(run) else _paragraph_end(text, mk.end())
            raw = text[mk.end():end]
            label = label_of(raw[:1].upper() + raw[1:])
            if label:
                out.append(Task(_span(text, mk.end(), end, ""), label, 0))
        k += 1
    return out


def _paragraph_end(text: str, pos: int) -> int:
    m = re.search(r"\n[ \t]*\n|\.\s+(?=[^\s])", text[pos:])
    return pos + m.start() if m else len(text)
