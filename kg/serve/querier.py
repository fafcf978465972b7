"""A query worker: one process with a handle on the store, run as ``python -I -m kg.serve.querier CONFIG``.

It imports pyoxigraph and ``kg.sparql_io`` only (no CLI, rdflib or spaCy), so it starts in well under
0.2 s. It is tied to the server: a thread watches the *lifeline* pipe (the server holds its write end and
never writes, so the read returns only when the server is gone, however it died) and ends the process at
once, even in the middle of a query (pyoxigraph releases the GIL while it evaluates). On Linux the process
also asks the kernel to kill it when its parent dies (``PR_SET_PDEATHSIG``).

Jobs arrive on stdin and replies leave on stdout as ``kg.serve.wire`` frames, each tagged with its job's
``id``: several jobs run at once, each on its own thread (at most ``threads``: the server never sends more).
A reply is one frame, or, for a long list of solutions, a first frame once 64 KB of rows are written
(``more``: true) and further frames as the store yields the rest, two ahead of the server's ``credit``
frames; the last frame says whether the row cap cut the answer. A ``cancel`` frame stops a job at its next
row. A job's thread past ``demote_after`` CPU seconds runs at a lower priority (``Demoter``). ``CONFIG`` is
JSON: ``store`` (folder), ``mode`` (``merged``: the default graph is the merge of the named graphs and is
recomputed after each update; ``union``: queries see the union of the named graphs; ``plain``),
``write`` (open read-write, for one update), ``lifeline`` (fd), ``parent`` (pid), ``prefixes`` (Turtle),
``threads``, ``demote_after``.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
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
WINDOW = 2  # frames of an answer sent ahead of the server's credit
DEMOTE_AFTER = 0.05  # CPU seconds a query runs at the worker's priority; past them its thread gets NICE
NICE = 10


def run_query(store: Store, job: dict[str, Any], mode: str, prefixes: dict[str, str],
              cancelled: threading.Event | None = None) -> tuple[dict[str, Any], bytes, Tail | None]:
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
        rows = sparql_io.solution_rows(result, max_rows, cut)
        pieces = sparql_io.iter_rows([v.value for v in result.variables],
                                     rows if cancelled is None else _until(rows, cancelled), fmt)
        first, rest = _first_chunk(_marked(pieces, fmt, cut, max_rows))
        return {"ok": True, "format": fmt, "truncated": cut[0], "more": rest is not None}, first, \
            None if rest is None else Tail(rest, cut)
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


@dataclass
class Tail:
    """The frames of a long answer after the first, and whether the row cap cut it (known once they are read)."""

    chunks: Iterator[bytes]
    cut: list[bool]


def _marked(pieces: Iterator[bytes], fmt: str, cut: list[bool], max_rows: int | None) -> Iterator[bytes]:
    """The document's pieces, its last one (the closing tags, written after the rows) carrying the in-band mark
    of an answer cut at the row cap: a top-level ``"truncated": true`` member in JSON, a comment in XML (CSV
    and TSV have no place for one: the header or trailer ``X-Result-Truncated`` says it)."""
    last = None
    for piece in pieces:
        if last is not None:
            yield last
        last = piece
    if last is None:
        return
    if cut[0] and fmt == "json" and last.endswith(b"}"):
        last = last[:-1] + b',"truncated":true}'
    elif cut[0] and fmt == "xml" and last.endswith(b"</sparql>"):
        last = last[:-len(b"</sparql>")] + f"<!-- truncated: cut at {max_rows} rows -->".encode() + b"</sparql>"
    yield last


def _until(rows: Iterator[Any], cancelled: threading.Event) -> Iterator[Any]:
    """The rows, stopping (Cancelled) as soon as the server gives up on the job: checked between rows."""
    for row in rows:
        if cancelled.is_set():
            raise Cancelled
        yield row


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


def handle(store: Store, job: dict[str, Any], mode: str, prefixes: dict[str, str],
           cancelled: threading.Event | None = None) -> tuple[dict[str, Any], bytes, Tail | None]:
    op = job.get("op")
    if op == "ping":
        return {"ok": True}, b"", None
    if op == "query":
        return run_query(store, job, mode, prefixes, cancelled)
    if op == "describe":
        return {"ok": True, "format": "ntriples", "truncated": False}, describe(store, job["iri"]), None
    if op == "update":
        run_update(store, job, mode)
        return {"ok": True}, b"", None
    raise ClientError(400, f"unknown job {op!r}")


class Job:
    """One query running on a thread of this worker: its cancel flag and its credit of frames (the server
    grants one more each time it has passed a frame on, so a slow client never fills the shared channel)."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.cancelled = threading.Event()
        self.credit = threading.Semaphore(WINDOW)
        self.thread: threading.Thread | None = None
        self.demoted = False

    def cancel(self) -> None:
        self.cancelled.set()
        self.credit.release()


class Cancelled(Exception):
    """The server gave up on the job (its client left, or its time ran out)."""


class Channel:
    """The reply channel (stdout), shared by the job threads: one frame at a time."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.lock = threading.Lock()

    def write(self, job: int | None, header: dict[str, Any], body: bytes = b"") -> None:
        with self.lock:
            wire.write(self.out, {**header, "id": job} if job is not None else header, body)


def reply(store: Store, job: dict[str, Any], mode: str, prefixes: dict[str, str],
          cancelled: threading.Event | None = None) -> tuple[dict[str, Any], bytes, Tail | None]:
    """The job's first frame and the rest of a long answer; errors the client caused as their status."""
    try:
        return handle(store, job, mode, prefixes, cancelled)
    except ClientError as e:
        return {"ok": False, "status": e.status, "message": str(e)}, b"", None
    except SyntaxError as e:
        what = "update" if job.get("op") == "update" else "query"
        message = sparql_errors.describe(e, job.get("text", ""), prefixes)
        return {"ok": False, "status": 400, "message": f"malformed {what}: {message}"}, b"", None
    except (ValueError, RuntimeError, TypeError) as e:  # evaluation errors caused by the query
        return {"ok": False, "status": 400, "message": f"query failed: {e}"}, b"", None
    except OSError as e:
        return {"ok": False, "status": 500, "message": f"store error: {e}"}, b"", None


def run_job(store: Store, job: dict[str, Any], state: Job, channel: Channel, mode: str,
            prefixes: dict[str, str], jobs: dict[int, Job]) -> None:
    """Answer one job on this thread: its frames, the last without ``more`` (``cancelled`` if given up); a fault
    of the worker itself still ends the job with a last frame, so the server never waits for it in vain."""
    sent = {"first": False, "last": False}

    def send(header: dict[str, Any], body: bytes = b"") -> None:
        channel.write(state.number, header, body)
        sent["first"] = True
        sent["last"] = not header.get("more")

    try:
        if state.cancelled.is_set():  # given up before its thread started
            raise Cancelled
        header, body, rest = reply(store, job, mode, prefixes, state.cancelled)
        send(header, body)
        if rest is None:
            return
        try:
            for chunk in rest.chunks:
                state.credit.acquire()
                if state.cancelled.is_set():
                    raise Cancelled
                send({"ok": True, "more": True}, chunk)
        except (ValueError, RuntimeError, TypeError, OSError) as e:
            send({"ok": True, "more": False, "error": f"query failed: {e}"})
        else:
            send({"ok": True, "more": False, "truncated": rest.cut[0]})
    except Cancelled:
        send({"ok": True, "more": False, "cancelled": True} if sent["first"]
             else {"ok": False, "status": 503, "message": "cancelled", "cancelled": True})
    except Exception as e:  # a bug or a fault here must not leave the job without its last frame
        if not sent["last"]:
            send({"ok": True, "more": False, "error": f"worker error: {e}"} if sent["first"]
                 else {"ok": False, "status": 500, "message": f"worker error: {e}"})
    finally:
        jobs.pop(state.number, None)


class Demoter:
    """Long queries yield the processor to short ones: a job's thread that has used ``after`` CPU seconds is
    given a lower priority (``nice`` +``NICE``, Linux threads), so a lookup arriving beside corpus-wide answers
    runs first, as a multilevel-feedback scheduler would. Each job has its own thread (a thread's priority
    cannot be raised back), which ends with the job."""

    def __init__(self, jobs: dict[int, Job], after: float) -> None:
        self.jobs, self.after = jobs, after
        self.wake = threading.Event()
        if after > 0 and sys.platform.startswith("linux"):
            threading.Thread(target=self.watch, name="demoter", daemon=True).start()

    def watch(self) -> None:
        while True:
            self.wake.wait()
            running = [j for j in list(self.jobs.values()) if j.thread is not None and not j.demoted]
            if not running:
                self.wake.clear()
                continue
            for job in running:
                self.check(job)
            time.sleep(min(0.01, self.after / 2))

    def check(self, job: Job) -> None:
        thread = job.thread
        if thread is None or thread.ident is None or thread.native_id is None:
            return
        try:
            used = time.clock_gettime(time.pthread_getcpuclockid(thread.ident))
            if used >= self.after:
                os.setpriority(os.PRIO_PROCESS, thread.native_id, os.getpriority(os.PRIO_PROCESS, 0) + NICE)
                job.demoted = True
        except (OSError, ValueError):  # the thread ended meanwhile
            job.demoted = True


def main(argv: list[str]) -> int:
    config = json.loads(argv[0])
    tie_to_parent(config["lifeline"], config["parent"])
    inp = sys.stdin.buffer
    channel = Channel(sys.stdout.buffer)
    sys.stdout = sys.stderr  # nothing but frames on the channel
    store = Store(config["store"]) if config.get("write") else Store.read_only(config["store"])
    mode, prefixes = config["mode"], config.get("prefixes") or {}
    jobs: dict[int, Job] = {}
    demoter = Demoter(jobs, float(config.get("demote_after", DEMOTE_AFTER)))
    channel.write(None, {"ok": True, "ready": os.getpid()})
    while (frame := wire.read(inp)) is not None:
        job = frame[0]
        number = int(job.get("id", 0))
        if job.get("op") == "cancel":
            if (state := jobs.get(number)) is not None:
                state.cancel()
        elif job.get("op") == "credit":
            if (state := jobs.get(number)) is not None:
                state.credit.release()
        else:
            jobs[number] = state = Job(number)
            state.thread = threading.Thread(target=run_job, args=(store, job, state, channel, mode, prefixes, jobs),
                                            name=f"query-{number}", daemon=True)
            state.thread.start()
            demoter.wake.set()
    for state in list(jobs.values()):
        if state.thread is not None:
            state.thread.join()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
