"""Make untrusted article text inert inside generated Markdown.

HTML-significant characters become entities; every ASCII punctuation mark Markdown or
its extensions could read as syntax is backslash-escaped (the site enables
pymdownx.escapeall so any escaped character renders as itself); line breaks and
bidirectional controls are removed so a value cannot start a block or reorder a line.
"""

from __future__ import annotations

import re

_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Characters YAML refuses in a document (its "printable" set excludes C0/C1 controls except
# tab/newline, surrogates, U+FFFE/U+FFFF). One of them in a title made the page's front
# matter unparseable, so the page failed to build; found by tests/test_fuzz.py.
_NOT_YAML_PRINTABLE = re.compile("[^\t\n\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_PUNCT = re.compile(r"([\\`*_{}\[\]()#+\-.!|~^=:\"'$%@/?,;])")


def inline(text: str) -> str:
    """Escape text for any inline position (paragraph, list item, table cell, footnote)."""
    text = _BIDI.sub("", _CONTROL.sub(" ", text))
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _PUNCT.sub(r"\\\1", text)


def attribute(text: str) -> str:
    """A value for a Markdown attribute list (`{ lang="..." }`): letters, digits and dashes only."""
    return re.sub(r"[^A-Za-z0-9-]", "", text)


def front_matter_string(text: str) -> str:
    """A YAML scalar for a page title: JSON-quoted, without characters a theme could read as HTML."""
    import json

    plain = " ".join(_BIDI.sub("", _NOT_YAML_PRINTABLE.sub(" ", text)).split())
    return json.dumps(re.sub(r"[<>&`]", "", plain), ensure_ascii=False)
