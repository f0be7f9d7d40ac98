"""Extract dated events, figures, quotes, claims and entities from one article.

Pure: `extract(article)` reads only the article and the data tables. Every fact keeps
its evidence (an exact substring of the body, its span and the rule id).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import dates as dates_mod
from .gazetteer import Gazetteer, Mention, default
from .lexicon import load
from .model import Article, ArticleFacts, Event, Evidence, Quantity
from .numbers import find_numbers
from .speech import extract_speech
from .text import Sentence, sentences

EVENT_TYPES = ("prisoner_exchange", "remains_return", "talks", "ceasefire", "other")


@dataclass(frozen=True)
class _Lexicon:
    triggers: tuple[tuple[str, re.Pattern[str]], ...]
    modality: re.Pattern[str]
    ordinals: dict[str, int]
    count_nouns: tuple[tuple[str, re.Pattern[str]], ...]
    body_before: re.Pattern[str]
    qualifiers: tuple[tuple[str, re.Pattern[str]], ...]
    elliptic_after: re.Pattern[str]
    elliptic_before: re.Pattern[str]
    not_counts: re.Pattern[str]
    undisclosed: re.Pattern[str]


def _words(pattern: str) -> str:
    return rf"(?<!\w)(?:{pattern})(?!\w)"


@functools.cache
def lexicon(language: str) -> _Lexicon:
    data = load("extraction")
    lang = language if language in data["events"] else "en"
    q = data["quantities"]
    triggers = tuple((etype, re.compile(_words(p), re.I)) for etype, pats in data["events"][lang].items() for p in pats)
    return _Lexicon(
        triggers=triggers,
        modality=re.compile(_words("|".join(data["modality"][lang])), re.I),
        ordinals=data["ordinals"][lang],
        count_nouns=tuple((kind, re.compile(rf"(?:{p})(?!\w)", re.I)) for kind, p in q["count_nouns"][lang]),
        body_before=re.compile(rf"(?:{q['body_before'][lang]})\s*$", re.I),
        qualifiers=tuple((k, re.compile(rf"(?<!\w)(?:{p})\s*$", re.I)) for k, p in q["qualifiers"][lang].items()),
        elliptic_after=re.compile(rf"^\s*(?:{q['elliptic_after'][lang]})(?!\w)", re.I),
        elliptic_before=re.compile(rf"(?<!\w)(?:{q['elliptic_before'][lang]})\s*$", re.I),
        not_counts=re.compile(rf"^\s*(?:{q['not_counts'][lang]})(?!\w)", re.I),
        undisclosed=re.compile(_words(q["undisclosed"][lang]), re.I),
    )


def extract(article: Article, gazetteer: Gazetteer | None = None) -> ArticleFacts:
    gaz = gazetteer or default()
    body = article.body
    sents = sentences(body)
    mentions = gaz.mentions(body)
    date_mentions = dates_mod.find_dates(body, article.language, article.published)
    quotes, claims, quote_speakers = extract_speech(article, sents, gaz, mentions)
    claim_speakers = {(c.evidence.start, c.evidence.end): c.speaker for c in claims}
    events = _events(article, sents, date_mentions, mentions)
    quantities = _quantities(article, sents, date_mentions, quote_speakers, claim_speakers)
    actors = sorted({m.entity.name for m in mentions if m.entity.is_actor})
    # Speakers are actors too, unless they are unnamed sources (not in the gazetteer).
    speakers = {q.speaker for q in quotes if q.speaker} | {c.speaker for c in claims}
    actors = sorted(set(actors) | {name for name in speakers if gaz.get(name) is not None})
    places = sorted({m.entity.name for m in mentions if m.entity.kind == "place"})
    return ArticleFacts(
        article=article,
        events=tuple(events),
        quantities=tuple(quantities),
        quotes=tuple(quotes),
        claims=tuple(claims),
        actors=tuple(actors),
        places=tuple(places),
        candidates=tuple(_candidates(body, mentions, sents)),
    )


def _events(article: Article, sents: list[Sentence], date_mentions: list[dates_mod.DateMention], mentions: list[Mention]) -> list[Event]:
    lex = lexicon(article.language)
    body = article.body
    seen: dict[tuple[str, object], Event] = {}
    masked = _mask(body, [(d.start, d.end) for d in date_mentions])  # "May 16" is no modal verb
    for s in sents:
        in_sentence = [d for d in date_mentions if s.start <= d.start < s.end and not d.future]
        if not in_sentence:
            continue
        triggers = [(etype, m) for etype, pat in lex.triggers for m in pat.finditer(body, s.start, s.end)]
        if not triggers:
            continue
        for mention in in_sentence:
            etype, trig = min(triggers, key=lambda t: (_distance(t[1], mention), EVENT_TYPES.index(t[0])))
            lo, hi = min(trig.start(), mention.start), max(trig.end(), mention.end)
            if lex.modality.search(masked, lo, hi) or lex.modality.search(masked, s.start, lo):
                continue
            for date in mention.dates:
                if date > article.published:
                    continue
                key = (etype, date)
                if key in seen:
                    continue
                evidence = Evidence(s.text, s.start, s.end, f"event.trigger.{etype}", s.text)
                place = _nearest(mentions, s, trig.start(), kind="place")
                seen[key] = Event(
                    type=etype,
                    date=date,
                    date_basis=mention.basis,
                    evidence=evidence,
                    place=place,
                    ordinal=_ordinal(body[s.start : trig.start()], lex.ordinals),
                    participants=tuple(sorted({m.entity.name for m in mentions if s.start <= m.start < s.end and m.entity.kind == "country"})),
                )
    return sorted(seen.values(), key=lambda e: (e.date, e.type))


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _distance(trigger: re.Match[str], mention: dates_mod.DateMention) -> int:
    if trigger.end() <= mention.start:
        return mention.start - trigger.end()
    if mention.end <= trigger.start():
        return trigger.start() - mention.end
    return 0


def _nearest(mentions: list[Mention], s: Sentence, offset: int, kind: str) -> str | None:
    candidates = [m for m in mentions if s.start <= m.start < s.end and m.entity.kind == kind]
    if not candidates:
        return None
    return min(candidates, key=lambda m: abs(m.start - offset)).entity.name


def _ordinal(before: str, ordinals: dict[str, int]) -> int | None:
    words = re.findall(r"[\w']+", before.lower())[-3:]
    for word in reversed(words):
        for stem, number in ordinals.items():
            if word.startswith(stem):
                return number
    return None


def _quantities(
    article: Article,
    sents: list[Sentence],
    date_mentions: list[dates_mod.DateMention],
    quote_speakers: dict[tuple[int, int], str],
    claim_speakers: dict[tuple[int, int], str],
) -> list[Quantity]:
    lex = lexicon(article.language)
    body = article.body
    in_dates = [(d.start, d.end) for d in date_mentions]
    out: list[Quantity] = []
    last_counts: str | None = None
    for s in sents:
        for number in find_numbers(s.text, article.language):
            start, end = s.start + number.start, s.start + number.end
            if any(a <= start < b for a, b in in_dates):
                continue
            after = body[end : min(s.end, end + 60)]
            before = body[max(s.start, start - 40) : start]
            if lex.not_counts.match(after):
                continue
            formula = re.match(r"\s*(?:-|\u2013)?\s*(?:for|на|за)\s*(?:-|\u2013)?\s*(\d[\d,. \u00a0\u202f]*|тисячу|тысячу)", after)
            counts = _counts(after, before, lex)
            rule = "quantity.noun"
            if counts is None and formula:
                # "a formula of 1,000 for 1,000" names prisoners unless bodies are meant.
                bodies = lex.body_before.search(body[max(s.start, start - 80) : start] + " ") or _last_noun(s.text, lex) == "bodies"
                counts = _counts(after[formula.end() :], "", lex) or ("bodies" if bodies else "prisoners")
                rule = "quantity.formula"
            if counts is None and last_counts and (lex.elliptic_after.match(after) or lex.elliptic_before.search(before)):
                counts, rule = last_counts, "quantity.elliptic"
            if counts is None:
                continue
            if number.value >= 1900 and number.value <= 2100 and rule == "quantity.elliptic":
                continue
            last_counts = counts
            qualifier = next((k for k, pat in lex.qualifiers if pat.search(before)), "exact")
            speaker = _speaker_at(start, quote_speakers) or _speaker_at(start, claim_speakers)
            evidence_text = body[start:end]
            out.append(
                Quantity(
                    value=number.value,
                    counts=counts,
                    qualifier=qualifier,
                    evidence=Evidence(evidence_text, start, end, rule, s.text),
                    who=_who(s.text),
                    attributed_to=speaker,
                )
            )
        undisclosed = lex.undisclosed.search(s.text)
        if undisclosed:
            counts = _counts(s.text[undisclosed.end() :], "", lex) or last_counts or "people"
            text = s.text[undisclosed.start() : undisclosed.end()]
            ev = Evidence(text, s.start + undisclosed.start(), s.start + undisclosed.end(), "quantity.undisclosed", s.text)
            out.append(Quantity(None, counts, "undisclosed", ev, _who(s.text), None))
    return _dedupe(out)


def _last_noun(before: str, lex: _Lexicon) -> str | None:
    """The count noun nearest before a number ("soldiers' remains ... 6,000-for-6,000")."""
    best: tuple[int, str] | None = None
    for kind, pat in lex.count_nouns:
        for m in pat.finditer(before):
            if best is None or m.start() > best[0]:
                best = (m.start(), kind)
    return best[1] if best else None


def _counts(after: str, before: str, lex: _Lexicon) -> str | None:
    window = re.match(r"\s*(?:[\w'\u2019-]+\s+){0,3}?", after)
    head = after[: (window.end() if window else 0) + 40]
    # The noun nearest the number decides ("1,000 Russian servicemen and civilians" are
    # soldiers), not the order of the table.
    hits = [(m.start(), kind) for kind, pat in lex.count_nouns for m in [pat.search(head)] if m and len(re.findall(r"\w+", head[: m.start()])) <= 3]
    if hits:
        if lex.body_before.search(before):
            return "bodies"
        return min(hits)[1]
    if lex.body_before.search(before):
        return "bodies"
    return None


def _speaker_at(offset: int, spans: dict[tuple[int, int], str]) -> str | None:
    for (a, b), who in spans.items():
        if a <= offset < b:
            return who
    return None


def _who(sentence: str) -> str:
    return sentence.strip()


def _dedupe(items: list[Quantity]) -> list[Quantity]:
    """Repeated mentions of one figure by the same source are one entry (the first)."""
    seen: set[tuple[object, ...]] = set()
    out: list[Quantity] = []
    for q in items:
        key = (q.value, q.counts, q.attributed_to)
        if key in seen:
            continue
        seen.add(key)
        out.append(q)
    return out


_CANDIDATE = re.compile(r"(?<![\w'])[A-ZА-ЯІЇЄҐ][\w'\u2019-]+(?:\s+[A-ZА-ЯІЇЄҐ][\w'\u2019-]+)*")
_STOP = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "This",
    "These",
    "That",
    "During",
    "According",
    "Following",
    "Earlier",
    "All",
    "So",
    "We",
    "It",
    "He",
    "She",
    "They",
    "Through",
    "Specifically",
    "Regrettably",
    "Glory",
    "And",
    "Key",
    "Synopsis",
}


def _candidates(body: str, mentions: list[Mention], sents: list[Sentence]) -> list[str]:
    starts = {s.start for s in sents}
    covered = [(m.start, m.end) for m in mentions]
    found: set[str] = set()
    for m in _CANDIDATE.finditer(body):
        if m.start() in starts or any(a <= m.start() < b for a, b in covered):
            continue
        name = m.group(0)
        if name in _STOP or len(name) < 3:
            continue
        found.add(name)
    return sorted(found)
