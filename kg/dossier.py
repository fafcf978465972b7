"""A document's dossier: what the graph knows about one document, gathered for a readable page.

Number, type, issuer, date, signer; the chain of documents it implements (up to the Party and Government
level) and of those implementing it; its targets beside the results reported against them (with the gap);
its tasks by lead agency and deadline; its themes and mottos; the texts it was read from. Every fact keeps
its `Anchor` (text, offsets into the original text, anchor text, sentence) so the page links it to its
sentence. Built from SELECT queries (`kg.pages.Select`): the same on a store and on the server's workers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from pyoxigraph import NamedNode

from kg.indicators import concept_of, normalise
from kg.pages import PageError, Rows, Select

V = "https://w3id.org/vnkg/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
# Classes shown as the document's type, most specific first (local names of the ontology).
DOC_TYPES = ("Resolution", "Decision", "Directive", "Plan", "Program", "Conclusion", "Notice", "Report", "Decree",
             "Law", "Regulation", "Strategy", "Scheme", "Circular", "OfficialLetter", "LegalDocument")
# One triple pattern per OPTIONAL, on a variable the required part binds: Oxigraph then looks each one up
# (a group of two patterns in one OPTIONAL is evaluated over the whole graph first: 0.6 s at 1 M triples).
# Predicates are chosen with FILTER(?p IN …), not a second VALUES block (joined late: 20× slower).
_ANCHOR_VARS = "?anchor ?sentence ?start ?end ?src"
_ANCHOR_OPT = ("OPTIONAL {{ {v} vnkg:anchorText ?anchor }} OPTIONAL {{ {v} vnkg:sentence ?sentence }} "
               "OPTIONAL {{ {v} vnkg:startOffset ?start }} OPTIONAL {{ {v} vnkg:endOffset ?end }} "
               "OPTIONAL {{ {v} prov:wasDerivedFrom ?src }}")


@dataclass(slots=True)
class Anchor:
    """Where a fact was read: a source text, offsets into its original text, the words and their sentence."""

    text: str  # the source text's IRI
    file: str = ""
    start: int | None = None
    end: int | None = None
    anchor: str = ""
    sentence: str = ""


@dataclass(slots=True)
class DocNode:
    iri: str
    number: str = ""
    label: str = ""
    type: str = ""
    issuer: str = ""
    date: str = ""
    level: str = "province"  # party, government (national state bodies) or province
    depth: int = 0  # < 0: implemented by the dossier's document (above it); > 0: implementing it


@dataclass(slots=True)
class Figure:
    """A target or a result."""

    iri: str
    indicator: str
    concept: str  # the concept key, else the normalised indicator
    value: Decimal | None
    upper: Decimal | None
    unit: str
    base_unit: str
    comparator: str
    period: str
    anchor: Anchor | None
    results: list[Figure] = field(default_factory=list)  # of a target: results reported against it

    def gap(self, result: Figure) -> Decimal | None:
        """Result minus target (to the nearest bound of a range; 0 inside it); None when not comparable."""
        if self.value is None or result.value is None or result.unit != self.unit:
            return None
        low, high = self.value, self.upper if self.upper is not None else self.value
        if low <= result.value <= high:
            return Decimal(0)
        return result.value - (high if result.value > high else low)


@dataclass(slots=True)
class TaskItem:
    iri: str
    label: str
    order: int | None
    leads: list[str]
    deadline: str
    deadline_sort: str
    anchor: Anchor | None


@dataclass(slots=True)
class StatementItem:
    kind: str  # theme or motto
    text: str
    draft: bool
    year: str
    anchor: Anchor | None


@dataclass(slots=True)
class Dossier:
    doc: DocNode
    title: str = ""
    issuer_iri: str = ""
    signer: str = ""
    signer_iri: str = ""
    promulgated_by: list[DocNode] = field(default_factory=list)
    chain: list[DocNode] = field(default_factory=list)  # every document of the drawn chain, the dossier's included
    edges: list[tuple[str, str]] = field(default_factory=list)  # (implementing, implemented)
    targets: list[Figure] = field(default_factory=list)
    unmatched_results: list[Figure] = field(default_factory=list)
    tasks: list[TaskItem] = field(default_factory=list)
    statements: list[StatementItem] = field(default_factory=list)
    sources: list[Anchor] = field(default_factory=list)  # texts about the document or citing it (sentence: the first)
    files: dict[str, str] = field(default_factory=dict)  # source text IRI -> file name


def term(iri: str) -> str:
    """An IRI as a SPARQL term (escaped; ValueError when it is no IRI)."""
    return str(NamedNode(iri))


def resolve(select: Select, ref: str, year: int | None = None) -> str:
    """The IRI of the document ``ref`` names: an IRI, or a number in any spelling (one per year)."""
    from kg.extraction.symbols import canonical

    ref = ref.strip()
    if "://" in ref:
        try:
            rows = select(f"SELECT ?t WHERE {{ {term(ref)} a ?t }} LIMIT 1")
        except ValueError as e:
            raise PageError(f"{ref}: not a valid IRI") from e
        if not rows:
            raise PageError(f"{ref}: no such document in the graph")
        return ref
    number = canonical(ref) or ref
    rows = select(f"SELECT DISTINCT ?d ?y WHERE {{ ?d vnkg:documentNumber {literal(number)} . "
                  "OPTIONAL { ?d vnkg:year ?y } } ORDER BY ?y ?d")
    if not rows:  # a number canonical() does not know: any case
        rows = select('SELECT DISTINCT ?d ?y WHERE { ?d vnkg:documentNumber ?n . OPTIONAL { ?d vnkg:year ?y } '
                      f'FILTER(LCASE(STR(?n)) = LCASE({literal(number)})) }} ORDER BY ?y ?d')
    if year is not None:
        rows = [r for r in rows if r.get("y") == str(year)]
    if not rows:
        raise PageError(f"{ref}: no document with this number in the graph" + (f" for {year}" if year else ""))
    if len({r["d"] for r in rows}) > 1:
        years = ", ".join(r.get("y", "no year") for r in rows)
        raise PageError(f"{ref}: {len(rows)} documents have this number ({years}): give --year or the IRI")
    return rows[0]["d"]


def literal(text: str) -> str:
    """A string as a SPARQL literal (escaped)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


def decimal_of(value: str | None) -> Decimal | None:
    try:
        return Decimal(value) if value not in (None, "") else None
    except InvalidOperation:
        return None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


def anchor_of(row: dict[str, str]) -> Anchor | None:
    if not row.get("src"):
        return None
    return Anchor(row["src"], "", _int(row.get("start")), _int(row.get("end")), row.get("anchor", ""),
                  row.get("sentence", ""))


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _doc_type(types: set[str]) -> str:
    return next((t for t in DOC_TYPES if V + t in types), "LegalDocument")


def _nodes(select: Select, iris: list[str]) -> dict[str, DocNode]:
    if not iris:
        return {}
    values = " ".join(term(i) for i in iris)
    rows = select(f"SELECT ?d ?p ?o ?ol ?ot WHERE {{ VALUES ?d {{ {values} }} ?d ?p ?o . "
                  "FILTER(?p IN (rdf:type, vnkg:documentNumber, rdfs:label, vnkg:issuedOn, vnkg:issuedBy)) "
                  "OPTIONAL { ?o rdfs:label ?ol } OPTIONAL { ?o a ?ot } }"
                  .replace("rdf:type", f"<{RDF_TYPE}>"))
    types: dict[str, set[str]] = {i: set() for i in iris}
    issuer_types: dict[str, set[str]] = {i: set() for i in iris}
    out = {i: DocNode(i) for i in iris}
    for r in rows:
        n, p = out[r["d"]], r["p"]
        if p == RDF_TYPE:
            types[r["d"]].add(r["o"])
        elif p == V + "documentNumber":
            n.number = n.number or r["o"]
        elif p.endswith("#label"):
            n.label = n.label or r["o"]
        elif p == V + "issuedOn":
            n.date = n.date or r["o"]
        elif p == V + "issuedBy":
            n.issuer = n.issuer or r.get("ol", local_name(r["o"]))
            if r.get("ot"):
                issuer_types[r["d"]].add(r["ot"])
            if "/body/vn/" in r["o"]:
                issuer_types[r["d"]].add("national")
    for i, n in out.items():
        n.type = _doc_type(types[i])
        national = "/doc/vn/" in i or "national" in issuer_types[i]
        party = V + "PartyBody" in issuer_types[i] or n.number.endswith("/TW")
        n.level = "party" if party and national else "government" if national else "province"
        n.label = n.label or n.number or local_name(i)
    return out


def _chain(select: Select, iri: str) -> tuple[dict[str, int], list[tuple[str, str]]]:
    d = term(iri)
    up = select(f"SELECT DISTINCT ?a ?b WHERE {{ {d} vnkg:implements* ?a . ?a vnkg:implements ?b }}")
    down = select(f"SELECT DISTINCT ?a ?b WHERE {{ ?a vnkg:implements ?b . ?b vnkg:implements* {d} }}")
    edges = sorted({(r["a"], r["b"]) for r in up + down if r["a"] != r["b"]})
    depth: dict[str, int] = {iri: 0}
    for sign, rows, near, far in ((-1, up, "a", "b"), (1, down, "b", "a")):
        frontier = [iri]
        pairs = [(r[near], r[far]) for r in rows]
        for step in range(1, 32):  # a chain is short; the bound stops a cycle
            nxt = [f for n, f in pairs if n in frontier and f not in depth]
            if not nxt:
                break
            for f in nxt:
                depth[f] = sign * step
            frontier = nxt
    return depth, edges


def _figures(rows: Rows) -> list[Figure]:
    seen: dict[str, Figure] = {}
    for r in rows:
        if r["t"] in seen:
            continue
        base_unit = r.get("bu", r.get("unit", ""))
        concept = concept_of(r["ind"], base_unit or None)
        key = concept.key if concept else normalise(r["ind"])
        seen[r["t"]] = Figure(r["t"], r["ind"], key, decimal_of(r.get("value")),
                              decimal_of(r.get("upper")), r.get("unit", ""), base_unit, local_name(r.get("cmp", "")),
                              r.get("period", ""), anchor_of(r))
    return sorted(seen.values(), key=lambda f: (f.anchor.start if f.anchor and f.anchor.start is not None else 0,
                                                f.iri))


_FIGURE = ("?t ?ind ?value ?upper ?unit ?bu ?cmp ?period " + _ANCHOR_VARS,
           "?t vnkg:indicator ?ind . OPTIONAL { ?t vnkg:value ?value } OPTIONAL { ?t vnkg:upperValue ?upper } "
           "OPTIONAL { ?t vnkg:unit ?unit } OPTIONAL { ?t vnkg:baseUnit ?bu } OPTIONAL { ?t vnkg:comparator ?cmp } "
           "OPTIONAL { ?t vnkg:period ?period } " + _ANCHOR_OPT.format(v="?t"))


def gather(select: Select, iri: str) -> Dossier:
    """The dossier of the document ``iri`` (a PageError when the graph has no such document)."""
    d = term(iri)
    if not select(f"SELECT ?n WHERE {{ {d} a vnkg:LegalDocument }} LIMIT 1"):
        raise PageError(f"{iri}: not a document in this graph")
    depth, edges = _chain(select, iri)
    nodes = _nodes(select, sorted(depth))
    for n, k in depth.items():
        nodes[n].depth = k
    out = Dossier(nodes[iri], chain=sorted(nodes.values(), key=lambda n: (n.depth, n.number, n.iri)), edges=edges)
    for r in select(f"SELECT ?p ?o ?ol WHERE {{ {d} ?p ?o . FILTER(?p IN (vnkg:title, vnkg:issuedBy, vnkg:signedBy)) "
                    "OPTIONAL { ?o rdfs:label ?ol } }"):
        if r["p"] == V + "title":
            out.title = out.title or r["o"]
        elif r["p"] == V + "issuedBy":
            out.issuer_iri = out.issuer_iri or r["o"]
        else:
            out.signer, out.signer_iri = r.get("ol", local_name(r["o"])), r["o"]
    promulgators = [r["p"] for r in select(f"SELECT DISTINCT ?p WHERE {{ ?p vnkg:promulgates {d} }}")]
    out.promulgated_by = list(_nodes(select, promulgators).values())
    targets = _figures(select(f"SELECT {_FIGURE[0]} WHERE {{ {d} vnkg:hasTarget ?t . {_FIGURE[1]} }}"))
    results = _figures(select(f"SELECT {_FIGURE[0]} WHERE {{ {{ {d} vnkg:hasResult ?t }} UNION "
                              f"{{ ?t vnkg:measuredAgainst {d} }} {_FIGURE[1]} }}"))
    out.targets, out.unmatched_results = targets, _pair(targets, results)
    task_rows = select(f"SELECT ?k ?label ?order ?lead ?deadline ?dn {_ANCHOR_VARS} WHERE {{ "
                       f"{d} vnkg:hasTask ?k . OPTIONAL {{ ?k rdfs:label ?label }} "
                       "OPTIONAL { ?k vnkg:order ?order } OPTIONAL { ?k vnkg:leadAgency ?lead } "
                       "OPTIONAL { ?k vnkg:deadline ?deadline } "
                       f"OPTIONAL {{ ?k vnkg:deadlineNormalized ?dn }} {_ANCHOR_OPT.format(v='?k')} }}")
    out.tasks = _tasks(task_rows, labels_of(select, {r["lead"] for r in task_rows if "lead" in r}))
    out.statements = [
        StatementItem(r["kind"], r.get("text", ""), r.get("draft") in ("true", "1"), r.get("year", ""), anchor_of(r))
        for r in select(f"SELECT ?s ?kind ?text ?draft ?year {_ANCHOR_VARS} WHERE {{ "
                        f"{{ {d} vnkg:hasTheme ?s BIND(\"theme\" AS ?kind) }} UNION "
                        f"{{ {d} vnkg:hasMotto ?s BIND(\"motto\" AS ?kind) }} "
                        "OPTIONAL { ?s vnkg:statementText ?text } OPTIONAL { ?s vnkg:isDraft ?draft } "
                        f"OPTIONAL {{ ?s vnkg:year ?year }} {_ANCHOR_OPT.format(v='?s')} }} ORDER BY ?kind ?start")]
    # a build without mention nodes (`kg build --provenance none`) still says which texts mention it
    out.sources = _sources(select(f"SELECT ?src ?role ?sentence ?anchor ?start ?end WHERE {{ {{ "
                                  f"?m vnkg:mentionOf {d} ; vnkg:inSource ?src . OPTIONAL {{ ?m vnkg:role ?role }} "
                                  "OPTIONAL { ?m vnkg:sentence ?sentence } OPTIONAL { ?m vnkg:anchorText ?anchor } "
                                  "OPTIONAL { ?m vnkg:startOffset ?start } OPTIONAL { ?m vnkg:endOffset ?end } } "
                                  f"UNION {{ ?src vnkg:mentions {d} "
                                  "FILTER NOT EXISTS { ?n vnkg:inSource ?src } } } "
                                  "ORDER BY ?src ?start"))
    anchors = _all_anchors(out)
    texts = " ".join(sorted({term(a.text) for a in anchors}))
    if texts:
        out.files = {r["src"]: r["file"] for r in select(f"SELECT ?src ?file WHERE {{ VALUES ?src {{ {texts} }} "
                                                         "?src vnkg:fileName ?file }")}
    for a in anchors:
        a.file = out.files.get(a.text, "")
    return out


def _pair(targets: list[Figure], results: list[Figure]) -> list[Figure]:
    """Attach each result to the targets of its concept and unit; the results no target takes."""
    left: list[Figure] = []
    for r in results:
        hits = [t for t in targets if t.concept == r.concept and t.unit == r.unit]
        for t in hits:
            t.results.append(r)
        if not hits:
            left.append(r)
    return left


def labels_of(select: Select, iris: set[str]) -> dict[str, str]:
    """The rdfs:label of each IRI (one query; the smallest label when there are several)."""
    if not iris:
        return {}
    values = " ".join(term(i) for i in sorted(iris))
    rows = select(f"SELECT ?x (MIN(?l) AS ?label) WHERE {{ VALUES ?x {{ {values} }} ?x rdfs:label ?l }} GROUP BY ?x")
    return {r["x"]: r["label"] for r in rows if "label" in r}


def _tasks(rows: Rows, labels: dict[str, str]) -> list[TaskItem]:
    items: dict[str, TaskItem] = {}
    for r in rows:
        item = items.get(r["k"])
        if item is None:
            item = items[r["k"]] = TaskItem(r["k"], r.get("label", ""), _int(r.get("order")), [],
                                            r.get("deadline", ""), r.get("dn", ""), anchor_of(r))
        lead = (labels.get(r["lead"]) or local_name(r["lead"])) if r.get("lead") else ""
        if lead and lead not in item.leads:
            item.leads.append(lead)
    return sorted(items.values(), key=lambda t: (t.leads[0] if t.leads else "\uffff", t.deadline_sort or "\uffff",
                                                 t.order or 0, t.iri))


def _sources(rows: Rows) -> list[Anchor]:
    """One entry per source text: the text's own header mention first, else its first citing sentence."""
    best: dict[str, tuple[int, Anchor]] = {}
    for r in rows:
        a = anchor_of(r)
        assert a is not None
        rank = 0 if r.get("role") == "self" and len(a.sentence) > len(a.anchor) + 3 else 1 if r.get("role") == "self" \
            else 2
        if r["src"] not in best or rank < best[r["src"]][0]:
            best[r["src"]] = (rank, a)
    return [a for _, a in sorted(best.values(), key=lambda x: (x[0], x[1].text))]


def _all_anchors(d: Dossier) -> list[Anchor]:
    figures = [*d.targets, *d.unmatched_results, *(r for t in d.targets for r in t.results)]
    items = [*figures, *d.tasks, *d.statements]
    return [x.anchor for x in items if x.anchor is not None] + d.sources
