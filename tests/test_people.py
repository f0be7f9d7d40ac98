"""People the gazetteer does not list (generator/people.py)."""

from __future__ import annotations

from generator.gazetteer import default
from generator.people import unlisted_people


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.entity.name) for m in unlisted_people(text, default().mentions(text))]


def test_a_given_name_and_a_surname_then_the_surname_in_any_case() -> None:
    text = "Про це повідомив Олег Синєгубов. Наймолодшому 22 роки, уточнив Синєгубов. За словами Синєгубова, все гаразд."
    assert _found(text) == [("Олег Синєгубов", "Олег Синєгубов"), ("Синєгубов", "Олег Синєгубов"), ("Синєгубова", "Олег Синєгубов")]


def test_the_name_is_taken_where_the_given_name_is_in_the_nominative() -> None:
    text = "По словам Сергея Петрова, обмен прошел. Сергей Петров добавил, что списки готовы."
    assert {name for _, name in _found(text)} == {"Сергей Петров"}


def test_a_patronymic_between_and_a_courtesy_title_with_the_given_name() -> None:
    assert _found("Глава района Сергей Иванович Петров заявил об этом.") == [("Сергей Иванович Петров", "Сергей Петров")]
    assert _found("Серед тих, хто чекав, — Галина Мороз. Пані Галина каже, що син вдома.")[-1] == ("Пані Галина", "Галина Мороз")


def test_names_the_gazetteer_knows_win_and_common_words_are_no_given_names() -> None:
    assert _found("Volodymyr Zelensky said so. Dmitry Peskov agreed.") == []
    assert _found("Roman Catholic priests helped. Mark Rutte spoke.") == []


def test_a_title_seen_before_one_persons_name_names_them_again() -> None:
    text = "Об этом сообщил губернатор региона Сергей Журавлев. Губернатор также сообщил о выплатах. По словам главы региона, все здоровы."
    assert [(m.text, m.entity.name) for m in unlisted_people(text, default().mentions(text)) if m.by_role] == [
        ("губернатор", "Сергей Журавлев"),  # the introduction itself
        ("Губернатор", "Сергей Журавлев"),
        ("главы региона", "Сергей Журавлев"),
    ]
    two = "Губернатор Сергей Журавлев и губернатор Олег Петров встретились. Губернатор сообщил об обмене."
    assert not [m for m in unlisted_people(two, default().mentions(two)) if m.by_role]


def test_a_surname_seen_only_in_another_case_is_named_in_the_nominative() -> None:
    assert {name for _, name in _found("Ми поговорили з Олексієм Тарасенком про обмін.")} == {"Олексій Тарасенко"}
    assert {name for _, name in _found("Слова Світлани Петрової цитують усі.")} == {"Світлана Петрова"}
    assert {name for _, name in _found("По словам Михаила Тарасова, списки готовы.")} == {"Михаил Тарасов"}
    # No ending fits: as written; a form after the nominative given name wins.
    assert {name for _, name in _found("Зустріч з Ігорем Мельником. Ігор Мельник сказав так.")} == {"Ігор Мельник"}


def test_a_village_head_and_a_chairwoman_are_named_again_by_their_title() -> None:
    text = "Розповів голова Вербичанської сільської ради Петро Савчин. «Так», — додав голова сільради."
    assert _found(text)[-1] == ("голова сільради", "Петро Савчин")


def test_a_given_name_before_another_persons_full_name_is_not_their_given_name() -> None:
    assert _found("Дружина Олексія Марта Бондарук чекала півтора року.")[0] == ("Марта Бондарук", "Марта Бондарук")


def test_a_name_right_after_a_title_is_a_persons_whatever_the_given_name() -> None:
    # "Roman" alone is no given name (Roman Catholic), but after a title it is one
    text = "The post came from Vinnytsia region governor Roman Levchenko. Levchenko wrote that nine came home."
    assert {name for _, name in _found(text)} == {"Roman Levchenko"}
    assert _found("Roman Catholic priests helped.") == []
