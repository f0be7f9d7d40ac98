"""The per-article export contract of DESIGN.md (`python -m generator extract`)."""

from __future__ import annotations

from typing import Any

from .model import ArticleFacts, Evidence


def _evidence(ev: Evidence) -> dict[str, Any]:
    return {"evidence": ev.text, "span": [ev.start, ev.end], "rule": ev.rule}


def article_facts_to_dict(facts: ArticleFacts) -> dict[str, Any]:
    a = facts.article
    return {
        "article": {
            "file": a.file,
            "title": a.title,
            "source": a.source,
            "url": a.url,
            "published": a.published.isoformat(),
            "published_basis": a.published_basis,
            "language": a.language,
            "syndicated_from": a.syndicated_from,
        },
        "events": [
            {
                "date": e.date.isoformat(),
                "type": e.type,
                "summary": e.evidence.sentence,
                "date_basis": e.date_basis,
                "place": e.place,
                "ordinal": e.ordinal,
                "participants": list(e.participants),
                **_evidence(e.evidence),
            }
            for e in facts.events
        ],
        "quantities": [
            {
                "value": q.value if q.value is not None else "undisclosed",
                "counts": q.counts,
                "qualifier": q.qualifier,
                "who": q.who,
                "attributed_to": q.attributed_to,
                **_evidence(q.evidence),
            }
            for q in facts.quantities
        ],
        "quotes": [
            {"speaker": q.speaker, "text": q.text, "language": q.language, "span": [q.evidence.start, q.evidence.end], "rule": q.evidence.rule}
            for q in facts.quotes
        ],
        "claims": [{"speaker": c.speaker, "gist": c.gist, **_evidence(c.evidence)} for c in facts.claims],
        "actors": list(facts.actors),
        "places": list(facts.places),
        "candidates": list(facts.candidates),
    }
