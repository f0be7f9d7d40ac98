"""Inflected forms of Ukrainian and Russian names, through pymorphy3 and its uk/ru dictionaries.

The gazetteer lists names in the nominative ("Сибіга", "Координаційний штаб"); articles use
every case ("Сибіги", "у Координаційному штабі", "Кремле"). Rather than lemmatising each
token of each article (slow, and multi-word names need agreement anyway), the gazetteer
expands its own aliases once, at load time, into their singular case forms: matching stays
one regular expression, and the output does not depend on the order of articles.

Only the head of a name inflects: leading adjectives and names up to the first common noun
("Координаційний штаб з питань ..." -> the first two words; "Міністерство оборони Росії" ->
the first). Abbreviations (ЗСУ, РФ) and indeclinable words stay as written. Names the
dictionaries do not know decline by the ending tables in data/morph.yaml.

Loading the dictionaries and inflecting every alias took a fifth of a second on every
build, so the forms of the gazetteer's names ship precomputed in data/forms.json (`make
forms` rewrites it; a test fails when it is out of date). The table is used only while its
fingerprint (this module, the ending tables, the pymorphy3 versions) matches; a phrase it
lacks is inflected as before.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import re
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from .lexicon import DATA_DIR, load

FORMS_FILE = DATA_DIR / "forms.json"

CASES = ("gent", "datv", "accs", "ablt", "loct")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_UK_ONLY = re.compile("[іїєґІЇЄҐ]")
_RU_ONLY = re.compile("[ыэъёЫЭЪЁ]")
_NAME_TAGS = ("Name", "Surn", "Patr")


@functools.cache
def _analyzer(language: str) -> Any:
    import pymorphy3  # imported lazily: only gazetteer loading needs it

    return pymorphy3.MorphAnalyzer(lang=language)


def _languages(phrase: str) -> tuple[str, ...]:
    if _UK_ONLY.search(phrase):
        return ("uk",)
    if _RU_ONLY.search(phrase):
        return ("ru",)
    # Spelled alike in both: the languages whose dictionary knows the first word, else both.
    first = phrase.split(" ")[0]
    return tuple(lang for lang in ("uk", "ru") if _analyzer(lang).word_is_known(first)) or ("uk", "ru")


def _nominative(morph: Any, word: str) -> Any | None:
    """The parse of `word` as a declinable nominative noun or adjective, if it has one."""
    candidates = [p for p in morph.parse(word) if "nomn" in p.tag and p.tag.POS in ("NOUN", "ADJF") and "Fixd" not in p.tag and "Abbr" not in p.tag]
    singular = [p for p in candidates if "plur" not in p.tag]
    return (singular or candidates or [None])[0]


def _by_dictionary(parse: Any) -> dict[str, set[str]]:
    plural = "plur" in parse.tag  # uk tags mark only the plural
    gender = parse.tag.gender  # adjectives agree: "Мединський" never becomes "Мединська"
    out: dict[str, set[str]] = {case: set() for case in CASES}
    for form in parse.lexeme:
        if gender and not plural and form.tag.gender not in (gender, None):
            continue
        for case in CASES:
            if case in form.tag and ("plur" in form.tag) == plural:
                out[case].add(form.word)
    return out


def _by_endings(word: str, language: str) -> dict[str, set[str]]:
    table: dict[str, list[str]] = load("morph")[language]
    ending = word[-1].lower()
    key = ending if ending in table else ""
    stem = word[:-1] if key else word
    if not key and ending in "аеєиіїоуюяыэё":
        return {}  # an unknown vowel ending: leave the word as written
    return {case: {stem + alt for alt in table[key][i].split("|")} for i, case in enumerate(CASES)}


def _match_case(template: str, word: str) -> str:
    return word[:1].upper() + word[1:] if template[:1].isupper() else word


def fingerprint() -> str:
    """What the forms depend on besides the phrase: this code, the ending tables, the dictionaries."""
    parts = [Path(__file__).read_bytes(), (DATA_DIR / "morph.yaml").read_bytes()]
    parts += [f"{name}=={metadata.version(name)}".encode() for name in ("pymorphy3", "pymorphy3-dicts-uk", "pymorphy3-dicts-ru")]
    return hashlib.sha256(b"\x1f".join(parts)).hexdigest()[:16]


@functools.cache
def _precomputed() -> dict[str, list[str]]:
    try:
        data = json.loads(FORMS_FILE.read_text(encoding="utf-8"))
        return dict(data["forms"]) if data.get("fingerprint") == fingerprint() else {}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def forms(phrase: str) -> set[str]:
    """The phrase and its case forms (singular; plural names stay plural)."""
    known = _precomputed().get(phrase)
    return set(known) if known is not None else inflect(phrase)


def forms_table(phrases: list[str]) -> str:
    """data/forms.json for `phrases`, worked out afresh."""
    table = {phrase: sorted(inflect(phrase)) for phrase in sorted(set(phrases)) if _CYRILLIC.search(phrase)}
    return json.dumps({"fingerprint": fingerprint(), "forms": table}, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def inflect(phrase: str) -> set[str]:
    """forms() without the precomputed table."""
    out = {phrase}
    if not _CYRILLIC.search(phrase):
        return out
    out.add(phrase.replace("ё", "е").replace("Ё", "Е"))  # Russian is mostly printed without ё
    words = phrase.split(" ")
    for language in _languages(phrase):
        morph = _analyzer(language)
        head: list[dict[str, set[str]]] = []
        for i, word in enumerate(words):
            if word.isupper() or "-" in word or not _CYRILLIC.search(word):
                break
            known = morph.word_is_known(word)
            parse = _nominative(morph, word) if known else None
            if parse is not None:
                head.append(_by_dictionary(parse))
                is_name = any(t in parse.tag for t in _NAME_TAGS) or word[:1].isupper()
            elif not known and word[:1].isupper():
                table = _by_endings(word, language)
                if not table:
                    break
                head.append(table)
                is_name = True
            else:
                break
            if parse is None or parse.tag.POS == "NOUN":
                following = words[i + 1] if i + 1 < len(words) else ""
                if not (is_name and following[:1].isupper() and not following.isupper()):
                    break
        for case in CASES:
            options = [sorted(h[case]) for h in head]
            if not head or any(not o for o in options):
                continue
            for combo in itertools.product(*options):
                new = [_match_case(words[i], w) for i, w in enumerate(combo)]
                form = " ".join(new + words[len(head) :])
                out.add(form)
                out.add(form.replace("ё", "е").replace("Ё", "Е"))
    return out


if __name__ == "__main__":  # python -m generator.morph: rewrite data/forms.json
    from .gazetteer import inflected_phrases  # here: the gazetteer itself uses forms()

    FORMS_FILE.write_text(forms_table(inflected_phrases()), encoding="utf-8")
    print(f"wrote {FORMS_FILE}", file=sys.stderr)
