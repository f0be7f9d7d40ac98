"""The built site in Debian's Chromium, driven by Playwright: search, language switch, citations.

Screenshots land in tests/artifacts/ for a person to look at.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from .conftest import shot

pytestmark = pytest.mark.browser
SEARCH = "input[data-md-component=search-query]"


def search(page: Page, url: str, query: str) -> list[str]:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.click(SEARCH)
    # Wait for the search worker, then for the result line to change from its placeholder
    # (whatever the language's placeholder text is).
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.trim().length > 0")
    placeholder = page.inner_text(".md-search-result__meta")
    # fill() inserts text without key events; Material listens for keyup.
    page.fill(SEARCH, query)
    page.dispatch_event(SEARCH, "keyup")
    page.wait_for_function(
        "placeholder => document.querySelector('.md-search-result__meta').textContent.trim() !== placeholder.trim()",
        arg=placeholder,
        timeout=10_000,
    )
    return [str(a.get_attribute("href")) for a in page.query_selector_all(".md-search-result__link")]


def test_english_search_finds_english_pages_only(page: Page, site_url: str) -> None:
    results = search(page, f"{site_url}/", "prisoner")
    shot(page, "search-en", full_page=False)
    assert results, "no results for 'prisoner'"
    assert all(not href.startswith(tuple(f"{site_url}/{lang}/" for lang in ("uk", "ru", "de", "fr"))) for href in results), results


def test_ukrainian_search_finds_ukrainian_pages_only(page: Page, site_url: str) -> None:
    results = search(page, f"{site_url}/uk/", "полоненими")
    shot(page, "search-uk", full_page=False)
    assert results and all(href.startswith(f"{site_url}/uk/") for href in results), results
    assert search(page, f"{site_url}/uk/", "пленными") == []  # Russian words are in the Russian index only


def test_russian_search_finds_russian_pages_only(page: Page, site_url: str) -> None:
    results = search(page, f"{site_url}/ru/", "пленными")
    shot(page, "search-ru", full_page=False)
    assert results and all(href.startswith(f"{site_url}/ru/") for href in results), results


@pytest.mark.parametrize(("prefix", "query"), [("de/", "Gefangenenaustausch"), ("de/", "über"), ("fr/", "échange"), ("fr/", "événements")])
def test_umlauts_and_accents_find_their_pages(page: Page, site_url: str, prefix: str, query: str) -> None:
    results = search(page, f"{site_url}/{prefix}", query)
    assert results and all(href.startswith(f"{site_url}/{prefix}") for href in results), results


@pytest.mark.parametrize("query", ["пов’язані", "пов'язані", "повʼязані"])
def test_apostrophe_variants_match(page: Page, site_url: str, query: str) -> None:
    results = search(page, f"{site_url}/uk/", query)
    assert any(href.startswith(f"{site_url}/uk/about/") for href in results), results


def test_language_switcher_keeps_the_page(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/briefings/2025-06-20/")
    page.hover(".md-header__option .md-select")
    page.click(".md-select__link[hreflang=uk]")
    page.wait_for_url(f"{site_url}/uk/briefings/2025-06-20/")
    assert page.locator("html").get_attribute("lang") == "uk"
    assert "Огляд" in page.title()
    shot(page, "briefing-uk")


def test_footnote_leads_to_the_source_page(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/briefings/2025-06-20/")
    shot(page, "briefing-en")
    page.click("a.footnote-ref >> nth=0")
    assert page.url.endswith("#fn:1")
    footnote = page.locator("li[id='fn:1']")
    assert "NationPress" in footnote.inner_text()
    footnote.locator("a", has_text="source").first.click()
    page.wait_for_url(f"{site_url}/sources/**")
    assert "NationPress" in page.content()
    shot(page, "source-en")


def test_phone_width_screenshots(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    phone = context.new_page()
    for lang, prefix in (("en", ""), ("uk", "uk/"), ("ru", "ru/")):
        phone.goto(f"{site_url}/{prefix}briefings/2025-06-20/")
        assert phone.locator("h1").first.is_visible()
        shot(phone, f"briefing-{lang}-phone", full_page=False)
    phone.goto(f"{site_url}/")
    shot(phone, "home-en-phone", full_page=False)
    context.close()


def test_dated_page_shows_corroboration_discrepancy_and_correction(page: Page, story_url: str) -> None:
    page.goto(f"{story_url}/briefings/2025-06-26/")
    body = page.locator("article")
    assert body.get_by_text("Reported by 2 independent sources.").first.is_visible()
    warning = page.locator(".admonition.warning")
    assert warning.is_visible() and "Sources disagree" in warning.inner_text()
    assert "160" in warning.inner_text() and "150" in warning.inner_text()
    assert body.get_by_text("Corrected by the editors.").first.is_visible()
    assert page.locator(".briefing-status--confirmed").first.is_visible()
    assert "Copies of the same report" in body.inner_text()
    shot(page, "briefing-story-en")
    page.goto(f"{story_url}/uk/briefings/2025-06-26/")
    shot(page, "briefing-story-uk")


def test_figures_page_chart_loads(page: Page, story_url: str) -> None:
    page.goto(f"{story_url}/figures/")
    image = page.locator("article img").first
    image.scroll_into_view_if_needed()
    page.wait_for_function("() => { const i = document.querySelector('article img'); return i && i.complete && i.naturalWidth > 0; }")
    assert image.get_attribute("alt")
    shot(page, "figures-en")
    page.goto(f"{story_url}/corrections/")
    assert "2025-06-26-prisoner_exchange" in page.locator("article").inner_text()
