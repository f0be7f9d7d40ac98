"""Read article files from the seeds directory into validated `Article` records.

Formats: `.txt` (first line is the title) with an optional `<stem>.meta.yaml` sidecar,
and `.md` with YAML front matter. Every problem is returned as a `Problem` naming the
file and the field; the caller decides whether it is fatal (`--strict`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import dates, langdetect
from .model import Article, Problem

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_BYTES = 2_000_000  # far above any news article; stops a stray dump from stalling the build
MIN_YEAR, MAX_YEAR = 1990, 2100  # outside this, a date is a typo, not news
KNOWN_KEYS = {"title", "source", "url", "published", "language", "syndicated_from", "translated_from"}
SUPPORTED_LANGUAGES = {"en", "uk", "ru", "de", "fr", "tr"}
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


# libyaml's parser when PyYAML has it (five times faster on a thousand sidecars); the
# constructor is the safe one either way.
_SafeBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _MetaLoader(_SafeBase):  # type: ignore[valid-type,misc]
    """Safe YAML without implicit timestamps: dates stay text and are validated here, by field."""


_MetaLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class IngestError(ValueError):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class IngestResult:
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]


def article_paths(seeds_dir: Path) -> list[Path]:
    return sorted(p for p in seeds_dir.iterdir() if p.is_file() and p.suffix in ARTICLE_SUFFIXES and not p.name.upper().startswith("README"))


def ingest_dir(seeds_dir: Path) -> IngestResult:
    """Read every article in `seeds_dir`; bad files become problems, duplicates too."""
    return ingest_files(article_paths(seeds_dir))


def ingest_files(paths: Iterable[Path]) -> IngestResult:
    articles: list[Article] = []
    problems: list[Problem] = []
    seen: dict[str, Article] = {}
    for path in paths:
        try:
            article = read_article(path)
        except IngestError as error:
            problems.append(error.problem)
            continue
        digest = hashlib.sha256(_normalise_for_duplicates(article.body).encode()).hexdigest()
        first = seen.get(digest)
        # The same text from another outlet, or declared as a wire copy, is a republication:
        # kept, and counted once as a source by consolidation. The same file twice is not.
        if first is not None and not article.syndicated_from and article.source == first.source:
            problems.append(Problem(article.file, f"duplicate of {first.file} (same text); skipped"))
            continue
        seen.setdefault(digest, article)
        articles.append(article)
    return IngestResult(tuple(articles), tuple(problems))


def read_article(path: Path) -> Article:
    name = path.name
    text = _read_text(path)
    if path.suffix in (".html", ".htm"):
        meta, title, body = _read_html(name, text, _read_sidecar(path))
        return _build_article(name, meta, title, body)
    if path.suffix == ".md":
        meta, body = _split_front_matter(name, text)
        title = str(meta.get("title") or "")
    else:
        meta = _read_sidecar(path)
        first, _, rest = text.partition("\n")
        title = str(meta.get("title") or first.strip())
        body = rest.strip("\n") if first.strip() else text
    body = body.strip()
    if not body:
        raise IngestError(Problem(name, "the article has a title but no body text"))
    return _build_article(name, meta, str(title or "").strip(), body)


def _read_text(path: Path) -> str:
    name = path.name
    size = path.stat().st_size
    if size == 0:
        raise IngestError(Problem(name, "the file is empty"))
    if size > MAX_BYTES:
        raise IngestError(Problem(name, f"the file is {size:,} bytes, more than the {MAX_BYTES:,}-byte limit for one article"))
    raw = path.read_bytes()
    text = _decode(name, raw)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise IngestError(Problem(name, "the file holds only whitespace"))
    return text


def _read_html(name: str, html: str, sidecar: dict[str, Any]) -> tuple[dict[str, Any], str, str]:
    """Main text and metadata of a saved web page, through trafilatura.

    Only fields read from the page itself are kept: a date is used only when it is written in
    the page source (trafilatura can otherwise fall back to today's date). A sidecar
    `.meta.yaml` overrides anything found in the page.
    """
    import trafilatura  # imported here: slow to import, and only saved pages need it

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, date_extraction_params={"extensive_search": False, "original_date": True}
    )
    if doc is None or not getattr(doc, "text", None):
        raise IngestError(Problem(name, "no article text found in the saved page"))
    title = str(sidecar.get("title") or getattr(doc, "title", None) or "").strip()
    body = str(getattr(doc, "text", "")).strip()
    first, _, rest = body.partition("\n")
    if title and first.strip() == title and rest.strip():
        body = rest.strip()
    meta: dict[str, Any] = {}
    date = getattr(doc, "date", None)
    if date and str(date)[:10] in html:
        meta["published"] = str(date)[:10]
    sitename = getattr(doc, "sitename", None)
    if sitename:
        meta["source"] = str(sitename)
    url = getattr(doc, "url", None)
    if url and re.match(r"https?://", str(url)):
        meta["url"] = str(url)
    lang = re.search(r"<html[^>]*\blang=[\"']?([a-zA-Z]{2})", html[:2000])
    if lang:
        meta["language"] = lang.group(1).lower()
    meta.update({k: v for k, v in sidecar.items() if v is not None})
    return meta, title, body


# Legacy encodings we accept when the text is unambiguous: Cyrillic news saved by older tools.
LEGACY_ENCODINGS = {"cp1251", "koi8_r", "koi8_u", "iso8859_5", "mac_cyrillic"}
BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def _decode(name: str, raw: bytes) -> str:
    """UTF-8, or UTF-16 with its byte-order mark, or a legacy Cyrillic encoding when certain."""
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise IngestError(Problem(name, f"starts with a {encoding} byte-order mark but is not valid {encoding}")) from None
    if b"\x00" in raw:
        raise IngestError(Problem(name, "the file looks binary (it contains NUL bytes), not an article"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        position = error.start
    from charset_normalizer import from_bytes  # a dependency of requests; only needed here

    best = from_bytes(raw).best()
    if best is not None and best.encoding in LEGACY_ENCODINGS and best.chaos <= 0.05:
        text = str(best)
        letters = [ch for ch in text if ch.isalpha()]
        if letters and sum("\u0400" <= ch <= "\u04ff" for ch in letters) > 0.6 * len(letters):
            return text
    guess = f" (it looks like {best.encoding})" if best is not None else ""
    raise IngestError(Problem(name, f"the file is not valid UTF-8 at byte {position}{guess}; save it as UTF-8"))


def _split_front_matter(name: str, text: str) -> tuple[dict[str, Any], str]:
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    return _load_meta(name, match.group(1), "front matter"), text[match.end() :]


def _read_sidecar(path: Path) -> dict[str, Any]:
    sidecar = path.with_name(path.stem + ".meta.yaml")
    if not sidecar.exists():
        return {}
    try:
        text = sidecar.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError) as error:
        raise IngestError(Problem(path.name, f"cannot read {sidecar.name}: {error}")) from None
    return _load_meta(path.name, text, sidecar.name)


def _load_meta(name: str, text: str, where: str) -> dict[str, Any]:
    try:
        meta = yaml.load(text, Loader=_MetaLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.constructor.ConstructorError as error:
        # "!!python/object/apply:os.system" and the like: the safe loader refuses them, and
        # "broken YAML" did not say why or what to do.
        tag = re.search(r"tag '([^']{0,80})", str(error.problem))
        what = f"the YAML tag {tag.group(1).replace('tag:yaml.org,2002:', '!!')}" if tag else "a YAML tag"
        raise IngestError(Problem(name, f"{what} is not allowed in {where}; write plain text values")) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark else ""
        raise IngestError(Problem(name, f"broken YAML in {where}{line}")) from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise IngestError(Problem(name, f"{where} must be a mapping of keys to values"))
    unknown = sorted(str(k) for k in meta if k not in KNOWN_KEYS)
    if unknown:
        raise IngestError(Problem(name, f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(KNOWN_KEYS))}", "metadata"))
    for key, value in meta.items():
        if key != "published" and value is not None and not isinstance(value, str):
            raise IngestError(Problem(name, f"must be text, got {type(value).__name__}", key))
    return meta


# Metadata values are one line of text. YAML escapes ("\r", "\x85", "\u2028") could put line
# breaks or other controls into a title or source, and a lone "\r" is not quoted by the CSV
# export, so `title: "x\r=cmd()"` started a new CSV row with a live formula (test_fuzz).
_NOT_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Bidirectional embedding/override/isolate controls reorder what a reader sees ("gnp.exe"
# shown as "exe.png"); pages drop them (mdsafe), but facts.json, the CSV tables and the
# search index carried them verbatim. None of the site's languages needs them, so they are
# removed from the body and metadata at the door (evidence spans stay exact substrings).
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# A URL is written into an <a href> and its text on the source page, which Markdown still
# reads: "https://x/[a](javascript:alert(1))" became a live javascript: link and "|" split
# the table cell (test_hostile). Such characters are percent-encoded, which browsers and
# servers read as the same address; controls and bidirectional marks are rejected.
_URL_SAFE = "-._~:/?#@$&+,;=%"
_URL_FORBIDDEN = re.compile("[\x00-\x20\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _one_line(value: Any) -> str | None:
    if value is None:
        return None
    return " ".join(_NOT_ONE_LINE.sub(" ", _BIDI_CONTROLS.sub("", str(value))).split()) or None


def _clean_url(name: str, value: Any) -> str | None:
    url = str(value or "").strip()
    if not url:
        return None
    if not re.match(r"https?://[^/?#\s]", url, re.I) or _URL_FORBIDDEN.search(url):
        raise IngestError(
            Problem(name, f"'{(_one_line(_URL_FORBIDDEN.sub(' ', url)) or '')[:80]}' must be an http(s) address without spaces or control characters", "url")
        )
    return urllib.parse.quote(url, safe=_URL_SAFE)


def _build_article(name: str, meta: dict[str, Any], title: str, body: str) -> Article:
    title = _one_line(title) or ""
    # Saved pages go through trafilatura after decoding, which can turn "&#13;" into "\r".
    body = _BIDI_CONTROLS.sub("", body.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not body:
        raise IngestError(Problem(name, "the article has a title but no body text"))
    if not title:
        raise IngestError(Problem(name, "missing; add a title (first line of a .txt, or `title:`)", "title"))
    language = meta.get("language") or langdetect.detect(body)
    if language not in SUPPORTED_LANGUAGES:
        raise IngestError(Problem(name, f"'{language}' is not supported; use one of {', '.join(sorted(SUPPORTED_LANGUAGES))}", "language"))
    published, basis = _published(name, meta.get("published"), body, language)
    url = _clean_url(name, meta.get("url"))
    return Article(
        file=name,
        title=title,
        body=body,
        published=published,
        language=language,
        source=_one_line(meta.get("source")),
        url=url,
        syndicated_from=_one_line(meta.get("syndicated_from")),
        translated_from=_one_line(meta.get("translated_from")),
        published_basis=basis,
    )


def _published(name: str, value: Any, body: str, language: str) -> tuple[dt.date, str]:
    if isinstance(value, str) and value.strip():
        try:
            date = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
        except ValueError:
            raise IngestError(Problem(name, f"'{value}' is not an ISO date such as 2025-06-20", "published")) from None
        if not MIN_YEAR <= date.year <= MAX_YEAR:
            raise IngestError(Problem(name, f"{date.isoformat()} cannot be a publication date (years {MIN_YEAR}-{MAX_YEAR})", "published"))
        return date, "metadata"
    if value is not None and not isinstance(value, str):
        raise IngestError(Problem(name, "must be an ISO date such as 2025-06-20", "published"))
    found = dates.publication_date_from_text(body, language)
    if found is None:
        raise IngestError(Problem(name, "missing and no dateline or weekday-and-date mention fixes it; add `published: YYYY-MM-DD`", "published"))
    return found


def _normalise_for_duplicates(body: str) -> str:
    return " ".join(body.casefold().split())
