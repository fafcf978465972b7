"""Floors on the sets written by someone who never saw the rules: the held-out blind3/, and blind/, blind2/, dev3/
and dev4/ (development sets now).

They measure how the rules generalise, so the test asserts graded floors, not perfection: each category's
F1 over the set must stay at or above what the rules reached when they were first scored on it (see
tests/fixtures/blind/README.md). A rule change that loses ground on texts it was not written for fails here.
Since 2026-12-02 they are development sets (the held-out set is blind3/); when a rule improves them, raise the floor.
"""

from __future__ import annotations

import json

import pytest
from golden import CATEGORIES, ROOT, VNKG, built, counts, f1, union_graph
from rdflib import RDF

FIXTURES = ROOT / "tests" / "fixtures"
# F1 by this file's counter (tests/golden.py `counts`: stricter than the shared scorer on targets, which must
# also match comparator and upper bound), per held-out set. blind/ was first scored 2026-12-02: references
# 0.986, named 0.800, targets 0.726, results 0.721, tasks 0.738 (the previous release's rules: 0.986, 0.507,
# 0.708, 0.536, 0.267 by the shared scorer); tasks rose to 0.809 with the task forms of the second session.
# blind2/ (written 2026-12-02 before that session's task rules landed) scored tasks 0.765 by the shared scorer
# with the rules of its day and 0.845 here after them. Since 2026-12-02 (third session) both are development sets
# (the held-out set is blind3/) and the floors guard against regression: after that session's forms, blind/ 0.850
# targets, 0.861 results, 0.918 tasks; blind2/ 0.865, 0.884, 0.892. Named after the named-document forms of
# that session: blind/ 0.876, blind2/ 0.907. blind2/ targets 0.896 after the table-cell and item-number forms.
# Named after the precision forms (own document, act's topic, law names, anaphora): blind/ 0.951, blind2/ 0.957.
# Tasks after the organising-section, recurring-deadline and addressee forms: blind/ 0.929, blind2/ 0.921.
# blind2/ targets 0.906, results 0.917 after the report-then-commit sentence form; 0.912, 0.924 after the plan
# figure named before its copula ("kế hoạch vốn … được giao là N").
FLOORS = {
    "blind": {"references": 0.98, "named": 0.94, "targets": 0.89, "results": 0.85, "tasks": 0.93},
    "blind2": {"references": 0.98, "named": 0.95, "targets": 0.91, "results": 0.92, "tasks": 0.92},
    # blind3/ (held-out, written 2026-12-02 in the third session before its rules; never tuned on): first scored
    # 0.835 overall by the shared scorer with the rules of that session's start, 0.876 at its end; floors just
    # under its end (this file's counter: references 0.967, named 0.900, targets 0.810, results 0.765, tasks 0.673).
    "blind3": {"references": 0.96, "named": 0.89, "targets": 0.80, "results": 0.75, "tasks": 0.66},
    # dev3/ and dev4/ (development sets of the same session), at its end.
    "dev3": {"references": 0.99, "named": 0.88, "targets": 0.82, "results": 0.88, "tasks": 0.88},
    "dev4": {"references": 0.97, "named": 0.82, "targets": 0.87, "results": 0.86, "tasks": 0.79},
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def held_out(request: pytest.FixtureRequest) -> tuple[str, dict[str, tuple[int, int, int]]]:
    name = request.param
    g = union_graph(built([FIXTURES / name / "texts"]))
    sums = {c: [0, 0, 0] for c in CATEGORIES}
    golds = sorted((FIXTURES / name / "gold").glob("*.json"))
    assert len(golds) == len(set(g.subjects(RDF.type, VNKG.SourceText))) >= 14
    for path in golds:
        for c, row in counts(g, json.loads(path.read_text(encoding="utf-8"))).items():
            sums[c] = [a + b for a, b in zip(sums[c], row, strict=True)]
    return name, {c: (tp, fp, fn) for c, (tp, fp, fn) in sums.items()}


@pytest.mark.parametrize("category", CATEGORIES)
def test_blind_floor(category: str, held_out: tuple[str, dict[str, tuple[int, int, int]]]) -> None:
    name, totals = held_out
    tp, fp, fn = totals[category]
    score = f1(tp, fp, fn)
    floor = FLOORS[name][category]
    assert tp + fn > 0, f"the {name} gold lists no {category}"
    assert score >= floor, f"{name} {category}: F1 {score:.3f} (tp={tp} fp={fp} fn={fn}) < {floor}"
