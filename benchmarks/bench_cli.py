"""Start-up cost of the command line: `kg --help`, `kg --version` and one parameterised saved query.

    python benchmarks/bench_cli.py [--runs 15]

Each command runs `--runs` times as a fresh process (what a user pays at every call); the script prints the
median and the best wall time with the load average it was taken at, and the modules imported by `kg --help`
that cost the most (``python -X importtime``).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KG = shutil.which("kg") or "kg"


def wall(cmd: list[str], cwd: Path, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def top_imports(cwd: Path, n: int = 8) -> list[tuple[str, float]]:
    out = subprocess.run([sys.executable, "-X", "importtime", "-m", "kg", "--help"], cwd=cwd,
                         capture_output=True, text=True).stderr
    rows = []
    for line in out.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        if m and len(m.group(2)) <= 3:  # top-level and first-level imports
            rows.append((m.group(3), int(m.group(1)) / 1000))
    return sorted(rows, key=lambda r: -r[1])[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cwd = Path(tmp)
        subprocess.run([KG, "build", "--store", "st", "-q", "--no-shacl"], cwd=cwd, check=True)
        cases = {
            "kg --version": [KG, "--version"],
            "kg --help": [KG, "--help"],
            "kg query targets-of-plan -p plan=35/KH-UBND": [KG, "query", "targets-of-plan", "-p",
                                                            "plan=35/KH-UBND", "-f", "csv"],
        }
        print(f"load average before: {os.getloadavg()[0]:.2f}")
        print("| command | median (s) | best (s) |\n|---|---:|---:|")
        for name, cmd in cases.items():
            med, best = wall(cmd, cwd, args.runs)
            print(f"| `{name}` | {med:.3f} | {best:.3f} |")
        print(f"load average after: {os.getloadavg()[0]:.2f}")
        print("\nslowest imports of `kg --help` (cumulative ms):")
        for mod, ms in top_imports(cwd):
            print(f"  {mod:40s} {ms:8.1f}")


if __name__ == "__main__":
    main()
