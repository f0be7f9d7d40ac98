"""Extraction results cached by article content and extractor version.

The key hashes everything extraction reads (the article's text and metadata) together with
the extractor's version: the source of the extraction modules and every data table, so a
changed lexicon or gazetteer invalidates exactly the cached results. A missing, corrupt or
foreign cache file is simply recomputed; the cache folder can be deleted at any time.
"""

from __future__ import annotations

import array
import base64
import dataclasses
import datetime as dt
import functools
import hashlib
import json
import logging
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from .background import can_fork, meanwhile
from .lexicon import data_fingerprint
from .model import Article, ArticleFacts, Claim, Event, Evidence, FigureTraits, Quantity, Quote
from .writer import atomic_write

log = logging.getLogger("mkdocs.plugins.briefings")
EXTRACTION_MODULES = (
    *("extract", "speech", "transcripts", "numbers", "dates", "gazetteer", "people", "organisations"),
    *("text", "morph", "lexicon", "model", "sources", "ledger", "cleantext"),
)
PARALLEL_FROM = 64  # below this many uncached articles, starting worker processes costs more than it saves
BACKGROUND_FROM = 200  # cached articles; from this many, a few new ones are extracted while they are read


@functools.cache
def extractor_version() -> str:
    digest = hashlib.sha256(data_fingerprint().encode())
    here = Path(__file__).parent
    for name in EXTRACTION_MODULES:
        path = here / f"{name}.py"
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def article_key(article: Article) -> str:
    return _article_key(extractor_version(), article)


@functools.lru_cache(maxsize=16384)  # asked again for page fingerprints (fingerprint.extraction_tokens)
def _article_key(version: str, article: Article) -> str:
    payload = json.dumps(dataclasses.asdict(article), default=str, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{version}\x1f{payload}".encode()).hexdigest()[:32]


def _evidence(ev: Evidence) -> list[Any]:
    return [ev.text, ev.start, ev.end, ev.rule, ev.sentence]


def _from_evidence(data: list[Any]) -> Evidence:
    return Evidence(str(data[0]), int(data[1]), int(data[2]), str(data[3]), str(data[4]))


def facts_to_json(facts: ArticleFacts) -> dict[str, Any]:
    return {
        "version": extractor_version(),
        "events": [[e.type, e.date.isoformat(), e.date_basis, _evidence(e.evidence), e.place, e.ordinal, list(e.participants)] for e in facts.events],
        "quantities": [[q.value, q.counts, q.qualifier, _evidence(q.evidence), q.who, q.attributed_to] for q in facts.quantities],
        "quotes": [[q.text, q.speaker, q.language, _evidence(q.evidence)] for q in facts.quotes],
        "claims": [[c.speaker, c.gist, _evidence(c.evidence)] for c in facts.claims],
        "actors": list(facts.actors),
        "places": list(facts.places),
        "candidates": list(facts.candidates),
        "shingles": None if facts.shingles is None else _pack(facts.shingles),
        "sentence_dates": [[sentence, [d.isoformat() for d in days]] for sentence, days in facts.sentence_dates],
        "traits": None if facts.traits is None else [[t.cumulative, t.planned, t.direction] for t in facts.traits],
    }


def _pack(numbers: frozenset[int]) -> str:
    """64-bit numbers as base64 (a list of decimal numbers was a third of a cache file)."""
    packed = array.array("Q", sorted(numbers))
    if sys.byteorder == "big":
        packed.byteswap()
    return base64.b64encode(packed.tobytes()).decode("ascii")


def _unpack(text: str) -> frozenset[int]:
    packed = array.array("Q")
    packed.frombytes(base64.b64decode(text, validate=True))
    if sys.byteorder == "big":
        packed.byteswap()
    return frozenset(packed)


def facts_from_json(article: Article, data: dict[str, Any]) -> ArticleFacts:
    if data.get("version") != extractor_version():
        raise ValueError("made by another extractor version")
    facts = ArticleFacts(
        article=article,
        events=tuple(Event(t, dt.date.fromisoformat(d), b, _from_evidence(ev), p, o, tuple(parts)) for t, d, b, ev, p, o, parts in data["events"]),
        quantities=tuple(Quantity(v, c, q, _from_evidence(ev), w, a) for v, c, q, ev, w, a in data["quantities"]),
        quotes=tuple(Quote(t, s, lang, _from_evidence(ev)) for t, s, lang, ev in data["quotes"]),
        claims=tuple(Claim(s, g, _from_evidence(ev)) for s, g, ev in data["claims"]),
        actors=tuple(data["actors"]),
        places=tuple(data["places"]),
        candidates=tuple(data["candidates"]),
        shingles=None if data["shingles"] is None else _unpack(data["shingles"]),
        sentence_dates=tuple((str(sentence), tuple(dt.date.fromisoformat(d) for d in days)) for sentence, days in data["sentence_dates"]),
        traits=None if data["traits"] is None else tuple(FigureTraits(bool(c), bool(p), str(d)) for c, p, d in data["traits"]),
    )
    if facts.traits is not None and len(facts.traits) != len(facts.quantities):
        raise ValueError("one kind of figure per figure expected")
    for ev in [
        *(e.evidence for e in facts.events),
        *(q.evidence for q in facts.quantities),
        *(q.evidence for q in facts.quotes),
        *(c.evidence for c in facts.claims),
    ]:
        if article.body[ev.start : ev.end] != ev.text:
            raise ValueError("evidence does not match the article")
    return facts


def extract_all(
    articles: list[Article],
    cache_dir: Path | None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[ArticleFacts]:
    """Facts of every article, in order: from the cache where valid, else extracted (in parallel when many)."""
    results: dict[int, ArticleFacts] = {}
    keys = [article_key(a) for a in articles] if cache_dir else []
    absent = [i for i in range(len(articles)) if cache_dir is None or not (cache_dir / f"{keys[i]}.json").exists()]
    count = workers if workers is not None else (os.cpu_count() or 1)
    # A few new articles of a big story are extracted in a forked process while this one
    # reads the rest from the cache (loading the extractor's patterns takes as long as that).
    background = 0 < len(absent) < PARALLEL_FROM and len(articles) - len(absent) >= BACKGROUND_FROM and count > 1 and can_fork()
    missing = [] if background else list(absent)
    with meanwhile(lambda: [extract(articles[i]) for i in absent], "extracting new articles", fork=background) as extracted:
        for i in sorted(set(range(len(articles))) - set(absent)):
            assert cache_dir is not None  # without a cache every article is absent
            path = cache_dir / f"{keys[i]}.json"
            try:
                results[i] = facts_from_json(articles[i], json.loads(path.read_text(encoding="utf-8")))
            except FileNotFoundError:
                missing.append(i)
            except (ValueError, KeyError, TypeError, IndexError, json.JSONDecodeError, UnicodeDecodeError):
                log.debug(f"briefings: ignoring a corrupt or outdated cache file {path.name}")
                missing.append(i)
        if background:
            # The same article objects as the others' (the child's are copies).
            results.update((i, dataclasses.replace(facts, article=articles[i])) for i, facts in zip(absent, extracted(), strict=True))
            _store(cache_dir, keys, absent, results)
            if progress:
                progress(len(absent), len(absent))
    missing.sort()
    results.update(zip(missing, _extract(articles, missing, count, progress), strict=True))
    _store(cache_dir, keys, missing, results)
    if cache_dir is not None and cache_dir.is_dir():
        used = {f"{k}.json" for k in keys}
        for stale in cache_dir.glob("*.json"):
            if stale.name not in used:
                stale.unlink(missing_ok=True)
    return [results[i] for i in range(len(articles))]


def extract(article: Article) -> ArticleFacts:
    # Imported here: a rebuild that finds every article in the cache never loads the
    # extractor (its patterns and tables), and a few new ones are extracted in a forked child.
    from .extract import extract as extract_facts

    return extract_facts(article)


def _extract(articles: list[Article], indexes: list[int], workers: int, progress: Callable[[int, int], None] | None) -> list[ArticleFacts]:
    """Facts of the articles at `indexes`, in worker processes when there are many."""
    todo = [articles[i] for i in indexes]
    fresh: list[ArticleFacts] = []
    if len(todo) >= PARALLEL_FROM and workers > 1:
        # Forked workers would be quicker to start, but with other threads running (`mkdocs
        # serve`) a forked child can inherit a lock one of them held and wait forever.
        context = multiprocessing.get_context("spawn" if threading.active_count() > 1 else None)
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            for facts in pool.map(extract, todo, chunksize=max(1, len(todo) // (workers * 8))):
                fresh.append(facts)
                if progress:
                    progress(len(fresh), len(todo))
    else:
        for article in todo:
            fresh.append(extract(article))
            if progress:
                progress(len(fresh), len(todo))
    return fresh


def _store(cache_dir: Path | None, keys: list[str], indexes: list[int], results: dict[int, ArticleFacts]) -> None:
    if cache_dir is not None:
        for i in indexes:
            atomic_write(cache_dir / f"{keys[i]}.json", json.dumps(facts_to_json(results[i]), ensure_ascii=False).encode("utf-8"))
