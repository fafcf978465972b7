"""Linked-data exports: one writer per format (`kg.export.writers.WRITERS`), with the VoID/DCAT description.

``export(source, output, "turtle")`` writes a store folder or an RDF file in any format, atomically (temp
file + rename), adding the dataset description (its own named graph ``{base}graph/void`` in quad formats).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import Store
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg.export.void import DescriptionOptions, build_date, describe, description_graph
from kg.export.writers import RDF_FORMATS, WRITERS, Format, format_for_path, get_format, iter_triples
from kg.rdf.iris import DEFAULT_BASE
from kg.rdf.namespaces import PREFIXES, VNKG_NS
from kg.store import GraphStore

__all__ = ["RDF_FORMATS", "WRITERS", "DescriptionOptions", "ExportReport", "build_context", "build_date",
           "describe", "description_graph", "detect_base", "export", "format_for_path", "get_format",
           "iter_triples", "prefixes_for"]

CONTEXT_URL = "https://w3id.org/vnkg/context.jsonld"


@dataclass
class ExportReport:
    path: Path
    format: str
    triples: int  # distinct data triples (nodes for graphml/gexf)
    description_triples: int = 0


def detect_base(store: Store) -> str:
    """The base the data was built with: the prefix of its source-text IRIs (default base if none)."""
    rows = store.query(f"SELECT ?t WHERE {{ ?t a <{VNKG_NS}SourceText> }} LIMIT 1",
                       use_default_graph_as_union=True)
    for row in rows:  # type: ignore[union-attr]
        iri = row["t"].value
        cut = iri.rfind("text/")
        if cut > 0:
            return iri[:cut]
    return DEFAULT_BASE


def prefixes_for(base: str) -> dict[str, str]:
    """The prefixes bound on every export: kg/rdf/namespaces.py plus ``id:`` for the base."""
    out = {p: str(ns) for p, ns in PREFIXES.items()}
    out["id"] = base
    return out


def _open(source: Path | str | GraphStore) -> GraphStore:
    return source if isinstance(source, GraphStore) else GraphStore.open(Path(source))


def export(source: Path | str | GraphStore, output: Path, fmt: str | Format | None = None, *,
           base: str | None = None, options: DescriptionOptions | None = None, with_description: bool = True,
           description_only: bool = False) -> ExportReport:
    """Write `source` (store folder, RDF file or GraphStore) to `output` in `fmt` (default: from the suffix)."""
    f = fmt if isinstance(fmt, Format) else (get_format(fmt) if fmt else format_for_path(output))
    store = _open(source)
    output.parent.mkdir(parents=True, exist_ok=True)
    if not f.rdf:
        from kg import network

        writer = network.write_graphml if f.name == "graphml" else network.write_gexf
        with _atomic(output) as tmp:
            nodes = writer(store, tmp)
        return ExportReport(output, f.name, nodes)
    base = base or detect_base(store.raw)
    if not base.endswith(("/", "#")):
        base += "/"
    opts = options or DescriptionOptions()
    extra = describe(store.raw, base, opts) if (with_description or description_only) else Store()
    data = Store() if description_only else store.raw
    prefixes = prefixes_for(base)
    with _atomic(output) as tmp, open(tmp, "wb") as out:
        f.write(data, extra, prefixes, out)  # type: ignore[misc]
    triples = _triples(extra) if description_only else _triples(data)
    return ExportReport(output, f.name, triples, len(extra))


def _triples(store: Store) -> int:
    rows = list(store.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }",
                            use_default_graph_as_union=True))  # type: ignore[arg-type]
    return int(rows[0]["n"].value)


class _atomic:
    """Context manager yielding a temp path next to `path`, renamed onto it on success."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> str:
        fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        os.close(fd)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(self.tmp, 0o666 & ~mask)
        return self.tmp

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            os.replace(self.tmp, self.path)
        else:
            Path(self.tmp).unlink(missing_ok=True)


# --- the published JSON-LD context -----------------------------------------------------------------

_DATATYPES = {"decimal", "integer", "date", "boolean", "gYear", "dateTime"}


def build_context(ontology: Path) -> dict:
    """The JSON-LD @context of the vnkg terms, generated from the ontology (kg/data/context.jsonld)."""
    onto = Graph().parse(ontology, format="turtle")
    ctx: dict[str, object] = {p: str(ns) for p, ns in sorted(PREFIXES.items())}
    ns = str(VNKG_NS)
    terms: dict[str, object] = {}
    for s in sorted(set(onto.subjects()), key=str):
        if not isinstance(s, URIRef) or not str(s).startswith(ns):
            continue
        name = str(s)[len(ns):]
        if (s, RDF.type, OWL.ObjectProperty) in onto:
            terms[name] = {"@id": f"vnkg:{name}", "@type": "@id"}
        elif (s, RDF.type, OWL.DatatypeProperty) in onto:
            rng = onto.value(s, RDFS.range)
            local = str(rng).rsplit("#", 1)[-1] if rng is not None else ""
            terms[name] = ({"@id": f"vnkg:{name}", "@type": f"xsd:{local}"} if local in _DATATYPES
                           else f"vnkg:{name}")
        elif (s, RDF.type, OWL.Class) in onto or (s, RDF.type, OWL.NamedIndividual) in onto:
            terms[name] = f"vnkg:{name}"
    terms.update({"label": "rdfs:label", "comment": "rdfs:comment", "prefLabel": "skos:prefLabel",
                  "wasDerivedFrom": {"@id": "prov:wasDerivedFrom", "@type": "@id"},
                  "inScheme": {"@id": "skos:inScheme", "@type": "@id"}})
    ctx.update(sorted(terms.items()))
    return {"@context": ctx}


def render_context(ontology: Path) -> str:
    return json.dumps(build_context(ontology), ensure_ascii=False, indent=1) + "\n"
