"""Fingerprints of story data that depend on values only (for the page cache)."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import pickle
from collections.abc import Iterable
from typing import Any

from .model import Article, ArticleFacts, Citation, Claim, DatedFact, Event, Evidence, Quantity, Quote, StoryEvent

Memo = dict[int, tuple[object, str]]  # id(obj) -> (obj, digest); the object is kept so its id is not reused


DIGEST_CHARS = 40  # a digest's length in hexadecimal digits


def digest(*parts: bytes) -> str:
    found = hashlib.blake2b(digest_size=DIGEST_CHARS // 2)
    for part in parts:
        found.update(len(part).to_bytes(8, "big"))
        found.update(part)
    return found.hexdigest()


def extraction_tokens(extracted: Iterable[tuple[str, ArticleFacts]]) -> Memo:
    """Names for what extraction made, from (cache key, facts) pairs: the article is its key,
    each event, figure, quote and claim the key and its place in the list (an event's
    evidence too: events are fingerprinted by value, with their citations).

    The key hashes the article and the extractor's version, and extraction gives the same
    facts for the same key (the extraction cache relies on it): a name stands for a value.
    Objects made later (by corrections) are not named and are fingerprinted by value.
    """
    tokens: Memo = {}
    for key, facts in extracted:
        tokens[id(facts.article)] = (facts.article, f"a:{key}")
        lists: tuple[tuple[str, tuple[Event | Quantity | Quote | Claim, ...]], ...] = (
            ("e", facts.events),
            ("q", facts.quantities),
            ("u", facts.quotes),
            ("c", facts.claims),
        )
        for kind, items in lists:
            for i, item in enumerate(items):
                tokens[id(item)] = (item, f"{kind}{i}:{key}")
        for i, event in enumerate(facts.events):  # a fact's evidence is named by its fact (`_named_fact`)
            tokens[id(event.evidence)] = (event.evidence, f"e{i}e:{key}")
    return tokens


# A fact's fingerprint lists its fields by hand (below): a field added to these classes must be added there.
DATED_FACT_FIELDS = ("id", "date", "fact", "citation", "status", "traits", "corrected")
CITATION_FIELDS = ("article", "evidence", "speaker")
assert tuple(f.name for f in dataclasses.fields(DatedFact)) == DATED_FACT_FIELDS
assert tuple(f.name for f in dataclasses.fields(Citation)) == CITATION_FIELDS


class ValuePickler:
    """Pickles that depend on values only, for fingerprints.

    Without the memo an object reached twice is written twice, so equal data gives equal
    bytes however its objects are shared (freshly extracted facts share strings that facts
    read back from the cache do not). Articles, facts and events recur across pages (and an
    article across a page): each is written as the digest of its own fields, computed once
    per build. What extraction made is written as its name (`extraction_tokens`). Dispatch
    table entries, so the pickler calls into Python for those only.
    """

    def __init__(self, digests: Memo | None = None, tokens: Memo | None = None) -> None:
        self.digests: Memo = {} if digests is None else digests
        self.tokens: Memo = tokens or {}
        self._table: dict[type, Any] = {kind: self._by_digest for kind in (Article, DatedFact, StoryEvent)}
        self._table.update({kind: self._by_token for kind in (Evidence, Event, Quantity, Quote, Claim)})

    def dumps(self, obj: object) -> bytes:
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=5)
        pickler.fast = True  # no memo (the data has no cycles)
        pickler.dispatch_table = self._table
        pickler.dump(obj)
        return buffer.getvalue()

    def _by_token(self, obj: Any) -> tuple[Any, tuple[str]] | str | tuple[Any, ...]:
        token = self.tokens.get(id(obj))
        if token is not None:
            return _ref, (token[1],)
        return obj.__reduce_ex__(5)

    def _by_digest(self, obj: Any) -> tuple[Any, tuple[str]]:
        found = self.digests.get(id(obj))
        if found is None:
            token = self.tokens.get(id(obj))
            if token is not None:
                value = token[1]
            elif type(obj) is DatedFact and (named := self._named_fact(obj)) is not None:
                value = named
            else:
                value = digest(self.dumps((type(obj).__name__, [getattr(obj, f.name) for f in dataclasses.fields(obj)])))
            # The object is kept with its digest, so its id cannot be reused by another object.
            found = self.digests[id(obj)] = (obj, value)
        return _ref, (found[1],)

    def _named_fact(self, fact: DatedFact) -> str | None:
        name = fact_name(fact, self.tokens)
        return None if name is None else digest(name.encode())


def fact_name(fact: DatedFact, tokens: Memo) -> str | None:
    """What a fact is made of, without pickling it, when extraction named its figure, quote or
    claim and its article and the fact cites that item's own evidence (most facts do): those
    names and what consolidation gave it. None for other facts (an editor's additions)."""
    item, article = tokens.get(id(fact.fact)), tokens.get(id(fact.citation.article))
    if item is None or article is None or fact.citation.evidence is not fact.fact.evidence:
        return None
    traits = fact.traits  # its fields: a dataclass's repr is slow, and this is asked of every fact
    kind = None if traits is None else (traits.cumulative, traits.planned, traits.direction)
    return repr((fact.id, fact.date.isoformat(), item[1], article[1], fact.citation.speaker, fact.status, kind, fact.corrected))


def _ref(digest: str) -> str:
    return digest  # never called: these pickles are only hashed, not loaded
