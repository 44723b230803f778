"""Reports on a real database: ``report funnel`` as JSON and CSV over a fixture whose
figures are known.

The leads are written through the model and moved with the real lifecycle and
pipeline functions (claim, accept, win, lose, reject, release), so the funnel's
definitions are checked against what staff actions actually store."""

import csv
import io
import json
from datetime import UTC
from datetime import datetime
from datetime import time
from datetime import timedelta

import pytest
from sqlalchemy import text

from capture import followup
from capture import lifecycle
from capture import pipeline
from capture import reports
from capture.extensions import db
from capture.models import Lead
from capture.models import StaffUser
from capture.models import new_public_id
from capture.staff.reports import week_counts

SVG = "{http://www.w3.org/2000/svg}"
A = "what-is-a-qualified-sales-lead"
B = "closing-it-sales-leads"
REASON = {"not_msp": "Says it needs IT support.", "too_large": "900 employees.",
          "under_budget": "$500 a month."}

# number: (source, utm_campaign, weeks ago received, what happened, its detail)
LEADS = {
    1: (A, "spring", 0, "queued", None),
    2: (A, "spring", 0, "in_review", None),
    3: (A, "spring", 1, "accepted", None),
    4: (A, "spring", 10, "won", (3000, 10)),  # $3,000 a month, won 10 days after receipt
    5: (A, "fall", 10, "won", (2000, 30)),
    6: (A, "fall", 1, "lost", None),
    7: (A, "fall", 1, "rejected", None),
    8: (A, "", 1, "screened_out", ("not_msp", "under_budget")),
    9: (A, "", 2, "screened_out", ("too_large",)),
    10: (A, "spring", 3, "released", ("under_budget",)),
    11: (A, "", 0, "spam", None),
    12: (B, "fall", 10, "won", (500, 5)),
    13: (B, "fall", 2, "screened_out", ("not_msp",)),
    14: (B, "", 3, "released_accepted", ("not_msp", "too_large")),
    15: (B, "spring", 2, "spam", None),
    16: ("", "", 30, "spam", None),  # older than the weekly chart's 26 weeks
    17: ("", "spring", 0, "queued", None),
}

BY_SOURCE = [
    {"source": "", "received": 2, "spam": 1, "screened_out": 0, "qualified": 1, "accepted": 0,
     "won": 0, "won_value": 0},
    {"source": B, "received": 4, "spam": 1, "screened_out": 1, "qualified": 2, "accepted": 2,
     "won": 1, "won_value": 500},
    {"source": A, "received": 11, "spam": 1, "screened_out": 2, "qualified": 8, "accepted": 4,
     "won": 2, "won_value": 5000},
]
SOURCE_DETAILS = [
    {"median_days_to_won": None, "screened_out_not_msp": 0, "screened_out_too_large": 0,
     "screened_out_under_budget": 0, "released_not_msp": 0, "released_too_large": 0,
     "released_under_budget": 0},
    {"median_days_to_won": 5.0, "screened_out_not_msp": 1, "screened_out_too_large": 0,
     "screened_out_under_budget": 0, "released_not_msp": 1, "released_too_large": 1,
     "released_under_budget": 0},
    {"median_days_to_won": 20.0, "screened_out_not_msp": 1, "screened_out_too_large": 1,
     "screened_out_under_budget": 1, "released_not_msp": 0, "released_too_large": 0,
     "released_under_budget": 1},
]
BY_CAMPAIGN = [
    {"campaign": "", "received": 5, "spam": 2, "screened_out": 2, "qualified": 1,
     "accepted": 1, "won": 0, "won_value": 0},
    {"campaign": "fall", "received": 5, "spam": 0, "screened_out": 1, "qualified": 4,
     "accepted": 3, "won": 2, "won_value": 2500},
    {"campaign": "spring", "received": 7, "spam": 1, "screened_out": 0, "qualified": 6,
     "accepted": 2, "won": 1, "won_value": 3000},
]
# Weeks ago -> leads in each stack of the weekly chart; every other week is empty.
WEEKLY = {
    0: {"Queued or in review": 3, "Spam": 1},
    1: {"Accepted, won or lost": 2, "Rejected": 1, "Screened out": 1},
    2: {"Screened out": 2, "Spam": 1},
    3: {"Queued or in review": 1, "Accepted, won or lost": 1},
    10: {"Accepted, won or lost": 3},
}
PLAN = followup.load_template()


def this_monday():
    return reports.week_start(datetime.now(UTC).date())


def _lead(number, source, campaign, at, status, reasons=()) -> Lead:
    return Lead(
        public_id=new_public_id(), status=status, received_at=at, updated_at=at,
        name=f"Person {number}", email=f"p{number}@example.com", company=f"Company {number}",
        company_type="msp", employees=20, monthly_budget=3000, role="owner",
        interest="appointment_setting", source=source, utm_campaign=campaign,
        fingerprint=f"{number:064d}", queued_at=at if status == "queued" else None,
        reasons=[{"id": r, "sentence": REASON[r], "evidence": r} for r in reasons],
        flags=[], flag_count=0)


def seed(app, user_id) -> None:
    """Each lead as screening left it, then moved by staff a day (or days) later."""
    monday = this_monday()
    with app.app_context():
        staff = db.session.get(StaffUser, user_id)
        session = db.session
        for number, (source, campaign, weeks_ago, what, detail) in LEADS.items():
            at = datetime.combine(monday - timedelta(weeks=weeks_ago), time(12), UTC)
            later = at + timedelta(hours=1)
            if what in ("screened_out", "released", "released_accepted"):
                lead = _lead(number, source, campaign, at, "screened_out", detail)
            else:
                lead = _lead(number, source, campaign, at, "spam" if what == "spam" else "queued")
            session.add(lead)
            session.commit()
            if what.startswith("released"):
                lifecycle.release(session, lead, staff, later, "A provider after all")
            if what in ("in_review", "accepted", "won", "lost", "rejected", "released_accepted"):
                lifecycle.claim(session, lead, staff, later)
            if what in ("accepted", "won", "lost", "released_accepted"):
                lifecycle.accept(session, lead, staff, later)
            if what == "rejected":
                lifecycle.reject(session, lead, staff, later, "Not a fit")
            if what == "won":
                value, days = detail
                pipeline.win(session, lead, staff, at + timedelta(days=days), value)
            if what == "lost":
                pipeline.lose(session, lead, staff, later, later.date(), "Chose another firm",
                              template=PLAN)


@pytest.fixture
def seeded(app, sales_id):
    seed(app, sales_id)
    return app


# --- the CLI ---------------------------------------------------------------------

def funnel_cli(app, *args):
    result = app.test_cli_runner().invoke(args=["report", "funnel", *args])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes.decode()  # as written: .stdout turns CRLF into LF


def test_report_funnel_json_is_one_object_per_source_with_the_eight_keys(seeded):
    assert json.loads(funnel_cli(seeded, "--format", "json")) == BY_SOURCE
    assert [list(item) for item in json.loads(funnel_cli(seeded))] == [list(BY_SOURCE[0])] * 3


def test_report_funnel_csv_has_the_same_columns_and_figures(seeded):
    output = funnel_cli(seeded, "--format", "csv")
    assert output.splitlines()[0] == ",".join(BY_SOURCE[0])
    assert list(csv.DictReader(io.StringIO(output))) == [
        {key: str(value) for key, value in row.items()} for row in BY_SOURCE]


def test_report_funnel_by_campaign_keys_rows_by_campaign(seeded):
    assert json.loads(funnel_cli(seeded, "--by", "campaign")) == BY_CAMPAIGN


def test_report_funnel_details_add_medians_and_reasons(seeded):
    found = json.loads(funnel_cli(seeded, "--details"))
    assert found == [row | details for row, details in zip(BY_SOURCE, SOURCE_DETAILS,
                                                           strict=True)]
    output = funnel_cli(seeded, "--details", "--format", "csv")
    assert output.splitlines()[1] == "," + ",".join(
        "" if value is None else str(value) for value in
        [*list(BY_SOURCE[0].values())[1:], *SOURCE_DETAILS[0].values()])


def test_report_funnel_on_an_empty_database_is_an_empty_list(app):
    assert json.loads(funnel_cli(app)) == []
    assert funnel_cli(app, "--format", "csv") == ",".join(BY_SOURCE[0]) + "\r\n"


def test_report_funnel_refuses_an_unknown_grouping(app):
    result = app.test_cli_runner().invoke(args=["report", "funnel", "--by", "medium"])
    assert result.exit_code == 2
    assert "medium" in result.output


def test_weeks_are_utc_weeks_whatever_the_database_session_time_zone(app, backend):
    """A lead at 23:30 UTC on a Sunday belongs to that week, even where the database's
    own clock (PostgreSQL's session time zone) already says Monday."""
    monday = this_monday()
    sunday = monday - timedelta(days=1)
    with app.app_context():
        for number, at in enumerate([datetime.combine(sunday, time(23, 30), UTC),
                                     datetime.combine(monday, time(0, 0), UTC)], 1):
            db.session.add(_lead(number, "", "", at, "queued"))
        db.session.commit()
        if backend == "postgresql":
            db.session.execute(text("SET TIME ZONE 'Pacific/Kiritimati'"))  # UTC+14
        found = week_counts(db.session, reports.week_starts(2, monday))
    assert sorted(found, key=lambda entry: entry.day) == [
        reports.DayCount(monday - timedelta(weeks=1), "queued", 1),
        reports.DayCount(monday, "queued", 1)]
