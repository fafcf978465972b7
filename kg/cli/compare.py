"""`kg compare`: one indicator's targets and results by province and year, as a chart and a table."""

from __future__ import annotations

from pathlib import Path

import typer

from kg.cli._source import HELP
from kg.cli._util import app, console, fail, source_or_default

SUFFIXES = (".html", ".htm", ".png")


@app.command("compare")
def compare_cli(
    indicator: str = typer.Argument(None, help="An indicator concept (grdp-growth) or any phrasing of it "
                                               "(\"Tốc độ tăng trưởng kinh tế (GRDP)\")."),
    graph: Path = typer.Argument(None, help=HELP),
    output: Path = typer.Option(None, "-o", "--output",
                                help="chart.html (chart and table, offline) or chart.png [default: "
                                     "exports/indicator-KEY.html]."),
    list_them: bool = typer.Option(False, "--list", help="List the indicator concepts with figures in the graph."),
) -> None:
    """Draw one indicator's targets and results across provinces and years, with the table and documents."""
    if output is not None and output.suffix.lower() not in SUFFIXES:
        fail(f"{output}: unknown output type (use .html or .png)")
    if not indicator and not list_them:
        fail("give an INDICATOR (a concept key or any phrasing of it), or --list to see them")
    from kg.compare import compare, index
    from kg.network import open_graph
    from kg.pages import PageError, store_select, write_atomic
    from kg.store import StoreError

    try:
        if list_them:  # `kg compare --list [GRAPH]`: a lone argument is the graph
            source = source_or_default(graph or (Path(indicator) if indicator else None))
            for concept, n in index(store_select(open_graph(source))):
                typer.echo(f"{concept.key}\t{n}\t{concept.vi}")
            return
        comp = compare(store_select(open_graph(source_or_default(graph))), indicator)
        path = output or Path("exports") / f"indicator-{comp.key.replace(' ', '-')[:80]}.html"
        if path.suffix.lower() == ".png":
            from kg.pages.chart_png import write_png

            write_png(comp, path)
        else:
            from kg.pages.compare_html import render

            write_atomic(path, render(comp, lambda _iri: None))
    except (PageError, StoreError) as e:
        fail(str(e))
    provinces = len({p.province for p in comp.points if p.province})
    console.print(f"[green]wrote[/] {path}: {comp.label} ({comp.key}), {len(comp.points)} figures, "
                  f"{provinces} provinces", highlight=False)
