"""HTML and Turtle documents of the endpoint: resource pages, document dossiers, indicator charts and the SPARQL
service description."""

from __future__ import annotations

import asyncio
import functools
import re
import threading
from collections.abc import Awaitable, Callable
from html import escape
from pathlib import Path
from urllib.parse import quote

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from kg.pages import PREFIXES as PAGE_PREFIXES
from kg.pages import PageError, Rows, Select, json_rows
from kg.pages.texts import SourceFolder
from kg.rdf.namespaces import PREFIXES
from kg.serve.querier import LABELS

NOT_SERVED = ("The source texts are not served: start kg serve with --texts DIR (the corpus folder) to open each "
              "fact in its text.")
TEXT_ID = re.compile(r"[0-9a-f]{16}")
_EXPLAIN_LOCK = threading.Lock()  # one text read and explained at a time (the pipeline's CPU, and one spaCy model)
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LEGAL_DOCUMENT = "https://w3id.org/vnkg/ontology#LegalDocument"
INDICATOR = "https://w3id.org/vnkg/ontology#Indicator"
__all__ = ["PageError", "SourceFolder", "escape"]
_PREFIXES = {k: str(v) for k, v in PREFIXES.items()}
_STYLE = """body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:70rem;color:#222}
h1{font-size:1.4rem}code{color:#555}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{width:16rem;font-weight:600;color:#444}a{color:#0b5cad;text-decoration:none}a:hover{text-decoration:underline}
.lang,.dt{color:#888;font-size:.8em;margin-left:.3em}"""


def curie(iri: str) -> str:
    for prefix, ns in _PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def local_href(iri: str, base: str) -> str | None:
    """Links to resources of the served base stay on this server (``/id/...``); other http(s) IRIs link out;
    any other scheme (``javascript:``, ``data:``, ``file:`` …) is not a link."""
    if iri.startswith(base):
        return "/id/" + iri[len(base):]
    return iri if iri.lower().startswith(("http://", "https://")) else None


def _link(iri: str, base: str, text: str) -> str:
    href = local_href(iri, base)
    if href is None:
        return f'<span title="{escape(iri)}">{escape(text)}</span>'
    return f'<a href="{escape(href)}" title="{escape(iri)}">{escape(text)}</a>'


def resource_html(iri: str, triples: list[Triple], base: str) -> str:
    """A readable page: the resource's label and types, then one row per property with linked, labelled values."""
    labels: dict[str, str] = {}
    for t in triples:
        if t.predicate.value in LABELS and isinstance(t.object, Literal):
            labels.setdefault(t.subject.value, t.object.value)
    own = [t for t in triples if t.subject == NamedNode(iri)]
    title = labels.get(iri) or iri.rsplit("/", 1)[-1]
    types = [curie(t.object.value) for t in own if t.predicate.value == RDF_TYPE]
    rows = property_rows(iri, triples, base)
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'<style>{_STYLE}</style></head><body><p><a href="/">SPARQL query page</a></p>'
            f"<h1>{escape(title)}</h1><p><code>{escape(iri)}</code></p>"
            f"<p>{escape(', '.join(types))}</p>{_concept_link(own, types)}<table>{rows}</table>"
            f'<p>Also as <a href="?format=turtle">Turtle</a> · <a href="?format=jsonld">JSON-LD</a></p></body></html>')


def property_rows(iri: str, triples: list[Triple], base: str) -> str:
    """One table row per property of ``iri``, with linked, labelled values."""
    labels: dict[str, str] = {}
    for t in triples:
        if t.predicate.value in LABELS and isinstance(t.object, Literal):
            labels.setdefault(t.subject.value, t.object.value)
    by_pred: dict[str, list[str]] = {}
    for t in triples:
        if t.subject == NamedNode(iri):
            by_pred.setdefault(t.predicate.value, []).append(_value_html(t.object, labels, base))
    return "".join(f"<tr><th>{_link(p, base, curie(p))}</th>"
                   f"<td>{'<br>'.join(vals)}</td></tr>" for p, vals in sorted(by_pred.items(), key=_pred_order))


def _concept_link(own: list[Triple], types: list[str]) -> str:
    """On an indicator's page, a link to its chart across provinces and years (when it falls under a concept)."""
    if "vnkg:Indicator" not in types:
        return ""
    from kg.indicators import concept_of

    for t in own:
        if t.predicate.value in LABELS and isinstance(t.object, Literal):
            c = concept_of(t.object.value)
            if c is not None:
                return (f'<p>Across provinces and years: <a href="{escape(indicator_href(c.key))}">'
                        f"{escape(c.vi)}</a></p>")
    return ""


def _pred_order(item: tuple[str, list[str]]) -> tuple[int, str]:
    p = item[0]
    return (0 if p == RDF_TYPE else 1 if p in LABELS else 2, curie(p))


def _value_html(o: object, labels: dict[str, str], base: str) -> str:
    if isinstance(o, NamedNode):
        text = labels.get(o.value) or curie(o.value)
        return _link(o.value, base, text)
    if isinstance(o, BlankNode):
        return escape("_:" + o.value)
    if isinstance(o, Literal):
        extra = (f'<span class="lang">@{escape(o.language)}</span>' if o.language else
                 "" if o.datatype.value.endswith("#string") else f'<span class="dt">{escape(curie(o.datatype.value))}'
                 "</span>")
        return escape(o.value) + extra
    return escape(str(o))


def service_description(endpoint: str, *, allow_update: bool) -> str:
    """The SPARQL 1.1 service description of the endpoint, in Turtle (``endpoint`` must be a valid IRI: it is
    written in N-Triples form, which escapes it)."""
    iri = str(NamedNode(endpoint))
    update = ", sd:SPARQL11Update" if allow_update else ""
    return f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <http://www.w3.org/ns/formats/> .

{iri} a sd:Service ;
    sd:endpoint {iri} ;
    sd:supportedLanguage sd:SPARQL11Query{update} ;
    sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_XML, formats:SPARQL_Results_CSV,
        formats:SPARQL_Results_TSV, formats:Turtle, formats:JSON-LD, formats:N-Triples ;
    sd:feature sd:UnionDefaultGraph ;
    sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .
"""


# -- dossier and indicator pages ------------------------------------------------------------------
def worker_select(query: Callable[[dict], Awaitable[tuple[dict, bytes]]], loop: asyncio.AbstractEventLoop) -> Select:
    """A blocking `Select` for a thread: each query runs on the server's workers (``query(job)``) in ``loop``.

    Pool errors (timeout, busy) propagate; a query the worker refuses is a PageError.
    """

    def select(sparql: str) -> Rows:
        job = {"op": "query", "text": PAGE_PREFIXES + sparql, "max_rows": None, "accept": "",
               "formats": {"solutions": "json", "boolean": "json", "graph": "ntriples"}}
        header, body = asyncio.run_coroutine_threadsafe(query(job), loop).result()
        if not header.get("ok"):
            raise PageError(str(header.get("message", "query failed")))
        return json_rows(body)

    return select


def is_document(iri: str, triples: list[Triple]) -> bool:
    """Whether the described resource is a document (its page is then the dossier)."""
    node = NamedNode(iri)
    return any(t.subject == node and t.predicate.value == RDF_TYPE and t.object.value == LEGAL_DOCUMENT
               for t in triples)


def dossier_html(select: Select, iri: str, base: str, triples: list[Triple], texts: SourceFolder | None = None) -> str:
    """The dossier page of a served document: links stay on this server, concepts open their chart, facts open
    their sentence in the `kg explain` view of their text (``/explain/{id}``, when `kg serve --texts` gives the
    corpus folder); every statement about the IRI (the plain resource page's table) and the RDF formats follow
    at the end."""
    from kg.dossier import gather
    from kg.pages.dossier_html import render

    d = gather(select, iri)
    links: dict[str, tuple[str, str]] = {}
    note = NOT_SERVED
    if texts is not None:
        links = {text: (name, explain_href(text, base)) for text, name in sorted(d.files.items())
                 if text.startswith(base + "text/") and texts.find(name, text)}
        missing = len(d.files) - len(links)
        note = f"{missing} of {len(d.files)} source texts are not in the served texts folder: their facts show " \
               "the sentence only." if missing else ""
    extra = ('<h2>All statements about this IRI</h2><details><summary>'
             f'{sum(t.subject == NamedNode(iri) for t in triples)} statements</summary>'
             f'<table class="props">{property_rows(iri, triples, base)}</table></details>'
             '<p class="small">Also as <a href="?format=turtle">Turtle</a> · <a href="?format=jsonld">JSON-LD</a></p>')
    return render(d, lambda i: local_href(i, base), explain_links=links, texts_note=note, concept_link=indicator_href,
                  home="/", extra=extra)


def explain_href(text_iri: str, base: str) -> str:
    return "/explain/" + quote(text_iri[len(base + "text/"):], safe="")


def explain_html(select: Select, texts: SourceFolder | None, text_id: str, base: str) -> str:
    """The `kg explain` view of the source text ``{base}text/{text_id}``: its file is the one the graph names
    (``vnkg:fileName``) inside the served texts folder, never a path from the request."""
    if texts is None:
        raise PageError(NOT_SERVED)
    if not TEXT_ID.fullmatch(text_id):
        raise PageError(f"no source text {text_id!r} (a text id is 16 hexadecimal digits)")
    iri = f"{base}text/{text_id}"
    names = [r["file"] for r in select(f"SELECT ?file WHERE {{ <{iri}> vnkg:fileName ?file }}") if "file" in r]
    path = next((p for name in names if (p := texts.find(name, iri))), None)
    if path is None:
        raise PageError(f"the source text {names[0]} is not in the served texts folder" if names else
                        f"no source text {iri} in this graph")
    stat = path.stat()
    return _explained(str(path), stat.st_mtime_ns, stat.st_size, base)


@functools.lru_cache(maxsize=8)
def _explained(path: str, _mtime_ns: int, _size: int, base: str) -> str:
    """A text's explain page (kept for the few texts opened last; a changed file is read again)."""
    from kg.explain import explain_file, render_html
    from kg.ingest import ReadError

    with _EXPLAIN_LOCK:
        try:
            return render_html(explain_file(Path(path), base), lambda i: local_href(i, base))
        except ReadError as e:
            raise PageError(f"{Path(path).name}: cannot read the source text ({e})") from e


def indicator_href(key: str) -> str:
    return "/indicator/" + quote(key, safe="")


def indicator_html(select: Select, key: str, base: str) -> str:
    from kg.compare import compare
    from kg.pages.compare_html import render

    return render(compare(select, key), lambda i: local_href(i, base), home="/")


def indicators_html(select: Select) -> str:
    from kg.compare import index
    from kg.pages.compare_html import index_page

    return index_page(index(select), indicator_href)
