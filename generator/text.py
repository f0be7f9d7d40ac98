"""Sentence spans over an article body. Offsets always index the original string."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? (optionally followed by closing quotes) before whitespace and
# an uppercase letter, digit or opening quote; or at a line break.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"\u201d\u00bb\u2019)]*(?=\s+[\"\u201c\u00ab\u201e(\u2014\-]?[\w\d])|\n+")
_ABBREVIATIONS = re.compile(r"(?:\b(?:St|Mr|Mrs|Ms|Dr|Gen|Col|Lt|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|вул|м|г|р|ім|св)\.|\b[A-ZА-ЯІЇЄ]\.)\Z")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def sentences(body: str) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(body):
        end = m.end()
        if m.group(0).strip() == "" and m.group(0) and "\n" not in m.group(0):
            pass
        if "\n" not in m.group(0) and _ABBREVIATIONS.search(body[start:end]):
            continue
        if "\n" not in m.group(0) and _inside_open_quote(body[start:end]):
            continue
        _append(out, body, start, end)
        start = m.end()
    _append(out, body, start, len(body))
    return out


def _inside_open_quote(chunk: str) -> bool:
    """True while a quotation opened in `chunk` is still open (quotes span sentences)."""
    opens = chunk.count("\u201c") + chunk.count("\u00ab") + chunk.count("\u201e")
    closes = chunk.count("\u201d") + chunk.count("\u00bb")
    return opens > closes or chunk.count('"') % 2 == 1


def _append(out: list[Sentence], body: str, start: int, end: int) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(start, end, body[start:end]))
