"""Organisations the gazetteer does not list, found by what they are called (data/organisations.yaml).

Families' associations, charity funds, regional administrations and city departments speak
in the news as often as ministries do, and no list can hold them all. A name built on an
organisation's head word ("the Svitanok Association of Families of Prisoners of War",
"благодійний фонд «Берег надії»", "Рівненської обласної військової адміністрації") names
one; after it, the head word alone ("the association said", "фонд допоміг", "за даними ОВА",
"по данным управления") refers back to the last one named with that head. The gazetteer's
own mentions always win: these only fill the gaps between them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .gazetteer import Entity, Mention
from .lexicon import load

_CAP = r"(?!The\b)[A-Z][\w'\u2019-]*"
_LOWER = r"[а-яіїєґё'\u2019-]"


@dataclass(frozen=True)
class _Patterns:
    named: tuple[re.Pattern[str], ...]  # a full name; group "name" is the entity's name, group "head" its head word
    again: re.Pattern[str]  # a head word alone, group "head"
    heads: tuple[str, ...]  # head stems, longest first (what a head word starts with)
    general: frozenset[str]  # head words that mean whichever organisation was named last
    abbreviations: dict[str, str]  # "ОВА" -> the head it stands for


@functools.cache
def _patterns(language: str) -> _Patterns | None:
    data = load("organisations")
    if language not in data["heads"]:
        return None
    heads = data["heads"][language].split()
    general = data["general"].get(language, "").split()
    admin_heads = data["administration_heads"].get(language, "").split()
    abbreviations = dict(data["abbreviations"].get(language) or {})
    if language == "en":
        head = "|".join(heads)
        suffix = rf"(?:\s+(?:of|for|on)\s+(?:the\s+)?{_CAP}(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?{_CAP})*)"
        # "Svitanok Association of Families of Prisoners of War", "National Security and Defence Council"
        prefix = rf"{_CAP}\s+(?:(?:and|&)\s+{_CAP}\s+|{_CAP}\s+){{0,5}}"
        with_in = "|".join(data.get("named_with_in", {}).get(language, "").split()) or "(?!)"
        in_country = rf"(?:(?<=(?:{with_in}))\s+in\s+{_CAP})?"
        named = (re.compile(rf"(?<![\w'\u2019-])(?P<name>{prefix}(?P<head>{head})\b{suffix}?{in_country}|(?P<head2>{head}){suffix})"),)
        again = re.compile(rf"\b[Tt]he\s+(?:[\w'\u2019]+-based\s+)?(?P<head>{'|'.join(h.lower() for h in [*heads, *general])})\b")
        return _Patterns(named, again, tuple(sorted((h.lower() for h in heads), key=len, reverse=True)), frozenset(g.lower() for g in general), abbreviations)
    stems = "|".join(sorted(heads, key=len, reverse=True))
    quoted = re.compile(rf"(?<![\w-])(?P<head>(?:{stems}){_LOWER}*)(?:\s+{_LOWER}+){{0,5}}?\s+«(?P<name>[^«»]{{2,60}})»", re.I)
    administrations = tuple(re.compile(rf"(?<![\w-])(?P<name>{p})(?![\w-])") for p in data["administrations"].get(language, []))
    words = "|".join(sorted([*heads, *admin_heads], key=len, reverse=True))
    # words that start like a head but are none ("радник" is no "рада")
    unlike = "|".join(data.get("not_heads", {}).get(language, "").split()) or "(?!)"
    again = re.compile(rf"(?<![\w-])(?:(?!(?:{unlike}))(?P<head>(?:{words}){_LOWER}*)|(?P<abbr>{'|'.join(abbreviations) or '(?!)'}))(?![\w-])")
    return _Patterns((quoted, *administrations), again, tuple(sorted([*heads, *admin_heads], key=len, reverse=True)), frozenset(general), abbreviations)


def _head_of(word: str, pats: _Patterns) -> str | None:
    word = word.lower()
    return next((h for h in pats.heads if word.startswith(h)), None)


def unlisted_organisations(text: str, language: str, taken: list[Mention]) -> list[Mention]:
    """Mentions of organisations named in `text` that overlap none of the `taken` mentions."""
    pats = _patterns(language)
    if pats is None:
        return []
    spans = [(m.start, m.end) for m in taken]
    # A place, a country or another body may stand inside a name ("управление … администрации
    # Кирова", "the UN Human Rights Monitoring Mission in Ukraine"); a person may not.
    blocking = [(m.start, m.end) for m in taken if m.entity.kind == "person"]
    inner = [(m.start, m.end) for m in taken if m.entity.kind != "person"]

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in spans)

    def free_but_inner(start: int, end: int, head: tuple[int, int]) -> bool:
        """Nothing the gazetteer names crosses the name's edges or holds its head word
        ("Russian Federation" is the gazetteer's Russia, not a federation of its own)."""
        crossing = [(s, e) for s, e in inner if s < end and start < e]
        inside = all(start <= s and e <= end and (e <= head[0] or head[1] <= s) for s, e in crossing)
        return inside and not any(s < end and start < e for s, e in blocking)

    written: list[tuple[re.Match[str], str, str]] = []  # (full name, head, key of its name)
    for pattern in pats.named:
        for m in pattern.finditer(text):
            found_head = _head_word(m, pats)
            if found_head is None or not free_but_inner(m.start(), m.end(), found_head[1]):
                continue
            head = found_head[0]
            written.append((m, head, _name_key(m.group("name"))))
            spans.append((m.start(), m.end()))
            blocking.append((m.start(), m.end()))
    if not written:
        return []
    # One organisation in every case it is written in ("Рівненська обласна військова
    # адміністрація", "… адміністрації"), named by its shortest form (the nominative, mostly).
    forms: dict[str, list[str]] = {}
    for m, _, key in sorted(written, key=lambda w: w[0].start()):
        forms.setdefault(key, []).append(m.group("name").strip())
    entities = {key: Entity(min(names, key=len), "organisation", None, {}) for key, names in forms.items()}
    named = sorted(((m.start(), head, entities[key]) for m, head, key in written), key=lambda x: x[0])  # (offset, head, organisation)
    found = [Mention(m.start(), m.end(), m.group(0), entities[key], False) for m, _, key in written]
    for m in pats.again.finditer(text):
        if not free(m.start(), m.end()) or _names_another(text, m.end()):
            continue
        abbreviation = m.groupdict().get("abbr")
        wanted = pats.abbreviations[abbreviation] if abbreviation else _head_of(m.group("head"), pats)
        general = not abbreviation and m.group("head").lower().startswith(tuple(pats.general))
        before = [entity for offset, head, entity in named if offset < m.start() and (general or head == wanted)]
        if before:
            found.append(Mention(m.start(), m.end(), m.group(0), before[-1], True))
            spans.append((m.start(), m.end()))
    return sorted(found, key=lambda x: x.start)


def _head_word(m: re.Match[str], pats: _Patterns) -> tuple[str, tuple[int, int]] | None:
    """The head a name is built on (as `_head_of` gives it) and where its word stands."""
    for group in ("head", "head2"):
        if m.groupdict().get(group):
            head = _head_of(m.group(group), pats)
            return (head, m.span(group)) if head else None
    # an administration written out: its first word that is a head ("управлении ... администрации Кирова")
    for word in re.finditer(r"[\w'\u2019-]+", m.group("name")):
        head = _head_of(word.group(0), pats)
        if head:
            start = m.start("name") + word.start()
            return head, (start, start + len(word.group(0)))
    return None


def _name_key(name: str) -> str:
    """What stays of a name in every case: each Cyrillic word without its case ending."""
    return " ".join(_stem(word) for word in re.findall(r"[\w'\u2019-]+", name.casefold()))


def _stem(word: str) -> str:
    # "адміністрації", "адміністрацією" -> "адміністрац"; "Кировым" -> "киров"
    word = re.sub(r"(?<=[аяоеєіїиыуюёэ])[мх]$", "", word)
    return re.sub(r"[аяоеєіїиыуюйьёэ]+$", "", word) or word


def _names_another(text: str, end: int) -> bool:
    """'адміністрації Президента', 'фонду «…»', 'the Council of Europe': the head word starts another name."""
    after = text[end : end + 20]
    return re.match(r"\s*(?:«|(?:of\s+)?[A-ZА-ЯІЇЄҐЁ])", after) is not None or re.match(r"\s+(?:президент|president)", after, re.I) is not None
