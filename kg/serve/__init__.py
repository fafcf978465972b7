"""`kg serve`: a SPARQL 1.1 endpoint, a YASGUI query page and dereferenceable IRIs over the store.

Imports are lazy, so the query workers (``kg.serve.querier``) and `kg query` (``kg.serve.guard``) do not
load the web stack.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ServeConfig", "create_app"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from kg.serve import app

        return getattr(app, name)
    raise AttributeError(name)
