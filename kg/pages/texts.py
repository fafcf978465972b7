"""The source texts of a corpus folder, found by what the graph records of each (its file name and text id).

Only files inside the folder are ever read: a text is looked up among the files found by walking the folder, by
the base name the graph records (``vnkg:fileName``), so no name with a separator or ``..`` can match, and a file
whose real path lies outside the folder (a symbolic link out) is passed over. Among files of the same name, the
one whose path relative to the folder gives the text's id (``{base}text/{id}``) is chosen.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

RESCAN_AFTER = 5.0  # seconds: a name not found is looked for again in a new walk at most this often


class SourceFolder:
    """A folder of source texts (recursive), walked once and again when a name is missing and the walk is old."""

    def __init__(self, folder: Path) -> None:
        self.root = folder.resolve()
        self._names: dict[str, list[Path]] = {}
        self._scanned = float("-inf")
        self._lock = threading.Lock()

    def _scan(self) -> None:
        names: dict[str, list[Path]] = {}
        if self.root.is_dir():
            for p in sorted(self.root.rglob("*")):
                if p.is_file() and p.resolve().is_relative_to(self.root):
                    names.setdefault(p.name, []).append(p)
        self._names, self._scanned = names, time.monotonic()

    def find(self, name: str, text_iri: str = "") -> Path | None:
        """The file of the text named ``name`` (the graph's file name), or None."""
        from kg.extraction.annotations import text_id

        with self._lock:
            if name not in self._names and time.monotonic() - self._scanned > RESCAN_AFTER:
                self._scan()
            found = list(self._names.get(name, []))
        found = [p for p in found if p.is_file() and p.resolve().is_relative_to(self.root)]
        tid = text_iri.rsplit("/", 1)[-1]
        same = [p for p in found if text_id(p.relative_to(self.root).as_posix()) == tid]
        return (same or found or [None])[0]
