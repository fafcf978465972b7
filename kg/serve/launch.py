"""Run `kg serve` in the background from Python (scripts, notebooks, tests, benchmarks).

    with serve_in_background(Path("exports/graph.nq"), "--workers", "2") as url:
        SPARQLWrapper(url + "/sparql") ...

The server is a real subprocess on a free loopback port; leaving the block stops it (then kills it).
"""

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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve_in_background(graph: Path, *args: str, ready_within: float = 40.0,
                        log: Path | None = None) -> Iterator[str]:
    """Yield the server's URL once `/healthz` answers; raise with the server's log if it never does.
    ``graph`` is an RDF file (``--graph``) or a store folder (``--store``)."""
    port = free_port()
    log = log or graph.parent / f"serve-{port}.log"
    with open(log, "wb") as out:
        cmd = [sys.executable, "-m", "kg", "serve", "--store" if graph.is_dir() else "--graph", str(graph),
               "--port", str(port), *args]
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
