"""`kg explain`: what vnkg read in one file, as the spans of its pipeline and the graph nodes they became.

`explain_file` reads a file as `kg build` does (any supported format), runs the pipeline and lists every
span of ``doc.spans`` with its kind, label, exact offsets, attributes and the IRI of the node it became
(checked against the triples the mapping writes for the text). `render_html` draws one offline page: the
text with every span highlighted by kind (hover: its attributes), and a side list of spans and IRIs.
Year-less document numbers may get their year from other texts in a corpus build; here a text is alone.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from kg.defaults import DEFAULT_BASE
from kg.extraction.pipeline import read_doc
from kg.extraction.spans import KEYS, entity_of, result_from_spans
from kg.model import Body, DocumentRef, Link, Meeting, Person, Statement, Target, Task, TextResult
from kg.rdf.iris import Iris
from kg.rdf.mapping import text_quads
from kg.textfile import clean_file

KIND_NAMES: dict[str, str] = {"documents": "Văn bản · documents", "dates": "Ngày · dates", "bodies": "Cơ quan · bodies",
                              "links": "Quan hệ · links", "targets": "Chỉ tiêu · targets",
                              "results": "Kết quả · results", "tasks": "Nhiệm vụ · tasks",
                              "statements": "Chủ đề, phương châm · statements", "people": "Người · people",
                              "meetings": "Phiên họp · meetings"}
COLOURS: dict[str, str] = {"documents": "#4e79a7", "dates": "#9c755f", "bodies": "#f28e2b", "links": "#bab0ac",
                           "targets": "#59a14f", "results": "#b07aa1", "tasks": "#e15759", "statements": "#76b7b2",
                           "people": "#edc948", "meetings": "#ff9da7"}


@dataclass(slots=True)
class SpanView:
    """One span as `kg explain` shows it."""

    id: str
    key: str
    label: str
    start: int  # exact character offsets into the cleaned text
    end: int
    text: str
    attrs: dict[str, Any]
    iri: str | None = None  # the node it became (None: not in the graph)
    target: str | None = None  # a link's object node
    ostart: int | None = None  # offsets into the original text, as the graph's vnkg:startOffset/endOffset
    oend: int | None = None


@dataclass(slots=True)
class Explanation:
    file: str
    fmt: str
    text_id: str
    text: str
    spans: list[SpanView] = field(default_factory=list)
    triples: int = 0

    def to_json(self) -> str:
        data = {"file": self.file, "format": self.fmt, "text_id": self.text_id, "triples": self.triples,
                "spans": [asdict(s) for s in self.spans]}
        return json.dumps(data, ensure_ascii=False, indent=1)


def explain_file(path: Path, base: str = DEFAULT_BASE) -> Explanation:
    """Read and extract one file; every span with its attributes and the IRI of its node."""
    c = clean_file(path)
    doc = read_doc(c.text, file_name=path.name, rel_path=path.name, fmt=c.fmt, meta=c.meta)
    res = result_from_spans(doc)
    assert res is not None
    iris = Iris(base, make=str)
    quads = text_quads(res, base, str(iris.graph(res.text_id)), c.to_original)
    subjects = {line.split(" ", 1)[0][1:-1] for line in quads.splitlines()}
    out = Explanation(path.name, c.fmt, res.text_id, c.text, triples=len(quads.splitlines()))
    for key in KEYS:
        for n, sp in enumerate(doc.spans.get(key, [])):
            ent = entity_of(sp)
            node, target = node_of(ent, res, iris)
            out.spans.append(SpanView(f"{sp.id_}.{n}", key, sp.label_, sp._.start, sp._.end,
                                      c.text[sp._.start:sp._.end], sp._.attrs,
                                      node if node in subjects else None, target,
                                      *_original(c.to_original, sp._.start, sp._.end)))
    out.spans.sort(key=lambda s: (s.start, -s.end, KEYS.index(s.key)))
    return out


def _original(to_original: Any, start: int, end: int) -> tuple[int, int]:
    """Offsets into the original text (the cleaned text's own when cleaning kept them)."""
    return (to_original(start), to_original(end)) if to_original else (start, end)


def node_of(ent: Any, res: TextResult, iris: Iris) -> tuple[str | None, str | None]:
    """The IRI the mapping mints for an entity (and for a link, its object's)."""
    tid = res.text_id
    if isinstance(ent, DocumentRef):
        return iris.document(ent), None
    if isinstance(ent, Target):
        return iris.item("result" if ent.is_result else "target", tid, ent.span.end), None
    if isinstance(ent, Task):
        return iris.item("task", tid, ent.span.start), None
    if isinstance(ent, Statement):
        return iris.item(ent.kind, tid, ent.span.start), None
    if isinstance(ent, Meeting):
        return iris.item("meeting", tid, ent.span.start), None
    if isinstance(ent, Person):
        return iris.person(res.province_slug or f"text-{tid}", ent.name), None
    if isinstance(ent, tuple) and ent and isinstance(ent[0], Body):
        return iris.body(ent[0]), None
    if isinstance(ent, Link) and max(ent.subject, ent.obj) < len(res.documents):
        return iris.document(res.documents[ent.subject]), iris.document(res.documents[ent.obj])
    return None, None


def _marks(text: str, spans: list[SpanView]) -> str:
    """The text as HTML, each span a ``<mark>`` (nested where spans overlap), in one pass over boundaries."""
    shown = [s for s in spans if s.end > s.start]
    cuts = sorted({0, len(text)} | {s.start for s in shown} | {s.end for s in shown})
    by_start: dict[int, list[SpanView]] = {}
    for s in shown:
        by_start.setdefault(s.start, []).append(s)
    active: list[SpanView] = []
    parts: list[str] = []
    for a, b in pairwise(cuts):
        active = [s for s in active if s.end > a] + by_start.get(a, [])
        active.sort(key=lambda s: (s.start, -s.end))
        chunk = html.escape(text[a:b])
        for s in reversed(active):  # innermost first, outermost wraps all
            chunk = f'<mark class="k-{s.key}" data-s="{html.escape(s.id)}">{chunk}</mark>'
        parts.append(chunk)
    return "".join(parts)


def _iri(iri: str, href: Callable[[str], str | None] | None) -> str:
    """A node's IRI, linked (to ``href(iri)`` when given: a served page links on its own server) in the top window."""
    target = href(iri) if href else iri
    if target is None:
        return f'<span class="iri">{html.escape(iri)}</span>'
    return f'<a class="iri" href="{html.escape(target)}" target="_top">{html.escape(iri)}</a>'


def _side(spans: list[SpanView], href: Callable[[str], str | None] | None = None) -> str:
    """One entry per entity (a document read at several places is one entry), with the IRI it became."""
    rows: list[str] = []
    for key in KEYS:
        groups: dict[str, list[SpanView]] = {}
        for s in spans:
            if s.key == key:
                groups.setdefault(entity_key(s.id), []).append(s)
        if not groups:
            continue
        rows.append(f'<h3 class="k-{key}">{html.escape(KIND_NAMES[key])} <small>({len(groups)})</small></h3><ol>')
        for ent, items in groups.items():
            s = items[0]
            node = (_iri(s.iri, href) if s.iri
                    else '<span class="none">not in the graph</span>' if key not in ("dates", "links") else "")
            if s.target:
                node += f" → {_iri(s.target, href)}"
            times = f" <small>×{len(items)}</small>" if len(items) > 1 else ""
            rows.append(f'<li data-e="{html.escape(ent)}"><b>{html.escape(s.label)}</b> '
                        f'<q>{html.escape(_short(s.text))}</q>{times}<br>{node}</li>')
        rows.append("</ol>")
    return "\n".join(rows)


def entity_key(span_view_id: str) -> str:
    """``documents:3`` of the span view ``documents:3.1`` (the second span of document 3)."""
    return span_view_id.rsplit(".", 1)[0]


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def render_html(ex: Explanation, href: Callable[[str], str | None] | None = None) -> str:
    """One self-contained offline page (no external asset); ``href``: a node IRI -> its link (default: the IRI)."""
    data = {s.id: {"key": s.key, "label": s.label, "start": s.start, "end": s.end, "attrs": s.attrs, "iri": s.iri,
                   "target": s.target, "o": [s.ostart, s.oend]} for s in ex.spans}
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    css = "\n".join(f".k-{k}{{--c:{c}}}" for k, c in COLOURS.items())
    legend = "".join(f'<label class="k-{k}"><input type="checkbox" checked data-k="{k}"> '
                     f'{html.escape(KIND_NAMES[k])} ({len({entity_key(s.id) for s in ex.spans if s.key == k})})</label>'
                     for k in KEYS)
    title = html.escape(f"kg explain: {ex.file}")
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{title}</title>
<style>
body{{margin:0;font:14px/1.5 system-ui,sans-serif;display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);
grid-template-rows:auto 1fr;height:100vh}}
header{{grid-column:1/3;padding:6px 12px;border-bottom:1px solid #ccc;background:#f7f7f7}}
header h1{{font-size:16px;margin:0 0 4px}} header label{{margin-right:10px;white-space:nowrap;
border-bottom:3px solid var(--c)}}
#text{{overflow:auto;padding:12px 16px;white-space:pre-wrap;font-family:Georgia,serif}}
#side{{overflow:auto;padding:4px 12px;border-left:1px solid #ccc;font-size:12px}}
#side h3{{font-size:13px;margin:10px 0 2px;border-left:6px solid var(--c);padding-left:6px}}
#side li{{margin:2px 0;cursor:pointer}} #side li:hover{{background:#eef}} .iri{{color:#335;word-break:break-all}}
.none{{color:#a00}} q{{color:#333}}
mark{{background:color-mix(in srgb,var(--c) 22%,transparent);border-bottom:2px solid var(--c);color:inherit;
padding:1px 0}}
mark.off{{background:none;border-bottom:none}} mark.hot{{outline:2px solid var(--c)}}
#tip{{position:fixed;display:none;max-width:460px;background:#fff;border:1px solid #888;border-radius:4px;
padding:6px 8px;font-size:12px;box-shadow:0 2px 8px #0003;pointer-events:none;z-index:9}}
#tip table{{border-collapse:collapse}} #tip td{{padding:0 6px 0 0;vertical-align:top}} #tip .k{{font-weight:bold}}
{css}
</style></head><body>
<header><h1>{title} <small>({html.escape(ex.fmt)}, {len(ex.spans)} spans, {ex.triples} triples)</small></h1>
{legend}</header>
<main id="text">{_marks(ex.text, ex.spans)}</main>
<aside id="side">{_side(ex.spans, href)}</aside>
<div id="tip"></div>
<script id="spans" type="application/json">{payload}</script>
<script>
const SPANS = JSON.parse(document.getElementById("spans").textContent);
const tip = document.getElementById("tip");
function esc(s) {{ const d = document.createElement("div"); d.textContent = String(s); return d.innerHTML; }}
function describe(id) {{
  const s = SPANS[id]; let rows = "";
  for (const [k, v] of Object.entries(s.attrs)) {{
    if (v === null || v === false || v === "" || (Array.isArray(v) && !v.length)) continue;
    rows += "<tr><td>" + esc(k) + "</td><td>" + esc(Array.isArray(v) ? v.join("; ") : v) + "</td></tr>";
  }}
  if (s.iri) rows += "<tr><td>IRI</td><td>" + esc(s.iri) + "</td></tr>";
  return "<div class='k'>" + esc(s.key) + " · " + esc(s.label) + "</div><table>" + rows + "</table>";
}}
document.getElementById("text").addEventListener("mousemove", e => {{
  const marks = [];
  for (let m = e.target.closest("mark"); m; m = m.parentElement.closest("mark"))
    if (!m.classList.contains("off")) marks.push(m.dataset.s);
  if (!marks.length) {{ tip.style.display = "none"; return; }}
  tip.innerHTML = marks.map(describe).join("<hr>");
  tip.style.display = "block";
  tip.style.left = Math.min(e.clientX + 14, innerWidth - 470) + "px";
  tip.style.top = Math.min(e.clientY + 14, innerHeight - tip.offsetHeight - 4) + "px";
}});
document.getElementById("text").addEventListener("mouseleave", () => {{ tip.style.display = "none"; }});
document.getElementById("side").addEventListener("click", e => {{
  const li = e.target.closest("li"); if (!li || e.target.closest("a")) return;
  document.querySelectorAll("mark.hot").forEach(m => m.classList.remove("hot"));
  const marks = document.querySelectorAll('mark[data-s^="' + CSS.escape(li.dataset.e + ".") + '"]');
  marks.forEach(m => m.classList.add("hot"));
  if (marks.length) marks[0].scrollIntoView({{block: "center"}});
}});
document.querySelectorAll("header input").forEach(box => box.addEventListener("change", () => {{
  document.querySelectorAll("mark.k-" + box.dataset.k).forEach(m => m.classList.toggle("off", !box.checked));
}}));
// Anchors: #span=START-END (offsets into the original text, as the graph's vnkg:startOffset/endOffset) or
// vnkgFocus(START, END) outlines the span read there (else the spans overlapping it) and scrolls to it.
function vnkgFocus(a, b) {{
  document.querySelectorAll("mark.hot").forEach(m => m.classList.remove("hot"));
  let ids = Object.keys(SPANS).filter(id => SPANS[id].o[0] === a && SPANS[id].o[1] === b);
  if (!ids.length) ids = Object.keys(SPANS).filter(id => SPANS[id].o[0] < b && SPANS[id].o[1] > a
                                                    && SPANS[id].key !== "links");
  const marks = ids.flatMap(id => [...document.querySelectorAll('mark[data-s="' + CSS.escape(id) + '"]')]);
  marks.forEach(m => m.classList.add("hot"));
  if (marks.length) marks[0].scrollIntoView({{block: "center"}});
  return marks.length;
}}
window.vnkgFocus = vnkgFocus;
function fromHash() {{
  const m = /^#span=([0-9]+)-([0-9]+)$/.exec(location.hash);
  if (m) vnkgFocus(Number(m[1]), Number(m[2]));
}}
addEventListener("hashchange", fromHash);
fromHash();
window.vnkgReady = true;
</script></body></html>
"""


def explain(path: Path, output: Path | None = None, fmt: str = "html", base: str = DEFAULT_BASE) -> str | Path:
    """Explain one file: the JSON text (``fmt="json"`` and no output), else the path of the file written."""
    ex = explain_file(path, base)
    body = ex.to_json() if fmt == "json" else render_html(ex)
    if output is None:
        if fmt == "json":
            return body
        output = Path("exports") / f"{path.stem}.explain.html"
    from kg.pages import write_atomic

    return write_atomic(output, body)
