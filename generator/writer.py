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


def _file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private (0600); a page or search index on a web server must
        # be readable like any file the user creates.
        os.fchmod(fd, _FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class WriterShare:
    owned: frozenset[str]
    conflicts: frozenset[str]
    written: int
    unchanged: int
    problems: tuple[Problem, ...]


BUFFER_CHARACTERS = 32_000_000


class PageWriter:
    """Writes generated pages as they come, then removes the owned files no longer generated
    and updates the manifest.

    Pages are held until BUFFER_CHARACTERS of them wait (a year's story in six languages is
    too big to hold at once), then written together: `mkdocs serve` notices changes as soon
    as they land, and writes spread over a whole rebuild made it rebuild twice.
    """

    def __init__(self, content_dir: Path, buffer_characters: int = BUFFER_CHARACTERS, previous: set[str] | None = None) -> None:
        self.content_dir = content_dir
        self.buffer_characters = buffer_characters
        self.buffer: list[tuple[str, str]] = []
        self.buffered = 0
        self.previous = _read_manifest(content_dir) if previous is None else previous
        self.owned: set[str] = set()
        self.conflicts: set[str] = set()
        self.written = self.unchanged = 0
        self.problems: list[Problem] = []

    def _conflict(self, rel: str) -> None:
        self.conflicts.add(rel)
        self.problems.append(
            Problem(f"{self.content_dir.name}/{rel}", "a hand-written file is in the way of a generated page; it was left as it is (rename it)")
        )

    def write(self, rel: str, text: str | None) -> None:
        """Add one page; a None text keeps the generator's file as it is on disk (the page
        cache vouched for it)."""
        if text is not None:
            self.buffer.append((rel, text))
            self.buffered += len(text)
            if self.buffered >= self.buffer_characters:
                self.flush()
            return
        self._write(rel, None)

    def flush(self) -> None:
        for rel, text in self.buffer:
            self._write(rel, text)
        self.buffer.clear()
        self.buffered = 0

    def _write(self, rel: str, text: str | None) -> None:
        if not _safe(rel):
            self.problems.append(Problem(rel, "refused to write a generated page outside the content directory"))
            return
        target = self.content_dir / rel
        if text is None:
            if rel in self.previous and target.is_file():
                self.unchanged += 1
                self.owned.add(rel)
            else:
                self._conflict(rel)
            return
        data = text.encode("utf-8")
        if target.exists():
            if target.read_bytes() == data:
                self.unchanged += 1
                self.owned.add(rel)
                return
            if rel not in self.previous:
                self._conflict(rel)
                return
        atomic_write(target, data)
        self.owned.add(rel)
        self.written += 1

    def share(self) -> WriterShare:
        """What this writer did, for the writer that finishes the build (`absorb`): a worker
        process writes its language's pages itself."""
        self.flush()
        return WriterShare(frozenset(self.owned), frozenset(self.conflicts), self.written, self.unchanged, tuple(self.problems))

    def absorb(self, share: WriterShare) -> None:
        self.owned |= share.owned
        self.conflicts |= share.conflicts
        self.written += share.written
        self.unchanged += share.unchanged
        self.problems.extend(share.problems)

    def finish(self) -> WriteReport:
        self.flush()
        removed = 0
        for rel in sorted(self.previous - self.owned - self.conflicts):
            target = self.content_dir / rel
            if target.is_file():
                target.unlink()
                removed += 1
                _prune_empty(target.parent, self.content_dir)
        manifest = json.dumps({"files": sorted(self.owned)}, indent=1).encode() + b"\n"
        manifest_path = self.content_dir / MANIFEST
        if not manifest_path.exists() or manifest_path.read_bytes() != manifest:
            atomic_write(manifest_path, manifest)
        return WriteReport(self.written, removed, self.unchanged, tuple(self.problems))


def write_pages(content_dir: Path, pages: Mapping[str, str | None]) -> WriteReport:
    """Write `pages` ({path: text}, None: keep the file as it is) and finish."""
    writer = PageWriter(content_dir)
    for rel in sorted(pages):
        writer.write(rel, pages[rel])
    return writer.finish()


def _prune_empty(directory: Path, root: Path) -> None:
    while directory != root and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent


_FILE_MODE = _file_mode()
