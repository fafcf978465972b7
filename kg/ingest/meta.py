"""Optional JSON sidecar with metadata for a document (``X.txt.meta.json`` or ``X.meta.json``).

The sidecar is checked field by field: a field of the wrong type, over its length limit, holding text no
writer can encode (a lone surrogate escape such as ``"\\ud800"``) or naming no province of Viet Nam is
dropped with a warning saying what is wrong; only a sidecar that cannot be used at all (unreadable, too
large, not a JSON object, a ``published`` that is no ISO date) is that file's error.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from kg import limits

from .errors import ReadError
from .names import is_clean_text, safe_name

SIDECAR_KEYS = ("source_url", "province", "published", "title")
_URL = re.compile(r"^https?://[^\x00-\x1f\x7f]+$", re.IGNORECASE)  # escaped on output: only the scheme is checked
_PROVINCE_PREFIX = re.compile(r"^(?:tỉnh|thành phố|tp\.?)\s+", re.IGNORECASE)
_JSON_TYPES = {str: "a string", int: "a number", float: "a number", bool: "a boolean", list: "a list",
               dict: "an object"}


def sidecar_path(path: Path) -> Path | None:
    """The sidecar file of ``path`` if one exists."""
    path = Path(path)
    for candidate in (path.with_name(path.name + ".meta.json"), path.with_name(path.stem + ".meta.json")):
        if candidate.is_file():
            return candidate
    return None


def read_sidecar(path: Path, warnings: list[str] | None = None) -> dict[str, str]:
    """Metadata of document ``path`` (keys among :data:`SIDECAR_KEYS`); ``{}`` without a sidecar.

    Raises :class:`ReadError` naming the sidecar when it is unusable as a whole; fields that are wrong are
    dropped, each with one line appended to ``warnings``.
    """
    side = sidecar_path(path)
    if side is None:
        return {}
    try:
        size = side.stat().st_size
        if size > limits.MAX_SIDECAR_BYTES:
            raise ReadError(side, f"sidecar too large ({size} bytes > {limits.MAX_SIDECAR_BYTES})")
        data = json.loads(side.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ReadError(side, f"cannot read sidecar ({exc})") from None
    except json.JSONDecodeError as exc:
        raise ReadError(side, f"invalid JSON ({exc})") from None
    except RecursionError:
        raise ReadError(side, "invalid JSON (nested too deeply)") from None
    if not isinstance(data, dict):
        raise ReadError(side, "sidecar is not a JSON object")
    meta: dict[str, str] = {}
    for key in SIDECAR_KEYS:
        value = data.get(key)
        if value in (None, ""):
            continue
        problem = _field_problem(key, value)
        if problem is None:
            meta[key] = value.strip()
        elif key == "published" and isinstance(value, str) and problem.startswith("not an ISO date"):
            raise ReadError(side, f"'published' is not an ISO date: {safe_name(repr(value[:40]))}")
        elif warnings is not None:
            warnings.append(safe_name(f"{side}: '{key}' {problem} (field dropped)"))
    if "published" in meta:
        meta["published"] = dt.date.fromisoformat(meta["published"][:10]).isoformat()
    if "province" in meta:
        meta["province"] = _province(meta["province"]) or meta["province"]
    return meta


def _field_problem(key: str, value: object) -> str | None:
    """What is wrong with one sidecar field, or None."""
    if not isinstance(value, str):
        return f"must be a string, not {_JSON_TYPES.get(type(value), type(value).__name__)}"
    if not is_clean_text(value):
        return "holds a lone surrogate escape (not valid Unicode text)"
    if len(value) > limits.MAX_FIELD_CHARS[key]:
        return f"is too long ({len(value)} characters > {limits.MAX_FIELD_CHARS[key]})"
    value = value.strip()
    if key == "published":
        try:
            dt.date.fromisoformat(value[:10])
        except ValueError:
            return "not an ISO date"
    elif key == "source_url" and not _URL.match(value):
        return f"is not an http(s) URL: {value[:80]!r}"
    elif key == "province" and _province(value) is None:
        return f"names no province of Viet Nam: {value[:80]!r}"
    elif key == "title" and not value:
        return "is blank"
    return None


def _province(value: str) -> str | None:
    """The canonical name of the province ``value`` names (``Tỉnh Hoà Bình`` -> ``Hòa Bình``), or None."""
    from kg.extraction.lang_vi.provinces import PROVINCES, VARIANTS

    from .normalize import normalize

    name = " ".join(_PROVINCE_PREFIX.sub("", normalize(value).text.strip()).split())
    if name in PROVINCES:
        return name
    by_fold = {p.casefold(): p for p in PROVINCES} | {k.casefold(): v for k, v in VARIANTS.items()}
    return by_fold.get(name.casefold())
