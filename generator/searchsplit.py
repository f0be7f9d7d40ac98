"""Split the merged search index into one index per language.

mkdocs-static-i18n merges every language's entries into site/search/search_index.json.
Each language gets its own index at <lang>/search/search_index.json with locations
relative to the language root (the theme override points the search base there), so a
query on /uk/ finds Ukrainian pages only.

For a site browsed from file:// (Material's offline plugin), each index is also written as
search_index.js, which defines the global ``__index`` that Material's search reads there
(browsers do not fetch JSON from file://).
"""

from __future__ import annotations

import json
from pathlib import Path

from .writer import atomic_write


def language_of(location: str, languages: tuple[str, ...], default: str) -> str:
    return next((x for x in languages if x != default and (location == f"{x}/" or location.startswith(f"{x}/"))), default)


def write_index(site_dir: Path, language: str, default: str, entries: list[dict], config: dict, scripts: bool = False) -> None:
    """One language's index, with locations relative to the language root."""
    if language != default:
        cut = len(language) + 1
        entries = [{**e, "location": e.get("location", "")[cut:]} for e in entries]
    out = {"config": {**config, "lang": ["en"]}, "docs": entries}
    target = site_dir / "search" / "search_index.json" if language == default else site_dir / language / "search" / "search_index.json"
    text = json.dumps(out, ensure_ascii=False, separators=(",", ":"))
    atomic_write(target, text.encode("utf-8"))
    if scripts:
        # Loaded with <script src>, never inlined, so the JSON text is valid as it is.
        atomic_write(target.with_suffix(".js"), f"var __index = {text};\n".encode())


def split(site_dir: Path, languages: tuple[str, ...], default: str, scripts: bool = False, done: frozenset[str] = frozenset()) -> None:
    """Split the merged index; languages in `done` were written already (their entries are
    no longer in the merged index)."""
    index_path = site_dir / "search" / "search_index.json"
    if not index_path.exists():
        return
    data = json.loads(index_path.read_text(encoding="utf-8"))
    buckets: dict[str, list[dict]] = {lang: [] for lang in languages if lang not in done}
    for entry in data.get("docs", []):
        lang = language_of(entry.get("location", ""), languages, default)
        if lang in buckets:
            buckets[lang].append(entry)
    for lang, entries in buckets.items():
        write_index(site_dir, lang, default, entries, data.get("config", {}), scripts)
