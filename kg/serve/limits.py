"""HTTP-level limits and framing: a deadline for a request's headers, a bounded, timed read of its body, and
HTTP/1.1 trailers.

uvicorn bounds the size of the request line and headers (``h11_max_incomplete_event_size``) but waits for
them forever; ``guarded_protocol`` closes a connection whose next request's headers are not complete within
``header_timeout`` seconds (a client sending half a request cannot hold a connection). ``read_body`` refuses
a body over ``max_bytes`` (413) or one that does not arrive within ``timeout`` seconds (408).

uvicorn's h11 protocol has no ASGI ``http.response.trailers`` extension; ``guarded_protocol`` adds it (a
trailer field after the last chunk of a chunked answer: how a streamed SPARQL answer says, at its end,
whether the row cap cut it).
"""

from __future__ import annotations

import asyncio
from typing import Any

import h11
from starlette.requests import Request
from uvicorn.protocols.http import h11_impl
from uvicorn.protocols.http.h11_impl import H11Protocol

from kg.serve.guard import Refused


class _HeaderDeadline(H11Protocol):
    header_timeout = 10.0
    _deadline: asyncio.TimerHandle | None = None

    def _waiting_for_headers(self) -> bool:
        return self.cycle is None or self.cycle.response_complete

    def _arm(self) -> None:
        if self._deadline is None:
            self._deadline = self.loop.call_later(self.header_timeout, self._expired)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expired(self) -> None:
        self._deadline = None
        if self._waiting_for_headers() and not self.transport.is_closing():
            self.transport.close()

    def connection_made(self, transport: Any) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self._waiting_for_headers():
            self._arm()
        else:
            self._disarm()

    def on_response_complete(self) -> None:
        self._disarm()  # idle keep-alive connections are closed by uvicorn's own keep-alive timeout
        super().on_response_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)


class _TrailerCycle(h11_impl.RequestResponseCycle):
    """uvicorn's request cycle with the ASGI trailers extension: a start message with ``trailers`` holds the end
    of the message until the ``http.response.trailers`` message, sent as the chunked body's trailer section."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.scope.setdefault("extensions", {})["http.response.trailers"] = {}
        self.trailers_expected = False

    async def send(self, message: Any) -> None:
        kind = message["type"]
        if kind == "http.response.start":
            self.trailers_expected = bool(message.get("trailers"))
        elif kind == "http.response.body" and self.trailers_expected and not message.get("more_body", False):
            if message.get("body"):
                await super().send({**message, "more_body": True})
            return
        elif kind == "http.response.trailers":
            await self._send_trailers(message.get("headers", []))
            return
        await super().send(message)

    async def _send_trailers(self, headers: list[tuple[bytes, bytes]]) -> None:
        if self.flow.write_paused and not self.disconnected:
            await self.flow.drain()
        if self.disconnected or self.response_complete:
            return
        self.response_complete = True
        self.message_event.set()
        try:
            output = self.conn.send(event=h11.EndOfMessage(headers=headers))
        except h11.LocalProtocolError:  # not chunked (an HTTP/1.0 client): no trailer section to write
            output = self.conn.send(event=h11.EndOfMessage())
        self.transport.write(output)
        if self.conn.our_state is h11.MUST_CLOSE or not self.keep_alive:
            self.conn.send(event=h11.ConnectionClosed())
            self.transport.close()
        self.on_response()


def guarded_protocol(header_timeout: float) -> type[H11Protocol]:
    """uvicorn's h11 protocol with a deadline on request headers and trailers for streamed answers."""
    h11_impl.RequestResponseCycle = _TrailerCycle  # type: ignore[misc]  # the name uvicorn's protocol instantiates
    return type("GuardedH11Protocol", (_HeaderDeadline,), {"header_timeout": header_timeout})


async def read_body(request: Request, max_bytes: int, timeout: float) -> bytes:
    """The request body, or Refused (413 too large, 408 too slow)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > max_bytes:
        raise Refused(413, f"request body of {declared} bytes; this endpoint accepts at most {max_bytes}")
    chunks: list[bytes] = []
    size = 0

    async def collect() -> None:
        nonlocal size
        async for chunk in request.stream():
            size += len(chunk)
            if size > max_bytes:
                raise Refused(413, f"request body over {max_bytes} bytes; this endpoint accepts at most {max_bytes}")
            chunks.append(chunk)

    try:
        await asyncio.wait_for(collect(), timeout)
    except TimeoutError as e:
        raise Refused(408, f"the request body did not arrive within {timeout:g} s") from e
    return b"".join(chunks)
