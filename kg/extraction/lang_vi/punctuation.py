"""Punctuation the vnkg tokenizer splits off the start or end of a whitespace-separated word.

Only at the edges: ``58-NQ/TW``, ``8,5%``, ``21-22%``, ``KH&ĐT``, ``Quý III/2025`` and ``1.000`` stay whole,
while ``(Theo``, ``58-NQ/TW,``, ``2024.`` and ``“Đồng`` lose their bracket, comma, stop or quote, so that
spans of the text fall on token boundaries (``doc.spans`` are token spans).
"""

OPENING: tuple[str, ...] = ("(", "[", "{", "“", "‘", '"', "'", "«", "<")
CLOSING: tuple[str, ...] = (")", "]", "}", "”", "’", '"', "'", "»", ">", ",", ";", ":", ".", "!", "?", "…")
