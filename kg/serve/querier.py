"""A query worker: one process with a handle on the store, run as ``python -I -m kg.serve.querier CONFIG``.

It imports pyoxigraph and ``kg.sparql_io`` only (no CLI, rdflib or spaCy), so it starts in well under
0.2 s. It is tied to the server: a thread watches the *lifeline* pipe (the server holds its write end and
never writes, so the read returns only when the server is gone, however it died) and ends the process at
once, even in the middle of a query (pyoxigraph releases the GIL while it evaluates). On Linux the process
also asks the kernel to kill it when its parent dies (``PR_SET_PDEATHSIG``).

Jobs arrive on stdin and replies leave on stdout as ``kg.serve.wire`` frames: one per reply, or, for a long
list of solutions, a first frame once 64 KB of rows are written (``more``: true) and further frames as the
store yields the rest, so the server starts answering before the whole answer exists. ``CONFIG`` is JSON:
``store`` (folder), ``mode`` (``merged``: the default graph is the merge of the named graphs and is
recomputed after each update; ``union``: queries see the union of the named graphs; ``plain``),
``write`` (open read-write, for one update), ``lifeline`` (fd), ``parent`` (pid), ``prefixes`` (Turtle).
"""

from __future__ import annotations

import json
import os
import sys
import threading
from collections.abc import Iterator
from typing import Any, BinaryIO

from pyoxigraph import NamedNode, QuerySolutions, QueryTriples, RdfFormat, Store, Triple, serialize

from kg import sparql_errors, sparql_io
from kg.serve import wire

LABELS = ("http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel")
MERGE = "DROP SILENT DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


class ClientError(Exception):
    """A job the client got wrong (HTTP status and message)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def tie_to_parent(lifeline: int, parent: int) -> None:
    """End this process as soon as the server is gone."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, 9)  # PR_SET_PDEATHSIG, SIGKILL
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(0)

    def watch() -> None:
        try:
            while os.read(lifeline, 1):
                pass
        finally:
            os._exit(0)

    threading.Thread(target=watch, name="lifeline", daemon=True).start()


CHUNK = 64 * 1024  # bytes of rows per frame: the first frame goes out as soon as it holds this much


def run_query(store: Store, job: dict[str, Any], mode: str, prefixes: dict[str, str]
              ) -> tuple[dict[str, Any], bytes, Iterator[bytes] | None]:
    """The reply's header, its first bytes and, for a long list of solutions, an iterator over the rest.

    Solutions are serialized as the store yields them (``sparql_io.iter_rows``), at most ``max_rows``; the
    header says ``truncated`` when the cap was reached within the first frame, and ``more`` when the rest
    follows in further frames. Graph results are cut at ``max_rows`` triples and written whole.
    """
    # the project's prefixes (vnkg:, skos:, …) may be used undeclared, as in `kg query`; a query's own PREFIX wins
    kwargs: dict[str, Any] = {"base_iri": job.get("base"), "prefixes": prefixes}
    try:
        if job.get("default_graphs"):
            kwargs["default_graph"] = [NamedNode(g) for g in job["default_graphs"]]
        elif mode == "union":
            kwargs["use_default_graph_as_union"] = True
        if job.get("named_graphs"):
            kwargs["named_graphs"] = [NamedNode(g) for g in job["named_graphs"]]
    except ValueError as e:
        raise ClientError(400, f"invalid graph IRI in default-graph-uri or named-graph-uri: {e}") from e
    result = store.query(job["text"], **kwargs)
    kind = "solutions" if isinstance(result, QuerySolutions) else "graph" if isinstance(result, QueryTriples) \
        else "boolean"
    fmt = job["formats"].get(kind)
    if fmt is None:
        raise ClientError(406, f"no acceptable format for a {kind} result (Accept: {job.get('accept', '')})")
    max_rows = job.get("max_rows")
    if isinstance(result, QuerySolutions):
        cut = [False]
        pieces = sparql_io.iter_rows([v.value for v in result.variables],
                                     sparql_io.solution_rows(result, max_rows, cut), fmt)
        first, rest = _first_chunk(pieces)
        return {"ok": True, "format": fmt, "truncated": cut[0], "more": rest is not None}, first, rest
    if isinstance(result, QueryTriples):
        triples: list[Triple] = []
        truncated = False
        for t in result:
            if max_rows is not None and len(triples) >= max_rows:
                truncated = True
                break
            triples.append(t)
        return {"ok": True, "format": fmt, "truncated": truncated}, \
            sparql_io.serialize_graph(triples, fmt, prefixes), None
    return {"ok": True, "format": fmt, "truncated": False}, sparql_io.serialize(result, fmt), None


def _first_chunk(pieces: Iterator[bytes]) -> tuple[bytes, Iterator[bytes] | None]:
    """The first CHUNK bytes of a stream of pieces, and an iterator over the rest (None if there is none)."""
    buf = bytearray()
    for piece in pieces:
        buf += piece
        if len(buf) >= CHUNK:
            return bytes(buf), _chunks(pieces)
    return bytes(buf), None


def _chunks(pieces: Iterator[bytes]) -> Iterator[bytes]:
    buf = bytearray()
    for piece in pieces:
        buf += piece
        if len(buf) >= CHUNK:
            yield bytes(buf)
            buf.clear()
    yield bytes(buf)


def stream_rest(out: BinaryIO, rest: Iterator[bytes]) -> None:
    """The frames after the first: one per chunk with ``more``, the last without (``error`` if the store
    failed midway: the client then has a cut answer, the status line being long sent)."""
    try:
        for chunk in rest:
            wire.write(out, {"ok": True, "more": True}, chunk)
    except (ValueError, RuntimeError, TypeError, OSError) as e:
        wire.write(out, {"ok": True, "more": False, "error": f"query failed: {e}"})
        return
    wire.write(out, {"ok": True, "more": False})


def describe(store: Store, iri: str) -> bytes:
    """The resource's description as N-Triples: its triples as subject, plus the labels of its objects."""
    try:
        node = NamedNode(iri)
    except ValueError as e:
        raise ClientError(400, f"not a valid IRI: {iri} ({e})") from e
    triples: list[Triple] = []
    seen: set[Triple] = set()
    objects: list[NamedNode] = []
    for q in store.quads_for_pattern(node, None, None, None):
        t = Triple(q.subject, q.predicate, q.object)
        if t not in seen:
            seen.add(t)
            triples.append(t)
            if isinstance(q.object, NamedNode):
                objects.append(q.object)
    for o in dict.fromkeys(objects):
        for label in LABELS:
            for q in store.quads_for_pattern(o, NamedNode(label), None, None):
                t = Triple(q.subject, q.predicate, q.object)
                if t not in seen:
                    seen.add(t)
                    triples.append(t)
    return serialize(triples, format=RdfFormat.N_TRIPLES) or b""


def run_update(store: Store, job: dict[str, Any], mode: str) -> None:
    text = job["text"]
    if mode == "merged":
        text += "\n" + ("" if job.get("ends_with_separator") else ";\n") + MERGE
    store.update(text, base_iri=job.get("base"))  # one transaction: the merge is applied with the update
    store.flush()


def handle(store: Store, job: dict[str, Any], mode: str, prefixes: dict[str, str]
           ) -> tuple[dict[str, Any], bytes, Iterator[bytes] | None]:
    op = job.get("op")
    if op == "ping":
        return {"ok": True}, b"", None
    if op == "query":
        return run_query(store, job, mode, prefixes)
    if op == "describe":
        return {"ok": True, "format": "ntriples", "truncated": False}, describe(store, job["iri"]), None
    if op == "update":
        run_update(store, job, mode)
        return {"ok": True}, b"", None
    raise ClientError(400, f"unknown job {op!r}")


def main(argv: list[str]) -> int:
    config = json.loads(argv[0])
    tie_to_parent(config["lifeline"], config["parent"])
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but frames on the channel
    store = Store(config["store"]) if config.get("write") else Store.read_only(config["store"])
    mode, prefixes = config["mode"], config.get("prefixes") or {}
    wire.write(out, {"ok": True, "ready": os.getpid()})
    while (frame := wire.read(inp)) is not None:
        job = frame[0]
        rest = None
        try:
            header, body, rest = handle(store, job, mode, prefixes)
        except ClientError as e:
            header, body = {"ok": False, "status": e.status, "message": str(e)}, b""
        except SyntaxError as e:
            what = "update" if job.get("op") == "update" else "query"
            message = sparql_errors.describe(e, job.get("text", ""), prefixes)
            header, body = {"ok": False, "status": 400, "message": f"malformed {what}: {message}"}, b""
        except (ValueError, RuntimeError, TypeError) as e:  # evaluation errors caused by the query
            header, body = {"ok": False, "status": 400, "message": f"query failed: {e}"}, b""
        except OSError as e:
            header, body = {"ok": False, "status": 500, "message": f"store error: {e}"}, b""
        wire.write(out, header, body)
        if rest is not None:
            stream_rest(out, rest)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
