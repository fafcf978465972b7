"""Process lifetimes: whether a process still runs (the build and the server clean up after dead runs), and
workers that die with the process that started them."""

from __future__ import annotations

import os
import re
import signal
import sys
from collections.abc import Iterable, Iterator
from contextlib import suppress
from pathlib import Path

PR_SET_PDEATHSIG = 1  # linux/prctl.h


def pid_alive(pid: int) -> bool:
    """True if process ``pid`` exists (also when it belongs to another user)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def of_dead_runs(paths: Iterable[Path], name: re.Pattern[str]) -> Iterator[Path]:
    """The ``paths`` whose file name matches ``name`` with, as its first group, the PID of a process that is
    gone: what a killed run left behind (a live run's files, or names without a PID, are never given)."""
    for path in paths:
        m = name.match(path.name)
        if m and not pid_alive(int(m.group(1))):
            yield path


def die_with_parent(parent: int) -> None:
    """In a worker process: be killed (SIGKILL) when ``parent`` dies, even by ``kill -9`` (Linux
    ``PR_SET_PDEATHSIG``; elsewhere a no-op); exit at once if it already died."""
    if sys.platform.startswith("linux"):
        import ctypes

        with suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the death signal was armed
        os._exit(1)
