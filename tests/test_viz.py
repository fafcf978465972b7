"""`kg viz` and `kg.network` on the bundled sample: views, labels, escaping, offline pages, Gephi exports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDFS, Graph, Literal, URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.network import resolve_focus, to_networkx, write_gexf, write_graphml
from kg.viz import PHYSICS_LIMIT, VizError, render, viz

ROOT = Path(__file__).resolve().parents[1]
V = "https://w3id.org/vnkg/ontology#"
KONTUM_PLAN = "https://w3id.org/vnkg/id/doc/kon-tum/2022/35-kh-ubnd"
NQ01_2022 = "https://w3id.org/vnkg/id/doc/vn/2022/01-nq-cp"
DATA_RE = re.compile(r"var (NODES|EDGES|OPTIONS) = (.*?);\n")


def ontology_label(term: str, lang: str) -> str:
    g = Graph().parse(ROOT / "ontology" / "vnkg.ttl")
    return next(str(o) for o in g.objects(URIRef(V + term), RDFS.label) if o.language == lang)


def page_data(html: str) -> dict:
    """The nodes, edges and options a page hands to vis-network (JSON inside the script)."""
    return {k: json.loads(v) for k, v in DATA_RE.findall(html)}


@pytest.fixture(scope="module")
def network(sample_ttl: Path) -> nx.MultiDiGraph:
    return to_networkx(sample_ttl)


def test_network_nodes_carry_what_the_texts_say(network: nx.MultiDiGraph) -> None:
    plan = network.nodes[KONTUM_PLAN]
    assert (plan["group"], plan["number"], plan["date"]) == ("plan", "35/KH-UBND", "2022-01-18")
    assert plan["issuer"] == "Ủy ban nhân dân tỉnh Kon Tum"
    nq = network.nodes[NQ01_2022]
    assert nq["group"] == "resolution" and nq["issuer"] == "Chính phủ"
    assert "01/NQ-CP ngày 08/01/2022" in nq["sentence"]  # the source sentence comes from its mention
    assert nq["implemented_by"] == 1 and nq["refs"] >= 2
    groups = {d["group"] for _, d in network.nodes(data=True)}
    assert {"resolution", "plan", "program", "decision", "body", "task", "target", "person", "meeting"} <= groups
    assert not any("/text/" in n or "/mention/" in n for n in network)  # source texts and mentions are attributes


def test_focus_accepts_any_spelling_and_iris(network: nx.MultiDiGraph) -> None:
    assert resolve_focus(network, "35/kh-ubnd") == [KONTUM_PLAN]
    assert resolve_focus(network, KONTUM_PLAN) == [KONTUM_PLAN]
    assert resolve_focus(network, "95/qd-ubnd") == ["https://w3id.org/vnkg/id/doc/binh-dinh/2023/95-qd-ubnd"]
    assert len(resolve_focus(network, "01/nq-cp")) == 4  # one Government resolution 01/NQ-CP per year 2021-2024
    assert resolve_focus(network, "999/XX-YY") == []


def test_focus_view_has_the_plan_implementing_the_resolution(sample_ttl: Path, tmp_path: Path) -> None:
    out = tmp_path / "focus.html"
    report = viz(sample_ttl, out, focus="35/kh-ubnd", depth=1)
    data = page_data(out.read_text(encoding="utf-8"))
    ids = {n["id"] for n in data["NODES"]}
    assert {KONTUM_PLAN, NQ01_2022} <= ids and report.nodes == len(ids)
    edge = [e for e in data["EDGES"] if (e["from"], e["to"]) == (KONTUM_PLAN, NQ01_2022)]
    assert [e["label"] for e in edge] == [ontology_label("implements", "vi")] == ["triển khai thực hiện"]
    plan = next(n for n in data["NODES"] if n["id"] == KONTUM_PLAN)
    assert plan["info"]["number"] == "35/KH-UBND" and plan["info"]["issuer"] == "Ủy ban nhân dân tỉnh Kon Tum"
    assert ["số, ký hiệu", "35/KH-UBND"] in plan["props"]  # side panel rows, named by the ontology
    assert data["OPTIONS"]["physics"]["enabled"] is True  # small view: vis-network lays it out


def test_english_labels(sample_ttl: Path, tmp_path: Path) -> None:
    out = tmp_path / "en.html"
    viz(sample_ttl, out, focus="35/KH-UBND", depth=1, lang="en")
    html = out.read_text(encoding="utf-8")
    labels = {e["label"] for e in page_data(html)["EDGES"]}
    assert ontology_label("implements", "en") in labels and "triển khai thực hiện" not in labels
    assert "Legend" in html and re.search(r'data-group="plan"><svg .*?</svg> plan <span', html, re.S)


def test_page_is_self_contained(sample_ttl: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.html"
    viz(sample_ttl, out)
    html = out.read_text(encoding="utf-8")
    assert "vis.Network" in html and "<script src" not in html and "<link" not in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert not re.search(r"@import\s+url\(\s*['\"]?(?:https?:)?//", html, re.I)
    assert "//cdn" not in html and "bootstrap" not in html.lower()


def test_labels_from_texts_are_escaped(sample_ttl: Path, tmp_path: Path) -> None:
    g = Graph().parse(sample_ttl)
    evil = "<script>alert(1)</script>"
    g.set((URIRef(KONTUM_PLAN), RDFS.label, Literal(f"Kế hoạch {evil}", lang="vi")))
    src = tmp_path / "evil.ttl"
    g.serialize(src, format="turtle")
    out = tmp_path / "evil.html"
    viz(src, out, focus=KONTUM_PLAN, depth=1, title=evil)
    html = out.read_text(encoding="utf-8")
    assert evil not in html and "alert(1)</script>" not in html
    assert "\\u003cscript\\u003ealert(1)" in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    plan = next(n for n in page_data(html)["NODES"] if n["id"] == KONTUM_PLAN)
    assert plan["info"]["label"] == f"Kế hoạch {evil}"  # intact as data, shown with textContent


def test_query_view_draws_the_rows_and_edges_between_them(sample_ttl: Path, tmp_path: Path) -> None:
    rq = tmp_path / "implements.rq"
    rq.write_text("PREFIX vnkg: <https://w3id.org/vnkg/ontology#>\nSELECT ?plan ?resolution "
                  "WHERE { ?plan vnkg:implements ?resolution }\n", encoding="utf-8")
    out = tmp_path / "q.html"
    report = viz(sample_ttl, out, query_file=rq)
    data = page_data(out.read_text(encoding="utf-8"))
    assert report.nodes == 8 and report.edges == 4
    assert {(e["from"], e["to"]) for e in data["EDGES"]} >= {(KONTUM_PLAN, NQ01_2022)}
    construct = tmp_path / "c.rq"
    construct.write_text("PREFIX vnkg: <https://w3id.org/vnkg/ontology#>\nCONSTRUCT { ?d vnkg:issuedBy ?b } "
                         "WHERE { ?d vnkg:issuedBy ?b ; vnkg:documentNumber \"35/KH-UBND\" }\n", encoding="utf-8")
    assert viz(sample_ttl, out, query_file=construct).nodes == 2


def test_query_view_takes_a_saved_query_by_name_with_its_parameters(sample_ttl: Path, tmp_path: Path) -> None:
    out = tmp_path / "q.html"
    one = viz(sample_ttl, out, query_file="targets-of-plan", params={"plan": "35/KH-UBND"})
    every = viz(sample_ttl, tmp_path / "all.html", query_file="targets-of-plan")
    assert KONTUM_PLAN in {n["id"] for n in page_data(out.read_text(encoding="utf-8"))["NODES"]}
    assert 1 < one.nodes < every.nodes  # bound: the plan and its targets, not every plan's
    with pytest.raises(VizError, match="unknown parameter 'bogus'"):
        viz(sample_ttl, out, query_file="targets-of-plan", params={"bogus": "1"})
    with pytest.raises(VizError, match="no saved query or file 'no-such-query'"):
        viz(sample_ttl, out, query_file="no-such-query")


def test_large_views_get_positions_and_too_large_ones_are_refused(sample_ttl: Path, network: nx.MultiDiGraph,
                                                                   tmp_path: Path) -> None:
    big = nx.MultiDiGraph()
    for i in range(3):  # the sample three times over, sharing the national documents
        big.update(nx.relabel_nodes(network, {n: n if "/doc/vn/" in n else f"{n}-{i}" for n in network}))
    assert big.number_of_nodes() > PHYSICS_LIMIT
    report = render(big, tmp_path / "big.html")
    data = page_data((tmp_path / "big.html").read_text(encoding="utf-8"))
    assert report.precomputed_layout and data["OPTIONS"]["physics"]["enabled"] is False
    xy = {(n["x"], n["y"]) for n in data["NODES"]}
    assert len(xy) > 0.95 * len(data["NODES"])  # spread out, not piled up
    with pytest.raises(VizError, match="more than --max-nodes 50: narrow it with --focus"):
        viz(sample_ttl, tmp_path / "x.html", max_nodes=50)
    assert not (tmp_path / "x.html").exists()


def test_cli_one_line_errors(sample_ttl: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "cli.html"
    ok = runner.invoke(app, ["viz", str(sample_ttl), "-o", str(out), "--focus", "01/nq-cp", "--depth", "1"])
    assert ok.exit_code == 0 and out.exists(), ok.output
    for args, words in ((["--max-nodes", "10"], "--focus"), (["--focus", "999/XX-YY"], "no document"),
                        (["--lang", "fr"], "vi or en")):
        res = runner.invoke(app, ["viz", str(sample_ttl), "-o", str(tmp_path / "no.html"), *args])
        assert res.exit_code == 1 and words in res.output and "Traceback" not in res.output
        assert len(res.output.strip().splitlines()) <= 2  # one message (rich may wrap it once)
    assert not (tmp_path / "no.html").exists()


def test_graphml_and_gexf_round_trip(sample_ttl: Path, network: nx.MultiDiGraph, tmp_path: Path) -> None:
    assert write_graphml(sample_ttl, tmp_path / "g.graphml") == network.number_of_nodes()
    back = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert back.number_of_nodes() == network.number_of_nodes()
    assert back.number_of_edges() == network.number_of_edges()
    assert back.nodes[KONTUM_PLAN]["label"] == "Kế hoạch 35/KH-UBND"
    assert back.nodes[KONTUM_PLAN]["number"] == "35/KH-UBND" and back.nodes[NQ01_2022]["refs"] >= 2
    assert any(d["label"] == "triển khai thực hiện" for d in back.get_edge_data(KONTUM_PLAN, NQ01_2022).values())

    write_gexf(network, tmp_path / "g.gexf")
    gx = nx.read_gexf(tmp_path / "g.gexf")
    assert gx.number_of_nodes() == network.number_of_nodes()
    assert gx.nodes[KONTUM_PLAN]["label"] == "Kế hoạch 35/KH-UBND"
    assert gx.nodes[NQ01_2022]["issuer"] == "Chính phủ"
    assert gx.number_of_edges() == network.number_of_edges()
    assert [d["label"] for s, o, d in gx.edges(data=True) if (s, o) == (KONTUM_PLAN, NQ01_2022)] == [
        "triển khai thực hiện"]


def test_focus_title_names_the_canonical_number(sample_ttl: Path, tmp_path: Path) -> None:
    out = tmp_path / "f.html"
    viz(sample_ttl, out, focus="01/nq-cp", depth=1)
    title = re.search(r"<title>(.*?)</title>", out.read_text(encoding="utf-8")).group(1)
    assert "01/NQ-CP" in title and "01/nq-cp" not in title


def test_document_tooltips_quote_a_sentence_not_the_bare_number(sample_ttl: Path, tmp_path: Path) -> None:
    out = tmp_path / "s.html"
    viz(sample_ttl, out)
    nodes = {n["id"]: n for n in page_data(out.read_text(encoding="utf-8"))["NODES"]}
    plan = nodes[KONTUM_PLAN]["info"]
    # its own header mention is "35/KH-UBND" alone; the sentence shown names the plan in a sentence
    assert "35/KH-UBND" in plan["sentence"] and len(plan["sentence"]) > len("Số: 35/KH-UBND") + 20
    for n in nodes.values():
        s, number = n["info"].get("sentence", ""), n["info"].get("number", "")
        if number and s:
            assert sum(ch.isalpha() for ch in s.replace(number, "")) >= 12, s


def test_legend_and_tooltips_need_no_symbol_font(sample_ttl: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.html"
    viz(sample_ttl, out)
    html = out.read_text(encoding="utf-8")
    legend = html[html.index('<div id="legend"'):html.index('<div id="panel"')]
    assert legend.count('<svg class="glyph"') >= 5
    page_text = html[html.index("<body>"):]
    for glyph in ("⬢", "▼", "★", "◆", "📅", "🏛", "№"):
        assert glyph not in page_text


def test_large_views_spread_communities_and_hide_labels_until_zoomed(network: nx.MultiDiGraph,
                                                                       tmp_path: Path) -> None:
    import numpy as np

    from kg.viz import LABEL_ZOOM_THRESHOLD, layout

    big = nx.MultiDiGraph()
    for i in range(4):
        big.update(nx.relabel_nodes(network, {n: n if "/doc/vn/" in n else f"{n}-{i}" for n in network}))
    pos = layout(big)
    xy = np.array([pos[n] for n in sorted(big)])
    d = np.sqrt(((xy[:, None, :] - xy[None, :, :]) ** 2).sum(-1))
    np.fill_diagonal(d, np.inf)
    assert (d.min(axis=1) < 3).mean() < 0.02  # nodes do not pile up on each other
    render(big, tmp_path / "big.html")
    data = page_data((tmp_path / "big.html").read_text(encoding="utf-8"))
    assert data["OPTIONS"]["nodes"]["scaling"]["label"]["drawThreshold"] == LABEL_ZOOM_THRESHOLD
    assert all("label" not in e and e["title"] and e["rel"] for e in data["EDGES"])  # edge names on hover only
