import datetime as dt
import json
from pathlib import Path

import pytest

from generator.ingest import MAX_BYTES, IngestError, ingest_dir, read_article

ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def test_seed_articles_read_with_their_metadata() -> None:
    result = ingest_dir(ROOT / "seeds")
    assert result.problems == ()
    first, second = result.articles
    assert (first.source, first.syndicated_from, first.published, first.language) == ("NationPress", "Xinhua", dt.date(2025, 6, 20), "en")
    assert first.title == "What is the Latest on the Russia-Ukraine Prisoner Exchange?"
    assert not first.body.startswith("What is the Latest")
    assert (second.source, second.published) == (None, dt.date(2025, 6, 20))


def test_markdown_front_matter(tmp_path: Path) -> None:
    front = "---\ntitle: Обмін\nsource: Укрінформ\npublished: 2025-06-20T10:00:00+03:00\n---\n"
    path = write(tmp_path, "a.md", front + "У п'ятницю відбувся обмін полоненими між Україною та Росією.\n")
    article = read_article(path)
    assert (article.title, article.language, article.published) == ("Обмін", "uk", dt.date(2025, 6, 20))


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n", "whitespace"),
        ("binary.txt", b"\x00\x01\x02title", "binary"),
        ("latin1.txt", "Title\nCaf\u00e9 talks".encode("latin-1"), "UTF-8"),
        ("broken.md", "---\ntitle: [unclosed\n---\nbody", "broken YAML"),
        ("list.md", "---\n- a\n- b\n---\nbody", "mapping"),
        ("unknown.md", "---\ntitle: x\nauthor: y\npublished: 2025-06-20\n---\nbody text", "unknown key"),
        ("baddate.md", "---\ntitle: x\npublished: 2025-13-45\n---\nbody text", "published"),
        ("badurl.md", "---\ntitle: x\nurl: javascript:alert(1)\npublished: 2025-06-20\n---\nbody text", "http"),
        ("nodate.txt", "Title\nThe sides met on Friday.", "published"),
    ],
)
def test_bad_files_are_reported_with_file_and_reason(tmp_path: Path, name: str, data: str | bytes, message: str) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(IngestError) as caught:
        read_article(path)
    assert caught.value.problem.file == name
    assert message in str(caught.value)


def test_oversized_file_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, "huge.txt", "Title\n" + "x" * (MAX_BYTES + 1))
    with pytest.raises(IngestError, match="limit"):
        read_article(path)


def test_directory_keeps_going_past_bad_files_and_duplicates(tmp_path: Path) -> None:
    good = "---\ntitle: One\npublished: 2025-06-20\nlanguage: en\n---\nRussia and Ukraine exchanged prisoners on June 20.\n"
    write(tmp_path, "a.md", good)
    write(tmp_path, "b.md", good.replace("title: One", "title: Copy"))
    write(tmp_path, "c.txt", b"")
    write(tmp_path, "README.md", "# notes for editors")
    result = ingest_dir(tmp_path)
    assert [a.file for a in result.articles] == ["a.md"]
    assert sorted((p.file, "duplicate" in p.message) for p in result.problems) == [("b.md", True), ("c.txt", False)]


def test_inputs_are_never_modified(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Title\r\nBody on June 2, 2025.\r\n")
    before = path.read_bytes()
    read_article(path)
    assert path.read_bytes() == before


def test_saved_html_page_through_trafilatura() -> None:
    article = read_article(ROOT / "tests" / "fixtures" / "html" / "saved-page.html")
    assert (article.title, article.source, article.published, article.language) == (
        "Prisoners swapped at the border",
        "Example Daily",
        dt.date(2025, 6, 26),
        "en",
    )
    assert article.url == "https://example.org/daily/prisoners-swapped"
    assert article.body.startswith("Russia and Ukraine exchanged prisoners")
    assert "recipe" not in article.body and "window.tracking" not in article.body and "Home" not in article.body


def test_html_date_must_be_written_in_the_page(tmp_path: Path) -> None:
    page = (ROOT / "tests" / "fixtures" / "html" / "saved-page.html").read_text(encoding="utf-8")
    page = page.replace('<meta property="article:published_time" content="2025-06-26T09:30:00+00:00">', "")
    page = page.replace("on Thursday, June 26,", "on Thursday,")
    path = write(tmp_path, "nodate.html", page)
    with pytest.raises(IngestError, match="published"):
        read_article(path)


CYRILLIC = "Обмін полоненими\nУ п'ятницю, 20 червня 2025 року, Україна та Росія провели обмін полоненими. Додому повернулися 84 захисники."


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_u", "utf-16"])
def test_legacy_and_utf16_encodings_are_decoded_when_certain(tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path, "old.txt", CYRILLIC.encode(encoding))
    article = read_article(path)
    assert article.title == "Обмін полоненими" and "84 захисники" in article.body and article.language == "uk"


def test_uncertain_legacy_encoding_is_rejected_with_the_guess(tmp_path: Path) -> None:
    path = write(tmp_path, "latin.txt", "Title\nCafé talks in Genève ended.".encode("latin-1"))
    with pytest.raises(IngestError, match="not valid UTF-8 at byte"):
        read_article(path)


def test_dates_that_cannot_be_publication_dates(tmp_path: Path) -> None:
    path = write(tmp_path, "far.md", "---\ntitle: x\npublished: 2999-01-01\n---\nbody text here")
    with pytest.raises(IngestError, match="cannot be a publication date"):
        read_article(path)


def test_url_markdown_characters_are_percent_encoded(tmp_path: Path) -> None:
    # "[a](javascript:...)" in a URL became a live link on the source page; "|" split its table.
    front = "---\ntitle: x\npublished: 2025-06-20\nurl: 'https://x.example/[a](javascript:alert(1))|b_c~d?q=1&r=%20'\n---\nbody text\n"
    article = read_article(write(tmp_path, "u.md", front))
    assert article.url == "https://x.example/%5Ba%5D%28javascript:alert%281%29%29%7Cb_c~d?q=1&r=%20"


@pytest.mark.parametrize("url", ["https://x.example/\u202egnp.exe", 'https://x.example/a"b\tc', "https://", "http:/x", "data:text/html,x", "https://a\x07b"])
def test_url_with_controls_or_without_host_is_rejected(tmp_path: Path, url: str) -> None:
    front = f"---\ntitle: x\npublished: 2025-06-20\nurl: {json.dumps(url)}\n---\nbody text\n"
    with pytest.raises(IngestError, match="url: .*http") as caught:
        read_article(write(tmp_path, "u.md", front))
    assert "\u202e" not in str(caught.value) and "\x07" not in str(caught.value)


def test_metadata_values_are_one_line(tmp_path: Path) -> None:
    # YAML escapes put "\r" into a title; the CSV export did not quote it, so a formula started a row.
    front = '---\ntitle: "x\\r=cmd()\\u2028y"\nsource: "A\\nB\\x85C"\npublished: 2025-06-20\n---\nbody text\n'
    article = read_article(write(tmp_path, "t.md", front))
    assert (article.title, article.source) == ("x =cmd() y", "A B C")


def test_bidi_controls_are_removed_from_body_and_metadata(tmp_path: Path) -> None:
    # They reached facts.json, the CSV tables and the search index verbatim.
    front = '---\ntitle: "a\\u202egnp.exe\\u202c"\nsource: "\\u2066S\\u2069"\npublished: 2025-06-20\n---\nOn June 20 \u202ethe\u202c sides met.\n'
    article = read_article(write(tmp_path, "b.md", front))
    assert (article.title, article.source, article.body) == ("agnp.exe", "S", "On June 20 the sides met.")


def test_python_yaml_tag_is_named_in_the_message(tmp_path: Path) -> None:
    path = write(tmp_path, "tag.md", "---\ntitle: !!python/object/apply:os.system ['true']\npublished: 2025-06-20\n---\nbody text\n")
    with pytest.raises(IngestError, match=r"tag\.md: the YAML tag !!python/object/apply:os\.system is not allowed"):
        read_article(path)
