"""The figures ledger: what kind each figure is, and where sources disagree.

Rule for discrepancies (also in README.md): two figures conflict when they come from
different sources (another speaker, or another independent outlet), count the same thing
(same noun, same direction: given vs received), are both things that happened (not offers
or agreements), are both cumulative or both for one phase, refer to the same day, and their
ranges do not overlap. A qualifier widens a value into a range: "more than 6,000" is
[6,000, ∞) and so agrees with "6,000"; "about 1,000" is ±10%; "nearly 3,000" is [2,700, 3,000].
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from collections.abc import Sequence

from .lexicon import load
from .model import DatedFact, Discrepancy, FigureTraits, Quantity, SourceGroup, StoryEvent, stable_id

_CLAUSE_BREAK = re.compile(r"[,;:.!?\u2014]|\b(?:and|while|but|і|та|а|и|но)\b")


@functools.cache
def _patterns(language: str) -> dict[str, re.Pattern[str]]:
    data = load("ledger")
    return {key: re.compile(rf"(?<!\w)(?:{table.get(language, table['en'])})(?!\w)", re.I) for key, table in data.items()}


def _clause(sentence: str, start: int, end: int) -> str:
    """The words from the last clause break before the figure to the next one after it."""
    before = sentence[:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    lo = breaks[-1].end() if breaks else 0
    after = _CLAUSE_BREAK.search(sentence, end)
    hi = after.start() if after else len(sentence)
    return sentence[lo:hi]


def _inner_sentence(sentence: str, offset: int) -> str:
    """The sentence inside a multi-sentence quote or paragraph that holds the figure."""
    start = 0
    for m in re.finditer(r"(?<=[.!?])\s+", sentence):
        if m.end() > offset:
            return sentence[start : m.start()]
        start = m.end()
    return sentence[start:]


def traits(q: Quantity, language: str) -> FigureTraits:
    pats = _patterns(language)
    sentence = q.evidence.sentence
    offset = sentence.find(q.evidence.text)
    clause = sentence if offset < 0 else _clause(sentence, offset, offset + len(q.evidence.text))
    inner = _inner_sentence(sentence, max(offset, 0))
    return FigureTraits(
        # cumulative markers often open the sentence ("So far, we have released 500 and ...")
        cumulative=bool(pats["cumulative"].search(clause) or pats["cumulative"].search(inner[: max(offset, 0)])),
        planned=bool(pats["planned"].search(clause) or pats["agreed"].search(inner)),
        direction="received" if pats["received"].search(clause) else "given",
    )


def value_range(q: Quantity) -> tuple[float, float] | None:
    if q.value is None:
        return None
    v = float(q.value)
    return {
        "more_than": (v, math.inf),
        "at_least": (v, math.inf),
        "about": (v * 0.9, v * 1.1),
        "nearly": (v * 0.9, v),
        "up_to": (0.0, v),
    }.get(q.qualifier, (v, v))


def _who(fact: DatedFact, groups: dict[str, str]) -> str:
    q = fact.fact
    assert isinstance(q, Quantity)
    return q.attributed_to or f"outlet:{groups.get(fact.citation.article.file, fact.citation.article.file)}"


def _disagree(a: DatedFact, b: DatedFact) -> bool:
    ra, rb = value_range(a.fact), value_range(b.fact)  # type: ignore[arg-type]
    if ra is None or rb is None:
        return False
    return ra[1] < rb[0] or rb[1] < ra[0]


def figure_discrepancies(facts: Sequence[DatedFact], groups: Sequence[SourceGroup]) -> list[Discrepancy]:
    group_of = {a.file: g.id for g in groups for a in g.articles}
    buckets: dict[tuple[object, ...], list[DatedFact]] = defaultdict(list)
    for fact in facts:
        if not isinstance(fact.fact, Quantity) or fact.traits is None or fact.traits.planned or fact.fact.value is None:
            continue
        t = fact.traits
        buckets[(fact.date, fact.fact.counts, t.direction, t.cumulative)].append(fact)
    out: list[Discrepancy] = []
    for (date, *_kind), members in sorted(buckets.items(), key=lambda kv: str(kv[0])):
        conflicting: dict[str, DatedFact] = {}  # by id, in order of appearance
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if _who(a, group_of) != _who(b, group_of) and _disagree(a, b):
                    conflicting.setdefault(a.id, a)
                    conflicting.setdefault(b.id, b)
        if conflicting:
            key = "|".join(sorted(conflicting))
            out.append(Discrepancy(stable_id(f"figure|{key}"), "figure", date, figures=tuple(conflicting.values())))  # type: ignore[arg-type]
    return out


def date_discrepancies(events: Sequence[StoryEvent]) -> list[Discrepancy]:
    """One event (same type and round number) placed on different days by different articles."""
    by_round: dict[tuple[str, int], list[StoryEvent]] = defaultdict(list)
    for event in events:
        if event.ordinal:
            by_round[(event.type, event.ordinal)].append(event)
    out: list[Discrepancy] = []
    for (etype, ordinal), members in sorted(by_round.items()):
        if len({e.date for e in members}) > 1:
            for event in members:
                out.append(Discrepancy(stable_id(f"date|{etype}|{ordinal}|{event.date}"), "date", event.date, events=tuple(members)))
    return out
