"""Inflected gazetteer names: the precomputed table is current and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import gazetteer, morph


def test_the_shipped_forms_table_is_current() -> None:
    assert morph.FORMS_FILE.read_text(encoding="utf-8") == morph.forms_table(gazetteer.inflected_phrases()), (
        "generator/data/forms.json is out of date: run `make forms`"
    )


@pytest.mark.parametrize("phrase", ["Координаційний штаб з питань поводження з військовополоненими", "Лубінець", "Кремль", "Объединённые Арабские Эмираты"])
def test_the_table_gives_what_inflecting_gives(phrase: str) -> None:
    assert morph.forms(phrase) == morph.inflect(phrase)
    assert phrase in morph._precomputed()


def test_a_table_made_for_other_code_or_dictionaries_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stale = tmp_path / "forms.json"
    stale.write_text(json.dumps({"fingerprint": "something else", "forms": {"Кремль": ["Кремль"]}}), encoding="utf-8")
    monkeypatch.setattr(morph, "FORMS_FILE", stale)
    morph._precomputed.cache_clear()
    try:
        assert morph._precomputed() == {}
        assert "Кремля" in morph.forms("Кремль")
    finally:
        morph._precomputed.cache_clear()
