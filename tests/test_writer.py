from pathlib import Path

from generator.writer import MANIFEST, write_pages


def test_writes_only_changed_pages_and_removes_stale_ones(tmp_path: Path) -> None:
    first = write_pages(tmp_path, {"en/a.md": "A", "en/sub/b.md": "B"})
    assert (first.written, first.removed) == (2, 0)
    mtime = (tmp_path / "en/a.md").stat().st_mtime_ns
    second = write_pages(tmp_path, {"en/a.md": "A", "en/sub/b.md": "B"})
    assert (second.written, second.unchanged) == (0, 2)
    assert (tmp_path / "en/a.md").stat().st_mtime_ns == mtime
    third = write_pages(tmp_path, {"en/a.md": "A2"})
    assert (third.written, third.removed) == (1, 1)
    assert not (tmp_path / "en/sub").exists()
    assert (tmp_path / MANIFEST).exists()


def test_hand_written_files_are_never_touched(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en/about.md").write_text("mine")
    (tmp_path / "en/index.md").write_text("my own home page")
    report = write_pages(tmp_path, {"en/index.md": "generated", "en/t.md": "T"})
    assert (tmp_path / "en/index.md").read_text() == "my own home page"
    assert [p.file for p in report.problems] == [f"{tmp_path.name}/en/index.md"]
    write_pages(tmp_path, {})
    assert (tmp_path / "en/about.md").read_text() == "mine"
    assert (tmp_path / "en/index.md").read_text() == "my own home page"
    assert not (tmp_path / "en/t.md").exists()


def test_refuses_paths_outside_the_content_dir(tmp_path: Path) -> None:
    report = write_pages(tmp_path / "content", {"../evil.md": "x", "/abs.md": "y"})
    assert len(report.problems) == 2
    assert not (tmp_path / "evil.md").exists()


def test_written_files_are_readable_like_any_other(tmp_path: Path) -> None:
    """mkstemp creates 0600 files; a web server running as another user must read the site."""
    import os
    import stat

    from generator.writer import atomic_write

    atomic_write(tmp_path / "page.md", b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE((tmp_path / "page.md").stat().st_mode) == 0o666 & ~umask


def test_pages_written_by_another_writer_are_owned_and_kept(tmp_path: Path) -> None:
    """A worker process writes its language's pages and hands over what it did: the writer
    that finishes owns those files (and removes none of them) and reports the conflicts."""
    from generator.writer import PageWriter

    write_pages(tmp_path, {"en/a.md": "A", "uk/a.md": "A", "uk/old.md": "O"})
    (tmp_path / "uk/mine.md").write_text("hand-written")
    parent = PageWriter(tmp_path)
    worker = PageWriter(tmp_path, buffer_characters=0, previous=parent.previous)
    worker.write("uk/a.md", "A2")
    worker.write("uk/mine.md", "generated")
    parent.write("en/a.md", None)
    parent.absorb(worker.share())
    report = parent.finish()
    assert (report.written, report.removed) == (1, 1)  # uk/a.md; uk/old.md is no longer generated
    assert (tmp_path / "uk/a.md").read_text() == "A2"
    assert (tmp_path / "uk/mine.md").read_text() == "hand-written"
    assert [p.file for p in report.problems] == [f"{tmp_path.name}/uk/mine.md"]
    assert write_pages(tmp_path, {"en/a.md": "A", "uk/a.md": "A2"}).removed == 0  # both still owned
