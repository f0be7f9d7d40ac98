"""Regenerate the pages when seeds, templates or catalogs change (for `mkdocs serve`)."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from .pipeline import BuildOptions, build

log = logging.getLogger("mkdocs.plugins.briefings")
QUIET_SECONDS = 0.3  # editors save in bursts; wait for the burst to end


class InputWatcher(FileSystemEventHandler):
    def __init__(self, options: BuildOptions, build_lock: threading.Lock):
        self.options = options
        self.build_lock = build_lock  # shared with the plugin: one generator run at a time
        self._observer = Observer()
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        for folder in (self.options.seeds_dir, self.options.templates_dir, self.options.locales_dir):
            if folder.is_dir():
                self._observer.schedule(self, str(folder), recursive=True)
        self._observer.start()

    def stop(self) -> None:
        self._observer.stop()
        if self._timer:
            self._timer.cancel()

    def on_any_event(self, event: FileSystemEvent) -> None:
        path = Path(str(event.src_path))
        if event.event_type in ("opened", "closed", "closed_no_write") or path.name.startswith(".") or path.suffix == ".mo":
            return  # our own catalog compilation and editors' swap files are not edits
        with self._lock:
            if self._timer:
                self._timer.cancel()
            self._timer = threading.Timer(QUIET_SECONDS, self._regenerate)
            self._timer.daemon = True
            self._timer.start()

    def _regenerate(self) -> None:
        with self.build_lock:
            report = build(self.options)
        for problem in report.problems:
            log.warning(str(problem))
        if report.written or report.removed:
            log.info(f"briefings: inputs changed -> {report.written} pages written, {report.removed} removed")
