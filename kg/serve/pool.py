"""Query worker processes, each answering several queries at once on threads, and a fair scheduler.

pyoxigraph cannot interrupt a running query, so queries run in worker processes (``kg.serve.querier``,
started directly by the server and tied to it by the lifeline pipe) that can be killed. Each worker runs up
to ``threads`` queries at once (pyoxigraph releases the GIL while it evaluates), so a lookup of a few
milliseconds starts at once beside corpus-wide answers instead of queueing behind them, as in ``oxigraph
serve``'s thread per request. A worker starts in about 0.1 s (it imports pyoxigraph only), and one spare is
kept started with the store open, so a killed worker's place is filled at once.

Scheduling, so that no client can stall the others:

* ``size`` general workers of ``threads`` queries each; one client runs at most ``per_client`` queries on
  them at a time, on the least busy worker.
* One reserve worker for short queries: a query that finds no general place free (or its client at its
  limit) runs there, one per client, but only for ``short_timeout`` seconds (then 503 with
  ``Retry-After``). Heavy queries therefore cannot delay a cheap one by more than the time it takes.
* Waiting requests queue in arrival order, at most ``queue_max`` of them (then 503 ``Retry-After`` at once),
  each for at most ``timeout`` seconds.
* A query that overruns its time is given up: its client gets a 503 at once and the worker is told to stop
  it; a query still running a moment later is stuck inside the engine, so its worker is *retired*: a
  started spare takes its place, it takes no new query, its other queries run to their end (or their own
  time), and then it is killed. Killing a worker therefore never cuts an innocent query short.
* A long answer streams (``query_stream``): its frames come as the client reads them (the worker sends two
  ahead, then waits for credit); a client that leaves mid-answer makes the worker stop that query, and
  nothing else.
* Updates are exclusive and bounded by the same timeout: no query starts, the running ones finish (or the
  update answers 503), the readers stop (a read-only RocksDB handle must not be open while another process
  writes), a writer process applies the update in one transaction (killed if it overruns: nothing is
  written), and fresh readers start.
* A new store generation (``kg build --store`` switched the store's link, ``kg.storegen``) is followed with
  ``switch``: fresh workers open it and take every new query; the old ones finish what they run and exit.
* Each answer's header names the ``version`` it comes from (the generation's folder and the updates applied,
  ``WorkerSettings.version``): the ETags and the answer cache are keyed by it (``kg.serve.cache``).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import sys
import time
from collections import Counter, deque
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field, replace
from typing import Any

from kg.serve import wire

START_TIMEOUT = 30.0
GRACE = 0.25  # seconds a given-up query has to stop before its worker is retired
Reply = tuple[dict[str, Any], bytes]
Frame = tuple[dict[str, Any], bytes] | None  # None: the worker ended


class Busy(Exception):
    """No worker became free in time, or the queue is full."""


class QueryTimeout(Exception):
    """The job did not finish within its time."""


class WorkerDied(Exception):
    """A worker process ended while running a job (e.g. out of memory)."""


class Lifeline:
    """A pipe whose write end only the server holds: its readers see end-of-file when the server is gone."""

    def __init__(self) -> None:
        self.read_fd, self.write_fd = os.pipe()

    def close(self) -> None:
        for fd in (self.read_fd, self.write_fd):
            with contextlib.suppress(OSError):
                os.close(fd)


@dataclass
class WorkerSettings:
    """What every worker is started with (``store``: the folder it opens, a generation's real path)."""

    store: str
    mode: str
    lifeline: Lifeline
    prefixes: dict[str, str] = field(default_factory=dict)
    threads: int = 4
    updates: int = 0  # updates applied by this server to ``store``: part of the version its answers come from

    @property
    def version(self) -> str:
        """What an answer is a function of, besides the request: the generation and the updates applied."""
        return f"{self.store}#{self.updates}"

    def command(self, *, write: bool = False) -> list[str]:
        config = {"store": self.store, "mode": self.mode, "write": write, "lifeline": self.lifeline.read_fd,
                  "parent": os.getpid(), "prefixes": self.prefixes, "threads": 1 if write else self.threads}
        return [sys.executable, "-I", "-m", "kg.serve.querier", json.dumps(config)]


@dataclass(eq=False)
class Job:
    """One query on a worker: its frames as they arrive, its time, and the client it counts against."""

    number: int
    worker: Worker
    client: str | None  # counted against the client's --per-client while set
    reserve: bool
    deadline: float = 0.0
    frames: asyncio.Queue[Frame] = field(default_factory=asyncio.Queue)
    given_up: bool = False
    ended: bool = False


@dataclass(eq=False)
class Worker:
    """One worker process: its job channel, the jobs it runs, and its place (general, reserve, retired)."""

    proc: asyncio.subprocess.Process
    threads: int
    store: str
    version: str = ""
    jobs: dict[int, Job] = field(default_factory=dict)
    reserve: bool = False
    retired: bool = False
    dead: bool = False
    on_end: Callable[[Worker, Job | None], None] | None = None

    @property
    def free(self) -> bool:
        return not self.retired and not self.dead and len(self.jobs) < self.threads

    def send(self, frame: dict[str, Any]) -> None:
        """Queue a frame to the worker (its main thread reads them at once; a dead worker's pipe is ignored)."""
        if self.proc.stdin is not None and not self.dead:
            with contextlib.suppress(ConnectionError, RuntimeError):
                self.proc.stdin.write(wire.encode(frame))

    async def read_frames(self) -> None:
        """Route each reply frame to its job until the worker ends; report every job's end."""
        assert self.proc.stdout is not None
        try:
            while True:
                header, body = await wire.read_async(self.proc.stdout)
                job = self.jobs.get(int(header.get("id", -1)))
                if job is None:
                    continue
                job.frames.put_nowait((header, body))
                if not header.get("more"):
                    job.ended = True
                    del self.jobs[job.number]
                    if self.on_end is not None:
                        self.on_end(self, job)
        except (asyncio.IncompleteReadError, ConnectionError, ValueError):
            pass
        finally:
            self.dead = True
            for job in list(self.jobs.values()):
                job.ended = True
                job.frames.put_nowait(None)
                del self.jobs[job.number]
                if self.on_end is not None:
                    self.on_end(self, job)
            if self.on_end is not None:
                self.on_end(self, None)
            with contextlib.suppress(ProcessLookupError):
                self.proc.kill()
            await self.proc.wait()

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.proc.kill()

    async def stop(self, grace: float = 5.0) -> None:
        """Close its input (it exits after its current jobs), kill it if it lingers, reap it."""
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            await asyncio.wait_for(self.proc.wait(), grace)
        except TimeoutError:
            self.kill()
            await self.proc.wait()


async def spawn(settings: WorkerSettings, *, write: bool = False) -> Worker:
    proc = await asyncio.create_subprocess_exec(*settings.command(write=write), stdin=asyncio.subprocess.PIPE,
                                                stdout=asyncio.subprocess.PIPE, pass_fds=(settings.lifeline.read_fd,))
    try:
        assert proc.stdout is not None
        header, _ = await asyncio.wait_for(wire.read_async(proc.stdout), START_TIMEOUT)
    except (TimeoutError, asyncio.IncompleteReadError) as e:
        with contextlib.suppress(ProcessLookupError):
            proc.kill()
        await proc.wait()
        raise WorkerDied(f"a query worker failed to start (exit status {proc.returncode})") from e
    if not header.get("ok"):
        raise WorkerDied(f"a query worker failed to start: {header}")
    return Worker(proc, 1 if write else settings.threads, settings.store, settings.version)


class Stream:
    """The rest of a long answer, frame by frame from its worker, within the job's time.

    ``close`` (idempotent) tells the worker to stop the query if the answer did not end (the client left, the
    time ran out); ``truncated`` says, once the answer ended, whether the row cap cut it.
    """

    def __init__(self, pool: Pool, job: Job) -> None:
        self.pool, self.job = pool, job
        self.ended = False
        self.closed = False
        self.truncated = False
        self.error: str | None = None

    async def chunks(self) -> AsyncIterator[bytes]:
        try:
            while not self.ended:
                remaining = self.job.deadline - time.monotonic()
                try:
                    frame = await asyncio.wait_for(self.job.frames.get(), max(remaining, 0.001))
                except TimeoutError:
                    frame = None
                if frame is None:
                    self.error = "the answer was cut: the endpoint's --timeout ran out, or the worker ended"
                    return
                header, chunk = frame
                self.ended = not header.get("more")
                self.error = header.get("error")
                self.truncated = bool(header.get("truncated"))
                if not self.ended:
                    self.job.worker.send({"op": "credit", "id": self.job.number})
                if chunk:
                    yield chunk
        finally:
            self.close()

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if not self.ended:
            self.pool._give_up(self.job)


@dataclass(eq=False)
class Waiter:
    client: str
    future: asyncio.Future[Job]


class Pool:
    """General workers, a reserve worker, a bounded fair queue, exclusive updates and store switches."""

    def __init__(self, settings: WorkerSettings, size: int = 2, *, per_client: int = 1, queue_max: int = 32,
                 short_timeout: float = 1.0) -> None:
        self.settings = settings
        self.places: list[Worker | None] = [None] * (size + 1)  # the last place is the reserve's
        self.retired: set[Worker] = set()
        self.per_client = per_client
        self.queue_max = queue_max
        self.short_timeout = short_timeout
        self.waiting: deque[Waiter] = deque()
        self.running: Counter[str] = Counter()  # general-lane queries per client
        self.on_reserve: Counter[str] = Counter()
        self.paused = False
        self.restarts: list[float] = []  # seconds each replacement took to become ready
        self.jobs_sent = 0  # queries and describes sent to the workers
        self._numbers = itertools.count(1)
        self._changed = asyncio.Event()
        self._update_lock = asyncio.Lock()
        self._tasks: set[asyncio.Task[Any]] = set()
        self._spare: asyncio.Future[Worker] | None = None

    # -- lifecycle ---------------------------------------------------------------------------------------------
    async def start(self) -> None:
        workers = await asyncio.gather(*(spawn(self.settings) for _ in self.places))
        for i, worker in enumerate(workers):
            self._place(i, worker)
        self._prepare_spare()

    def _background(self, coro: Any) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def _place(self, i: int, worker: Worker) -> None:
        worker.reserve = i == len(self.places) - 1
        worker.on_end = self._job_ended
        self.places[i] = worker
        self._background(worker.read_frames())

    def _prepare_spare(self) -> None:
        if self._spare is None and not self.paused:
            self._spare = asyncio.ensure_future(spawn(self.settings))

    async def _take_spare(self) -> Worker:
        """The started spare (or a new worker if it failed or opened another store), and the next spare."""
        task, self._spare = self._spare, None
        self._prepare_spare()
        if task is not None:
            with contextlib.suppress(WorkerDied):
                worker = await task
                if worker.version == self.settings.version:
                    return worker
                worker.kill()
        return await spawn(self.settings)

    async def _drop_spare(self) -> None:
        task, self._spare = self._spare, None
        if task is not None:
            try:
                worker = await task
            except (WorkerDied, asyncio.CancelledError):
                return
            await worker.stop(grace=1.0)

    async def close(self) -> None:
        """Kill every worker (the spare too, once started) and reap them."""
        spare, self._spare = self._spare, None
        workers = [w for w in self.places if w is not None] + list(self.retired)
        self.places = [None] * len(self.places)
        self.retired.clear()
        for worker in workers:
            worker.kill()
        if spare is not None:
            with contextlib.suppress(Exception):
                workers.append(await asyncio.wait_for(spare, START_TIMEOUT))
                workers[-1].kill()
        for worker in workers:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(worker.proc.wait(), 2)
        tasks = list(self._tasks)
        if tasks:
            await asyncio.wait(tasks, timeout=2)
        for task in tasks:
            task.cancel()

    def stats(self) -> dict[str, Any]:
        live = [w for w in self.places if w is not None and not w.dead]
        return {"workers": len(live), "threads": self.settings.threads,
                "busy": sum(not j.given_up for w in live + list(self.retired) for j in w.jobs.values()),
                "queued": len(self.waiting), "restarts": len(self.restarts), "retired": len(self.retired),
                "last_restart_seconds": round(self.restarts[-1], 4) if self.restarts else None,
                "store": self.settings.store, "jobs": self.jobs_sent,
                "pids": [w.proc.pid for w in live] + self._spare_pid()}

    def _spare_pid(self) -> list[int]:
        spare = self._spare
        if spare is None or not spare.done() or spare.cancelled() or spare.exception() is not None:
            return []
        return [spare.result().proc.pid]

    # -- scheduling --------------------------------------------------------------------------------------------
    def _dispatch(self) -> None:
        self._changed.set()
        if self.paused:
            return
        general = [w for w in self.places[:-1] if w is not None and w.free]
        reserve = self.places[-1]
        for waiter in list(self.waiting):
            if waiter.future.done():
                self.waiting.remove(waiter)
                continue
            client = waiter.client
            worker: Worker | None = None
            if general and self.running[client] < self.per_client:
                worker = min(general, key=lambda w: len(w.jobs))
            elif reserve is not None and reserve.free and not self.on_reserve[client]:
                worker = reserve
            if worker is None:
                if not general and (reserve is None or not reserve.free):
                    return
                continue
            job = Job(next(self._numbers), worker, client, worker.reserve)
            worker.jobs[job.number] = job
            (self.on_reserve if worker.reserve else self.running)[client] += 1
            self.waiting.remove(waiter)
            waiter.future.set_result(job)
            if not worker.free:
                with contextlib.suppress(ValueError):
                    general.remove(worker)

    def _uncount(self, job: Job) -> None:
        """The job no longer counts against its client."""
        if job.client is None:
            return
        counts = self.on_reserve if job.reserve else self.running
        counts[job.client] -= 1
        if counts[job.client] <= 0:
            del counts[job.client]
        job.client = None

    def _unlease(self, job: Job) -> None:
        """A place given to a request that left before its job was sent."""
        job.ended = True
        job.worker.jobs.pop(job.number, None)
        self._uncount(job)
        if job.worker.retired:
            self._reap(job.worker)
        self._dispatch()

    def _job_ended(self, worker: Worker, job: Job | None) -> None:
        """A job's last frame arrived (None: the worker ended); a worker that ended is replaced."""
        if job is not None:
            self._uncount(job)
        else:
            self.retired.discard(worker)
            if worker in self.places:
                self._replace(self.places.index(worker))
        if worker.retired:
            self._reap(worker)
        self._dispatch()

    def _give_up(self, job: Job) -> None:
        """Stop a job the server no longer waits for; retire its worker if the job is still running after
        ``GRACE`` seconds (past its own deadline)."""
        if job.ended or job.given_up:
            return
        job.given_up = True
        self._uncount(job)
        job.worker.send({"op": "cancel", "id": job.number})
        delay = max(job.deadline - time.monotonic(), 0.0) + GRACE
        asyncio.get_running_loop().call_later(delay, self._check_stopped, job)
        if job.worker.retired:
            self._reap(job.worker)
        self._dispatch()

    def _check_stopped(self, job: Job) -> None:
        if not job.ended:
            self._retire(job.worker)

    def _retire(self, worker: Worker) -> None:
        """No new job for this worker; a spare takes its place; it is killed once its live jobs ended."""
        if worker.retired or worker.dead:
            return
        worker.retired = True
        self.retired.add(worker)
        if worker in self.places:
            self._replace(self.places.index(worker))
        self._reap(worker)

    def _reap(self, worker: Worker) -> None:
        if all(j.given_up for j in worker.jobs.values()):
            worker.kill()  # its reader reaps it and drops it from the retired set

    def _replace(self, i: int) -> None:
        """Fill place ``i`` with the spare (a new worker if need be), in the background."""
        self.places[i] = None
        self._dispatch()

        async def replace() -> None:
            t0 = time.monotonic()
            try:
                worker = await self._take_spare()
                self._place(i, worker)
                self.restarts.append(time.monotonic() - t0)
            finally:
                self._dispatch()

        self._background(replace())

    async def _acquire(self, client: str, timeout: float) -> Job:
        if len(self.waiting) >= self.queue_max:
            raise Busy(f"{len(self.waiting)} requests are already waiting; try again shortly")
        waiter = Waiter(client, asyncio.get_running_loop().create_future())
        self.waiting.append(waiter)
        self._dispatch()
        try:
            await asyncio.wait({waiter.future}, timeout=timeout)
        except BaseException:  # the request was cancelled (client gone): a place given meanwhile goes back
            if waiter.future.done() and not waiter.future.cancelled():
                self._unlease(waiter.future.result())
            raise
        finally:
            if not waiter.future.done():
                waiter.future.cancel()
                with contextlib.suppress(ValueError):
                    self.waiting.remove(waiter)
        if waiter.future.cancelled():
            raise Busy(f"no query worker became free within {timeout:g} s")
        return waiter.future.result()

    async def query(self, client: str, job: dict[str, Any], timeout: float) -> Reply:
        """Run a query or describe job for a client; raise Busy, QueryTimeout or WorkerDied."""
        header, body, stream = await self.query_stream(client, job, timeout)
        if stream is not None:
            body += b"".join([chunk async for chunk in stream.chunks()])
        return header, body

    async def query_stream(self, client: str, job: dict[str, Any], timeout: float
                           ) -> tuple[dict[str, Any], bytes, Stream | None]:
        """Like ``query``, but a long answer comes as its first frame and a Stream of the rest (raise Busy,
        QueryTimeout or WorkerDied)."""
        lease = await self._acquire(client, timeout)
        budget = min(self.short_timeout, timeout) if lease.reserve else timeout
        lease.deadline = time.monotonic() + budget
        lease.worker.send({**job, "id": lease.number})
        self.jobs_sent += 1
        try:
            frame = await asyncio.wait_for(lease.frames.get(), budget)
        except TimeoutError as e:
            self._give_up(lease)
            if lease.reserve:
                raise QueryTimeout(f"every full query worker is busy and this query needs more than {budget:g} s; "
                                   "try again shortly") from e
            raise QueryTimeout(f"query stopped after {budget:g} s (the endpoint's --timeout)") from e
        except BaseException:
            self._give_up(lease)  # cancelled: the client left before the answer began
            raise
        if frame is None:
            raise WorkerDied("the query worker ended unexpectedly")
        header, body = frame
        header["version"] = lease.worker.version  # the store the answer comes from
        if header.get("cancelled"):
            raise QueryTimeout("the query was stopped")
        if not header.get("more"):
            return header, body, None
        return header, body, Stream(self, lease)

    # -- updates and store switches ----------------------------------------------------------------------------
    async def _until_idle(self, deadline: float) -> None:
        """Until no query runs (given-up ones aside) and no replacement is on its way."""
        while True:
            workers = [w for w in self.places if w is not None] + list(self.retired)
            live = any(not j.given_up for w in workers for j in w.jobs.values())
            if not live and None not in self.places:
                return
            self._changed.clear()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise Busy("the store stayed busy with queries; update not applied")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), min(remaining, 0.1))

    async def _stop_readers(self) -> None:
        await self._drop_spare()
        workers = [w for w in self.places if w is not None] + list(self.retired)
        self.places = [None] * len(self.places)
        self.retired.clear()
        for worker in workers:
            worker.retired = True
            await worker.stop(grace=1.0)

    async def _start_readers(self) -> None:
        workers = await asyncio.gather(*(spawn(self.settings) for _ in self.places), return_exceptions=True)
        for i, worker in enumerate(workers):
            if isinstance(worker, Worker):
                self._place(i, worker)
            else:
                self._replace(i)

    async def update(self, job: dict[str, Any], timeout: float) -> Reply:
        """Apply an update exclusively, within ``timeout`` seconds (else 503 and nothing written)."""
        deadline = time.monotonic() + timeout
        async with self._update_lock:
            self.paused = True
            try:
                await self._until_idle(deadline)
                await self._stop_readers()
                writer = await spawn(self.settings, write=True)
                reader = asyncio.ensure_future(writer.read_frames())
                lease = Job(next(self._numbers), writer, None, False)
                writer.jobs[lease.number] = lease
                try:
                    writer.send({**job, "id": lease.number})
                    frame = await asyncio.wait_for(lease.frames.get(), max(0.1, deadline - time.monotonic()))
                except TimeoutError as e:
                    writer.kill()
                    raise QueryTimeout(f"update stopped after {timeout:g} s (the endpoint's --timeout); "
                                       "nothing was written") from e
                finally:
                    await writer.stop()
                    await reader
                if frame is None:
                    raise WorkerDied("the update worker ended unexpectedly; nothing was written")
                return frame
            finally:
                # a new version even when nothing was written: the safe side for validators and the cache
                self.settings = replace(self.settings, updates=self.settings.updates + 1)
                self.paused = False
                await self._start_readers()
                self._prepare_spare()
                self._dispatch()

    async def switch(self, store: str, mode: str) -> None:
        """Serve another store folder (a new generation): fresh workers take every new query; the old ones
        finish what they run, then exit. Raise WorkerDied (and keep the old ones) if the new ones fail."""
        async with self._update_lock:
            settings = replace(self.settings, store=store, mode=mode)
            workers = await asyncio.gather(*(spawn(settings) for _ in self.places), return_exceptions=True)
            failed = [w for w in workers if not isinstance(w, Worker)]
            if failed:
                for w in workers:
                    if isinstance(w, Worker):
                        w.kill()
                raise WorkerDied(str(failed[0]))
            self.settings = settings
            old, spare, self._spare = list(self.places), self._spare, None
            for i, worker in enumerate(workers):
                assert isinstance(worker, Worker)
                self._place(i, worker)
            for worker in old:
                if worker is not None:
                    worker.retired = True
                    self.retired.add(worker)
                    self._reap(worker)
            if spare is not None:
                spare.cancel()
                if spare.done() and not spare.cancelled() and spare.exception() is None:
                    spare.result().kill()
            self._prepare_spare()
            self._dispatch()
