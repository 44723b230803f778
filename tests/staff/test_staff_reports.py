"""Reports on a real database: ``report funnel`` as JSON and CSV, and the reports page
with its tables and inline SVG charts, over a fixture whose figures are known.

The leads are written through the model and moved with the real lifecycle and
pipeline functions (claim, accept, win, lose, reject, release), so the funnel's
definitions are checked against what staff actions actually store."""

import csv
import io
import json
import re
from datetime import UTC
from datetime import datetime
from datetime import time
from datetime import timedelta

import pytest
from lxml import etree
from lxml import html
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
    """Each lead as screening left it, then moved by staff an hour later (won leads
    on the day their detail says)."""
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


# --- the page --------------------------------------------------------------------

def page(client, url="/staff/reports"):
    response = client.get(url)
    assert response.status_code == 200
    markup = response.get_data(as_text=True)
    return markup, html.fromstring(markup)


def svgs(markup) -> dict:
    """Every inline chart, parsed as the XML it is, by id."""
    charts = [etree.fromstring(found) for found in re.findall(r"<svg .*?</svg>", markup, re.S)]
    return {chart.get("id"): chart for chart in charts}


def table(document, table_id) -> list[list[str]]:
    rows = document.xpath(f'//table[@id="{table_id}"]//tr')
    return [[" ".join(cell.text_content().split()) for cell in row.xpath("th|td")]
            for row in rows]


def bars(chart) -> dict:
    return {(rect.get("data-category"), rect.get("data-series")): int(rect.get("data-value"))
            for rect in chart.iter(f"{SVG}rect") if "bar" in rect.get("class", "").split()}


def test_the_staff_nav_links_to_reports_next_to_spam(staff_client):
    markup, document = page(staff_client)
    nav = [link.text_content() for link in document.xpath('//nav[@aria-label="Staff"]//a')]
    assert nav[nav.index("Spam") + 1] == "Reports"
    assert document.xpath('//nav[@aria-label="Staff"]//a[@aria-current="page"]/text()') \
        == ["Reports"]


def test_the_weekly_chart_stacks_the_last_26_weeks_by_status_group(seeded, staff_client):
    markup, document = page(staff_client)
    chart = svgs(markup)["weekly"]
    assert chart.get("role") == "img"
    assert chart.find(f"{SVG}title").text == "Leads per week, last 26 weeks, by status now"
    monday = this_monday()
    label = {ago: reports.week_label(monday - timedelta(weeks=ago)) for ago in WEEKLY}
    assert bars(chart) == {(label[ago], group): n for ago, groups in WEEKLY.items()
                           for group, n in groups.items()}
    ticks = [el.text for el in chart.iter(f"{SVG}text") if el.get("class") == "x-tick"]
    assert ticks[0] == reports.week_label(monday - timedelta(weeks=25))
    assert [el.text for el in chart.iter(f"{SVG}text")
            if el.get("class") in ("x-title", "y-title")] == ["Leads",
                                                               "Week starting (Monday, UTC)"]
    legend = [el.text for el in chart.iter(f"{SVG}text") if el.get("class") == "legend-label"]
    assert legend == [name for name, _ in reports.STATUS_GROUPS.values()]
    assert document.xpath('//figure[.//*[@id="weekly"]]/figcaption')


def test_the_weekly_table_beside_the_chart_has_every_week_newest_first(seeded, staff_client):
    _, document = page(staff_client)
    rows = table(document, "weekly-table")
    groups = [name for name, _ in reports.STATUS_GROUPS.values()]
    assert rows[0] == ["Week starting", *groups, "Total"]
    assert len(rows) == 1 + 26
    monday = this_monday()
    for ago in range(26):
        counts = [WEEKLY.get(ago, {}).get(group, 0) for group in groups]
        start = (monday - timedelta(weeks=ago)).isoformat()
        assert rows[1 + ago] == [start, *map(str, counts), str(sum(counts))]


def test_the_report_table_shows_each_article_and_the_total(seeded, staff_client):
    _, document = page(staff_client)
    rows = table(document, "funnel-table")
    assert rows[0][:9] == ["Article", "Received", "Spam", "Screened out", "Qualified",
                           "Accepted", "Won", "Won value /mo", "Median days to won"]
    assert rows[0][9:] == ["Screened out: Not an IT provider", "Screened out: Too large",
                           "Screened out: Under budget", "Released: Not an IT provider",
                           "Released: Too large", "Released: Under budget"]
    assert rows[1:4] == [
        ["(none)", "2", "1", "0", "1", "0", "0", "$0", "—", "0", "0", "0", "0", "0", "0"],
        [B, "4", "1", "1", "2", "2", "1", "$500", "5.0", "1", "0", "0", "1", "1", "0"],
        [A, "11", "1", "2", "8", "4", "2", "$5,000", "20.0", "1", "1", "1", "0", "0", "1"],
    ]
    # The median over all three wins (5, 10 and 30 days), not a median of medians.
    assert rows[4] == ["All", "17", "3", "3", "11", "6", "3", "$5,500", "10.0",
                       "2", "1", "1", "1", "1", "1"]


def test_screening_overrides_are_counted_per_reason(seeded, staff_client):
    _, document = page(staff_client)
    assert table(document, "overrides-table") == [
        ["Reason", "Screened out now", "Released by staff"],
        ["Not an IT provider", "2", "1"],
        ["Too large", "1", "1"],
        ["Under budget", "1", "1"],
    ]


def test_each_article_has_a_funnel_from_received_to_won_with_its_table(seeded, staff_client):
    markup, document = page(staff_client)
    charts = svgs(markup)
    expected = {"(none)": [2, 1, 0, 0], B: [4, 2, 2, 1], A: [11, 8, 4, 2]}
    for number, key in enumerate(["(none)", B, A], 1):
        chart = charts[f"funnel-{number}"]
        assert chart.find(f"{SVG}title").text == f"Article: {key}"
        stages = [(rect.get("data-stage"), int(rect.get("data-value")))
                  for rect in chart.iter(f"{SVG}rect")]
        assert stages == list(zip(["Received", "Qualified", "Accepted", "Won"],
                                  expected[key], strict=True))
        labels = [el.text for el in chart.iter(f"{SVG}text")
                  if el.get("class") == "stage-label"]
        assert labels == ["Received", "Qualified", "Accepted", "Won"]
    stage_table = document.xpath(f'//table[@data-key="{A}"]')[0]
    assert [[" ".join(c.text_content().split()) for c in row.xpath("th|td")]
            for row in stage_table.xpath(".//tr")] == [
        ["Stage", "Leads", "Of received"], ["Received", "11", "100%"],
        ["Qualified", "8", "73%"], ["Accepted", "4", "36%"], ["Won", "2", "18%"]]


def test_the_campaign_switch_groups_the_page_by_campaign(seeded, staff_client):
    markup, document = page(staff_client, "/staff/reports?by=campaign")
    assert document.xpath('//nav[@class="tabs"]//a[@aria-current="page"]/text()') \
        == ["By UTM campaign"]
    rows = table(document, "funnel-table")
    assert rows[0][0] == "UTM campaign"
    assert [row[:8] for row in rows[1:4]] == [
        ["(none)", "5", "2", "2", "1", "1", "0", "$0"],
        ["fall", "5", "0", "1", "4", "3", "2", "$2,500"],
        ["spring", "7", "1", "0", "6", "2", "1", "$3,000"],
    ]
    assert svgs(markup)["funnel-2"].find(f"{SVG}title").text == "UTM campaign: fall"


def test_an_unknown_grouping_on_the_page_means_by_article(seeded, staff_client):
    _, document = page(staff_client, "/staff/reports?by=medium")
    assert table(document, "funnel-table")[0][0] == "Article"


def test_the_csv_download_is_the_table_as_the_cli_details_give_it(seeded, staff_client):
    _, document = page(staff_client, "/staff/reports?by=campaign")
    link = document.xpath('//a[@download]/@href')
    assert link == ["/staff/reports.csv?by=campaign"]
    response = staff_client.get(link[0])
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith(
        "attachment; filename=report-campaign-")
    assert response.get_data(as_text=True) == funnel_cli(seeded, "--by", "campaign",
                                                         "--details", "--format", "csv")


def test_reports_need_a_login(client):
    assert client.get("/staff/reports").status_code == 302
    assert client.get("/staff/reports.csv").status_code == 302


def test_an_empty_database_gives_empty_charts_not_an_error(staff_client):
    markup, document = page(staff_client)
    assert set(svgs(markup)) == {"weekly"}
    assert document.xpath('//p[@class="empty"]/text()') == ["No leads yet."]
    assert table(document, "overrides-table")[1] == ["Not an IT provider", "0", "0"]


def test_a_hostile_campaign_name_is_escaped_in_the_chart_and_the_table(app, staff_client,
                                                                        sales_id):
    with app.app_context():
        at = datetime.now(UTC) - timedelta(days=1)
        db.session.add(_lead(1, "", '<script>alert(1)</script>"&', at, "queued"))
        db.session.commit()
    markup, document = page(staff_client, "/staff/reports?by=campaign")
    assert "<script>alert" not in markup
    assert svgs(markup)["funnel-1"].find(f"{SVG}title").text \
        == 'UTM campaign: <script>alert(1)</script>"&'
    assert table(document, "funnel-table")[1][0] == '<script>alert(1)</script>"&'


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


def test_the_page_keeps_its_figures_a_minute_and_says_when_it_counted(seeded, staff_client,
                                                                      client, submission):
    """A full pass over every lead costs about 200 ms at 100,000 leads, so the page
    counts at most once a minute per worker (REPORTS_CACHE_SECONDS); the CSV counts
    every time."""
    assert seeded.config["REPORTS_CACHE_SECONDS"] == 60
    _, before = page(staff_client)
    assert before.xpath('//p[@id="counted-at"]')[0].text_content().startswith("Counted ")
    assert client.post("/leads", json=submission | {"company": "Later Co"}).status_code == 201
    _, again = page(staff_client)
    assert table(again, "funnel-table") == table(before, "funnel-table")
    csv_totals = staff_client.get("/staff/reports.csv").get_data(as_text=True)
    seeded.config["REPORTS_CACHE_SECONDS"] = 0
    _, fresh = page(staff_client)
    assert table(fresh, "funnel-table") != table(before, "funnel-table")
    assert csv_totals == funnel_cli(seeded, "--details", "--format", "csv")  # counted afresh
