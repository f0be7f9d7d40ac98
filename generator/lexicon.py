"""Load the versioned data tables under generator/data/ (read once per process)."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data"
# libyaml when PyYAML has it: the pure-Python parser took a quarter of a second for the gazetteer alone.
_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def load(name: str) -> Any:
    """Parsed `generator/data/<name>.yaml`; data files are part of the package, not user input."""
    with (DATA_DIR / f"{name}.yaml").open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader


def data_fingerprint() -> str:
    """A hash of every data table: part of the extractor's version for caches."""
    digest = hashlib.sha256()
    for path in sorted(DATA_DIR.glob("*.yaml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


APOSTROPHES = "'\u2019\u02bc`"
_APOSTROPHE_VARIANTS = str.maketrans({ch: "'" for ch in APOSTROPHES[1:]})


def normalise_apostrophes(text: str) -> str:
    """Every apostrophe variant as "'", so table lookups find "п’ятниця" under "п'ятниця"."""
    return text.translate(_APOSTROPHE_VARIANTS)


def apostrophe_pattern(word: str) -> str:
    """A regex for `word` that accepts every apostrophe variant in place of "'"."""
    import re

    return "".join(f"[{APOSTROPHES}]" if ch == "'" else re.escape(ch) for ch in word)
