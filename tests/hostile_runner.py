"""Run hostile cases (issue 12) one process each, for tests/test_hostile_bounds.py and tests/test_hostile_linear.py.

`run_each` starts one Python that loads the pipeline once, then runs a job on each item in a child forked from
it: each item's CPU time, wall time and peak memory are its own, and an item past its alarm is killed instead of
hanging the suite. A job is a module-level function of a module in tests/, ``job(item, *args) -> dict`` of JSON
values; the child reports that dict with ``rss_mb`` (its own peak) added, or ``{"died": status, "rss_mb": …}``
when it gave none (killed, or raised: its traceback goes to the runner's stderr).
"""

from __future__ import annotations

import importlib
import json
import os
import signal
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
Job = Callable[..., dict[str, Any]]


def timed(call: Callable[[], T]) -> tuple[T, dict[str, float]]:
    """``call()`` and what it took: ``{"seconds": wall, "cpu": CPU of this process}``."""
    start, cpu = time.perf_counter(), time.process_time()
    value = call()
    return value, {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu}


def forked(job: Job, item: str, args: Sequence[Any] = (), alarm: int = 0) -> dict[str, Any]:
    """``job(item, *args)`` in a child forked from this process, killed by SIGALRM after ``alarm`` seconds
    (0: never); its result with the child's peak memory (``rss_mb``)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        code = 1
        try:
            signal.alarm(alarm)
            res = job(item, *args)
            with os.fdopen(w, "w", encoding="utf-8") as f:
                json.dump(res, f)
            code = 0
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(code)
    os.close(w)
    with os.fdopen(r, encoding="utf-8") as f:
        data = f.read()
    _, status, usage = os.wait4(pid, 0)
    res = json.loads(data) if data else {"died": status}
    res["rss_mb"] = usage.ru_maxrss / 1024
    return res


def run_each(job: Job, items: Sequence[str], out: Path, *, args: Sequence[Any] = (), alarm: int = 0,
             timeout: float) -> dict[str, dict[str, Any]]:
    """``job`` on each of ``items`` (str, may hold surrogate escapes) in its own process, forked from one that
    loaded the pipeline once and that must end within ``timeout`` seconds; item -> result (see `forked`)."""
    spec = {"job": f"{job.__module__}:{job.__qualname__}", "items": list(items), "args": list(args), "alarm": alarm}
    r = subprocess.run([sys.executable, __file__, os.fspath(out), json.dumps(spec)], capture_output=True, text=True,
                       timeout=timeout)
    assert r.returncode == 0, r.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


def _main(out: str, spec_json: str) -> None:
    spec = json.loads(spec_json)
    module, name = spec["job"].split(":")
    job = getattr(importlib.import_module(module), name)  # tests/ is sys.path[0]: this file runs as a script
    from kg.extraction.pipeline import make_nlp

    make_nlp()  # loaded once; each item is then run in a child forked from here
    results = {item: forked(job, item, spec["args"], spec["alarm"]) for item in spec["items"]}
    Path(out).write_text(json.dumps(results), encoding="utf-8")


if __name__ == "__main__":
    _main(*sys.argv[1:])
