"""Every limit that bounds the work one input file may cost a build, in one place.

Readers look the limits up when they run (``limits.MAX_TEXT_CHARS``), so `configure` (``kg build --limit
NAME=VALUE``) changes them for the whole build, worker processes included (they are forked after it).

A file over a limit is refused (one error line) or cut (one warning line) before the expensive step; the
figures are sized so that a legitimate planning document never reaches them (the largest real text in the
evaluation corpus is 56 KB) while a hostile one costs a worker seconds, not minutes or gigabytes.
"""

from __future__ import annotations

import sys

MB = 1024 * 1024

# --- whole files (checked with stat(), before any byte is read or hashed)
MAX_FILE_BYTES = 64 * MB  #: larger files are refused
MAX_SIDECAR_BYTES = 1 * MB  #: larger ``NAME.meta.json`` sidecars are refused

# --- decoded text (checked before normalisation and extraction)
MAX_TEXT_CHARS = 300_000  #: a longer text is cut at the last line break before the limit (warning)
MAX_LINES = 20_000  #: a text with more lines is cut after this many (warning); the largest real one has 1 015
MAX_LINE_CHARS = 100_000  #: longer lines are broken at spaces, keeping every offset (warning)

# --- HTML (a streaming pre-scan, before the tree is built)
MAX_HTML_DEPTH = 400  #: deeper markup is read as plain text, tags dropped (warning)
MAX_HTML_ELEMENTS = 50_000  #: so are pages with more elements

# --- docx (zip members checked before decompression, document XML pre-scanned)
MAX_DOCX_UNCOMPRESSED = 128 * MB  #: total declared size of the zip members
MAX_DOCX_RATIO = 200  #: declared size / compressed size of any one member (zip bomb)
MAX_DOCX_ELEMENTS = 1_000_000  #: XML tags of word/document.xml (python-docx refuses depth over 256 itself)

# --- sidecar fields (a field over its limit, of the wrong type or not valid text is dropped with a warning)
MAX_FIELD_CHARS = {"title": 2_000, "source_url": 2_048, "province": 100, "published": 40}

# --- output of one text (N-Quads lines); beyond the cap the text's graph is cut at a subject (warning)
MAX_QUADS_PER_KB = 300
MIN_QUADS_CAP = 20_000


def names() -> list[str]:
    """The limits `configure` accepts, lower case (``max_text_chars`` …)."""
    return sorted(n.lower() for n, v in vars(sys.modules[__name__]).items()
                  if n.startswith(("MAX_", "MIN_")) and isinstance(v, int))


def configure(overrides: dict[str, int]) -> None:
    """Set limits by name (``{"max_text_chars": 1_000_000}``); ValueError for an unknown name or a value < 1."""
    module = sys.modules[__name__]
    for name, value in overrides.items():
        if name.lower() not in names():
            raise ValueError(f"unknown limit {name!r} (use {', '.join(names())})")
        if value < 1:
            raise ValueError(f"limit {name} must be a positive integer, not {value}")
        setattr(module, name.upper(), value)
