"""The W3C SPARQL 1.1 Protocol test suite (rdf-tests ``sparql/sparql11/protocol/``) against a real
`kg serve --allow-update`.

The manifest and its data are read from ``../shared/external/w3c-sparql11-protocol/`` (skipped when absent).
Each test's ``ut:graphData`` is loaded into named graphs before its requests (one update); every request is
sent as the manifest writes it (method, path with ``/sparql/`` mapped to ``/sparql``, headers, body in its
``cnt:characterEncoding``), plus the bearer token this server requires for updates.
"""

from __future__ import annotations

import http.client
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from kgserve_helpers import kg_serve
from rdflib import Graph, Namespace
from rdflib.collection import Collection

pytestmark = pytest.mark.slow
SUITE = Path(__file__).resolve().parents[2] / "shared" / "external" / "w3c-sparql11-protocol"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
TOKEN = "w3c-protocol-suite"
FORMATS = {
    "boolean": ("application/sparql-results+json", "application/sparql-results+xml"),
    "tabular": ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                "text/tab-separated-values"),
    "RDF": ("application/rdf+xml", "text/turtle", "application/n-triples", "application/xhtml+xml"),
}


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: set[int]
    fmt: str | None = None
    boolean: bool | None = None


@dataclass
class ProtocolTest:
    name: str
    graphs: dict[str, Path] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)


def load_suite() -> list[ProtocolTest]:
    g = Graph().parse(SUITE / "manifest.ttl", format="turtle", publicID=SUITE.as_uri() + "/manifest.ttl")
    manifest = next(g.subjects(MF.entries, None))
    tests = []
    for entry in Collection(g, g.value(manifest, MF.entries)):
        test = ProtocolTest(str(entry).rsplit("#", 1)[-1])
        for gd in g.objects(entry, UT.graphData):
            test.graphs[str(g.value(gd, RDFS.label))] = SUITE / str(g.value(gd, UT.graph)).rsplit("/", 1)[-1]
        action = g.value(entry, MF.action)
        for req in Collection(g, g.value(action, HT.requests)):
            headers = {str(g.value(h, HT.fieldName)): str(g.value(h, HT.fieldValue))
                       for h in Collection(g, g.value(req, HT.headers))} if g.value(req, HT.headers) else {}
            body_node = g.value(req, HT.body)
            body = None
            if body_node is not None:
                body = str(g.value(body_node, CNT.chars)).encode(str(g.value(body_node, CNT.characterEncoding)))
            resp = g.value(req, HT.resp)
            statuses = {int(str(s).rsplit("StatusCode", 1)[-1][0]) for s in g.objects(resp, MF.expectedStatus)}
            fmt = g.value(resp, MF.expectedFormat)
            boolean = g.value(resp, MF.expectedBoolean)
            test.requests.append(Request(str(g.value(req, HT.methodName)), str(g.value(req, HT.absolutePath)),
                                         headers, body, statuses, str(fmt) if fmt else None,
                                         boolean.toPython() if boolean is not None else None))
        tests.append(test)
    return tests


SUITE_TESTS = load_suite() if (SUITE / "manifest.ttl").is_file() else []


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("w3c")
    dataset = folder / "w3c.nq"
    dataset.write_text("<urn:w3c:empty> <urn:w3c:p> <urn:w3c:o> <urn:w3c:g> .\n", encoding="utf-8")
    with kg_serve(dataset, "--allow-update", "--token", TOKEN, "--timeout", "5") as url:
        yield url


def send(url: str, method: str, path: str, headers: dict[str, str], body: bytes | None) -> tuple[int, str, bytes]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=20)
    try:
        conn.request(method, path, body=body, headers={**headers, "Authorization": f"Bearer {TOKEN}"})
        r = conn.getresponse()
        return r.status, r.getheader("content-type", ""), r.read()
    finally:
        conn.close()


def load_graphs(url: str, graphs: dict[str, Path]) -> None:
    data = " ".join(f"GRAPH <{name}> {{ {path.read_text(encoding='utf-8')} }}" for name, path in graphs.items())
    status, _, body = send(url, "POST", "/sparql", {"Content-Type": "application/sparql-update"},
                           f"DROP ALL ; INSERT DATA {{ {data} }}".encode())
    assert status == 204, body


def boolean_of(ctype: str, body: bytes) -> bool:
    if ctype.startswith("application/sparql-results+json"):
        return bool(json.loads(body)["boolean"])
    node = ET.fromstring(body).find("{http://www.w3.org/2005/sparql-results#}boolean")
    assert node is not None, body
    return node.text == "true"


@pytest.mark.skipif(not SUITE_TESTS, reason=f"no W3C protocol suite at {SUITE}")
@pytest.mark.parametrize("test", SUITE_TESTS, ids=[t.name for t in SUITE_TESTS])
def test_protocol(endpoint: str, test: ProtocolTest) -> None:
    if test.graphs:
        load_graphs(endpoint, test.graphs)
    for i, req in enumerate(test.requests):
        path = "/sparql" + req.path[len("/sparql/"):] if req.path.startswith("/sparql/") else req.path
        status, ctype, body = send(endpoint, req.method, path, req.headers, req.body)
        where = f"{test.name} request {i + 1}: {req.method} {path} -> {status} {ctype} {body[:200]!r}"
        assert status // 100 in req.statuses, where
        if req.fmt:
            assert ctype.split(";")[0].strip() in FORMATS[req.fmt], where
        if req.boolean is not None:
            assert boolean_of(ctype, body) is req.boolean, where


def test_suite_is_complete() -> None:
    if not SUITE_TESTS:
        pytest.skip(f"no W3C protocol suite at {SUITE}")
    assert len(SUITE_TESTS) == 34
    assert all(t.requests for t in SUITE_TESTS)
