"""Extract dated events, figures, quotes, claims and entities from one article.

Pure: `extract(article)` reads only the article and the data tables. Every fact keeps
its evidence (an exact substring of the body, its span and the rule id).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from . import cleantext, ledger, transcripts
from . import dates as dates_mod
from .gazetteer import Gazetteer, Mention, default
from .lexicon import load, normalise_apostrophes
from .model import Article, ArticleFacts, Claim, Event, Evidence, Quantity, Quote
from .numbers import find_numbers
from .organisations import unlisted_organisations
from .people import unlisted_people
from .sources import shingles
from .speech import extract_speech, interview_answers, resolve_roles
from .text import Sentence, sentences

EVENT_TYPES = ("prisoner_exchange", "remains_return", "talks", "ceasefire", "other")


@dataclass(frozen=True)
class _Lexicon:
    triggers: tuple[tuple[str, re.Pattern[str]], ...]
    generic: tuple[tuple[re.Pattern[str], tuple[str, ...], bool], ...]  # (pattern, allowed types, within its paragraph only)
    said: re.Pattern[str]
    said_audience: re.Pattern[str]  # "told reporters on Thursday"
    report_of_previous: re.Pattern[str]
    framing_before: re.Pattern[str]
    title_holder_before: re.Pattern[str]
    organisation_in_title: re.Pattern[str]
    title_after: re.Pattern[str] | None
    place_in_name: re.Pattern[str] | None
    daily: re.Pattern[str]
    clause_breaks: re.Pattern[str]
    live_stamp: re.Pattern[str]
    list_joiner: re.Pattern[str]
    modality: re.Pattern[str]
    modal_object: re.Pattern[str]
    unresolvable_time: re.Pattern[str]
    ordinals: dict[str, int]
    weekdays: frozenset[str]  # weekday names in every form, which ordinal stems must not take
    count_nouns: tuple[tuple[str, re.Pattern[str]], ...]
    body_before: re.Pattern[str]
    qualifiers: tuple[tuple[str, re.Pattern[str]], ...]
    elliptic_after: re.Pattern[str]
    elliptic_before: re.Pattern[str]
    not_counts: re.Pattern[str]
    year_before: re.Pattern[str]
    partitive: re.Pattern[str]
    vague_before: re.Pattern[str]
    undisclosed: re.Pattern[str]
    captivity: re.Pattern[str]
    dead_context: re.Pattern[str]
    losses_before: re.Pattern[str]
    losses_after: re.Pattern[str]
    collectives: frozenset[str]  # numerals that count people by themselves ("двоє", "пятеро")
    since_before: re.Pattern[str] | None  # makes the date after it a starting point
    since_when: re.Pattern[str] | None  # after such a date, a clause that tells what happened that day
    dash_preposition: re.Pattern[str]  # a noun past a dash and one of these counts something else
    happened_before: re.Pattern[str]  # a verb of the event right before a date: the date is the event's


def _words(pattern: str) -> str:
    return rf"(?<!\w)(?:{pattern})(?!\w)"


def _blank_tolerant(pattern: str) -> str:
    return pattern.replace(" ", r"\s+")


@functools.cache
def lexicon(language: str) -> _Lexicon:
    data = load("extraction")
    lang = language if language in data["events"] else "en"
    q = data["quantities"]
    # One alternation per type (speed: a 3 KB article is scanned once per type, not once per
    # pattern); longer patterns first, so that at one position the fuller phrase is taken.
    triggers = tuple((etype, re.compile(_words("|".join(sorted(pats, key=len, reverse=True))), re.I)) for etype, pats in data["events"][lang].items())
    return _Lexicon(
        triggers=triggers,
        generic=tuple((re.compile(_words(entry[0]), re.I), tuple(entry[1]), entry[2:] == ["paragraph"]) for entry in data["generic_triggers"][lang]),
        said=re.compile(_words(data["said_near_date"][lang]), re.I),
        said_audience=re.compile(rf"\s*(?:{data['said_audience'][lang]})\s*", re.I),
        report_of_previous=re.compile(data["report_of_previous"][lang], re.I),
        framing_before=re.compile(data["framing_before"][lang], re.I),
        title_holder_before=re.compile(rf"(?<!\w)(?:{data['title_holder_before'][lang]})\s+$", re.I),
        organisation_in_title=re.compile(rf"(?<!\w)(?:{data['organisation_in_title'][lang]})\s*$", re.I),
        title_after=re.compile(rf"\s+(?:{data['title_after'][lang]})\s+[A-ZА-ЯІЇЄҐ]") if data["title_after"].get(lang) else None,
        place_in_name=re.compile(rf"\s+(?:{data['place_in_name'][lang]})(?!\w)") if data["place_in_name"].get(lang) else None,
        daily=re.compile(_words(data["daily"][lang]), re.I),
        clause_breaks=re.compile(data["clause_breaks"][lang], re.I),
        live_stamp=re.compile(data["live_stamp"]),
        list_joiner=re.compile(
            r"\s*(?:"
            + "|".join(re.escape(j) for j in load("dates")["list_joiners"][lang])
            + r")?\s*(?:"
            + "|".join(re.escape(j) for j in load("dates")["list_joiners"][lang])
            + r")\s*",
            re.I,
        ),
        modality=re.compile(_words("|".join(data["modality"][lang])), re.I),
        # Dates are masked as blanks: "agreed on Monday to exchange" reads "agreed <blanks> to exchange".
        modal_object=re.compile(rf"(?<!\w)(?P<word>{_blank_tolerant(data['modal_object'][lang])})\s+(?:\S+\s+){{0,3}}$", re.I),
        unresolvable_time=re.compile(_words(data["unresolvable_time"][lang]), re.I),
        ordinals=data["ordinals"][lang],
        weekdays=frozenset(normalise_apostrophes(w) for w in load("dates")["weekdays"].get(lang, {})),
        count_nouns=tuple((kind, re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.I)) for kind, p in q["count_nouns"][lang]),
        body_before=re.compile(rf"(?:{q['body_before'][lang]})\s*$", re.I),
        qualifiers=tuple((k, re.compile(rf"(?<!\w)(?:{p})\s*$", re.I)) for k, p in q["qualifiers"][lang].items()),
        elliptic_after=re.compile(rf"^\s*(?:{q['elliptic_after'][lang]})(?!\w)", re.I),
        elliptic_before=re.compile(
            rf"(?<!\w)(?:{q['elliptic_before'][lang]})\s*[\"\u00ab\u201c\u201e]?\s*(?:(?:{q['elliptic_filler'][lang]}|{'|'.join(q['qualifiers'][lang].values())})\s+)*[\"\u00ab\u201c\u201e]?\s*$",
            re.I,
        ),
        not_counts=re.compile(rf"^\s*(?:{q['not_counts'][lang]})(?!\w)", re.I),
        partitive=re.compile(rf"^\s*(?:{q['partitive'][lang]})\s*", re.I),
        year_before=re.compile(rf"(?<!\w)(?:{q['year_before'][lang]})\s+$", re.I),
        vague_before=re.compile(rf"(?<!\w)(?:{q['vague_before'][lang]})\s+$", re.I),
        undisclosed=re.compile(_words(q["undisclosed"][lang]), re.I),
        captivity=re.compile(_words(q["captivity"][lang]), re.I),
        dead_context=re.compile(_words(q["dead_context"][lang]), re.I),
        losses_before=re.compile(rf"(?<!\w)(?:{q['losses_before'][lang]})\s+(?:\S+\s+){{0,2}}$", re.I),
        losses_after=re.compile(rf"^\s*(?:[\w'\u2019-]+\s+){{0,4}}?(?:{q['losses_after'][lang]})(?!\w)", re.I),
        collectives=frozenset(w.casefold() for w in q.get("collectives", {}).get(lang, "").split()),
        happened_before=re.compile(rf"(?<!\w)(?:{data['happened_before'][lang]})\s+(?:(?:on|в|у|во)\s+)?$", re.I),
        since_when=re.compile(rf",?\s+(?:{data['since_when'][lang]})\b", re.I) if data["since_when"].get(lang) else None,
        dash_preposition=re.compile(rf"\s[\u2014\u2013]\s+(?:{q['dash_prepositions'][lang]})\s", re.I),
        since_before=re.compile(rf"(?<!\w)(?:{data['since_before'][lang]})\s+(?:[^\s,;.]+\s+){{0,6}}?$", re.I) if data["since_before"].get(lang) else None,
    )


def _in_title(m: Mention, body: str, lex: _Lexicon, gaz: Gazetteer) -> bool:
    """Whether a mention only names someone else's job: a role inside a title ("помощник
    президента России", "Kremlin aide Vladimir Medinsky"), or an organisation the gazetteer
    does not list in one ("the secretary of the National Security and Defence Council")."""
    before = max(0, m.start - 40)
    if m.by_role and lex.title_holder_before.search(body, before, m.start):
        return True
    if m.entity.kind == "organisation" and gaz.get(m.entity.name) is None and lex.organisation_in_title.search(body, before, m.start):
        return True
    return bool(lex.title_after and m.entity.kind != "person" and lex.title_after.match(body, m.end))


def extract(article: Article, gazetteer: Gazetteer | None = None) -> ArticleFacts:
    gaz = gazetteer or default()
    original = article
    readable, offsets = cleantext.clean(article.body)
    article = replace(article, body=blank_furniture(readable, article.language))
    body = article.body
    sents = sentences(body)
    listed = gaz.mentions(body)
    people = unlisted_people(body, listed)
    organisations = unlisted_organisations(body, article.language, [*listed, *people])
    named = [(o.start, o.end) for o in organisations if not o.by_role]
    # a body or country inside an organisation's name ("the UN … Mission in Ukraine") does not act there; a place stays a place
    listed = [m for m in listed if m.entity.kind == "place" or not any(s <= m.start and m.end <= e for s, e in named)]
    # a role several hold ("the ministry") is the one named last, for speakers and actors alike
    mentions = resolve_roles(sorted([*listed, *people, *organisations], key=lambda m: m.start), gaz)
    date_mentions = dates_mod.find_dates(body, article.language, article.published)
    talk = transcripts.turns(body, article.language, article.source, gaz, mentions)
    quotes, claims, quote_speakers = extract_speech(article, sents, gaz, mentions, talk)
    claim_speakers = {(c.evidence.start, c.evidence.end): c.speaker for c in claims}
    events = _events(article, sents, date_mentions, mentions)
    quantities = _quantities(article, sents, date_mentions, quote_speakers, claim_speakers, _answers(body, mentions, talk, claims))
    lex = lexicon(article.language)
    actors = sorted({m.entity.name for m in mentions if m.entity.is_actor and not _in_title(m, body, lex, gaz)})
    # Speakers are actors too, unless they are unnamed sources (not in the gazetteer).
    speakers = {q.speaker for q in quotes if q.speaker} | {c.speaker for c in claims}
    located, governments = _capital_uses(body, article.language, mentions)
    # A country other than the two parties is a place where the text puts something there
    # ("wait for Putin in Turkey"), and an actor only where it acts ("Turkey is ready to host").
    visited, acting = _country_uses(body, article.language, mentions)
    actors = sorted((set(actors) - (visited - acting)) | {name for name in speakers if gaz.get(name) is not None} | governments)
    dateline = gaz.dateline_places(body, _kickers())
    places = sorted(
        {
            m.entity.name
            for m in mentions
            if m.entity.kind == "place"
            and (m.entity.capital_of is None or m.entity.name in located)
            and not (lex.place_in_name and lex.place_in_name.match(body, m.end))  # "the Geneva Conventions"
        }
        | {m.entity.name for m in dateline}
        | visited
    )
    facts = ArticleFacts(
        article=original,
        events=tuple(events),
        quantities=tuple(quantities),
        quotes=tuple(quotes),
        claims=tuple(claims),
        actors=tuple(actors),
        places=tuple(places),
        candidates=tuple(_candidates(body, listed, sents)),  # people found by their given name too: the gazetteer may want them
        shingles=shingles(body),
        sentence_dates=_sentence_dates(article, [*quantities, *quotes, *claims]),
        traits=tuple(ledger.traits(q, article.language) for q in quantities),
    )
    return cleantext.to_written(facts, original.body, readable, offsets) if offsets is not None else facts


@functools.cache
def _kickers() -> re.Pattern[str]:
    """What a line in capitals may open with that is no place: kickers, days and months ("TUESDAY — …")."""
    dates = load("dates")
    words = [w for table in ("weekdays", "months") for lang in dates[table].values() for w in lang]
    return re.compile(rf"(?:{load('extraction')['dateline_kickers']}|(?:{'|'.join(map(re.escape, words))})(?:\s.*)?)", re.I)


def _answers(body: str, mentions: list[Mention], talk: tuple[transcripts.Turn, ...], claims: list[Claim]) -> dict[tuple[int, int], str]:
    """Spans whose figures are someone's though no quotation marks say so: a dialogue's answers,
    a transcript's turns, and a post pasted after its author's line ("Zelensky wrote on X:")."""
    posts: dict[tuple[int, int], str] = {}
    for claim in claims:
        if claim.evidence.text.rstrip().endswith(":") and body.startswith("\n", claim.evidence.end):
            start = claim.evidence.end
            while start < len(body) and body[start].isspace():
                start += 1
            end = body.find("\n\n", start)
            if not re.match(r"[-\u2022*]\s", body[start : start + 2]):  # a bulleted list is the outlet's summary
                posts[(start, len(body) if end < 0 else end)] = claim.speaker
    return interview_answers(body, mentions) | {(t.start, t.end): t.speaker for t in talk if t.speaker} | posts


@functools.cache
def _furniture(language: str) -> re.Pattern[str]:
    patterns = load("extraction")["furniture"]
    return re.compile(rf"(?im)^[ \t]*(?:{patterns.get(language, patterns['en'])}).*$")


def blank_furniture(body: str, language: str) -> str:
    """The body with lines of page furniture ("Read more: …", "Reporting by …") blanked; offsets stay."""
    return _furniture(language).sub(lambda m: " " * len(m.group(0)), body)


def _sentence_dates(article: Article, facts: list[Quantity | Quote | Claim]) -> tuple[tuple[str, tuple[dt.date, ...]], ...]:
    """The dates each fact's sentence names (not future ones), in order: consolidation dates
    the fact by the first of them that is a day with events."""
    found: dict[str, tuple[dt.date, ...]] = {}
    for fact in facts:
        sentence = fact.evidence.sentence
        if sentence not in found:
            found[sentence] = dates_mod.past_dates(sentence, article.language, article.published)
    return tuple(found.items())


@dataclass(frozen=True)
class _Capitals:
    locative_before: re.Pattern[str]
    impersonal_before: re.Pattern[str] | None
    impersonal_after: re.Pattern[str] | None
    possessive_after: re.Pattern[str] | None


@functools.cache
def _capitals_lexicon(language: str) -> _Capitals:
    data = load("extraction")["capitals"]
    lang = language if language in data["locative_before"] else "en"

    def optional(key: str, template: str) -> re.Pattern[str] | None:
        words = data[key].get(lang) or ""
        return re.compile(template.format(words), re.I) if words else None

    return _Capitals(
        locative_before=re.compile(rf"(?<!\w)(?:{data['locative_before'][lang]})\s+$", re.I),
        impersonal_before=optional("impersonal_before", r"(?<!\w)(?:{})\s+$"),
        # Matched at the end of the capital (`match` with a start: no "^", which would only
        # match at the start of the text); an adverb may stand between: "в Киеве также заявили".
        impersonal_after=optional("impersonal_after", rf"\s+(?:(?:{data['impersonal_adverbs'][lang]})\s+)?(?:{{}})(?!\w)"),
        possessive_after=optional("possessive_after", r"(?:{})"),
    )


def _capital_uses(body: str, language: str, mentions: list[Mention]) -> tuple[set[str], set[str]]:
    """Capitals used as locations, and the countries whose capital stands for their government.

    "talks in Moscow", "flown to Moscow", "в Києві" are locations; "Moscow accused Kyiv",
    "Kyiv's delegation", "подконтрольной Киеву", and impersonal voices ("sources in Kyiv",
    "в Киеве утверждают") are the government, i.e. the country as an actor. A capital in a
    dateline is a place (see `Gazetteer.dateline_places`).
    """
    lex = _capitals_lexicon(language)
    located: set[str] = set()
    governments: set[str] = set()
    for m in mentions:
        country = m.entity.capital_of
        if country is None or m.by_role:
            continue
        before = body[max(0, m.start - 60) : m.start]
        prep = lex.locative_before.search(before)
        impersonal = prep is not None and (
            (lex.impersonal_before is not None and lex.impersonal_before.search(before[: prep.start()]) is not None)
            or (lex.impersonal_after is not None and lex.impersonal_after.match(body, m.end, m.end + 40) is not None)
        )
        owns = lex.possessive_after is not None and lex.possessive_after.match(body, m.end) is not None
        if prep is not None and not impersonal and not owns:  # "in Kyiv's court" is the government's
            located.add(m.entity.name)
        else:
            governments.add(country)
    return located, governments


def _country_uses(body: str, language: str, mentions: list[Mention]) -> tuple[set[str], set[str]]:
    """Countries named as locations ("in Turkey", "в Турции"), and countries named otherwise.
    Russia and Ukraine are always actors (`actor_only`), never places."""
    lex = _capitals_lexicon(language)
    located: set[str] = set()
    acting: set[str] = set()
    for m in mentions:
        if m.entity.kind != "country" or m.entity.actor_only or m.by_role:
            continue
        if lex.locative_before.search(body, max(0, m.start - 60), m.start):
            located.add(m.entity.name)
        else:
            acting.add(m.entity.name)
    return located, acting


@dataclass(frozen=True)
class _Trigger:
    type: str
    start: int
    end: int


# A trigger's words are in one sentence: "handed over on the border\n\nThe bodies" is a
# headline and the next sentence, not one phrase.
_CROSSES_SENTENCE = re.compile(r"\n|[.!?]\s")


def _in_sentences(pattern: re.Pattern[str], body: str) -> Iterator[re.Match[str]]:
    """Matches that do not run into the next sentence; after one that does, the search goes
    on from its second character (its own words may start a match of their own)."""
    position = 0
    while (m := pattern.search(body, position)) is not None:
        if _CROSSES_SENTENCE.search(m.group(0)):
            position = m.start() + 1
            continue
        yield m
        position = max(m.end(), m.start() + 1)


def _find_triggers(body: str, lex: _Lexicon) -> list[_Trigger]:
    """Every trigger in the body, overlaps resolved (longest wins, specific before anaphoric).

    Anaphoric triggers ("the handover", "another stage") take the type of the last specific
    trigger before them among their allowed types, else their default.
    """
    found: list[tuple[int, int, int, tuple[str, ...]]] = []
    for etype, pat in lex.triggers:
        found.extend((m.start(), m.end(), 0, (etype,)) for m in _in_sentences(pat, body))
    for pat, allowed, paragraph in lex.generic:
        # 1: takes the last specific type anywhere before; 2: only within its paragraph
        found.extend((m.start(), m.end(), 2 if paragraph else 1, allowed) for m in pat.finditer(body))
    found.sort(key=lambda t: (t[0] - t[1], t[2], t[0], EVENT_TYPES.index(t[3][0])))
    kept: list[tuple[int, int, int, tuple[str, ...]]] = []
    for t in found:
        if not any(t[0] < k[1] and k[0] < t[1] for k in kept):
            kept.append(t)
    kept.sort()
    out: list[_Trigger] = []
    last_specific: list[tuple[int, str]] = []  # (offset, type)
    for k, (start, end, generic, types) in enumerate(kept):
        if generic:
            # "the second stage of the prisoner exchange": the specific trigger right after wins
            after = next((t for t in kept[k + 1 :] if not t[2] and t[0] - end <= 20 and t[3][0] in types), None)
            # "another stage" takes the kind named in its own paragraph, else the default: a
            # timeline's entry about bodies says nothing of the next entry's stages
            paragraph_start = body.rfind("\n\n", 0, start) if generic == 2 else -1
            etype = after[3][0] if after else next((t for at, t in reversed(last_specific) if t in types and at > paragraph_start), types[0])
        else:
            etype = types[0]
            last_specific.append((start, etype))
        out.append(_Trigger(etype, start, end))
    return out


_UNREAL_PENALTY = 25  # characters


def _assign(
    dates: list[dates_mod.DateMention],
    triggers: list[_Trigger],
    blockers: list[_Trigger],
    unreal: frozenset[int] = frozenset(),
    windows: dict[int, tuple[int, int]] | None = None,
) -> list[tuple[dates_mod.DateMention, _Trigger]]:
    """Pair each date with a trigger: closest pairs first, a trigger taken by a closer date is
    left to it ("On 10 June, under the agreements reached on 2 June, a group was returned").
    A date left over shares the nearest trigger when no other trigger, not even a modal one,
    stands between them ("began on June 9 and continued on June 10", "у п'ятницю повернулися
    390, а вчора — ще 307"); else it dates nothing ("demanded a truce from Monday"). An
    `unreal` (planned) trigger counts as a little further away than it is, so a real one near
    the date takes it ("agreed at talks in Istanbul on July 23 to exchange 1,200 each")."""
    windows = windows or {}
    ranked = sorted(
        (_distance(t, d) + (_UNREAL_PENALTY if id(t) in unreal else 0), id(t) in unreal, EVENT_TYPES.index(t.type), i, j)
        for i, d in enumerate(dates)
        for j, t in enumerate(triggers)
        if i not in windows or windows[i][0] <= t.start < windows[i][1]
    )
    by_date: dict[int, int] = {}
    taken: set[int] = set()
    for _, _, _, i, j in ranked:
        if i not in by_date and j not in taken:
            by_date[i] = j
            taken.add(j)
    for dist, _, _, i, j in ranked:
        d, t = dates[i], triggers[j]
        lo, hi = min(d.end, t.end), max(d.start, t.start)
        if i not in by_date and dist <= 100 and not any(lo <= u.start < hi for u in blockers):
            by_date[i] = j
    return [(dates[i], triggers[by_date[i]]) for i in sorted(by_date)]


def _events(article: Article, sents: list[Sentence], date_mentions: list[dates_mod.DateMention], mentions: list[Mention]) -> list[Event]:
    lex = lexicon(article.language)
    body = article.body
    seen: dict[tuple[str, object], Event] = {}
    ceasefire_days: set[object] = set()  # a truce over "8–10 May" is one event
    ceasefire_triggers: set[int] = set()
    masked = _mask(body, [(d.start, d.end) for d in date_mentions])  # "May 16" is no modal verb
    all_triggers = _find_triggers(body, lex)
    datelines = {d.start for d in date_mentions if _is_dateline(body, d)}
    live_blog = sum(1 for line in body.splitlines() if lex.live_stamp.match(line)) >= 2
    header: dates_mod.DateMention | None = None  # "Live updates — Monday, 2 June"
    header_line = -1
    header_used = False  # a timeline entry's date dates the entry's first event only
    previous: tuple[Sentence, list[_Trigger]] | None = None
    before: list[_Trigger] = []  # the sentence before's real triggers

    def add(s: Sentence, mention: dates_mod.DateMention, trig: _Trigger, basis: str | None = None) -> None:
        days = [d for d in mention.dates if d <= article.published]
        if trig.type == "ceasefire":
            # one truce is one event, on the day it began: "took effect on 19 April and ended
            # on 21 April", "for 8–10 May" give their first day only
            if id(trig) in ceasefire_triggers:
                return
            ceasefire_triggers.add(id(trig))
            days = days[:1]
            if mention.span:
                ceasefire_days.update(mention.dates)
        elif mention.span and not lex.daily.search(s.text):
            return  # "з 9 по 14 червня … кілька етапів": no resolvable day
        for date in days:
            key = (trig.type, date)
            if key in seen or (trig.type == "ceasefire" and date in ceasefire_days and not mention.span):
                continue
            seen[key] = Event(
                type=trig.type,
                date=date,
                date_basis=basis or mention.basis,
                evidence=Evidence(s.text, s.start, s.end, f"event.trigger.{trig.type}", s.text),
                place=_nearest(mentions, s, trig.start, kind="place"),
                ordinal=_ordinal(body[s.start : trig.start], lex.ordinals, lex.weekdays),
                participants=tuple(sorted({m.entity.name for m in mentions if s.start <= m.start < s.end and m.entity.kind == "country"})),
            )

    trigger_starts = [t.start for t in all_triggers]
    date_starts = [d.start for d in date_mentions]
    for s in sents:
        line_start = body.rfind("\n", 0, s.start) + 1
        lo, hi = bisect.bisect_left(date_starts, s.start), bisect.bisect_left(date_starts, s.end)
        in_sentence = [d for d in date_mentions[lo:hi] if d.start not in datelines]
        raw = all_triggers[bisect.bisect_left(trigger_starts, s.start) : bisect.bisect_left(trigger_starts, s.end)]
        raw = [t for t in raw if not _frames_without_date(body, s, t, in_sentence, lex)]
        starts = [t.start for t in raw]
        unreal = {id(t) for t in raw if _modal(lex, masked, s, t.start, t.end, starts)}
        triggers = [t for t in raw if id(t) not in unreal]
        if in_sentence and not raw and _is_header(s, in_sentence):
            header, header_line, header_used = in_sentence[0], line_start, False
        if previous and in_sentence and lex.report_of_previous.match(s.text):
            # "Україна повернула ще одну групу. Про це в четвер повідомив Зеленський."
            add(previous[0], in_sentence[0], previous[1][0])
        previous = None
        if not raw and before and in_sentence and lex.daily.search(s.text):
            # "…обмін ішов за формулою «1000 на 1000». Він тривав три дні поспіль — 23, 24 і 25 травня."
            for mention in in_sentence:
                add(s, mention, before[-1])
        before = triggers
        if not triggers:
            continue
        # The day of a live-blog entry, for triggers that no date of their own claims.
        entry: dates_mod.DateMention | None = None
        stamped = False  # a live blog's clock time, not a date written at the line's start
        if header is not None and header_line == line_start and not header_used:
            entry = header
        elif live_blog and lex.live_stamp.match(body, line_start) is not None:
            entry = header or dates_mod.DateMention(s.start, s.start, "", (article.published,), "publication")
            stamped = True
        # modal triggers still take their dates ("demanded a truce from Monday"), then drop out
        grouped = _group(body, [d for d in in_sentence if not d.future], lex)
        pairs = _assign(grouped, raw, raw, frozenset(unreal), _since_windows(body, s, grouped, lex))
        for mention, trig in pairs:
            if (
                id(trig) in unreal
                or _said_on(lex, body, mention, trig)
                or _modal(lex, masked, s, min(trig.start, mention.start), max(trig.end, mention.end), starts)
            ):
                continue
            add(s, mention, trig)
        used = {id(t) for _, t in pairs}
        free = [t for t in triggers if id(t) not in used]
        if entry is not None and free and not in_sentence and not (stamped and lex.said.search(s.text)) and not lex.unresolvable_time.search(s.text):
            # an undated line of a live blog reports that day's events; reported speech in it
            # ("Medinsky: the sides agreed on a new exchange") is a claim, not an event. A
            # timeline's entry under its date ("11 июня. … передачи тел …, сообщил Мединский")
            # tells what happened that day, whoever reported it.
            add(s, entry, free[0])
            header_used = not stamped
        elif not in_sentence:
            previous = (s, triggers)
    return sorted(seen.values(), key=lambda e: (e.date, e.type))


def _since_windows(body: str, s: Sentence, dates: list[dates_mod.DateMention], lex: _Lexicon) -> dict[int, tuple[int, int]]:
    """Dates after "since": a starting point, which dates only what stands between "since" and
    it ("Since the talks in Istanbul on June 2, Ukraine has received 8,000 bodies": the talks)."""
    out: dict[int, tuple[int, int]] = {}
    for i, d in enumerate(dates):
        m = lex.since_before.search(body, max(s.start, d.start - 60), d.start) if lex.since_before else None
        if m is not None:
            # "the first meeting since 2 June, when the delegations agreed …": the day it names
            when = lex.since_when.match(body, d.end, s.end) if lex.since_when else None
            out[i] = (m.start(), s.end if when else d.start)
    return out


def _frames_without_date(body: str, s: Sentence, trig: _Trigger, dates: list[dates_mod.DateMention], lex: _Lexicon) -> bool:
    """'26 июня в рамках договоренностей, достигнутых в Стамбуле, возвращены 25 ...': talks
    named only to frame another event, with no date in their own phrase (which would make
    them an event of that day: 'under the agreements reached in Istanbul on 2 June')."""
    if trig.type != "talks" or not lex.framing_before.search(body, max(s.start, trig.start - 60), trig.start):
        return False
    breaks = [i for i in (body.find(",", trig.end, s.end), body.find(";", trig.end, s.end)) if i >= 0]
    end = min(breaks, default=s.end)
    return not any(trig.start <= d.start < end for d in dates)


def _group(body: str, dates: list[dates_mod.DateMention], lex: _Lexicon) -> list[dates_mod.DateMention]:
    """ "16 мая, 2 июня и 23 июля": one coordinated group of days shares one trigger."""
    out: list[dates_mod.DateMention] = []
    for d in dates:
        prev = out[-1] if out else None
        if prev and not prev.span and not d.span and lex.list_joiner.fullmatch(body, prev.end, d.start):
            out[-1] = dates_mod.DateMention(prev.start, d.end, body[prev.start : d.end], prev.dates + d.dates, prev.basis)
        else:
            out.append(d)
    return out


def _is_dateline(body: str, d: dates_mod.DateMention) -> bool:
    """ "KYIV, May 24 —": the date of the report, not of an event."""
    line_start = body.rfind("\n", 0, d.start) + 1
    place = re.fullmatch(r"[^\W\d_][^\n,.]{0,40},\s*", body[line_start : d.start])
    return bool(place and re.match(r"\s*(?:\([^)]{0,20}\)\s*)?[\u2014\u2013-]", body[d.end : d.end + 30]))


def _is_header(s: Sentence, dates: list[dates_mod.DateMention]) -> bool:
    """A live blog's day heading ("Live updates — Monday, 2 June", "Понедельник, 9 июня.") or
    a timeline entry's ("23–25 мая." before what happened then)."""
    rest = s.text
    for d in dates:
        rest = rest.replace(d.text, " ")
    return len(dates) == 1 and len(re.findall(r"\w+", rest)) <= 3


def _said_on(lex: _Lexicon, body: str, mention: dates_mod.DateMention, trig: _Trigger) -> bool:
    """The date sits right by a reporting verb, nearer than to the trigger: it dates the saying;
    not when a verb of the event stands right before it ("the exchange carried out on Saturday
    was announced …")."""
    if lex.happened_before.search(body, max(0, mention.start - 30), mention.start):
        return False
    lo, hi = max(0, mention.start - 40), min(len(body), mention.end + 80)
    for m in lex.said.finditer(body, lo, hi):
        gap = body[m.end() : mention.start] if m.end() <= mention.start else body[mention.end : m.start()]
        if m.start() < mention.end and mention.start < m.end():
            continue
        # "said on Friday", "накануне заявил", "on Friday Zelensky said", "В минувшую пятницу
        # депутат Государственной думы Виктор Саломатин заявил" (the subject between);
        # not "commented on the results of yesterday's talks"
        words = 0 if m.end() <= mention.start else 6
        close = re.fullmatch(rf"\s*(?:[\w'\u2019-]+\s+){{0,{words}}}", gap) or (m.end() <= mention.start and lex.said_audience.fullmatch(gap))
        if close and len(gap) < _gap(trig.start, trig.end, mention.start, mention.end):
            return True
    return False


def _gap(a: int, b: int, c: int, d: int) -> int:
    return max(0, c - b, a - d)


def _modal(lex: _Lexicon, masked: str, s: Sentence, lo: int, hi: int, earlier: list[int] | None = None) -> bool:
    """A modal word in the clause that holds the trigger (and its date): an offer or a plan."""
    start = s.start
    for m in lex.clause_breaks.finditer(masked, s.start, lo):
        start = m.end()
    end = next((m.start() for m in lex.clause_breaks.finditer(masked, hi, s.end)), s.end)
    if lex.modality.search(masked, start, min(end, hi + 25)):
        return True
    # the object word governs only the first trigger after it ("agreed on the return of the
    # dead at the talks": the return is planned, the talks happened)
    obj = lex.modal_object.search(masked[start:lo])
    return obj is not None and not any(start + obj.end("word") <= t < lo for t in earlier or [])


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _distance(trigger: _Trigger, mention: dates_mod.DateMention) -> int:
    return _gap(trigger.start, trigger.end, mention.start, mention.end)


def _nearest(mentions: list[Mention], s: Sentence, offset: int, kind: str) -> str | None:
    candidates = [m for m in mentions if s.start <= m.start < s.end and m.entity.kind == kind]
    if not candidates:
        return None
    return min(candidates, key=lambda m: abs(m.start - offset)).entity.name


def _ordinal(before: str, ordinals: dict[str, int], weekdays: frozenset[str] = frozenset()) -> int | None:
    words = re.findall(r"[\w']+", normalise_apostrophes(before.lower()))[-3:]
    for word in reversed(words):
        if word in weekdays:
            continue  # "у п'ятницю", "во вторник" start like "fifth" and "second"
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
    answers: dict[tuple[int, int], str],
) -> list[Quantity]:
    lex = lexicon(article.language)
    body = article.body
    in_dates = {i for d in date_mentions for i in range(d.start, d.end)}
    date_ends = {d.end for d in date_mentions}
    out: list[Quantity] = []
    last_counts: str | None = None
    last_at: int | None = None
    for s in sents:
        for number in find_numbers(s.text, article.language):
            start, end = s.start + number.start, s.start + number.end
            if start in in_dates:
                continue
            if number.value == 1 and not number.text[0].isdigit():
                continue  # "one of our people", "one side": the word "one" is not a head count
            after = body[end : min(s.end, end + 60)]
            if number.text.endswith(".") and not after.strip():
                # "1,2 тыс. пленных": the sentence splitter cut after the abbreviation
                after = body[end : end + 60].split(".")[0]
            before = body[max(s.start, start - 40) : start]
            if lex.not_counts.match(after) or _CLOCK.match(body, start - 1) or _CLOCK.match(body, end):
                continue  # "09:40": a clock time in a live blog
            if _YEAR.fullmatch(number.text) and lex.year_before.search(before):
                continue  # "soldiers captured in 2022 as well as civilians": a year
            if not number.text[0].isdigit() and lex.vague_before.search(before):
                continue  # "several hundred"
            formula = re.match(r"\s*(?:-|\u2013)?\s*(?:for|на|за)\s*(?:-|\u2013)?\s*(\d[\d,. \u00a0\u202f]*|тисячу|тысячу|a[ -]thousand)", after)
            counts = _counts(after, before, lex)
            rule = "quantity.noun"
            if counts is None and formula:
                # "a formula of 1,000 for 1,000" names prisoners unless bodies are meant.
                bodies = lex.body_before.search(body[max(s.start, start - 80) : start] + " ") or _last_noun(s.text, lex) == "bodies"
                counts = _in_context(_counts(re.split(r"[:;]", after[formula.end() :])[0], "", lex), s.text, lex) or ("bodies" if bodies else "prisoners")
                rule = "quantity.formula"
            if counts is None:
                # "Прикордонників — 37", "тел было меньше — 1 212": the noun of the clause right before a dash
                clause = re.search(r"([^,;:.()\u2014\u2013]{2,60}?)\s[\u2014\u2013]\s*$", before)
                counts = _last_noun(clause.group(1), lex) if clause else None
                rule = "quantity.noun_before_dash" if counts else rule
            if counts is None and number.text.casefold() in lex.collectives:
                counts, rule = "people", "quantity.collective"  # "Двое из вернувшихся": a collective numeral counts people
            counts = _in_context(counts, s.text, lex)
            # days and figures listed: "5 февраля — 150 военных, 19 марта — 175"
            dash = _DATE_DASH.search(before)
            dash_at = start - len(before) + dash.start() if dash else -1
            listed = dash_at in date_ends
            # "з початку року — понад дві тисячі, а від початку вторгнення — 6 311": a figure
            # after a dash in a sentence that has counted one already, its clause naming no noun
            # of its own ("возвращено гражданских лиц — 20" is left to the noun before it)
            if dash and not listed and last_at is not None and last_at >= s.start:
                listed = _last_noun(re.split(r"[;,(]", body[s.start : dash_at])[-1], lex) is None
            if counts is None and (listed or lex.elliptic_after.match(after) or lex.elliptic_before.search(before)):
                # the last counted figure of the sentence, else the noun nearest before in it
                # ("тела погибших — по шесть тысяч с каждой стороны"), else the last figure
                earlier = last_at is not None and last_at >= s.start
                counts, rule = (last_counts if earlier else _last_noun(body[s.start : start], lex) or last_counts), "quantity.elliptic"
            if counts is None:
                continue
            if lex.losses_before.search(before) or lex.losses_after.match(after):
                continue  # "losing about 1,000 troops a day": a casualty estimate, not a head count
            if _YEAR.fullmatch(number.text) and rule == "quantity.elliptic":
                continue
            last_counts, last_at = counts, start
            qualifier = next((k for k, pat in lex.qualifiers if pat.search(before)), "exact")
            speaker = _speaker_at(start, quote_speakers) or _speaker_at(start, claim_speakers) or _speaker_at(start, answers)
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


_DATE_DASH = re.compile(r"\s*[\u2014\u2013]\s*$")
_CLOCK = re.compile(r"(?<=\d)[:.]\d\d(?!\d)|:(?=\d\d)")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _in_context(counts: str | None, sentence: str, lex: _Lexicon) -> str | None:
    """A bare nationality is prisoners in a sentence about captivity, else people; the dead are
    bodies in a sentence about a return or exchange, else not a head count."""
    if counts == "nationals":
        return "prisoners" if lex.captivity.search(sentence) else "people"
    if counts == "dead":
        return "bodies" if lex.dead_context.search(sentence) else None
    return counts


def _last_noun(before: str, lex: _Lexicon) -> str | None:
    """The count noun nearest before a number ("soldiers' remains ... 6,000-for-6,000")."""
    best: tuple[int, str] | None = None
    for kind, pat in lex.count_nouns:
        for m in pat.finditer(before):
            if best is None or m.start() > best[0]:
                best = (m.start(), kind)
    return {"nationals": "people", "dead": "bodies"}.get(best[1], best[1]) if best else None


# The other end of a range ("between 80 and 90 civilians", "80–90 осіб") shares the noun.
_RANGE_PARTNER = re.compile(r"\s*(?:and|or|to|і|й|та|або|и|или|до|[-\u2013\u2014])\s*[\d\s,.]*")


def _counts(after: str, before: str, lex: _Lexicon) -> str | None:
    partitive = lex.partitive.match(after)
    if partitive:
        named = _counts(after[partitive.end() :], "", lex)
        if named:
            return named
    window = re.match(r"\s*(?:[\w'\u2019-]+\s+){0,3}?", after)
    head = after[: (window.end() if window else 0) + 40]
    # A noun past another number, or past a quotation closed with its clause, counts
    # something else ("«примерно в две с половиной тысячи», включая около 40 мирных жителей";
    # but "«более шести тысяч» россиян").
    head = head[: next((m.start() for m in re.finditer(r"\d|[\u00bb\u201d\"][,.;:]", head) if not _RANGE_PARTNER.fullmatch(head[: m.start()])), len(head))]
    # and so does a noun past a dash and a preposition ("три рабочие группы — по военным");
    # not one right past the dash ("трое освобожденных — жители Костромы")
    head = head[: next((m.start() for m in lex.dash_preposition.finditer(head)), len(head))]
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
    covered = {i for m in mentions for i in range(m.start, m.end)}
    found: set[str] = set()
    for m in _CANDIDATE.finditer(body):
        if m.start() in starts or m.start() in covered:
            continue
        name = m.group(0)
        if name in _STOP or len(name) < 3:
            continue
        found.add(name)
    return sorted(found)
