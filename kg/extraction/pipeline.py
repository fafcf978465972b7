"""Build the vnkg spaCy pipeline and run it over one cleaned text.

``nlp = kg.extraction.load(); doc = nlp(text)`` gives the spans (``doc.spans``); `extract` runs the same
pipeline with the file's name and sidecar metadata and returns the `TextResult` built from those spans.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from kg.extraction.annotations import new_annotations, text_id
from kg.extraction.factories import PIPELINE, register_factories
from kg.extraction.spans import result_from_spans
from kg.extraction.tokenizer import vnkg_tokenizer
from kg.model import TextResult

__all__ = ["extract", "make_nlp", "read_doc", "text_id"]


@lru_cache(maxsize=1)
def make_nlp() -> Language:
    """A blank Vietnamese spaCy pipeline with vnkg's components (rule-based tokenizer: no pyvi)."""
    register_factories()
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.tokenizer = vnkg_tokenizer(nlp.vocab)
    nlp.max_length = 200_000_000  # no parser or NER here: long texts are bounded by the per-file time limit
    for name in PIPELINE:
        nlp.add_pipe(name)
    return nlp


def read_doc(text: str, *, file_name: str = "", rel_path: str = "", fmt: str = "txt",
             meta: dict | None = None) -> spacy.tokens.Doc:
    """Run the pipeline over one cleaned text, with what is known about its file; the Doc keeps the state."""
    nlp = make_nlp()
    doc = nlp.make_doc(text)
    doc._.vnkg = new_annotations(text, file_name=file_name, rel_path=rel_path, fmt=fmt, meta=meta)
    return nlp(doc)


def extract(text: str, *, file_name: str, rel_path: str, fmt: str = "txt", meta: dict | None = None) -> TextResult:
    """Run the pipeline over one cleaned text and return what its spans hold."""
    result = result_from_spans(read_doc(text, file_name=file_name, rel_path=rel_path, fmt=fmt, meta=meta))
    assert result is not None  # read_doc always sets the state
    return result
