"""Find the input documents under files and folders given on the command line."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .errors import ReadError
from .readers import SUPPORTED_SUFFIXES

SIDECAR_SUFFIX = ".meta.json"


def _wanted(name: str) -> bool:
    return (not name.startswith(".") and not name.endswith(SIDECAR_SUFFIX)
            and os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES)


def discover(inputs: Iterable[Path], exclude: Iterable[Path] = ()) -> tuple[list[Path], list[ReadError]]:
    """Expand ``inputs`` into document paths (sorted, de-duplicated by real path) and errors.

    Files named directly are taken whatever their suffix (an unsupported one is an error); folders are
    walked recursively following symlinks (loops are cut), keeping supported, non-hidden files. Files at or
    under ``exclude`` (the build's own outputs and store) are never taken, even inside an input folder.
    """
    found: list[Path] = []
    errors: list[ReadError] = []
    for given in inputs:
        given = Path(given)
        if given.is_dir():
            _walk(given, found, errors)
        elif given.is_file() and not given.is_dir():
            if given.suffix.lower() in SUPPORTED_SUFFIXES:
                found.append(given)
            else:
                errors.append(ReadError(given, f"unsupported file type {given.suffix or '(no suffix)'!r}"))
        elif given.is_symlink():
            errors.append(ReadError(given, "broken symbolic link"))
        elif os.path.lexists(given):
            errors.append(ReadError(given, "not a regular file or directory"))
        else:
            errors.append(ReadError(given, "no such file or directory"))
    seen: set[str] = set()
    unique: list[Path] = []
    own = [os.path.realpath(p) for p in exclude]
    for path in sorted(found, key=str):
        real = os.path.realpath(path)
        if any(real == o or real.startswith(o + os.sep) for o in own):
            continue
        if real not in seen:
            seen.add(real)
            unique.append(path)
    return unique, errors


def _walk(root: Path, found: list[Path], errors: list[ReadError]) -> None:
    visited = {os.path.realpath(root)}

    def onerror(exc: OSError) -> None:
        errors.append(ReadError(exc.filename or root, exc.strerror or str(exc)))

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror, followlinks=True):
        keep = []
        for d in sorted(dirnames):
            if d.startswith("."):
                continue
            real = os.path.realpath(os.path.join(dirpath, d))
            if real in visited:  # symlink loop or second link to a folder already walked
                continue
            visited.add(real)
            keep.append(d)
        dirnames[:] = keep
        for name in filenames:
            if not _wanted(name):
                continue
            path = Path(dirpath, name)
            if not os.path.exists(path):
                errors.append(ReadError(path, "broken symbolic link"))
            elif not path.is_file():  # a FIFO, socket or device named *.txt would block a reader
                errors.append(ReadError(path, "not a regular file"))
            else:
                found.append(path)
