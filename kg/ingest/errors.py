"""Errors raised while reading input documents."""

from __future__ import annotations

from os import PathLike

from .names import safe_name


class ReadError(Exception):
    """A file could not be turned into text; ``str(e)`` is one line ``"<path>: <cause>"`` (path printable)."""

    def __init__(self, path: str | PathLike[str], cause: str | BaseException) -> None:
        self.path = path
        self.cause = cause
        super().__init__(path, cause)

    def __str__(self) -> str:
        cause = self.cause
        if isinstance(cause, BaseException):
            cause = str(cause) or type(cause).__name__
        return safe_name(f"{self.path}: {' '.join(str(cause).split())}")
