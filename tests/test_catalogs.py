"""Every catalog is complete, and every message the templates use is extracted."""

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = sorted(p.parent.parent.name for p in (ROOT / "locales").glob("*/LC_MESSAGES/messages.po"))


def catalog(path: Path):  # type: ignore[no-untyped-def]
    with path.open("rb") as handle:
        return read_po(handle)


def test_site_languages_have_catalogs() -> None:
    assert set(LANGUAGES) >= {"uk", "ru", "de", "fr"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_is_complete(language: str) -> None:
    po = catalog(ROOT / "locales" / language / "LC_MESSAGES" / "messages.po")
    untranslated = [m.id for m in po if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))]
    fuzzy = [m.id for m in po if m.id and m.fuzzy]
    assert untranslated == [] and fuzzy == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_matches_the_templates(language: str, tmp_path: Path) -> None:
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "locales/babel.cfg", "-o", str(pot), "--no-location", "--omit-header", "."],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    used = {m.id for m in catalog(pot) if m.id}
    translated = {m.id for m in catalog(ROOT / "locales" / language / "LC_MESSAGES" / "messages.po") if m.id}
    assert used - translated == set(), "run `make catalog-update` and translate the new messages"
    assert translated - used == set(), "obsolete messages: run `make catalog-update`"
