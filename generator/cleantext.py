"""Scraped text made readable for extraction, with a way back to the text as written.

Articles pasted from web pages keep HTML entities ("164&nbsp;servicemen", "&quot;Our people
are home&quot;") and Latin letters that look Cyrillic inside Cyrillic words ("Зeленський").
Extraction reads the cleaned text; every evidence span is then mapped back, so what the
export cites is still an exact substring of the article as the editor saved it.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace

from .model import ArticleFacts, Evidence

_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_MIXED_WORD = re.compile(r"\w*[а-яёіїєґА-ЯЁІЇЄҐ]\w*")
_MIXED = re.compile(r"[а-яёіїєґА-ЯЁІЇЄҐ][A-Za-z]|[A-Za-z][а-яёіїєґА-ЯЁІЇЄҐ]")
_LOOKALIKES = str.maketrans("aceiopxyABCEHIKMOPTX", "асеіорхуАВСЕНІКМОРТХ")


def clean(body: str) -> tuple[str, list[int] | None]:
    """The text to extract from, and for each of its characters (and its end) the offset in
    `body`; None when every character stays where it was."""
    if "&" in body and _ENTITY.search(body):
        parts: list[str] = []
        offsets: list[int] = []
        position = 0
        for m in _ENTITY.finditer(body):
            decoded = html.unescape(m.group(0))
            if decoded == m.group(0):
                continue  # not an entity html knows
            parts.append(body[position : m.start()])
            offsets.extend(range(position, m.start()))
            parts.append(decoded)
            offsets.extend([m.start()] * len(decoded))
            position = m.end()
        parts.append(body[position:])
        offsets.extend(range(position, len(body)))
        offsets.append(len(body))
        text, mapping = "".join(parts), offsets
    else:
        text, mapping = body, None
    # most texts mix no scripts inside a word: one scan says so
    readable = _MIXED_WORD.sub(lambda m: _latin_in_cyrillic(m.group(0)), text) if _MIXED.search(text) else text
    if mapping is None and readable != body:
        mapping = list(range(len(body) + 1))  # same places, other letters: cite them as written
    return readable, mapping


def _latin_in_cyrillic(word: str) -> str:
    return word.translate(_LOOKALIKES) if re.search(r"[A-Za-z]", word) else word


def to_written(facts: ArticleFacts, body: str, readable: str, offsets: list[int]) -> ArticleFacts:
    """`facts` extracted from `readable`, the cleaned text, with their evidence (and the
    sentence around it) cited from `body`, the text as written."""

    def cite(evidence: Evidence) -> Evidence:
        start, end = offsets[evidence.start], offsets[evidence.end]
        sentence = evidence.sentence
        at = readable.rfind(sentence, 0, evidence.start + len(sentence)) if sentence else -1  # the one that starts by the evidence
        if at >= 0 and at + len(sentence) >= evidence.end:
            sentence = body[offsets[at] : offsets[at + len(sentence)]]
        return replace(evidence, text=body[start:end], start=start, end=end, sentence=sentence)

    return replace(
        facts,
        events=tuple(replace(e, evidence=cite(e.evidence)) for e in facts.events),
        quantities=tuple(replace(q, evidence=cite(q.evidence)) for q in facts.quantities),
        quotes=tuple(replace(q, text=cite(q.evidence).text, evidence=cite(q.evidence)) for q in facts.quotes),
        claims=tuple(replace(c, evidence=cite(c.evidence)) for c in facts.claims),
    )
