"""The `kg` command line: one module per command, each a thin wrapper over a library function."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer


def _app(command: str | None = None) -> typer.Typer:
    """The Typer app, with every command registered (only `serve` for `kg serve`: the server's parent
    process holds no more than serving needs)."""
    if command == "serve":
        from kg.cli import serve
        from kg.cli._util import app

        return app
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
    from kg.cli._util import app

    return app


def __getattr__(name: str) -> object:
    """``from kg.cli import app``: the commands are imported when the app is asked for, not before, so
    `kg query` can run without loading Typer (``kg.cli.query_run``)."""
    if name == "app":
        return _app()
    raise AttributeError(name)


def main() -> None:
    """Entry point: errors print one line, never a traceback (set VNKG_DEBUG=1 to see it)."""
    if sys.argv[1:2] == ["query"]:
        from kg.cli.query_run import fast

        code = fast(sys.argv[2:])
        if code is not None:
            sys.exit(code)
    app = _app(sys.argv[1] if len(sys.argv) > 1 else None)
    try:
        app()  # typer turns Ctrl-C into exit status 130; commands that write say what they kept
    except Exception as e:
        if os.environ.get("VNKG_DEBUG"):
            raise
        from rich.markup import escape

        from kg.cli._util import err_console

        what = escape(f"{type(e).__name__}: {e}")
        err_console.print(f"[bold red]error:[/] {what} (set VNKG_DEBUG=1 for the traceback)", highlight=False)
        sys.exit(1)
