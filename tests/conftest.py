"""Shared fixtures: a temporary copy of the project, a built site, a local web server."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socketserver
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from generator.i18n import compile_catalogs
from generator.model import Story
from generator.pipeline import load_story

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
PROJECT_PARTS = ("mkdocs.yml", "seeds", "templates", "locales")
SITE_LANGUAGES = ("en", "uk", "ru", "de", "fr", "tr")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite the golden Markdown pages")


def copy_project(target: Path) -> Path:
    """The parts of the project a site build reads, with only the hand-written content pages."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, target / part, ignore=shutil.ignore_patterns("*.mo"))
        else:
            shutil.copy2(src, target / part)
    manifest = ROOT / "content" / ".generated.json"
    generated = set()
    if manifest.exists():
        import json

        generated = set(json.loads(manifest.read_text())["files"])
    for path in sorted((ROOT / "content").rglob("*")):
        rel = path.relative_to(ROOT / "content").as_posix()
        if path.is_file() and rel not in generated and not rel.startswith("."):
            dest = target / "content" / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest)
    return target


def mkdocs(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=project, capture_output=True, text=True, env=env, timeout=600)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site built with `mkdocs build --strict` from a copy of the project."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    return project


STORY_FIXTURES = ROOT / "tests" / "fixtures" / "story"


def with_story_fixtures(seeds: Path) -> Path:
    """Add the consolidation test articles (copies, conflicts, a correction) to a seeds folder."""
    for path in STORY_FIXTURES.iterdir():
        if path.name != "README.md":
            shutil.copy2(path, seeds / path.name)
    return seeds


@pytest.fixture(scope="session")
def story_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds plus the consolidation test articles, in a folder tests must not change."""
    seeds = tmp_path_factory.mktemp("story-seeds")
    for path in (ROOT / "seeds").iterdir():
        shutil.copy2(path, seeds / path.name)
    return with_story_fixtures(seeds)


@pytest.fixture(scope="session")
def seeds_story() -> Story:
    """The consolidated story of the seed articles."""
    return load_story(ROOT / "seeds")


@pytest.fixture(scope="session")
def fixture_story(story_seeds: Path) -> Story:
    """The consolidated story of the seeds plus the consolidation test articles."""
    return load_story(story_seeds)


@pytest.fixture(scope="session")
def story_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the seeds plus the consolidation test articles."""
    project = copy_project(tmp_path_factory.mktemp("story"))
    with_story_fixtures(project / "seeds")
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    return project


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a browser closing a connection early (Material's sitemap prefetch) is not an error


def _serve(directory: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    with _Server(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{server.server_address[1]}"
        server.shutdown()


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium through Playwright. No skip: CI must fail when it is missing."""
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    assert Path(chromium).exists(), "Debian's chromium is required: apt-get install chromium"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


def shot(page: Page, name: str, full_page: bool = True) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    yield from _serve(built_site / "site")


@pytest.fixture(scope="session")
def story_url(story_site: Path) -> Iterator[str]:
    yield from _serve(story_site / "site")


@pytest.fixture(scope="session")
def locales(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's catalogs compiled in a copy: the repository's locales/ stays untouched."""
    compiled = tmp_path_factory.mktemp("locales")
    shutil.copytree(ROOT / "locales", compiled, dirs_exist_ok=True)
    assert compile_catalogs(compiled, SITE_LANGUAGES) == []
    return compiled
