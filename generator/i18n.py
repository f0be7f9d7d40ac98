"""Catalogs and locale formatting: gettext through Babel, never the process locale.

`.mo` files are compiled from the `.po` catalogs at build time (only rewritten when the
bytes change, so `mkdocs serve` does not loop), and loaded with
`babel.support.Translations.load`, which reads the file anew instead of using
gettext's per-process cache.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

DOMAIN = "messages"


@dataclass(frozen=True)
class CatalogProblem:
    language: str
    message: str


@functools.cache
def _locale(language: str) -> Locale:
    return Locale.parse(language)  # parsed once: Babel parses a locale name on every call


@functools.lru_cache(maxsize=65536)
def _format_date(value: dt.date, pattern: str, language: str) -> str:
    return format_date(value, format=pattern, locale=_locale(language))


@functools.lru_cache(maxsize=65536)
def _format_number(value: int | float, language: str) -> str:
    return format_decimal(value, locale=_locale(language))


@functools.cache
def _plain_below_thousand(language: str) -> bool:
    """Whether Babel writes whole numbers below 1,000 as Python does in this language (Latin
    digits, no sign or affix of the locale's own): then they need no Babel call. A page
    numbers hundreds of footnotes, and each language's pages are rendered in a fresh process."""
    return all(_format_number(n, language) == str(n) for n in (0, 7, 42, 100, 999))


def compile_catalogs(locales_dir: Path, languages: tuple[str, ...]) -> list[CatalogProblem]:
    """Compile `<lang>/LC_MESSAGES/messages.po` to `.mo` for every non-default language."""
    problems: list[CatalogProblem] = []
    for language in languages:
        po_path = locales_dir / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        if language == "en" and not po_path.exists():
            continue  # the templates are written in English
        if not po_path.exists():
            problems.append(CatalogProblem(language, f"missing catalog {po_path}; run `make catalog-init LANG={language}`"))
            continue
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        untranslated = [m.id for m in catalog if m.id and not m.string]
        fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
        if untranslated or fuzzy:
            problems.append(CatalogProblem(language, f"{po_path}: {len(untranslated)} untranslated, {len(fuzzy)} fuzzy messages (English shown instead)"))
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        mo_path = po_path.with_suffix(".mo")
        data = buffer.getvalue()
        if not mo_path.exists() or mo_path.read_bytes() != data:
            mo_path.write_bytes(data)
    return problems


def translations(locales_dir: Path, language: str) -> NullTranslations:
    loaded = Translations.load(str(locales_dir), [language], DOMAIN)
    return loaded


@dataclass(frozen=True)
class Formatter:
    """Dates and numbers for one site language, through Babel's CLDR data.

    Memoised: a site formats the same few hundred dates tens of thousands of times.
    """

    language: str

    def date(self, value: dt.date) -> str:
        return _format_date(value, "long", self.language)

    def month_year(self, value: dt.date) -> str:
        return _format_date(value, "LLLL y", self.language)

    def number(self, value: int | float) -> str:
        if type(value) is int and 0 <= value < 1000 and _plain_below_thousand(self.language):
            return str(value)
        return _format_number(value, self.language)

    def language_name(self, code: str) -> str:
        return _locale(self.language).languages.get(code, code)
