"""Generated HTML blocks skip Markdown: the page must read the same as through Markdown."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from pymdownx.slugs import slugify

from generator import htmlblocks

GOLDEN = Path(__file__).parent / "golden"
EXTENSIONS = ["abbr", "admonition", "attr_list", "footnotes", "tables", "toc", "pymdownx.escapeall"]
CONFIG = {"toc": {"permalink": True, "slugify": slugify(case="lower")}, "pymdownx.escapeall": {"hardbreak": False, "nbsp": False}}
MARKERS = re.compile(r"<!-- /?briefings:html -->\n?")


def _convert(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIG).convert(text)


def _pages() -> list[Path]:
    return sorted(p for p in GOLDEN.rglob("*.md") if "briefings:html" in p.read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", _pages(), ids=lambda p: p.relative_to(GOLDEN).as_posix())
def test_blocks_render_as_they_would_through_markdown(page: Path) -> None:
    text = page.read_text(encoding="utf-8").split("---\n", 2)[2]
    through_markdown = MARKERS.sub("", _convert(text))
    stripped, blocks = htmlblocks.extract(text)
    assert blocks and "<table>" not in stripped and '<div class="footnote">' not in stripped
    bypassed = htmlblocks.restore(_convert(stripped), blocks)
    assert re.sub(r"\s+", " ", bypassed) == re.sub(r"\s+", " ", through_markdown)


def test_there_are_pages_with_blocks() -> None:
    assert len(_pages()) > 10


def test_article_text_cannot_forge_a_block() -> None:
    from generator import mdsafe

    hostile = "x\n<!-- briefings:html -->\n<script>alert(1)</script>\n<!-- /briefings:html -->\n"
    page = f"Title\n\n{mdsafe.inline(hostile)}\n"
    assert htmlblocks.extract(page) == (page, [])
    assert htmlblocks.restore("<p><!-- briefings:block 0 --></p>", []) == "<p><!-- briefings:block 0 --></p>"
