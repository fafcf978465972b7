"""The indicator chart as a PNG (matplotlib, an optional dependency: ``pip install "vnkg[chart]"``)."""

from __future__ import annotations

from pathlib import Path

from kg.compare import Comparison
from kg.pages import PageError, write_atomic
from kg.pages.chart import NO_PROVINCE, colours


def write_png(comp: Comparison, output: Path) -> Path:
    """One panel per unit, the same encoding as the SVG chart (hollow: target, filled: result)."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as e:
        raise PageError('PNG charts need matplotlib: pip install "vnkg[chart]" (or write .html)') from e
    import io

    units = [u for u in comp.units if any(p.unit == u and p.year is not None for p in comp.points)]
    if not units:
        raise PageError(f"{comp.key}: no figure has a year to draw")
    colour = colours(comp.points)
    fig, axes = plt.subplots(len(units), 1, figsize=(9, 3.6 * len(units)), squeeze=False)
    for ax, unit in zip(axes[:, 0], units, strict=True):
        pts = [p for p in comp.points if p.unit == unit and p.year is not None]
        for province, c in colour.items():
            mine = [p for p in pts if (p.province or NO_PROVINCE) == province]
            for kind, style in (("result", "-"), ("target", "--")):
                line = sorted((p for p in mine if p.kind == kind), key=lambda p: p.year or 0)
                if not line:
                    continue
                xs, ys = [p.year for p in line], [float(p.value) for p in line]
                by_year = dict(sorted({p.year: float(p.value) for p in reversed(line)}.items()))
                if len(by_year) > 1:  # one value a year joined, as in the SVG chart
                    ax.plot(list(by_year), list(by_year.values()), style, color=c, linewidth=1.2, alpha=0.8)
                ax.scatter(xs, ys, s=40, facecolors=c if kind == "result" else "white", edgecolors=c,
                           linewidths=1.8, zorder=3, label=f"{province} ({kind})")
                for p in line:
                    if p.upper is not None:
                        ax.vlines(p.year, float(p.value), float(p.upper), colors=c, linewidth=3, alpha=0.5)
        ax.set_ylabel(unit)
        ax.set_xticks(sorted({p.year for p in pts}))
        ax.grid(axis="y", color="#e6e6e6")
        entries = len(ax.get_legend_handles_labels()[1])
        ax.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False, ncol=1 + entries // 24)
    axes[0, 0].set_title(f"{comp.label} — {comp.label_en}", fontsize=11)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return write_atomic(output, buf.getvalue())
