"""Editors' corrections (seeds/corrections.yaml), applied to the story by stable id.

    corrections:
      - drop: 3f2a9c1d0e            # a fact or event id, as shown on the page
        note: duplicate of another report
      - fix: 2025-06-14-prisoner_exchange
        set: {date: 2025-06-13}
        note: the ministry's statement gives 13 June
      - merge: [2025-06-11-prisoner_exchange, 2025-06-12-prisoner_exchange]
        note: one exchange, reported with two dates
      - split: 2025-06-20-prisoner_exchange
        move: [b.txt]                  # these articles' mentions become their own event
        set: {date: 2025-06-19}
        note: b.txt reports the previous day's exchange
      - add: {kind: quantity, article: x.txt, evidence: "84 prisoners", value: 84, counts: prisoners, date: 2025-06-20}
        note: missed by the extractor

Loading reports broken entries as problems; applying reports entries that match nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from .model import Citation, Correction, DatedFact, Evidence, Problem, Quantity, Story, StoryEvent, stable_id

ACTIONS = ("drop", "fix", "merge", "split", "add")
EVENT_FIELDS = {"date", "type", "place", "ordinal"}
QUANTITY_FIELDS = {"value", "counts", "qualifier", "attributed_to", "date"}
SPEECH_FIELDS = {"speaker", "date"}


def load_corrections(path: Path) -> tuple[list[dict[str, Any]], list[Problem]]:
    if not path.exists():
        return [], []
    name = path.name
    try:
        # BaseLoader keeps every scalar as text: ids such as 0123456789 stay ids, not numbers.
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}  # noqa: S506
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        return [], [Problem(name, f"cannot be read as YAML: {error}".splitlines()[0])]
    entries = data.get("corrections") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return [], [Problem(name, "expected a top-level `corrections:` list")]
    good: list[dict[str, Any]] = []
    problems: list[Problem] = []
    for i, entry in enumerate(entries, 1):
        actions = [a for a in ACTIONS if isinstance(entry, dict) and a in entry]
        if len(actions) != 1:
            problems.append(Problem(name, f"needs exactly one of {', '.join(ACTIONS)}", f"entry {i}"))
            continue
        good.append({**entry, "_index": i, "_action": actions[0]})
    return good, problems


NUMERIC_FIELDS = {"value", "ordinal"}


NULLS = {"", "~", "null", "Null", "NULL"}


def _typed(fields: dict[str, Any]) -> dict[str, Any]:
    """Types for the text BaseLoader gives: numbers for numeric fields, None for null."""
    typed: dict[str, Any] = {}
    for key, value in fields.items():
        if isinstance(value, str) and value in NULLS:
            typed[key] = None
        elif key in NUMERIC_FIELDS:
            typed[key] = int(value)
        else:
            typed[key] = value
    return typed


def _as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def apply_corrections(story: Story, entries: list[dict[str, Any]], file_name: str = "corrections.yaml") -> Story:
    events = {e.id: e for e in story.events}
    facts = {f.id: f for f in story.facts}
    applied: list[Correction] = []
    problems: list[Problem] = []
    for entry in entries:
        action, index, note = entry["_action"], entry["_index"], str(entry.get("note", ""))
        target = entry[action]
        where = f"entry {index}"
        try:
            if action == "drop":
                ok = events.pop(str(target), None) is not None or facts.pop(str(target), None) is not None
                changes: tuple[tuple[str, str], ...] = ()
            elif action == "fix":
                changes = tuple(sorted((str(k), str(v)) for k, v in (entry.get("set") or {}).items()))
                ok = _fix(str(target), _typed(dict(entry.get("set") or {})), events, facts)
            elif action == "merge":
                ids = [str(t) for t in target] if isinstance(target, list) else []
                ok = len(ids) >= 2 and all(i in events for i in ids)
                if ok:
                    keep = events[ids[0]]
                    merged = [c for i in ids for c in events[i].citations]
                    for i in ids[1:]:
                        events.pop(i)
                    events[keep.id] = dataclasses.replace(keep, citations=tuple(merged), corrected=True)
                target, changes = ", ".join(ids), ()
            elif action == "split":
                changes = tuple(sorted((str(k), str(v)) for k, v in (entry.get("set") or {}).items()))
                ok = _split(str(target), [str(f) for f in entry.get("move") or []], _typed(dict(entry.get("set") or {})), events)
            else:
                new, message = _add(_typed(dict(target)) if isinstance(target, dict) else {}, story)
                ok = new is not None
                if new is None:
                    problems.append(Problem(file_name, message, where))
                elif isinstance(new, StoryEvent):
                    events[new.id] = new
                    target = new.id
                else:
                    facts[new.id] = new
                    target = new.id
                changes = ()
        except (ValueError, TypeError, KeyError) as error:
            problems.append(Problem(file_name, f"cannot apply {action}: {error}", where))
            ok, changes = False, ()
        if not ok and action != "add":
            problems.append(Problem(file_name, f"{action} {target}: no such fact or event (ids change only when the evidence does)", where))
        applied.append(Correction(index, action, str(target), note, changes, ok))
    return dataclasses.replace(
        story,
        events=tuple(sorted(events.values(), key=lambda e: (e.date, e.type, e.id))),
        facts=tuple(sorted(facts.values(), key=lambda f: (f.date, f.citation.article.published, f.citation.article.file, f.citation.evidence.start))),
        corrections=tuple(applied),
        problems=(*story.problems, *problems),
    )


def _split(target: str, files: list[str], fields: dict[str, Any], events: dict[str, StoryEvent]) -> bool:
    """Move the mentions from `files` out of event `target` into an event with `fields`."""
    event = events.get(target)
    if event is None or not files or not fields:
        return False
    unknown = set(fields) - EVENT_FIELDS
    if unknown:
        raise ValueError(f"events have no field(s) {', '.join(sorted(unknown))}")
    moved = tuple(c for c in event.citations if c.article.file in files)
    kept = tuple(c for c in event.citations if c.article.file not in files)
    if not moved:
        return False
    values: dict[str, Any] = {k: (_as_date(v) if k == "date" else v) for k, v in fields.items()}
    part = dataclasses.replace(event, citations=moved, corrected=True, **values)
    part = dataclasses.replace(part, id=f"{part.date.isoformat()}-{part.type}")
    if part.id == event.id:
        raise ValueError("the new event needs another date or type than the one it is split from")
    if part.id in events:
        other = events[part.id]
        part = dataclasses.replace(other, citations=(*other.citations, *moved), corrected=True)
    events[part.id] = part
    if kept:
        events[target] = dataclasses.replace(event, citations=kept, corrected=True)
    else:
        del events[target]
    return True


def _fix(target: str, fields: dict[str, Any], events: dict[str, StoryEvent], facts: dict[str, DatedFact]) -> bool:
    if target in events:
        unknown = set(fields) - EVENT_FIELDS
        if unknown:
            raise ValueError(f"events have no field(s) {', '.join(sorted(unknown))}")
        values: dict[str, Any] = {k: (_as_date(v) if k == "date" else v) for k, v in fields.items()}
        events[target] = dataclasses.replace(events[target], **values, corrected=True)
        return True
    if target in facts:
        fact = facts[target]
        allowed = QUANTITY_FIELDS if isinstance(fact.fact, Quantity) else SPEECH_FIELDS
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"this fact has no field(s) {', '.join(sorted(unknown))}")
        date = _as_date(fields.pop("date")) if "date" in fields else fact.date
        inner = dataclasses.replace(fact.fact, **fields) if fields else fact.fact
        facts[target] = dataclasses.replace(fact, fact=inner, date=date, corrected=True)
        return True
    return False


def _add(spec: dict[str, Any], story: Story) -> tuple[StoryEvent | DatedFact | None, str]:
    article = next((a for a in story.articles if a.file == spec.get("article")), None)
    if article is None:
        return None, f"add: article '{spec.get('article')}' is not among the ingested articles"
    text = str(spec.get("evidence", ""))
    start = article.body.find(text) if text else -1
    if start < 0:
        return None, "add: `evidence` must be an exact quote from the article"
    sentence_start = max(article.body.rfind(".", 0, start) + 1, article.body.rfind("\n", 0, start) + 1)
    sentence_end = min(x for x in (article.body.find(".", start + len(text)), len(article.body) - 1) if x >= 0) + 1
    evidence = Evidence(text, start, start + len(text), "correction.add", article.body[sentence_start:sentence_end].strip())
    date = _as_date(spec.get("date", article.published))
    citation = Citation(article, evidence)
    if spec.get("kind") == "event":
        etype = str(spec.get("type", "other"))
        return StoryEvent(f"{date.isoformat()}-{etype}", etype, date, (citation,), place=spec.get("place"), corrected=True), ""
    if spec.get("kind") == "quantity":
        value = spec.get("value")
        q = Quantity(
            value=int(value) if value is not None else None,
            counts=str(spec.get("counts", "people")),
            qualifier=str(spec.get("qualifier", "exact")),
            evidence=evidence,
            attributed_to=spec.get("attributed_to"),
        )
        return DatedFact(
            stable_id("quantity", article.file, start, start + len(text)), date, q, citation, "claim" if q.attributed_to else "reported", corrected=True
        ), ""
    return None, "add: `kind` must be event or quantity"
