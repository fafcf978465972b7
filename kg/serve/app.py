"""The SPARQL 1.1 Protocol endpoint, the query page and dereferenceable IRIs (a Starlette ASGI app).

Routes:

* ``GET|POST /sparql``: queries (``query=`` in the URL or an urlencoded form, or an
  ``application/sparql-query`` body; ``default-graph-uri``/``named-graph-uri`` honoured, otherwise the
  default graph is the store's: the merge of the named graphs). Updates: POST only (``update=`` form or an
  ``application/sparql-update`` body, ``using-graph-uri``/``using-named-graph-uri`` honoured), and only with
  ``--allow-update`` and ``Authorization: Bearer <token>``. Results by ``Accept`` (or ``?format=json|xml|csv|
  tsv|turtle|ntriples|jsonld``); 406 when nothing acceptable can be written. Bodies must be UTF-8 (415 for
  another ``charset``, 400 for invalid bytes). Relative IRIs resolve against the endpoint's URL. Without a
  query: the service description (Turtle).
* Refused before anything runs (400): ``SERVICE`` and ``LOAD`` (the server never fetches a URL unless
  started with ``--allow-federation HOST``), queries over ``max_query_length`` characters or nested deeper
  than ``max_depth`` (``kg.serve.guard``). Bodies over ``max_body`` bytes: 413; URLs over ``max_url``: 414.
* Scheduling and limits: ``kg.serve.pool`` (per-client limit, reserve worker, bounded queue, 503 with
  ``Retry-After``, updates under the same timeout). Results are capped at ``max_rows`` rows (triples for
  graphs), flagged with ``X-Result-Truncated: true``. An answer over 64 KB streams as the store yields it
  (``kg.serve.streamed``): the header is then set only if the cap was reached within those first 64 KB, and
  the end of the answer always says it: the trailer ``X-Result-Truncated: true|false`` (declared in
  ``Trailer``) and, in JSON and XML, an in-band mark (``"truncated": true``, a comment); a streamed answer
  cut at the cap ends as a complete document of ``max_rows`` rows, one cut by an error or the timeout midway
  ends without its closing chunk. A rebuilt store (``kg build --store``) is followed: ``kg.serve.generation``.
* ``GET /``: the YASGUI query page (assets from the package); ``GET /queries.json``: the saved queries.
* ``GET /id/{path}``: the description of ``{base}{path}``: HTML for browsers (only http(s) IRIs are links),
  Turtle, JSON-LD or N-Triples by ``Accept``; 404 if the store knows nothing about it.
* ``GET /indicator/`` and ``/indicator/{key}``: indicators across provinces and years (chart and table); a
  document's ``/id/`` page in HTML is its dossier (``kg.serve.pages``).
* ``GET /explain/{id}``: the ``kg explain`` view of the source text ``{base}text/{id}``, read from the folder
  given by ``--texts`` (the file the graph names, never a path from the request); 404 without ``--texts``.
* ``GET /healthz``: status, worker and cache statistics. CORS on every answer.
* Validators and the answer cache (``kg.serve.cache``): every SPARQL answer, ``/id/`` and ``/indicator/`` page
  carries a weak ``ETag`` (the store's version and the request's answer-determining parts) and
  ``Cache-Control: no-cache``; ``If-None-Match`` with it answers 304 without running anything. Whole SPARQL
  answers up to ``cache_mb`` / 16 are kept in memory (``cache_mb`` in all; none with ``cache=False``) and a
  repeated request is answered from there; a streamed answer is copied as it goes out and kept only if it
  ended whole and under the row cap.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import re
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from pyoxigraph import NamedNode, RdfFormat, parse
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kg import queries, results
from kg.defaults import DEFAULT_BASE
from kg.serve import cache, dataset, generation, guard, pages, tempstore
from kg.serve.guard import Refused
from kg.serve.limits import read_body
from kg.serve.pool import Busy, Lifeline, Pool, QueryTimeout, WorkerDied, WorkerSettings
from kg.serve.streamed import Streamed

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
_HOST = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$")


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
    allow_federation: tuple[str, ...] = ()
    per_client: int = 1
    queue: int = 32
    short_timeout: float = 1.0
    threads: int = 4
    max_body: int = 1_000_000
    max_url: int = 32_000
    max_query_length: int = guard.MAX_LENGTH
    max_depth: int = guard.MAX_DEPTH
    body_timeout: float = 10.0
    texts: Path | None = None  # the corpus folder: dossier facts open in their text's explain view
    cache: bool = True  # keep whole answers in memory (kg.serve.cache)
    cache_mb: float = 64.0  # at most this much in all, and no answer over a sixteenth of it


def detect_base(store_path: str) -> str:
    """The base IRI the graph was built with (from a source text's IRI ``{base}text/{id}``)."""
    from pyoxigraph import Store

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


def negotiate(accept: str, table: dict[str, str], default: str) -> str | None:
    """The format name for the best-ranked acceptable media type (``*/*``, ``type/*`` or no Accept: the default;
    None when nothing acceptable can be written)."""
    if not accept.strip():
        return default
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
        if media == "*/*" or (media.endswith("/*") and any(t.startswith(media[:-1]) for t in table)):
            return default if media == "*/*" else next(v for t, v in table.items() if t.startswith(media[:-1]))
    return None


def endpoint_url(request: Request) -> str:
    """The endpoint's own URL: from the Host header when it is a plain host[:port], else the bound address."""
    host = request.headers.get("host", "")
    if not _HOST.match(host):
        server = request.scope.get("server") or ("127.0.0.1", 80)
        host = f"{server[0]}:{server[1]}" if ":" not in str(server[0]) else f"[{server[0]}]:{server[1]}"
    url = f"{request.url.scheme}://{host}/sparql"
    try:
        NamedNode(url)
    except ValueError:
        url = "http://127.0.0.1/sparql"
    return url


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _text(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return PlainTextResponse(message.rstrip("\n") + "\n", status_code=status, headers=headers)


def _validated(tag: str) -> dict[str, str]:
    """The headers of an answer with its validator: clients keep it, but ask again (If-None-Match) to use it."""
    return {"ETag": tag, "Cache-Control": cache.CACHE_CONTROL, "Vary": "Accept"}


def _not_modified(tag: str) -> Response:
    return Response(status_code=304, headers=_validated(tag))


def _media(content_type: str) -> tuple[str, str | None]:
    media, *params = [x.strip() for x in content_type.split(";")]
    charset = next((p.split("=", 1)[1].strip().strip('"').lower() for p in params
                    if p.lower().startswith("charset=")), None)
    return media.lower(), charset


def _utf8(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise Refused(400, f"the {what} is not valid UTF-8 ({e.reason} at byte {e.start})") from e


def _form(text: str, what: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError as e:
        raise Refused(400, f"the {what} has percent-escapes that are not UTF-8") from e


async def parse_request(request: Request, config: ServeConfig) -> tuple[dict[str, list[str]], str | None, str | None]:
    """The protocol parameters, the query and the update of a /sparql request (Refused on a protocol error)."""
    raw_query = request.scope.get("query_string", b"")
    if len(raw_query) > config.max_url:
        raise Refused(414, f"the URL's query string is {len(raw_query)} bytes; this endpoint accepts at most "
                           f"{config.max_url} (POST the query instead)")
    params = _form(raw_query.decode("latin-1"), "URL")
    query = update = None
    if request.method == "GET" and "update" in params:
        raise Refused(405, "updates must be sent with POST")
    if request.method == "POST":
        media, charset = _media(request.headers.get("content-type", ""))
        if charset not in (None, "utf-8", "utf8") and media != "application/x-www-form-urlencoded":
            raise Refused(415, f"charset={charset}: SPARQL requests must be UTF-8")
        body = await read_body(request, config.max_body, config.body_timeout)
        if media == "application/x-www-form-urlencoded":
            for k, v in _form(_utf8(body, "form body"), "form body").items():
                params.setdefault(k, []).extend(v)
        elif media == "application/sparql-query":
            query = _utf8(body, "query")
        elif media == "application/sparql-update":
            update = _utf8(body, "update")
        else:
            raise Refused(415, "POST needs an application/x-www-form-urlencoded, application/sparql-query or "
                               "application/sparql-update body")
    if len(params.get("query", [])) + len(params.get("update", [])) + (query is not None) + (update is not None) > 1:
        raise Refused(400, "give exactly one query or update")
    query = query if query is not None else (params.get("query") or [None])[0]
    update = update if update is not None else (params.get("update") or [None])[0]
    return params, query, update


def create_app(config: ServeConfig) -> Starlette:
    """The ASGI application. An RDF file is bulk-loaded into a temporary store now (stale ones of dead servers
    are removed first); the workers start and stop with the app; the temporary store goes when the server
    does, however it ends (``kg.serve.tempstore``)."""
    tempstore.remove_stale()
    tmp = None
    if config.source.is_dir():
        store_path = str(config.source)
    else:
        tmp = tempstore.load(config.source)
        store_path = str(Path(tmp, "store"))
    lifeline = Lifeline()
    janitor = tempstore.start_janitor(tmp, lifeline.read_fd) if tmp else None
    settings = WorkerSettings(generation.generation_of(store_path), tempstore.mode_of(store_path), lifeline,
                              results.TURTLE_PREFIXES, config.threads)
    base = config.base or detect_base(store_path)
    texts = pages.SourceFolder(config.texts) if config.texts is not None else None
    pool = Pool(settings, config.workers, per_client=config.per_client, queue_max=config.queue,
                short_timeout=config.short_timeout)
    limit = int(config.cache_mb * 1024 * 1024)
    answers = cache.AnswerCache(limit, limit // 16) if config.cache and limit > 0 else None

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        follower = None
        try:
            await pool.start()
            follower = asyncio.ensure_future(generation.follow(pool, store_path, _log)) if tmp is None else None
            yield
        finally:
            if follower is not None:
                follower.cancel()
            await pool.close()
            if tmp:
                tempstore.remove(tmp)
            lifeline.close()
            if janitor is not None:
                janitor.wait(5)

    async def run(call: Any) -> Response | tuple[Any, ...]:
        try:
            header, body, *stream = await call
        except (QueryTimeout, Busy) as e:
            return _text(503, str(e), {"Retry-After": "2"})
        except WorkerDied as e:
            return _text(500, str(e))
        if not header.get("ok"):
            return _text(int(header.get("status", 500)), str(header.get("message", "")))
        return (header, body, *stream)

    def client_of(request: Request) -> str:
        return request.client.host if request.client else "?"

    async def sparql(request: Request) -> Response:
        try:
            params, query, update = await parse_request(request, config)
            if update is not None:
                return await run_update(request, params, update)
            if query is None:
                if request.method == "POST":
                    return _text(400, "no query in the request")
                return Response(pages.service_description(endpoint_url(request), allow_update=config.allow_update),
                                media_type="text/turtle; charset=utf-8")
            guard.check(query, allowed_hosts=config.allow_federation, max_length=config.max_query_length,
                        max_depth=config.max_depth)
        except Refused as e:
            return _text(e.status, str(e), {"Allow": "POST"} if e.status == 405 else None)
        accept = request.headers.get("accept", "")
        forced = (params.get("format") or [None])[0]
        formats = {"solutions": negotiate(accept, SOLUTION_TYPES, "json"),
                   "boolean": negotiate(accept, SOLUTION_TYPES, "json"),
                   "graph": negotiate(accept, GRAPH_TYPES, "turtle")}
        if forced in FORMAT_NAMES:
            formats = {k: (forced if (forced in results.GRAPH_FORMATS) == (k == "graph") else v)
                       for k, v in formats.items()}
        job = {"op": "query", "text": query, "formats": formats, "max_rows": config.max_rows, "accept": accept,
               "default_graphs": params.get("default-graph-uri", []), "named_graphs": params.get("named-graph-uri", []),
               "base": endpoint_url(request)}
        key = cache.request_key({k: v for k, v in job.items() if k not in ("op", "accept")})
        version = pool.settings.version
        if cache.matches(request.headers.get("if-none-match"), cache.etag(version, key)):
            return _not_modified(cache.etag(version, key))
        kept = answers.get(version, key) if answers is not None else None
        if kept is not None:
            return Response(kept.body, media_type=results.MEDIA_TYPES[kept.fmt],
                            headers=_validated(cache.etag(version, key)))
        reply = await run(pool.query_stream(client_of(request), job, config.timeout))
        if isinstance(reply, Response):
            return reply
        header, body, stream = reply
        version, fmt = header.get("version", version), header["format"]
        headers = _validated(cache.etag(version, key))
        if header.get("truncated"):
            headers["X-Result-Truncated"] = "true"
        if stream is not None:  # a long answer: sent as the store yields it (and kept if it ends whole)
            tee = cache.Tee(answers, body) if answers is not None else None
            return Streamed(body, stream, tee=tee, keep=lambda whole: keep(version, key, fmt, whole),
                            media_type=results.MEDIA_TYPES[fmt], headers=headers)
        if not header.get("truncated"):
            keep(version, key, fmt, body)
        return Response(body, media_type=results.MEDIA_TYPES[fmt], headers=headers)

    def keep(version: str, key: str, fmt: str, body: bytes) -> None:
        if answers is not None:
            answers.put(version, key, cache.Answer(fmt, body))

    async def run_update(request: Request, params: dict[str, list[str]], text: str) -> Response:
        if not config.allow_update:
            return _text(403, "this endpoint is read-only (start it with --allow-update --token T)")
        auth = request.headers.get("authorization", "")
        given = auth[7:].strip() if auth.lower().startswith("bearer ") else ""
        if not config.token or not hmac.compare_digest(given.encode(), config.token.encode()):
            return _text(403, "update refused: missing or wrong bearer token")
        guard.check(text, allowed_hosts=config.allow_federation, max_length=config.max_body,
                    max_depth=config.max_depth)
        text = dataset.with_using(text, params.get("using-graph-uri", []), params.get("using-named-graph-uri", []))
        job = {"op": "update", "text": text, "base": endpoint_url(request),
               "ends_with_separator": dataset.ends_with_separator(text)}
        reply = await run(pool.update(job, config.timeout))
        return reply if isinstance(reply, Response) else Response(status_code=204)

    async def resource(request: Request) -> Response:
        iri = base + request.path_params["path"]
        forced = request.query_params.get("format")
        accept = request.headers.get("accept", "")
        html = forced is None and "text/html" in accept
        fmt = forced if forced in results.GRAPH_FORMATS else negotiate(accept, GRAPH_TYPES, "turtle") or "turtle"
        tag = cache.etag(pool.settings.version, cache.request_key({"id": iri, "format": "html" if html else fmt}))
        if cache.matches(request.headers.get("if-none-match"), tag):
            return _not_modified(tag)
        reply = await run(pool.query(client_of(request), {"op": "describe", "iri": iri}, config.timeout))
        if isinstance(reply, Response):
            return reply
        triples = list(parse(reply[1], format=RdfFormat.N_TRIPLES))
        if not triples:
            message = f"no resource {iri} in this graph"
            if html:
                return HTMLResponse(f"<!DOCTYPE html><title>404</title><p>{pages.escape(message)}</p>",
                                    status_code=404)
            return _text(404, message)
        if html and pages.is_document(iri, triples):
            return await page_of(request, lambda select: pages.dossier_html(select, iri, base, triples, texts), tag)
        if html:
            return HTMLResponse(pages.resource_html(iri, triples, base), headers=_validated(tag))
        return Response(results.serialize_graph(triples, fmt), media_type=results.MEDIA_TYPES[fmt],
                        headers=_validated(tag))

    async def page_of(request: Request, make: Any, tag: str | None = None) -> Response:
        """A dossier or indicator page: its queries run on the workers, from a thread (kg.serve.pages)."""
        select = pages.worker_select(lambda job: pool.query(client_of(request), job, config.timeout),
                                     asyncio.get_running_loop())
        try:
            return HTMLResponse(await asyncio.to_thread(make, select),
                                headers=_validated(tag) if tag else {"Vary": "Accept"})
        except (QueryTimeout, Busy) as e:
            return _text(503, str(e), {"Retry-After": "2"})
        except WorkerDied as e:
            return _text(500, str(e))
        except pages.PageError as e:
            return HTMLResponse(f"<!DOCTYPE html><title>404</title><p>{pages.escape(str(e))}</p>", status_code=404)

    async def indicator(request: Request) -> Response:
        key = request.path_params.get("key", "")
        tag = cache.etag(pool.settings.version, cache.request_key({"indicator": key}))
        if cache.matches(request.headers.get("if-none-match"), tag):
            return _not_modified(tag)
        return await page_of(request, (lambda s: pages.indicator_html(s, key, base)) if key else pages.indicators_html,
                             tag)

    async def explain(request: Request) -> Response:
        text_id = request.path_params["text_id"]
        return await page_of(request, lambda s: pages.explain_html(s, texts, text_id, base))

    async def index(_request: Request) -> Response:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    async def saved(_request: Request) -> Response:
        return JSONResponse([q.as_dict() for q in queries.load_catalogue().values()])

    async def health(_request: Request) -> Response:
        return JSONResponse({"status": "ok", "base": base, "pool": pool.stats(),
                             "cache": answers.stats() if answers is not None else None,
                             **({"janitor": janitor.pid} if janitor is not None else {})})

    routes = [
        Route("/", index),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/queries.json", saved),
        Route("/healthz", health),
        Route("/id/{path:path}", resource),
        Route("/indicator/", indicator),
        Route("/indicator/{key:path}", indicator),
        Route("/explain/{text_id:path}", explain),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST", "OPTIONS"],
                             allow_headers=["*"], expose_headers=["X-Result-Truncated", "Retry-After", "ETag"],
                             max_age=86400)]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
