import markdown

from generator.mdsafe import front_matter_string, inline

EXTENSIONS = ["attr_list", "footnotes", "tables", "abbr", "admonition", "pymdownx.escapeall"]
CONFIGS = {"pymdownx.escapeall": {"hardbreak": False, "nbsp": False}}
HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "![x](data:text/html,<script>alert(1)</script>)",
    "{{ config }} {% include 'x' %}",
    "a | b | c",
    "[^1]: fake footnote",
    "*[HTML]: abbreviation",
    "# heading",
    "!!! note",
    "{: onclick='alert(1)' }",
    "<https://evil.example>",
    "\u202eevil\u202c",
]


def render(text: str) -> str:
    return markdown.markdown(f"Before {inline(text)} after", extensions=EXTENSIONS, extension_configs=CONFIGS)


def test_hostile_text_renders_inert() -> None:
    for text in HOSTILE:
        html = render(text)
        assert "<script" not in html and "<img" not in html and "<a " not in html, (text, html)
        assert "onerror=" not in html.replace("onerror=&quot;", "") or "&lt;img" in html
        assert html.startswith("<p>Before ") and html.endswith(" after</p>"), (text, html)


def test_visible_text_is_unchanged() -> None:
    text = 'Putin said: "6,000-for-6,000" (agreed) — 50% [sic] *done* #1 п’ять'
    html = render(text)
    assert "6,000-for-6,000" in html and "(agreed)" in html and "[sic]" in html and "*done*" in html and "п’ять" in html


def test_bidi_controls_removed() -> None:
    assert "\u202e" not in inline("a\u202eb")


def test_front_matter_string_is_quoted_and_tagless() -> None:
    assert front_matter_string('Source: "X" <b>&') == '"Source: \\"X\\" b"'


def test_front_matter_string_drops_characters_yaml_refuses() -> None:
    # A C1 control or U+FFFE in a title made the page's front matter unparseable (test_fuzz).
    import yaml

    for text in ("a\x80b", "a\x9fb", "a\ufffeb", "a\x07b"):
        assert yaml.safe_load(f"title: {front_matter_string(text)}") == {"title": "a b"}
    assert yaml.safe_load(f"title: {front_matter_string('Обмін 😀')}") == {"title": "Обмін 😀"}
