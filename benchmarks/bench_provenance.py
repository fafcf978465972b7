"""Benchmark `kg build --provenance full|spans|none`: output size and build time at each level.

For one corpus (a folder, or `gen_corpus.py --n N` cached in --work) it runs `kg build CORPUS -o X.nq
--provenance LEVEL --no-shacl` for the three levels, interleaved `--runs` times (full, spans, none, full, …),
and reports per level the median CPU time (the build and its workers; steadier than wall time on a shared
machine), the median wall time, the N-Quads size and the number of quads, with the load average before and
after.

    python benchmarks/bench_provenance.py --corpus /tmp/me/bench/corpus-1000 --runs 3 --jobs 2
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_store import KG, load_average, timed_cpu  # noqa: E402
from gen_corpus import generate  # noqa: E402

LEVELS = ("full", "spans", "none")


def bench(corpus: Path, runs: int, jobs: int, out_dir: Path) -> dict[str, dict]:
    times: dict[str, list[tuple[float, float]]] = {level: [] for level in LEVELS}
    sizes: dict[str, tuple[int, int]] = {}
    for _ in range(runs):
        for level in LEVELS:
            out = out_dir / f"{level}.nq"
            times[level].append(timed_cpu([*KG, "build", str(corpus), "-o", str(out), "--provenance", level,
                                           "--no-shacl", "-q", "-j", str(jobs)]))
            with out.open("rb") as f:
                sizes[level] = (out.stat().st_size, sum(1 for _ in f))
    return {level: {"cpu_s": round(statistics.median(c for _, c in times[level]), 2),
                    "wall_s": round(statistics.median(w for w, _ in times[level]), 2),
                    "cpu_runs": [round(c, 2) for _, c in times[level]],
                    "mb": round(sizes[level][0] / 1e6, 1), "quads": sizes[level][1]} for level in LEVELS}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, help="A corpus folder (default: a generated one of --n texts).")
    ap.add_argument("--n", type=int, default=1000, help="Texts to generate when --corpus is not given.")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "vnkg-bench")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    corpus = args.corpus
    if corpus is None:
        corpus = args.work / f"c{args.n}"
        if not corpus.is_dir():
            generate(args.n, corpus, args.seed)
    with tempfile.TemporaryDirectory(prefix="vnkg-prov-") as out_dir:
        before = load_average()
        rows = bench(corpus, args.runs, args.jobs, Path(out_dir))
        after = load_average()
    full = rows["full"]
    print(f"corpus {corpus}, {args.runs} interleaved runs, {args.jobs} jobs, load average {before} -> {after}")
    print("| level | CPU (s), median | vs full | wall (s), median | N-Quads (MB) | vs full | quads |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for level, r in rows.items():
        print(f"| {level} | {r['cpu_s']} | {r['cpu_s'] / full['cpu_s']:.2f}× | {r['wall_s']} | {r['mb']} | "
              f"{r['mb'] / full['mb']:.2f}× | {r['quads']:,} |")
    print(json.dumps({"load_before": before, "load_after": after, "levels": rows}))


if __name__ == "__main__":
    main()
