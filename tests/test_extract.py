import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from generator.export import article_facts_to_dict
from generator.extract import extract
from generator.ingest import read_article
from generator.model import Article

ROOT = Path(__file__).resolve().parent.parent


def article(body: str, language: str = "en", published: dt.date = dt.date(2025, 6, 20)) -> Article:
    return Article(file="t.txt", title="t", body=body, published=published, language=language)


def test_every_evidence_is_an_exact_substring_with_its_span() -> None:
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        a = read_article(path)
        facts = extract(a)
        evidences = [e.evidence for e in facts.events] + [q.evidence for q in facts.quantities]
        evidences += [c.evidence for c in facts.claims] + [q.evidence for q in facts.quotes]
        assert evidences
        for ev in evidences:
            assert a.body[ev.start : ev.end] == ev.text
            assert ev.rule


def test_planned_things_are_not_events() -> None:
    facts = extract(article("Moscow is ready to hold a new prisoner exchange on June 25. The next round of talks will take place on June 23."))
    assert facts.events == ()


def test_list_of_days_gives_one_event_per_day() -> None:
    facts = extract(article("Prisoner exchanges took place on June 11 and 13."))
    assert [(e.date.isoformat(), e.type) for e in facts.events] == [("2025-06-11", "prisoner_exchange"), ("2025-06-13", "prisoner_exchange")]


def test_figures_with_qualifiers_words_and_inheritance() -> None:
    facts = extract(article('"We returned over 6,000 bodies and received 57 in return," Putin said. Ukraine got six thousand prisoners back.'))
    got = {(q.value, q.counts, q.qualifier, q.attributed_to) for q in facts.quantities}
    assert (6000, "bodies", "more_than", "Vladimir Putin") in got
    assert (57, "bodies", "exact", "Vladimir Putin") in got
    assert (6000, "prisoners", "exact", None) in got


def test_ages_and_durations_are_not_figures() -> None:
    facts = extract(article("Soldiers under 25 years of age were held for more than two years."))
    assert facts.quantities == ()


def test_undisclosed_figure() -> None:
    facts = extract(article("The ministry did not specify how many prisoners were released."))
    assert [(q.value, q.qualifier, q.counts) for q in facts.quantities] == [(None, "undisclosed", "prisoners")]


def test_quote_speaker_by_pronoun_and_role() -> None:
    body = 'Zelensky spoke in Kyiv. "We will bring everyone home," he said. "This is a good day for all of us," the Ukrainian leader added.'
    facts = extract(article(body))
    assert [(q.speaker, q.text) for q in facts.quotes] == [
        ("Volodymyr Zelensky", "We will bring everyone home"),
        ("Volodymyr Zelensky", "This is a good day for all of us"),
    ]


def test_guillemets_and_ukrainian_attribution() -> None:
    body = "«Ми повернули додому ще 84 захисники», — заявив Зеленський."
    facts = extract(article(body, "uk"))
    assert [(q.speaker, q.text) for q in facts.quotes] == [("Volodymyr Zelensky", "Ми повернули додому ще 84 захисники")]


def test_claims_by_according_to() -> None:
    facts = extract(article("According to Putin, the talks in Istanbul were useful."))
    assert [c.speaker for c in facts.claims] == ["Vladimir Putin"]
    assert facts.places == ("Istanbul",)


def test_export_is_identical_across_hash_seeds() -> None:
    outputs = []
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        files = map(str, sorted((ROOT / "seeds").glob("*.txt")))
        run = subprocess.run([sys.executable, "-m", "generator", "extract", *files], capture_output=True, env=env, cwd=ROOT, check=True)
        outputs.append(run.stdout)
    assert outputs[0] == outputs[1]
    docs = json.loads(outputs[0])
    assert [d["article"]["file"] for d in docs] == ["000_0ee01c4a5faa6e0f.txt", "001_779d396093d27fb8.txt"]


def test_export_contract_fields() -> None:
    doc = article_facts_to_dict(extract(read_article(ROOT / "seeds" / "000_0ee01c4a5faa6e0f.txt")))
    assert set(doc) >= {"article", "events", "quantities", "quotes", "claims", "actors", "places"}
    assert {"date", "type", "summary", "evidence"} <= set(doc["events"][0])
    assert {"value", "counts", "qualifier", "who", "attributed_to", "evidence"} <= set(doc["quantities"][0])


def _claims(body: str, language: str = "en") -> list[str]:
    return [c.speaker for c in extract(article(body, language)).claims]


def test_claim_subject_with_job_title_is_the_person() -> None:
    assert _claims("Ukraine's Foreign Minister Andrii Sybiha wrote on X that Russia had rejected a ceasefire.") == ["Andrii Sybiha"]


def test_claim_speaker_at_sentence_end_wins_over_earlier_verb() -> None:
    assert _claims("Ukraine proposed a meeting of the two presidents before the end of August, Umerov said.") == ["Rustem Umerov"]


def test_claim_subject_before_verb_not_the_object_after() -> None:
    assert _claims("Medinsky also said Russia would hand over more bodies.") == ["Vladimir Medinsky"]


def test_claim_inverted_russian_verb_with_title_before_name() -> None:
    body = "Российская сторона передала Украине тела погибших, сообщил помощник президента России Владимир Мединский."
    assert _claims(body, "ru") == ["Vladimir Medinsky"]


def test_claim_possessive_pronoun_cue() -> None:
    body = "Лубінець нагадав про цивільних. За його словами, наступні етапи можуть охопити до 1 000 людей."
    assert _claims(body, "uk") == ["Dmytro Lubinets", "Dmytro Lubinets"]


def test_claim_inflected_organisation_as_speaker() -> None:
    assert _claims("У Коордштабі наголосили, що дат передачі тіл не погоджували.", "uk") == ["Coordination Headquarters for the Treatment of Prisoners of War"]


def test_claim_live_blog_colon_lead() -> None:
    assert _claims("15:10 — Medinsky: the sides agreed to swap all severely wounded prisoners.") == ["Vladimir Medinsky"]


def test_claims_one_per_coordinated_speaker() -> None:
    body = "Macron, Merz and Starmer demanded that Russia accept a ceasefire."
    assert _claims(body) == ["Emmanuel Macron", "Friedrich Merz", "Keir Starmer"]


def test_unnamed_source_speaks_but_is_not_an_actor() -> None:
    facts = extract(article("The talks ended after an hour, a source in the Ukrainian delegation told us."))
    assert [c.speaker for c in facts.claims] == ["Ukrainian delegation source"]
    assert "Ukrainian delegation source" not in facts.actors


def test_short_quoted_fragment_is_a_quote_formula_is_not() -> None:
    facts = extract(article('Peskov called the claims "absurd". The sides agreed on an "all-for-all" formula.'))
    assert [(q.speaker, q.text) for q in facts.quotes] == [("Dmitry Peskov", "absurd")]


def test_role_shared_by_two_people_is_the_one_named_last() -> None:
    body = "Москалькова провела встречу. Омбудсмен также сообщила, что передала списки."
    assert _claims(body, "ru") == ["Tatyana Moskalkova"]


def test_quote_speaker_after_dash_in_russian_with_role() -> None:
    body = "Мединский выступил в Стамбуле. «Мы ждём ответа», — заявил глава российской делегации."
    facts = extract(article(body, "ru"))
    assert [(q.speaker, q.text) for q in facts.quotes] == [("Vladimir Medinsky", "Мы ждём ответа")]


def test_inflected_names_and_places_match() -> None:
    facts = extract(article("Делегації зустрілися у Женеві. Сибіга подякував Туреччині, а Трампа поінформували.", "uk"))
    assert {"Andrii Sybiha", "Donald Trump"} <= set(facts.actors)
    assert "Geneva" in facts.places


def test_figure_in_attributed_claim_takes_its_speaker() -> None:
    facts = extract(article("Umerov said Ukraine had given the Russian side a list of 339 children."))
    assert [(q.value, q.counts, q.attributed_to) for q in facts.quantities] == [(339, "children", "Rustem Umerov")]


def test_nearest_count_noun_decides() -> None:
    facts = extract(article("The ministry said 270 servicemen and civilians were returned."))
    assert [(q.value, q.counts) for q in facts.quantities] == [(270, "soldiers")]


def test_exchange_formula_counts_prisoners() -> None:
    facts = extract(article("Стороны провели обмен по формуле «1000 на 1000».", "ru"))
    assert [(q.value, q.counts) for q in facts.quantities] == [(1000, "prisoners")]


def test_ukrainian_and_russian_return_phrasings_are_exchanges() -> None:
    uk = extract(article("Сьогодні, 20 червня, додому повернулися 150 захисників.", "uk"))
    ru = extract(article("В пятницу, 20 июня, возвращены 84 российских военнослужащих.", "ru"))
    assert [e.type for e in uk.events] == ["prisoner_exchange"]
    assert [e.type for e in ru.events] == ["prisoner_exchange"]


def test_handed_over_is_not_more_than_and_one_is_not_a_count() -> None:
    facts = extract(article('Each side handed over 150 prisoners. "We bring every one of our people back," he said.'))
    assert [(q.value, q.qualifier, q.counts) for q in facts.quantities] == [(150, "exact", "prisoners")]


def events_of(body: str, language: str = "en", published: dt.date = dt.date(2025, 6, 20)) -> list[tuple[str, str]]:
    return [(e.date.isoformat(), e.type) for e in extract(article(body, language, published)).events]


def test_date_of_a_statement_is_not_the_date_of_the_event() -> None:
    assert events_of("Medinsky said on Thursday that the sides had agreed on a prisoner exchange.") == []
    assert events_of("Мединский накануне заявил, что стороны договорились об обмене пленными.", "ru") == []
    # the adjective dates the talks, not the comment
    assert events_of("Песков во вторник прокомментировал итоги вчерашнего раунда переговоров.", "ru") == [("2025-06-19", "talks")]


def test_each_date_takes_the_nearest_free_trigger() -> None:
    body = "On 10 June, in accordance with the agreements reached on 2 June in Istanbul, a group of wounded servicemen was returned."
    assert events_of(body) == [("2025-06-02", "talks"), ("2025-06-10", "prisoner_exchange")]


def test_ranges_give_days_only_when_run_day_by_day() -> None:
    assert events_of("Between 9–13 June the sides held several stages of prisoner exchanges.") == []
    assert events_of("Exchanges of prisoners between June 11 and June 16 brought 600 home.") == []
    days = events_of("The exchange was carried out over three days, 23–25 May.")
    assert days == [("2025-05-23", "prisoner_exchange"), ("2025-05-24", "prisoner_exchange"), ("2025-05-25", "prisoner_exchange")]


def test_truce_over_a_range_is_one_ceasefire_event() -> None:
    body = "The three-day truce declared for 8–10 May ended on Saturday amid accusations of violations."
    assert events_of(body, published=dt.date(2025, 5, 13)) == [("2025-05-08", "ceasefire")]


def test_object_of_a_demand_or_agreement_is_not_an_event() -> None:
    assert events_of("On Saturday the leaders demanded that Russia accept a 30-day ceasefire starting on Monday.") == []
    uk = events_of("Сторони домовилися про повернення загиблих на переговорах у Стамбулі 2 червня.", "uk")
    assert uk == [("2025-06-02", "talks")]


def test_remains_handover_with_words_between_verb_and_bodies() -> None:
    assert events_of("У понеділок в Україну повернули ще 1 245 тіл.", "uk") == [("2025-06-16", "remains_return")]
    assert events_of("Россия накануне передала Украине тела 1000 погибших.", "ru") == [("2025-06-19", "remains_return")]
    assert events_of("On Wednesday Ukraine received the bodies of 1,000 soldiers. The handover took place near the border.") == [
        ("2025-06-18", "remains_return")
    ]


def test_anaphoric_stage_takes_the_type_of_what_follows_or_precedes() -> None:
    body = "Ukraine received 1,212 bodies on Wednesday. On Tuesday the second stage of the prisoner exchange took place."
    assert events_of(body) == [("2025-06-17", "prisoner_exchange"), ("2025-06-18", "remains_return")]


def test_live_blog_entries_take_the_day_of_their_heading() -> None:
    body = "Понедельник, 9 июня.\n\n11:20. Делегации собрались во дворце Чыраган.\n\n11:45. Мединский: договорились об обмене «1200 на 1200»."
    assert events_of(body, "ru", dt.date(2025, 6, 9)) == [("2025-06-09", "talks")]
    # without a heading, "overnight" gives no day
    stamped = "09:40 — The remains of 1,000 people were received overnight.\n\n10:15 — More updates."
    assert events_of(stamped, published=dt.date(2025, 7, 18)) == []


def test_dateline_is_not_an_event_date() -> None:
    body = "KYIV, May 24 — Russia and Ukraine on Friday carried out the first stage of a prisoner exchange."
    assert events_of(body, published=dt.date(2025, 5, 24)) == [("2025-05-23", "prisoner_exchange")]


def test_report_sentence_dates_the_event_before_it() -> None:
    body = "Україна повернула з російського полону ще одну групу військових. Про це в четвер, 26 червня, повідомив Зеленський."
    assert events_of(body, "uk", dt.date(2025, 6, 26)) == [("2025-06-26", "prisoner_exchange")]


def test_two_days_before_and_the_day_before() -> None:
    assert events_of("Позавчора відбувся обмін полоненими.", "uk") == [("2025-06-18", "prisoner_exchange")]
    assert events_of("Накануне состоялся обмен пленными.", "ru") == [("2025-06-19", "prisoner_exchange")]


def test_a_truce_with_start_and_end_dates_is_one_event() -> None:
    body = "Тридцатичасовое перемирие вступило в силу 19 апреля и закончилось в ночь на 21 апреля."
    assert events_of(body, "ru") == [("2025-04-19", "ceasefire")]


def test_accused_violations_of_a_truce_are_claims_not_ceasefires() -> None:
    assert events_of("Москва обвинила Киев в нарушении режима тишины в пятницу.", "ru") == []
    assert events_of("Ukraine said Russia violated the ceasefire on Friday.") == []
    assert events_of("У п'ятницю Київ заявив про порушення перемир'я.", "uk") == []


def test_clock_times_and_vague_hundreds_are_not_figures() -> None:
    body = "09:40 — Ukraine received 1,200 bodies; Russia got back 27.\n\n10:15 — Several hundred soldiers came home."
    facts = extract(article(body))
    assert [(q.value, q.counts) for q in facts.quantities] == [(1200, "bodies"), (27, "bodies")]


def _figures(body: str, language: str = "en") -> set[tuple[int | None, str]]:
    return {(q.value, q.counts) for q in extract(article(body, language)).quantities}


def test_russian_and_ukrainian_number_words_in_oblique_cases() -> None:
    assert (6000, "bodies") in _figures("Речь шла о шести тысячах тел с каждой стороны.", "ru")
    assert (7000, "bodies") in _figures("Россия передала более семи тысяч тел.", "ru")
    assert (2000, "prisoners") in _figures("Повернули понад дві тисячі полонених.", "uk")
    assert (1200, "prisoners") in _figures("Вернулись 1,2 тыс. пленных.", "ru")


def test_a_lone_thousand_is_one_thousand_only_after_a_qualifier() -> None:
    assert (1000, "people") in _figures("Украина рассчитывает вернуть «более тысячи» человек.", "ru")
    assert (1000, "bodies") in _figures("В Україну повернули тіла тисячі загиблих.", "uk")
    assert _figures("Тысячи пленных ждут обмена.", "ru") == set()


def test_collective_numerals_are_head_counts() -> None:
    assert (3, "civilians") in _figures("Домой вернулись трое мирных жителей.", "ru")
    assert (5, "soldiers") in _figures("Повернулися п'ятеро військових.", "uk")


def test_english_multiplier_words_multiply() -> None:
    assert (500, "prisoners") in _figures("Five hundred prisoners were freed.")
    assert (1000, "soldiers") in _figures("A thousand soldiers came home.")


def test_elliptic_figures_inherit_the_last_counted_noun() -> None:
    assert (307, "people") in _figures("390 people came home on the first day, 307 on the second.")
    assert (97, "bodies") in _figures("Russia handed over 6,060 bodies and has received only 97.")
    assert (78, "bodies") in _figures("Россия передала Украине 6060 тел, получив взамен 78.", "ru")
    assert (19, "bodies") in _figures("Украине передали 6000 тел, а России — 19.", "ru")
    assert (57, "bodies") in _figures("Росія передала 6 000 тіл, лише 57 отриманих.", "uk")


def test_a_bare_nationality_takes_its_category_from_the_sentence() -> None:
    assert (5000, "prisoners") in _figures("More than 5,000 Ukrainians have been freed from Russian captivity.")
    assert (8000, "prisoners") in _figures("В плену находятся около 8 000 украинцев.", "ru")
    assert (8000, "people") in _figures("Россия удерживает более 8 000 украинцев.", "ru")


def test_the_dead_are_bodies_only_in_a_sentence_about_their_return() -> None:
    assert (2400, "bodies") in _figures("Додому повернули понад 2 400 загиблих.", "uk")
    assert _figures("Внаслідок удару 12 загиблих.", "uk") == set()


def test_losses_per_day_are_not_head_counts() -> None:
    assert _figures("Russian forces were losing about 1,000 troops a day.") == set()
    assert _figures("Росія щодня втрачає близько тисячі військових.", "uk") == set()


def test_an_elliptic_figure_takes_the_noun_before_it_in_its_sentence() -> None:
    assert (6000, "bodies") in _figures("Стороны условились вернуть тела погибших — по шесть тысяч с каждой стороны.", "ru")
    assert (6000, "bodies") in _figures('Russia handed over 57 bodies. Putin said Russia had returned "more than 6,000".')


def test_an_elliptic_figure_with_a_thousands_separator_is_not_a_year() -> None:
    assert (2000, "bodies") in _figures("Россия передала 6 060 тел. «Мы готовы передать ещё более 2 000», — сказал он.", "ru")
    assert _figures("Россия передала 6060 тел. Ещё 2019 — год начала.", "ru") == {(6060, "bodies")}


def test_a_formula_does_not_take_its_noun_across_a_colon() -> None:
    assert (84, "prisoners") in _figures("Обмен прошёл по формуле «84 на 84»: Россия вернула военнослужащих.", "ru")


def test_capital_used_as_government_is_the_country_not_a_place() -> None:
    facts = extract(article("Moscow accused Kyiv of delaying the handover. Kyiv said it was ready."))
    assert "Moscow" not in facts.places and "Kyiv" not in facts.places
    assert {"Russia", "Ukraine"} <= set(facts.actors)
    ru = extract(article("Песков заявил, что Москва готова продолжить обмены.", language="ru"))
    assert "Moscow" not in ru.places and "Russia" in ru.actors


def test_capital_used_as_location_stays_a_place() -> None:
    facts = extract(article("The freed soldiers were flown to Moscow. Talks in Kyiv are planned."))
    assert {"Moscow", "Kyiv"} <= set(facts.places)
    uk = extract(article("Лідери Франції та Німеччини побували у Києві.", language="uk"))
    assert "Kyiv" in uk.places


def test_impersonal_voice_in_a_capital_is_not_a_place() -> None:
    ru = extract(article("Как утверждают в Киеве, Россия удерживает пленных.", language="ru"))
    assert "Kyiv" not in ru.places and "Ukraine" in ru.actors
    uk = extract(article("Передача тіл, за словами джерел у Києві, відбудеться наступного тижня.", language="uk"))
    assert "Kyiv" not in uk.places
    for text in ("В Киеве заявили, что Москва затягивает обмен.", "В Киеве также заявили, что Москва затягивает обмен."):
        said = extract(article(text, language="ru"))
        assert "Kyiv" not in said.places and "Ukraine" in said.actors, text


def test_dateline_names_places_even_in_capitals() -> None:
    facts = extract(article("KYIV/MOSCOW — Moscow accused Kyiv of delaying.\n\nISTANBUL, July 23 — More talks."))
    assert {"Kyiv", "Moscow", "Istanbul"} <= set(facts.places)


def test_a_year_after_in_is_not_a_head_count() -> None:
    facts = extract(article("Those freed included soldiers captured in 2022 as well as civilians held for years."))
    assert [q.value for q in facts.quantities] == []


def test_the_noun_after_a_partitive_decides_what_is_counted() -> None:
    facts = extract(article("According to the ombudsman, 33 of the freed Ukrainians were civilians."))
    assert [(q.value, q.counts) for q in facts.quantities] == [(33, "civilians")]


def test_a_negated_reporting_verb_names_no_speaker() -> None:
    body = "Dmytro Lubinets told reporters that more than 8,000 Ukrainians remained in captivity, a figure Russia has not confirmed."
    facts = extract(article(body))
    assert [c.speaker for c in facts.claims] == ["Dmytro Lubinets"]
    assert [q.attributed_to for q in facts.quantities] == ["Dmytro Lubinets"]


def test_by_someones_count_attributes_a_figure() -> None:
    body = "The Coordination Headquarters met on Monday. Since May, the sides have swapped roughly 1,200 prisoners, by the headquarters' count."
    facts = extract(article(body))
    (figure,) = facts.quantities
    assert (figure.value, figure.qualifier) == (1200, "about")
    assert figure.attributed_to == "Coordination Headquarters for the Treatment of Prisoners of War"


def test_a_sentence_naming_the_source_of_the_one_before_attributes_its_figures() -> None:
    body = "У четвер в Україну повернули тіла 1000 загиблих військових. Про це повідомив Координаційний штаб з питань поводження з військовополоненими."
    facts = extract(article(body, "uk", dt.date(2025, 11, 7)))
    headquarters = "Coordination Headquarters for the Treatment of Prisoners of War"
    assert [(q.value, q.counts, q.attributed_to) for q in facts.quantities] == [(1000, "bodies", headquarters)]
    assert [c.speaker for c in facts.claims] == [headquarters]
    assert facts.claims[0].evidence.text.startswith("Про це")  # the reporting sentence, as the gold marks it


def test_a_sentence_that_is_only_a_quote_and_its_attribution_is_a_quote_not_a_claim() -> None:
    facts = extract(article('"There is nothing on the calendar," Dmitry Peskov told journalists on Monday.'))
    assert [q.speaker for q in facts.quotes] == ["Dmitry Peskov"]
    assert facts.claims == ()
    paraphrase = extract(article('"We are ready," Dmitry Peskov said, adding that a meeting was possible in June.'))
    assert [c.speaker for c in paraphrase.claims] == ["Dmitry Peskov"]


def test_names_are_found_without_yo_and_by_their_display_label() -> None:
    facts = extract(article("Посредником вновь выступили Объединенные Арабские Эмираты.", "ru"))
    assert "United Arab Emirates" in facts.actors


def test_returned_from_captivity_in_either_order_is_an_exchange() -> None:
    facts = extract(article("В пятницу из плена вернулись 185 российских военнослужащих.", "ru", dt.date(2025, 10, 11)))
    assert [(e.type, e.date) for e in facts.events] == [("prisoner_exchange", dt.date(2025, 10, 10))]


def test_a_capital_before_a_reporting_verb_speaks_for_its_government() -> None:
    facts = extract(article('Kyiv has accused Moscow of playing "a dirty game" with the repatriation of the dead.'))
    assert [(q.speaker, q.text) for q in facts.quotes] == [("Ukraine", "a dirty game")]
    # ... but a capital named after the verb is not the speaker
    other = extract(article("Volodymyr Zelensky, speaking in Tirana, urged partners to prepare new sanctions against Moscow."))
    assert [c.speaker for c in other.claims] == ["Volodymyr Zelensky"]


def test_talks_that_only_frame_an_exchange_are_not_an_event_of_its_day() -> None:
    body = "26 июня в рамках договоренностей, достигнутых в Стамбуле, с подконтрольной Киеву территории возвращены 25 российских военнослужащих."
    facts = extract(article(body, "ru", dt.date(2025, 6, 27)))
    assert [(e.type, e.date) for e in facts.events] == [("prisoner_exchange", dt.date(2025, 6, 26))]
    dated = extract(article("A second group was exchanged under the agreements reached in Istanbul on 2 June.", "en", dt.date(2025, 6, 10)))
    assert ("talks", dt.date(2025, 6, 2)) in [(e.type, e.date) for e in dated.events]


def test_a_possessive_before_a_verb_form_makes_it_a_noun() -> None:
    body = 'Dmitry Peskov said on Thursday that a summit was possible. He described Ukraine\'s demands as "unrealistic".'
    facts = extract(article(body, published=dt.date(2025, 7, 25)))
    assert [(q.speaker, q.text) for q in facts.quotes] == [("Dmitry Peskov", "unrealistic")]


def test_unnamed_speakers_and_present_tense_reporting() -> None:
    english = extract(article("The meeting lasted about 40 minutes, according to Turkish officials."))
    assert [c.speaker for c in english.claims] == ["Turkish officials"]
    ukrainian = extract(article("Коордштаб повідомив про обмін. У штабі наголошують, що обміни триватимуть і надалі.", "uk"))
    assert [c.speaker for c in ukrainian.claims].count("Coordination Headquarters for the Treatment of Prisoners of War") == 2


def test_russian_people_counted_in_the_genitive_singular() -> None:
    facts = extract(article("Ранее стороны провели обмен, в ходе которого домой вернулись по 84 человека с каждой стороны.", "ru"))
    assert [(q.value, q.counts) for q in facts.quantities] == [(84, "people")]


def test_local_officials_and_a_return_from_captivity_with_words_between() -> None:
    english = extract(article("Buses carrying freed soldiers have crossed into Chernihiv region, local officials said."))
    assert [c.speaker for c in english.claims] == ["local officials"]
    body = "Министерство обороны России во вторник, 9 сентября, сообщило о возвращении из украинского плена 90 военнослужащих."
    russian = extract(article(body, "ru", dt.date(2025, 9, 12)))
    assert [(e.type, e.date) for e in russian.events] == [("prisoner_exchange", dt.date(2025, 9, 9))]


def test_a_country_named_as_a_location_is_a_place() -> None:
    facts = extract(article("Zelensky said he would wait for Putin in Turkey in person on Thursday."))
    assert "Turkey" in facts.places and "Turkey" not in facts.actors
    acting = extract(article("Recep Tayyip Erdoğan said Turkey was ready to host the talks."))
    assert "Turkey" in acting.actors and "Turkey" not in acting.places


def test_a_quote_at_the_end_of_a_sentence_is_not_given_to_the_next_sentences_speaker() -> None:
    body = 'French President Emmanuel Macron called the offer "a first step, but not enough". German Chancellor Friedrich Merz said talks must wait.'
    facts = extract(article(body))
    assert [(q.speaker, q.text) for q in facts.quotes] == [("Emmanuel Macron", "a first step, but not enough")]


def test_proposed_and_agreed_things_are_not_events() -> None:
    english = extract(
        article('"We propose to resume direct negotiations without any preconditions," Putin told reporters on Saturday.', published=dt.date(2025, 5, 12))
    )
    assert english.events == ()
    russian = extract(article("Кроме того, стороны договорились 19 марта провести обмен пленными.", "ru", dt.date(2025, 3, 19)))
    assert russian.events == ()


def test_numeric_dates_in_ukrainian_and_russian() -> None:
    facts = extract(article("06.06.2025 в Україну повернули тіла 1212 загиблих військовослужбовців.", "uk", dt.date(2025, 6, 7)))
    assert [(e.type, e.date) for e in facts.events] == [("remains_return", dt.date(2025, 6, 6))]
    thousands = extract(article("Україна повернула 1.212 тіл загиблих.", "uk", dt.date(2025, 6, 7)))
    assert [q.value for q in thousands.quantities] == [1212]


def test_a_weekday_with_a_future_verb_is_not_last_weeks_event() -> None:
    facts = extract(article("По данным украинской стороны, обмен завершится в воскресенье.", "ru", dt.date(2025, 5, 24)))
    assert facts.events == ()


def test_number_words_for_one_and_a_half_thousand() -> None:
    facts = extract(article("За словами Рустема Умєрова, з початку року вдалося звільнити понад півтори тисячі людей.", "uk", dt.date(2025, 7, 7)))
    assert [(q.value, q.qualifier, q.attributed_to) for q in facts.quantities] == [(1500, "more_than", "Rustem Umerov")]


def test_more_phrasings_of_talks_returns_and_sources() -> None:
    english = extract(article("1,000 prisoners have been freed since the Istanbul meeting on June 2.", published=dt.date(2025, 6, 23)))
    assert ("talks", dt.date(2025, 6, 2)) in [(e.type, e.date) for e in english.events]
    bodies = extract(article("Last Friday roughly two thousand bodies were also handed over, Ukrainian officials said.", published=dt.date(2025, 6, 23)))
    assert [(e.type, e.date) for e in bodies.events] == [("remains_return", dt.date(2025, 6, 20))]
    russian = extract(article("По сообщению Владимира Мединского, стороны договорились передать Украине тела шести тысяч погибших.", "ru"))
    assert [c.speaker for c in russian.claims] == ["Vladimir Medinsky"]
    assert [(q.value, q.attributed_to) for q in russian.quantities] == [(6000, "Vladimir Medinsky")]


def test_an_adverb_before_the_verb_keeps_it_a_verb() -> None:
    facts = extract(article("Dmitry Peskov earlier said that the talks would continue."))
    assert [c.speaker for c in facts.claims] == ["Dmitry Peskov"]


def test_titles_names_and_agreements_in_a_city() -> None:
    russian = extract(article("Помощник президента России Владимир Мединский в интервью газете «Известия» сказал, что обмены продолжатся.", "ru"))
    assert russian.quotes == ()
    assert "Vladimir Putin" not in russian.actors and "Vladimir Medinsky" in russian.actors
    english = extract(article("The exchange, agreed in Istanbul on May 16, was carried out on May 23.", published=dt.date(2025, 5, 26)))
    assert sorted((e.type, e.date) for e in english.events) == [("prisoner_exchange", dt.date(2025, 5, 23)), ("talks", dt.date(2025, 5, 16))]


def test_people_the_gazetteer_does_not_list_speak_and_act() -> None:
    uk = extract(
        article(
            "З полону повернулися ще 15 жителів Харківщини. Про це повідомив начальник обласної адміністрації Олег Синєгубов. "
            "«Кожне повернення — це свято», — наголосив Синєгубов.",
            language="uk",
        )
    )
    assert "Олег Синєгубов" in uk.actors
    assert [(q.speaker, q.text) for q in uk.quotes] == [("Олег Синєгубов", "Кожне повернення — це свято")]
    assert [(q.value, q.counts, q.attributed_to) for q in uk.quantities] == [(15, "people", "Олег Синєгубов")]
    en = extract(article('"He called at six in the morning," Halyna Moroz told reporters. Mrs Moroz waited two years.'))
    assert [q.speaker for q in en.quotes] == ["Halyna Moroz"]
    assert "Halyna Moroz" in en.actors


def test_collective_numerals_and_hundreds_in_words() -> None:
    uk = extract(article("З полону повернулися дев'ятеро військових. З початку року вдалося повернути понад дві сотні жителів області.", language="uk"))
    assert [(q.value, q.counts, q.qualifier) for q in uk.quantities] == [(9, "soldiers", "exact"), (200, "people", "more_than")]


def test_a_range_is_a_lower_and_an_upper_bound() -> None:
    en = extract(article("Between 80 and 90 civilians could be included in the first group, officials said."))
    assert [(q.value, q.qualifier) for q in en.quantities] == [(80, "at_least"), (90, "up_to")]
    ru = extract(article("Среди вернувшихся от 20 до 25 человек с тяжелыми ранениями.", language="ru"))
    assert [(q.value, q.qualifier) for q in ru.quantities] == [(20, "at_least"), (25, "up_to")]


def test_state_media_and_delegation_members_are_unnamed_sources() -> None:
    facts = extract(article("Moscow received the remains of 30 of its servicemen in return, Russian state media reported."))
    assert [(q.value, q.attributed_to) for q in facts.quantities] == [(30, "Russian state media")]
    quote = extract(article('"Nothing is final until the buses cross the border," a member of the Ukrainian delegation cautioned.'))
    assert [q.speaker for q in quote.quotes] == ["Ukrainian delegation member"]


def test_a_trigger_does_not_run_from_a_headline_into_the_text() -> None:
    facts = extract(
        article(
            "TUESDAY — Remains handed over on the border\n\nThe bodies of 1,000 fallen soldiers were handed over to Ukraine on Tuesday, "
            "bringing the total repatriated since January to more than 7,000.",
            published=dt.date(2025, 11, 28),
        )
    )
    assert [(e.type, e.date) for e in facts.events] == [("remains_return", dt.date(2025, 11, 25))]


def test_the_official_said_points_back_to_the_last_speaker_named() -> None:
    facts = extract(
        article(
            '"Nothing is final yet," a member of the Ukrainian delegation cautioned. '
            "Between 80 and 90 civilians could be included in the first group, the official said."
        )
    )
    assert {(q.value, q.attributed_to) for q in facts.quantities} == {(80, "Ukrainian delegation member"), (90, "Ukrainian delegation member")}
    ru = extract(article("Источник в российской делегации сообщил об этом. Обмен может затронуть около 200 человек, уточнил собеседник.", language="ru"))
    assert [(q.value, q.attributed_to) for q in ru.quantities] == [(200, "Russian delegation source")]


def test_agreed_on_a_day_to_exchange_is_a_plan() -> None:
    facts = extract(article("Russia and Ukraine agreed on Monday to exchange all severely wounded prisoners.", published=dt.date(2025, 6, 2)))
    assert facts.events == ()
    quoted = extract(article('Fidan urged both sides to "turn today\'s humanitarian steps into a path to a ceasefire".', published=dt.date(2025, 6, 2)))
    assert quoted.events == ()


def test_no_more_than_is_an_upper_bound_and_women_are_counted() -> None:
    ru = extract(article("Тарасов уверен, что Украина удерживает не более 1 600 человек.", language="ru"))
    assert [(q.value, q.qualifier) for q in ru.quantities] == [(1600, "up_to")]
    uk = extract(article("Серед звільнених — 17 цивільних і п'ятеро жінок.", language="uk"))
    assert [(q.value, q.counts) for q in uk.quantities] == [(17, "civilians"), (5, "people")]


def test_a_person_first_named_in_the_genitive_is_called_by_the_nominative() -> None:
    ru = extract(
        article(
            "По словам депутата Михаила Тарасова, обмен затягивается. Тарасов уверен, что Украина удерживает не более 1 600 человек.",
            language="ru",
        )
    )
    assert "Михаил Тарасов" in ru.actors
    assert [q.attributed_to for q in ru.quantities] == ["Михаил Тарасов"]


def test_a_diplomatic_source_and_regions_named_by_their_adjective() -> None:
    ru = extract(article("Источник в дипломатических кругах сообщил, что обмен может затронуть около 200 человек.", language="ru"))
    assert [(q.value, q.attributed_to) for q in ru.quantities] == [(200, "diplomatic source")]
    uk = extract(article("Їх утримували в Брянській, Курській і Тульській областях, а також у Таганрозі.", language="uk"))
    assert {"Bryansk", "Kursk", "Tula", "Taganrog"} <= set(uk.places)


def test_a_gerund_reports_speech() -> None:
    ru = extract(article("Сроки следующего раунда Песков подтверждать не стал, заметив, что о датах «объявят, когда они будут согласованы».", language="ru"))
    assert [(q.speaker, q.text) for q in ru.quotes] == [("Dmitry Peskov", "объявят, когда они будут согласованы")]


def test_a_family_shares_a_surname_and_a_given_name_alone_is_one_of_them() -> None:
    facts = extract(
        article(
            "POLTAVA — Nadiia Hnatiuk kept the jacket. Taras Hnatiuk was captured near Bakhmut in February 2023. "
            '"He didn\'t say hello," Nadiia Hnatiuk said. The evening Taras phoned, she cried.',
            published=dt.date(2025, 11, 5),
        )
    )
    assert [q.speaker for q in facts.quotes] == ["Nadiia Hnatiuk"]
    assert {"Nadiia Hnatiuk", "Taras Hnatiuk"} <= set(facts.actors)
    assert {"Poltava", "Bakhmut"} <= set(facts.places)


def test_a_relative_clause_before_the_verb_keeps_its_subject() -> None:
    facts = extract(
        article(
            "Serhii Kovtun, who heads the city council's department for veterans' affairs, said more than 140 people from the city are still held in Russia."
        )
    )
    assert [(q.value, q.attributed_to) for q in facts.quantities] == [(140, "Serhii Kovtun")]
    assert [c.speaker for c in facts.claims] == ["Serhii Kovtun"]


def test_number_words_with_a_half_before_the_thousand() -> None:
    uk = extract(article("Від початку року додому повернулися понад дві з половиною тисячі українців.", language="uk"))
    ru = extract(article("Москалькова оценила число вернувшихся примерно в две с половиной тысячи человек.", language="ru"))
    en = extract(article("Officials said two and a half thousand people were still missing."))
    assert [(q.value, q.qualifier) for q in uk.quantities] == [(2500, "more_than")]
    assert [(q.value, q.qualifier) for q in ru.quantities] == [(2500, "about")]
    assert [q.value for q in en.quantities] == [2500]


def test_number_words_after_a_thousand_and_a_count_after_a_date() -> None:
    uk = extract(article("Від початку року з неволі вдалося повернути понад дві тисячі триста українців, — сказав Лубінець.", language="uk"))
    assert [q.value for q in uk.quantities] == [2300]
    en = extract(article("He was among 157 Ukrainians freed in the exchange on October 30, 12 of them civilians.", published=dt.date(2025, 11, 5)))
    assert [e.date for e in en.events] == [dt.date(2025, 10, 30)]
    assert (12, "civilians") in [(q.value, q.counts) for q in en.quantities]


def test_addressed_with_a_colon_introduces_a_quote() -> None:
    uk = extract(article("Лубінець також звернувся до родин полонених: «Не платіть нікому, хто обіцяє за гроші внести рідного до списків».", language="uk"))
    assert [q.speaker for q in uk.quotes] == ["Dmytro Lubinets"]


def test_a_quotation_interrupted_by_its_attribution_is_two_quotes() -> None:
    ru = extract(
        article(
            "«Ребята прошли через тяжелейшие испытания, — написал Журавлев в своем телеграм-канале. — Каждому из них регион поможет с лечением», "
            "— добавил губернатор Сергей Журавлев.",
            language="ru",
        )
    )
    assert [q.text for q in ru.quotes] == ["Ребята прошли через тяжелейшие испытания", "Каждому из них регион поможет с лечением"]
    assert {q.speaker for q in ru.quotes} == {"Сергей Журавлев"}


def test_a_weekday_is_not_an_ordinal() -> None:
    uk = extract(article("У п'ятницю, 26 вересня, з російського полону повернулися ще 15 жителів Харківщини.", language="uk", published=dt.date(2025, 9, 27)))
    assert [(e.date, e.ordinal) for e in uk.events] == [(dt.date(2025, 9, 26), None)]
    ru = extract(article("Во вторник, 10 июня, состоялся второй этап обмена пленными.", language="ru", published=dt.date(2025, 6, 11)))
    assert [(e.date, e.ordinal) for e in ru.events] == [(dt.date(2025, 6, 10), 2)]


def test_released_prisoners_and_an_audience_between_verb_and_date() -> None:
    facts = extract(article("On March 19, each side released 175 prisoners.", published=dt.date(2025, 12, 5)))
    assert [(e.type, e.date) for e in facts.events] == [("prisoner_exchange", dt.date(2025, 3, 19))]
    told = extract(article("Umerov told reporters on Thursday that Kyiv had given Moscow a list for a larger exchange.", published=dt.date(2025, 12, 5)))
    assert told.events == ()


def test_an_organisation_is_its_own_by_its_count() -> None:
    facts = extract(
        article(
            "Украинский Координационный штаб по вопросам обращения с военнопленными публикует только свои данные: "
            "по его подсчетам, с начала года из российского плена вернулись более 3 тысяч украинцев.",
            "ru",
        )
    )
    headquarters = "Coordination Headquarters for the Treatment of Prisoners of War"
    assert [(q.value, q.attributed_to) for q in facts.quantities] == [(3000, headquarters)]
    assert [c.speaker for c in facts.claims] == [headquarters]


def test_an_estimate_is_a_claim_and_a_noun_past_the_closed_quotation_counts_the_next_figure() -> None:
    facts = extract(
        article(
            "Москалькова в июле оценивала число вернувшихся «примерно в две с половиной тысячи», включая около 40 мирных жителей Курской области.",
            "ru",
        )
    )
    assert [(q.value, q.counts, q.attributed_to) for q in facts.quantities] == [(40, "civilians", "Tatyana Moskalkova")]
    assert [c.speaker for c in facts.claims] == ["Tatyana Moskalkova"]
    ranged = extract(article("Between 80 and 90 civilians could be freed first, a delegation member said."))
    assert [(q.value, q.counts) for q in ranged.quantities] == [(80, "civilians"), (90, "civilians")]


def test_an_inverted_attribution_with_us_and_townspeople_counted_as_people() -> None:
    quoted = extract(article("«Депутаты охотно округляют в большую сторону», — сказал нам политолог Аркадий Зимин.", "ru"))
    assert [q.speaker for q in quoted.quotes] == ["Аркадий Зимин"]
    towns = extract(article("Заступниця міського голови розповіла, що ще щонайменше 120 містян досі в неволі.", "uk"))
    assert [(q.value, q.counts, q.qualifier) for q in towns.quantities] == [(120, "people", "at_least")]


def test_a_weekday_before_a_titled_speaker_dates_the_statement() -> None:
    facts = extract(
        article(
            "В минувшую пятницу депутат Государственной думы Виктор Саломатин заявил, что "
            "«с начала года из украинского плена вернулись более пяти тысяч наших военных».",
            "ru",
            dt.date(2025, 7, 28),
        )
    )
    assert facts.events == ()
    assert [(q.value, q.attributed_to) for q in facts.quantities] == [(5000, "Виктор Саломатин")]


def test_a_list_of_days_and_figures_without_their_noun() -> None:
    facts = extract(
        article("По данным Минобороны России, 5 февраля на родину вернулись 150 военнослужащих, 19 марта — 175, 19 апреля — 246.", "ru", dt.date(2025, 7, 28))
    )
    assert [(q.value, q.counts) for q in facts.quantities] == [(150, "soldiers"), (175, "soldiers"), (246, "soldiers")]
    assert [e.date for e in facts.events] == [dt.date(2025, 2, 5), dt.date(2025, 3, 19), dt.date(2025, 4, 19)]


def test_a_meeting_in_istanbul_on_a_day_is_talks() -> None:
    facts = extract(article("О раненых и тяжелобольных военных договорились на встрече в Стамбуле 2 июня.", "ru", dt.date(2025, 7, 28)))
    assert [(e.type, e.date) for e in facts.events] == [("talks", dt.date(2025, 6, 2))]


def test_her_words_are_a_womans_and_a_lawyer_is_named_again_by_her_title() -> None:
    facts = extract(
        article(
            "Віталій Приходько повернувся додому. Ми поговорили з його адвокаткою Іриною Дідух. "
            "Червоний Хрест, за її словами, двічі передавав запити про Віталія. "
            "За підрахунками адвокатки, щонайменше 150 українських військових досі чекають на обмін. "
            "«Російський вирок не є перешкодою для обміну», — наголосила адвокатка.",
            "uk",
        )
    )
    assert [c.speaker for c in facts.claims] == ["Ірина Дідух", "Ірина Дідух"]
    assert [(q.value, q.attributed_to) for q in facts.quantities] == [(150, "Ірина Дідух")]
    assert [q.speaker for q in facts.quotes] == ["Ірина Дідух"]
    assert "Віталій Приходько" in facts.actors  # the surname as written after the given name, not "Приходька"


def test_a_quoted_fragment_after_his_words_and_a_woman_quoted_after_a_quote_about_him() -> None:
    peskov = extract(article("Песков сказал, что решений не было. Предложение о паузе, по его словам, «требует внимательного изучения».", "ru"))
    assert [(q.speaker, q.text) for q in peskov.quotes] == [("Dmitry Peskov", "требует внимательного изучения")]
    mother = extract(
        article(
            "Олег Синєгубов подякував. Серед тих, хто чекав, — Галина Мороз. «Він подзвонив о шостій ранку», — розповіла жінка журналістам.",
            "uk",
        )
    )
    assert [q.speaker for q in mother.quotes] == ["Галина Мороз"]


def test_the_one_urged_is_not_the_speaker_and_an_institution_before_a_title_is_not_acting() -> None:
    urged = extract(article("The centre also urged the United Arab Emirates to keep up the pressure on Moscow."))
    assert [c.speaker for c in urged.claims] == []
    aide = extract(article("Kremlin aide Vladimir Medinsky put the number of Russian dead handed back at 31."))
    assert "Kremlin" not in aide.actors and "Vladimir Medinsky" in aide.actors


def test_a_range_of_days_an_exchange_lasted_is_one_event_per_day() -> None:
    facts = extract(article("Він повернувся під час обміну «1000 на 1000», що тривав три дні, 23–25 травня.", "uk", dt.date(2025, 6, 6)))
    assert [e.date for e in facts.events] == [dt.date(2025, 5, 23), dt.date(2025, 5, 24), dt.date(2025, 5, 25)]


def test_a_place_that_names_a_treaty_is_no_place_and_the_vatican_acts() -> None:
    facts = extract(
        article(
            "We are asking Russia to observe the Geneva Conventions. "
            "The Vatican, which has passed lists of detained civilians, was urged to keep up the pressure."
        )
    )
    assert "Geneva" not in facts.places and "Vatican" not in facts.places
    assert "Vatican" in facts.actors


def test_according_to_a_capital_and_so_says_after_a_dash() -> None:
    kyiv = extract(article("Qatar, which according to Kyiv has helped bring home at least 60 Ukrainian children taken to Russia, also featured in the call."))
    assert [c.speaker for c in kyiv.claims] == ["Ukraine"] and "Kyiv" not in kyiv.places
    medinsky = extract(
        article("Російська сторона натомість отримала 39 тіл своїх військових — так стверджує помічник президента Росії Володимир Мединський.", "uk")
    )
    assert [(q.value, q.attributed_to) for q in medinsky.quantities] == [(39, "Vladimir Medinsky")]


def test_tens_as_a_multiplier_and_rounds_named_by_their_city() -> None:
    tens = extract(article("Джерело розповіло, що Росії передали «близько трьох десятків» тіл.", "uk"))
    assert [(q.value, q.counts, q.qualifier) for q in tens.quantities] == [(30, "bodies", "about")]
    rounds = extract(
        article("The three Istanbul rounds this year, on May 16, June 2 and July 23, produced the largest exchanges.", published=dt.date(2025, 9, 8))
    )
    assert [(e.type, e.date) for e in rounds.events] == [("talks", dt.date(2025, 5, 16)), ("talks", dt.date(2025, 6, 2)), ("talks", dt.date(2025, 7, 23))]


def test_an_agency_dateline_and_the_ministrys_full_name() -> None:
    facts = extract(
        article(
            "МОСКВА, 3 ноября. /Агентство «Федеральная лента»/. Как ранее сообщало Министерство обороны Российской Федерации, "
            "все освобожденные военнослужащие доставлены в Белоруссию.",
            "ru",
            dt.date(2025, 11, 3),
        )
    )
    assert "Moscow" in facts.places
    assert [c.speaker for c in facts.claims] == ["Russian Ministry of Defence"]


def test_a_dozen_two_hundred_and_fifty_and_a_postponed_exchange() -> None:
    facts = extract(
        article(
            "The exchange expected on Friday was postponed. Officials said a dozen civilians and around two hundred and fifty soldiers "
            "were on the list. Last week Ukraine received 1,000 bodies and handed back 24.",
            published=dt.date(2025, 9, 20),
        )
    )
    assert [(q.value, q.counts) for q in facts.quantities] == [(12, "civilians"), (250, "soldiers"), (1000, "bodies"), (24, "bodies")]
    assert not any(e.type == "prisoner_exchange" for e in facts.events)  # the one expected did not take place


def test_a_figure_after_a_dash_with_no_noun_of_its_own() -> None:
    facts = extract(
        article(
            "За підрахунками штабу, з початку року з полону повернули понад 2000 людей, а від початку вторгнення — 6 311. Додому повернулися 152 людини.", "uk"
        )
    )
    assert [(q.value, q.counts) for q in facts.quantities] == [(2000, "people"), (6311, "people"), (152, "people")]


def test_a_thousand_for_a_thousand_in_stages_one_a_day_and_the_third_meeting() -> None:
    facts = extract(
        article(
            "The first round agreed a thousand-for-a-thousand swap, carried out in three stages, one a day, from 23 to 25 May. "
            "The third meeting, on 23 July, lasted barely forty minutes. "
            "By the count of the Coordination Headquarters for the Treatment of Prisoners of War, upwards of 1,400 Ukrainians came home.",
            published=dt.date(2025, 7, 31),
        )
    )
    assert [(e.type, e.date) for e in facts.events] == [
        ("prisoner_exchange", dt.date(2025, 5, 23)),
        ("prisoner_exchange", dt.date(2025, 5, 24)),
        ("prisoner_exchange", dt.date(2025, 5, 25)),
        ("talks", dt.date(2025, 7, 23)),
    ]
    assert [(q.value, q.counts, q.attributed_to) for q in facts.quantities] == [
        (1000, "prisoners", None),
        (1400, "prisoners", "Coordination Headquarters for the Treatment of Prisoners of War"),
    ]


def test_a_relative_day_before_a_hyphenated_title_dates_the_statement_and_agreed_in_istanbul_on_a_day() -> None:
    peskov = extract(
        article("Накануне пресс-секретарь президента Дмитрий Песков заявил журналистам, что Москва открыта к продолжению обменов.", "ru", dt.date(2025, 9, 22))
    )
    assert peskov.events == ()
    agreed = extract(
        article("Ларионов напомнил, что обмен в формате «1200 на 1200» Мединский и Умеров согласовали в Стамбуле 23 июля.", "ru", dt.date(2025, 9, 22))
    )
    assert [(e.type, e.date) for e in agreed.events] == [("talks", dt.date(2025, 7, 23))]


def test_a_phone_call_held_on_a_day_is_talks_one_that_carries_a_statement_is_not() -> None:
    """Convention (tests/corpus/README.md): leaders who spoke by phone on a day held talks;
    "told X in a phone call that ..." only says how a statement was made."""
    published = dt.date(2025, 10, 15)  # a Wednesday
    assert events_of("The exchange came a day after Zelensky and Macron spoke by phone on Tuesday.", published=published) == [("2025-10-14", "talks")]
    assert events_of("Erdogan told Putin in a phone call on Sunday that Turkey was ready to host the talks.", published=published) == []
    assert events_of("Путин и Трамп провели во вторник телефонный разговор.", "ru", published) == [("2025-10-14", "talks")]
    assert events_of("Президенти у вівторок поговорили телефоном.", "uk", published) == [("2025-10-14", "talks")]


def test_repatriation_alone_is_of_the_dead_whatever_came_before() -> None:
    published = dt.date(2025, 6, 17)
    assert events_of("Обмен прошел 10 июня. Репатриация прошла в ночь на 12 июня.", "ru", published) == [
        ("2025-06-10", "prisoner_exchange"),
        ("2025-06-12", "remains_return"),
    ]
    assert events_of("Репатриация военнопленных прошла 12 июня.", "ru", published) == [("2025-06-12", "prisoner_exchange")]
    assert events_of("The swap was on June 10. The repatriation followed on June 12.", "en", published)[-1] == ("2025-06-12", "remains_return")


def test_days_an_exchange_lasted_in_the_next_sentence_are_one_event_each() -> None:
    body = "Делегації домовилися в Стамбулі 16 травня: обмін ішов за формулою «1000 на 1000». Він тривав три дні поспіль — 23, 24 і 25 травня."
    assert events_of(body, "uk", dt.date(2025, 5, 30)) == [
        ("2025-05-16", "talks"),
        ("2025-05-23", "prisoner_exchange"),
        ("2025-05-24", "prisoner_exchange"),
        ("2025-05-25", "prisoner_exchange"),
    ]
    # without a word that it ran day by day, a list of days in the next sentence dates nothing
    assert events_of("Обмін ішов за формулою «1000 на 1000». Списки звіряли 23, 24 і 25 травня.", "uk", dt.date(2025, 5, 30)) == []


def test_figures_in_an_interviews_answers_are_the_interviewees() -> None:
    body = (
        "Ми поговорили з Олексієм Тарасенком про обмін.\n\n"
        "— Скільки людей повернулося?\n"
        "— У перший день повернулися 390 людей.\n\n"
        "— Міноборони Росії повідомило, що отримало 880 військових. Це так?\n"
        "— Так, ми передали 880 військових.\n"
    )
    facts = extract(article(body, "uk", dt.date(2025, 5, 30)))
    assert {(q.value, q.attributed_to) for q in facts.quantities} == {
        (390, "Олексій Тарасенко"),
        (880, "Russian Ministry of Defence"),
        (880, "Олексій Тарасенко"),
    }
    assert facts.quotes == () and {c.speaker for c in facts.claims} == {"Russian Ministry of Defence"}
    # a bulleted list is no interview
    listed = extract(article("Олексій Тарасенко розповів:\n- 390 людей повернулися.\n- Обмін триває.\n", "uk"))
    assert {q.attributed_to for q in listed.quantities} == {None}


def test_a_figure_revised_by_its_source_is_a_figure_of_its_own() -> None:
    body = "The headquarters first said 185 Ukrainians had come home. Later the headquarters revised the figure to 183, saying two names were counted twice."
    facts = extract(article(body, "en", dt.date(2025, 10, 15)))
    headquarters = "Coordination Headquarters for the Treatment of Prisoners of War"
    assert {(q.value, q.counts, q.attributed_to) for q in facts.quantities} == {(185, "people", headquarters), (183, "people", headquarters)}
    assert [c.speaker for c in facts.claims] == [headquarters, headquarters]


def test_conscripts_are_soldiers_and_the_outlets_own_name_is_no_quote() -> None:
    body = "Минобороны России не ответило на вопрос «Встречного ветра», сколько срочников осталось в плену. По словам Москальковой, вернулись 19 срочников."
    art = Article("a.txt", "t", body, dt.date(2025, 10, 16), "ru", source="«Встречный ветер»")
    facts = extract(art)
    assert [q.text for q in facts.quotes] == []
    assert {(q.value, q.counts) for q in facts.quantities} == {(19, "soldiers")}


def test_one_person_back_from_captivity_dates_the_exchange() -> None:
    body = "Позаминулого четверга з російського полону повернувся сержант Олексій Бондарук."
    assert events_of(body, "uk", dt.date(2025, 10, 15)) == [("2025-10-02", "prisoner_exchange")]


def test_it_as_the_subject_of_a_reporting_verb_is_the_organisation_named_last() -> None:
    body = "The Ukrainian foreign ministry said the swap showed pressure works. It added that lists of about 1,200 more people were ready. It is unclear when."
    facts = extract(article(body, "en", dt.date(2025, 10, 7)))
    ministry = "Ministry of Foreign Affairs of Ukraine"
    assert [c.speaker for c in facts.claims] == [ministry, ministry]
    assert {(q.value, q.attributed_to) for q in facts.quantities} == {(1200, ministry)}


def test_a_figure_after_a_dash_counts_the_noun_of_the_clause_before_it() -> None:
    facts = extract(article("Цифри такі. Захисників Маріуполя — 62. Прикордонників — 37.", "uk", dt.date(2025, 10, 21)))
    assert [(q.value, q.counts) for q in facts.quantities] == [(62, "soldiers"), (37, "soldiers")]
    facts = extract(article("По версии Киева, тел было меньше — 1 212.", "ru", dt.date(2025, 6, 17)))
    assert [(q.value, q.counts, q.attributed_to) for q in facts.quantities] == [(1212, "bodies", "Ukraine")]


def test_a_quote_attributed_in_the_present_tense() -> None:
    body = "Повернувся сержант Олексій Бондарук.\n\n«Мене взяли в полон у травні», — розповідає Олексій.\n\n«Нам ніхто нічого не пояснював», — згадує сержант."
    facts = extract(article(body, "uk", dt.date(2025, 10, 15)))
    assert [(q.speaker, q.text) for q in facts.quotes] == [
        ("Олексій Бондарук", "Мене взяли в полон у травні"),
        ("Олексій Бондарук", "Нам ніхто нічого не пояснював"),
    ]


def test_a_post_quoted_whole_after_the_sentences_that_name_its_author() -> None:
    body = "Першим написав Лубінець. Допис короткий. Наводимо його повністю:\n\n«Вони вдома! Сьогодні повернулися 185 українців».\n"
    facts = extract(article(body, "uk", dt.date(2025, 10, 21)))
    assert [(q.speaker, q.text) for q in facts.quotes] == [("Dmytro Lubinets", "Вони вдома! Сьогодні повернулися 185 українців")]


def test_transcript_turns_give_quotes_and_figures_to_the_labelled_speaker() -> None:
    body = (
        "Turkish Foreign Minister Hakan Fidan spoke after the talks.\n\n"
        'Q: "Is there a date for the exchange of 300 prisoners?"\n\n'
        'FIDAN: "Not yet. The lists hold 1,200 prisoners from each side."\n\n'
        "Q: Will Russia agree?\n\n"
        "FIDAN: The Russian side said it needs more time.\n"
    )
    facts = extract(article(body))
    assert [(q.speaker, q.text) for q in facts.quotes] == [("Hakan Fidan", "Not yet. The lists hold 1,200 prisoners from each side.")]
    assert {(q.value, q.attributed_to) for q in facts.quantities} >= {(1200, "Hakan Fidan")}
    # a label is no reporting clause, a question claims nothing; a reported statement inside an answer still does
    assert [c.speaker for c in facts.claims] == ["Russia"]


def test_transcript_label_after_a_question_on_one_line() -> None:
    body = (
        "Помощник президента Владимир Мединский ответил на вопросы.\n\n"
        "Вопрос: Как идет передача тел? — Мединский: «Передано 6060 тел, нам вернули 78».\n\n"
        "Вопрос: Когда новый раунд? — Мединский: «Мы готовы встретиться».\n"
    )
    facts = extract(article(body, "ru"))
    assert [q.speaker for q in facts.quotes] == ["Vladimir Medinsky", "Vladimir Medinsky"]
    assert {(q.value, q.attributed_to) for q in facts.quantities} == {(6060, "Vladimir Medinsky"), (78, "Vladimir Medinsky")}


def test_labelled_lines_without_an_interviewer_stay_a_live_blogs_claims() -> None:
    assert _claims("Medinsky: the sides agreed to swap 1,000 prisoners each.\n\nUmerov: the lists are ready.") == ["Vladimir Medinsky", "Rustem Umerov"]


def test_page_furniture_gives_no_facts() -> None:
    body = (
        "Ukraine said 84 prisoners returned on Tuesday.\n\n"
        "Read more: Russia says 500 prisoners are on its list\n"
        "Reporting by Tom Balmforth; Editing by Alex Richardson\n"
    )
    facts = extract(article(body))
    assert [q.value for q in facts.quantities] == [84]
    assert facts.actors == ("Ukraine",)
    assert facts.article.body == body  # offsets and the stored text are the article's own


def test_negotiators_agreeing_on_a_day_is_talks_and_the_swap_they_agreed_is_planned() -> None:
    facts = extract(article("Russian and Ukrainian negotiators agreed on Wednesday to release 1,200 prisoners from each side in a new exchange."))
    assert [(e.date.isoformat(), e.type) for e in facts.events] == [("2025-06-18", "talks")]
    facts = extract(article("The previous round, held on June 2, ended with an agreement to free all wounded prisoners and for Russia to return 6,000 bodies."))
    assert [(e.date.isoformat(), e.type) for e in facts.events] == [("2025-06-02", "talks")]
    facts = extract(article("Украинской стороне передано 6060 тел, нам вернули 78. Последнюю партию передали в понедельник.", "ru"))
    assert [(e.date.isoformat(), e.type) for e in facts.events] == [("2025-06-16", "remains_return")]


def test_role_noun_means_the_person_of_that_role() -> None:
    body = (
        "Kremlin spokesman Dmitry Peskov spoke on Tuesday. President Vladimir Putin was briefed on the lists.\n\n"
        'Asked about the swap, the spokesman called it "a humane outcome".'
    )
    assert [(q.speaker, q.text) for q in extract(article(body)).quotes] == [("Dmitry Peskov", "a humane outcome")]


def test_a_clause_after_a_quote_opened_by_once_attributes_nothing() -> None:
    body = 'Peskov also said Russia was ready to hand over 1,000 bodies "on the same terms as before" once Ukraine confirmed it could receive them.'
    assert [q.speaker for q in extract(article(body)).quotes] == ["Dmitry Peskov"]


def test_capital_owning_something_is_no_place_and_out_of_a_country_is() -> None:
    facts = extract(article('"The ball is in Kyiv\'s court," Peskov said. He dismissed as "speculation" the idea that the talks could be moved out of Turkey.'))
    assert "Kyiv" not in facts.places and "Turkey" in facts.places
    assert [q.speaker for q in facts.quotes] == ["Dmitry Peskov", "Dmitry Peskov"]


def test_leaders_having_spoken_by_phone_on_a_day_is_talks() -> None:
    facts = extract(article("The Kremlin said Putin and Erdogan had spoken by phone on Monday."))
    assert [(e.date.isoformat(), e.type) for e in facts.events] == [("2025-06-16", "talks")]


def test_singular_body_noun_and_a_noun_past_a_dash_and_preposition() -> None:
    facts = extract(article("Россия получила в ответ 31 тело российских военных и предложила три рабочие группы — по военным вопросам.", "ru"))
    assert [(q.value, q.counts) for q in facts.quantities] == [(31, "bodies")]


def test_a_dateline_in_capitals_names_a_place_the_gazetteer_does_not_know() -> None:
    assert "Voznesensk" in extract(article("VOZNESENSK — A marine came home on Saturday.")).places
    assert extract(article("TUESDAY — 205 for 205\n\nUPDATE — A swap took place.")).places == ()
    assert "Saint Petersburg" in extract(article("САНКТ-ПЕТЕРБУРГ, 20 июня. /Агентство/. Мединский ответил на вопросы.", "ru")).places


def test_attribution_closing_a_clause_before_but() -> None:
    body = "Dmytro's name was on the list for the exchange of October 2, Valentyna Oliinyk said, but he was taken off the bus."
    assert _claims(body) == ["Valentyna Oliinyk"]


def test_freed_from_russian_captivity_on_a_day_is_an_exchange() -> None:
    facts = extract(article("Сюди привезли сержанта, якого звільнили з російського полону в неділю, 14 вересня.", "uk", dt.date(2025, 9, 16)))
    assert [(e.date.isoformat(), e.type) for e in facts.events] == [("2025-09-14", "prisoner_exchange")]


def test_a_speaker_named_by_age() -> None:
    body = 'Olena Koval waited for three years. "He is home," the 58-year-old said.'
    assert [q.speaker for q in extract(article(body)).quotes] == ["Olena Koval"]


def test_the_ministry_is_the_ministry_named_last_for_speakers_and_actors() -> None:
    facts = extract(article("Понад тисяча тіл надійшла в Україну, повідомили в МВС. У міністерстві додали, що ідентифікація триває.", "uk"))
    assert {c.speaker for c in facts.claims} == {"Ministry of Internal Affairs of Ukraine"}
    assert "Russian Ministry of Defence" not in facts.actors


def test_there_refers_back_to_the_organisation_named_last() -> None:
    body = "У Коордштабі повідомили, що додому повернулися 205 людей. Там додали, що більшість була в полоні з 2022 року."
    assert _claims(body, "uk") == ["Coordination Headquarters for the Treatment of Prisoners of War"] * 2


def test_one_claim_per_clause_joined_by_a_semicolon_and_a_capital_before_the_verb_speaks() -> None:
    assert _claims("Kyiv said on Monday it had received 1,212 bodies; Moscow said it had got 27 from Ukraine.") == ["Ukraine", "Russia"]


def test_talks_on_a_day_where_the_sides_agreed_to_exchange_later() -> None:
    facts = extract(article("The two sides agreed at talks on June 2 to exchange all severely wounded soldiers."))
    assert [(e.date.isoformat(), e.type) for e in facts.events] == [("2025-06-02", "talks")]


def test_unnamed_sources_described_in_the_text_are_named_by_their_words() -> None:
    body = (
        "A senior Ukrainian official who spoke on condition of anonymity said the lists were stuck. "
        "A Western diplomat familiar with the talks offered a more generous count. "
        '"It is slow," the official said.'
    )
    facts = extract(article(body))
    assert [c.speaker for c in facts.claims] == ["senior Ukrainian official"]
    assert [q.speaker for q in facts.quotes] == ["senior Ukrainian official"]
    assert facts.actors == ()
    body = "Джерело в Офісі президента пояснює це просто: репатріації нічого не коштують. За його словами, наступну обговорюють на жовтень."
    assert _claims(body, "uk") == ["Джерело в Офісі президента"] * 2
    assert _claims("Источник, знакомый с ходом переговоров, рассказал, что списки готовы.", "ru") == ["Источник, знакомый с ходом переговоров"]


def test_a_description_beside_a_person_or_the_tables_source_is_no_new_source() -> None:
    body = "Vladimir Medinsky, the Kremlin aide who led the Russian team, did not join them. He spoke to Russian media separately, saying Moscow was ready."
    assert _claims(body) == ["Vladimir Medinsky"]
    assert _claims("A Ukrainian official involved in the process said 2,500 more bodies could follow.") == ["Ukrainian official"]
    assert _claims("Посадовець сказав, що списки готові.", "uk") == []  # a bare noun refers back; it names no one here


def test_samples_plots_and_letters_are_no_head_counts() -> None:
    facts = extract(article("Families gave 214 DNA samples; the city set aside 40 plots. Ukraine received 1,000 bodies on Friday."))
    assert [q.value for q in facts.quantities] == [1000]
    facts = extract(article("Родини здали понад 1 300 зразків ДНК, для загиблих відведено ще 40 місць. Україна отримала 1000 тіл.", "uk"))
    assert [q.value for q in facts.quantities] == [1000]


def test_a_city_council_speaks() -> None:
    body = "Житомирська міська рада повідомила, що прощання відбудеться в суботу. У міській раді уточнили, що воно почнеться о десятій."
    assert _claims(body, "uk") == ["Житомирська міська рада"] * 2


def test_an_adviser_is_no_council() -> None:
    body = "Житомирська міська рада повідомила, що прощання відбудеться в суботу. Голова ОВА сказав, що радник мера уточнив деталі."
    assert "Житомирська міська рада" not in {c.speaker for c in extract(article(body, "uk")).claims[1:]}


def test_wire_update_notes_and_agency_datelines() -> None:
    body = "(Adds Russian defence ministry figures in paragraph 5)\n\nKYIV, Aug 14 (Wire) - Ukraine said 84 prisoners returned on Thursday."
    assert [q.value for q in extract(article(body, published=dt.date(2025, 8, 14))).quantities] == [84]
    facts = extract(article("Київ. 14 серпня. Укрвісник. У четвер Україна повернула з полону 102 людини.", "uk", dt.date(2025, 8, 14)))
    assert "Kyiv" in facts.places


def test_talks_that_made_an_exchange_possible_happened() -> None:
    august = dt.date(2025, 8, 14)
    facts = extract(article("Обмін став можливим завдяки домовленостям, досягнутим на переговорах у Стамбулі 23 липня, уточнили в штабі.", "uk", august))
    assert [(e.date.isoformat(), e.type) for e in facts.events] == [("2025-07-23", "talks")]
    facts = extract(article("The two countries agreed at their third round of talks in Istanbul on July 23 to exchange 1,200 prisoners.", published=august))
    assert [(e.date.isoformat(), e.type) for e in facts.events] == [("2025-07-23", "talks")]
    facts = extract(article("Zelensky joined European leaders on a video call with Trump on Wednesday.", published=august))
    assert [(e.date.isoformat(), e.type) for e in facts.events] == [("2025-08-13", "talks")]


def test_a_timeline_entry_dates_its_first_event_only() -> None:
    body = (
        "23–25 мая. Обмен, согласованный в Стамбуле, проходил три дня подряд, по одному этапу в день.\n\n"
        "2 июня. Второй раунд переговоров длился час. Стороны обменялись меморандумами. Мединский сообщил, что Россия передаст 6000 тел.\n\n"
        "11 июня. Первый этап передачи тел: Украина получила 1212 тел, сообщил Мединский.\n"
    )
    events = [(e.date.isoformat(), e.type) for e in extract(article(body, "ru", dt.date(2025, 7, 25))).events]
    assert events == [
        ("2025-05-23", "prisoner_exchange"),
        ("2025-05-24", "prisoner_exchange"),
        ("2025-05-25", "prisoner_exchange"),
        ("2025-06-02", "talks"),
        ("2025-06-11", "remains_return"),
    ]


def test_present_tense_returns_in_a_timeline() -> None:
    body = "March 19 — 175 Ukrainian servicemen come home.\n\nAugust 24 — 146 soldiers and eight civilians return."
    facts = extract(article(body, published=dt.date(2025, 10, 1)))
    assert [(e.date.isoformat(), e.type) for e in facts.events] == [("2025-03-19", "prisoner_exchange"), ("2025-08-24", "prisoner_exchange")]


def test_in_his_view_and_na_yoho_dumku_are_the_last_person_named() -> None:
    assert _claims("Marta Kowalczyk follows the talks. In her view, the next test is the lists.") == ["Marta Kowalczyk"]
    assert _claims("Військовий експерт Віктор Гребенюк стежить за обмінами. На його думку, наступний етап буде восени.", "uk") == ["Віктор Гребенюк"]


def test_collective_numerals_and_a_hundred_in_words() -> None:
    facts = extract(article("«Двое из вернувшихся нуждаются в помощи», — написал Хинштейн. Москалькова вернула уже сотню мирных жителей.", "ru"))
    assert {(q.value, q.counts) for q in facts.quantities} == {(2, "people"), (100, "civilians")}
    facts = extract(article("Додому повернулися двадцятеро цивільних, ще півсотні чекають.", "uk"))
    assert [(q.value, q.counts) for q in facts.quantities][0] == (20, "civilians")


def test_brought_home_and_received_people_in_an_exchange() -> None:
    facts = extract(article("The second chance came on August 7, 2023, when 22 Ukrainians were brought home.", published=dt.date(2025, 10, 8)))
    assert [(e.date.isoformat(), e.type) for e in facts.events] == [("2023-08-07", "prisoner_exchange")]
    body = "21 сентября 2022-го при посредничестве Турции Украина получила 215 человек, а Россия — 55 военнослужащих."
    facts = extract(article(body, "ru", dt.date(2025, 10, 9)))
    assert [(e.date.isoformat(), e.type) for e in facts.events] == [("2022-09-21", "prisoner_exchange")]


def test_a_feminine_adjectival_surname_in_the_accusative() -> None:
    facts = extract(article("Наталію Осадчу, фельдшерку з Херсонщини, затримали на блокпосту восени 2022 року.", "uk"))
    assert "Наталія Осадча" in facts.actors


def test_relayed_statements_are_the_original_speakers() -> None:
    body = "Как сообщает украинское издание «Украинская правда» со ссылкой на Координационный штаб, домой вернулись 146 военных."
    facts = extract(article(body, "ru"))
    assert [c.speaker for c in facts.claims] == ["Coordination Headquarters for the Treatment of Prisoners of War"] and facts.quotes == ()
    assert _claims("По данным украинских СМИ, среди вернувшихся есть трое жителей Херсона.", "ru") == ["Ukrainian media"]
    assert _claims("He spoke to Russian media separately, saying Moscow was ready to hand over 3,000 more bodies.") == []


def test_freed_from_detention_and_bodies_described_at_length() -> None:
    facts = extract(article("A surgeon and a priest were among two dozen civilians freed from Russian detention on Tuesday."))
    assert [e.type for e in facts.events] == ["prisoner_exchange"]
    body = "The bodies of 1,000 people believed to be Ukrainian soldiers were handed over to Ukraine overnight into Friday."
    assert [e.type for e in extract(article(body)).events] == ["remains_return"]


def test_a_date_after_since_is_a_starting_point() -> None:
    facts = extract(article("Since the talks in Istanbul on June 2, Ukraine has received more than 8,000 bodies."))
    assert [(e.date.isoformat(), e.type) for e in facts.events] == [("2025-06-02", "talks")]
    assert extract(article("Since June 2, Ukraine has received more than 8,000 bodies.")).events == ()
    facts = extract(article("It was the first meeting since 2 June, when the delegations agreed swaps of wounded prisoners."))
    assert [(e.date.isoformat(), e.type) for e in facts.events] == [("2025-06-02", "talks")]


def test_a_name_with_its_role_after_a_comma_is_a_person() -> None:
    facts = extract(article("Volker Türk, the UN High Commissioner for Human Rights, urged both sides to respect the rules."))
    assert [c.speaker for c in facts.claims] == ["Volker Türk"]
    body = "Rustem Umerov, the secretary of the National Security and Defence Council, met Turkish Foreign Minister Hakan Fidan."
    assert "Defence Council" not in extract(article(body)).actors
    facts = extract(article("Мирьяна Сполярич, президентка МКЧХ, заявила, що доступу немає.", "uk"))
    assert [c.speaker for c in facts.claims] == ["Мирьяна Сполярич"]


def test_a_government_by_its_capital_after_an_impersonal_verb() -> None:
    assert _claims("Как утверждают в Москве, обмен прошел по формуле «150 на 150».", "ru") == ["Russia"]
    assert _claims("Наступний обмін, як сподіваються у Києві, може відбутися до Різдва.", "uk") == ["Ukraine"]


def test_za_slovamy_spivrozmovnyka_is_the_source_named_before() -> None:
    body = "Джерело в Генеральному штабі ЗСУ розповіло про підготовку. За словами співрозмовника, до нього планують включити п'ятдесят поранених."
    assert _claims(body, "uk") == ["Джерело в Генеральному штабі ЗСУ"] * 2


def test_a_count_noun_is_a_whole_word_and_a_list_of_figures_speaks() -> None:
    facts = extract(article("84 — стільки ж своїх військових отримала Росія.", "uk"))
    assert [(q.value, q.counts) for q in facts.quantities] == [(84, "soldiers")]  # not the "тіл" in "стільки"
    body = "By the numbers:\n- 6,060: bodies returned to Ukraine in June, per Kyiv\n- 78: bodies Russia says it received"
    assert [c.speaker for c in extract(article(body)).claims] == ["Ukraine", "Russia"]


def test_a_statement_quoted_over_several_paragraphs_is_a_quote_per_paragraph() -> None:
    body = (
        "Ukraine and Russia agreed on a swap, Turkey and the United Arab Emirates said in a joint statement.\n\n"
        "The statement reads in full:\n\n"
        '"On 13 November 2025, the delegations held a new round of talks.\n\n'
        '"1. The parties agreed to exchange 1,200 prisoners.\n\n'
        '"We stand ready to host the next meeting."\n'
    )
    quotes = extract(article(body, published=dt.date(2025, 11, 14))).quotes
    assert [q.text[:12] for q in quotes] == ["On 13 Novemb", "1. The parti", "We stand rea"]
    assert {q.speaker for q in quotes} == {"United Arab Emirates"}
    body = "Міністерство оприлюднило заяву.\n\nНаводимо текст заяви повністю.\n\nЗаява МЗС України щодо цивільних\n\n«Перший абзац.\n\nДругий абзац.»"
    quotes = extract(article(body, "uk")).quotes
    mfa = "Ministry of Foreign Affairs of Ukraine"
    assert [(q.speaker, q.text) for q in quotes] == [(mfa, "Перший абзац."), (mfa, "Другий абзац.")]


def test_html_entities_and_latin_lookalikes_are_read_and_cited_as_written() -> None:
    body = "President&nbsp;Volodymyr Zelensky wrote: &quot;Our people are home.&quot; Ukraine received 164&nbsp;servicemen on Thursday."
    facts = extract(article(body, published=dt.date(2025, 11, 14)))
    assert [(q.speaker, q.text) for q in facts.quotes] == [("Volodymyr Zelensky", "Our people are home.")]
    for ev in [q.evidence for q in facts.quantities] + [q.evidence for q in facts.quotes] + [c.evidence for c in facts.claims]:
        assert body[ev.start : ev.end] == ev.text
    assert [q.value for q in facts.quantities] == [164] and facts.quantities[0].evidence.text == "164"
    body = "Зeленський заявив, що додому повернулися 120 людей."  # a Latin "e"
    facts = extract(article(body, "uk"))
    assert [c.speaker for c in facts.claims] == ["Volodymyr Zelensky"]
    assert [body[c.evidence.start : c.evidence.end] for c in facts.claims] == [c.evidence.text for c in facts.claims] == [body]


def test_denied_rumoured_and_conditional_events_are_none() -> None:
    for body, language in [
        ("No exchange took place on Sunday, despite the rumours.", "en"),
        ("Peskov denied on Tuesday that any bodies had been handed over that day.", "en"),
        ("Якби в середу відбувся обмін, додому повернулися б кілька сотень людей.", "uk"),
        ("По неподтвержденным данным, следующий этап может пройти в пятницу.", "ru"),
    ]:
        assert extract(article(body, language, dt.date(2025, 11, 21))).events == (), body


def test_a_verb_of_the_event_binds_its_date_before_a_reporting_verb() -> None:
    body = "The prisoner exchange that Ukraine and Russia carried out on Saturday was announced in a stream of posts."
    facts = extract(article(body, published=dt.date(2025, 11, 3)))
    assert [(e.date.isoformat(), e.type) for e in facts.events] == [("2025-11-01", "prisoner_exchange")]


def test_a_post_pasted_after_its_authors_line_gives_the_author_its_figures() -> None:
    body = "Zelensky wrote on X:\n\nToday 214 of our defenders came home, and 11 civilians with them. #BringThemHome\n\nThe ministry said little."
    facts = extract(article(body, published=dt.date(2025, 12, 5)))
    assert {(q.value, q.attributed_to) for q in facts.quantities} == {(214, "Volodymyr Zelensky"), (11, "Volodymyr Zelensky")}


def test_a_line_ending_in_a_colon_before_a_quoted_post_is_a_quote_only() -> None:
    body = 'Ombudsman Dmytro Lubinets wrote on Telegram:\n\n"Today 214 of our people came home. Thank you to everyone who worked for this."'
    facts = extract(article(body))
    assert facts.claims == () and [q.speaker for q in facts.quotes] == ["Dmytro Lubinets"]


def test_a_bare_nationality_freed_in_a_swap_counts_prisoners() -> None:
    facts = extract(article("By our count of the official Ukrainian figures, 205 Ukrainians came home in swaps during the month."))
    assert [(q.value, q.counts) for q in facts.quantities] == [(205, "prisoners")]


def test_stages_take_the_kind_named_in_their_own_paragraph() -> None:
    body = (
        "June 2 — The sides agreed to return the remains of 6,000 soldiers each.\n\n"
        "June 9-10 — The first stages of the June agreement are carried out on two consecutive days."
    )
    events = [(e.date.isoformat(), e.type) for e in extract(article(body, published=dt.date(2025, 10, 1))).events]
    assert ("2025-06-09", "prisoner_exchange") in events and ("2025-06-09", "remains_return") not in events


def test_delegations_agreeing_on_a_day_is_talks() -> None:
    facts = extract(article("16 травня делегації там домовилися про великий обмін.", "uk", dt.date(2025, 6, 20)))
    assert [(e.date.isoformat(), e.type) for e in facts.events] == [("2025-05-16", "talks")]


def test_the_july_23_meeting_is_talks_and_its_agreement_to_swap_is_planned() -> None:
    facts = extract(article("On paper, the July 23 meeting produced an agreement to swap 1,200 prisoners on each side.", published=dt.date(2025, 8, 28)))
    assert [(e.date.isoformat(), e.type) for e in facts.events] == [("2025-07-23", "talks")]


def test_meetings_on_listed_days_are_talks_and_no_ceasefire_is_none() -> None:
    body = "Как и после стамбульских встреч 16 мая и 2 июня, главным итогом стали договоренности, а вовсе не прекращение огня."
    facts = extract(article(body, "ru", dt.date(2025, 7, 26)))
    assert [(e.date.isoformat(), e.type) for e in facts.events] == [("2025-05-16", "talks"), ("2025-06-02", "talks")]


def test_a_quote_after_a_colon_and_the_statement_said() -> None:
    body = 'Kremlin spokesman Dmitry Peskov struck a more cautious note: "There are contacts. There are no dates."'
    assert [q.speaker for q in extract(article(body)).quotes] == ["Dmitry Peskov"]
    body = 'The Dovira Human Rights Centre set out its findings. "We have spoken to 214 people," the statement said.'
    assert [q.speaker for q in extract(article(body)).quotes] == ["Dovira Human Rights Centre"]


def test_casting_doubt_is_a_claim() -> None:
    body = "Однако к вечеру официальные цифры поставил под сомнение военкор Артем Корнилов."
    assert _claims(body, "ru") == ["Артем Корнилов"]
