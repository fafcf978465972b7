"""The tokenizer of the vnkg pipeline: spaCy's Cython Tokenizer splitting on whitespace, with the
punctuation of `kg.extraction.lang_vi.punctuation` split off the edges of words.

pyvi splits document symbols apart (``58 - NQ / TW``); the components read symbols, dates and numbers
from the text itself, so tokens only need to cover the text exactly (``doc.text == text``) and to let
the spans the components write start and end on token boundaries.
"""

from __future__ import annotations

import re

from spacy.tokenizer import Tokenizer
from spacy.vocab import Vocab

from kg.extraction.lang_vi.punctuation import CLOSING, OPENING


def _alternatives(chars: tuple[str, ...]) -> str:
    return "|".join(re.escape(c) for c in chars)


PREFIX_RE = re.compile(rf"^(?:{_alternatives(OPENING)})")
SUFFIX_RE = re.compile(rf"(?:{_alternatives(CLOSING)})$")


def vnkg_tokenizer(vocab: Vocab) -> Tokenizer:
    return Tokenizer(vocab, prefix_search=PREFIX_RE.search, suffix_search=SUFFIX_RE.search)


def whitespace_tokenizer(vocab: Vocab) -> Tokenizer:
    """Whitespace only (no punctuation split)."""
    return Tokenizer(vocab)
