"""Saved queries, parameter binding, results formats and `kg query` / `kg queries` on the bundled sample."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode
from typer.testing import CliRunner

from kg import queries, results
from kg.build import sample_corpus
from kg.cli import app
from kg.store import GraphStore
from kg.stream import build_corpus

BASE = "https://w3id.org/vnkg/id/"
SAMPLE = sample_corpus()
KON_TUM = (SAMPLE / "kon-tum-ke-hoach-2022.txt").read_text(encoding="utf-8")
# A district plan carrying out the Kon Tum plan, so the implementation chain has two levels.
DAK_HA = """ỦY BAN NHÂN DÂN
HUYỆN ĐẮK HÀ
-------
Số: 12/KH-UBND
Đắk Hà, ngày 25 tháng 01 năm 2022
KẾ HOẠCH
Triển khai thực hiện Kế hoạch số 35/KH-UBND ngày 18/01/2022 của Ủy ban nhân dân tỉnh Kon Tum về triển khai \
thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2022 của Chính phủ
I. MỤC TIÊU
Tỷ lệ hộ nghèo giảm ít nhất 4%.
"""


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    extra = tmp_path_factory.mktemp("extra")
    (extra / "dak-ha-ke-hoach-2022.txt").write_text(DAK_HA, encoding="utf-8")
    path = tmp_path_factory.mktemp("graph") / "sample.nq"
    assert not build_corpus([SAMPLE, extra], output=path, base=BASE).errors
    return path


@pytest.fixture(scope="module")
def store(graph_file: Path) -> GraphStore:
    return GraphStore.open(graph_file)


def rows(store: GraphStore, name: str, **params: str) -> list[dict[str, str]]:
    q = queries.resolve(name)
    variables, data, _ = results.read_rows(queries.run(store, queries.bind(q.text, params, q.params)))
    return [{v: t.value for v, t in zip(variables, row, strict=True) if t is not None} for row in data]


def vn_number(s: str) -> Decimal:
    """A number as written in Vietnamese text (thousands dot, decimal comma)."""
    return Decimal(s.replace(".", "").replace(",", "."))


# -- catalogue and binding ------------------------------------------------------------------------------------
def test_catalogue_headers() -> None:
    cat = queries.load_catalogue()
    for name in ("targets-of-plan", "indicator-across-provinces", "tasks-by-agency", "plans-implementing",
                 "implementation-chain", "documents-by-issuer", "references-of-text", "themes-and-mottos"):
        q = cat[name]
        assert q.title and q.description, name
        assert "ORDER BY" in q.text and "PREFIX vnkg:" in q.text
    assert [p.name for p in cat["plans-implementing"].params] == ["resolution", "year"]
    assert cat["plans-implementing"].param("year").kind == "integer"


def test_bind_escapes_values_and_rejects_unknown(store: GraphStore) -> None:
    q = queries.resolve("targets-of-plan")
    hostile = '35/KH-UBND" } } DELETE WHERE { ?s ?p ?o } #'
    text = queries.bind(q.text, {"plan": hostile}, q.params)
    assert f"VALUES ?plan {{ {Literal(hostile)} }}" in text
    assert list(queries.run(store, text)) == []  # one odd literal, not a second statement
    iri = queries.bind(q.text, {"plan": "<https://w3id.org/vnkg/id/doc/kon-tum/2022/35-kh-ubnd>"}, q.params)
    assert f"VALUES ?plan {{ {NamedNode(BASE + 'doc/kon-tum/2022/35-kh-ubnd')} }}" in iri
    with pytest.raises(queries.QueryError, match="unknown parameter"):
        queries.bind(q.text, {"nope": "1"}, q.params)
    with pytest.raises(queries.QueryError, match="integer"):
        queries.bind(queries.resolve("plans-implementing").text, {"year": "20x2"},
                     queries.resolve("plans-implementing").params)


def test_malformed_query_reports_line_and_column(store: GraphStore) -> None:
    with pytest.raises(queries.QueryError, match=r"2:\d+"):
        queries.run(store, "SELECT * WHERE {\n  ?s ?p }")


# -- each saved query against what the sample texts say -------------------------------------------------------
def test_targets_of_plan(store: GraphStore) -> None:
    got = rows(store, "targets-of-plan", plan="35/KH-UBND")
    assert got and {r["planNumber"] for r in got} == {"35/KH-UBND"}
    found = {(r.get("comparator"), Decimal(r["value"]), r.get("unit")) for r in got}
    # "(GRDP) đạt trên 9%", "duy trì trên 63%", "khoảng 13.500 tỷ đồng", "còi dưới 22,5%", "giảm ít nhất 3%"
    for pattern, comparator, unit in [(r"\(GRDP\) đạt trên ([\d.,]+)%", "GreaterThan", "%"),
                                      (r"duy trì trên ([\d.,]+)%", "GreaterThan", "%"),
                                      (r"khoảng ([\d.,]+) tỷ đồng", "Approximately", "tỷ đồng"),
                                      (r"còi dưới ([\d.,]+)%", "LessThan", "%"),
                                      (r"giảm ít\s+nhất ([\d.,]+)%", "AtLeast", "%")]:
        value = vn_number(re.search(pattern, KON_TUM).group(1))
        assert (comparator, value, unit) in found, pattern
    low, high = re.search(r"thủy sản chiếm (\d+)-(\d+)%", KON_TUM).groups()
    assert any(r.get("upperValue") and (Decimal(r["value"]), Decimal(r["upperValue"])) == (Decimal(low), Decimal(high))
               and r["comparator"] == "Between" for r in got)
    by_iri = rows(store, "targets-of-plan", plan=f"<{BASE}doc/kon-tum/2022/35-kh-ubnd>")
    assert by_iri == got
    assert {r.get("planNumber") for r in rows(store, "targets-of-plan")} > {"35/KH-UBND"}


def test_indicator_across_provinces(store: GraphStore) -> None:
    everything = rows(store, "indicator-across-provinces")
    label = "Tỷ lệ hộ nghèo giảm"
    got = rows(store, "indicator-across-provinces", indicator=label.upper())  # case-insensitive
    assert got and {r["indicatorLabel"].lower() for r in got} == {label.lower()}
    assert {r["province"] for r in got if "province" in r} >= {"Kon Tum"}
    kon_tum = [r for r in got if r.get("documentNumber") == "35/KH-UBND"]
    assert [Decimal(r["value"]) for r in kon_tum] == [vn_number(re.search(r"hộ nghèo giảm ít\s+nhất ([\d,]+)%",
                                                                          KON_TUM).group(1))]
    dak_ha = [r for r in got if r.get("documentNumber") == "12/KH-UBND"]
    assert [Decimal(r["value"]) for r in dak_ha] == [Decimal(4)]
    assert len(everything) > len(got)


def test_tasks_by_agency(store: GraphStore) -> None:
    # The annex of the Kon Tum plan: cells "STT | Nhiệm vụ | Đơn vị chủ trì | Thời gian hoàn thành".
    annex = KON_TUM.split("hoàn thành\n|", 1)[1]
    cells = [" ".join(c.split()) for c in annex.split("|")]
    table = [cells[i:i + 4] for i in range(0, len(cells) - 3, 4)]
    expected = {task for _, task, agency, _ in table if agency == "Sở KH&ĐT"}
    # and the undated item of TỔ CHỨC THỰC HIỆN that gives the department its work («2. Sở Kế hoạch và Đầu tư
    # theo dõi, đôn đốc, …»)
    item = re.search(r"\n\d\. Sở Kế hoạch và Đầu tư (theo dõi[^.]*)\./\.", KON_TUM).group(1)
    undated = " ".join(item.split())
    got = rows(store, "tasks-by-agency", agency="sở kế hoạch và đầu tư tỉnh kon tum")
    assert len(expected) == 2 and {r["taskLabel"] for r in got} == expected | {undated[0].upper() + undated[1:]}
    assert {r["agencyLabel"] for r in got} == {"Sở Kế hoạch và Đầu tư tỉnh Kon Tum"}
    dated = [r for r in got if "deadline" in r]
    assert [r["deadlineNormalized"] for r in dated] == sorted(r["deadlineNormalized"] for r in dated)
    assert {r["deadline"] for r in dated} == {"Tháng 3", "Quý IV"} and len(dated) == 2


def test_plans_implementing(store: GraphStore) -> None:
    got = rows(store, "plans-implementing", resolution="01/NQ-CP", year="2022")
    # "KẾ HOẠCH Triển khai thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2022" (Kon Tum), and the Đắk Hà plan
    # only implements 35/KH-UBND directly.
    assert {r["planNumber"] for r in got} == {"35/KH-UBND"}
    assert got[0]["resolutionDate"] == "2022-01-08" and got[0]["province"] == "Kon Tum"
    assert got[0]["issuer"] == "Ủy ban nhân dân tỉnh Kon Tum" and got[0]["planType"] == "Plan"
    every_year = rows(store, "plans-implementing", resolution="01/NQ-CP")
    years = {r["resolutionDate"][:4] for r in every_year}
    assert {"2021", "2022", "2024"} <= years  # 01/NQ-CP of three different years are three documents
    assert {r["planNumber"] for r in rows(store, "plans-implementing", resolution="57-NQ/TW")} == {"12-CTr/TU"}


def test_implementation_chain(store: GraphStore) -> None:
    got = rows(store, "implementation-chain", document="12/KH-UBND")
    chain = [(int(r["depth"]), r["ancestorNumber"], r.get("issuerKind")) for r in got]
    assert chain == [(1, "35/KH-UBND", "StateBody"), (2, "01/NQ-CP", "StateBody")]
    assert got[-1]["issuer"] == "Chính phủ"
    party = rows(store, "implementation-chain", document="12-CTr/TU")
    assert [(r["ancestorNumber"], r["issuer"], r["issuerKind"]) for r in party] == [
        ("57-NQ/TW", "Bộ Chính trị", "PartyBody")]


def test_documents_by_issuer(store: GraphStore) -> None:
    cited = set(re.findall(r"số (\S+) ngày\s+[\d/]+\s+của\s+Chính\s+phủ", KON_TUM))
    assert cited == {"01/NQ-CP", "11/NQ-CP", "31/2021/NĐ-CP"}
    got = rows(store, "documents-by-issuer", issuer="chính phủ")
    assert {r["issuerLabel"] for r in got} == {"Chính phủ"}
    assert cited <= {r.get("documentNumber") for r in got}
    dates = [r.get("issuedOn", "") for r in got]
    assert dates == sorted(dates)


def test_references_of_text(store: GraphStore) -> None:
    got = rows(store, "references-of-text", text="kon-tum-ke-hoach-2022.txt")
    assert {r["fileName"] for r in got} == {"kon-tum-ke-hoach-2022.txt"}
    for r in got:  # offsets point at the anchor in the text as read
        assert KON_TUM[int(r["startOffset"]):int(r["endOffset"])].split() == r["anchorText"].split()
    numbers = set(re.findall(r"số (\d+[/-][\w/-]*\w)", KON_TUM))
    assert numbers <= {r.get("documentNumber") for r in got}
    assert {r["documentNumber"] for r in got if r["isAbout"] == "true"} == {"35/KH-UBND"}


def test_themes_and_mottos(store: GraphStore) -> None:
    text = (SAMPLE / "binh-dinh-quyet-dinh-2023.txt").read_text(encoding="utf-8")
    theme = re.search(r"Chủ đề năm 2023: ([^.]+)\.", text).group(1)
    motto = re.search(r"phương châm hành động: “([^”]+)”", text).group(1)
    got = rows(store, "themes-and-mottos")
    binh_dinh = {(r["kind"], r["statementText"]) for r in got if r["fileName"] == "binh-dinh-quyet-dinh-2023.txt"}
    assert binh_dinh == {("Theme", theme), ("Motto", motto)}
    y2024 = rows(store, "themes-and-mottos", year="2024")
    assert y2024 and {r["statementYear"] for r in y2024} == {"2024"}
    assert {r["isDraft"] for r in y2024 if r["fileName"] == "ha-tinh-phien-hop-2024.txt"} == {"true", "false"}


# -- results formats --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_row_writers_match_pyoxigraph(store: GraphStore, fmt: str) -> None:
    for q in queries.load_catalogue().values():
        whole = results.serialize(store.query(q.text), fmt)
        variables, data, truncated = results.read_rows(store.query(q.text))
        assert not truncated
        assert results.serialize_rows(variables, data, fmt) == whole, q.name


def test_row_cap_and_formats(store: GraphStore) -> None:
    variables, data, truncated = results.read_rows(store.query(queries.resolve("targets-of-plan").text), 5)
    assert truncated and len(data) == 5
    doc = json.loads(results.serialize_rows(variables, data, "json"))
    assert doc["head"]["vars"] == variables and len(doc["results"]["bindings"]) == 5
    csv = results.serialize_rows(variables, data, "csv").decode()
    assert csv.count("\r\n") == 6 and csv.startswith(",".join(variables) + "\r\n")
    md = results.markdown(variables, data)
    assert md.splitlines()[0] == "| " + " | ".join(variables) + " |" and len(md.splitlines()) == 7


# -- command line -------------------------------------------------------------------------------------------------
def test_cli_query_and_queries(graph_file: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(app, ["query", "plans-implementing", "--graph", str(graph_file), "--param",
                              "resolution=01/NQ-CP", "--param", "year=2022", "--format", "csv"])
    assert out.exit_code == 0, out.output
    lines = out.stdout.strip().splitlines()
    assert lines[0].startswith("resolutionNumber,") and len(lines) == 2 and ",35/KH-UBND," in lines[1]
    out = runner.invoke(app, ["query", "-e", "ASK { ?s a <https://w3id.org/vnkg/ontology#Plan> }", "--graph",
                              str(graph_file), "--format", "json"])
    assert json.loads(out.stdout) == {"head": {}, "boolean": True}
    out = runner.invoke(app, ["query", "-e", "CONSTRUCT WHERE { ?d <https://w3id.org/vnkg/ontology#documentNumber> "
                              "\"35/KH-UBND\" }", "--graph", str(graph_file)])
    assert "@prefix vnkg:" in out.stdout and "35-kh-ubnd" in out.stdout
    out = runner.invoke(app, ["query", "-e", "SELECT * WHERE {\n ?s ?p }", "--graph", str(graph_file)])
    assert out.exit_code == 2 and "Traceback" not in out.output
    assert re.search(r"malformed query: error at 2:\d+", " ".join(out.output.split()))
    out = runner.invoke(app, ["queries"])
    assert out.exit_code == 0 and "targets-of-plan" in out.stdout and "Implementation" in out.stdout
    out = runner.invoke(app, ["query", "--help"])
    assert "last `kg build`" in " ".join(out.stdout.split()) and "exports/sample.ttl" in out.stdout


def test_cli_query_in_a_pipe_prints_tab_separated_rows(graph_file: Path) -> None:
    out = CliRunner().invoke(app, ["query", "plans-implementing", "--graph", str(graph_file), "-p",
                                   "resolution=01/NQ-CP", "-p", "year=2022"])  # CliRunner's stdout is no terminal
    assert out.exit_code == 0, out.output
    header, *rows = out.stdout.rstrip("\n").split("\n")
    assert header.split("\t")[0] == "?resolutionNumber" and len(rows) == 1
    assert '"35/KH-UBND"' in rows[0].split("\t") and "│" not in out.stdout


def test_a_plain_sparql_file_runs_without_a_title_line(graph_file: Path, tmp_path: Path) -> None:
    """A file given by path may be plain SPARQL (a saved query in queries/ still needs its '# title:')."""
    plain = tmp_path / "plans.rq"
    plain.write_text("SELECT ?n WHERE { ?p vnkg:implements ?r ; vnkg:documentNumber ?n }\n", encoding="utf-8")
    out = CliRunner().invoke(app, ["query", str(plain), "--graph", str(graph_file)])
    assert out.exit_code == 0, out.output
    assert '"35/KH-UBND"' in out.stdout.split("\n")
    assert queries.resolve(str(plain)).title == "plans"
    with pytest.raises(queries.QueryError, match="missing '# title:'"):
        queries.parse_saved(plain)


def test_ad_hoc_queries_may_use_the_known_prefixes_undeclared() -> None:
    from kg.queries import with_prefixes

    text = with_prefixes("SELECT ?t WHERE { ?t a vnkg:Target ; rdfs:label ?l }")
    assert "PREFIX vnkg: <https://w3id.org/vnkg/ontology#>" in text and "PREFIX rdfs:" in text
    assert "PREFIX skos:" not in text  # only what the query uses
    declared = "PREFIX vnkg: <http://example.org/other#>\nSELECT * WHERE { ?t a vnkg:Target }"
    assert with_prefixes(declared) == declared  # a query's own declarations win


# -- bound queries answer what the unbound query answers, filtered --------------------------------------------------
# For each parameter: (the column of the unbound answer it selects on, the column holding the IRI it may be given
# as, whether the text matches whatever the case of the words' first letters: the `name` kind).
SELECTS: dict[tuple[str, str], tuple[str, str | None, bool]] = {
    ("targets-of-plan", "plan"): ("planNumber", "doc", False),
    ("references-of-text", "text"): ("fileName", "source", False),
    ("indicator-across-provinces", "indicator"): ("indicatorLabel", None, True),
    ("plans-implementing", "resolution"): ("resolutionNumber", "implemented", False),
    ("tasks-by-agency", "agency"): ("agencyLabel", "lead", True),
    ("documents-by-issuer", "issuer"): ("issuerLabel", "body", True),
    ("implementation-chain", "document"): ("startNumber", "start", False),
    ("themes-and-mottos", "year"): ("statementYear", None, False),
}


def _answer(store: GraphStore, text: str) -> list[tuple]:
    variables, data, _ = results.read_rows(queries.run(store, text))
    return [tuple(zip(variables, row, strict=True)) for row in data]


def _fold(text: str, any_case: bool) -> str:
    return text.lower() if any_case else text


def _pick(values: list[str], n: int = 6) -> list[str]:
    """A few values spread over the sorted distinct ones (the first, the last, some between)."""
    distinct = sorted(set(values))
    return sorted({distinct[i * (len(distinct) - 1) // max(1, n - 1)] for i in range(n)}) if distinct else []


def _check_bound_equals_filtered(store: GraphStore) -> int:
    checked = 0
    for (name, param), (column, iri_column, any_case) in SELECTS.items():
        q = queries.resolve(name)
        every = _answer(store, q.text)
        texts = _pick([dict(r)[column].value for r in every if dict(r).get(column) is not None])
        iris = _pick([dict(r)[iri_column].value for r in every if iri_column and dict(r).get(iri_column)], 3)
        for value in texts:
            # `name`: typed in lowercase, a name finds the same rows (up to MAX_NAME_WORDS lowercase words)
            asked = value.lower() if any_case and len(value.split()) <= queries.MAX_NAME_WORDS else value
            expected = [r for r in every if dict(r).get(column) is not None
                        and _fold(dict(r)[column].value, any_case) == _fold(asked, any_case)]
            got = _answer(store, queries.bind(q.text, {param: asked}, q.params))
            assert sorted(got, key=str) == sorted(expected, key=str), (name, asked)
            assert (got and len(got) < len(every)) or len(set(texts)) == 1, (name, asked)
            checked += 1
        for iri in iris:
            expected = [r for r in every if dict(r).get(iri_column) == NamedNode(iri)]
            got = _answer(store, queries.bind(q.text, {param: f"<{iri}>"}, q.params))
            assert sorted(got, key=str) == sorted(expected, key=str) and got, (name, iri)
            checked += 1
    return checked


def test_bound_queries_answer_the_unbound_answer_filtered(store: GraphStore) -> None:
    assert _check_bound_equals_filtered(store) > 40


def test_bound_queries_on_the_fixture_texts(tmp_path: Path) -> None:
    path = tmp_path / "fixtures.nq"
    report = build_corpus([Path(__file__).parent / "fixtures" / "texts"], output=path, base=BASE)
    assert not report.errors and report.texts >= 10
    assert _check_bound_equals_filtered(GraphStore.open(path)) > 40


def test_year_binds_the_implemented_documents_year(store: GraphStore) -> None:
    q = queries.resolve("plans-implementing")
    every = _answer(store, q.text)
    for year in ("2021", "2022", "2024"):
        got = _answer(store, queries.bind(q.text, {"resolution": "01/NQ-CP", "year": year}, q.params))
        expected = [r for r in every if dict(r).get("resolutionNumber") == Literal("01/NQ-CP")
                    and str(dict(r)["resolutionDate"].value).startswith(year)]
        assert got and sorted(got, key=str) == sorted(expected, key=str), year


def test_bound_lines_are_comments_until_bound(tmp_path: Path) -> None:
    q = queries.resolve("targets-of-plan")
    assert "#if plan=literal: ?doc vnkg:documentNumber $plan ." in q.text  # the file as is: every plan
    by_number = queries.bind(q.text, {"plan": "35/KH-UBND"}, q.params)
    assert '  ?doc vnkg:documentNumber "35/KH-UBND" .' in by_number and "\n  VALUES ?doc" not in by_number
    by_iri = queries.bind(q.text, {"plan": BASE + "doc/kon-tum/2022/35-kh-ubnd"}, q.params)
    assert f"  VALUES ?doc {{ <{BASE}doc/kon-tum/2022/35-kh-ubnd> }}" in by_iri
    assert "\n  ?doc vnkg:documentNumber \"" not in by_iri
    agency = queries.resolve("tasks-by-agency")
    text = queries.bind(agency.text, {"agency": 'sở "x" tài chính'}, agency.params)
    assert '"Sở \\"x\\" Tài Chính"@vi' in text and '"sở \\"x\\" tài chính"' in text  # escaped spellings
    assert queries.name_spellings("Chính phủ") == ["Chính phủ", "Chính Phủ"]
    assert queries.name_spellings("chính phủ") == ["chính phủ", "chính Phủ", "Chính phủ", "Chính Phủ"]
    assert len(queries.name_spellings("a b c d e f g h i j k")) == 2  # too many: the first letter only
    bad = tmp_path / "bad.rq"
    bad.write_text("# title: t\nSELECT * WHERE {\n  #if nope: ?s ?p ?o .\n}\n", encoding="utf-8")
    with pytest.raises(queries.QueryError, match="names no declared param"):
        queries.parse_saved(bad)


# -- results are written as they are read ------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_rows_are_written_before_the_answer_is_read_whole(store: GraphStore, fmt: str) -> None:
    q = queries.resolve("references-of-text")
    variables, data, _ = results.read_rows(store.query(q.text))
    assert len(data) > 20
    taken: list[int] = []

    def rows() -> Iterator[list]:  # records how far it was read
        for i, row in enumerate(data):
            taken.append(i)
            yield row

    pieces = results.sparql_io.iter_rows(variables, rows(), fmt)
    head, first = next(pieces), next(pieces)
    assert taken == [0] and head and first  # the head and the first row, with one row read
    whole = head + first + b"".join(pieces)
    assert whole == results.serialize(store.query(q.text), fmt) and len(taken) == len(data)
    cut = [False]
    assert len(list(results.sparql_io.solution_rows(store.query(q.text), 5, cut))) == 5 and cut == [True]


class _Writes:
    """A binary stdout that records the size of each write."""

    def __init__(self) -> None:
        self.sizes: list[int] = []

    def write(self, data: bytes) -> int:
        self.sizes.append(len(data))
        return len(data)

    def flush(self) -> None:
        pass


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "md", "table"])
def test_kg_query_streams_its_rows(graph_file: Path, fmt: str) -> None:
    from kg.cli.query_run import execute

    out = _Writes()
    # every triple of the sample: a large answer (the default graph holds thousands of triples)
    execute(None, "SELECT * WHERE { ?s ?p ?o }", None, graph_file, [], fmt, [], out, terminal=False)
    total = sum(out.sizes)
    assert total > 200_000 and len(out.sizes) > 10, out.sizes[:5]  # many writes ...
    assert out.sizes[0] < total / 10  # ... the first long before the whole answer was written


def test_kg_query_runs_without_typer(graph_file: Path) -> None:
    import subprocess
    import sys

    code = ("import sys; from kg.cli import main; sys.argv = ['kg', 'query', 'targets-of-plan', '-p', "
            f"'plan=35/KH-UBND', '--graph', {str(graph_file)!r}, '-f', 'csv']\n"
            "try:\n    main()\nexcept SystemExit as e:\n    assert e.code == 0, e.code\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'pydantic', 'rich', 'spacy',"
            " 'rdflib')), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.startswith("planNumber,") and "\n35/KH-UBND," in done.stdout
    assert done.stderr.strip() == "[]"
    bad = subprocess.run([sys.executable, "-m", "kg", "query", "targets-of-plan", "--nope"], capture_output=True,
                         text=True)
    assert bad.returncode == 2 and "--nope" in bad.stderr and "Traceback" not in bad.stderr  # Typer's message


# -- sort keys: cheaper keys, the same order ----------------------------------------------------------------------
def _keys(got: list[dict[str, str]], *columns: str) -> list[tuple[str, ...]]:
    return [tuple(r.get(c, "") for c in columns) for r in got]  # unbound sorts first, as "" does


def test_themes_follow_the_file_names_when_they_share_a_long_prefix(tmp_path: Path) -> None:
    # themes-and-mottos sorts on the name's first 15 characters, then the whole name: the same order as the
    # name alone, also for names alike in their first 15 characters
    text = (SAMPLE / "binh-dinh-quyet-dinh-2023.txt").read_text(encoding="utf-8")
    names = ["ke-hoach-tinh-x-2023-b.txt", "a-ke-hoach.txt", "ke-hoach-tinh-x-2023-a.txt", "ke-hoach-tinh-x.txt"]
    folder = tmp_path / "texts"
    folder.mkdir()
    for i, name in enumerate(names):
        (folder / name).write_text(text + f"\nBản thứ {i + 1}.\n", encoding="utf-8")
    path = tmp_path / "g.nq"
    assert not build_corpus([folder], output=path, base=BASE).errors
    store = GraphStore.open(path)
    for params, per_file in (({}, 2), ({"year": "2023"}, 1)):  # a theme and a motto each; the theme has a year
        got = rows(store, "themes-and-mottos", **params)
        files = [r["fileName"] for r in got]
        assert set(files) == set(names) and len(got) == per_file * len(names), params
        assert files == sorted(files), params


def test_indicator_rows_by_province_period_kind_then_document(store: GraphStore) -> None:
    keys = ("province", "period", "kind", "documentNumber")
    one = rows(store, "indicator-across-provinces", indicator="Tỷ lệ hộ nghèo giảm")
    assert len({r["documentNumber"] for r in one}) >= 2 and _keys(one, *keys) == sorted(_keys(one, *keys))
    every = rows(store, "indicator-across-provinces")
    assert len({r["indicatorLabel"] for r in every}) > 3  # unbound: by label first
    assert _keys(every, "indicatorLabel", *keys) == sorted(_keys(every, "indicatorLabel", *keys))


def test_plans_implementing_rows_by_resolution_date_then_plan(store: GraphStore) -> None:
    keys = ("resolutionNumber", "resolutionDate", "issuedOn", "planNumber")
    for params in ({"resolution": "01/NQ-CP"}, {}):
        got = rows(store, "plans-implementing", **params)
        assert len({r["resolutionDate"] for r in got}) >= 3, params  # one number, several years
        assert _keys(got, *keys) == sorted(_keys(got, *keys)), params


def test_bound_lines_come_first_in_their_group() -> None:
    # the bound value drives the join: before a bound line, its group holds only comments, VALUES lines and
    # other bound lines (a triple pattern first would be evaluated for the whole corpus); a bound FILTER
    # applies to its whole group wherever it stands
    checked = 0
    for q in queries.load_catalogue().values():
        lines = q.text.splitlines()
        for i, line in enumerate(lines):
            if not line.lstrip().startswith("#if ") or re.match(r"\s*#if [^:]+:\s*FILTER", line):
                continue
            j = i - 1
            while not lines[j].rstrip().endswith("{"):
                assert re.match(r"\s*(#|VALUES\s|$)", lines[j]), (q.name, lines[j])
                j -= 1
            checked += 1
    assert checked >= 12
