"""The Turtle export loads into Virtuoso Open Source and answers every saved query like the embedded store;
`kg publish` pushes a build through Virtuoso's Graph Store Protocol endpoint (digest auth).

Starts its own Virtuoso (loopback ports, temp database) once for the module; skips without virtuoso-t.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import socket
import subprocess
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, RdfFormat, Store

from kg.build import sample_corpus
from kg.export import DescriptionOptions, export
from kg.publish import PublishError, publish
from kg.queries import bind, load_catalogue
from kg.stream import build_corpus

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (shutil.which("virtuoso-t") and shutil.which("isql-vt")),
                       reason="Virtuoso Open Source (virtuoso-t, isql-vt) is not installed"),
]
SPARQLWrapper = pytest.importorskip("SPARQLWrapper")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
GRAPH = "https://w3id.org/vnkg/id/graph/export"
XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "short", "byte",
                             "nonNegativeInteger", "positiveInteger", "unsignedInt", "unsignedLong")}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ini(text: str, db: Path, sql_port: int, http_port: int, load_dir: Path) -> str:
    """The packaged virtuoso.ini with our paths, ports and limits."""
    section, out = "", []
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("["):
            section = s
        key = s.split("=", 1)[0].strip() if "=" in s and not s.startswith(";") else ""
        if section in ("[Database]", "[TempDatabase]") and key in ("DatabaseFile", "ErrorLogFile", "LockFile",
                                                                   "TransactionFile", "xa_persistent_file"):
            line = f"{key} = {db / Path(s.split('=', 1)[1].split(';')[0].strip()).name}"
        elif section == "[Parameters]" and key == "ServerPort":
            line = f"ServerPort = 127.0.0.1:{sql_port}"
        elif section == "[Parameters]" and key == "DirsAllowed":
            line = f"DirsAllowed = ., {load_dir}, /usr/share/virtuoso-opensource-7/vad"
        elif section == "[HTTPServer]" and key == "ServerPort":
            line = f"ServerPort = 127.0.0.1:{http_port}"
        elif section == "[HTTPServer]" and key == "ServerRoot":
            line = f"ServerRoot = {db / 'vsp'}"
        elif section == "[SPARQL]" and key in ("ResultSetMaxRows", "MaxQueryExecutionTime",
                                               "MaxQueryCostEstimationTime"):
            continue
        out.append(line)
        if s == "[SPARQL]":
            out += ["ResultSetMaxRows = 1000000", "MaxQueryExecutionTime = 120", "MaxQueryCostEstimationTime = 0"]
    return "\n".join(out) + "\n"


class Virtuoso:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.sql_port, self.http_port = _free_port(), _free_port()
        self.load_dir = root / "load"
        self.load_dir.mkdir()
        (root / "vsp").mkdir()
        (root / "virtuoso.ini").write_text(_ini(INI.read_text(), root, self.sql_port, self.http_port, self.load_dir))
        self.log = open(root / "stdout.log", "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(["virtuoso-t", "+configfile", str(root / "virtuoso.ini"), "+foreground"],
                                     cwd=root, stdout=self.log, stderr=subprocess.STDOUT)

    @property
    def http(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    def wait(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited: {(self.root / 'stdout.log').read_text()[-500:]}")
            with contextlib.suppress(OSError), \
                    urllib.request.urlopen(f"{self.http}/sparql?query=ASK%7B%7D", timeout=2) as r:
                if r.status == 200:
                    return
            time.sleep(0.3)
        raise RuntimeError("Virtuoso did not answer within 60 s")

    def isql(self, sql: str, timeout: float = 60) -> str:
        res = subprocess.run(["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={sql}"],
                             capture_output=True, text=True, timeout=timeout)
        if res.returncode != 0 or "*** Error" in res.stdout + res.stderr:
            raise RuntimeError(f"isql-vt failed: {res.stdout[-400:]} {res.stderr[-400:]}")
        return res.stdout

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.isql("shutdown;", timeout=20)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self.log.close()


@pytest.fixture(scope="module")
def corpus_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Turtle export of the seed build (the sample build when ../shared is absent)."""
    corpus = SEEDS if SEEDS.is_dir() else sample_corpus()
    folder = tmp_path_factory.mktemp("export")
    build = folder / "build.trig"
    build_corpus([corpus], output=build)
    out = folder / "vnkg.ttl"
    export(build, out, "turtle", options=DescriptionOptions(date=dt.date(2025, 1, 1)))
    return out


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory, corpus_export: Path) -> Iterator[Virtuoso]:
    v = Virtuoso(tmp_path_factory.mktemp("virtuoso"))
    try:
        v.wait()
        shutil.copy(corpus_export, v.load_dir / "vnkg.ttl")
        v.isql(f"ld_dir('{v.load_dir}', 'vnkg.ttl', '{GRAPH}'); rdf_loader_run(); checkpoint;", timeout=120)
        yield v
    finally:
        v.stop()


@pytest.fixture(scope="module")
def embedded(corpus_export: Path) -> Store:
    """The same file in the embedded store, in the same named graph."""
    store = Store()
    store.load(path=str(corpus_export), format=RdfFormat.TURTLE, to_graph=NamedNode(GRAPH))
    return store


def _norm_ox(term: object) -> object:
    if term is None:
        return None
    if isinstance(term, Literal):
        return _norm_lit(term.value, term.datatype.value if term.datatype else None, term.language)
    return ("iri", term.value)  # type: ignore[attr-defined]


def _norm_lit(value: str, datatype: str | None, lang: str | None) -> tuple:
    if lang:
        return ("lit", value, lang.lower())
    if datatype == XSD + "boolean":  # Virtuoso writes booleans 1/0 and computed ones as xsd:integer
        return ("num", Decimal(value in ("true", "1")))
    if datatype in NUMERIC:
        with contextlib.suppress(InvalidOperation):
            return ("num", Decimal(value).normalize())
    if datatype in (None, XSD + "string"):
        return ("lit", value, None)
    return ("typed", value, datatype)


def _norm_json(cell: dict | None) -> object:
    if cell is None:
        return None
    if cell["type"] == "uri":
        return ("iri", cell["value"])
    if cell["type"] == "bnode":
        return ("bnode",)
    return _norm_lit(cell["value"], cell.get("datatype"), cell.get("xml:lang"))


def _virtuoso_rows(v: Virtuoso, query: str) -> tuple[list[str], Counter]:
    sw = SPARQLWrapper.SPARQLWrapper(f"{v.http}/sparql")
    sw.addDefaultGraph(GRAPH)
    sw.setQuery(query)
    sw.setReturnFormat(SPARQLWrapper.JSON)
    sw.setMethod(SPARQLWrapper.POST)
    res = sw.query().convert()
    names = res["head"]["vars"]
    return names, Counter(tuple(_norm_json(b.get(n)) for n in names) for b in res["results"]["bindings"])


def _embedded_rows(store: Store, query: str, names: list[str]) -> Counter:
    rows = store.query(query, use_default_graph_as_union=True)
    return Counter(tuple(_norm_ox(r[n]) for n in names) for r in rows)  # type: ignore[union-attr]


def test_triple_count(virtuoso: Virtuoso, embedded: Store) -> None:
    _, rows = _virtuoso_rows(virtuoso, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert rows == Counter({(("num", Decimal(len(embedded))),): 1})
    assert len(embedded) > 3000


SAVED = sorted((ROOT / "queries").glob("*.rq"))


@pytest.mark.skipif(not SAVED, reason="no saved queries in queries/")
@pytest.mark.parametrize("name", [p.stem for p in SAVED])
def test_saved_query_same_answers(virtuoso: Virtuoso, embedded: Store, name: str) -> None:
    saved = load_catalogue(ROOT / "queries")[name]
    names, remote = _virtuoso_rows(virtuoso, saved.text)
    local = _embedded_rows(embedded, saved.text, names)
    assert sum(local.values()) > 0 or name in EMPTY_OK, f"{name}: no rows on the embedded store"
    assert set(remote) == set(local), (f"{name}: only Virtuoso {sorted(set(remote) - set(local), key=str)[:3]}; "
                                       f"only Oxigraph {sorted(set(local) - set(remote), key=str)[:3]}")


EMPTY_OK: set[str] = set()
# Each saved query bound by its parameter: (parameter, the column of the unbound answer its values come from,
# the column holding the IRI it may be given as). The bound lines (`#if …`) are SPARQL 1.1 too.
BOUND = {
    "targets-of-plan": ("plan", "planNumber", "doc"),
    "references-of-text": ("text", "fileName", "source"),
    "indicator-across-provinces": ("indicator", "indicatorLabel", None),
    "plans-implementing": ("resolution", "resolutionNumber", "implemented"),
    "tasks-by-agency": ("agency", "agencyLabel", "lead"),
    "documents-by-issuer": ("issuer", "issuerLabel", "body"),
    "implementation-chain": ("document", "startNumber", "start"),
    "themes-and-mottos": ("year", "statementYear", None),
}


@pytest.mark.parametrize("name", sorted(BOUND))
def test_bound_saved_query_same_answers(virtuoso: Virtuoso, embedded: Store, name: str) -> None:
    saved = load_catalogue(ROOT / "queries")[name]
    param, column, iri_column = BOUND[name]
    every = list(embedded.query(saved.text, use_default_graph_as_union=True))
    texts = sorted({r[column].value for r in every if r[column] is not None})
    iris = sorted({r[iri_column].value for r in every if iri_column and r[iri_column] is not None})
    asked = [texts[0], texts[-1], texts[len(texts) // 2].lower(), *(f"<{i}>" for i in iris[:1] + iris[-1:])]
    for value in asked:
        text = bind(saved.text, {param: value}, saved.params)
        names, remote = _virtuoso_rows(virtuoso, text)
        local = _embedded_rows(embedded, text, names)
        only_remote = sorted(set(remote) - set(local), key=str)[:3]
        only_local = sorted(set(local) - set(remote), key=str)[:3]
        assert not only_remote and not only_local, f"{name} {param}={value}: {only_remote} / {only_local}"
        assert sum(local.values()) > 0 or value == texts[len(texts) // 2].lower(), f"{name} {param}={value}: no rows"


def test_publish_into_virtuoso_gsp(virtuoso: Virtuoso, corpus_export: Path, embedded: Store) -> None:
    graph = "https://w3id.org/vnkg/id/graph/published"
    report = publish(corpus_export, f"{virtuoso.http}/sparql-graph-crud-auth", graph, user="dba",
                     password="dba", batch=1000)
    assert report.batches == -(-report.triples // 1000) > 1
    assert report.remote_triples == report.triples == len(embedded)
    # a second publish replaces the graph (PUT first), it does not add to it
    again = publish(corpus_export, f"{virtuoso.http}/sparql-graph-crud-auth", graph, user="dba", password="dba")
    assert again.remote_triples == report.triples and again.batches == 1
    # small batch: with a large body Virtuoso answers 401 before reading it and the connection breaks
    with pytest.raises(PublishError, match="HTTP 401"):
        publish(corpus_export, f"{virtuoso.http}/sparql-graph-crud-auth", graph, user="dba", password="wrong",
                retries=0, batch=10)
