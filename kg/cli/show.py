"""`kg show`: a document's dossier (facts, implementation chain, targets and results, tasks) as one offline page."""

from __future__ import annotations

from pathlib import Path

import typer

from kg.cli._source import HELP
from kg.cli._util import app, console, fail, source_or_default


@app.command("show")
def show_cli(
    doc: str = typer.Argument(..., help="Document number in any spelling (01/nq-cp) or its IRI."),
    graph: Path = typer.Argument(None, help=HELP),
    output: Path = typer.Option(None, "-o", "--output", help="HTML file to write [default: exports/NUMBER.html]."),
    year: int = typer.Option(None, "--year", help="The year, when several documents have the number."),
    texts: Path = typer.Option(None, "--texts",
                               help="Folder of the source texts, embedded as kg explain views [default: the "
                                    "bundled sample]."),
) -> None:
    """Write the dossier of one document: number, issuer, chain, targets beside results, tasks, sources."""
    from kg.pages import PageError
    from kg.pages.show import show
    from kg.store import StoreError

    if output is not None and output.suffix.lower() not in (".html", ".htm"):
        fail(f"{output}: the dossier is an HTML page (use a .html name)")
    slug = "".join(ch if ch.isalnum() else "-" for ch in doc.lower()).strip("-")[:80] or "dossier"
    try:
        report = show(source_or_default(graph), doc, output or Path("exports") / f"{slug}.html", year=year,
                      texts=texts)
    except (PageError, StoreError) as e:
        fail(str(e))
    def n(count: int, word: str) -> str:
        return f"{count} {word}" + ("" if count == 1 else "s")

    console.print(f"[green]wrote[/] {report.path}: {report.iri} ({n(report.targets, 'target')}, "
                  f"{n(report.tasks, 'task')}, {n(report.explained, 'source text')})", highlight=False)
