"""The dossier page of a document (`kg show`, and `/id/…` of a document under `kg serve`): one offline HTML file.

Facts and the drawn implementation chain (inline SVG), targets beside their results and the gap, tasks by
lead agency and deadline, themes and mottos, the texts it was read from. Every fact has a source link that
opens its sentence with the words read highlighted and, when the page embeds the `kg explain` views of the
texts (``explain``, offline) or links them (``explain_links``, served), the whole text at that span.
"""

from __future__ import annotations

import json
from html import escape

from kg.compare import year_of
from kg.dossier import Anchor, DocNode, Dossier, Figure
from kg.indicators import BY_KEY
from kg.pages.html import Linker, link, number, page, source_details

TYPE_NAMES = {
    "Resolution": "Nghị quyết", "Decision": "Quyết định", "Directive": "Chỉ thị", "Plan": "Kế hoạch",
    "Program": "Chương trình", "Conclusion": "Kết luận", "Notice": "Thông báo", "Report": "Báo cáo",
    "Decree": "Nghị định", "Law": "Luật", "Regulation": "Quy định", "Strategy": "Chiến lược", "Scheme": "Đề án",
    "Circular": "Thông tư", "OfficialLetter": "Công văn", "LegalDocument": "Văn bản",
}
LEVELS = {"party": ("#c62828", "Đảng (Trung ương)"), "government": ("#e07b00", "Nhà nước (Trung ương)"),
          "province": ("#1f5fa8", "Địa phương")}
COMPARATORS = {"AtLeast": "≥", "GreaterThan": ">", "AtMost": "≤", "LessThan": "<", "Approximately": "≈",
               "EqualTo": "", "Between": ""}
BOX_W, BOX_H, GAP_X, GAP_Y = 250, 50, 26, 46


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def chain_svg(d: Dossier, linker: Linker) -> str:
    """The implementation chain as inline SVG: what it implements above, what implements it below."""
    if len(d.chain) < 2:
        return '<p class="muted">No implementation link in the graph.</p>'
    rows: dict[int, list[DocNode]] = {}
    for n in d.chain:
        rows.setdefault(n.depth, []).append(n)
    depths = sorted(rows)
    width = max(len(r) for r in rows.values()) * (BOX_W + GAP_X) + GAP_X
    height = len(depths) * (BOX_H + GAP_Y)
    pos: dict[str, tuple[float, float]] = {}
    for i, depth in enumerate(depths):
        row = rows[depth]
        left = (width - len(row) * (BOX_W + GAP_X) + GAP_X) / 2
        for j, n in enumerate(row):
            pos[n.iri] = (left + j * (BOX_W + GAP_X), GAP_Y / 2 + i * (BOX_H + GAP_Y))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" '
             f'height="{height:.0f}" role="img" aria-label="implementation chain" '
             'font-family="system-ui,DejaVu Sans,sans-serif"><defs><marker id="arr" viewBox="0 0 10 10" refX="10" '
             'refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" '
             'fill="#888"/></marker></defs>']
    for a, b in d.edges:
        if a in pos and b in pos:
            (ax, ay), (bx, by) = pos[a], pos[b]
            y1, y2 = (ay, by + BOX_H) if ay > by else (ay + BOX_H, by)
            parts.append(f'<line class="edge" x1="{ax + BOX_W / 2:.0f}" y1="{y1:.0f}" x2="{bx + BOX_W / 2:.0f}" '
                         f'y2="{y2:.0f}" stroke="#888" stroke-width="1.6" marker-end="url(#arr)"/>')
    for n in d.chain:
        x, y = pos[n.iri]
        colour = LEVELS[n.level][0]
        own = n.iri == d.doc.iri
        first = _short(n.number or n.label, 30)
        second = _short(" · ".join(x for x in (TYPE_NAMES.get(n.type, ""), n.issuer or "", n.date[:4]) if x), 36)
        box = (f'<g class="node" data-iri="{escape(n.iri)}"><title>{escape(n.label)} — {escape(n.iri)}</title>'
               f'<rect x="{x:.0f}" y="{y:.0f}" width="{BOX_W}" height="{BOX_H}" rx="6" fill="{colour}" '
               f'fill-opacity="{0.16 if own else 0.06}" stroke="{colour}" stroke-width="{3 if own else 1.4}"/>'
               f'<text x="{x + 10:.0f}" y="{y + 21:.0f}" font-size="14" font-weight="600" fill="#222">'
               f'{escape(first)}</text><text x="{x + 10:.0f}" y="{y + 39:.0f}" font-size="11" fill="#555">'
               f'{escape(second)}</text></g>')
        href = None if own else linker(n.iri)
        parts.append(f'<a href="{escape(href)}">{box}</a>' if href else box)
    parts.append("</svg>")
    legend = " ".join(f'<span class="swatch" style="background:{c}"></span>{escape(t)} ' for c, t in LEVELS.values())
    return "".join(parts) + f'<p class="small muted">An arrow points to the document implemented · {legend}</p>'


class _Sources:
    """Source links: the sentence (with the words read) in a disclosure, and the text's explain view."""

    def __init__(self, explained: dict[str, int]) -> None:
        self.explained = explained  # text IRI -> index of its embedded explain view

    def __call__(self, a: Anchor | None) -> str:
        if a is None:
            return ""
        where = (a.file or a.text.rsplit("/", 1)[-1]) + (f" [{a.start}–{a.end}]" if a.start is not None else "")
        open_text = ""
        if a.text in self.explained and a.start is not None:
            open_text = (f' <a href="#" class="open-explain" data-x="{self.explained[a.text]}" data-s="{a.start}" '
                         f'data-e="{a.end}">open in the text</a>')
        return source_details(a.sentence, a.anchor, where, open_text)


def _figure(f: Figure) -> str:
    value = number(f.value) + (f"–{number(f.upper)}" if f.upper is not None else "")
    return f"{COMPARATORS.get(f.comparator, '')} {value} {escape(f.unit)}".strip()


def _gap(t: Figure, r: Figure) -> str:
    """Result minus target; muted, with both years, when the result is of another year than the target."""
    gap = t.gap(r)
    if gap is None:
        return '<span class="muted">—</span>'
    unit = "điểm %" if t.unit == "%" else t.unit
    text = "reached" if gap == 0 else f"{'+' if gap > 0 else ''}{number(gap)} {escape(unit)}"
    ty, ry = year_of(t.period), year_of(r.period)
    if ty != ry:
        note = f"a {ry or '?'} result beside a {ty or '?'} target"
        return f'<span class="muted" title="{note}">{text} ({ry or "?"} vs {ty or "?"})</span>'
    return f'<span class="{"short" if gap < 0 else "met"}">{text}</span>'


def _concept(f: Figure, concept_link: Linker | None) -> str:
    c = BY_KEY.get(f.concept)
    if c is None:
        return ""
    name = escape(c.vi)
    href = concept_link(c.key) if concept_link else None
    return f'<br><span class="kind">{f"<a href={chr(34)}{escape(href)}{chr(34)}>{name}</a>" if href else name}</span>'


def targets_html(d: Dossier, src: _Sources, concept_link: Linker | None) -> str:
    if not d.targets and not d.unmatched_results:
        return '<p class="muted">No target in the graph.</p>'
    rows = []
    for t in d.targets:
        results = t.results or [None]
        for k, r in enumerate(results):
            first = k == 0
            span = f' rowspan="{len(results)}"' if first and len(results) > 1 else ""
            cells = (f"<td{span}>{escape(t.indicator)}{_concept(t, concept_link)}</td><td{span} class='num'>"
                     f"{_figure(t)}</td><td{span}>{escape(t.period)}</td><td{span}>{src(t.anchor)}</td>"
                     if first else "")
            if r is None:
                rest = '<td class="muted">—</td><td></td><td></td><td></td>'
            else:
                rest = (f"<td class='num'>{_figure(r)}</td><td>{escape(r.period)}</td><td class='num'>{_gap(t, r)}</td>"
                        f"<td>{src(r.anchor)}</td>")
            rows.append(f'<tr class="target">{cells}{rest}</tr>')
    table = ('<table id="targets"><thead><tr><th>Indicator</th><th>Target</th><th>Period</th><th></th>'
             "<th>Result reported</th><th>Period</th><th>Gap</th><th></th></tr></thead><tbody>"
             + "".join(rows) + "</tbody></table>")
    if d.unmatched_results:
        table += ("<h3>Results reported without a matching target</h3><table id=\"results\"><thead><tr>"
                  "<th>Indicator</th><th>Result</th><th>Period</th><th></th></tr></thead><tbody>"
                  + "".join(f"<tr><td>{escape(r.indicator)}{_concept(r, concept_link)}</td><td class='num'>"
                            f"{_figure(r)}</td><td>{escape(r.period)}</td><td>{src(r.anchor)}</td></tr>"
                            for r in d.unmatched_results) + "</tbody></table>")
    return table


def tasks_html(d: Dossier, src: _Sources) -> str:
    if not d.tasks:
        return '<p class="muted">No task in the graph.</p>'
    groups: dict[str, list] = {}
    for t in d.tasks:
        groups.setdefault(t.leads[0] if t.leads else "", []).append(t)
    out = []
    for lead, items in groups.items():
        out.append(f'<h3>{escape(lead) if lead else "<span class=muted>No lead agency named</span>"} '
                   f'<span class="muted small">({len(items)})</span></h3><table class="tasks"><thead><tr>'
                   '<th style="width:9rem">Deadline</th><th>Task</th><th style="width:6rem"></th></tr></thead><tbody>')
        for t in items:
            also = f'<br><span class="muted small">with {escape(", ".join(t.leads[1:]))}</span>' if len(t.leads) > 1 \
                else ""
            deadline = escape(t.deadline) + (f' <span class="muted small">{escape(t.deadline_sort)}</span>'
                                             if t.deadline_sort and t.deadline_sort != t.deadline else "")
            out.append(f'<tr class="task"><td>{deadline}</td><td>{escape(t.label)}{also}</td><td>{src(t.anchor)}</td>'
                       "</tr>")
        out.append("</tbody></table>")
    return "".join(out)


def statements_html(d: Dossier, src: _Sources) -> str:
    if not d.statements:
        return '<p class="muted">No theme or motto in the graph.</p>'
    names = {"theme": "Chủ đề · theme", "motto": "Phương châm · motto"}
    return "<ul>" + "".join(
        f'<li class="statement"><span class="kind">{names.get(s.kind, s.kind)}{" " + escape(s.year) if s.year else ""}'
        f'</span> “{escape(s.text)}”{" <span class=draft>(draft)</span>" if s.draft else ""} {src(s.anchor)}</li>'
        for s in d.statements) + "</ul>"


def facts_html(d: Dossier, linker: Linker) -> str:
    doc = d.doc
    rows = [("Number · Số", escape(doc.number) or '<span class="muted">unnumbered</span>'),
            ("Type · Loại", f"{escape(TYPE_NAMES.get(doc.type, doc.type))} <span class='muted'>({doc.type})</span>"),
            ("Issuer · Cơ quan ban hành", link(d.issuer_iri, doc.issuer, linker) if d.issuer_iri else "—"),
            ("Date · Ngày", escape(doc.date) or "—"),
            ("Signer · Người ký", link(d.signer_iri, d.signer, linker) if d.signer else "—")]
    if d.promulgated_by:
        rows.append(("Promulgated by · Ban hành kèm theo", ", ".join(link(n.iri, n.number or n.label, linker)
                                                                    for n in d.promulgated_by)))
    return '<dl class="facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>"


def sources_html(d: Dossier, src: _Sources) -> str:
    if not d.sources:
        return '<p class="muted">No source text.</p>'
    return "<ul>" + "".join(f"<li>{escape(a.file or a.text)} {src(a)}</li>" for a in d.sources) + "</ul>"


SCRIPT = """
const VIEWS = JSON.parse(document.getElementById("explain-views").textContent);
const box = document.getElementById("explain"), frame = box.querySelector("iframe");
document.addEventListener("click", e => {
  const a = e.target.closest("a.open-explain"); if (!a) return;
  e.preventDefault();
  const s = Number(a.dataset.s), en = Number(a.dataset.e), x = a.dataset.x;
  box.querySelector(".name").textContent = VIEWS[x].name;
  box.classList.add("open");
  const focus = () => frame.contentWindow.vnkgFocus(s, en);
  if (frame.dataset.x === x && frame.contentWindow && frame.contentWindow.vnkgFocus) { focus(); return; }
  frame.dataset.x = x;
  frame.onload = focus;
  if (VIEWS[x].src) frame.src = VIEWS[x].src; else frame.srcdoc = VIEWS[x].html;
});
box.querySelector("button").addEventListener("click", () => box.classList.remove("open"));
"""


def render(d: Dossier, linker: Linker, *, explain: dict[str, tuple[str, str]] | None = None,
           explain_links: dict[str, tuple[str, str]] | None = None, texts_note: str = "",
           concept_link: Linker | None = None, home: str | None = None, extra: str = "") -> str:
    """The dossier page. ``explain``: text IRI -> (file name, its `kg explain` page) to embed; ``explain_links``:
    text IRI -> (file name, the URL of its `kg explain` page) to open (a served dossier); ``texts_note``: a line
    under the source texts (e.g. that they are not served); ``extra``: HTML added after the sections."""
    explain = explain or {}
    links = explain_links or {}
    order = [*explain, *(iri for iri in links if iri not in explain)]
    src = _Sources({iri: i for i, iri in enumerate(order)})
    doc = d.doc
    title = f"{TYPE_NAMES.get(doc.type, doc.type)} {doc.number}".strip() if doc.number else doc.label
    head = (f'<p class="small">{f"<a href={chr(34)}{escape(home)}{chr(34)}>vnkg</a> · " if home else "vnkg · "}'
            f'document dossier · <code>{escape(doc.iri)}</code></p><h1>{escape(title)}</h1>'
            + (f'<p>{escape(d.title)}</p>' if d.title and d.title not in title else ""))
    n_results = sum(len(t.results) for t in d.targets) + len(d.unmatched_results)
    body = (head + facts_html(d, linker)
            + f'<h2>Implementation chain</h2><div class="chain">{chain_svg(d, linker)}</div>'
            + f'<h2>Targets and results <span class="muted small">({len(d.targets)} targets, {n_results} results)'
              f'</span></h2>{targets_html(d, src, concept_link)}'
            + f'<h2>Tasks by lead agency and deadline <span class="muted small">({len(d.tasks)})</span></h2>'
              f"{tasks_html(d, src)}"
            + f"<h2>Themes and mottos</h2>{statements_html(d, src)}"
            + f"<h2>Source texts</h2>{sources_html(d, src)}"
            + (f'<p class="muted small" id="texts-note">{escape(texts_note)}</p>' if texts_note else "") + extra
            + '<footer>Every fact links to the sentence it was read from (¶). Made by vnkg; works offline.</footer>')
    script = ""
    if order:
        views = {str(i): ({"name": explain[iri][0], "html": explain[iri][1]} if iri in explain else
                          {"name": links[iri][0], "src": links[iri][1]}) for i, iri in enumerate(order)}
        payload = json.dumps(views, ensure_ascii=False).replace("</", "<\\/")
        body += ('<div id="explain" role="dialog"><header><span>kg explain · <b class="name"></b></span>'
                 '<button type="button">Close</button></header><iframe title="source text"></iframe></div>'
                 f'<script id="explain-views" type="application/json">{payload}</script>')
        script = SCRIPT
    return page(f"{title} · vnkg dossier", body, script=script + "window.vnkgReady = true;")
