"""Render a `Story` into Markdown pages for one site language.

Pure: returns {relative path: text}. Labels come from gettext (newstyle, so a literal
% is written %%), dates and numbers from Babel, entity names from the gazetteer's
labels. Every value that came from an article passes the `md` filter (mdsafe.inline).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from babel.support import NullTranslations

from . import mdsafe
from .gazetteer import Gazetteer, default
from .i18n import Formatter
from .model import Article, Citation, Claim, DatedFact, Quantity, Quote, Story, StoryEvent

RECENT_EVENTS = 10


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
        return "".join(self.ref(c) for c in citations)


def source_slug(article: Article) -> str:
    return article.stem


def render_site(story: Story, language: str, translations: NullTranslations, templates_dir: Path, gazetteer: Gazetteer | None = None) -> dict[str, str]:
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
    days = sorted(set(by_date_events) | {d for d in by_date_facts if d in by_date_events or _has_statements(by_date_facts[d])}, reverse=True)
    common: dict[str, Any] = {
        "lang": language,
        "fmt": fmt,
        "name": lambda n: gaz.label(n, language) if n else "",
        "source_slug": source_slug,
    }
    pages: dict[str, str] = {}
    for i, day in enumerate(days):
        notes = Footnotes()
        context = {
            **common,
            "day": day,
            "events": by_date_events.get(day, []),
            "figures": [f for f in by_date_facts.get(day, []) if isinstance(f.fact, Quantity)],
            "quotes": [f for f in by_date_facts.get(day, []) if isinstance(f.fact, Quote)],
            "claims": [f for f in by_date_facts.get(day, []) if isinstance(f.fact, Claim)],
            "earlier": days[i + 1 : i + 4],
            "later": list(reversed(days[max(0, i - 3) : i])),
            "notes": notes,
        }
        context["sources"] = _sources_of(context)
        pages[f"briefings/{day.isoformat()}.md"] = env.get_template("briefing.md.j2").render(context)
    facts_by_article: dict[str, list[DatedFact]] = defaultdict(list)
    for fact in story.facts:
        facts_by_article[fact.citation.article.file].append(fact)
    events_by_article: dict[str, list[StoryEvent]] = defaultdict(list)
    for event in story.events:
        for cite in event.citations:
            if event not in events_by_article[cite.article.file]:
                events_by_article[cite.article.file].append(event)
    for article in story.articles:
        pages[f"sources/{source_slug(article)}.md"] = env.get_template("source.md.j2").render(
            {**common, "article": article, "events": events_by_article[article.file], "facts": facts_by_article[article.file]}
        )
    timeline = sorted(story.events, key=lambda e: (e.date, e.type), reverse=True)
    pages["timeline.md"] = env.get_template("timeline.md.j2").render({**common, "events": timeline})
    latest = days[0] if days else None
    pages["index.md"] = env.get_template("home.md.j2").render(
        {
            **common,
            "latest": latest,
            "latest_events": by_date_events.get(latest, []) if latest else [],
            "recent": timeline[:RECENT_EVENTS],
            "article_count": len(story.articles),
            "days": days,
        }
    )
    return pages


def _has_statements(facts: list[DatedFact]) -> bool:
    return bool(facts)


def _sources_of(context: dict[str, Any]) -> list[Article]:
    seen: dict[str, Article] = {}
    for event in context["events"]:
        for cite in event.citations:
            seen.setdefault(cite.article.file, cite.article)
    for key in ("figures", "quotes", "claims"):
        for fact in context[key]:
            seen.setdefault(fact.citation.article.file, fact.citation.article)
    return sorted(seen.values(), key=lambda a: (a.published, a.file))


def independent_sources(citations: tuple[Citation, ...]) -> int:
    return len({c.article.file for c in citations})
