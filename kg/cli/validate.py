"""`kg validate`: SHACL validation of a built graph, violations grouped by shape."""

from __future__ import annotations

from pathlib import Path

import typer

from kg.cli._source import HELP
from kg.cli._util import app, console, err_console, fail, folded_table, source_or_default, to_terminal, write_tsv
from kg.store import StoreError


@app.command("validate")
def validate_cli(
    source: Path = typer.Argument(None, help=HELP),
    shapes: Path = typer.Option(None, "--shapes", help="SHACL shapes (default: ontology/shapes.ttl)."),
) -> None:
    """Validate a graph against the SHACL shapes (exit 1 on violations). A table on a terminal; in a pipe,
    tab-separated rows (shape, severity, count, focus node, message) and the summary line on stderr."""
    from rich.markup import escape

    from kg.validate import validate_graph

    source = source_or_default(source)

    try:
        report = validate_graph(source, shapes=shapes)
    except StoreError as e:
        fail(str(e))
    if not to_terminal():
        write_tsv(("shape", "severity", "count", "focus node", "message"),
                  [(r.shape, r.severity, str(r.count), r.focus, r.message) for r in report.rows])
        err_console.print(report.summary(hint=False), highlight=False)
    else:
        if report.rows:
            table = folded_table("shape", "severity", "count", "example: focus node and message",
                                 no_wrap=("severity", "count"), right=("count",))
            for r in report.rows:
                table.add_row(escape(r.shape), r.severity, str(r.count), f"{escape(_compact(r.focus))}\n"
                              f"{escape(r.message)}")
            console.print(table)
        console.print(report.summary(hint=False), highlight=False)
    if not report.conforms:
        raise typer.Exit(1)


def _compact(node: str) -> str:
    """A focus node for people: an IRI with the known prefixes (id:doc/…), anything else as it is."""
    from pyoxigraph import NamedNode

    from kg.results import short

    try:
        return short(NamedNode(node))
    except ValueError:
        return node
