"""Numbers in article text: digits with any thousands separator, and number words."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .lexicon import apostrophe_pattern, load

# 1,200 / 1 200 / 1\u202f200 / 1.200 / 1'200 / 6000 ; a decimal with a multiplier (1.5 thousand).
DIGITS = r"(?<![\w.,])\d{1,3}(?:(?:[,.'\u2019]|[ \u00a0\u202f\u2009])\d{3})+(?![\d])|(?<![\w.,])\d+(?:[.,]\d+)?(?![\d])"


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    text: str
    value: int


@functools.cache
def _pattern(language: str) -> tuple[re.Pattern[str], dict[str, int], dict[str, int]]:
    words = load("extraction")["number_words"].get(language, load("extraction")["number_words"]["en"])
    units: dict[str, int] = words["units"]
    multipliers: dict[str, int] = words["multipliers"]
    unit_alt = "|".join(apostrophe_pattern(w) for w in sorted(units, key=len, reverse=True))
    mult_alt = "|".join(apostrophe_pattern(w) for w in sorted(multipliers, key=len, reverse=True))
    head = rf"(?:{DIGITS}|(?:{unit_alt})(?:[\s-]+(?:{unit_alt}))*)"
    pattern = rf"(?<!\w)(?P<head>{head})(?:\s+(?P<mult>{mult_alt}))?(?!\w)"
    return re.compile(pattern, re.I), {k.lower(): v for k, v in units.items()}, {k.lower(): v for k, v in multipliers.items()}


def _digits_value(text: str) -> float:
    compact = re.sub(r"[ \u00a0\u202f\u2009'\u2019]", "", text)
    if re.fullmatch(r"\d{1,3}(?:[,.]\d{3})+", compact):
        return float(re.sub(r"[,.]", "", compact))
    return float(compact.replace(",", "."))


def find_numbers(text: str, language: str) -> list[Number]:
    pattern, units, multipliers = _pattern(language)
    out: list[Number] = []
    for m in pattern.finditer(text):
        head = m.group("head")
        if head[0].isdigit():
            value = _digits_value(head)
        else:
            value = float(sum(units.get(_fold(w), 0) for w in re.split(r"[\s-]+", head)))
            if not value:
                continue
        if m.group("mult"):
            value *= multipliers[_fold(m.group("mult"))]
        elif not head[0].isdigit() and _fold(head) in multipliers and value < 2:
            pass
        if value != int(value):
            continue
        out.append(Number(m.start(), m.end(), m.group(0), int(value)))
    return out


def _fold(word: str) -> str:
    return re.sub("[\u2019\u02bc`]", "'", word.lower())
