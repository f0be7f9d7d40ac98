"""Frozen dataclasses passed between the pipeline stages.

ingest -> Article; extract -> ArticleFacts; consolidate -> Story. Every fact keeps the
evidence it came from: the exact substring of the article body, its span and the rule.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from dataclasses import dataclass, field, fields
from typing import Any


def stable_id(*parts: object) -> str:
    """A short id made of what a fact is (kind, article, evidence span), not of when it was
    made: it survives re-extraction and new articles, so links and corrections keep working."""
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:10]


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input file: reported, never fatal unless --strict."""

    file: str
    message: str
    field: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Article:
    file: str  # file name inside the seeds directory, e.g. "000_x.txt"
    title: str
    body: str
    published: dt.date
    language: str
    source: str | None = None
    url: str | None = None
    syndicated_from: str | None = None
    translated_from: str | None = None
    published_basis: str = "metadata"  # metadata, dateline, weekday

    @property
    def stem(self) -> str:
        return self.file.rsplit(".", 1)[0]


@dataclass(frozen=True)
class Evidence:
    """An exact substring of the article body and the rule that produced the fact."""

    text: str
    start: int
    end: int
    rule: str
    sentence: str  # the whole sentence around the evidence, for citations


@dataclass(frozen=True)
class Event:
    type: str  # prisoner_exchange, remains_return, talks, ceasefire, other
    date: dt.date
    date_basis: str  # explicit, relative, publication
    evidence: Evidence
    place: str | None = None
    ordinal: int | None = None
    participants: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quantity:
    value: int | None  # None: the figure was explicitly not disclosed
    counts: str  # prisoners, bodies, civilians, soldiers, people, children
    qualifier: str  # exact, more_than, about, nearly, up_to, at_least, undisclosed
    evidence: Evidence
    who: str = ""
    attributed_to: str | None = None


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str | None
    language: str
    evidence: Evidence


@dataclass(frozen=True)
class Claim:
    speaker: str
    gist: str
    evidence: Evidence


@dataclass(frozen=True)
class ArticleFacts:
    article: Article
    events: tuple[Event, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    candidates: tuple[str, ...] = ()  # unknown capitalised names, for curation
    # For consolidation, worked out once per article (and cached with the facts):
    shingles: frozenset[int] | None = None  # the text's word 5-grams (sources.shingles); None: not worked out
    sentence_dates: tuple[tuple[str, tuple[dt.date, ...]], ...] = ()  # evidence sentence -> dates it names, not future ones
    traits: tuple[FigureTraits, ...] | None = None  # of each quantity, in order (ledger.traits); None: not worked out


@dataclass(frozen=True)
class Citation:
    """One supporting mention of a consolidated fact.

    `speaker` is the party the sentence attributes it to ("as announced by the ministry"),
    None when the outlet states it itself.
    """

    article: Article
    evidence: Evidence
    speaker: str | None = None


@dataclass(frozen=True)
class SourceGroup:
    """Articles that are copies of one another count as one independent source."""

    id: str  # the representative article's file, or "wire:<name>"
    articles: tuple[Article, ...]
    reason: str  # independent, syndicated, near_duplicate


# How firmly a fact stands: several independent outlets or both sides -> confirmed;
# an outlet states it itself -> reported; only a party says it -> claim.
STATUSES = ("confirmed", "reported", "claim")


@dataclass(frozen=True)
class StoryEvent:
    id: str
    type: str
    date: dt.date
    citations: tuple[Citation, ...]
    place: str | None = None
    ordinal: int | None = None
    independent_sources: int = 1
    status: str = "reported"
    claimed_by: tuple[str, ...] = ()
    corrected: bool = False


@dataclass(frozen=True)
class FigureTraits:
    """What kind of figure a quantity is, read from the words around it."""

    cumulative: bool  # "so far", "in total", "have been returned"
    planned: bool  # offered, agreed, promised: not something that happened
    direction: str  # given or received, from the speaker's or outlet's point of view


@dataclass(frozen=True)
class DatedFact:
    """A quantity, quote or claim placed on the day its article reports about."""

    id: str
    date: dt.date
    fact: Quantity | Quote | Claim
    citation: Citation
    status: str = "claim"
    traits: FigureTraits | None = None  # quantities only
    corrected: bool = False

    def assessed(self, status: str, traits: FigureTraits | None) -> DatedFact:
        """This fact with its status and kind (`dataclasses.replace` is four times slower, and
        consolidation does this for every fact of the story)."""
        return DatedFact(self.id, self.date, self.fact, self.citation, status, traits, self.corrected)


# `DatedFact.assessed` lists the fields by hand: a new field must be added there.
assert [f.name for f in fields(DatedFact)] == ["id", "date", "fact", "citation", "status", "traits", "corrected"]


@dataclass(frozen=True)
class Discrepancy:
    """Sources disagree: incompatible values for one figure, or dates for one event."""

    id: str
    kind: str  # figure or date
    date: dt.date
    figures: tuple[DatedFact, ...] = ()
    events: tuple[StoryEvent, ...] = ()


@dataclass(frozen=True)
class Correction:
    """One editor's entry in seeds/corrections.yaml, and whether it matched anything."""

    index: int
    action: str  # drop, fix, add, merge
    target: str  # the fact or event id (for add: the new id)
    note: str
    changes: tuple[tuple[str, str], ...] = ()
    applied: bool = True


@dataclass(frozen=True)
class Story:
    articles: tuple[Article, ...]
    events: tuple[StoryEvent, ...]
    facts: tuple[DatedFact, ...] = ()
    problems: tuple[Problem, ...] = field(default=())
    sources: tuple[SourceGroup, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    corrections: tuple[Correction, ...] = ()
    actors: tuple[tuple[str, tuple[str, ...]], ...] = ()  # entity -> files mentioning it
    places: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def dates(self) -> tuple[dt.date, ...]:
        return tuple(sorted({e.date for e in self.events}, reverse=True))

    def group_of(self, article: Article) -> SourceGroup | None:
        return self._groups_by_file.get(article.file)

    def group_of_file(self, file: str) -> SourceGroup | None:
        return self._groups_by_file.get(file)

    @functools.cached_property
    def _groups_by_file(self) -> dict[str, SourceGroup]:
        return {a.file: g for g in self.sources for a in g.articles}

    # Indexes by day: pages, feeds and JSON-LD look the story up day by day, and scanning
    # every event and fact for each of a year's days made a build quadratic.
    def events_on(self, day: dt.date) -> tuple[StoryEvent, ...]:
        return self._events_by_day.get(day, ())

    def facts_on(self, day: dt.date) -> tuple[DatedFact, ...]:
        return self._facts_by_day.get(day, ())

    @functools.cached_property
    def briefing_days(self) -> tuple[dt.date, ...]:
        """The days with a dated page (an event or a fact on them), newest first."""
        return tuple(sorted(self._events_by_day.keys() | self._facts_by_day.keys(), reverse=True))

    @functools.cached_property
    def _events_by_day(self) -> dict[dt.date, tuple[StoryEvent, ...]]:
        return _by_day(self.events)

    @functools.cached_property
    def _facts_by_day(self) -> dict[dt.date, tuple[DatedFact, ...]]:
        return _by_day(self.facts)


def _by_day(items: tuple[Any, ...]) -> dict[dt.date, tuple[Any, ...]]:
    days: dict[dt.date, list[Any]] = {}
    for item in items:
        days.setdefault(item.date, []).append(item)
    return {day: tuple(found) for day, found in days.items()}
