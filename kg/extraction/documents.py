"""Turn reference, name and header mentions into one `DocumentRef` per document of the text.

Mentions of the same number in one text are one document; a mention without a year joins the
nearest earlier mention of that number. Identity scope: national documents are one node for the
whole corpus; provincial ones are scoped to their province, or to the text when it names none.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extraction.annotations import Annotations
from kg.extraction.header import Header
from kg.extraction.lang_vi.named_docs import HEADS, NAME_SYNONYMS
from kg.extraction.named import NamedMention
from kg.extraction.references import ISSUED_RE, NEWS_CUE_RE, RefMention
from kg.extraction.symbols import PROVINCIAL_CODES
from kg.extraction.text import slug
from kg.model import DocumentRef, Span

LOCAL_PARTY_CODES = {"TU", "HU", "QU", "TXU", "TPU", "ĐU", "ĐUK", "BCSĐ", "BTV"}


def text_scope(ann: Annotations) -> str:
    return ann.result.province_slug or ann.unknown_scope


def ref_scope(ann: Annotations, ref: RefMention) -> str:
    if ref.issuer is not None:
        return ref.issuer.scope
    code = (ref.sym.body_code or "").upper()
    if code in PROVINCIAL_CODES or code in LOCAL_PARTY_CODES:
        return text_scope(ann)
    if ref.sym.party or code in {"CP", "TTG", "VPCP"} or code.startswith(("QH", "B", "TW")):
        return "vn"
    return text_scope(ann)


def _span(ann: Annotations, start: int, end: int) -> Span:
    seg = ann.segments.around(ann.text, start, end) if ann.segments else ""
    return Span(start, end, ann.text[start:end], seg)


def _merge(doc: DocumentRef, other: DocumentRef, known: dict[int, set[tuple[int, int]]]) -> None:
    """Fold another mention into `doc`; `known` holds each document's span keys (no span twice)."""
    keys = known.get(id(doc))
    if keys is None:
        keys = known[id(doc)] = {(sp.start, sp.end) for sp in doc.spans}
    for sp in other.spans:
        if (sp.start, sp.end) not in keys:
            keys.add((sp.start, sp.end))
            doc.spans.append(sp)
    doc.date = doc.date or other.date
    doc.year = doc.year or other.year
    if other.issuer is not None and (doc.issuer is None or (other.issuer_from_text and not doc.issuer_from_text)):
        doc.issuer, doc.issuer_from_text = other.issuer, other.issuer_from_text
    if doc.doc_type in (None, "LegalDocument"):
        doc.doc_type = other.doc_type
    doc.title = doc.title or other.title
    doc.label = doc.label or other.label
    doc.draft = doc.draft and other.draft


_PERIOD_WORDS = {"năm", "giai", "đoạn", "thời", "kỳ", "nhiệm", "đến", "định", "hướng", "tầm", "nhìn", "và", "những",
                 "tiếp", "theo"}


_NON_WORD_RE = re.compile(r"[^\w]+")
_YEAR_RE = re.compile(r"(?:19|20)\d{2}")


@lru_cache(maxsize=4096)  # names are compared pairwise: each is read once
def _subject_and_years(label: str) -> tuple[tuple[str, ...], frozenset[str]]:
    label = label.lower()
    for variant, same in NAME_SYNONYMS.items():
        label = label.replace(variant, same)
    words = _NON_WORD_RE.sub(" ", label).split()
    years = frozenset(w for w in words if _YEAR_RE.fullmatch(w))
    cut = next((i for i, w in enumerate(words) if w in years), len(words))
    subject = [w for w in words[:cut] if w not in _PERIOD_WORDS or w == "và"]
    while subject and subject[-1] in _PERIOD_WORDS:
        subject.pop()
    return tuple(subject), years


def same_named(a: str, b: str) -> bool:
    """A short and a long name of one document: one subject the other's beginning, the same first year
    ("kế hoạch chuyển đổi cơ cấu cây trồng giai đoạn 2021-2025" and "Kế hoạch chuyển đổi cơ cấu cây trồng từ
    đất lúa … giai đoạn 2021 - 2025"), or the same subject with and without its period."""
    (sa, ya), (sb, yb) = _subject_and_years(a), _subject_and_years(b)
    if bool(ya) != bool(yb):  # "Quy hoạch tỉnh X" and "Quy hoạch tỉnh X thời kỳ 2021-2030": the same subject
        return len(sa) >= 4 and sa == sb
    short, long_ = sorted((sa, sb), key=len)
    if len(short) < 4 or not ya or not yb or min(ya) != min(yb):
        return False
    return long_[:len(short)] == short


_SHORT_CARRIER_RE = re.compile(r"(?P<lead>\w+(?:\s\w+)?\s(?:triển khai thực hiện|thực hiện|triển khai))\s"
                               r"(?:\w+\s){1,4}?(?:số\s)?(?P<sym>\d{1,5}[/-][\wĐđ/-]+)", re.I)


def same_carrier(a: str, b: str) -> bool:
    """A plan known only by what it carries out and its longer name in the same text: "Kế hoạch triển khai
    Nghị quyết 71-NQ/TW" and "Kế hoạch triển khai Chương trình hành động … thực hiện Nghị quyết số 71-NQ/TW …"."""
    short, long_ = sorted((a, b), key=len)
    m = _SHORT_CARRIER_RE.fullmatch(short.strip())
    if m is None:
        return False
    return long_.lower().startswith(m.group("lead").lower() + " ") and re.search(
        rf"(?<![\w/-]){re.escape(m.group('sym'))}(?![\w/-])", long_) is not None


def _is_own(ann: Annotations, nm: NamedMention) -> bool:
    """A name of the text's own numbered document: "… ban hành Kế hoạch X như sau:", or its header's title after
    the head ("Kế hoạch triển khai thực hiện Nghị quyết số 01/NQ-CP …" under KẾ HOẠCH / TRIỂN KHAI THỰC HIỆN …)."""
    h = ann.header
    if h is None or h.doc_type != nm.doc_type:
        return False
    if nm.own:
        return True
    if not h.title:
        return False
    words, title = _NON_WORD_RE.sub(" ", nm.label.lower()).split(), _NON_WORD_RE.sub(" ", h.title.lower()).split()
    head = max((len(w.split()) for w in HEADS if words[:len(w.split())] == w.split()), default=0)
    rest = words[head:]
    return len(rest) >= 4 and title[:len(rest)] == rest


HEADLINE_WORDS = 30
LEAD_CHARS = 900
_SENTENCE_RE = re.compile(r"[.;:!?](?:\s|$)")


def _announced(ann: Annotations, nm: NamedMention) -> int | None:
    """A news headline naming the document its lead reports as just issued ("Tỉnh X ban hành Kế hoạch thực hiện
    Nghị quyết 01/NQ-CP năm 2025" over "UBND tỉnh vừa ban hành Kế hoạch số 58/KH-UBND …"): that numbered document."""
    text = ann.text
    start = text.rfind("\n", 0, nm.start) + 1
    end = text.find("\n", nm.end)
    end = len(text) if end < 0 else end
    if len(text[start:end].split()) > HEADLINE_WORDS or _SENTENCE_RE.search(text, start, end):
        return None
    for i, ref in enumerate(ann.refs):
        if ref.word_start < end:
            continue
        if ref.word_start > end + LEAD_CHARS:
            return None
        clause = text[max(0, ref.word_start - 120, text.rfind(". ", 0, ref.word_start)):ref.word_start]
        if ref.doc_type == nm.doc_type and ISSUED_RE.search(clause[-60:]) and NEWS_CUE_RE.search(clause) \
                and ref.sym.number not in nm.label:
            return ann.ref_doc[i]
    return None


def _merge_spans(doc: DocumentRef, span: Span, known: dict[int, set[tuple[int, int]]]) -> None:
    keys = known.setdefault(id(doc), {(sp.start, sp.end) for sp in doc.spans})
    if (span.start, span.end) not in keys:
        keys.add((span.start, span.end))
        doc.spans.append(span)


def assemble(ann: Annotations) -> None:
    """Fill `ann.result.documents` and the mention -> document indices."""
    docs = ann.result.documents
    known: dict[int, set[tuple[int, int]]] = {}
    by_number: dict[tuple[str, str], list[int]] = {}

    def add_numbered(new: DocumentRef) -> int:
        same = by_number.setdefault((new.scope, new.number or ""), [])
        for i in same:
            if new.year is None or docs[i].year in (None, new.year):
                _merge(docs[i], new, known)
                return i
        if new.year is None and same:
            _merge(docs[same[-1]], new, known)
            return same[-1]
        docs.append(new)
        same.append(len(docs) - 1)
        return len(docs) - 1

    if ann.header is not None and ann.header.number:
        ann.header_doc = add_numbered(_header_doc(ann, ann.header))
    for ref in ann.refs:
        year = ref.sym.year or (int(ref.date[:4]) if ref.date else None)
        new = DocumentRef(spans=[_span(ann, ref.word_start, ref.sym.end)], doc_type=ref.doc_type or "LegalDocument",
                          number=ref.sym.number, title=ref.title, date=ref.date, year=year, issuer=ref.issuer,
                          issuer_from_text=ref.issuer_from_text, scope=ref_scope(ann, ref))
        ann.ref_doc.append(add_numbered(new))
    by_key: dict[tuple[str, str], int] = {}
    own_keys: set[str] = set()
    for nm in ann.named:
        if ann.header_doc is not None and (nm.key in own_keys or _is_own(ann, nm)):
            own_keys.add(nm.key)
            own = docs[ann.header_doc]
            _merge_spans(own, _span(ann, nm.start, nm.end), known)
            ann.named_doc.append(ann.header_doc)
            continue
        if ann.header_doc is None and (news := _announced(ann, nm)) is not None:
            _merge_spans(docs[news], _span(ann, nm.start, nm.end), known)
            ann.named_doc.append(news)
            continue
        scope = "vn" if nm.national else (slug(nm.province) if nm.province else text_scope(ann))
        if nm.issuer is not None and not nm.national:
            scope = nm.issuer.scope
        new = DocumentRef(spans=[_span(ann, nm.start, nm.end)], doc_type=nm.doc_type, label=nm.label,
                          bare_number=nm.bare_number, date=nm.date, year=int(nm.date[:4]) if nm.date else None,
                          issuer=nm.issuer, issuer_from_text=nm.issuer is not None, scope=scope, key=nm.key)
        k = (scope, nm.key)
        if k not in by_key:
            same = next((i for (sc, _), i in by_key.items() if sc == scope and docs[i].doc_type == nm.doc_type
                         and (same_named(docs[i].label or "", nm.label)
                              or same_carrier(docs[i].label or "", nm.label))), None)
            if same is not None:
                by_key[k] = same
                if len(nm.label) > len(docs[same].label or ""):
                    docs[same].label = nm.label  # the fullest form as written
        if k in by_key:
            _merge(docs[by_key[k]], new, known)
        else:
            docs.append(new)
            by_key[k] = len(docs) - 1
        ann.named_doc.append(by_key[k])
    if ann.header is not None and ann.header.number is None:
        docs.append(_header_doc(ann, ann.header))
        ann.header_doc = len(docs) - 1
    if ann.header_doc is not None:
        docs[ann.header_doc].role = "self"
        ann.result.about.append(ann.header_doc)


def _header_doc(ann: Annotations, h: Header) -> DocumentRef:
    start, end = h.number_span or (h.start, h.end)
    scope = h.issuer.scope if h.issuer else text_scope(ann)
    label = None if h.number else (h.title or None)
    return DocumentRef(spans=[_span(ann, start, end)], doc_type=h.doc_type, number=h.number, title=h.title,
                       label=label, date=h.date, year=int(h.date[:4]) if h.date else None, issuer=h.issuer,
                       issuer_from_text=h.issuer is not None, scope=scope, key=slug(h.title or "", 120))
