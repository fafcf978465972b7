"""Tasks written as prose lists rather than tables or task sections.

Forms read (cue words are in `lang_vi/task_cues.py`):

- an intro ending in a colon that names tasks or asks addressees to act («… các giải pháp trọng tâm sau:»,
  «UBND tỉnh yêu cầu các sở, ngành thực hiện các nội dung:»), followed by paragraphs or numbered items, or
  by a semicolon list on the same line;
- «nhiệm vụ chủ yếu năm 2026 là A. B; C; D.»: the items after «là», clause by clause;
- a request sentence without a colon («UBND tỉnh yêu cầu các đơn vị …»), followed by sentences and
  paragraphs that open with a task verb;
- news prose with the province as subject after a time frame («Năm 2026, Lâm Đồng tập trung …; tỉnh đẩy
  mạnh …»);
- a run of numbered items (at least three) that open with task verbs, under no heading of another kind;
- numbered directive items headed by their addressees («2. Sở Y tế» then what it must do).

Paragraphs, clauses and the sections to skip come from `task_layout`.

A list ends at the first paragraph or clause that does not open with a task verb (a figure, a quote, a
new subject) or that is a heading.
"""

from __future__ import annotations

import re

from kg.extraction.cue_scan import Cue, lowered
from kg.extraction.lang_vi import agencies as agency_data
from kg.extraction.lang_vi import task_cues as cues
from kg.extraction.lang_vi.provinces import PROVINCES
from kg.extraction.task_addressees import addressee, closing
from kg.extraction.task_layout import (
    HEADING_RE,
    SENTENCE_END,
    clauses,
    excluded_regions,
    in_table,
    inside,
    paragraphs,
    reporting_heading,
)
from kg.extraction.task_leads import TaskContext, lead_bodies
from kg.extraction.text import alternation as _alt
from kg.extraction.text import squash
from kg.model import Span, Task

VERB_RE = re.compile(rf"(?:{_alt(cues.TASK_VERBS)})(?!\w)", re.I)
GROUP_NOUN_RE = re.compile(rf"(?:{_alt(cues.TASK_GROUP_NOUNS)})(?!\w)", re.I)
ORDINAL_WORDS = ("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười")
MARKER_RE = re.compile(
    r"[ \t]*(?:\d{1,2}(?:\.\d{1,2})*[.)]|\(\d{1,2}\)|[a-zđ]\)|[-–•+*])[ \t]*"
    rf"|[ \t]*(?:{_alt(cues.FIRST_MARKERS)}|(?:{'|'.join(ORDINAL_WORDS)})\s+là|thứ\s+\w+)\s*,?\s*(?:là\b\s*[,:]?\s*)?",
    re.I)
LIST_NOUN_RE = re.compile(rf"(?<!\w)(?:{_alt(cues.LIST_NOUNS)})(?!\w)", re.I)
NOT_INTRO_RE = re.compile(rf"(?<!\w)(?:{_alt(cues.NOT_TASK_INTRO)})(?!\w)|\bđã\b", re.I)
# Addressees: the lower-case heads in any case, the names of bodies capitalised only ("giao ban" is a meeting).
_ADDRESSEE = (rf"(?i:{_alt(cues.ADDRESSEE_HEADS)})"
              r"|Sở|Ban|Bộ|UBND|Ủy\s+ban|Văn\s+phòng|Thanh\s+tra|Công\s+an|Cục|Vụ|Kho\s+bạc")
REQUEST_RE = re.compile(rf"(?<!\w)(?i:{_alt(cues.REQUEST_VERBS)})\s+(?:{_ADDRESSEE})(?!\w)")
REQUEST_WORD_RE = re.compile(rf"(?i:{_alt(cues.REQUEST_VERBS)})\s+")
PROPOSE_RE = re.compile(rf"(?i)(?!(?:{_alt(cues.ASSIGNING_VERBS)})\s)")  # a request verb that only proposes
IS_INTRO_RE = re.compile(rf"(?<!\w)(?:{_alt(cues.IS_INTRO_NOUNS)})(?:\s+[^\s,.;:]+){{0,6}}?\s+là\s+", re.I)
TASK_NOUN_RE = re.compile(rf"(?<!\w)(?:{_alt(cues.IS_INTRO_NOUNS)})(?!\w)", re.I)
COUNT_RE = re.compile(rf"\b\d{{1,2}}\s+(?:nhóm\s+)?(?:{_alt(cues.IS_INTRO_NOUNS)})", re.I)
_PROVINCE_SUBJECT = _alt([*PROVINCES, *cues.PROVINCE_SUBJECTS]) + rf"|(?:tỉnh|thành\s+phố)\s+(?:{_alt(PROVINCES)})"
SUBJECT_RE = re.compile(rf"(?:{_PROVINCE_SUBJECT})\s+(?:cũng\s+|sẽ\s+)?(?=(?:{_alt(cues.TASK_VERBS)})(?!\w))", re.I)
# «Thời gian tới, ngành nông nghiệp sẽ tập trung …»: a sector as the subject of a line of action
SECTOR_RE = re.compile(rf"(?:toàn\s+)?(?i:{_alt(cues.SECTOR_SUBJECTS)})(?:\s+[^\W\d][\w-]*){{1,4}}?\s+"
                       rf"(?:cũng\s+|sẽ\s+)*(?=(?:{_alt(cues.ORIENTATION_VERBS)})(?!\w))")
TIME_FRAME_RE = re.compile(r"(?:Trong\s+)?(?:[Nn]ăm\s+(?P<y>(?:19|20)\d{2})|(?:[Tt]hời\s+gian|[Nn]ăm)\s+tới)\s*,\s*")
ORIENT_RE = re.compile(rf"(?:{_alt(cues.ORIENTATION_VERBS)})(?!\w)", re.I)
CONNECTOR_RE = re.compile(rf"(?:{_alt(cues.CONNECTORS)})\s*,\s*", re.I)
LABEL_HEAD_RE = re.compile(r"[^\s:;,.]+(?:\s+[^\s:;,.]+){0,4}\s*:\s")  # "Chỉ tiêu chủ yếu: …", "Về y tế: …"
NUMBER_ITEM_RE = re.compile(r"[ \t]*(?P<n>\d{1,2})\.[ \t]+(?=\S)")
PURPOSE_RE = re.compile(rf"^(?:{_alt(cues.PURPOSE_OPENERS)})(?!\w)[^:]*,\s*", re.I)
# in lower case: «… Chủ tịch UBND tỉnh chỉ thị:» directs, «theo Chỉ thị:» names a document
SPEECH_END_RE = re.compile(rf"(?<!\w)(?:{_alt(cues.SPEECH_VERBS)})\s*$")
DIRECTING_END_RE = re.compile(rf"(?<!\w)(?:{_alt(cues.DIRECTING_VERBS)})\s*$")
PURPOSE_OPENER_RE = re.compile(rf"(?:{_alt(cues.PURPOSE_OPENERS)})(?!\w)", re.I)
# A numbered item headed by the bodies it addresses ("2. Sở Tài chính", "1. Các sở, ban, ngành, địa phương",
# "3. Sở Y tế:").
_BODY_HEAD = _alt((*agency_data.HEADS, *cues.NATIONAL_HEADS))
ADDRESSEE_ITEM_RE = re.compile(rf"(?:(?:{_BODY_HEAD})(?!\w)|(?i:các\s+(?:sở|bộ|ban|cơ\s+quan|đơn\s+vị|địa\s+phương)))"
                               rf"(?:(?!\s(?:{_alt(cues.TASK_VERBS)})(?!\w))[^.;:\n]){{0,100}}:?[ \t]*$")
TARGET_CLAUSE_RE = re.compile(rf"\s*,?\s*(?:{_alt(cues.TARGET_CLAUSES)})(?!\w)(?:[^.;]|\.(?=\d))*", re.I)
# A paragraph is searched for these only when it holds their words (`kg.extraction.cue_scan`).
IS_INTRO, REQUEST = Cue(IS_INTRO_RE), Cue(REQUEST_RE)
MIN_WORDS = 4
MAX_WORDS = 40


def _strip_marker(text: str, a: int, b: int) -> int:
    m = MARKER_RE.match(text, a, b)
    return m.end() if m and m.end() > a else a


def _opens_with_verb(text: str, a: int, b: int, subject_ok: bool = False) -> int | None:
    """Where the task's text starts if text[a:b] opens (after a list marker, or a province subject when
    `subject_ok`) with a task verb, else None."""
    a = _strip_marker(text, a, b)
    while a < b and text[a] in " \t\n\"“":
        a += 1
    if cm := CONNECTOR_RE.match(text, a, b):
        a = cm.end()
    if subject_ok:
        sm = SUBJECT_RE.match(text, a, b)
        if sm:
            a = sm.end()
    return a if VERB_RE.match(text, a, b) else None


def label_of(text: str) -> str:
    """A prose task's label: its text without target clauses («… với mục tiêu tăng trưởng 9%»), at most
    MAX_WORDS words (cut at a comma or sentence end), capitalised."""
    t = TARGET_CLAUSE_RE.sub("", squash(text))
    words = t.split()
    if len(words) > MAX_WORDS:
        cut = " ".join(words[:MAX_WORDS])
        stop = max(cut.rfind(","), cut.rfind(";"), cut.rfind(". "))
        t = cut[:stop] if stop > len(cut) // 2 else cut
    t = t.strip(" ;:,.…/")
    return t[:1].upper() + t[1:]


def _task(text: str, a: int, b: int) -> Task | None:
    while b > a and text[b - 1] in " \t\n;,.:/":
        b -= 1
    label = label_of(text[a:b])
    if len(label.split()) < MIN_WORDS:
        return None
    return Task(Span(a, b, text[a:b], ""), label, 0)


def read_prose_tasks(text: str, ctx: TaskContext) -> list[Task]:
    """Tasks of every prose list in the text (see the module docstring)."""
    paras = paragraphs(text)
    skip = excluded_regions(text)
    low_text = lowered(text)  # paragraphs are cut from it (None: searched without the shortcut)
    out: list[Task] = []
    used_until = -1
    for k, (a, b) in enumerate(paras):
        if a < used_until or in_table(text, paras, k) or (inside(a, skip) and not _names_task_list(text[a:b])):
            continue
        found, last = _list_at(text, paras, k, ctx, low_text[a:b] if low_text is not None else None)
        if found:
            out += found
            used_until = last
    return out + numbered_runs(text, paras, skip)


def _list_at(text: str, paras: list[tuple[int, int]], k: int, ctx: TaskContext,
             low: str | None = None) -> tuple[list[Task], int]:
    """The tasks of the prose list paragraph `k` opens, if any, and where they end (`low`: the paragraph
    lower-cased, when `foldable`)."""
    a, b = paras[k]
    year = ctx.year
    para = text[a:b]
    if para.rstrip().endswith(":"):
        colon_at = a + para.rstrip().rfind(":")
        intro = text[_sentence_start(text, a, colon_at):colon_at]
        if _is_intro(intro) or _speaker_asks(intro, DIRECTING_END_RE):
            return _paragraph_items(text, paras, k + 1, numbered_ok=True, ctx=ctx)
        return [], -1
    for m in re.finditer(r":\s+(?=[^\W\d]|\(?1[.)]\s)", para):
        intro = para[:m.start()]
        line = intro[intro.rfind("\n") + 1:]
        if len(line.split()) <= 5:  # "Ngày đăng: …", "Về y tế: …": a field label, not an intro
            intro = line
        if not _is_intro(intro[_sentence_start(intro, 0, len(intro)):]):
            if _speaker_asks(intro) and (hit := addressee(text, a + m.end(), b, ctx)):
                return _clause_items(text, paras, k, hit[0], first_free=True)  # «… nhấn mạnh: Các sở cần …»
            if _speaker_asks(intro) and VERB_RE.match(text, a + m.end()):
                return _clause_items(text, paras, k, a + m.end(), first_free=True)  # «… yêu cầu: Tập trung …»
            continue
        if para[m.end()].isdigit() or para[m.end()] == "(":
            return _inline_numbered(text, a + m.end(), b), b
        return _clause_items(text, paras, k, a + m.end(), first_free=True, capitals=para[m.end()].isupper())
    im = IS_INTRO.search(para, low)
    if im and not NOT_INTRO_RE.search(PURPOSE_RE.sub("", para[_sentence_start(para, 0, im.start()):im.end()], count=1)):
        return _clause_items(text, paras, k, a + im.end(), first_free=True)
    rm = REQUEST.search(para, low)
    if rm and not NOT_INTRO_RE.search(para[:rm.start()]):
        end = _sentence_end(text, a + rm.end(), b)
        items: list[Task] = []
        rest = _skip_count_sentences(text, end, b)
        if rest < b and (verb_at := _opens_with_verb(text, rest, b)) is not None:
            t = _task(text, verb_at, b)
            items += [t] if t else []
        more, last = _paragraph_items(text, paras, k + 1)
        if not items and not more and _sentence_start(para, 0, rm.start()) == 0 and end >= b:
            return _standing_request(text, paras, k, a + rm.start(), ctx), b
        return items + more, max(last, b)
    tm = TIME_FRAME_RE.match(para)
    if tm and not (year and tm.group("y") and int(tm.group("y")) < year):
        sm = SUBJECT_RE.match(para, tm.end()) or SECTOR_RE.match(para, tm.end())
        verb_at = a + sm.end() if sm else None
        if sm is None and (hit := addressee(text, a + tm.end(), b, ctx)) and hit[1]:
            verb_at = hit[0]  # «Năm 2026, Sở Y tế tập trung …»
        if (verb_at is not None and ORIENT_RE.match(text, verb_at)
                and not re.search(r"\bđã\b|\bvừa\b|\bqua\b", text[a:verb_at])):
            return _clause_items(text, paras, k, verb_at, first_free=True, subject_ok=True)
    return [], -1


def _standing_request(text: str, paras: list[tuple[int, int]], k: int, at: int, ctx: TaskContext) -> list[Task]:
    """A request that is a paragraph of its own and introduces nothing («Chủ tịch UBND tỉnh yêu cầu các sở,
    ngành tập trung A; đẩy mạnh B.»): its clauses from the task verb on are the tasks. A speaker's «đề nghị»
    proposes; only the text's own «Đề nghị …» assigns."""
    a, b = paras[k]
    past = TIME_FRAME_RE.match(text, _strip_marker(text, a, b))
    if past and past.group("y") and ctx.year and int(past.group("y")) < ctx.year:
        return []  # «Năm 2024, UBND tỉnh giao …»: a report of an earlier year
    word = REQUEST_WORD_RE.match(text, at)
    if word is None or (PROPOSE_RE.match(word.group(0)) and text[_strip_marker(text, a, b):at].strip()):
        return []  # «Bí thư Tỉnh ủy đề nghị các cấp, các ngành …», «Sở Y tế đề nghị UBND tỉnh …»: proposals
    hit = addressee(text, word.end(), b, ctx)
    if hit is None:
        return []
    found, _ = _clause_items(text, paras, k, hit[0], first_free=True)
    if found and (_only_verbs(found[0].label) or closing(found[0].label)):
        return []
    return found


def _only_verbs(label: str) -> bool:
    """«Nghiêm túc triển khai thực hiện»: verbs with no object, a closing formula."""
    pos = 0
    while m := VERB_RE.match(label, pos):
        pos = m.end()
        while pos < len(label) and label[pos] in " ,":
            pos += 1
        if label.startswith("và ", pos):
            pos += 3
    return len(label[pos:].split()) < 2


def _inline_numbered(text: str, a: int, b: int) -> list[Task]:
    """«… sau: 1. A. 2. B. 3. C.» or «1) A; 2) B»: one task per number, in sequence."""
    marks = []
    pos, n = a, 1
    while True:
        m = re.compile(rf"(?:^|(?<=\s))\(?{n}[.)]\s+").search(text, pos, b)
        if not m:
            break
        marks.append(m)
        pos, n = m.end(), n + 1
    out = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else b
        t = _task(text, m.end(), end)
        if t:
            out.append(t)
    return out if len(out) >= 2 else []


def _is_intro(intro: str) -> bool:
    """A clause before a colon that announces tasks: it names them or asks addressees to act. A leading
    purpose clause («Để hoàn thành các mục tiêu đã đề ra, …») does not count against it."""
    intro = intro.strip()
    if not PURPOSE_OPENER_RE.match(intro):
        return _announces(intro)
    # the purpose clause ends at one of its commas: «Để đạt các mục tiêu, chỉ tiêu đã đề ra, tỉnh tập trung …»
    return any(_announces(intro[m.end():]) for m in re.finditer(r",\s*", intro))


def _names_task_list(para: str) -> bool:
    """A paragraph that ends by announcing a list of tasks by name («Để đạt mục tiêu trên, các sở, ngành tập
    trung thực hiện 4 nhóm nhiệm vụ, giải pháp sau:»): its items are tasks even in a section of aims."""
    para = para.rstrip()
    if not para.endswith(":"):
        return False
    intro = para[_sentence_start(para, 0, len(para) - 1):-1]
    return _is_intro(intro) and bool(TASK_NOUN_RE.search(intro))


def _speaker_asks(intro: str, verbs: re.Pattern[str] | None = None) -> bool:
    """«Phát biểu chỉ đạo, Chủ tịch UBND tỉnh nhấn mạnh»: a speaker, then a verb of directing at the end."""
    m = (verbs or SPEECH_END_RE).search(intro)
    return bool(m and intro[:m.start()].strip() and not NOT_INTRO_RE.search(intro))


def _announces(intro: str) -> bool:
    if NOT_INTRO_RE.search(intro) or len(intro.split()) > 60:
        return False
    if REQUEST_RE.search(intro):
        return True
    nouns = {squash(m.group(0)).lower() for m in LIST_NOUN_RE.finditer(intro)}
    strong = nouns - set(cues.WEAK_LIST_NOUNS)
    return bool(strong or (nouns and re.search(r"(?i)\bsau\s*$", intro)))


def _sentence_start(text: str, lo: int, pos: int) -> int:
    cut = max((m.end() for m in re.finditer(r"[.!?]\s+", text[lo:pos])), default=0)
    return lo + cut


def _sentence_end(text: str, pos: int, hi: int) -> int:
    m = SENTENCE_END.search(text, max(pos - 1, 0), hi)
    return m.end() if m else hi


def _skip_count_sentences(text: str, pos: int, hi: int) -> int:
    """Skip sentences that count tasks («Triển khai đồng bộ 12 nhiệm vụ, giải pháp …»): they introduce."""
    while pos < hi:
        end = _sentence_end(text, pos, hi)
        if not COUNT_RE.search(text, pos, end):
            return pos
        pos = end
    return pos


def _paragraph_items(text: str, paras: list[tuple[int, int]], k: int, numbered_ok: bool = False,
                     ctx: TaskContext | None = None) -> tuple[list[Task], int]:
    """One task per following paragraph while paragraphs open with a task verb (or, after a colon, are the
    numbered items «1. …», «2. …» of the list)."""
    out: list[Task] = []
    last = -1
    numbered = numbered_ok and k < len(paras) and bool(NUMBER_ITEM_RE.match(text, paras[k][0]))
    expect = 1
    while k < len(paras):
        a, b = paras[k]
        if numbered:
            m = NUMBER_ITEM_RE.match(text, a)
            if not m:
                if HEADING_RE.match(text[a:b]):
                    break
                k += 1  # a bullet or a paragraph inside the numbered item
                continue
            if int(m.group("n")) != expect:
                break
            expect += 1
            start = m.end()
            body_end = next((j for j in range(k + 1, len(paras)) if NUMBER_ITEM_RE.match(text, paras[j][0])
                             or HEADING_RE.match(text, paras[j][0])), len(paras))
            if reporting_heading(text[start:b]):
                last, k = b, body_end  # "4. Tổ chức thực hiện": not a task
                continue
            if ctx is not None and ADDRESSEE_ITEM_RE.match(text[start:b]) and body_end > k + 1:
                # "2. Sở Tài chính" then what it must do: one task per paragraph, led by that body
                leads = lead_bodies(text[start:b].rstrip(" \t:"), ctx, generic=False)
                for x, y in paras[k + 1:body_end]:
                    t = _task(text, _strip_marker(text, x, y), y)
                    if t:
                        t.lead, t.leads = (leads[0], leads[1:]) if leads else (None, [])
                        out.append(t)
                last, k = paras[body_end - 1][1], body_end
                continue
        else:
            if HEADING_RE.match(text, a) or LABEL_HEAD_RE.match(text, a):
                break
            start = _opens_with_verb(text, a, b)
            if start is None:
                break
            start = _strip_marker(text, a, b)
        t = _task(text, start, b)
        if t:
            out.append(t)
        last = b
        k += 1
    return out, last


def _clause_items(text: str, paras: list[tuple[int, int]], k: int, pos: int, first_free: bool = False,
                  subject_ok: bool = False, capitals: bool = False) -> tuple[list[Task], int]:
    """One task per clause from `pos` on, across paragraphs, while clauses open with a task verb. With
    `capitals` (a colon list whose first item is capitalised: «… giải pháp: Hoàn thiện A; Đầu tư B; Đa dạng
    hóa C.»), every capitalised clause of the intro's own sentence is an item, whatever its verb."""
    out: list[Task] = []
    last = -1
    first = first_free
    sentence_end = _sentence_end(text, pos, paras[k][1]) if capitals else -1
    while k < len(paras):
        a, b = paras[k]
        if pos > a:
            a = pos
        elif HEADING_RE.match(text, a) or LABEL_HEAD_RE.match(text, a):
            break
        for s, e in clauses(text, a, b):
            if capitals and e <= sentence_end and (lead := _capital_item(text, s, e)) is not None:
                start: int | None = lead
            else:
                start = _strip_marker(text, s, e) if first else _opens_with_verb(text, s, e, subject_ok)
            first = False
            if start is None:
                return out, last
            t = _task(text, start, e)
            if t:
                out.append(t)
            last = e
        k += 1
    return out, last


def _capital_item(text: str, s: int, e: int) -> int | None:
    """Where a clause of a capitalised list starts, if it opens with a capital letter (not a digit or quote)."""
    while s < e and text[s] in " \t\n":
        s += 1
    return s if s < e and text[s].isupper() else None


def _names_its_part(text: str, a: int, b: int) -> bool:
    """A numbered item that names a part of the document rather than a task: a head over its own sub-list
    («Chỉ tiêu chủ yếu năm 2025:») or a field label before what is no task («Đánh giá năm 2024: ước đạt …»)."""
    if text[a:b].rstrip().endswith(":"):
        return True
    head = LABEL_HEAD_RE.match(text, a, b)
    return head is not None and VERB_RE.match(text, head.end(), b) is None


def numbered_runs(text: str, paras: list[tuple[int, int]], skip: tuple[tuple[int, int], ...]) -> list[Task]:
    """Runs of numbered items «1. …» … «n. …» (n ≥ 3) that mostly open with a task verb or a task-group noun,
    outside a section that reports or states aims."""
    out: list[Task] = []
    run: list[tuple[int, int]] = []
    heading = ""

    def flush() -> None:
        if len(run) >= 3 and not reporting_heading(heading) and not inside(run[0][0], skip):
            verbs = sum(1 for s, e in run if (VERB_RE.match(text, s, e) or GROUP_NOUN_RE.match(text, s, e))
                        and not _names_its_part(text, s, e))
            if verbs * 3 >= len(run) * 2:
                out.extend(t for s, e in run if (t := _task(text, s, e)))
        run.clear()

    for a, b in paras:
        m = NUMBER_ITEM_RE.match(text, a)
        if m and int(m.group("n")) == len(run) + 1:
            run.append((m.end(), b))
            continue
        if m and m.group("n") == "1":
            flush()
            run.append((m.end(), b))
            continue
        if HEADING_RE.match(text, a):
            flush()
            heading = squash(text[a:b])
    flush()
    return out
