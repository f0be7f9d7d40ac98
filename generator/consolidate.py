"""Merge the facts of every article into one `Story`.

1. Articles are grouped into independent sources (sources.py): copies count once.
2. Events merge into one per (type, date); each keeps every supporting article, evidence
   sentence and the party the sentence attributes it to, if any.
3. Figures, quotes and claims are placed on the event date their own sentence names, else
   on the day their article was published (when they were said).
4. Editors' corrections apply by id (corrections.py).
5. Each fact gets a status: confirmed (two or more independent sources, or both sides),
   reported (an outlet states it itself), claim (only a party says it); figures get their
   traits and the discrepancies between sources are found (ledger.py).
Ids are short hashes of what the fact is, so they survive re-extraction and new articles.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable
from operator import itemgetter
from typing import Any

from . import ledger
from .background import can_fork, meanwhile
from .corrections import apply_corrections
from .dates import past_dates
from .lexicon import load
from .model import ArticleFacts, Citation, Claim, DatedFact, Evidence, Problem, Quantity, Quote, SourceGroup, Story, StoryEvent, stable_id
from .sources import as_groups, group_members

BACKGROUND_GROUPING = 300  # articles; from this many, sources are grouped in another process while the facts are dated


@functools.cache
def _sides() -> dict[str, str]:
    return {name: side for side, names in load("sides")["sides"].items() for name in names}


def consolidate(all_facts: Iterable[ArticleFacts], problems: Iterable[Problem] = (), corrections: list[dict[str, Any]] | None = None) -> Story:
    facts_list = sorted(all_facts, key=lambda f: (f.article.published, f.article.file))
    ordered = [f.article for f in facts_list]
    known = {f.article.file: f.shingles for f in facts_list if f.shingles is not None}
    fork = len(ordered) >= BACKGROUND_GROUPING and can_fork()
    with meanwhile(lambda: group_members(ordered, known), "grouping the sources", fork=fork) as members:
        story = _dated_story(facts_list, problems)
        story = dataclasses.replace(story, sources=as_groups(ordered, members()))
    if corrections:
        story = apply_corrections(story, corrections)
    return _assess(story)


def _dated_story(facts_list: list[ArticleFacts], problems: Iterable[Problem]) -> Story:
    """The story's articles, events and facts, each fact on its day, before sources are grouped and facts assessed."""
    events = _events(facts_list)
    event_dates = {e.date for e in events}
    keyed: list[tuple[tuple[dt.date, dt.date, str, int], DatedFact]] = []  # in page order
    for facts in facts_list:
        article = facts.article
        named = dict(facts.sentence_dates)  # an article's sentence often carries several facts
        items: list[Quantity | Quote | Claim] = [*facts.quantities, *facts.quotes, *facts.claims]
        traits = facts.traits or ()  # worked out at extraction; else in _assess
        for i, item in enumerate(items):
            ev = item.evidence
            if ev.sentence not in named:
                named[ev.sentence] = past_dates(ev.sentence, article.language, article.published)
            date = next((day for day in named[ev.sentence] if day in event_dates), article.published)
            kind = type(item).__name__.lower()
            speaker = item.attributed_to if isinstance(item, Quantity) else item.speaker
            cite = Citation(article, ev, speaker)
            fact = DatedFact(stable_id(kind, article.file, ev.start, ev.end), date, item, cite, traits=traits[i] if i < len(traits) else None)
            keyed.append(((date, article.published, article.file, ev.start), fact))
    keyed.sort(key=itemgetter(0))
    dated = [fact for _, fact in keyed]
    return Story(
        articles=tuple(f.article for f in facts_list),
        events=tuple(events),
        facts=tuple(dated),
        problems=tuple(problems),
        actors=_index(facts_list, "actors"),
        places=_index(facts_list, "places"),
    )


def _events(facts_list: list[ArticleFacts]) -> list[StoryEvent]:
    grouped: dict[tuple[str, dt.date], list[Citation]] = defaultdict(list)
    details: dict[tuple[str, dt.date], tuple[str | None, int | None]] = {}
    for facts in facts_list:
        for event in facts.events:
            key = (event.type, event.date)
            grouped[key].append(Citation(facts.article, event.evidence, _attribution(facts, event.evidence)))
            place, ordinal = details.get(key, (None, None))
            details[key] = (place or event.place, ordinal or event.ordinal)
    return [
        StoryEvent(
            id=f"{date.isoformat()}-{etype}", type=etype, date=date, citations=tuple(cites), place=details[(etype, date)][0], ordinal=details[(etype, date)][1]
        )
        for (etype, date), cites in sorted(grouped.items(), key=lambda kv: (kv[0][1], kv[0][0]))
    ]


def _attribution(facts: ArticleFacts, evidence: Evidence) -> str | None:
    """The party a sentence attributes an event to ("as announced by the ministry")."""
    for claim in facts.claims:
        if claim.evidence.start <= evidence.start < claim.evidence.end or evidence.start <= claim.evidence.start < evidence.end:
            return claim.speaker
    for quote in facts.quotes:
        if quote.evidence.start <= evidence.start < quote.evidence.end:
            return quote.speaker
    return None


def _index(facts_list: list[ArticleFacts], attribute: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    files: dict[str, list[str]] = defaultdict(list)
    for facts in facts_list:
        for name in getattr(facts, attribute):
            files[name].append(facts.article.file)
    return tuple(sorted((name, tuple(sorted(set(fs)))) for name, fs in files.items()))


def _group_ids(groups: tuple[SourceGroup, ...]) -> dict[str, str]:
    return {a.file: g.id for g in groups for a in g.articles}


def _status(outlet_groups: set[str], speakers: set[str]) -> str:
    sides = {_sides().get(s) for s in speakers} - {None}
    if len(outlet_groups) >= 2 or len(sides) >= 2:
        return "confirmed"
    return "reported" if outlet_groups else "claim"


def _assess(story: Story) -> Story:
    group_of = _group_ids(story.sources)
    events = []
    for event in story.events:
        outlets = {group_of[c.article.file] for c in event.citations if c.speaker is None}
        speakers = {c.speaker for c in event.citations if c.speaker}
        events.append(
            dataclasses.replace(
                event,
                independent_sources=len({group_of[c.article.file] for c in event.citations}),
                status=_status(outlets, speakers),
                claimed_by=tuple(sorted(speakers)),
            )
        )
    reported_by: dict[tuple[object, ...], set[str]] = defaultdict(set)
    for fact in story.facts:
        if isinstance(fact.fact, Quantity) and fact.fact.attributed_to is None:
            reported_by[(fact.date, fact.fact.value, fact.fact.counts)].add(group_of[fact.citation.article.file])
    facts = []
    for fact in story.facts:
        item = fact.fact
        if isinstance(item, Quantity):
            status = _status(reported_by[(fact.date, item.value, item.counts)], set()) if item.attributed_to is None else "claim"
            traits = fact.traits or ledger.traits(item, fact.citation.article.language)
            facts.append(fact.assessed(status, traits))
        else:
            facts.append(fact.assessed("claim", fact.traits))
    discrepancies = ledger.figure_discrepancies(facts, story.sources) + ledger.date_discrepancies(events)
    return dataclasses.replace(
        story, events=tuple(events), facts=tuple(facts), discrepancies=tuple(sorted(discrepancies, key=lambda d: (d.date, d.kind, d.id)))
    )
