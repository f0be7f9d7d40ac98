import datetime as dt

import pytest

from generator.dates import find_dates, infer_year, publication_date_from_text

FRIDAY = dt.date(2025, 6, 20)


def resolved(text: str, language: str = "en", published: dt.date = FRIDAY) -> list[tuple[str, ...]]:
    return [tuple(d.isoformat() for d in m.dates) for m in find_dates(text, language, published)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("on June 2", "en", [("2025-06-02",)]),
        ("on 2 June 2025", "en", [("2025-06-02",)]),
        ("rounds on June 11 and 13", "en", [("2025-06-11", "2025-06-13")]),
        ("between 9–13 June", "en", [tuple(f"2025-06-{d:02d}" for d in range(9, 14))]),
        ("on Jun. 2, and on 4 Jun. again", "en", [("2025-06-02",), ("2025-06-04",)]),  # a month abbreviated with a full stop
        ("2 червня", "uk", [("2025-06-02",)]),
        ("11 і 13 червня", "uk", [("2025-06-11", "2025-06-13")]),
        ("2 июня 2025 года", "ru", [("2025-06-02",)]),
        ("11 и 13 июня", "ru", [("2025-06-11", "2025-06-13")]),
    ],
)
def test_absolute_dates(text: str, language: str, expected: list[tuple[str, ...]]) -> None:
    assert resolved(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Putin said on Thursday", "en", "2025-06-19"),
        ("the exchange took place on Friday", "en", "2025-06-20"),
        ("yesterday", "en", "2025-06-19"),
        ("у четвер", "uk", "2025-06-19"),
        ("у п'ятницю", "uk", "2025-06-20"),
        ("у п’ятницю", "uk", "2025-06-20"),
        ("во вторник", "ru", "2025-06-17"),
        ("накануне", "ru", "2025-06-19"),
    ],
)
def test_relative_dates_resolve_against_publication(text: str, language: str, expected: str) -> None:
    mentions = find_dates(text, language, FRIDAY)
    assert [m.dates[0].isoformat() for m in mentions] == [expected]
    assert mentions[0].basis == "relative"


def test_we_is_not_wednesday_and_may_needs_a_day() -> None:
    assert resolved("We may meet. We will see.") == []


def test_weekday_next_to_explicit_date_is_one_mention() -> None:
    mentions = find_dates("On Friday, June 20, the exchange", "en", FRIDAY)
    assert [(m.text, m.basis) for m in mentions] == [("June 20", "explicit")]


def test_next_weekday_is_future() -> None:
    (mention,) = find_dates("talks next Monday", "en", FRIDAY)
    assert mention.future and mention.dates == (dt.date(2025, 6, 23),)


def test_year_inference_crosses_new_year() -> None:
    assert infer_year(12, 28, dt.date(2026, 1, 5)) == dt.date(2025, 12, 28)
    assert infer_year(2, 30, dt.date(2026, 1, 5)) is None
    # news looks back up to ten months and ahead up to two
    assert infer_year(5, 16, dt.date(2025, 12, 5)) == dt.date(2025, 5, 16)
    assert infer_year(3, 19, dt.date(2025, 12, 5)) == dt.date(2025, 3, 19)
    assert infer_year(1, 10, dt.date(2025, 12, 20)) == dt.date(2026, 1, 10)
    assert infer_year(2, 29, dt.date(2024, 3, 10)) == dt.date(2024, 2, 29)  # a leap day in its own year


def test_publication_date_from_dateline_with_year() -> None:
    assert publication_date_from_text("KYIV, June 20, 2025 (Reuters) - The exchange", "en") == (dt.date(2025, 6, 20), "dateline")


def test_publication_date_from_weekday_and_named_year() -> None:
    body = "Kyiv, June 20 (NationPress) On Friday, June 20, the sides met. The 2025 talks continue."
    assert publication_date_from_text(body, "en") == (dt.date(2025, 6, 20), "weekday")


def test_no_publication_date_without_a_year() -> None:
    assert publication_date_from_text("Kyiv, June 20 (NationPress) On Friday, the sides met.", "en") is None


def test_ranges_are_spans_and_lists_are_not() -> None:
    [span] = find_dates("between June 11 and June 16", "en", FRIDAY)
    assert span.span and len(span.dates) == 6 and span.text == "between June 11 and June 16"
    [span_uk] = find_dates("з 9 по 14 червня", "uk", FRIDAY)
    assert span_uk.span and span_uk.dates[0] == dt.date(2025, 6, 9)
    [listed] = find_dates("June 11 and 13", "en", FRIDAY)
    assert not listed.span


def test_relative_adjectives() -> None:
    assert resolved("итоги вчерашнего раунда", "ru") == [("2025-06-19",)]
    assert resolved("на вчорашніх переговорах", "uk") == [("2025-06-19",)]
    assert resolved("yesterday's talks", "en") == [("2025-06-19",)]


def test_a_day_written_with_its_case_ending() -> None:
    published = dt.date(2025, 10, 8)
    assert [m.dates for m in find_dates("Востаннє так було 19-го березня, а потім 3-го жовтня.", "uk", published)] == [
        (dt.date(2025, 3, 19),),
        (dt.date(2025, 10, 3),),
    ]
    assert [m.dates for m in find_dates("Обмен прошел 5-го мая.", "ru", published)] == [(dt.date(2025, 5, 5),)]


def test_a_day_of_the_month_named_alone_is_the_last_such_day() -> None:
    published = dt.date(2025, 9, 15)
    assert [m.dates for m in find_dates("the second swap this month: the first, on the 4th, brought back 84", "en", published)] == [(dt.date(2025, 9, 4),)]
    assert [m.dates for m in find_dates("They met on the 20th, a week earlier.", "en", published)] == [(dt.date(2025, 8, 20),)]
    assert find_dates("on the 4th round of talks", "en", published) == []
    assert [m.dates for m in find_dates("Обмін відбувся 4-го числа.", "uk", published)] == [(dt.date(2025, 9, 4),)]


def test_a_day_named_alone_takes_the_month_of_the_date_before_it_unless_it_is_recent() -> None:
    published = dt.date(2025, 9, 20)
    anchored = find_dates("On 11 May Putin proposed talks. The delegations sat down on the 16th.", "en", published)
    assert [m.dates for m in anchored] == [(dt.date(2025, 5, 11),), (dt.date(2025, 5, 16),)]
    recent = find_dates("The last exchange, on August 24, went ahead. Last week, on the 14th, bodies were returned.", "en", published)
    assert [m.dates for m in recent] == [(dt.date(2025, 8, 24),), (dt.date(2025, 9, 14),)]


def test_a_weekday_of_the_week_before_last() -> None:
    wednesday = dt.date(2025, 10, 15)
    assert resolved("Позаминулого четверга з полону повернулися 185 захисників", "uk", wednesday) == [("2025-10-02",)]
    assert resolved("в позапрошлую среду", "ru", wednesday) == [("2025-10-01",)]
    assert resolved("on Thursday before last", "en", wednesday) == [("2025-10-02",)]
