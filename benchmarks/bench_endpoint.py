"""`kg serve` beside `oxigraph serve` on the same store: idle memory, then 8 concurrent clients sending
parameterised saved queries (one plan's targets, one text's references, one indicator, the plans implementing
one document, one agency's tasks, one issuer's documents, one document's chain), p50/p95 and requests/s.

    python benchmarks/bench_endpoint.py /tmp/me/bench/s10000 --requests 800 --clients 8

The store is one laid out as `kg build --store` does (``bench_queries.py`` makes them: named graphs and the
merged default graph). Both servers get the same request list (values picked from the store, shuffled with
``--seed``), over loopback, each request a POST of ``application/sparql-query`` asking for JSON results.
`kg serve` runs with ``--per-client`` = ``--clients`` (all clients share one address here), ``--workers``
(default 2, its own default) and ``--threads``; the report gives the load average before and after, p50/p95 per
query and the CPU time each server spent on the load. ``--kg-src DIR`` runs another source tree's `kg serve`
(a checkout of the previous version, for before/after runs interleaved in one session).

Modes (``--modes``, each server started afresh for each mode):

* ``cold``: ``--distinct`` requests (every request its own (saved query, value) pair, drawn without
  replacement from every value the store holds, so no answer is asked twice and no cache can help) and
  `kg serve --no-cache`.
* ``warm``: the same distinct requests, each sent once before the clock starts, then all of them again, timed:
  `kg serve`'s answer cache holds every answer (``oxigraph serve``, which has none, gets the same pre-run).
* ``repeat``: the earlier load: ``--per-query`` values per saved query, cycled over ``--requests`` (answers
  asked 2-3 times each), `kg serve` with its cache.

The CPU columns are every process of the server (``CPU``) and, for `kg serve`, its parent alone (the HTTP
front; the rest is its workers).
"""

from __future__ import annotations

import argparse
import json
import math
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


def warm(url: str, texts: list[tuple[str, str]], clients: int) -> None:
    """Send ``texts`` once from ``clients`` threads (before the clock starts; the same for every server)."""
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(lambda t: post(url, t[1]), texts))


def load(url: str, texts: list[tuple[str, str]], requests: int, clients: int) -> dict[str, Any]:
    """Latencies of ``requests`` requests from ``clients`` threads, overall and per saved query."""
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
    """Median, 95th percentile (nearest rank: with few samples, the largest) and maximum, in ms."""
    lat = sorted(seconds)
    return {"p50_ms": statistics.median(lat) * 1000, "p95_ms": lat[max(0, math.ceil(len(lat) * 0.95) - 1)] * 1000,
            "max_ms": lat[-1] * 1000}


def requests_for(store_path: Path, per_query: int, seed: int, distinct: bool = False) -> list[tuple[str, str]]:
    """(saved query, bound text) pairs: ``per_query`` values of each, or with ``distinct`` every value of each."""
    store = Store.read_only(str(store_path))
    rng = random.Random(seed)
    catalogue = load_catalogue()
    texts = []
    for name, (param, pick) in PICK.items():
        if name == "themes-and-mottos":  # a year: an answer that grows with the corpus, not a lookup
            continue
        values = sorted(r["v"].value for r in store.query(pick))
        for v in values if distinct else rng.sample(values, min(per_query, len(values))):
            texts.append((name, with_prefixes(bind(catalogue[name].text, {param: v}, catalogue[name].params))))
    del store
    rng.shuffle(texts)
    return texts


def own_cpu_seconds(pid: int) -> float:
    """CPU time of the process alone (not its children)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def cpu_seconds(pid: int) -> float:
    """CPU time of a process, its live descendants and its reaped children, in seconds."""
    tick = os.sysconf("SC_CLK_TCK")
    total, todo, root = 0, [pid], True
    while todo:
        p = todo.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12]) + (int(fields[13]) + int(fields[14]) if root else 0)
            todo += [int(c) for c in Path(f"/proc/{p}/task/{p}/children").read_text().split()]
        except (OSError, IndexError, ValueError):
            pass
        root = False
    return total / tick


LABELS = {"kg": "kg serve", "before": "kg serve (before)", "oxigraph": "oxigraph serve"}


def server_command(name: str, store: Path, port: int, a: argparse.Namespace, cache: bool = True
                   ) -> tuple[list[str], str, dict[str, str]]:
    """The command line, the query URL and the environment of one server."""
    if name == "oxigraph":
        return ([shutil.which("oxigraph") or "oxigraph", "serve-read-only", "--location", str(store),
                 "--bind", f"127.0.0.1:{port}"], f"http://127.0.0.1:{port}/query", dict(os.environ))
    env = dict(os.environ)
    if name == "before":  # another checkout's kg (its workers must then run without -I to see it)
        env["PYTHONPATH"] = str(a.kg_src)
    cmd = [sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(port), "--per-client",
           str(a.clients), "--timeout", "60", "--workers", str(a.workers)]
    if a.threads and name == "kg":
        cmd += ["--threads", str(a.threads)]
    if not cache and name == "kg":
        cmd += ["--no-cache"]
    return cmd, f"http://127.0.0.1:{port}/sparql", env


def measure(name: str, a: argparse.Namespace, texts: list[tuple[str, str]], requests: int,
            warmup: list[tuple[str, str]], cache: bool = True) -> dict[str, Any]:
    """Start one server on the store, let it settle, run the load; its memory and CPU time around the load."""
    cmd, url, env = server_command(name, a.store, free_port(), a, cache)
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        wait_ready(url, proc)
        time.sleep(2)  # kg serve's spare worker starts after the first request
        out: dict[str, Any] = {"idle_rss_mb": rss_mb(proc.pid)}
        warm(url, warmup, a.clients)
        cpu, own = cpu_seconds(proc.pid), own_cpu_seconds(proc.pid)
        out.update(load(url, texts, requests, a.clients))
        out["cpu_s"] = cpu_seconds(proc.pid) - cpu
        out["parent_cpu_s"] = own_cpu_seconds(proc.pid) - own
        out["loaded_rss_mb"] = rss_mb(proc.pid)
        return out
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def run_mode(mode: str, a: argparse.Namespace) -> tuple[str, dict[str, Any]]:
    """One mode's requests on every server: its heading and each server's figures."""
    if mode == "repeat":
        texts = requests_for(a.store, a.per_query, a.seed)
        requests, warmup, cache = a.requests, texts[:a.clients], True
        what = f"{requests} requests cycling over {len(texts)} distinct ones ({a.per_query} values per saved query)"
    else:
        texts = requests_for(a.store, a.per_query, a.seed, distinct=True)[:a.requests]
        requests, cache = len(texts), mode == "warm"
        warmup = texts if mode == "warm" else []
        mix = Counter(name for name, _ in texts)
        what = (f"{requests} distinct requests ({', '.join(f'{k} {v}' for k, v in sorted(mix.items()))})"
                + (", each sent once before the timed run" if mode == "warm" else ", kg serve --no-cache"))
    load_before = os.getloadavg()[0]
    out = {LABELS[name]: measure(name, a, texts, requests, warmup, cache) for name in a.servers.split(",")}
    heading = f"**{mode}**: {what}; load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after."
    return heading, out


def report(heading: str, out: dict[str, dict[str, Any]]) -> list[str]:
    lines = [heading, "", "| server | idle RSS (MB) | RSS after (MB) | p50 (ms) | p95 (ms) | max (ms) | requests/s "
             "| CPU (s) | parent CPU (s) | 200 |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, r in out.items():
        parent = f"{r['parent_cpu_s']:.1f}" if name != "oxigraph serve" else "–"
        lines.append(f"| {name} | {r['idle_rss_mb']:.0f} | {r['loaded_rss_mb']:.0f} | {r['p50_ms']:.1f} | "
                     f"{r['p95_ms']:.1f} | {r['max_ms']:.0f} | {r['rps']:.1f} | {r['cpu_s']:.1f} | {parent} | "
                     f"{r['ok']}/{r['n']} |")
    if "oxigraph serve" in out:
        ox = out["oxigraph serve"]
        lines.append("\nthroughput / oxigraph serve's: " + "; ".join(
            f"{k} {r['rps'] / ox['rps']:.2f} (CPU {r['cpu_s'] / max(ox['cpu_s'], 0.01):.2f}×)"
            for k, r in out.items() if k != "oxigraph serve"))
    lines.append("statuses: " + "; ".join(f"{k} {v['statuses']}" for k, v in out.items()))
    lines += ["", "| saved query | " + " | ".join(f"{k} p50 / p95 (ms)" for k in out) + " |",
              "|---|" + "---:|" * len(out)]
    for name in next(iter(out.values()))["by_query"]:
        lines.append(f"| {name} | " + " | ".join(f"{r['by_query'][name]['p50_ms']:.1f} / "
                                                 f"{r['by_query'][name]['p95_ms']:.1f}" for r in out.values()) + " |")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--requests", type=int, default=800)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--per-query", type=int, default=25, help="values per saved query (mode repeat)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2, help="kg serve --workers (oxigraph serve: a thread per request)")
    ap.add_argument("--threads", type=int, default=0, help="kg serve --threads (default: its own)")
    ap.add_argument("--servers", default="kg,oxigraph", help="kg, oxigraph, before (kg serve from --kg-src): "
                                                          "comma-separated, in the order they run")
    ap.add_argument("--modes", default="cold,warm", help="cold, warm, repeat: comma-separated, in the order they run")
    ap.add_argument("--distinct", action="store_true", help="distinct requests, no cache: the same as --modes cold")
    ap.add_argument("--kg-src", type=Path, help="the source tree of 'before' (a checkout of an earlier version)")
    a = ap.parse_args()
    if "before" in a.servers.split(",") and not a.kg_src:
        ap.error("--servers before needs --kg-src")
    modes = ["cold"] if a.distinct else a.modes.split(",")
    threads = f" --threads {a.threads}" if a.threads else ""
    print(f"{a.clients} clients on {a.store}, kg serve --workers {a.workers}{threads}"
          f"{f' (before: {a.kg_src})' if a.kg_src else ''}\n")
    results = {}
    for mode in modes:
        heading, out = run_mode(mode, a)
        results[mode] = out
        print("\n".join(report(heading, out)) + "\n", flush=True)
    print(json.dumps(results), file=sys.stderr)


if __name__ == "__main__":
    main()
