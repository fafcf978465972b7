"""Characters RDF/XML cannot carry: XML 1.0 allows TAB, LF, CR and U+0020..U+D7FF, U+E000..U+FFFD,
U+10000..U+10FFFF only (not even as character references), so literals lose the others on the way out."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from pyoxigraph import Literal, Quad

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: str) -> str:
    """``value`` without the characters XML 1.0 forbids."""
    return _NOT_XML.sub("", value)


def xml_safe(quads: Iterable[Quad]) -> Iterator[Quad]:
    """The quads with every literal made XML 1.0 text (others pass unchanged)."""
    for q in quads:
        o = q.object
        if isinstance(o, Literal) and _NOT_XML.search(o.value):
            value = xml_text(o.value)
            o = Literal(value, language=o.language) if o.language else Literal(value, datatype=o.datatype)
            q = Quad(q.subject, q.predicate, o, q.graph_name)
        yield q
