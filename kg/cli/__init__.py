"""The `kg` command line: one module per command, each a thin wrapper over a library function."""

from __future__ import annotations

from kg.cli import build  # noqa: F401  (registers the command)
from kg.cli._util import app


def main() -> None:
    app()
