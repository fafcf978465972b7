"""The temporary store an RDF file is served from, and its removal however the server ends.

The folder (``$TMPDIR/kg-serve-*``) records the server's pid. It is removed when the server exits normally,
by a janitor process when the server is killed (the janitor waits on the lifeline pipe, see
``kg.serve.pool.Lifeline``), and at the next start for any folder whose server is no longer running.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pyoxigraph import DefaultGraph, Store

from kg.pids import pid_alive
from kg.store import FILE_FORMATS, merge_union

PREFIX = "kg-serve-"
OWNER = "kg-serve.pid"


def remove_stale(folder: str | None = None) -> list[Path]:
    """Remove the temporary stores of servers that are gone; return them."""
    removed = []
    for path in Path(folder or tempfile.gettempdir()).glob(PREFIX + "*"):
        try:
            pid = int((path / OWNER).read_text().strip())
        except (OSError, ValueError):
            continue
        if not pid_alive(pid):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def load(source: Path) -> str:
    """Bulk-load an RDF file into a new temporary store with its merged default graph; return the folder."""
    fmt = FILE_FORMATS.get(source.suffix.lower())
    if not source.is_file() or fmt is None:
        raise ValueError(f"{source}: not a store folder or an RDF file (.ttl .nt .nq .trig .jsonld .rdf)")
    tmp = tempfile.mkdtemp(prefix=PREFIX)
    Path(tmp, OWNER).write_text(str(os.getpid()))
    try:
        store = Store(str(Path(tmp, "store")))
        store.bulk_load(path=str(source), format=fmt)
        if any(True for _ in store.named_graphs()):
            merge_union(store)
        store.flush()
        del store
    except (SyntaxError, ValueError, OSError):
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return tmp


def mode_of(store_path: str) -> str:
    """``merged`` (named graphs and their merge as default graph), ``union`` (named graphs only) or ``plain``."""
    store = Store.read_only(store_path)
    try:
        named = any(True for _ in store.named_graphs())
        default = next(iter(store.quads_for_pattern(None, None, None, DefaultGraph())), None) is not None
    finally:
        del store
    return ("merged" if default else "union") if named else "plain"


def start_janitor(folder: str, lifeline_fd: int) -> subprocess.Popen[bytes]:
    """A process that removes ``folder`` once the lifeline reports the server gone."""
    return subprocess.Popen([sys.executable, "-I", "-m", "kg.serve.janitor", folder, str(lifeline_fd)],
                            pass_fds=(lifeline_fd,), stdin=subprocess.DEVNULL)


def remove(folder: str) -> None:
    with contextlib.suppress(OSError):
        shutil.rmtree(folder)
