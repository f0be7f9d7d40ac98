"""The site's fixed vocabularies in one language: event types, what a figure counts, statuses,
kinds of figure and qualifiers.

Each vocabulary is translated once per language into a table. Pages look labels up in it
instead of calling a template macro per row (a year's timeline or ledger has thousands of
rows, and a Jinja macro call costs as much as a dozen lookups), and the pages, the chart
and the feeds show the same words. A key a table does not know (an editor's correction may
set any type) gets the vocabulary's catch-all label, as the macros did.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from babel.support import NullTranslations

from .i18n import Formatter
from .model import FigureTraits, Quantity


def N_(message: str) -> str:  # noqa: N802 - the name `pybabel extract` looks for
    """Marks a message for the catalog; it is translated when a language's tables are made."""
    return message


EVENTS = {
    "prisoner_exchange": N_("Prisoner exchange"),
    "remains_return": N_("Return of remains"),
    "talks": N_("Talks"),
    "ceasefire": N_("Ceasefire"),
    "other": N_("Other event"),
}
COUNTS = {
    "prisoners": N_("prisoners"),
    "bodies": N_("bodies"),
    "civilians": N_("civilians"),
    "soldiers": N_("soldiers"),
    "children": N_("children"),
    "people": N_("people"),
}
STATUSES = {"confirmed": N_("confirmed"), "reported": N_("reported"), "claim": N_("claim")}
QUALIFIERS = {
    "more_than": N_("more than %(value)s"),
    "at_least": N_("at least %(value)s"),
    "about": N_("about %(value)s"),
    "nearly": N_("nearly %(value)s"),
    "up_to": N_("up to %(value)s"),
    "exact": "%(value)s",
}
KINDS = {"planned": N_("offered or agreed"), "cumulative": N_("total so far"), "stage": N_("one stage"), "received": N_("received")}
NOT_DISCLOSED = N_("not disclosed")
UNKNOWN_OUTLET = N_("Unknown outlet")
THE_OUTLET = N_("the outlet")  # who says so, when no one is quoted
CATCH_ALL = {"events": "other", "counts": "people", "statuses": "claim", "qualifiers": "exact"}


class Table(dict[str, str]):
    """Labels by key; an unknown key gets the catch-all's label."""

    def __init__(self, labels: Mapping[str, str], catch_all: str) -> None:
        super().__init__(labels)
        self.catch_all = catch_all

    def __missing__(self, key: str) -> str:
        return self[self.catch_all]


def _table(vocabulary: Mapping[str, str], catch_all: str, translations: NullTranslations) -> Table:
    return Table({key: translations.gettext(message) for key, message in vocabulary.items()}, catch_all)


@dataclass(frozen=True)
class Labels:
    """One language's tables (`labels.events["talks"]`) and the figure labels made from them."""

    events: Table
    counts: Table
    statuses: Table
    qualifiers: Table
    kinds: Table
    not_disclosed: str
    unknown_outlet: str
    the_outlet: str
    fmt: Formatter

    def figure_value(self, quantity: Quantity) -> str:
        """'more than 1,000' in the page language; 'not disclosed' when the article withholds it."""
        if quantity.qualifier == "undisclosed" or quantity.value is None:
            return self.not_disclosed if quantity.qualifier == "undisclosed" else ""
        return self.qualifiers[quantity.qualifier] % {"value": self.fmt.number(quantity.value)}

    def figure_kind(self, traits: FigureTraits | None) -> str:
        """'total so far, received'; a dash for a figure an editor added (no traits)."""
        if traits is None:
            return "—"
        kind = self.kinds["planned" if traits.planned else "cumulative" if traits.cumulative else "stage"]
        return f"{kind}, {self.kinds['received']}" if traits.direction == "received" else kind


def labels(language: str, translations: NullTranslations) -> Labels:
    return Labels(
        events=_table(EVENTS, CATCH_ALL["events"], translations),
        counts=_table(COUNTS, CATCH_ALL["counts"], translations),
        statuses=_table(STATUSES, CATCH_ALL["statuses"], translations),
        qualifiers=_table(QUALIFIERS, CATCH_ALL["qualifiers"], translations),
        kinds=_table(KINDS, "stage", translations),
        not_disclosed=translations.gettext(NOT_DISCLOSED),
        unknown_outlet=translations.gettext(UNKNOWN_OUTLET),
        the_outlet=translations.gettext(THE_OUTLET),
        fmt=Formatter(language),
    )
