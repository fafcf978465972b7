"""Query workers: separate processes, each with a read-only handle on the on-disk store.

pyoxigraph cannot interrupt a query that is running in a thread, so every query runs in a worker
process. The endpoint waits at most ``timeout`` seconds for the answer; on expiry it kills that worker
(SIGKILL), answers 503, and starts a replacement, so a heavy query costs one worker for ``timeout``
seconds and never stalls the server. Workers are started through a ``forkserver`` (a small
single-threaded process with pyoxigraph already imported), so a replacement is ready in milliseconds.

Updates (only with ``--allow-update``) are exclusive: the pool waits until every worker is idle, stops
them, applies the update through a read-write handle, closes it and starts fresh workers (a read-only
RocksDB handle must not stay open while another process writes).
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing as mp
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from pyoxigraph import DefaultGraph, NamedNode, QuerySolutions, QueryTriples, RdfFormat, Store, Triple, serialize

from kg import results
from kg.store import has_default_graph, merge_union

Reply = tuple[Any, ...]


class QueryTimeout(Exception):
    """The query did not finish within the endpoint's timeout."""


class Busy(Exception):
    """No worker became free within the timeout."""


class WorkerDied(Exception):
    """A worker process ended while running a query (e.g. out of memory)."""


# -- worker side ----------------------------------------------------------------------------------------------
def worker_main(store_path: str, conn: Connection) -> None:
    """Serve jobs from ``conn`` until the pipe closes."""
    store = Store.read_only(store_path)
    union = not has_default_graph(store)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = handle(store, job, union=union)
        except SyntaxError as e:
            reply = ("error", 400, f"malformed query: {e}")
        except Exception as e:
            reply = ("error", 500, f"{type(e).__name__}: {e}")
        conn.send(reply)


def handle(store: Store, job: tuple[Any, ...], *, union: bool = True) -> Reply:
    """Run one job: ``("query", text, formats, max_rows, default_graphs, named_graphs)`` or ``("describe", iri)``.

    ``formats`` maps a result kind (``solutions``, ``boolean``, ``graph``) to the negotiated format name.
    A query reply is ``("ok", format_name, body, truncated)``. ``union``: query the union of the named graphs
    (a store without a merged default graph, see ``kg.store.merge_union``) instead of the default graph.
    """
    if job[0] == "ping":
        return ("ok", len(store))
    if job[0] == "describe":
        return ("ok", "ntriples", describe(store, job[1]), False)
    _, text, formats, max_rows, default_graphs, named_graphs = job
    kwargs: dict[str, Any] = {"use_default_graph_as_union": union and not default_graphs}
    if default_graphs:
        kwargs["default_graph"] = [NamedNode(g) for g in default_graphs]
    if named_graphs:
        kwargs["named_graphs"] = [NamedNode(g) for g in named_graphs]
    result = store.query(text, **kwargs)
    if isinstance(result, QuerySolutions):
        fmt = formats["solutions"]
        variables, rows, truncated = results.read_rows(result, max_rows)
        return ("ok", fmt, results.serialize_rows(variables, rows, fmt), truncated)
    if isinstance(result, QueryTriples):
        fmt = formats["graph"]
        triples: list[Triple] = []
        truncated = False
        for t in result:
            if max_rows is not None and len(triples) >= max_rows:
                truncated = True
                break
            triples.append(t)
        return ("ok", fmt, results.serialize_graph(triples, fmt), truncated)
    fmt = formats["boolean"]
    return ("ok", fmt, results.serialize(result, fmt), False)


LABELS = ("http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel")


def describe(store: Store, iri: str) -> bytes:
    """The resource's description as N-Triples: its triples as subject, plus the labels of its objects."""
    node = NamedNode(iri)
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


# -- server side ----------------------------------------------------------------------------------------------
@dataclass(eq=False)
class Worker:
    process: Any
    conn: Connection
    generation: int

    def roundtrip(self, job: tuple[Any, ...]) -> Reply:
        self.conn.send(job)
        return self.conn.recv()

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
        with contextlib.suppress(Exception):
            self.conn.close()
        with contextlib.suppress(Exception):
            self.process.join(2)


class WorkerPool:
    """A fixed number of query worker processes over one store folder."""

    def __init__(self, store_path: str, size: int = 2) -> None:
        self.store_path = store_path
        self.size = size
        self.generation = 0
        self._ctx = mp.get_context("forkserver")
        self._ctx.set_forkserver_preload(["pyoxigraph", "kg.serve.workers"])
        self._idle: asyncio.Queue[Worker] = asyncio.Queue()
        self._threads = ThreadPoolExecutor(max_workers=size + 2, thread_name_prefix="kg-serve-io")
        self._all: set[Worker] = set()
        self._update_lock = asyncio.Lock()
        self._tasks: set[asyncio.Future[None]] = set()

    def _spawn(self) -> Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=worker_main, args=(self.store_path, child), daemon=True)
        process.start()
        child.close()
        worker = Worker(process, parent, self.generation)
        self._all.add(worker)
        return worker

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        for _ in range(self.size):
            worker = await loop.run_in_executor(self._threads, self._spawn)
            reply = await loop.run_in_executor(self._threads, worker.roundtrip, ("ping",))
            if reply[0] != "ok":
                raise RuntimeError(f"query worker failed to start: {reply}")
            self._idle.put_nowait(worker)

    def _background(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _replace(self, worker: Worker) -> None:
        loop = asyncio.get_running_loop()
        self._all.discard(worker)
        await loop.run_in_executor(self._threads, worker.kill)
        self._idle.put_nowait(await loop.run_in_executor(self._threads, self._spawn))

    async def call(self, job: tuple[Any, ...], timeout: float) -> Reply:
        """Run a job on a free worker; raise Busy, QueryTimeout or WorkerDied."""
        loop = asyncio.get_running_loop()
        try:
            worker = await asyncio.wait_for(self._idle.get(), timeout)
        except TimeoutError as e:
            raise Busy(f"no query worker became free within {timeout:g} s") from e
        if worker.generation != self.generation:  # the store changed under it: start a fresh one
            self._all.discard(worker)
            await loop.run_in_executor(self._threads, worker.kill)
            worker = await loop.run_in_executor(self._threads, self._spawn)
        try:
            reply = await asyncio.wait_for(loop.run_in_executor(self._threads, worker.roundtrip, job), timeout)
        except TimeoutError as e:
            self._background(self._replace(worker))
            raise QueryTimeout(f"query stopped after {timeout:g} s (the endpoint's --timeout)") from e
        except (EOFError, OSError) as e:
            self._background(self._replace(worker))
            raise WorkerDied(f"the query worker ended unexpectedly ({type(e).__name__})") from e
        self._idle.put_nowait(worker)
        return reply

    async def update(self, text: str, timeout: float) -> None:
        """Apply a SPARQL update exclusively (drain and stop the workers, write, start fresh ones)."""
        loop = asyncio.get_running_loop()
        async with self._update_lock:
            drained: list[Worker] = []
            try:
                for _ in range(self.size):
                    drained.append(await asyncio.wait_for(self._idle.get(), timeout))
            except TimeoutError as e:
                for w in drained:
                    self._idle.put_nowait(w)
                raise Busy(f"the store stayed busy for {timeout:g} s; update not applied") from e
            for w in drained:
                self._all.discard(w)
                await loop.run_in_executor(self._threads, w.kill)
            self.generation += 1
            try:
                await loop.run_in_executor(self._threads, _write, self.store_path, text)
            finally:
                for _ in range(self.size):
                    self._idle.put_nowait(await loop.run_in_executor(self._threads, self._spawn))

    async def close(self) -> None:
        for w in list(self._all):
            w.kill()
        self._all.clear()
        self._threads.shutdown(wait=False, cancel_futures=True)


def _write(store_path: str, text: str) -> None:
    """Apply an update; a merged default graph (``kg.store.merge_union``) is recomputed from the named graphs,
    so updates must write into named graphs (``INSERT DATA { GRAPH <g> { … } }``)."""
    store = Store(store_path)
    try:
        merged = has_default_graph(store)
        store.update(text)
        if merged:
            store.clear_graph(DefaultGraph())
            merge_union(store)
        store.flush()
    finally:
        del store
