"""`kg docs`: HTML documentation of the ontology."""

from __future__ import annotations

from pathlib import Path

import typer

from kg.cli._util import app, console, fail


@app.command("docs")
def docs_cli(
    output: Path = typer.Option(Path("exports/ontology.html"), "-o", "--output", help="HTML file to write."),
    ontology: Path = typer.Option(None, "--ontology", help="Ontology file (default: ontology/vnkg.ttl)."),
) -> None:
    """Generate the ontology's documentation page (pyLODE)."""
    from kg.docs import DocsError, write_docs

    try:
        size = write_docs(output, ontology)
    except DocsError as e:
        fail(str(e))
    console.print(f"[green]wrote[/] {output} ({size // 1024} KiB)", highlight=False)
