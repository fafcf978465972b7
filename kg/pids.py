"""Process lifetimes: whether a process still runs (the build and the server clean up after dead runs), and
workers that die with the process that started them."""

from __future__ import annotations

import os
import signal
import sys
from contextlib import suppress

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


def die_with_parent(parent: int) -> None:
    """In a worker process: be killed (SIGKILL) when ``parent`` dies, even by ``kill -9`` (Linux
    ``PR_SET_PDEATHSIG``; elsewhere a no-op); exit at once if it already died."""
    if sys.platform.startswith("linux"):
        import ctypes

        with suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the death signal was armed
        os._exit(1)
