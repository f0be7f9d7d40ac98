"""Numbers and dates come from Babel; the shortcut for small numbers must agree with it."""

from __future__ import annotations

import pytest
from babel.numbers import format_decimal

from generator.i18n import Formatter

LANGUAGES = ("en", "uk", "ru", "de", "fr", "tr", "ar", "fa", "hi", "mr", "pl")


@pytest.mark.parametrize("language", LANGUAGES)
def test_numbers_are_written_as_babel_writes_them(language: str) -> None:
    fmt = Formatter(language)
    for value in (*range(0, 1500, 7), 999, 1000, 1001, 12_345, 1_234_567, -5, 2.5):
        assert fmt.number(value) == format_decimal(value, locale=language), value


def test_a_locale_that_writes_small_numbers_its_own_way_gets_babel_every_time(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import i18n

    monkeypatch.setattr(i18n, "format_decimal", lambda value, locale: f"№{value}")  # as if digits or an affix differed
    assert Formatter("en_IE").number(7) == "№7"  # a language no other test has formatted yet (the check is cached)
