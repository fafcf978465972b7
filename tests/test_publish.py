"""`kg publish` against a tiny in-test Graph Store Protocol server: batches, retries, the count check."""

from __future__ import annotations

import json
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from kg.publish import PublishError, publish, query_endpoint_for

DATA = "".join(f"<https://example.org/s{i}> <https://example.org/p> \"v{i}\"@vi .\n" for i in range(25))


class GSP(BaseHTTPRequestHandler):
    """PUT replaces, POST adds; /sparql answers COUNT; `fail` 5xx answers come first."""

    triples: ClassVar[set[str]] = set()
    log: ClassVar[list[tuple[str, int]]] = []
    fail: ClassVar[list[int]] = []
    lie = 0

    def log_message(self, *args: object) -> None:
        pass

    def _body(self) -> list[str]:
        n = int(self.headers.get("Content-Length", 0))
        return [line for line in self.rfile.read(n).decode().splitlines() if line.strip()]

    def _store(self, replace: bool) -> None:
        lines = self._body()
        if self.fail:
            self.send_response(self.fail.pop(0))
            self.end_headers()
            return
        assert self.headers["Content-Type"].startswith("application/n-triples")
        assert urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)["graph"] == ["https://example.org/g"]
        if replace:
            GSP.triples = set()
        GSP.triples |= set(lines)
        GSP.log.append((self.command, len(lines)))
        self.send_response(201 if replace else 204)
        self.end_headers()

    def do_PUT(self) -> None:
        self._store(True)

    def do_POST(self) -> None:
        self._store(False)

    def do_GET(self) -> None:
        n = len(GSP.triples) + GSP.lie
        body = json.dumps({"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {
            "type": "literal", "value": str(n), "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]}})
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        self.wfile.write(body.encode())


@pytest.fixture
def server() -> Iterator[str]:
    GSP.triples, GSP.log, GSP.fail, GSP.lie = {"<x:old> <x:p> <x:o> ."}, [], [], 0
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), GSP)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "data.nt"
    path.write_text(DATA, encoding="utf-8")
    return path


def test_batches_put_then_post_and_count(server: str, source: Path) -> None:
    r = publish(source, f"{server}/data", "https://example.org/g", batch=10, query_endpoint=f"{server}/sparql")
    assert GSP.log == [("PUT", 10), ("POST", 10), ("POST", 5)]
    assert (r.triples, r.batches, r.remote_triples, r.retries) == (25, 3, 25, 0)
    assert "<x:old> <x:p> <x:o> ." not in GSP.triples  # PUT replaced the graph


def test_retries_5xx_with_backoff(server: str, source: Path) -> None:
    GSP.fail = [503, 502]
    waits: list[float] = []
    r = publish(source, f"{server}/data", "https://example.org/g", batch=10, query_endpoint=f"{server}/sparql",
                backoff=0.5, sleep=waits.append)
    assert r.retries == 2 and waits == [0.5, 1.0]
    assert r.remote_triples == 25


def test_gives_up_after_retries_and_on_4xx(server: str, source: Path) -> None:
    GSP.fail = [500, 500, 500]
    with pytest.raises(PublishError, match="HTTP 500"):
        publish(source, f"{server}/data", "https://example.org/g", retries=2, sleep=lambda _: None)
    GSP.fail = [400]
    with pytest.raises(PublishError, match="HTTP 400"):
        publish(source, f"{server}/data", "https://example.org/g", sleep=lambda _: None)
    assert GSP.fail == []  # a 4xx is not retried


def test_connection_errors_are_retried_then_reported(source: Path) -> None:
    waits: list[float] = []
    with pytest.raises(PublishError, match="ConnectError"):
        publish(source, "http://127.0.0.1:9/data", "https://example.org/g", retries=2, sleep=waits.append)
    assert waits == [1.0, 2.0]


def test_count_mismatch_fails_loudly(server: str, source: Path) -> None:
    GSP.lie = -1
    with pytest.raises(PublishError, match=r"mismatch: sent 25 .* reports 24"):
        publish(source, f"{server}/data", "https://example.org/g", query_endpoint=f"{server}/sparql")


def test_query_endpoint_is_derived() -> None:
    assert query_endpoint_for("http://h:8890/sparql-graph-crud-auth") == "http://h:8890/sparql"
    assert query_endpoint_for("http://h:3030/ds/data") == "http://h:3030/ds/sparql"
    assert query_endpoint_for("http://h:7878/store") == "http://h:7878/query"
    assert query_endpoint_for("http://h/repositories/r/rdf-graphs/service") == "http://h/repositories/r"


@pytest.mark.parametrize(("batch", "said"), [(100, "in 1 batch ("), (10, "in 3 batches (")])
def test_cli_counts_batches_in_words(server: str, source: Path, batch: int, said: str) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    out = CliRunner().invoke(app, ["publish", str(source), "--endpoint", f"{server}/data", "--graph",
                                   "https://example.org/g", "--batch", str(batch), "--query-endpoint",
                                   f"{server}/sparql"])
    assert out.exit_code == 0, out.output
    assert said in " ".join(out.output.split())
