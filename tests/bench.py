"""Extraction benchmark: throughput (articles/s, one process) and peak memory.

    python -m tests.bench [--n 300] [--seed 7]

Generates N deterministic ~3 KB articles in en/uk/ru from the sentence templates below
(seeded random, no network), adds the real corpus and seed articles, and prints:

- start-up: importing the extractor and the first call (data tables, gazetteer, pymorphy3
  dictionaries), measured once and kept out of the throughput figures;
- throughput on the generated articles and on the real ones (time.perf_counter, no tracing);
- peak memory: tracemalloc's peak over a second, traced pass (Python allocations only) and
  the process's maximum resident set size (resource.getrusage; includes the interpreter).

It is a script that prints figures, not a timed test: machines differ.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.model import Article

ROOT = Path(__file__).resolve().parent.parent
TARGET_BYTES = 3000
TARGET_RATE = 100.0

# Slots: {day} {month} {weekday} {n} {m} {person} {place} {rel}. Every template is ordinary
# wire copy of the genre: exchanges, handovers of bodies, talks, truces, statements, plans.
TEMPLATES: dict[str, dict[str, list[str]]] = {
    "en": {
        "slots_month": ["May", "June", "July"],
        "slots_weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        "slots_person": ["Volodymyr Zelensky", "Rustem Umerov", "Vladimir Medinsky", "Dmitry Peskov", "Dmytro Lubinets", "Hakan Fidan"],
        "slots_place": ["Istanbul", "Kyiv", "Moscow", "Belarus", "Ankara"],
        "slots_rel": ["yesterday", "on {weekday}", "the day before"],
        "sentences": [
            "Russia and Ukraine carried out a prisoner exchange on {day} {month}, each side handing over {n} prisoners of war.",
            "Ukraine received the bodies of {m} fallen soldiers {rel}, the Coordination Headquarters said.",
            'The talks in {place} lasted less than two hours, {person} said. "We are ready for the next step," he added.',
            "According to {person}, more than {m} civilians remain in Russian captivity.",
            "{person} said on {weekday} that another exchange could take place next week.",
            "A local ceasefire took effect on {day} {month} so that the dead could be collected near the front.",
            "The delegations met at Çırağan Palace in {place} on {day} {month} and agreed to swap {n} for {n}.",
            "Officials did not specify how many soldiers were among those released.",
            "The next round of talks is expected to take place in {place} after {day} {month}.",
            "Exchanges of wounded prisoners took place on {day} and {day2} {month}, {person} wrote on Telegram.",
        ],
    },
    "uk": {
        "slots_month": ["травня", "червня", "липня"],
        "slots_weekday": ["у понеділок", "у вівторок", "у середу", "у четвер", "у п'ятницю", "у суботу"],
        "slots_person": ["Володимир Зеленський", "Рустем Умєров", "Дмитро Лубінець", "Андрій Сибіга"],
        "slots_place": ["Стамбулі", "Києві", "Москві"],
        "slots_rel": ["вчора", "позавчора", "напередодні"],
        "sentences": [
            "Україна та Росія провели обмін полоненими {day} {month}: додому повернулися {n} українців.",
            "{rel} в Україну повернули тіла {m} загиблих, повідомили в Коордштабі.",
            "«Ми повертаємо наших людей», — заявив {person}.",
            "За словами {person}, понад {m} цивільних досі перебувають у полоні.",
            "{person} {weekday} заявив, що наступний обмін може відбутися найближчим часом.",
            "Режим тиші набув чинності {day} {month} на окремих ділянках фронту.",
            "Делегації зустрілися в {place} {day} {month} і домовилися про обмін {n} на {n}.",
            "Кількість звільнених військових не уточнили.",
            "Наступний раунд переговорів у {place} має відбутися після {day} {month}.",
            "Етапи обміну відбулися {day} і {day2} {month}, написав {person} у Telegram.",
        ],
    },
    "ru": {
        "slots_month": ["мая", "июня", "июля"],
        "slots_weekday": ["в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу"],
        "slots_person": ["Владимир Мединский", "Дмитрий Песков", "Татьяна Москалькова", "Владимир Путин"],
        "slots_place": ["Стамбуле", "Москве", "Киеве"],
        "slots_rel": ["вчера", "позавчера", "накануне"],
        "sentences": [
            "Россия и Украина провели обмен пленными {day} {month}: каждая сторона передала по {n} военнопленных.",
            "{rel} Украине передали тела {m} погибших военнослужащих, сообщило Минобороны России.",
            "«Мы возвращаем наших людей», — заявил {person}.",
            "По словам {person}, более {m} мирных жителей остаются в плену.",
            "{person} {weekday} заявил, что следующий обмен может состояться в ближайшее время.",
            "Режим тишины вступил в силу {day} {month} на отдельных участках фронта.",
            "Делегации встретились в {place} {day} {month} и договорились об обмене {n} на {n}.",
            "Ведомство не уточнило, сколько военных было освобождено.",
            "Следующий раунд переговоров в {place} должен состояться после {day} {month}.",
            "Этапы обмена прошли {day} и {day2} {month}, написал {person} в Telegram.",
        ],
    },
}


def generate(n: int, seed: int) -> list[Article]:
    """N articles, languages in turn, each ~3 KB; identical for the same seed."""
    from generator.model import Article

    rng = random.Random(seed)
    out: list[Article] = []
    for i in range(n):
        language = ("en", "uk", "ru")[i % 3]
        t = TEMPLATES[language]
        paragraphs: list[str] = []
        size = 0
        while size < TARGET_BYTES:
            day = rng.randint(1, 27)
            slots = {
                "day": day,
                "day2": day + 1,
                "month": rng.choice(t["slots_month"]),
                "weekday": rng.choice(t["slots_weekday"]),
                "n": f"{rng.choice([84, 150, 307, 390, 1000, 1200]):,}".replace(",", " " if language != "en" else ","),
                "m": f"{rng.randint(12, 6100):,}".replace(",", "\u00a0" if language != "en" else ","),
                "person": rng.choice(t["slots_person"]),
                "place": rng.choice(t["slots_place"]),
            }
            slots["rel"] = rng.choice(t["slots_rel"]).format(**slots)
            sentences = [rng.choice(t["sentences"]).format(**slots) for _ in range(rng.randint(2, 4))]
            paragraph = " ".join(s[0].upper() + s[1:] for s in sentences)
            paragraphs.append(paragraph)
            size += len(paragraph.encode("utf-8")) + 2
        published = dt.date(2025, 7, 28)
        out.append(Article(file=f"bench_{i:04d}.txt", title=f"bench {i}", body="\n\n".join(paragraphs), published=published, language=language))
    return out


def real_articles() -> list[Article]:
    from generator.ingest import read_article

    paths = sorted((ROOT / "tests" / "corpus" / "articles").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    return [read_article(p) for p in paths]


def run(articles: list[Article]) -> tuple[float, int]:
    from generator.extract import extract

    facts = 0
    start = time.perf_counter()
    for a in articles:
        f = extract(a)
        facts += len(f.events) + len(f.quantities) + len(f.quotes) + len(f.claims)
    return time.perf_counter() - start, facts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="generated articles (default 300)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    from generator.extract import extract

    generated = generate(args.n, args.seed)
    extract(generated[0])  # data tables, gazetteer, morphology
    startup = time.perf_counter() - t0
    real = real_articles()
    sizes = [len(a.body.encode("utf-8")) for a in generated]
    real_sizes = [len(a.body.encode("utf-8")) for a in real]

    gen_time, gen_facts = run(generated)
    real_time, real_facts = run(real)
    rate = len(generated) / gen_time

    tracemalloc.start()
    run(generated[: min(len(generated), 60)] + real)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    maxrss_mb = maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024

    print(f"start-up (import + first extract, once): {startup:.2f} s")
    print(
        f"generated: {len(generated)} articles, mean {sum(sizes) / len(sizes) / 1024:.1f} KB, "
        f"{gen_time:.2f} s -> {rate:.0f} articles/s ({sum(sizes) / gen_time / 1024:.0f} KB/s), {gen_facts} facts"
    )
    print(
        f"real corpus + seeds: {len(real)} articles, mean {sum(real_sizes) / len(real_sizes) / 1024:.1f} KB, "
        f"{real_time:.2f} s -> {len(real) / real_time:.0f} articles/s, {real_facts} facts"
    )
    print(f"peak memory: tracemalloc {peak / 1024 / 1024:.1f} MiB (extraction working set after start-up), max RSS {maxrss_mb:.0f} MiB (process)")
    print(f"target >= {TARGET_RATE:.0f} articles/s on ~3 KB articles: {'met' if rate >= TARGET_RATE else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
