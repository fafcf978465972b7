"""Documents named by a head word and a title: ``Đề án phát triển du lịch tỉnh X giai đoạn 2021-2025``.

A name runs from its head (any case) to what singles one document out — an anchor: a period, a named
place, an embedded document (numbered, or a congress), an issuer with a date, an acronym in brackets —
and then over anchors that directly follow. A capitalised head that opens a table cell or a task item
names a drafted document even without an anchor. Plurals, benchmarks ("đạt 98% kế hoạch"), a plan
that is only the "về …" topic of the act adopting it, and verbs spelled like heads are not names.
"""

from __future__ import annotations

import re

from kg.extraction.bodies import PROVINCE_ALT, match_body
from kg.extraction.dates import DATE_RE
from kg.extraction.lang_vi import named_docs as cue
from kg.extraction.lang_vi.doc_types import TYPE_WORDS
from kg.extraction.symbols import SYMBOL_RE
from kg.extraction.text import alternation as _alt
from kg.extraction.text import grouped_alternation
from kg.model import Body


def _grouped(words: object) -> str:
    """`_alt` grouped by first letter (the same matches, cheaper scans), for case-insensitive patterns."""
    return grouped_alternation(sorted(words, key=len, reverse=True))  # type: ignore


HEAD_RE = re.compile(rf"(?<![\w])(?P<head>(?i:{_grouped(cue.HEADS)}))\s+")
COORDINATED_HEAD_RE = re.compile(rf"(?:,|\s(?i:và))\s+(?i:{_grouped(cue.HEADS)})(?=\s)")  # "…, Kế hoạch", "và Đề án"
ANY_TYPE_RE = re.compile(rf"(?<![\w])(?i:{_grouped(TYPE_WORDS)})(?![\w])")
HARD_STOP_RE = re.compile(r"[;:!?()\[\]“”\"|…]|\.(?=\s|$)|\n\s*\n|\n\s*\|"
                          r"|\n(?=\s*(?:[-–•+]\s|\d{1,2}\.\s|[IVX]{1,4}\.\s))|\n(?=[^\n]*\|)")  # … a table row
STOP_RE = re.compile(rf"(?:\s|,)(?:{_alt(cue.STOP_WORDS)})(?![\w])|,\s+(?i:{_alt(cue.COMMA_VERBS)})(?![\w])")
_Y = r"(?:19|20)\d{2}"
PERIOD_RE = re.compile(
    rf"(?:(?:\d\s+(?i:năm)\s+)?(?:(?i:năm|giai\s+đoạn|thời\s+kỳ|nhiệm\s+kỳ|đến\s+năm|đến|trước\s+năm)\s+)(?:\(\s*)?{_Y}"
    rf"(?:\s*-\s*{_Y})?(?:\s*\))?|\(\s*{_Y}\s*-\s*{_Y}\s*\)|(?<![\d/.\-]){_Y}\s*-\s*{_Y})(?![\d/])"
)
CONTINUE_RE = re.compile(
    rf"\s*,?\s*(?:và\s+)?(?:(?:tầm\s+nhìn|định\s+hướng)\s+(?:đến\s+)?(?:năm\s+)?{_Y}|những\s+năm\s+tiếp\s+theo"
    rf"|nhiệm\s+kỳ\s+{_Y}\s*-\s*{_Y})"
)
PLACE_RE = re.compile(rf"(?:trên\s+địa\s+bàn\s+)?(?:tỉnh|thành\s+phố)\s+(?:{PROVINCE_ALT})(?![\w])")
NATIONAL_RE = re.compile(r"(?<![\w])(?i:quốc\s+gia|toàn\s+quốc)(?![\w])")
ACRONYM_RE = re.compile(r"\s*\((?P<a>[A-ZĐ][A-ZĐ0-9&\-]{1,12})\)")
TERM_RE = re.compile(r"(?:\s*,?\s*khóa\s+[IVXLC]+(?![\w]))?(?:\s*,?\s*nhiệm\s+kỳ\s+\d{4}\s*-\s*\d{4})?")
IMPLEMENTS_RE = re.compile(r"\s+(?:(?:triển\s+khai\s+)?thực\s+hiện|triển\s+khai)\s+")
OF_RE = re.compile(r"\s*,?\s*của\s+", re.I)
PLURAL_JOIN_RE = re.compile(rf"\s(?:và|,)\s+(?:{_alt(cue.DISTRIBUTIVE)})\s")
ADOPTED_TOPIC_RE = re.compile(rf"\svề(?:\s+việc)?(?:\s+(?:{_alt(cue.ADOPTING)}))?\s*$")
APPROVING_RE = re.compile(rf"\svề(?:\s+việc)?\s+(?:{_alt(cue.APPROVING)})\s*$")
DISTRIBUTIVE_RE = re.compile(rf"\s*của\s+(?:{_alt(cue.DISTRIBUTIVE)})\s")
TOPIC_RE = re.compile(rf"\s+(?:{_alt(cue.ACT_TOPICS)})\s+")  # "Nghị quyết của HĐND tỉnh về …", "… quy định …"
ISSUED_ON_RE = re.compile(r"\s*,?\s*(?:ban\s+hành\s+)?(?:ngày|NGÀY)\s+")
BARE_REF_RE = re.compile(rf"(?<![\w])(?i:{_grouped(TYPE_WORDS)})\s+(?:số\s+)?\d{{1,4}}(?:/[A-ZĐ]{{1,6}})?(?=\s+của\s)")
CONGRESS_IN_RE = re.compile(r"(?i:Đại\s+hội\s+(?:đại\s+biểu\s+)?(?:Đảng\s+bộ\s+\w+(?:\s+\w+)?\s+)?(?:lần\s+thứ\s+)?)"
                            r"[IVXLC]+(?!\w)(?:\s*,?\s*nhiệm\s+kỳ\s+\d{4}\s*-\s*\d{4})?")
TITLE_START_RE = re.compile(rf"(?:^|\n|\|)\s*(?:\d{{1,3}}[.)]?\s+|[-–•+]\s*)?(?:(?i:{_alt(cue.DRAFTING)})\s+)?$")
SELF_RE = re.compile(r"\s*(?:như\s+)?sau\s*:")  # "… ban hành Chương trình hành động … như sau:": the text itself
DRAFTED_RE = re.compile(rf"(?<![\w])(?:{_alt(cue.DRAFTING)})\s+$")  # "… tham mưu UBND tỉnh ban hành Kế hoạch …"
FOUNDING_RE = re.compile(rf"(?:{_alt(cue.FOUNDING_ACTS)})\s+(?:{_alt(cue.FOUNDED_BODIES)})\s+\w")
# where a name without an anchor ends: a new clause or a deadline ("… và tổ chức ra quân", "… trước ngày 30/6")
NAME_END_RE = re.compile(rf"\s+(?:và\s+(?:{_alt(cue.COMMA_VERBS)})|{_alt(cue.NAME_ENDS)})(?![\w])")
QUALIFIED_RE = re.compile(rf"(?:{_alt(cue.NAMING_QUALIFIERS)})\s+\w")
KNOWN_RE = re.compile("(?:" + "|".join(r"\s*-\s*".join(_alt([part.strip()]) for part in p.split("-"))
                                     for p in cue.NATIONAL_PROGRAMMES) + r")(?![\w])", re.I)
# "Nghị định sửa đổi, bổ sung Nghị định số 126/2020/NĐ-CP quy định …": an amending act, named with the subject of
# the document it amends
AMENDS_RE = re.compile(rf"\s*(?i:sửa\s+đổi)(?:\s*,\s*(?i:bổ\s+sung))?(?:\s+(?i:một\s+số\s+điều)(?:\s+của)?)?\s+"
                       rf"(?i:{_grouped(TYPE_WORDS)})\s+(?:số\s+)?$")
MAX_SUBJECT = 30
MAX_WORDS = 60
GENERIC_NEXT = {"của", "số", "này", "đó", "trên", "đã", "và", "hoặc", "các", "được", "tại", "là", "mới", "chung",
                "liên", "trình", "cụ", "nêu", "cũng", "sẽ", "vừa", "đang", "phải", "cần", "nhằm", "để", "với", "theo",
                "trong", "khi", "thì", "đề", "ra", "như", "nói"}
Anchor = tuple[int, int]


def _words_before(text: str, pos: int, n: int = 3) -> str:
    return " ".join(text[max(0, pos - 60):pos].lower().split()[-n:])


def _prev_in(text: str, pos: int, words: frozenset[str]) -> bool:
    before = text[max(0, pos - 60):pos].lower()
    if before.rstrip().endswith("%"):
        return "%" in words
    tail = before.split()
    return any(" ".join(tail[-k:]) in words for k in (1, 2, 3) if len(tail) >= k)


def _topic_of_act(text: str, start: int) -> bool:
    """"Nghị quyết … về Kế hoạch X", "Quyết định … về việc giao Kế hoạch X": the plan adopted by the act it is the
    topic of."""
    before = text[max(0, start - 300):start]
    if not ADOPTED_TOPIC_RE.search(before):
        return False
    stop = max(before.rfind(c) for c in ";.\n:")
    acts = list(ANY_TYPE_RE.finditer(before[stop + 1:]))
    if acts and APPROVING_RE.search(before) and re.match(r"(?i:quyết\s+định)$", acts[-1].group(0)):
        return False  # "Quyết định số … về việc phê duyệt Đề án X": the approved đề án is named all the same
    return bool(acts)


def _ref_tail(text: str, pos: int, province: str | None, scope: str) -> tuple[int, Body | None]:
    """Past an embedded document's date and issuer."""
    d = re.compile(r"\s*,?\s*(?:ngày|NGÀY)\s+").match(text, pos)
    if d and (dm := DATE_RE.match(text, d.end())):
        pos = dm.end()
    issuer = None
    of = OF_RE.match(text, pos)
    if of and (hit := match_body(text, of.end(), province, scope)):
        issuer, pos = hit
    return pos, issuer


def _anchors(text: str, lo: int, hi: int, province: str | None, scope: str) -> list[Anchor]:
    seg = text[lo:hi]
    found: list[Anchor] = [(lo + p.start(), lo + p.end()) for p in PERIOD_RE.finditer(seg)
                           if not re.search(r"của\s*$", seg[:p.start()])]  # "chỉ tiêu của năm 2023": not a title
    found += [(lo + p.start(), lo + p.end()) for p in PLACE_RE.finditer(seg)]
    found += [(lo + p.start(), lo + p.end()) for p in CONGRESS_IN_RE.finditer(seg)]
    for s in SYMBOL_RE.finditer(seg):
        found.append((lo + s.start(), min(hi, _ref_tail(text, lo + s.end(), province, scope)[0])))
    for b in BARE_REF_RE.finditer(seg):
        found.append((lo + b.start(), min(hi, _ref_tail(text, lo + b.end(), province, scope)[0])))
    return sorted(found)


QUOTED_RE = re.compile(r"“[^“”\n]{1,150}”|\"[^\"\n]{1,150}\"")  # a quoted title inside the subject
BRACKETED_PERIOD_RE = re.compile(rf"\(\s*(?:giai\s+đoạn\s+|nhiệm\s+kỳ\s+)?{_Y}\s*-\s*{_Y}\s*\)")


def _segment_end(text: str, start: int, upper: bool) -> int:
    hard = HARD_STOP_RE.search(text, start, start + 900)
    while hard and (bp := BRACKETED_PERIOD_RE.match(text, hard.start()) or QUOTED_RE.match(text, hard.start())):
        # "Kế hoạch 5 năm (2026 - 2030)", "Kế hoạch tổ chức phong trào thi đua “Chung sức xây dựng …” năm 2025"
        hard = HARD_STOP_RE.search(text, bp.end(), start + 900)
    end = hard.start() if hard else min(len(text), start + 600)
    stop = STOP_RE.search(text, max(0, start - 1), end)  # a clause word right after the head ends it too
    if stop and stop.start() < start:
        return start
    end = stop.start() if stop else end
    if upper:  # a title in capitals ends where ordinary text begins
        low = next((w for w in re.finditer(r"\S+", text[start:end]) if any(c.islower() for c in w.group(0))), None)
        end = start + low.start() if low else end
    return end


def read_titled(text: str, m: re.Match[str], province: str | None, scope: str) -> tuple[int, str, Body | None] | None:
    """(end, label, issuer) of the document named from head `m`, or None."""
    head = " ".join(m.group("head").lower().split())
    written = m.group("head")
    upper, lower = written.isupper(), written[0].islower()
    start, pos = m.start(), m.end()
    if lower and head not in cue.LOWER_HEADS:
        return None
    if _prev_in(text, start, frozenset({"các", "những", "mọi", "từng"})) or _topic_of_act(text, start):
        return None
    after = text[pos:pos + 40].lower().lstrip()
    if lower:
        if _prev_in(text, start, cue.NOT_BEFORE - {"theo"} if head in cue.SELF_NAMING else cue.NOT_BEFORE):
            return None
        if head in cue.VERB_HEADS and not _prev_in(text, start, cue.NOUN_CONTEXT) and not (
                head == "báo cáo" and after.startswith(cue.REPORT_KINDS)):
            return None
    end = _segment_end(text, pos, upper)
    body = text[pos:end]
    if (quoted := QUOTED_RE.match(text, pos)) and not lower:  # "Đề án “Đầu tư xây dựng …”": the quoted title
        return quoted.end(), text[start:quoted.end()], None
    first = body.split(maxsplit=1)[0].lower() if body.strip() else ""
    if not first or not re.match(r"\w", first) or (first in GENERIC_NEXT and first != "của"
                                                  and not _lookalike(head, body)):
        return None
    coord = COORDINATED_HEAD_RE.search(body)
    if coord and HEAD_RE.search(body, 0, coord.start()):
        coord = None  # "thực hiện Nghị quyết A, Nghị quyết B": documents inside the name, not beside it
    issuer: Body | None = None
    of = OF_RE.match(text, pos - 1) if first == "của" else None
    if of and match_body(text, of.end(), province, scope):
        return _issued(text, m, head, province, scope, end)
    # "Chương trình hành động của ngành Giáo dục thực hiện Nghị quyết số …": an owner not known as a body
    # is part of the subject, and the name needs an anchor as any other
    anchors = [a for a in _anchors(text, pos, end, province, scope) if a[0] < pos + len(body)]
    if coord:
        anchors = [a for a in anchors if a[0] < pos + coord.start()] or []
        if not anchors:
            return None
    if anchors and _own_number(text, pos, anchors[0][0]):
        return None  # "Báo cáo thẩm tra số 98/BC-HĐND ngày …": the numbered document, read by the references
    if anchors and _carried_out(text, start):
        anchors = _before_sub_period(text, anchors)
    if anchors and len(text[pos:anchors[0][0]].split()) <= MAX_SUBJECT:
        if lower and not text[pos:anchors[0][0]].strip() and head not in cue.SUBJECT_HEADS:
            return None  # "kế hoạch năm 2024": no subject
        if lower and head in cue.VERB_HEADS and head != "báo cáo" and not HEAD_RE.search(text, pos, anchors[0][0]):
            return None  # "quyết định giao chỉ tiêu Kế hoạch …": a lower-case act is known by the document it carries
        stop = _long_end(text, anchors) if head in cue.LONG_HEADS else _extend(text, anchors, end)
        if AMENDS_RE.fullmatch(text, pos, anchors[0][0]) and len(text[stop:end].split()) <= MAX_SUBJECT:
            stop = max(stop, pos + len(text[pos:end].rstrip(" ,")))  # the amended document's subject too
        if (quoted := QUOTED_RE.match(text, stop + len(text[stop:end]) - len(text[stop:end].lstrip()))) \
                and quoted.end() <= end:
            stop = quoted.end()  # "Chương trình kích cầu du lịch năm 2024 “Điểm đến …”": its slogan is its name too
        stop, issuer = _tail(text, stop, end, province, scope)
        if issuer is None and DISTRIBUTIVE_RE.match(text, stop):
            return None  # "chương trình công tác năm 2025 của từng đơn vị": one per unit, not one document
        return stop, text[start:stop], issuer
    if head in cue.FOUNDING_HEADS and FOUNDING_RE.match(text, pos) and len(body.split()) <= MAX_SUBJECT:
        clause = NAME_END_RE.search(text, pos, end)
        stop = pos + len(text[pos:clause.start() if clause else end].rstrip(" ,"))
        return stop, text[start:stop], None  # "quyết định thành lập Tổ chỉ đạo …": known by the body it founds
    if known := KNOWN_RE.match(text, start):
        acr = ACRONYM_RE.match(text, known.end())
        stop = acr.end() if acr else known.end()
        return stop, text[start:stop], None  # "chương trình phục hồi và phát triển kinh tế - xã hội"
    named_by_subject = head in cue.SELF_NAMING or (head in cue.QUALIFIED_HEADS and QUALIFIED_RE.match(text, pos))
    if named_by_subject and 2 <= len(body.split()) <= MAX_SUBJECT:
        clause = NAME_END_RE.search(text, pos, end)
        stop = pos + len(text[pos:clause.start() if clause else end].rstrip(" ,"))
        acr = ACRONYM_RE.match(text, stop)
        stop = acr.end() if acr else stop
        return stop, text[start:stop], None  # "bộ tiêu chí sản phẩm thuộc Chương trình …"
    if lower or upper:
        return None
    of = OF_RE.search(text, pos, end)
    if of and 1 <= len(text[pos:of.start()].split()) <= MAX_SUBJECT and (
            hit := match_body(text, of.end(), province, scope)):  # "Quy chế làm việc của Chính phủ"
        stop = _term(text, hit[1])
        return stop, text[start:stop], hit[0]
    acr = ACRONYM_RE.match(text, end)
    if acr and len(body.split()) <= MAX_SUBJECT:
        return acr.end(), text[start:acr.end()], None
    drafted = DRAFTED_RE.search(text, max(0, start - 40), start) and not SELF_RE.match(text, end)
    if (TITLE_START_RE.search(text, max(0, start - 60), start) or drafted) and 2 <= len(body.split()) <= MAX_SUBJECT:
        if _ends_in_type(body.rstrip(" ,")):
            return None  # "Quyết định phê duyệt Đề án": the document of the row, by its type alone
        if _only_addressee(text, pos, body.rstrip(" ,"), province, scope):
            return None  # "| Báo cáo UBND tỉnh", "| Báo cáo kết quả": a type and whom it goes to, or its kind
        return end, text[start:pos + len(body.rstrip(" ,"))], None
    return None


def _ends_in_type(subject: str) -> bool:
    """A subject ending in a bare type word ("phê duyệt Đề án", "thực hiện Kế hoạch"): anaphora."""
    ends = [t.end() for t in ANY_TYPE_RE.finditer(subject)]
    return bool(ends) and ends[-1] == len(subject)


def _only_addressee(text: str, pos: int, subject: str, province: str | None, scope: str) -> bool:
    """A subject that is only a body (the report's addressee or issuer) or a bare report kind."""
    if subject.lower() in cue.REPORT_KINDS:
        return True
    hit = match_body(text, pos, province, scope)
    return hit is not None and hit[1] >= pos + len(subject)


def _own_number(text: str, pos: int, anchor: int) -> bool:
    """The first anchor is the head's own number: "số" + a symbol with no other document's type word before it."""
    before = text[pos:anchor]
    return SYMBOL_RE.match(text, anchor) is not None and re.search(r"(?<![\w])số\s*$", before) is not None \
        and ANY_TYPE_RE.search(before) is None


def _lookalike(head: str, body: str) -> bool:
    """A subject opening with a word spelled like a generic one ("Đề án số hóa …", "Quy hoạch chung …")."""
    opening = " ".join(body.lower().split()[:2])
    return any(opening == w or opening.startswith(w + " ")
               for w in (*cue.SUBJECT_LOOKALIKES[""], *cue.SUBJECT_LOOKALIKES.get(head, ())))


def _extend(text: str, anchors: list[Anchor], end: int) -> int:
    """The end of the first anchor and of anchors that directly follow it."""
    stop = anchors[0][1]
    for a, b in anchors[1:]:
        gap = text[stop:a] if a >= stop else ""
        if re.fullmatch(r"[\s,]*(?:và\s+)?", gap):
            stop = max(stop, b)
    while (c := CONTINUE_RE.match(text, stop)) and c.end() <= end:
        stop = c.end()
    return stop


def _carried_out(text: str, start: int) -> bool:
    """A head right after "thực hiện"/"triển khai" of another document's name: the name is embedded."""
    return re.search(r"(?i:thực\s+hiện|triển\s+khai)\s+$", text[max(0, start - 30):start]) is not None


def _before_sub_period(text: str, anchors: list[Anchor]) -> list[Anchor]:
    """Anchors up to a horizon ("đến năm 2030"); a period inside it that follows ("giai đoạn 2024 - 2025") is the
    carrying document's own."""
    for i, (a, b) in enumerate(anchors[:-1]):
        horizon = re.fullmatch(r"(?i:đến\s+năm)\s+(\d{4})", text[a:b])
        years = re.findall(r"\d{4}", text[anchors[i + 1][0]:anchors[i + 1][1]])
        if horizon and years and max(years) <= horizon.group(1) and not text[b:anchors[i + 1][0]].strip(" ,"):
            return anchors[:i + 1]
    return anchors


def _long_end(text: str, anchors: list[Anchor]) -> int:
    """The last anchor of a long name, before a plural phrase joined to it ("… và các nội dung …")."""
    plural = PLURAL_JOIN_RE.search(text, anchors[0][1], anchors[-1][1])
    return max(b for a, b in anchors if not plural or a < plural.start())


def _tail(text: str, stop: int, end: int, province: str | None, scope: str) -> tuple[int, Body | None]:
    """An issuer ("của UBND tỉnh") and an acronym right after the name."""
    issuer = None
    of = OF_RE.match(text, stop)
    if of and (hit := match_body(text, of.end(), province, scope)):
        issuer, stop = hit
        stop = _term(text, stop)
    return stop, issuer


def _term(text: str, pos: int) -> int:
    """Past a body's term: "của Ban Chấp hành Đảng bộ tỉnh khóa XVII", ", nhiệm kỳ 2020-2025"."""
    t = TERM_RE.match(text, pos)
    return t.end() if t else pos


def _issued(text: str, m: re.Match[str], head: str, province: str | None, scope: str,
            end: int) -> tuple[int, str, Body | None] | None:
    """"Kế hoạch hành động của Bộ X ban hành ngày 11/1/2024", "Nghị quyết của HĐND tỉnh về … năm 2023"."""
    of = OF_RE.match(text, m.end())
    hit = match_body(text, of.end(), province, scope) if of else None
    if hit is None:
        return None
    issuer, pos = hit
    pos = _term(text, pos)
    does = IMPLEMENTS_RE.match(text, pos)
    if does:  # "Chương trình hành động của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 30-NQ/TW"
        h = HEAD_RE.match(text, does.end())
        inner = [a for a in _anchors(text, does.end(), _segment_end(text, does.end(), False), province, scope)
                 if h and a[0] - h.end() <= 40 and not PERIOD_RE.match(text, a[0])]
        if inner:
            return inner[0][1], text[m.start():inner[0][1]], issuer
        if h and (titled := read_titled(text, h, province, scope)):  # "… thực hiện Chiến lược X đến năm 2030"
            outer, tend = titled[0], _segment_end(text, titled[0], False)
            if own := PERIOD_RE.match(text, outer + len(text[outer:tend]) - len(text[outer:tend].lstrip(" ,"))):
                outer = own.end()  # the sub-period left out of the carried-out name is this one's own
            outer = _extend(text, [(outer, outer)], tend)
            return outer, text[m.start():outer], issuer
    on = ISSUED_ON_RE.match(text, pos)
    if on and (d := DATE_RE.match(text, on.end())):
        return d.end(), text[m.start():d.end()], issuer
    year = re.compile(r"\s+").match(text, pos)
    if year and (p := PERIOD_RE.match(text, year.end())):  # "Chương trình công tác của UBND tỉnh năm 2021"
        stop = _extend(text, [(p.start(), p.end())], len(text))
        return stop, text[m.start():stop], issuer
    own = text[m.start():pos]
    # "Nghị quyết của Tỉnh ủy và Nghị quyết của HĐND tỉnh về …": the topic after the second is shared
    again = re.compile(rf"\s+và\s+(?i:{re.escape(m.group('head'))})\s+của\s+").match(text, pos)
    if again and (hit2 := match_body(text, again.end(), province, scope)):
        pos = hit2[1]
    topic = TOPIC_RE.match(text, pos)
    if not topic:
        return None
    tend = _segment_end(text, topic.end(), False)
    anchors = _anchors(text, topic.end(), tend, province, scope)
    drafted = TITLE_START_RE.search(text, max(0, m.start() - 60), m.start()) or DRAFTED_RE.search(
        text, max(0, m.start() - 40), m.start())
    if not anchors and drafted and 2 <= len(text[topic.end():tend].split()) <= MAX_SUBJECT:
        return tend, own + text[pos:tend].rstrip(" ,"), issuer  # "Xây dựng Nghị quyết của HĐND tỉnh quy định …"
    if not anchors or len(text[topic.end():anchors[0][0]].split()) > MAX_SUBJECT:
        return None
    stop = _extend(text, anchors, tend)
    return stop, own + text[pos:stop], issuer
