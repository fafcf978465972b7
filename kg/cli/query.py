"""`kg query`: run a SPARQL query (a saved query by name, a .rq file, or -e TEXT) on the store or an RDF file."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from kg.cli._util import app, console, fail, source_or_default

FORMATS = ("table", "csv", "tsv", "json", "xml", "md")


@app.command("query")
def query_cli(
    query: str = typer.Argument(None, help="A saved query name (see `kg queries`) or a .rq file."),
    expr: str = typer.Option(None, "-e", "--expr", help="The SPARQL query text itself."),
    store: Path = typer.Option(None, "--store", help="Oxigraph store folder (built with `kg build --store`)."),
    graph: Path = typer.Option(None, "--graph", help="An RDF file (.ttl .nt .nq .trig .jsonld .rdf) to query."),
    param: list[str] = typer.Option(None, "-p", "--param", help="NAME=VALUE, binds `VALUES ?NAME { UNDEF }`."),
    fmt: str = typer.Option("table", "-f", "--format", help="table, csv, tsv, json, xml or md (CONSTRUCT/DESCRIBE: "
                                                          "always Turtle)."),
    allow_federation: list[str] = typer.Option(None, "--allow-federation", metavar="HOST",
                                               help="Let SERVICE fetch from HOST (repeatable); by default "
                                                    "a query never fetches a URL."),
) -> None:
    """Run a SPARQL query on --store or --graph; neither: what the last `kg build` here wrote, else
    exports/sample.ttl. A table on a terminal, tab-separated rows in a pipe."""
    from pyoxigraph import QueryTriples

    from kg import queries, results
    from kg.store import StoreError

    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r} (use {', '.join(FORMATS)})", 2)
    if (query is None) == (expr is None):
        fail("give a saved query name or .rq file, or -e 'SELECT …' (exactly one)", 2)
    try:
        saved = queries.resolve(query) if query is not None else None
        text = queries.bind(saved.text if saved else expr, queries.parse_assignments(param or []),
                            saved.params if saved else ())
    except queries.QueryError as e:
        fail(str(e), 2)
    source = store or graph or source_or_default(None, prefer_store=True)
    try:
        gs = queries.open_source(source)
        result = queries.run(gs, text, tuple(allow_federation or ()))
    except (StoreError, queries.QueryError) as e:
        fail(str(e), 2)
    if isinstance(result, QueryTriples):
        sys.stdout.buffer.write(results.serialize_graph(result, "turtle"))
    elif fmt in results.RESULT_FORMATS:
        sys.stdout.buffer.write(results.serialize(result, fmt))
    elif not hasattr(result, "variables"):
        console.print("true" if bool(result) else "false")
    elif fmt == "md":
        sys.stdout.write(results.markdown(*results.read_rows(result)[:2]))
    elif not sys.stdout.isatty():  # a pipe or a file: rows a program can read, never folded
        sys.stdout.buffer.write(results.serialize(result, "tsv"))
    else:
        variables, rows, _ = results.read_rows(result)
        console.print(results.rich_table(variables, rows, title=saved.title if saved else None))
        console.print(f"[dim]{len(rows)} row(s) from {source}[/]", highlight=False)
