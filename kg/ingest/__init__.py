"""Ingestion: find documents, read them into text, normalise the text."""

from .discover import discover
from .errors import ReadError
from .meta import read_sidecar
from .normalize import CleanText, normalize, strip_boilerplate
from .readers import READERS, SUPPORTED_SUFFIXES, RawText, read_file

__all__ = [
    "READERS",
    "SUPPORTED_SUFFIXES",
    "CleanText",
    "RawText",
    "ReadError",
    "discover",
    "normalize",
    "read_file",
    "read_sidecar",
    "strip_boilerplate",
]
