"""Bounded reading of HTML: a cheap pre-scan decides whether a page may be parsed into a tree.

BeautifulSoup builds a Python object per element and its cost grows with depth, so pages over
:data:`~kg.limits.MAX_HTML_ELEMENTS` elements or :data:`~kg.limits.MAX_HTML_DEPTH` levels are read by
:func:`html_to_plain` instead: one linear pass over the tags (scripts, styles and comments dropped, blocks
as line breaks, table cells flattened as everywhere else), with a warning.
"""

from __future__ import annotations

import html as html_lib
import re

from lxml import etree

from kg import limits

_HIDDEN = ("script", "style", "noscript", "template", "svg", "head", "select", "textarea", "nav")
_HIDDEN_OPEN = re.compile(r"<!--|<(" + "|".join(_HIDDEN) + r")\b[^<>]*(?<!/)>", re.I)
_BLOCKS = ("p", "div", "section", "article", "main", "h[1-6]", "ul", "ol", "li", "tr", "table", "blockquote", "pre",
           "br", "hr", "dt", "dd", "caption", "header", "footer", "aside", "figure")
_CELL_END = re.compile(r"</\s*t[dh]\s*>", re.I)
_BLOCK_TAG = re.compile(r"</?\s*(?:" + "|".join(_BLOCKS) + r")\b[^<>]*>", re.I)
_ANY_TAG = re.compile(r"<[!?/]?[A-Za-z][^<>]*>|<![^<>]*>")
_SPACES = re.compile(r"[ \t\r\f\xa0]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_CHUNK = 1 << 20  # characters of markup converted at a time


class _TooCostly(Exception):
    pass


class _Depth:
    """lxml parser target that only tracks nesting depth (lxml closes implied tags as browsers do)."""

    def __init__(self) -> None:
        self.depth = 0

    def start(self, tag: str, attrib: object) -> None:
        self.depth += 1
        if self.depth > limits.MAX_HTML_DEPTH:
            raise _TooCostly(f"nested over {limits.MAX_HTML_DEPTH} levels")

    def end(self, tag: str) -> None:
        self.depth -= 1

    def data(self, data: str) -> None:
        pass

    def close(self) -> None:
        return None


def html_cost_problem(text: str) -> str | None:
    """Why a page is too costly to parse into a tree (element count or depth), or None."""
    n = text.count("<") - text.count("</")  # opening tags, give or take comments and stray '<'
    if n > limits.MAX_HTML_ELEMENTS:
        return f"about {n} elements > {limits.MAX_HTML_ELEMENTS}"
    parser = etree.HTMLParser(target=_Depth(), recover=True, no_network=True)
    try:
        parser.feed(text)
        parser.close()
    except _TooCostly as e:
        return str(e)
    except (etree.ParserError, ValueError):  # lxml gives up on some garbage: the tree builder will say so
        return None
    return None


def html_to_plain(text: str, limit: int | None = None) -> str:
    """Text of a page in linear regex passes over its tags (no tree): the reader for pathological pages.
    Work stops once the text is past ``limit`` characters (default: the text limit, which would cut the rest)."""
    limit = limits.MAX_TEXT_CHARS if limit is None else limit
    text = _drop_hidden(text)
    parts: list[str] = []
    size = 0
    pos = 0
    while pos < len(text) and size <= limit:
        end = text.find(">", pos + _CHUNK)
        end = len(text) if end < 0 else end + 1
        chunk = _CELL_END.sub("\n|\n", text[pos:end])
        chunk = html_lib.unescape(_ANY_TAG.sub("", _BLOCK_TAG.sub("\n", chunk)))
        chunk = _BLANK_LINES.sub("\n\n", _SPACES.sub(" ", chunk).replace(" \n", "\n").replace("\n ", "\n"))
        parts.append(chunk)
        size += len(chunk)
        pos = end
    return _BLANK_LINES.sub("\n\n", "".join(parts)).strip()


def _drop_hidden(text: str) -> str:
    """Remove comments and the content of scripts, styles and the like; an unclosed one runs to the end."""
    lower = text.lower()
    if "<!--" not in text and not any("<" + name in lower for name in _HIDDEN):
        return text
    parts: list[str] = []
    pos = 0
    for m in _HIDDEN_OPEN.finditer(text):
        if m.start() < pos:
            continue
        parts.append(text[pos:m.start()])
        if m.group(0) == "<!--":
            end = text.find("-->", m.end())
            pos = len(text) if end < 0 else end + 3
        else:
            close = re.compile(rf"</\s*{m.group(1)}\s*>", re.I).search(text, m.end())
            pos = len(text) if close is None else close.end()
    parts.append(text[pos:])
    return "".join(parts)
