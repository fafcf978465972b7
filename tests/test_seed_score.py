"""The seed corpus scored by the shared scorer meets the issue's thresholds (skipped without ../shared)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

THRESHOLDS = {
    ("references", "f1"): 0.95,
    ("named", "recall"): 0.8,
    ("targets", "f1"): 0.90,
    ("tasks", "f1"): 0.85,
}
ATTRIBUTES = {"type": 0.95, "issuer": 0.95, "date": 0.95, "identity": 0.95,
              "comparator": 0.9, "lead": 0.9, "deadline": 0.9}


@pytest.fixture(scope="module")
def report(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    corpus, gold = shared_dir / "corpus" / "seeds", shared_dir / "gold" / "seeds"
    if not corpus.is_dir() or not gold.is_dir():
        pytest.skip(f"no seed corpus or gold under {shared_dir}")
    tmp = tmp_path_factory.mktemp("seeds")
    graph = tmp / "seeds.ttl"
    env = {**os.environ, "NO_COLOR": "1"}
    built = subprocess.run(["kg", "build", str(corpus), "-o", str(graph), "-q"], cwd=tmp, env=env,
                           capture_output=True, text=True, timeout=120)
    assert built.returncode == 0, built.stderr
    assert graph.is_file()
    scored = subprocess.run([sys.executable, str(shared_dir / "eval" / "score.py"), "--graph", str(graph),
                             "--gold", str(gold), "--json"], capture_output=True, text=True, timeout=120)
    assert scored.returncode == 0, scored.stderr
    return json.loads(scored.stdout)


def test_every_seed_text_is_found(report: dict):
    assert report["sources_found"] == report["gold_files"] > 0


@pytest.mark.parametrize(("category", "measure"), list(THRESHOLDS))
def test_category_threshold(report: dict, category: str, measure: str):
    value = report[category][measure]
    misses = [m for m in report["misses"] if category[:-1] in m or category in m]
    assert value >= THRESHOLDS[category, measure], f"{category} {measure}={value}:\n" + "\n".join(misses[:30])


@pytest.mark.parametrize("attribute", list(ATTRIBUTES))
def test_attribute_accuracy(report: dict, attribute: str):
    value = report["attributes"].get(attribute)
    assert value is not None, f"no {attribute} accuracy in the report"
    misses = [m for m in report["misses"] if attribute in m]
    assert value >= ATTRIBUTES[attribute], f"{attribute}={value}:\n" + "\n".join(misses[:30])
