"""Tell the article language from its script and a few cue letters and words.

Measured on the development corpus (tests/corpus): see tests/test_langdetect.py.
"""

from __future__ import annotations

import re
from collections import Counter

from .lexicon import load

# Quoted speech is often in another language than the article around it.
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|„[^“”]*[“”]|\"[^\"\n]*\"")


def detect(text: str) -> str:
    data = load("langdetect")
    unquoted = _QUOTED.sub(" ", text)
    if sum(ch.isalpha() for ch in unquoted) >= 20:
        text = unquoted
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return "en"
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in letters)
    if cyrillic > len(letters) / 2:
        words = Counter(re.findall(r"\w+", text.lower()))
        scores = {lang: sum(text.count(ch) for ch in marks) for lang, marks in data["cyrillic_markers"].items()}
        for lang, cues in data["cyrillic_words"].items():
            scores[lang] += sum(words[w] for w in cues)
        return max(sorted(scores), key=lambda lang: scores[lang]) if any(scores.values()) else "ru"
    words = Counter(re.findall(r"\w+", text.lower()))
    scores = {lang: sum(words[w] for w in stop) for lang, stop in data["latin_stopwords"].items()}
    best = max(scores.values())
    return "en" if scores["en"] == best else min(lang for lang, s in scores.items() if s == best)
