"""Apply one build to a (staged) store so that the result equals a clean build of the same corpus.

Changed and removed texts lose their named graphs and the changed ones are bulk-loaded fresh (their quads
already carry this build's year renames). The graphs of unchanged texts carry the renames of the build
that made them: each year-less document IRI of such a text moves from the previous build's rename to this
build's, with its ``vnkg:year`` added or dropped as a fresh extraction would give it.

The default graph (the merge of the named graphs) is kept natively, in one of two ways:

- **delta**, when a build touches few graphs of an existing store: each dropped or renamed graph is first
  detached from the default graph (its triples that no other graph holds are removed), then dropped or
  renamed and re-attached; the new texts' triples are bulk-loaded;
- **full**, for a new store or a build that touches many graphs (``FULL_SHARE``): the default graph is
  cleared (a range delete) and bulk-loaded from the new texts' triples, in a thread beside the named graphs'
  load, and from a dump of the other graphs.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode, RdfFormat

from kg import failpoints
from kg.rdf.namespaces import VNKG_NS
from kg.resolve import year_renames
from kg.store import GraphStore

_YEAR = re.compile(r"/doc/[^/]+/(\d{4})/")
FULL_SHARE = 4  # rebuild the whole default graph when more than 1 graph in FULL_SHARE is touched


def state_docs(state: dict[str, dict]) -> list[tuple[str, str, int | None, str]]:
    """Every document (scope, number, year, IRI as extracted) recorded in a store state."""
    return [tuple(d) for info in state.values() for d in info.get("docs", [])]  # type: ignore[misc]


def apply_build(gs: GraphStore, old_state: dict[str, dict], new_state: dict[str, dict], nq_path: Path,
                nt_path: Path, renames: dict[str, str]) -> None:
    """Turn the store of ``old_state`` into the store of ``new_state``: the fresh quads are in ``nq_path``,
    the same triples without their graph in ``nt_path`` (temporaries go beside them)."""
    dropped = [info["graph"] for rel, info in old_state.items() if new_state.get(rel) is not info]
    prev_renames = year_renames(state_docs(old_state))
    moves = {info["graph"]: ops for rel, info in new_state.items() if old_state.get(rel) is info
             for ops in [_rename_ops(info, prev_renames, renames)] if ops}
    empty = next(iter(gs.raw.named_graphs()), None) is None
    full = empty or not old_state or (len(dropped) + len(moves)) * FULL_SHARE > len(old_state)
    if full:
        gs.raw.clear_graph(DefaultGraph())
    for graph in dropped:
        if not full:
            gs.detach_graph(graph)
        gs.drop_graph(graph)
    failpoints.reached("graphs-dropped")
    if full:  # the default graph is only added to from here on: both loads run at once (the loader frees the GIL)
        _both(lambda: gs.raw.bulk_load(path=str(nq_path), format=RdfFormat.N_QUADS), lambda: gs.load_default(nt_path))
    else:
        gs.raw.bulk_load(path=str(nq_path), format=RdfFormat.N_QUADS)
    failpoints.reached("bulk-loaded")
    for graph, ops in moves.items():
        if not full:
            gs.detach_graph(graph)
        for before, after, year, drop_year in ops:
            gs.rename_in_graph(graph, before, after, year_pred=VNKG_NS + "year", year=year,
                               number_pred=VNKG_NS + "documentNumber", drop_year=drop_year)
        if not full:
            gs.attach_graph(graph)
    failpoints.reached("renamed")
    if not full:  # after the detaches: a triple a detached graph shared with a new text must come back
        gs.load_default(nt_path)
    if full and not empty:
        fresh = {info["graph"] for rel, info in new_state.items() if old_state.get(rel) is not info}
        _attach_dump(gs, [g for g in gs.raw.named_graphs() if g.value not in fresh], nt_path.parent)
    failpoints.reached("merged")
    gs.save_state(new_state)


def _rename_ops(info: dict, prev: dict[str, str], new: dict[str, str],
                ) -> list[tuple[str, str, int | None, bool]]:
    """How an unchanged text's year-less documents move from the previous build's IRIs to this build's:
    (IRI before, IRI after, the year the document gets, whether it loses the year it had)."""
    native = {d[3] for d in info.get("docs", []) if d[2] is not None}
    ops = []
    for _scope, _number, year, iri in info.get("docs", []):
        if year is not None:
            continue
        before, after = prev.get(iri, iri), new.get(iri, iri)
        if before == after or before in native:  # a text holding both forms keeps its own dated triples
            continue
        m = _YEAR.search(after)
        ops.append((before, after, int(m.group(1)) if m and after != iri else None, after == iri))
    return ops


def _attach_dump(gs: GraphStore, graphs: list[NamedNode], work: Path) -> None:
    """Add the triples of ``graphs`` to the default graph (dumped as N-Triples, then bulk-loaded)."""
    if not graphs:
        return
    fd, tmp = tempfile.mkstemp(prefix=".union.", suffix=".nt", dir=work)
    try:
        with os.fdopen(fd, "wb") as out:
            for g in graphs:
                gs.raw.dump(output=out, format=RdfFormat.N_TRIPLES, from_graph=g)
        gs.load_default(Path(tmp))
    finally:
        Path(tmp).unlink(missing_ok=True)


def _both(first: Callable[[], None], second: Callable[[], None]) -> None:
    """Run ``second`` in a thread while ``first`` runs here; re-raise what either raised."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            second()
        except BaseException as e:  # handed to the caller's thread
            errors.append(e)

    t = threading.Thread(target=run, name="vnkg-default-graph")
    t.start()
    try:
        first()
    finally:
        t.join()
    if errors:
        raise errors[0]
