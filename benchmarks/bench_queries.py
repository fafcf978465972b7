"""Time every parameterised saved query with one parameter bound, at two corpus sizes, in the engine and
beside ``oxigraph serve`` on the same store; the unbound queries too (``--unbound``).

For each size N (``--sizes 1000 10000``):

1. A store ``WORK/sN`` is used as it is when it exists (e.g. made by ``kg build CORPUS --store WORK/sN``);
   else ``gen_corpus.py --n N`` into ``WORK/cN`` and ``kg build WORK/cN -o WORK/cN.nq`` unless they exist,
   and the store laid out as ``kg build --store`` does: the N-Quads bulk-loaded (one named graph per text)
   and the default graph bulk-loaded from the same quads without their graph (the merge).
2. One value per query, picked once on the smallest corpus (so the same value is asked at every size): the
   IRI or number of a document, a file name, an indicator label, an agency or issuer name (``PICK``).
3. The bound query, median of ``--runs``: in the engine (pyoxigraph on the store, rows read into Python;
   wall time and the process's CPU time, the figure to compare on a shared machine), and over HTTP from
   ``oxigraph serve-read-only`` on the same store folder (JSON results, one client).

Usage: ``python benchmarks/bench_queries.py --work /tmp/me/bench --sizes 1000 10000 [--unbound]``.
The report (markdown) goes to stdout and ``WORK/queries.md``, with the load average before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from pyoxigraph import RdfFormat, Store

from kg.queries import bind, load_catalogue, with_prefixes
from kg.serve.launch import free_port

HERE = Path(__file__).resolve().parent
V = "https://w3id.org/vnkg/ontology#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
# saved query -> (its parameter, a query whose rows ?v are candidate values, ordered so the pick is stable)
PICK: dict[str, tuple[str, str]] = {
    "targets-of-plan": ("plan", f"SELECT ?v (COUNT(*) AS ?n) WHERE {{ ?v <{V}hasTarget> ?t }} GROUP BY ?v"),
    "references-of-text": ("text", f"SELECT ?v (COUNT(*) AS ?n) WHERE {{ ?s <{V}fileName> ?v . "
                                   f"?m <{V}inSource> ?s }} GROUP BY ?v"),
    "indicator-across-provinces": ("indicator", "SELECT ?v (COUNT(*) AS ?n) WHERE { ?c "
                                                "<http://www.w3.org/2004/02/skos/core#prefLabel> ?v . "
                                                f"?i <{V}indicatorConcept> ?c }} GROUP BY ?v"),
    "plans-implementing": ("resolution", f"SELECT ?v (COUNT(*) AS ?n) WHERE {{ ?p <{V}implements> ?v }} GROUP BY ?v"),
    "tasks-by-agency": ("agency", f"SELECT ?v (COUNT(*) AS ?n) WHERE {{ ?t <{V}leadAgency> ?a . "
                                  f"?a <{RDFS}label> ?v }} GROUP BY ?v"),
    "documents-by-issuer": ("issuer", f"SELECT ?v (COUNT(*) AS ?n) WHERE {{ ?d <{V}issuedBy> ?b . "
                                      f"?b <{RDFS}label> ?v }} GROUP BY ?v"),
    "implementation-chain": ("document", f"SELECT ?v (COUNT(*) AS ?n) WHERE {{ ?v <{V}implements> ?r }} GROUP BY ?v"),
    "themes-and-mottos": ("year", f"SELECT ?v (COUNT(*) AS ?n) WHERE {{ ?s a <{V}Theme> ; <{V}year> ?v }} GROUP BY ?v"),
}


def ensure_store(work: Path, n: int, seed: int) -> Path:
    """The corpus, its N-Quads and a store with the merged default graph, built once and reused."""
    corpus, nq, store = work / f"c{n}", work / f"c{n}.nq", work / f"s{n}"
    if (store / "CURRENT").exists():
        return store
    if not corpus.is_dir():
        subprocess.run([sys.executable, str(HERE / "gen_corpus.py"), "--n", str(n), "--out", str(corpus),
                        "--seed", str(seed)], check=True)
    if not nq.exists():
        subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "-o", str(nq), "-q", "--no-shacl"],
                       check=True, cwd=work)
    shutil.rmtree(store, ignore_errors=True)
    nt = work / f"s{n}.nt"
    with open(nq, "rb") as src, open(nt, "wb") as out:  # the same quads without their graph
        for line in src:
            body = line.rstrip(b"\n")[:-2].rstrip()
            out.write(body[:body.rfind(b" <")] + b" .\n")
    st = Store(str(store))
    st.bulk_load(path=str(nq), format=RdfFormat.N_QUADS)
    st.bulk_load(path=str(nt), format=RdfFormat.N_TRIPLES)
    st.flush()
    st.optimize()
    del st
    nt.unlink()
    return store


def pick_values(store: Store) -> dict[str, str]:
    """One value per saved query: the candidate at the median of the answer sizes (ties by value)."""
    out = {}
    for name, (_param, query) in PICK.items():
        rows = sorted(((int(r["n"].value), r["v"].value) for r in store.query(query)), key=lambda r: (r[0], r[1]))
        if rows:
            out[name] = rows[len(rows) // 2][1]
    return out


def median_time(fn: Callable[[], int], runs: int) -> tuple[float, int, float]:
    """Median wall time, the answer's size, and the median CPU time of this process, over ``runs`` calls."""
    times, cpu, size = [], [], 0
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        size = fn()
        cpu.append(time.process_time() - c)
        times.append(time.perf_counter() - t)
    return statistics.median(times), size, statistics.median(cpu)


def http_rows(url: str, text: str) -> int:
    req = urllib.request.Request(url, data=text.encode(), headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=600) as r:
        return len(json.loads(r.read())["results"]["bindings"])


def start_oxigraph(store: Path) -> tuple[subprocess.Popen, str]:
    """``oxigraph serve-read-only`` on the store folder; its /query URL once it answers."""
    port = free_port()
    proc = subprocess.Popen([shutil.which("oxigraph") or "oxigraph", "serve-read-only", "--location", str(store),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    for _ in range(300):
        try:
            http_rows(url, "SELECT * WHERE { ?s ?p ?o } LIMIT 1")
            return proc, url
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("oxigraph serve did not start (pip install -e \".[bench]\")")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, default=Path("/tmp/vnkg-bench"))
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--unbound", action="store_true", help="also time each query unbound (once; slow at 10 000)")
    ap.add_argument("--no-oxigraph", action="store_true", help="skip the oxigraph serve column")
    ap.add_argument("--queries", type=Path, default=None,
                    help="a folder of saved queries to time instead of the shipped ones (e.g. an older copy)")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    catalogue = load_catalogue(args.queries)
    load_before = os.getloadavg()
    stores = {n: ensure_store(args.work, n, args.seed) for n in args.sizes}
    st = Store.read_only(str(stores[min(args.sizes)]))
    values = pick_values(st)
    del st
    values = {name: v for name, v in values.items() if name in catalogue}
    texts = {name: with_prefixes(bind(catalogue[name].text, {PICK[name][0]: v}, catalogue[name].params))
             for name, v in values.items()}
    got: dict[int, dict[str, dict[str, float | int | None]]] = {}
    for n in args.sizes:
        got[n] = {}
        st = Store.read_only(str(stores[n]))
        for name, text in texts.items():
            secs, rows, cpu = median_time(lambda text=text, st=st: len(list(st.query(text))), args.runs)
            got[n][name] = {"engine": secs, "rows": rows, "cpu": cpu}
            if args.unbound:
                secs, rows, cpu = median_time(lambda q=catalogue[name].text, st=st: len(list(st.query(q))), 1)
                got[n][name].update(unbound=secs, unbound_rows=rows, unbound_cpu=cpu)
        del st
        if not args.no_oxigraph:
            proc, url = start_oxigraph(stores[n])
            try:
                for name, text in texts.items():
                    secs, rows, _cpu = median_time(lambda text=text, url=url: http_rows(url, text), args.runs)
                    got[n][name]["oxigraph"] = secs
                    assert rows == got[n][name]["rows"], (name, rows, got[n][name]["rows"])
            finally:
                proc.kill()
                proc.wait()
    load_after = os.getloadavg()
    small, big = min(args.sizes), max(args.sizes)
    lines = [f"Load average {load_before[0]:.2f} before, {load_after[0]:.2f} after; median of {args.runs} runs; "
             f"values picked on the {small:,}-text corpus (the median answer size).", "",
             "| query | bound value | " + " | ".join(f"rows at {n:,}" for n in args.sizes) + " | "
             + " | ".join(f"engine ms at {n:,} (CPU ms)" for n in args.sizes)
             + f" | growth (CPU) | µs CPU per row at {big:,} | oxigraph serve ms at {big:,} |"
             + (" " + " | ".join(f"unbound s at {n:,} (CPU s)" for n in args.sizes) + " |" if args.unbound else ""),
             "|---|---|" + "---:|" * (2 * len(args.sizes) + 3 + (len(args.sizes) if args.unbound else 0))]
    for name in texts:
        r = [got[n][name] for n in args.sizes]
        growth = got[big][name]["engine"] / got[small][name]["engine"]
        cpu_growth = got[big][name]["cpu"] / max(got[small][name]["cpu"], 1e-6)
        per_row = got[big][name]["cpu"] * 1e6 / max(got[big][name]["rows"], 1)
        ox = got[big][name].get("oxigraph")
        line = (f"| {name} | `{values[name][:48]}` | " + " | ".join(f"{x['rows']:,}" for x in r) + " | "
                + " | ".join(f"{x['engine'] * 1000:.1f} ({x['cpu'] * 1000:.1f})" for x in r)
                + f" | {growth:.2f}× ({cpu_growth:.2f}×) | {per_row:.0f} | "
                + ("–" if ox is None else f"{ox * 1000:.1f}") + " |")
        if args.unbound:
            line += " " + " | ".join(f"{x['unbound']:.2f} ({x['unbound_cpu']:.2f}; {x['unbound_rows']:,} rows)"
                                     for x in r) + " |"
        lines.append(line)
    report = "\n".join(lines)
    print(report)
    (args.work / "queries.md").write_text(report + "\n", encoding="utf-8")
    (args.work / "queries.json").write_text(json.dumps({"values": values, "results": got}, indent=1),
                                            encoding="utf-8")


if __name__ == "__main__":
    main()
