"""The real site, built with `mkdocs build --strict` from a copy of the project."""

import hashlib
import os
import re
import socket
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import copy_project, mkdocs

pytestmark = pytest.mark.build
LANGUAGES = ("uk", "ru", "de", "fr")


class LiveMarkup(HTMLParser):
    """Collects anything an article could have made live: handlers, script, unsafe URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # JSON-LD is data, not code (its "<" are escaped, so it cannot close the element).
        self._in_script = tag == "script" and ("type", "application/ld+json") not in attrs
        for name, value in attrs:
            if name.startswith("on") or (name in ("href", "src") and (value or "").strip().lower().startswith(("javascript:", "data:"))):
                self.problems.append(f"<{tag} {name}={value}>")
        if tag in ("img", "iframe") and any(v == "x" for _, v in attrs):
            self.problems.append(f"<{tag}> from the article")

    def handle_data(self, data: str) -> None:
        if self._in_script and "alert(" in data:
            self.problems.append("script from the article")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False


def tree_digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def test_five_language_site(built_site: Path) -> None:
    site = built_site / "site"
    for prefix in ("", *(f"{lang}/" for lang in LANGUAGES)):
        for day in ("2025-05-16", "2025-06-02", "2025-06-09", "2025-06-14", "2025-06-20"):
            assert (site / f"{prefix}briefings/{day}/index.html").exists(), (prefix, day)
        assert (site / f"{prefix}timeline/index.html").exists()
        assert 'id="000_0ee01c4a5faa6e0f"' in (site / f"{prefix}sources/2025-06/index.html").read_text(encoding="utf-8")
        assert (site / f"{prefix}sources/index.html").exists()
        assert (site / f"{prefix}search/search_index.json").exists()
    page = (site / "uk/briefings/2025-06-20/index.html").read_text(encoding="utf-8")
    assert 'lang="uk"' in page and "Головне" in page
    assert 'id="обмін-полоненими"' in page  # Cyrillic headings get readable anchors


def test_search_index_is_split_per_language(built_site: Path) -> None:
    import json

    site = built_site / "site"
    english = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    ukrainian = json.loads((site / "uk/search/search_index.json").read_text(encoding="utf-8"))["docs"]
    assert not any(d["location"].startswith(("uk/", "ru/", "de/", "fr/")) for d in english)
    assert any("Обмін полоненими" in d["title"] for d in ukrainian)
    assert not any("Обмен пленными" in d["title"] for d in ukrainian)


def test_hostile_article_renders_inert(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "seeds" / "zz_hostile.md").write_text(
        "---\ntitle: '<script>alert(\"t\")</script> [x](javascript:alert(1))'\nsource: '<img src=x onerror=alert(2)>'\n"
        "published: 2025-06-21\nlanguage: en\n---\n"
        'On June 21, a prisoner exchange took place. "<script>alert(3)</script> {{ config }} | a | b" said Zelensky. '
        "According to Putin, [click](javascript:alert(4)) ![i](data:x) {% raw %} happened.\n",
        encoding="utf-8",
    )
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    for html in (project / "site").rglob("*.html"):
        found = LiveMarkup()
        found.feed(html.read_text(encoding="utf-8"))
        assert found.problems == [], html
    page = (project / "site/briefings/2025-06-21/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in page and "{{ config }}" in page


def test_bad_article_warns_and_strict_fails(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "seeds" / "broken.md").write_text("---\ntitle: [oops\n---\nbody\n", encoding="utf-8")
    strict = mkdocs(project, "build", "--strict")
    assert strict.returncode != 0
    assert "broken.md: broken YAML in front matter" in strict.stderr
    lenient = mkdocs(project, "build")
    assert lenient.returncode == 0
    assert (project / "site/briefings/2025-06-20/index.html").exists()
    assert (project / "seeds" / "broken.md").read_text(encoding="utf-8") == "---\ntitle: [oops\n---\nbody\n"


def test_builds_are_byte_identical(tmp_path: Path) -> None:
    digests = []
    for name in ("one", "two"):
        project = copy_project(tmp_path / name)
        env_free = mkdocs(project, "build", "--strict")
        assert env_free.returncode == 0, env_free.stderr
        digests.append(tree_digest(project / "site"))
    assert digests[0] == digests[1]


def test_hand_written_pages_survive_and_removed_articles_leave(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "content/en/notes.md").write_text("# My notes\n", encoding="utf-8")
    (project / "seeds/editor-notes.yaml").write_text("keep: me\n", encoding="utf-8")
    assert mkdocs(project, "build").returncode == 0
    (project / "seeds/001_779d396093d27fb8.txt").unlink()
    assert mkdocs(project, "build").returncode == 0
    assert (project / "content/en/notes.md").read_text(encoding="utf-8") == "# My notes\n"
    assert (project / "content/en/about.md").exists()
    assert (project / "seeds/editor-notes.yaml").exists()
    assert "001_779d396093d27fb8" not in (project / "content/en/sources/2025-06.md").read_text(encoding="utf-8")
    assert not (project / "content/en/briefings/2025-05-16.md").exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_rebuilds_once_when_an_article_is_added(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    log = (tmp_path / "serve.log").open("w+")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{_free_port()}"], cwd=project, stdout=log, stderr=subprocess.STDOUT, env=env
    )
    try:

        def count(line: str) -> int:
            return Path(log.name).read_text().count(line)

        # Count the builds MkDocs' serve starts and the rebuilds it finishes ("Reloading
        # browsers"): once in CI the i18n plugin's log filter swallowed a rebuild's
        # "Documentation built in", so that line is no measure.
        deadline = time.monotonic() + 120
        while count("Serving on") < 1 and time.monotonic() < deadline:
            time.sleep(0.5)
        assert count("Building documentation...") == 1, Path(log.name).read_text()
        (project / "seeds/zz_new.md").write_text(
            "---\ntitle: New\npublished: 2025-06-25\nlanguage: en\n---\nOn June 25, a prisoner exchange took place.\n", encoding="utf-8"
        )
        while count("Reloading browsers") < 1 and time.monotonic() < deadline:
            time.sleep(0.5)
        time.sleep(8)  # a looping server would have rebuilt again by now
        settled = count("Building documentation...")
        time.sleep(4)
        # MkDocs polls docs_dir every half second: a poll that lands inside the burst in which
        # the pages are written sees half of them, and the next poll the rest, so once in a
        # while it builds a second time. Never more, and then it stays quiet.
        log_text = Path(log.name).read_text()
        assert 2 <= settled <= 3 and count("Building documentation...") == settled, log_text
        assert count("Reloading browsers") == settled - 1, log_text
        assert (project / "content/en/briefings/2025-06-25.md").exists()
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_feeds_open_data_and_json_ld(built_site: Path) -> None:
    import json
    import xml.etree.ElementTree as ET

    import jsonschema

    site = built_site / "site"
    for prefix, lang in (("", "en"), ("uk/", "uk"), ("ru/", "ru")):
        feed = ET.parse(site / f"{prefix}feed.xml").getroot()
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        assert len(feed.findall("{http://www.w3.org/2005/Atom}entry")) >= 5
        page = (site / f"{prefix}briefings/2025-06-20/index.html").read_text(encoding="utf-8")
        assert f'href="../../../{prefix}feed.xml"' in page or f'href="../../{prefix}feed.xml"' in page
        ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
        assert ld and json.loads(ld.group(1))["@type"] in ("Report", "NewsArticle")
    facts = json.loads((site / "data/facts.json").read_text(encoding="utf-8"))
    jsonschema.validate(facts, json.loads((site / "data/facts.schema.json").read_text(encoding="utf-8")))
    assert {p.name for p in (site / "data").iterdir()} >= {"events.csv", "figures.csv", "quotes.csv", "claims.csv", "sources.csv"}


def test_cli_build_writes_the_pages_mkdocs_build_would(tmp_path: Path) -> None:
    """`python -m generator build` reads mkdocs.yml like the plugin: the plugin then has nothing to write."""
    project = copy_project(tmp_path)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cli = subprocess.run([sys.executable, "-m", "generator", "build", "--timings"], cwd=project, capture_output=True, text=True, env=env, timeout=600)
    assert cli.returncode == 0, cli.stderr
    assert "ingest" in cli.stdout and "written" in cli.stdout
    assert (project / "content" / "tr" / "feed.xml").is_file()  # every language of mkdocs.yml
    site = mkdocs(project, "build", "--strict")
    assert site.returncode == 0, site.stderr
    assert "(0 written, 0 removed)" in site.stderr + site.stdout
