"""`kg reason`: materialise what the ontology implies (HermiT) into a separate named graph."""

from __future__ import annotations

from pathlib import Path

import typer

from kg.cli._source import HELP
from kg.cli._util import app, console, fail, source_or_default
from kg.store import StoreError


@app.command("reason")
def reason_cli(
    source: Path = typer.Argument(None, help=HELP),
    output: Path = typer.Option(Path("exports/inferred.trig"), "-o", "--output",
                                help="Inferred triples: .trig/.nq (named graph {base}graph/inferred) or .ttl/.nt "
                                     "(the bare triples: Turtle and N-Triples hold no graph name)."),
    base: str = typer.Option(None, "--base", help="Base IRI of the data (default: detected)."),
    with_asserted: bool = typer.Option(False, "--with-asserted", help="TriG/N-Quads: also copy the asserted graphs."),
) -> None:
    """Run OWL reasoning (owlready2 + HermiT) and write only the inferred triples."""
    from kg.reason import QUAD_SUFFIXES, ReasonerError, output_format, reason, write_inferred

    source = source_or_default(source)
    try:
        output_format(output)  # refused before the reasoner runs
    except ValueError as e:
        fail(str(e), 2)
    named = output.suffix.lower() in QUAD_SUFFIXES
    if with_asserted and not named:
        fail(f"--with-asserted needs a .trig or .nq output: {output.suffix} holds no named graphs to keep the "
             "asserted and inferred triples apart", 2)
    try:
        inference = reason(source, base)
        write_inferred(inference, output, source if with_asserted else None)
    except (ReasonerError, StoreError) as e:
        fail(str(e))
    parts = ", ".join(f"{p.rsplit('#', 1)[-1].rsplit('/', 1)[-1]} {n}" for p, n in inference.by_predicate.items())
    where = (f"graph <{inference.graph}>" if named
             else f"no graph name: {output.suffix} holds triples only; .trig or .nq keep <{inference.graph}>")
    console.print(f"[green]inferred[/] {len(inference)} triples over {inference.individuals} individuals into "
                  f"{output} ({where}): {parts}", highlight=False)
