"""Pages in Ukrainian and Russian read natively: no English outside marked text.

Allowed: text marked with its language (quotes, claims, article titles, unnamed sources),
citations (footnotes), proper names (capitalised), file names and Markdown syntax.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.i18n import compile_catalogs, translations
from generator.pipeline import load_story
from generator.render import render_site

ROOT = Path(__file__).resolve().parent.parent
MARKUP_WORDS = {"abstract", "warning", "lang"}  # admonition types and attribute names


def english_words(markdown: str) -> list[str]:
    text = re.sub(r"(?s)\A---\n.*?\n---\n", "", markdown)  # front matter
    text = re.sub(r"(?m)^\[\^\d+\]:.*$", "", text)  # citations
    text = re.sub(r'<span lang="[a-z-]+">.*?</span>', "", text)  # marked original-language text
    text = re.sub(r'(?m)^#+ .*\{ lang="[a-z-]+" \}$', "", text)  # headings marked with their language
    text = re.sub(r"(?m)^> .*$", "", text)  # quotes: the attribute list below marks them
    text = re.sub(r"`[^`]*`", "", text)  # code spans: file names
    text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets
    text = re.sub(r"\[[^\]]*\]\((?:\.\./)*sources/", "", text)
    text = re.sub(r"<a href=\"https?://[^\"]*\">.*?</a>", "", text)  # links to the original articles
    text = re.sub(r"https?://[^\s<>]+", "", text)  # web addresses
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"\S+\.(?:svg|md|txt|yaml|csv|json|xml)\b", "", text)
    return sorted({w for w in re.findall(r"(?<![\w\\])[a-z][a-z']{2,}\b", text)} - MARKUP_WORDS)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory, story_seeds: Path) -> dict[str, dict[str, str]]:
    locales = tmp_path_factory.mktemp("locales")
    shutil.copytree(ROOT / "locales", locales, dirs_exist_ok=True)
    compile_catalogs(locales, ("uk", "ru"))
    story = load_story(story_seeds)
    return {lang: render_site(story, lang, translations(locales, lang), ROOT / "templates") for lang in ("uk", "ru")}


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_no_english_outside_marked_text(pages: dict[str, dict[str, str]], language: str) -> None:
    leaks = {path: words for path, text in pages[language].items() if path.endswith(".md") and (words := english_words(text))}
    assert leaks == {}


def test_the_checker_catches_an_unmarked_english_sentence() -> None:
    assert english_words("Обмін полоненими. The exchange took place.") == ["exchange", "place", "took"]
    assert english_words('Обмін. <span lang="en">the exchange took place</span>') == []
