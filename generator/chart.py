"""A static SVG chart of the figures over time, labelled in the page language.

Plots the figures of things that happened (offers and agreements are left out) by the
day they refer to, one series per thing counted. The SVG carries <title> and <desc>, and
the figures page has the full ledger as a table: the text alternative.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from babel.support import NullTranslations

from .i18n import Formatter
from .labels import labels
from .model import DatedFact, Quantity

FILE_NAME = "figures.svg"
WIDTH, HEIGHT = 720, 360
LEFT, RIGHT, TOP, BOTTOM = 70, 160, 40, 50
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
COLOURS = {"prisoners": "#3949ab", "bodies": "#6d4c41", "soldiers": "#00897b", "civilians": "#f4511e", "children": "#8e24aa", "people": "#546e7a"}


def _plotted(figures: Sequence[DatedFact]) -> list[DatedFact]:
    return [f for f in figures if isinstance(f.fact, Quantity) and f.fact.value is not None and f.traits is not None and not f.traits.planned]


@dataclass(frozen=True)
class Point:
    day: dt.date
    value: int
    cx: str  # coordinates, already formatted: the same in every language
    cy: str


@dataclass(frozen=True)
class Series:
    counts: str
    colour: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Layout:
    """Where everything goes: worked out once, then labelled in each language by `svg`."""

    first: dt.date | None = None  # None: nothing to plot
    last: dt.date | None = None
    y_max: float = 1.0
    series: tuple[Series, ...] = ()

    def x(self, day: dt.date) -> float:
        assert self.first is not None and self.last is not None
        span = (self.last - self.first).days
        return LEFT + PLOT_W * ((day - self.first).days / span if span else 0.5)

    def y(self, value: float) -> float:
        return TOP + PLOT_H * (1 - value / self.y_max)


def layout(figures: Sequence[DatedFact]) -> Layout:
    points = _plotted(figures)
    if not points:
        return Layout()
    days = sorted({f.date for f in points})
    shape = Layout(days[0], days[-1], _nice(max(int(f.fact.value or 0) for f in points)))  # type: ignore[union-attr]
    series = []
    for counts in sorted({f.fact.counts for f in points}):  # type: ignore[union-attr]
        plotted = []
        for f in sorted((f for f in points if f.fact.counts == counts), key=lambda f: (f.date, f.id)):  # type: ignore[union-attr]
            value = int(f.fact.value or 0)  # type: ignore[union-attr]
            plotted.append(Point(f.date, value, f"{shape.x(f.date):.1f}", f"{shape.y(value):.1f}"))
        series.append(Series(counts, COLOURS.get(counts, "#000"), tuple(plotted)))
    return dataclasses.replace(shape, series=tuple(series))


def svg(shape: Layout, fmt: Formatter, translations: NullTranslations) -> str:
    _ = translations.gettext
    counts_labels = labels(fmt.language, translations).counts
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
    if shape.first is None or shape.last is None:
        empty = _("No figures yet.")
        parts.append(f'<text x="{WIDTH // 2}" y="{HEIGHT // 2}" text-anchor="middle">{escape(empty)}</text></svg>')
        return "\n".join(parts) + "\n"
    parts.append(f'<line x1="{LEFT}" y1="{TOP + PLOT_H}" x2="{LEFT + PLOT_W}" y2="{TOP + PLOT_H}" stroke="#333"/>')
    parts.append(f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + PLOT_H}" stroke="#333"/>')
    for step in range(5):
        value = shape.y_max * step / 4
        parts.append(f'<line x1="{LEFT - 4}" y1="{shape.y(value):.1f}" x2="{LEFT + PLOT_W}" y2="{shape.y(value):.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{LEFT - 8}" y="{shape.y(value) + 4:.1f}" text-anchor="end">{escape(fmt.number(int(value)))}</text>')
    for day in (shape.first, shape.last) if shape.first != shape.last else (shape.first,):
        parts.append(f'<text x="{shape.x(day):.1f}" y="{TOP + PLOT_H + 20}" text-anchor="middle">{escape(fmt.date(day))}</text>')
    axis = _("Number of people or bodies")
    parts.append(f'<text x="{LEFT}" y="{TOP - 14}">{escape(axis)}</text>')
    for i, series in enumerate(shape.series):
        fill = f'r="5" fill="{series.colour}" fill-opacity="0.8"'
        parts += [
            f'<circle cx="{p.cx}" cy="{p.cy}" {fill}><title>{escape(f"{fmt.date(p.day)}: {fmt.number(p.value)}")}</title></circle>' for p in series.points
        ]
        legend_y = TOP + 18 * i
        parts.append(f'<circle cx="{WIDTH - RIGHT + 20}" cy="{legend_y}" r="5" fill="{series.colour}"/>')
        parts.append(f'<text x="{WIDTH - RIGHT + 32}" y="{legend_y + 4}">{escape(counts_labels[series.counts])}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _nice(value: int) -> float:
    """A round axis maximum at or above `value` (1, 2 or 5 times a power of ten)."""
    magnitude = 1
    while magnitude * 10 <= value:
        magnitude *= 10
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= value:
            return float(factor * magnitude)
    return float(value)
