"""Charts for the staff reports page, drawn on the server as inline SVG.

Staff read the reports on whatever browser the office has, sometimes with
scripts blocked, so the charts are plain SVG strings: no JavaScript, no
chart library, standard library only (like ``screening``, this module never
imports Flask or touches the database; ``reports`` hands it plain numbers).

Each chart is an ``<svg role="img">`` whose ``<title>`` and ``<desc>`` give a
screen reader the whole picture in one sentence, because ``role="img"`` hides
the drawing's own texts from it.  Every segment also carries a ``<title>``
(the browser's tooltip) and ``data-*`` attributes, so a sighted reader can
point at a bar and a test can read the numbers back.

Every caller-supplied text goes through ``escape``/``quoteattr``: series and
stage names are ours, but categories may come from lead data one day.

There is no font metrics engine here: text widths are estimated at
``CHAR_WIDTH`` pixels a character, which errs wide for system-ui at 12px.
It decides how many x labels fit and how much room labels get.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape
from xml.sax.saxutils import quoteattr

# Okabe & Ito's colour-blind-safe set, keeping the hues that reach WCAG's 3:1
# non-text contrast on white (orange, sky blue and yellow do not) plus a dark
# grey; under simulated protan, deutan and tritan vision no two are confused.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#595959", "#000000")
TEXT_COLOUR = "#1a1a1a"
GRID_COLOUR = "#d9d9d9"
AXIS_COLOUR = "#595959"
FONT_FAMILY = "system-ui, sans-serif"
FONT_SIZE = 12
TITLE_SIZE = 14
CHAR_WIDTH = 7
MARGIN = 8
STAGE_GAP = 8
MAX_BAR_WIDTH = 48

_CHART_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def nice_ticks(maximum: int, count: int = 5) -> list[int]:
    """Round tick values from 0 to at least ``maximum``, about ``count`` of them.

    Steps are 1, 2 or 5 times a power of ten, and never below 1: the charts
    count leads, and a tick at 0.5 lead means nothing.  The step chosen gives
    the interval count nearest ``count - 1`` (ties go to the tighter axis), so
    with the default the axis has 4 to 6 ticks.  When even a step of 1 leaves
    too few ticks (a maximum below ``count - 1``, zero included, which is an
    empty chart) the axis is padded to ``0 .. count - 1`` so it still reads as
    a scale rather than a single line.
    """
    if maximum < 0:
        raise ValueError(f"maximum must not be negative, got {maximum}")
    if count < 2:
        raise ValueError(f"count must be at least 2, got {count}")
    target = count - 1
    # Nearest to the target interval count first, then the lowest top tick.
    step, intervals = min(
        _candidate_steps(maximum, target),
        key=lambda candidate: (abs(candidate[1] - target), candidate[0] * candidate[1]),
    )
    return [step * i for i in range(intervals + 1)]


def _candidate_steps(maximum: int, target: int) -> list[tuple[int, int]]:
    """Each nice step up to the first that covers ``maximum`` in one interval."""
    candidates = []
    power = 1
    while True:
        for mantissa in (1, 2, 5):
            step = mantissa * power
            intervals = max(-(-maximum // step), 1)
            if step == 1:
                intervals = max(intervals, target)
            candidates.append((step, intervals))
            if step >= maximum:
                return candidates
        power *= 10


def stacked_bars(
    *,
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    x_label: str,
    y_label: str,
    width: int = 760,
    height: int = 320,
    chart_id: str = "chart",
) -> str:
    """One vertical bar per category, stacked from the series, first series at the bottom.

    Zero segments get no ``<rect>`` at all: there is nothing to draw, and a
    zero-height rect would still show up in the markup and its ``data-*``
    values as a segment that is not there.
    """
    _check_chart_id(chart_id)
    _check_series(categories, series)
    totals = [sum(values[i] for _, values in series) for i in range(len(categories))]
    ticks = nice_ticks(max(totals, default=0))
    plot = _plot_area(categories, series, ticks, width, height)
    body = [
        _heading(title),
        _legend(series, width),
        _y_axis(plot, ticks, y_label),
        _bars(plot, categories, series),
        _x_axis(plot, categories, x_label),
    ]
    desc = _bars_summary(categories, series, totals)
    return _document(chart_id, width, height, title, desc, body)


def _check_series(categories: Sequence[str], series: Sequence[tuple[str, Sequence[int]]]) -> None:
    """Reject data the drawing would silently misstate."""
    if len(series) > len(PALETTE):
        raise ValueError(
            f"at most {len(PALETTE)} series (one per palette colour), got {len(series)}"
        )
    for name, values in series:
        if len(values) != len(categories):
            raise ValueError(
                f"series {name!r} has {len(values)} values for {len(categories)} categories"
            )
        if any(value < 0 for value in values):
            raise ValueError(f"series {name!r} has a negative value")


@dataclass(frozen=True)
class _Plot:
    """Where the bars go, in SVG pixels, and how many pixels a lead is worth."""

    left: float
    top: float
    right: float
    bottom: float
    band: float
    per_unit: float

    def y(self, value: float) -> float:
        return self.bottom - value * self.per_unit


def _plot_area(categories, series, ticks, width, height) -> _Plot:
    """Leave room for the heading, legend, y title, tick labels and x labels."""
    tick_width = max(len(_count(t)) for t in ticks) * CHAR_WIDTH
    half_label = _x_label_width(categories) / 2
    left = MARGIN + max(tick_width + 6, half_label)
    right = width - MARGIN - half_label
    top = _legend_bottom(series, width) + 28
    bottom = height - 38
    if right - left < 40 or bottom - top < 40:
        raise ValueError(f"a {width}x{height} chart leaves no room for the bars")
    band = (right - left) / max(len(categories), 1)
    return _Plot(left, top, right, bottom, band, (bottom - top) / ticks[-1])


def _x_label_width(categories: Sequence[str]) -> int:
    """Room one x label needs, with a gap to its neighbour."""
    return max((len(c) for c in categories), default=0) * CHAR_WIDTH + 8


def _heading(title: str) -> str:
    return _tag(
        "text",
        {"class": "chart-title", "x": MARGIN, "y": 18, "font-size": TITLE_SIZE, "font-weight": 600},
        title,
    )


def _legend_rows(series, width) -> list[list[tuple[int, str]]]:
    """Series (index, name) laid out left to right, wrapping where the width ends."""
    rows: list[list[tuple[int, str]]] = [[]]
    x = MARGIN
    for index, (name, _) in enumerate(series):
        item = _legend_item_width(name)
        if rows[-1] and x + item > width - MARGIN:
            rows.append([])
            x = MARGIN
        rows[-1].append((index, name))
        x += item
    return rows


def _legend_item_width(name: str) -> int:
    return 12 + 4 + len(name) * CHAR_WIDTH + 16


def _legend_bottom(series, width) -> int:
    return 28 + 18 * len(_legend_rows(series, width))


def _legend(series, width) -> str:
    """A swatch and the series name for each series, in stacking order."""
    items = []
    for row_number, row in enumerate(_legend_rows(series, width)):
        x = MARGIN
        y = 28 + 18 * row_number
        for index, name in row:
            swatch = {
                "class": f"swatch s{index}",
                "x": x,
                "y": y,
                "width": 12,
                "height": 12,
                "fill": PALETTE[index],
            }
            label = {"class": "legend-label", "x": x + 16, "y": y + 10}
            items.append(_tag("rect", swatch) + _tag("text", label, name))
            x += _legend_item_width(name)
    return _group("legend", items)


def _y_axis(plot: _Plot, ticks: Sequence[int], y_label: str) -> str:
    """Gridlines with their values, and the axis title above them (horizontal, like all text)."""
    parts = [_tag("text", {"class": "y-title", "x": MARGIN, "y": plot.top - 12}, y_label)]
    for tick in ticks:
        y = plot.y(tick)
        line = {
            "class": "grid",
            "data-value": tick,
            "x1": plot.left,
            "x2": plot.right,
            "y1": y,
            "y2": y,
            "stroke": AXIS_COLOUR if tick == 0 else GRID_COLOUR,
        }
        label = {"class": "y-tick", "x": plot.left - 6, "y": y + 4, "text-anchor": "end"}
        parts.append(_tag("line", line) + _tag("text", label, _count(tick)))
    return _group("y-axis", parts)


def _bars(plot: _Plot, categories, series) -> str:
    """The stacked segments; a white edge keeps neighbouring colours apart.

    Bars stop growing at ``MAX_BAR_WIDTH``: three weeks drawn 160px wide read as
    blocks, not bars.
    """
    bar_width = min(plot.band * 0.7, MAX_BAR_WIDTH)
    rects = []
    for i, category in enumerate(categories):
        x = plot.left + plot.band * i + (plot.band - bar_width) / 2
        below = 0
        for index, (name, values) in enumerate(series):
            value = values[i]
            if value == 0:
                continue
            # Round the edges, not the heights, so the stack has no gaps or overlaps.
            bottom, top = _round(plot.y(below)), _round(plot.y(below + value))
            below += value
            attrs = {
                "class": f"bar s{index}",
                "data-category": category,
                "data-series": name,
                "data-value": value,
                "x": x,
                "y": top,
                "width": bar_width,
                "height": bottom - top,
                "fill": PALETTE[index],
            }
            tooltip = _tag("title", {}, f"{category} — {name}: {_count(value)}")
            rects.append(_tag("rect", attrs, tooltip, raw=True))
    return _group("bars", rects, stroke="#fff", stroke_width=1)


def _x_axis(plot: _Plot, categories: Sequence[str], x_label: str) -> str:
    """Category labels, every k-th one when they would otherwise overlap."""
    every = max(1, math.ceil(_x_label_width(categories) / plot.band))
    parts = []
    for i in range(0, len(categories), every):
        label = {
            "class": "x-tick",
            "x": plot.left + plot.band * (i + 0.5),
            "y": plot.bottom + 16,
            "text-anchor": "middle",
        }
        parts.append(_tag("text", label, categories[i]))
    title = {
        "class": "x-title",
        "x": (plot.left + plot.right) / 2,
        "y": plot.bottom + 32,
        "text-anchor": "middle",
    }
    parts.append(_tag("text", title, x_label))
    return _group("x-axis", parts)


def _bars_summary(categories, series, totals) -> str:
    """The chart in a sentence, for readers who cannot see it."""
    count = _plural(len(categories), "category", "categories")
    total = sum(totals)
    if total == 0:
        return f"{count}; total 0; no data to show."
    highest = max(totals)
    where = categories[totals.index(highest)]
    by_series = ", ".join(f"{name} {_count(sum(values))}" for name, values in series)
    return f"{count}; total {_count(total)}; highest {_count(highest)} in {where}; {by_series}."


def funnel(
    *,
    title: str,
    stages: Sequence[tuple[str, int]],
    width: int = 760,
    bar_height: int = 28,
    chart_id: str = "funnel",
) -> str:
    """Horizontal bars, one per stage in the order given, each with its share of the first.

    Lengths are drawn against the largest stage.  In a real funnel that is the
    first stage; a later stage that outgrows it (stages counted over different
    periods) then still fits in the drawing, and its label says e.g. "125%".
    """
    _check_chart_id(chart_id)
    _check_stages(stages)
    first = stages[0][1]
    shown = [_stage_value(value, first, i) for i, (_, value) in enumerate(stages)]
    label_right = MARGIN + max(len(name) for name, _ in stages) * CHAR_WIDTH
    bar_left = label_right + 8
    longest = width - bar_left - 6 - max(len(text) for text in shown) * CHAR_WIDTH - MARGIN
    if longest < 40:
        raise ValueError(f"a {width}px funnel leaves no room for the bars")
    per_unit = longest / max(max(value for _, value in stages), 1)
    rows = []
    for i, (name, value) in enumerate(stages):
        top = 32 + i * (bar_height + STAGE_GAP)
        middle = top + bar_height / 2 + 4
        length = value * per_unit
        bar = {
            "class": "stage",
            "data-stage": name,
            "data-value": value,
            "x": bar_left,
            "y": top,
            "width": length,
            "height": bar_height,
            "fill": PALETTE[0],
        }
        label = {"class": "stage-label", "x": label_right, "y": middle, "text-anchor": "end"}
        number = {"class": "stage-value", "x": bar_left + length + 6, "y": middle}
        tooltip = _tag("title", {}, _stage_tooltip(stages, i))
        rows.append(
            _tag("text", label, name)
            + _tag("rect", bar, tooltip, raw=True)
            + _tag("text", number, shown[i])
        )
    height = 32 + len(stages) * bar_height + (len(stages) - 1) * STAGE_GAP + 12
    body = [_heading(title), _group("stages", rows)]
    return _document(chart_id, width, height, title, _funnel_summary(stages), body)


def _check_stages(stages: Sequence[tuple[str, int]]) -> None:
    if not stages:
        raise ValueError("a funnel needs at least one stage")
    for name, value in stages:
        if value < 0:
            raise ValueError(f"stage {name!r} has a negative value")


def share(value: int, first: int) -> str:
    """Percent of the first stage, rounded half up; "<1%" so a few leads never read as none.
    Public so that the table beside a funnel words its shares as the funnel does."""
    if 0 < value * 100 < first:
        return "<1%"
    return f"{(200 * value + first) // (2 * first)}%"


def _stage_value(value: int, first: int, index: int) -> str:
    """The text right of a bar: the first stage is the 100%, so it shows its count alone."""
    if index == 0 or first == 0:
        return _count(value)
    return f"{_count(value)} · {share(value, first)}"


def _stage_tooltip(stages, index: int) -> str:
    name, value = stages[index]
    first_name, first = stages[0]
    if index == 0 or first == 0:
        return f"{name}: {_count(value)}"
    return f"{name}: {_count(value)} ({share(value, first)} of {first_name})"


def _funnel_summary(stages) -> str:
    first = stages[0][1]
    parts = []
    for i, (name, value) in enumerate(stages):
        part = f" ({share(value, first)})" if i and first else ""
        parts.append(f"{name} {_count(value)}{part}")
    return ", ".join(parts) + "."


def _check_chart_id(chart_id: str) -> None:
    """Ids are joined into ``aria-labelledby``, a space-separated list, so no spaces."""
    if not _CHART_ID.fullmatch(chart_id):
        raise ValueError(f"chart_id must be a letter then letters, digits, - or _: {chart_id!r}")


def _document(chart_id, width, height, title, desc, body) -> str:
    """The ``<svg>`` root; ids hang off ``chart_id`` so two charts can share a page."""
    attrs = {
        "xmlns": "http://www.w3.org/2000/svg",
        "id": chart_id,
        "width": width,
        "height": height,
        "viewBox": f"0 0 {width} {height}",
        "role": "img",
        "aria-labelledby": f"{chart_id}-title {chart_id}-desc",
        "font-family": FONT_FAMILY,
        "font-size": FONT_SIZE,
        "fill": TEXT_COLOUR,
    }
    head = _tag("title", {"id": f"{chart_id}-title"}, title) + _tag(
        "desc", {"id": f"{chart_id}-desc"}, desc
    )
    return _tag("svg", attrs, "\n".join([head, *body]) + "\n", raw=True)


def _group(name: str, children: Sequence[str], **attrs) -> str:
    attrs = {key.replace("_", "-"): value for key, value in attrs.items()}
    return _tag("g", {"class": name, **attrs}, "".join(children), raw=True)


def _tag(name: str, attrs: dict, content: str | None = None, *, raw: bool = False) -> str:
    """One element; ``content`` is escaped unless it is ``raw`` markup built here."""
    rendered = "".join(f" {key}={quoteattr(_value(value))}" for key, value in attrs.items())
    if content is None:
        return f"<{name}{rendered}/>"
    inner = content if raw else escape(content)
    return f"<{name}{rendered}>{inner}</{name}>"


def _value(value) -> str:
    """Attribute text; floats become coordinates with at most one decimal."""
    if isinstance(value, float):
        return _coordinate(value)
    return str(value)


def _round(value: float) -> float:
    return round(value, 1)


def _coordinate(value: float) -> str:
    rounded = _round(value)
    if rounded == int(rounded):
        return str(int(rounded))
    return f"{rounded:.1f}"


def _count(value: int) -> str:
    return f"{value:,}"


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
