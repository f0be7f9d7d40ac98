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


def split(site_dir: Path, languages: tuple[str, ...], default: str, scripts: bool = False) -> None:
    index_path = site_dir / "search" / "search_index.json"
    if not index_path.exists():
        return
    data = json.loads(index_path.read_text(encoding="utf-8"))
    docs = data.get("docs", [])
    others = [lang for lang in languages if lang != default]
    buckets: dict[str, list[dict]] = {lang: [] for lang in languages}
    for entry in docs:
        location = entry.get("location", "")
        lang = next((x for x in others if location == f"{x}/" or location.startswith(f"{x}/")), default)
        if lang != default:
            entry = {**entry, "location": location[len(lang) + 1 :]}
        buckets[lang].append(entry)
    for lang, entries in buckets.items():
        config = {**data.get("config", {}), "lang": ["en"]}
        out = {"config": config, "docs": entries}
        target = index_path if lang == default else site_dir / lang / "search" / "search_index.json"
        text = json.dumps(out, ensure_ascii=False, separators=(",", ":"))
        atomic_write(target, text.encode("utf-8"))
        if scripts:
            # Loaded with <script src>, never inlined, so the JSON text is valid as it is.
            atomic_write(target.with_suffix(".js"), f"var __index = {text};\n".encode())
