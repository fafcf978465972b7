"""What each hostile case of tests/hostile_cases.py costs to read and map (issue 12): CPU time, wall time and peak
memory of `map_text` on it, each in a child forked after the pipeline is loaded, beside a good text.

    python benchmarks/bench_hostile.py                     # every case
    python benchmarks/bench_hostile.py html_deep docx_big_text --read-only   # the readers alone (decode_file)

The cases are generated in a temporary folder (nothing large is kept). Figures depend on the machine's load:
the load average is printed with them, and CPU time is the figure to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hostile_cases import CASES, GOOD

from kg.extraction.pipeline import make_nlp
from kg.ingest.readers import decode_file, read_bytes
from kg.rdf.iris import DEFAULT_BASE
from kg.stream import map_text


def measure(path: Path, read_only: bool) -> dict:
    """Run one file in a forked child; its CPU and wall seconds, peak RSS (MB) and outcome."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        start, cpu = time.perf_counter(), time.process_time()
        warnings: list[str] = []
        try:
            if read_only:
                outcome = f"{len(decode_file(path, read_bytes(path), warnings).text)} chars"
            else:
                out = map_text((str(path), path.name, DEFAULT_BASE, 60.0))
                warnings = out.warnings
                outcome = out.error or f"{out.nquads.count(chr(10))} quads"
        except Exception as e:  # a reader's own error is an outcome here
            outcome = str(e)
        with os.fdopen(w, "w") as f:
            json.dump({"cpu": time.process_time() - cpu, "wall": time.perf_counter() - start,
                       "outcome": outcome[-90:], "warnings": len(warnings)}, f)
        os._exit(0)
    os.close(w)
    with os.fdopen(r) as f:
        data = f.read()
    _, _, usage = os.wait4(pid, 0)
    res = json.loads(data) if data else {"cpu": float("nan"), "wall": float("nan"), "outcome": "died", "warnings": 0}
    return res | {"rss_mb": usage.ru_maxrss / 1024}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cases", nargs="*", help=f"case names (default: all {len(CASES)})")
    ap.add_argument("--read-only", action="store_true", help="time the readers alone, not extraction and mapping")
    args = ap.parse_args()
    names = args.cases or sorted(CASES)
    unknown = sorted(set(names) - set(CASES))
    if unknown:
        ap.error(f"unknown case(s): {', '.join(unknown)}")
    make_nlp()
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'case':34} {'cpu s':>7} {'wall s':>7} {'peak MB':>8}  outcome")
    with tempfile.TemporaryDirectory(prefix="vnkg-bench-hostile-") as tmp:
        good = Path(tmp) / "good" / "good.txt"
        good.parent.mkdir()
        good.write_text(GOOD, encoding="utf-8")
        for name in ["good", *names]:
            path = good if name == "good" else CASES[name](Path(tmp) / name)
            res = measure(path, args.read_only)
            print(f"{name:34} {res['cpu']:7.2f} {res['wall']:7.2f} {res['rss_mb']:8.0f}  {res['outcome']}"
                  + (f" ({res['warnings']} warnings)" if res["warnings"] else ""))
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
