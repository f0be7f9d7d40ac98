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
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .gazetteer import Entity, Mention, prefix_pattern
from .lexicon import load

_UPPER = "A-ZА-ЯЁІЇЄҐ"
_WORD = rf"[{_UPPER}][\w'\u2019-]*\w"
_CASE_ENDING = r"[а-яёіїєґ]{0,3}"
_PATRONYMIC = rf"[{_UPPER}][а-яёіїєґ']+(?:ович|евич|йович|ьович|івна|ївна|овна|евна|ична|инична)[а-яёіїєґ]{{0,2}}"


@dataclass(frozen=True)
class _Patterns:
    full_name: re.Pattern[str]  # given name + surname
    titled: re.Pattern[str]  # courtesy title + a capitalised word
    given_alone: re.Pattern[str]  # a listed given name on its own
    titles: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, pattern) of titles that name a person again
    apposed: re.Pattern[str]  # a name with its role after a comma: "Volker Türk, the UN High Commissioner"
    nominative: dict[str, str]  # stem of each listed Cyrillic given name -> the name as listed (the nominative)
    listed: frozenset[str]


def _exact(cyrillic_name: str) -> bool:
    """Matched only as written: "Зоя" ("Зо-" would start too many words)."""
    return _stem(cyrillic_name) == cyrillic_name and cyrillic_name[-1] in "аяйоеьі"


@functools.cache
def _patterns() -> _Patterns:
    data = load("people")
    latin, cyrillic = data["given_names"]["latin"].split(), data["given_names"]["cyrillic"].split()
    # Prefix-sharing patterns (`gazetteer.prefix_pattern`): a flat alternation of four hundred names
    # was tried name by name at every position of every article.
    stems = {_stem(n) for n in cyrillic if not _exact(n)}
    exact = {*latin, *(n for n in cyrillic if _exact(n))}
    given = [rf"(?:{prefix_pattern(stems)}){_CASE_ENDING}", prefix_pattern(exact)]
    courtesy = data["courtesy_titles"]["latin"].split() + data["courtesy_titles"]["cyrillic"].split()
    title = "|".join(sorted((re.escape(t) for t in courtesy), key=len, reverse=True))
    roles = {script: "|".join(words) for script, words in data["apposition_roles"].items()}
    return _Patterns(
        # A patronymic may stand between ("Сергей Иванович Петров").
        full_name=re.compile(rf"(?<![\w-])(?P<given>{'|'.join(given)})\s+(?:{_PATRONYMIC}\s+)?(?P<surname>{_WORD})(?![\w-])"),
        titled=re.compile(rf"(?<![\w-])(?:{title})\.?\s+(?P<name>{_WORD})(?![\w-])", re.I),
        given_alone=re.compile(rf"(?<![\w-])(?P<name>{'|'.join(given)})(?![\w-])"),
        titles=tuple((kind, re.compile(rf"(?<![\w-])(?:{'|'.join(by_language.values())})(?![\w-])", re.I)) for kind, by_language in data["titles"].items()),
        apposed=re.compile(
            rf"(?<![\w-])(?P<given>{_WORD})\s+(?P<surname>{_WORD}(?:\s+{_WORD})?)(?=,\s+(?i:(?:the|an?|[\w-]+['\u2019]s)\s+(?:[\w'\u2019-]+\s+){{0,4}}?(?:{roles['latin']})|(?:[а-яіїєґё'\u2019-]+\s+){{0,2}}?(?:{roles['cyrillic']}))(?![\w-]))"
        ),
        nominative={_stem(n): n for n in cyrillic},  # Latin names match only as listed
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

    # (given name in the nominative, surname stem) -> surname forms seen; a family shares a
    # surname ("Nadiia Hnatiuk ... her son Taras Hnatiuk"), so the given name is part of the key.
    named: dict[tuple[str, str], set[str]] = {}
    nominative: dict[tuple[str, str], set[str]] = {}  # surname forms written after the nominative given name
    full: list[tuple[re.Match[str], tuple[str, str]]] = []
    for m in [*_full_names(text, pats), *_titled_names(text, pats), *_apposed_names(text, pats)]:
        if not free(m.start(), m.end()):
            continue
        given, surname = _nominative(m.group("given"), pats), m.group("surname")
        in_nominative = m.group("given") == given  # the given name in the nominative: so is the surname
        key = (given, _surname_stem(surname if in_nominative else _nominative_surname(surname, is_feminine(given))))
        named.setdefault(key, set()).add(surname)
        if in_nominative:
            nominative.setdefault(key, set()).add(surname)
        full.append((m, key))
        spans.append((m.start(), m.end()))
    if not named:
        return []
    stems = {stem for _, stem in named}
    surnames = "|".join(sorted((re.escape(stem) for stem in stems), key=len, reverse=True))
    alone: list[tuple[re.Match[str], tuple[str, str]]] = []
    for m in re.finditer(rf"(?<![\w-])(?:{surnames}){_CASE_ENDING}(?![\w-])", text):
        if free(m.start(), m.end()):
            key = _holder(_longest_stem(m.group(0), stems), m.start(), full)
            named[key].add(m.group(0))
            alone.append((m, key))
            spans.append((m.start(), m.end()))
    # The name as a person is called: the given name as listed, the surname as written after
    # it in the nominative ("Віталій Приходько ... Приходька взяли"), else in its shortest
    # form seen ("По словам Михаила Тарасова ... Тарасов уверен": Михаил Тарасов).
    people = {key: Entity(f"{key[0]} {_surname_as_called(key[0], forms, nominative.get(key))}", "person", None, {}) for key, forms in named.items()}
    found = [Mention(m.start(), m.end(), m.group(0), people[key], False) for m, key in [*full, *alone]]
    by_given: dict[str, list[Entity]] = {}
    for (given, _), person in people.items():
        by_given.setdefault(given, []).append(person)
    # "пані Галина", "Mr Moroz", or the given name alone ("the evening Taras phoned"): the one
    # person of that name
    for m in [*pats.titled.finditer(text), *pats.given_alone.finditer(text)]:
        word = m.group("name")
        stem = next((s for s in sorted(stems, key=len, reverse=True) if word.startswith(s)), None)
        holders = [people[_holder(stem, m.start(), full)]] if stem else by_given.get(_nominative(word, pats), [])
        if len(holders) == 1 and free(m.start(), m.end()):
            found.append(Mention(m.start(), m.end(), m.group(0), holders[0], False))
            spans.append((m.start(), m.end()))
    found += _titled_again(text, full, people, pats, free, spans)
    return sorted(found, key=lambda x: x.start)


def _full_names(text: str, pats: _Patterns) -> list[re.Match[str]]:
    """Given name + surname, where the "surname" is no given name that starts the next name:
    "Дружина Олексія Марта Бондарук" is Марта Бондарук (Олексія is someone else's name)."""
    found: list[re.Match[str]] = []
    pos = 0
    while (m := pats.full_name.search(text, pos)) is not None:
        surname = m.group("surname")
        if _nominative(surname, pats) in pats.listed and re.match(rf"\s+{_WORD}", text[m.end() :]):
            pos = m.start("surname")  # the next name starts at the "surname"
            continue
        found.append(m)
        pos = m.end()
    return found


_TWO_WORDS = re.compile(rf"(?P<given>{_WORD})\s+(?P<surname>{_WORD})(?![\w-])")


def _titled_names(text: str, pats: _Patterns) -> list[re.Match[str]]:
    """A name right after a title ("Vinnytsia region governor Roman Levchenko"), whatever the
    given name: the title says it is a person's."""
    found = []
    for _, pattern in pats.titles:
        for title in pattern.finditer(text):
            m = _TWO_WORDS.match(text, title.end() + 1) if text[title.end() : title.end() + 1] == " " else None
            if m and not m.group("given").isupper() and _nominative(m.group("given"), pats) not in pats.listed:
                found.append(m)
    return found


def _apposed_names(text: str, pats: _Patterns) -> list[re.Match[str]]:
    """Two or three capitalised words whose role follows after a comma ("Volker Türk, the UN
    High Commissioner for Human Rights, urged …"): a person, whatever the given name."""
    return [m for m in pats.apposed.finditer(text) if not m.group("given").isupper() and not m.group("surname").isupper()]


def _titled_again(
    text: str,
    full: list[tuple[re.Match[str], tuple[str, str]]],
    people: dict[tuple[str, str], Entity],
    pats: _Patterns,
    free: Callable[[int, int], bool],
    spans: list[tuple[int, int]],
) -> list[Mention]:
    """A title seen right before one person's full name ("губернатор региона Сергей Журавлев")
    names that person where it stands alone ("Губернатор также сообщил")."""
    holders: dict[str, set[tuple[str, str]]] = {}
    for kind, pattern in pats.titles:
        for m, key in full:
            before = text[max(0, m.start() - 60) : m.start()]
            titles = list(pattern.finditer(before))
            title = titles[-1] if titles else None
            # the title, then at most two words ("губернатор региона", "governor of Kharkiv")
            if title is not None and re.fullmatch(r"\s*(?:[\w'\u2019-]+\s+){0,2}", before[title.end() :]):
                holders.setdefault(kind, set()).add(key)
    found = []
    for kind, pattern in pats.titles:
        if len(holders.get(kind, ())) != 1:
            continue
        person = people[next(iter(holders[kind]))]
        for m in pattern.finditer(text):
            if free(m.start(), m.end()):
                found.append(Mention(m.start(), m.end(), m.group(0), person, True))
                spans.append((m.start(), m.end()))
    return found


def _surname_as_called(given: str, forms: set[str], nominative: set[str] | None) -> str:
    """The surname as written after the nominative given name, else its shortest form seen,
    put in the nominative by its ending ("Олексієм Тарасенком": Тарасенко; "Світлани
    Петрової": Петрова)."""
    if nominative:
        return min(nominative, key=lambda f: (len(f), f))
    return _nominative_surname(min(forms, key=lambda f: (len(f), f)), is_feminine(given))


def _nominative_surname(surname: str, feminine: bool) -> str:
    """A Cyrillic surname in another case, in the nominative by its ending; as written where no ending fits."""
    for ending, replacement in _surname_endings()["feminine" if feminine else "masculine"]:
        if surname.endswith(ending) and len(surname) > len(ending) + 2:
            return surname[: -len(ending)] + replacement
    return surname


@functools.cache
def _surname_endings() -> dict[str, list[tuple[str, str]]]:
    table = load("people")["surname_nominative"]
    return {gender: sorted(table[gender].items(), key=lambda item: len(item[0]), reverse=True) for gender in ("masculine", "feminine")}


def _holder(stem: str, offset: int, full: list[tuple[re.Match[str], tuple[str, str]]]) -> tuple[str, str]:
    """Who a bare surname means: of the people with that surname, the one named last before
    it (else the first named)."""
    keys = [(m.start(), key) for m, key in full if key[1] == stem]
    before = [key for start, key in keys if start < offset]
    return before[-1] if before else keys[0][1]


def _longest_stem(word: str, stems: Iterable[str]) -> str:
    return max((stem for stem in stems if word.startswith(stem)), key=len)


@functools.cache
def _masculine_in_a() -> frozenset[str]:
    return frozenset(load("people")["masculine_in_a"].split())


def is_feminine(name: str) -> bool:
    """Whether a person's name is a woman's, by the given name (the first word): one ending in
    -a or -я is a woman's ("Ірина Дідух", "Tatyana Moskalkova") unless listed as a man's
    ("Микола", "Nikita"). For "she" and "за її словами"."""
    given = name.split()[0] if name.split() else ""
    return given.endswith(("a", "а", "я")) and given not in _masculine_in_a()
