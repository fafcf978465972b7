"""normalize() and strip_boilerplate()."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.ingest import CleanText, normalize, strip_boilerplate
from kg.ingest.normalize import _TRANSLATE, _translate

NFD = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731


def test_nfc_nfd_equivalence(plan_text):
    a, b = normalize(plan_text), normalize(NFD(plan_text))
    assert NFD(plan_text) != plan_text
    assert a.text == b.text == plan_text
    assert a._map is None  # fast path for already clean text
    assert b._map is not None


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("hoà bình", "hòa bình"), ("thuỷ lợi", "thủy lợi"), ("khoẻ mạnh", "khỏe mạnh"),
        ("Uỷ ban", "Ủy ban"), ("UỶ BAN", "ỦY BAN"), ("HOÀ", "HÒA"), ("toả sáng.", "tỏa sáng."),
        ("tuỳ theo", "tùy theo"), ("luỹ kế", "lũy kế"), ("xoà", "xòa"), ("hoạ", "họa"), ("loè", "lòe"),
        ("huỷ bỏ;", "hủy bỏ;"),
    ],
)
def test_tone_placement_new_style(old, new):
    assert normalize(old).text == new
    assert normalize(NFD(old)).text == new


@pytest.mark.parametrize(
    "word",
    ["hoàn thành", "toàn diện", "quyết định", "thuyết phục", "quỹ đầu tư", "quý I", "hòa", "thủy",
     "khuyến khích", "hoạch định", "ngoài"],
)
def test_tone_placement_unchanged(word):
    assert normalize(word).text == word


def test_lookalikes_spaces_dashes_line_breaks():
    src = "ÐIỀU 1.\u00a0Ðồng ý\u202fvà ðất\u2009đai\u3000– 2021\u20132025 \u2014 \u2212 5\r\nA\rB\fC"
    out = normalize(src).text
    assert out == "ĐIỀU 1. Đồng ý và đất đai - 2021-2025 - - 5\nA\nB\nC"
    assert normalize("\u201ctrích dẫn\u201d").text == "\u201ctrích dẫn\u201d"  # curly quotes stay


def test_zero_width_removed_and_mapped():
    src = "Ủy\u200b ban\ufeff nhân\u200d dân"
    clean = normalize(src)
    assert clean.text == "Ủy ban nhân dân"
    i = clean.text.index("nhân")
    assert clean.to_original(i) == src.index("nhân")
    assert src.__getitem__(slice(*clean.to_original_span(i, i + 4))) == "nhân"
    assert clean.to_original(i + 4) == src.index("nhân") + 5  # start of the next kept char
    assert clean.to_original_span(0, 2) == (0, 2)
    assert clean.to_original(len(clean.text)) == len(src)


def test_offsets_map_back_for_nfd_input():
    original = NFD("Quyết định số 15/QĐ-UBND\r\nvề việc phê duyệt quy hoạch thuỷ lợi tỉnh Hậu Giang")
    clean = normalize(original)
    assert len(clean.text) < len(original)
    for word in ("Quyết định", "15/QĐ-UBND", "phê duyệt", "thủy lợi", "Hậu Giang"):
        s = clean.text.index(word)
        e = s + len(word)
        o_s, o_e = clean.to_original(s), clean.to_original(e)
        assert clean.to_original_span(s, e) == (o_s, o_e)
        span = unicodedata.normalize("NFC", original[o_s:o_e])
        assert normalize(span).text == word
        if word != "thủy lợi":  # tone-style change only
            assert span == word


def test_to_original_identity_and_bounds():
    clean = normalize("Kế hoạch")
    assert isinstance(clean, CleanText)
    assert [clean.to_original(i) for i in range(len(clean.text) + 1)] == list(range(len(clean.text) + 1))
    with pytest.raises(IndexError):
        clean.to_original(len(clean.text) + 1)


@given(st.text(alphabet=st.sampled_from(list("aăâeêioôơuưyđ \n\r-\u200b\u0300\u0301\u0303\u0309\u0323Qq")),
               max_size=60))
def test_map_is_monotonic_and_in_range(text):
    clean = normalize(text)
    offs = [clean.to_original(i) for i in range(len(clean.text) + 1)]
    assert offs == sorted(offs)
    for s in range(len(clean.text)):
        o_s, o_e = clean.to_original_span(s, s + 1)
        assert o_s < o_e
    assert offs[-1] == len(text)
    assert all(0 <= o <= len(text) for o in offs)
    assert unicodedata.is_normalized("NFC", clean.text)
    assert normalize(clean.text).text == clean.text  # idempotent


# ----------------------------------------------------------------------------- boilerplate

ARTICLE = (
    "Hội nghị triển khai nhiệm vụ năm 2024\n"
    "Chia sẻ tại hội nghị, đồng chí Chủ tịch UBND tỉnh yêu cầu các sở hoàn thành kế hoạch./.\n"
)
PORTAL_TAIL = (
    "\n<\nTin mới nhất\n"
    "Chủ tịch UBND tỉnh ban hành Chỉ thị về việc đôn đốc thực hiện nhiệm vụ...(25/02/2024 3:09 CH)\n"
    "Phiên họp UBND tỉnh thường kỳ tháng 02 năm 2024...(22/02/2024 2:17 CH)\n"
    "Chỉ đạo điều hành\nVăn bản mới\n"
    "Đánh giá của bạn về Cổng thông tin điện tử tỉnh\n1942 người đã bình chọn\n°\n2654 người đang online"
)


def test_strip_boilerplate_blanks_tail_and_poll():
    text = ARTICLE + PORTAL_TAIL
    out = strip_boilerplate(text)
    assert len(out) == len(text)
    assert [i for i, c in enumerate(out) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    assert out.startswith(ARTICLE)
    tail = out[len(ARTICLE) + 3:]  # "\n<\n" before the heading stays
    assert tail.strip() == ""


def test_strip_boilerplate_widgets_anywhere():
    text = (
        "Mặc định Cỡ chữ In bài viết\nKế hoạch số 57/KH-UBND\nChia sẻ\n"
        "Chia sẻ kinh nghiệm triển khai chuyển đổi số.\n"
        "Đánh giá của bạn về bài viết này\n15 người đã bình chọn\n1.234 người đang online\n"
        "Tin mới nhất trong tuần được tổng hợp dưới đây.\n"
    )
    out = strip_boilerplate(text)
    assert len(out) == len(text)
    assert out.split("\n") == [
        " " * 27, "Kế hoạch số 57/KH-UBND", " " * 7,
        "Chia sẻ kinh nghiệm triển khai chuyển đổi số.",
        " " * 32, " " * 21, " " * 23,
        "Tin mới nhất trong tuần được tổng hợp dưới đây.", "",
    ]


def test_strip_boilerplate_no_change_on_plain_text(plan_text):
    assert strip_boilerplate(plan_text) == plan_text


def test_normalize_does_not_strip_boilerplate():
    assert normalize(ARTICLE + PORTAL_TAIL).text == ARTICLE + PORTAL_TAIL


_TABLE_CHARS = "".join(map(chr, _TRANSLATE)) + "".join(_TRANSLATE.values())


@given(st.text(alphabet=st.sampled_from(_TABLE_CHARS + "aăđơ ư\n\t-Đ\u0301"), max_size=60))
def test_translate_by_replace_equals_str_translate(text):
    """The replace per character held gives what `str.translate` gives, every character of the table included."""
    assert _translate(text) == text.translate(_TRANSLATE)


def test_translate_maps_every_table_character():
    text = "".join(map(chr, _TRANSLATE)) + " hòa"
    assert _translate(text) == text.translate(_TRANSLATE) != text
