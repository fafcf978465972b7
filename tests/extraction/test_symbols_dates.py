"""Document numbers and dates in every form the issue lists, normalised to one canonical value."""

from pathlib import Path

import pytest

from kg.extraction.dates import DATE_RE, DateMention, find_dates, to_iso
from kg.extraction.symbols import canonical, find_symbols

SYMBOLS = [
    ("Nghị quyết số 01/NQ-CP ngày 08/01/2022", "01/NQ-CP"),
    ("Nghị định số 31/2021/NĐ-CP", "31/2021/NĐ-CP"),
    ("Nghị quyết số 32/2021/QH15 của Quốc hội", "32/2021/QH15"),
    ("Nghị quyết số 75/NQ-HĐND", "75/NQ-HĐND"),
    ("Kế hoạch số 140/KH-UBND", "140/KH-UBND"),
    ("Quyết định số 95/QĐ-UBND", "95/QĐ-UBND"),
    ("Quyết định số 28/2018/QĐ-TTg", "28/2018/QĐ-TTg"),
    ("Nghị quyết số 57-NQ/TW", "57-NQ/TW"),
    ("Nghị quyết số 05-NQ/TU", "05-NQ/TU"),
    ("Chương trình hành động số 12-CTr/TU", "12-CTr/TU"),
    ("Kết luận số 21-KL/TW", "21-KL/TW"),
    ("Chỉ thị số 05-CT/TW", "05-CT/TW"),
    ("Quy định số 11-QĐ/TW", "11-QĐ/TW"),
    ("Quy định số 08-QĐi/TW", "08-QĐi/TW"),
    ("Hướng dẫn số 36-HD/VPTW", "36-HD/VPTW"),
    ("Chương trình số 65-Ctr/TU", "65-CTr/TU"),  # variant case
    ("Nghị quyết số 18-NQ-TW", "18-NQ/TW"),  # variant separator
    ("Chương trình hành động số 35/CTr-TU", "35-CTr/TU"),  # Party document in state style
    ("Nghị quyết số 11 - NQ/TW", "11-NQ/TW"),  # spaces
    ("Công văn số 412/UBND-KTTH", "412/UBND-KTTH"),
    ("Thông tư số 02/2022/TT-BKHĐT", "02/2022/TT-BKHĐT"),
    ("Chỉ thị số 10/CT-TTg", "10/CT-TTg"),
]


@pytest.mark.parametrize(("text", "expected"), SYMBOLS)
def test_symbol_forms_are_canonical(text: str, expected: str) -> None:
    found = find_symbols(text)
    assert [s.number for s in found] == [expected]


@pytest.mark.parametrize("text", [
    "Đường 3/2 nối dài", "giai đoạn 2021-2025", "dịch COVID-19", "các chỉ tiêu KT-XH", "hoàn thành 18/21 chỉ tiêu",
    "ngày 24/3/2020", "phiên họp thứ 44 - phiên họp đầu tiên", "công nghệ 4.0", "mạng 5G",
])
def test_things_that_are_not_symbols(text: str) -> None:
    assert find_symbols(text) == []


def test_party_and_state_flags() -> None:
    party, state = find_symbols("58-NQ/TW và 01/NQ-CP")
    assert party.party and party.body_code == "TW" and party.type_code == "NQ"
    assert not state.party and state.body_code == "CP"


def test_year_in_symbol() -> None:
    (sym,) = find_symbols("Nghị định số 57/2018/NĐ-CP")
    assert sym.year == 2018


def test_canonical_accepts_user_spelling() -> None:
    assert canonical("01/nq-cp") == "01/NQ-CP"
    assert canonical("65-ctr/tu") == "65-CTr/TU"
    assert canonical("95/qd-ubnd") == "95/QĐ-UBND"
    assert canonical("57/2018/nd-cp") == "57/2018/NĐ-CP"
    assert canonical("hello") is None


DATES = [
    ("ngày 5-8-2022", "2022-08-05"),
    ("ngày 01/01/2021", "2021-01-01"),
    ("ngày 01-01-2021", "2021-01-01"),
    ("ngày 01 tháng 02 năm 2021", "2021-02-01"),
    ("Hà Giang, ngày 10 tháng 12 năm 2021", "2021-12-10"),
    ("06/12/2020", "2020-12-06"),
    ("Đăng ngày 22 - 12 - 2022", "2022-12-22"),
    ("NGÀY 08 THÁNG 01 NĂM 2022", "2022-01-08"),
]


@pytest.mark.parametrize(("text", "iso"), DATES)
def test_date_forms(text: str, iso: str) -> None:
    assert [d.iso for d in find_dates(text)] == [iso]


@pytest.mark.parametrize("text", ["ngày 31/02/2021", "32/2021/QH15", "tháng 12/2021", "2021-2025", "lúc 16:43"])
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []


def _scan_from_every_position(text: str) -> list[DateMention]:
    """`find_dates` as first written: `DATE_RE` (day word included) tried at every position of the text."""
    out = []
    for m in DATE_RE.finditer(text):
        i = m.start()
        if i and (text[i - 1].isalnum() or text[i - 1] in "/.-_"):
            continue
        g = m.groupdict()
        d, mo, y = (g["d"], g["m"], g["y"]) if g["d"] else (g["d2"], g["m2"], g["y2"])
        iso = to_iso(int(d), int(mo), int(y))
        if iso:
            out.append(DateMention(m.start(), m.end(), iso))
    return out


EDGES = [
    "ngày 5 tháng 3 năm 2020", "Ngày  \t\n 5 tháng 3 năm 2020", "NGÀY 5 THÁNG 3 NĂM 2020", "xngày 5 tháng 3 năm 2020",
    "ngày5 tháng 3 năm 2020", "ngày 123 tháng 3 năm 2020", "ngày ngày 5 tháng 3 năm 2020", "gày 5 tháng 3 năm 2020",
    "1ngày 5 tháng 3 năm 2020", "ngày 5/3/2020 và ngày 6 tháng 3 năm 2020", "ngày\u00a05 tháng 3 năm 2020",
    "ngày 31 tháng 2 năm 2020", "/ngày 5 tháng 3 năm 2020", "ngày 5 tháng 3 năm 20201", "5 tháng 3 năm 2020",
]


@pytest.mark.parametrize("text", EDGES)
def test_dates_scanned_from_the_day_as_from_every_position(text: str) -> None:
    """The scan starts at the day's digit and reads a day word before it backwards: the same dates, spans included."""
    assert find_dates(text) == _scan_from_every_position(text)
    assert find_dates(" " + text + ".") == _scan_from_every_position(" " + text + ".")


def test_dates_of_the_sample_as_from_every_position() -> None:
    from kg.build import sample_corpus

    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sample_corpus()).glob("*.txt"))]
    assert sum(len(find_dates(t)) for t in texts) > 20
    for t in texts:
        assert find_dates(t) == _scan_from_every_position(t)
