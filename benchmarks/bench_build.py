"""Benchmark `kg build` on generated corpora of 1 000, 10 000 and 100 000 texts.

For each size it reports texts/s, MB of text per second, triples/s, the peak memory (RSS, the whole
process tree: the parent and its workers) of the streaming, parallel build and the load average it ran at
(other work on the machine slows it), and how they grow with corpus size; it runs the naive baseline in the
same run (the same extraction writing into one rdflib Dataset, serialised to Turtle by rdflib) and prints the
ratio, up to `--baseline-max` texts (the baseline holds the whole graph in Python memory: at 100 000 texts it
would need tens of GB).

    python benchmarks/bench_build.py --sizes 1000 10000 100000 --jobs 2

Corpora come from `benchmarks/gen_corpus.py` (deterministic from the seed) and are cached in --work.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_corpus import generate  # noqa: E402

BASELINE = r"""
import sys
from pathlib import Path
from rdflib import Dataset, Graph
from kg.ingest import discover
from kg.rdf.iris import DEFAULT_BASE, Iris
from kg.rdf.mapping import text_quads
from kg.textfile import extract_file
ds = Dataset()
for path in discover([Path(sys.argv[1])])[0]:
    x = extract_file(path, path.name)
    ds.parse(data=text_quads(x.result, DEFAULT_BASE, str(Iris().graph(x.result.text_id)), x.to_original),
             format="nquads")
g = Graph()
for s, p, o, _ in ds.quads((None, None, None, None)):
    g.add((s, p, o))
g.serialize(destination=sys.argv[2], format="turtle")
print(len(g))
"""


def tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, in KB (Linux /proc)."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status", encoding="ascii") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children", encoding="ascii") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def run(cmd: list[str]) -> tuple[float, int, str]:
    """Wall time, peak RSS of the process tree (KB) and stdout of a command."""
    peak = 0
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def sample() -> None:
        nonlocal peak
        while proc.poll() is None:
            peak = max(peak, tree_rss_kb(proc.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    sampler.join()
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {err.strip()[-500:]}")
    return wall, peak, out


def corpus(n: int, work: Path, seed: int) -> tuple[Path, float]:
    folder = work / f"corpus-{n}"
    if not folder.exists() or len(list(folder.iterdir())) != n:
        folder.mkdir(parents=True, exist_ok=True)
        generate(n, folder, seed)
    mb = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
    return folder, mb


def count_lines(path: Path) -> int:
    with path.open("rb") as f:
        return sum(1 for _ in f)


def bench(sizes: list[int], jobs: int, work: Path, seed: int, baseline_max: int) -> list[dict]:
    rows = []
    kg = [sys.executable, "-m", "kg"]
    for n in sizes:
        folder, mb = corpus(n, work, seed)
        out = work / f"out-{n}.nq"
        load = os.getloadavg()[0]
        wall, rss, _ = run([*kg, "build", str(folder), "-o", str(out), "-j", str(jobs), "-q", "--no-shacl"])
        triples = count_lines(out)
        row = {"texts": n, "mb": round(mb, 1), "jobs": jobs, "seconds": round(wall, 1),
               "texts_per_s": round(n / wall), "mb_per_s": round(mb / wall, 2),
               "mb_per_s_per_core": round(mb / wall / jobs, 2), "triples": triples,
               "triples_per_s": round(triples / wall), "peak_rss_mb": round(rss / 1024),
               "load_average": round((load + os.getloadavg()[0]) / 2, 1)}  # 1-minute, before and after
        if jobs > 1 and n <= 10_000:
            w1, _, _ = run([*kg, "build", str(folder), "-o", str(work / f"out-{n}-j1.nq"), "-j", "1", "-q",
                            "--no-shacl"])
            row["seconds_1_job"] = round(w1, 1)
            row["speedup"] = round(w1 / wall, 2)
        if n <= baseline_max:
            bw, brss, _ = run([sys.executable, "-c", BASELINE, str(folder), str(work / f"baseline-{n}.ttl")])
            row["baseline_seconds"] = round(bw, 1)
            row["baseline_peak_rss_mb"] = round(brss / 1024)
            row["speed_ratio"] = round(bw / wall, 1)
        rows.append(row)
        print(json.dumps(row), flush=True)
    return rows


def table(rows: list[dict]) -> str:
    head = ("| texts | MB | jobs | time (s) | texts/s | MB/s | MB/s per core | triples | triples/s | peak RSS (MB) "
            "| 1 job (s) | speed-up | rdflib baseline (s) | baseline RSS (MB) | vnkg vs baseline | load average |")
    lines = [head, "|" + "|".join("---" for _ in range(16)) + "|"]
    for r in rows:
        lines.append("| " + " | ".join(str(r.get(k, "–")) for k in (
            "texts", "mb", "jobs", "seconds", "texts_per_s", "mb_per_s", "mb_per_s_per_core", "triples",
            "triples_per_s", "peak_rss_mb", "seconds_1_job", "speedup", "baseline_seconds", "baseline_peak_rss_mb",
            "speed_ratio", "load_average")) + " |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--work", type=Path, default=Path("/tmp/vnkg-bench"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--baseline-max", type=int, default=10_000)
    ap.add_argument("--json", type=Path, default=HERE / "results-build.json")
    a = ap.parse_args()
    a.work.mkdir(parents=True, exist_ok=True)
    rows = bench(a.sizes, a.jobs, a.work, a.seed, a.baseline_max)
    a.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print(table(rows))


if __name__ == "__main__":
    main()
