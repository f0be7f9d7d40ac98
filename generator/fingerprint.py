"""Fingerprints of story data that depend on values only (for the page cache)."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import pickle
from typing import Any

from .model import Article, DatedFact, StoryEvent


def digest(*parts: bytes) -> str:
    found = hashlib.blake2b(digest_size=20)
    for part in parts:
        found.update(len(part).to_bytes(8, "big"))
        found.update(part)
    return found.hexdigest()


class ValuePickler:
    """Pickles that depend on values only, for fingerprints.

    Without the memo an object reached twice is written twice, so equal data gives equal
    bytes however its objects are shared (freshly extracted facts share strings that facts
    read back from the cache do not). Articles, facts and events recur across pages (and an
    article across a page): each is written as the digest of its own fields, computed once
    per build. A dispatch table entry, so the pickler calls into Python for those only.
    """

    def __init__(self, digests: dict[int, tuple[object, str]] | None = None) -> None:
        self.digests: dict[int, tuple[object, str]] = {} if digests is None else digests
        self._table: dict[type, Any] = {kind: self._by_digest for kind in (Article, DatedFact, StoryEvent)}

    def dumps(self, obj: object) -> bytes:
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=5)
        pickler.fast = True  # no memo (the data has no cycles)
        pickler.dispatch_table = self._table
        pickler.dump(obj)
        return buffer.getvalue()

    def _by_digest(self, obj: Any) -> tuple[Any, tuple[str]]:
        found = self.digests.get(id(obj))
        if found is None:
            fields = self.dumps((type(obj).__name__, [getattr(obj, f.name) for f in dataclasses.fields(obj)]))
            # The object is kept with its digest, so its id cannot be reused by another object.
            found = self.digests[id(obj)] = (obj, digest(fields))
        return _ref, (found[1],)


def _ref(digest: str) -> str:
    return digest  # never called: these pickles are only hashed, not loaded


def value_digest(obj: object, memo: dict[int, tuple[object, str]] | None = None) -> str:
    return digest(ValuePickler(memo).dumps(obj))
