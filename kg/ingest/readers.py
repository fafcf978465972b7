"""Read .txt, .html/.htm, .docx and .pdf files into plain text.

Every failure is reported as :class:`ReadError`. Tables from every format are flattened the same way
as the scraped seeds: for each row, for each cell, ``cell text`` followed by a line holding only ``|``.
"""

from __future__ import annotations

import codecs
import io
import json
import logging
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg import limits

from .bounds import bound_text
from .docx_guard import check_docx
from .errors import ReadError
from .html_guard import html_cost_problem, html_to_plain
from .names import safe_name
from .normalize import BOILERPLATE_HEADINGS

SUPPORTED_SUFFIXES = frozenset({".txt", ".html", ".htm", ".docx", ".pdf"})

_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class RawText:
    """Text read from one file, before normalisation."""

    path: Path
    text: str
    fmt: str  # "txt", "html", "docx" or "pdf"


# --------------------------------------------------------------------------- bytes -> str

# C0 control bytes that never occur in text files (TAB, LF, VT, FF, CR and ESC excluded), plus DEL.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_CONTROL_CHARS_RE = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_MAX_CONTROL_RATIO = 0.01
# Characters of plausible Vietnamese prose: word characters, whitespace, common punctuation and the
# five combining tone marks used by Windows-1258 (grave, acute, tilde, hook above, dot below).
_PLAUSIBLE_RE = re.compile(
    r"[\w\s.,;:!?()\[\]{}\"'/\\%&*+=<>#@$€₫°§«»“”‘’–—…-]|[\u0300\u0301\u0303\u0309\u0323]"
)
_VIET_MARKER_RE = re.compile(r"[\u0300\u0301\u0303\u0309\u0323ăâêôơưđĂÂÊÔƠƯĐ]")
_MAX_IMPLAUSIBLE_RATIO = 0.03
# Letters that only exist in Unicode Vietnamese (never in Latin-1): their presence rules out TCVN3.
_VIET_UNICODE_RE = re.compile("[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")
# Frequent words as they look when TCVN3 bytes are shown as Latin-1 ("Uû ban nh©n d©n", "ChÝnh phñ").
_TCVN3_SIGNATURE_RE = re.compile(
    r"(?:nh©n|d©n|ChÝnh|phñ|ViÖt|Céng|hoµ|x· héi|chñ nghÜa|ngµy|th¸ng|n¨m|cña|vµ|c¸c|®Õn|®Þa|"
    r"®ång|®Ó|®­îc|nhiÖm vô|kÕ ho¹ch|quyÕt|tØnh|huyÖn|Uû ban|§éc lËp|H¹nh phóc)"
)
_LATIN1_HIGH_RE = re.compile("[\xa1-\xfe]")
_GENERATOR_RE = re.compile(rb"""<meta\s+name=["']generator["']\s+content=["']vnkg\b""", re.IGNORECASE)
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


@cache
def _tcvn3_table() -> dict[int, str]:
    """TCVN3 -> Unicode translation table, loaded from ``kg/data/tcvn3.json``."""
    data = json.loads((_DATA_DIR / "tcvn3.json").read_text(encoding="utf-8"))
    return {int(k, 16): v for k, v in data["map"].items()}


def _looks_tcvn3(text: str) -> bool:
    """True when ``text`` is TCVN3 font-encoded Vietnamese shown as Latin-1 characters."""
    if _VIET_UNICODE_RE.search(text) or not _LATIN1_HIGH_RE.search(text):
        return False
    hits = len(_TCVN3_SIGNATURE_RE.findall(text, 0, 200_000))
    return hits >= 3 or (hits >= 1 and len(text) < 300)


def fix_tcvn3(text: str) -> str:
    """Convert TCVN3 (ABC) font-encoded text to Unicode when it looks like TCVN3, else return it as is."""
    return text.translate(_tcvn3_table()) if _looks_tcvn3(text) else text


def _too_many_controls(text: str) -> bool:
    n = len(_CONTROL_CHARS_RE.findall(text))
    return n > 0 and n > _MAX_CONTROL_RATIO * len(text)


def _utf16_without_bom(data: bytes) -> str | None:
    """Detect BOM-less UTF-16 by its NUL-byte pattern (ASCII/Latin chars have a zero high byte)."""
    if len(data) % 2:
        return None
    half = len(data) // 2
    nul_even, nul_odd = data[0::2].count(0), data[1::2].count(0)
    if nul_odd >= 0.2 * half and nul_even * 4 <= nul_odd:
        codec = "utf-16-le"
    elif nul_even >= 0.2 * half and nul_odd * 4 <= nul_even:
        codec = "utf-16-be"
    else:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _plausible_cp1258(text: str) -> bool:
    if not text or _CONTROL_CHARS_RE.search(text) or not _VIET_MARKER_RE.search(text):
        return False
    bad = len(_PLAUSIBLE_RE.sub("", text))
    return bad <= _MAX_IMPLAUSIBLE_RATIO * len(text)


def decode_bytes(path: Path, data: bytes, declared: str | None = None) -> str:
    """Decode file bytes: BOM, BOM-less UTF-16, UTF-8, ``declared`` charset, TCVN3, Windows-1258."""
    if data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16"
    else:
        codec = ""
    if codec:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise ReadError(path, f"cannot decode: invalid {codec} ({exc.reason})") from None
        if _too_many_controls(text):
            raise ReadError(path, "binary file, not text")
        return text
    if b"\x00" in data:
        text16 = _utf16_without_bom(data)
        if text16 is None or _too_many_controls(text16):
            raise ReadError(path, "binary file, not text")
        return text16
    n_controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if n_controls > _MAX_CONTROL_RATIO * len(data):
        raise ReadError(path, "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            codecs.lookup(declared)
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        latin = data.decode("cp1252")
    except UnicodeDecodeError:
        latin = data.decode("latin-1")
    if _looks_tcvn3(latin):
        return latin  # converted by fix_tcvn3() in read_file()
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        text = ""
    if _plausible_cp1258(text):
        return text
    raise ReadError(path, "cannot decode: not UTF-8, UTF-16 or Windows-1258")


# --------------------------------------------------------------------------- table flattening

CELL_SEP = "|"


def flatten_table(rows: list[list[str]]) -> str:
    """Flatten rows of cell texts: ``cell\\n|\\n`` for each cell, row after row."""
    parts: list[str] = []
    for row in rows:
        for cell in row:
            parts.append(f"{cell.strip()}\n{CELL_SEP}\n")
    return "".join(parts)


# --------------------------------------------------------------------------- .txt


def read_txt(path: Path, data: bytes, warnings: list[str] | None = None) -> str:
    """Plain text in UTF-8 (with or without BOM), UTF-16, Windows-1258 or TCVN3."""
    return decode_bytes(path, data)


# --------------------------------------------------------------------------- .html

_DROP_TAGS = [
    "script", "style", "noscript", "nav", "header", "footer", "aside", "iframe", "svg", "button", "select",
    "template", "object", "embed", "canvas", "input", "textarea", "link", "meta",
]
_DROP_ATTR_RE = re.compile(
    r"menu|nav|sidebar|footer|header|breadcrumb|share|social|comment|poll|vote|binh-chon|related|"
    r"tin-lien-quan|tin-moi|latest|banner|advert|quang-cao",
    re.IGNORECASE,
)
_NEVER_DROP = frozenset({"html", "body", "main", "article"})
# Headings of portal blocks that are not part of the document (compared case-insensitively, NFC).
_HEADING_SET = frozenset(h.casefold() for h in (*BOILERPLATE_HEADINGS, "Bình chọn"))
_POLL_RE = re.compile(r"^(?:đánh giá của bạn\b|\d[\d.,]*\s+người\s+đã\s+bình\s+chọn)", re.IGNORECASE)
_CONTENT_ATTR_RE = re.compile(r"content|detail|noidung|news-body|article", re.IGNORECASE)
_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl",
    "blockquote", "pre", "figure", "figcaption", "address", "center", "hr", "caption", "body", "html",
})
_LINE_TAGS = frozenset({"li", "dt", "dd", "tr", "tbody", "thead", "tfoot"})
_HTML_WS_RE = re.compile(r"[ \t\r\n\f\xa0]+")
_ROW, _CAPTION = frozenset({"tr"}), frozenset({"caption"})


def _attr_text(tag) -> str:
    attrs = tag.attrs or {}
    cls = attrs.get("class") or ()
    if isinstance(cls, str):
        cls = (cls,)
    return " ".join((str(attrs.get("id") or ""), *cls))


def _gone(element) -> bool:
    """Whether a tag or string was decomposed. bs4's own ``Tag.decomposed`` of a live tag falls through to
    ``Tag.__getattr__``, a search of its whole subtree: asked of every tag, quadratic in the page's depth."""
    return bool(vars(element).get("_decomposed", False))


def _drop_boilerplate_html(soup) -> None:
    """Remove navigation, widgets and portal blocks from the parsed page in place."""
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    # ASP.NET portals wrap the whole page in one <form>: drop only small forms (search, login, poll).
    for tag in soup.find_all("form"):
        if not _gone(tag) and not tag.find(["p", "article", "table", "h1"]) \
                and len(tag.get_text(strip=True)) < 1000:
            tag.decompose()
    for tag in soup.find_all(True):
        if _gone(tag) or tag.name in _NEVER_DROP or tag.get("itemprop") == "articleBody":
            continue
        if _DROP_ATTR_RE.search(_attr_text(tag)):
            tag.decompose()
    for string in soup.find_all(string=True):
        try:
            parent = string.parent  # a string inside a block dropped earlier in this loop is gone
        except AttributeError:
            continue
        raw = str(string).strip()
        if not raw or len(raw) > 120 or parent is None or _gone(parent):
            continue
        key = unicodedata.normalize("NFC", " ".join(raw.split())).rstrip(":").strip().casefold()
        if key not in _HEADING_SET and not _POLL_RE.match(key):
            continue
        # Climb to the outermost element whose whole text is the heading, then drop it with all
        # the siblings that follow it (the list of links, the poll options...).
        # A heading inside a paragraph of other text ("abc<br>Tin mới nhất<br>…"): the heading string itself.
        wrapper = parent if parent.get_text(" ", strip=True) == " ".join(raw.split()) else string
        while (wrapper.parent is not None and wrapper.parent.name not in ("body", "html", "[document]")
               and wrapper.parent.get_text(" ", strip=True) == wrapper.get_text(" ", strip=True)):
            wrapper = wrapper.parent
        if wrapper.name in ("body", "html", "[document]"):
            continue
        for sib in list(wrapper.next_siblings):
            sib.extract()
        wrapper.extract() if wrapper is string else wrapper.decompose()


def _main_content(soup):
    """The article body when identifiable, else <body>."""
    candidates = soup.select('[itemprop="articleBody"]') or soup.find_all("article")
    if not candidates:
        candidates = [t for t in soup.find_all(True) if t.name not in ("html", "body")
                      and _CONTENT_ATTR_RE.search(_attr_text(t))]
    sizes = _text_sizes(soup) if candidates else {}
    best = max(candidates, key=lambda t: sizes[id(t)], default=None)
    body = soup.body or soup
    if best is None or sizes[id(best)] < 100:
        return body
    return best


def _text_sizes(root) -> dict[int, int]:
    """``len(tag.get_text(strip=True))`` of every tag under ``root`` (by ``id``), in one pass from the leaves
    up: asking each nested candidate for its text is quadratic in the page's depth."""
    from bs4 import NavigableString, Tag

    sizes: dict[int, int] = {}
    tags = [root, *(t for t in root.descendants if isinstance(t, Tag))]
    for tag in reversed(tags):  # document order reversed: children before their parents
        sizes[id(tag)] = sum(len(c.strip()) if type(c) is NavigableString else sizes.get(id(c), 0)
                             for c in tag.contents)
    return sizes


def _render(node, out: list[str]) -> None:
    from bs4 import NavigableString, Tag
    from bs4.element import CData, PreformattedString

    for child in node.children:
        if isinstance(child, NavigableString):
            if isinstance(child, PreformattedString) and not isinstance(child, CData):
                continue  # comments, doctype, processing instructions
            out.append(_HTML_WS_RE.sub(" ", str(child)))
        elif isinstance(child, Tag):
            name = child.name
            if name == "br":
                out.append("\n")
            elif name == "table":
                out.append("\n\n")
                _render_table(child, out)
                out.append("\n\n")
            elif name in _BLOCK_TAGS:
                out.append("\n\n")
                _render(child, out)
                out.append("\n\n")
            elif name in _LINE_TAGS:
                out.append("\n")
                _render(child, out)
                out.append("\n")
            else:
                _render(child, out)


def _own(table, names: frozenset[str]) -> Iterator:
    """The tags named ``names`` under ``table`` whose nearest table is ``table``, in document order (nested
    tables are not entered: they are rendered inside their cells, so each table is walked once)."""
    from bs4 import Tag

    stack = list(reversed(table.contents))
    while stack:
        node = stack.pop()
        if not isinstance(node, Tag):
            continue
        if node.name in names:
            yield node
        if node.name != "table":
            stack.extend(reversed(node.contents))


def _render_table(table, out: list[str]) -> None:
    rows = []
    for tr in _own(table, _ROW):
        cells = []
        for cell in tr.find_all(["td", "th"], recursive=False):
            sub: list[str] = []
            _render(cell, sub)
            cells.append(re.sub(r"\n{2,}", "\n", _tidy("".join(sub))))
        rows.append(cells)
    if all(len(r) <= 1 for r in rows):  # layout table: one cell per row, not data
        out.append("\n\n".join(c for r in rows for c in r))
        return
    caption = next(_own(table, _CAPTION), None)
    if caption is not None:
        out.append(_tidy(caption.get_text(" ")) + "\n")
    out.append(flatten_table(rows))


def _tidy(text: str) -> str:
    """Collapse spaces, strip lines, keep at most one blank line between paragraphs."""
    text = re.sub(r"[ \t\xa0]+", " ", text)
    text = re.sub(r" ?\n ?", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def html_to_text(html: str) -> str:
    """Main text of an HTML page: boilerplate dropped, blocks as lines, tables flattened."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    title = " ".join(soup.title.get_text(" ").split()) if soup.title else ""
    h1s = [" ".join(h.get_text(" ").split()) for h in soup.find_all("h1")]
    h1s = [h for h in h1s if h]
    _drop_boilerplate_html(soup)
    out: list[str] = []
    try:
        _render(_main_content(soup), out)
        text = _tidy("".join(out))
    except RecursionError:  # absurdly deep markup
        text = _tidy((soup.body or soup).get_text("\n"))
    # The article title, usually an <h1> also found in <title>; else <title> itself.
    heading = next((h for h in h1s if title and h in title), title or (h1s[0] if h1s else ""))
    if heading and " ".join(heading.split()) not in " ".join(text.split()):
        text = f"{heading}\n\n{text}" if text else heading
    return text


def read_html(path: Path, data: bytes, warnings: list[str] | None = None) -> str:
    """HTML page: charset from BOM / <meta> / UTF-8 fallback; see :func:`html_to_text`."""
    if _GENERATOR_RE.search(data, 0, 4096):
        raise ReadError(path, "a page written by kg viz, not an input (skipped)")
    m = _META_CHARSET_RE.search(data, 0, 16384)
    declared = m.group(1).decode("ascii", "replace") if m else None
    text = decode_bytes(path, data, declared)
    problem = html_cost_problem(text)
    if problem is not None:
        if warnings is not None:
            warnings.append(f"{safe_name(path)}: HTML too costly to parse ({problem}): read as plain text")
        return html_to_plain(text)
    return html_to_text(text)


# --------------------------------------------------------------------------- .docx


def read_docx(path: Path, data: bytes, warnings: list[str] | None = None) -> str:
    """Word document: paragraphs and tables interleaved in document order."""
    import docx
    from docx.table import Table

    check_docx(path, data)
    try:
        document = docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ReadError(path, "not a valid .docx (bad zip)") from None
    except Exception as exc:
        raise ReadError(path, f"not a valid .docx ({type(exc).__name__}: {exc})") from None
    parts: list[str] = []
    try:
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                parts.append(_docx_table(block))
            else:
                parts.append(block.text + "\n")
    except Exception as exc:
        raise ReadError(path, f"not a valid .docx ({type(exc).__name__}: {exc})") from None
    return "".join(parts)


def _docx_table(table) -> str:
    seen: set = set()  # holds the <w:tc> elements themselves: lxml keeps one proxy per live node
    rows = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            if cell._tc in seen:  # merged cell repeated by python-docx: emit once
                continue
            seen.add(cell._tc)
            cells.append("\n".join(line.strip() for line in cell.text.splitlines() if line.strip()))
        rows.append(cells)
    return flatten_table(rows)


# --------------------------------------------------------------------------- .pdf

_MIN_PDF_CHARS = 20


def read_pdf(path: Path, data: bytes, warnings: list[str] | None = None) -> str:
    """PDF text layer of every page, pages joined with a newline."""
    import pypdf

    # pypdf logs its own warnings ("EOF marker not found") before raising: vnkg reports the file in one line.
    logging.getLogger("pypdf").addHandler(logging.NullHandler())
    logging.getLogger("pypdf").propagate = False

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError(path, "encrypted PDF (password required)")
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except ReadError:
        raise
    except Exception as exc:
        raise ReadError(path, f"not a valid PDF ({type(exc).__name__}: {exc})") from None
    if len("".join(text.split())) < _MIN_PDF_CHARS:
        raise ReadError(path, "PDF has no text layer (scanned image?)")
    return text


# --------------------------------------------------------------------------- dispatch

Reader = Callable[[Path, bytes, list[str]], str]  # path, bytes, warnings -> text
READERS: dict[str, tuple[str, Reader]] = {
    ".txt": ("txt", read_txt),
    ".html": ("html", read_html),
    ".htm": ("html", read_html),
    ".docx": ("docx", read_docx),
    ".pdf": ("pdf", read_pdf),
}


def read_bytes(path: Path, *, max_bytes: int | None = None) -> bytes:
    """The bytes of one input file, its size checked with ``stat()`` before any byte is read (the limit:
    ``max_bytes``, else :data:`kg.limits.MAX_FILE_BYTES`)."""
    path = Path(path)
    max_bytes = limits.MAX_FILE_BYTES if max_bytes is None else max_bytes
    if path.suffix.lower() not in READERS:
        raise ReadError(path, f"unsupported file type {path.suffix or '(no suffix)'!r}")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(path, f"file too large ({size} bytes > {max_bytes}; skipped unread)")
        data = path.read_bytes()
    except ReadError:
        raise
    except FileNotFoundError:
        raise ReadError(path, "no such file or directory") from None
    except PermissionError:
        raise ReadError(path, "permission denied") from None
    except IsADirectoryError:
        raise ReadError(path, "is a directory") from None
    except OSError as exc:
        raise ReadError(path, exc.strerror or str(exc)) from None
    if len(data) > max_bytes:
        raise ReadError(path, f"file too large (over {max_bytes} bytes)")
    if not data:
        raise ReadError(path, "empty file")
    return data


def decode_file(path: Path, data: bytes, warnings: list[str] | None = None) -> RawText:
    """Turn the bytes of ``path`` into :class:`RawText` within the text limits (warnings appended)."""
    path = Path(path)
    fmt, reader = READERS[path.suffix.lower()]
    sink: list[str] = [] if warnings is None else warnings
    text = reader(path, data, sink)
    if not text.strip():
        raise ReadError(path, "no text (empty or whitespace only)")
    text = bound_text(path, fix_tcvn3(text), sink)
    refuse_surrogates(path, text)
    return RawText(path=path, text=text, fmt=fmt)


def refuse_surrogates(path: Path, text: str) -> None:
    """ReadError naming the first lone surrogate of ``text`` (a PDF's ToUnicode map, a str decoded with
    ``surrogateescape``): no tokenizer or UTF-8 writer accepts one. One pass in C, none for ASCII."""
    if text.isascii():
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise ReadError(path, f"the text holds a lone surrogate (U+{ord(text[e.start]):04X}) at character "
                              f"{e.start}: not valid Unicode") from None


def read_file(path: Path, *, max_bytes: int | None = None, warnings: list[str] | None = None) -> RawText:
    """Read one file into :class:`RawText`; raise :class:`ReadError` for anything unusable."""
    return decode_file(path, read_bytes(path, max_bytes=max_bytes), warnings)

