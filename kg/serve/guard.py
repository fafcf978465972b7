"""Checks on a SPARQL query or update before it reaches the parser: size, nesting and outbound operations.

A lexer that follows the SPARQL 1.1 grammar's terminals (IRIs, strings, comments, names) finds the
``SERVICE`` and ``LOAD`` keywords that make the engine fetch a URL, and the deepest ``( { [`` nesting
(Oxigraph's recursive parser overflows its stack on thousands of nested parentheses and kills the process).
Outbound operations are refused unless their IRI is written in full and its host is in ``allowed_hosts``;
a ``SERVICE ?var`` or a prefixed name cannot be checked and is refused too. Refusing more than the parser
would accept is the safe side: the checks never let through what they cannot read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlsplit

MAX_LENGTH = 100_000
MAX_DEPTH = 64
OUTBOUND = {"SERVICE": "SERVICE (federated query)", "LOAD": "LOAD"}
_TOKEN = re.compile(r"""
    (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
               |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<comment>\#[^\n\r]*)
  | (?P<var>[?$][\w\u00B7]*)
  | (?P<word>[\w:\-%\\\u00B7]+)
  | (?P<open>[({\[])
  | (?P<close>[)}\]])
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)
_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


class Refused(ValueError):
    """A request the endpoint will not run (HTTP status and a one-line message)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def tokens(text: str, *, offsets: bool = False) -> Iterator[Any]:
    """(kind, text) for each token, comments and whitespace left out; (kind, text, offset) with ``offsets``."""
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "other"
        if kind != "comment" and not (kind == "other" and m.group().isspace()):
            yield (kind, m.group(), m.start()) if offsets else (kind, m.group())


def _unescape(iri: str) -> str:
    return _UCHAR.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), iri)


def host_allowed(iri: str, allowed_hosts: Iterable[str]) -> bool:
    """Whether an absolute http(s) IRI points at one of the hosts (``host`` or ``host:port``)."""
    parts = urlsplit(iri)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    names = {parts.hostname.lower(), parts.netloc.rsplit("@", 1)[-1].lower()}
    return any(h.lower() in names for h in allowed_hosts)


def check(text: str, *, allowed_hosts: Iterable[str] = (), max_length: int = MAX_LENGTH,
          max_depth: int = MAX_DEPTH) -> None:
    """Raise Refused (400) for a text that is too long or too deeply nested, or that would fetch a URL from a
    host that is not allowed (``allowed_hosts`` empty: no outbound request at all)."""
    if len(text) > max_length:
        raise Refused(400, f"the query is {len(text)} characters long; this endpoint accepts at most {max_length}")
    allowed = list(allowed_hosts)
    depth = 0
    pending: str | None = None  # an outbound keyword waiting for its IRI
    for kind, tok in tokens(text):
        if kind == "open":
            depth += 1
            if depth > max_depth:
                raise Refused(400, f"the query nests brackets deeper than {max_depth} levels")
        elif kind == "close":
            depth = max(0, depth - 1)
        if pending is not None:
            if kind == "word" and tok.upper() == "SILENT":
                continue
            _check_outbound(pending, kind, tok, allowed)
            pending = None
        elif kind == "word" and tok.upper() in OUTBOUND:
            pending = tok.upper()
    if pending is not None:
        _check_outbound(pending, "end", "", allowed)


def _check_outbound(keyword: str, kind: str, tok: str, allowed: list[str]) -> None:
    what = OUTBOUND[keyword]
    if not allowed:
        raise Refused(400, f"{what} is disabled on this endpoint: it would make the server fetch a URL "
                           "(the operator can allow listed hosts with --allow-federation HOST)")
    if kind != "iri":
        raise Refused(400, f"{what} needs its endpoint written as a full <http://…> IRI on this server")
    iri = _unescape(tok[1:-1])
    if not host_allowed(iri, allowed):
        raise Refused(400, f"{what} to {iri} is not allowed: this endpoint only fetches from "
                           f"{', '.join(allowed)} (--allow-federation)")
