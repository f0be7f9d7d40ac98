"""The site for readers: accessibility (axe-core), offline and private, print."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from .conftest import _serve, shot

pytestmark = pytest.mark.browser
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ("", "briefings/2025-06-26/", "timeline/", "figures/", "entities/vladimir-putin/")


def axe_violations(page: Page) -> list[dict]:
    assert AXE.exists(), "run `npm ci` in tests/ (make test does it)"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("prefix", ["", "uk/"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(page: Page, story_url: str, prefix: str, path: str) -> None:
    page.goto(f"{story_url}/{prefix}{path}")
    violations = axe_violations(page)
    assert violations == [], [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in violations]


@pytest.mark.parametrize("path", ["", "briefings/2025-06-20/", "uk/briefings/2025-06-20/", "figures/", "uk/search/search_index.json"])
def test_no_request_leaves_the_site(browser: Browser, story_url: str, path: str) -> None:
    context = browser.new_context()
    outside: list[str] = []
    context.on("request", lambda request: outside.append(request.url) if not request.url.startswith((story_url, "data:", "blob:")) else None)
    tab = context.new_page()
    tab.goto(f"{story_url}/{path}")
    tab.wait_for_load_state("networkidle")
    if not path.endswith(".json"):
        tab.click("input[data-md-component=search-query]")
        tab.fill("input[data-md-component=search-query]", "exchange")
        tab.dispatch_event("input[data-md-component=search-query]", "keyup")
        tab.wait_for_timeout(500)
    context.close()
    assert outside == []


def test_briefing_prints_cleanly(browser: Browser, story_url: str, tmp_path: Path) -> None:
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(f"{story_url}/briefings/2025-06-26/")
    tab.emulate_media(media="print")
    assert not tab.locator(".md-header").is_visible()
    assert not tab.locator(".md-sidebar--primary").is_visible()
    assert tab.locator(".footnote").is_visible()
    shot(tab, "briefing-print")
    pdf = tmp_path / "briefing.pdf"
    tab.pdf(path=str(pdf), format="A4")
    assert pdf.stat().st_size > 10_000
    context.close()


@pytest.fixture(scope="module")
def sub_path_url(story_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The same site served under a sub-path, as on a static host at /briefings/."""
    root = tmp_path_factory.mktemp("host")
    (root / "briefings").symlink_to(story_site / "site", target_is_directory=True)
    yield from _serve(root)


def test_site_works_under_a_sub_path(page: Page, sub_path_url: str) -> None:
    page.goto(f"{sub_path_url}/briefings/uk/")
    page.click("input[data-md-component=search-query]")
    page.fill("input[data-md-component=search-query]", "полоненими")
    page.dispatch_event("input[data-md-component=search-query]", "keyup")
    page.wait_for_selector(".md-search-result__link")
    links = [str(a.get_attribute("href")) for a in page.query_selector_all(".md-search-result__link")]
    assert links and all(link.startswith(f"{sub_path_url}/briefings/uk/") for link in links), links
    page.goto(f"{sub_path_url}/briefings/briefings/2025-06-26/")
    page.click("a.footnote-ref >> nth=0")
    page.locator("li[id='fn:1'] a", has_text="source").first.click()
    page.wait_for_url(f"{sub_path_url}/briefings/sources/**")
