"""Tasks assigned in running sentences: «Sở X chủ trì, phối hợp với … tham mưu …» (the lead agency is the
subject) and «Các sở, ngành … báo cáo … trước ngày 15/3» (a deadline makes the sentence a task).

Cue words are in `lang_vi/task_cues.py`; agencies are resolved by `kg.extraction.task_leads`.
"""

from __future__ import annotations

import re

from kg.extraction.lang_vi import agencies as agency_data
from kg.extraction.lang_vi import task_cues as cues
from kg.extraction.task_deadlines import deadline_in
from kg.extraction.task_layout import excluded_regions, in_table, inside, paragraphs
from kg.extraction.task_leads import TaskContext, lead_bodies
from kg.extraction.text import UPPER, squash
from kg.model import Span, Task


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# Task verbs in lower case only: inside a sentence a verb is written in lower case, an agency's name
# ("Sở Xây dựng") is not.
LOWER_VERB_RE = re.compile(rf"(?<!\w)(?:{_alt(cues.TASK_VERBS)})(?!\w)")
CHU_TRI_RE = re.compile(r"\s+chủ\s+trì(?:\s*,|\s+và)?\s*")
COOP_RE = re.compile(r"phối\s+hợp\s+với\s+")
BODY_HEADS = rf"(?:{_alt((*agency_data.HEADS, *cues.NATIONAL_HEADS))})(?!\w)"
SUBJECT_HEAD_RE = re.compile(rf"(?i:{_alt(cues.ADDRESSEE_HEADS)})(?!\w)"
                             rf"|(?:{_alt((*agency_data.HEADS, *cues.NATIONAL_HEADS))})(?!\w)")
REQUEST_RE = re.compile(rf"(?:{_alt(cues.REQUEST_VERBS)})\s+", re.I)
REQUEST_WORD_RE = re.compile(rf"(?<!\w)(?:{_alt(cues.REQUEST_VERBS)})\s+", re.I)
LEADING_RE = re.compile(rf"(?:{_alt(cues.LEADING_CLAUSES)})(?!\w)[^,]*,\s*", re.I)
SENTENCE_END = re.compile(rf"(?<=[.!?])\s+(?=[{UPPER}])")
FOLLOW_UP_RE = re.compile(r"(?:Hoàn\s+thành|Thời\s+gian\s+hoàn\s+thành|Thời\s+hạn)(?!\w)")
PAST_RE = re.compile(r"\bđã\b|\bvừa\b")


def sentences(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out, pos = [], a
    for m in SENTENCE_END.finditer(text, a, b):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, b))
    return out


def read_assigned(text: str, ctx: TaskContext) -> list[Task]:
    """Every assignment sentence of the text."""
    out: list[Task] = []
    skip = excluded_regions(text)
    paras = paragraphs(text)
    for k, (a, b) in enumerate(paras):
        if inside(a, skip) or in_table(text, paras, k):
            continue
        sents = sentences(text, a, b)
        for i, (s, e) in enumerate(sents):
            task = _assigned(text, s, e, ctx)
            if task is None:
                continue
            if task.deadline is None and i + 1 < len(sents) and FOLLOW_UP_RE.match(text, sents[i + 1][0]):
                ns, ne = sents[i + 1]
                task.deadline, task.deadline_norm, _ = deadline_in(text[ns:ne], ctx.year)
            out.append(task)
    return out


def _assigned(text: str, s: int, e: int, ctx: TaskContext) -> Task | None:
    sent = text[s:e]
    if PAST_RE.search(sent):
        return None
    deadline, norm, where = deadline_in(sent, ctx.year)
    lead_at = CHU_TRI_RE.search(sent)
    if lead_at:
        who = _subject(sent[:lead_at.start()])
        leads = lead_bodies(who, ctx) if who else []
        if not leads:
            return None
        rest = lead_at.end()
        coop = COOP_RE.match(sent, rest)
        verb = LOWER_VERB_RE.search(sent, coop.end() if coop else rest)
        if verb is None or (not coop and verb.start() != rest):
            return None
        return _make(text, s, verb.start(), e, where, leads, deadline, norm)
    if where is None:
        return None
    body = LEADING_RE.match(sent)
    start = body.end() if body else 0
    req = REQUEST_RE.match(sent, start)
    start = req.end() if req else start
    if not SUBJECT_HEAD_RE.match(sent, start):
        return None
    verb = LOWER_VERB_RE.search(sent, start)
    if verb is None or verb.start() - start > 120 or re.search(r"[.;:]", sent[start:verb.start()]):
        return None
    subject = sent[start:verb.start()]
    asked = list(REQUEST_WORD_RE.finditer(subject))
    leads = lead_bodies(subject[asked[-1].end():] if asked else subject, ctx, generic=False)
    return _make(text, s, verb.start(), e, where, leads, deadline, norm)


def _subject(before: str) -> str:
    """The body right before «chủ trì»: after the last request verb («Giao UBND các huyện, thành phố chủ trì»)
    or the last comma before a body's name («Trên cơ sở …, Sở X chủ trì»), whichever is later."""
    cuts = [m.end() for m in REQUEST_WORD_RE.finditer(before)]
    cuts += [m.end() for m in re.finditer(r"[,;:]\s*(?=" + BODY_HEADS + ")", before)]
    return squash(before[max(cuts, default=0):])


def _make(text: str, s: int, a: int, e: int, where: tuple[int, int] | None, leads: list, deadline: str | None,
          norm: str | None) -> Task | None:
    raw = text[s + a:e]
    if where is not None and where[0] >= a:
        cut_a, cut_b = where[0] - a, where[1] - a
        raw = raw[:cut_a] + raw[cut_b:]
    label = squash(re.sub(r"\s+([,;.])", r"\1", raw)).strip(" ,;.")
    if len(label.split()) < 3:
        return None
    label = label[:1].upper() + label[1:]
    lead = leads[0] if leads else None
    return Task(Span(s + a, e, text[s + a:e], ""), label, 0, "Task", lead, [], deadline, norm, leads=leads[1:])


def subject_leads(text: str, ctx: TaskContext) -> list:
    """The bodies a task's own text opens with as its subject («Bộ Xây dựng khẩn trương hướng dẫn …»)."""
    t = squash(text)
    if not re.match(BODY_HEADS, t):
        return []
    verb = LOWER_VERB_RE.search(t, 0, 160)
    if verb is None or re.search(r"[.;:]", t[:verb.start()]):
        return []
    return lead_bodies(t[:verb.start()], ctx, generic=False, open_names=False)
