"""Quotes and attributed claims, with speakers resolved through the gazetteer.

Speakers are found by name, by role ("the Russian leader", "the ministry"), by pronoun
(he/she -> the last person named before) and by descriptive names for unnamed sources
("a source in the Ukrainian delegation"). Whole-quoted statements are quotes only;
paraphrase with a reporting verb is a claim.

Who speaks, for one reporting cue:
- "according to X", "за словами X", "по данным X": the name after the cue;
- "за його словами", "по её словам": the last person named before;
- a verb after a comma or dash ('..., Umerov said.' is not this; '..., said Umerov',
  '— заявив Зеленський', 'сообщил помощник президента Владимир Мединский'): the name after it;
- otherwise the subject before the verb; a person outranks an organisation, which outranks
  a country, so job titles ("Ukraine's Foreign Minister Andrii Sybiha") yield the person.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from . import people
from .gazetteer import Entity, Gazetteer, Mention
from .lexicon import load
from .model import Article, Claim, Evidence, Quote
from .text import Sentence
from .transcripts import Turn, turn_at

# Opening mark -> closing marks accepted for it.
QUOTE_PAIRS = {'"': '"', "\u201c": "\u201d\u201c", "\u00ab": "\u00bb", "\u201e": "\u201c\u201d"}
_RANK = {"person": 0, "source": 1, "described source": 1, "organisation": 2, "country": 3}
_SOURCE_KIND = "source"  # an unnamed source the table names ("Ukrainian officials")
_DESCRIBED_KIND = "described source"  # one named by its own words ("senior Ukrainian official"): "he" can mean it
_SOURCE_KINDS = (_SOURCE_KIND, _DESCRIBED_KIND)
_LEAD_NAME = re.compile(r"^\s*(?:\d{1,2}[:.]\d{2}\s*[\u2014\u2013-]?\s*)?(?P<name>[^\s:][^:]{0,40}?)\s*:\s+\S")
_ADDRESSEE = re.compile(r"\b(?:to|told|with)\s+(?:the\s+)?$", re.I)
_APPOSITION = re.compile(r",\s*(?:(?:the|a|an)\s+)?$", re.I)
_ARTICLE = re.compile(r"(?:an?|the|one)\s+", re.I)
_DASH_OR_COMMA = re.compile(r"[,\u2014\u2013]\s*$|\s-\s*$")


@dataclass(frozen=True)
class QuotedSpan:
    start: int  # offset of the text inside the marks
    end: int


@dataclass(frozen=True)
class SpeechPatterns:
    verbs: re.Pattern[str]
    speaker_after: re.Pattern[str]
    pronoun_cues: re.Pattern[str]
    object_verbs: re.Pattern[str]  # 'urged the UAE': the name after is the object, not the speaker
    representative: re.Pattern[str]  # "a representative of" right before an organisation
    anaphora_before: re.Pattern[str]  # "the official" right before a reporting verb
    anaphora_after: re.Pattern[str]  # "... — зазначив співрозмовник"
    pronoun: re.Pattern[str]
    feminine_pronoun: re.Pattern[str]
    women: re.Pattern[str]
    men: re.Pattern[str]
    organisation_pronoun: re.Pattern[str]  # matched at a pronoun cue: 'по его подсчетам'
    organisation_subject: re.Pattern[str] | None  # the whole subject of a reporting verb: 'It added that …'
    dash_so: re.Pattern[str]  # '— так' right before an inverted reporting verb
    formulas: re.Pattern[str]
    sources: tuple[tuple[re.Pattern[str], str], ...]
    any_source: re.Pattern[str]  # all of `sources` in one pattern: most articles name none, and one scan says so
    described_sources: re.Pattern[str] | None  # a source noun and the words describing it, named as written
    title_before: re.Pattern[str]  # 'в интервью газете «Известия»': a name in quote marks, not speech
    noun_before: re.Pattern[str]  # before a reporting verb's form, it is a noun ("Ukraine's demands", "the claims")
    paraphrase: re.Pattern[str]  # after a quote: the sentence goes on to say something itself
    negation: re.Pattern[str]  # right before a reporting verb: "has not confirmed" attributes nothing
    report_of_previous: re.Pattern[str]  # "Про це повідомив X": X reported the sentence before
    subordinator: re.Pattern[str]  # after a closing mark, opens a clause that attributes nothing
    statement_intro: re.Pattern[str]  # introduces a statement quoted over several paragraphs
    document: re.Pattern[str]  # an anaphoric speaker that is a document: "the statement said"
    next_clause: re.Pattern[str]  # after a closing attribution, opens the next clause
    relative: re.Pattern[str]  # where a described source's words end
    clause_join: re.Pattern[str]  # joins clauses that are a claim each


def _subject_pattern(words: str | None) -> re.Pattern[str] | None:
    """The whole clause before a reporting verb is one of `words`, an adverb allowed after it ("It also said")."""
    return re.compile(rf"\s*(?:{words})\s+(?:\w+\s+)?", re.I) if words else None


@functools.cache
def patterns(language: str) -> SpeechPatterns:
    tables = load("extraction")
    data = tables["speech"]
    lang = language if language in data["reporting_verbs"] else "en"
    return SpeechPatterns(
        verbs=re.compile(rf"(?<!\w)(?:{data['reporting_verbs'][lang]})(?!\w)", re.I),
        speaker_after=re.compile(rf"(?<!\w)(?:{data['speaker_after'][lang]})(?!\w)", re.I),
        pronoun_cues=re.compile(rf"(?<!\w)(?:{data['pronoun_cues'][lang]})(?!\w)", re.I),
        object_verbs=re.compile(rf"(?:{data['object_verbs'][lang]})", re.I),
        representative=re.compile(rf"(?<!\w)(?:{data['representative_before'][lang]})\s+(?:\S+\s+){{0,2}}$", re.I),
        anaphora_before=re.compile(rf"(?<!\w)(?:{data['anaphoric_speakers'][lang]})\s+$", re.I),
        anaphora_after=re.compile(rf"\s+(?:{data['anaphoric_speakers'][lang]})(?!\w)", re.I),
        pronoun=re.compile(rf"(?<!\w){data['pronouns'][lang]}(?!\w)", re.I),
        feminine_pronoun=re.compile(rf"(?<!\w)(?:{data['feminine_pronouns'][lang]})(?!\w)", re.I),
        women=re.compile(data["women"][lang], re.I),
        men=re.compile(data["men"][lang], re.I),
        organisation_pronoun=re.compile(rf"\w+ (?:{data['organisation_pronouns'][lang]})\b", re.I),
        organisation_subject=_subject_pattern(data["organisation_subjects"].get(lang)),
        dash_so=re.compile(rf"(?:^|[,\u2014\u2013])\s*(?:{data['so_before_verb'][lang]})\s*$", re.I),
        formulas=re.compile(rf"\s*(?:{data['formulas'][lang]})\s*", re.I),
        sources=tuple((re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.I), name) for p, name in data["unnamed_sources"][lang]),
        any_source=re.compile(rf"(?<!\w)(?:{'|'.join(p for p, _ in data['unnamed_sources'][lang])})(?!\w)", re.I),
        described_sources=re.compile(rf"(?<!\w)(?:{data['described_sources'][lang]})(?!\w)", re.I) if data["described_sources"].get(lang) else None,
        title_before=re.compile(rf"(?<!\w)(?:{data['title_before'][lang]})\s*$", re.I),
        noun_before=re.compile(rf"(?:{data['noun_before'][lang]})\s+$", re.I),
        paraphrase=re.compile(rf"(?<!\w)(?:{data['paraphrase'][lang]})(?!\w)", re.I),
        negation=re.compile(rf"(?<!\w)(?:{data['negation'][lang]})\s+(?:\w+\s+)?$", re.I),
        report_of_previous=re.compile(tables["report_of_previous"][lang], re.I),
        subordinator=re.compile(rf"(?<!\w)(?:{data['subordinators'][lang]})(?!\w)", re.I),
        statement_intro=re.compile(rf"(?<!\w)(?:{data['statement_intro'][lang]})(?!\w)", re.I),
        document=re.compile(rf"(?<!\w)(?:{data['document_nouns'][lang]})(?!\w)", re.I),
        next_clause=re.compile(rf"(?:;|,\s*(?:{data['next_clause'][lang]})\b)"),
        relative=re.compile(rf"\s(?:{data['relative_words'][lang]})\b|\s\(", re.I),
        clause_join=re.compile(rf";\s+|,\s+(?=(?:{data['contrast_joins'][lang]})\s)", re.I),
    )


def quoted_spans(body: str) -> list[QuotedSpan]:
    spans: list[QuotedSpan] = []
    i = 0
    while (opening := _OPENERS.search(body, i)) is not None:
        i = opening.start()
        opener = body[i]
        opens_paragraph = i == 0 or body[i - 1] == "\n"
        j = i + 1
        while True:
            found = [k for k in (body.find(c, j) for c in QUOTE_PAIRS[opener]) if k >= 0]
            close = min(found) if found else -1
            line_end = body.find("\n", j) if opener == '"' else -1
            if line_end < 0 or (0 <= close < line_end):
                break
            # a quotation over several paragraphs: each opens with a mark, only the last closes
            following = _NEXT_PARAGRAPH_QUOTE.match(body, line_end)
            if not (opens_paragraph and following):
                close = -1
                break
            j = following.end()
        if close < 0:
            i += 1
            continue
        spans.append(QuotedSpan(i + 1, close))
        i = close + 1
    return spans


_COLON_BEFORE = re.compile(r":\s*$")
_OPENERS = re.compile("[" + re.escape("".join(QUOTE_PAIRS)) + "]")
_QUOTE_NEXT = re.compile(r"\s*" + _OPENERS.pattern)  # between a line ending in ":" and the quotation it opens
_NEXT_PARAGRAPH_QUOTE = re.compile(r'\n\s*\n"')


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    while end > start and body[end - 1] in " ,;:\u2014-":
        end -= 1
    while start < end and body[start].isspace():
        start += 1
    return start, end


class SpeakerTracker:
    """Resolves names, roles, pronouns and unnamed sources in reading order."""

    def __init__(self, gazetteer: Gazetteer, mentions: list[Mention], body: str = "", representative: re.Pattern[str] | None = None):
        self.gazetteer = gazetteer
        self.mentions = mentions
        self.body = body
        self.representative = representative  # "представитель" before an organisation: a person speaking for it

    def last_person_before(self, offset: int, feminine: bool | None = None) -> str | None:
        """Who "he", "she" or "по его словам" means: the person named last (a woman for
        `feminine`, a man for not `feminine`: "за її словами" is a woman's words), or an
        organisation whose representative was ("Представитель Красного Креста ... — пояснил он")."""
        for m in reversed(self.mentions):
            if m.start >= offset:
                continue
            if m.entity.kind == "person" and (feminine is None or people.is_feminine(m.entity.name) == feminine):
                return m.entity.name
            if m.entity.kind == _DESCRIBED_KIND and not feminine:  # "Источник в администрации области … По его словам"
                return m.entity.name
            if self._represented(m):
                return m.entity.name
        return None

    def last_titled_before(self, offset: int, noun: str) -> str | None:
        """Who "the spokesman" or "дипломат" means: the person named last whose role says
        so, in the gazetteer or in the words right before a mention ("речник МЗС Георгій Тихий")."""
        stem = noun.casefold()[: max(5, len(noun) - 3)]
        for m in reversed(self.mentions):
            if m.start >= offset or m.entity.kind not in ("person", *_SOURCE_KINDS):
                continue
            if m.entity.kind in _SOURCE_KINDS:
                if stem in m.text.casefold():  # "a senior Ukrainian official … the official said"
                    return m.entity.name
                continue
            if stem in self.gazetteer.roles_text(m.entity.name) or any(
                stem in self.body[max(0, o.start - 50) : o.start].casefold() for o in self.mentions if o.entity.name == m.entity.name and o.start < offset
            ):
                return m.entity.name
        return None

    def last_organisation_before(self, offset: int) -> str | None:
        """Who "It added that …" means: the organisation named last."""
        for m in reversed(self.mentions):
            if m.start < offset and m.entity.kind == "organisation":
                return m.entity.name
        return None

    def _represented(self, m: Mention) -> bool:
        return (
            m.entity.kind == "organisation"
            and self.representative is not None
            and self.representative.search(self.body, max(0, m.start - 40), m.start) is not None
        )

    def last_issuer_before(self, offset: int) -> str | None:
        """Who "the statement" or "the report" is from: the person, body or source named last."""
        for m in reversed(self.mentions):
            if m.start < offset and m.entity.kind in ("person", "organisation", *_SOURCE_KINDS):
                return m.entity.name
        return None

    def last_speaker_before(self, offset: int) -> str | None:
        """The person or unnamed source named last ("a member of the delegation ... the official said")."""
        for m in reversed(self.mentions):
            if m.start < offset and m.entity.kind in ("person", *_SOURCE_KINDS):
                return m.entity.name
        return None

    def capital_subject(self, body: str, start: int, cue: int) -> str | None:
        """'Kyiv has accused ...', 'Moscow says ...': a capital right before the reporting verb
        (an auxiliary or adverb between) speaks for its government."""
        for m in reversed(self.mentions):
            if start <= m.start and m.end <= cue and m.entity.capital_of:
                between = body[m.end : cue]
                if re.fullmatch(r"\s+(?:\w+\s+){0,2}", between) and self.gazetteer.get(m.entity.capital_of):
                    return m.entity.capital_of
                return None
        return None

    def capital_right_after(self, body: str, offset: int) -> str | None:
        """'according to Kyiv', 'по данным Москвы': a capital right after a cue speaks for its government."""
        for m in self.mentions:
            if m.start >= offset:
                # "как утверждают в Москве", "як сподіваються у Києві": a preposition may stand between
                if m.entity.capital_of and re.fullmatch(r"\s*(?:в|у|во|in)?\s*", body[offset : m.start]) and self.gazetteer.get(m.entity.capital_of):
                    return m.entity.capital_of
                return None
        return None

    def speakers_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end and (m.entity.is_actor or m.entity.kind in _SOURCE_KINDS)]


def source_mentions(body: str, language: str, taken: list[Mention]) -> list[Mention]:
    """Unnamed sources as pseudo-entities of kind 'source' (speakers, never actors): those the
    table names (one name for "a Ukrainian official involved in the handover" and "a Ukrainian
    official", so that articles agree), then those described in the text, named by their words."""
    pats = patterns(language)
    listed: list[Mention] = []
    for pat, name in pats.sources if pats.any_source.search(body) else ():
        for m in pat.finditer(body):
            if any(t.start < m.end() and m.start() < t.end for t in [*taken, *listed]):
                continue
            listed.append(Mention(m.start(), m.end(), m.group(0), Entity(name, _SOURCE_KIND, None, {}), False))
    described = _described_sources(body, pats, taken)
    return listed + [d for d in described if not any(t.start < d.end and d.start < t.end for t in listed)]


def _described_sources(body: str, pats: SpeechPatterns, taken: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    if pats.described_sources is None:
        return out
    for m in pats.described_sources.finditer(body):
        start, end = m.span()
        verb = pats.verbs.search(body, start, end)
        relative = pats.relative.search(body, start, end)
        end = min(end, verb.start() if verb else end, relative.start() if relative else end)
        while end > start and body[end - 1] in " ,\u2014\u2013-":
            end -= 1
        article = _ARTICLE.match(body, start, end)
        start = article.end() if article else start
        text = body[start:end]
        lead = _APPOSITION.search(body, max(0, start - 8), start)
        if not text or (lead and any(t.entity.kind == "person" and t.end == lead.start() for t in taken)):
            continue  # in apposition to a person: "Medinsky, the Kremlin aide"
        # it may hold an organisation's name ("Джерело в Офісі президента"), not a person's
        if any(t.entity.kind == "person" and (t.start < end and start < t.end or 0 <= t.start - end <= 1) for t in taken):
            continue
        if any(t.start < end and start < t.end and not (start <= t.start and t.end <= end) for t in taken):
            continue
        out.append(Mention(start, end, text, Entity(text, _DESCRIBED_KIND, None, {}), False))
    return out


def extract_speech(
    article: Article, sents: list[Sentence], gazetteer: Gazetteer, mentions: list[Mention], talk: tuple[Turn, ...] = ()
) -> tuple[list[Quote], list[Claim], dict[tuple[int, int], str]]:
    """Quotes and claims of one article, and who gives the figures of a span: the speaker of
    each quoted span, and of a sentence the next one attributes ("Про це повідомив X").
    `mentions` have their roles resolved (`resolve_roles`); `talk` holds the turns of a
    transcript in the article, if any."""
    body = article.body
    pats = patterns(article.language)
    all_mentions = sorted([*mentions, *source_mentions(body, article.language, mentions)], key=lambda m: m.start)
    tracker = SpeakerTracker(gazetteer, all_mentions, body, pats.representative)
    quotes: list[Quote] = []
    speakers: dict[tuple[int, int], str] = {}
    spans = quoted_spans(body)
    for span in spans:
        start, end = _trim(body, span.start, span.end)
        text = body[start:end]
        if not re.search(r"\w", text) or pats.formulas.fullmatch(text) or pats.title_before.search(body, max(0, span.start - 30), max(0, span.start - 1)):
            continue
        if any(m.entity.kind == "organisation" and not m.by_role and m.start <= span.start and span.end <= m.end for m in mentions):
            continue  # a name in quote marks ("фонд «Берег надії»"), not speech
        if article.source and _names_outlet(text, article.source):
            continue  # the outlet's own name, in any case ('на вопрос «Встречного ветра»')
        turn = turn_at(span.start, talk)
        split = _split_at_attribution(body, span, pats, tracker) if turn is None else None
        block = _paragraphs(body, span) if turn is None and split is None else []
        speaker: str | None
        if turn is not None:
            # a speaker's turn is the speaker's; the interviewer's words are nobody's quote
            parts, speaker = [span], turn.speaker
        elif len(block) > 1:
            # a statement quoted over several paragraphs: a quote per paragraph, all of whoever introduced it
            parts, speaker = block, _statement_speaker(body, span, pats, tracker) or _quote_speaker(body, block[0], sents, pats, tracker)
        elif split is not None:
            parts, speaker = split
        else:
            parts, speaker = [span], _quote_speaker(body, span, sents, pats, tracker)
        if speaker is None:
            continue
        for part in parts:
            start, end = _trim(body, part.start, part.end)
            text = body[start:end]
            speakers[(part.start, part.end)] = speaker
            quotes.append(Quote(text, speaker, article.language, Evidence(text, start, end, "quote.marks", _sentence_of(sents, start))))
    claims = _claims(article, sents, pats, tracker, spans, speakers, talk)
    return quotes, claims, speakers


_DIALOGUE_LINE = re.compile(r"^[ \t]*[\u2014\u2013-][ \t]+\S[^\n]*", re.M)


def interview_answers(body: str, mentions: list[Mention]) -> dict[tuple[int, int], str]:
    """An interview written as dialogue ("— Скільки людей повернулося?" / "— Рівно стільки,
    …"): its answers, each given by the person the lead names last before the first question.
    The answers are neither quotes nor claims (the outlet records them), but the figures in
    them are the interviewee's. A bulleted list, with no questions, is no interview."""
    lines = [(line, line.group(0).rstrip().endswith("?")) for line in _DIALOGUE_LINE.finditer(body)]
    questions = [line.start() for line, asks in lines if asks]
    if len(questions) < 2:
        return {}
    person = next((m for m in reversed(mentions) if m.end <= questions[0] and m.entity.kind == "person"), None)
    if person is None:
        return {}
    return {line.span(): person.entity.name for line, asks in lines if line.start() > questions[0] and not asks}


def _names_outlet(text: str, source: str) -> bool:
    """Whether quoted `text` is the outlet's name, in whatever case: word by word, all but
    the last three letters (at least three) agree ("Встречного ветра", source «Встречный ветер»)."""
    words, outlet = re.findall(r"\w+", text.casefold()), re.findall(r"\w+", source.casefold())
    if not words or len(words) != len(outlet):
        return False
    return all(a[: max(3, len(a) - 3)] == b[: max(3, len(a) - 3)] for a, b in zip(words, outlet, strict=True))


# «A, — написал Журавлев. — B»: one pair of marks around two quotes and their attribution.
_INNER_ATTRIBUTION = re.compile(r"[,.!?\u2026]\s*[\u2014\u2013]\s+(?P<mid>[^\u2014\u2013\u00ab\u00bb\"\u201c\u201d]{3,160}?)[.,:]\s*[\u2014\u2013]\s+(?=\S)")


def _paragraphs(body: str, span: QuotedSpan) -> list[QuotedSpan]:
    """The paragraphs of a quotation that runs over several, without the quotation marks that
    open each of them (English style: every paragraph opens with a mark, only the last closes)."""
    parts: list[QuotedSpan] = []
    start = span.start
    for m in re.finditer(r"\n\s*\n", body[span.start : span.end]):
        end = span.start + m.start()
        parts.append(QuotedSpan(start, end))
        start = span.start + m.end()
        while start < span.end and body[start] in QUOTE_PAIRS:
            start += 1
    parts.append(QuotedSpan(start, span.end))
    return [p for p in parts if re.search(r"\w", body[p.start : p.end])]


def _statement_speaker(body: str, span: QuotedSpan, pats: SpeechPatterns, tracker: SpeakerTracker) -> str | None:
    """Who issued a statement quoted at length: named in the two paragraphs before it, the one
    right before introducing it ("The statement reads in full:", "Наводимо текст заяви повністю.")."""
    before = body[: span.start - 1].rstrip()
    paragraphs = list(re.finditer(r"[^\n]+", before))[-3:]
    if not paragraphs or not (paragraphs[-1].group(0).endswith(":") or pats.statement_intro.search(paragraphs[-1].group(0))):
        return None
    for paragraph in reversed(paragraphs):
        named = tracker.speakers_in(paragraph.start(), paragraph.end())
        # the one named nearest the word for the statement ("… the UAE said in a joint statement", "Заява МЗС України")
        cues = [c.start() for c in pats.statement_intro.finditer(body, paragraph.start(), paragraph.end())]
        if named and cues:
            return min(named, key=lambda m: (min(abs(m.start - c) for c in cues), _RANK.get(m.entity.kind, 9))).entity.name
        head = _pick(named)
        if head:
            return head.entity.name
    return None


def _split_at_attribution(body: str, span: QuotedSpan, pats: SpeechPatterns, tracker: SpeakerTracker) -> tuple[list[QuotedSpan], str | None] | None:
    """The two quotes of a quotation interrupted by its attribution, and their speaker."""
    inner = _INNER_ATTRIBUTION.search(body, span.start, span.end)
    if inner is None:
        return None
    mid_start, mid_end = inner.start("mid"), inner.end("mid")
    verb = next(_verbs(pats, body, mid_start, mid_end), None)
    if verb is None:
        return None
    return [QuotedSpan(span.start, inner.start() + 1), QuotedSpan(inner.end(), span.end)], _resolve(body, verb, mid_start, mid_end, pats, tracker)


def resolve_roles(mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A role several entities hold ("the ombudsman") is the holder named most recently."""
    out: list[Mention] = []
    for m in mentions:
        holders = gazetteer.role_holders(m.text) if m.by_role else ()
        if len(holders) > 1:
            named = [x for x in out if not x.by_role and x.entity.name in holders]
            if named:
                entity = gazetteer.get(named[-1].entity.name)
                if entity is not None:
                    m = Mention(m.start, m.end, m.text, entity, True)
        out.append(m)
    return out


def _sentence_of(sents: list[Sentence], offset: int) -> str:
    for s in sents:
        if s.start <= offset < s.end:
            return s.text
    return ""


def _pick(mentions: list[Mention]) -> Mention | None:
    """The head of a noun phrase: a person before an organisation before a country."""
    if not mentions:
        return None
    # A name beats a role ("помощник президента России Владимир Мединский" is Medinsky).
    return min(mentions, key=lambda m: (_RANK.get(m.entity.kind, 9), m.by_role, m.start))


def _phrase_after(body: str, start: int, end: int) -> int:
    """End of the noun phrase that starts at `start` (the next clause break)."""
    m = re.compile(r"[,;:.!?\u00ab\u201c\"(]|\s[\u2014\u2013-]\s|\s(?:that|що|что|and|і|и|та)\s").search(body, start, end)
    return m.start() if m else end


def _resolve(body: str, cue: re.Match[str], start: int, end: int, pats: SpeechPatterns, tracker: SpeakerTracker) -> str | None:
    """The speaker of one reporting cue inside the clause [start, end)."""
    if pats.pronoun_cues.fullmatch(cue.group(0)) or pats.pronoun_cues.match(body, cue.start(), end):
        return _antecedent(tracker, pats, body, start, cue.start())
    after_end = _phrase_after(body, cue.end(), end)
    if pats.speaker_after.fullmatch(cue.group(0)):
        government = tracker.capital_right_after(body, cue.end())  # "according to Kyiv"
        if government:
            return government
        head = _pick(tracker.speakers_in(cue.end(), after_end))
        if head is None and pats.anaphora_after.match(body, cue.end(), end):
            return tracker.last_speaker_before(cue.start())  # "За словами співрозмовника, …"
        return head.entity.name if head else None
    before = body[start : cue.start()]
    # '..., said Umerov', '— так стверджує Мединський' (an adverb between the dash and the verb)
    inverted = bool(_DASH_OR_COMMA.search(before) or pats.dash_so.search(before)) or not before.strip()
    after = tracker.speakers_in(cue.end(), after_end)
    pronoun_after = pats.pronoun.match(body, cue.end() + 1, after_end) if cue.end() < len(body) else None
    if inverted:
        if pronoun_after:
            return tracker.last_person_before(cue.start(), pats.feminine_pronoun.match(pronoun_after.group(0)) is not None)
        head = _pick(after)
        # "..., said Ukraine's foreign minister Andrii Sybiha", not "X, who heads ..., said
        # 140 people are still held in Russia"
        if head and head.start - cue.end() < 80 and len(re.findall(r"\w+", body[cue.end() : head.start])) <= 5:
            return head.entity.name
    # the one spoken to is no subject: "He spoke to Russian media separately, saying …"
    subject = [m for m in tracker.speakers_in(start, cue.start()) if not _ADDRESSEE.search(body, max(0, m.start - 8), m.start)]
    if not subject and pats.organisation_subject and pats.organisation_subject.fullmatch(body, start, cue.start()):
        return tracker.last_organisation_before(start)  # "It added that …", "It also said"
    # "he" inside a quotation is someone the speaker talks about ("«Він подзвонив …», — розповіла жінка")
    pronouns = [p for p in pats.pronoun.finditer(body, start, cue.start()) if not _quoted_at(body, start, p.start())]
    if pronouns and (not subject or pronouns[-1].start() > subject[-1].start):
        return tracker.last_person_before(pronouns[-1].start(), pats.feminine_pronoun.match(pronouns[-1].group(0)) is not None)
    head = _pick(subject)
    if head:
        return head.entity.name
    government = tracker.capital_subject(body, start, cue.start())
    if government:  # "Moscow said it had got 27 from Ukraine": the capital before the verb speaks
        return government
    head = _pick(after)
    if head and not pats.object_verbs.fullmatch(cue.group(0)):
        return head.entity.name
    anaphora = pats.anaphora_before.search(body, max(start, cue.start() - 40), cue.start()) or pats.anaphora_after.match(body, cue.end(), end)
    if anaphora:
        titled = tracker.last_titled_before(cue.start(), anaphora.group(0).split()[-1])
        if titled:  # "the spokesman": the one whose role it is
            return titled
        if pats.women.search(anaphora.group(0)):  # "— розповіла жінка": the woman named last
            return tracker.last_person_before(cue.start(), feminine=True)
        if pats.men.search(anaphora.group(0)):
            return tracker.last_person_before(cue.start(), feminine=False)
        if pats.document.search(anaphora.group(0)):  # "the statement said": whoever was named as issuing it
            return tracker.last_issuer_before(cue.start())
        return tracker.last_speaker_before(cue.start())
    return tracker.capital_subject(body, start, cue.start())


def _quoted_at(body: str, start: int, offset: int) -> bool:
    """Whether `offset` lies inside a quotation opened after `start`."""
    before = body[start:offset]
    return before.count("\u00ab") > before.count("\u00bb") or before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def _antecedent(tracker: SpeakerTracker, pats: SpeechPatterns, body: str, start: int, cue: int) -> str | None:
    """Who "по его подсчетам" or "за її словами" means: an organisation that is the subject of
    the clause before it when the pronoun can stand for one ("Штаб публикует …: по его
    подсчетам"; not "Червоний Хрест, за її словами": her words), else the person named last."""
    subject = tracker.speakers_in(start, cue)
    if subject and subject[-1].entity.kind == "organisation" and pats.organisation_pronoun.match(body, cue):
        return subject[-1].entity.name
    return tracker.last_person_before(cue, pats.feminine_pronoun.search(body, cue, cue + 20) is not None)


def _lead_speaker(s: Sentence, tracker: SpeakerTracker) -> str | None:
    """'Medinsky: the sides agreed ...' (live blogs): the name before a leading colon."""
    m = _LEAD_NAME.match(s.text)
    if not m:
        return None
    named = tracker.speakers_in(s.start + m.start("name"), s.start + m.end("name"))
    head = _pick(named)
    return head.entity.name if head else None


def _quote_speaker(body: str, span: QuotedSpan, sents: list[Sentence], pats: SpeechPatterns, tracker: SpeakerTracker) -> str | None:
    after_end = body.find("\n", span.end)
    after_end = len(body) if after_end < 0 else after_end
    sentence = next((s for s in sents if s.start <= span.start - 1 < s.end), None)
    s_start = sentence.start if sentence else span.start - 1
    s_end = sentence.end if sentence else after_end
    # The attribution right after the closing mark: ' ," the ministry noted.' / '— заявив Путін'
    # (not past a full stop: '... "not enough". Merz said ...' is the next sentence's speaker)
    tail_match = re.match(r"[^\w.!?]{0,4}([^.!?\n\"\u201c\u00ab]{0,120})", body[span.end + 1 : after_end])
    tail = tail_match.group(1) if tail_match else ""
    tail_start = span.end + 1 + (tail_match.start(1) if tail_match else 0)
    verb = next(_verbs(pats, body, tail_start, tail_start + len(tail)), None) if tail else None
    if verb and verb.start() - tail_start < 40 and not pats.subordinator.search(body, tail_start, verb.start()):
        who = _resolve(body, verb, tail_start, tail_start + len(tail), pats, tracker)
        if who:
            return who
    # The attribution before the opening mark in the same sentence: 'X said: "...' or
    # 'Peskov called the claims "absurd"'; the cue nearest the quote speaks.
    head_cues = [
        *_verbs(pats, body, s_start, span.start - 1),
        *pats.speaker_after.finditer(body, s_start, span.start - 1),
        *pats.pronoun_cues.finditer(body, s_start, span.start - 1),  # 'по его словам, «требует изучения»'
    ]
    for cue in sorted(head_cues, key=lambda c: -c.start()):
        who = _resolve(body, cue, s_start, span.start - 1, pats, tracker)
        if who:
            return who
    # 'Lubinets, the parliament's commissioner, opened with a figure: "…"', 'Peskov struck a
    # more cautious note: "…"': the one the clause before the colon names
    if _COLON_BEFORE.search(body, s_start, span.start - 1):
        head = _pick(tracker.speakers_in(s_start, span.start - 1))
        if head:
            return head.entity.name
    if sentence is not None:
        lead = _lead_speaker(sentence, tracker)
        if lead:
            return lead
        # a fragment inside a sentence attributed after it: 'Russia was "delaying", Moscow said'
        for cue in _verbs(pats, body, span.end, s_end):
            who = _resolve(body, cue, s_start, s_end, pats, tracker)
            if who:
                return who
    # A quote standing alone right after a sentence that names a speaker.
    previous = [s for s in sents if s.end <= span.start - 1]
    if previous and not body[s_start : span.start - 1].strip():
        last = previous[-1]
        found = next(_verbs(pats, body, last.start, last.end), None)
        if found or last.text.rstrip().endswith(":"):
            if found:
                return _resolve(body, found, last.start, last.end, pats, tracker)
            head = _pick(tracker.speakers_in(last.start, last.end))
            if head:
                return head.entity.name
            # "Першим написав Лубінець. Допис короткий. Наводимо його повністю:" — the one who
            # wrote, a sentence or two before in the same paragraph
            paragraph = body.rfind("\n", 0, last.start) + 1
            for earlier in reversed([s for s in previous[-4:-1] if s.start >= paragraph]):
                for cue in _verbs(pats, body, earlier.start, earlier.end):
                    who = _resolve(body, cue, earlier.start, earlier.end, pats, tracker)
                    if who:
                        return who
    return None


def _claims(
    article: Article,
    sents: list[Sentence],
    pats: SpeechPatterns,
    tracker: SpeakerTracker,
    spans: list[QuotedSpan],
    givers: dict[tuple[int, int], str],
    talk: tuple[Turn, ...],
) -> list[Claim]:
    body = article.body
    claims: list[Claim] = []
    sents = [part for s in sents for part in _reporting_clauses(body, s, pats)]
    for index, s in enumerate(sents):
        turn = turn_at(s.start, talk)
        if turn is not None and s.text.rstrip().endswith("?"):
            continue  # a question asks; it claims nothing
        quoted = [q for q in spans if s.start <= q.start and q.end <= s.end]
        if any(q.end - q.start > 0.5 * (s.end - s.start) for q in quoted) or _opens_with_quote(body, s, quoted, pats):
            continue  # a quoted statement is a quote, not a claim
        following = next((q for q in spans if q.start > s.end), None) if s.text.rstrip().endswith(":") else None
        if following is not None and _QUOTE_NEXT.fullmatch(body, s.end, following.start):
            continue  # "Lubinets wrote on Telegram:" and the post in quotation marks: a quote only
        if re.match(r"\s*[-\u2022*](?!\s*(?:more than |over |about |понад |близько |более |около )?\d)", s.text):
            continue  # lead bullet points restate the body; a list of figures ("- 6,060: bodies …, per Kyiv") does not
        found: list[tuple[str, str]] = []  # (speaker, rule)
        lead = _lead_speaker(s, tracker) if turn is None else None  # a transcript's label is no claim
        if lead:
            found.append((lead, "claim.lead_colon"))
        for cue in pats.speaker_after.finditer(body, s.start, s.end):
            who = _resolve(body, cue, s.start, s.end, pats, tracker)
            if who:
                found.append((who, "claim.according_to"))
        for cue in pats.pronoun_cues.finditer(body, s.start, s.end):
            who = _antecedent(tracker, pats, body, s.start, cue.start())
            if who:
                found.append((who, "claim.pronoun"))
        if not found:
            verbs = [
                v
                for v in _verbs(pats, body, s.start, s.end)
                if not _inside(v.start(), quoted) and not pats.negation.search(body, max(s.start, v.start() - 24), v.start())
            ]
            # '..., Umerov said.' at the end of a sentence names the speaker of all of it.
            tail = [v for v in verbs if _DASH_OR_COMMA.search(body[s.start : v.start()]) or _ends_clause(body, v, s, pats)]
            ordered = ([tail[-1]] if tail else []) + verbs
            for cue in ordered:
                who = _resolve(body, cue, _clause_start(body, cue, s, tail, pats), s.end, pats, tracker)
                if who:
                    found.extend((name, "claim.reporting") for name in _coordinated(body, s, cue, who, tracker))
                    break
        gist = _gist(s.text)
        previous = sents[index - 1] if index else None
        if found and previous and pats.report_of_previous.match(s.text) and "\n\n" not in body[previous.end : s.start]:
            # The claim is what the sentence before says; its figures are the speaker's. The
            # event it tells stays the outlet's own report (it is stated, then sourced).
            gist = _gist(previous.text)
            givers[(previous.start, previous.end)] = found[0][0]
        seen: set[str] = set()
        for who, rule in found:
            if who in seen:
                continue
            seen.add(who)
            claims.append(Claim(who, gist, Evidence(s.text, s.start, s.end, rule, s.text)))
    return claims


def _reporting_clauses(body: str, s: Sentence, pats: SpeechPatterns) -> list[Sentence]:
    """A sentence of clauses joined by a semicolon or a contrast ("while", "тоді як"), each
    with its own reporting verb, is one claim per clause ("Kyiv said it had received 1,212
    bodies; Moscow said it had got 27", "…, according to the headquarters, while Russia says …")."""
    cuts = [m.end() for m in pats.clause_join.finditer(s.text)]
    if not cuts:
        return [s]
    bounds = [0, *cuts, len(s.text)]
    parts = [(s.start + a, s.start + b) for a, b in zip(bounds, bounds[1:], strict=False)]
    if not all(pats.verbs.search(body, a, b) for a, b in parts):
        return [s]
    out = []
    for a, b in parts:
        b = a + len(body[a:b].rstrip("; \n"))
        out.append(Sentence(a, b, body[a:b]))
    return out


def _opens_with_quote(body: str, s: Sentence, quoted: list[QuotedSpan], pats: SpeechPatterns) -> bool:
    """'"There is nothing on the calendar," Peskov told journalists.' / '«...», — написала
    она': the sentence is the quote and its attribution, with no paraphrase of its own."""
    if not quoted:
        return False
    ordered = sorted(quoted, key=lambda q: q.start)
    if body[s.start : ordered[0].start - 1].strip(" \t\n\"'\u201c\u201e\u00ab-\u2013\u2014"):
        return False
    # What the sentence says outside the marks, after the opening quote.
    bounds = [q.end + 1 for q in ordered]
    rest = "".join(body[end : (ordered[i + 1].start - 1 if i + 1 < len(ordered) else s.end)] for i, end in enumerate(bounds))
    return len(rest) < 80 and not pats.paraphrase.search(rest)


def _verbs(pats: SpeechPatterns, body: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """Reporting verbs in [start, end), leaving out nouns spelled alike ("Ukraine's demands")."""
    for verb in pats.verbs.finditer(body, start, end):
        if not pats.noun_before.search(body, max(start, verb.start() - 12), verb.start()):
            yield verb


def _inside(offset: int, quoted: list[QuotedSpan]) -> bool:
    return any(q.start <= offset < q.end for q in quoted)


def _ends_clause(body: str, verb: re.Match[str], s: Sentence, pats: SpeechPatterns) -> bool:
    """'..., Umerov said.': the verb closes the sentence, or a clause ('..., Umerov said, but
    …'), after a comma and a short name."""
    rest = body[verb.end() : s.end].strip(' .\u201d"\u00bb')
    before = body[s.start : verb.start()]
    comma = max(before.rfind(","), before.rfind("\u2014"))
    return (not rest or pats.next_clause.match(rest) is not None) and comma >= 0 and len(before) - comma < 60


def _clause_start(body: str, verb: re.Match[str], s: Sentence, tail: list[re.Match[str]], pats: SpeechPatterns) -> int:
    if tail and verb is tail[-1]:
        before = body[s.start : verb.start()]
        comma = max(before.rfind(","), before.rfind("\u2014"))
        if comma >= 0 and _ends_clause(body, verb, s, pats):
            return s.start + comma + 1
    return s.start


def _coordinated(body: str, s: Sentence, verb: re.Match[str], who: str, tracker: SpeakerTracker) -> list[str]:
    """'Macron, Merz, Starmer and Zelensky demanded ...': one claim per named speaker."""
    people = [m for m in tracker.speakers_in(s.start, verb.start()) if m.entity.kind == "person"]
    if len(people) < 2 or who not in {m.entity.name for m in people}:
        return [who]
    chain = [people[-1]]
    for m in reversed(people[:-1]):
        gap = body[m.end : chain[0].start]
        if re.fullmatch(r"\s*(?:,|and|і|й|та|и|,\s*and)\s*", gap):
            chain.insert(0, m)
        else:
            break
    names = [m.entity.name for m in chain]
    return sorted(set(names), key=names.index) if who in names else [who]


def _gist(sentence: str) -> str:
    m = re.search(r"\bthat\b|\bщо\b|\bчто\b", sentence)
    gist = sentence[m.end() :] if m else sentence
    return gist.strip().rstrip(".")
