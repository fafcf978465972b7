"""vnkg's extraction: a spaCy pipeline of rule-based components writing labelled spans.

    nlp = kg.extraction.load()
    doc = nlp(text)
    [(s.label_, s.text, s._.number, s._.date) for s in doc.spans["documents"]]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language


def load() -> Language:
    """The vnkg pipeline (built once per process)."""
    from kg.extraction.pipeline import make_nlp

    return make_nlp()
