"""The whole generator: seeds -> ingest -> extract -> consolidate -> render -> content/."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import multiprocessing
import multiprocessing.connection
import os
import time
import traceback
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING

from .background import can_fork, meanwhile
from .cache import article_key, extract_all
from .consolidate import consolidate
from .corrections import load_corrections
from .factcache import FactTextCache
from .feeds import atom_feed, briefing_url
from .fingerprint import Memo, extraction_tokens
from .i18n import Formatter, compile_catalogs, translations
from .ingest import ingest_dir
from .model import ArticleFacts, Problem, Story
from .opendata import data_files, fact_texts, jsonld_for_day
from .pagecache import PageCache, PageRecord, setup_key
from .render import PagePlan, RenderSettings, plan_pages, render_pages
from .writer import PageWriter, WriterShare

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
    page_cache: Path | None = None  # records of rendered pages; None: render every page every time


@dataclass(frozen=True)
class BuildReport:
    story: Story
    articles: int
    pages: int
    written: int
    removed: int
    problems: tuple[Problem, ...]
    timings: tuple[tuple[str, float], ...] = ()  # (stage, seconds), for benchmarks and debugging


class _Stopwatch:
    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps[stage] = self.laps.get(stage, 0.0) + now - self._last
        self._last = now


CORRECTIONS_FILE = "corrections.yaml"


def load_story(seeds_dir: Path, cache_dir: Path | None = None, progress: Callable[[int, int], None] | None = None) -> Story:
    return _load_story(seeds_dir, cache_dir, progress, _Stopwatch())[0]


def _load_story(seeds_dir: Path, cache_dir: Path | None, progress: Callable[[int, int], None] | None, watch: _Stopwatch) -> tuple[Story, list[ArticleFacts]]:
    """The story, and what extraction gave for each article (it names the story's facts for the page cache)."""
    if not seeds_dir.is_dir():
        return consolidate([], [Problem(str(seeds_dir), "the seeds directory does not exist")]), []
    ingested = ingest_dir(seeds_dir)
    corrections, problems = load_corrections(seeds_dir / CORRECTIONS_FILE)
    watch.lap("ingest")
    facts = extract_all(list(ingested.articles), cache_dir, progress=progress)
    watch.lap("extract")
    story = consolidate(facts, (*ingested.problems, *problems), corrections)
    watch.lap("consolidate")
    return story, facts


FEED = "feed.xml"
DATA_DIR = "data"


class _JsonLd(Mapping[dt.date, str]):
    """schema.org JSON-LD per dated page (the page as a Report citing its articles) in one
    language, made when a page asks for it: most pages of a rebuild are kept, not rendered."""

    def __init__(self, story: Story, language: str, site_url: str | None, catalog: NullTranslations) -> None:
        self.story, self.language, self.site_url, self.catalog = story, language, site_url, catalog
        self._made: dict[dt.date, str] = {}

    def __getitem__(self, day: dt.date) -> str:
        if day not in self._made:
            if not self.story.events_on(day) and not self.story.facts_on(day):
                raise KeyError(day)
            url = briefing_url(self.site_url, self.language, day) if self.site_url else f"briefings/{day.isoformat()}/"
            headline = self.catalog.gettext("Briefing: %(date)s") % {"date": Formatter(self.language).date(day)}
            self._made[day] = jsonld_for_day(self.story, day, self.language, url, headline=headline)
        return self._made[day]

    def __iter__(self) -> Iterator[dt.date]:
        return iter(self.story.briefing_days)

    def __len__(self) -> int:
        return len(self.story.briefing_days)


def _jsonld_key(story: Story, day: dt.date) -> str:
    """A day's JSON-LD without what depends on the language (the headline, URL and
    language: the page cache's setup key covers those); asked once per day, by the worker
    that fingerprints the day's page."""
    return jsonld_for_day(story, day, "", "", headline="")


Rendered = tuple[dict[str, str | None], dict[str, PageRecord]]  # one language's pages and page-cache records
PARALLEL_PAGES = 120  # below this many pages to render (all languages), worker processes cost more than they save
PARALLEL_ARTICLES = 300  # from this many, even a rebuild that renders few pages gains from two processes
_shared: tuple[Story, list[PagePlan], BuildOptions, PageCache | None, dict[str, str], set[str]] | None = None  # for forked workers


def _setup(options: BuildOptions, language: str) -> str:
    default, has_feed = options.languages[0], bool(options.site_url)
    return setup_key(
        options.templates_dir,
        options.locales_dir,
        language,
        default_language=default,
        has_feed=has_feed,
        directory_urls=options.directory_urls,
        site_url=options.site_url,  # in the JSON-LD of dated pages
    )


def _render_language(story: Story, plans: list[PagePlan], options: BuildOptions, cache: PageCache | None, setups: dict[str, str], language: str) -> Rendered:
    """One language's pages and feed ({path under content/: text}), and its page-cache records."""
    default = options.languages[0]
    has_feed = bool(options.site_url)
    catalog = translations(options.locales_dir, language)
    jsonld = _JsonLd(story, language, options.site_url, catalog)
    reuse = None
    if cache is not None:
        reuse = cache.for_language(language, setups[language])
    settings = RenderSettings(
        options.templates_dir,
        default_language=default,
        has_feed=has_feed,
        directory_urls=options.directory_urls,
        code_cache=options.page_cache.parent / "templates" if options.page_cache else None,
    )
    rendered = render_pages(story, plans, language, catalog, settings, jsonld=jsonld, reuse=reuse)
    pages = {f"{language}/{rel}": text for rel, text in rendered.items()}
    if options.site_url:
        title = dict(options.site_names).get(language)
        pages[f"{language}/{FEED}"] = atom_feed(story, language, catalog, options.site_url, FEED, title=title)
    pending = {rel: entry for rel, entry in cache.pending.items() if rel.startswith(f"{language}/")} if cache else {}
    return pages, pending


def _render_and_write(language: str) -> tuple[WriterShare, dict[str, PageRecord], int]:
    """In a worker: one language's pages, written to content/ here (they are this
    language's own files); what was written and the page-cache records go back."""
    assert _shared is not None
    story, plans, options, cache, setups, previous = _shared
    pages, pending = _render_language(story, plans, options, cache, setups, language)
    writer = PageWriter(options.content_dir, buffer_characters=0, previous=previous)
    for rel in sorted(pages):
        writer.write(rel, pages[rel])
    return writer.share(), pending, len(pages)


def _render_all(
    story: Story, plans: list[PagePlan], options: BuildOptions, cache: PageCache | None, setups: dict[str, str], writer: PageWriter
) -> Iterator[tuple[dict[str, PageRecord], int]]:
    """Render and write every language, in worker processes when there is much to render
    (or a big story) and more than one core; gives each language's
    page-cache records and page count, in the order the languages are done.
    """
    if len(story.articles) >= PARALLEL_ARTICLES and can_fork():
        yield from _render_in_workers(story, plans, options, cache, setups, writer)
        return
    first = options.languages[0]
    stale = sum(1 for plan in plans if cache is None or not cache.may_keep(first, setups[first], plan))
    if stale * len(options.languages) >= PARALLEL_PAGES and can_fork():
        yield from _render_in_workers(story, plans, options, cache, setups, writer)
        return
    # Written one language at a time: holding every language's pages of a big story at
    # once took more memory than the rest of the build.
    for language in options.languages:
        pages, pending = _render_language(story, plans, options, cache, setups, language)
        for rel in sorted(pages):
            writer.write(rel, pages[rel])
        yield pending, len(pages)


def _render_in_workers(
    story: Story, plans: list[PagePlan], options: BuildOptions, cache: PageCache | None, setups: dict[str, str], writer: PageWriter
) -> Iterator[tuple[dict[str, PageRecord], int]]:
    """One forked worker per core, each with every n-th language. Forked, the workers share
    the story, the plans and their fingerprints without copying; each writes its languages'
    pages itself."""
    global _shared
    context = multiprocessing.get_context("fork")
    count = min(len(options.languages), os.cpu_count() or 1)
    if cache is not None:
        cache.digest_all(plans)
    _shared = (story, plans, options, cache, setups, writer.previous)
    processes: list[BaseProcess] = []
    receiving: list[Connection] = []
    finished = False
    try:
        for part in range(count):
            reader, sender = context.Pipe(duplex=False)
            worker = context.Process(target=_worker, args=(part, count, sender), name=f"render {part + 1}")
            worker.start()
            sender.close()
            processes.append(worker)
            receiving.append(reader)
        waiting = {id(reader): reader for reader in receiving}
        expected = {id(reader): len(options.languages[part::count]) for part, reader in enumerate(receiving)}
        while waiting:
            for ready in multiprocessing.connection.wait(list(waiting.values())):
                connection = waiting[id(ready)]
                try:
                    kind, value = connection.recv()
                except EOFError:  # the worker closed its end: done, or dead without a word
                    del waiting[id(ready)]
                    if expected[id(ready)]:  # killed or out of memory (its partner may wait for it forever)
                        part = receiving.index(connection)
                        processes[part].join()
                        raise RuntimeError(f"a rendering worker stopped before its languages were done (exit code {processes[part].exitcode})") from None
                    continue
                if kind == "error":
                    raise RuntimeError(f"rendering the pages failed:\n{value}")
                share, pending, pages = value
                writer.absorb(share)
                expected[id(ready)] -= 1
                yield pending, pages
        finished = True
    finally:
        _shared = None
        for process in processes:
            if not finished:  # a worker failed or the build stopped: the others' work is moot
                process.kill()
            process.join()
        for reader in receiving:
            reader.close()


def _worker(part: int, count: int, connection: Connection) -> None:
    assert _shared is not None
    options = _shared[2]
    try:
        for language in options.languages[part::count]:
            connection.send(("done", _render_and_write(language)))
    except BaseException:  # noqa: BLE001 - reported in the parent, with its traceback
        connection.send(("error", traceback.format_exc()))
    connection.close()


BACKGROUND_OPEN_DATA = 300  # articles; from this many, open data is made in another process


@contextlib.contextmanager
def _long_lived_data() -> Iterator[None]:
    """Python's cyclic collector, told that the story and the plans stay to the end.

    A build makes millions of small objects that live until it ends; the collector walked
    them again and again (a tenth of a rebuild's time). The frozen ones are left out of its
    passes, and in forked workers their pages are not touched (so not copied). Collections
    are rarer, and everything is handed back to the collector when the build ends.
    """
    threshold = gc.get_threshold()
    gc.set_threshold(50_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def build(options: BuildOptions) -> BuildReport:
    with _long_lived_data():
        return _build(options)


def _build(options: BuildOptions) -> BuildReport:
    watch = _Stopwatch()
    story, extracted = _load_story(options.seeds_dir, options.cache_dir, options.progress, watch)
    gc.freeze()
    # What extraction made, named for the page cache and the open data's fact texts: made
    # once, before the open data's process forks.
    tokens = extraction_tokens((article_key(f.article), f) for f in extracted) if options.page_cache else None
    fork = len(story.articles) >= BACKGROUND_OPEN_DATA and can_fork()
    with meanwhile(lambda: _write_open_data(story, tokens, options), "making the open data", fork=fork) as open_data_written:
        return _plan_and_render(story, tokens, options, watch, open_data_written)


FACT_TEXTS = "facts.pickle"  # next to the page cache: the open data's facts as written (`factcache`)


def _write_open_data(story: Story, tokens: Memo | None, options: BuildOptions) -> tuple[WriterShare, int]:
    """The data files, written where the site root's pages are: they are language-neutral
    (one copy); what was written goes to the writer that finishes the build."""
    writer = PageWriter(options.content_dir, buffer_characters=0)
    kept = None
    if options.page_cache and tokens is not None:
        kept = FactTextCache(options.page_cache.with_name(FACT_TEXTS), tokens)
    data = data_files(story, kept or fact_texts)
    for name in sorted(data):
        writer.write(f"{options.languages[0]}/{DATA_DIR}/{name}", data[name])
    if kept is not None:
        kept.save()
    return writer.share(), len(data)


def _plan_and_render(
    story: Story, tokens: Memo | None, options: BuildOptions, watch: _Stopwatch, open_data_written: Callable[[], tuple[WriterShare, int]]
) -> BuildReport:
    problems = list(story.problems)
    for catalog_problem in compile_catalogs(options.locales_dir, options.languages):
        problems.append(Problem(f"locales/{catalog_problem.language}", catalog_problem.message))
    plans = plan_pages(story)
    gc.freeze()
    cache = None
    if options.page_cache:
        cache = PageCache(options.page_cache, options.content_dir, tokens)
        cache.day_key = functools.partial(_jsonld_key, story)
    # Each reads every template, catalog and rendering module: once per language per build.
    setups = {language: _setup(options, language) for language in options.languages} if cache else {}
    watch.lap("plan")
    writer = PageWriter(options.content_dir)
    count = 0
    for pending, language_count in _render_all(story, plans, options, cache, setups, writer):
        count += language_count
        if cache is not None:  # what a worker process recorded, for the parent to save
            cache.pending.update(pending)
    watch.lap("render (pages, JSON-LD, feeds) and write")
    share, data_count = open_data_written()
    writer.absorb(share)
    count += data_count
    watch.lap("open data (waiting for it, writing)")
    report = writer.finish()
    if cache is not None:
        cache.save(setups)
    watch.lap("finish")
    return BuildReport(story, len(story.articles), count, report.written, report.removed, (*problems, *report.problems), tuple(watch.laps.items()))
