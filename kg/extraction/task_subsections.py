"""Task lists under a numbered sub-heading: «2. Nhiệm vụ, giải pháp chủ yếu» (an Arabic number, a short line
naming tasks, no sentence) followed by lettered or dashed items «a) …», «- …», each of which is a task. The
list ends at the next numbered item or heading; sections that report or state aims are skipped."""

from __future__ import annotations

import re

from kg.extraction.task_layout import HEADING_RE, excluded_regions, in_table, inside, paragraphs, reporting_heading
from kg.extraction.task_prose import GROUP_NOUN_RE, VERB_RE, label_of
from kg.extraction.text import squash
from kg.model import Span, Task

SUB_HEAD_RE = re.compile(r"[ \t]*\d{1,2}(?:\.\d{1,2})*\.[ \t]+(?P<head>[^\n]+)$")
TASK_NOUN_RE = re.compile(r"(?i)nhiệm\s+vụ|giải\s+pháp")
SUB_ITEM_RE = re.compile(r"[ \t]*(?:[a-zđ]\)|[-–•+])[ \t]+(?=\S)")
MAX_HEAD_WORDS = 14
MIN_WORDS = 4


def subsection_tasks(text: str) -> list[Task]:
    """The items under every numbered task sub-heading of the text."""
    out: list[Task] = []
    paras = paragraphs(text)
    skip = excluded_regions(text)
    k = 0
    while k < len(paras):
        a, b = paras[k]
        k += 1
        head = SUB_HEAD_RE.match(text, a, b)
        if not head or not _task_heading(head.group("head")) or inside(a, skip):
            continue
        found: list[Task] = []
        while k < len(paras):
            x, y = paras[k]
            if SUB_HEAD_RE.match(text, x, y) or HEADING_RE.match(text, x, y):
                break
            k += 1
            item = SUB_ITEM_RE.match(text, x, y)
            if item is None or in_table(text, paras, k - 1):
                continue
            label = label_of(text[item.end():y])
            if len(label.split()) >= MIN_WORDS:
                found.append(Task(Span(item.end(), y, text[item.end():y], ""), label, 0))
        # items that mostly open with a task verb: «- Tổng thu ngân sách đạt …» under «2. Về thực hiện nhiệm vụ»
        # reports
        verbs = sum(1 for t in found if VERB_RE.match(t.label) or GROUP_NOUN_RE.match(t.label))
        if verbs * 3 >= len(found) * 2:
            out += found
    return out


def _task_heading(head: str) -> bool:
    """«Nhiệm vụ, giải pháp chủ yếu», «Các nhiệm vụ trọng tâm»: short, no sentence, names tasks, reports nothing."""
    h = squash(head).rstrip(":")
    return (len(h.split()) <= MAX_HEAD_WORDS and not h.endswith(".") and bool(TASK_NOUN_RE.search(h))
            and not reporting_heading(h))
