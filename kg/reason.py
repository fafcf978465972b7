"""OWL reasoning over a built graph with owlready2 + HermiT: materialise what the ontology implies.

The reasoner sees the ontology plus the *skeleton* of the data (``rdf:type`` of every individual and the
object-property links between individuals; no literals, so no mention text), written as N-Triples for
owlready2. HermiT then infers property values (``vnkg:implementsTransitively`` chains, the inverse
``vnkg:implementedBy``, super-properties such as ``eli:ensures_implementation_of``) and the class
hierarchy; the types of each individual are completed with every named superclass of its asserted types.
Only triples that are *not* asserted are returned, to be written into their own named graph
``{base}graph/inferred`` so asserted and inferred triples stay distinguishable.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Store

from kg.store import GraphStore
from kg.validate import ontology_file

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
OWL = "http://www.w3.org/2002/07/owl#"
_SKIP_CLASSES = {OWL + "Thing", OWL + "NamedIndividual"}


class ReasonerError(Exception):
    """The reasoner cannot run (no Java) or finds the data inconsistent (one-line message)."""


@dataclass
class Inference:
    """The inferred triples, the individuals reasoned over and the count by predicate."""

    store: Store  # inferred triples in the named graph `graph`
    graph: str
    individuals: int
    by_predicate: dict[str, int]

    def __len__(self) -> int:
        return len(self.store)


def _skeleton(data: Store, ontology_iris: set[str]) -> tuple[str, set[tuple[str, str, str]], set[str]]:
    """N-Triples of types and object links between individuals, the asserted IRI triples and individuals."""
    obj_props = ontology_iris
    lines: list[str] = []
    asserted: set[tuple[str, str, str]] = set()
    individuals: set[str] = set()
    rows = data.query("SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o . FILTER(isIRI(?s) && isIRI(?o)) }",
                      use_default_graph_as_union=True)
    for r in rows:  # type: ignore[union-attr]
        s, p, o = r["s"].value, r["p"].value, r["o"].value
        if p == RDF_TYPE:
            if o not in ontology_iris:
                continue
            individuals.add(s)
        elif p not in obj_props:
            continue
        asserted.add((s, p, o))
        lines.append(f"<{s}> <{p}> <{o}> .\n")
    for s in sorted(individuals):
        lines.append(f"<{s}> <{RDF_TYPE}> <{OWL}NamedIndividual> .\n")
    return "".join(lines), asserted, individuals


def _ontology_terms(path: Path) -> tuple[str, set[str], set[str]]:
    """N-Triples of the ontology, its object properties and its classes (used to filter the data)."""
    onto = Store()
    onto.load(path=str(path), format=RdfFormat.TURTLE)
    is_a = NamedNode(RDF_TYPE)
    props = {q.subject.value for q in onto.quads_for_pattern(None, is_a, NamedNode(OWL + "ObjectProperty"))}
    classes = {q.subject.value for q in onto.quads_for_pattern(None, NamedNode(RDF_TYPE), NamedNode(OWL + "Class"))
               if isinstance(q.subject, NamedNode)}
    nt = onto.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph())
    return nt.decode("utf-8"), props, classes


def reason(source: Path | str | GraphStore, base: str | None = None, *, ontology: Path | None = None) -> Inference:
    """Run HermiT over the ontology and the skeleton of `source`; return only the new triples."""
    import owlready2

    if shutil.which("java") is None:
        raise ReasonerError("HermiT needs Java (java on PATH); install default-jre-headless")
    store = source if isinstance(source, GraphStore) else GraphStore.open(Path(source))
    if base is None:
        from kg.export import detect_base

        base = detect_base(store.raw)
    onto_nt, props, classes = _ontology_terms(ontology or ontology_file("vnkg.ttl"))
    skeleton, asserted, individuals = _skeleton(store.raw, props | classes)
    with tempfile.TemporaryDirectory(prefix="vnkg-reason-") as tmp:
        path = Path(tmp) / "input.nt"
        path.write_text(onto_nt + skeleton, encoding="utf-8")
        world = owlready2.World()
        onto = world.get_ontology(path.as_uri()).load(format="ntriples")
        try:
            with onto:
                owlready2.sync_reasoner_hermit(world, infer_property_values=True, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError as e:
            raise ReasonerError("the data is inconsistent with the ontology (HermiT)") from e
        inferred = _collect(world, individuals, props, asserted)
    graph = base + "graph/inferred"
    out = Store()
    g = NamedNode(graph)
    counts: dict[str, int] = {}
    for s, p, o in sorted(inferred):
        out.add(Quad(NamedNode(s), NamedNode(p), NamedNode(o), g))
        counts[p] = counts.get(p, 0) + 1
    return Inference(out, graph, len(individuals), dict(sorted(counts.items())))


def _collect(world, individuals: set[str], props: set[str], asserted: set[tuple[str, str, str]]
             ) -> set[tuple[str, str, str]]:
    """New property values and superclass memberships of the individuals, after reasoning."""
    found: set[tuple[str, str, str]] = set()
    for iri in individuals:
        ind = world[iri]
        if ind is None:
            continue
        for cls in ind.is_a:
            for anc in getattr(cls, "ancestors", lambda: set())():
                anc_iri = getattr(anc, "iri", None)
                if anc_iri and anc_iri not in _SKIP_CLASSES:
                    found.add((iri, RDF_TYPE, anc_iri))
        for prop in (world[p] for p in props):
            if prop is None or not hasattr(prop, "_get_values_for_individual"):
                continue
            for value in prop[ind]:
                v = getattr(value, "iri", None)
                if v is not None:
                    found.add((iri, prop.iri, v))
    # owlready2 reports only values not implied by a sub-property, and transitive properties with their
    # direct values: complete the entailments (super-properties, inverses, transitive closure) to a fixpoint
    rules = _property_rules(world, props)
    facts = found | asserted
    while True:
        new = _apply(rules, facts) - facts
        if not new:
            break
        facts |= new
    found = facts
    return {t for t in found if t not in asserted}


def _property_rules(world, props: set[str]) -> dict[str, tuple[set[str], str | None, bool]]:
    """Per object property: its named super-properties, its inverse and whether it is transitive."""
    import owlready2

    rules = {}
    for iri in props:
        p = world[iri]
        if p is None:
            continue
        supers = {a.iri for a in p.ancestors() if getattr(a, "iri", None) in props and a.iri != iri}
        inverse = getattr(p.inverse_property, "iri", None)
        rules[iri] = (supers, inverse, owlready2.TransitiveProperty in p.is_a)
    return rules


def _apply(rules: dict[str, tuple[set[str], str | None, bool]], facts: set[tuple[str, str, str]]
           ) -> set[tuple[str, str, str]]:
    out: set[tuple[str, str, str]] = set()
    edges: dict[str, dict[str, set[str]]] = {}
    for s, p, o in facts:
        if p not in rules:
            continue
        supers, inverse, transitive = rules[p]
        out.update((s, sp, o) for sp in supers)
        if inverse:
            out.add((o, inverse, s))
        if transitive:
            edges.setdefault(p, {}).setdefault(s, set()).add(o)
    for p, graph in edges.items():
        for s, objs in graph.items():
            out.update((s, p, z) for o in objs for z in graph.get(o, ()))
    return out


QUAD_SUFFIXES = {".trig": RdfFormat.TRIG, ".nq": RdfFormat.N_QUADS}
TRIPLE_SUFFIXES = {".ttl": RdfFormat.TURTLE, ".nt": RdfFormat.N_TRIPLES}


def output_format(output: Path) -> RdfFormat:
    """The format of an inferred-triples file by its suffix (ValueError naming the suffixes it may have)."""
    fmt = {**QUAD_SUFFIXES, **TRIPLE_SUFFIXES}.get(output.suffix.lower())
    if fmt is None:
        raise ValueError(f"{output}: unknown output format {output.suffix or '(no suffix)'!r} (use .trig or .nq "
                         "to keep the inferred graph named, .ttl or .nt for the bare triples)")
    return fmt


def write_inferred(inference: Inference, output: Path, source: Path | str | GraphStore | None = None) -> int:
    """Write the inferred graph (TriG/N-Quads keep it named; Turtle/N-Triples get the bare triples).
    With `source`, a quad format also carries the asserted graphs, so the file holds both, told apart."""
    from kg.export import _atomic, prefixes_for

    rdf_format = output_format(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    base = inference.graph[: -len("graph/inferred")]
    prefixes = prefixes_for(base) if rdf_format in (RdfFormat.TRIG, RdfFormat.TURTLE) else None
    with _atomic(output) as tmp, open(tmp, "wb") as out:
        if rdf_format in (RdfFormat.TRIG, RdfFormat.N_QUADS):
            if source is not None:
                store = source if isinstance(source, GraphStore) else GraphStore.open(Path(source))
                store.raw.dump(out, rdf_format, prefixes=prefixes)
            inference.store.dump(out, rdf_format, prefixes=prefixes)
        else:
            flat = Store()
            flat.extend(Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in inference.store)
            flat.dump(out, rdf_format, from_graph=DefaultGraph(), prefixes=prefixes)
    return len(inference)


__all__ = ["Inference", "ReasonerError", "output_format", "reason", "write_inferred"]
