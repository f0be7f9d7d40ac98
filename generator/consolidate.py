"""Merge the facts of every article into one `Story`.

Events merge into one per (type, date); each keeps every supporting article and
evidence sentence. Figures, quotes and claims are placed on the event date their own
sentence names, else on the day their article was published (when they were said).
Ids are short hashes of what the fact is, so they survive re-extraction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable

from .dates import find_dates
from .model import ArticleFacts, Citation, Claim, DatedFact, Problem, Quantity, Quote, Story, StoryEvent


def _id(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:10]


def consolidate(all_facts: Iterable[ArticleFacts], problems: Iterable[Problem] = ()) -> Story:
    facts_list = sorted(all_facts, key=lambda f: (f.article.published, f.article.file))
    grouped: dict[tuple[str, dt.date], list[Citation]] = defaultdict(list)
    details: dict[tuple[str, dt.date], tuple[str | None, int | None]] = {}
    for facts in facts_list:
        for event in facts.events:
            key = (event.type, event.date)
            grouped[key].append(Citation(facts.article, event.evidence))
            place, ordinal = details.get(key, (None, None))
            details[key] = (place or event.place, ordinal or event.ordinal)
    events = tuple(
        StoryEvent(
            id=f"{date.isoformat()}-{etype}", type=etype, date=date, citations=tuple(cites), place=details[(etype, date)][0], ordinal=details[(etype, date)][1]
        )
        for (etype, date), cites in sorted(grouped.items(), key=lambda kv: (kv[0][1], kv[0][0]))
    )
    event_dates = {e.date for e in events}
    dated: list[DatedFact] = []
    for facts in facts_list:
        article = facts.article
        items: list[Quantity | Quote | Claim] = [*facts.quantities, *facts.quotes, *facts.claims]
        for item in items:
            ev = item.evidence
            date = _fact_date(ev.sentence, article.language, article.published, event_dates)
            kind = type(item).__name__.lower()
            dated.append(DatedFact(_id(kind, article.file, ev.start, ev.end), date, item, Citation(article, ev)))
    dated.sort(key=lambda d: (d.date, d.citation.article.published, d.citation.article.file, d.citation.evidence.start))
    return Story(articles=tuple(f.article for f in facts_list), events=events, facts=tuple(dated), problems=tuple(problems))


def _fact_date(sentence: str, language: str, published: dt.date, event_dates: set[dt.date]) -> dt.date:
    for mention in find_dates(sentence, language, published):
        for date in mention.dates:
            if date in event_dates and not mention.future:
                return date
    return published
