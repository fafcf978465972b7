"""One indicator across provinces and years: every target and result of one indicator concept in the graph.

`points` reads the targets and results of the graph (SELECT queries, `kg.pages.Select`) and keeps those
whose indicator falls under the concept (`kg.indicators`); each point has its province (the source text's,
else its document issuer's), year, value, unit, document and source anchor. `kg.pages.chart` draws them,
`kg.pages.compare_html` makes the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kg.dossier import Anchor, anchor_of, decimal_of, literal, local_name, term
from kg.extraction.lang_vi.indicator_concepts import Concept
from kg.indicators import BY_KEY, best_concepts, concept_of, find_concept, normalise
from kg.pages import PageError, Rows, Select

NATIONAL = "Cả nước"  # a figure of a national document (scope vn), not of a province
_YEAR = re.compile(r"(?:19|20)\d{2}")
# The figures of the wanted indicators (one triple pattern per OPTIONAL, on ?t: each is a lookup), then the
# texts' and documents' names and provinces in one query over the distinct texts and documents (CONTEXT).
QUERY = """SELECT ?t ?cls ?ind ?value ?upper ?unit ?bu ?cmp ?period ?doc ?anchor ?sentence ?start ?end ?src WHERE {
  # VALUES ?ind: the indicators wanted
  VALUES ?cls { vnkg:Target vnkg:Result }
  ?t a ?cls ; vnkg:indicator ?ind .
  OPTIONAL { ?t vnkg:value ?value } OPTIONAL { ?t vnkg:upperValue ?upper } OPTIONAL { ?t vnkg:unit ?unit }
  OPTIONAL { ?t vnkg:baseUnit ?bu } OPTIONAL { ?t vnkg:comparator ?cmp } OPTIONAL { ?t vnkg:period ?period }
  OPTIONAL { ?t vnkg:anchorText ?anchor } OPTIONAL { ?t vnkg:sentence ?sentence }
  OPTIONAL { ?t vnkg:startOffset ?start } OPTIONAL { ?t vnkg:endOffset ?end }
  OPTIONAL { ?t prov:wasDerivedFrom ?src } OPTIONAL { ?doc vnkg:hasTarget|vnkg:hasResult ?t }
}"""
CONTEXT = """SELECT ?x ?p ?o ?ol WHERE {
  VALUES ?x { VALUES_X }
  ?x ?p ?o . FILTER(?p IN (vnkg:fileName, vnkg:province, vnkg:documentNumber, rdfs:label))
  OPTIONAL { ?o rdfs:label ?ol }
}"""
ISSUER_PROVINCE = """SELECT ?x ?prov ?pl WHERE {
  VALUES ?x { VALUES_X }
  ?x vnkg:issuedBy ?b . ?b vnkg:province ?prov OPTIONAL { ?prov rdfs:label ?pl }
}"""


@dataclass(slots=True)
class Point:
    kind: str  # target or result
    province: str  # its label ("" when no province is known)
    province_iri: str
    year: int | None
    period: str
    value: Decimal
    upper: Decimal | None
    unit: str
    comparator: str
    indicator: str  # as written
    doc: str  # the document's IRI ("" when none)
    doc_label: str
    anchor: Anchor | None
    iri: str


@dataclass(slots=True)
class Comparison:
    key: str
    label: str
    label_en: str
    points: list[Point]
    phrasings: list[str]  # the indicators as written that fell under it

    @property
    def units(self) -> list[str]:
        return sorted({p.unit for p in self.points}, key=lambda u: (-sum(p.unit == u for p in self.points), u))


def year_of(period: str) -> int | None:
    """The year a period is drawn at: its last year (``2021-2025`` -> 2025, ``2024-Q1`` -> 2024)."""
    years = _YEAR.findall(period or "")
    return int(years[-1]) if years else None


def _context(select: Select, rows: Rows) -> None:
    """Add to each figure row its text's file name and province, its document's number or label and province."""
    iris = sorted({r[k] for r in rows for k in ("src", "doc") if r.get(k)})
    info: dict[str, dict[str, str]] = {}
    for start in range(0, len(iris), 2000):
        values = " ".join(term(i) for i in iris[start:start + 2000])
        for c in select(CONTEXT.replace("VALUES_X", values)):
            d = info.setdefault(c["x"], {})
            p = local_name(c["p"])
            d.setdefault(p, c["o"])
            if p == "province" and c.get("ol"):
                d.setdefault("province_label", c["ol"])
        for c in select(ISSUER_PROVINCE.replace("VALUES_X", values)):
            d = info.setdefault(c["x"], {})
            d.setdefault("province", c["prov"])
            if c.get("pl"):
                d.setdefault("province_label", c["pl"])
    for r in rows:
        src, doc = info.get(r.get("src", ""), {}), info.get(r.get("doc", ""), {})
        if "fileName" in src:
            r["file"] = src["fileName"]
        for key, value in (("num", doc.get("documentNumber")), ("dlabel", doc.get("label")),
                           ("prov", src.get("province") or doc.get("province")),
                           ("plabel", src.get("province_label") if src.get("province")
                            else doc.get("province_label"))):
            if value:
                r[key] = value


def _points(rows: Rows, keep) -> tuple[list[Point], list[str]]:
    seen: set[str] = set()
    points: list[Point] = []
    phrasings: set[str] = set()
    for r in rows:
        if r["t"] in seen or not keep(r):
            continue
        seen.add(r["t"])
        phrasings.add(r["ind"])
        value = decimal_of(r.get("value"))
        if value is None:
            continue
        a = anchor_of(r)
        if a is not None:
            a.file = r.get("file", "")
        province = r.get("plabel") or (NATIONAL if "/doc/vn/" in r.get("doc", "") else "")
        points.append(Point("result" if r["cls"].endswith("Result") else "target", province,
                            r.get("prov", ""), year_of(r.get("period", "")), r.get("period", ""), value,
                            decimal_of(r.get("upper")), r.get("unit", ""), local_name(r.get("cmp", "")), r["ind"],
                            r.get("doc", ""), r.get("num") or r.get("dlabel", ""), a, r["t"]))
    points.sort(key=lambda p: (p.province or "\uffff", p.year or 0, p.kind, p.period, p.iri))
    return points, sorted(phrasings)


# The indicators as written with their units and how many figures each has: the first, small query; the
# figures are then read for the indicators that fall under the concept only (VALUES), not for the whole graph.
# (Only targets and results have an indicator; every one has a value and a base unit.)
INDICATORS = """SELECT ?ind ?bu (COUNT(?t) AS ?n) WHERE {
  ?t vnkg:indicator ?ind OPTIONAL { ?t vnkg:baseUnit ?bu }
} GROUP BY ?ind ?bu"""
WRITTEN = "SELECT DISTINCT ?ind WHERE { ?t vnkg:indicator ?ind }"


def _unit(r: dict[str, str]) -> str | None:
    return r.get("bu") or r.get("unit") or None


def compare(select: Select, indicator: str) -> Comparison:
    """The points of the concept ``indicator`` names (its key, or any phrasing; else its normalised words)."""
    written = select(WRITTEN)
    concept = find_concept(indicator)
    if concept is not None:
        def keep(r: dict[str, str]) -> bool:
            c = concept_of(r["ind"], _unit(r))
            return c is not None and c.key == concept.key
        # the unit decides only between concepts tied on the best phrase: read the figures of these
        wanted = sorted({r["ind"] for r in written if concept in best_concepts(r["ind"])})
    else:
        key = normalise(indicator)

        def keep(r: dict[str, str]) -> bool:
            return normalise(r["ind"]) == key
        wanted = sorted({r["ind"] for r in written if keep(r)})
    points: list[Point] = []
    phrasings: list[str] = []
    if wanted:
        values = " ".join(literal(w) for w in wanted)
        rows = select(QUERY.replace("# VALUES ?ind: the indicators wanted", f"VALUES ?ind {{ {values} }}"))
        _context(select, rows)
        points, phrasings = _points(rows, keep)
    if concept is not None:
        result = Comparison(concept.key, concept.vi, concept.en, points, phrasings)
    else:
        result = Comparison(key, indicator.strip(), indicator.strip(), points, phrasings)
    if not result.points:
        known = ", ".join(c.key for c, _ in index(select)[:12])
        raise PageError(f"{indicator!r}: no target or result of this indicator in the graph"
                        + (f" (indicators with figures: {known})" if known else ""))
    return result


def _counts(written: Rows) -> list[tuple[Concept, int]]:
    counts: dict[str, int] = {}
    for r in written:
        c = concept_of(r["ind"], _unit(r))
        if c is not None:
            counts[c.key] = counts.get(c.key, 0) + int(r.get("n", "0"))
    return [(BY_KEY[k], n) for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def index(select: Select) -> list[tuple[Concept, int]]:
    """Every concept with figures in the graph and how many, the most first (the `/indicator/` index)."""
    return _counts(select(INDICATORS))
