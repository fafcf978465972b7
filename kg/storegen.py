"""Store builds as one transaction: the new state is built beside the old and switched in one atomic step.

A store folder ``S`` that vnkg builds is a symbolic link to its current *generation*, a complete Oxigraph
store (with its ``vnkg-state.json``) in ``.S.vnkg/`` beside it. A build holds ``.S.vnkg/lock`` (with its
PID), copies the current generation (`Store.backup`: hard links to the immutable files, so it is cheap),
applies its changes to the copy and then replaces the link with one ``rename``. Every reader opens ``S``
and so sees the old or the new store, whatever happens to the build (Ctrl-C, ``kill -9``, a full disk):
leftovers of a dead build are removed when the next one starts. The previous generation is kept until
then, so a reader that opened it just before the switch keeps working.

A store folder written by an older vnkg (a plain Oxigraph directory) is moved into ``.S.vnkg/`` on its
first build; a kill between the two renames of that move is completed by the next build.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from types import TracebackType

from pyoxigraph import Store

from kg import failpoints
from kg.lock import LockHeld, PidLock
from kg.store import GraphStore, StoreError, read_state

_GEN = "gen-"
_NEXT = "next"  # names the generation being switched in during a legacy store's move (crash recovery)
_LEGACY = "legacy"


class StoreBusy(StoreError):
    """Another build holds the store."""


class StoreBuild:
    """``with StoreBuild(S) as b:`` read ``b.state()``, then ``b.stage()`` the next generation, ``b.commit()``."""

    def __init__(self, path: Path, *, wait: bool = False, on_wait: Callable[[str], None] | None = None) -> None:
        self.path = Path(os.path.abspath(path))
        self.home = self.path.parent / f".{self.path.name}.vnkg"
        self._on_wait = on_wait
        self._lock = PidLock(self.home / "lock", wait=wait, on_wait=self._waiting)
        self._staged: GraphStore | None = None
        self._staged_dir: Path | None = None

    # -- lifecycle -------------------------------------------------------------------------------
    def __enter__(self) -> StoreBuild:
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path}: not a store folder")
        try:
            self._lock.__enter__()
        except LockHeld as e:
            raise StoreBusy(f"{self.path}: another kg build ({_who(e.pid)}) is building this store; wait for it "
                            f"to finish (--wait), or stop it (lock: {e.path})") from None
        except OSError as e:
            raise StoreError(f"{self.path}: cannot lock the store ({e.strerror or e})") from e
        self._recover()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            if self._staged_dir is not None:  # not committed: the staged generation goes
                self._staged = None
                _rmtree(self._staged_dir)
        finally:
            self._lock.__exit__(exc_type, exc, tb)

    def _waiting(self, pid: int | None) -> None:
        if self._on_wait is not None:
            self._on_wait(f"{self.path}: another kg build ({_who(pid)}) is building this store; waiting for it")

    # -- reading the current generation ----------------------------------------------------------
    def current(self) -> Path | None:
        """The folder of the current store (a generation, or a legacy store folder), if there is one."""
        return self.path if self.path.is_dir() else None

    def state(self) -> dict[str, dict]:
        """The per-file state of the current store (``{}`` for a new store)."""
        cur = self.current()
        return {} if cur is None else read_state(cur)

    # -- the next generation ---------------------------------------------------------------------
    def stage(self) -> GraphStore:
        """A writable copy of the current store (empty for a new store), in a new generation folder."""
        self.home.mkdir(parents=True, exist_ok=True)
        target = self.home / f"{_GEN}{self._next_number():06d}-{os.getpid()}"
        self._staged_dir = target
        cur = self.current()
        try:
            if cur is not None and any(cur.iterdir()):
                src = Store.read_only(str(cur))
                src.backup(str(target))
                del src
            failpoints.reached("store-copied")
            self._staged = GraphStore(target)
        except OSError as e:
            raise StoreError(f"{self.path}: cannot copy the store ({e})") from e
        return self._staged

    def commit(self) -> None:
        """Switch readers to the staged generation in one atomic rename."""
        assert self._staged is not None and self._staged_dir is not None
        self._staged.flush()
        self._staged = None  # closes the writable store before readers may open it
        target = self._staged_dir
        _drop_logs(target)
        failpoints.reached("before-switch")
        link = self.path.parent / f".{self.path.name}.vnkg-link-{os.getpid()}"
        with suppress(FileNotFoundError):
            link.unlink()
        os.symlink(os.path.relpath(target, self.path.parent), link)
        if self.path.is_dir() and not self.path.is_symlink():  # a legacy store folder: moved aside first
            (self.home / _NEXT).write_text(target.name, encoding="utf-8")
            os.rename(self.path, self.home / _LEGACY)
            failpoints.reached("legacy-moved")
        os.replace(link, self.path)
        self._staged_dir = None
        failpoints.reached("switched")
        with suppress(FileNotFoundError):
            (self.home / _NEXT).unlink()
        _rmtree(self.home / _LEGACY)

    # -- housekeeping ----------------------------------------------------------------------------
    def _recover(self) -> None:
        """Finish an interrupted legacy move, then remove what dead builds left (never the current store)."""
        nxt = self.home / _NEXT
        if not os.path.lexists(self.path) and nxt.is_file():
            name = nxt.read_text(encoding="utf-8").strip()
            if name and (self.home / name).is_dir():
                os.symlink(os.path.relpath(self.home / name, self.path.parent), self.path)
            elif (self.home / _LEGACY).is_dir():
                os.rename(self.home / _LEGACY, self.path)
        with suppress(FileNotFoundError):
            nxt.unlink()
        for p in self.path.parent.glob(f".{self.path.name}.vnkg-link-*"):
            p.unlink(missing_ok=True)
        current = os.path.realpath(self.path)
        if self.home.is_dir():
            for d in self.home.iterdir():
                if (d.name.startswith(_GEN) or d.name == _LEGACY) and os.path.realpath(d) != current:
                    _rmtree(d)

    def _next_number(self) -> int:
        numbers = [int(d.name[len(_GEN):].split("-")[0]) for d in self.home.glob(f"{_GEN}*")
                   if d.name[len(_GEN):].split("-")[0].isdigit()]
        return max(numbers, default=0) + 1


def _who(pid: int | None) -> str:
    return f"PID {pid}" if pid else "another process"


def _drop_logs(folder: Path) -> None:
    """Leave no write-ahead log behind: RocksDB deletes the logs of flushed writes only when the store is next
    opened for writing, so the staged store is opened and closed once (about 40 ms)."""
    if any(p.suffix == ".log" and p.stat().st_size > 64 for p in folder.iterdir()):
        reopened = Store(str(folder))
        del reopened


def _rmtree(path: Path) -> None:
    if path.is_symlink():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path, ignore_errors=True)

