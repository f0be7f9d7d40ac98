"""Transcripts: turns of talk under speaker labels ("Q: …", "FIDAN: …", "Ведучий: …",
"Вопрос: … — Мединский: «…»").

A block of labelled lines is a transcript when one label is an interviewer's ("Q", "Ведучий",
the outlet's own name) and another names a person of the article. Words in an interviewer's
turn are nobody's quotes; quotes in a speaker's turn are the speaker's, and so are the figures
of the turn (as in a dialogue interview, the outlet records the answers: they are no claims).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .gazetteer import Gazetteer, Mention
from .lexicon import load

# A label opens a line (after a dialogue dash, if any) or follows a closed sentence and a dash
# on the same line ("Вопрос: Кто …? — Мединский: «…»").
_LABEL = re.compile(
    r"(?:^[ \t]*(?:[\u2014\u2013-][ \t]*)?|(?<=[.?!\u2026\u00bb\"\u201d])[ \t]*[\u2014\u2013][ \t]*)"
    r"(?P<label>[^\W\d_][\w'\u2019.\- ]{0,30}?)[ \t]*:[ \t]+(?=\S)",
    re.M,
)


@dataclass(frozen=True)
class Turn:
    label: int  # offset of the label
    start: int  # first character after the label
    end: int  # the next label on the line, or the line's end
    speaker: str | None  # None: the interviewer's turn


@functools.cache
def _interviewer(language: str) -> re.Pattern[str]:
    labels = load("extraction")["speech"]["interviewer_labels"]
    return re.compile(rf"(?:{labels.get(language, labels['en'])})", re.I)


def _stem(word: str) -> str:
    return word.casefold()[: max(4, len(word) - 3)]


def _speaker(label: str, gazetteer: Gazetteer, mentions: list[Mention]) -> str | None:
    """The person a label names: through the gazetteer ("FIDAN" as "Fidan"), else a person
    of the article whose name ends in the label's last word, in any case ("Лубінець", "Лубінця")."""
    text = label.title() if label.isupper() else label
    found = [m.entity.name for m in gazetteer.mentions(text) if m.entity.kind == "person" and not m.by_role]
    if found:
        return found[-1]
    words = re.findall(r"\w+", label)
    if not words or len(words[-1]) < 4:
        return None
    last = _stem(words[-1])
    for m in mentions:
        if m.entity.kind == "person" and not m.by_role and _stem(m.text.split()[-1]) == last:
            return m.entity.name
    return None


def turns(body: str, language: str, source: str | None, gazetteer: Gazetteer, mentions: list[Mention]) -> tuple[Turn, ...]:
    asks = _interviewer(language)
    labelled: list[tuple[re.Match[str], str | None]] = []
    for m in _LABEL.finditer(body):
        label = m.group("label").strip()
        if asks.fullmatch(label) or (source and label.casefold() == source.casefold()):
            labelled.append((m, None))
        elif (who := _speaker(label, gazetteer, mentions)) is not None:
            labelled.append((m, who))
    if not any(who is None for _, who in labelled) or all(who is None for _, who in labelled):
        return ()
    out: list[Turn] = []
    for index, (m, who) in enumerate(labelled):
        line_end = body.find("\n", m.end())
        end = len(body) if line_end < 0 else line_end
        if index + 1 < len(labelled) and labelled[index + 1][0].start() < end:
            end = labelled[index + 1][0].start()
        out.append(Turn(m.start("label"), m.end(), end, who))
    return tuple(out)


def turn_at(offset: int, turns_: tuple[Turn, ...]) -> Turn | None:
    return next((t for t in turns_ if t.label <= offset < t.end), None)
