"""The open data's figures, quotes and claims, kept as written between builds.

They are most of the open data's bytes (`opendata.fact_texts`), and adding one article
leaves nearly all of them as they were. Each is kept under a digest of what it is made of
(`fingerprint.fact_name`): extraction's names for its item and its article, which stand for
the article's content and the extractor's version, and what consolidation gave it. Facts
without such a name (an editor's additions) are written every time.

The file records the version of the code that writes the texts; another version, a
missing, unreadable or corrupt file means writing every fact again, never a wrong one.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from pathlib import Path
from typing import Any

from . import opendata
from .fingerprint import Memo, fact_name
from .model import DatedFact
from .opendata import FactTexts, fact_texts
from .writer import atomic_write

FORMAT = 1


def _version() -> str:
    """The code that decides a fact's texts, and the Python whose json and csv write them."""
    found = hashlib.blake2b(f"{FORMAT}|{sys.version_info[:2]}".encode(), digest_size=16)
    found.update(Path(opendata.__file__).read_bytes())
    return found.hexdigest()


class _PlainData(pickle.Unpickler):
    """Strings, bytes, tuples and dicts only: a cache file cannot name a class or function to run."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"the fact cache holds plain data only, not {module}.{name}")


def _is_texts(value: object) -> bool:
    return type(value) is tuple and len(value) == 2 and type(value[0]) is str and type(value[1]) is str


class FactTextCache:
    """`opendata.fact_texts` for a build, from the texts an earlier build kept in `file`.

    `tokens`: extraction's names for the story's articles and items
    (`fingerprint.extraction_tokens`)."""

    def __init__(self, file: Path, tokens: Memo) -> None:
        self.file = file
        self.tokens = tokens
        self.version = _version()
        self.kept = self._load()
        self.used: dict[bytes, FactTexts] = {}
        self.written = 0  # facts whose texts were not kept
        self._by_fact: dict[int, tuple[DatedFact, FactTexts]] = {}  # each fact is asked for by facts.json and its table

    def _load(self) -> dict[bytes, FactTexts]:
        try:
            with self.file.open("rb") as handle:
                data = _PlainData(handle).load()
            texts = data["texts"] if isinstance(data, dict) and data.get("version") == self.version else {}
            if isinstance(texts, dict) and all(type(key) is bytes and _is_texts(value) for key, value in texts.items()):
                return texts
        except Exception:  # noqa: BLE001 - whatever is wrong with the file, the texts are written again
            pass
        return {}

    def __call__(self, fact: DatedFact) -> FactTexts:
        found = self._by_fact.get(id(fact))
        if found is not None:
            return found[1]
        name = fact_name(fact, self.tokens)
        if name is None:
            texts = fact_texts(fact)
        else:
            key = hashlib.blake2b(name.encode(), digest_size=20).digest()
            kept = self.kept.get(key)
            if kept is None:
                kept = fact_texts(fact)
                self.written += 1
            texts = self.used[key] = kept
        self._by_fact[id(fact)] = (fact, texts)  # the fact is kept so its id is not reused
        return texts

    def save(self) -> None:
        """Keep the texts of this build's facts (only those) for the next one."""
        if self.written or self.used.keys() != self.kept.keys():
            atomic_write(self.file, pickle.dumps({"version": self.version, "texts": self.used}, protocol=pickle.HIGHEST_PROTOCOL))
