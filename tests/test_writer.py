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
