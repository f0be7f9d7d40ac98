"""Consolidation rules: independent sources, status, figures ledger, discrepancies, corrections."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.consolidate import consolidate
from generator.corrections import load_corrections
from generator.extract import extract
from generator.ledger import traits, value_range
from generator.model import Article, Evidence, Quantity
from generator.pipeline import load_story
from generator.sources import group_sources

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "story"
DAY = dt.date(2025, 6, 26)


def article(file: str, body: str, source: str = "Outlet", syndicated_from: str | None = None) -> Article:
    return Article(file=file, title=file, body=body, published=DAY, language="en", source=source, syndicated_from=syndicated_from)


def test_wire_copies_and_near_duplicates_count_once() -> None:
    text = "Russia and Ukraine exchanged prisoners on June 26 near the border, officials in both capitals said on Thursday evening."
    groups = group_sources(
        [
            article("a.txt", text, "A"),
            article("b.txt", text.replace("Thursday evening", "Thursday night"), "B"),
            article("c.txt", "Talks in Istanbul ended without agreement on a ceasefire, the delegations said.", "C"),
            article("d.txt", "Another text entirely about a different matter.", "D", syndicated_from="Wire"),
            article("e.txt", "A second relay of the wire about yet another matter.", "E", syndicated_from="wire"),
        ]
    )
    assert sorted(tuple(a.file for a in g.articles) for g in groups) == [("a.txt", "b.txt"), ("c.txt",), ("d.txt", "e.txt")]
    assert {g.id: g.reason for g in groups} == {"a.txt": "near_duplicate", "c.txt": "independent", "wire:Wire": "syndicated"}


def test_story_from_fixtures(story_seeds: Path) -> None:
    story = load_story(story_seeds)
    assert story.problems == ()
    (event,) = [e for e in story.events if e.date == DAY]
    assert (event.independent_sources, event.status, event.place, event.corrected) == (2, "confirmed", "Belarus", True)
    assert len(event.citations) == 3  # the relay is listed, but counted once
    figure = next(d for d in story.discrepancies if d.date == DAY)
    members = {(f.fact.value, f.citation.article.source, f.citation.speaker or "") for f in figure.figures}  # type: ignore[union-attr]
    assert {(150, "Global Wire", ""), (160, "Kyiv Ledger", "")} <= members  # two outlets disagree
    assert {(150, "Global Wire", "Russian Ministry of Defence"), (160, "Kyiv Ledger", "Volodymyr Zelensky")} <= members  # and the parties
    undisclosed = [f for f in story.facts if isinstance(f.fact, Quantity) and f.fact.qualifier == "undisclosed" and f.date == DAY]
    assert undisclosed and undisclosed[0].fact.counts == "civilians"
    assert [(c.action, c.target, c.applied) for c in story.corrections] == [("fix", "2025-06-26-prisoner_exchange", True)]


def test_seed_story_flags_the_cumulative_bodies_discrepancy() -> None:
    story = load_story(ROOT / "seeds")
    (disc,) = story.discrepancies
    assert sorted((f.fact.value, f.fact.attributed_to) for f in disc.figures) == [(3600, None), (6000, "Vladimir Putin")]  # type: ignore[union-attr]
    exchange = next(e for e in story.events if e.id == "2025-06-20-prisoner_exchange")
    assert (exchange.independent_sources, exchange.status) == (2, "confirmed")


def test_party_only_statements_stay_claims() -> None:
    facts = extract(article("a.txt", "According to Putin, a prisoner exchange took place on June 26. Putin said 500 prisoners were freed."))
    story = consolidate([facts])
    (event,) = story.events
    assert (event.status, event.claimed_by) == ("claim", ("Vladimir Putin",))
    assert {f.status for f in story.facts} == {"claim"}


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        ("So far, we have released 500 and received 400 back.", "500", (True, False, "given")),
        ("So far, we have released 500 and received 400 back.", "400", (True, False, "received")),
        ("We are ready to deliver another 3,000.", "3,000", (False, True, "given")),
        ("The parties reached an agreement, including the transfer of 6,000 bodies.", "6,000", (False, True, "given")),
        ("On Thursday 84 prisoners returned home.", "84", (False, False, "given")),
    ],
)
def test_figure_traits(sentence: str, number: str, expected: tuple[bool, bool, str]) -> None:
    start = sentence.index(number)
    q = Quantity(1, "prisoners", "exact", Evidence(number, start, start + len(number), "test", sentence))
    t = traits(q, "en")
    assert (t.cumulative, t.planned, t.direction) == expected


def test_qualifiers_widen_values() -> None:
    ev = Evidence("6,000", 0, 5, "test", "6,000")
    assert value_range(Quantity(6000, "bodies", "more_than", ev)) == (6000.0, float("inf"))
    assert value_range(Quantity(1000, "bodies", "about", ev)) == (900.0, 1100.0)
    assert value_range(Quantity(None, "bodies", "undisclosed", ev)) is None


def test_corrections_drop_fix_merge_add_and_report_stale(tmp_path: Path, story_seeds: Path) -> None:
    story = load_story(story_seeds)
    fact = next(f for f in story.facts if isinstance(f.fact, Quantity) and f.fact.value == 160)
    (tmp_path / "corrections.yaml").write_text(
        "corrections:\n"
        f"  - fix: {fact.id}\n    set: {{value: 150}}\n    note: the outlet corrected its figure\n"
        "  - merge: [2025-06-11-prisoner_exchange, 2025-06-13-prisoner_exchange]\n    note: one exchange\n"
        "  - drop: 2025-05-16-talks\n    note: out of scope\n"
        "  - add: {kind: quantity, article: fx_c_kyivledger.txt, evidence: 160 Ukrainian prisoners, value: 160, counts: prisoners, date: 2025-06-26}\n"
        "  - drop: 0000000000\n    note: stale\n"
        "  - frobnicate: x\n",
        encoding="utf-8",
    )
    entries, problems = load_corrections(tmp_path / "corrections.yaml")
    assert [p.field for p in problems] == ["entry 6"]
    from generator.corrections import apply_corrections

    fixed = apply_corrections(story, entries)
    assert [c.applied for c in fixed.corrections] == [True, True, True, True, False]
    assert "2025-06-13-prisoner_exchange" not in {e.id for e in fixed.events}
    assert "2025-05-16-talks" not in {e.id for e in fixed.events}
    assert next(f for f in fixed.facts if f.id == fact.id).fact.value == 150  # type: ignore[union-attr]
    assert any("0000000000" in str(p) and "no such fact" in str(p) for p in fixed.problems)


def test_corrections_file_errors_are_reported(tmp_path: Path) -> None:
    (tmp_path / "corrections.yaml").write_text("corrections: [oops\n", encoding="utf-8")
    entries, problems = load_corrections(tmp_path / "corrections.yaml")
    assert entries == [] and problems and problems[0].file == "corrections.yaml"


def test_split_moves_one_articles_mentions_into_their_own_event(story_seeds: Path) -> None:
    from generator.corrections import apply_corrections

    story = load_story(story_seeds)
    entries = [{"_action": "split", "_index": 1, "split": "2025-06-26-prisoner_exchange", "move": ["fx_c_kyivledger.txt"], "set": {"date": "2025-06-25"}}]
    fixed = apply_corrections(story, entries)
    events = {e.id: e for e in fixed.events}
    assert [c.article.file for c in events["2025-06-25-prisoner_exchange"].citations] == ["fx_c_kyivledger.txt"]
    assert "fx_c_kyivledger.txt" not in {c.article.file for c in events["2025-06-26-prisoner_exchange"].citations}
    assert fixed.corrections[0].applied


def test_a_name_the_gazetteer_does_not_know_is_marked_with_its_own_language() -> None:
    from generator.gazetteer import default
    from generator.render import _name

    gaz = default()
    assert _name(gaz, "Олег Синєгубов", "en") == '<span lang="uk">Олег Синєгубов</span>'
    assert _name(gaz, "Олег Синєгубов", "uk") == "Олег Синєгубов"
    assert _name(gaz, "Ukrainian delegation source", "de") == '<span lang="en">Ukrainian delegation source</span>'
    assert _name(gaz, "Ukrainian delegation source", "en") == "Ukrainian delegation source"
