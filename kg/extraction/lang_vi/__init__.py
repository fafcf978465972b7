"""Vietnamese language data for vnkg: document types, bodies, agencies, provinces, units.

Plain data modules, as spaCy keeps its language data: code elsewhere only loads them.
"""
