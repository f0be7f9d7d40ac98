"""People the gazetteer does not list, found by their given name (data/people.yaml).

Articles quote regional officials, relatives and witnesses no list can foresee. A listed
given name followed by a capitalised word names a person ("Олег Синєгубов", "Halyna
Moroz"); after that, the surname alone ("уточнив Синєгубов", "Синєгубова") or a courtesy
title with the given name ("пані Галина") refers back to the same person. Names the
gazetteer knows always win: these mentions only fill the gaps between its own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .gazetteer import Entity, Mention
from .lexicon import load

_UPPER = "A-ZА-ЯЁІЇЄҐ"
_WORD = rf"[{_UPPER}][\w'\u2019-]*\w"
_CASE_ENDING = r"[а-яёіїєґ]{0,3}"
_PATRONYMIC = rf"[{_UPPER}][а-яёіїєґ']+(?:ович|евич|йович|ьович|івна|ївна|овна|евна|ична|инична)[а-яёіїєґ]{{0,2}}"


@dataclass(frozen=True)
class _Patterns:
    full_name: re.Pattern[str]  # given name + surname
    titled: re.Pattern[str]  # courtesy title + a capitalised word
    nominative: dict[str, str]  # stem of each listed given name -> the name as listed (the nominative)
    listed: frozenset[str]


def _given_name_pattern(name: str, cyrillic: bool) -> str:
    if not cyrillic or _stem(name) == name and name[-1] in "аяйоеьі":  # "Зо-" would start too many words
        return re.escape(name)
    return re.escape(_stem(name)) + _CASE_ENDING


@functools.cache
def _patterns() -> _Patterns:
    data = load("people")
    latin, cyrillic = data["given_names"]["latin"].split(), data["given_names"]["cyrillic"].split()
    given = sorted({_given_name_pattern(n, False) for n in latin} | {_given_name_pattern(n, True) for n in cyrillic}, key=len, reverse=True)
    titles = data["courtesy_titles"]["latin"].split() + data["courtesy_titles"]["cyrillic"].split()
    title = "|".join(sorted((re.escape(t) for t in titles), key=len, reverse=True))
    return _Patterns(
        # A patronymic may stand between ("Сергей Иванович Петров").
        full_name=re.compile(rf"(?<![\w-])(?P<given>{'|'.join(given)})\s+(?:{_PATRONYMIC}\s+)?(?P<surname>{_WORD})(?![\w-])"),
        titled=re.compile(rf"(?<![\w-])(?:{title})\.?\s+(?P<name>{_WORD})(?![\w-])", re.I),
        nominative={**{n: n for n in latin}, **{_stem(n): n for n in cyrillic}},
        listed=frozenset([*latin, *cyrillic]),
    )


def _stem(name: str) -> str:
    return name[:-1] if name[-1] in "аяйоеьі" and len(name) > 3 else name


def _nominative(given: str, pats: _Patterns) -> str:
    """ "Михаила" -> "Михаил": the name itself where it is listed, else the listed name whose
    stem it starts with."""
    if given in pats.listed:
        return given
    for end in range(len(given), 1, -1):
        if given[:end] in pats.nominative:
            return pats.nominative[given[:end]]
    return given


def _surname_stem(surname: str) -> str:
    """What stays of a surname in every case: "Синєгубов" (-а, -им), "Мороз", "Petrenko"."""
    return surname[:-1] if len(surname) > 4 and surname[-1] in "аяоеиіыйь" else surname


def unlisted_people(text: str, taken: list[Mention]) -> list[Mention]:
    """Mentions of people named in `text` that overlap none of the `taken` mentions."""
    pats = _patterns()
    spans = [(m.start, m.end) for m in taken]

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in spans)

    # surname stem -> (given name in the nominative, surname forms seen)
    named: dict[str, tuple[str, set[str]]] = {}
    full: list[tuple[re.Match[str], str]] = []
    for m in pats.full_name.finditer(text):
        if not free(m.start(), m.end()):
            continue
        stem = _surname_stem(m.group("surname"))
        given, forms = named.setdefault(stem, (_nominative(m.group("given"), pats), set()))
        forms.add(m.group("surname"))
        full.append((m, stem))
        spans.append((m.start(), m.end()))
    if not named:
        return []
    surnames = "|".join(sorted((re.escape(stem) for stem in named), key=len, reverse=True))
    alone = [m for m in re.finditer(rf"(?<![\w-])(?:{surnames}){_CASE_ENDING}(?![\w-])", text) if free(m.start(), m.end())]
    for m in alone:
        named[_longest_stem(m.group(0), named)][1].add(m.group(0))
    # The name as a person is called: the given name as listed, the surname in its shortest
    # form seen ("По словам Михаила Тарасова ... Тарасов уверен": Михаил Тарасов).
    people = {stem: Entity(f"{given} {min(forms, key=lambda f: (len(f), f))}", "person", None, {}) for stem, (given, forms) in named.items()}
    by_given: dict[str, list[Entity]] = {}
    for person in people.values():
        by_given.setdefault(person.name[:3].lower(), []).append(person)
    found = [Mention(m.start(), m.end(), m.group(0), people[stem], False) for m, stem in full]
    found += [Mention(m.start(), m.end(), m.group(0), people[_longest_stem(m.group(0), named)], False) for m in alone]
    spans += [(m.start(), m.end()) for m in alone]
    for m in pats.titled.finditer(text):
        word = m.group("name")
        entity = people.get(_surname_stem(word))
        if entity is None:
            # "пані Галина": the one person of that given name
            holders = [e for e in by_given.get(word[:3].lower(), []) if e.name.split()[0][:3].lower() == word[:3].lower()]
            entity = holders[0] if len(holders) == 1 else None
        if entity is not None and free(m.start(), m.end()):
            found.append(Mention(m.start(), m.end(), m.group(0), entity, False))
            spans.append((m.start(), m.end()))
    return sorted(found, key=lambda x: x.start)


def _longest_stem(word: str, stems: Iterable[str]) -> str:
    return max((stem for stem in stems if word.startswith(stem)), key=len)
