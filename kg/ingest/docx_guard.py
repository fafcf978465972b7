"""Checks on a .docx before python-docx opens it: a zip bomb or an absurd document is refused cheaply.

The zip members' declared sizes bound what decompression may produce (Python's zipfile never returns more
than a member declares), so they are checked first: their total and each member's expansion ratio. The
main document XML is then decompressed a chunk at a time (within that bound) and its tags counted;
python-docx's XML parser already refuses nesting deeper than libxml2's limit and never expands entities.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from kg import limits

from .errors import ReadError

_MAIN = "word/document.xml"
_MIN_RATIO_BYTES = 1024 * 1024  # small members may compress very well (runs of spaces)
_CHUNK = 1 << 20


def check_docx(path: Path, data: bytes) -> None:
    """Raise :class:`ReadError` when the .docx would cost more than the limits allow to open."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            total = sum(i.file_size for i in infos)
            if total > limits.MAX_DOCX_UNCOMPRESSED:
                raise ReadError(path, f"docx expands to {total} bytes > {limits.MAX_DOCX_UNCOMPRESSED} (zip bomb?)")
            for i in infos:
                if i.file_size > _MIN_RATIO_BYTES and i.file_size > limits.MAX_DOCX_RATIO * max(i.compress_size, 1):
                    raise ReadError(path, f"docx member {i.filename} expands {i.file_size // max(i.compress_size, 1)}"
                                          f" times > {limits.MAX_DOCX_RATIO} (zip bomb?)")
            if _MAIN in zf.namelist():
                _count_tags(path, zf)
    except zipfile.BadZipFile:
        raise ReadError(path, "not a valid .docx (bad zip)") from None
    except (zipfile.LargeZipFile, NotImplementedError, RuntimeError, OSError, EOFError) as exc:
        raise ReadError(path, f"not a valid .docx ({type(exc).__name__}: {exc})") from None


def _count_tags(path: Path, zf: zipfile.ZipFile) -> None:
    """Count the tags of the document XML as it decompresses, a chunk at a time (never the whole XML in
    memory), and stop at the first chunk over :data:`~kg.limits.MAX_DOCX_ELEMENTS`."""
    tags = 0
    with zf.open(_MAIN) as f:
        while chunk := f.read(_CHUNK):
            tags += chunk.count(b"<")
            if tags > limits.MAX_DOCX_ELEMENTS:
                raise ReadError(path, f"docx has more than {limits.MAX_DOCX_ELEMENTS} XML elements (limit)")
