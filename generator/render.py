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

import bisect
import dataclasses
import datetime as dt
import functools
import hashlib
import posixpath
import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import jinja2
from babel.support import NullTranslations
from jinja2.bccache import Bucket
from markupsafe import Markup, escape

from . import chart, langdetect, mdsafe
from .cache import article_key
from .fingerprint import digest
from .gazetteer import Gazetteer, default
from .i18n import Formatter
from .labels import labels
from .lexicon import load
from .model import STATUSES, Article, Citation, Claim, DatedFact, Discrepancy, Quantity, Quote, SourceGroup, Story, StoryEvent

RECENT_EVENTS = 10
TAKEAWAYS = 5
# Caps that keep pages of a busy year small (MkDocs' cost grows faster than page size);
# everything left out is on the dated pages and in the open data.
ENTITY_STATEMENTS = 30
ENTITY_ARTICLES = 30
SOURCE_FACTS = 12
LEDGER_ROWS = 200
DISCREPANCY_ROWS = 100


_ENVIRONMENT_OPTIONS: dict[str, Any] = {
    "extensions": ["jinja2.ext.i18n"],
    # Markdown templates escape article text with the md filter; HTML macro files
    # (*.html.j2) are autoescaped, and what their macros return is safe markup.
    "autoescape": jinja2.select_autoescape(enabled_extensions=("html.j2",), default_for_string=False, default=False),
    "undefined": jinja2.StrictUndefined,
    "keep_trailing_newline": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
}


class _TemplateCodeCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between builds and languages (compiling them took longer than
    rendering the pages a new article changes). Jinja checks each file against its template's
    source; a damaged one is compiled again."""

    def __init__(self, directory: Path) -> None:
        # Compiled code also depends on the environment's options and Jinja's version.
        options = repr(sorted((k, v if k != "autoescape" else "html.j2") for k, v in _ENVIRONMENT_OPTIONS.items()))
        folder = directory / hashlib.sha1(f"{jinja2.__version__}{options}".encode()).hexdigest()[:16]
        folder.mkdir(parents=True, exist_ok=True)
        super().__init__(str(folder))

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # unreadable: compile from source
            bucket.reset()


def environment(templates_dir: Path, code_cache: Path | None = None) -> jinja2.Environment:
    """The Jinja environment of the site's templates; `code_cache` is a folder to keep compiled templates in."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        bytecode_cache=_TemplateCodeCache(code_cache) if code_cache else None,
        **_ENVIRONMENT_OPTIONS,
    )
    env.filters["md"] = lambda value: mdsafe.inline(str(value))
    env.filters["attr"] = mdsafe.attribute
    env.filters["yamlstr"] = mdsafe.front_matter_string
    return env


def _install_gettext(env: jinja2.Environment, translations: NullTranslations) -> None:
    """Jinja's new-style gettext (`_("… %(name)s", name=…)`, always %-formatted, markup-safe
    in autoescaped templates), with the same behaviour in one call instead of three.

    Jinja's own functions take the whole template context, which a call inside a loop
    copies; a page makes tens of thousands of these calls.
    """
    env.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
    gettext, ngettext = translations.gettext, translations.ngettext

    @jinja2.pass_eval_context
    def new_gettext(eval_ctx: jinja2.nodes.EvalContext, string: str, /, **variables: Any) -> str:
        text = gettext(string)
        return (Markup(text) if eval_ctx.autoescape else text) % variables

    @jinja2.pass_eval_context
    def new_ngettext(eval_ctx: jinja2.nodes.EvalContext, singular: str, plural: str, count: int, /, **variables: Any) -> str:
        variables.setdefault("num", count)
        text = ngettext(singular, plural, count)
        return (Markup(text) if eval_ctx.autoescape else text) % variables

    env.globals.update({"_": new_gettext, "gettext": new_gettext, "ngettext": new_ngettext})


@dataclass
class Footnotes:
    """Numbered citations of one page: one footnote per (article, evidence sentence).

    References and notes are written as HTML close to the markup of Python-Markdown's
    footnotes extension (the theme styles it): a busy day cites hundreds of sentences, and as a
    raw HTML block (templates/_html.html.j2) the notes cost MkDocs a fraction of what
    Markdown footnotes do, with their text escaped by Jinja's autoescape.
    """

    items: list[Citation] = field(default_factory=list)
    index: dict[tuple[str, str], int] = field(default_factory=dict)
    uses: dict[int, int] = field(default_factory=dict)

    def ref(self, citation: Citation) -> str:
        key = (citation.article.file, citation.evidence.sentence)
        if key not in self.index:
            self.items.append(citation)
            self.index[key] = len(self.items)
        number = self.index[key]
        self.uses[number] = self.uses.get(number, 0) + 1
        use = self.uses[number]
        anchor = f"fnref:{number}" if use == 1 else f"fnref{use}:{number}"  # ids stay unique, as in Python-Markdown
        # One element, not Python-Markdown's <sup><a>: every tag is parsed three times more
        # (search index among them), and a busy day has hundreds of references.
        return Markup(f'<a id="{anchor}" class="footnote-ref" href="#fn:{number}">{number}</a>')

    def refs(self, citations: tuple[Citation, ...] | list[Citation]) -> str:
        return Markup("".join(dict.fromkeys(self.ref(c) for c in citations)))


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


def page_url(path: str, directory_urls: bool) -> str:
    """The URL MkDocs gives a generated page, relative to the language root."""
    if not path.endswith(".md"):
        return path
    stem = path[:-3]
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index":
        return ""
    return f"{stem[:-5]}" if stem.endswith("/index") else f"{stem}/"


@functools.lru_cache(maxsize=65536)  # a page links the same few pages many times
def relative_url(source: str, target: str, directory_urls: bool) -> str:
    """A link from page `source` to page `target` (paths of generated files, `#anchor` allowed),
    for raw HTML, where MkDocs does not rewrite links."""
    target, hash_mark, anchor = target.partition("#")
    here, there = page_url(source, directory_urls), page_url(target, directory_urls)
    base = here if here.endswith("/") or not here else posixpath.dirname(here)
    url = posixpath.relpath(there or ".", base or ".")
    if there.endswith("/") or not there:
        url = "./" if url == "." else f"{url}/"
    return f"{url}{hash_mark}{anchor}"


@functools.lru_cache(maxsize=4096)
def name_language(name: str) -> str:
    """The language a name the gazetteer does not know is written in: an unnamed source the
    extractor describes in English, or a person's name as an article spells it."""
    return langdetect.detect(name)


def _name(gaz: Gazetteer, name: str | None, language: str) -> str:
    """An entity's label in the page language; a name the gazetteer does not know is marked
    with the language it is written in, where that is not the page's."""
    if not name:
        return ""
    if gaz.get(name) is not None:
        return mdsafe.inline(gaz.label(name, language))
    written = name_language(name)
    return f'<span lang="{written}">{mdsafe.inline(name)}</span>' if written != language else mdsafe.inline(name)


def _html_name(gaz: Gazetteer, name: str | None, language: str) -> Markup:
    """`_name` for HTML blocks: escaped as HTML instead of Markdown."""
    if not name:
        return Markup("")
    if gaz.get(name) is not None:
        return escape(gaz.label(name, language))
    written = name_language(name)
    return Markup('<span lang="{}">{}</span>').format(written, name) if written != language else escape(name)


def fold_copies(facts: list[DatedFact], story: Story) -> list[DatedFact]:
    """Drop a copy's fact when the report it copies gives the same one (it is listed under Sources)."""
    seen: set[tuple[object, ...]] = set()
    kept: set[int] = set()
    for fact in sorted(facts, key=lambda f: (f.citation.article.published, f.citation.article.file, f.citation.evidence.start)):
        group = story.group_of(fact.citation.article)
        item = fact.fact
        what = (item.value, item.counts, item.qualifier) if isinstance(item, Quantity) else (getattr(item, "text", None) or item.evidence.text,)
        key = (group.id if group else fact.citation.article.file, fact.date, type(item).__name__, fact.citation.speaker, *what)
        if key in seen:
            continue
        seen.add(key)
        kept.add(id(fact))
    return [f for f in facts if id(f) in kept]


def _status_rank(status: str) -> int:
    return STATUSES.index(status) if status in STATUSES else len(STATUSES)


def takeaways(events: list[StoryEvent], figures: list[DatedFact], quotes: list[DatedFact], discrepancies: list[Discrepancy]) -> list[tuple[str, Any]]:
    lines: list[tuple[str, Any]] = [("event", e) for e in sorted(events, key=lambda e: (_status_rank(e.status), -e.independent_sources, e.type))]
    happened = [f for f in figures if f.traits and not f.traits.planned and isinstance(f.fact, Quantity) and f.fact.value is not None]
    chosen = {id(f) for f in happened}
    offered = [f for f in figures if id(f) not in chosen and isinstance(f.fact, Quantity) and f.fact.value is not None]
    ranked = sorted(happened, key=lambda f: (_status_rank(f.status), -int(f.fact.value or 0))) + offered  # type: ignore[union-attr]
    lines += [("figure", f) for f in ranked[:2]]
    if discrepancies:
        lines.append(("discrepancy", discrepancies[0]))
    if quotes:
        lines.append(("quote", quotes[0]))
    return lines[:TAKEAWAYS]


@dataclass(frozen=True)
class PagePlan:
    """One page to render: its path, template and data (story objects, the same in every language).

    The data holds no sets and no functions, so its pickle is the same from run to run and
    can serve as the page's fingerprint (see pagecache.py).
    """

    path: str
    template: str  # a template name, or "" for the chart (drawn in Python)
    data: dict[str, Any]
    day: dt.date | None = None  # dated pages: the day (its JSON-LD is per language)


def entity_names(story: Story) -> set[str]:
    """The names that get an entity page: actors, places, and speakers who are actors or
    unnamed sources the extraction table names ("Ukrainian officials"). A source an article
    only describes ("Джерело в Офісі президента") is named in its facts but gets no page:
    one article's words, and a page for each would grow with the corpus."""
    named = {name for name, _ in (*story.actors, *story.places)}
    return named | {f.citation.speaker for f in story.facts if f.citation.speaker in _listed_sources()}


@functools.cache
def _listed_sources() -> frozenset[str]:
    table = load("extraction")["speech"]["unnamed_sources"]
    return frozenset(name for rows in table.values() for _, name in rows)


_tables: tuple[Story, dict[str, str], set[str], dict[str, str]] | None = None


def _story_tables(story: Story) -> tuple[dict[str, str], set[str], dict[str, str]]:
    """Source anchors, entity names and source-group digests, made once per story for every
    language (worker processes forked after planning inherit them)."""
    global _tables
    if _tables is None or _tables[0] is not story:
        _tables = (story, source_slugs(story.articles), entity_names(story), {group.id: _group_digest(group) for group in story.sources})
    return _tables[1], _tables[2], _tables[3]


def _group_digest(group: SourceGroup) -> str:
    # The members by their content's key (every field: the same for freshly extracted and
    # cached articles), not by their repr, which holds their whole text.
    return digest(repr((group.id, group.reason, [article_key(a) for a in group.articles])).encode())


class Lookups:
    """Story-wide lookups the templates make, recorded page by page.

    A page's text depends on its own data and on these answers (a source's anchor, whether
    a name has an entity page, an article's copies); the page cache stores the answers and
    reuses a page only while they stay the same. Every story-wide value a template can reach
    must go through here.
    """

    def __init__(self, story: Story) -> None:
        self.story = story
        self.slugs, self.known, self._group_digests = _story_tables(story)
        self.deps: dict[str, Any] | None = None

    def answer(self, kind: str, key: str) -> Any:
        if kind == "slug":
            return self.slugs.get(key)
        if kind == "known":
            return key in self.known
        if kind == "group":
            group = self.story.group_of_file(key)
            return None if group is None else self._group_digests[group.id]
        raise KeyError(kind)

    def _note(self, kind: str, key: str) -> None:
        if self.deps is not None:
            self.deps[f"{kind}:{key}"] = self.answer(kind, key)

    def slug(self, article: Article) -> str:
        self._note("slug", article.file)
        return self.slugs[article.file]

    def is_known(self, name: str) -> bool:
        self._note("known", name)
        return name in self.known

    def group_of(self, article: Article) -> SourceGroup | None:
        self._note("group", article.file)
        return self.story.group_of(article)


def plan_pages(story: Story) -> list[PagePlan]:
    """Every page of the site with its data; rendering it in a language is a separate step."""
    _story_tables(story)
    by_date_discrepancies: dict[dt.date, list[Discrepancy]] = defaultdict(list)
    for disc in story.discrepancies:
        by_date_discrepancies[disc.date].append(disc)
    days = story.briefing_days
    plans: list[PagePlan] = []
    timeline = sorted(story.events, key=lambda e: (e.date, e.type), reverse=True)
    stages = _Stages(story.events)
    for day in days:
        facts = fold_copies(list(story.facts_on(day)), story)
        events = list(story.events_on(day))
        data: dict[str, Any] = {
            "day": day,
            "events": events,
            "figures": [f for f in facts if isinstance(f.fact, Quantity)],
            "quotes": [f for f in facts if isinstance(f.fact, Quote)],
            "claims": [f for f in facts if isinstance(f.fact, Claim)],
            "discrepancies": [dataclasses.replace(d, figures=tuple(fold_copies(list(d.figures), story))) for d in by_date_discrepancies.get(day, [])],
            # Only where the neighbouring stages are: a new source for one of them does not
            # change this page, and its fingerprint should not say so.
            "earlier": [StageLink(e.date, e.type) for e in _earlier(events, stages, day)],
            "later": [StageLink(e.date, e.type) for e in _later(events, stages, day)],
        }
        data["sources"] = _sources_of(data, story)
        data["takeaways"] = takeaways(data["events"], data["figures"], data["quotes"], data["discrepancies"])
        plans.append(PagePlan(f"briefings/{day.isoformat()}.md", "briefing.md.j2", data, day))
    facts_by_article: dict[str, list[DatedFact]] = defaultdict(list)
    for fact in story.facts:
        facts_by_article[fact.citation.article.file].append(fact)
    events_by_article: dict[str, list[StoryEvent]] = defaultdict(list)
    for event in story.events:
        for file in dict.fromkeys(cite.article.file for cite in event.citations):
            events_by_article[file].append(event)
    by_month: dict[dt.date, list[Article]] = defaultdict(list)
    for article in story.articles:
        by_month[article.published.replace(day=1)].append(article)
    for month, month_articles in sorted(by_month.items()):
        entries = [(a, events_by_article[a.file], facts_by_article[a.file]) for a in sorted(month_articles, key=lambda a: (a.published, a.file))]
        plans.append(PagePlan(f"sources/{month:%Y-%m}.md", "sources.md.j2", {"month": month, "entries": entries}))
    months = [(month, len(items)) for month, items in sorted(by_month.items(), reverse=True)]
    plans.append(PagePlan("sources/index.md", "sources_index.md.j2", {"months": months}))
    plans.extend(_entity_plans(story))
    figures = fold_copies([f for f in story.facts if isinstance(f.fact, Quantity)], story)
    ledger = sorted(figures, key=lambda f: (f.date, f.id), reverse=True)
    plans.append(PagePlan("figures.md", "figures.md.j2", {"figures": ledger[:LEDGER_ROWS], "total": len(ledger)}))
    plans.append(PagePlan(chart.FILE_NAME, "", {"layout": chart.layout(figures)}))
    newest_first = list(reversed(story.discrepancies))
    plans.append(PagePlan("discrepancies.md", "discrepancies.md.j2", {"discrepancies": newest_first[:DISCREPANCY_ROWS], "total": len(newest_first)}))
    notes_language = langdetect.detect(" ".join(c.note for c in story.corrections)) if story.corrections else "en"
    plans.append(PagePlan("corrections.md", "corrections.md.j2", {"corrections": story.corrections, "editor_language": notes_language}))
    plans.append(PagePlan("timeline.md", "timeline.md.j2", {"events": timeline}))
    latest = days[0] if days else None
    home = {
        "latest": latest,
        "latest_events": list(story.events_on(latest)) if latest else [],
        "recent": timeline[:RECENT_EVENTS],
        "article_count": len(story.articles),
        "source_count": len(story.sources),
        "discrepancy_count": len(story.discrepancies),
        "days": days,
    }
    plans.append(PagePlan("index.md", "home.md.j2", home))
    return plans


class PageReuse:
    """What the page cache offers rendering: whether a page can be kept as it is on disk."""

    def keep(self, path: str, plan: PagePlan, lookups: Lookups) -> bool:
        return False

    def rendered(self, path: str, plan: PagePlan, deps: dict[str, Any]) -> None:
        pass


@dataclass(frozen=True)
class RenderSettings:
    """What shapes every page besides the story and the language."""

    templates_dir: Path
    default_language: str = "en"  # served at the site root
    has_feed: bool = False  # pages link the language's Atom feed
    directory_urls: bool = True  # False for a site browsed from file:// (pages as name.html)
    code_cache: Path | None = None  # a folder for compiled templates, kept between builds


def render_site(
    story: Story,
    language: str,
    translations: NullTranslations,
    settings: RenderSettings | Path,
    *,
    gazetteer: Gazetteer | None = None,
    jsonld: Mapping[dt.date, str] | None = None,
) -> dict[str, str]:
    """{path: Markdown} of every page in one language (`settings` may be just the templates folder)."""
    settings = settings if isinstance(settings, RenderSettings) else RenderSettings(settings)
    pages = render_pages(story, plan_pages(story), language, translations, settings, gazetteer=gazetteer, jsonld=jsonld)
    return {path: text for path, text in pages.items() if text is not None}


def render_pages(
    story: Story,
    plans: list[PagePlan],
    language: str,
    translations: NullTranslations,
    settings: RenderSettings,
    *,
    gazetteer: Gazetteer | None = None,
    jsonld: Mapping[dt.date, str] | None = None,
    reuse: PageReuse | None = None,
) -> dict[str, str | None]:
    """{path: Markdown} of the planned pages in one language; None for a page `reuse` keeps."""
    env = environment(settings.templates_dir, settings.code_cache)
    _install_gettext(env, translations)
    fmt = Formatter(language)
    gaz = gazetteer or default()
    lookups = Lookups(story)
    common: dict[str, Any] = {
        "lang": language,
        "fmt": fmt,
        "labels": labels(language, translations),
        "name": lambda n: _name(gaz, n, language),
        "html_name": lambda n: _html_name(gaz, n, language),
        "names": lambda ns: ", ".join(_name(gaz, n, language) for n in ns),
        "entity_link": lambda n, prefix: (
            f"[{_name(gaz, n, language)}]({prefix}entities/{entity_slug(n)}.md)" if lookups.is_known(n) else _name(gaz, n, language)
        ),
        "plain_name": lambda n: gaz.label(n, language) if n else "",
        "name_language": name_language,
        "entity_known": lookups.is_known,
        "source_slug": lookups.slug,
        # Articles are grouped in one page per month of publication (a page per article per
        # language does not scale); each has its own anchor there.
        "source_href": lambda article, prefix: f"{prefix}sources/{article.published:%Y-%m}.md#{lookups.slug(article)}",
        "group_of": lookups.group_of,
        "entity_slug": entity_slug,
        "chart_file": chart.FILE_NAME,
        "default_language": settings.default_language,
        "source_facts": SOURCE_FACTS,
        "has_feed": settings.has_feed,
        # Plain HTML links (to the data files) need the page's depth: figures.md is
        # figures/index.html with directory URLs and figures.html without (file:// builds).
        "directory_urls": settings.directory_urls,
    }
    pages: dict[str, str | None] = {}
    for plan in plans:
        if reuse is not None and reuse.keep(plan.path, plan, lookups):
            pages[plan.path] = None
            continue
        lookups.deps = {}
        if not plan.template:
            pages[plan.path] = chart.svg(plan.data["layout"], fmt, translations)
        else:
            context = {
                **common,
                **plan.data,
                "notes": Footnotes(),
                "jsonld": (jsonld or {}).get(plan.day) if plan.day else None,
                "href": functools.partial(relative_url, plan.path, directory_urls=settings.directory_urls),
            }
            pages[plan.path] = env.get_template(plan.template).render(context)
        if reuse is not None:
            reuse.rendered(plan.path, plan, lookups.deps)
        lookups.deps = None
    return pages


class StageLink(NamedTuple):
    """A link to the briefing of another stage of the story."""

    date: dt.date
    type: str


class _Stages:
    """Events by type in date order, to find the stage before or after a day by bisection."""

    def __init__(self, events: tuple[StoryEvent, ...]) -> None:
        self.by_type: dict[str, list[StoryEvent]] = defaultdict(list)
        for event in sorted(events, key=lambda e: e.date):
            self.by_type[event.type].append(event)
        self.dates = {kind: [e.date for e in found] for kind, found in self.by_type.items()}

    def last_before(self, kind: str, day: dt.date) -> StoryEvent | None:
        index = bisect.bisect_left(self.dates.get(kind, []), day)
        return self.by_type[kind][index - 1] if index else None

    def first_after(self, kind: str, day: dt.date) -> StoryEvent | None:
        dates = self.dates.get(kind, [])
        index = bisect.bisect_right(dates, day)
        return self.by_type[kind][index] if index < len(dates) else None


def _earlier(events: list[StoryEvent], stages: _Stages, day: dt.date) -> list[StoryEvent]:
    """The previous stage of each of the day's events, and the last talks round before it."""
    found: list[StoryEvent] = []
    for event in events:
        for candidate in (stages.last_before(event.type, day), stages.last_before("talks", day)):
            if candidate and candidate not in found:
                found.append(candidate)
    return sorted(found, key=lambda e: (e.date, e.type), reverse=True)


def _later(events: list[StoryEvent], stages: _Stages, day: dt.date) -> list[StoryEvent]:
    found: list[StoryEvent] = []
    for event in events:
        after = stages.first_after(event.type, day)
        if after and after not in found:
            found.append(after)
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


def _entity_plans(story: Story) -> list[PagePlan]:
    gaz: Gazetteer = default()
    mentions = dict(story.actors) | dict(story.places)
    known = _story_tables(story)[1]
    plans: list[PagePlan] = []
    entries = []
    by_speaker: dict[str, list[DatedFact]] = defaultdict(list)
    for fact in story.facts:
        if fact.citation.speaker:
            by_speaker[fact.citation.speaker].append(fact)
    events_of: dict[str, list[StoryEvent]] = defaultdict(list)
    for event in story.events:
        for involved in dict.fromkeys((event.place, *event.claimed_by)):
            if involved:
                events_of[involved].append(event)
    article_of = {a.file: a for a in story.articles}
    for name in sorted(known):
        entity = gaz.get(name)
        said = sorted(by_speaker.get(name, ()), key=lambda f: (f.date, f.id), reverse=True)
        earlier: dict[dt.date, int] = defaultdict(int)
        for f in said[ENTITY_STATEMENTS:]:
            earlier[f.date] += 1
        events = events_of.get(name, [])
        articles = sorted((article_of[f] for f in dict.fromkeys(mentions.get(name, ())) if f in article_of), key=lambda a: (a.published, a.file), reverse=True)
        kind = entity.kind if entity else "unknown"
        entries.append((name, kind))
        data = {
            "entity_name": name,
            "entity": entity,
            "kind": kind,
            "statements": said[:ENTITY_STATEMENTS],
            "earlier_statements": sorted(earlier.items(), reverse=True),
            "entity_events": sorted(events, key=lambda e: e.date, reverse=True),
            "articles": articles[:ENTITY_ARTICLES],
            "more_articles": max(0, len(articles) - ENTITY_ARTICLES),
        }
        plans.append(PagePlan(f"entities/{entity_slug(name)}.md", "entity.md.j2", data))
    plans.append(PagePlan("entities/index.md", "entities.md.j2", {"entries": entries}))
    return plans
