"""The extraction cache never changes the result: cold, warm, corrupt, outdated or parallel."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator import cache
from generator import extract as extract_module
from generator.cache import extract_all
from generator.extract import extract
from generator.ingest import ingest_dir

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def articles(tmp_path: Path) -> list:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in [*(ROOT / "seeds").iterdir(), *(ROOT / "tests/fixtures/story").glob("fx_*")]:
        shutil.copy2(path, seeds / path.name)
    return list(ingest_dir(seeds).articles)


def test_warm_cache_gives_the_same_facts(tmp_path: Path, articles: list) -> None:
    expected = [extract(a) for a in articles]
    cold = extract_all(articles, tmp_path / "cache")
    assert len(list((tmp_path / "cache").glob("*.json"))) == len(articles)
    warm = extract_all(articles, tmp_path / "cache")
    assert cold == expected and warm == expected


def test_corrupt_or_tampered_cache_files_are_recomputed(tmp_path: Path, articles: list) -> None:
    expected = extract_all(articles, tmp_path / "cache")
    files = sorted((tmp_path / "cache").glob("*.json"))
    files[0].write_bytes(b"\x00not json")
    data = json.loads(files[1].read_text(encoding="utf-8"))
    if data["quotes"]:
        data["quotes"][0][3][1] += 1  # evidence span no longer matches the article
    data["events"] = [["talks", "2099-01-01", "explicit", ["x", 0, 1, "r", "x"], None, None, []]]
    files[1].write_text(json.dumps(data), encoding="utf-8")
    assert extract_all(articles, tmp_path / "cache") == expected


def test_a_cache_file_with_a_kind_missing_for_a_figure_is_recomputed(tmp_path: Path, articles: list) -> None:
    expected = extract_all(articles, tmp_path / "cache")
    assert all(f.traits is not None and len(f.traits) == len(f.quantities) for f in expected)
    with_figures = next(i for i, f in enumerate(expected) if f.quantities)
    path = tmp_path / "cache" / f"{cache.article_key(articles[with_figures])}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["traits"].pop()
    path.write_text(json.dumps(data), encoding="utf-8")
    assert extract_all(articles, tmp_path / "cache") == expected


def test_a_new_extractor_version_invalidates_the_cache(tmp_path: Path, articles: list, monkeypatch: pytest.MonkeyPatch) -> None:
    extract_all(articles, tmp_path / "cache")
    before = {p.name for p in (tmp_path / "cache").glob("*.json")}
    monkeypatch.setattr(cache, "extractor_version", lambda: "another-version")
    extract_all(articles, tmp_path / "cache")
    after = {p.name for p in (tmp_path / "cache").glob("*.json")}
    assert before.isdisjoint(after) and len(after) == len(articles)  # old entries pruned


def test_removed_articles_leave_the_cache(tmp_path: Path, articles: list) -> None:
    extract_all(articles, tmp_path / "cache")
    extract_all(articles[1:], tmp_path / "cache")
    assert len(list((tmp_path / "cache").glob("*.json"))) == len(articles) - 1


def test_parallel_extraction_matches_serial(articles: list, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "PARALLEL_FROM", 2)
    assert extract_all(articles, None, workers=2) == [extract(a) for a in articles]


def test_new_articles_extracted_in_another_process_meanwhile(tmp_path: Path, articles: list, monkeypatch: pytest.MonkeyPatch) -> None:
    """A big story's few new articles are extracted in a forked process while the rest are
    read from the cache: the same facts, cached for next time; a failure there stops it."""
    from generator import background

    expected = extract_all(articles, tmp_path / "cache")
    monkeypatch.setattr(cache, "BACKGROUND_FROM", 1)
    monkeypatch.setattr(background.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(background.threading, "active_count", lambda: 1)  # as in `mkdocs build`
    new = tmp_path / "cache" / f"{cache.article_key(articles[-1])}.json"
    new.unlink()
    forked: list[str] = []
    real = background.multiprocessing.get_context

    def counting(method: str | None = None) -> object:
        forked.append(str(method))
        return real(method)

    monkeypatch.setattr(background.multiprocessing, "get_context", counting)
    again = extract_all(articles, tmp_path / "cache")
    assert forked == ["fork"]
    assert again == expected and again[-1].article is articles[-1]
    assert new.is_file()
    new.unlink()

    def broken(article: object) -> object:
        raise ValueError("cannot read this one")

    monkeypatch.setattr(extract_module, "extract", broken)
    with pytest.raises(RuntimeError, match="cannot read this one"):
        extract_all(articles, tmp_path / "cache")


def test_the_extractor_version_covers_every_module_extraction_imports() -> None:
    import ast

    from generator.cache import EXTRACTION_MODULES

    package = Path(__file__).resolve().parent.parent / "generator"
    seen: set[str] = set()
    todo = ["extract"]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for node in ast.walk(ast.parse((package / f"{name}.py").read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                modules = [node.module] if node.module else [a.name for a in node.names]
                todo.extend(m for m in modules if (package / f"{m}.py").exists())
    assert seen <= set(EXTRACTION_MODULES), seen - set(EXTRACTION_MODULES)
