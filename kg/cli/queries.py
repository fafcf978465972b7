"""`kg queries`: list the saved queries of queries/ with their titles, descriptions and parameters."""

from __future__ import annotations

from kg.cli._util import app, console, fail


@app.command("queries")
def queries_cli() -> None:
    """List the saved queries (run one with `kg query NAME --param NAME=VALUE`)."""
    from rich.table import Table

    from kg import queries

    try:
        catalogue = queries.load_catalogue()
    except queries.QueryError as e:
        fail(str(e))
    table = Table(header_style="bold", show_lines=True)
    table.add_column("name", no_wrap=True)
    for col in ("title", "description", "params"):
        table.add_column(col, overflow="fold")
    for q in catalogue.values():
        params = "\n".join(f"{p.name} ({p.kind}): {p.description}" for p in q.params)
        table.add_row(q.name, q.title, q.description, params)
    console.print(table)
