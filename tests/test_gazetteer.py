"""The gazetteer's name matching: one prefix-sharing pattern, same answers as a flat list."""

from __future__ import annotations

import re
from pathlib import Path

from generator import gazetteer
from generator.lexicon import apostrophe_pattern

ROOT = Path(__file__).resolve().parent.parent


def _flat(table: dict[str, str], flags: int) -> re.Pattern[str]:
    """The plain alternation, longest phrase first: what the prefix-sharing pattern replaces."""
    alternatives = "|".join(apostrophe_pattern(a) for a in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", flags)


def test_the_prefix_sharing_pattern_finds_what_a_flat_alternation_finds() -> None:
    gaz = gazetteer.Gazetteer(gazetteer.load("gazetteer")["entities"])
    flat = gazetteer.Gazetteer(gazetteer.load("gazetteer")["entities"])
    flat._name_pattern, flat._role_pattern = _flat(flat._names, 0), _flat(flat._roles, re.I)
    texts = [p.read_text(encoding="utf-8") for d in ("seeds", "tests/corpus/articles", "tests/heldout/articles") for p in (ROOT / d).glob("*.txt")]
    assert len(texts) > 50
    for text in texts:
        assert gaz.mentions(text) == flat.mentions(text)


def test_longer_phrases_win_and_apostrophes_vary() -> None:
    phrases = ["Kyiv", "Kyiv Oblast", "п'ятниця"]
    pattern = re.compile(f"(?:{gazetteer.prefix_pattern(phrases)})(?!\\w)")
    assert pattern.match("Kyiv Oblast said").group(0) == "Kyiv Oblast"
    assert pattern.match("Kyiv said").group(0) == "Kyiv"
    assert pattern.match("п\u2019ятниця").group(0) == "п\u2019ятниця"


def test_phrase_scanner_finds_whole_words_longest_first_with_any_apostrophe() -> None:
    from generator.gazetteer import PhraseScanner

    scanner = PhraseScanner(["Volodymyr Zelensky", "Volodymyr Zelenskyy", "Зеленський", "п'ятниця"], fold_case=False)
    text = "Volodymyr Zelenskyy met Volodymyr Zelensky-style crowds; Зеленськийй; п’ятниця."
    assert [text[s:e] for s, e in scanner.spans(text)] == ["Volodymyr Zelenskyy", "п’ятниця"]
    roles = PhraseScanner(["the ombudsman"], fold_case=True)
    assert list(roles.spans("İ The Ombudsman said")) == [(2, 15)]
