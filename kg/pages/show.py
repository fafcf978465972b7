"""`kg show`: the dossier of one document as one offline HTML file, with the `kg explain` views of its texts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.pages import PageError, store_select, write_atomic

SAMPLE_TEXTS = Path(__file__).resolve().parent.parent / "sample"


@dataclass(slots=True)
class ShowReport:
    path: Path
    iri: str
    targets: int
    tasks: int
    explained: int  # source texts embedded with their explain view


def find_texts(names: set[str], folder: Path) -> dict[str, Path]:
    """The files under ``folder`` (recursive) with these names (the first found of each name)."""
    found: dict[str, Path] = {}
    if folder.is_dir():
        for p in sorted(folder.rglob("*")):
            if p.name in names and p.is_file() and p.name not in found:
                found[p.name] = p
    return found


def show(source, ref: str, output: Path, *, year: int | None = None, texts: Path | None = None) -> ShowReport:
    """Write the dossier of the document ``ref`` (a number in any spelling, or an IRI) of a store or RDF file.

    The texts the facts were read from are looked up by file name under ``texts`` (default: the bundled
    sample) and embedded as their `kg explain` views; a text not found keeps its sentences only.
    """
    from kg.dossier import gather, resolve
    from kg.network import open_graph
    from kg.pages.dossier_html import render

    select = store_select(open_graph(source))
    iri = resolve(select, ref, year)
    d = gather(select, iri)
    used = {a.text: a.file for a in [*d.sources, *(x.anchor for x in [*d.targets, *d.tasks, *d.statements]
                                                   if x.anchor is not None)] if a.file}
    found = find_texts(set(used.values()), texts or SAMPLE_TEXTS)
    explain = {}
    if found:
        from kg.explain import explain_file, render_html
        from kg.ingest import ReadError

        for text_iri, name in sorted(used.items()):
            if name in found:
                try:
                    explain[text_iri] = (name, render_html(explain_file(found[name])))
                except ReadError as e:
                    raise PageError(f"{found[name]}: cannot read the source text ({e})") from e
    write_atomic(output, render(d, lambda _iri: None, explain=explain))
    return ShowReport(output, iri, len(d.targets), len(d.tasks), len(explain))
