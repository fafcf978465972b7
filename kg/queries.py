"""Saved SPARQL queries (``queries/*.rq``): a catalogue, safe parameter binding, and running them on a store.

A saved query is a standard SPARQL 1.1 file that starts with a header of comment lines::

    # title: Targets of a plan
    # description: Every numeric target of a plan ... (one line)
    # param plan (term): the plan's number, e.g. 35/KH-UBND, or its IRI (default: every plan)

* ``title`` and ``description`` are one line each.
* ``param NAME (KIND): meaning (default VALUE)``. ``KIND`` is one of ``string`` (a plain literal), ``iri``,
  ``integer``, ``decimal``, ``date`` (``xsd:date``), ``boolean``, or ``term`` (an IRI when the value is
  written ``<…>`` or starts with ``http://``, ``https://`` or ``urn:``, else a plain literal); it defaults to
  ``term``; ``name`` is a ``term`` whose words typed in lowercase also stand for their capitalised form
  (``sở kế hoạch và đầu tư tỉnh kon tum`` finds ``Sở Kế hoạch và Đầu tư tỉnh Kon Tum``): each spelling is
  an exact term, so the store's index finds it, where a case-folding FILTER would scan every name. With
  more than ``MAX_NAME_WORDS`` lowercase words, only the first letter may differ. ``(default VALUE)`` is
  optional; ``(default: …)`` with words instead of a value (e.g.
  ``(default: every plan)``) documents what an unset parameter means.
* Each parameter appears in the body as ``VALUES ?NAME { UNDEF }``, and the bound value drives the join
  through *bound lines*: comment lines ``#if NAME: PATTERN`` (or ``#if NAME=iri:`` / ``#if NAME=literal:``,
  for a ``term`` given as an IRI or as text). Binding a value replaces ``UNDEF`` with the value written as
  an RDF term in N-Triples syntax (pyoxigraph escapes it and checks IRIs) and turns the bound lines that
  apply into SPARQL, with ``$NAME`` replaced by that term (a ``name``: its spellings, space-separated;
  ``$NAME@vi``: each with that language tag); user input is never pasted into the query
  text. Placed first in their group, these lines make the answer's cost depend on its size, not on the
  corpus. An unset parameter leaves its lines as comments: the file as it is is the unbound query ("every
  plan"), runnable on Oxigraph and on other SPARQL 1.1 stores (Virtuoso in ``tests/test_virtuoso.py``).
"""

from __future__ import annotations

import itertools
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
KINDS = ("term", "name", "string", "iri", "integer", "decimal", "date", "boolean")
MAX_NAME_WORDS = 9  # lowercase words of a name that may each be capitalised (2**9 spellings at most)
_HEADER = re.compile(r"^#\s*(title|description|param)\b\s*(.*)$")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*(?:\((?P<kind>\w+)\))?\s*:\s*(?P<rest>.*)$")
_DEFAULT = re.compile(r"\(default(?P<colon>:?)\s*(?P<value>[^()]*)\)\s*$")
_IRI_LIKE = re.compile(r"^(?:https?://|urn:)\S+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_IF = re.compile(r"^(?P<indent>[ \t]*)#if[ \t]+(?P<name>[A-Za-z_]\w*)(?:=(?P<when>iri|literal))?[ \t]*:[ \t]?"
                 r"(?P<body>.*)$", re.MULTILINE)


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


def parse_saved(path: Path, require_title: bool = True) -> SavedQuery:
    """Read one ``.rq`` file and its header; raise QueryError if the header and body disagree.

    Saved queries need a ``# title:`` line; a file given by path (``require_title=False``) may be plain SPARQL,
    titled by its file name."""
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
    if "title" not in meta and not require_title:
        meta["title"] = path.stem
    if "title" not in meta:
        raise QueryError(f"{path.name}: missing '# title:' header line")
    for p in params:
        if not _values_re(p.name).search(text):
            raise QueryError(f"{path.name}: param {p.name} has no 'VALUES ?{p.name} {{ UNDEF }}' in the query")
    declared = {p.name for p in params}
    for m in _IF.finditer(text):
        if m.group("name") not in declared:
            raise QueryError(f"{path.name}: '#if {m.group('name')}' names no declared param")
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
        bracketed = v.startswith("<") and v.endswith(">")
        if kind == "iri" or (kind in ("term", "name") and (_IRI_LIKE.match(v) or bracketed)):
            return NamedNode(v[1:-1] if bracketed else v)
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
    terms = {name: to_term(value, declared[name].kind if name in declared else "term")
             for name, value in wanted.items()}
    for name, term in terms.items():
        text = _values_re(name).sub(lambda _m, n=name, t=term: f"VALUES ?{n} {{ {t} }}", text, count=1)
    spellings = {name: name_spellings(term.value) for name, term in terms.items()
                 if isinstance(term, Literal) and name in declared and declared[name].kind == "name"}
    return _IF.sub(lambda m: _bound_line(m, terms, spellings), text) if terms else text


def name_spellings(name: str) -> list[str]:
    """A name as typed, and as typed with any of its lowercase words capitalised (``sở tài chính`` gives
    ``Sở tài chính``, ``Sở Tài chính`` …); a name of more than MAX_NAME_WORDS lowercase words gives itself
    and its first letter capitalised only."""
    words = name.split()
    choices = [(w, w[:1].upper() + w[1:]) if w == w.lower() and w[:1] != w[:1].upper() else (w,) for w in words]
    if sum(len(c) > 1 for c in choices) > MAX_NAME_WORDS:
        return list(dict.fromkeys([name, name[:1].upper() + name[1:]]))
    return list(dict.fromkeys([name, *(" ".join(combo) for combo in itertools.product(*choices))]))


def _bound_line(m: re.Match[str], terms: dict[str, NamedNode | Literal], spellings: dict[str, list[str]]) -> str:
    """A ``#if NAME…:`` line as SPARQL when NAME is bound (and of the kind asked), else left as it is."""
    name, when = m.group("name"), m.group("when")
    term = terms.get(name)
    if term is None or (when is not None and (when == "iri") != isinstance(term, NamedNode)):
        return m.group(0)

    def written(d: re.Match[str]) -> str:
        lang = d.group(1)
        if name not in spellings:
            return str(Literal(term.value, language=lang[1:])) if lang and isinstance(term, Literal) else str(term)
        return " ".join(str(Literal(v, language=lang[1:]) if lang else Literal(v)) for v in spellings[name])

    dollar = re.compile(r"\$" + re.escape(name) + r"\b(@[A-Za-z]+(?:-[A-Za-z0-9]+)*)?")
    return m.group("indent") + dollar.sub(written, m.group("body"))


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
        return parse_saved(p, require_title=False)
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
