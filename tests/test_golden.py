"""Golden Markdown pages rendered from the seeds; `make golden-update` rewrites them."""

import datetime as dt
import difflib
from pathlib import Path

import pytest

from generator.i18n import translations
from generator.pipeline import load_story
from generator.render import render_site

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
LANGUAGES = ("en", "uk", "ru", "de", "fr", "tr")
PAGES = (
    "index.md",
    "timeline.md",
    "briefings/2025-06-20.md",
    "briefings/2025-06-02.md",
    "sources/2025-06.md",
    "figures.md",
    "discrepancies.md",
    "entities/vladimir-putin.md",
)
STORY_PAGES = ("briefings/2025-06-26.md", "corrections.md", "discrepancies.md", "figures.svg", "sources/2025-06.md")
STORY_LANGUAGES = ("en", "uk")
FIXTURES = ROOT / "tests" / "fixtures" / "story"


@pytest.fixture(scope="module")
def rendered(locales: Path) -> dict[str, dict[str, str]]:
    story = load_story(ROOT / "seeds")
    return {lang: render_site(story, lang, translations(locales, lang), ROOT / "templates") for lang in LANGUAGES}


@pytest.fixture(scope="module")
def rendered_story(locales: Path, story_seeds: Path) -> dict[str, dict[str, str]]:
    story = load_story(story_seeds)
    return {lang: render_site(story, lang, translations(locales, lang), ROOT / "templates") for lang in STORY_LANGUAGES}


def check_golden(actual: str, golden: Path, request: pytest.FixtureRequest) -> None:
    if request.config.getoption("--update-golden"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), str(golden), "rendered"))
        pytest.fail(f"{golden} differs (run `make golden-update` if intended):\n{diff}")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_page_matches_golden(rendered: dict[str, dict[str, str]], language: str, page: str, request: pytest.FixtureRequest) -> None:
    check_golden(rendered[language][page], GOLDEN / language / page, request)


@pytest.mark.parametrize("language", STORY_LANGUAGES)
@pytest.mark.parametrize("page", STORY_PAGES)
def test_story_page_matches_golden(rendered_story: dict[str, dict[str, str]], language: str, page: str, request: pytest.FixtureRequest) -> None:
    check_golden(rendered_story[language][page], GOLDEN / "story" / language / page, request)


def test_expected_dated_pages_exist(rendered: dict[str, dict[str, str]]) -> None:
    for day in ("2025-05-16", "2025-06-02", "2025-06-09", "2025-06-14", "2025-06-20"):
        assert f"briefings/{day}.md" in rendered["en"]
    page = rendered["en"]["briefings/2025-06-20.md"]
    assert "sources/2025-06.md#000_0ee01c4a5faa6e0f" in page and "sources/2025-06.md#001_779d396093d27fb8" in page


def test_translated_pages_carry_translated_labels(rendered: dict[str, dict[str, str]]) -> None:
    assert "Key takeaways" in rendered["en"]["briefings/2025-06-20.md"]
    for lang in ("uk", "ru", "de", "fr"):
        page = rendered[lang]["briefings/2025-06-20.md"]
        assert "Key takeaways" not in page and "What happened" not in page and "Reported by" not in page, lang
    assert "20 червня 2025" in rendered["uk"]["briefings/2025-06-20.md"]
    assert "20 июня 2025" in rendered["ru"]["briefings/2025-06-20.md"]
    assert "20. Juni 2025" in rendered["de"]["briefings/2025-06-20.md"]
    assert "20 juin 2025" in rendered["fr"]["briefings/2025-06-20.md"]


def test_source_page_names_are_safe_and_unique() -> None:
    from generator.model import Article
    from generator.render import source_slugs

    def art(file: str) -> Article:
        return Article(file=file, title="t", body="b", published=dt.date(2025, 6, 20), language="en")

    slugs = source_slugs((art("a.txt"), art("a.md"), art("Звіт про обмін.txt"), art("CON.txt"), art("x" * 300 + ".txt")))
    assert slugs["a.md"] == "a" and slugs["a.txt"].startswith("a-") and len(set(slugs.values())) == 5
    assert all(re_safe(s) for s in slugs.values())


def re_safe(slug: str) -> bool:
    import re

    return re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,90}", slug) is not None
