"""Saved SPARQL queries (``queries/*.rq``): a catalogue, safe parameter binding, and running them on a store.

A saved query is a standard SPARQL 1.1 file that starts with a header of comment lines::

    # title: Targets of a plan
    # description: Every numeric target of a plan ... (one line)
    # param plan (term): the plan's number, e.g. 35/KH-UBND, or its IRI (default: every plan)

* ``title`` and ``description`` are one line each.
* ``param NAME (KIND): meaning (default VALUE)``. ``KIND`` is one of ``string`` (a plain literal), ``iri``,
  ``integer``, ``decimal``, ``date`` (``xsd:date``), ``boolean``, or ``term`` (an IRI when the value is
  written ``<…>`` or starts with ``http://``, ``https://`` or ``urn:``, else a plain literal); it defaults to
  ``term``. ``(default VALUE)`` is optional; ``(default: …)`` with words instead of a value (e.g.
  ``(default: every plan)``) documents what an unset parameter means.
* Each parameter appears in the body exactly as ``VALUES ?NAME { UNDEF }``. Binding a value replaces
  ``UNDEF`` with the value written as an RDF term in N-Triples syntax (pyoxigraph escapes it and checks
  IRIs), so user input is never pasted into the query text; an unset parameter stays ``UNDEF`` and the query
  treats it as "no filter" (``FILTER(!BOUND(?NAME) || …)``). The unbound file is runnable as is, on
  Oxigraph and on other SPARQL 1.1 stores.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from pyoxigraph import Literal, NamedNode

from kg import sparql_errors
from kg.rdf.namespaces import PREFIXES
from kg.serve import guard
from kg.store import GraphStore, QueryResult, has_default_graph

XSD = "http://www.w3.org/2001/XMLSchema#"
KINDS = ("term", "string", "iri", "integer", "decimal", "date", "boolean")
_HEADER = re.compile(r"^#\s*(title|description|param)\b\s*(.*)$")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*(?:\((?P<kind>\w+)\))?\s*:\s*(?P<rest>.*)$")
_DEFAULT = re.compile(r"\(default(?P<colon>:?)\s*(?P<value>[^()]*)\)\s*$")
_IRI_LIKE = re.compile(r"^(?:https?://|urn:)\S+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class QueryError(ValueError):
    """A saved query or a parameter that cannot be used (one-line message)."""


@dataclass(frozen=True)
class Param:
    """One declared parameter of a saved query."""

    name: str
    kind: str = "term"
    description: str = ""
    default: str | None = None


@dataclass(frozen=True)
class SavedQuery:
    """A ``.rq`` file with its header."""

    name: str
    path: Path
    text: str
    title: str
    description: str
    params: tuple[Param, ...] = field(default_factory=tuple)

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def as_dict(self) -> dict[str, object]:
        return {"name": self.name, "title": self.title, "description": self.description, "query": self.text,
                "params": [{"name": p.name, "kind": p.kind, "description": p.description, "default": p.default}
                           for p in self.params]}


def queries_dir() -> Path:
    """The saved queries shipped with the package (``kg/data/queries``, the project's ``queries/`` folder)."""
    return Path(__file__).resolve().parent / "data" / "queries"


def parse_saved(path: Path) -> SavedQuery:
    """Read one ``.rq`` file and its header; raise QueryError if the header and body disagree."""
    text = path.read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    params: list[Param] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _HEADER.match(line)
        if not m:
            continue
        key, rest = m.group(1), m.group(2).lstrip(":").strip()
        if key != "param":
            meta[key] = rest
            continue
        pm = _PARAM.match(rest)
        if not pm:
            raise QueryError(f"{path.name}: malformed param line: {line!r}")
        kind = pm.group("kind") or "term"
        if kind not in KINDS:
            raise QueryError(f"{path.name}: param {pm.group('name')}: unknown kind {kind!r} (use {', '.join(KINDS)})")
        desc, default = pm.group("rest").strip(), None
        dm = _DEFAULT.search(desc)
        if dm and not dm.group("colon"):
            default = dm.group("value").strip() or None
        params.append(Param(pm.group("name"), kind, desc, default))
    if "title" not in meta:
        raise QueryError(f"{path.name}: missing '# title:' header line")
    for p in params:
        if not _values_re(p.name).search(text):
            raise QueryError(f"{path.name}: param {p.name} has no 'VALUES ?{p.name} {{ UNDEF }}' in the query")
    return SavedQuery(path.stem, path, text, meta["title"], meta.get("description", ""), tuple(params))


def load_catalogue(folder: Path | None = None) -> dict[str, SavedQuery]:
    """All saved queries of a folder (default: ``queries/``), by name, sorted."""
    folder = folder or queries_dir()
    return {q.name: q for q in (parse_saved(p) for p in sorted(folder.glob("*.rq")))}


def _values_re(name: str) -> re.Pattern[str]:
    return re.compile(r"VALUES\s+\?" + re.escape(name) + r"\s*\{\s*UNDEF\s*\}", re.IGNORECASE)


def to_term(value: str, kind: str = "term") -> NamedNode | Literal:
    """A user-supplied value as an RDF term of the given kind (raises QueryError on a bad value)."""
    v = value.strip()
    try:
        if kind == "iri" or (kind == "term" and (_IRI_LIKE.match(v) or (v.startswith("<") and v.endswith(">")))):
            return NamedNode(v[1:-1] if v.startswith("<") and v.endswith(">") else v)
        if kind == "integer":
            return Literal(str(int(v)), datatype=NamedNode(XSD + "integer"))
        if kind == "decimal":
            return Literal(str(Decimal(v.replace(",", "."))), datatype=NamedNode(XSD + "decimal"))
        if kind == "date":
            if not _DATE.match(v):
                raise ValueError("expected YYYY-MM-DD")
            return Literal(v, datatype=NamedNode(XSD + "date"))
        if kind == "boolean":
            if v.lower() not in ("true", "false", "1", "0"):
                raise ValueError("expected true or false")
            return Literal("true" if v.lower() in ("true", "1") else "false", datatype=NamedNode(XSD + "boolean"))
    except (ValueError, InvalidOperation) as e:
        raise QueryError(f"{value!r} is not a valid {kind} ({e})") from e
    return Literal(value)


def bind(text: str, values: dict[str, str], params: tuple[Param, ...] = (), *, use_defaults: bool = True) -> str:
    """Bind parameters: each ``VALUES ?name { UNDEF }`` gets the value as an escaped RDF term.

    Names not declared in ``params`` are accepted when the query has a matching VALUES block (ad-hoc
    queries); unknown names raise QueryError.
    """
    declared = {p.name: p for p in params}
    unknown = [n for n in values if n not in declared and not _values_re(n).search(text)]
    if unknown:
        known = ", ".join(declared) or "none"
        raise QueryError(f"unknown parameter {unknown[0]!r} (this query takes: {known})")
    wanted = dict(values)
    if use_defaults:
        for p in params:
            if p.name not in wanted and p.default is not None:
                wanted[p.name] = p.default
    for name, value in wanted.items():
        term = to_term(value, declared[name].kind if name in declared else "term")
        text = _values_re(name).sub(lambda _m, n=name, t=term: f"VALUES ?{n} {{ {t} }}", text, count=1)
    return text


def parse_assignments(items: list[str]) -> dict[str, str]:
    """``["k=v", ...]`` (from ``--param``) to a dict; raise QueryError on an item without ``=``."""
    out: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param {item!r}: expected NAME=VALUE")
        out[name.strip()] = value
    return out


def resolve(name_or_path: str, folder: Path | None = None) -> SavedQuery:
    """A saved query by name (``targets-of-plan``) or a path to any ``.rq`` file."""
    p = Path(name_or_path)
    if p.suffix == ".rq" and p.is_file():
        return parse_saved(p)
    catalogue = load_catalogue(folder)
    key = p.stem if p.suffix == ".rq" else name_or_path
    if key in catalogue:
        return catalogue[key]
    raise QueryError(f"no saved query or file {name_or_path!r} (see `kg queries`)")


def open_source(source: Path) -> GraphStore:
    """A store folder (read-only) or an RDF file loaded in memory with its union merged (``merge_union``)."""
    return GraphStore.open(source)


_DECLARED_RE = re.compile(r"PREFIX\s+([\w-]*):", re.I)


def with_prefixes(text: str) -> str:
    """The query with PREFIX declarations for the vnkg, RDF, SKOS, PROV, ORG, ELI … prefixes it uses but
    does not declare (so `kg query -e 'SELECT … ?t a vnkg:Target'` works as typed)."""
    declared = {m.group(1) for m in _DECLARED_RE.finditer(text)}
    missing = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()
               if p not in declared and re.search(rf"(?<![\w<]){re.escape(p)}:", text)]
    return "\n".join([*missing, text]) if missing else text


def run(store: GraphStore, text: str, allowed_hosts: tuple[str, ...] = ()) -> QueryResult:
    """Run a SPARQL query over the merged default graph if there is one, else the union of the named graphs.

    A malformed query raises QueryError with the parser's line/column message, on one line. ``SERVICE`` (a
    fetch from another server) is refused unless its host is in ``allowed_hosts``, and brackets nested too
    deep for the parser are refused before parsing (``kg.serve.guard``).
    """
    try:
        guard.check(text, allowed_hosts=allowed_hosts, max_length=sys.maxsize)
    except guard.Refused as e:
        raise QueryError(str(e).replace("--allow-federation HOST", "kg query --allow-federation HOST")) from e
    try:  # known prefixes given to the parser, not pasted in: error lines and columns are the user's own
        return store.raw.query(text, prefixes=PREFIXES, use_default_graph_as_union=not has_default_graph(store.raw))
    except SyntaxError as e:
        raise QueryError(f"malformed query: {sparql_errors.describe(e, text, PREFIXES)}") from e
