"""The command line reads mkdocs.yml as the plugin does after MkDocs validated it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.siteconfig import _through_mkdocs, read_site_settings

ROOT = Path(__file__).resolve().parent.parent


def _variant(tmp_path: Path, *replacements: tuple[str, str]) -> Path:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    (tmp_path / "content").mkdir(exist_ok=True)
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "replacements",
    [
        (),
        # a language not built, and the default language not listed first
        (("  - locale: uk\n          name: Українська\n          build: true", "  - locale: uk\n          name: Українська\n          build: false"),),
        (
            ("- locale: en\n          default: true", "- locale: en"),
            ("- locale: ru\n          name: Русский", "- locale: ru\n          default: true\n          name: Русский"),
        ),
        # the address from the environment
        (("site_url: https://briefings.example.org/", "site_url: !ENV [BRIEFINGS_TEST_URL, 'https://fallback.example.org/']"),),
    ],
)
def test_the_quick_reading_agrees_with_mkdocs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, replacements: tuple[tuple[str, str], ...]) -> None:
    monkeypatch.setenv("BRIEFINGS_TEST_URL", "https://from-env.example.org/news/")
    path = _variant(tmp_path, *replacements)
    assert read_site_settings(path) == _through_mkdocs(path)
    if replacements and "BRIEFINGS_TEST_URL" in replacements[0][1]:
        assert read_site_settings(path)[0] == os.environ["BRIEFINGS_TEST_URL"]


def test_without_the_i18n_plugin_the_theme_language_is_the_only_one(tmp_path: Path) -> None:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    head, _, _ = text.partition("  - i18n:")
    path = tmp_path / "mkdocs.yml"
    (tmp_path / "content").mkdir()
    path.write_text(head.replace("  language: en", "  language: uk"), encoding="utf-8")
    assert read_site_settings(path) == _through_mkdocs(path)
    assert read_site_settings(path)[1] == ("uk",)
