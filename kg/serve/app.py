"""The SPARQL 1.1 Protocol endpoint, the query page and dereferenceable IRIs (a Starlette ASGI app).

Routes:

* ``GET|POST /sparql``: queries (``query=`` in the URL or an urlencoded form, or an
  ``application/sparql-query`` body; ``default-graph-uri``/``named-graph-uri`` honoured, otherwise the
  default graph is the union of the named graphs). Results by ``Accept`` (or ``?format=json|xml|csv|tsv|
  turtle|ntriples|jsonld``): SPARQL JSON (default), XML, CSV, TSV; graphs as Turtle (default), JSON-LD,
  N-Triples. Without a query: the service description (Turtle). Updates (``update=`` or an
  ``application/sparql-update`` body) answer 403 unless the server runs with ``--allow-update`` and the
  request carries ``Authorization: Bearer <token>``. Updates are exclusive (see ``kg.serve.workers``) and must
  write into named graphs: the merged default graph is recomputed from them afterwards.
* Dataset: an RDF file is bulk-loaded into a temporary on-disk store whose default graph is the set union of
  the named graphs (``kg.store.merge_union``), so a triple repeated in many texts matches once. A store
  folder is served as it is: with a merged default graph if it has one, else over the union of its named
  graphs (Oxigraph then matches a triple once per graph that holds it).
* Limits: each query runs in a worker process and is stopped after ``timeout`` seconds (503). Results are
  capped at ``max_rows`` rows (triples for graphs): the first ``max_rows`` are sent with the header
  ``X-Result-Truncated: true``.
* ``GET /``: the YASGUI query page (assets served from the package, no CDN) with the saved queries as
  tabs, read from ``GET /queries.json``.
* ``GET /id/{path}``: the description of ``{base}{path}`` (its triples plus the labels of what it links to):
  HTML for browsers, Turtle, JSON-LD or N-Triples by ``Accept``; 404 if the store knows nothing about it.
* CORS: ``Access-Control-Allow-Origin: *`` on every answer to a cross-origin request, and preflight.
"""

from __future__ import annotations

import contextlib
import hmac
import shutil
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs

from pyoxigraph import RdfFormat, Store, parse
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kg import queries, results
from kg.rdf.iris import DEFAULT_BASE
from kg.serve import pages
from kg.serve.workers import Busy, QueryTimeout, WorkerDied, WorkerPool
from kg.store import FILE_FORMATS, merge_union

STATIC = Path(__file__).parent / "static"
SOLUTION_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle", "application/x-turtle": "turtle", "application/ld+json": "jsonld",
    "application/n-triples": "ntriples", "text/plain": "ntriples", "application/json": "jsonld",
}
FORMAT_NAMES = {"json", "xml", "csv", "tsv", "turtle", "ntriples", "jsonld"}


@dataclass
class ServeConfig:
    """What `kg serve` was asked for."""

    source: Path
    base: str | None = None
    timeout: float = 10.0
    max_rows: int = 10000
    allow_update: bool = False
    token: str | None = None
    workers: int = 2


def prepare_store(source: Path) -> tuple[str, str | None]:
    """The store folder to serve and, for an RDF file, the temporary folder it was bulk-loaded into."""
    if source.is_dir():
        return str(source), None
    fmt = FILE_FORMATS.get(source.suffix.lower())
    if not source.is_file() or fmt is None:
        raise ValueError(f"{source}: not a store folder or an RDF file (.ttl .nt .nq .trig .jsonld .rdf)")
    tmp = tempfile.mkdtemp(prefix="kg-serve-")
    store = Store(tmp)
    try:
        store.bulk_load(path=str(source), format=fmt)
        merge_union(store)
        store.flush()
    except (SyntaxError, ValueError, OSError):
        del store
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    del store
    return tmp, tmp


def detect_base(store_path: str) -> str:
    """The base IRI the graph was built with (from a source text's IRI ``{base}text/{id}``)."""
    store = Store.read_only(store_path)
    try:
        rows = list(store.query("SELECT ?s WHERE { ?s a <https://w3id.org/vnkg/ontology#SourceText> } LIMIT 1",
                                use_default_graph_as_union=True))
    finally:
        del store
    if rows:
        iri = rows[0]["s"].value
        if "/text/" in iri:
            return iri.rsplit("/text/", 1)[0] + "/"
    return DEFAULT_BASE


def negotiate(accept: str, table: dict[str, str], default: str) -> str:
    """The format name for the best-ranked acceptable media type (``*/*`` and unknown types: the default)."""
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(accept.split(",")):
        media, *params = [x.strip() for x in part.split(";")]
        q = 1.0
        for p in params:
            if p.startswith("q="):
                with contextlib.suppress(ValueError):
                    q = float(p[2:])
        if media and q > 0:
            ranked.append((-q, i, media.lower()))
    for _, _, media in sorted(ranked):
        if media in table:
            return table[media]
        if media in ("*/*", "application/*"):
            return default
    return default


def create_app(config: ServeConfig) -> Starlette:
    """The ASGI application (an RDF file is bulk-loaded into a temporary store now; the worker pool starts
    and stops with the app, and the temporary store is removed at shutdown)."""
    store_path, tmp = prepare_store(config.source)
    state: dict[str, object] = {"base": config.base or detect_base(store_path)}

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        pool = WorkerPool(store_path, config.workers)
        state["pool"] = pool
        try:
            await pool.start()
            yield
        finally:
            await pool.close()
            if tmp:
                shutil.rmtree(tmp, ignore_errors=True)

    def pool() -> WorkerPool:
        return state["pool"]  # type: ignore[return-value]

    async def run(job: tuple[object, ...]) -> Response | tuple[object, ...]:
        try:
            reply = await pool().call(job, config.timeout)
        except (QueryTimeout, Busy) as e:
            return PlainTextResponse(f"{e}\n", status_code=503, headers={"Retry-After": "1"})
        except WorkerDied as e:
            return PlainTextResponse(f"{e}\n", status_code=500)
        if reply[0] == "error":
            return PlainTextResponse(f"{reply[2]}\n", status_code=reply[1])
        return reply

    async def sparql(request: Request) -> Response:
        params = {k: request.query_params.getlist(k) for k in request.query_params}
        query = update = None
        if request.method == "POST":
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            body = (await request.body()).decode("utf-8", errors="replace")
            if ctype == "application/x-www-form-urlencoded":
                for k, v in parse_qs(body, keep_blank_values=True).items():
                    params.setdefault(k, []).extend(v)
            elif ctype == "application/sparql-query":
                query = body
            elif ctype == "application/sparql-update":
                update = body
            else:
                return PlainTextResponse("POST needs an application/x-www-form-urlencoded, application/sparql-query "
                                         "or application/sparql-update body\n", status_code=415)
        if len(params.get("query", [])) + len(params.get("update", [])) + (query is not None) \
                + (update is not None) > 1:
            return PlainTextResponse("give exactly one query or update\n", status_code=400)
        query = query if query is not None else (params.get("query") or [None])[0]
        update = update if update is not None else (params.get("update") or [None])[0]
        if update is not None:
            return await run_update(request, update)
        if query is None:
            if request.method == "POST":
                return PlainTextResponse("no query in the request\n", status_code=400)
            endpoint = str(request.url.replace(query="", fragment=""))
            return Response(pages.service_description(endpoint, allow_update=config.allow_update),
                            media_type="text/turtle; charset=utf-8")
        accept = request.headers.get("accept", "*/*")
        forced = (params.get("format") or [None])[0]
        formats = {"solutions": negotiate(accept, SOLUTION_TYPES, "json"),
                   "boolean": negotiate(accept, SOLUTION_TYPES, "json"),
                   "graph": negotiate(accept, GRAPH_TYPES, "turtle")}
        if forced in FORMAT_NAMES:
            formats = {k: (forced if (forced in results.GRAPH_FORMATS) == (k == "graph") else v)
                       for k, v in formats.items()}
        reply = await run(("query", query, formats, config.max_rows, params.get("default-graph-uri", []),
                           params.get("named-graph-uri", [])))
        if isinstance(reply, Response):
            return reply
        _, fmt, body, truncated = reply
        headers = {"Vary": "Accept"}
        if truncated:
            headers["X-Result-Truncated"] = "true"
        return Response(body, media_type=results.MEDIA_TYPES[fmt], headers=headers)

    async def run_update(request: Request, text: str) -> Response:
        if not config.allow_update:
            return PlainTextResponse("this endpoint is read-only (start it with --allow-update --token T)\n",
                                     status_code=403)
        auth = request.headers.get("authorization", "")
        given = auth[7:].strip() if auth.lower().startswith("bearer ") else ""
        if not config.token or not hmac.compare_digest(given.encode(), config.token.encode()):
            return PlainTextResponse("update refused: missing or wrong bearer token\n", status_code=403)
        try:
            await pool().update(text, config.timeout)
        except SyntaxError as e:
            return PlainTextResponse(f"malformed update: {e}\n", status_code=400)
        except Busy as e:
            return PlainTextResponse(f"{e}\n", status_code=503)
        return Response(status_code=204)

    async def resource(request: Request) -> Response:
        base = str(state["base"])
        iri = base + request.path_params["path"]
        forced = request.query_params.get("format")
        accept = request.headers.get("accept", "*/*")
        html = forced is None and "text/html" in accept
        fmt = forced if forced in results.GRAPH_FORMATS else negotiate(accept, GRAPH_TYPES, "turtle")
        reply = await run(("describe", iri))
        if isinstance(reply, Response):
            return reply
        triples = list(parse(reply[2], format=RdfFormat.N_TRIPLES))
        if not triples:
            message = f"no resource {iri} in this graph"
            if html:
                return HTMLResponse(f"<!DOCTYPE html><title>404</title><p>{message}</p>", status_code=404)
            return PlainTextResponse(message + "\n", status_code=404)
        if html:
            return HTMLResponse(pages.resource_html(iri, triples, base), headers={"Vary": "Accept"})
        return Response(results.serialize_graph(triples, fmt), media_type=results.MEDIA_TYPES[fmt],
                        headers={"Vary": "Accept"})

    async def index(_request: Request) -> Response:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    async def saved(_request: Request) -> Response:
        return JSONResponse([q.as_dict() for q in queries.load_catalogue().values()])

    async def health(_request: Request) -> Response:
        return JSONResponse({"status": "ok", "base": state.get("base")})

    routes = [
        Route("/", index),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/queries.json", saved),
        Route("/healthz", health),
        Route("/id/{path:path}", resource),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST", "OPTIONS"],
                             allow_headers=["*"], expose_headers=["X-Result-Truncated"], max_age=86400)]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
