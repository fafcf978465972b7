"""`kg query`: run a SPARQL query (a saved query by name, a .rq file, or -e TEXT) on the store or an RDF file.

The work is in ``kg.cli.query_run``, which `kg query` reaches without this Typer command when it can."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from kg.cli._util import app, fail


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
    from kg.cli.query_run import Failed, execute

    try:
        execute(query, expr, store, graph, param or [], fmt, allow_federation or [], sys.stdout.buffer,
                sys.stdout.isatty())
    except Failed as e:
        fail(str(e), e.code)
