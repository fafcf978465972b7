"""What the dossier and indicator pages share: the page shell and style, links, numbers, source excerpts."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from html import escape

# An IRI -> the page's link for it (None: shown as text with the IRI as its title).
Linker = Callable[[str], str | None]

STYLE = """body{font:15px/1.45 system-ui,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:1.5rem auto;max-width:72rem;
color:#222;padding:0 1rem}h1{font-size:1.45rem;margin:.2rem 0}h2{font-size:1.1rem;margin:1.6rem 0 .4rem;
border-bottom:2px solid #e3e3e3;padding-bottom:.2rem}h3{font-size:.98rem;margin:1rem 0 .3rem;color:#333}
a{color:#0b5cad;text-decoration:none}a:hover{text-decoration:underline}.muted{color:#777}.small{font-size:.85em}
table{border-collapse:collapse;width:100%;margin:.3rem 0}td,th{border-bottom:1px solid #e2e2e2;padding:.3rem .45rem;
text-align:left;vertical-align:top}th{background:#f6f6f6;font-weight:600;color:#444}td.num{text-align:right;
white-space:nowrap;font-variant-numeric:tabular-nums}dl.facts{display:grid;grid-template-columns:max-content 1fr;
gap:.25rem 1rem;margin:.6rem 0}dl.facts dt{color:#666}dl.facts dd{margin:0}.kind{display:inline-block;
background:#eef3fb;color:#1f4f8f;border-radius:3px;padding:0 .4rem;font-size:.85em}
details.src{font-size:.85em;position:relative}details.src summary{cursor:pointer;color:#0b5cad;list-style:none;
white-space:nowrap}details.src summary::-webkit-details-marker{display:none}details.src .card{position:absolute;
right:0;top:1.5em;width:min(32rem,80vw);z-index:5;background:#fff;border:1px solid #c8c8c8;border-radius:4px;
box-shadow:0 3px 12px #0003;padding:.4rem .6rem}details.src blockquote{margin:0 0 .3rem;padding:.3rem .5rem;
border-left:3px solid #c9d7ea;background:#fafcff;font-family:Georgia,"DejaVu Serif",serif}
mark{background:#ffe98a;padding:0 1px}.met{color:#1a7f37}.short{color:#b3261e}.draft{color:#a15c00}
.chain svg{max-width:100%;height:auto}.chain a text{fill:#0b5cad}#explain{position:fixed;inset:4vh 3vw;
background:#fff;border:1px solid #999;box-shadow:0 4px 24px #0004;display:none;z-index:9}#explain.open{display:block}
#explain iframe{width:100%;height:calc(100% - 2.2rem);border:0}#explain header{display:flex;
justify-content:space-between;align-items:center;padding:.3rem .6rem;background:#f3f3f3;font-size:.9em}
footer{margin-top:2rem;color:#888;font-size:.85em}.dot{display:inline-block;width:.65em;height:.65em;border-radius:50%;
vertical-align:.05em}.swatch{display:inline-block;width:.8em;height:.8em;vertical-align:-.05em;margin-right:.3em}"""


def page(title: str, body: str, *, lang: str = "vi", script: str = "") -> str:
    """One self-contained HTML page (no external asset)."""
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(title)}</title>'
            f'<style>{STYLE}</style></head><body>{body}'
            f'{"<script>" + script + "</script>" if script else ""}</body></html>')


def link(iri: str, text: str, linker: Linker) -> str:
    href = linker(iri) if iri else None
    if href is None:
        return f'<span title="{escape(iri)}">{escape(text)}</span>'
    return f'<a href="{escape(href)}" title="{escape(iri)}">{escape(text)}</a>'


def number(value: Decimal | None) -> str:
    """A figure the Vietnamese way: thousands dot, decimal comma (``13.100``, ``7,5``)."""
    if value is None:
        return ""
    text = f"{value.normalize():f}"
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + frac if frac else "")


def source_details(sentence: str, anchor: str, where: str, extra: str = "") -> str:
    """A source link: "¶ source" opening a card with the sentence (the words read highlighted) and where it is."""
    return (f'<details class="src"><summary title="source: {escape(where)}">¶ source</summary><div class="card">'
            f'<blockquote>{excerpt(sentence or anchor, anchor)}</blockquote><span class="muted">{escape(where)}</span>'
            f"{extra}</div></details>")


def excerpt(sentence: str, anchor: str) -> str:
    """The sentence with the words read from it highlighted (the words alone when the sentence lacks them)."""
    sentence, anchor = " ".join(sentence.split()), " ".join(anchor.split())
    if anchor and anchor in sentence:
        i = sentence.index(anchor)
        return (escape(sentence[:i]) + f"<mark>{escape(anchor)}</mark>" + escape(sentence[i + len(anchor):]))
    if anchor:
        return f"<mark>{escape(anchor)}</mark>" + (f" <span class='muted'>— {escape(sentence)}</span>"
                                                    if sentence else "")
    return escape(sentence)
