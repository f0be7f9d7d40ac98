"""Reuse rendered pages whose inputs did not change (a rebuild after adding one article).

A page is kept as it is on disk when all of these are as they were when it was last written:

- its data: the pickle of its `PagePlan` (story objects only, no sets or functions);
- the rendering setup: template files, the language's catalog, the gazetteer data, the
  rendering code, the options that change links (see `setup_key`);
- its JSON-LD (dated pages), as the caller's `day_key` gives it without the language's
  headline and URL (the setup covers those);
- every story-wide lookup it made while rendering (`render.Lookups`): source anchors,
  whether a name has an entity page, an article's copies;
- the file itself: same size and modification time as after the last write (a page someone
  edited or deleted is rendered again).

Anything missing, unreadable or from another version means "render it": a cold, corrupt or
deleted cache costs time, never correctness.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

from .fingerprint import Memo, ValuePickler, digest
from .lexicon import data_fingerprint
from .render import Lookups, PagePlan, PageReuse
from .writer import atomic_write

FORMAT = 2
# A page rendered in this build: (key, lookups, plan digest). None for a page kept as its
# entry records it (small to send back from a worker process).
PageRecord = tuple[str, dict[str, Any], str] | None
RENDERING_MODULES = ("render", "mdsafe", "i18n", "chart", "model", "gazetteer", "langdetect", "pagecache", "fingerprint")


def setup_key(templates_dir: Path, locales_dir: Path, language: str, **options: object) -> str:
    """Everything besides a page's own data that shapes its text in `language`."""
    here = Path(__file__).parent
    parts = [str(FORMAT).encode(), data_fingerprint().encode(), metadata.version("jinja2").encode(), metadata.version("babel").encode()]
    parts += [(here / f"{name}.py").read_bytes() for name in RENDERING_MODULES]
    for path in sorted(p for p in templates_dir.rglob("*") if p.is_file()):
        parts += [path.relative_to(templates_dir).as_posix().encode(), path.read_bytes()]
    catalog = locales_dir / language / "LC_MESSAGES" / "messages.po"
    parts.append(catalog.read_bytes() if catalog.is_file() else b"")
    parts.append(json.dumps({"language": language, **options}, sort_keys=True, default=str).encode())
    return digest(*parts)


class PageCache:
    """The rendered-page records of one content directory, kept in one JSON file."""

    def __init__(self, file: Path, content_dir: Path, tokens: Memo | None = None) -> None:
        """`tokens`: names of what extraction made (`fingerprint.extraction_tokens`), to
        fingerprint the pages' facts without pickling them."""
        self.file = file
        self.content_dir = content_dir
        self.entries, self.setups = self._load()
        self.pending: dict[str, PageRecord] = {}  # rel -> what this build learnt of the page
        self.day_key: Callable[[Any], str] = lambda day: ""  # what else a dated page shows of its day (its JSON-LD), set by the caller
        self._plan_digests: dict[int, str] = {}
        self._pickler = ValuePickler(tokens=tokens)

    def _load(self) -> tuple[dict[str, list[Any]], dict[str, str]]:
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
            if data.get("format") == FORMAT and data.get("content_dir") == self._content_dir_key():
                pages = {str(k): v for k, v in data["pages"].items() if isinstance(v, list) and len(v) == 5}
                return pages, {str(k): str(v) for k, v in data["setups"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass
        return {}, {}

    def _content_dir_key(self) -> str:
        # Relative to the cache file, so that a project moved or copied as a whole keeps its cache.
        return Path(os.path.relpath(self.content_dir.resolve(), self.file.parent.resolve())).as_posix()

    def plan_digest(self, plan: PagePlan) -> str:
        # The plans are shared by every language: pickle each once.
        found = self._plan_digests.get(id(plan))
        if found is None:
            day = self.day_key(plan.day).encode() if plan.day else b""
            found = digest(plan.path.encode(), plan.template.encode(), self._pickler.dumps(plan.data), day)
            self._plan_digests[id(plan)] = found
        return found

    def digest_all(self, plans: list[PagePlan]) -> None:
        """Every plan's digest, before forking the render workers: they inherit the digests.
        (Worked out in the workers, each touched the whole story, and copy-on-write made
        them take twice as long as here.)"""
        for plan in plans:
            self.plan_digest(plan)

    def may_keep(self, language: str, setup: str, plan: PagePlan) -> bool:
        """A cheap first guess (the page's data and the rendering setup), to decide how much
        there is to render."""
        entry = self.entries.get(f"{language}/{plan.path}")
        return entry is not None and self.setups.get(language) == setup and entry[4:5] == [self.plan_digest(plan)]

    def for_language(self, language: str, setup: str) -> PageReuse:
        return _LanguageReuse(self, language, setup)

    def save(self, setups: dict[str, str]) -> None:
        """Record the pages rendered or kept in this build, as they now are on disk, and the
        setup key of each language (`setup_key`)."""
        pages: dict[str, list[Any]] = {}
        for rel, record in sorted(self.pending.items()):
            if record is None:  # kept: as it was
                if rel in self.entries:
                    pages[rel] = self.entries[rel]
                continue
            key, deps, data = record
            try:  # rendered: written now, or left alone if its bytes were the same
                stat = (self.content_dir / rel).stat()
            except OSError:
                continue
            pages[rel] = [key, deps, stat.st_size, stat.st_mtime_ns, data]
        payload = {"format": FORMAT, "content_dir": self._content_dir_key(), "setups": setups, "pages": pages}
        atomic_write(self.file, json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


class _LanguageReuse(PageReuse):
    def __init__(self, cache: PageCache, language: str, setup: str) -> None:
        self.cache = cache
        self.language = language
        self.setup = setup

    def _key(self, plan: PagePlan) -> str:
        return digest(self.setup.encode(), self.cache.plan_digest(plan).encode())

    def keep(self, path: str, plan: PagePlan, lookups: Lookups) -> bool:
        rel = f"{self.language}/{path}"
        entry = self.cache.entries.get(rel)
        if entry is None:
            return False
        key, deps, size, mtime_ns, _ = entry
        if key != self._key(plan) or not isinstance(deps, dict):
            return False
        try:
            stat = os.stat(self.cache.content_dir / rel)
        except OSError:
            return False
        if (stat.st_size, stat.st_mtime_ns) != (size, mtime_ns):
            return False
        for dep, answer in deps.items():
            kind, _, name = dep.partition(":")
            try:
                if lookups.answer(kind, name) != answer:
                    return False
            except KeyError:
                return False
        self.cache.pending[rel] = None
        return True

    def rendered(self, path: str, plan: PagePlan, deps: dict[str, Any]) -> None:
        self.cache.pending[f"{self.language}/{path}"] = (self._key(plan), deps, self.cache.plan_digest(plan))
