"""`kg serve`: the SPARQL endpoint, the query page and dereferenceable IRIs (see kg.serve.app)."""

from __future__ import annotations

import errno
import os
import socket
from pathlib import Path

import typer

from kg.cli._util import app, err_console, fail, source_or_default

MAX_HEADERS = 64 * 1024


@app.command("serve")
def serve_cli(
    store: Path = typer.Option(None, "--store", help="Oxigraph store folder."),
    graph: Path = typer.Option(None, "--graph", help="An RDF file to serve. Neither: what the last `kg build` "
                                                   "here wrote, else exports/sample.ttl."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind (loopback by default)."),
    port: int = typer.Option(8000, "--port", help="TCP port."),
    base: str = typer.Option(None, "--base", help="Base IRI the graph was built with; GET /id/X describes "
                                                   "{base}X (default: read from the graph)."),
    timeout: float = typer.Option(10.0, "--timeout", help="Seconds a query or update may run (then 503), and "
                                                         "the longest a request waits for a worker."),
    max_rows: int = typer.Option(10000, "--max-rows", help="Rows (or triples) sent at most; more are cut and "
                                                          "flagged with X-Result-Truncated: true."),
    workers: int = typer.Option(2, "--workers", help="Query worker processes, plus one kept for short queries."),
    threads: int = typer.Option(4, "--threads", help="Queries each worker runs at once (a lookup starts beside "
                                                    "long answers instead of waiting for them)."),
    per_client: int = typer.Option(1, "--per-client", help="Queries one client address may run at once on the "
                                                          "full workers (more wait their turn)."),
    queue: int = typer.Option(32, "--queue", help="Requests that may wait for a worker (more: 503 Retry-After)."),
    short_timeout: float = typer.Option(1.0, "--short-timeout", help="Seconds a query may run on the worker "
                                                                    "kept for short queries."),
    max_body: int = typer.Option(1_000_000, "--max-body", help="Largest request body in bytes (413)."),
    header_timeout: float = typer.Option(10.0, "--header-timeout", help="Seconds a client has to send a "
                                                                      "request's headers, and its body."),
    allow_federation: list[str] = typer.Option(None, "--allow-federation", metavar="HOST",
                                               help="Let SERVICE and LOAD fetch from HOST (repeatable); by "
                                                    "default the server never fetches a URL."),
    allow_update: bool = typer.Option(False, "--allow-update", help="Accept SPARQL UPDATE (needs --token)."),
    token: str = typer.Option(None, "--token", envvar="KG_SERVE_TOKEN",
                              help="Bearer token required for updates (or KG_SERVE_TOKEN)."),
    texts: Path = typer.Option(None, "--texts", metavar="DIR",
                               help="The corpus folder the graph was built from: a document's page opens each "
                                    "fact in its text (only files inside DIR that the graph names are read)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Keep no answers in memory (ETags and 304 still)."),
    cache_mb: float = typer.Option(64.0, "--cache-mb", help="Memory for whole answers, repeated requests being "
                                                           "answered from it (none over a sixteenth of it)."),
) -> None:
    """Serve the graph: SPARQL 1.1 endpoint at /sparql, query page at /, resource pages at /id/…"""
    import uvicorn

    from kg.serve import ServeConfig, create_app
    from kg.serve.limits import guarded_protocol

    if store and graph:
        fail("give --store or --graph, not both", 2)
    source = store or graph or source_or_default(None, prefer_store=True)
    if not source.exists():
        fail(f"{source}: no such store or file (build one with `kg build` or `kg build --store data/store`)", 2)
    if texts is not None and not texts.is_dir():
        fail(f"{texts}: no such folder (--texts takes the folder of the source texts)", 2)
    if allow_update and not token:
        fail("--allow-update needs --token (or KG_SERVE_TOKEN)", 2)
    if min(timeout, max_rows, workers, threads, per_client, queue, short_timeout, max_body, header_timeout) <= 0:
        fail("--timeout, --max-rows, --workers, --threads, --per-client, --queue, --short-timeout, --max-body and "
             "--header-timeout must be positive", 2)
    listener = listen(host, port)  # a busy port is said before any work, and before "serving …"
    config = ServeConfig(source=source, base=base, timeout=timeout, max_rows=max_rows, allow_update=allow_update,
                         token=token, workers=workers, threads=threads, allow_federation=tuple(allow_federation or ()),
                         per_client=per_client, queue=queue, short_timeout=short_timeout, max_body=max_body,
                         body_timeout=header_timeout, texts=texts, cache=not no_cache and cache_mb > 0,
                         cache_mb=max(cache_mb, 0.0))
    try:
        asgi = create_app(config)
    except (OSError, SyntaxError, ValueError) as e:
        fail(f"cannot serve {source}: {e}", 2)
    outbound = ", ".join(config.allow_federation) or "none (SERVICE and LOAD refused)"
    err_console.print(f"serving {source} on http://{host}:{port}/ (SPARQL at /sparql; outbound: {outbound})",
                      highlight=False)
    server = uvicorn.Server(uvicorn.Config(
        asgi, host=host, port=port, log_level="warning", timeout_graceful_shutdown=3, loop="asyncio",
        http=guarded_protocol(header_timeout), h11_max_incomplete_event_size=MAX_HEADERS, timeout_keep_alive=5,
        limit_concurrency=max(64, 4 * queue)))
    server.run(sockets=[listener])
    if not server.started:
        raise typer.Exit(3)


def listen(host: str, port: int) -> socket.socket:
    """The server's listening socket, bound now (so a busy port or an unknown host is a one-line error)."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        return socket.create_server((host, port), family=family, backlog=2048)
    except socket.gaierror as e:
        fail(f"cannot listen on {host}: unknown host ({e.strerror})", 2)
        raise AssertionError from e  # unreachable: fail() exits
    except OSError as e:
        busy = " (another server listens there: stop it or choose another --port)" \
            if e.errno == errno.EADDRINUSE else ""
        fail(f"cannot listen on {host}:{port}: {os.strerror(e.errno) if e.errno else e}{busy}", 2)
        raise AssertionError from e
