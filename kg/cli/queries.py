"""`kg queries`: list the saved queries of queries/ with their titles, descriptions and parameters."""

from __future__ import annotations

from kg.cli._util import app, console, fail, folded_table, to_terminal, write_tsv


@app.command("queries")
def queries_cli() -> None:
    """List the saved queries (run one with `kg query NAME --param NAME=VALUE`). A table on a terminal,
    tab-separated rows (name, title, description, params) in a pipe."""
    from rich.markup import escape

    from kg import queries

    try:
        catalogue = queries.load_catalogue()
    except queries.QueryError as e:
        fail(str(e))
    if not to_terminal():
        write_tsv(("name", "title", "description", "params"),
                  [(q.name, q.title, q.description, "; ".join(f"{p.name} ({p.kind}): {p.description}"
                                                              for p in q.params)) for q in catalogue.values()])
        return
    table = folded_table("name", "what it returns", no_wrap=("name",))
    for q in catalogue.values():
        params = "".join(f"\n[bold]-p {escape(p.name)}[/] ({p.kind}): {escape(p.description)}" for p in q.params)
        table.add_row(q.name, f"[bold]{escape(q.title)}[/]\n{escape(q.description)}{params}")
    console.print(table)
