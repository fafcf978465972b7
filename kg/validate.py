"""SHACL validation of a built graph (ontology/shapes.ttl), with the ontology as extra graph so that the
shapes see the class hierarchy (a vnkg:Plan is checked as a vnkg:LegalDocument). No RDFS inference.

``validate_graph(source)`` takes an rdflib Graph/Dataset, a GraphStore, a store folder or an RDF file, and
returns a `Report`: violations grouped by shape (severity, count, an example focus node and message).
Named graphs are validated as one union graph, because a text's graph refers to nodes typed in others.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.namespace import SH

from kg.store import GraphStore

_HERE = Path(__file__).resolve().parent


def ontology_file(name: str = "vnkg.ttl") -> Path:
    """A file of the ontology folder (``kg/ontology/`` in an installed package, else ``ontology/``)."""
    for folder in (_HERE / "ontology", _HERE.parent / "ontology"):
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"ontology file {name} not found (looked in kg/ontology and ontology/)")


@cache
def _parsed(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


@dataclass
class ShapeRow:
    shape: str
    severity: str
    count: int
    focus: str
    message: str


@dataclass
class Report:
    """The outcome of a SHACL run: `conforms` is False if any result has severity Violation."""

    conforms: bool
    triples: int
    rows: list[ShapeRow] = field(default_factory=list)

    @property
    def violations(self) -> int:
        return sum(r.count for r in self.rows if r.severity == "Violation")

    @property
    def warnings(self) -> int:
        return sum(r.count for r in self.rows if r.severity != "Violation")

    def summary(self, hint: bool = True) -> str:
        """One line, e.g. for `kg build` (``hint``: say that `kg validate` gives the table)."""
        if not self.rows:
            return f"SHACL: conforms ({self.triples} triples checked)"
        return (f"SHACL: {self.violations} violations, {self.warnings} warnings in {len(self.rows)} shapes"
                + (" (run kg validate for the table)" if hint else ""))


def _as_graph(source: Graph | Dataset | GraphStore | Path | str) -> Graph:
    if isinstance(source, Dataset):
        g = Graph()
        for s, p, o, _ in source.quads((None, None, None, None)):
            g.add((s, p, o))
        return g
    if isinstance(source, Graph):
        return source
    store = source if isinstance(source, GraphStore) else GraphStore.open(Path(source))
    from kg.export.writers import iter_triples

    lines = "".join(f"{s} {p} {o} .\n" for s, p, o in iter_triples(store.raw))
    return Graph().parse(data=lines, format="nt")


def _short(term: object, graph: Graph) -> str:
    if isinstance(term, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(term)
        except Exception:
            return str(term)
    return "" if term is None else str(term)


def validate_graph(source: Graph | Dataset | GraphStore | Path | str, *, shapes: Path | None = None,
                   ontology: Path | None = None) -> Report:
    """Run pyshacl over `source` and group the results by source shape."""
    import pyshacl

    data = _as_graph(source)
    shapes_graph = _parsed(shapes or ontology_file("shapes.ttl"))
    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes_graph,
                                            ont_graph=_parsed(ontology or ontology_file("vnkg.ttl")),
                                            inference="none", allow_warnings=True, allow_infos=True)
    counts: Counter[tuple[str, str]] = Counter()
    example: dict[tuple[str, str], tuple[str, str]] = {}
    for r in sorted(results.subjects(RDF.type, SH.ValidationResult), key=str):
        shape = results.value(r, SH.sourceShape)
        label = _short(shape, shapes_graph) if isinstance(shape, URIRef) else _anonymous(results, r)
        severity = str(results.value(r, SH.resultSeverity)).rsplit("#", 1)[-1]
        key = (label, severity)
        counts[key] += 1
        focus, msg = str(results.value(r, SH.focusNode)), str(results.value(r, SH.resultMessage) or "")
        if key not in example or (focus, msg) < example[key]:
            example[key] = (focus, msg)
    rows = [ShapeRow(shape, sev, n, *example[(shape, sev)]) for (shape, sev), n in
            sorted(counts.items(), key=lambda kv: (kv[0][1] != "Violation", -kv[1], kv[0][0]))]
    return Report(bool(conforms), len(data), rows)


def _anonymous(results: Graph, r: object) -> str:
    """A readable name for a blank-node property shape: its path and constraint."""
    path = results.value(r, SH.resultPath)
    comp = results.value(r, SH.sourceConstraintComponent)
    p = _short(path, results) if path is not None else "node"
    c = str(comp).rsplit("#", 1)[-1] if comp is not None else ""
    return f"[{p} {c}]"
