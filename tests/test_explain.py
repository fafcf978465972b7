"""`kg explain`: a file's spans with attributes and graph IRIs, on a page or as JSON, for every input format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.explain import explain, explain_file, render_html

PLAN = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\nSố: 74/KH-UBND\nHà Giang, ngày 9 tháng 4 năm 2027\nKẾ HOẠCH\n"
        "Triển khai thực hiện Nghị quyết số 19/NQ-CP ngày 20/2/2027 của Chính phủ\n"
        "I. MỤC TIÊU\nPhấn đấu tỷ lệ che phủ rừng đạt trên 58%.\n")
FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans.ttf")


def write_txt(path: Path) -> Path:
    path.write_text(PLAN, encoding="utf-8")
    return path


def write_html(path: Path) -> Path:
    paras = "".join(f"<p>{line}</p>" for line in PLAN.splitlines())
    path.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Kế hoạch</title></head>"
                    f"<body><article>{paras}</article></body></html>", encoding="utf-8")
    return path


def write_docx(path: Path) -> Path:
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    for line in PLAN.splitlines():
        doc.add_paragraph(line)
    doc.save(str(path))
    return path


def write_pdf(path: Path) -> Path:
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = next((f for f in FONTS if Path(f).is_file()), None)
    if font is None:
        pytest.skip("needs the DejaVu font for Vietnamese text in a PDF")
    pdfmetrics.registerFont(TTFont("VNSansExplain", font))
    c = canvas.Canvas(str(path))
    c.setFont("VNSansExplain", 11)
    for i, line in enumerate(PLAN.splitlines()):
        c.drawString(60, 780 - 16 * i, line)
    c.save()
    return path


WRITERS = {"txt": write_txt, "html": write_html, "docx": write_docx, "pdf": write_pdf}


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_every_input_format_is_explained(fmt: str, tmp_path: Path) -> None:
    path = WRITERS[fmt](tmp_path / f"plan.{fmt}")
    ex = explain_file(path)
    assert ex.fmt == fmt
    docs = {s.attrs["number"]: s for s in ex.spans if s.key == "documents"}
    nq = docs["19/NQ-CP"]
    assert (nq.label, nq.attrs["date"], nq.attrs["issuer"]) == ("Resolution", "2027-02-20", "Chính phủ")
    assert nq.iri == "https://w3id.org/vnkg/id/doc/vn/2027/19-nq-cp"
    assert ex.text[nq.start:nq.end] == nq.text == "Nghị quyết số 19/NQ-CP"
    page = render_html(ex)
    assert f'data-s="{nq.id}"' in page and nq.iri in page
    assert page.count(f'data-e="{nq.id.rsplit(".", 1)[0]}"') == 1  # one side entry per document


def test_targets_and_links_show_their_graph_nodes(tmp_path: Path) -> None:
    ex = explain_file(write_txt(tmp_path / "plan.txt"))
    (target,) = [s for s in ex.spans if s.key == "targets"]
    assert (target.attrs["value"], target.attrs["unit"], target.attrs["comparator"]) == ("58", "%", "GreaterThan")
    assert target.iri is not None and "/target/" in target.iri
    (link,) = [s for s in ex.spans if s.key == "links"]
    assert link.iri and link.iri.endswith("/ha-giang/2027/74-kh-ubnd") and link.target.endswith("/19-nq-cp")
    assert all(s.iri is None for s in ex.spans if s.key == "dates")


def test_page_is_offline_and_nests_overlapping_spans(tmp_path: Path) -> None:
    page = render_html(explain_file(write_txt(tmp_path / "plan.txt")))
    assert "http://" not in page.split("<script")[0].split("<body>")[0]  # no external asset in the head
    assert "<link" not in page and "src=" not in page
    # the date inside the document's tail and the body inside it are marks within the text
    assert page.count("<mark") >= 5 and "window.vnkgReady = true" in page


def test_cli_writes_a_page_and_prints_json(tmp_path: Path) -> None:
    path = write_txt(tmp_path / "plan.txt")
    runner = CliRunner()
    out = tmp_path / "page.html"
    result = runner.invoke(app, ["explain", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    result = runner.invoke(app, ["explain", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["file"] == "plan.txt" and {s["key"] for s in data["spans"]} >= {"documents", "dates", "targets"}
    bad = runner.invoke(app, ["explain", str(path), "--format", "xml"])
    assert bad.exit_code != 0


def test_unreadable_input_is_one_error_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["explain", str(empty)])
    assert result.exit_code == 1 and "empty.txt" in result.output


def test_json_without_output_is_returned(tmp_path: Path) -> None:
    body = explain(write_txt(tmp_path / "plan.txt"), fmt="json")
    assert isinstance(body, str) and json.loads(body)["spans"]
