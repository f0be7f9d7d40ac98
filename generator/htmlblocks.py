"""Generated HTML blocks go past Markdown untouched.

The busy parts of generated pages (figure tables, claims, footnotes, source details) are
HTML made by autoescaped templates, between `<!-- briefings:html -->` marker comments.
Markdown would pass them through as raw HTML anyway, after parsing them with two HTML
parsers (Python-Markdown's block extractor and MkDocs' anchor scan) — most of MkDocs' time
on a year's story. The plugin swaps each block for a placeholder comment before Markdown
and puts it back into the HTML afterwards: the page reads the same with or without it.

Article text cannot forge a marker: it reaches a page escaped (`<` becomes `&lt;`).
"""

from __future__ import annotations

import re

_BLOCK = re.compile(r"^<!-- briefings:html -->\n(.*?)\n<!-- /briefings:html -->$", re.M | re.S)
_PLACEHOLDER = re.compile(r"<!-- briefings:block (\d+) -->")


def extract(markdown: str) -> tuple[str, list[str]]:
    """The page with each block replaced by a placeholder comment, and the blocks."""
    blocks: list[str] = []

    def stash(match: re.Match[str]) -> str:
        blocks.append(match.group(1))
        return f"<!-- briefings:block {len(blocks) - 1} -->"

    return _BLOCK.sub(stash, markdown), blocks


def restore(html: str, blocks: list[str]) -> str:
    """Put the blocks back where their placeholders ended up in the HTML."""
    if not blocks:
        return html

    def unstash(match: re.Match[str]) -> str:
        index = int(match.group(1))
        return blocks[index] if index < len(blocks) else match.group(0)

    return _PLACEHOLDER.sub(unstash, html)
