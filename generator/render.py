"""Render a `Story` into Markdown pages for one site language.

Pure: returns {relative path: text}. Labels come from gettext (newstyle, so a literal
% is written %%), dates and numbers from Babel, entity names from the gazetteer's
labels. Every value that came from an article passes the `md` filter (mdsafe.inline).

Key takeaways of a dated page follow one rule (README.md, "Consolidation"): the day's
events first, confirmed before reported before claimed and more independent sources
first; then figures of things that happened before offers; then a flag for any
discrepancy; then one quote. At most five lines.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from babel.support import NullTranslations

from . import chart, langdetect, mdsafe
from .gazetteer import Gazetteer, default
from .i18n import Formatter
from .model import STATUSES, Article, Citation, Claim, DatedFact, Discrepancy, Quantity, Quote, Story, StoryEvent

RECENT_EVENTS = 10
TAKEAWAYS = 5
# Caps that keep pages of a busy year small (MkDocs' cost grows faster than page size);
# everything left out is on the dated pages and in the open data.
ENTITY_STATEMENTS = 30
ENTITY_ARTICLES = 30
SOURCE_FACTS = 12
LEDGER_ROWS = 200
DISCREPANCY_ROWS = 100


def environment(templates_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        extensions=["jinja2.ext.i18n"],
        autoescape=False,  # the output is Markdown; article text is escaped by the md filter
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = lambda value: mdsafe.inline(str(value))
    env.filters["attr"] = mdsafe.attribute
    env.filters["yamlstr"] = mdsafe.front_matter_string
    return env


@dataclass
class Footnotes:
    """Numbered citations of one page: one footnote per (article, evidence sentence)."""

    items: list[Citation] = field(default_factory=list)
    index: dict[tuple[str, str], int] = field(default_factory=dict)

    def ref(self, citation: Citation) -> str:
        key = (citation.article.file, citation.evidence.sentence)
        if key not in self.index:
            self.items.append(citation)
            self.index[key] = len(self.items)
        return f"[^{self.index[key]}]"

    def refs(self, citations: tuple[Citation, ...] | list[Citation]) -> str:
        return "".join(dict.fromkeys(self.ref(c) for c in citations))


def source_slugs(articles: tuple[Article, ...]) -> dict[str, str]:
    """A safe, unique page name per article file: the stem when it is plain, else a slug
    plus a short hash (two files 'a.txt' and 'a.md', odd or very long names never collide)."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for article in sorted(articles, key=lambda a: a.file):
        stem = article.stem
        plain = re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,80}", stem) is not None and stem.lower() not in taken
        slug = stem if plain else f"{entity_slug(stem)[:60].rstrip('-')}-{hashlib.sha1(article.file.encode()).hexdigest()[:8]}"
        taken.add(slug.lower())
        slugs[article.file] = slug
    return slugs


_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})


def entity_slug(name: str) -> str:
    """ASCII file name for an entity page: 'Çırağan Palace' -> 'ciragan-palace'.

    Names that lose letters on the way (other scripts) get a short hash, so two such
    names never share a page.
    """
    folded = unicodedata.normalize("NFKD", name.lower().translate(_LETTERS))
    ascii_name = folded.encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")[:60].strip("-")
    lost = sum(ch.isalpha() for ch in folded if not ch.isascii() and unicodedata.category(ch) != "Mn")
    if lost or not slug:
        digest = hashlib.sha1(name.encode()).hexdigest()[:8]
        slug = f"{slug}-{digest}" if slug else f"entity-{digest}"
    return slug


def _name(gaz: Gazetteer, name: str | None, language: str) -> str:
    """An entity's label in the page language; a name the gazetteer does not know (an
    unnamed source the extractor described in English) is marked as English text."""
    if not name:
        return ""
    if gaz.get(name) is not None:
        return mdsafe.inline(gaz.label(name, language))
    return f'<span lang="en">{mdsafe.inline(name)}</span>' if language != "en" else mdsafe.inline(name)


def fold_copies(facts: list[DatedFact], story: Story) -> list[DatedFact]:
    """Drop a copy's fact when the report it copies gives the same one (it is listed under Sources)."""
    seen: set[tuple[object, ...]] = set()
    kept: list[DatedFact] = []
    for fact in sorted(facts, key=lambda f: (f.citation.article.published, f.citation.article.file, f.citation.evidence.start)):
        group = story.group_of(fact.citation.article)
        item = fact.fact
        what = (item.value, item.counts, item.qualifier) if isinstance(item, Quantity) else (getattr(item, "text", None) or item.evidence.text,)
        key = (group.id if group else fact.citation.article.file, fact.date, type(item).__name__, fact.citation.speaker, *what)
        if key in seen:
            continue
        seen.add(key)
        kept.append(fact)
    order = {id(f): i for i, f in enumerate(facts)}
    return sorted(kept, key=lambda f: order[id(f)])


def _status_rank(status: str) -> int:
    return STATUSES.index(status) if status in STATUSES else len(STATUSES)


def takeaways(events: list[StoryEvent], figures: list[DatedFact], quotes: list[DatedFact], discrepancies: list[Discrepancy]) -> list[tuple[str, Any]]:
    lines: list[tuple[str, Any]] = [("event", e) for e in sorted(events, key=lambda e: (_status_rank(e.status), -e.independent_sources, e.type))]
    happened = [f for f in figures if f.traits and not f.traits.planned and isinstance(f.fact, Quantity) and f.fact.value is not None]
    offered = [f for f in figures if f not in happened and isinstance(f.fact, Quantity) and f.fact.value is not None]
    ranked = sorted(happened, key=lambda f: (_status_rank(f.status), -int(f.fact.value or 0))) + offered  # type: ignore[union-attr]
    lines += [("figure", f) for f in ranked[:2]]
    if discrepancies:
        lines.append(("discrepancy", discrepancies[0]))
    if quotes:
        lines.append(("quote", quotes[0]))
    return lines[:TAKEAWAYS]


def render_site(
    story: Story,
    language: str,
    translations: NullTranslations,
    templates_dir: Path,
    gazetteer: Gazetteer | None = None,
    jsonld: dict[dt.date, str] | None = None,
    default_language: str = "en",
    has_feed: bool = False,
    directory_urls: bool = True,
) -> dict[str, str]:
    env = environment(templates_dir)
    env.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
    fmt = Formatter(language)
    gaz = gazetteer or default()
    by_date_events: dict[dt.date, list[StoryEvent]] = defaultdict(list)
    for event in story.events:
        by_date_events[event.date].append(event)
    by_date_facts: dict[dt.date, list[DatedFact]] = defaultdict(list)
    for fact in story.facts:
        by_date_facts[fact.date].append(fact)
    by_date_discrepancies: dict[dt.date, list[Discrepancy]] = defaultdict(list)
    for disc in story.discrepancies:
        by_date_discrepancies[disc.date].append(disc)
    days = sorted(set(by_date_events) | set(by_date_facts), reverse=True)
    slugs = source_slugs(story.articles)
    known_entities = {name for name, _ in (*story.actors, *story.places)} | {f.citation.speaker for f in story.facts if f.citation.speaker}
    common: dict[str, Any] = {
        "lang": language,
        "fmt": fmt,
        "name": lambda n: _name(gaz, n, language),
        "names": lambda ns: ", ".join(_name(gaz, n, language) for n in ns),
        "entity_link": lambda n, prefix: (
            f"[{_name(gaz, n, language)}]({prefix}entities/{entity_slug(n)}.md)" if n in known_entities else _name(gaz, n, language)
        ),
        "plain_name": lambda n: gaz.label(n, language) if n else "",
        "source_slug": lambda article: slugs[article.file],
        # Articles are grouped in one page per month of publication (a page per article per
        # language does not scale); each has its own anchor there.
        "source_href": lambda article, prefix: f"{prefix}sources/{article.published:%Y-%m}.md#{slugs[article.file]}",
        "group_of": story.group_of,
        "chart_file": chart.FILE_NAME,
        "default_language": default_language,
        "source_facts": SOURCE_FACTS,
        "has_feed": has_feed,
        # Plain HTML links (to the data files) need the page's depth: figures.md is
        # figures/index.html with directory URLs and figures.html without (file:// builds).
        "directory_urls": directory_urls,
    }
    pages: dict[str, str] = {}
    timeline = sorted(story.events, key=lambda e: (e.date, e.type), reverse=True)
    for day in days:
        facts = fold_copies(by_date_facts.get(day, []), story)
        events = by_date_events.get(day, [])
        context = {
            **common,
            "day": day,
            "events": events,
            "figures": [f for f in facts if isinstance(f.fact, Quantity)],
            "quotes": [f for f in facts if isinstance(f.fact, Quote)],
            "claims": [f for f in facts if isinstance(f.fact, Claim)],
            "discrepancies": [dataclasses.replace(d, figures=tuple(fold_copies(list(d.figures), story))) for d in by_date_discrepancies.get(day, [])],
            "earlier": _earlier(events, story.events, day),
            "later": _later(events, story.events, day),
            "notes": Footnotes(),
            "jsonld": (jsonld or {}).get(day),
        }
        context["sources"] = _sources_of(context, story)
        context["takeaways"] = takeaways(context["events"], context["figures"], context["quotes"], context["discrepancies"])
        pages[f"briefings/{day.isoformat()}.md"] = env.get_template("briefing.md.j2").render(context)
    facts_by_article: dict[str, list[DatedFact]] = defaultdict(list)
    for fact in story.facts:
        facts_by_article[fact.citation.article.file].append(fact)
    events_by_article: dict[str, list[StoryEvent]] = defaultdict(list)
    for event in story.events:
        for cite in event.citations:
            if event not in events_by_article[cite.article.file]:
                events_by_article[cite.article.file].append(event)
    by_month: dict[dt.date, list[Article]] = defaultdict(list)
    for article in story.articles:
        by_month[article.published.replace(day=1)].append(article)
    for month, month_articles in sorted(by_month.items()):
        entries = [(a, events_by_article[a.file], facts_by_article[a.file]) for a in sorted(month_articles, key=lambda a: (a.published, a.file))]
        pages[f"sources/{month:%Y-%m}.md"] = env.get_template("sources.md.j2").render({**common, "month": month, "entries": entries})
    pages["sources/index.md"] = env.get_template("sources_index.md.j2").render(
        {**common, "months": [(month, len(items)) for month, items in sorted(by_month.items(), reverse=True)]}
    )
    pages.update(_entity_pages(env, common, story, known_entities))
    figures = fold_copies([f for f in story.facts if isinstance(f.fact, Quantity)], story)
    ledger = sorted(figures, key=lambda f: (f.date, f.id), reverse=True)
    pages["figures.md"] = env.get_template("figures.md.j2").render({**common, "figures": ledger[:LEDGER_ROWS], "total": len(ledger), "notes": Footnotes()})
    pages[chart.FILE_NAME] = chart.svg(figures, fmt, translations)
    newest_first = list(reversed(story.discrepancies))
    pages["discrepancies.md"] = env.get_template("discrepancies.md.j2").render(
        {**common, "discrepancies": newest_first[:DISCREPANCY_ROWS], "total": len(newest_first), "notes": Footnotes()}
    )
    notes_language = langdetect.detect(" ".join(c.note for c in story.corrections)) if story.corrections else "en"
    pages["corrections.md"] = env.get_template("corrections.md.j2").render({**common, "corrections": story.corrections, "editor_language": notes_language})
    pages["timeline.md"] = env.get_template("timeline.md.j2").render({**common, "events": timeline})
    latest = days[0] if days else None
    pages["index.md"] = env.get_template("home.md.j2").render(
        {
            **common,
            "latest": latest,
            "latest_events": by_date_events.get(latest, []) if latest else [],
            "recent": timeline[:RECENT_EVENTS],
            "article_count": len(story.articles),
            "source_count": len(story.sources),
            "discrepancy_count": len(story.discrepancies),
            "days": days,
        }
    )
    return pages


def _earlier(events: list[StoryEvent], all_events: tuple[StoryEvent, ...], day: dt.date) -> list[StoryEvent]:
    """The previous stage of each of the day's events, and the last talks round before it."""
    found: list[StoryEvent] = []
    for event in events:
        before = [e for e in all_events if e.date < day]
        same = [e for e in before if e.type == event.type]
        talks = [e for e in before if e.type == "talks"]
        for candidate in (same[-1] if same else None, talks[-1] if talks else None):
            if candidate and candidate not in found:
                found.append(candidate)
    return sorted(found, key=lambda e: (e.date, e.type), reverse=True)


def _later(events: list[StoryEvent], all_events: tuple[StoryEvent, ...], day: dt.date) -> list[StoryEvent]:
    found: list[StoryEvent] = []
    for event in events:
        after = [e for e in all_events if e.date > day and e.type == event.type]
        if after and after[0] not in found:
            found.append(after[0])
    return sorted(found, key=lambda e: (e.date, e.type))


def _sources_of(context: dict[str, Any], story: Story) -> list[tuple[Article, list[Article]]]:
    """The page's articles grouped by independent source: (representative, copies)."""
    seen: dict[str, Article] = {}
    for event in context["events"]:
        for cite in event.citations:
            seen.setdefault(cite.article.file, cite.article)
    for key in ("figures", "quotes", "claims"):
        for fact in context[key]:
            seen.setdefault(fact.citation.article.file, fact.citation.article)
    grouped: dict[str, list[Article]] = defaultdict(list)
    for article in sorted(seen.values(), key=lambda a: (a.published, a.file)):
        group = story.group_of(article)
        grouped[group.id if group else article.file].append(article)
    return [(members[0], members[1:]) for members in grouped.values()]


def _entity_pages(env: jinja2.Environment, common: dict[str, Any], story: Story, known: set[str]) -> dict[str, str]:
    gaz: Gazetteer = default()
    mentions = dict(story.actors) | dict(story.places)
    pages: dict[str, str] = {}
    entries = []
    for name in sorted(known):
        entity = gaz.get(name)
        said = sorted((f for f in story.facts if f.citation.speaker == name), key=lambda f: (f.date, f.id), reverse=True)
        earlier: dict[dt.date, int] = defaultdict(int)
        for f in said[ENTITY_STATEMENTS:]:
            earlier[f.date] += 1
        events = [e for e in story.events if e.place == name or name in e.claimed_by]
        files = mentions.get(name, ())
        articles = sorted((a for a in story.articles if a.file in files), key=lambda a: (a.published, a.file), reverse=True)
        kind = entity.kind if entity else "unknown"
        entries.append((name, kind))
        pages[f"entities/{entity_slug(name)}.md"] = env.get_template("entity.md.j2").render(
            {
                **common,
                "entity_name": name,
                "entity": entity,
                "kind": kind,
                "statements": said[:ENTITY_STATEMENTS],
                "earlier_statements": sorted(earlier.items(), reverse=True),
                "entity_events": sorted(events, key=lambda e: e.date, reverse=True),
                "articles": articles[:ENTITY_ARTICLES],
                "more_articles": max(0, len(articles) - ENTITY_ARTICLES),
                "notes": Footnotes(),
            }
        )
    pages["entities/index.md"] = env.get_template("entities.md.j2").render({**common, "entries": entries, "entity_slug": entity_slug})
    return pages
