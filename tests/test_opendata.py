"""Open data: facts.json against its schema, CSV tables, JSON-LD, determinism and injection guards."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator.model import Article, Quote, Story
from generator.opendata import FORMULA_STARTS, csv_tables, facts_json, facts_schema, guard, jsonld_for_day
from generator.pipeline import load_story

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "story"
DAY = dt.date(2025, 6, 26)
HOSTILE = "</script><script>alert(1)</script> & <!--"


def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(facts_schema())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def retitle(story: Story, file: str, title: str, source: str) -> Story:
    """The story with one article's title and outlet changed everywhere it is referenced."""
    old = next(a for a in story.articles if a.file == file)
    new = dataclasses.replace(old, title=title, source=source)

    def swap(article: Article) -> Article:
        return new if article == old else article

    def cite(c: Any) -> Any:
        return dataclasses.replace(c, article=swap(c.article))

    return dataclasses.replace(
        story,
        articles=tuple(swap(a) for a in story.articles),
        events=tuple(dataclasses.replace(e, citations=tuple(cite(c) for c in e.citations)) for e in story.events),
        facts=tuple(dataclasses.replace(f, citation=cite(f.citation)) for f in story.facts),
        sources=tuple(dataclasses.replace(g, articles=tuple(swap(a) for a in g.articles)) for g in story.sources),
    )


# --- facts.json ------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["seeds", "fixture"])
def test_facts_json_round_trip(which: str, request: pytest.FixtureRequest) -> None:
    story: Story = request.getfixturevalue(f"{which}_story")
    text = facts_json(story)
    doc = json.loads(text)
    validator().validate(doc)
    assert doc["schema"] == "facts.schema.json" and doc["version"]
    assert doc["as_of"] == max(a.published for a in story.articles).isoformat()
    # Everything in the story is there, under the ids the site shows.
    assert [a["file"] for a in doc["articles"]] == sorted(a.file for a in story.articles)
    assert {e["id"] for e in doc["events"]} == {e.id for e in story.events}
    fact_ids = {f["id"] for kind in ("figures", "quotes", "claims") for f in doc[kind]}
    assert fact_ids == {f.id for f in story.facts}
    assert len(fact_ids) == len(story.facts)
    # Every reference resolves.
    files = {a["file"] for a in doc["articles"]}
    groups = {g["id"] for g in doc["source_groups"]}
    assert {a["source_group"] for a in doc["articles"]} <= groups
    citations = [c for e in doc["events"] for c in e["citations"]] + [f["citation"] for k in ("figures", "quotes", "claims") for f in doc[k]]
    assert {c["article"] for c in citations} <= files
    bodies = {a.file: a.body for a in story.articles}
    for c in citations:  # evidence is an exact quote of the article at its span
        start, end = c["span"]
        assert bodies[c["article"]][start:end] == c["evidence"]
    figure_ids = {f["id"] for f in doc["figures"]}
    event_ids = {e["id"] for e in doc["events"]}
    for disc in doc["discrepancies"]:
        assert set(disc["figures"]) <= figure_ids and set(disc["events"]) <= event_ids


def test_facts_json_content(fixture_story: Story) -> None:
    doc = json.loads(facts_json(fixture_story))
    (event,) = [e for e in doc["events"] if e["date"] == DAY.isoformat()]
    assert (event["place"], event["status"], event["independent_sources"], event["corrected"]) == ("Belarus", "confirmed", 2, True)
    assert doc["corrections"] == [
        {
            "index": 1,
            "action": "fix",
            "target": "2025-06-26-prisoner_exchange",
            "note": "the handover took place at the Belarusian border, not in Istanbul",
            "changes": [{"field": "place", "value": "Belarus"}],
            "applied": True,
        }
    ]
    undisclosed = [f for f in doc["figures"] if f["qualifier"] == "undisclosed"]
    assert undisclosed and all(f["value"] is None for f in undisclosed)
    assert any(d["kind"] == "figure" and d["date"] == DAY.isoformat() for d in doc["discrepancies"])
    relay = next(a for a in doc["articles"] if a["file"] == "fx_b_dailyrelay.txt")
    assert relay["source_group"] == next(a["source_group"] for a in doc["articles"] if a["file"] == "fx_a_globalwire.txt")


def test_schema_rejects_what_it_should(fixture_story: Story) -> None:
    doc = json.loads(facts_json(fixture_story))
    check = validator()
    for broken in (
        {**doc, "events": [{**doc["events"][0], "status": "rumour"}]},
        {**doc, "figures": [{**doc["figures"][0], "value": "6000"}]},
        {**doc, "articles": [{**doc["articles"][0], "published": "20 June"}]},
        {**doc, "surprise": 1},
        {k: v for k, v in doc.items() if k != "claims"},
    ):
        with pytest.raises(jsonschema.ValidationError):
            check.validate(broken)


def test_every_schema_field_is_documented() -> None:
    schema = json.loads(facts_schema())
    missing: list[str] = []

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            for name, prop in node.get("properties", {}).items():
                if "description" not in prop:
                    missing.append(f"{path}.{name}")
            for key, value in node.items():
                walk(value, f"{path}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{path}[{i}]")

    walk(schema, "#")
    assert missing == []
    assert set(schema["$defs"]) == {"article", "citation", "claim", "correction", "discrepancy", "event", "figure", "quote", "source_group"}


def test_facts_json_is_deterministic(fixture_story: Story, story_seeds: Path) -> None:
    text = facts_json(fixture_story)
    assert text == facts_json(fixture_story)
    assert facts_schema() == facts_schema()
    # Set iteration order depends on the hash seed: another interpreter must give the same bytes.
    script = (
        "import sys; from pathlib import Path; from generator.pipeline import load_story; from generator.opendata import facts_json; "
        "sys.stdout.buffer.write(facts_json(load_story(Path(sys.argv[1]))).encode())"
    )
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-c", script, str(story_seeds)], cwd=ROOT, env=env, capture_output=True, timeout=300, check=True)
        assert result.stdout.decode("utf-8") == text, f"PYTHONHASHSEED={seed}"


# --- CSV -----------------------------------------------------------------------------------


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_tables_parse_back(fixture_story: Story) -> None:
    tables = csv_tables(fixture_story)
    assert sorted(tables) == ["claims.csv", "events.csv", "figures.csv", "quotes.csv", "sources.csv"]
    assert tables == csv_tables(fixture_story)
    doc = json.loads(facts_json(fixture_story))
    events = rows(tables["events.csv"])
    assert [r["id"] for r in events] == [e["id"] for e in doc["events"]]
    june26 = next(r for r in events if r["date"] == DAY.isoformat())
    assert (june26["place"], june26["status"], june26["independent_sources"], june26["corrected"]) == ("Belarus", "confirmed", "2", "true")
    assert june26["articles"].split("; ") == ["fx_a_globalwire.txt", "fx_b_dailyrelay.txt", "fx_c_kyivledger.txt"]
    figures = rows(tables["figures.csv"])
    assert [r["id"] for r in figures] == [f["id"] for f in doc["figures"]]
    for row, fig in zip(figures, doc["figures"], strict=True):
        assert row["value"] == ("" if fig["value"] is None else str(fig["value"]))
        assert row["evidence"] == fig["citation"]["evidence"]
    assert [r["id"] for r in rows(tables["quotes.csv"])] == [q["id"] for q in doc["quotes"]]
    assert [r["id"] for r in rows(tables["claims.csv"])] == [c["id"] for c in doc["claims"]]
    sources = rows(tables["sources.csv"])
    assert [r["file"] for r in sources] == [a["file"] for a in doc["articles"]]
    assert {r["group_reason"] for r in sources} <= {"independent", "syndicated", "near_duplicate"}


def test_csv_headers_without_rows(tmp_path: Path) -> None:
    tables = csv_tables(load_story(tmp_path))
    for name, text in tables.items():
        assert text.count("\n") == 1 and text.startswith(("id,", "file,")), name


def test_guard() -> None:
    for start in FORMULA_STARTS:
        assert guard(f"{start}1+1") == f"'{start}1+1".replace("\r", "\n")
    assert guard("a\rb\r\nc") == "a\nb\nc"  # a lone carriage return would start a new row
    assert guard("Zelensky said") == "Zelensky said"
    assert guard("") == ""
    assert guard(-5) == -5  # numbers stay numbers


def test_csv_injection_guard(fixture_story: Story) -> None:
    story = retitle(fixture_story, "fx_c_kyivledger.txt", title='=HYPERLINK("http://evil.example","click")', source="@SUM(A1:A9)")
    quote = next(f for f in story.facts if isinstance(f.fact, Quote))
    assert isinstance(quote.fact, Quote)
    hostile_quote = dataclasses.replace(quote, fact=dataclasses.replace(quote.fact, text="+cmd|' /C calc'!A0"))
    story = dataclasses.replace(story, facts=tuple(hostile_quote if f is quote else f for f in story.facts))
    tables = csv_tables(story)
    ledger = next(r for r in rows(tables["sources.csv"]) if r["file"] == "fx_c_kyivledger.txt")
    assert ledger["title"] == '\'=HYPERLINK("http://evil.example","click")'
    assert ledger["source"] == "'@SUM(A1:A9)"
    (row,) = [r for r in rows(tables["quotes.csv"]) if r["id"] == quote.id]
    assert row["text"] == "'+cmd|' /C calc'!A0"
    for name, text in tables.items():
        for record in rows(text):
            for column, cell in record.items():
                assert not cell.startswith(FORMULA_STARTS), (name, column, cell)
    # facts.json is data, not a spreadsheet: the text stays exactly as written.
    assert json.loads(facts_json(story))["articles"][-1]["title"].startswith("=HYPERLINK")


# --- JSON-LD --------------------------------------------------------------------------------


class Scripts(HTMLParser):
    """Collects what a browser would treat as the text of each script element."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.inside = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.scripts[-1] += data


def test_jsonld_for_day(fixture_story: Story) -> None:
    url = "https://example.org/uk/briefings/2025-06-26/"
    text = jsonld_for_day(fixture_story, DAY, "uk", url, headline="Огляд: 26 червня 2025 р.")
    assert text == jsonld_for_day(fixture_story, DAY, "uk", url, headline="Огляд: 26 червня 2025 р.")
    data = json.loads(text)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Report"
    assert (data["headline"], data["datePublished"], data["inLanguage"], data["url"]) == ("Огляд: 26 червня 2025 р.", "2025-06-26", "uk", url)
    cited = {c["name"]: c for c in data["citation"]}
    assert {c["publisher"]["name"] for c in data["citation"]} == {"Global Wire", "Daily Relay", "Kyiv Ledger"}
    assert all(c["@type"] == "NewsArticle" and c["datePublished"] == "2025-06-26" for c in data["citation"])
    assert cited["Ukrainian defenders return home in a new exchange"]["url"] == "https://example.org/kyiv-ledger/exchange-26-june"
    assert data["about"] == [
        {
            "@type": "Event",
            "identifier": "2025-06-26-prisoner_exchange",
            "name": "Prisoner exchange",
            "startDate": "2025-06-26",
            "location": {"@type": "Place", "name": "Belarus"},
        }
    ]
    plain = json.loads(jsonld_for_day(fixture_story, dt.date(2025, 6, 2), "en", "https://example.org/briefings/2025-06-02/"))
    assert plain["headline"] == "Briefing: 2025-06-02"
    assert [e["name"] for e in plain["about"]] == ["Talks"]


def test_jsonld_cannot_break_out_of_its_script(fixture_story: Story) -> None:
    story = retitle(fixture_story, "fx_c_kyivledger.txt", title=HOSTILE, source="A & B <Media>")
    text = jsonld_for_day(story, DAY, "en", "https://example.org/briefings/2025-06-26/?a=1&b=<2>")
    assert not {"<", ">", "&"} & set(text)
    page = f'<html><head><script type="application/ld+json">{text}</script></head><body></body></html>'
    parser = Scripts()
    parser.feed(page)
    assert parser.scripts == [text]  # one script element, holding exactly the JSON
    data = json.loads(parser.scripts[0])
    assert HOSTILE in {c["name"] for c in data["citation"]}  # the escapes decode to the same text
    assert "A & B <Media>" in {c["publisher"]["name"] for c in data["citation"]}
