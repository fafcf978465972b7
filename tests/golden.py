"""Compare a built graph with a hand-made expected file (the gold format of the shared seeds).

Written for the tests, in the spirit of the shared scorer but independent of it: every expected
reference, target and task must be in the graph with its attributes, and the graph must not hold
targets or numbered references the expected file does not list. `compare` returns a list of problems.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, SKOS, Dataset, Graph, Namespace, URIRef
from rdflib.namespace import PROV

from kg.build import build_dataset
from kg.rdf.iris import DEFAULT_BASE

VNKG = Namespace("https://w3id.org/vnkg/ontology#")
ROOT = Path(__file__).resolve().parent.parent
FIXTURE_TEXTS = ROOT / "tests" / "fixtures" / "texts"


def built(inputs: list[Path], base: str = DEFAULT_BASE, provenance: str = "full") -> Dataset:
    """`build_dataset` of ``inputs`` (what `kg build` writes), every file read."""
    errors: list[str] = []
    ds = build_dataset(inputs, base=base, provenance=provenance, on_error=errors.append)
    assert not errors, errors
    return ds


def union_graph(ds: Dataset) -> Graph:
    """The union of the named graphs of ``ds``, as one rdflib Graph."""
    g = Graph()
    for prefix, ns in ds.namespaces():
        g.bind(prefix, ns, override=True)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g

_TONES = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe", "oẻ": "ỏe",
          "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
_ABBR = {"ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "tw": "trung ương", "ttg": "thủ tướng chính phủ"}
COMPARATORS = {"gt": "GreaterThan", "ge": "AtLeast", "lt": "LessThan", "le": "AtMost", "eq": "EqualTo",
               "approx": "Approximately", "range": "Between"}
SCALES = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
_ROMAN = {"i": 1, "l": 1, "ii": 2, "iii": 3, "iv": 4}


def norm(text: object) -> str:
    """NFC, Latin Ð as Đ, lower case, one tone placement (hoà = hòa, uỷ = ủy), single spaces."""
    t = unicodedata.normalize("NFC", str(text or "")).replace("Ð", "Đ").replace("ð", "đ").lower()
    for old, new in _TONES.items():
        t = re.sub(r"(?<!q)" + old, new, t)  # "quý" keeps its tone: "qu" is one consonant
    return " ".join(t.split())


def tokens(text: object) -> list[str]:
    words = re.sub(r"[^\w\s]", " ", norm(text)).split()
    out: list[str] = []
    for w in words:
        out.extend(_ABBR.get(w, w).split())
    return out


def share(expected: object, found: object) -> float:
    """Share of the expected tokens (as a multiset) found among `found`'s tokens."""
    want, pool = tokens(expected), tokens(found)
    if not want:
        return 0.0
    hits = 0
    for w in want:
        if w in pool:
            pool.remove(w)
            hits += 1
    return hits / len(want)


def canon_number(number: object) -> str:
    return re.sub(r"\s+", "", norm(number)).upper()


def unit_parts(unit: object) -> tuple[Decimal, str]:
    """(scale, base): "triệu USD" -> (10**6, "usd"), "lượt khách" -> (1, "lượt khách")."""
    words = norm(unit).split()
    scale = Decimal(1)
    while words and words[0] in SCALES:
        scale *= SCALES[words.pop(0)]
    return scale, " ".join(words)


def quantity(value: object, unit: object) -> tuple[Decimal, str]:
    scale, base = unit_parts(unit)
    return (Decimal(str(value)) * scale).normalize(), base


def period(text: object) -> str:
    """"Quý I" = "Quý l" = "2021-Q1"; "Tháng 01" = "2021-01"; dates as ISO."""
    t = norm(text)
    m = re.search(r"qu[ýy]\s*(iv|iii|ii|i|l|[1-4])\b", t) or re.search(r"^\d{4}-q([1-4])$", t)
    if m:
        q = m.group(1)
        return f"Q{_ROMAN.get(q) or int(q)}"
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        return t
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", t)
    if m:
        return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    m = re.search(r"th[áa]ng\s*(\d{1,2})\b", t) or re.fullmatch(r"\d{4}-(\d{2})", t)
    if m:
        return f"M{int(m.group(1))}"
    return t


def same_body(expected: str, labels: list[str]) -> bool:
    want = tokens(expected)
    return any(tokens(lab) == want for lab in labels)


# ----------------------------------------------------------------------------- graph access
def source_text(g: Graph, file_name: str) -> URIRef | None:
    for s in g.subjects(VNKG.fileName, None):
        if str(g.value(s, VNKG.fileName)) == file_name and (s, RDF.type, VNKG.SourceText) in g:
            return s
    return None


def labels(g: Graph, node) -> list[str]:
    return [str(x) for p in (RDFS.label, SKOS.altLabel, SKOS.prefLabel) for x in g.objects(node, p)]


def doc_facts(g: Graph, doc) -> dict[str, Any]:
    return {
        "node": doc,
        "types": {str(c).rsplit("#", 1)[-1] for c in g.objects(doc, RDF.type)},
        "numbers": {canon_number(n) for n in g.objects(doc, VNKG.documentNumber)},
        "issuers": [lab for b in g.objects(doc, VNKG.issuedBy) for lab in labels(g, b)],
        "dates": {str(d)[:10] for d in g.objects(doc, VNKG.issuedOn)},
        "labels": [str(x) for x in g.objects(doc, RDFS.label)],
    }


def derived(g: Graph, src, cls) -> list:
    return sorted(n for n in g.subjects(PROV.wasDerivedFrom, src) if (n, RDF.type, cls) in g)


# ----------------------------------------------------------------------------- comparison
def compare(g: Graph, expected: dict[str, Any]) -> list[str]:
    name = expected["file"]
    src = source_text(g, name)
    if src is None:
        return [f"{name}: no vnkg:SourceText with this vnkg:fileName"]
    problems: list[str] = []
    mentioned = [doc_facts(g, d) for d in set(g.objects(src, VNKG.mentions))]
    about = [doc_facts(g, d) for d in set(g.objects(src, VNKG.about))]
    problems += _references(expected.get("references") or [], mentioned)
    for ref in expected.get("about") or []:
        if not any(canon_number(ref["number"]) in d["numbers"] for d in about):
            found = [sorted(d["numbers"]) for d in about]
            problems.append(f"about: {ref['number']} is not vnkg:about (about: {found})")
    for ref in expected.get("named_references") or []:
        best = max((share(ref["label"], lab) for d in mentioned for lab in d["labels"]), default=0.0)
        if best < 0.6:
            problems.append(f"named reference missing: {ref['label']!r} (best token overlap {best:.2f})")
    problems += _targets(g, src, expected.get("targets") or [])
    problems += _tasks(g, src, expected.get("tasks") or [])
    return problems


def _references(refs: list[dict], mentioned: list[dict]) -> list[str]:
    problems = []
    wanted = {canon_number(r["number"]) for r in refs}
    for ref in refs:
        num = canon_number(ref["number"])
        docs = [d for d in mentioned if num in d["numbers"]]
        if not docs:
            problems.append(f"reference missing: {ref['number']}")
            continue
        if len(docs) > 1:
            problems.append(f"reference {ref['number']}: {len(docs)} nodes {[str(d['node']) for d in docs]}")
        d = docs[0]
        if ref.get("type") and ref["type"] not in d["types"]:
            problems.append(f"reference {ref['number']}: type {sorted(d['types'])} lacks {ref['type']}")
        if ref.get("issuer") and not same_body(ref["issuer"], d["issuers"]):
            problems.append(f"reference {ref['number']}: issuer {d['issuers']} != {ref['issuer']!r}")
        if ref.get("date") and ref["date"] not in d["dates"]:
            problems.append(f"reference {ref['number']}: date {sorted(d['dates'])} != {ref['date']}")
    for d in mentioned:
        for n in d["numbers"] - wanted:
            problems.append(f"unexpected numbered reference: {n} ({d['node']})")
    return problems


def _target_facts(g: Graph, node) -> dict[str, Any]:
    unit = g.value(node, VNKG.unit)
    value = g.value(node, VNKG.value)
    upper = g.value(node, VNKG.upperValue)
    comp = g.value(node, VNKG.comparator)
    return {
        "node": node,
        "indicator": str(g.value(node, VNKG.indicator) or ""),
        "unit": str(unit) if unit is not None else None,
        "qty": quantity(value.toPython(), unit) if value is not None else None,
        "upper": quantity(upper.toPython(), unit) if upper is not None else None,
        "comparator": str(comp).rsplit("#", 1)[-1] if comp is not None else None,
    }


def match_targets(g: Graph, src, targets: list[dict], cls: URIRef = VNKG.Target,
                  ) -> tuple[list[tuple[dict, dict]], list[str]]:
    """Pair each expected target (or result, with ``cls=VNKG.Result``) with a node of the same quantity,
    comparator and upper bound."""
    problems = []
    pairs = []
    preds = [_target_facts(g, n) for n in derived(g, src, cls)]
    free = list(range(len(preds)))
    for t in targets:
        qty = quantity(t["value"], t["unit"])
        upper = quantity(t["upper"], t["unit"]) if t.get("upper") is not None else None
        comp = COMPARATORS[t["comparator"]]
        same_qty = [i for i in free if preds[i]["qty"] == qty]
        full = [i for i in same_qty if preds[i]["comparator"] == comp and preds[i]["upper"] == upper]
        if not full:
            near = [(preds[i]["indicator"], preds[i]["comparator"], preds[i]["upper"]) for i in same_qty]
            problems.append(f"target missing: {t['indicator']!r} {comp} {t['value']} {t['unit']}"
                            + (f" upper {t['upper']}" if upper else "") + (f" (same quantity: {near})" if near else ""))
            continue
        best = max(full, key=lambda i: share(t["indicator"], preds[i]["indicator"]))
        free.remove(best)
        pairs.append((t, preds[best]))
    for i in free:
        p = preds[i]
        problems.append(f"unexpected target: {p['indicator']!r} {p['comparator']} {p['qty']} (unit {p['unit']!r})")
    return pairs, problems


def _targets(g: Graph, src, targets: list[dict]) -> list[str]:
    return match_targets(g, src, targets)[1]


def indicator_problems(g: Graph, expected: dict[str, Any]) -> list[str]:
    """On matched targets: the indicator is the expected one, not a heading, a subject or a neighbour.

    - no upper-case heading word with a Vietnamese letter ("CHỦ YẾU"; acronyms like GRDP are ASCII);
    - at least one word of the expected indicator besides the province name;
    - it does not swallow another expected indicator of the same text (run-on from the previous item).
    """
    src = source_text(g, expected["file"])
    if src is None:
        return []
    pairs, _ = match_targets(g, src, expected.get("targets") or [])
    province = set(tokens(expected.get("province") or ""))
    problems = []
    for t, p in pairs:
        ind = p["indicator"]
        heading = [w for w in re.findall(r"\w+", ind) if len(w) > 1 and w.isupper() and not w.isascii()]
        if heading:
            problems.append(f"indicator {ind!r} holds heading words {heading} (expected {t['indicator']!r})")
        if not (set(tokens(ind)) - province) & set(tokens(t["indicator"])):
            problems.append(f"indicator {ind!r} shares no word with {t['indicator']!r}")
        for other in expected.get("targets") or []:
            if other["indicator"] != t["indicator"] and share(other["indicator"], t["indicator"]) < 0.8 \
                    and share(other["indicator"], ind) >= 0.8 and share(t["indicator"], other["indicator"]) < 0.5:
                problems.append(f"indicator {ind!r} of {t['indicator']!r} runs into {other['indicator']!r}")
                break
    return problems


def _tasks(g: Graph, src, tasks: list[dict]) -> list[str]:
    return [p for p in match_tasks(g, src, tasks)[1] if not p.startswith("unexpected")]


def match_tasks(g: Graph, src, tasks: list[dict]) -> tuple[int, list[str]]:
    """(expected tasks found, problems): each expected task paired with the task whose label covers it best."""
    problems = []
    preds = []
    for n in derived(g, src, VNKG.Task):
        preds.append({
            "label": str(g.value(n, RDFS.label) or ""),
            "leads": [lab for b in g.objects(n, VNKG.leadAgency) for lab in labels(g, b)],
            "deadlines": {period(d) for d in g.objects(n, VNKG.deadline)},
        })
    free = list(range(len(preds)))
    for t in tasks:
        scored = [(share(t["label"], preds[i]["label"]) + share(preds[i]["label"], t["label"]), i)
                  for i in free if share(t["label"], preds[i]["label"]) >= 0.6]
        if not scored:
            problems.append(f"task missing: {t['label']!r}")
            continue
        i = max(scored)[1]
        free.remove(i)
        p = preds[i]
        if t.get("lead") and not same_body(t["lead"], p["leads"]):
            problems.append(f"task {t['label'][:50]!r}: lead {p['leads']} != {t['lead']!r}")
        if t.get("deadline") and period(t["deadline"]) not in p["deadlines"]:
            problems.append(f"task {t['label'][:50]!r}: deadline {sorted(p['deadlines'])} != {t['deadline']!r}")
    problems += [f"unexpected task: {preds[i]['label'][:60]!r}" for i in free]
    return len(tasks) - sum(p.startswith("task missing") for p in problems), problems


# ----------------------------------------------------------------------------- counts for held-out sets
CATEGORIES = ("references", "named", "targets", "results", "tasks")


def counts(g: Graph, expected: dict[str, Any]) -> dict[str, tuple[int, int, int]]:
    """(true positives, false positives, false negatives) per category for one text: a graded score for texts
    the rules were not written from (`compare` is all-or-nothing). Named false positives count only where the
    expected file says ``named_complete``."""
    src = source_text(g, expected["file"])
    out = {c: (0, 0, len(expected.get(c if c not in ("named",) else "named_references") or []))
           for c in CATEGORIES}
    if src is None:
        return out
    mentioned = [doc_facts(g, d) for d in sorted(set(g.objects(src, VNKG.mentions)))]
    wanted = {canon_number(r["number"]) for r in expected.get("references") or []}
    found = set().union(*(d["numbers"] for d in mentioned)) if mentioned else set()
    out["references"] = (len(wanted & found), len(found - wanted), len(wanted - found))
    named = expected.get("named_references") or []
    unnumbered = [d for d in mentioned if not d["numbers"]]
    pairs = sorted(((share(ref["label"], lab), -r, -i) for r, ref in enumerate(named)
                    for i, d in enumerate(unnumbered) for lab in d["labels"]), reverse=True)
    hit, used, matched = 0, set(), set()
    for best, r, i in pairs:  # best overlaps first: the pairing does not depend on the order of the lists
        if best >= 0.6 and -r not in matched and -i not in used:
            hit += 1
            matched.add(-r)
            used.add(-i)
    extra = len(unnumbered) - len(used) if expected.get("named_complete") else 0
    out["named"] = (hit, extra, len(named) - hit)
    for cat, cls in (("targets", VNKG.Target), ("results", VNKG.Result)):
        items = expected.get(cat) or []
        pairs, problems = match_targets(g, src, items, cls)
        out[cat] = (len(pairs), sum(p.startswith("unexpected") for p in problems), len(items) - len(pairs))
    tasks = expected.get("tasks") or []
    tp, problems = match_tasks(g, src, tasks)
    out["tasks"] = (tp, sum(p.startswith("unexpected") for p in problems), len(tasks) - tp)
    return out


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else (1.0 if not fp and not fn else 0.0)
