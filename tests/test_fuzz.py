"""Property tests (hypothesis) over ingest, extraction and rendering: untrusted input never
crashes the generator, evidence is always an exact substring, output is deterministic and
rendered pages stay inert.

Each property runs a bounded number of examples (FUZZ_EXAMPLES scales them all, e.g.
`FUZZ_EXAMPLES=5 pytest tests/test_fuzz.py` for a longer run); the number of cases each
property ran is printed at the end of the session (`pytest -s` or the `-rA` summary).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import chart
from generator.consolidate import consolidate
from generator.extract import extract
from generator.feeds import atom_feed
from generator.i18n import compile_catalogs, translations
from generator.ingest import IngestError, read_article
from generator.model import Article, ArticleFacts
from generator.opendata import FORMULA_STARTS, csv_tables, facts_json, jsonld_for_day
from generator.render import RenderSettings, render_site

ROOT = Path(__file__).resolve().parent.parent
SCALE = float(os.environ.get("FUZZ_EXAMPLES", "1"))
CASES: Counter[str] = Counter()
REASONS: Counter[str] = Counter()
RENDER_LANGUAGES = ("en", "uk")


def examples(n: int) -> int:
    return max(1, int(n * SCALE))


# News-like and hostile fragments in en/uk/ru. Hypothesis mixes them with arbitrary text,
# so the extractor meets both the shapes its rules look for and everything around them.
SNIPPETS = [
    # news-like
    "On June 20, 2025, Ukraine and Russia exchanged prisoners of war.",
    "KYIV, June 20, 2025 (Reuters) - ",
    "Putin said: \u201cwe are ready to hand over another 3,000 bodies\u201d.",
    "According to Zelensky, more than 6,000 bodies have been returned so far.",
    "Zelensky said on Thursday that 1 000 prisoners were released.",
    "\u00abМы готовы\u00bb, \u2014 заявил Песков в среду.",
    "\u201eМи повернули 1 212 тіл\u201c, \u2014 сказав Зеленський у п\u2019ятницю.",
    "У четвер відбувся обмін полоненими: 6\u00a0000 на 6\u00a0000.",
    "Накануне, 2 июня 2025 года, в Стамбуле прошли переговоры.",
    "позавчора",
    "the ministry did not specify how many",
    "about 1,200",
    "nearly 3.000",
    "12\u202f345",
    "1,2,3,4,5,6,7,8,9,0",
    "9" * 40,
    "31/02/2025",
    "2025-13-45",
    "June 31, 2025",
    "Friday, 30 February 2024",
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "понеділок вівторок середа четвер п\u2019ятниця субота неділя",
    "вчера сегодня завтра",
    "the fourth exchange",
    "Istanbul",
    "\u00c7\u0131ra\u011fan Palace",
    # quotes of every kind, unbalanced too
    '"',
    "\u201c",
    "\u201d",
    "\u00ab",
    "\u00bb",
    "\u201e",
    "'",
    "\u2019",
    "\u2018",
    "\u201a",
    "\u300c",
    '"quoted" said ',
    "\u00ab\u00ab\u00bb",
    # hostile markup
    "<script>alert(1)</script>",
    '<img src=x onerror="window.__pwned=1">',
    "<iframe src=//evil.example></iframe>",
    "<svg onload=alert(1)>",
    "</script><script>alert(2)</script>",
    "<!--",
    "]]>",
    "[click](javascript:alert(1))",
    "![x](data:text/html,<script>alert(1)</script>)",
    "[ref]: javascript:alert(1)",
    "[^1]: fake footnote",
    "[^1]",
    "| a | b |\n|---|---|\n| c | d |",
    "# heading",
    "!!! danger",
    "*[HTML]: abbr",
    "{: onclick='alert(1)' }",
    "<https://evil.example>",
    "{{ config }}",
    "{% include 'x' %}",
    "{# c #}",
    "`code`",
    "```",
    "&lt;script&gt;",
    "&#60;script&#62;",
    "\\",
    "\u202eevil\u202c",
    "\u2066x\u2069",
    "\u200f\u200e\u061c",
    "\u0000\u0007\u001b",
    "\ufeff",
    "\u2028\u2029",
    "\r\n",
    "\n\n",
    "\t",
    "x" * 3000,
    "\u0301\u0301\u0301",
    "../../etc/passwd",
    '=HYPERLINK("http://evil.example")',
    "+cmd|' /C calc'!A0",
    "@SUM(1)",
]

fragment = st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=40))
hostile_text = st.lists(fragment, max_size=25).map(" ".join)
article_text = st.lists(st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=40), st.just(". "), st.just("\n")), max_size=40).map("".join)


# --- (a) ingest: arbitrary bytes -------------------------------------------------------

FRONT_MATTER_BITS = [
    b"---\n",
    b"title: x\n",
    b"published: 2025-06-20\n",
    b"published: 2025-02-30\n",
    b"published: [1, 2]\n",
    b"published: 99999-01-01\n",
    b"language: xx\n",
    b"language: [en]\n",
    b"url: javascript:alert(1)\n",
    b"url: https://example.org/a\n",
    b"source: &a [*a, *a, *a]\n",
    b"title: !!python/object/apply:os.system ['true']\n",
    b"title: !!binary aGVsbG8=\n",
    b"? [complex, key]\n: value\n",
    b"<<: {title: x}\n",
    b"title: " + b"A" * 5000 + b"\n",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\x00",
    "Обмін полоненими 20 червня 2025 року.\n".encode(),
    "Обмен пленными 20 июня 2025 года.\n".encode("cp1251"),
    b"On June 20, 2025 the sides exchanged prisoners.\n",
    b"<html lang=en><head><title>t</title></head><body><p>text</p></body></html>",
]
# A valid article skeleton with hostile bits in every place, so some inputs get all the way through.
skeleton = st.tuples(
    st.lists(st.sampled_from(FRONT_MATTER_BITS[4:16]), max_size=3).map(b"".join),
    hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
).map(lambda p: b"---\ntitle: T\npublished: 2025-06-20\n" + p[0] + b"---\n" + p[1] + b" On June 20, 2025 the sides exchanged prisoners.\n")
file_bytes = st.one_of(
    skeleton,
    st.binary(max_size=3000),
    st.lists(st.one_of(st.sampled_from(FRONT_MATTER_BITS), st.binary(max_size=30)), max_size=12).map(b"".join),
    hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
)


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as directory:
        yield Path(directory)


@settings(max_examples=examples(600), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=file_bytes, suffix=st.sampled_from([".txt", ".md", ".html"]), sidecar=st.one_of(st.none(), st.sampled_from(FRONT_MATTER_BITS[1:16])))
def test_ingest_raises_only_ingest_error(scratch: Path, data: bytes, suffix: str, sidecar: bytes | None) -> None:
    CASES["ingest: arbitrary bytes"] += 1
    for old in scratch.iterdir():
        old.unlink()
    path = scratch / f"article{suffix}"
    path.write_bytes(data)
    if sidecar is not None:
        (scratch / "article.meta.yaml").write_bytes(sidecar)
    try:
        article = read_article(path)
    except IngestError as error:
        assert error.problem.file == path.name and str(error)
        CASES["ingest: arbitrary bytes (rejected with IngestError)"] += 1
        return
    CASES["ingest: arbitrary bytes (accepted)"] += 1
    assert article.body.strip() and article.title.strip()
    assert article.url is None or article.url.startswith(("http://", "https://"))


# --- (b) extraction ---------------------------------------------------------------------


def article_of(body: str, language: str, n: int = 0, title: str = "Title", source: str | None = None) -> Article:
    return Article(file=f"fuzz_{n}.txt", title=title, body=body, published=dt.date(2025, 6, 20), language=language, source=source)


def check_evidence(facts: ArticleFacts) -> None:
    body = facts.article.body
    items = [*facts.events, *facts.quantities, *facts.quotes, *facts.claims]
    for item in items:
        ev = item.evidence
        assert 0 <= ev.start <= ev.end <= len(body), (type(item).__name__, ev)
        assert ev.text == body[ev.start : ev.end], (type(item).__name__, ev)
        assert ev.sentence in body, (type(item).__name__, ev)
    for quote in facts.quotes:
        assert quote.text == quote.evidence.text


@settings(max_examples=examples(1000), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=article_text.filter(lambda t: t.strip()), language=st.sampled_from(["en", "uk", "ru"]))
def test_extraction_never_crashes_and_evidence_is_exact(body: str, language: str) -> None:
    CASES["extraction: evidence exact, deterministic"] += 1
    article = article_of(body, language)
    first = extract(article)
    check_evidence(first)
    assert extract(article) == first


# --- (c) rendering ----------------------------------------------------------------------

EXTENSIONS = ["abbr", "admonition", "attr_list", "footnotes", "tables", "toc", "pymdownx.escapeall"]
CONFIGS = {"pymdownx.escapeall": {"hardbreak": False, "nbsp": False}}
FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}


class Live(HTMLParser):
    """Anything an article could have made live in generated HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            if ("type", "application/ld+json") in attrs:
                self.script = ""
            else:
                self.problems.append(f"<script {attrs}>")
        if tag == "img" and dict(attrs).get("src") == chart.FILE_NAME:
            return  # the figures chart, the only image the templates place
        if tag in ("iframe", "object", "embed", "svg", "img", "style", "base", "form", "meta", "link"):
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            url = re.sub(r"[\s\x00-\x1f]", "", value or "").lower()
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>")
            if name in URL_ATTRS and url.startswith(("javascript:", "data:", "vbscript:")):
                self.problems.append(f"<{tag} {name}={value}>")

    def handle_data(self, data: str) -> None:
        if self.script is not None:
            self.script += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.script is not None:
            json.loads(self.script)  # the JSON-LD block is whole JSON: nothing broke out of it
            self.script = None


def live_markup(html: str) -> list[str]:
    parser = Live()
    parser.feed(html)
    parser.close()
    return parser.problems


def page_html(page: str) -> tuple[dict[str, object], str]:
    match = FRONT.match(page)
    meta: dict[str, object] = {}
    if match:
        loaded = yaml.safe_load(match.group(1))
        assert isinstance(loaded, dict), match.group(1)
        meta = loaded
        page = page[match.end() :]
    return meta, markdown.markdown(page, extensions=EXTENSIONS, extension_configs=CONFIGS)


@pytest.fixture(scope="module")
def catalogs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    compiled = tmp_path_factory.mktemp("fuzz-locales")
    shutil.copytree(ROOT / "locales", compiled, dirs_exist_ok=True)
    # Untranslated messages fall back to English, which is fine here; broken catalogs are not.
    problems = [p for p in compile_catalogs(compiled, RENDER_LANGUAGES) if "untranslated" not in p.message]
    assert problems == []
    return {lang: translations(compiled, lang) for lang in RENDER_LANGUAGES}


HOSTILE_URLS = [
    "javascript:alert(1)",
    "data:text/html,x",
    "//evil.example",
    "https://x.example/[a](javascript:alert(1))",
    "https://x.example/<script>alert(1)</script>",
    'https://x.example/"onmouseover="alert(1)',
    "https://x.example/{{config}}{%raw%}",
    "https://x.example/|a|b|",
    "https://x.example/![i](data:x)[^1]",
    "https://x.example/`x`*y*_z_\\",
]
url_text = st.one_of(
    st.none(),
    st.lists(fragment, max_size=8).map(lambda t: "https://x.example/" + "".join(t).replace(" ", "")),
    st.sampled_from(["javascript:alert(1)", "data:text/html,x", "//evil.example"]),
)
story_articles = st.lists(
    st.tuples(
        article_text.filter(lambda t: t.strip()),
        st.sampled_from(["en", "uk", "ru"]),
        hostile_text.filter(lambda t: t.strip()),
        st.one_of(st.none(), hostile_text),
        url_text,
    ),
    min_size=1,
    max_size=3,
)


def ingested(directory: Path, specs: list[tuple[str, str, str, str | None, str | None]]) -> list[Article]:
    """The specs as .md files with front matter, read back the way the site reads them."""
    for old in directory.iterdir():
        old.unlink()
    prefix = "On June 20, 2025, Ukraine and Russia exchanged prisoners. Putin said: \u201c"
    articles = []
    for n, (body, lang, title, source, url) in enumerate(specs):
        meta = {"title": title, "source": source, "url": url, "published": "2025-06-20", "language": lang}
        front = yaml.safe_dump({k: v for k, v in meta.items() if v is not None}, allow_unicode=True, width=10**9)
        path = directory / f"fuzz_{n}.md"
        path.write_text(f"---\n{front}---\n{prefix}{body}\u201d\n", encoding="utf-8", errors="surrogatepass")
        try:
            articles.append(read_article(path))
        except IngestError as error:
            CASES["rendering: articles rejected by ingest"] += 1
            REASONS[re.sub(r"'.*'|line \d+|\d+", "…", error.problem.message)[:60]] += 1
    CASES["rendering: articles rendered"] += len(articles)
    return articles


@settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(specs=story_articles)
def test_rendered_pages_are_inert(catalogs: dict[str, object], scratch: Path, specs: list[tuple[str, str, str, str | None, str | None]]) -> None:
    CASES["rendering: en+uk pages, feed, open data inert"] += 1
    articles = ingested(scratch, specs)
    story = consolidate(extract(a) for a in articles)
    days = sorted({e.date for e in story.events} | {f.date for f in story.facts})
    headline = articles[0].title if articles else None
    for lang in RENDER_LANGUAGES:
        jsonld = {day: jsonld_for_day(story, day, lang, f"https://example.org/briefings/{day}/", headline=headline) for day in days}
        pages = render_site(story, lang, catalogs[lang], RenderSettings(ROOT / "templates", has_feed=True), jsonld=jsonld)  # type: ignore[arg-type]
        for name, text in pages.items():
            if name.endswith(".svg"):
                assert [p for p in live_markup(text) if p != "<svg>"] == [], name
                continue
            meta, html = page_html(text)
            assert all("<" not in str(v) for v in meta.values()), (name, meta)
            assert live_markup(html) == [], (name, live_markup(html))
        feed = atom_feed(story, lang, catalogs[lang], "https://example.org/", "feed.xml")  # type: ignore[arg-type]
        assert "<script" not in feed.lower() and "javascript:" not in feed.lower()
    json.loads(facts_json(story))
    for name, table in csv_tables(story).items():
        import csv
        import io

        for row in csv.reader(io.StringIO(table)):
            for cell in row:
                assert not cell.startswith(FORMULA_STARTS), (name, cell)


def test_zz_report_cases(capsys: pytest.CaptureFixture[str]) -> None:
    """Prints how many cases each property ran (runs last in this file)."""
    with capsys.disabled():
        print("\nhypothesis cases per property:")
        for name, count in sorted(CASES.items()):
            print(f"  {name}: {count}")
        print("reasons for rejection:", dict(REASONS.most_common()))
