"""The mapping's terms as ready-made N-Triples strings (no rdflib objects on the build's hot path).

`NTriplesTerms` makes IRIs and literals, and carries the vocabulary as plain attributes
(``t.v.value`` is ``vnkg:value``, ``t.type`` is ``rdf:type``) so the hot path does no namespace lookups.
"""

from __future__ import annotations

import re
from decimal import Decimal
from types import SimpleNamespace
from urllib.parse import quote

from rdflib import RDF, RDFS, SKOS, XSD
from rdflib.namespace import ORG, PROV

from kg.rdf.vocab import VNKG

_TERMS = [n for n in VNKG.__annotations__ if not n.startswith("_")]
_EXTERNAL = {"type": RDF.type, "label": RDFS.label, "altLabel": SKOS.altLabel, "prefLabel": SKOS.prefLabel,
             "Concept": SKOS.Concept, "inScheme": SKOS.inScheme, "subOrganizationOf": ORG.subOrganizationOf,
             "holds": ORG.holds, "postIn": ORG.postIn, "wasDerivedFrom": PROV.wasDerivedFrom}


def decimal_lexical(d: Decimal) -> str:
    """xsd:decimal lexical form (no exponent): Decimal('3.5E+12') -> '3500000000000'."""
    s = format(d, "f")
    return s


_ESCAPE = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _esc(text: str) -> str:
    # four substring tests: several times cheaper than one regex search on non-ASCII text
    if '"' in text or "\\" in text or "\n" in text or "\r" in text:
        return text.translate(_ESCAPE)
    return text


_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def nt_iri(value: str) -> str:
    """``<iri>``, percent-encoding the characters an IRI may not contain."""
    if _BAD_IRI.search(value):
        value = quote(value, safe="/:#?&=@%+~!$'()*,;[]")
    return f"<{value}>"


class NTriplesTerms:
    """Terms as N-Triples strings, ready to be joined into lines."""

    _integer = f"^^{nt_iri(str(XSD.integer))}"
    _decimal = f"^^{nt_iri(str(XSD.decimal))}"
    _date = f"^^{nt_iri(str(XSD.date))}"
    _boolean = f"^^{nt_iri(str(XSD.boolean))}"
    _any_uri = f"^^{nt_iri(str(XSD.anyURI))}"

    def __init__(self) -> None:
        self.v = SimpleNamespace(**{n: nt_iri(str(VNKG[n])) for n in _TERMS})
        for name, uri in _EXTERNAL.items():
            setattr(self, name, nt_iri(str(uri)))
        self._iris: dict[str, str] = {}

    def iri(self, value: str) -> str:
        out = self._iris.get(value)
        if out is None:
            out = nt_iri(value)
            if len(self._iris) < 100_000:
                self._iris[value] = out
        return out

    def vi(self, text: str) -> str:
        return f'"{_esc(text)}"@vi'

    def string(self, text: str) -> str:
        return f'"{_esc(text)}"'

    def integer(self, n: int) -> str:
        return f'"{n}"{self._integer}'

    def decimal(self, d: Decimal) -> str:
        return f'"{decimal_lexical(d)}"{self._decimal}'

    def date(self, iso: str) -> str:
        return f'"{iso}"{self._date}'

    def boolean(self, b: bool) -> str:
        return f'"{"true" if b else "false"}"{self._boolean}'

    def any_uri(self, value: str) -> str:
        return f'"{_esc(value)}"{self._any_uri}'
