"""`kg serve` as an outside client meets it (issue 11), over HTTP against a real server on a small graph:
no outbound requests, 4xx for client errors, escaping, size and time limits, fair scheduling, workers tied to
the server and temporary stores removed."""

from __future__ import annotations

import http.client
import http.server
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from kgserve_helpers import kg_serve
from rdflib import Graph

pytestmark = pytest.mark.slow
BASE = "https://w3id.org/vnkg/id/"
TOKEN = "t0ken"
# 302^4 rows: minutes on any machine (302^3, 2.8e7, was counted within the 3 s --timeout on an idle one)
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def write_graph(folder: Path, triples: int = 300) -> Path:
    """A small N-Quads graph: a few hundred triples (enough for a cartesian product to run for seconds) and a
    resource linking to a javascript: IRI."""
    lines = [f"<{BASE}doc/x> <http://www.w3.org/2000/01/rdf-schema#seeAlso> <javascript:alert(1)> <{BASE}g/1> .",
             f'<{BASE}doc/x> <http://www.w3.org/2000/01/rdf-schema#label> "X" <{BASE}g/1> .']
    lines += [f"<{BASE}n/{i}> <urn:p> <{BASE}n/{i + 1}> <{BASE}g/1> ." for i in range(triples)]
    path = folder / "small.nq"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_graph(tmp_path_factory.mktemp("safety"))


@pytest.fixture(scope="module")
def server(graph: Path) -> Iterator[str]:
    with kg_serve(graph, "--timeout", "3", "--allow-update", "--token", TOKEN, "--max-body", "100000",
                  "--header-timeout", "1") as url:
        yield url


def request(url: str, method: str, path: str, body: bytes | str | None = None, headers: dict[str, str] | None = None,
            source: str | None = None, timeout: float = 20) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout,
                                      source_address=(source, 0) if source else None)
    try:
        conn.request(method, path, body=body.encode() if isinstance(body, str) else body, headers=headers or {})
        r = conn.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    finally:
        conn.close()


def query(url: str, text: str, source: str | None = None, **headers: str) -> tuple[int, dict[str, str], bytes]:
    return request(url, "POST", "/sparql", text, {"Content-Type": "application/sparql-query", **headers},
                   source=source)


def health(url: str) -> dict[str, object]:
    return json.loads(request(url, "GET", "/healthz")[2])


@contextmanager
def listener() -> Iterator[tuple[int, list[str]]]:
    """A local HTTP server that records every request (and answers one empty SPARQL result)."""
    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            seen.append(f"{self.command} {self.path}")
            self.rfile.read(int(self.headers.get("content-length") or 0))
            body = b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"remote"}}]}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST

        def log_message(self, *_args: object) -> None:
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        yield srv.server_port, seen
    finally:
        srv.shutdown()
        srv.server_close()


# -- no outbound requests -----------------------------------------------------------------------------------------
def test_service_and_load_fetch_nothing(server: str) -> None:
    with listener() as (port, seen):
        for text in (f"SELECT * {{ SERVICE <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }}",
                     f"SELECT * {{ SERVICE SILENT <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }}",
                     f"select * {{ ?s ?p ?o.service <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }}",
                     "SELECT * { SERVICE ?endpoint { ?s ?p ?o } }"):
            status, _, body = query(server, text)
            assert status == 400 and b"SERVICE" in body and b"--allow-federation" in body, body
        status, _, body = request(server, "POST", "/sparql", f"LOAD <http://127.0.0.1:{port}/data.ttl>",
                                  {"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
        assert status == 400 and b"LOAD is disabled" in body, body
        time.sleep(0.3)
        assert seen == []


def test_federation_only_to_listed_hosts(graph: Path) -> None:
    with listener() as (port, seen), kg_serve(graph, "--allow-federation", f"127.0.0.1:{port}") as url:
        status, _, body = query(url, f"SELECT ?x {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?x ?p ?o }} }}")
        assert status == 200 and json.loads(body)["results"]["bindings"][0]["x"]["value"] == "remote"
        assert seen == ["POST /sparql"]
        status, _, body = query(url, "SELECT * { SERVICE <http://localhost:9/x> { ?s ?p ?o } }")
        assert status == 400 and b"not allowed" in body
        assert seen == ["POST /sparql"]


def test_kg_query_refuses_service(graph: Path) -> None:
    with listener() as (port, seen):
        out = subprocess.run([sys.executable, "-m", "kg", "query", "--graph", str(graph), "-e",
                              f"SELECT * {{ SERVICE <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }}"],
                             capture_output=True, text=True, timeout=120)
        assert out.returncode == 2 and "SERVICE" in out.stderr and "--allow-federation" in out.stderr
        assert seen == []


# -- client errors are 4xx ----------------------------------------------------------------------------------------
def test_client_errors_are_4xx(server: str) -> None:
    pids = health(server)["pool"]["pids"]  # type: ignore[index]
    assert request(server, "GET", "/id/a%20b")[0] == 400
    assert query(server, "SELECT (<urn:no-such-function>(1) AS ?x) {}")[0] == 400
    status, _, body = request(server, "GET", "/sparql?query=" + quote("ASK {}") + "&default-graph-uri=not%20an%20iri")
    assert status == 400 and b"default-graph-uri" in body
    status, _, body = query(server, "SELECT * { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }")
    assert status == 400 and b"nests" in body
    status, _, body = query(server, "ASK {} #" + "x" * 200_000)
    assert status in (400, 413)
    assert health(server)["pool"]["pids"] == pids  # no worker died
    status, headers, _ = request(server, "GET", "/sparql?update=" + quote("CLEAR ALL"),
                                 headers={"Authorization": f"Bearer {TOKEN}"})
    assert status == 405 and headers.get("allow") == "POST"
    assert request(server, "POST", "/sparql", "ASK {}", {"Content-Type": "text/plain"})[0] == 415
    assert query(server, "ASK {}", Accept="image/png")[0] == 406
    assert request(server, "POST", "/sparql", "ASK {}".encode("utf-16"),
                   {"Content-Type": "application/sparql-query; charset=UTF-16"})[0] == 415
    assert request(server, "POST", "/sparql", b"ASK { FILTER(\"\xff\") }",
                   {"Content-Type": "application/sparql-query"})[0] == 400
    assert request(server, "POST", "/sparql", "query=ASK%20{}&" + "x" * 200_000,
                   {"Content-Type": "application/x-www-form-urlencoded"})[0] == 413
    assert request(server, "GET", "/sparql?query=" + "x" * 40_000)[0] == 414


def test_relative_iris_resolve_against_the_endpoint(server: str) -> None:
    status, _, body = query(server, "SELECT ?x { BIND(<relative> AS ?x) }")
    assert status == 200
    value = json.loads(body)["results"]["bindings"][0]["x"]["value"]
    assert value.startswith("http://127.0.0.1:") and value.endswith("/relative")


# -- escaping -----------------------------------------------------------------------------------------------------
def test_only_http_iris_become_links(server: str) -> None:
    status, _, body = request(server, "GET", "/id/doc/x", headers={"Accept": "text/html"})
    assert status == 200 and b"javascript:alert(1)" in body
    assert b'href="javascript:' not in body.lower()


def test_host_header_cannot_inject_into_the_service_description(server: str) -> None:
    parts = urlsplit(server)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.putrequest("GET", "/sparql", skip_host=True)
    conn.putheader("Host", "evil> <urn:injected> <urn:x> . <urn:y")
    conn.endheaders()
    r = conn.getresponse()
    body = r.read()
    conn.close()
    assert r.status == 200
    g = Graph().parse(data=body.decode(), format="turtle")
    assert not any("injected" in str(t) for triple in g for t in triple)


# -- size and time limits -----------------------------------------------------------------------------------------
def test_half_requests_do_not_hold_connections(server: str) -> None:
    parts = urlsplit(server)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as s:
        s.sendall(b"GET /sparql HTTP/1.1\r\nHost: x\r\n")  # headers never finished
        t0 = time.monotonic()
        assert s.recv(1024) == b""  # closed by the server
        assert time.monotonic() - t0 < 4
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as s:
        s.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                  b"Content-Length: 100\r\n\r\nASK")  # body never finished
        t0 = time.monotonic()
        assert s.recv(1024).startswith(b"HTTP/1.1 408")
        assert time.monotonic() - t0 < 4


def test_update_bounded_by_the_timeout(server: str) -> None:
    heavy_update = ("INSERT { GRAPH <urn:g> { ?a <urn:q> ?g } } WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    t0 = time.monotonic()
    status, headers, body = request(server, "POST", "/sparql", heavy_update,
                                    {"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
    assert status == 503 and "retry-after" in headers and b"nothing was written" in body
    assert time.monotonic() - t0 < 6
    status, _, body = query(server, "ASK { GRAPH <urn:g> { ?a <urn:q> ?g } }")
    assert status == 200 and json.loads(body)["boolean"] is False


# -- fair scheduling ----------------------------------------------------------------------------------------------
def loopback_aliases() -> None:
    try:
        with socket.socket() as s:
            s.bind(("127.0.0.2", 0))
    except OSError:
        pytest.skip("this system cannot bind 127.0.0.2 (needed to act as several clients)")


def test_cheap_query_answers_while_two_heavy_ones_run(server: str) -> None:
    loopback_aliases()
    with ThreadPoolExecutor(2) as pool:
        heavy = [pool.submit(query, server, HEAVY, f"127.0.0.{i}") for i in (2, 3)]
        time.sleep(0.5)
        t0 = time.monotonic()
        status, _, body = query(server, "ASK {}", "127.0.0.4")
        elapsed = time.monotonic() - t0
        assert status == 200 and json.loads(body)["boolean"] is True
        assert elapsed < 1.0, elapsed
        assert [f.result()[0] for f in heavy] == [503, 503]  # stopped at --timeout


def test_one_client_cannot_take_every_worker(server: str) -> None:
    loopback_aliases()
    with ThreadPoolExecutor(2) as pool:
        heavy = [pool.submit(query, server, HEAVY, "127.0.0.5") for _ in range(2)]
        time.sleep(0.5)
        t0 = time.monotonic()
        status, _, _ = query(server, "ASK {}", "127.0.0.6")
        assert status == 200 and time.monotonic() - t0 < 1.0
        answers = sorted(f.result()[2] for f in heavy)
    # one ran on a full worker until --timeout; the second was held to the short-query worker's second
    assert b"--timeout" in answers[1] and b"needs more than 1 s" in answers[0], answers


def test_full_queue_answers_503_at_once(graph: Path) -> None:
    with kg_serve(graph, "--workers", "1", "--queue", "1", "--timeout", "2", "--short-timeout", "2") as url, \
            ThreadPoolExecutor(3) as pool:
        running = [pool.submit(query, url, HEAVY) for _ in range(3)]  # general worker, reserve worker, queue
        time.sleep(0.8)
        t0 = time.monotonic()
        status, headers, body = query(url, "ASK {}")
        assert status == 503 and headers.get("retry-after") and b"waiting" in body
        assert time.monotonic() - t0 < 0.5
        assert all(f.result()[0] == 503 for f in running)


def test_worker_restart_is_fast(server: str) -> None:
    """A retired worker's place is taken by the started spare (and a new spare starts behind it)."""
    time.sleep(1.5)  # the spare of earlier restarts is started
    before = health(server)["pool"]["restarts"]  # type: ignore[index]
    assert query(server, HEAVY)[0] == 503
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and health(server)["pool"]["restarts"] == before:  # type: ignore[index]
        time.sleep(0.05)
    restart = health(server)["pool"]["last_restart_seconds"]  # type: ignore[index]
    assert health(server)["pool"]["restarts"] == before + 1  # type: ignore[index,operator]
    assert restart is not None and restart < 0.2, restart


# -- workers tied to the server; temporary stores removed -----------------------------------------------------------
def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "State:\tZ" in status.read_text())


def test_kill_9_leaves_nothing(graph: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not Path("/proc/self/status").exists():
        pytest.skip("needs /proc to find the server's pid")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    stale = tmp / "kg-serve-stale"
    stale.mkdir()
    (stale / "kg-serve.pid").write_text("999999999")
    monkeypatch.setenv("TMPDIR", str(tmp))
    with kg_serve(graph, "--timeout", "30") as url:
        assert not stale.exists()  # a dead server's store is removed at the next start
        info = health(url)
        pids = [*info["pool"]["pids"], info["janitor"]]  # type: ignore[index]
        server_pid = int(next(line.split()[1] for line in Path(f"/proc/{pids[0]}/status").read_text().splitlines()
                              if line.startswith("PPid:")))
        assert list(tmp.glob("kg-serve-*"))
        with ThreadPoolExecutor(1) as pool:
            pool.submit(query, url, HEAVY)
            time.sleep(0.5)
            os.kill(server_pid, signal.SIGKILL)
            t0 = time.monotonic()
            while time.monotonic() - t0 < 2 and (any(_alive(p) for p in pids) or list(tmp.glob("kg-serve-*"))):
                time.sleep(0.05)
            assert not [p for p in pids if _alive(p)]
            assert not list(tmp.glob("kg-serve-*"))


# -- several queries per worker ---------------------------------------------------------------------------------
def test_a_lookup_runs_beside_long_queries_on_the_same_worker(graph: Path) -> None:
    """One worker of four threads: two heavy queries and a lookup from one client run together (one query at
    a time per worker would leave the lookup waiting for the --timeout)."""
    with kg_serve(graph, "--workers", "1", "--threads", "4", "--per-client", "4", "--timeout", "3",
                  "--short-timeout", "0.5") as url, ThreadPoolExecutor(2) as pool:
        heavy = [pool.submit(query, url, HEAVY) for _ in range(2)]
        time.sleep(0.8)
        assert health(url)["pool"]["busy"] == 2  # type: ignore[index]
        t0 = time.monotonic()
        status, _, body = query(url, "ASK { ?s ?p ?o }")
        assert status == 200 and json.loads(body)["boolean"] is True
        assert time.monotonic() - t0 < 1.0
        assert [f.result()[0] for f in heavy] == [503, 503]


def test_a_stuck_query_does_not_take_its_neighbours_down(tmp_path: Path) -> None:
    """A query stuck in the engine past its time retires its worker, but a long answer running beside it on
    that worker is read to its end, byte for byte; then the worker is killed and replaced."""
    import asyncio

    from pyoxigraph import QueryResultsFormat, Store

    from kg.serve import tempstore
    from kg.serve.pool import GRACE, Lifeline, Pool, QueryTimeout, WorkerSettings

    folder = tempstore.load(write_graph(tmp_path, triples=20_000))
    store = str(Path(folder, "store"))
    everything = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
    reader = Store.read_only(store)
    expected = reader.query(everything).serialize(format=QueryResultsFormat.CSV)
    del reader
    job = {"op": "query", "formats": {"solutions": "csv", "boolean": "csv", "graph": "turtle"}, "max_rows": None}

    async def scenario() -> None:
        lifeline = Lifeline()
        pool = Pool(WorkerSettings(store, tempstore.mode_of(store), lifeline, threads=2), 1, per_client=2)
        await pool.start()
        try:
            worker = pool.places[0]
            assert worker is not None
            header, first, stream = await pool.query_stream("c", {**job, "text": everything}, 60)
            assert header["ok"] and stream is not None  # over 64 KB: the rest waits for its reader
            with pytest.raises(QueryTimeout):
                await pool.query("c", {**job, "text": HEAVY}, 1.0)  # on the same worker's second thread
            await asyncio.sleep(GRACE + 0.5)
            assert worker.retired and not worker.dead and pool.places[0] is not worker
            body = first + b"".join([chunk async for chunk in stream.chunks()])
            assert body == expected and stream.ended and stream.error is None
            deadline = time.monotonic() + 5
            while not worker.dead and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
            assert worker.dead and not _alive(worker.proc.pid)
            assert pool.places[0] is not None and not pool.places[0].dead
        finally:
            await pool.close()
            lifeline.close()
            tempstore.remove(folder)

    asyncio.run(scenario())


def test_an_answer_cut_by_the_timeout_cannot_pass_for_a_whole_one(tmp_path: Path) -> None:
    """A long answer still streaming when --timeout runs out ends without the last chunk: the client's read
    fails (http.client: IncompleteRead) instead of returning a short document."""
    graph = write_graph(tmp_path, triples=150_000)  # ~18 MB of CSV: more than socket buffers hold
    with kg_serve(graph, "--timeout", "2", "--max-rows", "1000000") as url:
        parts = urlsplit(url)
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=20)
        conn.request("GET", "/sparql?query=" + quote("SELECT ?s ?p ?o WHERE { ?s ?p ?o }"),
                     headers={"Accept": "text/csv"})
        r = conn.getresponse()
        assert r.status == 200 and len(r.read(1000)) == 1000
        time.sleep(3)  # the client stalls past the endpoint's time
        with pytest.raises(http.client.IncompleteRead):
            r.read()
        conn.close()
        assert query(url, "ASK { ?s ?p ?o }")[0] == 200
