"""Find date expressions in article text and resolve them against the publication date.

Only phrases found here are resolved (no whole-text guessing that reads "We" as
Wednesday). English month and weekday names must be capitalised; Ukrainian and Russian
forms come from the tables in data/dates.yaml.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from .lexicon import apostrophe_pattern, load, normalise_apostrophes

LOOKBACK = dt.timedelta(days=305)  # how far back a year-less date may lie
SOON = dt.timedelta(days=61)  # how far ahead
DAY = r"(?<![\d.,:])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|-го)?(?![\d:])"  # "19-го березня" too
DASH = r"\s*(?:-|\u2013|\u2014|to|through|until|до|по)\s*"


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    dates: tuple[dt.date, ...]
    basis: str  # explicit or relative
    future: bool = False  # "next Friday", "tomorrow": a plan, not a report
    span: bool = False  # a range ("9–13 June", "between June 11 and June 16"), not a list of days


@dataclass(frozen=True)
class _Patterns:
    absolute: re.Pattern[str]
    weekday: re.Pattern[str]
    relative: re.Pattern[str] | None
    months: dict[str, int]
    weekdays: dict[str, int]
    relatives: dict[str, int]
    future: frozenset[str]
    between: re.Pattern[str]
    day_of_month: re.Pattern[str] | None
    recent_before: re.Pattern[str] | None


def _alternation(words: list[str]) -> str:
    return "|".join(apostrophe_pattern(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _patterns(language: str) -> _Patterns:
    data = load("dates")
    lang = language if language in data["months"] else "en"
    months: dict[str, int] = data["months"][lang]
    weekdays: dict[str, int] = data["weekdays"][lang]
    relatives: dict[str, int] = data["relative"].get(lang, {})
    joiners = "|".join(re.escape(j) for j in data["list_joiners"][lang])
    # A day after a comma is a day only if no other word follows it: "June 20, 21 and 22",
    # not "on October 30, 12 of them civilians" nor "On July 17, 1,000 bodies".
    listed_day = rf"{DAY}(?![,.]?\d)(?!\s+(?!(?i:{joiners}|{_alternation(list(data['months'][lang]))})(?!\w))[^\W\d_])"
    day_list = rf"(?P<days>{DAY}(?:(?:{DASH}|\s*(?:{joiners})\s*){listed_day})*)"
    year = r"(?:,?\s*(?P<year>(?:19|20)\d\d)(?!\d)(?:\s*(?:року|р\.|года|г\.))?)?"
    if lang == "en":
        month_names = "|".join(rf"{re.escape(m.capitalize())}\.?" if len(m) <= 4 else re.escape(m.capitalize()) for m in sorted(months, key=len, reverse=True))
        absolute = (
            # (?!\w), not \b: "Oct." ends in a full stop
            rf"\b(?P<month1>{month_names})(?!\w)\s*{day_list.replace('days', 'days1')}{year.replace('year', 'year1')}"
            rf"|{day_list}\s+(?P<month2>{month_names})(?!\w){year}"
        )
        flags = 0
        weekday_names = "|".join(w.capitalize() for w in weekdays)
        future_words = "|".join(data["future_markers"][lang])
        weekday = rf"\b(?:(?:on|last|this)\s+)?(?:(?P<future>{future_words})\s+)?(?P<weekday>{weekday_names})(?P<before_last>\s+before\s+last)?\b"
    else:
        absolute = rf"{day_list}\s+(?P<month2>{_alternation(list(months))})(?!\w){year}"
        flags = re.I
        future_words = _alternation(data["future_markers"][lang])
        before_last = _alternation(data["before_last_markers"][lang])
        weekday = (
            rf"(?<!\w)(?:(?:у|в|во|на)\s+)?(?:(?P<future>{future_words})\s+|(?P<before_last>{before_last})\s+)?"
            rf"(?P<weekday>{_alternation(list(weekdays))})(?!\w)"
        )
    relative = rf"(?<!\w)(?P<relative>{_alternation(list(relatives))})(?!\w)" if relatives else None
    return _Patterns(
        absolute=re.compile(absolute, flags),
        weekday=re.compile(weekday, re.I if lang != "en" else 0),
        relative=re.compile(relative, re.I) if relative else None,
        months={k.lower(): v for k, v in months.items()},
        weekdays={_fold(k): v for k, v in weekdays.items()},
        relatives={_fold(k): v for k, v in relatives.items()},
        future=frozenset(data["future_markers"][lang]),
        between=re.compile(rf"(?<!\w)(?:{'|'.join(data['range_openers'][lang])})\s+$", re.I),
        day_of_month=re.compile(data["day_of_month"][lang].replace("DAY", r"(?P<day>[12]\d|3[01]|0?[1-9])")) if data["day_of_month"].get(lang) else None,
        recent_before=re.compile(data["recent_before"][lang], re.I) if data["recent_before"].get(lang) else None,
    )


def _fold(word: str) -> str:
    return normalise_apostrophes(word.lower())


def infer_year(month: int, day: int, published: dt.date) -> dt.date | None:
    """The year of a year-less date. News looks back further than ahead: the date in the past
    ten months, unless the same day comes within the next two ("On March 19" in a December
    report is last March; "on January 10" in a late-December one is next month)."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue  # February 29 exists in one year of three at most
    ahead = [c for c in candidates if published < c <= published + SOON]
    behind = [c for c in candidates if published - LOOKBACK <= c <= published]
    found = ahead or behind[-1:]
    return found[0] if found else None


def _days(text: str) -> list[int]:
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    if _is_range(text, numbers):
        return list(range(numbers[0], numbers[1] + 1))
    return numbers


def _is_range(text: str, numbers: list[int]) -> bool:
    return len(numbers) == 2 and bool(re.search(DASH, text)) and numbers[0] < numbers[1]


# With its year only: "1.212" and "7.057" are thousands written with a full stop.
_NUMERIC = re.compile(r"(?<![\d.,])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d\d)(?![\d.,]\d)")


def find_dates(text: str, language: str, published: dt.date) -> list[DateMention]:
    """Every date phrase in `text` with its resolved date(s), in text order."""
    pats = _patterns(language)
    found: list[DateMention] = []
    for m in pats.absolute.finditer(text):
        month_word = (m.group("month1") if "month1" in m.groupdict() and m.group("month1") else m.group("month2")) or ""
        month = pats.months.get(month_word.rstrip(".").lower())
        days_text = m.groupdict().get("days1") or m.group("days") or ""
        year_text = m.groupdict().get("year1") or m.group("year")
        if month is None or not days_text:
            continue
        resolved: list[dt.date] = []
        for day in _days(days_text):
            if year_text:
                try:
                    resolved.append(dt.date(int(year_text), month, day))
                except ValueError:
                    continue
            else:
                candidate = infer_year(month, day, published)
                if candidate:
                    resolved.append(candidate)
        if resolved:
            span = _is_range(days_text, [int(n) for n in re.findall(r"\d+", days_text)])
            found.append(DateMention(m.start(), m.end(), m.group(0), tuple(resolved), "explicit", span=span))
    if language != "en":  # "06.06.2025": day.month.year, as Ukrainian and Russian news write it
        for m in _NUMERIC.finditer(text):
            try:
                found.append(DateMention(m.start(), m.end(), m.group(0), (dt.date(int(m["year"]), int(m["month"]), int(m["day"])),), "explicit"))
            except ValueError:
                continue  # "1.212.2025" is no date
        found.sort(key=lambda d: d.start)
    found = _join_between(text, found, pats.between)
    for m in pats.weekday.finditer(text):
        if any(d.start <= m.start() < d.end or 0 <= d.start - m.end() <= 3 for d in found):
            continue  # "Friday, June 20": the explicit date wins
        weekday = pats.weekdays[_fold(m.group("weekday"))]
        future = bool(m.group("future"))
        if m.group("before_last"):  # "позаминулого четверга": that day of the week before last week
            offset = weekday - published.isoweekday() - 14
        else:
            offset = ((weekday - published.isoweekday()) % 7 or 7) if future else -((published.isoweekday() - weekday) % 7)
        found.append(DateMention(m.start(), m.end(), m.group(0), (published + dt.timedelta(days=offset),), "relative", future))
    if pats.day_of_month:
        # "the first, on the 4th": in the month of the last full date before it ("On 11 May …
        # on the 16th"), else the last such day up to publication
        for m in pats.day_of_month.finditer(text):
            if any(d.start <= m.start() < d.end for d in found):
                continue
            day, month_start = int(m["day"]), published.replace(day=1)
            anchor = next((d for d in reversed(found) if d.end <= m.start() and d.basis == "explicit" and len(d.dates) == 1), None)
            recent = pats.recent_before is not None and pats.recent_before.search(text, max(0, m.start() - 40), m.start()) is not None
            if anchor is not None and not recent:  # "Last week, on the 14th", "this month: the first, on the 4th"
                candidate = anchor.dates[0].replace(day=1)
            else:
                candidate = month_start if day <= published.day else (month_start - dt.timedelta(days=1)).replace(day=1)
            try:
                found.append(DateMention(m.start(), m.end(), m.group(0), (candidate.replace(day=day),), "explicit"))
            except ValueError:
                continue  # "on the 31st" of a shorter month
    if pats.relative:
        for m in pats.relative.finditer(text):
            offset = pats.relatives[_fold(m.group("relative"))]
            found.append(DateMention(m.start(), m.end(), m.group(0), (published + dt.timedelta(days=offset),), "relative", offset > 0))
    return sorted(found, key=lambda d: d.start)


def _join_between(text: str, found: list[DateMention], between: re.Pattern[str]) -> list[DateMention]:
    """ "between June 11 and June 16", "з 9 червня по 14 червня": one range, every day in it."""
    out: list[DateMention] = []
    for mention in found:
        prev = out[-1] if out else None
        if prev and len(prev.dates) == 1 and len(mention.dates) == 1 and prev.dates[0] < mention.dates[0]:
            gap = text[prev.end : mention.start]
            opener = between.search(text, max(0, prev.start - 12), prev.start)
            if opener and re.fullmatch(r"\s*(?:and|і|й|та|и|по|до|to|until|through|-|\u2013|\u2014)\s*", gap):
                days = (mention.dates[0] - prev.dates[0]).days
                dates = tuple(prev.dates[0] + dt.timedelta(days=i) for i in range(days + 1))
                out[-1] = DateMention(opener.start(), mention.end, text[opener.start() : mention.end], dates, "explicit", span=True)
                continue
        out.append(mention)
    return out


def publication_date_from_text(body: str, language: str) -> tuple[dt.date, str] | None:
    """The date of a dateline with a year, else of a weekday-plus-date mention.

    A weekday next to a year-less date fixes the year only among the years the article
    itself names; without any year there is no honest answer and the caller reports it.
    """
    head = body[:300]
    pats = _patterns(language)
    for m in pats.absolute.finditer(head):
        year = m.groupdict().get("year1") or m.group("year")
        if year:
            months = m.groupdict().get("month1") or m.group("month2")
            days = _days(m.groupdict().get("days1") or m.group("days"))
            try:
                return dt.date(int(year), pats.months[months.rstrip(".").lower()], days[0]), "dateline"
            except (ValueError, KeyError, IndexError):
                continue
    years = sorted({int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", body)})
    for w in pats.weekday.finditer(body):
        after = pats.absolute.match(body, w.end() + (2 if body[w.end() : w.end() + 2] == ", " else 1))
        if not after or not years:
            continue
        months = after.groupdict().get("month1") or after.group("month2")
        day = _days(after.groupdict().get("days1") or after.group("days"))[0]
        weekday = pats.weekdays[_fold(w.group("weekday"))]
        for year in sorted(years, reverse=True):
            try:
                candidate = dt.date(year, pats.months[months.rstrip(".").lower()], day)
            except (ValueError, KeyError):
                continue
            if candidate.isoweekday() == weekday:
                return candidate, "weekday"
    return None


def past_dates(text: str, language: str, published: dt.date) -> tuple[dt.date, ...]:
    """The dates `text` names, in order, leaving out those it speaks of as future."""
    return tuple(date for mention in find_dates(text, language, published) if not mention.future for date in mention.dates)
