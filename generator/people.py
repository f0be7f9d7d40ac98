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
    nominative: frozenset[str]  # the given names as listed


def _given_name_pattern(name: str, cyrillic: bool) -> str:
    stem = name[:-1] if cyrillic and name[-1] in "аяйоеьі" else name
    if not cyrillic or len(stem) < 3:  # "Зо-" would be the start of too many words
        return re.escape(name)
    return re.escape(stem) + _CASE_ENDING


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
        nominative=frozenset([*latin, *cyrillic]),
    )


def _surname_stem(surname: str) -> str:
    """What stays of a surname in every case: "Синєгубов" (-а, -им), "Мороз", "Petrenko"."""
    return surname[:-1] if len(surname) > 4 and surname[-1] in "аяоеиіыйь" else surname


def unlisted_people(text: str, taken: list[Mention]) -> list[Mention]:
    """Mentions of people named in `text` that overlap none of the `taken` mentions."""
    pats = _patterns()
    spans = [(m.start, m.end) for m in taken]

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in spans)

    people: dict[str, Entity] = {}  # surname stem -> person
    by_given: dict[str, list[Entity]] = {}
    found: list[Mention] = []
    for m in pats.full_name.finditer(text):
        if not free(m.start(), m.end()):
            continue
        stem = _surname_stem(m.group("surname"))
        entity = people.get(stem)
        if entity is None or (m.group("given") in pats.nominative and entity.name.split()[0] not in pats.nominative):
            # The name as written where the given name is in the nominative, else as first written.
            entity = Entity(f"{m.group('given')} {m.group('surname')}", "person", None, {})
            people[stem] = entity
            by_given.setdefault(m.group("given")[:3].lower(), []).append(entity)
        found.append(Mention(m.start(), m.end(), m.group(0), entity, False))
        spans.append((m.start(), m.end()))
    if not people:
        return []
    # Renamed entities: every mention of a stem refers to its final entity.
    found = [Mention(f.start, f.end, f.text, people[_stem_of(f.text)], False) for f in found]
    for m in pats.titled.finditer(text):
        word = m.group("name")
        entity = people.get(_surname_stem(word))
        if entity is None:
            holders = {id(e): e for e in by_given.get(word[:3].lower(), []) if e.name.split()[0][:3].lower() == word[:3].lower()}
            entity = next(iter(holders.values())) if len(holders) == 1 else None
        if entity is not None and free(m.start(), m.end()):
            found.append(Mention(m.start(), m.end(), m.group(0), people[_surname_stem(entity.name.split()[-1])], False))
            spans.append((m.start(), m.end()))
    surnames = "|".join(sorted((re.escape(stem) for stem in people), key=len, reverse=True))
    for m in re.finditer(rf"(?<![\w-])(?:{surnames}){_CASE_ENDING}(?![\w-])", text):
        if free(m.start(), m.end()):
            stem = next(s for s in sorted(people, key=len, reverse=True) if m.group(0).startswith(s))
            found.append(Mention(m.start(), m.end(), m.group(0), people[stem], False))
            spans.append((m.start(), m.end()))
    return sorted(found, key=lambda x: x.start)


def _stem_of(full_name: str) -> str:
    return _surname_stem(full_name.split()[-1])
