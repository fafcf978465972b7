"""Time the saved queries on the embedded Oxigraph store and on a plain rdflib graph, then load-test `kg serve`.

1. Generate a corpus (``gen_corpus.py``) unless it exists, and build it with ``kg build -o corpus.nq``.
2. Oxigraph: bulk-load the N-Quads into an on-disk store, merge the named graphs into the default graph
   (``kg.queries.merge_union``) and time every saved query (median of ``--runs``).
3. rdflib: parse the same triples (the merged default graph, as N-Triples) into a ``Graph`` and time the same
   queries in a child process; a query slower than ``--rdflib-timeout`` seconds is stopped and reported as such.
4. Start ``kg serve`` on a free loopback port and send ``--requests`` queries (the saved queries in turn) from
   ``--clients`` concurrent clients; report p50/p95 latency.

Usage: ``python benchmarks/bench_queries.py --n 10000 --corpus /tmp/corpus10k --work /tmp/bench10k``
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pyoxigraph import DefaultGraph, RdfFormat, Store

from kg import queries
from kg.serve.launch import serve_in_background

HERE = Path(__file__).resolve().parent


def timed(fn, runs: int) -> tuple[float, int]:
    """Median seconds of ``runs`` calls and the result size."""
    times, size = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        size = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), size


def rdflib_worker(nt_path: str, texts: dict[str, str], runs: int, out: mp.Queue) -> None:
    from rdflib import Graph

    t = time.perf_counter()
    g = Graph()
    g.parse(nt_path, format="nt")
    out.put(("load", time.perf_counter() - t, len(g)))
    for name, text in texts.items():
        median, size = timed(lambda text=text: len(list(g.query(text))), runs)
        out.put((name, median, size))


def run_rdflib(nt_path: Path, texts: dict[str, str], runs: int, limit: float) -> dict[str, tuple[float | None, int]]:
    ctx = mp.get_context("spawn")
    out: mp.Queue = ctx.Queue()
    proc = ctx.Process(target=rdflib_worker, args=(str(nt_path), texts, runs, out), daemon=True)
    proc.start()
    got: dict[str, tuple[float | None, int]] = {}
    try:
        name, secs, size = out.get(timeout=1800)
        got[name] = (secs, size)
        for name in texts:
            try:
                n, secs, size = out.get(timeout=limit * runs + 5)
                got[n] = (secs, size)
            except Exception:
                got[name] = (None, 0)  # this query ran past the limit; the child is killed with the rest unrun
                break
    finally:
        proc.kill()
        proc.join(5)
    return got


def load_test(graph: Path, texts: list[str], requests: int, clients: int) -> dict[str, float]:
    t0 = time.perf_counter()
    with serve_in_background(graph, "--workers", "2", "--timeout", "30", ready_within=900,
                             log=graph.parent / "serve.log") as url:
        startup = time.perf_counter() - t0

        def one(i: int) -> tuple[float, int]:
            body = urllib.parse.urlencode({"query": texts[i % len(texts)]}).encode()
            req = urllib.request.Request(url + "/sparql", data=body,
                                         headers={"Accept": "application/sparql-results+json"})
            t = time.perf_counter()
            try:
                with urllib.request.urlopen(req, timeout=60) as r:
                    r.read()
                    status = r.status
            except urllib.error.HTTPError as e:
                status = e.code
            return time.perf_counter() - t, status

        t1 = time.perf_counter()
        with ThreadPoolExecutor(clients) as pool:
            res = list(pool.map(one, range(requests)))
        wall = time.perf_counter() - t1
    lat = sorted(r[0] for r in res)
    return {"startup": startup, "p50": lat[len(lat) // 2], "p95": lat[int(len(lat) * 0.95) - 1],
            "max": lat[-1], "rps": requests / wall, "ok": sum(1 for r in res if r[1] == 200), "n": requests}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus", type=Path, default=Path("/tmp/corpus10k"))
    ap.add_argument("--work", type=Path, default=Path("/tmp/bench10k"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--rdflib-runs", type=int, default=1, help="runs per query on rdflib (it is slow)")
    ap.add_argument("--rdflib-timeout", type=float, default=120.0, help="stop rdflib after this long on one query")
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--clients", type=int, default=8)
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    nq = args.work / "corpus.nq"
    if not args.corpus.is_dir():
        subprocess.run([sys.executable, str(HERE / "gen_corpus.py"), "--n", str(args.n), "--out", str(args.corpus),
                        "--seed", str(args.seed)], check=True)
    build_secs = None
    if not nq.exists():
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kg", "build", str(args.corpus), "-o", str(nq), "-q"], check=True)
        build_secs = time.perf_counter() - t
    texts = {q.name: q.text for q in queries.load_catalogue().values()}

    tmp = tempfile.mkdtemp(prefix="bench-ox-", dir=args.work)  # left for inspection; remove --work when done
    t = time.perf_counter()
    store = Store(tmp)
    store.bulk_load(path=str(nq), format=RdfFormat.N_QUADS)
    quads = len(store)
    merged = queries.merge_union(store)
    store.flush()
    ox_load = time.perf_counter() - t
    ox = {name: timed(lambda text=text, st=store: len(list(st.query(text))), args.runs) for name, text in texts.items()}
    nt = args.work / "union.nt"
    store.dump(output=str(nt), format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph())
    del store

    rd = run_rdflib(nt, texts, args.rdflib_runs, args.rdflib_timeout)
    served = load_test(nq, list(texts.values()), args.requests, args.clients)

    texts_n = sum(1 for _ in args.corpus.glob("*.txt"))
    lines = [f"Corpus: {texts_n} generated texts (`gen_corpus.py --n {args.n} --seed {args.seed}`), "
             f"{quads:,} quads in {texts_n:,} named graphs, {merged:,} distinct triples in the merged default graph.",
             ""]
    if build_secs is not None:
        lines.append(f"- `kg build` of the corpus to N-Quads: {build_secs:.0f} s")
    lines += [f"- Oxigraph (disk) bulk load + union merge: {ox_load:.1f} s",
              f"- rdflib `Graph` parse of the same triples (N-Triples): {rd['load'][0]:.1f} s", "",
              "| query | rows | Oxigraph (s) | rdflib (s) | rdflib / Oxigraph |", "|---|---:|---:|---:|---:|"]
    for name in texts:
        o, rows = ox[name]
        r = rd.get(name, (None, 0))[0]
        if r is not None:
            ratio = f"{r / o:,.0f}×"
        elif name in rd:
            ratio = f"> {args.rdflib_timeout:.0f} s (stopped)"
        else:
            ratio = "not run (rdflib was stopped on an earlier query)"
        lines.append(f"| {name} | {rows} | {o:.4f} | {'—' if r is None else f'{r:.3f}'} | {ratio} |")
    lines += ["", f"Endpoint (`kg serve --graph corpus.nq --workers 2`, started in {served['startup']:.0f} s): "
              f"{served['n']} requests (the saved queries in turn) from {args.clients} concurrent clients on loopback: "
              f"p50 {served['p50'] * 1000:.0f} ms, p95 {served['p95'] * 1000:.0f} ms, "
              f"max {served['max'] * 1000:.0f} ms, "
              f"{served['rps']:.1f} requests/s, {served['ok']}/{served['n']} answered 200."]
    report = "\n".join(lines)
    print(report)
    (args.work / "report.md").write_text(report + "\n", encoding="utf-8")
    print(json.dumps({"ox": ox, "rdflib": rd, "served": served}, default=str), file=sys.stderr)


if __name__ == "__main__":
    main()
