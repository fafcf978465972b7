"""vnkg: knowledge graphs of Vietnamese government planning documents."""

__version__ = "0.1.0"
