"""Screening quality: per rule and month, how many leads it set aside and how many of
those staff released, with the latest override reasons: the evidence for tuning."""

from flask import render_template
from sqlalchemy import and_
from sqlalchemy import case
from sqlalchemy import exists
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from capture import queries
from capture import rescreening
from capture.app import screening_version
from capture.extensions import db
from capture.models import AuditEntry
from capture.models import Lead
from capture.screening import WORD_MODEL_SENTENCE
from capture.staff import bp
from capture.vocabulary import REASONS

LATEST = 20


def day_counts(session):
    """(day, rule, screened out, released) for every day with a screened-out lead: one
    rule per reason, and the word model's share of ``not_msp`` as a rule of its own."""
    released = exists().where(AuditEntry.lead_id == Lead.id, AuditEntry.action == "release")
    by_model = queries.carries_sentence(Lead.reasons, WORD_MODEL_SENTENCE)
    day = func.date(Lead.received_at)
    rows = session.execute(
        select(day, *queries.reason_sums(), *queries.reason_sums(released),
               func.sum(case((by_model, 1), else_=0)),
               func.sum(case((and_(by_model, released), 1), else_=0)))
        .where(queries.carries_any(Lead.reasons)).group_by(day))
    for row in rows:
        for index, reason in enumerate(REASONS):
            yield row[0], reason, row[1 + index], row[1 + len(REASONS) + index]
        yield row[0], rescreening.WORD_MODEL_RULE, row[-2], row[-1]


@bp.get("/screening")
def screening_quality():
    rows = rescreening.quality_rows(day_counts(db.session), rescreening.rule_order(REASONS))
    latest = list(db.session.scalars(
        select(AuditEntry).options(selectinload(AuditEntry.lead), selectinload(AuditEntry.actor))
        .where(AuditEntry.action == "release").order_by(AuditEntry.id.desc()).limit(LATEST)))
    return render_template("staff/quality.html", rows=rows, latest=latest,
                           version=screening_version())
