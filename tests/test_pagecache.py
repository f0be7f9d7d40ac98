"""The page cache never changes the site: every build with it equals a build without it.

Each test builds a project with the cache, changes something (an article added or removed,
a template, a catalog, a generated page edited by hand, the cache file itself), builds
again, and compares the content folder with a from-scratch build of the same inputs.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.pipeline import BuildOptions, BuildReport, build

from .conftest import ROOT, STORY_FIXTURES

LANGUAGES = ("en", "uk", "ru")
SITE_URL = "https://example.org/briefings/"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "seeds").mkdir(parents=True)
    for path in [*(ROOT / "seeds").iterdir(), *STORY_FIXTURES.glob("fx_*"), STORY_FIXTURES / "corrections.yaml"]:
        shutil.copy2(path, root / "seeds" / path.name)
    shutil.copytree(ROOT / "templates", root / "templates")
    shutil.copytree(ROOT / "locales", root / "locales", ignore=shutil.ignore_patterns("*.mo"))
    return root


def _build(root: Path, content: str = "content", page_cache: bool = True) -> BuildReport:
    return build(
        BuildOptions(
            seeds_dir=root / "seeds",
            content_dir=root / content,
            templates_dir=root / "templates",
            locales_dir=root / "locales",
            languages=LANGUAGES,
            site_url=SITE_URL,
            cache_dir=root / ".cache" / "extract",
            page_cache=(root / ".cache" / "pages.json") if page_cache else None,
        )
    )


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".generated.json"}


def _assert_same_as_fresh(root: Path) -> None:
    _build(root, content="fresh", page_cache=False)
    cached, fresh = _tree(root / "content"), _tree(root / "fresh")
    assert cached.keys() == fresh.keys()
    different = [path for path in cached if cached[path] != fresh[path]]
    assert not different, different[:10]
    shutil.rmtree(root / "fresh")


def test_a_rebuild_with_no_change_renders_nothing(project: Path) -> None:
    _build(project)
    again = _build(project)
    assert again.written == 0
    _assert_same_as_fresh(project)


def _add_article(root: Path) -> None:
    (root / "seeds" / "zz_new.md").write_text(
        "---\ntitle: A new exchange\nsource: Test Wire\npublished: 2025-06-26\nlanguage: en\n---\n"
        "On June 26, Ukraine and Russia exchanged 150 prisoners of war, Volodymyr Zelensky said.\n",
        encoding="utf-8",
    )


def _add_late_copy(root: Path) -> None:
    """A July copy of a June wire story: the June pages' own data stay the same, but the
    June article now has one more copy (a story-wide lookup the page cache must notice)."""
    body = (root / "seeds" / "fx_a_globalwire.txt").read_text(encoding="utf-8")
    (root / "seeds" / "zz_copy.txt").write_text(body, encoding="utf-8")
    (root / "seeds" / "zz_copy.meta.yaml").write_text(
        "title: Prisoner swap, again\nsource: Evening Dispatch\npublished: 2025-07-02\nlanguage: en\nsyndicated_from: Global Wire\n", encoding="utf-8"
    )


def _add_article_taking_a_slug(root: Path) -> None:
    """An unrelated article whose name sorts first and differs only in case takes the plain
    anchor, so fx_a's anchor changes on pages whose own data did not change."""
    (root / "seeds" / "FX_A_GLOBALWIRE.md").write_text(
        "---\ntitle: Weather\nsource: Test Wire\npublished: 2025-03-02\nlanguage: en\n---\nIt rained in the morning.\n", encoding="utf-8"
    )


def _remove_article(root: Path) -> None:
    for path in (root / "seeds").glob("fx_b_dailyrelay.*"):
        path.unlink()


def _edit_template(root: Path) -> None:
    path = root / "templates" / "briefing.md.j2"
    path.write_text(path.read_text(encoding="utf-8").replace("## ", "## · ", 1), encoding="utf-8")


def _edit_catalog(root: Path) -> None:
    path = root / "locales" / "uk" / "LC_MESSAGES" / "messages.po"
    text = path.read_text(encoding="utf-8")
    assert 'msgstr "Головне"' in text
    path.write_text(text.replace('msgstr "Головне"', 'msgstr "Ключові висновки"'), encoding="utf-8")


def _edit_generated_page(root: Path) -> None:
    page = next((root / "content" / "en" / "briefings").glob("*.md"))
    page.write_text("edited by hand\n", encoding="utf-8")


def _delete_generated_page(root: Path) -> None:
    next((root / "content" / "uk" / "briefings").glob("*.md")).unlink()


def _corrupt_cache(root: Path) -> None:
    (root / ".cache" / "pages.json").write_bytes(b'{"format": 2, "pages": {"en/index.md": [1, 2]')


def _delete_cache(root: Path) -> None:
    (root / ".cache" / "pages.json").unlink()


def _corrupt_fact_texts(root: Path) -> None:
    kept = root / ".cache" / "facts.pickle"
    kept.write_bytes(kept.read_bytes()[: kept.stat().st_size // 2])


@pytest.mark.parametrize(
    "change",
    [
        _add_article,
        _add_late_copy,
        _add_article_taking_a_slug,
        _remove_article,
        _edit_template,
        _edit_catalog,
        _edit_generated_page,
        _delete_generated_page,
        _corrupt_cache,
        _delete_cache,
        _corrupt_fact_texts,
    ],
)
def test_after_a_change_the_cached_build_equals_a_fresh_one(project: Path, change: Callable[[Path], None]) -> None:
    _build(project)
    change(project)
    report = _build(project)
    assert not [p for p in report.problems if "hand-written" in p.message]
    _assert_same_as_fresh(project)


def test_adding_an_article_rewrites_only_the_pages_it_touches(project: Path) -> None:
    first = _build(project)
    _add_article(project)
    second = _build(project)
    assert 0 < second.written < first.written / 2
    assert (project / "content" / "en" / "briefings" / "2025-06-26.md").is_file()


def test_a_new_source_for_a_stage_leaves_the_pages_that_only_link_to_it(project: Path) -> None:
    """The June 20 briefing links to the June 26 exchange as its next stage: one more source
    for that exchange changes the June 26 page, not the June 20 one, which is kept."""
    _build(project)
    before = json.loads((project / ".cache" / "pages.json").read_text(encoding="utf-8"))["pages"]
    (project / "seeds" / "zz_later.md").write_text(
        "---\ntitle: The swap, two days on\nsource: Test Wire\npublished: 2025-06-28\nlanguage: en\n---\n"
        "On June 26, Russia and Ukraine exchanged prisoners of war near the Belarusian border.\n",
        encoding="utf-8",
    )
    _build(project)
    after = json.loads((project / ".cache" / "pages.json").read_text(encoding="utf-8"))["pages"]
    june_20, june_26 = "en/briefings/2025-06-20.md", "en/briefings/2025-06-26.md"
    assert "2025-06-26" in (project / "content" / june_20).read_text(encoding="utf-8")  # the link to the next stage
    assert after[june_26][0] != before[june_26][0]
    assert after[june_20][0] == before[june_20][0]
    _assert_same_as_fresh(project)


def test_rendering_in_worker_processes_gives_the_same_pages(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import background, pipeline

    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(pipeline, "PARALLEL_PAGES", 0)
    monkeypatch.setattr(pipeline, "BACKGROUND_OPEN_DATA", 0)  # and the open data made in another process
    monkeypatch.setattr(background.threading, "active_count", lambda: 1)  # as in `mkdocs build` (pytest may run other threads)
    used: list[int] = []
    real = pipeline._render_in_workers

    def counting(*args: Any) -> Any:
        used.append(1)
        return real(*args)

    monkeypatch.setattr(pipeline, "_render_in_workers", counting)
    _build(project)
    assert used, "the worker processes were not used"
    recorded = json.loads((project / ".cache" / "pages.json").read_text(encoding="utf-8"))
    assert sorted(recorded["setups"]) == sorted(LANGUAGES)  # so the next build knows nothing is stale
    _build(project)  # and with the page cache filled by the workers
    assert _build(project).written == 0
    monkeypatch.setattr(pipeline, "PARALLEL_PAGES", 10**9)
    monkeypatch.setattr(pipeline, "BACKGROUND_OPEN_DATA", 10**9)
    used.clear()
    # The workers fingerprinted the plans between them (each every other plan); in one
    # process every fingerprint is worked out here, and they must agree: nothing to render.
    rendered = _count_renders(monkeypatch)
    assert _build(project).written == 0 and rendered == []
    _assert_same_as_fresh(project)  # built in one process
    assert not used


def test_a_failing_render_worker_stops_the_build(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import background, pipeline

    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(pipeline, "PARALLEL_PAGES", 0)
    monkeypatch.setattr(background.threading, "active_count", lambda: 1)
    real = pipeline._render_language

    def failing_in_ukrainian(*args: Any) -> Any:
        if args[-1] == "uk":
            raise ValueError("no Ukrainian today")
        return real(*args)

    monkeypatch.setattr(pipeline, "_render_language", failing_in_ukrainian)
    with pytest.raises(RuntimeError, match="no Ukrainian today"):
        _build(project)
    assert multiprocessing.active_children() == []


def _count_renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A list that gets an entry for every page rendered from now on (each starts its footnotes)."""
    from generator import render

    rendered: list[str] = []
    real = render.Footnotes

    def counting() -> render.Footnotes:
        rendered.append("page")
        return real()

    monkeypatch.setattr(render, "Footnotes", counting)
    return rendered


def test_after_a_cold_build_the_next_build_keeps_every_page(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Articles and facts that come back from extraction worker processes and those read from
    the extraction cache must fingerprint alike (a plain pickle told them apart by how their
    strings were shared, so the first rebuild after a cold build rendered pages again)."""
    from generator import cache

    monkeypatch.setattr(cache, "PARALLEL_FROM", 1)  # extract in worker processes, as for a big corpus
    monkeypatch.setattr(cache.os, "cpu_count", lambda: 2)
    _build(project)  # cold: extraction and rendering from scratch
    rendered = _count_renders(monkeypatch)
    assert _build(project).written == 0
    assert rendered == [], f"{len(rendered)} pages rendered again"


def test_a_project_moved_elsewhere_keeps_its_page_cache(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _build(project)
    moved = project.parent / "moved"
    shutil.copytree(project, moved, copy_function=shutil.copy2)  # sizes and modification times kept
    rendered = _count_renders(monkeypatch)
    assert _build(moved).written == 0
    assert rendered == [], f"{len(rendered)} pages rendered again"


def test_a_failure_making_the_open_data_in_another_process_stops_the_build(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import background, pipeline

    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(pipeline, "BACKGROUND_OPEN_DATA", 0)
    monkeypatch.setattr(background.threading, "active_count", lambda: 1)

    def broken(story: object, texts: object) -> dict[str, str]:
        raise ValueError("no data today")

    monkeypatch.setattr(pipeline, "data_files", broken)
    with pytest.raises(RuntimeError, match="no data today"):
        _build(project)


def test_a_render_worker_killed_without_a_word_stops_the_build(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker that dies (killed, out of memory) sends nothing: the build must fail, not
    finish without its languages and remove their pages."""
    from generator import background, pipeline

    _build(project)
    before = _tree(project / "content")
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(pipeline, "PARALLEL_PAGES", 0)
    monkeypatch.setattr(background.threading, "active_count", lambda: 1)
    real = pipeline._render_and_write

    def dying_in_ukrainian(language: str) -> Any:
        if language == "uk":
            os._exit(9)
        return real(language)

    monkeypatch.setattr(pipeline, "_render_and_write", dying_in_ukrainian)
    with pytest.raises(RuntimeError, match="stopped before its languages were done"):
        _build(project)
    assert all((project / "content" / rel).is_file() for rel in before if rel.startswith("uk/"))


def test_nothing_is_forked_while_other_threads_run(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`mkdocs serve` regenerates from a watcher thread: a forked child could inherit a lock
    another thread held and wait forever, so the work stays in the process."""
    from generator import background, pipeline

    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(pipeline, "PARALLEL_PAGES", 0)
    monkeypatch.setattr(pipeline, "BACKGROUND_OPEN_DATA", 0)
    monkeypatch.setattr(background.threading, "active_count", lambda: 3)

    def no_fork(*args: object, **kwargs: object) -> None:
        raise AssertionError("forked with other threads running")

    monkeypatch.setattr(pipeline, "_render_in_workers", no_fork)
    monkeypatch.setattr(background.multiprocessing, "get_context", no_fork)
    _build(project)
    monkeypatch.undo()
    _assert_same_as_fresh(project)
