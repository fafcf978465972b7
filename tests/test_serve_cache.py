"""ETags, 304 revalidation and the answer cache of `kg serve` (kg.serve.cache), against a real server.

Whether a query ran is read from ``/healthz``: ``pool.jobs`` counts the jobs sent to the workers.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from kgserve_helpers import build_sample, kg_serve

from kg import queries
from kg.serve.cache import Answer, AnswerCache, etag, matches

pytestmark = pytest.mark.slow
JSON = {"Accept": "application/sparql-results+json"}
PLANS_2022 = queries.bind(queries.resolve("plans-implementing").text, {"resolution": "01/NQ-CP", "year": "2022"},
                          queries.resolve("plans-implementing").params)
ROWS = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT {n}"
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
TEXTS = "SELECT (COUNT(*) AS ?n) WHERE { ?t a <https://w3id.org/vnkg/ontology#SourceText> }"


def rows(n: int) -> str:
    return ROWS.replace("{n}", str(n))


def jobs(url: str) -> int:
    return int(httpx.get(url + "/healthz", timeout=10).json()["pool"]["jobs"])


def ask(url: str, query: str, headers: dict[str, str] | None = None, method: str = "GET") -> httpx.Response:
    headers = {**JSON, **(headers or {})}
    if method == "POST":
        return httpx.post(url + "/sparql", content=query.encode(), timeout=30,
                          headers={**headers, "Content-Type": "application/sparql-query"})
    return httpx.get(url + "/sparql", params={"query": query}, headers=headers, timeout=30)


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample(tmp_path_factory.mktemp("serve-cache"))


@pytest.fixture(scope="module")
def server(graph: Path) -> Iterator[str]:
    """512 KB per answer at most (a sixteenth of 8 MB); 1 600 rows at most."""
    with kg_serve(graph, "--cache-mb", "8", "--max-rows", "1600", "--timeout", "2") as url:
        yield url


# -- validators ---------------------------------------------------------------------------------------------------
def test_if_none_match_is_compared_weakly() -> None:
    tag = etag("gen-1#0", "k")
    assert tag.startswith('W/"') and tag != etag("gen-2#0", "k") and tag != etag("gen-1#1", "k")
    assert matches(tag, tag) and matches(f'"x", {tag.removeprefix("W/")}', tag) and matches("*", tag)
    assert not matches(None, tag) and not matches('W/"other"', tag)


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_an_answer_carries_an_etag_and_revalidates_without_running(graph: Path, method: str) -> None:
    with kg_serve(graph, "--no-cache") as url:
        first = ask(url, PLANS_2022, method=method)
        tag = first.headers["etag"]
        assert first.status_code == 200 and tag.startswith('W/"') and first.headers["cache-control"] == "no-cache"
        assert b"35/KH-UBND" in first.content
        ran = jobs(url)
        again = ask(url, PLANS_2022, {"If-None-Match": tag}, method)
        assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
        assert jobs(url) == ran  # answered without the query running
        fresh = ask(url, PLANS_2022, method=method)  # no cache here: the query runs again, same validator
        assert fresh.status_code == 200 and fresh.headers["etag"] == tag and jobs(url) == ran + 1
        assert ask(url, PLANS_2022, {"If-None-Match": 'W/"stale"'}, method).status_code == 200
        csv = ask(url, PLANS_2022, {"Accept": "text/csv"}, method)
        assert csv.headers["etag"] != tag  # another format, another answer
        assert ask(url, PLANS_2022 + "\n# another text", method=method).headers["etag"] != tag


def test_pages_revalidate(server: str) -> None:
    html = {"Accept": "text/html"}
    for path, headers in (("/id/doc/vn/2022/01-nq-cp", {"Accept": "text/turtle"}), ("/id/doc/vn/2022/01-nq-cp", html),
                          ("/indicator/", html)):
        first = httpx.get(server + path, headers=headers, timeout=30)
        assert first.status_code == 200 and first.headers["cache-control"] == "no-cache", path
        ran = jobs(server)
        again = httpx.get(server + path, headers={**headers, "If-None-Match": first.headers["etag"]}, timeout=30)
        assert again.status_code == 304 and jobs(server) == ran, path
    turtle = httpx.get(server + "/id/doc/vn/2022/01-nq-cp", headers={"Accept": "text/turtle"}, timeout=30)
    page = httpx.get(server + "/id/doc/vn/2022/01-nq-cp", headers=html, timeout=30)
    assert turtle.headers["etag"] != page.headers["etag"]


# -- the answer cache ---------------------------------------------------------------------------------------------
def test_a_repeated_request_is_answered_from_memory(server: str) -> None:
    first = ask(server, PLANS_2022, method="POST")
    ran = jobs(server)
    hits = httpx.get(server + "/healthz", timeout=10).json()["cache"]["hits"]
    again = ask(server, PLANS_2022, method="POST")
    assert again.status_code == 200 and again.content == first.content and jobs(server) == ran
    assert again.headers["etag"] == first.headers["etag"]
    assert again.headers["content-type"] == first.headers["content-type"]
    assert httpx.get(server + "/healthz", timeout=10).json()["cache"]["hits"] == hits + 1


def test_a_streamed_answer_is_kept_whole_and_one_over_the_cap_never(server: str) -> None:
    first = ask(server, rows(1500))
    assert first.headers.get("transfer-encoding") == "chunked" and 64 * 1024 < len(first.content) < 512 * 1024
    ran = jobs(server)
    again = ask(server, rows(1500))
    assert again.content == first.content and jobs(server) == ran  # streamed out, then kept: byte for byte
    wide = "SELECT ?s ?p ?o ?a ?b WHERE { ?s ?p ?o BIND(?s AS ?a) BIND(?p AS ?b) } ORDER BY ?s ?p ?o LIMIT 1500"
    assert len(ask(server, wide).content) > 512 * 1024  # the same rows with two more columns: over the cap
    ran = jobs(server)
    ask(server, wide)
    assert jobs(server) == ran + 1


def test_cut_capped_and_failed_answers_are_never_kept(server: str) -> None:
    capped = ask(server, rows(1700))  # cut at --max-rows 1600 (said in the trailer and in the JSON)
    assert capped.json()["truncated"] is True and len(capped.content) < 512 * 1024
    ran = jobs(server)
    ask(server, rows(1700))
    assert jobs(server) == ran + 1
    query = rows(1400)
    with httpx.stream("GET", server + "/sparql", params={"query": query}, headers=JSON, timeout=30) as r:
        assert r.status_code == 200
        next(r.iter_raw(1000))  # the client leaves in the middle of the answer
    time.sleep(0.5)
    ran = jobs(server)
    whole = ask(server, query)
    assert jobs(server) == ran + 1 and len(whole.json()["results"]["bindings"]) == 1400
    ask(server, query)
    assert jobs(server) == ran + 1  # the whole one was kept
    assert ask(server, HEAVY).status_code == 503  # past --timeout 2
    ran = jobs(server)
    assert ask(server, HEAVY).status_code == 503 and jobs(server) == ran + 1


def test_the_cache_drops_the_least_recently_used_and_older_versions() -> None:
    c = AnswerCache(max_bytes=100, max_entry=40)
    assert c.put("v1", "a", Answer("json", b"a" * 40)) and c.put("v1", "b", Answer("json", b"b" * 40))
    assert not c.put("v1", "huge", Answer("json", b"h" * 41))
    assert c.get("v1", "a") is not None  # a is now the most recent
    c.put("v1", "c", Answer("json", b"c" * 40))  # 120 bytes: b goes
    assert c.get("v1", "b") is None and c.get("v1", "a") is not None and c.size == 80
    assert c.get("v2", "a") is None and c.size == 0  # a new version: nothing of the old one is served
    assert not c.put("v1", "a", Answer("json", b"a"))  # an answer of the old version, arriving late


def test_an_update_changes_the_etag_and_the_cached_answer(graph: Path) -> None:
    number = "SELECT ?n WHERE { <urn:x> <https://w3id.org/vnkg/ontology#documentNumber> ?n }"
    with kg_serve(graph, "--allow-update", "--token", "t") as url:
        before = ask(url, number)
        assert before.json()["results"]["bindings"] == [] and ask(url, number).content == before.content
        done = httpx.post(url + "/sparql", timeout=30, headers={"Authorization": "Bearer t"},
                          data={"update": 'INSERT DATA { GRAPH <urn:g> { <urn:x> '
                                          '<https://w3id.org/vnkg/ontology#documentNumber> "9/T" } }'})
        assert done.status_code == 204
        after = ask(url, number, {"If-None-Match": before.headers["etag"]})
        assert after.status_code == 200 and after.headers["etag"] != before.headers["etag"]
        assert after.json()["results"]["bindings"][0]["n"]["value"] == "9/T"


def test_a_rebuilt_store_changes_every_etag_and_misses_the_cache(tmp_path: Path) -> None:
    from kg.build import sample_corpus

    texts = tmp_path / "texts"
    texts.mkdir()
    for f in sample_corpus().iterdir():
        if f.suffix == ".txt" and not f.name.startswith("quang-ninh"):
            shutil.copy(f, texts / f.name)
    store, log = tmp_path / "store", tmp_path / "serve.log"

    def build() -> None:
        subprocess.run([sys.executable, "-m", "kg", "build", str(texts), "--store", str(store), "-q", "--no-shacl"],
                       check=True, capture_output=True, timeout=300)

    build()
    with kg_serve(store, log=log) as url:
        before = ask(url, TEXTS)
        doc = httpx.get(url + "/id/doc/vn/2022/01-nq-cp", headers={"Accept": "text/turtle"}, timeout=30)
        assert doc.status_code == 200
        assert ask(url, TEXTS).content == before.content  # kept
        shutil.copy(sample_corpus() / "quang-ninh-chuong-trinh-2025.txt", texts)
        build()
        deadline = time.monotonic() + 20
        while "store rebuilt" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        ran = jobs(url)
        after = ask(url, TEXTS, {"If-None-Match": before.headers["etag"]})
        assert after.status_code == 200 and after.headers["etag"] != before.headers["etag"] and jobs(url) == ran + 1
        n = int(before.json()["results"]["bindings"][0]["n"]["value"])
        assert int(after.json()["results"]["bindings"][0]["n"]["value"]) == n + 1
        doc_after = httpx.get(url + "/id/doc/vn/2022/01-nq-cp", timeout=30,
                              headers={"Accept": "text/turtle", "If-None-Match": doc.headers["etag"]})
        assert doc_after.status_code == 200 and doc_after.headers["etag"] != doc.headers["etag"]
