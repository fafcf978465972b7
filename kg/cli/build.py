"""`kg build`: read a corpus and write its knowledge graph."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kg.build import BuildReport, extract_corpus, sample_corpus, summarise, to_dataset, write_atomic
from kg.cli._util import app, console, err_console, fail
from kg.rdf.iris import DEFAULT_BASE


@app.command("build")
def build_cli(
    inputs: list[Path] = typer.Argument(None, help="Files or folders (recursive). Default: the bundled sample."),
    output: Path = typer.Option(Path("exports/sample.ttl"), "-o", "--output", help="Output file; format from suffix."),
    base: str = typer.Option(DEFAULT_BASE, "--base", help="Base IRI of minted resources."),
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero if any file could not be read."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Print only errors."),
) -> None:
    """Build the knowledge graph of a corpus (default: the bundled sample) into one RDF file."""
    sources = list(inputs) if inputs else [sample_corpus()]
    report = BuildReport()
    with Progress(TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err_console, transient=True, disable=quiet) as progress:
        task = progress.add_task("extract", total=None)
        items, errors = extract_corpus(
            sources, on_progress=lambda _: progress.advance(task),
            on_error=lambda m: err_console.print(f"[yellow]skipped[/] {m}", highlight=False, markup=True))
    report.errors = errors
    if not items:
        fail("nothing could be built: no readable text in " + ", ".join(map(str, sources)))
    summarise(items, report)
    report.triples = write_atomic(to_dataset(items, base), output)
    if not quiet:
        console.print(f"[green]built[/] {output}: {report.texts} texts, {report.documents} documents, "
                      f"{report.bodies} bodies, {report.references} references, {report.triples} triples"
                      + (f", [yellow]{len(errors)} skipped[/]" if errors else ""), highlight=False)
    if strict and errors:
        raise typer.Exit(1)
