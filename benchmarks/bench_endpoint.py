"""`kg serve` beside `oxigraph serve` on the same store: idle memory, then 8 concurrent clients sending
parameterised saved queries (one plan's targets, one text's references, one indicator, the plans implementing
one document, one agency's tasks, one issuer's documents, one document's chain), p50/p95 and requests/s.

    python benchmarks/bench_endpoint.py /tmp/me/bench/s10000 --requests 800 --clients 8

The store is one laid out as `kg build --store` does (``bench_queries.py`` makes them: named graphs and the
merged default graph). Both servers get the same request list (values picked from the store, shuffled with
``--seed``), over loopback, each request a POST of ``application/sparql-query`` asking for JSON results.
`kg serve` runs with ``--per-client`` = ``--clients`` (all clients share one address here) and ``--workers``
(default 2, its own default); the report gives the load average before and after, and p50/p95 per query.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from pyoxigraph import Store

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_queries import PICK

from kg.queries import bind, load_catalogue, with_prefixes
from kg.serve.launch import free_port


def rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
            todo += [int(c) for c in Path(f"/proc/{p}/task/{p}/children").read_text().split()]
        except (OSError, StopIteration):
            continue
    return total / 1024


def wait_ready(url: str, proc: subprocess.Popen, within: float = 120) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            post(url, "ASK { ?s ?p ?o }")
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} not ready after {within} s")


def post(url: str, text: str) -> tuple[float, int]:
    req = urllib.request.Request(url, data=text.encode(), headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    t = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        status = e.code
    return time.perf_counter() - t, status


def load(url: str, texts: list[tuple[str, str]], requests: int, clients: int) -> dict[str, Any]:
    """Latencies of ``requests`` requests from ``clients`` threads, overall and per saved query."""
    for _, text in texts[:clients]:  # warm the caches the same way for both servers
        post(url, text)
    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        res = list(pool.map(lambda i: (texts[i % len(texts)][0], *post(url, texts[i % len(texts)][1])),
                            range(requests)))
    wall = time.perf_counter() - t0
    out: dict[str, Any] = {**percentiles([r[1] for r in res]), "rps": requests / wall,
                           "ok": sum(r[2] == 200 for r in res), "n": requests,
                           "statuses": dict(Counter(r[2] for r in res)), "by_query": {}}
    for name in sorted({r[0] for r in res}):
        out["by_query"][name] = percentiles([r[1] for r in res if r[0] == name])
    return out


def percentiles(seconds: list[float]) -> dict[str, float]:
    lat = sorted(seconds)
    return {"p50_ms": statistics.median(lat) * 1000, "p95_ms": lat[max(0, int(len(lat) * 0.95) - 1)] * 1000,
            "max_ms": lat[-1] * 1000}


def requests_for(store_path: Path, per_query: int, seed: int) -> list[tuple[str, str]]:
    store = Store.read_only(str(store_path))
    rng = random.Random(seed)
    catalogue = load_catalogue()
    texts = []
    for name, (param, pick) in PICK.items():
        if name == "themes-and-mottos":  # a year: an answer that grows with the corpus, not a lookup
            continue
        values = sorted(r["v"].value for r in store.query(pick))
        for v in rng.sample(values, min(per_query, len(values))):
            texts.append((name, with_prefixes(bind(catalogue[name].text, {param: v}, catalogue[name].params))))
    del store
    rng.shuffle(texts)
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--requests", type=int, default=800)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--per-query", type=int, default=25, help="values per saved query")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2, help="kg serve --workers (oxigraph serve: a thread per request)")
    a = ap.parse_args()
    texts = requests_for(a.store, a.per_query, a.seed)
    out: dict[str, dict[str, float]] = {}
    load_before = os.getloadavg()[0]

    port = free_port()
    kg = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(a.store), "--port", str(port),
                           "--per-client", str(a.clients), "--timeout", "60", "--workers", str(a.workers)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_ready(f"http://127.0.0.1:{port}/sparql", kg)
        time.sleep(2)  # the spare worker starts after the first request
        out["kg serve"] = {"idle_rss_mb": rss_mb(kg.pid)}
        out["kg serve"].update(load(f"http://127.0.0.1:{port}/sparql", texts, a.requests, a.clients))
        out["kg serve"]["loaded_rss_mb"] = rss_mb(kg.pid)
    finally:
        kg.terminate()
        kg.wait(15)

    port = free_port()
    ox = subprocess.Popen([shutil.which("oxigraph") or "oxigraph", "serve-read-only", "--location", str(a.store),
                           "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_ready(f"http://127.0.0.1:{port}/query", ox)
        out["oxigraph serve"] = {"idle_rss_mb": rss_mb(ox.pid)}
        out["oxigraph serve"].update(load(f"http://127.0.0.1:{port}/query", texts, a.requests, a.clients))
        out["oxigraph serve"]["loaded_rss_mb"] = rss_mb(ox.pid)
    finally:
        ox.kill()
        ox.wait(15)

    load_after = os.getloadavg()[0]
    lines = [f"{a.requests} requests ({len(texts)} distinct parameterised saved queries) from {a.clients} clients on "
             f"{a.store}, kg serve --workers {a.workers}; load average {load_before:.2f} before, {load_after:.2f} "
             "after.", "",
             "| server | idle RSS (MB) | RSS after (MB) | p50 (ms) | p95 (ms) | max (ms) | requests/s | 200 |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, r in out.items():
        lines.append(f"| {name} | {r['idle_rss_mb']:.0f} | {r['loaded_rss_mb']:.0f} | {r['p50_ms']:.1f} | "
                     f"{r['p95_ms']:.1f} | {r['max_ms']:.0f} | {r['rps']:.1f} | {r['ok']}/{r['n']} |")
    ratio = out["kg serve"]["rps"] / out["oxigraph serve"]["rps"]
    lines.append(f"\nkg serve throughput / oxigraph serve: {ratio:.2f}; statuses: "
                 + "; ".join(f"{k} {v['statuses']}" for k, v in out.items()))
    lines += ["", "| saved query | kg serve p50 / p95 (ms) | oxigraph serve p50 / p95 (ms) |", "|---|---:|---:|"]
    for name, kg_q in out["kg serve"]["by_query"].items():
        ox_q = out["oxigraph serve"]["by_query"][name]
        lines.append(f"| {name} | {kg_q['p50_ms']:.1f} / {kg_q['p95_ms']:.1f} | "
                     f"{ox_q['p50_ms']:.1f} / {ox_q['p95_ms']:.1f} |")
    print("\n".join(lines))
    print(json.dumps(out), file=sys.stderr)


if __name__ == "__main__":
    main()
