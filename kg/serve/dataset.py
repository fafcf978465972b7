"""The protocol's ``using-graph-uri`` / ``using-named-graph-uri`` as ``USING`` clauses of an update.

pyoxigraph's ``Store.update`` takes no dataset, so each ``DELETE/INSERT … WHERE`` operation gets the clauses
written before its ``WHERE`` (``DELETE WHERE { P }`` becomes ``DELETE { P } USING … WHERE { P }``). An update
that names its own dataset (``USING`` or ``WITH``) together with the parameters is an error (SPARQL 1.1
Protocol §2.2.3).
"""

from __future__ import annotations

from collections.abc import Sequence

from pyoxigraph import NamedNode

from kg.serve.guard import Refused, tokens


def operations(text: str) -> list[list[tuple[str, str, int]]]:
    """The update's operations: its tokens (kind, text, offset) split at the top-level ``;``."""
    ops: list[list[tuple[str, str, int]]] = [[]]
    depth = 0
    for kind, tok, start in tokens(text, offsets=True):
        depth += (kind == "open") - (kind == "close")
        if depth == 0 and tok == ";":
            ops.append([])
        else:
            ops[-1].append((kind, tok, start))
    return [op for op in ops if op]


def ends_with_separator(text: str) -> bool:
    """Whether the update ends with ``;`` (so another operation can follow without one)."""
    last = None
    for _, tok in tokens(text):
        last = tok
    return last == ";"


def with_using(text: str, using: Sequence[str], using_named: Sequence[str]) -> str:
    """The update with the protocol's dataset written into each operation that has a WHERE clause."""
    if not using and not using_named:
        return text
    try:
        clauses = " ".join([f"USING {NamedNode(g)}" for g in using]
                           + [f"USING NAMED {NamedNode(g)}" for g in using_named])
    except ValueError as e:
        raise Refused(400, f"invalid IRI in using-graph-uri or using-named-graph-uri: {e}") from e
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement)
    for op in operations(text):
        depth, top = 0, []
        for kind, tok, start in op:
            if kind == "open":
                depth += 1
            elif kind == "close":
                depth -= 1
            elif depth == 0 and kind == "word":
                top.append((tok.upper(), start))
        names = [w for w, _ in top]
        if "USING" in names or "WITH" in names:
            raise Refused(400, "the update names its dataset (USING or WITH) and the request gives "
                               "using-graph-uri/using-named-graph-uri: use one or the other")
        if "WHERE" not in names:
            continue
        where = next(start for w, start in top if w == "WHERE")
        i = next(i for i, t in enumerate(op) if t[2] == where)
        if i > 0 and op[i - 1][0] == "word" and op[i - 1][1].upper() == "DELETE":  # the DELETE WHERE short form
            pattern = _braces_after(op, where, text)
            edits.append((where, where + len("WHERE"), f"{pattern} {clauses} WHERE"))
        else:
            edits.append((where, where, clauses + " "))
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _braces_after(op: list[tuple[str, str, int]], offset: int, text: str) -> str:
    """The text of the ``{ … }`` group that follows ``offset``."""
    depth, begin = 0, None
    for kind, tok, start in op:
        if start <= offset:
            continue
        if kind == "open" and tok == "{":
            begin = start if begin is None else begin
            depth += 1
        elif kind == "close" and tok == "}" and begin is not None:
            depth -= 1
            if depth == 0:
                return text[begin:start + 1]
    raise Refused(400, "malformed update: DELETE WHERE without a { … } pattern")
