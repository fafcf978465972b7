"""`kg stats` on the bundled sample: counts, references, implementation chains, components, busiest bodies."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.stats import graph_stats, pagerank


@pytest.fixture(scope="module")
def stats(sample_ttl: Path) -> dict:
    return graph_stats(sample_ttl, top=5)


def test_counts_per_class(stats: dict) -> None:
    counts = {r["class"]: r["count"] for r in stats["classes"]}
    assert counts["vnkg:SourceText"] == 6  # the six bundled texts
    assert counts["vnkg:Meeting"] == 1  # Hà Tĩnh's December 2023 session
    assert counts["vnkg:LegalDocument"] >= counts["vnkg:Resolution"] + counts["vnkg:Plan"] + counts["vnkg:Program"]
    assert next(r["label"] for r in stats["classes"] if r["class"] == "vnkg:Resolution") == "Nghị quyết"


def test_implementation_chains_reach_the_national_and_party_resolutions(stats: dict) -> None:
    chains = {r["chain"] for r in stats["implementation_chains"]}
    assert {"35/KH-UBND → 01/NQ-CP", "61/KH-UBND → 01/NQ-CP", "12-CTr/TU → 57-NQ/TW"} <= chains
    kontum = next(r for r in stats["implementation_chains"] if r["names"][0] == "35/KH-UBND")
    assert kontum["iris"][-1].endswith("/vn/2022/01-nq-cp") and kontum["start_issuer"].endswith("Kon Tum")


def test_most_referenced_documents(stats: dict) -> None:
    top = stats["most_referenced"]
    assert len(top) == 5 and top[0]["name"] in {"01/NQ-CP", "57-NQ/TW"}
    assert all(r["mentions"] >= 1 for r in top)
    nq57 = next(r for r in top if r["name"] == "57-NQ/TW")  # Quảng Ninh's program implements it
    assert nq57["implemented_by"] == 1 and nq57["pagerank"] > 0


def test_components_and_bodies(stats: dict) -> None:
    comp = stats["components"]
    assert comp["count"] == len(comp["sizes"]) and sum(comp["sizes"]) == comp["nodes"]
    assert comp["sizes"] == sorted(comp["sizes"], reverse=True)
    bodies = stats["bodies_by_tasks"]
    # two rows of the Kon Tum plan's annex and one item of its TỔ CHỨC THỰC HIỆN give Sở KH&ĐT three tasks
    assert bodies[0]["label"] == "Sở Kế hoạch và Đầu tư tỉnh Kon Tum" and bodies[0]["lead_tasks"] == 3
    assert [b["lead_tasks"] for b in bodies] == sorted((b["lead_tasks"] for b in bodies), reverse=True)
    assert any(b["label"] == "Sở Nông nghiệp và Phát triển nông thôn tỉnh Kon Tum" and b["lead_tasks"] >= 2
               for b in bodies)


def test_pagerank_matches_the_textbook_values() -> None:
    g = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("d", "c")])
    pr = pagerank(g)
    assert abs(sum(pr.values()) - 1) < 1e-9
    assert pr["c"] > pr["a"] > pr["b"] > pr["d"]
    assert abs(pr["d"] - 0.15 / 4) < 1e-9  # nothing points to d: only the teleport share


def test_cli_tables_and_json(sample_ttl: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["stats", str(sample_ttl), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert set(data) == {"classes", "most_referenced", "implementation_chains", "components", "bodies_by_tasks"}
    res = runner.invoke(app, ["stats", str(sample_ttl)], terminal_width=200)
    assert res.exit_code == 0 and "35/KH-UBND → 01/NQ-CP" in res.output and "Connected components" in res.output
    bad = runner.invoke(app, ["stats", "no/such/file.ttl"])
    assert bad.exit_code == 1 and "no such store folder or RDF file" in bad.output and "Traceback" not in bad.output
