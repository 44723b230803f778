"""The reports page, and the SQL behind it and ``flask --app capture report funnel``.

The page must stay fast at 100,000 leads, so the database does the counting, in
the order of one covering index (migration 0007) so that SQLite reads neither the
table nor a sort: leads per status and key with plain counts; the reasons of
screened-out and of released leads with the queue's LIKE on the JSON text; the
leads of each week by status; and only the won leads one by one, for the
medians. ``capture.reports`` turns those plain rows into the report.
"""

import functools
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from time import monotonic

from flask import Response
from flask import current_app
from flask import render_template
from flask import request
from flask import url_for
from markupsafe import Markup
from sqlalchemy import Float
from sqlalchemy import bindparam
from sqlalchemy import func
from sqlalchemy import literal
from sqlalchemy import select
from sqlalchemy import union_all
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import FunctionElement

from capture import charts
from capture import reports
from capture.extensions import db
from capture.models import AuditEntry
from capture.models import Lead
from capture.models import UTCDateTime
from capture.queries import reason_sums
from capture.staff import bp
from capture.staff import now
from capture.vocabulary import REASONS
from capture.vocabulary import STATUSES
from capture.vocabulary import Status

S = Status
#: The weekly chart's span: half a year shows the season without crowding the axis.
WEEKS = 26


class days_between(FunctionElement):  # noqa: N801 (an SQL function's name)
    """Days from one timestamp column to another, as a float, on both databases:
    fetching the two timestamps of every won lead and subtracting in Python cost
    more than all the counting (each becomes a datetime, then an aware one)."""

    type = Float()
    name = "days_between"
    inherit_cache = True


@compiles(days_between)
def _days_between(element, compiler, **kw):
    start, end = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"(julianday({end}) - julianday({start}))"


@compiles(days_between, "postgresql")
def _days_between_postgresql(element, compiler, **kw):
    start, end = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"CAST(EXTRACT(EPOCH FROM ({end}) - ({start})) / 86400 AS DOUBLE PRECISION)"


def _keys(by: str):
    """The key column, and the columns to group by: in the order of the report index
    (migration 0007), so SQLite walks the index and never sorts. Leads by campaign
    are grouped by source and campaign too; ``capture.reports`` adds the rows up."""
    if by not in reports.BY:
        raise ValueError(f"by must be one of {', '.join(reports.BY)}, got {by!r}")
    if by == "source":
        return Lead.source, (Lead.source,)
    return Lead.utm_campaign, (Lead.source, Lead.utm_campaign)


def status_counts(session, by: str = "source") -> list[reports.StatusCount]:
    """Per status and key: leads, and of them those ever queued and ever accepted.
    Plain counts, not a CASE per figure: at 100,000 leads every expression
    evaluated per row costs milliseconds."""
    key, group = _keys(by)
    rows = session.execute(
        select(key, Lead.status, func.count(), func.count(Lead.queued_at),
               func.count(Lead.accepted_at))
        .group_by(Lead.status, *group))
    return [reports.StatusCount(key_value, status, leads, queued, accepted)
            for key_value, status, leads, queued, accepted in rows]


def reason_counts(session, by: str, *where) -> list[reports.ReasonCount]:
    """Per key and reason id, the leads ``where`` selects that carry it."""
    key, group = _keys(by)
    rows = session.execute(select(key, *reason_sums()).where(*where).group_by(*group))
    return [reports.ReasonCount(key_value, reason, int(leads))
            for key_value, *numbers in rows
            for reason, leads in zip(REASONS, numbers, strict=True) if leads]


def screened_out_reasons(session, by: str = "source") -> list[reports.ReasonCount]:
    return reason_counts(session, by, Lead.status == S.SCREENED_OUT)


def released_reasons(session, by: str = "source") -> list[reports.ReasonCount]:
    """Screening overrides: leads staff released from screened out into the queue
    (audit action "release"), counted once per reason each carries."""
    released = select(AuditEntry.lead_id).where(AuditEntry.action == "release")
    return reason_counts(session, by, Lead.id.in_(released))


def won_leads(session, by: str = "source") -> list[reports.WonLead]:
    """Every won lead, one by one for the medians (a range of the report index), with
    its days from received to closed worked out by the database."""
    key, _ = _keys(by)
    rows = session.execute(
        select(key, days_between(Lead.received_at, Lead.closed_at), Lead.won_value)
        .where(Lead.status == S.WON))
    return list(map(reports.WonLead._make, rows))


def funnel_report(session, by: str = "source") -> tuple[list[reports.FunnelRow], reports.FunnelRow]:
    """The report's rows, ordered by key, and their total."""
    found = (status_counts(session, by), won_leads(session, by),
             screened_out_reasons(session, by), released_reasons(session, by))
    return reports.funnel_rows(*found), reports.total_row(*found)


@functools.cache
def _weeks_query(weeks: int):
    """Built once: 26 SELECTs cost more to assemble in Python than to run."""
    ranges = [select(literal(number), Lead.status, func.count())
              .where(Lead.status.in_(STATUSES),
                     Lead.received_at >= bindparam(f"from_{number}", type_=UTCDateTime),
                     Lead.received_at < bindparam(f"until_{number}", type_=UTCDateTime))
              .group_by(Lead.status)
              for number in range(weeks)]
    return union_all(*ranges)


def week_counts(session, starts: list[date]) -> list[reports.DayCount]:
    """Leads received in each week that begins on one of ``starts`` (consecutive
    Mondays), by their status now; each count carries its week's first day.

    One range per week rather than a GROUP BY of each lead's day: no date function
    (SQLite and PostgreSQL spell it differently, and PostgreSQL's follows the
    session's time zone), no sort, and with every status named, each range is a
    walk of the (status, received_at) index that never reads the table.
    """
    if not starts:
        return []
    edges = [datetime.combine(day, time(), UTC) for day in starts]
    edges.append(edges[-1] + timedelta(weeks=1))
    bounds = {}
    for number in range(len(starts)):
        bounds |= {f"from_{number}": edges[number], f"until_{number}": edges[number + 1]}
    return [reports.DayCount(starts[number], status, leads)
            for number, status, leads in session.execute(_weeks_query(len(starts)), bounds)]


# --- the page ----------------------------------------------------------------------

def _by() -> str:
    by = request.args.get("by", "")
    return by if by in reports.BY else "source"


def _funnel_chart(row: reports.FunnelRow, by: str, number: int) -> Markup:
    """Markup: ``charts`` escapes every text it draws, the key included."""
    return Markup(charts.funnel(title=f"{reports.BY[by]}: {row.key or '(none)'}",
                                stages=row.stages, chart_id=f"funnel-{number}"))


def page_figures(by: str, today: date) -> tuple:
    """The page's figures, kept for REPORTS_CACHE_SECONDS per worker (as Mautic keeps
    its dashboard widgets): the funnel is a full pass over every lead, about 200 ms
    at 100,000 leads, and figures a minute old tell a salesperson the same story. The
    page says when they were counted; the CSV and ``report funnel`` always count afresh.
    Returns (rows, total, week counts, counted at)."""
    seconds = current_app.config["REPORTS_CACHE_SECONDS"]
    kept = current_app.extensions.setdefault("report_figures", {})
    found = kept.get((by, today))
    if seconds > 0 and found and monotonic() - found[0] < seconds:
        return found[1]
    rows, total = funnel_report(db.session, by)
    figures = (rows, total, week_counts(db.session, reports.week_starts(WEEKS, today)), now())
    for key in [key for key in kept if key[1] != today]:
        kept.pop(key, None)
    kept[(by, today)] = (monotonic(), figures)
    return figures


@bp.get("/reports")
def reports_page():
    by = _by()
    today = now().date()
    rows, total, counts, counted_at = page_figures(by, today)
    weekly = reports.weekly_series(counts, WEEKS, today)
    weekly_chart = Markup(charts.stacked_bars(
        title=f"Leads per week, last {WEEKS} weeks, by status now",
        categories=[reports.week_label(start) for start in weekly.starts],
        series=weekly.series, x_label="Week starting (Monday, UTC)", y_label="Leads",
        chart_id="weekly"))
    return render_template(
        "staff/reports.html", by=by, by_label=reports.BY[by], by_noun=reports.noun(by),
        choices={choice: reports.noun(choice) for choice in reports.BY}, rows=rows,
        total=total, weekly=weekly, weekly_chart=weekly_chart, weeks=WEEKS,
        funnels=[(row, _funnel_chart(row, by, number)) for number, row in enumerate(rows, 1)],
        share=charts.share, reasons=REASONS, counted_at=counted_at,
        cache_seconds=current_app.config["REPORTS_CACHE_SECONDS"],
        csv_url=url_for("staff.reports_csv", by=by))


@bp.get("/reports.csv")
def reports_csv():
    """The page's table: the CLI's ``report funnel --details`` columns."""
    by = _by()
    rows, _ = funnel_report(db.session, by)
    return Response(reports.to_csv(rows, by, details=True), mimetype="text/csv",
                    headers={"Content-Disposition":
                             f"attachment; filename=report-{by}-{now():%Y%m%d}.csv"})
