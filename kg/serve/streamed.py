"""A long SPARQL answer sent to the client as its worker writes it (``kg.serve.pool.Stream``).

Its headers are long sent when the answer ends, so whether the row cap cut it comes at the end: as the
HTTP/1.1 trailer field ``X-Result-Truncated: true|false`` (declared in the ``Trailer`` header, when the server
has the ASGI trailers extension: ``kg.serve.limits``), and in the document itself for JSON and XML
(``kg.serve.querier``). An answer cut by an error or the timeout midway ends the connection without the
closing chunk, so no client takes it for a whole answer. With a ``tee``, the chunks are copied as they go
out and ``keep`` is given the whole body once the last chunk is sent (never an answer cut or capped).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

from starlette.responses import StreamingResponse
from starlette.types import Receive, Scope, Send

from kg.serve.cache import Tee
from kg.serve.pool import Stream

TRAILER = "X-Result-Truncated"


class CutShort(Exception):
    """The answer ended before its last row (timeout, worker gone, store error)."""


class Streamed(StreamingResponse):
    """The first frame's bytes, then the stream's chunks; the worker is told to stop the query (if the client
    left mid-answer) whatever happens to the response."""

    def __init__(self, first: bytes, stream: Stream, *, tee: Tee | None = None,
                 keep: Callable[[bytes], None] | None = None, **kwargs: Any) -> None:
        async def body() -> AsyncIterator[bytes]:
            yield first
            async for chunk in stream.chunks():
                if tee is not None:
                    tee.add(chunk)
                yield chunk

        super().__init__(body(), **kwargs)
        self.stream = stream
        self.trailers = False
        self.tee, self.keep = tee, keep

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.trailers = "http.response.trailers" in scope.get("extensions", {})
        if self.trailers:
            self.headers["Trailer"] = TRAILER
        try:
            await super().__call__(scope, receive, send)
        except CutShort:
            pass  # the response is left unfinished: the server closes the connection
        finally:
            self.stream.close()

    async def stream_response(self, send: Send) -> None:
        await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers,
                    "trailers": self.trailers})
        async for chunk in self.body_iterator:
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
        if self.stream.error is not None or not self.stream.ended:
            raise CutShort(self.stream.error or "the answer ended early")
        await send({"type": "http.response.body", "body": b"", "more_body": False})
        if self.tee is not None and self.keep is not None and not self.stream.truncated:
            whole = self.tee.body()  # the answer went out whole, under the row cap: it may be kept
            if whole is not None:
                self.keep(whole)
        if self.trailers:
            await send({"type": "http.response.trailers", "more_trailers": False,
                        "headers": [(TRAILER.lower().encode(), b"true" if self.stream.truncated else b"false")]})
