"""People with the posts they held at the time, and the meetings they chaired.

``đồng chí Đỗ Minh Tuấn – Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh``; ``Chủ tịch UBND tỉnh Trịnh Việt Hùng``.
A person is known by the full name (never merged by surname); the posts are split on commas.
``Phiên họp thường kỳ UBND tỉnh tháng 12 năm 2022``, ``phiên họp thứ 44`` are meetings, dated by the
sentence that reports them (or a ``dd/mm`` in the title, with the year from the text).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from kg.extraction.bodies import BODY_START_RE, agency, match_body
from kg.extraction.dates import find_dates, to_iso
from kg.extraction.lang_vi.names import FAMILY_NAMES, POST_HEADS
from kg.extraction.text import LOWER, UPPER, context, squash
from kg.model import Body, Meeting, Person, Span

_SYL = rf"[{UPPER}][{LOWER}]+"
FAMILY_ALT = "|".join(sorted(FAMILY_NAMES, key=len, reverse=True))
NAME = rf"(?:{FAMILY_ALT})(?:\s+{_SYL}){{1,3}}"
POST_ALT = "|".join(p.replace(" ", r"\s+") for p in sorted(POST_HEADS, key=len, reverse=True))
DASH_RE = re.compile(rf"(?:[Đđ]ồng\s+chí|[Ôô]ng|[Bb]à)\s+(?P<name>{NAME})\s*(?:[–—-]|,(?=\s*(?:{POST_ALT})))\s*"
                     r"(?P<post>[^.\n]{3,160}?)"
                     r"(?=\s+(?:chủ\s+trì|phát\s+biểu|trình\s+bày|báo\s+cáo|cho\s+biết|nhấn\s+mạnh|tham\s+dự|tại|đã"
                     r"|đề\s+nghị|đề\s+xuất|kiến\s+nghị|cho\s+rằng|khẳng\s+định|yêu\s+cầu|chỉ\s+đạo|giải\s+trình"
                     r"|thông\s+tin|nêu|đánh\s+giá|lưu\s+ý|trao\s+đổi|góp\s+ý|kết\s+luận)\b"
                     r"|[.;\n]|$)")
_POST_FIRST = "".join(sorted({p[0] for p in POST_HEADS}))
TITLE_NAME_RE = re.compile(rf"(?=[{_POST_FIRST}])(?P<post>(?:{POST_ALT})(?:\s+(?!{FAMILY_ALT}\s)[^\s,.;:()]+){{0,6}}?)"
                           rf"\s+(?P<name>{NAME})(?!\w)")
MEETING_RE = re.compile(
    r"(?P<label>[Pp]hiên\s+họp\s+(?:UBND\s+tỉnh\s+)?thường\s+kỳ(?:\s+(?:của\s+)?(?:UBND|Ủy\s+ban\s+nhân\s+dân)\s+tỉnh)?"
    r"(?:\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4}|/\d{4})?)?|[Pp]hiên\s+họp\s+(?:lần\s+)?thứ\s+\d+)")
CHAIR_RE = re.compile(r"chủ\s+trì", re.I)
HELD_RE = re.compile(r"chủ\s+trì|khai\s+mạc|diễn\s+ra|tổ\s+chức|đã\s+họp|tiến\s+hành", re.I)
_WHEN = r"(?:^|\s)(?:(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa)(?:\s+ngày)?|[Nn]gày|vào\s+ngày)\s+"
LEAD_DATE_RE = re.compile(_WHEN + r"\d{1,2}\s?[/\-.]\s?\d{1,2}\s?[/\-.]\s?\d{4}"
                          r"|(?:[Nn]gày)\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}")
LEAD_SHORT_DATE_RE = re.compile(_WHEN + r"(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![/\d])")
SHORT_DATE_RE = re.compile(r"\((?:[A-ZĐ]{1,4}\s+)?(?P<d>\d{1,2})/(?P<m>\d{1,2})\)")


def _posts(post_text: str, province: str | None, unknown_scope: str) -> list[tuple[str, Body | None]]:
    out = []
    for part in re.split(r",\s*", squash(post_text)):
        part = part.strip(" .;")
        if not part or not re.match(POST_ALT, part):
            continue
        body = None
        bm = BODY_START_RE.search(part)
        if bm:
            hit = match_body(part, bm.start(), province, unknown_scope)
            body = hit[0] if hit else None
        if body is None:
            am = re.search(r"(?:Sở|Ban|Văn phòng|Trung tâm|Thanh tra)\s.*$", part)
            if am:
                body = agency(am.group(0), province, unknown_scope)
        out.append((part, body))
    return out


def read_people(text: str, province: str | None, unknown_scope: str) -> list[Person]:
    found: dict[str, Person] = {}
    for rx in (DASH_RE, TITLE_NAME_RE):
        for m in rx.finditer(text):
            name = squash(m.group("name"))
            if len(name.split()) < 2:
                continue
            posts = _posts(m.group("post"), province, unknown_scope)
            span = Span(m.start("name"), m.end("name"), name, squash(text[max(0, m.start() - 80):m.end() + 80]))
            person = found.get(name)
            if person is None:
                found[name] = person = Person(name, span, [])
            for p in posts:
                if p[0] not in {x[0] for x in person.posts}:
                    person.posts.append(p)
    return sorted(found.values(), key=lambda p: p.span.start)


DISCUSS_RE = re.compile(r"dự\s+thảo|thảo\s+luận|cho\s+ý\s+kiến|góp\s+ý|trình\s+bày|xem\s+xét|thông\s+qua"
                        r"|nghe\s+báo\s+cáo", re.I)


def discussed_documents(text: str, spans: list[list[Span]]) -> list[int]:
    """Documents a meeting report puts on the table: mentioned in a sentence about drafts, discussion or
    comments ("dự thảo", "thảo luận", "cho ý kiến", "trình bày")."""
    out = []
    for i, doc_spans in enumerate(spans):
        for sp in doc_spans:
            lo = max(0, sp.start - 400)
            start = max(text.rfind(". ", lo, sp.start), text.rfind("\n", lo, sp.start), lo)
            if DISCUSS_RE.search(text, start, sp.start):
                out.append(i)
                break
    return out


def _year_of(label: str, default: int | None) -> int | None:
    m = re.search(r"(?:năm\s+|/)((?:19|20)\d{2})\b", label)
    return int(m.group(1)) if m else default


SENTENCE_REACH = 500  # characters a meeting's sentence reaches on each side of its phrase (a run-on page)
_SENTENCE_END_RE = re.compile(r"\.(?=\s)|\n")


class _Meetings:
    """Meetings known so far by their lower-case label, in order: `find` gives the first known one whose
    label starts with the new one or is its start, by lookups of the label's prefixes, not a scan of all."""

    def __init__(self) -> None:
        self.by_key: dict[str, tuple[int, Meeting]] = {}
        self.first_with_prefix: dict[str, tuple[int, Meeting]] = {}

    def find(self, key: str) -> Meeting | None:
        found = [hit for hit in (self.by_key.get(key[:n]) for n in range(1, len(key) + 1)) if hit]
        if key in self.first_with_prefix:
            found.append(self.first_with_prefix[key])
        return min(found, key=lambda x: x[0])[1] if found else None

    def add(self, key: str, meeting: Meeting) -> None:
        entry = (len(self.by_key), meeting)
        self.by_key[key] = entry
        for n in range(1, len(key) + 1):
            self.first_with_prefix.setdefault(key[:n], entry)


def _chairs(text: str, people: list[Person]) -> tuple[list[int], list[int], int | None]:
    """Starts and indices of the people whose line says they chair, and the first head of the People's
    Committee: what every meeting of the text looks its chair up in."""
    starts, index = [], []
    for i, p in enumerate(people):
        if CHAIR_RE.search(text[p.span.start: p.span.start + 300].split("\n")[0]):
            starts.append(p.span.start)
            index.append(i)
    head = next((i for i, p in enumerate(people) if any(
        t.lower().startswith("chủ tịch ubnd") or t.lower().startswith("chủ tịch ủy ban") for t, _ in p.posts)), None)
    return starts, index, head


def read_meetings(text: str, people: list[Person], year: int | None, province: str | None,
                  unknown_scope: str) -> list[Meeting]:
    out: list[Meeting] = []
    known_meetings = _Meetings()
    title_end = text.find("\n")
    ends: list[int] | None = None
    chairs: tuple[list[int], list[int], int | None] | None = None
    for m in MEETING_RE.finditer(text):
        label = squash(m.group("label"))
        label = label[0].upper() + label[1:]
        key = label.lower()
        lo = max(0, m.start() - SENTENCE_REACH)
        sent_start = max(text.rfind("\n", lo, m.start()), text.rfind(". ", lo, m.start()), lo - 1) + 1
        if ends is None:
            ends = [x.start() for x in _SENTENCE_END_RE.finditer(text)]
        k = bisect_left(ends, m.end())
        sent_end = ends[k] if k < len(ends) and ends[k] - m.end() <= SENTENCE_REACH else m.end()
        sent = text[sent_start: sent_end]
        held = HELD_RE.search(sent) is not None
        if not (held or m.start() < title_end or "thứ" in key):
            continue  # "báo cáo tại phiên họp thường kỳ": a habit, not a meeting
        lead = LEAD_DATE_RE.search(sent)
        date = None
        if lead:
            found = find_dates(lead.group(0))
            date = found[0].iso if found else None
        elif (short := LEAD_SHORT_DATE_RE.search(sent)) and (held_year := _year_of(label, year)):
            date = to_iso(int(short.group("d")), int(short.group("m")), held_year)
        known = known_meetings.find(key)
        if known is not None:
            known.date = known.date or date
            continue
        if date is None:
            sd = SHORT_DATE_RE.search(text[:300])
            if sd and year:
                date = to_iso(int(sd.group("d")), int(sd.group("m")), year)
        if chairs is None:
            chairs = _chairs(text, people)
        starts, index, head = chairs
        c = bisect_left(starts, sent_start - 200)
        chair = index[c] if c < len(index) else head
        body = None
        if re.search(r"UBND|Ủy\s+ban", label + sent):
            hit = match_body("UBND tỉnh", 0, province, unknown_scope)
            body = hit[0] if hit else None
        where = context(text, m.start(), m.end(), sent_start, sent_start + len(sent))
        meeting = Meeting(label, Span(m.start(), m.end(), m.group(0), where), date, chair, body)
        known_meetings.add(key, meeting)
        out.append(meeting)
    return out
