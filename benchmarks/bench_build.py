"""Benchmark `kg build` on generated corpora of 1 000, 10 000 and 100 000 texts.

For each size it reports texts/s, MB of text per second, triples/s, the peak memory (RSS, the whole
process tree: the parent and its workers) of the streaming, parallel build and the load average it ran at
(other work on the machine slows it), and how they grow with corpus size; it runs the naive baseline in the
same run (the same extraction writing into one rdflib Dataset, serialised to Turtle by rdflib) and prints the
ratio, up to `--baseline-max` texts (the baseline holds the whole graph in Python memory: at 100 000 texts it
would need tens of GB).

    python benchmarks/bench_build.py --sizes 1000 10000 100000 --jobs 2

Each run also reports its CPU time (user + system, the process tree), which the machine's other load
inflates much less than wall time. ``--components N`` instead profiles the per-file map in one process over
the first N texts of the 1 000-text corpus: the CPU time of each step (reading and cleaning, spaCy's
``make_doc``, each pipeline component, the span result; the rest of the map is the N-Quads mapping and its
checks) and its share. Run it with ``PYTHONPATH=`` an older copy of the package to compare.

Corpora come from `benchmarks/gen_corpus.py` (deterministic from the seed) and are cached in --work.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run(cmd: list[str]) -> tuple[float, int, str, float]:
    """Wall time, peak RSS of the process tree (KB), stdout and CPU seconds (the process tree) of a command."""
    peak = 0
    cpu0 = _children_cpu()
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
    return wall, peak, out, _children_cpu() - cpu0


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
        wall, rss, _, cpu = run([*kg, "build", str(folder), "-o", str(out), "-j", str(jobs), "-q", "--no-shacl"])
        triples = count_lines(out)
        row = {"texts": n, "mb": round(mb, 1), "jobs": jobs, "seconds": round(wall, 1), "cpu_seconds": round(cpu, 1),
               "texts_per_s": round(n / wall), "mb_per_s": round(mb / wall, 2),
               "mb_per_s_per_core": round(mb / wall / jobs, 2), "triples": triples,
               "triples_per_s": round(triples / wall), "peak_rss_mb": round(rss / 1024),
               "load_average": round((load + os.getloadavg()[0]) / 2, 1)}  # 1-minute, before and after
        if jobs > 1 and n <= 10_000:
            w1, _, _, c1 = run([*kg, "build", str(folder), "-o", str(work / f"out-{n}-j1.nq"), "-j", "1", "-q",
                                "--no-shacl"])
            row["seconds_1_job"] = round(w1, 1)
            row["cpu_seconds_1_job"] = round(c1, 1)
            row["speedup"] = round(w1 / wall, 2)
        if n <= baseline_max:
            bw, brss, _, _ = run([sys.executable, "-c", BASELINE, str(folder), str(work / f"baseline-{n}.ttl")])
            row["baseline_seconds"] = round(bw, 1)
            row["baseline_peak_rss_mb"] = round(brss / 1024)
            row["speed_ratio"] = round(bw / wall, 1)
        rows.append(row)
        print(json.dumps(row), flush=True)
    return rows


def components(folder: Path, n: int) -> list[tuple[str, float]]:
    """CPU seconds of each step of the per-file map over the first `n` texts of `folder`, in one process: each
    text's whole map (`kg.stream.map_text`) is timed, then each step of its extraction again (interleaved, so
    other load spreads over both); what the steps leave of the map is the N-Quads mapping and its checks."""
    from kg.extraction.annotations import new_annotations
    from kg.extraction.pipeline import make_nlp
    from kg.extraction.spans import result_from_spans
    from kg.ingest.names import safe_name
    from kg.rdf.iris import DEFAULT_BASE
    from kg.stream import map_text
    from kg.textfile import clean_file

    files = sorted(folder.glob("*.txt"))[:n]
    map_text((str(files[0]), files[0].name, DEFAULT_BASE, 0.0))  # imports and the pipeline: not timed
    cpu = time.process_time
    nlp = make_nlp()
    steps: dict[str, float] = {}
    total = 0.0

    def timed(name: str, fn: Callable[..., Any], *args: Any, **kw: Any) -> Any:
        t = cpu()
        out = fn(*args, **kw)
        steps[name] = steps.get(name, 0.0) + cpu() - t
        return out

    for p in files:
        t0 = cpu()
        map_text((str(p), p.name, DEFAULT_BASE, 0.0))
        total += cpu() - t0
        c = timed("read and clean", clean_file, p)
        doc = timed("spaCy make_doc", nlp.make_doc, c.text)
        doc._.vnkg = new_annotations(c.text, file_name=safe_name(p.name), rel_path=p.name, fmt=c.fmt, meta=c.meta)
        for name, proc in nlp.pipeline:
            doc = timed(name, proc, doc)
        timed("span result", result_from_spans, doc)
    rows = sorted(steps.items(), key=lambda kv: -kv[1])
    rows.append(("N-Quads mapping and the rest of the map", total - sum(steps.values())))
    rows.append(("the whole map", total))
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
    ap.add_argument("--components", type=int, metavar="N", help="profile the per-file map over N texts instead")
    a = ap.parse_args()
    a.work.mkdir(parents=True, exist_ok=True)
    if a.components:
        folder, _ = corpus(1000, a.work, a.seed)
        load = os.getloadavg()[0]
        rows = components(folder, a.components)
        total = rows[-1][1]
        print(f"| step ({a.components} texts, load average {load:.1f}-{os.getloadavg()[0]:.1f}) | CPU s | share |")
        print("|---|---:|---:|")
        for name, sec in rows:
            print(f"| {name} | {sec:.2f} | {100 * sec / total:.1f}% |")
        return
    rows = bench(a.sizes, a.jobs, a.work, a.seed, a.baseline_max)
    a.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print(table(rows))


if __name__ == "__main__":
    main()
