"""Addressee phrases of requests and assignments («Thủ trưởng các sở, ban ngành, Chủ tịch UBND các huyện, thành
phố», «Sở Y tế, Sở Tài chính»), read up to the task verb that follows them.

A phrase is an addressee when each of its parts is a body the vocabulary knows (after a post such as «Giám
đốc») or is made only of the addressee words of `lang_vi/task_cues.py` (a class of bodies, which names no lead).
"""

from __future__ import annotations

import re

from kg.extraction.bodies import agency
from kg.extraction.lang_vi import task_cues as cues
from kg.extraction.task_leads import HEAD_RE, MAX_OPEN_WORDS, SPLIT_RE, TaskContext, known_body
from kg.extraction.text import alternation as _alt
from kg.extraction.text import squash
from kg.model import Body

# Task verbs in lower case only: inside a sentence a verb is written in lower case, an agency's name
# ("Sở Xây dựng") is not.
LOWER_VERB_RE = re.compile(rf"(?<!\w)(?:{_alt(cues.TASK_VERBS)})(?!\w)")
VERB_RE = re.compile(rf"(?:{_alt(cues.TASK_VERBS)})(?!\w)", re.I)  # a verb opening a clause, in any case
VERB_NOUN_RE = re.compile(rf"(?i)(?<!\w)(?:{_alt(cues.VERB_NOUNS)})(?!\w)")
POST_RE = re.compile(rf"(?i)^(?:{_alt(cues.ADDRESSEE_POSTS)})\s+")
WORD_RE = re.compile(r"[^\W\d_]+")
NOT_IN_PHRASE_RE = re.compile(r"[.;:!?\d\"“”()]")
ADDRESSEE_WORDS = frozenset(cues.ADDRESSEE_WORDS)
OPEN_STOP_RE = re.compile(r",\s*các\s")  # «Sở Y tế, các bệnh viện»: a body and a class, no one name
PART_SPLIT_RE = re.compile(r",|\s+và\s+(?=các\s)")  # «Sở Y tế, các bệnh viện», «Ủy ban MTTQ … và các đoàn thể»
MAX_PHRASE = 200  # characters from the request verb to the task verb


def next_verb(text: str, pos: int, end: int) -> re.Match[str] | None:
    """The first lower-case task verb in text[pos:end] that is no part of a noun phrase («Ban Quản lý dự án đầu
    tư xây dựng …», «các tổ chức đảng»)."""
    for verb in LOWER_VERB_RE.finditer(text, pos, end):
        window = VERB_NOUN_RE.finditer(text, max(pos, verb.start() - 12), min(len(text), verb.end() + 20))
        if not any(n.start() <= verb.start() < n.end() for n in window):
            return verb
    return None


def addressee(text: str, pos: int, end: int, ctx: TaskContext) -> tuple[int, list[Body]] | None:
    """(where the task verb starts, the bodies named) when text[pos:end] opens with an addressee phrase followed
    by a lower-case task verb; None otherwise. A class of bodies («các sở, ngành») names no body."""
    verb = next_verb(text, pos, min(end, pos + MAX_PHRASE))
    if verb is None or verb.start() == pos or VERB_RE.match(text, pos):
        return None  # «Tập trung chỉ đạo …» opens with its verb: no addressee
    phrase = text[pos:verb.start()]
    if NOT_IN_PHRASE_RE.search(phrase):
        return None
    bodies: list[Body] = []
    for part in SPLIT_RE.split(squash(phrase)):
        # «Sở Văn hóa, Thể thao và Du lịch» is one name; «Sở Y tế, các bệnh viện», «… và các đoàn thể» a body
        # and a class
        if _named(part, ctx, bodies) is None and any(_named(c, ctx, bodies) is None for c in PART_SPLIT_RE.split(part)):
            return None
    return verb.start(), bodies


def _named(part: str, ctx: TaskContext, bodies: list[Body]) -> bool | None:
    """True when `part` names a body (added to `bodies`), False when it is a class of bodies or empty, None
    when it is neither."""
    part = part.strip(" ,;-")
    if not part:
        return False
    name = POST_RE.sub("", part)
    body = known_body(name, ctx)
    if (body is None and HEAD_RE.match(name) and len(name.split()) <= MAX_OPEN_WORDS
            and not OPEN_STOP_RE.search(name)):
        body = agency(name, ctx.province, ctx.unknown_scope)  # «Công an thành phố», a body named as written
    if body is not None:
        if all(b.name != body.name for b in bodies):
            bodies.append(body)
        return True
    return False if all(w.lower() in ADDRESSEE_WORDS for w in WORD_RE.findall(part)) else None


def closing(label: str) -> bool:
    """A request that only points back at the text («… tổ chức thực hiện Chỉ thị này»)."""
    low = squash(label).lower().rstrip(" ./;,")
    return any(low.endswith(" " + w) for w in cues.CLOSING_OBJECTS)
