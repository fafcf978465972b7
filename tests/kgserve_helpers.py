"""Start `kg serve` as a real subprocess on a free loopback port (shared by the endpoint and browser tests)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.build import extract_corpus, sample_corpus, to_dataset, write_atomic


def build_sample(folder: Path) -> Path:
    items, errors = extract_corpus([sample_corpus()])
    assert not errors, errors
    path = folder / "sample.nq"
    write_atomic(to_dataset(items), path)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def kg_serve(graph: Path, *args: str, ready_within: float = 40.0) -> Iterator[str]:
    """Yield the server's URL; the process is stopped (then killed) on exit."""
    port = free_port()
    log = graph.parent / f"serve-{port}.log"
    with open(log, "wb") as out:
        cmd = [sys.executable, "-m", "kg", "serve", "--graph", str(graph), "--port", str(port), *args]
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "NO_COLOR": "1"})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + ready_within
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"kg serve exited with {proc.returncode}: {log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"kg serve not ready after {ready_within} s: {log.read_text()[-2000:]}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
