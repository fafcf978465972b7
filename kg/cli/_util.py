"""The `kg` Typer application and shared console helpers."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape

app = typer.Typer(name="kg", help="vnkg: knowledge graphs of Vietnamese government planning documents.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)


def fail(message: str, code: int = 1) -> None:
    """Print one error line (never a traceback) and exit."""
    err_console.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    raise typer.Exit(code)


@app.callback()
def _root() -> None:
    """vnkg: knowledge graphs of Vietnamese government planning documents."""
