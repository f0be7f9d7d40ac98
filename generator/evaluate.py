"""Score extracted facts against gold annotations (the rules of the evaluation README).

    python -m generator.evaluate --gold-dir DIR --articles-dir DIR [--system-dir DIR] [--json]

Without --system-dir the extractor runs on the articles named by the gold files.
Matching is one-to-one and greedy in system order, per article:
events by date (or an alternative date) and type; quantities by value and what they
count; quotes by speaker and text (equal after normalisation, or one containing the other
and covering 80% of it); claims by speaker and overlapping evidence in the article;
actors and places as sets. Names compare through the gold aliases table, then by a close
spelling match.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .export import article_facts_to_dict
from .extract import extract
from .ingest import read_article

KINDS = ("events", "events_date_only", "quantities", "quotes", "claims", "actors", "places")
SCORED = tuple(k for k in KINDS if k != "events_date_only")
_QUOTE_MARKS = re.compile('["\u201c\u201d\u00ab\u00bb\u201e]')
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def normalise(value: object) -> str:
    text = unicodedata.normalize("NFKC", str(value)).lower().translate(_APOSTROPHES)
    text = " ".join(_QUOTE_MARKS.sub("", text).split())
    return text.strip(" .,;:!?'")


class NameTable:
    def __init__(self, aliases: dict[str, dict[str, list[str]]] | None):
        self.canonical: dict[str, str] = {}
        for section in ("actors", "places"):
            for name, variants in ((aliases or {}).get(section) or {}).items():
                self.canonical[normalise(name)] = normalise(name)
                for variant in variants or []:
                    self.canonical.setdefault(normalise(variant), normalise(name))

    def canon(self, name: object) -> str | None:
        return None if name is None else self.canonical.get(normalise(name), normalise(name))

    def same(self, a: object, b: object) -> bool:
        x, y = self.canon(a), self.canon(b)
        if x is None or y is None:
            return x is None and y is None
        return x == y or difflib.SequenceMatcher(None, x, y).ratio() >= 0.9


@dataclass
class Tally:
    tp: int = 0
    system: int = 0
    gold: int = 0

    def add(self, tp: int, system: int, gold: int) -> None:
        self.tp += tp
        self.system += system
        self.gold += gold

    def prf(self) -> dict[str, float | int]:
        p = self.tp / self.system if self.system else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": self.tp, "sys": self.system, "gold": self.gold}


@dataclass
class Scores:
    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    attribution: list[bool] = field(default_factory=list)
    grounding: list[bool] = field(default_factory=list)

    def result(self) -> dict[str, Any]:
        out: dict[str, Any] = {k: t.prf() for k, t in self.tallies.items()}
        out["macro_f1"] = round(sum(out[k]["f1"] for k in SCORED) / len(SCORED), 4)
        out["quantity_attribution_accuracy"] = round(sum(self.attribution) / len(self.attribution), 4) if self.attribution else None
        out["grounding_rate"] = round(sum(self.grounding) / len(self.grounding), 4) if self.grounding else None
        return out


def _pairs(gold: list[Any], system: list[Any], match: Callable[[Any, Any], bool]) -> list[tuple[int, int]]:
    taken: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for si, s in enumerate(system):
        gi = next((i for i, g in enumerate(gold) if i not in taken and match(g, s)), None)
        if gi is not None:
            taken.add(gi)
            pairs.append((gi, si))
    return pairs


def _iso(value: object) -> str | None:
    if isinstance(value, dt.date):
        return value.isoformat()
    return None if value is None else str(value)


def _spans(text: str, needle: str) -> Iterable[tuple[int, int]]:
    start = text.find(needle) if needle else -1
    while start >= 0:
        yield start, start + len(needle)
        start = text.find(needle, start + 1)


def _overlaps(text: str, a: str, b: str) -> bool:
    return any(x0 < y1 and y0 < x1 for x0, x1 in _spans(text, a) for y0, y1 in _spans(text, b))


def _texts_match(a: str, b: str) -> bool:
    x, y = normalise(a), normalise(b)
    if not x or not y:
        return False
    short, long_ = sorted((x, y), key=len)
    return x == y or (short in long_ and len(short) >= 0.8 * len(long_))


def score_article(gold: dict[str, Any], system: dict[str, Any], text: str, names: NameTable, scores: Scores) -> None:
    def items(doc: dict[str, Any], key: str) -> list[Any]:
        return list(doc.get(key) or [])

    def dates_of(event: dict[str, Any]) -> set[str | None]:
        return {_iso(event.get("date")), *(_iso(d) for d in event.get("alt_dates") or [])}

    def speaker_ok(g: dict[str, Any], s: dict[str, Any]) -> bool:
        return any(names.same(w, s.get("speaker")) for w in [g.get("speaker"), *items(g, "speaker_alt")])

    def same_figure(g: dict[str, Any], s: dict[str, Any]) -> bool:
        try:
            return float(g.get("value")) == float(s.get("value")) and normalise(g.get("counts")) == normalise(s.get("counts"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return False

    ge, se = items(gold, "events"), items(system, "events")
    scores.tallies["events"].add(len(_pairs(ge, se, lambda g, s: _iso(s.get("date")) in dates_of(g) and g.get("type") == s.get("type"))), len(se), len(ge))
    scores.tallies["events_date_only"].add(len(_pairs(ge, se, lambda g, s: _iso(s.get("date")) in dates_of(g))), len(se), len(ge))
    gq, sq = items(gold, "quantities"), items(system, "quantities")
    matched = _pairs(gq, sq, same_figure)
    scores.tallies["quantities"].add(len(matched), len(sq), len(gq))
    scores.attribution += [names.same(gq[g].get("attributed_to"), sq[s].get("attributed_to")) for g, s in matched]
    gt, st = items(gold, "quotes"), items(system, "quotes")
    scores.tallies["quotes"].add(len(_pairs(gt, st, lambda g, s: speaker_ok(g, s) and _texts_match(g.get("text", ""), s.get("text", "")))), len(st), len(gt))
    gc, sc = items(gold, "claims"), items(system, "claims")
    scores.tallies["claims"].add(
        len(_pairs(gc, sc, lambda g, s: speaker_ok(g, s) and _overlaps(text, g.get("evidence", ""), s.get("evidence", "")))), len(sc), len(gc)
    )
    for kind in ("actors", "places"):
        g_set, s_set = sorted(set(items(gold, kind))), sorted(set(items(system, kind)))
        scores.tallies[kind].add(len(_pairs(g_set, s_set, names.same)), len(s_set), len(g_set))
    evidence = [x.get("evidence") for key in ("events", "quantities", "claims") for x in items(system, key)] + [x.get("text") for x in st]
    scores.grounding += [e in text for e in evidence if e]


def evaluate(gold_dir: Path, articles_dir: Path, system_dir: Path | None = None) -> dict[str, Any]:
    aliases_path = gold_dir / "aliases.yaml"
    names = NameTable(yaml.safe_load(aliases_path.read_text(encoding="utf-8")) if aliases_path.exists() else None)
    scores = Scores()
    per_article: dict[str, dict[str, Any]] = {}
    for gold_path in sorted(gold_dir.glob("*.yaml")):
        if gold_path.stem == "aliases":
            continue
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        article_path = articles_dir / gold["article"]
        text = article_path.read_text(encoding="utf-8")
        if system_dir is None:
            system = article_facts_to_dict(extract(read_article(article_path)))
        else:
            found = next((p for p in (system_dir / f"{gold_path.stem}{ext}" for ext in (".json", ".yaml", ".yml")) if p.exists()), None)
            system = (
                (json.loads(found.read_text(encoding="utf-8")) if found.suffix == ".json" else yaml.safe_load(found.read_text(encoding="utf-8")))
                if found
                else {}
            )
        article_scores = Scores()
        score_article(gold, system or {}, text, names, article_scores)
        score_article(gold, system or {}, text, names, scores)
        per_article[gold_path.stem] = {"language": gold.get("language"), **article_scores.result()}
    result = scores.result()
    result["per_article"] = per_article
    return result


def by_language(result: dict[str, Any]) -> dict[str, dict[str, float]]:
    """Macro F1 and per-kind F1 averaged by recomputing tallies per article language."""
    grouped: dict[str, dict[str, Tally]] = {}
    for article in result["per_article"].values():
        tallies = grouped.setdefault(article["language"], {k: Tally() for k in KINDS})
        for kind in KINDS:
            tallies[kind].add(article[kind]["tp"], article[kind]["sys"], article[kind]["gold"])
    out: dict[str, dict[str, float]] = {}
    for lang, tallies in sorted(grouped.items()):
        f1 = {k: float(t.prf()["f1"]) for k, t in tallies.items()}
        f1["macro_f1"] = round(sum(f1[k] for k in SCORED) / len(SCORED), 4)
        out[lang] = f1
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--gold-dir", required=True, type=Path)
    parser.add_argument("--articles-dir", required=True, type=Path)
    parser.add_argument("--system-dir", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = evaluate(args.gold_dir, args.articles_dir, args.system_dir)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    for kind in KINDS:
        r = result[kind]
        print(f"{kind:18s} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} (tp={r['tp']} sys={r['sys']} gold={r['gold']})")
    for key in ("macro_f1", "quantity_attribution_accuracy", "grounding_rate"):
        print(f"{key:30s} {result[key]}")
    for lang, f1 in by_language(result).items():
        print(f"{lang}: " + " ".join(f"{k}={v:.2f}" for k, v in f1.items() if k != "events_date_only"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
