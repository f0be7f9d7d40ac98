"""Numbers in article text: digits with any thousands separator, and number words."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .lexicon import apostrophe_pattern, load, normalise_apostrophes

# 1,200 / 1 200 / 1\u202f200 / 1.200 / 1'200 / 6000 ; a decimal with a multiplier (1.5 thousand).
DIGITS = r"(?<![\w.,])\d{1,3}(?:(?:[,.'\u2019]|[ \u00a0\u202f\u2009])\d{3})+(?![\d])|(?<![\w.,])\d+(?:[.,]\d+)?(?![\d])"


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    text: str
    value: int


@functools.cache
def _pattern(language: str) -> tuple[re.Pattern[str], dict[str, int], dict[str, int], re.Pattern[str] | None]:
    words = load("extraction")["number_words"].get(language, load("extraction")["number_words"]["en"])
    units: dict[str, int] = words["units"]
    multipliers: dict[str, int] = words["multipliers"]
    unit_alt = "|".join(apostrophe_pattern(w) for w in sorted(units, key=len, reverse=True))
    mult_alt = "|".join(apostrophe_pattern(w) for w in sorted(multipliers, key=len, reverse=True))
    joiner = rf"(?:{words['tail_joiner']}\s+)?" if words.get("tail_joiner") else ""  # "two hundred and fifty"
    unit_words = rf"(?:{unit_alt})(?:[\s-]+{joiner}(?:{unit_alt}))*"
    head = rf"(?:{DIGITS}|{unit_words})"
    # "дві тисячі триста": the words after a multiplier add to it
    half = words.get("and_a_half") or r"(?!)"
    pattern = (
        rf"(?<!\w)(?:(?P<head>{head})(?:\s+(?P<half>{half}))?(?:\s+(?P<mult>{mult_alt})(?:\s+{joiner}(?P<tail>{unit_words}))?)?|(?P<bare>{mult_alt}))(?!\w)"
    )
    after = words.get("bare_multiplier_after") or ""
    bare_after = re.compile(rf"(?<!\w)(?:{after})\s+$", re.I) if after else None
    return re.compile(pattern, re.I), {k.lower(): v for k, v in units.items()}, {k.lower(): v for k, v in multipliers.items()}, bare_after


def _digits_value(text: str) -> float:
    compact = re.sub(r"[ \u00a0\u202f\u2009'\u2019]", "", text)
    if re.fullmatch(r"\d{1,3}(?:[,.]\d{3})+", compact):
        return float(re.sub(r"[,.]", "", compact))
    return float(compact.replace(",", "."))


def find_numbers(text: str, language: str) -> list[Number]:
    pattern, units, multipliers, bare_after = _pattern(language)
    out: list[Number] = []
    for m in pattern.finditer(text):
        if m.group("bare"):
            # "более тысячи" is one thousand; "тысячи пленных" alone is "thousands".
            if bare_after and bare_after.search(text[max(0, m.start() - 30) : m.start()]):
                out.append(Number(m.start(), m.end(), m.group(0), multipliers[_fold(m.group("bare"))]))
            continue
        head = m.group("head")
        if head[0].isdigit():
            value = _digits_value(head)
        else:
            words = [_fold(head)] if _fold(head) in units else re.split(r"[\s-]+", _fold(head))
            value = float(_words_value([(units.get(w, 0), w in multipliers) for w in words]))
            if not value:
                continue
        if m.group("half"):
            value += 0.5
        if m.group("mult"):
            value *= multipliers[_fold(m.group("mult"))]
            if m.group("tail"):
                value += _words_value([(units.get(w, 0), w in multipliers) for w in re.split(r"[\s-]+", _fold(m.group("tail")))])
        elif not head[0].isdigit() and _fold(head) in multipliers and value < 2:
            pass
        if value != int(value):
            continue
        out.append(Number(m.start(), m.end(), m.group(0), int(value)))
    return out


def _words_value(parts: list[tuple[int, bool]]) -> int:
    """Unit words summed; a multiplier word after a head multiplies it ("две тысячи", "five hundred")."""
    total = current = 0
    for part, multiplies in parts:
        if multiplies and current:
            if part < 1000:
                current *= part
                continue
            total += current * part
            current = 0
        else:
            current += part
    return total + current


def _fold(word: str) -> str:
    return normalise_apostrophes(word.lower())
