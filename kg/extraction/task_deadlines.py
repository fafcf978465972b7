"""Deadlines of tasks: the phrase as written («trước ngày 15/3», «trong quý II/2026») and its normal form."""

from __future__ import annotations

import re

from kg.extraction.lang_vi import task_cues as cues
from kg.extraction.text import squash

_DATE = r"\d{1,2}/\d{1,2}(?:/\d{4})?|\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?"
_YEAR = r"(?:\s*/\s*\d{4}|\s+năm\s+\d{4})?"
_EVERY = r"(?:hàng|hằng)\s+(?:năm|quý|tháng)"
DEADLINE_PHRASE_RE = re.compile(
    r"(?:trước|chậm\s+nhất(?:\s+(?:là|trước))?|hoàn\s+thành\s+trong|trong)\s+"
    rf"(?:(?:ngày\s+)?(?:{_DATE})(?:\s*(?:và|,)\s*(?:ngày\s+)?(?:{_DATE}))*|tháng\s+\d{{1,2}}{_YEAR}"
    rf"|quý\s+(?:IV|III|II|I|l|[1-4])(?!\w){_YEAR}|ngày\s+\d{{1,2}}\s+(?={_EVERY})|năm\s+\d{{4}}(?!\d)"
    r"|6\s+tháng\s+(?:đầu|cuối)\s+năm(?:\s+\d{4})?)"
    rf"(?:\s*{_EVERY})?(?:\s+và\s+các\s+năm\s+tiếp\s+theo)?"
    r"|(?<!\w)năm\s+\d{4}\s+và\s+các\s+năm\s+tiếp\s+theo(?!\w)", re.I)  # «…, năm 2025 và các năm tiếp theo»
# A recurring period with no other deadline in the sentence: «định kỳ hằng quý báo cáo …», «… báo cáo hằng tuần»,
# «định kỳ 6 tháng, hằng năm», «trước ngày 15 của tháng cuối quý».
RECURRING_PHRASE_RE = re.compile(
    r"(?<!\w)(?:định\s+kỳ\s+6\s+tháng(?:\s*,\s*(?:(?:hằng|hàng)\s+)?năm)?"
    r"|trước\s+ngày\s+\d{1,2}\s+(?:của\s+)?tháng\s+cuối\s+quý"
    r"|(?:định\s+kỳ\s+)?(?:hằng|hàng)\s+(?:tuần|tháng|quý|năm))(?!\w)", re.I)
DEADLINE_RE = re.compile(
    r"(?P<dw>\d{1,2})\s+(?i:tháng)\s+(?P<mw>\d{1,2})(?:\s+(?i:năm)\s+(?P<yw>\d{4}))?|"
    r"(?i:qu[ýy])\s*(?P<q>IV|III|II|I|l|1|2|3|4)(?![\w])(?:\s*/\s*(?P<qy>\d{4})|\s+năm\s+(?P<qy2>\d{4}))?"
    r"|(?i:tháng)\s*(?P<m>\d{1,2})(?!\d)(?:\s*/\s*(?P<my>\d{4})|\s+năm\s+(?P<my2>\d{4}))?"
    r"|(?P<h>6\s+tháng\s+(?:đầu|cuối)\s+năm)(?:\s+(?P<hy>\d{4}))?|(?P<d>\d{1,2}/\d{1,2}(?:/\d{4})?)|(?i:năm)\s+(?P<y>\d{4})")
QUARTERS = {"I": 1, "L": 1, "1": 1, "II": 2, "2": 2, "III": 3, "3": 3, "IV": 4, "4": 4}
RECURRING_RE = re.compile("|".join(re.escape(w).replace(r"\ ", r"\s+") for w in cues.RECURRING), re.I)


def fix_ocr(deadline: str) -> str:
    """Undo OCR slips in a written deadline: "Quý l" (lower-case L) is "Quý I"."""
    return re.sub(r"(?i)\b(qu[ýy])\s*l\b", r"\1 I", deadline)


def normalise_deadline(text: str, year: int | None) -> str | None:
    """"Quý I" -> "2021-Q1", "Tháng 01" -> "2021-01", "30/6/2021" -> "2021-06-30"; None for a recurring
    deadline («trước ngày 05/6 và 05/12 hằng năm»), which has no single date."""
    t = squash(text)
    if RECURRING_RE.search(t) or len(re.findall(r"\d{1,2}/\d{1,2}|\d\s+tháng\s+\d", t)) > 1:
        return None
    m = DEADLINE_RE.search(t)
    if not m:
        return None
    y = (m.group("qy") or m.group("qy2") or m.group("my") or m.group("my2") or m.group("hy")
         or (str(year) if year else "????"))
    if m.group("dw"):
        return f"{m.group('yw') or y}-{int(m.group('mw')):02d}-{int(m.group('dw')):02d}"
    if m.group("q"):
        return f"{y}-Q{QUARTERS[m.group('q').upper()]}"
    if m.group("m") and 1 <= int(m.group("m")) <= 12:
        return f"{y}-{int(m.group('m')):02d}"
    if m.group("h"):
        return f"{y}-H1" if "đầu" in m.group("h") else f"{y}-H2"
    if m.group("d"):
        parts = m.group("d").split("/")
        yy = parts[2] if len(parts) == 3 else y
        return f"{yy}-{int(parts[1]):02d}-{int(parts[0]):02d}"
    if m.group("y"):
        return m.group("y")
    return None


def deadline_in(text: str, year: int | None) -> tuple[str | None, str | None, tuple[int, int] | None]:
    """The deadline phrase of a sentence, its normal form and where it is."""
    m = DEADLINE_PHRASE_RE.search(text)
    if not m:
        return _recurring_in(text)
    written = as_written(m.group(0))
    return written, normalise_deadline(written, year), (m.start(), m.end())


def as_written(phrase: str) -> str:
    """A deadline phrase or cell as vnkg:deadline writes it: "trong quý I/2026" is written as its period
    ("Quý I/2026"); "trước ngày 15/3" keeps its "trước"."""
    return _capitalised(fix_ocr(squash(re.sub(r"(?i)^(?:hoàn\s+thành\s+)?trong\s+", "", phrase.strip()))))


def _capitalised(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]


def _recurring_in(text: str) -> tuple[str | None, str | None, tuple[int, int] | None]:
    """A recurring period as written («Hằng quý», «Định kỳ 6 tháng, hằng năm»): «định kỳ» before «hằng …» is
    dropped; it has no normal form. Failing that, the session a clause ends at («… tại kỳ họp giữa năm 2025»)."""
    m = RECURRING_PHRASE_RE.search(text)
    if not m:
        return _session_in(text)
    written = re.sub(r"(?i)^định\s+kỳ\s+(?=h[àằ]ng\s)", "", squash(m.group(0)))
    return _capitalised(written), None, (m.start(), m.end())


# «…, báo cáo Chủ tịch UBND tỉnh tại phiên họp tháng 5.», «… ban hành nghị quyết … tại kỳ họp giữa năm 2025.»: a
# meeting of a stated time that ends the clause (not «thông qua tại Kỳ họp thứ 12», which names one)
SESSION_RE = re.compile(r"(?<!\w)tại\s+(?P<s>(?:kỳ|phiên)\s+họp\s+(?:[^\W\d]+\s+){0,2}?"
                        r"(?:tháng\s+\d{1,2}(?:\s*/\s*\d{4})?|(?:giữa|cuối|đầu)\s+năm(?:\s+\d{4})?))\s*(?:[.;]|$)")


# «…, phấn đấu …; thực hiện thường xuyên.»: a standing duty, its deadline «Thường xuyên» (as task tables write it)
STANDING_RE = re.compile(r"[;,]\s*(?:thực\s+hiện\s+)?(?P<s>thường\s+xuyên)\s*[.;]?\s*$")


def _session_in(text: str) -> tuple[str | None, str | None, tuple[int, int] | None]:
    m = SESSION_RE.search(text)
    if m:
        return squash(m.group("s")), None, (m.start(), m.end("s"))
    m = STANDING_RE.search(text)
    if m:
        return "Thường xuyên", None, (m.start(), m.end("s"))
    return None, None, None


# «tập trung hoàn thành … các công việc của tháng 02 và quý I năm 2025»: a dated period after «hoàn thành»
_DATED = (r"quý\s+(?:IV|III|II|I)(?!\w)(?:\s*/\s*\d{4}|\s+năm\s+\d{4})"
          r"|tháng\s+\d{1,2}(?:\s*/\s*\d{4}|\s+năm\s+\d{4})")
COMPLETE_BY_RE = re.compile(r"(?i)hoàn\s+thành(?P<rest>[^.;]{0,100})")
DATED_RE = re.compile(_DATED, re.I)


def completion_period(text: str, year: int | None) -> tuple[str | None, str | None]:
    """The last dated period of a clause that completes work («… hoàn thành … của quý I năm 2025»), when no
    deadline phrase says it: as written and normalised."""
    m = COMPLETE_BY_RE.search(text)
    periods = list(DATED_RE.finditer(m.group("rest"))) if m else []
    if not periods:
        return None, None
    written = squash(periods[-1].group(0))
    written = written[:1].upper() + written[1:]
    return written, normalise_deadline(written, year)
