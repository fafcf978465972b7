"""Push a build into any SPARQL 1.1 Graph Store Protocol endpoint (Virtuoso, Fuseki, GraphDB, Oxigraph server).

The distinct triples of the source (union of its graphs) go in N-Triples batches: HTTP PUT for the first
batch (replacing the graph), POST for the rest. 5xx answers and connection errors are retried with
exponential backoff; other errors fail at once. At the end the endpoint is asked, through its SPARQL query
URL, how many triples the graph holds, and a mismatch raises `PublishError`. HTTP with httpx: the scheme
(Basic or Digest) is learnt from a small HEAD request first, so that the large bodies are sent once, already
authenticated (a server may cut the connection when it refuses a large unauthenticated body). Blank nodes
would be split across batches: vnkg mints none.
"""

from __future__ import annotations

import contextlib
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from kg.export.writers import iter_triples
from kg.store import GraphStore

# GSP path suffix -> SPARQL query path suffix, for deriving the query endpoint
_QUERY_SUFFIXES = [("/sparql-graph-crud-auth", "/sparql"), ("/sparql-graph-crud", "/sparql"),
                   ("/rdf-graphs/service", ""), ("/data", "/sparql"), ("/store", "/query")]


class PublishError(Exception):
    """The endpoint refused the data, stayed unreachable, or holds a different number of triples."""


@dataclass
class PublishReport:
    endpoint: str
    graph: str
    triples: int
    batches: int
    retries: int
    remote_triples: int


def query_endpoint_for(endpoint: str) -> str:
    """The SPARQL query URL that goes with a GSP endpoint (Virtuoso, Fuseki, GraphDB, Oxigraph conventions)."""
    parts = urllib.parse.urlsplit(endpoint)
    for gsp, query in _QUERY_SUFFIXES:
        if parts.path.endswith(gsp):
            return urllib.parse.urlunsplit(parts._replace(path=parts.path[: -len(gsp)] + query, query=""))
    return urllib.parse.urlunsplit(parts._replace(query=""))


def _client(url: str, user: str | None, password: str | None, timeout: float) -> httpx.Client:
    """An httpx client authenticated the way the endpoint asks (Digest or Basic), primed by a HEAD request."""
    client = httpx.Client(timeout=timeout)
    if user is None:
        return client
    try:
        probe = client.head(url)
    except httpx.TransportError as e:
        raise PublishError(f"HEAD {url}: {e}") from e
    scheme = probe.headers.get("www-authenticate", "").split(" ", 1)[0].lower()
    client.auth = httpx.DigestAuth(user, password or "") if scheme == "digest" else \
        httpx.BasicAuth(user, password or "")
    if scheme == "digest":
        with contextlib.suppress(httpx.TransportError):
            client.head(url)  # DigestAuth keeps the challenge: later requests are authenticated up front
    return client


def _batches(source: GraphStore, size: int) -> Iterator[tuple[bytes, int]]:
    lines: list[str] = []
    for s, p, o in iter_triples(source.raw):
        lines.append(f"{s} {p} {o} .\n")
        if len(lines) >= size:
            yield "".join(lines).encode("utf-8"), len(lines)
            lines = []
    if lines:
        yield "".join(lines).encode("utf-8"), len(lines)


def _with_graph(url: str, graph: str) -> str:
    sep = "&" if urllib.parse.urlsplit(url).query else "?"
    return f"{url}{sep}{urllib.parse.urlencode({'graph': graph})}"


class _Sender:
    def __init__(self, client: httpx.Client, retries: int, backoff: float, sleep: Callable[[float], None]) -> None:
        self.client, self.retries, self.backoff, self.sleep = client, retries, backoff, sleep
        self.retried = 0

    def send(self, method: str, url: str, body: bytes, headers: dict[str, str]) -> None:
        for attempt in range(self.retries + 1):
            try:
                resp = self.client.request(method, url, content=body, headers=headers)
                if resp.status_code < 400:
                    return
                detail = resp.text[:300].strip().replace("\n", " ")
                if resp.status_code < 500 or attempt == self.retries:
                    raise PublishError(f"{method} {url}: HTTP {resp.status_code} {detail}")
            except httpx.TransportError as e:
                if attempt == self.retries:
                    raise PublishError(f"{method} {url}: {type(e).__name__}: {e}") from e
            self.retried += 1
            self.sleep(self.backoff * 2**attempt)


def count_triples(query_url: str, graph: str, client: httpx.Client | None = None, timeout: float = 60) -> int:
    """Number of triples in `graph` according to a SPARQL endpoint."""
    sparql = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    c = client or httpx.Client(timeout=timeout)
    resp = c.get(query_url, params={"query": sparql}, headers={"Accept": "application/sparql-results+json"})
    resp.raise_for_status()
    return int(resp.json()["results"]["bindings"][0]["n"]["value"])


def publish(source: Path | str | GraphStore, endpoint: str, graph: str, *, user: str | None = None,
            password: str | None = None, batch: int = 50_000, query_endpoint: str | None = None,
            retries: int = 5, backoff: float = 1.0, timeout: float = 300, check: bool = True,
            on_batch: Callable[[int, int], None] | None = None,
            sleep: Callable[[float], None] = time.sleep) -> PublishReport:
    """Send the distinct triples of `source` to the GSP `endpoint` as graph `graph`; verify the count."""
    if batch < 1:
        raise PublishError("--batch must be at least 1")
    store = source if isinstance(source, GraphStore) else GraphStore.open(Path(source))
    url = _with_graph(endpoint, graph)
    client = _client(url, user, password, timeout)
    sender = _Sender(client, retries, backoff, sleep)
    sent = batches = 0
    headers = {"Content-Type": "application/n-triples; charset=utf-8"}
    for body, n in _batches(store, batch):
        method = "PUT" if batches == 0 else "POST"
        sender.send(method, url, body, headers)
        sent, batches = sent + n, batches + 1
        if on_batch:
            on_batch(batches, sent)
    if batches == 0:  # empty source: still replace the graph
        sender.send("PUT", url, b"", headers)
    remote = -1
    if check:
        query_url = query_endpoint or query_endpoint_for(endpoint)
        try:
            remote = count_triples(query_url, graph, client)
        except (httpx.HTTPError, ValueError, KeyError, IndexError) as e:
            raise PublishError(f"cannot count the triples at {query_url}: {e}") from e
        if remote != sent:
            raise PublishError(f"triple count mismatch: sent {sent} triples to <{graph}>, "
                               f"{query_url} reports {remote}")
    client.close()
    return PublishReport(endpoint, graph, sent, batches, sender.retried, remote)
