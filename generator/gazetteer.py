"""Entities from data/gazetteer.yaml: canonical names, labels per language, aliases, roles."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .lexicon import APOSTROPHES, load, normalise_apostrophes
from .morph import forms


@dataclass(frozen=True)
class Entity:
    name: str
    kind: str  # person, organisation, country, place
    qid: str | None
    labels: dict[str, str]
    actor_only: bool = False
    capital_of: str | None = None  # the country whose government the capital can stand for

    def label(self, language: str) -> str:
        return self.labels.get(language) or self.labels.get("en") or self.name

    @property
    def is_actor(self) -> bool:
        return self.kind in ("person", "organisation", "country")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    entity: Entity
    by_role: bool  # "the Russian leader": refers to the entity without naming it


class Gazetteer:
    def __init__(self, entries: list[dict]):
        self.entities = {e["name"]: _entity(e) for e in entries}
        names: dict[str, str] = {}
        roles: dict[str, str] = {}
        holders: dict[str, list[str]] = {}
        for e in entries:
            for alias in _names_of(e):
                for form in sorted(forms(alias)):
                    names.setdefault(form, e["name"])
            for role in e.get("roles", []):
                for form in sorted(forms(role)):
                    roles.setdefault(form.lower(), e["name"])
                    holders.setdefault(form.lower(), [])
                    if e["name"] not in holders[form.lower()]:
                        holders[form.lower()].append(e["name"])
        self._names = names
        self._roles = roles
        self._holders = holders

    # Made when text is first searched: a build that only labels names (every article's facts
    # come from the extraction cache) does not need them.
    @functools.cached_property
    def _name_scanner(self) -> PhraseScanner:
        return PhraseScanner(self._names, fold_case=False)

    @functools.cached_property
    def _role_scanner(self) -> PhraseScanner:
        return PhraseScanner(self._roles, fold_case=True)

    def get(self, name: str) -> Entity | None:
        return self.entities.get(name)

    def role_holders(self, phrase: str) -> tuple[str, ...]:
        """Every entity a role phrase can refer to ("омбудсмен": both ombudspeople)."""
        return tuple(self._holders.get(phrase.lower(), ()))

    @functools.cached_property
    def _roles_by_holder(self) -> dict[str, str]:
        out: dict[str, list[str]] = {}
        for phrase, names in self._holders.items():
            for name in names:
                out.setdefault(name, []).append(phrase)
        return {name: " | ".join(phrases) for name, phrases in out.items()}

    def roles_text(self, name: str) -> str:
        """Every role phrase of an entity, in every form, in one string ("" if none)."""
        return self._roles_by_holder.get(name, "")

    def label(self, name: str, language: str) -> str:
        entity = self.entities.get(name)
        return entity.label(language) if entity else name

    def mentions(self, text: str) -> list[Mention]:
        """Named and role mentions, longest match first, never overlapping.

        Names and roles compete on length, so a role that contains a name ("Kremlin
        spokesman", "US President") refers to its holder and not to the name inside it.
        """
        candidates: list[tuple[int, int, str, bool]] = []
        for scanner, table, by_role in ((self._name_scanner, self._names, False), (self._role_scanner, self._roles, True)):
            for start, end in scanner.spans(text):
                key = text[start:end].lower() if by_role else _alias_key(text[start:end], table)
                name = table.get(key)
                if name is not None:
                    candidates.append((start, end, name, by_role))
        found: list[Mention] = []
        taken: list[tuple[int, int]] = []
        for start, end, name, by_role in sorted(candidates, key=lambda c: (c[0] - c[1], c[0], c[3])):
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            found.append(Mention(start, end, text[start:end], self.entities[name], by_role))
        return sorted(found, key=lambda x: x.start)

    def dateline_places(self, text: str, not_places: re.Pattern[str] | None = None) -> list[Mention]:
        """Places named by a dateline at a line start: "KYIV, May 24 —", "Kyiv/Moscow, June 20 (…)".

        Datelines are often in capitals ("KYIV/MOSCOW —"), which the case-sensitive name
        pattern does not see; each part is looked up as written and title-cased. With
        `not_places` (kickers such as "UPDATE —"), a name in capitals the gazetteer does not
        know is a place of its own ("VOZNESENSK —" is Voznesensk): only a place opens a dateline.
        """
        found: list[Mention] = []
        for line in _DATELINE.finditer(text):
            for part in re.finditer(r"[^/]+", line.group("names")):
                surface = part.group(0).strip()
                name = self._names.get(surface) or self._names.get(surface.title())
                entity = self.entities.get(name) if name else None
                if entity is None and not_places is not None and surface.isupper() and len(surface) > 2 and not not_places.fullmatch(surface):
                    entity = Entity(surface.title(), "place", None, {})
                if entity is not None and entity.kind == "place":
                    start = line.start("names") + part.start() + part.group(0).index(surface)
                    found.append(Mention(start, start + len(surface), surface, entity, False))
        return found


# A line that opens with place names (split by "/") and then a dash, or a comma, a date and
# a dash or a parenthesised agency.
_DATELINE = re.compile(
    r"(?m)^(?P<names>[^\W\d_]+(?:-[^\W\d_]+)*(?: [^\W\d_]+(?:-[^\W\d_]+)*)?"
    r"(?:\s*/\s*[^\W\d_]+(?:-[^\W\d_]+)*(?: [^\W\d_]+(?:-[^\W\d_]+)*)?)*)"
    # "KYIV — ", "Kyiv, June 20 (Reuters) —", and an agency's "МОСКВА, 3 ноября. /ТАСС/."
    r"(?=\s+[\u2014\u2013-]\s|,\s*(?=[^\n,.]{0,12}\d)[^\n,.(\u2014\u2013]{1,24}[(\u2014\u2013-]|,\s*\d{1,2}\s+[^\W\d_]+\.\s*/"
    # and an agency's "Київ. 14 серпня. Укрінформ."
    r"|\.\s+\d{1,2}\s+[^\W\d_]+\.\s)"
)


def _alias_key(surface: str, table: dict[str, str]) -> str:
    if surface in table:
        return surface
    folded = normalise_apostrophes(surface)
    return folded if folded in table else surface


def _entity(entry: dict) -> Entity:
    return Entity(
        name=entry["name"],
        kind=entry["kind"],
        qid=entry.get("qid"),
        labels=dict(entry.get("labels", {})),
        actor_only=bool(entry.get("actor_only", False)),
        capital_of=entry.get("capital_of"),
    )


def _names_of(entry: dict) -> list[str]:
    """The phrases an entity is named by: its name, aliases and display labels (a display name
    is a name an author may use too)."""
    return list(dict.fromkeys([entry["name"], *entry.get("aliases", []), *entry.get("labels", {}).values()]))


def inflected_phrases() -> list[str]:
    """Every phrase the gazetteer inflects, names and roles: what data/forms.json holds."""
    return [phrase for e in load("gazetteer")["entities"] for phrase in (*_names_of(e), *e.get("roles", []))]


class PhraseScanner:
    """Where any of many phrases stands in a text as whole words, the longest first at each
    place, apostrophes of every kind alike. A dictionary from each phrase's first word to the
    phrases: one regular expression of four thousand names took a quarter of a second to build
    and compile, which every build that extracts one new article paid."""

    def __init__(self, phrases: Iterable[str], fold_case: bool):
        self.fold_case = fold_case
        self.by_head: dict[str, list[str]] = {}
        for phrase in phrases:
            key = self._normal(phrase)
            head = _HEAD.match(key)
            if head is not None:
                self.by_head.setdefault(head.group(0), []).append(key)
        for keys in self.by_head.values():
            keys.sort(key=len, reverse=True)

    def _normal(self, text: str) -> str:
        text = normalise_apostrophes(text)
        if self.fold_case:
            folded = text.lower()
            # a letter whose lower case is longer ("İ") would shift every offset after it
            text = folded if len(folded) == len(text) else "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        return text

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        normal = self._normal(text)
        resume = 0
        for word in _WORD_START.finditer(normal):
            start = word.start()
            if start < resume:
                continue
            for key in self.by_head.get(word.group(0), ()):
                end = start + len(key)
                if normal.startswith(key, start) and _WORD_CHAR.match(normal, end) is None:
                    yield start, end
                    resume = end
                    break


_HEAD = re.compile(r"\w+")
_WORD_START = re.compile(r"(?<![\w-])\w+")
_WORD_CHAR = re.compile(r"[\w-]")


def prefix_pattern(phrases: Iterable[str]) -> str:
    """One regular expression for many phrases, sharing their prefixes ("Volodymyr
    Zelensky|Volodymyr Zelenskyy" -> "Volodymyr Zelensky(?:y)?"). A flat alternation of two
    thousand names was tried name by name at every position: a third of extraction time.
    A longer phrase is still tried before its prefix (the optional tail is greedy)."""
    root: dict[str, dict] = {}
    for phrase in phrases:
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [(f"[{APOSTROPHES}]" if char == "'" else re.escape(char)) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


@functools.cache
def default() -> Gazetteer:
    return Gazetteer(load("gazetteer")["entities"])
