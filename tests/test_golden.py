"""Golden Markdown pages rendered from the seeds; `make golden-update` rewrites them."""

import difflib
import shutil
from pathlib import Path

import pytest

from generator.i18n import compile_catalogs, translations
from generator.pipeline import load_story
from generator.render import render_site

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
LANGUAGES = ("en", "uk", "ru", "de", "fr")
PAGES = ("index.md", "timeline.md", "briefings/2025-06-20.md", "briefings/2025-06-02.md", "sources/000_0ee01c4a5faa6e0f.md")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    locales = tmp_path_factory.mktemp("locales")
    shutil.copytree(ROOT / "locales", locales, dirs_exist_ok=True)
    assert compile_catalogs(locales, LANGUAGES) == []
    story = load_story(ROOT / "seeds")
    return {lang: render_site(story, lang, translations(locales, lang), ROOT / "templates") for lang in LANGUAGES}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_page_matches_golden(rendered: dict[str, dict[str, str]], language: str, page: str, request: pytest.FixtureRequest) -> None:
    actual = rendered[language][page]
    golden = GOLDEN / language / page
    if request.config.getoption("--update-golden"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), str(golden), "rendered"))
        pytest.fail(f"{golden} differs (run `make golden-update` if intended):\n{diff}")


def test_expected_dated_pages_exist(rendered: dict[str, dict[str, str]]) -> None:
    for day in ("2025-05-16", "2025-06-02", "2025-06-09", "2025-06-14", "2025-06-20"):
        assert f"briefings/{day}.md" in rendered["en"]
    page = rendered["en"]["briefings/2025-06-20.md"]
    assert "sources/000_0ee01c4a5faa6e0f.md" in page and "sources/001_779d396093d27fb8.md" in page


def test_translated_pages_carry_translated_labels(rendered: dict[str, dict[str, str]]) -> None:
    assert "Key takeaways" in rendered["en"]["briefings/2025-06-20.md"]
    for lang in ("uk", "ru", "de", "fr"):
        page = rendered[lang]["briefings/2025-06-20.md"]
        assert "Key takeaways" not in page and "What happened" not in page and "Reported by" not in page, lang
    assert "20 червня 2025" in rendered["uk"]["briefings/2025-06-20.md"]
    assert "20 июня 2025" in rendered["ru"]["briefings/2025-06-20.md"]
    assert "20. Juni 2025" in rendered["de"]["briefings/2025-06-20.md"]
    assert "20 juin 2025" in rendered["fr"]["briefings/2025-06-20.md"]
