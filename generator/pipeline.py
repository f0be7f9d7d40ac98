"""The whole generator: seeds -> ingest -> extract -> consolidate -> render -> content/."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from .consolidate import consolidate
from .corrections import load_corrections
from .extract import extract
from .i18n import compile_catalogs, translations
from .ingest import ingest_dir
from .model import Problem, Story
from .render import render_site
from .writer import write_pages

log = logging.getLogger("mkdocs.plugins.briefings")


@dataclass(frozen=True)
class BuildOptions:
    seeds_dir: Path
    content_dir: Path
    templates_dir: Path = Path("templates")
    locales_dir: Path = Path("locales")
    languages: tuple[str, ...] = ("en", "uk", "ru", "de", "fr")


@dataclass(frozen=True)
class BuildReport:
    story: Story
    articles: int
    pages: int
    written: int
    removed: int
    problems: tuple[Problem, ...]


CORRECTIONS_FILE = "corrections.yaml"


def load_story(seeds_dir: Path) -> Story:
    if not seeds_dir.is_dir():
        return consolidate([], [Problem(str(seeds_dir), "the seeds directory does not exist")])
    ingested = ingest_dir(seeds_dir)
    corrections, problems = load_corrections(seeds_dir / CORRECTIONS_FILE)
    return consolidate((extract(a) for a in ingested.articles), (*ingested.problems, *problems), corrections)


def build(options: BuildOptions) -> BuildReport:
    story = load_story(options.seeds_dir)
    problems = list(story.problems)
    for catalog_problem in compile_catalogs(options.locales_dir, options.languages):
        problems.append(Problem(f"locales/{catalog_problem.language}", catalog_problem.message))
    pages: dict[str, str] = {}
    for language in options.languages:
        rendered = render_site(story, language, translations(options.locales_dir, language), options.templates_dir)
        pages.update({f"{language}/{rel}": text for rel, text in rendered.items()})
    report = write_pages(options.content_dir, pages)
    return BuildReport(story, len(story.articles), len(pages), report.written, report.removed, (*problems, *report.problems))
