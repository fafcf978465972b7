"""`kg serve` as a real subprocess, queried with SPARQLWrapper and curl (SPARQL 1.1 Protocol, negotiation, CORS,
service description, read-only mode, timeout, row cap, dereferenceable IRIs, updates with a token)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from kgserve_helpers import build_sample, kg_serve
from rdflib import Graph, Literal, Namespace, URIRef

from kg import queries

pytestmark = pytest.mark.slow
SPARQLWrapper = pytest.importorskip("SPARQLWrapper")
VNKG = Namespace("https://w3id.org/vnkg/ontology#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
BASE = "https://w3id.org/vnkg/id/"
PLANS_2022 = queries.bind(queries.resolve("plans-implementing").text, {"resolution": "01/NQ-CP", "year": "2022"},
                          queries.resolve("plans-implementing").params)
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample(tmp_path_factory.mktemp("serve"))


@pytest.fixture(scope="module")
def server(graph: Path) -> Iterator[str]:
    with kg_serve(graph, "--timeout", "2", "--max-rows", "50") as url:
        yield url


def curl(*args: str) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and body of one curl call."""
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    out = subprocess.run(["curl", "-s", "-i", "--max-time", "20", *args], capture_output=True, check=True).stdout
    head, _, body = out.partition(b"\r\n\r\n")
    while head.startswith(b"HTTP/1.1 100"):
        head, _, body = body.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return int(lines[0].split()[1]), headers, body


def wrapper(url: str, query: str, fmt: str) -> SPARQLWrapper.SPARQLWrapper:
    sw = SPARQLWrapper.SPARQLWrapper(url + "/sparql")
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    return sw


# -- SPARQLWrapper ------------------------------------------------------------------------------------------------
def test_sparqlwrapper_select_formats(server: str) -> None:
    res = wrapper(server, PLANS_2022, SPARQLWrapper.JSON).query().convert()
    assert [b["planNumber"]["value"] for b in res["results"]["bindings"]] == ["35/KH-UBND"]
    assert res["results"]["bindings"][0]["resolutionDate"]["datatype"].endswith("#date")
    xml = wrapper(server, PLANS_2022, SPARQLWrapper.XML).query().convert()  # a DOM document
    assert [n.firstChild.data for n in xml.getElementsByTagName("literal") if n.firstChild.data == "35/KH-UBND"]
    table = list(csv.reader(io.StringIO(wrapper(server, PLANS_2022, SPARQLWrapper.CSV).query().convert().decode())))
    assert table[0][:4] == ["resolutionNumber", "resolutionDate", "planType", "planNumber"]
    assert table[1][3] == "35/KH-UBND"
    tsv = wrapper(server, PLANS_2022, SPARQLWrapper.TSV).query().convert().decode().splitlines()
    assert tsv[0].startswith("?resolutionNumber\t") and '"35/KH-UBND"' in tsv[1].split("\t")


def test_sparqlwrapper_ask_and_construct(server: str) -> None:
    ask = wrapper(server, "ASK { ?p <https://w3id.org/vnkg/ontology#documentNumber> \"35/KH-UBND\" }",
                  SPARQLWrapper.JSON).query().convert()
    assert ask["boolean"] is True
    sw = wrapper(server, "CONSTRUCT { ?p ?r ?o } WHERE { ?p <https://w3id.org/vnkg/ontology#documentNumber> "
                         "\"35/KH-UBND\" ; ?r ?o }", SPARQLWrapper.TURTLE)
    g = Graph().parse(data=sw.query().convert(), format="turtle")
    plan = URIRef(BASE + "doc/kon-tum/2022/35-kh-ubnd")
    assert (plan, VNKG.implements, URIRef(BASE + "doc/vn/2022/01-nq-cp")) in g


# -- curl: protocol, negotiation, CORS ----------------------------------------------------------------------------
def test_get_and_post_forms_agree(server: str) -> None:
    _, h1, get = curl("-G", "--data-urlencode", f"query={PLANS_2022}", server + "/sparql")
    _, h2, form = curl("--data-urlencode", f"query={PLANS_2022}", server + "/sparql")
    _, _, direct = curl("-H", "Content-Type: application/sparql-query", "--data-binary", PLANS_2022,
                         server + "/sparql")
    assert get == form == direct
    assert h1["content-type"] == h2["content-type"] == "application/sparql-results+json"
    assert json.loads(get)["results"]["bindings"][0]["planNumber"]["value"] == "35/KH-UBND"


@pytest.mark.parametrize(("accept", "ctype", "marker"), [
    ("application/sparql-results+xml", "application/sparql-results+xml", b"<sparql xmlns="),
    ("text/csv", "text/csv", b"resolutionNumber,resolutionDate"),
    ("text/tab-separated-values", "text/tab-separated-values", b"?resolutionNumber\t?resolutionDate"),
    ("text/html;q=0.9, text/csv;q=0.5", "text/csv", b"35/KH-UBND"),
])
def test_results_negotiation(server: str, accept: str, ctype: str, marker: bytes) -> None:
    status, headers, body = curl("-H", f"Accept: {accept}", "--data-urlencode", f"query={PLANS_2022}",
                                 server + "/sparql")
    assert status == 200 and headers["content-type"].startswith(ctype) and marker in body


@pytest.mark.parametrize(("accept", "fmt"), [("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                                             ("application/n-triples", "nt")])
def test_graph_negotiation(server: str, accept: str, fmt: str) -> None:
    q = "DESCRIBE <https://w3id.org/vnkg/id/doc/vn/2022/01-nq-cp>"
    status, headers, body = curl("-H", f"Accept: {accept}", "--data-urlencode", f"query={q}", server + "/sparql")
    assert status == 200 and headers["content-type"].startswith(accept)
    g = Graph().parse(data=body.decode(), format=fmt)
    assert (URIRef(BASE + "doc/vn/2022/01-nq-cp"), VNKG.documentNumber, Literal("01/NQ-CP")) in g


def test_cors(server: str) -> None:
    _, headers, _ = curl("-H", "Origin: http://example.org", "-G", "--data-urlencode", "query=ASK {}",
                         server + "/sparql")
    assert headers["access-control-allow-origin"] == "*"
    status, headers, _ = curl("-X", "OPTIONS", "-H", "Origin: http://example.org", "-H",
                              "Access-Control-Request-Method: POST", "-H",
                              "Access-Control-Request-Headers: content-type", server + "/sparql")
    assert status == 200 and headers["access-control-allow-origin"] == "*"
    assert "POST" in headers["access-control-allow-methods"]


def test_service_description(server: str) -> None:
    status, headers, body = curl(server + "/sparql")
    assert status == 200 and headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=body.decode(), format="turtle")
    service = URIRef(server + "/sparql")
    assert (service, SD.endpoint, service) in g
    formats = {str(o) for o in g.objects(service, SD.resultFormat)}
    assert "http://www.w3.org/ns/formats/SPARQL_Results_JSON" in formats and len(formats) == 7
    assert (service, SD.supportedLanguage, SD.SPARQL11Update) not in g


def test_read_only_and_bad_queries(server: str) -> None:
    status, _, body = curl("--data-urlencode", "update=INSERT DATA { <urn:a> <urn:b> <urn:c> }", server + "/sparql")
    assert status == 403 and b"read-only" in body
    status, _, _ = curl("-H", "Content-Type: application/sparql-update", "--data-binary", "CLEAR ALL",
                        server + "/sparql")
    assert status == 403
    status, _, body = curl("--data-urlencode", "query=SELECT * WHERE {\n ?s ?p }", server + "/sparql")
    assert status == 400 and b"2:" in body


def test_row_cap(server: str) -> None:
    status, headers, body = curl("-H", "Accept: text/csv", "--data-urlencode",
                                 "query=SELECT * WHERE { ?s ?p ?o }", server + "/sparql")
    assert status == 200 and headers["x-result-truncated"] == "true"
    assert body.count(b"\r\n") == 51  # header + --max-rows 50
    _, headers, _ = curl("--data-urlencode", f"query={PLANS_2022}", server + "/sparql")
    assert "x-result-truncated" not in headers


def test_timeout_then_still_serving(server: str) -> None:
    t0 = time.monotonic()
    status, _, body = curl("--data-urlencode", f"query={HEAVY}", server + "/sparql")
    assert status == 503 and b"--timeout" in body
    assert time.monotonic() - t0 < 8
    status, _, body = curl("--data-urlencode", f"query={PLANS_2022}", server + "/sparql")
    assert status == 200 and b"35/KH-UBND" in body


def test_concurrent_requests(server: str) -> None:
    def one(_: int) -> str:
        res = wrapper(server, PLANS_2022, SPARQLWrapper.JSON).query().convert()
        return res["results"]["bindings"][0]["planNumber"]["value"]

    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(one, range(24))) == ["35/KH-UBND"] * 24


# -- dereferenceable IRIs ------------------------------------------------------------------------------------------
def test_dereference(server: str) -> None:
    status, headers, body = curl("-H", "Accept: text/html,application/xhtml+xml,*/*;q=0.8",
                                 server + "/id/doc/vn/2022/01-nq-cp")
    page = body.decode()
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert "<h1>Nghị quyết 01/NQ-CP</h1>" in page and 'href="/id/body/vn/chinh-phu"' in page and "Chính phủ" in page
    status, headers, body = curl("-H", "Accept: text/turtle", server + "/id/doc/vn/2022/01-nq-cp")
    g = Graph().parse(data=body.decode(), format="turtle")
    doc = URIRef(BASE + "doc/vn/2022/01-nq-cp")
    assert (doc, VNKG.issuedBy, URIRef(BASE + "body/vn/chinh-phu")) in g
    assert (URIRef(BASE + "body/vn/chinh-phu"), None, Literal("Chính phủ", lang="vi")) in g  # label of an object
    status, headers, body = curl("-H", "Accept: application/ld+json", server + "/id/doc/vn/2022/01-nq-cp")
    assert headers["content-type"].startswith("application/ld+json")
    assert (doc, VNKG.documentNumber, Literal("01/NQ-CP")) in Graph().parse(data=body.decode(), format="json-ld")
    assert curl(server + "/id/doc/vn/2022/no-such-doc")[0] == 404


# -- updates with a token -----------------------------------------------------------------------------------------
def test_update_needs_flag_and_token(graph: Path) -> None:
    insert = "INSERT DATA { GRAPH <urn:test> { <urn:x> <https://w3id.org/vnkg/ontology#documentNumber> \"99/TEST\" } }"
    ask = "query=ASK { ?x <https://w3id.org/vnkg/ontology#documentNumber> \"99/TEST\" }"
    with kg_serve(graph, "--allow-update", "--token", "s3cret") as url:
        _, _, sd = curl(url + "/sparql")
        assert b"sd:SPARQL11Update" in sd
        assert curl("--data-urlencode", f"update={insert}", url + "/sparql")[0] == 403
        assert curl("-H", "Authorization: Bearer wrong", "--data-urlencode", f"update={insert}",
                    url + "/sparql")[0] == 403
        assert json.loads(curl("--data-urlencode", ask, url + "/sparql")[2])["boolean"] is False
        status, _, body = curl("-H", "Authorization: Bearer s3cret", "--data-urlencode", f"update={insert}",
                               url + "/sparql")
        assert status == 204, body
        assert json.loads(curl("--data-urlencode", ask, url + "/sparql")[2])["boolean"] is True


def test_long_answers_stream_and_give_their_worker_back(graph: Path) -> None:
    """An answer over 64 KB is sent as the worker writes it (chunked, no Content-Length), byte for byte what
    pyoxigraph writes; a client that leaves mid-answer costs a worker restart, not a stuck worker."""
    import http.client
    import urllib.parse
    import urllib.request

    from pyoxigraph import QueryResultsFormat

    from kg.store import GraphStore

    everything = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
    expected = GraphStore.open(graph).query(everything).serialize(format=QueryResultsFormat.CSV)
    assert len(expected) > 200_000
    with kg_serve(graph, "--max-rows", "1000000", "--workers", "1") as url:
        host, port = url.removeprefix("http://").split(":")
        path = "/sparql?" + urllib.parse.urlencode({"query": everything})
        conn = http.client.HTTPConnection(host, int(port), timeout=20)
        conn.request("GET", path, headers={"Accept": "text/csv"})
        r = conn.getresponse()
        assert r.status == 200 and r.getheader("Transfer-Encoding") == "chunked"
        assert r.getheader("Content-Length") is None and r.getheader("X-Result-Truncated") is None
        assert r.read() == expected
        conn.close()
        for _ in range(3):  # leave in the middle of the answer
            conn = http.client.HTTPConnection(host, int(port), timeout=20)
            conn.request("GET", path, headers={"Accept": "text/csv"})
            r = conn.getresponse()
            assert r.status == 200 and len(r.read(1000)) == 1000
            conn.close()
        deadline = time.monotonic() + 20
        while True:  # the workers are free again (the ones left mid-answer replaced), and answer
            with urllib.request.urlopen(url + "/healthz", timeout=5) as h:
                pool = json.loads(h.read())["pool"]
            if (pool["busy"] == 0 and pool["workers"] == 2) or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert pool["busy"] == 0 and pool["workers"] == 2, pool
        code, _, body = curl(url + "/sparql?" + urllib.parse.urlencode({"query": PLANS_2022}),
                             "-H", "Accept: text/csv")
        assert code == 200 and b"35/KH-UBND" in body


def test_a_streamed_answer_cut_at_the_cap_says_so_at_its_end(graph: Path) -> None:
    """The cap reached after the first 64 KB (the headers long sent): curl sees the declared trailer
    `X-Result-Truncated: true`, JSON ends with `"truncated": true`, XML with a comment; an answer under the cap
    ends with the trailer `false` and no mark."""
    everything = "query=SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    with kg_serve(graph, "--max-rows", "1000") as url:
        status, headers, body = curl("-H", "Accept: application/sparql-results+json", "--data-urlencode",
                                     everything, url + "/sparql")
        assert status == 200 and headers["transfer-encoding"] == "chunked" and len(body) > 3 * 64 * 1024
        assert "x-result-truncated" not in headers and headers["trailer"] == "X-Result-Truncated"
        document, _, trailer = body.rpartition(b"}")
        assert trailer.strip() == b"x-result-truncated: true"  # curl -i prints the trailer after the body
        answer = json.loads(document + b"}")
        assert answer["truncated"] is True and len(answer["results"]["bindings"]) == 1000
        _, _, body = curl("-H", "Accept: application/sparql-results+xml", "--data-urlencode", everything,
                          url + "/sparql")
        assert body.endswith(b"<!-- truncated: cut at 1000 rows --></sparql>x-result-truncated: true\r\n")
        _, _, body = curl("-H", "Accept: text/csv", "--data-urlencode", everything, url + "/sparql")
        assert body.endswith(b"\r\nx-result-truncated: true\r\n")
        whole = "query=SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 900"
        _, headers, body = curl("-H", "Accept: application/sparql-results+json", "--data-urlencode", whole,
                                url + "/sparql")
        document, _, trailer = body.rpartition(b"}")
        assert headers["trailer"] == "X-Result-Truncated" and trailer.strip() == b"x-result-truncated: false"
        answer = json.loads(document + b"}")
        assert "truncated" not in answer and len(answer["results"]["bindings"]) == 900


def _count_texts(url: str) -> int:
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?t a <https://w3id.org/vnkg/ontology#SourceText> }"
    _, _, body = curl("--data-urlencode", f"query={q}", url + "/sparql")
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def test_a_rebuilt_store_is_served_at_once(tmp_path: Path) -> None:
    """`kg build --store` under a running server: the server moves to the new generation (log line, fresh
    workers, the new text answered) and keeps serving through a second rebuild, which removes the first."""
    import sys

    from kg.build import sample_corpus

    texts = tmp_path / "texts"
    texts.mkdir()
    for f in sample_corpus().iterdir():
        if f.name != "README.md" and not f.name.startswith("quang-ninh"):
            shutil.copy(f, texts / f.name)
    store = tmp_path / "store"

    def build() -> None:
        subprocess.run([sys.executable, "-m", "kg", "build", str(texts), "--store", str(store), "-q", "--no-shacl"],
                       check=True, capture_output=True, timeout=300)

    build()
    log = tmp_path / "serve.log"
    with kg_serve(store, log=log) as url:
        assert _count_texts(url) == 5
        with urllib.request.urlopen(url + "/healthz", timeout=5) as h:
            before = json.loads(h.read())["pool"]
        shutil.copy(sample_corpus() / "quang-ninh-chuong-trinh-2025.txt", texts)
        build()
        deadline = time.monotonic() + 20
        while "store rebuilt" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert f"store rebuilt: now serving {store} (gen-" in log.read_text()
        assert _count_texts(url) == 6
        with urllib.request.urlopen(url + "/healthz", timeout=5) as h:
            after = json.loads(h.read())["pool"]
        assert after["store"] != before["store"] and not set(after["pids"]) & set(before["pids"])
        (texts / "quang-ninh-chuong-trinh-2025.txt").unlink()
        build()  # removes the first generation
        deadline = time.monotonic() + 20
        while log.read_text().count("store rebuilt") < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert log.read_text().count("store rebuilt: now serving") == 2
        assert _count_texts(url) == 5
