"""Query worker processes and a fair scheduler in front of them.

pyoxigraph cannot interrupt a running query, so every query runs in a worker process (``kg.serve.querier``,
started directly by the server and tied to it by the lifeline pipe) that is killed when its time is up and
replaced. A worker starts in about 0.1 s (it imports pyoxigraph only), and one spare is kept started with
the store open, so a killed worker's place is filled at once and the next spare starts behind it.

Scheduling, so that no client can stall the others:

* ``size`` general workers; one client runs at most ``per_client`` queries on them at a time.
* One reserve worker for short queries: a query that finds no general worker free runs there, but only
  for ``short_timeout`` seconds (then 503 with ``Retry-After``). Two heavy queries therefore cannot delay
  a cheap one by more than the time it takes.
* Waiting requests queue in arrival order, at most ``queue_max`` of them (then 503 ``Retry-After`` at once),
  each for at most ``timeout`` seconds.
* A long answer streams (``query_stream``): its worker stays taken until the last frame is read, or is
  killed and replaced when the client leaves or the time runs out mid-answer.
* Updates are exclusive and bounded by the same timeout: no query starts, the running ones finish (or the
  update answers 503), the readers stop (a read-only RocksDB handle must not be open while another process
  writes), a writer process applies the update in one transaction (killed if it overruns: nothing is
  written), and fresh readers start.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sys
import time
from collections import Counter, deque
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from kg.serve import wire

START_TIMEOUT = 30.0
Reply = tuple[dict[str, Any], bytes]


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
    """What every worker is started with."""

    store: str
    mode: str
    lifeline: Lifeline
    prefixes: dict[str, str] = field(default_factory=dict)

    def command(self, *, write: bool = False) -> list[str]:
        config = {"store": self.store, "mode": self.mode, "write": write, "lifeline": self.lifeline.read_fd,
                  "parent": os.getpid(), "prefixes": self.prefixes}
        return [sys.executable, "-I", "-m", "kg.serve.querier", json.dumps(config)]


@dataclass(eq=False)
class Worker:
    """One worker process and its job channel."""

    proc: asyncio.subprocess.Process

    async def call(self, job: dict[str, Any], timeout: float) -> Reply:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(wire.encode(job))
        await self.proc.stdin.drain()
        return await asyncio.wait_for(wire.read_async(self.proc.stdout), timeout)

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.proc.kill()

    async def stop(self, grace: float = 5.0) -> None:
        """Close its input (it exits after the current job), kill it if it lingers, reap it."""
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
    worker = Worker(proc)
    try:
        assert proc.stdout is not None
        header, _ = await asyncio.wait_for(wire.read_async(proc.stdout), START_TIMEOUT)
    except (TimeoutError, asyncio.IncompleteReadError) as e:
        worker.kill()
        await proc.wait()
        raise WorkerDied(f"a query worker failed to start (exit status {proc.returncode})") from e
    if not header.get("ok"):
        raise WorkerDied(f"a query worker failed to start: {header}")
    return worker


@dataclass(eq=False)
class Slot:
    reserve: bool = False
    worker: Worker | None = None
    busy: bool = False
    client: str | None = None

    @property
    def free(self) -> bool:
        return self.worker is not None and not self.busy


class Stream:
    """The rest of a long answer, frame by frame from its worker, within the job's time.

    ``close`` (idempotent) gives the worker back when the answer ended, and kills and replaces it otherwise
    (the client left, the time ran out): a worker in mid-answer cannot take another job.
    """

    def __init__(self, pool: Pool, slot: Slot, deadline: float) -> None:
        self.pool, self.slot, self.deadline = pool, slot, deadline
        self.ended = False
        self.closed = False
        self.error: str | None = None

    async def chunks(self) -> AsyncIterator[bytes]:
        worker = self.slot.worker
        assert worker is not None and worker.proc.stdout is not None
        try:
            while not self.ended:
                remaining = self.deadline - time.monotonic()
                try:
                    header, chunk = await asyncio.wait_for(wire.read_async(worker.proc.stdout), max(remaining, 0.001))
                except (TimeoutError, asyncio.IncompleteReadError, ConnectionError):
                    self.error = "the answer was cut: the endpoint's --timeout ran out, or the worker ended"
                    return
                self.ended = not header.get("more")
                self.error = header.get("error")
                if chunk:
                    yield chunk
        finally:
            self.close()

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self.ended:
            self.pool._release(self.slot)
        else:
            self.pool._restart(self.slot)


@dataclass(eq=False)
class Waiter:
    client: str
    future: asyncio.Future[Slot]


class Pool:
    """General workers, a reserve worker, a bounded fair queue and exclusive updates."""

    def __init__(self, settings: WorkerSettings, size: int = 2, *, per_client: int = 1, queue_max: int = 32,
                 short_timeout: float = 1.0) -> None:
        self.settings = settings
        self.slots = [Slot() for _ in range(size)] + [Slot(reserve=True)]
        self.per_client = per_client
        self.queue_max = queue_max
        self.short_timeout = short_timeout
        self.waiting: deque[Waiter] = deque()
        self.running: Counter[str] = Counter()
        self.paused = False
        self.restarts: list[float] = []  # seconds each replacement took to become ready
        self._changed = asyncio.Event()
        self._update_lock = asyncio.Lock()
        self._tasks: set[asyncio.Task[None]] = set()
        self._spare: asyncio.Future[Worker] | None = None

    # -- lifecycle ---------------------------------------------------------------------------------------------
    async def start(self) -> None:
        workers = await asyncio.gather(*(spawn(self.settings) for _ in self.slots))
        for slot, worker in zip(self.slots, workers, strict=True):
            slot.worker = worker
        self._prepare_spare()

    def _prepare_spare(self) -> None:
        if self._spare is None and not self.paused:
            self._spare = asyncio.ensure_future(spawn(self.settings))

    async def _take_spare(self) -> Worker:
        """The started spare (or a new worker if it failed), and the next spare on its way."""
        task, self._spare = self._spare, None
        self._prepare_spare()
        if task is not None:
            with contextlib.suppress(WorkerDied):
                return await task
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
        for task in list(self._tasks):
            task.cancel()
        if self._spare is not None:
            self._spare.cancel()
            if self._spare.done() and not self._spare.cancelled() and self._spare.exception() is None:
                self._spare.result().kill()
            self._spare = None
        for slot in self.slots:
            if slot.worker is not None:
                slot.worker.kill()
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(slot.worker.proc.wait(), 2)
                slot.worker = None

    def stats(self) -> dict[str, Any]:
        return {"workers": sum(s.worker is not None for s in self.slots), "busy": sum(s.busy for s in self.slots),
                "queued": len(self.waiting), "restarts": len(self.restarts),
                "last_restart_seconds": round(self.restarts[-1], 4) if self.restarts else None,
                "pids": [s.worker.proc.pid for s in self.slots if s.worker is not None] + self._spare_pid()}

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
        for waiter in list(self.waiting):
            if waiter.future.done():
                self.waiting.remove(waiter)
                continue
            slot = next((s for s in self.slots if not s.reserve and s.free
                         and self.running[waiter.client] < self.per_client), None)
            if slot is None:
                slot = next((s for s in self.slots if s.reserve and s.free), None)
            if slot is None:
                if not any(s.free for s in self.slots):
                    return
                continue
            slot.busy, slot.client = True, waiter.client
            if not slot.reserve:
                self.running[waiter.client] += 1
            self.waiting.remove(waiter)
            waiter.future.set_result(slot)

    def _release(self, slot: Slot) -> None:
        if not slot.reserve and slot.client is not None:
            self.running[slot.client] -= 1
            if self.running[slot.client] <= 0:
                del self.running[slot.client]
        slot.busy, slot.client = False, None
        self._dispatch()

    def _restart(self, slot: Slot) -> None:
        """Kill the slot's worker and start a replacement in the background."""
        old, slot.worker = slot.worker, None
        self._release(slot)

        async def replace() -> None:
            t0 = time.monotonic()
            if old is not None:
                old.kill()
            try:
                slot.worker = await self._take_spare()
                self.restarts.append(time.monotonic() - t0)
            finally:
                self._dispatch()
            if old is not None:
                await old.proc.wait()

        task = asyncio.ensure_future(replace())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _acquire(self, client: str, timeout: float) -> Slot:
        if len(self.waiting) >= self.queue_max:
            raise Busy(f"{len(self.waiting)} requests are already waiting; try again shortly")
        waiter = Waiter(client, asyncio.get_running_loop().create_future())
        self.waiting.append(waiter)
        self._dispatch()
        try:
            await asyncio.wait({waiter.future}, timeout=timeout)
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
        """Like ``query``, but a long answer comes as its first frame and a Stream of the rest; the worker is
        the stream's until it ends or is closed (raise Busy, QueryTimeout or WorkerDied)."""
        slot = await self._acquire(client, timeout)
        budget = min(self.short_timeout, timeout) if slot.reserve else timeout
        deadline = time.monotonic() + budget
        assert slot.worker is not None
        try:
            header, body = await slot.worker.call(job, budget)
        except TimeoutError as e:
            self._restart(slot)
            if slot.reserve:
                raise QueryTimeout(f"every full query worker is busy and this query needs more than {budget:g} s; "
                                   "try again shortly") from e
            raise QueryTimeout(f"query stopped after {budget:g} s (the endpoint's --timeout)") from e
        except (asyncio.IncompleteReadError, ConnectionError) as e:
            self._restart(slot)
            raise WorkerDied("the query worker ended unexpectedly") from e
        except BaseException:
            self._restart(slot)  # cancelled mid-job: the worker's channel is in an unknown state
            raise
        if not header.get("more"):
            self._release(slot)
            return header, body, None
        return header, body, Stream(self, slot, deadline)

    # -- updates -------------------------------------------------------------------------------------------------
    async def _until_all_free(self, deadline: float) -> None:
        while not all(s.free for s in self.slots):
            self._changed.clear()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise Busy("the store stayed busy with queries; update not applied")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), remaining)

    async def update(self, job: dict[str, Any], timeout: float) -> Reply:
        """Apply an update exclusively, within ``timeout`` seconds (else 503 and nothing written)."""
        deadline = time.monotonic() + timeout
        async with self._update_lock:
            self.paused = True
            try:
                await self._until_all_free(deadline)
                await self._drop_spare()
                for slot in self.slots:
                    worker, slot.worker = slot.worker, None
                    if worker is not None:
                        await worker.stop(grace=1.0)
                writer = await spawn(self.settings, write=True)
                try:
                    reply = await writer.call(job, max(0.1, deadline - time.monotonic()))
                except TimeoutError as e:
                    writer.kill()
                    raise QueryTimeout(f"update stopped after {timeout:g} s (the endpoint's --timeout); "
                                       "nothing was written") from e
                except (asyncio.IncompleteReadError, ConnectionError) as e:
                    raise WorkerDied("the update worker ended unexpectedly; nothing was written") from e
                finally:
                    await writer.stop()
                return reply
            finally:
                workers = await asyncio.gather(*(spawn(self.settings) for _ in self.slots), return_exceptions=True)
                for slot, worker in zip(self.slots, workers, strict=True):
                    if isinstance(worker, Worker):
                        slot.worker = worker
                self.paused = False
                self._prepare_spare()
                self._dispatch()
