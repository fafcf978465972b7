"""Tasks assigned in running sentences: «Sở X chủ trì, phối hợp với … tham mưu …» (the lead agency is the
subject), «Các sở, ngành … báo cáo … trước ngày 15/3» (a deadline makes the sentence a task), requests to named
bodies («UBND tỉnh giao Sở Y tế rà soát …», «Đề nghị Sở Tài chính …»), and the items of an assigning list that
open with a body as subject («Chủ tịch UBND tỉnh chỉ đạo như sau: … 3. Sở Tài chính tham mưu …»).

Cue words are in `lang_vi/task_cues.py`; agencies are resolved by `kg.extraction.task_leads`, addressee phrases
by `kg.extraction.task_addressees`.
"""

from __future__ import annotations

import re

from kg.extraction.cue_scan import Cue, lowered
from kg.extraction.lang_vi import agencies as agency_data
from kg.extraction.lang_vi import task_cues as cues
from kg.extraction.task_addressees import VERB_RE, addressee, closing, next_verb
from kg.extraction.task_deadlines import DEADLINE_PHRASE_RE, deadline_in, normalise_deadline
from kg.extraction.task_layout import (
    HEADING_RE,
    SENTENCE_END,
    excluded_regions,
    in_table,
    inside,
    is_marker,
    organising_heading,
    paragraphs,
)
from kg.extraction.task_leads import TaskContext, lead_bodies
from kg.extraction.text import UPPER, squash
from kg.extraction.text import alternation as _alt
from kg.model import Body, Span, Task

CHU_TRI_RE = re.compile(r"\s+chủ\s+trì(?:\s*,|\s+và)?\s*")
COOP_RE = re.compile(r"phối\s+hợp\s+với\s+")
_HEADS = (*agency_data.HEADS, *cues.NATIONAL_HEADS, *cues.PARTY_HEADS)
BODY_HEADS = rf"(?:{_alt(_HEADS)})(?!\w)"
SUBJECT_HEAD_RE = re.compile(rf"(?i:{_alt(cues.ADDRESSEE_HEADS)})(?!\w)|{BODY_HEADS}")
REQUEST_RE = re.compile(rf"(?:{_alt(cues.REQUEST_VERBS)})\s+", re.I)
REQUEST_WORD_RE = re.compile(rf"(?<!\w)(?:{_alt(cues.REQUEST_VERBS)})\s+", re.I)
LEADING_RE = re.compile(rf"(?:{_alt(cues.LEADING_CLAUSES)})(?!\w)[^,]*,\s*", re.I)
MARKER_RE = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*[.)]|\(\d{1,2}\)|[a-zđ]\)|[-–•+*])\s+")
FRAME_END_RE = re.compile(r"\s*,\s*")
ASSIGNING_INTRO_RE = re.compile(rf"(?i)(?<!\w)(?:{_alt(cues.ASSIGNING_INTRO)})(?!\w)")
GIAO_ITEM_RE = re.compile(rf"(?i:giao)\s+(?:{BODY_HEADS})")
CLAUSE_SPLIT_RE = re.compile(r";\s+")
NUMBER_RE = re.compile(r"[ \t]*\d{1,2}\.\s")
ASSIGNING_HEADING_RE = re.compile(rf"(?i)(?<!\w)(?:{_alt(cues.ASSIGNING_HEADINGS)})(?!\w)")
UNDER_LEAD_RE = re.compile(r"(?i:chủ\s+trì)(?:\s*,\s*|\s+)(?:(?i:phối\s+hợp\s+với)\s+)?")
FOLLOW_UP_RE = re.compile(rf"(?i:{_alt(cues.FOLLOW_UP_OPENERS)})(?!\w)\s*:?\s*")
ASSIGNING_VERB_RE = re.compile(rf"(?i:{_alt(cues.ASSIGNING_VERBS)})\s")
# «a) Sở Công Thương: Chủ trì, phối hợp với … xây dựng …», «b) Công an tỉnh: tăng cường …»
BODY_COLON_RE = re.compile(rf"(?P<who>(?:{BODY_HEADS})[^:;.\n]{{0,80}}?):\s*"
                           r"(?P<lead>(?i:chủ\s+trì)(?:\s*,\s*|\s+)(?:(?i:phối\s+hợp\s+với)\s+)?)?")
# «… các nhiệm vụ trọng tâm: Đẩy nhanh …»: a colon after a noun naming the list, a capitalised first item
LIST_COLON_RE = re.compile(rf"(?i:{_alt(cues.LIST_NOUNS)})[^.:;]{{0,40}}:\s+(?=[{UPPER}])")
PAST_RE = re.compile(r"\bđã\b|\bvừa\b")
LEAD_ROLE_RE = re.compile(rf"\s+(?:{_alt(cues.LEAD_ROLES)})\s*,?\s*$", re.I)  # «Sở X là cơ quan thường trực,»
HOAN_THANH_RE = re.compile(r",\s*hoàn\s+thành\s*$")
DONE_RE = re.compile(r"\bđã\b")
PAST_YEAR_RE = re.compile(r"(?:[Tt]rong\s+)?[Nn]ăm\s+(?P<y>(?:19|20)\d{2})\s*,")
# Each sentence is searched for these only when it holds their words (`kg.extraction.cue_scan`).
CHU_TRI, DONE, PAST, REQUEST_WORD = (Cue(rx) for rx in (CHU_TRI_RE, DONE_RE, PAST_RE, REQUEST_WORD_RE))


def sentences(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out, pos = [], a
    for m in SENTENCE_END.finditer(text, max(a - 1, 0), b):  # the stop may be the character before `a`
        out.append((pos, m.start(1)))
        pos = m.end()
    out.append((pos, b))
    return out


def read_assigned(text: str, ctx: TaskContext) -> list[Task]:
    """Every assignment sentence of the text. An intro ending in a colon that assigns («… chỉ đạo như sau:»), a
    heading that assigns («PHÂN CÔNG NHIỆM VỤ») or an item «Giao Sở X …» opens an assigning list, whose items
    opening with a body as subject are tasks too, and whose items naming only a body («1. Sở Tài chính:») lead
    the bullets under them; another heading or intro closes it."""
    out: list[Task] = []
    skip = excluded_regions(text, assigning=True)
    paras = paragraphs(text)
    low_text = lowered(text)  # sentences are cut from it (None: searched without the shortcut)
    assigning = organising = False  # in an assigning list; in a section organising the implementation
    under: list[Body] = []  # the bodies an item «1. Sở Tài chính:» names, for the bullets under it
    for k, (a, b) in enumerate(paras):
        para = text[a:b]
        item = is_marker(para)
        heading = HEADING_RE.match(para) is not None
        if para.rstrip().endswith(":") and not item:
            assigning = bool(ASSIGNING_INTRO_RE.search(para[para.rfind(".", 0, len(para) - 1) + 1:]))
        elif heading:
            organising = organising_heading(HEADING_RE.sub("", para, 1))
            assigning = organising or bool(ASSIGNING_HEADING_RE.search(para))
        # an item's text, after its marker (MARKER_RE matches only where `is_marker` does)
        first_at = a + (m.end() if item and (m := MARKER_RE.match(para)) else 0)
        if item and GIAO_ITEM_RE.match(text, first_at):
            assigning = True
        if not assigning or heading or NUMBER_RE.match(para):
            under = []
        if inside(a, skip) or in_table(text, paras, k):
            continue
        if assigning and item and (named := body_heading(text, first_at, b, ctx)):
            under = named
            continue
        if under and (task := _under_body(text, first_at, b, under, ctx)):
            out.append(task)
            continue
        pieces = [p for s, e in sentences(text, a, b) for p in _pieces(text, s, e, ctx)]
        given = False  # a piece after «Giao Sở A …; » that names another body is its task too
        for i, (s, e) in enumerate(pieces):
            first = s <= first_at
            low = low_text[s:e] if low_text is not None else None
            task = _assigned(text, s, e, ctx, item and first, (item and assigning and first) or given, low,
                             named_only=organising)
            given = (i + 1 < len(pieces) and text[e:pieces[i + 1][0]].startswith(";")
                     and (task is not None or REQUEST_WORD_RE.search(text, s, e) is not None))
            if task is None:
                continue
            if listed := _colon_list(text, task, ctx):
                out += listed  # «… yêu cầu UBND tỉnh tập trung các nhiệm vụ trọng tâm: A; B; C.»
                continue
            if task.deadline is None and i + 1 < len(pieces):
                _follow_up(text, pieces[i + 1], task, ctx)
            out.append(task)
    return out


def _colon_list(text: str, task: Task, ctx: TaskContext) -> list[Task]:
    """The items of an assignment whose object is a list after a colon («… tập trung thực hiện các nhiệm vụ
    trọng tâm: Đẩy nhanh A; Hoàn thành B trước ngày 30/6; …»): one task each, led by the assigned bodies."""
    m = LIST_COLON_RE.search(task.span.text)
    if m is None:
        return []
    out = []
    leads = [task.lead, *task.leads] if task.lead else []
    pos = task.span.start + m.end()
    for piece in CLAUSE_SPLIT_RE.split(text[pos:task.span.end]):
        a, b = pos, pos + len(piece)
        pos = b
        while pos < task.span.end and text[pos] in "; \t\n":
            pos += 1
        deadline, norm, where = deadline_in(piece, ctx.year)
        item = _make(text, a, 0, b, leads, deadline, norm, where)
        if item is not None:
            out.append(item)
    return out if len(out) >= 2 else []


def _pieces(text: str, s: int, e: int, ctx: TaskContext) -> list[tuple[int, int]]:
    """A sentence cut before each «; Sở B <verb> …» or «; yêu cầu Sở B <verb> …» clause that names another body
    and its task."""
    out, pos = [], s
    for m in CLAUSE_SPLIT_RE.finditer(text, s, e):
        at = req.end() if (req := REQUEST_RE.match(text, m.end(), e)) else m.end()
        if SUBJECT_HEAD_RE.match(text, at) and addressee(text, at, e, ctx):
            out.append((pos, m.start()))
            pos = m.end()
    out.append((pos, e))
    return out


def body_heading(text: str, a: int, b: int, ctx: TaskContext) -> list[Body]:
    """The bodies an item names and nothing else («Sở Tài chính:», «UBND các huyện, thị xã»)."""
    head = text[a:b].strip().rstrip(":").strip()
    if not head or not re.match(BODY_HEADS, head) or next_verb(head, 0, len(head)) or len(head.split()) > 20:
        return []
    return lead_bodies(head, ctx, generic=False)


def _under_body(text: str, a: int, b: int, bodies: list[Body], ctx: TaskContext) -> Task | None:
    """A bullet under an item naming its bodies: «- Chủ trì, phối hợp với … tham mưu …», «- Hướng dẫn …»."""
    end = next((y for x, y in sentences(text, a, b)), b)
    lead = UNDER_LEAD_RE.match(text, a, end)
    verb = next_verb(text, lead.end(), end) if lead else VERB_RE.match(text, a, end)
    if verb is None or PAST_RE.search(text, a, end):
        return None
    return _make(text, a, verb.start() - a, end, bodies, *deadline_in(text[a:end], ctx.year))


def _follow_up(text: str, sent: tuple[int, int], task: Task, ctx: TaskContext) -> None:
    """The deadline a next sentence gives («Hoàn thành trong quý II/2026.», «Thời gian thực hiện: quý II/2026.»)."""
    m = FOLLOW_UP_RE.match(text, sent[0], sent[1])
    if m is None:
        return
    task.deadline, task.deadline_norm, _ = deadline_in(text[sent[0]:sent[1]], ctx.year)
    if task.deadline is None:
        written = squash(text[m.end():sent[1]]).strip(" .;")
        if 0 < len(written.split()) <= 6 and normalise_deadline(written, ctx.year):
            task.deadline = written[:1].upper() + written[1:]
            task.deadline_norm = normalise_deadline(written, ctx.year)


def _opening(sent: str, pos: int) -> int:
    """Where a sentence's own clause starts: after its list marker (which ends at `pos`), a leading clause
    («Sau khi …, ») and a leading deadline («Trong quý I/2026, », «Trước ngày 30/6, »)."""
    m = LEADING_RE.match(sent, pos)
    pos = m.end() if m else pos
    m = DEADLINE_PHRASE_RE.match(sent, pos)
    if m:
        comma = FRAME_END_RE.match(sent, m.end())
        pos = comma.end() if comma and "," in comma.group(0) else pos
    return pos


def _reports_past(sent: str, pos: int, ctx: TaskContext) -> bool:
    """«Năm 2024, UBND tỉnh giao Sở X …» (after a list marker ending at `pos`) in a text planning 2026: a report
    of an earlier year, no task."""
    return bool(ctx.year and (m := PAST_YEAR_RE.match(sent, pos)) and int(m.group("y")) < ctx.year)


def _assigned(text: str, s: int, e: int, ctx: TaskContext, item: bool = False, item_subject: bool = False,
              low: str | None = None, named_only: bool = False) -> Task | None:
    """The task sentence ``text[s:e]`` assigns, if any (`low`: the sentence lower-cased, when `foldable`). With
    `named_only` (a section organising the implementation), an undated item addressed to a class of bodies
    («1. Các sở, ngành … phát huy …») is none."""
    sent = text[s:e]
    found: list[tuple[str | None, str | None, tuple[int, int] | None]] = []

    def deadline() -> tuple[str | None, str | None, tuple[int, int] | None]:
        """The sentence's deadline, read once and only when asked (most sentences assign nothing)."""
        if not found:
            got = deadline_in(sent, ctx.year)
            past = got[1] is not None and got[1].isdigit() and ctx.year is not None and int(got[1]) < ctx.year
            found.append((None, None, None) if past else got)  # «kết quả đạt được trong năm 2020»: a past year
        return found[0]

    lead_at = CHU_TRI.search(sent, low)
    if lead_at:
        if PAST.search(sent, low):
            return None
        who = _subject(sent[:lead_at.start()])
        leads = lead_bodies(who, ctx) if who else []
        if not leads:
            return None
        rest = lead_at.end()
        coop = COOP_RE.match(sent, rest)
        verb = next_verb(sent, coop.end() if coop else rest, len(sent))
        if verb is None or (not coop and verb.start() != rest):
            if item_subject and not coop:  # «giao A …; Ban B chủ trì định hướng …»: «chủ trì» is the verb
                word_at = lead_at.start() + len(lead_at.group(0)) - len(lead_at.group(0).lstrip())
                return _make(text, s, word_at, e, leads, *deadline())
            return None
        return _make(text, s, verb.start(), e, leads, *deadline())
    marker = MARKER_RE.match(sent)
    after_marker = marker.end() if marker else 0
    if DONE.search(sent, low) or _reports_past(sent, after_marker, ctx):
        return None
    start = _opening(sent, after_marker)
    for req in () if REQUEST_WORD.absent(low) else REQUEST_WORD_RE.finditer(sent, start):
        if req.start() != start and not sent[start:req.start()].strip(" ,")[:1].isupper():
            continue  # «… được giao tổ chức …»: no speaker before the request
        hit = addressee(sent, req.end(), len(sent), ctx)
        if hit is None:
            continue
        verb_at, bodies = hit
        named = bodies and (req.start() == start or ASSIGNING_VERB_RE.match(sent, req.start()))
        if (deadline()[2] is None and not named) or PAST_RE.search(sent, req.end()):
            return None  # a request to a class of bodies is a task when it has a deadline (or stands alone: prose)
        return _make(text, s, verb_at, e, bodies, *deadline())
    if item and (colon := BODY_COLON_RE.match(sent, start)) and not PAST.search(sent, low):
        leads = lead_bodies(colon.group("who"), ctx, generic=False)
        verb = (next_verb(sent, colon.end(), len(sent)) if colon.group("lead")
                else VERB_RE.match(sent, colon.end()))
        if leads and verb is not None:
            return _make(text, s, verb.start(), e, leads, *deadline())
    if not SUBJECT_HEAD_RE.match(sent, start) or PAST.search(sent, low):
        return None
    undated = deadline()[2] is None
    if undated:
        if not item_subject or sent.rstrip().endswith(":"):
            return None  # «1. Các sở, ngành … thực hiện nhiệm vụ sau:» announces the items under it
        if (hit := addressee(sent, start, len(sent), ctx)) is not None:
            leads = lead_bodies(sent[start:hit[0]], ctx, generic=False)
            return _make(text, s, hit[0], e, leads, *deadline()) if leads or not named_only else None
    verb = next_verb(sent, start, len(sent))
    if verb is None or verb.start() - start > 120 or re.search(r"[.;:]", sent[start:verb.start()]):
        return None
    subject = sent[start:verb.start()]
    asked = list(REQUEST_WORD_RE.finditer(subject))
    leads = lead_bodies(subject[asked[-1].end():] if asked else subject, ctx, generic=False)
    if undated and not leads:
        return None  # an undated item of an assigning list is a task when its subject names a body
    return _make(text, s, verb.start(), e, leads, *deadline())


def _subject(before: str) -> str:
    """The body right before «chủ trì»: after the last request verb («Giao UBND các huyện, thành phố chủ trì»)
    or the last comma before a body's name («Trên cơ sở …, Sở X chủ trì»), whichever is later."""
    cuts = [m.end() for m in REQUEST_WORD_RE.finditer(before)]
    cuts += [m.end() for m in re.finditer(r"[,;:]\s*(?=" + BODY_HEADS + ")", before)]
    return LEAD_ROLE_RE.sub("", squash(before[max(cuts, default=0):]))


def _make(text: str, s: int, a: int, e: int, leads: list[Body], deadline: str | None, norm: str | None,
          where: tuple[int, int] | None) -> Task | None:
    raw = text[s + a:e]
    if raw.rstrip().endswith(":"):
        return None  # «… triển khai thực hiện các nội dung:» announces the items after it
    if where is not None and where[0] >= a:
        cut_a, cut_b = where[0] - a, where[1] - a
        raw = HOAN_THANH_RE.sub("", raw[:cut_a]) + raw[cut_b:]  # «…, hoàn thành trước ngày 25/02; …»
    label = squash(re.sub(r"\s+([,;.])", r"\1", raw)).strip(" ,;./")
    if len(label.split()) < 3:
        return None
    if closing(label):
        return None  # «Giao Văn phòng UBND tỉnh theo dõi việc thực hiện Chỉ thị này»
    label = label[:1].upper() + label[1:]
    lead = leads[0] if leads else None
    return Task(Span(s + a, e, text[s + a:e], ""), label, 0, "Task", lead, [], deadline, norm, leads=leads[1:])


def subject_leads(text: str, ctx: TaskContext) -> list:
    """The bodies a task's own text opens with as its subject («Bộ Xây dựng khẩn trương hướng dẫn …»)."""
    t = squash(text)
    if not re.match(BODY_HEADS, t):
        return []
    verb = next_verb(t, 0, min(len(t), 160))
    if verb is None or re.search(r"[.;:]", t[:verb.start()]):
        return []
    return lead_bodies(t[:verb.start()], ctx, generic=False, open_names=False)
