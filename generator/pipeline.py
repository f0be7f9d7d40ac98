"""The whole generator: seeds -> ingest -> extract -> consolidate -> render -> content/."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import extract_all
from .consolidate import consolidate
from .corrections import load_corrections
from .feeds import atom_feed, briefing_url
from .i18n import Formatter, compile_catalogs, translations
from .ingest import ingest_dir
from .model import Problem, Story
from .opendata import csv_tables, facts_json, facts_schema, jsonld_for_day
from .render import render_site
from .writer import write_pages

if TYPE_CHECKING:
    from babel.support import NullTranslations


@dataclass(frozen=True)
class BuildOptions:
    seeds_dir: Path
    content_dir: Path
    templates_dir: Path = Path("templates")
    locales_dir: Path = Path("locales")
    languages: tuple[str, ...] = ("en", "uk", "ru", "de", "fr", "tr")
    site_url: str | None = None  # absolute http(s) URL of the published site; feeds need it
    site_names: tuple[tuple[str, str], ...] = ()  # language -> site name, for feed titles
    cache_dir: Path | None = None  # extraction cache; None: extract everything every time
    progress: Callable[[int, int], None] | None = None  # called as (done, total) while extracting
    directory_urls: bool = True  # False for a build browsed from file:// (pages as name.html)


@dataclass(frozen=True)
class BuildReport:
    story: Story
    articles: int
    pages: int
    written: int
    removed: int
    problems: tuple[Problem, ...]


CORRECTIONS_FILE = "corrections.yaml"


def load_story(seeds_dir: Path, cache_dir: Path | None = None, progress: Callable[[int, int], None] | None = None) -> Story:
    if not seeds_dir.is_dir():
        return consolidate([], [Problem(str(seeds_dir), "the seeds directory does not exist")])
    ingested = ingest_dir(seeds_dir)
    corrections, problems = load_corrections(seeds_dir / CORRECTIONS_FILE)
    facts = extract_all(list(ingested.articles), cache_dir, progress=progress)
    return consolidate(facts, (*ingested.problems, *problems), corrections)


FEED = "feed.xml"
DATA_DIR = "data"


def _jsonld(story: Story, language: str, site_url: str | None, catalog: NullTranslations) -> dict[dt.date, str]:
    """schema.org JSON-LD per dated page (the page as a Report citing its articles)."""
    days = {e.date for e in story.events} | {f.date for f in story.facts}
    out: dict[dt.date, str] = {}
    for day in days:
        url = briefing_url(site_url, language, day) if site_url else f"briefings/{day.isoformat()}/"
        headline = catalog.gettext("Briefing: %(date)s") % {"date": Formatter(language).date(day)}
        out[day] = jsonld_for_day(story, day, language, url, headline=headline)
    return out


def build(options: BuildOptions) -> BuildReport:
    story = load_story(options.seeds_dir, options.cache_dir, options.progress)
    problems = list(story.problems)
    for catalog_problem in compile_catalogs(options.locales_dir, options.languages):
        problems.append(Problem(f"locales/{catalog_problem.language}", catalog_problem.message))
    pages: dict[str, str] = {}
    default = options.languages[0]
    names = dict(options.site_names)
    for language in options.languages:
        catalog = translations(options.locales_dir, language)
        rendered = render_site(
            story,
            language,
            catalog,
            options.templates_dir,
            jsonld=_jsonld(story, language, options.site_url, catalog),
            default_language=default,
            has_feed=bool(options.site_url),
            directory_urls=options.directory_urls,
        )
        pages.update({f"{language}/{rel}": text for rel, text in rendered.items()})
        if options.site_url:
            pages[f"{language}/{FEED}"] = atom_feed(story, language, catalog, options.site_url, FEED, title=names.get(language))
    # Open data is language-neutral: one copy, in the default language's tree (the site root).
    pages[f"{default}/{DATA_DIR}/facts.json"] = facts_json(story)
    pages[f"{default}/{DATA_DIR}/facts.schema.json"] = facts_schema()
    pages.update({f"{default}/{DATA_DIR}/{name}": text for name, text in csv_tables(story).items()})
    report = write_pages(options.content_dir, pages)
    return BuildReport(story, len(story.articles), len(pages), report.written, report.removed, (*problems, *report.problems))
