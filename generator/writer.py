"""Write generated pages into the docs directory without touching anything else.

The generator owns exactly the files listed in its manifest (`content/.generated.json`).
A page is written only when its bytes change (so `mkdocs serve` sees no change on a
rebuild and does not loop), atomically (an interrupted build leaves the old page), and
never over a file the generator did not create. Owned files no longer generated are removed.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .model import Problem

MANIFEST = ".generated.json"


@dataclass(frozen=True)
class WriteReport:
    written: int
    removed: int
    unchanged: int
    problems: tuple[Problem, ...]


def _safe(rel: str) -> bool:
    path = PurePosixPath(rel)
    return not path.is_absolute() and ".." not in path.parts and all(part and not part.startswith(".") for part in path.parts)


def _read_manifest(content_dir: Path) -> set[str]:
    try:
        data = json.loads((content_dir / MANIFEST).read_text(encoding="utf-8"))
        return {str(p) for p in data.get("files", []) if isinstance(p, str) and _safe(p)}
    except (OSError, ValueError, AttributeError):
        return set()


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_pages(content_dir: Path, pages: Mapping[str, str | None]) -> WriteReport:
    """Write `pages` ({path: text}); a None text keeps the generator's file as it is on disk
    (the page cache vouched for it)."""
    previous = _read_manifest(content_dir)
    written = unchanged = removed = 0
    problems: list[Problem] = []
    owned: set[str] = set()
    for rel in sorted(pages):
        if not _safe(rel):
            problems.append(Problem(rel, "refused to write a generated page outside the content directory"))
            continue
        target = content_dir / rel
        text = pages[rel]
        if text is None:
            if rel in previous and target.is_file():
                unchanged += 1
                owned.add(rel)
            else:
                problems.append(Problem(f"{content_dir.name}/{rel}", "a hand-written file is in the way of a generated page; it was left as it is (rename it)"))
            continue
        data = text.encode("utf-8")
        if target.exists():
            if target.read_bytes() == data:
                unchanged += 1
                owned.add(rel)
                continue
            if rel not in previous:
                problems.append(Problem(f"{content_dir.name}/{rel}", "a hand-written file is in the way of a generated page; it was left as it is (rename it)"))
                continue
        atomic_write(target, data)
        owned.add(rel)
        written += 1
    for rel in sorted(previous - owned):
        target = content_dir / rel
        if rel in pages:
            continue  # a conflict reported above: keep the user's file
        if target.is_file():
            target.unlink()
            removed += 1
            _prune_empty(target.parent, content_dir)
    manifest = json.dumps({"files": sorted(owned)}, indent=1).encode() + b"\n"
    manifest_path = content_dir / MANIFEST
    if not manifest_path.exists() or manifest_path.read_bytes() != manifest:
        atomic_write(manifest_path, manifest)
    return WriteReport(written, removed, unchanged, tuple(problems))


def _prune_empty(directory: Path, root: Path) -> None:
    while directory != root and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent
