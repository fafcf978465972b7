"""Interactive HTML views of the knowledge graph (pyvis data and options, vis-network drawing).

One self-contained page per view: vis-network's JavaScript and CSS are inlined from pyvis's own copy
and the page template (`PAGE`, below) links nothing, so it works offline from ``file://``
and from static hosting. Texts are escaped (Jinja autoescape; ``tojson`` for the data; tooltips and the
side panel are built with ``textContent``). Views above `PHYSICS_LIMIT` nodes get positions computed
here and physics off (vis-network's physics never settles at 2 000 nodes); views above `max_nodes` are
refused with a message saying how to narrow them.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import numpy as np
import pyvis
from jinja2 import Environment
from markupsafe import Markup
from pyvis.network import Network

from kg.defaults import DEFAULT_MAX_NODES
from kg.network import GROUPS, NetworkError, neighbourhood, open_graph, query_view, resolve_focus, term_label
from kg.network import to_networkx as network_of
from kg.pages import write_atomic
from kg.rdf.vocab import VNKG

PHYSICS_LIMIT = 300
LABEL_ZOOM_THRESHOLD = 12  # px: labels of views above PHYSICS_LIMIT appear from this on-screen font size
VIS_DIR = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"

# Group -> (colour, vis-network shape). Shapes that honour `size` only.
STYLE: dict[str, tuple[str, str]] = {
    "resolution": ("#d62728", "diamond"), "decision": ("#ff7f0e", "square"), "plan": ("#1f77b4", "dot"),
    "program": ("#17becf", "hexagon"), "document": ("#9467bd", "triangle"), "body": ("#2ca02c", "triangleDown"),
    "task": ("#bcbd22", "dot"), "target": ("#e377c2", "star"), "person": ("#7f7f7f", "dot"),
    "meeting": ("#8c564b", "square"),
}
# Legend marks as inline SVG (glyphs such as ⬢ or ▼ render as boxes without a font that has them).
GLYPHS = {"dot": '<circle cx="7" cy="7" r="6"/>', "square": '<rect x="1" y="1" width="12" height="12"/>',
          "diamond": '<polygon points="7,0 14,7 7,14 0,7"/>', "triangle": '<polygon points="7,1 13.5,13 0.5,13"/>',
          "triangleDown": '<polygon points="0.5,1 13.5,1 7,13"/>',
          "star": '<polygon points="7,0 8.8,5 14,5 9.8,8.2 11.4,13.6 7,10.4 2.6,13.6 4.2,8.2 0,5 5.2,5"/>',
          "hexagon": '<polygon points="7,0 13,3.5 13,10.5 7,14 1,10.5 1,3.5"/>'}
# Node attributes shown in the side panel, with the ontology term that names them.
PANEL: tuple[tuple[str, str], ...] = tuple((a, str(t)) for a, t in (
    ("number", VNKG.documentNumber), ("title", VNKG.title), ("date", VNKG.issuedOn), ("issuer", VNKG.issuedBy),
    ("alt_label", "http://www.w3.org/2004/02/skos/core#altLabel"), ("indicator", VNKG.indicator),
    ("comparator", VNKG.comparator), ("value", VNKG.value), ("upper_value", VNKG.upperValue), ("unit", VNKG.unit),
    ("period", VNKG.period), ("deadline", VNKG.deadline), ("mentions", VNKG.mentions),
    ("implemented_by", VNKG.implementedBy), ("sentence", VNKG.sentence)))
UI = {
    "vi": {"legend": "Chú giải", "nodes": "nút", "edges": "cạnh", "iri": "IRI", "relations": "Quan hệ",
           "close": "Đóng", "hint": "Di chuột để xem chi tiết, nhấp vào nút để xem thuộc tính.",
           "whole": "Toàn bộ đồ thị", "focus": "Lân cận của {ref} (độ sâu {depth})", "query": "Kết quả truy vấn {q}",
           "layout": "bố cục tính trước, tắt mô phỏng vật lý", "mentions": "số văn bản nguồn nhắc đến",
           "implemented_by": "số văn bản triển khai thực hiện", "tip": {"number": "Số", "date": "Ngày",
                                                                         "issuer": "Cơ quan ban hành"}},
    "en": {"legend": "Legend", "nodes": "nodes", "edges": "edges", "iri": "IRI", "relations": "Relations",
           "close": "Close", "hint": "Hover for details, click a node for its properties.",
           "whole": "Whole graph", "focus": "Neighbourhood of {ref} (depth {depth})", "query": "Result of query {q}",
           "layout": "precomputed layout, physics off", "mentions": "source texts mentioning it",
           "implemented_by": "documents implementing it", "tip": {"number": "Number", "date": "Date",
                                                                    "issuer": "Issuer"}},
}


class VizError(Exception):
    """A view that cannot be drawn (one-line message)."""


@dataclass(slots=True)
class VizReport:
    path: Path
    nodes: int
    edges: int
    precomputed_layout: bool
    seconds: float


# -- views ----------------------------------------------------------------------------------------
def select_view(source, *, focus: str | None = None, depth: int = 2, query: str | None = None,
                lang: str = "vi") -> tuple[nx.MultiDiGraph, str]:
    """The subgraph to draw and its one-line description (whole graph, neighbourhood or query result)."""
    store = open_graph(source)
    g = network_of(store)
    _document_sentences(store, g)
    ui = UI[lang]
    if focus:
        centres = resolve_focus(g, focus)
        if not centres:
            raise VizError(f"--focus {focus}: no document with this number or IRI in the graph")
        names = sorted({g.nodes[c].get("number") or g.nodes[c].get("label") or c for c in centres})
        return neighbourhood(g, centres, depth), ui["focus"].format(ref=", ".join(names), depth=depth)
    if query:
        view = query_view(store, g, query)
        if not view:
            raise VizError("the query's results name no document, body, task, target, person or meeting")
        return view, ui["query"].format(q="")
    return g, ui["whole"]


def _document_sentences(store, g: nx.MultiDiGraph) -> None:
    """Give each document the sentence that says most about it: its own header's if that is more than its
    number (``Số: 35/KH-UBND`` is not), else the longest sentence citing it; none when every one is bare."""
    rows = store.query("PREFIX vnkg: <https://w3id.org/vnkg/ontology#>\nSELECT ?d ?s ?a ?r WHERE { "
                       "?m vnkg:mentionOf ?d ; vnkg:sentence ?s . OPTIONAL { ?m vnkg:anchorText ?a } "
                       "OPTIONAL { ?m vnkg:role ?r } }")
    best: dict[str, tuple[int, int, str]] = {}
    for d, sent, anchor, role in rows:
        if d.value not in g:
            continue
        rest = sent.value.replace(anchor.value if anchor is not None else "", " ")
        if sum(ch.isalpha() for ch in rest) < 12:  # the number, "Số:", a date: not a sentence about it
            continue
        key = (0 if role is not None and role.value == "self" else 1, -len(sent.value), sent.value)
        if d.value not in best or key < best[d.value]:
            best[d.value] = key
    for n, data in g.nodes(data=True):
        if data.get("group") in ("resolution", "decision", "plan", "program", "document"):
            if n in best:
                data["sentence"] = best[n][2]
            else:
                data.pop("sentence", None)


def viz(source, output: Path, *, focus: str | None = None, depth: int = 2, query_file: Path | str | None = None,
        params: dict[str, str] | None = None, lang: str = "vi", max_nodes: int = DEFAULT_MAX_NODES,
        title: str | None = None) -> VizReport:
    """Write the HTML page of one view of a graph file or store; returns what was drawn.

    ``query_file`` is a saved query's name or any ``.rq`` file; ``params`` bind its parameters as in ``kg query``.
    """
    if lang not in UI:
        raise VizError(f"--lang {lang}: use vi or en")
    query = None
    if query_file is not None:
        query = _query_text(str(query_file), params or {})
    try:
        g, description = select_view(source, focus=focus, depth=depth, query=query, lang=lang)
    except NetworkError as e:
        raise VizError(str(e)) from e
    if query_file is not None:
        description = UI[lang]["query"].format(q=Path(query_file).name)
    if g.number_of_nodes() > max_nodes:
        raise VizError(f"the view has {g.number_of_nodes()} nodes, more than --max-nodes {max_nodes}: narrow it "
                       f"with --focus NUMBER --depth 1 or --query FILE.rq (or raise --max-nodes)")
    return render(g, output, title=title or "vnkg", description=description, lang=lang)


def _query_text(name_or_path: str, params: dict[str, str]) -> str:
    """The text of a saved query (by name) or of any .rq file, its parameters bound."""
    from kg import queries

    try:
        saved = queries.resolve(name_or_path)
        return queries.bind(saved.text, params, saved.params)
    except (OSError, UnicodeDecodeError) as e:
        raise VizError(f"{name_or_path}: cannot read the query ({getattr(e, 'strerror', None) or e})") from e
    except queries.QueryError as e:
        raise VizError(str(e)) from e


# -- rendering ------------------------------------------------------------------------------------
def render(g: nx.MultiDiGraph, output: Path, *, title: str = "vnkg", description: str = "",
           lang: str = "vi") -> VizReport:
    """Draw a network (from `kg.network`) into one self-contained HTML file, written atomically."""
    t0 = time.perf_counter()
    precompute = g.number_of_nodes() > PHYSICS_LIMIT
    positions = layout(g) if precompute else {}
    net = Network(directed=True, cdn_resources="in_line")
    ui = UI[lang]
    for n, d in g.nodes(data=True):
        group = d.get("group", "document")
        colour, shape = STYLE.get(group, STYLE["document"])
        extra = {"x": positions[n][0], "y": positions[n][1]} if precompute else {}
        net.add_node(n, label=_short(d, group), shape=shape, color=colour, size=_size(d, group),
                     font={"size": 11 if group in ("task", "target") else 16},
                     info=_info(d, group, lang), props=_props(d, lang), iri=d.get("iri", n), **extra)
    for s, o, d in g.edges(data=True):
        implements = d.get("predicate") == str(VNKG.implements)
        label = d.get("label_en" if lang == "en" else "label") or term_label(d.get("predicate", ""), lang)
        drawn = {"title": label} if precompute else {"label": label}  # large views: no edge label on the canvas
        net.add_edge(s, o, rel=label, predicate=d.get("predicate", ""),
                     color="#b03030" if implements else "#a0a0a0", width=2.5 if implements else 1, **drawn)
    net.options = _options(g.number_of_nodes(), precompute)
    counts = {k: 0 for k, _ in GROUPS}
    for _, d in g.nodes(data=True):
        counts[d.get("group", "document")] = counts.get(d.get("group", "document"), 0) + 1
    legend = [{"key": k, "label": term_label(cls, lang), "colour": STYLE[k][0],
               "glyph": Markup(GLYPHS[STYLE[k][1]]),
               "count": counts[k]} for k, cls in GROUPS if counts.get(k)]
    if precompute:
        description += f" · {ui['layout']}"
    env = Environment(autoescape=True)
    page = env.from_string(PAGE).render(
        lang=lang, title=title, description=description, ui=ui, legend=legend, nodes=net.nodes, edges=net.edges,
        options=net.options, physics=not precompute, n_nodes=g.number_of_nodes(), n_edges=g.number_of_edges(),
        implements_label=term_label(str(VNKG.implements), lang),
        vis_js=Markup(_asset("vis-network.min.js")), vis_css=Markup(_asset("vis-network.css")))
    write_atomic(Path(output), page)
    return VizReport(Path(output), g.number_of_nodes(), g.number_of_edges(), precompute, time.perf_counter() - t0)


def _asset(name: str) -> str:
    text = (VIS_DIR / name).read_text(encoding="utf-8")
    if "</script" in text.lower() or "</style" in text.lower():  # would end the inline element early
        raise VizError(f"{VIS_DIR / name}: cannot be inlined safely")
    return text


def _short(d: dict, group: str) -> str:
    text = d.get("number") if group not in ("task", "target") and d.get("number") else d.get("label", "")
    if group == "body" and d.get("alt_label") and len(d["label"]) > 28:
        text = d["alt_label"]
    limit = 28 if group in ("task", "target") else 40
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _size(d: dict, group: str) -> float:
    base = 7 if group in ("task", "target") else 12
    return round(base + 6 * math.sqrt(d.get("refs", 0)), 1)


def _info(d: dict, group: str, lang: str) -> dict[str, str]:
    """What the hover tooltip shows (built with textContent in the page)."""
    cls = d.get("cls") or dict(GROUPS).get(group, "")
    info = {"label": d.get("label", ""), "class": term_label(cls, lang) if cls else group}
    for key in ("number", "date", "issuer", "sentence"):
        if d.get(key):
            value = str(d[key])
            info[key] = value if len(value) <= 400 else value[:399] + "…"
    return info


def _props(d: dict, lang: str) -> list[list[str]]:
    """(name, value) rows of the side panel, named by the ontology's labels."""
    rows: list[list[str]] = []
    if d.get("cls"):
        rows.append(["rdf:type", term_label(d["cls"], lang)])
    for key, term in PANEL:
        value = d.get(key)
        if value in (None, "", 0):
            continue
        name = UI[lang][key] if key in ("mentions", "implemented_by") else term_label(term, lang)
        rows.append([name, str(value)])
    return rows


def _options(n: int, precompute: bool) -> dict:
    # Large views: a label is drawn only once zoomed in far enough for it to be read (vis-network skips a label
    # whose on-screen size is under drawThreshold), so the whole view shows communities, not a blur of text.
    label_threshold = LABEL_ZOOM_THRESHOLD if precompute else 5
    return {
        "nodes": {"borderWidth": 1, "font": {"face": "system-ui, Segoe UI, Roboto, DejaVu Sans, sans-serif",
                                             "color": "#222"},
                  "scaling": {"label": {"enabled": False, "drawThreshold": label_threshold}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "smooth": False,
                  "font": {"size": 9, "color": "#555", "strokeWidth": 3, "strokeColor": "#ffffff", "align": "middle"}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": n > 200, "hideEdgesOnZoom": n > 800},
        "physics": {"enabled": not precompute, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -70, "springLength": 110, "avoidOverlap": 0.4},
                    "stabilization": {"enabled": True, "iterations": 500, "fit": True}},
        "layout": {"randomSeed": 7, "improvedLayout": n <= 100},
    }


# -- layout ---------------------------------------------------------------------------------------
def layout(g: nx.Graph, *, seed: int = 7, unit: float = 45.0) -> dict[str, tuple[float, float]]:
    """Seeded positions for large views: communities, each laid out on its own, packed as discs that never overlap.

    Communities are Louvain's (seeded) on the undirected graph; a component of one node joins the grid of
    lone nodes. Each community is drawn by a force layout (networkx's spring layout under 500 nodes, a
    vectorised Fruchterman-Reingold above) into a disc whose area grows with its size, and the discs are
    placed largest first on a spiral, each at the first place it overlaps no other (a gap of ``unit``).
    """
    undirected = nx.Graph(g)
    lone = sorted(n for n in undirected if undirected.degree(n) == 0)
    rest = undirected.subgraph(n for n in undirected if undirected.degree(n) > 0)
    groups = [sorted(c) for c in nx.community.louvain_communities(rest, seed=seed)] if len(rest) else []
    groups.sort(key=lambda c: (-len(c), c[0]))
    if lone:
        groups.append(lone)
    discs: list[tuple[float, float, float]] = []  # (x, y, radius) placed so far
    placed: dict[str, tuple[float, float]] = {}
    for nodes in groups:
        radius = unit * (1.2 * math.sqrt(len(nodes)) + 0.5)
        coords = _grid(len(nodes)) if nodes is lone else _community(undirected.subgraph(nodes), nodes, seed)
        coords = coords - coords.mean(axis=0)
        span = float(np.abs(coords).max()) or 1.0
        coords = coords / span * (radius - unit / 2)
        cx, cy = _free_place(discs, radius, unit)
        discs.append((cx, cy, radius))
        for n, (x, y) in zip(nodes, coords, strict=True):
            placed[n] = (round(float(x) + cx, 1), round(float(y) + cy, 1))
    return placed


def _community(sub: nx.Graph, nodes: list[str], seed: int) -> np.ndarray:
    if len(nodes) == 1:
        return np.zeros((1, 2))
    if len(nodes) < 500:
        pos = nx.spring_layout(sub, seed=seed, iterations=60)
        return np.array([pos[n] for n in nodes])
    index = {n: i for i, n in enumerate(nodes)}
    adj = np.zeros((len(nodes), len(nodes)), dtype=np.float32)
    for a, b in sub.edges():
        adj[index[a], index[b]] = adj[index[b], index[a]] = 1.0
    return _fruchterman_reingold(adj, seed=seed)


def _grid(n: int) -> np.ndarray:
    side = math.ceil(math.sqrt(n))
    return np.array([(i % side, i // side) for i in range(n)], dtype=float) if n > 1 else np.zeros((1, 2))


def _free_place(discs: list[tuple[float, float, float]], radius: float, gap: float) -> tuple[float, float]:
    """The first point of an outward spiral where a disc of ``radius`` overlaps none of ``discs``."""
    if not discs:
        return 0.0, 0.0
    step = max(gap, radius / 4)
    angle, dist = 0.0, 0.0
    while True:
        x, y = dist * math.cos(angle), dist * math.sin(angle)
        if all(math.hypot(x - a, y - b) >= r + radius + gap for a, b, r in discs):
            return x, y
        angle += step / max(dist, step)
        dist += step * 0.12


def _fruchterman_reingold(adj: np.ndarray, *, iterations: int = 50, seed: int = 7) -> np.ndarray:
    """Dense force-directed layout in float32 (the same model as networkx's spring_layout)."""
    n = adj.shape[0]
    pos = np.random.default_rng(seed).random((n, 2), dtype=np.float32)
    k = np.float32(1.0 / math.sqrt(n))
    temperature = np.float32(0.1)
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.sqrt(np.einsum("ijk,ijk->ij", delta, delta))
        np.clip(dist, 0.01, None, out=dist)
        force = k * k / (dist * dist) - adj * dist / k
        disp = np.einsum("ij,ijk->ik", force, delta)
        length = np.linalg.norm(disp, axis=1)
        length[length < 0.01] = 0.1
        pos += disp * (temperature / length)[:, None]
        temperature -= cooling
    return pos


# The page: vis-network and its CSS inlined, a header, a legend and a side panel as HTML overlays.
# Kept here rather than in kg/data/ (which .gitignore's `data/` hides from git).
PAGE = r"""<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="vnkg (kg viz), pyvis, vis-network 9.1.2">
<title>{{ title }} · {{ description }}</title>
<style>{{ vis_css }}</style>
<style>
  html, body { margin: 0; height: 100%; font: 14px/1.4 system-ui, "Segoe UI", Roboto, sans-serif; color: #222; }
  #mynetwork { position: absolute; inset: 0; background: #fff; }
  .overlay { position: absolute; z-index: 5; background: rgba(255, 255, 255, 0.94); border: 1px solid #ddd;
             border-radius: 6px; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.12); }
  #header { top: 10px; left: 10px; padding: 8px 12px; max-width: 46vw; }
  #header h1 { font-size: 16px; margin: 0 0 2px; }
  #header p { margin: 0; color: #555; font-size: 12px; }
  #legend { bottom: 10px; left: 10px; padding: 8px 12px; font-size: 13px; }
  #legend h2, #panel h2 { font-size: 13px; margin: 0 0 4px; text-transform: uppercase; color: #666; }
  #legend ul { list-style: none; margin: 0; padding: 0; }
  #legend li { white-space: nowrap; }
  #legend .glyph { display: inline-block; width: 14px; height: 14px; margin: 0 0.35em 0 0.1em;
                   vertical-align: -2px; }
  #legend .count { color: #888; font-size: 11px; }
  #legend .edge { display: inline-block; width: 1.3em; border-top: 3px solid #b03030; vertical-align: middle; }
  #panel { top: 10px; right: 10px; bottom: 10px; width: min(380px, 40vw); padding: 10px 12px; overflow: auto;
           display: none; }
  #panel.open { display: block; }
  #panel h3 { font-size: 15px; margin: 4px 0 8px; word-wrap: break-word; }
  #panel table { border-collapse: collapse; width: 100%; font-size: 12px; }
  #panel th { text-align: left; vertical-align: top; color: #555; font-weight: 600; padding: 2px 6px 2px 0;
              width: 34%; }
  #panel td { padding: 2px 0; word-wrap: break-word; overflow-wrap: anywhere; }
  #panel ul { padding-left: 16px; margin: 4px 0; font-size: 12px; }
  #panel li a, #panel .iri a { color: #1f5fa8; cursor: pointer; overflow-wrap: anywhere; }
  #panel .iri { font-size: 11px; margin: 6px 0 10px; overflow-wrap: anywhere; }
  #panel button { float: right; border: 1px solid #ccc; background: #f6f6f6; border-radius: 4px; cursor: pointer; }
  .vnkg-tip { max-width: 420px; white-space: normal; font-size: 12px; }
  .vnkg-tip b { font-size: 13px; }
  .vnkg-tip .cls { color: #777; }
  .vnkg-tip .sent { margin-top: 4px; font-style: italic; color: #444; }
  div.vis-tooltip { white-space: normal; }
</style>
<script>{{ vis_js }}</script>
</head>
<body>
<div id="mynetwork"></div>
<div id="header" class="overlay">
  <h1>{{ title }}</h1>
  <p>{{ description }} · {{ n_nodes }} {{ ui.nodes }}, {{ n_edges }} {{ ui.edges }}</p>
  <p>{{ ui.hint }}</p>
</div>
<div id="legend" class="overlay">
  <h2>{{ ui.legend }}</h2>
  <ul>
  {% for item in legend %}
    <li data-group="{{ item.key }}"><svg class="glyph" viewBox="0 0 14 14" width="14" height="14"
      fill="{{ item.colour }}" aria-hidden="true">{{ item.glyph }}</svg>
      {{- " " }}{{ item.label }} <span class="count">{{ item.count }}</span></li>
  {% endfor %}
    <li><span class="edge"></span> {{ implements_label }}</li>
  </ul>
</div>
<div id="panel" class="overlay" aria-live="polite">
  <button type="button" id="panel-close">{{ ui.close }}</button>
  <h2 id="panel-class"></h2>
  <h3 id="panel-label"></h3>
  <div class="iri">{{ ui.iri }}: <a id="panel-iri" target="_blank" rel="noopener noreferrer"></a></div>
  <table id="panel-props"></table>
  <h2>{{ ui.relations }}</h2>
  <ul id="panel-rels"></ul>
</div>
<script>
"use strict";
var NODES = {{ nodes|tojson }};
var EDGES = {{ edges|tojson }};
var OPTIONS = {{ options|tojson }};
var PHYSICS = {{ physics|tojson }};
var TIP = {{ ui.tip|tojson }};
window.vnkgReady = false;

function el(tag, text, cls) {
  var e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}
function tooltip(n) {
  var i = n.info || {}, box = el("div", null, "vnkg-tip");
  box.appendChild(el("b", i.label));
  box.appendChild(el("div", i["class"], "cls"));
  ["number", "date", "issuer"].forEach(function (k) {
    if (i[k]) box.appendChild(el("div", TIP[k] + ": " + i[k]));
  });
  if (i.sentence) box.appendChild(el("div", "“" + i.sentence + "”", "sent"));
  return box;
}
NODES.forEach(function (n) { n.title = tooltip(n); });
EDGES.forEach(function (e, k) { e.id = "e" + k; });

var nodes = new vis.DataSet(NODES);
var edges = new vis.DataSet(EDGES);
var container = document.getElementById("mynetwork");
var network = new vis.Network(container, {nodes: nodes, edges: edges}, OPTIONS);
window.network = network;

function ready() {
  if (window.vnkgReady) return;
  window.vnkgReady = true;
  document.body.setAttribute("data-ready", "1");
}
if (PHYSICS) {
  var frozen = false;
  var freeze = function () {
    if (frozen) return;
    frozen = true;
    network.setOptions({physics: {enabled: false}});
    network.once("afterDrawing", ready);
    network.redraw();
  };
  network.once("stabilizationIterationsDone", freeze);
  network.once("stabilized", freeze);
} else {
  network.once("afterDrawing", ready);
}

function safeHref(iri) { return /^https?:\/\//i.test(iri) ? iri : null; }
function showNode(id) {
  var n = nodes.get(id);
  if (!n) return;
  document.getElementById("panel-class").textContent = (n.info || {})["class"] || "";
  document.getElementById("panel-label").textContent = (n.info || {}).label || n.label;
  var a = document.getElementById("panel-iri");
  a.textContent = n.iri;
  var href = safeHref(n.iri);
  if (href) a.setAttribute("href", href); else a.removeAttribute("href");
  var table = document.getElementById("panel-props");
  table.replaceChildren();
  (n.props || []).forEach(function (row) {
    var tr = el("tr");
    tr.appendChild(el("th", row[0]));
    tr.appendChild(el("td", row[1]));
    table.appendChild(tr);
  });
  var rels = document.getElementById("panel-rels");
  rels.replaceChildren();
  network.getConnectedEdges(id).forEach(function (eid) {
    var e = edges.get(eid), out = e.from === id, other = nodes.get(out ? e.to : e.from);
    if (!other) return;
    var li = el("li", (out ? "→ " : "← ") + e.rel + ": ");
    var link = el("a", (other.info || {}).label || other.label);
    link.addEventListener("click", function () {
      network.selectNodes([other.id]);
      network.focus(other.id, {scale: 1.2, animation: true});
      showNode(other.id);
    });
    li.appendChild(link);
    rels.appendChild(li);
  });
  document.getElementById("panel").classList.add("open");
}
network.on("click", function (p) {
  if (p.nodes.length) showNode(p.nodes[0]);
  else document.getElementById("panel").classList.remove("open");
});
document.getElementById("panel-close").addEventListener("click", function () {
  document.getElementById("panel").classList.remove("open");
  network.unselectAll();
});
</script>
</body>
</html>
"""
