"""capture.reports alone: report rows from sums, medians, weeks, CSV and JSON, on
small fixtures whose answers are worked out by hand."""

import csv
import io
import json
from datetime import date

import pytest

from capture import reports
from capture.reports import DayCount
from capture.reports import ReasonCount
from capture.reports import StatusCount
from capture.reports import WonLead
from capture.vocabulary import REASONS
from capture.vocabulary import STATUSES

QUALIFIED = "what-is-a-qualified-sales-lead"
CLOSING = "closing-it-sales-leads"

# Counts as the database groups them: per key and status, several rows may share both.
COUNTS = [
    StatusCount(QUALIFIED, "queued", 2, queued=2),
    StatusCount(QUALIFIED, "rejected", 1, queued=1),
    StatusCount(QUALIFIED, "accepted", 1, queued=1, accepted=1),
    StatusCount(QUALIFIED, "won", 2, queued=2, accepted=2),
    StatusCount(QUALIFIED, "lost", 1, queued=1, accepted=1),
    StatusCount(QUALIFIED, "screened_out", 3),
    StatusCount(QUALIFIED, "spam", 1),  # a bot's form: never queued
    StatusCount("", "spam", 1),
    StatusCount("", "spam", 1),
    StatusCount(CLOSING, "won", 1, queued=1, accepted=1),
    StatusCount(CLOSING, "lost", 1, queued=1, accepted=1),
    StatusCount(CLOSING, "queued", 1, queued=1),
    StatusCount(CLOSING, "spam", 1, queued=1),  # queued, then staff marked it spam
    StatusCount(CLOSING, "screened_out", 1),
]
WON = [
    WonLead(QUALIFIED, 10.0, 3000),
    WonLead(CLOSING, 3.5, 1200),
    WonLead(QUALIFIED, 31.0, 2000),
]
SCREENED_OUT = [ReasonCount(QUALIFIED, "not_msp", 2), ReasonCount(QUALIFIED, "under_budget", 2),
                ReasonCount(CLOSING, "too_large", 1)]
RELEASED = [ReasonCount(QUALIFIED, "not_msp", 1)]
NO_REASONS = dict.fromkeys(REASONS, 0)


@pytest.fixture
def rows():
    return reports.funnel_rows(COUNTS, WON, SCREENED_OUT, RELEASED)


# --- rows ------------------------------------------------------------------------

def test_rows_are_ordered_by_key_with_no_article_first(rows):
    assert [row.key for row in rows] == ["", CLOSING, QUALIFIED]


def figures(row):
    return (row.received, row.spam, row.screened_out, row.qualified, row.accepted, row.won,
            row.won_value)


def test_a_row_adds_up_its_statuses_and_its_won_leads(rows):
    assert figures(rows[2]) == (11, 1, 3, 7, 4, 2, 5000)
    assert figures(rows[1]) == (5, 1, 1, 4, 2, 1, 1200)
    assert figures(rows[0]) == (2, 2, 0, 0, 0, 0, 0)


def test_the_median_days_run_from_received_to_won(rows):
    assert rows[2].median_days_to_won == 20.5  # (10 + 31) / 2
    assert rows[1].median_days_to_won == 3.5


def test_a_row_without_won_leads_has_no_median(rows):
    assert rows[0].median_days_to_won is None


def test_a_won_lead_without_a_close_date_counts_but_not_in_the_median():
    won = [WonLead("a", None, 700), WonLead("a", 4.0, 300)]
    row = reports.funnel_rows([StatusCount("a", "won", 2, 2, 2)], won)[0]
    assert (row.won, row.won_value, row.median_days_to_won) == (2, 1000, 4.0)


def test_a_won_lead_without_a_value_adds_nothing_to_the_value():
    won = [WonLead("a", 1.0, None)]
    assert reports.funnel_rows([StatusCount("a", "won", 1, 1, 1)], won)[0].won_value == 0


def test_every_reason_is_in_a_row_zero_or_not(rows):
    assert rows[2].screened_out_by_reason == {"not_msp": 2, "too_large": 0, "under_budget": 2}
    assert rows[2].released_by_reason == {"not_msp": 1, "too_large": 0, "under_budget": 0}
    assert rows[0].screened_out_by_reason == rows[0].released_by_reason == NO_REASONS


def test_a_reason_no_longer_in_the_vocabulary_is_left_out():
    found = reports.funnel_rows([StatusCount("a", "screened_out", 1)],
                                screened_out=[ReasonCount("a", "retired_rule", 1)])
    assert found[0].screened_out_by_reason == NO_REASONS


def test_won_leads_and_reasons_of_a_key_without_counts_are_left_out():
    found = reports.funnel_rows([StatusCount("", "spam", 1)],
                                [WonLead("gone", 1.0, 100)],
                                [ReasonCount("gone", "not_msp", 1)])
    assert [(row.key, row.won_value, row.median_days_to_won) for row in found] \
        == [("", 0, None)]


def test_the_total_row_sums_every_key_and_takes_the_median_over_all_won_leads():
    total = reports.total_row(COUNTS, WON, SCREENED_OUT, RELEASED)
    assert figures(total) == (18, 4, 4, 11, 6, 3, 6200)
    assert total.median_days_to_won == 10.0  # of 3.5, 10 and 31; not a median of medians
    assert total.screened_out_by_reason == {"not_msp": 2, "too_large": 1, "under_budget": 2}
    assert total.released_by_reason == {"not_msp": 1, "too_large": 0, "under_budget": 0}


def test_the_funnel_stages_run_from_received_to_won(rows):
    assert rows[2].stages == [("Received", 11), ("Qualified", 7), ("Accepted", 4), ("Won", 2)]


def test_an_empty_report_has_no_rows_and_a_zero_total():
    assert reports.funnel_rows([]) == []
    total = reports.total_row([])
    assert (total.received, total.won_value, total.median_days_to_won) == (0, 0, None)


# --- median ----------------------------------------------------------------------

@pytest.mark.parametrize(("values", "expected"), [
    ([], None),
    ([3], 3),
    ([1, 3], 2),
    ([5, 1, 3], 3),
    ([4, 1, 3, 2], 2.5),
    ([0.5, 0.5, 90], 0.5),
])
def test_median(values, expected):
    assert reports.median(values) == expected


def test_median_days_are_rounded_to_a_tenth():
    won = [WonLead("a", 1 / 3, 100)]  # eight hours
    assert reports.funnel_rows([StatusCount("a", "won", 1)], won)[0].median_days_to_won == 0.3


# --- weeks -----------------------------------------------------------------------

WEDNESDAY = date(2026, 3, 4)


def test_every_status_is_in_exactly_one_week_group():
    grouped = [status for _, statuses in reports.STATUS_GROUPS.values() for status in statuses]
    assert sorted(grouped) == sorted(STATUSES)


@pytest.mark.parametrize(("today", "monday"), [
    (date(2026, 3, 2), date(2026, 3, 2)),  # a Monday starts its own week
    (WEDNESDAY, date(2026, 3, 2)),
    (date(2026, 3, 8), date(2026, 3, 2)),  # Sunday ends it
    (date(2026, 1, 1), date(2025, 12, 29)),  # across the new year
])
def test_weeks_start_on_monday(today, monday):
    assert reports.week_start(today) == monday


def test_the_first_day_is_the_monday_of_the_oldest_week():
    assert reports.first_day(1, WEDNESDAY) == date(2026, 3, 2)
    assert reports.first_day(26, WEDNESDAY) == date(2025, 9, 8)
    with pytest.raises(ValueError, match="weeks"):
        reports.first_day(0, WEDNESDAY)


def test_days_are_bucketed_into_weeks_at_the_monday_boundaries():
    days = [
        DayCount(date(2026, 2, 15), "queued", 100),  # Sunday before the oldest week: left out
        DayCount(date(2026, 2, 16), "queued", 1),  # Monday: the oldest week
        DayCount(date(2026, 2, 22), "in_review", 2),  # its Sunday
        DayCount(date(2026, 2, 23), "spam", 4),  # next Monday: the next week
        DayCount(date(2026, 3, 1), "won", 8),
        DayCount(date(2026, 3, 2), "screened_out", 16),  # this week
        DayCount(date(2026, 3, 8), "rejected", 32),  # this week's Sunday, after today
        DayCount(date(2026, 3, 9), "queued", 100),  # next week: left out
    ]
    weekly = reports.weekly_series(days, 3, WEDNESDAY)
    assert weekly.starts == [date(2026, 2, 16), date(2026, 2, 23), date(2026, 3, 2)]
    assert weekly.series == [
        ("Queued or in review", [3, 0, 0]),
        ("Accepted, won or lost", [0, 8, 0]),
        ("Rejected", [0, 0, 32]),
        ("Screened out", [0, 0, 16]),
        ("Spam", [0, 4, 0]),
    ]
    assert weekly.totals == [3, 12, 48]


def test_counts_of_one_day_and_group_add_up():
    days = [DayCount(WEDNESDAY, "accepted", 2), DayCount(WEDNESDAY, "won", 3),
            DayCount(WEDNESDAY, "lost", 5)]
    assert reports.weekly_series(days, 1, WEDNESDAY).series[1] == ("Accepted, won or lost", [10])


def test_no_leads_gives_empty_weeks():
    weekly = reports.weekly_series([], 26, WEDNESDAY)
    assert len(weekly.starts) == 26
    assert weekly.starts[-1] == date(2026, 3, 2)
    assert weekly.totals == [0] * 26


def test_a_status_in_no_group_is_an_error_not_a_missing_lead():
    with pytest.raises(ValueError, match="archived"):
        reports.weekly_series([DayCount(WEDNESDAY, "archived", 1)], 1, WEDNESDAY)


def test_the_grouping_reads_in_a_sentence_keeping_acronyms():
    assert [reports.noun(by) for by in reports.BY] == ["article", "UTM campaign"]


def test_week_labels_are_short():
    assert reports.week_label(date(2026, 3, 2)) == "Mar 2"


# --- CSV and JSON ----------------------------------------------------------------

DEFAULT_KEYS = ["source", "received", "spam", "screened_out", "qualified", "accepted", "won",
                "won_value"]
DETAIL_KEYS = ["median_days_to_won", "screened_out_not_msp", "screened_out_too_large",
               "screened_out_under_budget", "released_not_msp", "released_too_large",
               "released_under_budget"]


def test_json_is_a_list_of_the_eight_keys_per_row_in_order(rows):
    found = json.loads(reports.to_json(rows))
    assert [list(item) for item in found] == [DEFAULT_KEYS] * 3
    assert found[2] == {"source": QUALIFIED, "received": 11, "spam": 1, "screened_out": 3,
                        "qualified": 7, "accepted": 4, "won": 2, "won_value": 5000}
    assert all(type(item[key]) is int for item in found for key in DEFAULT_KEYS[1:])


def test_json_by_campaign_names_the_key_campaign(rows):
    found = json.loads(reports.to_json(rows, by="campaign"))
    assert list(found[0]) == ["campaign", *DEFAULT_KEYS[1:]]


def test_details_add_the_median_and_the_reasons(rows):
    found = json.loads(reports.to_json(rows, details=True))
    assert list(found[0]) == DEFAULT_KEYS + DETAIL_KEYS
    assert found[0]["median_days_to_won"] is None
    assert {key: found[2][key] for key in DETAIL_KEYS} == {
        "median_days_to_won": 20.5, "screened_out_not_msp": 2, "screened_out_too_large": 0,
        "screened_out_under_budget": 2, "released_not_msp": 1, "released_too_large": 0,
        "released_under_budget": 0}


@pytest.mark.parametrize("details", [False, True])
@pytest.mark.parametrize("by", ["source", "campaign"])
def test_csv_has_the_same_columns_and_values_as_json(rows, by, details):
    table = list(csv.DictReader(io.StringIO(reports.to_csv(rows, by=by, details=details))))
    objects = json.loads(reports.to_json(rows, by=by, details=details))
    assert list(table[0]) == list(objects[0]) == reports.columns(by, details)
    assert table == [{key: "" if value is None else str(value) for key, value in item.items()}
                     for item in objects]


def test_csv_lines_end_in_crlf_and_an_empty_report_is_its_header():
    assert reports.to_csv([]) == ",".join(DEFAULT_KEYS) + "\r\n"
    assert reports.to_json([]) == "[]"


def test_csv_guards_a_key_that_a_spreadsheet_would_run():
    rows = reports.funnel_rows([StatusCount("=HYPERLINK(1)", "queued", 1, queued=1)])
    assert reports.to_csv(rows, by="campaign").splitlines()[1].startswith("'=HYPERLINK(1),1,")
    assert json.loads(reports.to_json(rows, by="campaign"))[0]["campaign"] == "=HYPERLINK(1)"


def test_an_unknown_grouping_is_refused(rows):
    with pytest.raises(ValueError, match="by must be"):
        reports.to_json(rows, by="medium")
    with pytest.raises(ValueError, match="by must be"):
        reports.to_csv(rows, by="medium")
