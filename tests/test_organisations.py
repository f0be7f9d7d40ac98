"""Organisations the gazetteer does not list (generator/organisations.py) and what they say."""

from __future__ import annotations

import datetime as dt

from generator.extract import extract
from generator.gazetteer import default
from generator.model import Article
from generator.organisations import unlisted_organisations


def _found(text: str, language: str) -> list[tuple[str, str, bool]]:
    return [(m.text, m.entity.name, m.by_role) for m in unlisted_organisations(text, language, default().mentions(text))]


def _facts(body: str, language: str) -> tuple[set[str], set[tuple[int, str | None]], set[str]]:
    facts = extract(Article("a.txt", "t", body, dt.date(2025, 10, 4), language, source="Outlet"))
    return {c.speaker for c in facts.claims}, {(q.value or 0, q.attributed_to) for q in facts.quantities}, set(facts.actors)


def test_an_english_name_built_on_a_head_word_then_the_head_word_alone() -> None:
    text = (
        "Thirty-seven soldiers whose relatives belong to the Svitanok Association of Families of Prisoners of War were freed, "
        "the association said. The Vinnytsia-based group keeps a register."
    )
    name = "Svitanok Association of Families of Prisoners of War"
    assert _found(text, "en") == [(name, name, False), ("the association", name, True), ("The Vinnytsia-based group", name, True)]
    speakers, figures, actors = _facts(text, "en")
    assert speakers == {name} and (37, name) in figures and name in actors


def test_a_quoted_name_after_its_head_is_an_organisation_not_a_quote() -> None:
    text = "Допомагатиме благодійний фонд «Берег надії». Від початку року фонд допоміг понад 70 звільненим захисникам, повідомили в організації."
    assert [name for _, name, _ in _found(text, "uk")] == ["Берег надії", "Берег надії", "Берег надії"]
    facts = extract(Article("a.txt", "t", text, dt.date(2025, 8, 25), "uk", source="Outlet"))
    assert facts.quotes == ()


def test_a_regional_administration_and_its_abbreviation() -> None:
    text = "Про це повідомили в телеграм-каналі Рівненської обласної військової адміністрації. За даними ОВА, це дев'ятеро військових."
    administration = "Рівненської обласної військової адміністрації"
    assert _found(text, "uk") == [(administration, administration, False), ("ОВА", administration, True)]
    speakers, figures, _ = _facts(text, "uk")
    assert administration in speakers and (9, administration) in figures


def test_a_city_department_referred_to_by_its_head_word() -> None:
    text = "В управлении социальной политики администрации Кирова рассказали о помощи. По данным управления, из плена вернулись 17 горожан."
    department = "управлении социальной политики администрации Кирова"
    assert _found(text, "ru")[-1] == ("управления", department, True)
    assert (17, department) in _facts(text, "ru")[1]


def test_a_head_word_with_nothing_named_before_it_or_starting_another_name_is_left_alone() -> None:
    assert _found("The association has not said anything yet.", "en") == []
    assert _found("Фонд «Берег надії» допоміг. Дані адміністрації Президента інші.", "uk") == [("Фонд «Берег надії»", "Берег надії", False)]


def test_an_organisation_named_only_in_someones_title_is_no_actor() -> None:
    text = "Rustem Umerov, the secretary of the National Security and Defence Council, said 1,200 prisoners would be freed."
    assert "National Security and Defence Council" not in _facts(text, "en")[2]
    text = "Daniel Okafor, a researcher at the Institute for Humanitarian Negotiation, said the lists were long."
    assert "Institute for Humanitarian Negotiation" not in _facts(text, "en")[2]


def test_a_body_or_country_inside_a_name_is_part_of_it_but_not_the_gazetteers_own_name() -> None:
    # an invented mission: the gazetteer lists the real monitoring mission, and "the mission" as its role
    text = "Torture is widespread, the UN Humanitarian Verification Mission in Ukraine said. The Kyiv-based mission said more."
    mission = "UN Humanitarian Verification Mission in Ukraine"
    assert _found(text, "en") == [(mission, mission, False), ("The Kyiv-based mission", mission, True)]
    speakers, _, actors = _facts(text, "en")
    assert speakers == {mission} and actors == {mission}  # the UN and Ukraine only name it here
    assert _found("The Russian Federation said so.", "en") == []  # the gazetteer's Russia
    assert [name for _, name, _ in _found("Правозахисна група «Людський вимір» закликала МКЧХ діяти.", "uk")] == ["Людський вимір"]


def test_one_organisation_in_every_case_it_is_written_in() -> None:
    text = "Про це повідомили в Рівненській обласній військовій адміністрації. Рівненська обласна військова адміністрація додала: ОВА дякує."
    assert {name for _, name, _ in _found(text, "uk")} == {"Рівненська обласна військова адміністрація"}
