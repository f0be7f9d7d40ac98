"""An Atom 1.0 feed of the dated briefings for one site language (feedgen).

Pure and deterministic: every date in the feed comes from the articles, never the clock
(feedgen stamps `updated` with now() unless told otherwise, so the feed and every entry
get theirs set explicitly). Entry ids are the briefing page URLs, which the site keeps
stable; an entry's `updated` moves when a newer article is cited that day, which is how
feed readers learn that a briefing changed.

The feed carries no article text: titles and summaries are catalog labels, Babel dates
and numbers. feedgen escapes whatever text it is given; nothing is passed as HTML.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from urllib.parse import urlsplit

from babel.support import NullTranslations
from feedgen.feed import FeedGenerator

from .i18n import Formatter
from .labels import EVENTS, labels
from .model import Article, Quantity, Story

DEFAULT_LANGUAGE = "en"  # served at the site root; the others under /<lang>/
# Before any article exists there is no date in the data; a fixed one keeps output stable.
EPOCH = dt.date(1970, 1, 1)
# Feed readers poll for what changed lately; a year of daily entries made every feed (one
# per language) as large as the site's archive and slowed every rebuild.
FEED_ENTRIES = 50


def language_root(site_url: str, language: str) -> str:
    """The absolute URL of a language's home page, ending in "/".

    `site_url` is MkDocs' `site_url`: absolute http(s), with or without a sub-path and
    trailing slash ("https://example.org/briefings"). Atom ids and links must be absolute.
    """
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"site_url must be an absolute http(s) URL, got {site_url!r}")
    root = site_url if site_url.endswith("/") else f"{site_url}/"
    return root if language == DEFAULT_LANGUAGE else f"{root}{language}/"


def briefing_url(site_url: str, language: str, day: dt.date) -> str:
    return f"{language_root(site_url, language)}briefings/{day.isoformat()}/"


def cited_articles(story: Story) -> dict[dt.date, list[Article]]:
    """Briefing day -> the articles cited on that day's page (events and facts)."""
    cited: dict[dt.date, dict[str, Article]] = defaultdict(dict)
    for event in story.events:
        for citation in event.citations:
            cited[event.date][citation.article.file] = citation.article
    for fact in story.facts:
        cited[fact.date][fact.citation.article.file] = fact.citation.article
    return {day: sorted(articles.values(), key=lambda a: a.file) for day, articles in cited.items()}


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


@dataclass(frozen=True)
class _Entry:
    """What a day's feed entry says, the same in every language."""

    day: dt.date
    updated: dt.datetime
    events: tuple[tuple[str, int], ...]  # (event type, how many), in the order of labels.EVENTS
    figures: int
    said: int


_entries: tuple[Story, dt.datetime, list[_Entry]] | None = None


def _feed_entries(story: Story) -> tuple[dt.datetime, list[_Entry]]:
    """The feed's time stamp and its entries, newest day first: worked out once per story
    for every language (a language's feed only labels them)."""
    global _entries
    if _entries is not None and _entries[0] is story:
        return _entries[1], _entries[2]
    from .render import fold_copies  # here, not at the top: render.py may import this module

    cited = cited_articles(story)
    # A day's entry changes when a newer article is cited there; a day with no citation
    # left (an editor's correction) falls back to the day itself.
    updated = {day: _midnight(max((a.published for a in cited.get(day, [])), default=day)) for day in story.briefing_days}
    newest = max(updated.values(), default=_midnight(max((a.published for a in story.articles), default=EPOCH)))
    # The most recently updated briefings (an old day a new article cites counts as new), newest day first.
    days = sorted(sorted(updated, key=lambda day: (updated[day], day), reverse=True)[:FEED_ENTRIES], reverse=True)
    entries = []
    for day in days:
        # Figures and statements are counted as the dated page lists them: a copy's fact is
        # folded into the report it copies (render.fold_copies).
        types = Counter(e.type if e.type in EVENTS else "other" for e in story.events_on(day))
        facts = fold_copies(list(story.facts_on(day)), story)
        figures = sum(1 for f in facts if isinstance(f.fact, Quantity))
        said = len(facts) - figures  # quotes and claims are listed together on the page
        entries.append(_Entry(day, updated[day], tuple((t, types[t]) for t in EVENTS if types[t]), figures, said))
    _entries = (story, newest, entries)
    return newest, entries


def _summary(entry: _Entry, translations: NullTranslations, fmt: Formatter) -> str:
    """The day at a glance in the site language, e.g. `Prisoner exchange: 1 · Figures: 4`."""
    event_labels = labels(fmt.language, translations).events
    parts = [f"{event_labels[t]}: {fmt.number(count)}" for t, count in entry.events]
    if entry.figures:
        parts.append(f"{translations.gettext('Figures')}: {fmt.number(entry.figures)}")
    if entry.said:
        parts.append(f"{translations.gettext('Statements and quotes')}: {fmt.number(entry.said)}")
    return " · ".join(parts)


def atom_feed(story: Story, language: str, translations: NullTranslations, site_url: str, feed_path: str, *, title: str | None = None) -> str:
    """The Atom feed of one language's briefings, newest first, as UTF-8 XML text: the
    FEED_ENTRIES most recently updated ones.

    `feed_path` is where the feed is served relative to the language root ("feed.xml"
    gives https://example.org/uk/feed.xml for uk); it is only used for the self link.
    `title` (the site name of that language) defaults to the catalog's "Briefings".
    """
    fmt = Formatter(language)
    root = language_root(site_url, language)
    newest, entries = _feed_entries(story)

    name = title or translations.gettext("Briefings")
    self_url = f"{root}{feed_path.lstrip('/')}"
    feed = FeedGenerator()
    feed.id(self_url)  # one feed per language, so the feed's own URL tells them apart
    feed.title(name)
    feed.author({"name": name})  # Atom requires an author; the site compiles the briefings
    feed.language(language)  # feedgen writes it as the feed's xml:lang
    feed.link(href=self_url, rel="self", type="application/atom+xml")
    feed.link(href=root, rel="alternate", type="text/html", hreflang=language)
    feed.updated(newest)
    for item in entries:
        day = item.day
        url = briefing_url(site_url, language, day)
        entry = feed.add_entry(order="append")  # feedgen prepends by default
        entry.id(url)
        entry.title(translations.gettext("Briefing: %(date)s") % {"date": fmt.date(day)})
        # feedgen 1.0.0 writes only the href of entry links (lkiesow/python-feedgen#135);
        # a link without rel means rel="alternate" in Atom, which is what this one is.
        entry.link(href=url, rel="alternate", type="text/html", hreflang=language)
        entry.updated(item.updated)
        summary = _summary(item, translations, fmt)
        if summary:
            entry.summary(summary, type="text")
    xml: bytes = feed.atom_str(pretty=True, encoding="UTF-8", xml_declaration=True)
    return xml.decode("utf-8")
