"""An indicator's targets and results by province and year as inline SVG (no script, no network).

One panel per unit. x: year; y: value. One colour per province; a target is a hollow marker (a range a bar
from its lower to its upper value), a result a filled one; each province's results are joined by a line,
its targets by a dashed one. Points without a year are left to the table.
"""

from __future__ import annotations

import math
from decimal import Decimal
from html import escape

from kg.compare import Comparison, Point
from kg.pages.html import Linker, number

PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#bab0ac", "#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#17becf")
NO_PROVINCE = "(no province)"
W, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 760, 330, 64, 190, 34, 40


def colours(points: list[Point]) -> dict[str, str]:
    """One colour per province, in the order of the table."""
    names = list(dict.fromkeys(p.province or NO_PROVINCE for p in points))
    return {n: PALETTE[i % len(PALETTE)] if n != NO_PROVINCE else "#777" for i, n in enumerate(names)}


def ticks(low: float, high: float, n: int = 5) -> list[float]:
    """Round tick values covering [low, high]."""
    if high <= low:
        high = low + 1
    step = 10 ** math.floor(math.log10((high - low) / n))
    for m in (1, 2, 2.5, 5, 10):
        if (high - low) / (step * m) <= n:
            step *= m
            break
    start = math.floor(low / step) * step
    return [start + i * step for i in range(math.ceil((high - start) / step) + 1)]


def _fmt(v: float) -> str:
    return number(Decimal(str(round(v, 6))))


def panel(comp: Comparison, unit: str, linker: Linker) -> str:
    """The chart of the points in one unit."""
    pts = [p for p in comp.points if p.unit == unit and p.year is not None]
    if not pts:
        return ""
    colour = colours(comp.points)
    years = sorted({p.year for p in pts if p.year is not None})
    values = [float(p.value) for p in pts] + [float(p.upper) for p in pts if p.upper is not None]
    low, high = min(values), max(values)
    if 0 <= low < 0.35 * high:
        low = 0.0  # start at zero unless the values sit far above it
    pad = (high - low) * 0.06 or abs(high) * 0.1 or 1.0
    ys = ticks(low - pad if low != 0 else 0.0, high + pad)
    y0, y1 = ys[0], ys[-1]
    shown = [n for n in colour if any((p.province or NO_PROVINCE) == n for p in pts)]
    height = max(HEIGHT, TOP + 18 * len(shown) + 70)  # the legend may need more
    pw, ph = W - LEFT - RIGHT, height - TOP - BOTTOM

    def x(year: int) -> float:
        if len(years) == 1:
            return LEFT + pw / 2
        return LEFT + 24 + years.index(year) / (len(years) - 1) * (pw - 48)

    def y(v: float) -> float:
        return TOP + ph - (v - y0) / ((y1 - y0) or 1) * ph

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {W} {height}" width="{W}" '
           f'height="{height}" '
           f'role="img" aria-label="{escape(comp.label)} ({escape(unit)})" '
           'font-family="system-ui,DejaVu Sans,sans-serif" font-size="12">']
    for v in ys:
        out.append(f'<line x1="{LEFT}" x2="{LEFT + pw}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#e6e6e6"/>'
                   f'<text x="{LEFT - 6}" y="{y(v) + 4:.1f}" text-anchor="end" fill="#555">{_fmt(v)}</text>')
    for yr in years:
        out.append(f'<text x="{x(yr):.1f}" y="{height - BOTTOM + 18}" text-anchor="middle" fill="#333">{yr}</text>')
    out.append(f'<text x="14" y="{TOP - 14}" fill="#333" font-weight="600">{escape(unit)}</text>'
               f'<line x1="{LEFT}" x2="{LEFT + pw}" y1="{TOP + ph}" y2="{TOP + ph}" stroke="#999"/>')
    # dodge: points of the same year spread a little so that provinces do not hide each other
    slots: dict[int, list[Point]] = {}
    for p in pts:
        slots.setdefault(p.year, []).append(p)  # type: ignore[arg-type]
    shift = {p.iri: (i - (len(group) - 1) / 2) * min(10.0, 60.0 / len(group)) for group in slots.values()
             for i, p in enumerate(group)}
    for kind, dash in (("result", ""), ("target", ' stroke-dasharray="5 4"')):
        for province, c in colour.items():
            line = sorted((p for p in pts if p.kind == kind and (p.province or NO_PROVINCE) == province),
                          key=lambda p: p.year or 0)
            by_year: dict[int, float] = {}
            for p in line:
                by_year.setdefault(p.year, float(p.value))  # type: ignore[arg-type]
            if len(by_year) > 1:
                path = " ".join(f"{x(yr):.1f},{y(v):.1f}" for yr, v in sorted(by_year.items()))
                out.append(f'<polyline points="{path}" fill="none" stroke="{c}" stroke-width="1.5"{dash}/>')
    for p in pts:
        c = colour[p.province or NO_PROVINCE]
        cx, cy = x(p.year) + shift[p.iri], y(float(p.value))  # type: ignore[arg-type]
        tip = (f"{p.province or NO_PROVINCE} · {p.kind} {p.period}: {number(p.value)}"
               f"{'–' + number(p.upper) if p.upper is not None else ''} {p.unit} · {p.indicator}"
               f"{' · ' + p.doc_label if p.doc_label else ''}")
        mark = ""
        if p.upper is not None:
            mark += (f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{cy:.1f}" y2="{y(float(p.upper)):.1f}" stroke="{c}" '
                     'stroke-width="3" stroke-opacity="0.55"/>')
        fill = c if p.kind == "result" else "#fff"
        mark += (f'<circle class="pt {p.kind}" cx="{cx:.1f}" cy="{cy:.1f}" r="5.5" fill="{fill}" stroke="{c}" '
                 f'stroke-width="2"><title>{escape(tip)}</title></circle>')
        href = linker(p.doc) if p.doc else None
        out.append(f'<a href="{escape(href)}">{mark}</a>' if href else mark)
    lx = W - RIGHT + 16
    for i, name in enumerate(shown):
        out.append(f'<rect x="{lx}" y="{TOP + i * 18 - 9}" width="12" height="12" fill="{colour[name]}"/>'
                   f'<text x="{lx + 18}" y="{TOP + i * 18 + 1}" fill="#333">{escape(name)}</text>')
    ly = TOP + len(shown) * 18 + 12
    out.append(f'<circle cx="{lx + 6}" cy="{ly}" r="5" fill="#fff" stroke="#555" stroke-width="2"/>'
               f'<text x="{lx + 18}" y="{ly + 4}" fill="#333">target (bar: range)</text>'
               f'<circle cx="{lx + 6}" cy="{ly + 18}" r="5" fill="#555"/>'
               f'<text x="{lx + 18}" y="{ly + 22}" fill="#333">result</text></svg>')
    return "".join(out)


def svg(comp: Comparison, linker: Linker) -> str:
    """Every unit's panel (the unit with the most points first)."""
    return "".join(panel(comp, u, linker) for u in comp.units)
