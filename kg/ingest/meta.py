"""Optional JSON sidecar with metadata for a document (``X.txt.meta.json`` or ``X.meta.json``)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from .errors import ReadError

SIDECAR_KEYS = ("source_url", "province", "published", "title")


def sidecar_path(path: Path) -> Path | None:
    """The sidecar file of ``path`` if one exists."""
    path = Path(path)
    for candidate in (path.with_name(path.name + ".meta.json"), path.with_name(path.stem + ".meta.json")):
        if candidate.is_file():
            return candidate
    return None


def read_sidecar(path: Path) -> dict[str, str]:
    """Metadata of document ``path`` (keys among :data:`SIDECAR_KEYS`); ``{}`` without a sidecar.

    Raises :class:`ReadError` naming the sidecar when it is unreadable, not a JSON object, or its
    ``published`` value is not an ISO date.
    """
    side = sidecar_path(path)
    if side is None:
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ReadError(side, f"cannot read sidecar ({exc})") from None
    except json.JSONDecodeError as exc:
        raise ReadError(side, f"invalid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise ReadError(side, "sidecar is not a JSON object")
    meta = {k: str(data[k]).strip() for k in SIDECAR_KEYS if data.get(k) not in (None, "")}
    if "published" in meta:
        try:
            meta["published"] = dt.date.fromisoformat(meta["published"][:10]).isoformat()
        except ValueError:
            raise ReadError(side, f"'published' is not an ISO date: {meta['published']!r}") from None
    return meta
