"""A static SVG chart of the figures over time, labelled in the page language.

Plots the figures of things that happened (offers and agreements are left out) by the
day they refer to, one series per thing counted. The SVG carries <title> and <desc>, and
the figures page has the full ledger as a table: the text alternative.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from xml.sax.saxutils import escape

from babel.support import NullTranslations

from .i18n import Formatter
from .model import DatedFact, Quantity

FILE_NAME = "figures.svg"
WIDTH, HEIGHT = 720, 360
LEFT, RIGHT, TOP, BOTTOM = 70, 160, 40, 50
COLOURS = {"prisoners": "#3949ab", "bodies": "#6d4c41", "soldiers": "#00897b", "civilians": "#f4511e", "children": "#8e24aa", "people": "#546e7a"}


def _plotted(figures: Sequence[DatedFact]) -> list[DatedFact]:
    return [f for f in figures if isinstance(f.fact, Quantity) and f.fact.value is not None and f.traits is not None and not f.traits.planned]


def svg(figures: Sequence[DatedFact], fmt: Formatter, translations: NullTranslations) -> str:
    _ = translations.gettext
    points = _plotted(figures)
    title = _("Figures over time")
    desc = _(
        "Each point is a figure given for a day: prisoners, bodies and other people counted. Offers and agreements are not shown. The table below lists every figure."  # noqa: E501 - one gettext message
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        'aria-labelledby="chart-title chart-desc" font-family="sans-serif" font-size="12">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{escape(desc)}</desc>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
    ]
    if not points:
        empty = _("No figures yet.")
        parts.append(f'<text x="{WIDTH // 2}" y="{HEIGHT // 2}" text-anchor="middle">{escape(empty)}</text></svg>')
        return "\n".join(parts) + "\n"
    days = sorted({f.date for f in points})
    first, last = days[0], days[-1]
    span = max((last - first).days, 1)
    top_value = max(int(f.fact.value or 0) for f in points)  # type: ignore[union-attr]
    y_max = _nice(top_value)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: dt.date) -> float:
        return LEFT + plot_w * ((day - first).days / span if span else 0.5)

    def y(value: float) -> float:
        return TOP + plot_h * (1 - value / y_max)

    parts.append(f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{LEFT + plot_w}" y2="{TOP + plot_h}" stroke="#333"/>')
    parts.append(f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}" stroke="#333"/>')
    for step in range(5):
        value = y_max * step / 4
        parts.append(f'<line x1="{LEFT - 4}" y1="{y(value):.1f}" x2="{LEFT + plot_w}" y2="{y(value):.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{LEFT - 8}" y="{y(value) + 4:.1f}" text-anchor="end">{escape(fmt.number(int(value)))}</text>')
    for day in (first, last) if first != last else (first,):
        parts.append(f'<text x="{x(day):.1f}" y="{TOP + plot_h + 20}" text-anchor="middle">{escape(fmt.date(day))}</text>')
    axis = _("Number of people or bodies")
    parts.append(f'<text x="{LEFT}" y="{TOP - 14}">{escape(axis)}</text>')
    series = sorted({f.fact.counts for f in points})  # type: ignore[union-attr]
    for i, counts in enumerate(series):
        colour = COLOURS.get(counts, "#000")
        for f in sorted((f for f in points if f.fact.counts == counts), key=lambda f: (f.date, f.id)):  # type: ignore[union-attr]
            value = int(f.fact.value or 0)  # type: ignore[union-attr]
            label = f"{fmt.date(f.date)}: {fmt.number(value)}"
            parts.append(f'<circle cx="{x(f.date):.1f}" cy="{y(value):.1f}" r="5" fill="{colour}" fill-opacity="0.8"><title>{escape(label)}</title></circle>')
        legend_y = TOP + 18 * i
        parts.append(f'<circle cx="{WIDTH - RIGHT + 20}" cy="{legend_y}" r="5" fill="{colour}"/>')
        parts.append(f'<text x="{WIDTH - RIGHT + 32}" y="{legend_y + 4}">{escape(_counts_label(counts, translations))}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _counts_label(counts: str, translations: NullTranslations) -> str:
    _ = translations.gettext
    labels = {
        "prisoners": _("prisoners"),
        "bodies": _("bodies"),
        "civilians": _("civilians"),
        "soldiers": _("soldiers"),
        "children": _("children"),
        "people": _("people"),
    }
    return labels.get(counts, counts)


def _nice(value: int) -> float:
    """A round axis maximum at or above `value` (1, 2 or 5 times a power of ten)."""
    magnitude = 1
    while magnitude * 10 <= value:
        magnitude *= 10
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= value:
            return float(factor * magnitude)
    return float(value)
