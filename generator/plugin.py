"""MkDocs plugin: adapts MkDocs events to the generator pipeline.

- on_config: run the pipeline once per loaded config (mkdocs-static-i18n builds every
  language with the same config, so the pages are generated once, before the first build).
- on_serve: also watch the seeds, templates and catalogs.
- on_post_build: after the last language, split the search index per language.

With Material's offline plugin enabled (``OFFLINE=true mkdocs build``) the site is browsed
from file://: pages become name.html, each language gets a search_index.js next to its
search_index.json, and the search worker runs through a vendored copy of the
iframe-worker shim (npm iframe-worker 1.0.4, MIT) instead of the CDN copy Material adds.
"""

from __future__ import annotations

import calendar
import logging
import os
import threading
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from . import htmlblocks, searchsplit
from .model import Story
from .pipeline import BuildOptions, build
from .watch import InputWatcher

log = logging.getLogger("mkdocs.plugins.briefings")


class BriefingsConfig(base.Config):
    seeds_dir = c.Type(str, default="seeds")
    """Folder of input articles (.txt with optional .meta.yaml, .md with front matter), relative to mkdocs.yml."""
    templates_dir = c.Type(str, default="templates")
    """Jinja2 templates of the generated Markdown pages."""
    locales_dir = c.Type(str, default="locales")
    """gettext catalogs: <lang>/LC_MESSAGES/messages.po (compiled to .mo during the build)."""
    split_search = c.Type(bool, default=True)
    """Write one search index per language (static-i18n merges them by default)."""
    cache_dir = c.Type(str, default=".cache/extract")
    """Extraction cache (safe to delete); an empty value turns it off."""
    page_cache = c.Type(str, default=".cache/pages.json")
    """Records of rendered pages, so a rebuild renders only pages whose inputs changed (safe to delete); empty turns it off."""


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    def __init__(self) -> None:
        self._generated_for: int | None = None
        self._languages: tuple[str, ...] = ()
        self._default_language = "en"
        self._offline = False
        self._indexed: set[str] = set()  # languages whose search index is written
        self._blocks: dict[str, list[str]] = {}  # page -> its generated HTML blocks, between Markdown and HTML
        self._options: BuildOptions | None = None
        self._watcher: InputWatcher | None = None
        self._build_lock = threading.Lock()  # the watcher's regeneration and on_config's never overlap

    def _root(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent if config.config_file_path else Path.cwd()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if self._generated_for == id(config):
            return config
        _add_theme_overrides(config)
        self._offline = _offline_enabled(config)
        if self._offline:
            _use_local_worker_shim(config)
        self._languages, self._default_language = _site_languages(config)
        root = self._root(config)
        docs_dir = Path(config.docs_dir)
        options = BuildOptions(
            seeds_dir=root / self.config.seeds_dir,
            content_dir=docs_dir,
            templates_dir=root / self.config.templates_dir,
            locales_dir=root / self.config.locales_dir,
            languages=self._languages,
            site_url=config.site_url or None,
            site_names=_site_names(config, self._languages),
            cache_dir=(root / self.config.cache_dir) if self.config.cache_dir else None,
            page_cache=(root / self.config.page_cache) if self.config.page_cache else None,
            directory_urls=bool(config.use_directory_urls) and not self._offline,
        )
        if not options.templates_dir.is_dir():
            raise PluginError(f"briefings: templates_dir '{options.templates_dir}' does not exist")
        self._options = options
        with self._build_lock:
            report = build(options)
        _pin_build_date(report.story)
        for problem in report.problems:
            log.warning(str(problem))
        log.info(f"briefings: {report.articles} articles -> {report.pages} pages ({report.written} written, {report.removed} removed)")
        self._generated_for = id(config)
        return config

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        text, blocks = htmlblocks.extract(markdown)
        if blocks:
            self._blocks[page.file.src_uri] = blocks
        return text

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return htmlblocks.restore(html, self._blocks.pop(page.file.src_uri, []))

    @event_priority(-200)  # last: the page is written once this returns
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        # mkdocs-static-i18n keeps every language's pages until the end of the build, so
        # a page's Markdown and HTML (already indexed for search and rendered to `output`)
        # would stay in memory for the whole site: drop them.
        page.markdown = None
        page.content = None
        return output

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        # Regenerate the pages as soon as an input changes; MkDocs then sees the changed
        # pages under docs_dir and rebuilds once. (Watching the inputs with server.watch
        # would build twice: once for the input, once for the pages that build wrote.)
        if self._options is not None:
            self._watcher = InputWatcher(self._options, self._build_lock)
            self._watcher.start()
        return server

    def on_shutdown(self) -> None:
        if self._watcher is not None:
            self._watcher.stop()

    @event_priority(-200)  # after mkdocs-static-i18n (-100) has merged every language's entries
    def on_post_build(self, config: MkDocsConfig) -> None:
        i18n = config.plugins.get("i18n")
        if i18n is not None and getattr(i18n, "building", False):
            # A nested build of one language is done and mkdocs-static-i18n (-100) has
            # stacked its search entries with the others': write its index now and drop
            # them, so a big site never holds every language's search text at once.
            if self.config.split_search:
                self._write_language_index(config, i18n)
            return
        if self.config.split_search:
            site_dir = Path(config.site_dir)
            searchsplit.split(site_dir, self._languages, self._default_language, scripts=self._offline, done=frozenset(self._indexed))
        self._indexed.clear()

    def _write_language_index(self, config: MkDocsConfig, i18n: Any) -> None:
        language = getattr(i18n, "current_language", None)
        entries = getattr(i18n, "search_entries", None)
        search = config.plugins.get("material/search") or config.plugins.get("search")
        index = getattr(search, "search_index", None)
        if language not in self._languages or language == self._default_language or not isinstance(entries, list) or index is None:
            return  # not the plugins this was written for: the merged index is split at the end
        mine = [e for e in entries if searchsplit.language_of(e.get("location", ""), self._languages, self._default_language) == language]
        search_config = {key: index.config[key] for key in ("separator", "pipeline", "fields") if key in index.config}
        searchsplit.write_index(Path(config.site_dir), language, self._default_language, mine, search_config, scripts=self._offline)
        entries[:] = [e for e in entries if searchsplit.language_of(e.get("location", ""), self._languages, self._default_language) != language]
        self._indexed.add(language)


THEME_OVERRIDES = Path(__file__).parent / "theme"
WORKER_SHIM = "assets/javascripts/vendor/iframe-worker-1.0.4/shim.js"


def _offline_enabled(config: MkDocsConfig) -> bool:
    offline = config.plugins.get("material/offline")
    return bool(offline is not None and offline.config.enabled)


def _use_local_worker_shim(config: MkDocsConfig) -> None:
    """Browsers refuse web workers from file://; the shim runs them in an iframe.

    Material's offline plugin adds the shim from unpkg.com unless one is listed: a page
    must never make a request that leaves the site, so list the copy in our theme.
    """
    polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
    config.extra["polyfills"] = [*polyfills, WORKER_SHIM]


def _add_theme_overrides(config: MkDocsConfig) -> None:
    """Put our small Material override (per-language search base) after the user's custom_dir."""
    dirs = config.theme.dirs
    if str(THEME_OVERRIDES) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_OVERRIDES))


def _pin_build_date(story: Story) -> None:
    """MkDocs stamps the sitemap with the build date; make it the newest article's date.

    MkDocs honours SOURCE_DATE_EPOCH (reproducible builds); a value the user set wins.
    """
    if os.environ.get("SOURCE_DATE_EPOCH") or not story.articles:
        return
    newest = max(a.published for a in story.articles)
    os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(newest.timetuple()))


def _site_names(config: MkDocsConfig, languages: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    i18n = config.plugins.get("i18n")
    names = {lang: str(config.site_name) for lang in languages}
    if i18n is not None:
        for lang in i18n.config.languages:
            if getattr(lang, "site_name", None):
                names[lang.locale] = str(lang.site_name)
    return tuple(sorted(names.items()))


def _site_languages(config: MkDocsConfig) -> tuple[tuple[str, ...], str]:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        lang = str(config.theme.get("language") or "en")
        return (lang,), lang
    languages = [lang for lang in i18n.config.languages if lang.build]
    default = next((lang.locale for lang in languages if lang.default), languages[0].locale)
    ordered = [default] + [lang.locale for lang in languages if lang.locale != default]
    return tuple(ordered), default
