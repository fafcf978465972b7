"""One document is one node across texts: same number and date, also when one text dates it through a
phrase shared by several numbers; the same number of another year is another node."""

from kg.rdf.iris import Iris


def _iri(res, number: str) -> str:
    found = [d for d in res.documents if d.number == number]
    assert len(found) == 1, [d.number for d in res.documents]
    return str(Iris().document(found[0]))


def test_a_date_shared_by_a_list_joins_the_dated_node(read) -> None:
    a = read("Thực hiện Nghị quyết số 01/NQ-CP ngày 05/01/2026 của Chính phủ, tỉnh Long An ban hành kế hoạch.",
             name="a.txt")
    b = read("Bám sát các Nghị quyết số 01/NQ-CP, số 02/NQ-CP ngày 05/01/2026 của Chính phủ, tỉnh Cao Bằng triển "
             "khai ngay từ đầu năm.", name="b.txt")
    assert _iri(a, "01/NQ-CP") == _iri(b, "01/NQ-CP")


def test_the_same_number_of_another_year_is_another_node(read) -> None:
    a = read("Căn cứ Nghị quyết số 01/NQ-CP ngày 05/01/2026 của Chính phủ.", name="a.txt")
    b = read("Căn cứ Nghị quyết số 01/NQ-CP ngày 08/01/2025 của Chính phủ.", name="b.txt")
    assert _iri(a, "01/NQ-CP") != _iri(b, "01/NQ-CP")


def test_a_plenum_resolution_is_one_node_with_or_without_of(read) -> None:
    a = read("Nghị quyết số 36-NQ/TW ngày 03/6/2023 Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng khóa XIII.",
             name="a.txt")
    b = read("Nghị quyết số 36-NQ/TW ngày 03/6/2023 của Ban Chấp hành Trung ương Đảng.", name="b.txt")
    assert _iri(a, "36-NQ/TW") == _iri(b, "36-NQ/TW")
