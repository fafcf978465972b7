"""`kg export`: write a build in a linked-data format, with its VoID/DCAT description."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from kg.cli._source import HELP
from kg.cli._util import app, console, fail, source_or_default
from kg.store import StoreError


@app.command("export")
def export_cli(
    source: Path = typer.Argument(None, help=HELP),
    output: Path = typer.Option(None, "-o", "--output",
                                help="Output file (default: exports/vnkg.<format>); never the input."),
    fmt: str = typer.Option(None, "-f", "--format",
                            help="turtle | nt | nquads | trig | jsonld | rdfxml | graphml | gexf (default: suffix)."),
    base: str = typer.Option(None, "--base", help="Base IRI of the data (default: detected from the data)."),
    void_only: bool = typer.Option(False, "--void-only", help="Write only the VoID/DCAT description."),
    no_void: bool = typer.Option(False, "--no-void", help="Leave the description out."),
    endpoint: str = typer.Option(None, "--endpoint", help="Public SPARQL endpoint (void:sparqlEndpoint)."),
    publisher: str = typer.Option("vnkg", "--publisher", help="dcterms:publisher name."),
    date: str = typer.Option(None, "--date", help="Build date YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today)."),
    dump_base: str = typer.Option(None, "--dump-base", help="URL folder the dumps are published in."),
    dumps: str = typer.Option(None, "--dumps", help="Comma-separated dump formats to describe (default: this one)."),
) -> None:
    """Export a graph (Turtle sorted and stable, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML, GraphML, GEXF)."""
    from kg.export import DescriptionOptions, export, format_for_path, get_format

    source = source_or_default(source)
    try:
        f = get_format(fmt) if fmt else (format_for_path(output) if output else get_format("turtle"))
        when = dt.date.fromisoformat(date) if date else None
        names = [get_format(d.strip()).name for d in dumps.split(",")] if dumps else [f.name]
    except ValueError as e:
        fail(str(e))
    output = output or Path("exports") / f"vnkg{'-void' if void_only else ''}{f.suffix}"
    if output.resolve() == source.resolve() or source.resolve() in output.resolve().parents:
        fail(f"{output} is the input {source}: name another output with -o")
    opts = DescriptionOptions(endpoint=endpoint, publisher=publisher, date=when, dump_base=dump_base,
                              dump_name=source.stem, dumps=names)
    try:
        r = export(source, output, f, base=base, options=opts, with_description=not no_void,
                   description_only=void_only)
    except StoreError as e:
        fail(str(e))
    what = "nodes" if not f.rdf else "triples"
    extra = f" + {r.description_triples} description triples" if r.description_triples and not void_only else ""
    console.print(f"[green]exported[/] {output} ({f.name}): {r.triples} {what}{extra}", highlight=False)
