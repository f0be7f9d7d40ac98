"""The real site built from the seeds plus the hostile corpus (tests/fixtures/hostile/),
loaded in Chromium: no script from an article runs, no dialog opens, no request leaves the
site; the feeds, open data and search indexes hold the payloads only as inert text."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from .conftest import _serve, copy_project, mkdocs
from .test_build import LiveMarkup

pytestmark = [pytest.mark.browser, pytest.mark.build]
HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile"
LANGUAGES = ("", "uk/", "ru/", "de/", "fr/", "tr/")
# Rejected on purpose: file -> what the build output must say about it.
REJECTED = {
    "h5_python_tag.md": "h5_python_tag.md: the YAML tag !!python/object/apply:os.system is not allowed",
    "h6_bad_url.md": "h6_bad_url.md: url: ",
    "h7_alias_bomb.md": "h7_alias_bomb.md: source: must be text",
}
# Payload markers: any of these outside escaped text means markup from an article went live.
LIVE = re.compile(r"<(script|img|iframe|svg|a\s+href=\"javascript)[\s>/]", re.I)
TRAP = """
window.__calls = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  Object.defineProperty(window, name, {value: (...args) => { window.__calls.push(name + ":" + String(args[0])); return null; }, writable: false});
}
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    for path in HOSTILE.iterdir():
        if path.name != "README.md":
            shutil.copy2(path, project / "seeds" / path.name)
    result = mkdocs(project, "build")  # not --strict: some files are rejected on purpose
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    return project, output


@pytest.fixture(scope="module")
def hostile_url(hostile_site: tuple[Path, str]) -> Iterator[str]:
    yield from _serve(hostile_site[0] / "site")


def test_rejected_files_are_reported_by_name(hostile_site: tuple[Path, str]) -> None:
    project, output = hostile_site
    for name, message in REJECTED.items():
        assert message in output, (name, output)
        assert not any(project.joinpath("site").rglob(f"{Path(name).stem}*")), name
    assert not Path("/tmp/pwned").exists()


def test_accepted_hostile_articles_have_pages(hostile_site: tuple[Path, str]) -> None:
    site = hostile_site[0] / "site"
    for day in ("2025-06-21", "2025-06-22", "2025-06-23"):
        assert (site / f"briefings/{day}/index.html").exists(), day
    # Source entries live on source pages (one per month, or per article): found by anchor.
    sources = "".join(p.read_text(encoding="utf-8") for p in site.glob("sources/**/index.html"))
    for stem in ("h1_markup", "h2_markdown", "h3_jinja", "h4_bidi_uk", "h8_formula_ru", "h9_saved"):
        assert f'id="{stem}"' in sources, stem
    # Titles and sources that look like paths stay text: nothing was written outside site/.
    assert not (hostile_site[0] / "etc").exists() and not (site / "etc").exists()


def test_no_live_markup_in_any_built_page(hostile_site: tuple[Path, str]) -> None:
    pages = sorted((hostile_site[0] / "site").rglob("*.html"))
    assert len(pages) > 50
    for html in pages:
        found = LiveMarkup()
        found.feed(html.read_text(encoding="utf-8"))
        assert found.problems == [], html
    page = (hostile_site[0] / "site/briefings/2025-06-21/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in page  # the payload is there, as text


def visited_pages(site: Path) -> list[str]:
    paths = []
    for prefix in LANGUAGES:
        paths += [f"{prefix}", f"{prefix}timeline/"]
        paths += sorted(f"{prefix}briefings/{p.parent.name}/" for p in site.glob(f"{prefix}briefings/*/index.html"))
        paths += sorted(f"{prefix}{p.parent.relative_to(site / prefix).as_posix()}/" for p in site.glob(f"{prefix}sources/**/index.html"))
    paths += ["figures/", "discrepancies/", "entities/", "corrections/"]
    return paths


def test_no_script_runs_no_dialog_no_request_leaves(browser: Browser, hostile_site: tuple[Path, str], hostile_url: str) -> None:
    context = browser.new_context()
    context.add_init_script(TRAP)
    outside: list[str] = []
    dialogs: list[str] = []
    context.on("request", lambda request: None if request.url.startswith((hostile_url, "data:", "blob:")) else outside.append(request.url))
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(f"{dialog.type}: {dialog.message}"), dialog.dismiss()))
    paths = visited_pages(hostile_site[0] / "site")
    assert len(paths) > 60, paths
    ran: dict[str, object] = {}
    for path in paths:
        response = page.goto(f"{hostile_url}/{path}", wait_until="load")
        assert response is not None and response.ok, path
        page.wait_for_timeout(30)  # let onerror/onload handlers of anything injected fire
        state = page.evaluate("() => [window.__pwned, window.__calls, document.querySelectorAll('iframe, object, embed').length]")
        if state[0] is not None or state[1] or state[2]:
            ran[path] = state
    # Search: the indexes hold payload text; showing results must not make it live.
    for prefix, query in (("", "script"), ("", "onerror"), ("uk/", "script"), ("ru/", "iframe")):
        page.goto(f"{hostile_url}/{prefix}", wait_until="load")
        page.click("input[data-md-component=search-query]")
        page.fill("input[data-md-component=search-query]", query)
        page.dispatch_event("input[data-md-component=search-query]", "keyup")
        page.wait_for_timeout(500)
        state = page.evaluate("() => [window.__pwned, window.__calls, document.querySelectorAll('.md-search-result img, .md-search-result iframe').length]")
        if state[0] is not None or state[1] or state[2]:
            ran[f"search {prefix}{query}"] = state
    context.close()
    print(f"\nhostile corpus: {len(paths)} pages loaded in Chromium")
    assert ran == {}, ran
    assert dialogs == [], dialogs
    assert outside == [], outside


def test_feeds_open_data_and_search_index_are_inert(hostile_site: tuple[Path, str]) -> None:
    site = hostile_site[0] / "site"
    for prefix in LANGUAGES:
        feed = (site / prefix / "feed.xml").read_text(encoding="utf-8")
        assert not LIVE.search(feed) and "javascript:" not in feed, prefix
        index = json.loads((site / prefix / "search/search_index.json").read_text(encoding="utf-8"))
        for doc in index["docs"]:
            for key in ("title", "text"):
                assert not LIVE.search(doc[key]), (prefix, doc["location"], doc[key][:300])
                assert not re.search(r"\son\w+\s*=", re.sub(r"&[a-z]+;|&#\d+;", "", doc[key])) or "&lt;" in doc[key], (prefix, doc["location"])
    facts = json.loads((site / "data/facts.json").read_text(encoding="utf-8"))
    titles = {a["file"]: a["title"] for a in facts["articles"]}
    assert titles["h1_markup.md"].startswith('<script>alert("title")</script>')  # kept as data, exactly
    assert all("\u202e" not in t for t in titles.values())
    number = re.compile(r"-?\d+(\.\d+)?\Z")
    guarded = 0
    for table in sorted((site / "data").glob("*.csv")):
        for row in csv.reader(io.StringIO(table.read_text(encoding="utf-8"))):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")) or number.match(cell), (table.name, cell[:80])
                guarded += cell.startswith(("'=", "'+", "'-", "'@"))
    assert guarded >= 3  # the formula-looking title, source and relay of h8 are there, guarded
