"""One input file as every build reads it: decoded, cleaned (with the offset map back to the original),
its sidecar metadata, then extracted. `kg build` (`kg.stream.map_text`), the Python API (`kg.build`) and
`kg explain` all read files through here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg.ingest import ReadError, normalize, read_sidecar, strip_boilerplate
from kg.ingest.names import safe_name
from kg.ingest.readers import decode_file, read_bytes
from kg.model import TextResult


@dataclass(slots=True)
class Cleaned:
    """One file as the pipeline reads it: cleaned text, format, sidecar metadata, offset map to the original,
    and the length of the text as decoded (what the output cap is measured against)."""

    text: str
    fmt: str
    meta: dict
    to_original: Callable[[int], int] | None
    chars: int


@dataclass(slots=True)
class Extracted:
    """One file's entities, the map from offsets in the cleaned text to the original, and the cleaned text's
    length."""

    result: TextResult
    to_original: Callable[[int], int] | None
    chars: int


def clean_file(path: Path, data: bytes | None = None, warnings: list[str] | None = None) -> Cleaned:
    """Decode and clean one file (its bytes ``data`` when already read); raise ReadError for input it cannot
    read. What a limit or a sidecar check drops is one line appended to ``warnings``."""
    raw = decode_file(path, read_bytes(path) if data is None else data, warnings)
    clean = normalize(raw.text)
    text = strip_boilerplate(clean.text)
    if not text.strip():
        raise ReadError(path, "no text left after removing page boilerplate")
    return Cleaned(text, raw.fmt, read_sidecar(path, warnings), None if clean.is_identity else clean.to_original,
                   len(raw.text))


def extract_file(path: Path, rel_path: str, data: bytes | None = None,
                 warnings: list[str] | None = None) -> Extracted:
    """Read, clean and extract one file (raises ReadError for input it cannot read)."""
    from kg.extraction.pipeline import extract  # spaCy: imported by the processes that extract, only

    c = clean_file(path, data, warnings)
    result = extract(c.text, file_name=safe_name(path.name), rel_path=rel_path, fmt=c.fmt, meta=c.meta)
    return Extracted(result, c.to_original, c.chars)
