"""The pipeline board: accepted leads by stage, then won and lost, with counts and value."""

from flask import render_template
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from capture.extensions import db
from capture.models import Lead
from capture.models import Touch
from capture.staff import bp
from capture.vocabulary import PIPELINE_COLUMNS
from capture.vocabulary import STAGES
from capture.vocabulary import Status

SHOWN_PER_COLUMN = 30


def _column_of(status: str, stage: str) -> str | None:
    if status == Status.ACCEPTED:
        return stage if stage in STAGES else "new"
    return status if status in (Status.WON, Status.LOST) else None


def board_totals(session) -> dict[str, tuple[int, int]]:
    """Column -> (leads, dollars a month): estimated value while open, won value once won."""
    value = func.coalesce(func.sum(func.coalesce(Lead.won_value, Lead.estimated_value)), 0)
    rows = session.execute(
        select(Lead.status, Lead.stage, func.count(), value)
        .where(Lead.status.in_((Status.ACCEPTED, Status.WON, Status.LOST)))
        .group_by(Lead.status, Lead.stage))
    totals = dict.fromkeys(PIPELINE_COLUMNS, (0, 0))
    for status, stage, count, dollars in rows:
        column = _column_of(status, stage)
        leads, money = totals[column]
        totals[column] = (leads + count, money + int(dollars or 0))
    return totals


def column_leads(session, column: str, limit: int = SHOWN_PER_COLUMN) -> list[Lead]:
    """The most recently moved leads of a column. Each (status, stage) is an index walk
    that stops at ``limit`` (ix_leads_pipeline, ix_leads_status_updated); the "new"
    column holds two stages ("" for leads accepted before stages existed), and
    ``stage IN ("new", "")`` would sort the whole column, so it takes two walks."""
    if column in STAGES:
        parts = [(Lead.status == Status.ACCEPTED) & (Lead.stage == stage)
                 for stage in (("new", "") if column == "new" else (column,))]
    else:
        parts = [Lead.status == column]
    leads = []
    for where in parts:
        leads += session.scalars(select(Lead).options(selectinload(Lead.owner)).where(where)
                                 .order_by(Lead.updated_at.desc(), Lead.id.desc()).limit(limit))
    return sorted(leads, key=lambda lead: (lead.updated_at, lead.id), reverse=True)[:limit]


def next_touches(session, lead_ids: list[int]) -> dict[int, Touch]:
    """Each lead's earliest open touch, in one query."""
    if not lead_ids:
        return {}
    earliest = (select(Touch.lead_id, func.min(Touch.due).label("due"))
                .where(Touch.lead_id.in_(lead_ids), Touch.status == "open")
                .group_by(Touch.lead_id).subquery())
    # The outer lead_id IN lets SQLite start from these leads' touches; without it, it
    # read every open touch (tens of thousands) and probed the subquery for each.
    rows = session.scalars(select(Touch).join(
        earliest, (Touch.lead_id == earliest.c.lead_id) & (Touch.due == earliest.c.due))
        .where(Touch.lead_id.in_(lead_ids), Touch.status == "open").order_by(Touch.id))
    found: dict[int, Touch] = {}
    for touch in rows:
        found.setdefault(touch.lead_id, touch)
    return found


@bp.get("/pipeline")
def pipeline_page():
    totals = board_totals(db.session)
    columns = [(column, title, totals[column], column_leads(db.session, column))
               for column, title in PIPELINE_COLUMNS.items()]
    shown = [lead.id for *_, leads in columns for lead in leads]
    return render_template("staff/pipeline.html", columns=columns,
                           next_touch=next_touches(db.session, shown))
