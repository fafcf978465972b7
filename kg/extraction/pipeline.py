"""Build the vnkg spaCy pipeline and run it over one cleaned text."""

from __future__ import annotations

import hashlib
from functools import lru_cache

import spacy
from spacy.language import Language

from kg.extraction.annotations import Annotations
from kg.extraction.factories import PIPELINE, register_factories
from kg.extraction.tokenizer import whitespace_tokenizer
from kg.model import Person, Span, TextResult


@lru_cache(maxsize=1)
def make_nlp() -> Language:
    """A blank Vietnamese spaCy pipeline with vnkg's components (whitespace tokenizer: no pyvi)."""
    register_factories()
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.tokenizer = whitespace_tokenizer(nlp.vocab)
    nlp.max_length = 200_000_000  # no parser or NER here: long texts are bounded by the per-file time limit
    for name in PIPELINE:
        nlp.add_pipe(name)
    return nlp


def text_id(rel_path: str) -> str:
    """Stable id of a source text, from its path relative to the corpus root."""
    return hashlib.sha1(rel_path.encode("utf-8")).hexdigest()[:16]


def extract(text: str, *, file_name: str, rel_path: str, fmt: str = "txt", meta: dict | None = None) -> TextResult:
    """Run the pipeline over one cleaned text and return what it read."""
    meta = meta or {}
    tid = text_id(rel_path)
    result = TextResult(file_name=file_name, rel_path=rel_path, text_id=tid, fmt=fmt,
                        province=meta.get("province") or None, published=meta.get("published"),
                        source_url=meta.get("source_url"), title=meta.get("title"), char_count=len(text))
    nlp = make_nlp()
    doc = nlp.make_doc(text)
    ann = Annotations(text=text, result=result, unknown_scope=f"unknown-{tid[:10]}")
    doc._.vnkg = ann
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    if ann.signature is not None and ann.header_doc is not None:
        sig = ann.signature
        known = next((i for i, p in enumerate(result.people) if p.name == sig.name), None)
        if known is None:
            span = Span(sig.start, sig.end, text[sig.start:sig.end], "")
            result.people.append(Person(sig.name, span, []))
            known = len(result.people) - 1
        if sig.post:
            result.people[known].posts.append((sig.post, result.documents[ann.header_doc].issuer))
        result.signer = known
    if result.title is None:
        first = text.strip().split("\n", 1)[0].strip()
        result.title = first[:300] or None
    return result
