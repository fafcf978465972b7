"""Apply one build to a (staged) store so that the result equals a clean build of the same corpus.

Changed and removed texts lose their named graphs and the changed ones are bulk-loaded fresh (their quads
already carry this build's year renames). The graphs of unchanged texts carry the renames of the build
that made them: each year-less document IRI of such a text moves from the previous build's rename to this
build's, with its ``vnkg:year`` added or dropped as a fresh extraction would give it. The default graph is
then rebuilt as the merge of the named graphs.
"""

from __future__ import annotations

import re
from pathlib import Path

from pyoxigraph import RdfFormat

from kg.rdf.namespaces import VNKG_NS
from kg.resolve import year_renames
from kg.store import GraphStore

_YEAR = re.compile(r"/doc/[^/]+/(\d{4})/")


def state_docs(state: dict[str, dict]) -> list[tuple[str, str, int | None, str]]:
    """Every document (scope, number, year, IRI as extracted) recorded in a store state."""
    return [tuple(d) for info in state.values() for d in info.get("docs", [])]  # type: ignore[misc]


def apply_build(gs: GraphStore, old_state: dict[str, dict], new_state: dict[str, dict], nq_path: Path,
                renames: dict[str, str]) -> None:
    """Turn the store of ``old_state`` into the store of ``new_state`` (fresh quads in ``nq_path``)."""
    from kg import failpoints

    for rel, info in old_state.items():
        if new_state.get(rel) is not info:
            gs.drop_graph(info["graph"])
    failpoints.reached("graphs-dropped")
    gs.raw.bulk_load(path=str(nq_path), format=RdfFormat.N_QUADS)
    failpoints.reached("bulk-loaded")
    prev_renames = year_renames(state_docs(old_state))
    for rel, info in new_state.items():
        if old_state.get(rel) is info:
            _rerename(gs, info, prev_renames, renames)
    failpoints.reached("renamed")
    gs.merge_union()
    failpoints.reached("merged")
    gs.save_state(new_state)


def _rerename(gs: GraphStore, info: dict, prev: dict[str, str], new: dict[str, str]) -> None:
    """Move an unchanged text's year-less documents from the previous build's IRIs to this build's."""
    native = {d[3] for d in info.get("docs", []) if d[2] is not None}
    for _scope, _number, year, iri in info.get("docs", []):
        if year is not None:
            continue
        before, after = prev.get(iri, iri), new.get(iri, iri)
        if before == after or before in native:  # a text holding both forms keeps its own dated triples
            continue
        m = _YEAR.search(after)
        gs.rename_in_graph(info["graph"], before, after, year_pred=VNKG_NS + "year",
                           number_pred=VNKG_NS + "documentNumber", year=int(m.group(1)) if m and after != iri else None,
                           drop_year=after == iri)
