"""Page fingerprints name what extraction made instead of pickling it (generator/fingerprint.py)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from generator.cache import article_key, facts_from_json, facts_to_json
from generator.consolidate import consolidate
from generator.extract import extract
from generator.fingerprint import ValuePickler, digest, extraction_tokens
from generator.ingest import read_article
from generator.model import ArticleFacts, Quantity

ROOT = Path(__file__).resolve().parent.parent


def _extracted() -> list[ArticleFacts]:
    return [extract(read_article(path)) for path in sorted((ROOT / "seeds").glob("*.txt"))]


def _facts_digest(extracted: list[ArticleFacts], facts: tuple[object, ...] | None = None) -> str:
    story = consolidate(extracted)
    pickler = ValuePickler(tokens=extraction_tokens((article_key(f.article), f) for f in extracted))
    return digest(pickler.dumps(list(story.facts if facts is None else facts)))


def test_fresh_and_cached_extractions_give_the_same_fingerprints() -> None:
    fresh = _extracted()
    cached = [facts_from_json(f.article, json.loads(json.dumps(facts_to_json(f)))) for f in fresh]
    assert _facts_digest(fresh) == _facts_digest(cached)


def test_what_consolidation_decides_and_what_corrections_change_is_in_the_fingerprint() -> None:
    extracted = _extracted()
    story = consolidate(extracted)
    tokens = extraction_tokens((article_key(f.article), f) for f in extracted)

    def of(facts: list[object]) -> str:
        return digest(ValuePickler(tokens=tokens).dumps(facts))

    first = story.facts[0]
    base = of([first])
    assert of([dataclasses.replace(first, status="confirmed" if first.status != "confirmed" else "claim")]) != base
    assert of([dataclasses.replace(first, date=first.date.replace(year=first.date.year - 1))]) != base
    figure = next(f for f in story.facts if isinstance(f.fact, Quantity) and f.fact.value is not None)
    assert isinstance(figure.fact, Quantity) and figure.fact.value is not None
    fixed = dataclasses.replace(figure, fact=dataclasses.replace(figure.fact, value=figure.fact.value + 1), corrected=True)
    assert of([fixed]) != of([figure])
    # a figure made again (not the object extraction named) is fingerprinted by value: a name
    # never stands for something else
    copy = dataclasses.replace(figure, fact=dataclasses.replace(figure.fact))
    assert ValuePickler(tokens=tokens)._named_fact(copy) is None
    assert ValuePickler(tokens=tokens)._named_fact(figure) is not None
