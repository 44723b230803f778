"""Report charts: parse the SVG back and check it says what the numbers say."""

import re
from datetime import date
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from capture.charts import PALETTE
from capture.charts import TEXT_COLOUR
from capture.charts import funnel
from capture.charts import nice_ticks
from capture.charts import stacked_bars

SVG = "http://www.w3.org/2000/svg"
WEEKS = ["Nov 2", "Nov 9", "Nov 16", "Nov 23"]
SERIES = [
    ("Queued", [12, 0, 7, 3]),
    ("Screened out", [4, 5, 0, 0]),
    ("Spam", [1, 0, 2, 0]),
]
TOTALS = {"Nov 2": 17, "Nov 9": 5, "Nov 16": 9, "Nov 23": 3}
STAGES = [("Received", 120), ("Qualified", 40), ("Accepted", 20), ("Won", 5)]
TRICKY = """Q&A <b>"quoted"</b> 'single' — ünïcode"""
# 0.6em a character is wider than system-ui's average at 12px; labels spaced
# by that much do not overlap.
GLYPH_WIDTH = 0.6 * 12


def weekly(**change):
    return stacked_bars(
        **{
            "title": "Leads by week",
            "categories": WEEKS,
            "series": SERIES,
            "x_label": "Week starting",
            "y_label": "Leads",
        }
        | change
    )


def pipeline(**change):
    return funnel(**{"title": "Pipeline", "stages": STAGES} | change)


def parse(svg):
    return etree.fromstring(svg.encode())


def by_class(root, tag, name):
    return [el for el in root.iter(f"{{{SVG}}}{tag}") if name in el.get("class", "").split()]


def texts(root, name):
    return [el.text for el in by_class(root, "text", name)]


def labelled_by(root):
    """The texts of the elements named by aria-labelledby, in order."""
    ids = root.get("aria-labelledby").split()
    return [(el.tag, el.text) for i in ids for el in root.iter() if el.get("id") == i]


def value_lines(root):
    return {
        int(line.get("data-value")): float(line.get("y1"))
        for line in by_class(root, "line", "grid")
    }


def contrast_on_white(colour):
    def linear(channel):
        c = int(channel, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(colour[i : i + 2]) for i in (1, 3, 5))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


# nice_ticks


@pytest.mark.parametrize(
    ("maximum", "count", "ticks"),
    [
        (0, 5, [0, 1, 2, 3, 4]),  # an empty chart still gets a readable scale
        (1, 5, [0, 1, 2, 3, 4]),  # steps never go below one lead
        (4, 5, [0, 1, 2, 3, 4]),
        (5, 5, [0, 1, 2, 3, 4, 5]),
        (7, 5, [0, 2, 4, 6, 8]),
        (10, 5, [0, 2, 4, 6, 8, 10]),
        (95, 5, [0, 20, 40, 60, 80, 100]),
        (1234, 5, [0, 500, 1000, 1500]),
        (100000, 5, [0, 20000, 40000, 60000, 80000, 100000]),
        (10, 3, [0, 5, 10]),
    ],
)
def test_nice_ticks_table(maximum, count, ticks):
    assert nice_ticks(maximum, count) == ticks


@given(st.integers(min_value=0, max_value=10**12))
def test_nice_ticks_are_four_to_six_even_round_steps_covering_the_maximum(maximum):
    ticks = nice_ticks(maximum)
    step = ticks[1]
    assert 4 <= len(ticks) <= 6
    assert ticks == [step * i for i in range(len(ticks))]
    assert ticks[-1] >= maximum
    assert str(step).rstrip("0") in {"1", "2", "5"}


@pytest.mark.parametrize(("maximum", "count"), [(-1, 5), (10, 1)])
def test_nice_ticks_reject_a_negative_maximum_or_fewer_than_two_ticks(maximum, count):
    with pytest.raises(ValueError, match="must"):
        nice_ticks(maximum, count)


# stacked_bars


def test_stacked_bars_is_an_inline_svg_image_named_by_its_title_and_desc():
    svg = weekly()
    root = parse(svg)
    assert svg.startswith("<svg ")
    assert root.tag == f"{{{SVG}}}svg"
    assert root.get("role") == "img"
    assert labelled_by(root) == [
        (f"{{{SVG}}}title", "Leads by week"),
        (
            f"{{{SVG}}}desc",
            "4 categories; total 34; highest 17 in Nov 2; Queued 22, Screened out 9, Spam 3.",
        ),
    ]


def test_stacked_bars_draw_one_segment_per_nonzero_value():
    segments = by_class(parse(weekly()), "rect", "bar")
    expected = {
        (week, name, value)
        for name, values in SERIES
        for week, value in zip(WEEKS, values, strict=True)
        if value
    }
    found = [
        (s.get("data-category"), s.get("data-series"), int(s.get("data-value"))) for s in segments
    ]
    assert len(found) == len(expected) == 7
    assert set(found) == expected


def test_each_segment_has_a_tooltip_naming_category_series_and_value():
    segments = by_class(parse(weekly()), "rect", "bar")
    tooltips = [s.find(f"{{{SVG}}}title").text for s in segments]
    assert "Nov 2 — Queued: 12" in tooltips
    assert "Nov 16 — Spam: 2" in tooltips


def test_stack_heights_match_category_totals_on_the_axis_scale():
    root = parse(weekly())
    lines = value_lines(root)
    top = max(lines)
    baseline = lines[0]
    per_lead = (baseline - lines[top]) / top
    for week, total in TOTALS.items():
        segments = [s for s in by_class(root, "rect", "bar") if s.get("data-category") == week]
        height = sum(float(s.get("height")) for s in segments)
        bottom = max(float(s.get("y")) + float(s.get("height")) for s in segments)
        assert height == pytest.approx(total * per_lead, abs=0.15)
        assert bottom == pytest.approx(baseline, abs=0.05)


def test_first_series_sits_at_the_bottom_of_the_stack():
    segments = by_class(parse(weekly()), "rect", "bar")
    nov_2 = [s for s in segments if s.get("data-category") == "Nov 2"]
    assert [s.get("data-series") for s in sorted(nov_2, key=lambda s: -float(s.get("y")))] == [
        "Queued",
        "Screened out",
        "Spam",
    ]


def test_y_axis_labels_round_ticks_up_to_at_least_the_tallest_stack():
    root = parse(weekly())
    assert texts(root, "y-tick") == ["0", "5", "10", "15", "20"]
    assert sorted(value_lines(root)) == [0, 5, 10, 15, 20]


def test_large_tick_values_are_grouped_by_thousands():
    root = parse(weekly(categories=["2025"], series=[("Leads", [4321])]))
    assert texts(root, "y-tick") == ["0", "1,000", "2,000", "3,000", "4,000", "5,000"]


def test_axis_titles_and_legend_name_everything():
    root = parse(weekly())
    assert texts(root, "y-title") == ["Leads"]
    assert texts(root, "x-title") == ["Week starting"]
    assert texts(root, "legend-label") == ["Queued", "Screened out", "Spam"]


def test_legend_swatches_match_their_series_colour():
    root = parse(weekly())
    swatches = [s.get("fill") for s in by_class(root, "rect", "swatch")]
    for index, (name, _) in enumerate(SERIES):
        fills = {
            s.get("fill") for s in by_class(root, "rect", "bar") if s.get("data-series") == name
        }
        assert fills == {swatches[index]}
    assert len(set(swatches)) == len(SERIES)


def test_every_category_is_labelled_when_few():
    assert texts(parse(weekly()), "x-tick") == WEEKS


def test_x_labels_are_thinned_so_a_year_of_weeks_does_not_overlap():
    weeks = [
        f"{day:%b} {day.day}" for day in (date(2025, 1, 5) + timedelta(weeks=i) for i in range(52))
    ]
    root = parse(weekly(categories=weeks, series=[("Queued", list(range(52)))]))
    labels = by_class(root, "text", "x-tick")
    every = weeks.index(labels[1].text)
    assert every > 1
    assert [label.text for label in labels] == weeks[::every]
    centres = [float(label.get("x")) for label in labels]
    widest = max(len(w) for w in weeks) * GLYPH_WIDTH
    assert all(b - a >= widest for a, b in zip(centres, centres[1:], strict=False))


def test_texts_with_markup_characters_are_escaped():
    root = parse(
        weekly(
            title=TRICKY,
            categories=[TRICKY],
            series=[(TRICKY, [3])],
            x_label=TRICKY,
            y_label=TRICKY,
        )
    )
    segment = by_class(root, "rect", "bar")[0]
    assert root.find(f"{{{SVG}}}title").text == TRICKY
    assert segment.get("data-category") == segment.get("data-series") == TRICKY
    assert segment.find(f"{{{SVG}}}title").text == f"{TRICKY} — {TRICKY}: 3"
    for name in ("chart-title", "legend-label", "x-tick", "x-title", "y-title"):
        assert texts(root, name) == [TRICKY]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"series": [("Queued", [1, 2, 3])]}, "has 3 values for 4 categories"),
        ({"series": [("Queued", [1, 2, 3, 4, 5])]}, "has 5 values for 4 categories"),
        ({"series": [("Spam", [1, -1, 0, 0])]}, "negative"),
        ({"series": [(f"S{i}", [0, 0, 0, 0]) for i in range(7)]}, "at most 6 series"),
        ({"chart_id": "two words"}, "chart_id"),
        ({"height": 60}, "no room"),
    ],
)
def test_stacked_bars_reject_data_they_would_misdraw(change, message):
    with pytest.raises(ValueError, match=message):
        weekly(**change)


@pytest.mark.parametrize(
    ("categories", "series", "desc"),
    [
        (
            WEEKS[:3],
            [("Queued", [0, 0, 0]), ("Spam", [0, 0, 0])],
            "3 categories; total 0; no data to show.",
        ),
        (WEEKS[:1], [("Queued", [0])], "1 category; total 0; no data to show."),
        ([], [("Queued", [])], "0 categories; total 0; no data to show."),
    ],
)
def test_all_zero_data_draws_an_empty_chart(categories, series, desc):
    root = parse(weekly(categories=categories, series=series))
    assert labelled_by(root)[1][1] == desc
    assert by_class(root, "rect", "bar") == []
    assert texts(root, "y-tick") == ["0", "1", "2", "3", "4"]


# funnel


def test_funnel_is_an_inline_svg_image_named_by_its_title_and_desc():
    svg = pipeline()
    root = parse(svg)
    assert svg.startswith("<svg ")
    assert root.get("role") == "img"
    assert labelled_by(root) == [
        (f"{{{SVG}}}title", "Pipeline"),
        (f"{{{SVG}}}desc", "Received 120, Qualified 40 (33%), Accepted 20 (17%), Won 5 (4%)."),
    ]


def test_funnel_bars_follow_the_stages_with_widths_proportional_to_values():
    bars = by_class(parse(pipeline()), "rect", "stage")
    assert [(b.get("data-stage"), int(b.get("data-value"))) for b in bars] == STAGES
    assert [float(b.get("y")) for b in bars] == sorted(float(b.get("y")) for b in bars)
    per_lead = float(bars[0].get("width")) / 120
    for bar, (_, value) in zip(bars, STAGES, strict=True):
        assert float(bar.get("width")) == pytest.approx(value * per_lead, abs=0.05)


def test_funnel_labels_names_values_and_shares_of_the_first_stage():
    root = parse(pipeline())
    assert texts(root, "stage-label") == ["Received", "Qualified", "Accepted", "Won"]
    assert texts(root, "stage-value") == ["120", "40 · 33%", "20 · 17%", "5 · 4%"]
    tooltips = [b.find(f"{{{SVG}}}title").text for b in by_class(root, "rect", "stage")]
    assert tooltips[:2] == ["Received: 120", "Qualified: 40 (33% of Received)"]


@pytest.mark.parametrize(
    ("stages", "shown"),
    [
        ([("In", 8), ("Out", 1)], ["8", "1 · 13%"]),  # 12.5 rounds half up
        ([("In", 1000), ("Out", 1)], ["1,000", "1 · <1%"]),  # a few leads never read as none
        ([("In", 10), ("Out", 0)], ["10", "0 · 0%"]),
        ([("In", 4), ("Out", 5)], ["4", "5 · 125%"]),
        ([("In", 0), ("Out", 3)], ["0", "3"]),  # no share of nothing
        ([("In", 0), ("Out", 0)], ["0", "0"]),
    ],
)
def test_funnel_value_labels(stages, shown):
    assert texts(parse(pipeline(stages=stages)), "stage-value") == shown


@pytest.mark.parametrize(
    ("stages", "widths"),
    [
        ([("In", 0), ("Out", 0)], [0, 0]),
        ([("In", 0), ("Mid", 3), ("Out", 6)], [0, 0.5, 1]),  # against the largest
        ([("In", 4), ("Out", 5)], [0.8, 1]),  # a larger later stage still fits
    ],
)
def test_funnel_bars_stay_inside_the_drawing(stages, widths):
    root = parse(pipeline(stages=stages))
    bars = by_class(root, "rect", "stage")
    longest = max(float(b.get("width")) for b in bars) or 1
    assert [float(b.get("width")) / longest for b in bars] == pytest.approx(widths, abs=0.01)
    assert all(float(b.get("x")) + float(b.get("width")) < int(root.get("width")) for b in bars)


def test_funnel_height_grows_by_one_row_per_stage():
    heights = [int(parse(pipeline(stages=STAGES[:n])).get("height")) for n in (1, 2, 3, 4)]
    steps = {b - a for a, b in zip(heights, heights[1:], strict=False)}
    assert steps == {28 + 8}
    assert int(parse(pipeline(stages=STAGES[:2], bar_height=40)).get("height")) > heights[1]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"stages": []}, "at least one stage"),
        ({"stages": [("Received", 3), ("Won", -1)]}, "negative"),
        ({"chart_id": "9lives"}, "chart_id"),
    ],
)
def test_funnel_rejects_what_it_cannot_draw(change, message):
    with pytest.raises(ValueError, match=message):
        pipeline(**change)


# both charts


def test_same_input_gives_the_same_svg():
    assert weekly() == weekly()
    assert pipeline() == pipeline()


def test_coordinates_are_integers_or_one_decimal():
    coordinate = re.compile(r"-?\d+(\.\d)?")
    names = ("x", "y", "width", "height", "x1", "x2", "y1", "y2")
    for svg in (weekly(), pipeline(), weekly(width=613, height=297)):
        for el in parse(svg).iter():
            for name in names:
                if el.get(name) is not None:
                    assert coordinate.fullmatch(el.get(name)), (el.tag, name, el.get(name))


def test_two_charts_on_one_page_have_distinct_ids():
    page = "<div>" + weekly(chart_id="weekly") + pipeline(chart_id="pipeline") + weekly() + "</div>"
    root = etree.fromstring(page.encode())
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(ids) == len(set(ids)) == 9
    for svg in root:
        assert all(el.get("id").startswith(svg.get("id")) for el in svg.iter() if el.get("id"))


def test_colours_are_readable_on_white():
    # WCAG 2.1: 3:1 for the parts of a graphic (1.4.11), 4.5:1 for text (1.4.3).
    assert len(set(PALETTE)) == 6
    assert all(contrast_on_white(colour) >= 3 for colour in PALETTE)
    assert contrast_on_white(TEXT_COLOUR) >= 4.5


def test_text_uses_the_system_font_at_twelve_pixels():
    for root in (parse(weekly()), parse(pipeline())):
        assert root.get("font-family") == "system-ui, sans-serif"
        assert root.get("font-size") == "12"
        assert root.get("fill") == TEXT_COLOUR
