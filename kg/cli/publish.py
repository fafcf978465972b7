"""`kg publish`: push a build into a SPARQL 1.1 Graph Store Protocol endpoint."""

from __future__ import annotations

from pathlib import Path

import typer

from kg.cli._util import app, console, err_console, fail
from kg.store import StoreError


@app.command("publish")
def publish_cli(
    source: Path = typer.Argument(..., help="Store folder or RDF file."),
    endpoint: str = typer.Option(..., "--endpoint", help="Graph Store Protocol URL, e.g. .../sparql-graph-crud-auth."),
    graph: str = typer.Option(..., "--graph", help="IRI of the graph to replace."),
    user: str = typer.Option(None, "--user", help="User (HTTP Digest or Basic)."),
    password: str = typer.Option(None, "--password", envvar="KG_PUBLISH_PASSWORD", help="Password."),
    batch: int = typer.Option(50_000, "--batch", help="Triples per request."),
    query_endpoint: str = typer.Option(None, "--query-endpoint", help="SPARQL query URL (default: derived)."),
    retries: int = typer.Option(5, "--retries", help="Retries on 5xx and connection errors."),
) -> None:
    """Publish the triples of SOURCE as one graph, in batches, and check the count."""
    from kg.publish import PublishError, publish

    def progress(n: int, sent: int) -> None:
        err_console.print(f"batch {n}: {sent} triples sent", highlight=False)

    try:
        r = publish(source, endpoint, graph, user=user, password=password, batch=batch,
                    query_endpoint=query_endpoint, retries=retries, on_batch=progress)
    except (PublishError, StoreError) as e:
        fail(str(e))
    batches = f"{r.batches} batch" + ("" if r.batches == 1 else "es")
    console.print(f"[green]published[/] {r.triples} triples to <{r.graph}> in {batches}"
                  f" ({r.retries} retries); the endpoint counts {r.remote_triples}", highlight=False)
