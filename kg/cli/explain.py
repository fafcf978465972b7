"""`kg explain`: one file's spans, highlighted by kind on an offline page (or as JSON), with their graph nodes."""

from __future__ import annotations

from pathlib import Path

import typer

from kg.cli._util import app, console, fail
from kg.defaults import DEFAULT_BASE


@app.command("explain")
def explain_cli(
    file: Path = typer.Argument(..., help="A text, HTML page, .docx or .pdf (as kg build reads it)."),
    output: Path = typer.Option(None, "-o", "--output",
                                help="File to write. Default: exports/NAME.explain.html; JSON goes to stdout."),
    fmt: str = typer.Option("html", "-f", "--format", help="html (a page) or json (the spans)."),
    base: str = typer.Option(DEFAULT_BASE, "--base", help="Base IRI of minted resources."),
) -> None:
    """Show what vnkg read in one file: every span by kind, its attributes and the IRI it became."""
    from kg.explain import explain
    from kg.ingest import ReadError

    if fmt not in ("html", "json"):
        fail(f"unknown format {fmt!r}: html or json")
    try:
        out = explain(file, output, fmt, base)
    except ReadError as e:
        fail(str(e))
    if isinstance(out, Path):
        console.print(f"[green]wrote[/] {out}", highlight=False)
    else:
        typer.echo(out)
