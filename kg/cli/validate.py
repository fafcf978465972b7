"""`kg validate`: SHACL validation of a built graph, violations grouped by shape."""

from __future__ import annotations

from pathlib import Path

import typer

from kg.cli._source import HELP
from kg.cli._util import app, console, fail, source_or_default
from kg.store import StoreError


@app.command("validate")
def validate_cli(
    source: Path = typer.Argument(None, help=HELP),
    shapes: Path = typer.Option(None, "--shapes", help="SHACL shapes (default: ontology/shapes.ttl)."),
) -> None:
    """Validate a graph against the SHACL shapes (exit 1 on violations)."""
    from rich.table import Table

    from kg.validate import validate_graph

    source = source_or_default(source)

    try:
        report = validate_graph(source, shapes=shapes)
    except StoreError as e:
        fail(str(e))
    if report.rows:
        table = Table("shape", "severity", "count", "example focus node", "message")
        for column in table.columns[:3]:
            column.no_wrap = True
        for r in report.rows:
            table.add_row(r.shape, r.severity, str(r.count), r.focus, r.message)
        console.print(table)
    console.print(report.summary(), highlight=False)
    if not report.conforms:
        raise typer.Exit(1)
