"""`kg show`: the dossier of one document as one offline HTML file, with the `kg explain` views of its texts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.pages import PageError, store_select, write_atomic
from kg.pages.texts import SourceFolder

SAMPLE_TEXTS = Path(__file__).resolve().parent.parent / "sample"


@dataclass(slots=True)
class ShowReport:
    path: Path
    iri: str
    targets: int
    tasks: int
    explained: int  # source texts embedded with their explain view


def show(source, ref: str, output: Path, *, year: int | None = None, texts: Path | None = None) -> ShowReport:
    """Write the dossier of the document ``ref`` (a number in any spelling, or an IRI) of a store or RDF file.

    The texts the facts were read from are looked up under ``texts`` (default: the bundled sample; see
    kg.pages.texts) and embedded as their `kg explain` views; a text not found keeps its sentences only.
    """
    from kg.dossier import gather, resolve
    from kg.network import open_graph
    from kg.pages.dossier_html import render

    select = store_select(open_graph(source))
    iri = resolve(select, ref, year)
    d = gather(select, iri)
    folder = SourceFolder(texts or SAMPLE_TEXTS)
    found = {text_iri: path for text_iri, name in sorted(d.files.items()) if (path := folder.find(name, text_iri))}
    explain = {}
    if found:
        from kg.explain import explain_file, render_html
        from kg.ingest import ReadError

        for text_iri, path in found.items():
            try:
                explain[text_iri] = (path.name, render_html(explain_file(path)))
            except ReadError as e:
                raise PageError(f"{path}: cannot read the source text ({e})") from e
    write_atomic(output, render(d, lambda _iri: None, explain=explain))
    return ShowReport(output, iri, len(d.targets), len(d.tasks), len(explain))
