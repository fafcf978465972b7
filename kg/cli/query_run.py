"""What `kg query` does, without the command-line framework: parse, bind, run, stream the rows out.

`kg query NAME -p …` is run from here directly (``fast``), skipping Typer, whose parameter coercion imports
pydantic (most of a second of start-up); anything this parser does not take (``--help``, a typo) goes to the
Typer command in ``kg.cli.query``, which calls ``execute`` too, so both paths answer the same.

Results are written as the store yields them: the W3C formats by pyoxigraph's writers straight into stdout,
markdown row by row, CONSTRUCT/DESCRIBE triples through the Turtle writer. Only the aligned terminal table
reads every row first (its column widths depend on them).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from pyoxigraph import QuerySolutions

FORMATS = ("table", "csv", "tsv", "json", "xml", "md")


class Failed(Exception):
    """An error for one line on stderr, with the exit status."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


def execute(query: str | None, expr: str | None, store: Path | None, graph: Path | None, params: list[str],
            fmt: str, allow_federation: list[str], out: BinaryIO, terminal: bool) -> None:
    """Run the query and write its answer to ``out`` (raise Failed with the message and exit status)."""
    from pyoxigraph import QueryBoolean, QueryTriples

    from kg import queries, sparql_io
    from kg.cli._source import NoSource, default_source
    from kg.store import StoreError

    if fmt not in FORMATS:
        raise Failed(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
    if (query is None) == (expr is None):
        raise Failed("give a saved query name or .rq file, or -e 'SELECT …' (exactly one)")
    try:
        saved = queries.resolve(query) if query is not None else None
        text = queries.bind(saved.text if saved else expr, queries.parse_assignments(params),
                            saved.params if saved else ())
    except queries.QueryError as e:
        raise Failed(str(e)) from e
    try:
        source = store or graph or default_source(prefer_store=True)
    except NoSource as e:
        raise Failed(str(e), 1) from e
    try:
        result = queries.run(queries.open_source(source), text, tuple(allow_federation))
        if isinstance(result, QueryTriples):
            from kg.results import TURTLE_PREFIXES

            sparql_io.write_graph(result, out, "turtle", TURTLE_PREFIXES)
        elif fmt in sparql_io.RESULT_FORMATS:
            result.serialize(out, format=sparql_io.RESULT_FORMATS[fmt])
        elif isinstance(result, QueryBoolean):
            out.write(b"true\n" if bool(result) else b"false\n")
        elif fmt == "md":
            from kg.results import markdown_lines

            for line in markdown_lines([v.value for v in result.variables], sparql_io.solution_rows(result)):
                out.write(line.encode())
        elif not terminal:  # a pipe or a file: rows a program can read, never folded
            result.serialize(out, format=sparql_io.RESULT_FORMATS["tsv"])
        else:
            _table(result, saved.title if saved else None, source)
        out.flush()
    except (StoreError, queries.QueryError) as e:
        raise Failed(str(e)) from e
    except BrokenPipeError:
        raise
    except (ValueError, RuntimeError, TypeError, OSError) as e:  # raised by the store while it evaluates
        raise Failed(f"query failed: {e}", 1) from e


def _table(result: QuerySolutions, title: str | None, source: Path) -> None:
    from rich.console import Console

    from kg import results

    variables, rows, _ = results.read_rows(result)
    console = Console(soft_wrap=True)
    fits = results.table_fits(variables, rows, console.width)
    console.print((results.rich_table if fits else results.rich_records)(variables, rows, title=title))
    console.print(f"[dim]{len(rows)} row(s) from {source}[/]", highlight=False)


class _Refuse(Exception):
    """An argument list this parser leaves to Typer."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _Refuse(message)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="kg query", add_help=False, allow_abbrev=False)
    p.add_argument("query", nargs="?")
    p.add_argument("-e", "--expr")
    p.add_argument("--store", type=Path)
    p.add_argument("--graph", type=Path)
    p.add_argument("-p", "--param", action="append", default=[])
    p.add_argument("-f", "--format", default="table")
    p.add_argument("--allow-federation", action="append", default=[])
    return p


def fast(argv: list[str]) -> int | None:
    """Run `kg query ARGS` without Typer; None when the arguments are for Typer to handle (help, errors)."""
    if any(a in ("-h", "--help") for a in argv):
        return None
    try:
        args = _parser().parse_args(argv)
    except _Refuse:
        return None
    try:
        execute(args.query, args.expr, args.store, args.graph, args.param, args.format, args.allow_federation,
                sys.stdout.buffer, sys.stdout.isatty())
    except Failed as e:
        sys.stdout.flush()
        sys.stderr.write(f"error: {e}\n")
        return e.code
    except BrokenPipeError:  # `kg query … | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error when Python exits
        return 0
    return 0
