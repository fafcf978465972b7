"""The `kg` command line: one module per command, each a thin wrapper over a library function."""

from __future__ import annotations

import os
import sys

from rich.markup import escape

from kg.cli import (  # noqa: F401
    build,
    compare,
    docs,
    explain,
    export,
    publish,
    queries,
    query,
    reason,
    serve,
    show,
    stats,
    validate,
    viz,
)
from kg.cli._util import app, err_console


def main() -> None:
    """Entry point: errors print one line, never a traceback (set VNKG_DEBUG=1 to see it)."""
    try:
        app()  # typer turns Ctrl-C into exit status 130; commands that write say what they kept
    except Exception as e:
        if os.environ.get("VNKG_DEBUG"):
            raise
        what = escape(f"{type(e).__name__}: {e}")
        err_console.print(f"[bold red]error:[/] {what} (set VNKG_DEBUG=1 for the traceback)", highlight=False)
        sys.exit(1)
