"""`kg serve`: a SPARQL 1.1 endpoint, a YASGUI query page and dereferenceable IRIs over the store."""

from kg.serve.app import ServeConfig, create_app

__all__ = ["ServeConfig", "create_app"]
