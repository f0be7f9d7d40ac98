import datetime as dt
from typing import Any

import pytest

from generator.consolidate import consolidate
from generator.extract import extract
from generator.model import Article, Quantity


def article(file: str, body: str, published: dt.date = dt.date(2025, 6, 20), source: str = "Outlet") -> Article:
    return Article(file=file, title=file, body=body, published=published, language="en", source=source)


def test_events_merge_across_articles_by_type_and_date() -> None:
    a = extract(article("a.txt", "Russia and Ukraine held a prisoner exchange on June 20."))
    b = extract(article("b.txt", "On Friday, June 20, another exchange of prisoners took place.", source="Other"))
    story = consolidate([b, a])
    assert [(e.id, [c.article.file for c in e.citations]) for e in story.events] == [("2025-06-20-prisoner_exchange", ["a.txt", "b.txt"])]


def test_facts_sit_on_the_event_date_their_sentence_names() -> None:
    body = (
        "The second round of talks took place in Istanbul on June 2. The sides agreed to return 6,000 bodies on June 2. "
        "Putin said 1,200 prisoners would be freed."
    )
    story = consolidate([extract(article("a.txt", body))])
    figures = {(f.fact.value, f.date.isoformat()) for f in story.facts if isinstance(f.fact, Quantity)}
    assert figures == {(6000, "2025-06-02"), (1200, "2025-06-20")}


def test_ids_are_stable_across_runs_and_input_order() -> None:
    a = extract(article("a.txt", "A prisoner exchange took place on June 14. Putin said 500 prisoners were released."))
    b = extract(article("b.txt", "Talks took place on June 2.", source="B"))
    first, second = consolidate([a, b]), consolidate([b, a])
    assert [f.id for f in first.facts] == [f.id for f in second.facts]
    assert [e.id for e in first.events] == [e.id for e in second.events]
    assert first == second


def test_what_extraction_works_out_for_consolidation_does_not_change_the_story() -> None:
    """Shingles and sentence dates come with the (cached) facts; without them consolidation
    works them out itself, with the same result."""
    import dataclasses
    import shutil
    import tempfile
    from pathlib import Path

    from generator.ingest import ingest_dir

    root = Path(__file__).resolve().parent
    with tempfile.TemporaryDirectory() as tmp:
        for path in [*(root.parent / "seeds").iterdir(), *(root / "fixtures" / "story").glob("fx_*")]:
            shutil.copy2(path, Path(tmp) / path.name)
        facts = [extract(a) for a in ingest_dir(Path(tmp)).articles]
    assert all(f.shingles for f in facts) and any(f.sentence_dates for f in facts)
    bare = [dataclasses.replace(f, shingles=None, sentence_dates=()) for f in facts]
    assert consolidate(bare) == consolidate(facts)


def test_sources_grouped_in_another_process_give_the_same_story(monkeypatch: pytest.MonkeyPatch) -> None:
    """A big story's sources are grouped in a forked process while the facts are dated."""
    from generator import background
    from generator import consolidate as consolidation

    wire = "Ukraine and Russia exchanged 84 prisoners of war on June 20, the Coordination Headquarters said."
    facts = [
        extract(article("a.txt", wire, source="Wire")),
        extract(article("b.txt", wire + " More to follow.", source="Relay")),
        extract(article("c.txt", "Talks took place in Istanbul on June 2.", source="Other")),
    ]
    here = consolidate(facts)
    monkeypatch.setattr(consolidation, "BACKGROUND_GROUPING", 0)
    monkeypatch.setattr(background.threading, "active_count", lambda: 1)
    monkeypatch.setattr(background.os, "cpu_count", lambda: 2)
    forked = []
    real = background.meanwhile

    def watched(work: Any, what: str, *, fork: bool) -> Any:
        forked.append(fork)
        return real(work, what, fork=fork)

    monkeypatch.setattr(consolidation, "meanwhile", watched)
    assert consolidate(facts) == here
    assert forked == [True]
    assert [len(group.articles) for group in here.sources] == [2, 1]
