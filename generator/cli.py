"""Command line: `python -m generator extract|build|candidates`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .ingest import ingest_files


def _extract(args: argparse.Namespace) -> int:
    from .export import article_facts_to_dict
    from .extract import extract

    result = ingest_files(Path(f) for f in args.files)
    for problem in result.problems:
        print(f"error: {problem}", file=sys.stderr)
    docs = [article_facts_to_dict(extract(a)) for a in result.articles]
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        for doc, article in zip(docs, result.articles, strict=True):
            (out / f"{article.stem}.json").write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    else:
        json.dump(docs, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return 1 if result.problems and args.strict else 0


def _progress_bar(done: int, total: int) -> None:
    """A one-line progress bar on the terminal for long extractions (MkDocs runs stay quiet)."""
    if total < 20 or (done % max(1, total // 100) and done != total):
        return
    width = 30
    filled = width * done // total
    sys.stderr.write(f"\rextracting [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def _build(args: argparse.Namespace) -> int:
    from .pipeline import BuildOptions, build
    from .siteconfig import read_site_settings

    site_url, languages, names = read_site_settings(Path("mkdocs.yml"))
    options = BuildOptions(
        seeds_dir=Path(args.seeds),
        content_dir=Path(args.content),
        languages=tuple(args.languages.split(",")) if args.languages else languages or ("en", "uk", "ru", "de", "fr", "tr"),
        site_url=args.site_url if args.site_url is not None else site_url,
        site_names=names,
        cache_dir=Path(args.cache) if args.cache else None,
        page_cache=Path(args.page_cache) if args.page_cache else None,
        progress=_progress_bar if sys.stderr.isatty() and not args.quiet else None,
    )
    report = build(options)
    for problem in report.problems:
        print(f"error: {problem}", file=sys.stderr)
    print(f"{report.articles} articles, {report.pages} pages ({report.written} written, {report.removed} removed)")
    if args.timings:
        print(" · ".join(f"{stage} {seconds:.2f} s" for stage, seconds in report.timings))
    return 1 if report.problems and args.strict else 0


def _candidates(args: argparse.Namespace) -> int:
    from collections import Counter

    from .extract import extract

    result = ingest_files(Path(f) for f in args.files)
    counts: Counter[str] = Counter()
    for article in result.articles:
        counts.update(extract(article).candidates)
    for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{n}\t{name}")
    return 0


def _add_language(args: argparse.Namespace) -> int:
    from .languages import LanguageError, add_language

    try:
        changed = add_language(Path(args.root), args.code, args.name)
    except LanguageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for path in changed:
        print(f"wrote {path}")
    print(f"Now translate locales/{args.code}/LC_MESSAGES/messages.po, the new entry in mkdocs.yml and content/{args.code}/about.md; see locales/README.md.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Briefing site generator")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="extract facts from articles (JSON, the export contract)")
    p.add_argument("--out", help="directory for one <stem>.json per article (default: a JSON list on stdout)")
    p.add_argument("--strict", action="store_true", help="exit 1 when any input file has a problem")
    p.add_argument("files", nargs="+")
    p.set_defaults(run=_extract)
    b = sub.add_parser("build", help="generate the Markdown pages under content/ (no MkDocs)")
    b.add_argument("--seeds", default="seeds")
    b.add_argument("--content", default="content")
    b.add_argument("--languages", help="comma-separated, the default language first (default: those of mkdocs.yml)")
    b.add_argument("--strict", action="store_true")
    b.add_argument("--site-url", help="where the site is published (feeds need it)")
    b.add_argument("--cache", default=".cache/extract", help="extraction cache folder ('' turns it off)")
    b.add_argument("--page-cache", default=".cache/pages.json", help="records of rendered pages, to keep unchanged ones ('' turns it off)")
    b.add_argument("--quiet", action="store_true", help="no progress bar")
    b.add_argument("--timings", action="store_true", help="print the time each stage took")
    b.set_defaults(run=_build)
    c = sub.add_parser("candidates", help="list unknown capitalised names for the gazetteer")
    c.add_argument("files", nargs="+")
    c.set_defaults(run=_candidates)
    lang = sub.add_parser("add-language", help="add a site language: catalog, mkdocs.yml entry, About page")
    lang.add_argument("code", help="ISO 639-1 code, e.g. tr")
    lang.add_argument("--name", help="the language's own name, e.g. Türkçe")
    lang.add_argument("--root", default=".", help="the project folder (with mkdocs.yml)")
    lang.set_defaults(run=_add_language)
    args = parser.parse_args(argv)
    return int(args.run(args))
