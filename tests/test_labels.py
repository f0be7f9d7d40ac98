"""The fixed vocabularies' labels: translated once per language, a catch-all for unknown keys."""

from __future__ import annotations

from pathlib import Path

from generator.i18n import translations
from generator.labels import COUNTS, EVENTS, STATUSES, labels
from generator.model import Evidence, FigureTraits, Quantity


def _quantity(value: int | None, qualifier: str) -> Quantity:
    return Quantity(value, "prisoners", qualifier, Evidence("x", 0, 1, "test", "x"))


def test_every_label_is_translated_in_ukrainian(locales: Path) -> None:
    uk = labels("uk", translations(locales, "uk"))
    assert uk.events["prisoner_exchange"] == "Обмін полоненими"
    for table, vocabulary in ((uk.events, EVENTS), (uk.counts, COUNTS), (uk.statuses, STATUSES)):
        for key, message in vocabulary.items():
            assert table[key] != message, f"{key!r} is not translated"


def test_an_unknown_key_gets_the_catch_all(locales: Path) -> None:
    en = labels("en", translations(locales, "en"))
    assert en.events["evacuation"] == "Other event"  # a type an editor's correction made up
    assert en.counts["adults"] == "people"


def test_figure_values_in_the_page_language(locales: Path) -> None:
    en, de = labels("en", translations(locales, "en")), labels("de", translations(locales, "de"))
    assert en.figure_value(_quantity(1200, "more_than")) == "more than 1,200"
    assert de.figure_value(_quantity(1200, "exact")) == "1.200"
    assert en.figure_value(_quantity(None, "undisclosed")) == "not disclosed"
    assert en.figure_value(_quantity(5, "approximately")) == "5"  # an unknown qualifier shows the bare number


def test_figure_kinds(locales: Path) -> None:
    en = labels("en", translations(locales, "en"))
    assert en.figure_kind(FigureTraits(cumulative=True, planned=False, direction="received")) == "total so far, received"
    assert en.figure_kind(FigureTraits(cumulative=True, planned=True, direction="given")) == "offered or agreed"
    assert en.figure_kind(FigureTraits(cumulative=False, planned=False, direction="given")) == "one stage"
    assert en.figure_kind(None) == "—"  # an editor's figure has no traits
