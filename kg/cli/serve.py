"""`kg serve`: the SPARQL endpoint, the query page and dereferenceable IRIs (see kg.serve.app)."""

from __future__ import annotations

from pathlib import Path

import typer

from kg.cli._util import app, err_console, fail

DEFAULT_STORE = Path("data/store")
DEFAULT_GRAPH = Path("exports/sample.ttl")


@app.command("serve")
def serve_cli(
    store: Path = typer.Option(None, "--store", help="Oxigraph store folder (default: data/store if it exists)."),
    graph: Path = typer.Option(None, "--graph", help="An RDF file to serve (default: exports/sample.ttl)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind (loopback by default)."),
    port: int = typer.Option(8000, "--port", help="TCP port."),
    base: str = typer.Option(None, "--base", help="Base IRI the graph was built with; GET /id/X describes "
                                                   "{base}X (default: read from the graph)."),
    timeout: float = typer.Option(10.0, "--timeout", help="Seconds a query may run before it is stopped (503)."),
    max_rows: int = typer.Option(10000, "--max-rows", help="Rows (or triples) sent at most; more are cut and "
                                                          "flagged with X-Result-Truncated: true."),
    workers: int = typer.Option(2, "--workers", help="Query worker processes (queries run in parallel)."),
    allow_update: bool = typer.Option(False, "--allow-update", help="Accept SPARQL UPDATE (needs --token)."),
    token: str = typer.Option(None, "--token", envvar="KG_SERVE_TOKEN",
                              help="Bearer token required for updates (or KG_SERVE_TOKEN)."),
) -> None:
    """Serve the graph: SPARQL 1.1 endpoint at /sparql, query page at /, resource pages at /id/…"""
    import uvicorn

    from kg.serve import ServeConfig, create_app

    if store and graph:
        fail("give --store or --graph, not both", 2)
    source = store or graph or (DEFAULT_STORE if DEFAULT_STORE.is_dir() else DEFAULT_GRAPH)
    if not source.exists():
        fail(f"{source}: no such store or file (build one with `kg build` or `kg build --store data/store`)", 2)
    if allow_update and not token:
        fail("--allow-update needs --token (or KG_SERVE_TOKEN)", 2)
    if timeout <= 0 or max_rows <= 0 or workers <= 0:
        fail("--timeout, --max-rows and --workers must be positive", 2)
    config = ServeConfig(source=source, base=base, timeout=timeout, max_rows=max_rows, allow_update=allow_update,
                         token=token, workers=workers)
    try:
        asgi = create_app(config)
    except (OSError, SyntaxError, ValueError) as e:
        fail(f"cannot serve {source}: {e}", 2)
    err_console.print(f"serving {source} on http://{host}:{port}/ (SPARQL at /sparql)", highlight=False)
    uvicorn.run(asgi, host=host, port=port, log_level="warning", timeout_graceful_shutdown=3)
