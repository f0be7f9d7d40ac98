"""The site browsed from file:// (OFFLINE=true mkdocs build): links, search, no outside request."""

from __future__ import annotations

import os
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Page

from .conftest import copy_project, mkdocs, shot
from .test_browser import search

LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("offline"))
    os.environ["OFFLINE"] = "true"
    try:
        result = mkdocs(project, "build", "--strict")
    finally:
        del os.environ["OFFLINE"]
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append((tag, name, value))


def _links(page: Path) -> list[tuple[str, str, str]]:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.links


def test_pages_are_files_not_directories(offline_site: Path) -> None:
    assert (offline_site / "briefings" / "2025-06-20.html").is_file()
    assert (offline_site / "uk" / "briefings" / "2025-06-20.html").is_file()
    assert not (offline_site / "briefings" / "2025-06-20").exists()


def test_every_relative_link_resolves_to_a_file(offline_site: Path) -> None:
    # 404.html is only ever served by a web server, for any path: its links are root-absolute.
    pages = sorted(p for p in offline_site.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 50
    broken: list[str] = []
    checked = 0
    for page in pages:
        for tag, attribute, value in _links(page):
            parts = urlsplit(value)
            if parts.scheme or value.startswith(("#", "//")):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            checked += 1
            if not target.is_file():
                broken.append(f"{page.relative_to(offline_site)}: <{tag} {attribute}={value!r}>")
    assert checked > 1000
    assert not broken, "\n".join(broken[:20])


def test_nothing_is_loaded_from_outside(offline_site: Path) -> None:
    """Material's offline plugin would add its worker shim from unpkg.com; ours is local."""
    outside = []
    for page in sorted(offline_site.rglob("*.html")):
        for tag, attribute, value in _links(page):
            loads = attribute == "src" or tag == "link" and "stylesheet" in value
            if loads and urlsplit(value).scheme not in ("", "data"):
                outside.append(f"{page.relative_to(offline_site)}: {value}")
    assert not outside, outside[:10]
    assert "iframe-worker" in (offline_site / "index.html").read_text(encoding="utf-8")


def test_each_language_has_a_search_script(offline_site: Path) -> None:
    for prefix in ("", "uk/", "ru/", "de/", "fr/", "tr/"):
        script = (offline_site / prefix / "search" / "search_index.js").read_text(encoding="utf-8")
        assert script.startswith("var __index = {")


def _record_requests(page: Page) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    return requests


@pytest.mark.parametrize(("prefix", "query"), [("", "prisoner"), ("uk/", "полоненими"), ("ru/", "пленными")])
def test_search_works_from_file(page: Page, offline_site: Path, prefix: str, query: str) -> None:
    requests = _record_requests(page)
    root = (offline_site / prefix).as_uri() + "/"
    results = search(page, f"{root}index.html", query)
    assert results, f"no results for {query!r} from file://"
    others = tuple(f"{offline_site.as_uri()}/{lang}/" for lang in ("uk", "ru", "de", "fr", "tr") if f"{lang}/" != prefix)
    assert all(href.startswith(root) and not href.startswith(others) for href in results), results
    if prefix == "uk/":
        shot(page, "offline-search-uk", full_page=False)
    assert all(url.startswith(LOCAL_SCHEMES) for url in requests), [u for u in requests if not u.startswith(LOCAL_SCHEMES)]


def test_navigation_and_language_switch_from_file(page: Page, offline_site: Path) -> None:
    requests = _record_requests(page)
    page.goto((offline_site / "timeline.html").as_uri())
    page.click("article a[href$='2025-06-20.html']")
    page.wait_for_url("**/briefings/2025-06-20.html")
    page.hover(".md-header__option .md-select")
    page.click(".md-select__link[hreflang=uk]")
    page.wait_for_url("**/uk/briefings/2025-06-20.html")
    assert page.locator("html").get_attribute("lang") == "uk"
    assert page.locator("article .footnote").count() == 1
    assert all(url.startswith(LOCAL_SCHEMES) for url in requests), [u for u in requests if not u.startswith(LOCAL_SCHEMES)]
