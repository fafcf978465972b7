"""Corpus-level identity: what one text cannot know alone.

A numbered document cited without a date (``Nghị quyết số 58-NQ/TW của Bộ Chính trị``) is the one
of that number cited with a date elsewhere in the corpus, when exactly one such year is known.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from kg.model import TextResult


def resolve_years(results: Iterable[TextResult]) -> None:
    """Give year-less numbered documents the year their number has elsewhere, when it is unique."""
    results = list(results)
    years: dict[tuple[str, str], set[int]] = defaultdict(set)
    for res in results:
        for doc in res.documents:
            if doc.number and doc.year:
                years[(doc.scope, doc.number)].add(doc.year)
    for res in results:
        for doc in res.documents:
            if doc.number and doc.year is None:
                known = years.get((doc.scope, doc.number), set())
                if len(known) == 1:
                    doc.year = next(iter(known))
