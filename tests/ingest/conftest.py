"""Shared fixtures for the ingestion tests: texts written for these tests (no corpus data)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pytest

PLAN_TEXT = (
    "ỦY BAN NHÂN DÂN\nTỈNH HẬU GIANG\n"
    "Số: 57/KH-UBND\n"
    "KẾ HOẠCH\nThực hiện Nghị quyết số 12/NQ-CP ngày 15/01/2024 của Chính phủ\n"
    "Ủy ban nhân dân tỉnh giao Sở Tài nguyên và Môi trường chủ trì, phối hợp với các sở, ngành "
    "hoàn thành quy hoạch thủy lợi, bảo đảm hòa bình, ổn định và sức khỏe của Nhân dân.\n"
)


@pytest.fixture
def plan_text() -> str:
    return PLAN_TEXT


PORTAL_HTML = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>UBND tỉnh ban hành Kế hoạch phát triển kinh tế - xã hội năm 2024 - Cổng TTĐT tỉnh Hậu Giang</title>
<script>var ga = "Tin mới nhất"; window.dataLayer = [];</script>
<style>.menu { color: red }</style>
</head>
<body>
<div id="top-menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li>
<li><a href="/tin-tuc">Tin tức - Sự kiện</a></li></ul></div>
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin-tuc">Tin tức</a></div>
<div class="wrapper">
 <div class="col-main">
  <article class="news-detail">
   <h1 class="title">UBND tỉnh ban hành Kế hoạch phát triển kinh tế - xã hội năm 2024</h1>
   <div class="share-tools">Chia sẻ <a href="#">Facebook</a> <a href="#">Zalo</a></div>
   <p>Ngày 20/01/2024, Ủy ban nhân dân tỉnh ban hành Kế hoạch số 57/KH-UBND
      triển khai   thực hiện Nghị quyết số 12/NQ-CP của Chính phủ.</p>
   <p>Kế hoạch đề ra các chỉ tiêu chủ yếu sau:<br>- Tốc độ tăng trưởng GRDP đạt 7%;
      <br>- Thu ngân sách đạt 6.500 tỷ đồng.</p>
   <table class="tbl">
    <tr><th>STT</th><th>Nhiệm vụ</th><th>Cơ quan chủ trì</th></tr>
    <tr><td>1</td><td>Xây dựng kế hoạch đầu tư công năm 2024</td><td>Sở Kế hoạch và Đầu tư</td></tr>
    <tr><td>2</td><td>Rà soát quy hoạch <b>thủy lợi</b></td><td>Sở Nông nghiệp và PTNT</td></tr>
   </table>
   <p>Các sở, ngành tổ chức thực hiện nghiêm túc Kế hoạch này./.</p>
  </article>
  <div class="box">
   <h3>Tin mới nhất</h3>
   <ul><li><a href="/a">Hội nghị tổng kết công tác năm 2023 của ngành Giáo dục(25/01/2024)</a></li>
   <li><a href="/b">Lãnh đạo tỉnh thăm, chúc Tết các gia đình chính sách(24/01/2024)</a></li></ul>
  </div>
 </div>
 <div class="col-right">
  <div class="block-poll"><p>Đánh giá của bạn về Cổng thông tin điện tử tỉnh</p>
   <p>1942 người đã bình chọn</p></div>
  <div><p>Đánh giá của bạn về giao diện mới</p><p>Rất tốt</p><p>Tốt</p><p>812 người đã bình chọn</p></div>
 </div>
</div>
<footer><p>Bản quyền thuộc Ủy ban nhân dân tỉnh Hậu Giang. 2654 người đang online</p></footer>
</body>
</html>
"""


@pytest.fixture
def portal_html() -> str:
    return PORTAL_HTML


def cells(text: str) -> list[str]:
    """Cell texts of a flattened table (the text between `|` lines), whitespace-joined."""
    out, cur = [], []
    for line in text.split("\n"):
        if line == "|":
            out.append(" ".join(cur))
            cur = []
        elif line.strip():
            cur.append(line.strip())
        else:
            cur = []
    return out


@pytest.fixture
def split_cells() -> Callable[[str], list[str]]:
    return cells


_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def encode_cp1258(text: str) -> bytes:
    """Encode like a Windows-1258 editor: base letter (â, ơ, đ...) precomposed, tone as combining mark."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            nfd = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONE_MARKS))
            out += (base + "".join(c for c in nfd if c in _TONE_MARKS)).encode("cp1258")
    return bytes(out)


@pytest.fixture
def to_cp1258() -> Callable[[str], bytes]:
    return encode_cp1258
