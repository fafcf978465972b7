"""`kg stats`: counts, most referenced documents, implementation chains, components, busiest bodies."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from kg.cli._source import HELP
from kg.cli._util import app, console, fail, source_or_default

if TYPE_CHECKING:
    from rich.table import Table


@app.command("stats")
def stats_cli(
    graph: Path = typer.Argument(None, help=HELP),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
    top: int = typer.Option(10, "--top", min=1, help="Rows in the ranking tables."),
    lang: str = typer.Option("vi", "--lang", help="Language of class labels: vi or en."),
) -> None:
    """Analytics of the graph: classes, most referenced documents, implementation chains, components."""
    from kg.stats import graph_stats
    from kg.store import StoreError

    try:
        data = graph_stats(source_or_default(graph), top=top, lang=lang)
    except StoreError as e:
        fail(str(e))
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    _print(data)


def _table(title: str, *columns: str) -> Table:
    from rich.table import Table

    table = Table(title=title, title_justify="left", title_style="bold")
    for c in columns:
        table.add_column(c, justify="right" if c in ("n", "refs", "texts", "implemented by", "pagerank", "lead",
                                                       "cooperating") else "left", overflow="fold")
    return table


def _print(data: dict) -> None:
    t = _table("Instances per class", "class", "label", "n")
    for r in data["classes"]:
        t.add_row(r["class"], r["label"], str(r["count"]))
    console.print(t)
    t = _table("Most referenced documents", "document", "date", "class", "texts", "implemented by", "pagerank")
    for r in data["most_referenced"]:
        t.add_row(r["name"], r["date"], r["class"], str(r["mentions"]), str(r["implemented_by"]),
                  f"{r['pagerank']:.4f}")
    console.print(t)
    t = _table("Implementation chains (vnkg:implements)", "chain", "issuer of the first")
    for r in data["implementation_chains"]:
        t.add_row(r["chain"], r["start_issuer"])
    console.print(t)
    c = data["components"]
    sizes = ", ".join(map(str, c["sizes"][:15])) + (" …" if len(c["sizes"]) > 15 else "")
    console.print(f"[bold]Connected components[/]: {c['count']} over {c['nodes']} nodes and {c['edges']} edges; "
                  f"sizes {sizes}", highlight=False)
    t = _table("Bodies leading the most tasks", "body", "lead", "cooperating")
    for r in data["bodies_by_tasks"]:
        t.add_row(r["label"], str(r["lead_tasks"]), str(r["cooperating_tasks"]))
    console.print(t)
