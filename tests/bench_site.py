"""Site benchmark: generator and MkDocs times for N generated articles.

    python -m tests.bench_site [--sizes 100,1000,5000] [--seed 7] [--skip-mkdocs-above N]

For each N it writes N deterministic articles (en/uk/ru, spread over a year, twelve
outlets, one in ten a syndicated copy of another) into a temporary copy of the project and
prints: extraction throughput, the generator's own time for a full build (cold cache), a
rebuild with no change, a rebuild after adding one article, the whole `mkdocs build`, the
pages written, peak memory and the generator's share of the build. Each step runs in a fresh
process, so the figures include start-up as a user would see it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from babel.dates import format_date

from .bench import TEMPLATES
from .conftest import copy_project

OUTLETS = [
    "Global Wire",
    "Kyiv Ledger",
    "Moscow Bulletin",
    "Bosphorus Daily",
    "Daily Relay",
    "Eastern Monitor",
    "Ukrinform Digest",
    "Nord Kurier",
    "Le Quotidien",
    "Black Sea Post",
    "Capital Herald",
    "Evening Dispatch",
]
YEAR = 2025


def write_articles(seeds: Path, n: int, seed: int, start: int = 0) -> None:
    rng = random.Random(seed * 100_003 + start)
    written: list[tuple[str, str, str]] = []
    for i in range(start, start + n):
        language = ("en", "uk", "ru")[i % 3]
        published = dt.date(YEAR, 1, 1) + dt.timedelta(days=(i * 365) // max(n + start, 1) % 365)
        t = TEMPLATES[language]
        if written and rng.random() < 0.1:  # a syndicated copy of an earlier article
            body, title, wire = written[rng.randrange(len(written))]
            meta = f"title: {title}\nsource: {rng.choice(OUTLETS)}\nsyndicated_from: {wire}\npublished: {published.isoformat()}\nlanguage: {language}\n"
        else:
            month = format_date(published, "MMMM", locale=language)
            paragraphs = []
            for _ in range(rng.randint(5, 9)):
                day = rng.randint(1, max(1, published.day))
                slots = {
                    "day": day,
                    "day2": min(day + 1, 28),
                    "month": month,
                    "weekday": rng.choice(t["slots_weekday"]),
                    "n": f"{rng.choice([84, 150, 307, 390, 1000, 1200]):,}",
                    "m": f"{rng.randint(12, 6100):,}",
                    "person": rng.choice(t["slots_person"]),
                    "place": rng.choice(t["slots_place"]),
                }
                slots["rel"] = rng.choice(t["slots_rel"]).format(**slots)
                sentences = [rng.choice(t["sentences"]).format(**slots) for _ in range(rng.randint(2, 4))]
                paragraphs.append(" ".join(s[0].upper() + s[1:] for s in sentences))
            body = "\n\n".join(paragraphs)
            title = f"Report {i} ({language})"
            wire = rng.choice(OUTLETS)
            written.append((body, title, wire))
            meta = f"title: {title}\nsource: {wire}\npublished: {published.isoformat()}\nlanguage: {language}\n"
        (seeds / f"bench_{i:05d}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
        (seeds / f"bench_{i:05d}.meta.yaml").write_text(meta, encoding="utf-8")


def timed(cmd: list[str], cwd: Path) -> tuple[float, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    run = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}")
    return elapsed, run.stdout + run.stderr


def _stage_seconds(output: str) -> float:
    """The sum of the stage times `build --timings` prints: the generator's work without
    interpreter start-up, imports and reading mkdocs.yml (which `mkdocs build` pays once for all)."""
    line = next(line for line in reversed(output.splitlines()) if " s · " in line or line.startswith("ingest "))
    return sum(float(part.rsplit(" ", 2)[-2]) for part in line.split(" · "))


def bench(n: int, seed: int, with_mkdocs: bool) -> dict[str, str]:
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix=f"bench-{n}-") as tmp:
        project = copy_project(Path(tmp) / "project")
        for path in (project / "seeds").iterdir():
            path.unlink()
        write_articles(project / "seeds", n, seed)
        build = [python, "-m", "generator", "build", "--cache", ".cache/extract", "--timings"]
        cold, out = timed(build, project)
        pages = next(line for line in reversed(out.splitlines()) if " pages (" in line)
        warm, _ = timed(build, project)
        write_articles(project / "seeds", 1, seed, start=n)
        add_one, out_one = timed(build, project)
        extract_only, _ = timed(
            [python, "-m", "generator", "extract", "--out", str(Path(tmp) / "facts"), *sorted(str(p) for p in (project / "seeds").glob("*.txt"))], project
        )
        row = {
            "articles": f"{n:,}",
            "extraction (articles/s, incl. start-up)": f"{(n + 1) / extract_only:.0f}",
            "generator: full build, cold cache (s)": f"{cold:.1f}",
            "generator: rebuild, no change (s)": f"{warm:.1f}",
            "generator: rebuild after adding one (s)": f"{add_one:.1f}",
            "of which in build() (s)": f"{_stage_seconds(out_one):.1f}",
            "pages written (all languages)": pages.split(" pages")[0].split(", ")[-1],
            "changed by adding one": next(line for line in reversed(out_one.splitlines()) if " pages (" in line).split("(")[-1].rstrip(")"),
        }
        if with_mkdocs:
            total, _ = timed([python, "-m", "mkdocs", "build"], project)
            row["mkdocs build, whole (s)"] = f"{total:.1f}"
            row["generator share of the build"] = f"{warm / total:.0%}"
            row["html pages in site/"] = f"{sum(1 for _ in (project / 'site').rglob('*.html')):,}"
        row["peak memory, largest process so far (MiB)"] = f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f}"
        return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-mkdocs-above", type=int, default=10**9, help="skip the whole mkdocs build above this many articles")
    args = parser.parse_args(argv)
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        rows.append(bench(n, args.seed, n <= args.skip_mkdocs_above))
        print(" | ".join(f"{k}: {v}" for k, v in rows[-1].items()), flush=True)
    keys = list(dict.fromkeys(k for row in rows for k in row))
    print(f"\nmachine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print("| " + " | ".join(keys) + " |")
    print("|" + " --- |" * len(keys))
    for row in rows:
        print("| " + " | ".join(row.get(k, "—") for k in keys) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
