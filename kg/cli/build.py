"""`kg build`: read a corpus and write its knowledge graph (a file, a store, or both)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kg.build import BuildReport, build_into_store, extract_corpus, sample_corpus, summarise, to_dataset, write_atomic
from kg.cli._util import app, console, err_console, fail
from kg.rdf.iris import DEFAULT_BASE
from kg.store import GraphStore, StoreError


@app.command("build")
def build_cli(
    inputs: list[Path] = typer.Argument(None, help="Files or folders (recursive). Default: the bundled sample."),
    output: Path = typer.Option(None, "-o", "--output",
                                help="Output file, format from suffix (.ttl .nt .nq .trig .jsonld .rdf). "
                                     "Default: exports/sample.ttl for the sample, exports/graph.ttl otherwise."),
    store: Path = typer.Option(None, "--store", help="Oxigraph store folder: build incrementally into it."),
    base: str = typer.Option(DEFAULT_BASE, "--base", help="Base IRI of minted resources."),
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero if any file could not be read."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Print only errors."),
) -> None:
    """Build the knowledge graph of a corpus (default: the bundled sample)."""
    sources = list(inputs) if inputs else [sample_corpus()]
    if output is None and store is None:
        output = Path("exports/sample.ttl") if not inputs else Path("exports/graph.ttl")
    report = BuildReport()
    skipped = 0

    def warn(m: str) -> None:
        err_console.print(f"[yellow]skipped[/] {m}", highlight=False)

    with Progress(TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err_console, transient=True, disable=quiet) as progress:
        task = progress.add_task("extract", total=None)
        tick = lambda _: progress.advance(task)  # noqa: E731
        if store is not None:
            try:
                gs = GraphStore(store)
            except StoreError as e:
                fail(str(e))
            items, errors, skipped = build_into_store(sources, gs, base, on_progress=tick, on_error=warn)
        else:
            items, errors = extract_corpus(sources, on_progress=tick, on_error=warn)
    report.errors = errors
    if not items and not skipped:
        fail("nothing could be built: no readable text in " + ", ".join(map(str, sources)))
    summarise(items, report)
    where = []
    if output is not None:
        if store is not None:
            gs.dump(output, _fmt(output))
            report.triples = len(gs)
        else:
            report.triples = write_atomic(to_dataset(items, base), output)
        where.append(str(output))
    if store is not None:
        where.append(f"store {store} ({len(gs)} quads)")
    if not quiet:
        console.print(f"[green]built[/] {' and '.join(where)}: {report.texts} texts extracted"
                      + (f", {skipped} unchanged" if skipped else "")
                      + f", {report.documents} documents, {report.bodies} bodies, {report.references} references"
                      + (f", {report.triples} triples" if report.triples else "")
                      + (f", [yellow]{len(errors)} skipped[/]" if errors else ""), highlight=False)
    if strict and errors:
        raise typer.Exit(1)


def _fmt(path: Path):
    from kg.store import FILE_FORMATS

    return FILE_FORMATS.get(path.suffix.lower(), FILE_FORMATS[".ttl"])
