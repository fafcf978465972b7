"""The embedded, persistent triple store: Oxigraph on disk, one named graph per source text.

rdflib stays the API for building graphs; the store is where they live and are queried. An incremental
build replaces the named graph of each changed text and leaves the others alone (content hashes kept in
``vnkg-state.json``).

The default graph of a vnkg store is the RDF merge of its named graphs, kept by every build: Oxigraph's
union-as-default matches a triple once per named graph holding it (the label of 01/NQ-CP is in every text
citing it), which multiplies joins on large corpora; the merged default graph holds each triple once, as
the SPARQL dataset semantics ask. It is built natively: the build bulk-loads its N-Quads with the graph
column stripped (`load_default`), `merge_union` dumps the named graphs as N-Triples into the bulk loader,
and an incremental build detaches and re-attaches only the graphs it changes (`detach_graph`,
`attach_graph`). Queries read it; quad exports write only the named graphs.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from pyoxigraph import (
    DefaultGraph,
    NamedNode,
    Quad,
    QueryBoolean,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
)

from kg.pids import of_dead_runs

if TYPE_CHECKING:
    from rdflib import Graph

STATE_FILE = "vnkg-state.json"
FILE_FORMATS = {".ttl": RdfFormat.TURTLE, ".nt": RdfFormat.N_TRIPLES, ".nq": RdfFormat.N_QUADS,
                ".trig": RdfFormat.TRIG, ".jsonld": RdfFormat.JSON_LD, ".rdf": RdfFormat.RDF_XML,
                ".owl": RdfFormat.RDF_XML, ".xml": RdfFormat.RDF_XML}

QueryResult = QuerySolutions | QueryTriples | QueryBoolean


class StoreError(Exception):
    """A store that cannot be opened or loaded (one-line message)."""


class GraphStore:
    """An Oxigraph store on disk (``path``) or in memory (``path=None``)."""

    def __init__(self, path: Path | None = None, *, read_only: bool = False) -> None:
        self.path = path
        try:
            if path is None:
                self._store = Store()
            elif read_only:
                self._store = Store.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._store = Store(str(path))
        except OSError as e:
            raise StoreError(f"{path}: cannot open the store ({e})") from e

    @classmethod
    def open(cls, source: str | Path, *, read_only: bool = True) -> GraphStore:
        """A store folder, or an RDF file loaded into a memory store."""
        p = Path(source)
        if p.is_dir():
            return cls(p, read_only=read_only)
        if p.is_file():
            store = cls(None)
            store.load_file(p)
            if any(True for _ in store.raw.named_graphs()):
                merge_union(store.raw)
            return store
        raise StoreError(f"{p}: no such store folder or RDF file")

    @property
    def raw(self) -> Store:
        """The pyoxigraph store, for pattern reads (`quads_for_pattern`) and bulk work."""
        return self._store

    def __len__(self) -> int:
        return len(self._store)

    def load_file(self, path: Path, graph: str | None = None) -> None:
        fmt = FILE_FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise StoreError(f"{path}: unknown RDF format (use .ttl, .nt, .nq, .trig, .jsonld or .rdf)")
        try:
            self._store.bulk_load(path=str(path), format=fmt, to_graph=NamedNode(graph) if graph else None)
        except (SyntaxError, ValueError) as e:
            raise StoreError(f"{path}: invalid RDF ({e})") from e

    def replace_graph(self, graph: str, data: Graph) -> None:
        """Replace one named graph with the triples of an rdflib graph."""
        g = NamedNode(graph)
        if any(True for _ in self._store.quads_for_pattern(None, None, None, g)):
            self._store.clear_graph(g)
        payload = data.serialize(format="nt", encoding="utf-8")
        self._store.load(payload, format=RdfFormat.N_TRIPLES, to_graph=g)

    def drop_graph(self, graph: str) -> None:
        g = NamedNode(graph)
        if any(True for _ in self._store.quads_for_pattern(None, None, None, g)):
            self._store.remove_graph(g)

    def rename_in_graph(self, graph: str, old: str, new: str, *, year_pred: str, year: int | None,
                        number_pred: str, drop_year: bool = False) -> None:
        """Rename resource ``old`` to ``new`` in one named graph (SPARQL Update); a document that gets a year
        gets its ``year_pred`` triple, and with ``drop_year`` the one it had loses it."""
        g = NamedNode(graph)
        if not any(True for _ in self._store.quads_for_pattern(NamedNode(old), None, None, g)) and not any(
                True for _ in self._store.quads_for_pattern(None, None, NamedNode(old), g)):
            return
        updates = [
            f"DELETE {{ GRAPH <{graph}> {{ <{old}> ?p ?o }} }} INSERT {{ GRAPH <{graph}> {{ <{new}> ?p ?o }} }} "
            f"WHERE {{ GRAPH <{graph}> {{ <{old}> ?p ?o }} }}",
            f"DELETE {{ GRAPH <{graph}> {{ ?s ?p <{old}> }} }} INSERT {{ GRAPH <{graph}> {{ ?s ?p <{new}> }} }} "
            f"WHERE {{ GRAPH <{graph}> {{ ?s ?p <{old}> }} }}"]
        if drop_year:
            updates.append(f"DELETE WHERE {{ GRAPH <{graph}> {{ <{new}> <{year_pred}> ?y }} }}")
        if year is not None:
            updates.append(f"INSERT {{ GRAPH <{graph}> {{ <{new}> <{year_pred}> {int(year)} }} }} "
                           f"WHERE {{ GRAPH <{graph}> {{ <{new}> <{number_pred}> ?n }} }}")
        self._store.update(" ;\n".join(updates))

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, NamedNode))

    def query(self, sparql: str) -> QueryResult:
        """Run a SPARQL query over the merged default graph, or the union of the named graphs when there is
        none (raises SyntaxError on bad queries)."""
        if has_default_graph(self._store):
            return self._store.query(sparql)
        return self._store.query(sparql, use_default_graph_as_union=True)

    def load_default(self, nt_path: Path) -> None:
        """Bulk-load N-Triples into the default graph (set semantics: a triple already there stays once)."""
        self._store.bulk_load(path=str(nt_path), format=RdfFormat.N_TRIPLES)

    def detach_graph(self, graph: str) -> None:
        """Remove from the default graph the triples that only ``graph`` holds (before it is dropped or
        edited: the default graph then stays the merge of the other named graphs)."""
        self._store.update(
            f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != <{graph}>) }} }}")

    def attach_graph(self, graph: str) -> None:
        """Add the triples of ``graph`` to the default graph."""
        self._store.update(f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")

    def count_default(self) -> int:
        """Triples in the default graph, counted by the engine."""
        return count_default(self._store)

    def flush(self) -> None:
        if self.path is not None:
            self._store.flush()

    # -- incremental builds ---------------------------------------------------------------------
    def state(self) -> dict[str, dict[str, str]]:
        """Per source file: content hash and named graph, as of the last build into this store."""
        return {} if self.path is None else read_state(self.path)

    def save_state(self, state: dict[str, dict[str, str]]) -> None:
        if self.path is None:
            return
        tmp = self.path / (STATE_FILE + ".tmp")
        tmp.write_text(json.dumps(state, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.path / STATE_FILE)


def read_state(folder: Path) -> dict[str, dict]:
    """The ``vnkg-state.json`` of a store folder (``{}`` when there is none)."""
    path = Path(folder) / STATE_FILE
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def has_default_graph(store: Store) -> bool:
    """Whether the default graph holds triples (in a vnkg store: the merge of the named graphs)."""
    return next(iter(store.quads_for_pattern(None, None, None, DefaultGraph())), None) is not None


def count_default(store: Store) -> int:
    """Triples in the default graph, counted by the engine (no Python object per triple)."""
    row = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))  # type: ignore[arg-type]
    return int(row[0].value)


_UNION_TMP = re.compile(r"\.vnkg-union-(\d+)-.*\.nt$")


def merge_union(store: Store, work: Path | None = None) -> int:
    """Add every named graph's triples to the default graph, once each (set semantics), natively: the
    graphs are dumped as N-Triples to a temporary file (in ``work``, else the system's temporary folder)
    and bulk-loaded; return the default graph's triple count. The temporaries of killed runs found there
    are removed first."""
    graphs = list(store.named_graphs())
    if graphs:
        folder = Path(work or tempfile.gettempdir())
        for stale in of_dead_runs(folder.glob(".vnkg-union-*.nt"), _UNION_TMP):
            stale.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".vnkg-union-{os.getpid()}-", suffix=".nt", dir=work)
        try:
            with os.fdopen(fd, "wb") as out:
                for g in graphs:
                    store.dump(output=out, format=RdfFormat.N_TRIPLES, from_graph=g)
            store.bulk_load(path=tmp, format=RdfFormat.N_TRIPLES)
        finally:
            Path(tmp).unlink(missing_ok=True)
    return count_default(store)


def named_quads(store: Store) -> Iterable[Quad]:
    """The quads of the named graphs (the default graph of a vnkg store is derived from them)."""
    if not any(True for _ in store.named_graphs()):
        yield from store.quads_for_pattern(None, None, None, None)
        return
    for q in store.quads_for_pattern(None, None, None, None):
        if not isinstance(q.graph_name, DefaultGraph):
            yield q


def public_permissions(path: str) -> None:
    """Give a temp file the permissions a normal new file gets (mkstemp makes it private)."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)
