"""Validators and a bounded in-memory cache for answers, which are a function of what the server serves.

Between two generations (``kg.serve.generation``) and two updates the store is read-only, so a SPARQL answer
is a function of the *version* served (``Pool.version``: the generation's folder and the number of updates
applied) and of the request's answer-determining parts: the query text, the dataset (``default-graph-uri``,
``named-graph-uri``), the base IRI relative IRIs resolve against, the negotiated formats and the row cap.

* ``etag``: a weak validator of those, salted with a random value drawn when the server starts (a store folder
  may have been changed while no server held it, so a validator never outlives its server). A request whose
  ``If-None-Match`` lists it gets 304 without its query running (``matches``).
* ``AnswerCache``: whole answers kept in memory, least recently used first out, at most ``max_bytes`` in all
  and never one over ``max_entry`` bytes. Keyed by version, so a rebuild or an update makes every entry
  unreachable (they are dropped as the version changes). Only answers that ended whole are put in: a
  streamed answer is copied as it goes out (``Tee``) and kept only if it ended without error, cut, timeout or
  the client leaving, and under the row cap. The server's event loop is the only thread that touches it.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

SALT = secrets.token_hex(8)  # drawn once per server process
CACHE_CONTROL = "no-cache"  # clients may keep an answer but revalidate it (If-None-Match) before each use


def request_key(parts: dict[str, Any]) -> str:
    """A digest of a request's answer-determining parts (JSON-able values)."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:40]


def etag(version: str, key: str) -> str:
    """The weak ETag of the answer to the request ``key`` from the store ``version``."""
    digest = hashlib.sha256(f"{SALT}\0{version}\0{key}".encode()).hexdigest()[:32]
    return f'W/"{digest}"'


def matches(if_none_match: str | None, tag: str) -> bool:
    """Whether an ``If-None-Match`` header lists ``tag`` (weak comparison) or is ``*``."""
    if not if_none_match:
        return False
    opaque = tag.removeprefix("W/")
    for candidate in if_none_match.split(","):
        candidate = candidate.strip()
        if candidate == "*" or candidate.removeprefix("W/") == opaque:
            return True
    return False


@dataclass(frozen=True)
class Answer:
    """A whole answer: its media format and body."""

    fmt: str
    body: bytes


class AnswerCache:
    """Whole answers by (version, request key), least recently used dropped first (``max_bytes`` in all,
    none over ``max_entry``)."""

    def __init__(self, max_bytes: int, max_entry: int) -> None:
        self.max_bytes, self.max_entry = max_bytes, min(max_entry, max_bytes)
        self.entries: OrderedDict[str, Answer] = OrderedDict()
        self.version: str | None = None
        self.size = 0
        self.hits = self.misses = self.stored = self.refused = 0

    def _at(self, version: str) -> None:
        """Drop every entry of an older version."""
        if version != self.version:
            self.entries.clear()
            self.size = 0
            self.version = version

    def get(self, version: str, key: str) -> Answer | None:
        self._at(version)
        answer = self.entries.get(key)
        if answer is None:
            self.misses += 1
            return None
        self.entries.move_to_end(key)
        self.hits += 1
        return answer

    def fits(self, size: int) -> bool:
        return size <= self.max_entry

    def put(self, version: str, key: str, answer: Answer) -> bool:
        """Keep ``answer`` (False when it is over the per-answer cap or of a version no longer served)."""
        if not self.fits(len(answer.body)) or (self.version is not None and version != self.version):
            self.refused += 1
            return False
        self._at(version)
        old = self.entries.pop(key, None)
        if old is not None:
            self.size -= len(old.body)
        self.entries[key] = answer
        self.size += len(answer.body)
        while self.size > self.max_bytes:
            _, dropped = self.entries.popitem(last=False)
            self.size -= len(dropped.body)
        self.stored += 1
        return True

    def stats(self) -> dict[str, int]:
        return {"entries": len(self.entries), "bytes": self.size, "max_bytes": self.max_bytes,
                "max_entry": self.max_entry, "hits": self.hits, "misses": self.misses, "stored": self.stored,
                "refused": self.refused}


class Tee:
    """A copy of a streamed answer's chunks while they stay under the cache's per-answer cap."""

    def __init__(self, cache: AnswerCache, first: bytes) -> None:
        self.cache = cache
        self.parts: list[bytes] | None = [first] if cache.fits(len(first)) else None
        self.size = len(first)

    def add(self, chunk: bytes) -> None:
        if self.parts is None:
            return
        self.size += len(chunk)
        if self.cache.fits(self.size):
            self.parts.append(chunk)
        else:
            self.parts = None  # over the cap: never kept, stop copying

    def body(self) -> bytes | None:
        return None if self.parts is None else b"".join(self.parts)
