"""The page of one indicator across provinces and years (`kg compare`, `/indicator/KEY` under `kg serve`)."""

from __future__ import annotations

from html import escape

from kg.compare import Comparison
from kg.pages.chart import NO_PROVINCE, colours, svg
from kg.pages.html import Linker, number, page, source_details

COMPARATORS = {"AtLeast": "≥", "GreaterThan": ">", "AtMost": "≤", "LessThan": "<", "Approximately": "≈"}


def table(comp: Comparison, linker: Linker) -> str:
    colour = colours(comp.points)
    rows = []
    for p in comp.points:
        value = (f"{COMPARATORS.get(p.comparator, '')} {number(p.value)}"
                 f"{'–' + number(p.upper) if p.upper is not None else ''}").strip()
        href = linker(p.doc) if p.doc else None
        doc = (f'<a href="{escape(href)}">{escape(p.doc_label)}</a>' if href else escape(p.doc_label)) or \
            '<span class="muted">—</span>'
        source = ""
        if p.anchor is not None:
            where = f"{p.anchor.file or p.anchor.text.rsplit('/', 1)[-1]} [{p.anchor.start}–{p.anchor.end}]"
            source = source_details(p.anchor.sentence, p.anchor.anchor, where)
        province = p.province or NO_PROVINCE
        rows.append(f'<tr class="point {p.kind}"><td><span class="dot" style="background:{colour[province]}"></span> '
                    f"{escape(province)}</td><td>{escape(p.period) or '—'}</td><td>{p.kind}</td>"
                    f"<td class='num'>{value}</td><td>{escape(p.unit)}</td><td>{escape(p.indicator)}</td>"
                    f"<td>{doc}</td><td>{source}</td></tr>")
    return ('<table id="points"><thead><tr><th>Province</th><th>Period</th><th>Kind</th><th>Value</th><th>Unit</th>'
            "<th>Indicator as written</th><th>Document</th><th></th></tr></thead><tbody>" + "".join(rows)
            + "</tbody></table>")


def render(comp: Comparison, linker: Linker, *, home: str | None = None) -> str:
    provinces = {p.province for p in comp.points if p.province}
    years = sorted({p.year for p in comp.points if p.year is not None})
    undated = sum(p.year is None for p in comp.points)
    head = (f'<p class="small">{f"<a href={chr(34)}{escape(home)}{chr(34)}>vnkg</a>" if home else "vnkg"} · '
            f'indicator across provinces and years · <code>{escape(comp.key)}</code></p>'
            f"<h1>{escape(comp.label)}</h1><p class='muted'>{escape(comp.label_en)} · {len(comp.points)} figures "
            f"({sum(p.kind == 'target' for p in comp.points)} targets, {sum(p.kind == 'result' for p in comp.points)} "
            f"results), {len(provinces)} provinces"
            + (f", {years[0]}–{years[-1]}" if years else "") + "</p>")
    note = (f'<p class="small muted">{undated} figure(s) without a year are in the table only.</p>' if undated
            else "")
    phrasings = ("<h2>Phrasings grouped under this indicator</h2><ul class='small'>"
                 + "".join(f"<li>{escape(x)}</li>" for x in comp.phrasings) + "</ul>")
    body = (head + f'<div id="chart">{svg(comp, linker)}</div>{note}<h2>Figures</h2>{table(comp, linker)}'
            + phrasings + "<footer>Made by vnkg; works offline. How indicators are grouped: README, "
            "“Comparing an indicator”.</footer>")
    return page(f"{comp.label} · vnkg", body, script="window.vnkgReady = true;")


def index_page(items: list[tuple[object, int]], href) -> str:
    """The list of indicator concepts with figures (the served `/indicator/`)."""
    rows = "".join(f'<tr><td><a href="{escape(href(c.key))}">{escape(c.vi)}</a></td><td>{escape(c.en)}</td>'
                   f"<td class='num'>{n}</td></tr>" for c, n in items)
    body = ('<p class="small"><a href="/">vnkg</a> · indicators</p><h1>Indicators across provinces and years</h1>'
            '<table id="indicators"><thead><tr><th>Indicator</th><th></th><th>Figures</th></tr></thead><tbody>'
            + rows + "</tbody></table>")
    return page("Indicators · vnkg", body, script="window.vnkgReady = true;")
