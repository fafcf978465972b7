"""Readable pages over the graph (document dossiers, indicator charts), offline files or served by `kg serve`.

A page is built from SELECT queries: `Rows` are their solutions as plain strings. `kg show`/`kg compare`
run them on a store (`store_select`); the server runs them on its query workers and reads the JSON results
(`json_rows`). The same assembly and rendering follow either way.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kg.rdf.namespaces import PREFIXES as NAMESPACES
from kg.store import public_permissions

Row = dict[str, str]
Rows = list[Row]
Select = Callable[[str], Rows]
PREFIXES = "".join(f"PREFIX {p}: <{NAMESPACES[p]}>\n" for p in ("vnkg", "rdfs", "skos", "prov"))


class PageError(Exception):
    """A page that cannot be made (one-line message naming the cause)."""


def store_select(store: Any) -> Select:
    """Run queries on a `kg.store.GraphStore` (or anything with ``query``); unbound variables are left out."""

    def select(sparql: str) -> Rows:
        result = store.query(PREFIXES + sparql)
        names = [v.value for v in result.variables]
        return [{n: t.value for n, t in zip(names, row, strict=True) if t is not None} for row in result]

    return select


def json_rows(body: bytes) -> Rows:
    """SPARQL 1.1 JSON results as rows of plain strings."""
    data = json.loads(body)
    return [{k: v["value"] for k, v in b.items()} for b in data.get("results", {}).get("bindings", [])]


def write_atomic(path: Path, data: str | bytes) -> Path:
    """Write a file through a temporary beside it and one rename (readers see the old file or the new)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        public_permissions(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
