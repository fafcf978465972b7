"""Dossier and indicator pages on generated corpora: `kg show`'s and `kg compare`'s work, and the served pages.

    python benchmarks/bench_pages.py [--sizes 1000 10000] [--runs 5]

For each size a corpus is generated (`gen_corpus.py`, seed 1) and built into a store (`kg build --store`);
then, on that store, the median of ``--runs``: gathering and rendering the dossier of the document most
implemented (01/NQ-CP of the commonest year) and of one plan, the GRDP growth comparison, the indicator
index; and the same pages fetched from `kg serve --timeout 300 --texts CORPUS` (workers, JSON results; the
default 10 s per-query limit is what a server facing a network should keep), with the plan's text opened
(`/explain/ID`: read and explained the first time, then kept). Prints the load average.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def median_time(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def bench(n: int, runs: int) -> str:
    """One size: generate, build into a store, time the pages; one Markdown table row."""
    import httpx
    from gen_corpus import generate

    from kg.compare import compare, index
    from kg.dossier import gather, resolve
    from kg.pages import store_select
    from kg.pages.compare_html import render as render_compare
    from kg.pages.dossier_html import render as render_dossier
    from kg.serve.launch import serve_in_background
    from kg.store import GraphStore

    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp:
        corpus, store_dir = Path(tmp, "corpus"), Path(tmp, "store")
        generate(n, corpus)
        subprocess.run(["kg", "build", str(corpus), "--store", str(store_dir), "-q", "--no-shacl"], cwd=tmp,
                       check=True)
        store = GraphStore.open(store_dir)
        select = store_select(store)
        rows = select("SELECT ?y (COUNT(?p) AS ?n) WHERE { ?d vnkg:documentNumber \"01/NQ-CP\" ; vnkg:year ?y . "
                      "?p vnkg:implements ?d } GROUP BY ?y ORDER BY DESC(?n) LIMIT 1")
        nq = resolve(select, "01/NQ-CP", int(rows[0]["y"]))
        plan = select("SELECT ?p WHERE { ?p vnkg:implements ?d ; vnkg:hasTarget ?t } LIMIT 1")[0]["p"]
        t_nq, _ = median_time(lambda: render_dossier(gather(select, nq), lambda _i: None), runs)
        chain = len(gather(select, nq).chain)
        t_plan, _ = median_time(lambda: render_dossier(gather(select, plan), lambda _i: None), runs)
        t_cmp, _ = median_time(lambda: render_compare(compare(select, "grdp-growth"), lambda _i: None), runs)
        figures = len(compare(select, "grdp-growth").points)
        t_idx, _ = median_time(lambda: index(select), runs)
        triples = len(store)
        path = "/id/" + nq[len("https://w3id.org/vnkg/id/"):]
        plan_path = "/id/" + plan[len("https://w3id.org/vnkg/id/"):]
        # the figure, not the default limit; --texts: facts open in their texts (/explain/ID)
        with serve_in_background(store_dir, "--timeout", "300", "--texts", str(corpus)) as url:
            def get(p: str) -> str:
                answer = httpx.get(url + p, headers={"Accept": "text/html"}, timeout=120)
                answer.raise_for_status()
                return answer.text

            get(path)  # the workers warm
            t_sd, _ = median_time(lambda: get(path), runs)
            t_sp, page = median_time(lambda: get(plan_path), runs)
            explain = re.search(r'"src": "(/explain/[0-9a-f]+)"', page).group(1)
            t_cold, _ = median_time(lambda: get(explain), 1)  # the text read and explained
            t_warm, _ = median_time(lambda: get(explain), runs)  # kept
            t_si, _ = median_time(lambda: get("/indicator/grdp-growth"), runs)
    return (f"| {n:,} | {triples:,} | {t_nq:.2f} | {chain} documents | {t_plan:.3f} | {t_cmp:.2f} | {figures:,} | "
            f"{t_idx:.2f} | {t_sd:.2f} | {t_sp:.3f} | {t_cold:.2f} / {t_warm:.3f} | {t_si:.2f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    print("load average at start: {:.2f}, {:.2f}, {:.2f}".format(*os.getloadavg()))
    print("| texts | triples | dossier 01/NQ-CP (s) | its chain | dossier of a plan (s) | compare grdp-growth (s) | "
          "figures | index (s) | served dossier (s) | served plan (s) | its text's explain view, first / again (s) | "
          "served indicator (s) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in args.sizes:
        print(bench(n, args.runs), flush=True)
    print("load average at end: {:.2f}, {:.2f}, {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
