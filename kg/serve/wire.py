"""Frames between the endpoint and its worker processes: a JSON header and a byte body, each length-prefixed.

The worker side is blocking (its stdin and stdout); the server side reads with asyncio streams.
"""

from __future__ import annotations

import json
import struct
from typing import TYPE_CHECKING, Any, BinaryIO

if TYPE_CHECKING:
    import asyncio

_SIZES = struct.Struct(">II")


def encode(header: dict[str, Any], body: bytes = b"") -> bytes:
    head = json.dumps(header, ensure_ascii=False).encode()
    return _SIZES.pack(len(head), len(body)) + head + body


def write(out: BinaryIO, header: dict[str, Any], body: bytes = b"") -> None:
    out.write(encode(header, body))
    out.flush()


def read(inp: BinaryIO) -> tuple[dict[str, Any], bytes] | None:
    """The next frame, or None at end of input."""
    sizes = inp.read(_SIZES.size)
    if len(sizes) < _SIZES.size:
        return None
    n_head, n_body = _SIZES.unpack(sizes)
    head, body = inp.read(n_head), inp.read(n_body)
    if len(head) < n_head or len(body) < n_body:
        return None
    return json.loads(head), body


async def read_async(reader: asyncio.StreamReader) -> tuple[dict[str, Any], bytes]:
    """The next frame (raises asyncio.IncompleteReadError if the worker ended)."""
    n_head, n_body = _SIZES.unpack(await reader.readexactly(_SIZES.size))
    head = await reader.readexactly(n_head)
    body = await reader.readexactly(n_body) if n_body else b""
    return json.loads(head), body
