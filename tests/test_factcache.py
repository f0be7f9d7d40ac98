"""The open data's facts as an earlier build wrote them: kept only for the same fact."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from generator.cache import article_key
from generator.factcache import FactTextCache
from generator.fingerprint import Memo, extraction_tokens
from generator.model import Story
from generator.opendata import csv_tables, data_files, fact_texts, facts_json
from generator.pipeline import _load_story, _Stopwatch


@pytest.fixture(scope="module")
def story_and_tokens(story_seeds: Path) -> tuple[Story, Memo]:
    story, extracted = _load_story(story_seeds, None, None, _Stopwatch())
    return story, extraction_tokens((article_key(f.article), f) for f in extracted)


def _kept(file: Path, story: Story, tokens: Memo) -> None:
    """An earlier build's cache: every fact of `story` written and saved in `file`."""
    cache = FactTextCache(file, tokens)
    for fact in story.facts:
        cache(fact)
    cache.save()


def test_kept_texts_are_the_facts_own(story_and_tokens: tuple[Story, Memo], tmp_path: Path) -> None:
    story, tokens = story_and_tokens
    file = tmp_path / "facts.pickle"
    first = FactTextCache(file, tokens)
    assert data_files(story, first) == data_files(story)
    assert first.written == len(story.facts)
    first.save()
    again = FactTextCache(file, tokens)
    assert data_files(story, again) == data_files(story)
    assert again.written == 0
    assert facts_json(story, again) == facts_json(story) and csv_tables(story, again) == csv_tables(story)


def test_a_fact_that_changed_is_written_again(story_and_tokens: tuple[Story, Memo], tmp_path: Path) -> None:
    story, tokens = story_and_tokens
    file = tmp_path / "facts.pickle"
    _kept(file, story, tokens)
    fact = next(f for f in story.facts if f.status == "reported")
    confirmed = fact.assessed("confirmed", fact.traits)  # a second outlet reported it
    again = FactTextCache(file, tokens)
    assert again(confirmed) == fact_texts(confirmed) != fact_texts(fact)
    assert again.written == 1


def test_facts_extraction_did_not_name_are_written_every_time(story_and_tokens: tuple[Story, Memo], tmp_path: Path) -> None:
    story, _ = story_and_tokens
    cache = FactTextCache(tmp_path / "facts.pickle", {})
    assert data_files(story, cache) == data_files(story)
    assert cache.used == {}


class _Runs:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.mkdir, (str(self.marker),)


@pytest.mark.parametrize("damage", ["truncated", "garbage", "other version", "wrong shape", "code"])
def test_a_damaged_file_gives_the_facts_own_texts(story_and_tokens: tuple[Story, Memo], tmp_path: Path, damage: str) -> None:
    story, tokens = story_and_tokens
    file = tmp_path / "facts.pickle"
    _kept(file, story, tokens)
    kept = pickle.loads(file.read_bytes())
    marker = tmp_path / "ran"
    if damage == "truncated":
        file.write_bytes(file.read_bytes()[:-100])
    elif damage == "garbage":
        file.write_bytes(b"\x80\x05not a pickle at all")
    elif damage == "other version":
        file.write_bytes(pickle.dumps({**kept, "version": "0"}))
    elif damage == "wrong shape":
        key = next(iter(kept["texts"]))
        file.write_bytes(pickle.dumps({**kept, "texts": {**kept["texts"], key: ("only the JSON",)}}))
    else:
        file.write_bytes(pickle.dumps({**kept, "texts": _Runs(marker)}))
    damaged = FactTextCache(file, tokens)
    assert damaged.kept == {}
    assert data_files(story, damaged) == data_files(story)
    assert not marker.exists(), "loading the cache ran code"
