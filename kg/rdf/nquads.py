"""Fast N-Quads lines for the triples the mapping yields (rdflib terms), without an rdflib graph.

Streaming each text's quads as text is what lets a build of 100 000 texts run in parallel workers
and load straight into Oxigraph's bulk loader, never holding the corpus graph in Python memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

_ESCAPE = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_iris: dict[str, str] = {}


def iri(term: str) -> str:
    """``<iri>``, percent-encoding the characters an IRI may not contain (text can end up in IRIs)."""
    out = _iris.get(term)
    if out is None:
        safe = term if not _BAD_IRI.search(term) else quote(term, safe="/:#?&=@%+~!$'()*,;[]")
        out = f"<{safe}>"
        if len(_iris) < 200_000:
            _iris[term] = out
    return out


def literal(lit: Literal) -> str:
    lex = str(lit).translate(_ESCAPE)
    if lit.language:
        return f'"{lex}"@{lit.language}'
    if lit.datatype is not None and lit.datatype != XSD.string:
        return f'"{lex}"^^{iri(lit.datatype)}'
    return f'"{lex}"'


def term(t: URIRef | Literal | BNode) -> str:
    if isinstance(t, Literal):
        return literal(t)
    if isinstance(t, BNode):
        return f"_:{t}"
    return iri(t)


def quads(triples: Iterable[tuple], graph: str) -> str:
    """The triples as N-Quads text in one named graph (duplicates within the graph removed)."""
    g = iri(graph)
    seen: set[str] = set()
    out: list[str] = []
    for s, p, o in triples:
        line = f"{term(s)} {term(p)} {term(o)} {g} .\n"
        if line not in seen:
            seen.add(line)
            out.append(line)
    return "".join(out)
