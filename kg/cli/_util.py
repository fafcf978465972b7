"""The `kg` Typer application and shared console helpers."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.markup import escape

if TYPE_CHECKING:
    from rich.table import Table

app = typer.Typer(name="kg", help="vnkg: knowledge graphs of Vietnamese government planning documents.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  rich_markup_mode=None)
console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)


def to_terminal() -> bool:
    """Whether stdout is a terminal: tables for people there, tab-separated rows in a pipe or a file."""
    return sys.stdout.isatty()


def write_tsv(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """A header and one line per row, cells separated by tabs (tabs and line breaks in a cell become spaces)."""
    def line(cells: Sequence[str]) -> str:
        return "\t".join(c.replace("\t", " ").replace("\r", " ").replace("\n", " ") for c in cells) + "\n"

    sys.stdout.write(line(columns) + "".join(line(r) for r in rows))


def folded_table(*columns: str, no_wrap: Sequence[str] = (), right: Sequence[str] = ()) -> Table:
    """A terminal table whose long cells wrap at spaces and fold long words (an IRI), never cut with '…'."""
    from rich.table import Table

    table = Table(header_style="bold", show_lines=True)
    for c in columns:
        table.add_column(c, no_wrap=c in no_wrap, overflow="fold", justify="right" if c in right else "left")
    return table


def source_or_default(source: Path | None, prefer_store: bool = False) -> Path:
    """The graph a command reads: the one named, else the one rule of `kg.cli._source`."""
    from kg.cli._source import NoSource, default_source

    if source is not None:
        return source
    try:
        return default_source(prefer_store)
    except NoSource as e:
        fail(str(e))
        raise AssertionError from e  # unreachable: fail() exits


def interrupted() -> None:
    """Ctrl-C during a command that writes: say so in one line and exit 130.

    A fresh console: the interrupt may land inside a progress bar's render, leaving `err_console` buffering.
    """
    Console(stderr=True).print("[red]interrupted[/]: previous outputs are left as they were", highlight=False)
    raise typer.Exit(130)


def fail(message: str, code: int = 1) -> None:
    """Print one error line (never a traceback) and exit."""
    err_console.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    raise typer.Exit(code)


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            console.print(f"vnkg {version('vnkg')}", highlight=False)
        except PackageNotFoundError:
            console.print("vnkg (not installed)", highlight=False)
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", is_eager=True, callback=_print_version,
                                 help="Print the version and exit."),
) -> None:
    """vnkg: knowledge graphs of Vietnamese government planning documents."""
