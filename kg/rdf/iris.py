"""Stable IRIs for everything vnkg mints. Built from what a thing is (type code, year, number, issuer
scope, name), never from a counter or file order, so a rebuild of the same input gives the same IRIs.

Patterns (relative to the base, default ``https://w3id.org/vnkg/id/``):

==============  =====================================================  =====================================
thing           pattern                                                example
==============  =====================================================  =====================================
document        ``doc/{scope}/{year|nd}/{number-slug}``                ``doc/vn/2021/01-nq-cp``
named document  ``doc/{scope}/name/{name-slug}``                       ``doc/thanh-hoa/name/nghi-quyet-dai-hoi-…``
body            ``body/{scope}/{key}``                                 ``body/kien-giang/ubnd``
province        ``province/{slug}``                                    ``province/kien-giang``
source text     ``text/{id}`` (id: hash of the path in the corpus)     ``text/3f2a…``
named graph     ``graph/{id}``
mention         ``mention/{id}/{start}-{end}``
target, result  ``target/{id}/{start}``, ``result/{id}/{start}``
task            ``task/{id}/{start}``
indicator       ``indicator/{name-slug}``
person          ``person/{scope}/{name-slug}`` (posts: ``…/post/{n}-{text}``)
meeting         ``meeting/{id}/{start}``
==============  =====================================================  =====================================

``scope`` is ``vn`` for national bodies and documents, a province slug, or ``unknown-{hash}`` for the
provincial documents of a text that never names its province (never guessed, never merged).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from rdflib import URIRef

from kg.defaults import DEFAULT_BASE
from kg.extraction.text import slug
from kg.model import Body, DocumentRef


def _long_slug(text: str) -> str:
    s = slug(text, 200)
    if len(s) <= 90:
        return s
    return s[:80].rstrip("-") + "-" + hashlib.sha1(s.encode()).hexdigest()[:8]


class Iris:
    """Mints IRIs under one base (as rdflib URIRefs, or whatever `make` turns an IRI string into)."""

    def __init__(self, base: str = DEFAULT_BASE, make: Callable[[str], Any] = URIRef) -> None:
        self.base = base if base.endswith(("/", "#")) else base + "/"
        self.make = make

    def _iri(self, path: str) -> Any:
        return self.make(self.base + path)

    def document(self, doc: DocumentRef) -> URIRef:
        if doc.number:
            return self._iri(f"doc/{doc.scope}/{doc.year or 'nd'}/{slug(doc.number)}")
        return self._iri(f"doc/{doc.scope}/name/{_long_slug(doc.key or doc.label or '')}")

    def body(self, body: Body) -> URIRef:
        return self._iri(f"body/{body.scope}/{body.key}")

    def province(self, province_slug: str) -> URIRef:
        return self._iri(f"province/{province_slug}")

    def text(self, text_id: str) -> URIRef:
        return self._iri(f"text/{text_id}")

    def graph(self, text_id: str) -> URIRef:
        return self._iri(f"graph/{text_id}")

    def mention(self, text_id: str, start: int, end: int) -> URIRef:
        return self._iri(f"mention/{text_id}/{start}-{end}")

    def item(self, kind: str, text_id: str, start: int) -> URIRef:
        return self._iri(f"{kind}/{text_id}/{start}")

    def indicator(self, name: str) -> URIRef:
        return self._iri(f"indicator/{_long_slug(name)}")

    def person(self, scope: str, name: str) -> URIRef:
        return self._iri(f"person/{scope}/{slug(name)}")

    def post(self, scope: str, name: str, index: int, text_id: str) -> URIRef:
        return self._iri(f"person/{scope}/{slug(name)}/post/{index}-{text_id}")
