"""Document dossiers (`kg show`, `/id/` of a document) and indicators across provinces and years (`kg compare`,
`/indicator/`) on the bundled sample, and the indicator grouping rules on the sample and on the real texts."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.compare import compare, index, year_of
from kg.dossier import Figure, gather, resolve
from kg.indicators import concept_of, find_concept, normalise
from kg.pages import PageError, store_select
from kg.store import GraphStore

KONTUM_PLAN = "https://w3id.org/vnkg/id/doc/kon-tum/2022/35-kh-ubnd"
NQ01_2022 = "https://w3id.org/vnkg/id/doc/vn/2022/01-nq-cp"
PLAN_140 = "https://w3id.org/vnkg/id/doc/unknown-61543256a2/2024/140-kh-ubnd"
REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"


@pytest.fixture(scope="module")
def select(sample_ttl: Path):
    return store_select(GraphStore.open(sample_ttl))


# -- grouping rules ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("written", ["Tốc độ tăng trưởng GRDP", "Tốc độ tăng trưởng kinh tế (GRDP)", "GRDP tăng",
                                     "Tổng sản phẩm trên địa bàn (GRDP giá so sánh 2010) tăng",
                                     "Theo đó, GRDP tăng", "Tăng trưởng kinh tế năm 2025"])
def test_the_issue_phrasings_of_grdp_growth_are_one_concept(written: str) -> None:
    c = concept_of(written, "%")
    assert c is not None and c.key == "grdp-growth", (written, normalise(written))


def test_units_and_longer_phrases_decide_between_concepts() -> None:
    assert concept_of("Quy mô GRDP", "đồng").key == "grdp-scale"
    assert concept_of("Quy mô GRDP không ngừng mở rộng vượt kế hoạch", "%") is None  # not growth by "grdp"
    assert concept_of("GRDP bình quân đầu người", "đồng").key == "grdp-per-capita"
    assert concept_of("Tăng trưởng GDP", "%").key == "gdp-growth"
    assert concept_of("Cơ cấu kinh tế dịch vụ", "%").key == "share-services"  # a share, not services growth
    assert concept_of("Dịch vụ tăng so với năm 2020", "%").key == "services-growth"
    # a one-word phrase must be the whole indicator: GRDP in another indicator's words is not GRDP growth
    assert concept_of("Chi cho nghiên cứu khoa học, công nghệ GRDP", "%") is None


def test_normalisation_makes_spellings_one_and_keeps_words_whole() -> None:
    assert normalise("Tỉ lệ đô thị hoá") == normalise("Tỷ lệ đô thị hóa") == "tỷ lệ đô thị hóa"
    assert normalise("Tổng vốn đầu tư toàn xã hội tăng") == "tổng vốn đầu tư toàn xã hội"  # "toàn" kept
    assert normalise("Đón khách quý") == "đón khách quý"  # "quý" is no old tone placement (not "qúy")
    assert normalise("Như tỉ lệ che phủ rừng duy trì ổn định") == "tỷ lệ che phủ rừng"
    assert find_concept("GRDP-GROWTH").key == "grdp-growth"
    assert find_concept("Tốc độ tăng trưởng kinh tế (GRDP)").key == "grdp-growth"


@pytest.fixture(scope="module")
def real_select(tmp_path_factory: pytest.TempPathFactory):
    if not REAL.is_dir():
        pytest.skip(f"no real development texts at {REAL}")
    from kg.stream import build_corpus

    path = tmp_path_factory.mktemp("real") / "real.ttl"
    report = build_corpus([REAL], output=path)
    assert not report.errors, report.errors
    return store_select(GraphStore.open(path))


def test_grouping_on_the_phrasings_the_real_texts_give(real_select) -> None:
    """The indicators the build extracts from the real texts (read, not copied): GRDP growth gathers many
    phrasings from many provinces, and only phrasings about growth of the product; investment likewise."""
    growth = compare(real_select, "grdp-growth")
    assert len(growth.phrasings) >= 8 and len({p.province for p in growth.points if p.province}) >= 5
    for phrase in growth.phrasings:
        words = normalise(phrase)
        assert re.search(r"grdp|tăng trưởng|tổng sản phẩm", words), phrase
        assert "bình quân đầu người" not in words and not words.startswith("quy mô"), phrase
    assert all(p.unit == "%" for p in growth.points)
    investment = compare(real_select, "social-investment")
    assert len(investment.phrasings) >= 3
    assert all("đầu tư" in normalise(x) and "xã hội" in normalise(x) for x in investment.phrasings)
    # every concept's phrasings are disjoint from every other's
    seen: dict[str, str] = {}
    for c, _ in index(real_select):
        for phrase in compare(real_select, c.key).phrasings:
            assert seen.setdefault(phrase, c.key) == c.key, phrase


# -- dossier ------------------------------------------------------------------------------------------------
def test_resolve_takes_any_spelling_and_names_ambiguity(select) -> None:
    assert resolve(select, "35/kh-ubnd") == KONTUM_PLAN
    assert resolve(select, " 35/KH-UBND ") == KONTUM_PLAN
    assert resolve(select, KONTUM_PLAN) == KONTUM_PLAN
    assert resolve(select, "01/nq-cp", 2022) == NQ01_2022
    with pytest.raises(PageError, match=r"01/nq-cp: \d documents have this number \(2021, 2022.*give --year"):
        resolve(select, "01/nq-cp")
    with pytest.raises(PageError, match="no document with this number"):
        resolve(select, "999/XX-YY")
    with pytest.raises(PageError, match="no such document"):
        resolve(select, "https://w3id.org/vnkg/id/doc/none")


def test_dossier_of_the_kon_tum_plan(select) -> None:
    d = gather(select, KONTUM_PLAN)
    assert (d.doc.number, d.doc.type, d.doc.issuer, d.doc.date) == ("35/KH-UBND", "Plan",
                                                                      "Ủy ban nhân dân tỉnh Kon Tum", "2022-01-18")
    assert d.signer == "Lê Quang Thịnh"
    up = [n for n in d.chain if n.depth < 0]
    assert [(n.iri, n.level, n.depth) for n in up] == [(NQ01_2022, "government", -1)]
    assert (KONTUM_PLAN, NQ01_2022) in d.edges
    grdp = next(t for t in d.targets if t.concept == "grdp-growth")
    assert (grdp.value, grdp.unit, grdp.period, grdp.comparator) == (Decimal(9), "%", "2022", "GreaterThan")
    assert grdp.anchor is not None and grdp.anchor.file == "kon-tum-ke-hoach-2022.txt"
    assert "9%" in grdp.anchor.anchor and grdp.anchor.start is not None
    leads = [t.leads[0] for t in d.tasks if t.leads]
    assert "Sở Kế hoạch và Đầu tư tỉnh Kon Tum" in leads and leads == sorted(leads)  # grouped by lead agency
    kh = [t for t in d.tasks if t.leads[:1] == ["Sở Kế hoạch và Đầu tư tỉnh Kon Tum"]]
    # then by deadline, undated last
    assert [t.deadline_sort for t in kh] == sorted((t.deadline_sort for t in kh), key=lambda d: d or "\uffff")


def test_dossier_sets_results_beside_targets_with_the_gap(select) -> None:
    d = gather(select, PLAN_140)
    grdp = next(t for t in d.targets if t.concept == "grdp-growth")
    assert (grdp.value, grdp.upper) == (Decimal(7), Decimal("7.5"))
    [r] = grdp.results
    assert (r.value, r.period, grdp.gap(r)) == (Decimal("8.1"), "2023", Decimal("0.6"))
    # a budget result in % of the estimate is not set beside a target in tỷ đồng
    assert any(x.concept == "budget-revenue" and x.unit == "%" for x in d.unmatched_results)


def test_gap_is_to_the_nearest_bound_and_needs_one_unit() -> None:
    t = Figure("t", "x", "k", Decimal(7), Decimal("7.5"), "%", "%", "Between", "2024", None)
    def result(v: str, unit: str = "%") -> Figure:
        return Figure("r", "x", "k", Decimal(v), None, unit, unit, "EqualTo", "2024", None)
    assert t.gap(result("7.2")) == 0 and t.gap(result("8.1")) == Decimal("0.6")
    assert t.gap(result("6.5")) == Decimal("-0.5") and t.gap(result("8", "tỷ đồng")) is None


def test_year_of_a_period() -> None:
    assert [year_of(p) for p in ("2023", "2021-2025", "2024-Q1", "", "Quý I")] == [2023, 2025, 2024, None, None]


# -- commands ----------------------------------------------------------------------------------------------
def test_kg_show_writes_one_offline_page_with_the_explain_views(sample_ttl: Path, tmp_path: Path) -> None:
    out = tmp_path / "d.html"
    res = CliRunner().invoke(app, ["show", "35/kh-ubnd", str(sample_ttl), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "35-kh-ubnd (18 targets, 18 tasks, 1 source text)" in res.output
    page = out.read_text(encoding="utf-8")
    assert "<h1>Kế hoạch 35/KH-UBND</h1>" in page and 'id="explain-views"' in page
    assert not re.search(r"""<(?:script|link|img)[^>]+(?:src|href)=["']https?:""", page)  # nothing fetched
    assert [p.name for p in tmp_path.iterdir()] == ["d.html"]  # written through a temporary, renamed


@pytest.mark.parametrize(("args", "words"), [
    (["999/XX-YY"], "no document with this number"),
    (["01/nq-cp"], "give --year or the IRI"),
    (["35/KH-UBND", "-o", "x.pdf"], "use a .html name"),
])
def test_kg_show_errors_are_one_line(sample_ttl: Path, tmp_path: Path, args: list[str], words: str) -> None:
    res = CliRunner().invoke(app, ["show", args[0], str(sample_ttl), *args[1:]])
    assert res.exit_code == 1 and words in res.output and "Traceback" not in res.output
    assert len(res.output.strip().splitlines()) <= 2


def test_kg_compare_html_and_png(sample_ttl: Path, tmp_path: Path) -> None:
    out = tmp_path / "c.html"
    res = CliRunner().invoke(app, ["compare", "Tốc độ tăng trưởng kinh tế (GRDP)", str(sample_ttl), "-o", str(out)])
    assert res.exit_code == 0 and "(grdp-growth)" in res.output, res.output
    page = out.read_text(encoding="utf-8")
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart"' in page and 'id="points"' in page
    for province in ("Kon Tum", "Nghệ An", "Bình Định"):
        assert province in page
    pytest.importorskip("matplotlib")
    png = tmp_path / "c.png"
    res = CliRunner().invoke(app, ["compare", "grdp-growth", str(sample_ttl), "-o", str(png)])
    assert res.exit_code == 0, res.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000


@pytest.mark.parametrize(("args", "words"), [
    (["no such indicator"], "no target or result of this indicator in the graph (indicators with figures: grdp"),
    (["grdp-growth", "-o", "c.svgz"], "unknown output type (use .html or .png)"),
])
def test_kg_compare_errors_are_one_line(sample_ttl: Path, tmp_path: Path, args: list[str], words: str) -> None:
    res = CliRunner().invoke(app, ["compare", args[0], str(sample_ttl), *args[1:]])
    assert res.exit_code == 1 and words in " ".join(res.output.split()) and "Traceback" not in res.output


def test_kg_compare_lists_the_concepts(sample_ttl: Path) -> None:
    res = CliRunner().invoke(app, ["compare", "--list", str(sample_ttl)])
    assert res.exit_code == 0, res.output
    first = res.output.splitlines()[0].split("\t")
    assert first[0] == "grdp-growth" and int(first[1]) >= 8 and first[2] == "Tốc độ tăng trưởng GRDP"
    res = CliRunner().invoke(app, ["compare"])  # nothing to compare
    assert res.exit_code == 1 and "give an INDICATOR" in res.output and "--list" in res.output


def test_compare_points_carry_province_year_and_document(select) -> None:
    comp = compare(select, "grdp-growth")
    kontum = next(p for p in comp.points if p.province == "Kon Tum")
    assert (kontum.kind, kontum.year, kontum.value, kontum.doc) == ("target", 2022, Decimal(9), KONTUM_PLAN)
    binh_dinh = {(p.kind, p.year) for p in comp.points if p.province == "Bình Định"}
    assert binh_dinh == {("result", 2022), ("target", 2023)}


def test_explain_spans_carry_the_graph_offsets(sample_ttl: Path) -> None:
    """The anchors the dossier links to (#span=START-END) are the graph's offsets of the same span."""
    from kg.build import sample_corpus
    from kg.explain import explain_file

    ex = explain_file(sample_corpus() / "kon-tum-ke-hoach-2022.txt")
    d = gather(store_select(GraphStore.open(sample_ttl)), KONTUM_PLAN)
    offsets = {(s.ostart, s.oend) for s in ex.spans}
    anchored = [x.anchor for x in [*d.targets, *d.tasks] if x.anchor is not None]
    assert anchored and all((a.start, a.end) in offsets for a in anchored)


# -- served pages ------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    from kgserve_helpers import build_sample, kg_serve

    with kg_serve(build_sample(tmp_path_factory.mktemp("pages"))) as url:
        yield url


HTML = {"Accept": "text/html"}


@pytest.mark.slow
def test_served_document_pages_are_dossiers(server: str) -> None:
    r = httpx.get(server + "/id/doc/kon-tum/2022/35-kh-ubnd", headers=HTML, timeout=30)
    assert r.status_code == 200 and "Implementation chain" in r.text and 'id="targets"' in r.text
    assert 'href="/id/doc/vn/2022/01-nq-cp"' in r.text and 'href="/indicator/grdp-growth"' in r.text
    assert "All statements about this IRI" in r.text and "vnkg:signedBy" in r.text  # the property table too
    turtle = httpx.get(server + "/id/doc/kon-tum/2022/35-kh-ubnd", headers={"Accept": "text/turtle"}, timeout=30)
    assert turtle.status_code == 200 and turtle.headers["content-type"].startswith("text/turtle")
    body = httpx.get(server + "/id/body/kon-tum/ubnd", headers=HTML, timeout=30)  # not a document: properties
    assert body.status_code == 200 and "Implementation chain" not in body.text and "<table>" in body.text


@pytest.mark.slow
def test_served_indicator_pages(server: str) -> None:
    listing = httpx.get(server + "/indicator/", timeout=30)
    assert listing.status_code == 200 and 'href="/indicator/grdp-growth"' in listing.text
    page = httpx.get(server + "/indicator/grdp-growth", timeout=30)
    assert page.status_code == 200 and 'class="chart"' in page.text and 'href="/id/doc/kon-tum/2022/35-kh-ubnd"' \
        in page.text
    missing = httpx.get(server + "/indicator/no-such-thing", timeout=30)
    assert missing.status_code == 404 and "no target or result of this indicator" in missing.text
    concept = httpx.get(server + "/id/indicator/toc-do-tang-truong-grdp", headers=HTML, timeout=30)
    assert 'href="/indicator/grdp-growth"' in concept.text


def test_query_page_prefixes_are_the_namespaces() -> None:
    from kg.rdf.namespaces import PREFIXES

    html = (Path(__file__).resolve().parents[1] / "kg" / "serve" / "static" / "index.html").read_text(encoding="utf-8")
    block = re.search(r"const PREFIXES = \{(.*?)\};", html, re.S).group(1)
    assert dict(re.findall(r'(\w+): "([^"]+)"', block)) == {k: str(v) for k, v in PREFIXES.items()}


def test_pages_escape_what_the_graph_says(tmp_path: Path) -> None:
    """Labels, numbers and sentences are text, and only http(s) IRIs become links, on both pages."""
    from kg.pages.compare_html import render as render_compare
    from kg.pages.dossier_html import render as render_dossier
    from kg.serve.pages import local_href

    v, base, evil = "https://w3id.org/vnkg/ontology#", "https://w3id.org/vnkg/id/", "<script>alert(1)</script>"
    doc, t = f"<{base}doc/x/2024/1-kh-ubnd>", f"<{base}target/x/1>"
    lines = [f"{doc} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{v}Plan> .",
             f"{doc} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{v}LegalDocument> .",
             f'{doc} <{v}documentNumber> "1/KH-UBND{evil}" .', f"{doc} <{v}issuedBy> <javascript:alert(2)> .",
             f'<javascript:alert(2)> <http://www.w3.org/2000/01/rdf-schema#label> "{evil}" .',
             f"{doc} <{v}hasTarget> {t} .", f"{t} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{v}Target> .",
             f'{t} <{v}indicator> "Tốc độ tăng trưởng GRDP{evil}" .',
             f'{t} <{v}value> "7"^^<http://www.w3.org/2001/XMLSchema#decimal> .',
             f'{t} <{v}unit> "%" .', f'{t} <{v}baseUnit> "%" .', f'{t} <{v}period> "2024" .',
             f'{t} <{v}sentence> "GRDP {evil} 7%" .', f'{t} <{v}anchorText> "{evil}" .',
             f"{t} <http://www.w3.org/ns/prov#wasDerivedFrom> <{base}text/x> ."]
    path = tmp_path / "evil.nt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    select = store_select(GraphStore.open(path))
    pages = [render_dossier(gather(select, doc[1:-1]), lambda i: local_href(i, base)),
             render_compare(compare(select, "Tốc độ tăng trưởng GRDP"), lambda i: local_href(i, base))]
    for html in pages:
        assert evil not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert 'href="javascript:' not in html.lower()
