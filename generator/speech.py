"""Quotes and attributed claims, with speakers resolved through the gazetteer.

Speakers are found by name, by role ("the Russian leader", "the ministry") and by
pronoun (he/she -> the last person named before). Whole-quoted statements are quotes
only; paraphrase with a reporting verb is a claim.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .gazetteer import Gazetteer, Mention
from .lexicon import load
from .model import Article, Claim, Evidence, Quote
from .text import Sentence

# Opening mark -> closing marks accepted for it.
QUOTE_PAIRS = {'"': '"', "\u201c": "\u201d\u201c", "\u00ab": "\u00bb", "\u201e": "\u201c\u201d"}
MIN_QUOTE_WORDS = 3  # shorter quoted spans are formula names or scare quotes


@dataclass(frozen=True)
class QuotedSpan:
    start: int  # offset of the text inside the marks
    end: int


@dataclass(frozen=True)
class SpeechPatterns:
    verbs: re.Pattern[str]
    speaker_after: re.Pattern[str]
    pronoun: re.Pattern[str]


@functools.cache
def patterns(language: str) -> SpeechPatterns:
    data = load("extraction")["speech"]
    lang = language if language in data["reporting_verbs"] else "en"
    return SpeechPatterns(
        verbs=re.compile(rf"(?<!\w)(?:{data['reporting_verbs'][lang]})(?!\w)", re.I),
        speaker_after=re.compile(rf"(?<!\w)(?:{data['speaker_after'][lang]})(?!\w)", re.I),
        pronoun=re.compile(rf"(?<!\w){data['pronouns'][lang]}(?!\w)", re.I),
    )


def quoted_spans(body: str) -> list[QuotedSpan]:
    spans: list[QuotedSpan] = []
    i = 0
    while i < len(body):
        closers = QUOTE_PAIRS.get(body[i])
        if closers is None:
            i += 1
            continue
        j = i + 1
        depth_open = body[i]
        while j < len(body) and body[j] not in closers:
            if body[j] == "\n" and depth_open == '"':
                break
            j += 1
        if j >= len(body) or body[j] == "\n":
            i += 1
            continue
        spans.append(QuotedSpan(i + 1, j))
        i = j + 1
    return spans


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    while end > start and body[end - 1] in " ,;:\u2014-":
        end -= 1
    while start < end and body[start].isspace():
        start += 1
    return start, end


class SpeakerTracker:
    """Resolves names, roles and pronouns in reading order."""

    def __init__(self, gazetteer: Gazetteer, mentions: list[Mention]):
        self.gazetteer = gazetteer
        self.mentions = mentions

    def last_person_before(self, offset: int) -> str | None:
        for m in reversed(self.mentions):
            if m.start < offset and m.entity.kind == "person":
                return m.entity.name
        return None

    def actor_in(self, start: int, end: int, nearest_to: int | None = None) -> Mention | None:
        inside = [m for m in self.mentions if start <= m.start and m.end <= end and m.entity.is_actor]
        if not inside:
            return None
        if nearest_to is None:
            return inside[0]
        return min(inside, key=lambda m: min(abs(m.start - nearest_to), abs(m.end - nearest_to)))


def extract_speech(
    article: Article, sents: list[Sentence], gazetteer: Gazetteer, mentions: list[Mention]
) -> tuple[list[Quote], list[Claim], dict[tuple[int, int], str]]:
    """Quotes and claims of one article, and the speaker of each quoted span (for figures)."""
    body = article.body
    pats = patterns(article.language)
    tracker = SpeakerTracker(gazetteer, mentions)
    quotes: list[Quote] = []
    speakers: dict[tuple[int, int], str] = {}
    spans = quoted_spans(body)
    for span in spans:
        start, end = _trim(body, span.start, span.end)
        text = body[start:end]
        if len(re.findall(r"\w+", text)) < MIN_QUOTE_WORDS:
            continue
        speaker = _quote_speaker(body, span, sents, pats, tracker)
        if speaker is None:
            continue
        speakers[(span.start, span.end)] = speaker
        sentence = _sentence_of(sents, start)
        quotes.append(Quote(text, speaker, article.language, Evidence(text, start, end, "quote.marks", sentence)))
    claims = _claims(article, sents, pats, tracker, spans)
    return quotes, claims, speakers


def _sentence_of(sents: list[Sentence], offset: int) -> str:
    for s in sents:
        if s.start <= offset < s.end:
            return s.text
    return ""


def _quote_speaker(body: str, span: QuotedSpan, sents: list[Sentence], pats: SpeechPatterns, tracker: SpeakerTracker) -> str | None:
    after_end = body.find("\n", span.end)
    after_end = len(body) if after_end < 0 else after_end
    # The attribution right after the closing mark: ' ," the ministry noted.' / '— заявив Путін'
    tail_match = re.match(r"[^\w]{0,4}([^.!?\n\"\u201c\u00ab]{0,120})", body[span.end + 1 : after_end])
    tail = tail_match.group(1) if tail_match else ""
    tail_start = span.end + 1 + (tail_match.start(1) if tail_match else 0)
    if tail and pats.verbs.search(tail):
        who = _speaker_in(tail_start, tail_start + len(tail), body, pats, tracker)
        if who:
            return who
    # The attribution before the opening mark in the same sentence: 'X said: "...'
    sentence_start = next((s.start for s in sents if s.start <= span.start - 1 < s.end), span.start)
    head = body[sentence_start : span.start - 1]
    if head and pats.verbs.search(head):
        who = _speaker_in(sentence_start, span.start - 1, body, pats, tracker)
        if who:
            return who
    # A quote standing alone right after a sentence that names a speaker.
    previous = [s for s in sents if s.end <= span.start - 1]
    if previous and not head.strip():
        last = previous[-1]
        if pats.verbs.search(last.text):
            return _speaker_in(last.start, last.end, body, pats, tracker)
    return None


def _speaker_in(start: int, end: int, body: str, pats: SpeechPatterns, tracker: SpeakerTracker) -> str | None:
    verb = pats.verbs.search(body, start, end)
    anchor = verb.start() if verb else start
    mention = tracker.actor_in(start, end, nearest_to=anchor)
    pronoun = pats.pronoun.search(body, start, end)
    if pronoun and (mention is None or abs(pronoun.start() - anchor) < abs(mention.start - anchor)):
        return tracker.last_person_before(pronoun.start())
    return mention.entity.name if mention else None


def _claims(article: Article, sents: list[Sentence], pats: SpeechPatterns, tracker: SpeakerTracker, spans: list[QuotedSpan]) -> list[Claim]:
    body = article.body
    claims: list[Claim] = []
    for s in sents:
        quoted = [q for q in spans if s.start <= q.start and q.end <= s.end]
        if any(q.end - q.start > 0.5 * (s.end - s.start) for q in quoted):
            continue  # a quoted statement is a quote, not a claim
        if re.match(r"\s*[-\u2022*]", s.text):
            continue  # lead bullet points restate the body
        after = pats.speaker_after.search(s.text)
        speaker: str | None = None
        if after:
            speaker = _speaker_in(s.start + after.end(), s.end, body, pats, tracker)
            if speaker is None:
                speaker = _speaker_in(s.start, s.end, body, pats, tracker)
        elif pats.verbs.search(s.text):
            speaker = _speaker_in(s.start, s.end, body, pats, tracker)
        if speaker:
            gist = _gist(s.text, pats)
            claims.append(Claim(speaker, gist, Evidence(s.text, s.start, s.end, "claim.reporting", s.text)))
    return claims


def _gist(sentence: str, pats: SpeechPatterns) -> str:
    m = re.search(r"\bthat\b|\bщо\b|\bчто\b", sentence)
    gist = sentence[m.end() :] if m else sentence
    return gist.strip().rstrip(".")
