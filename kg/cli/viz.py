"""`kg viz`: write one self-contained, offline HTML page drawing a view of the graph."""

from __future__ import annotations

from pathlib import Path

import typer

from kg.cli._source import HELP
from kg.cli._util import app, console, fail, source_or_default
from kg.defaults import DEFAULT_MAX_NODES


@app.command("viz")
def viz_cli(
    graph: Path = typer.Argument(None, help=HELP),
    output: Path = typer.Option(Path("exports/graph.html"), "-o", "--output", help="HTML file to write."),
    focus: str = typer.Option(None, "--focus", help="Document number (any spelling) or IRI: draw its neighbourhood."),
    depth: int = typer.Option(2, "--depth", min=0, help="Neighbourhood depth for --focus."),
    query: str = typer.Option(None, "--query", help="A saved query's name or a SPARQL SELECT/CONSTRUCT .rq file: draw "
                              "the entities it returns."),
    params: list[str] = typer.Option([], "-p", "--param", help="NAME=VALUE for the query's parameters (repeatable)."),
    lang: str = typer.Option("vi", "--lang", help="Language of labels and legend: vi or en."),
    max_nodes: int = typer.Option(DEFAULT_MAX_NODES, "--max-nodes", help="Refuse views larger than this."),
) -> None:
    """Draw the graph (or one node's neighbourhood, or a query's result) as an interactive HTML page."""
    from kg.queries import QueryError, parse_assignments
    from kg.store import StoreError
    from kg.viz import VizError, viz

    try:
        report = viz(source_or_default(graph), output, focus=focus, depth=depth, query_file=query,
                     params=parse_assignments(params), lang=lang, max_nodes=max_nodes)
    except (VizError, StoreError, QueryError) as e:
        fail(str(e))
    layout = "precomputed layout" if report.precomputed_layout else "physics layout"
    console.print(f"[green]wrote[/] {report.path}: {report.nodes} nodes, {report.edges} edges, {layout}",
                  highlight=False)
