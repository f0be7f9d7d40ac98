"""Open data: the consolidated story as facts.json (+ its JSON Schema), CSV tables, JSON-LD.

Pure and deterministic: the same Story gives the same bytes, whatever PYTHONHASHSEED or
the clock (the only date not taken from an event or a fact is `as_of`, the newest
article's publication date). Ids are the ones the site shows, so a researcher can go
from a row to the page and back, and corrections.yaml entries refer to them.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from .model import Article, Citation, Claim, Correction, DatedFact, Discrepancy, Quantity, Quote, SourceGroup, Story, StoryEvent

SCHEMA_FILE = "facts.schema.json"
VERSION = "1.0"  # bump the major part when a field changes meaning or disappears
JOIN = "; "  # multi-valued CSV cells
EVENT_NAMES = {  # English, as schema.org consumers expect one stable vocabulary
    "prisoner_exchange": "Prisoner exchange",
    "remains_return": "Return of remains",
    "talks": "Talks",
    "ceasefire": "Ceasefire",
}


# --- facts.json ----------------------------------------------------------------------


def _group_ids(story: Story) -> dict[str, SourceGroup]:
    return {a.file: g for g in story.sources for a in g.articles}


def _article(article: Article, groups: dict[str, SourceGroup]) -> dict[str, Any]:
    group = groups.get(article.file)
    return {
        "file": article.file,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published.isoformat(),
        "published_basis": article.published_basis,
        "language": article.language,
        "syndicated_from": article.syndicated_from,
        "translated_from": article.translated_from,
        "source_group": group.id if group else None,
    }


def _citation(citation: Citation) -> dict[str, Any]:
    ev = citation.evidence
    return {
        "article": citation.article.file,
        "evidence": ev.text,
        "span": [ev.start, ev.end],
        "rule": ev.rule,
        "sentence": ev.sentence,
        "speaker": citation.speaker,
    }


def _event(event: StoryEvent) -> dict[str, Any]:
    return {
        "id": event.id,
        "type": event.type,
        "date": event.date.isoformat(),
        "place": event.place,
        "ordinal": event.ordinal,
        "status": event.status,
        "independent_sources": event.independent_sources,
        "claimed_by": list(event.claimed_by),
        "corrected": event.corrected,
        "citations": [_citation(c) for c in event.citations],
    }


def _common(fact: DatedFact) -> dict[str, Any]:
    return {"id": fact.id, "date": fact.date.isoformat(), "status": fact.status, "corrected": fact.corrected, "citation": _citation(fact.citation)}


def _figure(fact: DatedFact, item: Quantity) -> dict[str, Any]:
    traits = fact.traits
    return {
        **_common(fact),
        "value": item.value,
        "counts": item.counts,
        "qualifier": item.qualifier,
        "cumulative": traits.cumulative if traits else None,
        "planned": traits.planned if traits else None,
        "direction": traits.direction if traits else None,
        "attributed_to": item.attributed_to,
    }


def _quote(fact: DatedFact, item: Quote) -> dict[str, Any]:
    return {**_common(fact), "text": item.text, "speaker": item.speaker, "language": item.language}


def _claim(fact: DatedFact, item: Claim) -> dict[str, Any]:
    return {**_common(fact), "speaker": item.speaker, "gist": item.gist}


def _discrepancy(disc: Discrepancy) -> dict[str, Any]:
    return {"id": disc.id, "kind": disc.kind, "date": disc.date.isoformat(), "figures": [f.id for f in disc.figures], "events": [e.id for e in disc.events]}


def _correction(corr: Correction) -> dict[str, Any]:
    return {
        "index": corr.index,
        "action": corr.action,
        "target": corr.target,
        "note": corr.note,
        "changes": [{"field": k, "value": v} for k, v in corr.changes],
        "applied": corr.applied,
    }


def _sorted_facts(story: Story) -> list[DatedFact]:
    return sorted(story.facts, key=lambda f: (f.date, f.id))


def as_of(story: Story) -> dt.date | None:
    """The newest article's publication date: how current the data is (never the clock)."""
    return max((a.published for a in story.articles), default=None)


def facts_dict(story: Story) -> dict[str, Any]:
    """The whole of facts.json as data (`facts_json` writes it)."""
    facts = _sorted_facts(story)
    return {
        **_story_members(story),
        "figures": [_figure(f, f.fact) for f in facts if isinstance(f.fact, Quantity)],
        "quotes": [_quote(f, f.fact) for f in facts if isinstance(f.fact, Quote)],
        "claims": [_claim(f, f.fact) for f in facts if isinstance(f.fact, Claim)],
    }


def _story_members(story: Story) -> dict[str, Any]:
    """facts.json but its figures, quotes and claims."""
    groups = _group_ids(story)
    newest = as_of(story)
    return {
        "schema": SCHEMA_FILE,
        "version": VERSION,
        "as_of": newest.isoformat() if newest else None,
        "articles": [_article(a, groups) for a in sorted(story.articles, key=lambda a: a.file)],
        "source_groups": [{"id": g.id, "reason": g.reason, "articles": sorted(a.file for a in g.articles)} for g in sorted(story.sources, key=lambda g: g.id)],
        "events": [_event(e) for e in sorted(story.events, key=lambda e: (e.date, e.type, e.id))],
        "discrepancies": [_discrepancy(d) for d in sorted(story.discrepancies, key=lambda d: (d.date, d.kind, d.id))],
        "corrections": [_correction(c) for c in sorted(story.corrections, key=lambda c: c.index)],
    }


def _dumps(value: Any) -> str:
    # Compact: with `indent` the json module falls back to its pure-Python encoder, and
    # facts.json of a year's story is tens of megabytes.
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


FactTexts = tuple[str, str]  # a figure, quote or claim: its object in facts.json, its line in its CSV table
FACT_LISTS = {Quantity: "figures", Quote: "quotes", Claim: "claims"}  # facts.json's lists and the CSV tables' names


def fact_texts(fact: DatedFact) -> FactTexts:
    """A figure, quote or claim as facts.json and its CSV table write it. Most of the open
    data's bytes: written one by one, they can be kept for facts that did not change
    (`generator.factcache`)."""
    item = fact.fact
    if isinstance(item, Quantity):
        return _dumps(_figure(fact, item)), _csv_line(FIGURE_COLUMNS, _figure_cells(fact, item))
    if isinstance(item, Quote):
        return _dumps(_quote(fact, item)), _csv_line(QUOTE_COLUMNS, _quote_cells(fact, item))
    return _dumps(_claim(fact, item)), _csv_line(CLAIM_COLUMNS, _claim_cells(fact, item))


def _by_list(story: Story, texts: Callable[[DatedFact], FactTexts]) -> dict[str, list[FactTexts]]:
    found: dict[str, list[FactTexts]] = {name: [] for name in FACT_LISTS.values()}
    for fact in _sorted_facts(story):
        found[FACT_LISTS[type(fact.fact)]].append(texts(fact))
    return found


def facts_json(story: Story, texts: Callable[[DatedFact], FactTexts] = fact_texts) -> str:
    """facts.json: `facts_dict` as JSON, its figures, quotes and claims written by `texts`."""
    return _facts_json(story, _by_list(story, texts))


def _facts_json(story: Story, facts: dict[str, list[FactTexts]]) -> str:
    members = {key: _dumps(value) for key, value in _story_members(story).items()}
    for name, written in facts.items():
        members[name] = "[" + ",".join(json_text for json_text, _ in written) + "]"
    # As json.dumps(..., sort_keys=True) writes an object.
    return "{" + ",".join(f"{_dumps(key)}:{members[key]}" for key in sorted(members)) + "}\n"


def data_files(story: Story, texts: Callable[[DatedFact], FactTexts] = fact_texts) -> dict[str, str]:
    """Every data file: {file name: text}; `texts` writes a figure, quote or claim (or gives
    it as an earlier build wrote it, `generator.factcache`)."""
    facts = _by_list(story, texts)
    return {"facts.json": _facts_json(story, facts), SCHEMA_FILE: facts_schema(), **_csv_tables(story, facts)}


# --- facts.schema.json -----------------------------------------------------------------


def _s(description: str, *types: str, **extra: Any) -> dict[str, Any]:
    """A leaf schema: one or more JSON types and what the field means."""
    return {"type": types[0] if len(types) == 1 else list(types), "description": description, **extra}


def _obj(description: str, properties: dict[str, Any]) -> dict[str, Any]:
    # Every field is always present (null when unknown), so all are required and no
    # other field may appear: the schema doubles as a check of this module.
    return {"type": "object", "description": description, "properties": properties, "required": sorted(properties), "additionalProperties": False}


DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
STATUS = {"enum": ["confirmed", "reported", "claim"]}
STATUS_TEXT = (
    "How firmly the fact stands: confirmed (two or more independent outlets state it, or speakers of both sides do), "
    "reported (an outlet states it itself), claim (only a party says it)."
)
FACT_ID = "Stable id: a hash of the kind of fact, the article file and the evidence span; it changes only when the evidence does."


def _fact_fields() -> dict[str, Any]:
    return {
        "id": _s(FACT_ID, "string"),
        "date": {**DATE, "description": "The day the fact refers to: the event date its sentence names, else the article's publication date."},
        "status": {**STATUS, "description": STATUS_TEXT},
        "corrected": _s("True when an editor's correction changed or added this fact (see corrections).", "boolean"),
        "citation": {"$ref": "#/$defs/citation", "description": "The article and sentence the fact comes from."},
    }


def schema_dict() -> dict[str, Any]:
    citation = _obj(
        "One supporting mention: where in which article a fact or event is stated.",
        {
            "article": _s("File name of the article (see articles[].file).", "string"),
            "evidence": _s("The exact substring of the article body the fact was read from.", "string"),
            "span": {
                "type": "array",
                "description": "Start and end character offsets of the evidence in the article body (Python string indices, end exclusive).",
                "items": {"type": "integer", "minimum": 0},
                "minItems": 2,
                "maxItems": 2,
            },
            "rule": _s("Name of the extraction rule that matched (for auditing the extractor).", "string"),
            "sentence": _s("The whole sentence around the evidence, as shown in the site's footnotes.", "string"),
            "speaker": _s("The party the sentence attributes the statement to; null when the outlet states it itself.", "string", "null"),
        },
    )
    article = _obj(
        "One input article.",
        {
            "file": _s("File name in the seeds directory; the article's id.", "string"),
            "title": _s("Headline.", "string"),
            "source": _s("The outlet; null when unknown.", "string", "null"),
            "url": _s("Link to the original (http or https); null when not given.", "string", "null"),
            "published": {**DATE, "description": "Publication date."},
            "published_basis": _s("Where the publication date came from: metadata, dateline or weekday.", "string"),
            "language": _s("ISO 639-1 code of the article's language.", "string"),
            "syndicated_from": _s("The wire the outlet relays, when declared; null otherwise.", "string", "null"),
            "translated_from": _s("Language the article was translated from, when declared; null otherwise.", "string", "null"),
            "source_group": _s("Id of the independent source the article belongs to (see source_groups).", "string", "null"),
        },
    )
    source_group = _obj(
        "Articles that are copies of one another; they count as one independent source.",
        {
            "id": _s('The representative article\'s file, or "wire:<name>" for articles relaying one wire.', "string"),
            "reason": {"enum": ["independent", "syndicated", "near_duplicate"], "description": "Why the articles are grouped."},
            "articles": {"type": "array", "items": {"type": "string"}, "description": "Files of the articles in the group, sorted."},
        },
    )
    event = _obj(
        "One event, merged from every article that reports it (one per type and date).",
        {
            "id": _s("Stable id: date and type, e.g. 2025-06-20-prisoner_exchange.", "string"),
            "type": _s("prisoner_exchange, remains_return, talks, ceasefire or other.", "string"),
            "date": {**DATE, "description": "The day the event took place (as the articles date it)."},
            "place": _s("Where it took place; null when no article says.", "string", "null"),
            "ordinal": _s('The round number the articles give ("the fourth exchange"); null when none.', "integer", "null"),
            "status": {**STATUS, "description": STATUS_TEXT},
            "independent_sources": _s("Number of independent sources (source groups) among the citations.", "integer", minimum=0),
            "claimed_by": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Parties the event is attributed to, sorted; empty when outlets state it.",
            },
            "corrected": _s("True when an editor's correction changed, merged or added this event.", "boolean"),
            "citations": {"type": "array", "items": {"$ref": "#/$defs/citation"}, "description": "Every supporting mention."},
        },
    )
    figure = _obj(
        "A number of people or bodies given by a source.",
        {
            **_fact_fields(),
            "value": _s("The number; null when the source explicitly did not disclose it (qualifier undisclosed).", "integer", "null"),
            "counts": _s("What is counted: prisoners, bodies, civilians, soldiers, people or children.", "string"),
            "qualifier": {
                "enum": ["exact", "more_than", "about", "nearly", "up_to", "at_least", "undisclosed"],
                "description": 'How the value is hedged ("more than 6,000" is more_than); undisclosed when value is null.',
            },
            "cumulative": _s('True for a total so far ("in total", "have been returned"), false for one stage; null if not assessed.', "boolean", "null"),
            "planned": _s("True when offered, agreed or promised rather than something that happened; null if not assessed.", "boolean", "null"),
            "direction": _s("given or received, from the point of view of the speaker or outlet; null if not assessed.", "string", "null"),
            "attributed_to": _s("The party that gives the figure; null when the outlet states it itself.", "string", "null"),
        },
    )
    quote = _obj(
        "A direct quote, kept in its original language.",
        {
            **_fact_fields(),
            "text": _s("The quoted words.", "string"),
            "speaker": _s("Who said it; null when the article does not say.", "string", "null"),
            "language": _s("ISO 639-1 code of the quote's language.", "string"),
        },
    )
    claim = _obj(
        "A statement a party makes (reported speech); never presented as fact.",
        {
            **_fact_fields(),
            "speaker": _s("The party making the claim.", "string"),
            "gist": _s("What is claimed, as worded in the article.", "string"),
        },
    )
    discrepancy = _obj(
        "Sources disagree: incompatible figures for one thing, or different dates for one event.",
        {
            "id": _s("Stable id: a hash of what is compared.", "string"),
            "kind": {"enum": ["figure", "date"], "description": "figure: values that cannot all be right; date: one numbered event on different days."},
            "date": {**DATE, "description": "The day the discrepancy is shown on."},
            "figures": {"type": "array", "items": {"type": "string"}, "description": "Ids of the conflicting figures (kind figure)."},
            "events": {"type": "array", "items": {"type": "string"}, "description": "Ids of the events with conflicting dates (kind date)."},
        },
    )
    correction = _obj(
        "One editor's entry in corrections.yaml.",
        {
            "index": _s("Position of the entry in corrections.yaml, from 1.", "integer"),
            "action": {"enum": ["drop", "fix", "add", "merge"], "description": "What the editor did."},
            "target": _s('Id of the fact or event (merge: the ids joined by ", "; add: the new id).', "string"),
            "note": _s("The editor's reason, shown on the corrections page.", "string"),
            "changes": {
                "type": "array",
                "description": "Fields set by a fix, sorted by field.",
                "items": _obj("One changed field.", {"field": _s("Field name.", "string"), "value": _s("New value, as text.", "string")}),
            },
            "applied": _s("False when the entry no longer matches anything (the build reports it).", "boolean"),
        },
    )

    def items(ref: str, description: str) -> dict[str, Any]:
        return {"type": "array", "items": {"$ref": f"#/$defs/{ref}"}, "description": description}

    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_FILE,
        "title": "Briefings: consolidated facts",
        "description": (
            "Everything the briefing site states, with its sources: articles, events, figures, quotes, claims, "
            "discrepancies between sources and editors' corrections. Every fact cites the article and the exact "
            "sentence it was read from. Dates are ISO 8601 calendar dates."
        ),
        **_obj(
            "The consolidated story.",
            {
                "schema": {"const": SCHEMA_FILE, "description": "File name of this schema, next to facts.json."},
                "version": _s(f"Format version ({VERSION}); the major part changes when a field changes meaning or disappears.", "string"),
                "as_of": {
                    "type": ["string", "null"],
                    "format": "date",
                    "description": "Publication date of the newest article: how current the data is. Null without articles.",
                },
                "articles": items("article", "Input articles, sorted by file."),
                "source_groups": items("source_group", "Independent sources, sorted by id."),
                "events": items("event", "Events, sorted by date and type."),
                "figures": items("figure", "Figures, sorted by date and id."),
                "quotes": items("quote", "Quotes, sorted by date and id."),
                "claims": items("claim", "Claims, sorted by date and id."),
                "discrepancies": items("discrepancy", "Discrepancies, sorted by date, kind and id."),
                "corrections": items("correction", "Editors' corrections, in file order."),
            },
        ),
        "$defs": {
            "article": article,
            "citation": citation,
            "claim": claim,
            "correction": correction,
            "discrepancy": discrepancy,
            "event": event,
            "figure": figure,
            "quote": quote,
            "source_group": source_group,
        },
    }


def facts_schema() -> str:
    return json.dumps(schema_dict(), sort_keys=True, ensure_ascii=False, indent=1) + "\n"


# --- CSV tables --------------------------------------------------------------------------

# Spreadsheets (Excel, LibreOffice, Google Sheets) run a cell that starts with one of these
# as a formula: an article saying "=HYPERLINK(...)" or "@SUM(...)" would execute when a
# researcher opens the CSV. A leading apostrophe makes the spreadsheet show the text as text
# (OWASP "CSV injection"). Numbers are written as numbers and never guarded, so "-5" stays -5.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guard(cell: object) -> object:
    if isinstance(cell, str):
        if cell.startswith(FORMULA_STARTS):
            cell = "'" + cell
        # With "\n" line ends the csv module leaves a lone "\r" unquoted, and a reader would
        # start a new row there: a line break inside a cell is always "\n".
        return cell.replace("\r\n", "\n").replace("\r", "\n") if "\r" in cell else cell
    return cell


class _Echo:
    """A file whose write gives back what it is given: csv.writer's writerow then returns the line."""

    def write(self, line: str) -> str:
        return line


def _lines() -> Any:
    # "\n" rather than csv's default "\r\n": the files are compared and committed as text.
    return csv.writer(_Echo(), lineterminator="\n")


def _csv_line(header: list[str], row: dict[str, Any]) -> str:
    if row.keys() != set(header):
        raise ValueError(f"a row's fields {sorted(row)} are not the header's {sorted(header)}")
    line: str = _lines().writerow([guard("" if row[key] is None else row[key]) for key in header])
    return line


def _table(header: list[str], lines: list[str]) -> str:
    head: str = _lines().writerow(header)
    return head + "".join(lines)


def _cite_cells(citation: Citation) -> dict[str, Any]:
    return {
        "article": citation.article.file,
        "source": citation.article.source,
        "evidence": citation.evidence.text,
        "sentence": citation.evidence.sentence,
    }


def _flag(value: bool | None) -> str:
    return "" if value is None else ("true" if value else "false")


# The citation's speaker is the figure's attributed_to, the quote's or claim's speaker.
_CITE_COLUMNS = ["article", "source", "evidence", "sentence"]
FIGURE_COLUMNS = ["id", "date", "value", "qualifier", "counts", "cumulative", "planned", "direction", "attributed_to", "status", "corrected", *_CITE_COLUMNS]
QUOTE_COLUMNS = ["id", "date", "speaker", "language", "text", "status", "corrected", *_CITE_COLUMNS]
CLAIM_COLUMNS = ["id", "date", "speaker", "gist", "status", "corrected", *_CITE_COLUMNS]
_EVENT_COLUMNS = ["id", "type", "date", "place", "ordinal", "status", "independent_sources", "claimed_by", "corrected", "articles", "evidence"]
_SOURCE_COLUMNS = ["file", "title", "source", "url", "published", "language", "syndicated_from", "translated_from", "source_group", "group_reason"]


def _fact_cells(f: DatedFact) -> dict[str, Any]:
    """The cells every figure, quote and claim has (the header orders them)."""
    return {"id": f.id, "date": f.date.isoformat(), "status": f.status, "corrected": _flag(f.corrected), **_cite_cells(f.citation)}


def _figure_cells(f: DatedFact, q: Quantity) -> dict[str, Any]:
    t = f.traits
    return {
        **_fact_cells(f),
        "value": q.value,
        "qualifier": q.qualifier,
        "counts": q.counts,
        "cumulative": _flag(t.cumulative if t else None),
        "planned": _flag(t.planned if t else None),
        "direction": t.direction if t else None,
        "attributed_to": q.attributed_to,
    }


def _quote_cells(f: DatedFact, q: Quote) -> dict[str, Any]:
    return {**_fact_cells(f), "speaker": q.speaker, "language": q.language, "text": q.text}


def _claim_cells(f: DatedFact, c: Claim) -> dict[str, Any]:
    return {**_fact_cells(f), "speaker": c.speaker, "gist": c.gist}


def csv_tables(story: Story, texts: Callable[[DatedFact], FactTexts] = fact_texts) -> dict[str, str]:
    """The CSV tables: {file name: text}; the lines of figures, quotes and claims written by `texts`."""
    return _csv_tables(story, _by_list(story, texts))


def _csv_tables(story: Story, facts: dict[str, list[FactTexts]]) -> dict[str, str]:
    groups = _group_ids(story)
    events = [
        {
            "id": e.id,
            "type": e.type,
            "date": e.date.isoformat(),
            "place": e.place,
            "ordinal": e.ordinal,
            "status": e.status,
            "independent_sources": e.independent_sources,
            "claimed_by": JOIN.join(e.claimed_by),
            "corrected": _flag(e.corrected),
            "articles": JOIN.join(dict.fromkeys(c.article.file for c in e.citations)),
            "evidence": JOIN.join(c.evidence.text for c in e.citations),
        }
        for e in sorted(story.events, key=lambda e: (e.date, e.type, e.id))
    ]
    sources = [
        {
            "file": a.file,
            "title": a.title,
            "source": a.source,
            "url": a.url,
            "published": a.published.isoformat(),
            "language": a.language,
            "syndicated_from": a.syndicated_from,
            "translated_from": a.translated_from,
            "source_group": groups[a.file].id if a.file in groups else None,
            "group_reason": groups[a.file].reason if a.file in groups else None,
        }
        for a in sorted(story.articles, key=lambda a: a.file)
    ]
    return {
        "events.csv": _table(_EVENT_COLUMNS, [_csv_line(_EVENT_COLUMNS, row) for row in events]),
        "figures.csv": _table(FIGURE_COLUMNS, [line for _, line in facts["figures"]]),
        "quotes.csv": _table(QUOTE_COLUMNS, [line for _, line in facts["quotes"]]),
        "claims.csv": _table(CLAIM_COLUMNS, [line for _, line in facts["claims"]]),
        "sources.csv": _table(_SOURCE_COLUMNS, [_csv_line(_SOURCE_COLUMNS, row) for row in sources]),
    }


# --- JSON-LD -------------------------------------------------------------------------------


def script_safe_json(value: Any) -> str:
    """JSON that can sit inside <script type="application/ld+json"> as it is.

    The HTML parser ends a script element at "</script" whatever the JSON means, so "<" is
    never written literally ("</script><script>…" in a headline would otherwise run);
    ">" and "&" go too, as do U+2028/U+2029, which older JavaScript parsers reject. Outside
    strings JSON never uses these characters, so replacing them everywhere is safe, and
    the escapes decode to the same text.
    """
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    for char in ("<", ">", "&", "\u2028", "\u2029"):
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def _cited_on(story: Story, day: dt.date) -> list[Article]:
    cited: dict[str, Article] = {}
    for event in story.events_on(day):
        cited.update((c.article.file, c.article) for c in event.citations)
    for fact in story.facts_on(day):
        cited[fact.citation.article.file] = fact.citation.article
    return sorted(cited.values(), key=lambda a: (a.published, a.file))


def _creative_work(article: Article) -> dict[str, Any]:
    work: dict[str, Any] = {
        "@type": "NewsArticle",
        "name": article.title,
        "headline": article.title,
        "datePublished": article.published.isoformat(),
        "inLanguage": article.language,
    }
    if article.url:
        work["url"] = article.url
    if article.source:
        work["publisher"] = {"@type": "Organization", "name": article.source}
    return work


def _schema_event(event: StoryEvent) -> dict[str, Any]:
    item: dict[str, Any] = {
        "@type": "Event",
        "identifier": event.id,
        "name": EVENT_NAMES.get(event.type, "Other event"),
        "startDate": event.date.isoformat(),
    }
    if event.place:
        item["location"] = {"@type": "Place", "name": event.place}
    return item


def jsonld_for_day(story: Story, day: dt.date, language: str, page_url: str, *, headline: str | None = None) -> str:
    """schema.org JSON-LD for the dated briefing page of `day`, ready for a script element.

    `headline` is the page title in the page's language (the caller has the catalogs);
    without it an English "Briefing: YYYY-MM-DD" is used.
    """
    cited = _cited_on(story, day)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Report",
        "headline": headline or f"Briefing: {day.isoformat()}",
        "datePublished": day.isoformat(),
        "inLanguage": language,
        "url": page_url,
        "mainEntityOfPage": page_url,
        "citation": [_creative_work(a) for a in cited],
        "about": [_schema_event(e) for e in sorted(story.events_on(day), key=lambda e: (e.type, e.id))],
    }
    if cited:
        # Data-derived like the feed's `updated`: the page changes when a newer article is cited.
        data["dateModified"] = max(day, max(a.published for a in cited)).isoformat()
    return script_safe_json(data)
