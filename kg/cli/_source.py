"""The one rule every command uses for "which graph" when none is named.

`kg build` records what it wrote (its output file, else its store) in ``.vnkg/last-build.json`` in the
current folder; every reading command (query, serve, viz, stats, export, validate, reason) then defaults
to that, and to ``exports/sample.ttl`` when nothing was built here yet.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

RECORD = Path(".vnkg") / "last-build.json"
SAMPLE = Path("exports") / "sample.ttl"
HELP = "Store folder or RDF file [default: what the last `kg build` here wrote, else exports/sample.ttl]."


class NoSource(Exception):
    """Nothing was named, built here, or bundled."""


def record_build(output: Path | None, store: Path | None) -> None:
    """Remember what a successful `kg build` wrote (written atomically; a failure to record is not an error)."""
    # the store path is kept as named (abspath, not resolve): it is a link that each build moves to its next generation
    data = {"output": str(output.resolve()) if output else None, "store": os.path.abspath(store) if store else None}
    try:
        RECORD.parent.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=RECORD.parent, prefix=".last-build.")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f)
        os.replace(tmp, RECORD)
    except OSError:
        pass


def last_build() -> dict[str, str | None]:
    """What the last `kg build` in this folder wrote (empty when none, or the record is unreadable)."""
    try:
        data = json.loads(RECORD.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def default_source(prefer_store: bool = False) -> Path:
    """The graph a command reads when none is named: the last build's output (or store), else the sample.

    ``prefer_store`` puts the store first for commands that serve or query a store best (query, serve).
    """
    rec = last_build()
    order = ("store", "output") if prefer_store else ("output", "store")
    for key in order:
        value = rec.get(key)
        if isinstance(value, str) and Path(value).exists():
            return Path(value)
    if SAMPLE.exists():
        return SAMPLE
    raise NoSource("no graph named, none built in this folder and no exports/sample.ttl: run `kg build` first")
