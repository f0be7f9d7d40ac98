"""Accuracy of generator.langdetect.detect on every corpus article and on short or mixed snippets.

The corpus accuracy is printed (run with -s to see it) and must be 1.0: the site files an
article under the language detected when its metadata gives none.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.langdetect import detect

CORPUS = Path(__file__).resolve().parent / "corpus" / "articles"


def corpus() -> list[tuple[str, str, str]]:
    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        meta = yaml.safe_load(path.with_suffix(".meta.yaml").read_text(encoding="utf-8"))
        out.append((path.name, path.read_text(encoding="utf-8"), meta["language"]))
    return out


def test_corpus_accuracy_is_one() -> None:
    articles = corpus()
    assert len(articles) >= 36
    wrong = [(name, lang, detect(text)) for name, text, lang in articles if detect(text) != lang]
    accuracy = 1 - len(wrong) / len(articles)
    by_lang = {lang: sum(1 for _, _, lg in articles if lg == lang) for lang in ("en", "uk", "ru")}
    print(f"\nlangdetect corpus accuracy {accuracy:.3f} on {len(articles)} articles {by_lang}; wrong: {wrong}")
    assert wrong == []
    assert accuracy == 1.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one letter or word of the language's own is enough in a short snippet
        ("Обмін полоненими відбувся в п'ятницю.", "uk"),
        ("Обмен пленными состоялся в пятницу.", "ru"),
        ("Їхні імена відомі.", "uk"),
        ("Переговоры в Стамбуле.", "ru"),
        ("The exchange took place on Friday.", "en"),
        # mixed: the majority script and its cues decide, quoted Latin names do not
        ("Президент Зеленський написав у Telegram, що всі наші люди вже вдома: «Home».", "uk"),
        ("Зеленський написав у Telegram: «Our people are home».", "uk"),  # the quote does not decide
        ("Мединский заявил агентству Reuters, что обмен завершён.", "ru"),
        ("Zelensky wrote «Ми повертаємо наших» on Telegram after the exchange on Friday.", "en"),
        ("", "en"),
    ],
)
def test_short_and_mixed_snippets(text: str, expected: str) -> None:
    assert detect(text) == expected
