"""The Atom feed per language: ids, localized titles, xml:lang, data-derived dates, determinism."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from babel.support import NullTranslations

from generator.feeds import atom_feed, briefing_url, cited_articles, language_root
from generator.i18n import Formatter, translations
from generator.model import Story
from generator.pipeline import load_story

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "story"
LANGUAGES = ("en", "uk", "ru", "de", "fr")
SITE = "https://example.org/briefings/"
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def days_of(story: Story) -> list[dt.date]:
    return sorted({e.date for e in story.events} | {f.date for f in story.facts}, reverse=True)


def parse(xml: str) -> ET.Element:
    return ET.fromstring(xml.encode("utf-8"))


@pytest.mark.parametrize("which", ["seeds", "fixture"])
@pytest.mark.parametrize("language", ["en", "uk"])
def test_feed_entries(which: str, language: str, locales: Path, request: pytest.FixtureRequest) -> None:
    story: Story = request.getfixturevalue(f"{which}_story")
    tr = translations(locales, language)
    feed = parse(atom_feed(story, language, tr, SITE, "feed.xml"))
    prefix = SITE if language == "en" else f"{SITE}{language}/"

    assert feed.tag == f"{ATOM}feed"
    assert feed.get(XML_LANG) == language
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {"self": f"{prefix}feed.xml", "alternate": prefix}
    assert feed.findtext(f"{ATOM}id") == f"{prefix}feed.xml"
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None  # required by RFC 4287

    entries = feed.findall(f"{ATOM}entry")
    days = days_of(story)
    assert days, "the story has briefings"
    assert [e.findtext(f"{ATOM}id") for e in entries] == [f"{prefix}briefings/{d.isoformat()}/" for d in days]
    cited = cited_articles(story)
    fmt = Formatter(language)
    for entry, day in zip(entries, days, strict=True):
        assert entry.findtext(f"{ATOM}title") == tr.gettext("Briefing: %(date)s") % {"date": fmt.date(day)}
        (link,) = entry.findall(f"{ATOM}link")
        assert link.get("href") == entry.findtext(f"{ATOM}id")
        assert link.get("rel") in (None, "alternate")  # Atom's default rel is alternate
        newest = max(a.published for a in cited[day])
        assert entry.findtext(f"{ATOM}updated") == f"{newest.isoformat()}T00:00:00+00:00"
    # The feed is as new as its newest entry, never the build time.
    assert feed.findtext(f"{ATOM}updated") == max(e.findtext(f"{ATOM}updated") or "" for e in entries)


def test_ukrainian_titles_and_summaries(fixture_story: Story, locales: Path) -> None:
    tr = translations(locales, "uk")
    feed = parse(atom_feed(fixture_story, "uk", tr, SITE, "feed.xml"))
    newest = feed.find(f"{ATOM}entry")
    assert newest is not None
    assert newest.findtext(f"{ATOM}title") == "Огляд: 26 червня 2025\u202fр."  # CLDR puts a narrow no-break space before р.
    summary = newest.find(f"{ATOM}summary")
    assert summary is not None and summary.get("type") == "text"
    assert (summary.text or "").startswith("Обмін полоненими: 1")
    assert "Цифри: " in (summary.text or "")
    english = parse(atom_feed(fixture_story, "en", translations(locales, "en"), SITE, "feed.xml"))
    assert english.findtext(f"{ATOM}entry/{ATOM}title") == "Briefing: June 26, 2025"


@pytest.mark.parametrize("language", LANGUAGES)
def test_feed_is_byte_identical_across_calls(fixture_story: Story, locales: Path, language: str) -> None:
    # feedgen stamps now() unless `updated` is set: a second call would differ if any date slipped through.
    tr = translations(locales, language)
    first = atom_feed(fixture_story, language, tr, SITE, "feed.xml")
    second = atom_feed(fixture_story, language, translations(locales, language), SITE, "feed.xml")
    assert first == second
    assert first.startswith("<?xml version='1.0' encoding='UTF-8'?>")


def test_new_article_moves_updated(fixture_story: Story, seeds_story: Story) -> None:
    # The fixtures add 26 June articles; the 20 June entry exists in both stories.
    before = parse(atom_feed(seeds_story, "en", NullTranslations(), SITE, "feed.xml"))
    after = parse(atom_feed(fixture_story, "en", NullTranslations(), SITE, "feed.xml"))
    assert before.findtext(f"{ATOM}updated") == "2025-06-20T00:00:00+00:00"
    assert after.findtext(f"{ATOM}updated") == "2025-06-26T00:00:00+00:00"
    ids_before = {e.findtext(f"{ATOM}id") for e in before.findall(f"{ATOM}entry")}
    ids_after = {e.findtext(f"{ATOM}id") for e in after.findall(f"{ATOM}entry")}
    assert ids_before < ids_after  # entry ids are stable: existing ones survive new articles


def test_site_url_forms() -> None:
    assert language_root("https://example.org", "en") == "https://example.org/"
    assert language_root("https://example.org/sub", "uk") == "https://example.org/sub/uk/"
    assert language_root("https://example.org/sub/", "uk") == "https://example.org/sub/uk/"
    assert briefing_url("http://h/x/", "fr", dt.date(2025, 6, 2)) == "http://h/x/fr/briefings/2025-06-02/"
    for bad in ("", "/briefings/", "example.org", "file:///tmp/site/"):
        with pytest.raises(ValueError):
            language_root(bad, "en")


def test_feed_path_and_empty_story(tmp_path: Path) -> None:
    story = load_story(tmp_path)  # no articles at all
    feed = parse(atom_feed(story, "de", NullTranslations(), "https://example.org", "/feed.xml", title="Lageberichte"))
    assert feed.findall(f"{ATOM}entry") == []
    assert feed.findtext(f"{ATOM}title") == "Lageberichte"
    assert feed.findtext(f"{ATOM}updated") == "1970-01-01T00:00:00+00:00"
    assert {link.get("href") for link in feed.findall(f"{ATOM}link")} == {"https://example.org/de/feed.xml", "https://example.org/de/"}


def test_feed_keeps_the_most_recently_updated_briefings(fixture_story: Story, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import feeds

    days = days_of(fixture_story)
    assert len(days) > 2
    cited = cited_articles(fixture_story)
    updated = {day: max((a.published for a in cited.get(day, [])), default=day) for day in days}
    expected = sorted(sorted(days, key=lambda d: (updated[d], d), reverse=True)[:2], reverse=True)
    monkeypatch.setattr(feeds, "FEED_ENTRIES", 2)
    feed = parse(atom_feed(fixture_story, "en", NullTranslations(), SITE, "feed.xml"))
    ids = [e.findtext(f"{ATOM}id") for e in feed.findall(f"{ATOM}entry")]
    assert ids == [f"{SITE}briefings/{d.isoformat()}/" for d in expected]
    assert feed.findtext(f"{ATOM}updated") == f"{max(updated.values()).isoformat()}T00:00:00+00:00"
