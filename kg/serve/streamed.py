"""A long SPARQL answer sent to the client as its worker writes it (``kg.serve.pool.Stream``)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from starlette.responses import StreamingResponse
from starlette.types import Receive, Scope, Send

from kg.serve.pool import Stream


class Streamed(StreamingResponse):
    """The first frame's bytes, then the stream's chunks; the worker is given back (or replaced, if the
    client left mid-answer) whatever happens to the response."""

    def __init__(self, first: bytes, stream: Stream, **kwargs: Any) -> None:
        async def body() -> AsyncIterator[bytes]:
            yield first
            async for chunk in stream.chunks():
                yield chunk

        super().__init__(body(), **kwargs)
        self.stream = stream

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            self.stream.close()
