"""`kg build`: read a corpus and write its knowledge graph (a file, a store, or both)."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from kg.cli._source import record_build
from kg.cli._util import app, console, err_console, fail, interrupted
from kg.defaults import DEFAULT_BASE, DEFAULT_TIMEOUT

if TYPE_CHECKING:
    from kg.stream import BuildReport

SHACL_LIMIT = 500_000  # pyshacl works in memory: larger graphs are validated on demand with `kg validate`


@app.command("build")
def build_cli(
    inputs: list[Path] = typer.Argument(None, help="Files or folders (recursive). Default: the bundled sample."),
    output: Path = typer.Option(None, "-o", "--output",
                                help="Output file, format from suffix (.ttl .nt .nq .trig .jsonld .rdf). "
                                     "Default: exports/sample.ttl for the sample, exports/graph.ttl otherwise."),
    store: Path = typer.Option(None, "--store", help="Oxigraph store folder: build incrementally into it."),
    wait: bool = typer.Option(False, "--wait", help="If another build holds the store, wait for it to finish."),
    base: str = typer.Option(DEFAULT_BASE, "--base", help="Base IRI of minted resources."),
    provenance: str = typer.Option("full", "--provenance",
                                   help="full: mentions and spans with their anchor text and sentence; spans: "
                                        "offsets without the copied text; none: facts derived from their text."),
    jobs: int = typer.Option(0, "-j", "--jobs", help="Worker processes (0: all cores)."),
    executor: str = typer.Option("process", "--executor", help="process (local) or dask."),
    scheduler: str = typer.Option(None, "--scheduler", help="Dask scheduler address (default: a local cluster)."),
    timeout: float = typer.Option(DEFAULT_TIMEOUT, "--timeout", help="Time limit per file, in seconds (0: none)."),
    partitions: Path = typer.Option(None, "--partitions", help="Also write one N-Quads file per text here."),
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero if any file could not be read."),
    shacl: bool = typer.Option(True, "--shacl/--no-shacl", help="Validate the result with the SHACL shapes."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Print only errors."),
    limit: list[str] = typer.Option(None, "--limit", metavar="NAME=VALUE",
                                    help="Change a per-file limit for this build (repeatable), e.g. "
                                         "max_text_chars=1000000; the names and defaults are in kg/limits.py."),
) -> None:
    """Build the knowledge graph of a corpus (default: the bundled sample)."""
    from rich.markup import escape
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from kg.build import sample_corpus
    from kg.ingest.discover import discover
    from kg.ingest.names import safe_name
    from kg.store import FILE_FORMATS, GraphStore, StoreError
    from kg.stream import build_corpus
    from kg.validate import validate_graph

    sources = list(inputs) if inputs else [sample_corpus()]
    if output is None and store is None and partitions is None:
        output = Path("exports/sample.ttl") if not inputs else Path("exports/graph.ttl")
    if output is not None and output.suffix.lower() not in FILE_FORMATS:
        fail(f"{output}: unknown output format {output.suffix or '(no suffix)'!r} "
             f"(use {' '.join(sorted(FILE_FORMATS))})", 2)
    from kg.rdf.mapping import PROVENANCE

    if provenance not in PROVENANCE:
        fail(f"--provenance must be one of {', '.join(PROVENANCE)}, not {provenance!r}", 2)
    if executor not in ("process", "dask"):
        fail(f"--executor must be 'process' or 'dask', not {executor!r}")
    _set_limits(limit or [])

    def skipped(m: str) -> None:
        err_console.print(f"[yellow]skipped[/] {escape(safe_name(m))}", highlight=False)

    def warning(m: str) -> None:
        if not quiet:
            err_console.print(f"[yellow]warning[/] {escape(safe_name(m))}", highlight=False)

    def waiting(m: str) -> None:
        err_console.print(f"[yellow]waiting[/] {escape(safe_name(m))}", highlight=False)

    # `kill` cleans up like Ctrl-C (what kill -9 leaves, the next build removes); restored after the build
    old_term = signal.signal(signal.SIGTERM, _terminate)

    # the same walk the build makes, for the bar's total and time left (a walk costs little beside the build)
    total = None if quiet else len(discover(sources, exclude=[p for p in (output, partitions, store) if p])[0])
    with Progress(TextColumn("[bold]building"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("left"), TimeRemainingColumn(), console=err_console, transient=True,
                  disable=quiet) as progress:
        task = progress.add_task("build", total=total)
        try:
            report = build_corpus(sources, output=output, store=store, base=base, jobs=jobs or os.cpu_count() or 1,
                                  executor=executor, scheduler=scheduler, timeout=timeout, partitions=partitions,
                                  provenance=provenance,
                                  on_progress=lambda _: progress.advance(task), on_error=skipped,
                                  on_warning=warning, wait=wait, on_wait=waiting)
        except KeyboardInterrupt:
            progress.stop()
            interrupted()
        except StoreError as e:
            progress.stop()
            fail(str(e))
        finally:
            signal.signal(signal.SIGTERM, old_term)
    if report.texts == 0 and report.skipped == 0:
        fail("nothing could be built: no readable text in " + ", ".join(map(str, sources)))
    if report.texts or report.skipped:  # a store rebuild that changed nothing is still the last build
        record_build(output, store)
    where = [str(output)] if output is not None else []
    if store is not None:
        where.append(f"store {store}")
    if partitions is not None:
        where.append(f"partitions in {partitions}")
    if not quiet:
        console.print(f"[green]built[/] {escape(' and '.join(where))}: {_summary(report, store)}"
                      + (f", [yellow]{len(report.errors)} skipped[/]" if report.errors else ""), highlight=False)
    if shacl and report.triples and report.triples <= SHACL_LIMIT:
        result = validate_graph(output if output is not None else GraphStore.open(store))
        if not (quiet and result.conforms):
            (console if result.conforms else err_console).print(result.summary(), highlight=False)
    elif shacl and report.triples > SHACL_LIMIT and not quiet:
        err_console.print(f"[yellow]warning[/] SHACL not run: {report.triples:,} triples is more than the "
                          f"{SHACL_LIMIT:,} validated in memory during a build; check the result with "
                          f"`kg validate {escape(str(output if output is not None else store))}`", highlight=False)
    if strict and report.errors:
        raise typer.Exit(1)


def _summary(report: BuildReport, store: Path | None) -> str:
    """What was read and what the graph holds; an incremental build counts the whole store, not the texts it read."""
    counts = {"documents": report.documents, "bodies": report.bodies, "references": report.references}
    if report.skipped and store is not None:
        from kg.stats import holdings

        counts = holdings(store)
    held = ", ".join(f"{n} {what}" for what, n in counts.items()) + f", {report.triples} triples"
    if not report.skipped:
        return f"{report.texts} text{'s' * (report.texts != 1)} extracted, {held}"
    read = (f"{report.texts} text{'s' * (report.texts != 1)} extracted, {report.skipped} unchanged" if report.texts
            else f"no text new or changed ({report.skipped} unchanged)")
    return f"{read}; the store holds {held}"


def _terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _set_limits(specs: list[str]) -> None:
    """Apply ``--limit NAME=VALUE`` options (refused before any work when malformed)."""
    from kg import limits

    overrides: dict[str, int] = {}
    for spec in specs:
        name, sep, value = spec.partition("=")
        if not sep or not value.strip().replace("_", "").isdigit():
            fail(f"--limit {spec!r}: expected NAME=VALUE with a whole number (names: {', '.join(limits.names())})", 2)
        overrides[name.strip()] = int(value.strip().replace("_", ""))
    try:
        limits.configure(overrides)
    except ValueError as e:
        fail(f"--limit: {e}", 2)
