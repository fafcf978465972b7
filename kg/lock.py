"""An exclusive lock file holding its holder's PID (``flock``: released by the kernel when the holder dies,
even by ``kill -9``, so a stale lock never blocks a build)."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable
from pathlib import Path
from types import TracebackType


class LockHeld(Exception):
    """Another live process holds the lock; ``pid`` is the holder's, when it wrote one."""

    def __init__(self, path: Path, pid: int | None) -> None:
        self.path = path
        self.pid = pid
        super().__init__(path, pid)


class PidLock:
    """``with PidLock(path):`` holds ``path`` exclusively, or raises :class:`LockHeld` at once; with ``wait``
    it waits for the holder instead, calling ``on_wait(pid)`` once before it does."""

    def __init__(self, path: Path, *, wait: bool = False, on_wait: Callable[[int | None], None] | None = None,
                 ) -> None:
        self.path = path
        self.wait = wait
        self.on_wait = on_wait
        self._fd: int | None = None

    def __enter__(self) -> PidLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = _read_pid(fd)
            if not self.wait:
                os.close(fd)
                raise LockHeld(self.path, pid) from None
            if self.on_wait is not None:
                self.on_wait(pid)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)  # Ctrl-C still interrupts the wait
            except BaseException:
                os.close(fd)
                raise
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            os.close(self._fd)  # closing releases the flock
            self._fd = None


def _read_pid(fd: int) -> int | None:
    try:
        return int(os.pread(fd, 32, 0).decode("ascii").strip())
    except (OSError, ValueError):
        return None
