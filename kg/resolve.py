"""Corpus-level identity: what one text cannot know alone.

A numbered document cited without a date (``Nghị quyết số 58-NQ/TW của Bộ Chính trị``) is the one
of that number cited with a date elsewhere in the corpus, when exactly one such year is known. The build,
which never holds the texts' entities together, renames the year-less IRIs in its N-Quads (`year_renames`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

Key = tuple[str, str]  # (identity scope, canonical number)


def unique_years(known: Iterable[tuple[str, str, int | None]]) -> dict[Key, int]:
    """(scope, number) -> its year, for the numbers cited with exactly one year in the corpus."""
    years: dict[Key, set[int]] = defaultdict(set)
    for scope, number, year in known:
        if year:
            years[(scope, number)].add(year)
    return {key: next(iter(ys)) for key, ys in years.items() if len(ys) == 1}


def year_renames(docs: Iterable[tuple[str, str, int | None, str]]) -> dict[str, str]:
    """Year-less document IRIs (``…/nd/…``) -> the IRI with the year their number has elsewhere."""
    docs = list(docs)
    unique = unique_years((scope, number, year) for scope, number, year, _ in docs)
    return {iri: iri.replace("/nd/", f"/{unique[(scope, number)]}/", 1)
            for scope, number, year, iri in docs if year is None and (scope, number) in unique}
