"""The tokenizer of the vnkg pipeline: spaCy's own rule-free Tokenizer, which splits on whitespace.

pyvi splits document symbols apart (``58 - NQ / TW``), and the components read symbols, dates and
numbers from the text itself, so tokens only need to cover the text exactly (``doc.text == text``);
spaCy's Cython tokenizer with no prefix, suffix or infix rules does that, with a cache, at several
million tokens per second.
"""

from __future__ import annotations

from spacy.tokenizer import Tokenizer
from spacy.vocab import Vocab


def whitespace_tokenizer(vocab: Vocab) -> Tokenizer:
    return Tokenizer(vocab)
