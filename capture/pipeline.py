"""After acceptance: the follow-up touches and the pipeline stages, each change audited.

Accepting a lead gives it the plan of ``capture.followup``; staff complete touches
(with an outcome and a note), reschedule or add them under the spacing rule, and
move the lead through the stages until it is won (with a value) or lost (with a
reason). A plan never runs dry: when the last open touch of a lead still in play is
done, the next check-in is scheduled. Like ``lifecycle``: every function checks its
rule, changes rows, writes an AuditEntry and commits, or raises and changes nothing.
"""

from datetime import date
from datetime import datetime

from sqlalchemy import select
from sqlalchemy import update

from capture import followup
from capture import outbox
from capture.lifecycle import InvalidTransition
from capture.lifecycle import LifecycleError
from capture.lifecycle import ReasonRequired
from capture.lifecycle import record
from capture.models import Lead
from capture.models import OutboxMessage
from capture.models import StaffUser
from capture.models import Touch
from capture.vocabulary import OUTCOMES
from capture.vocabulary import STAGES
from capture.vocabulary import Status

OPEN, DONE, CANCELLED = "open", "done", "cancelled"
IN_PLAY = (Status.ACCEPTED, Status.LOST)  # leads that still get touches
MAX_VALUE = 10_000_000


class SpacingConflict(LifecycleError):
    """A date too close to another open touch of the lead; overriding is allowed."""


def open_touches(session, lead: Lead) -> list[Touch]:
    return list(session.scalars(
        select(Touch).where(Touch.lead_id == lead.id, Touch.status == OPEN)
        .order_by(Touch.due, Touch.id)))


def _as_open(touches) -> list[followup.OpenTouch]:
    return [followup.OpenTouch(t.id, t.kind, t.label, t.due) for t in touches]


def _schedule(session, lead: Lead, planned: followup.PlannedTouch, template, owner_id,
              now: datetime) -> Touch:
    touch = Touch.planned(lead, planned.kind, template.label(planned.kind), planned.due,
                          owner_id, now)
    session.add(touch)
    return touch


def _check_spacing(session, lead: Lead, due: date, template, *, ignore_id=None) -> str | None:
    conflict = followup.spacing_conflict(due, _as_open(open_touches(session, lead)),
                                         template.min_spacing_days, ignore_id=ignore_id)
    return followup.spacing_message(conflict, due, template.min_spacing_days) if conflict \
        else None


def _require_in_play(lead: Lead, what: str) -> None:
    if lead.status not in IN_PLAY:
        raise InvalidTransition(f"Cannot {what}: only an accepted or lost lead has a plan.")


def complete_touch(session, touch: Touch, user: StaffUser, now: datetime, today: date, *,
                   outcome: str, note: str, template: followup.PlanTemplate) -> Touch | None:
    """Mark a touch done; returns the check-in scheduled to keep the plan going, if any.
    The status check is a conditional UPDATE, so a double click completes it once."""
    if outcome not in OUTCOMES:
        raise LifecycleError(f"Choose how it went: one of {', '.join(OUTCOMES.values())}.")
    done = session.execute(
        update(Touch).where(Touch.id == touch.id, Touch.status == OPEN)
        .values(status=DONE, completed_at=now, completed_by_id=user.id, outcome=outcome,
                note=(note or "").strip())
        .execution_options(synchronize_session=False)).rowcount
    if not done:
        session.rollback()
        raise InvalidTransition("This touch is already done or cancelled.")
    session.refresh(touch)
    lead = touch.lead
    record(session, lead, user, "touch_done", lead.status, now,
           f"{touch.label} ({OUTCOMES[outcome]}){': ' + touch.note if touch.note else ''}"[:500])
    following = None
    if lead.status in IN_PLAY and not open_touches(session, lead):
        planned = followup.next_check_in(max(today, touch.due), template,
                                         lost=lead.status == Status.LOST)
        following = _schedule(session, lead, planned, template, touch.owner_id or user.id, now)
    session.commit()
    return following


def reschedule_touch(session, touch: Touch, user: StaffUser, now: datetime, due: date, *,
                     template: followup.PlanTemplate, override: bool = False) -> Touch:
    if touch.status != OPEN:
        raise InvalidTransition("Only an open touch can be rescheduled.")
    lead = touch.lead
    conflict = _check_spacing(session, lead, due, template, ignore_id=touch.id)
    if conflict and not override:
        raise SpacingConflict(conflict)
    before = touch.due
    touch.due = due
    record(session, lead, user, "touch_reschedule", lead.status, now,
           f"{touch.label}: {before.isoformat()} -> {due.isoformat()}")
    if conflict:
        record(session, lead, user, "spacing_override", lead.status, now, conflict[:500])
    session.commit()
    return touch


def add_touch(session, lead: Lead, user: StaffUser, now: datetime, *, kind: str, due: date,
              template: followup.PlanTemplate, label: str = "", override: bool = False,
              owner_id: int | None = None) -> Touch:
    _require_in_play(lead, "add a touch")
    conflict = _check_spacing(session, lead, due, template)
    if conflict and not override:
        raise SpacingConflict(conflict)
    touch = Touch.planned(lead, kind, label or template.label(kind), due,
                          owner_id or lead.owner_id or user.id, now)
    session.add(touch)
    record(session, lead, user, "touch_add", lead.status, now,
           f"{touch.label} due {due.isoformat()}")
    if conflict:
        record(session, lead, user, "spacing_override", lead.status, now, conflict[:500])
    session.commit()
    return touch


def _cancel_open(session, lead: Lead) -> None:
    session.execute(update(Touch).where(Touch.lead_id == lead.id, Touch.status == OPEN)
                    .values(status=CANCELLED).execution_options(synchronize_session=False))


def set_stage(session, lead: Lead, user: StaffUser, now: datetime, stage: str,
              estimated_value: int | None = None) -> None:
    if lead.status != Status.ACCEPTED:
        raise InvalidTransition("Only an accepted lead moves through the pipeline.")
    if stage not in STAGES:
        raise LifecycleError(f"Unknown stage {stage!r}.")
    _check_value(estimated_value, required=False)
    before = lead.stage
    lead.stage = stage
    if estimated_value is not None:
        lead.estimated_value = estimated_value
    lead.updated_at = now
    value = f", about ${estimated_value:,} a month" if estimated_value is not None else ""
    record(session, lead, user, "stage", lead.status, now,
           f"{STAGES.get(before, before or '-')} -> {STAGES[stage]}{value}")
    session.commit()


def _check_value(value: int | None, *, required: bool) -> None:
    if value is None:
        if required:
            raise ReasonRequired("Give the deal's value in dollars per month.")
        return
    if not 0 <= value <= MAX_VALUE:
        raise LifecycleError(f"A value is from $0 to ${MAX_VALUE:,} a month.")


def win(session, lead: Lead, user: StaffUser, now: datetime, value: int) -> None:
    """A customer: the follow-up plan ends (open touches are cancelled)."""
    if lead.status != Status.ACCEPTED:
        raise InvalidTransition("Only an accepted lead can be won.")
    _check_value(value, required=True)
    lead.status = Status.WON
    lead.won_value = value
    lead.closed_at = now
    lead.updated_at = now
    _cancel_open(session, lead)
    record(session, lead, user, "win", Status.ACCEPTED, now, f"${value:,} a month")
    session.commit()


def lose(session, lead: Lead, user: StaffUser, now: datetime, today: date, reason: str, *,
         template: followup.PlanTemplate) -> Touch:
    """Lost for now: the plan is replaced by a check-in every six months (the seed
    articles: the incumbent's service degrades; the lead may come back)."""
    if lead.status != Status.ACCEPTED:
        raise InvalidTransition("Only an accepted lead can be lost.")
    reason = (reason or "").strip()
    if not reason:
        raise ReasonRequired("Give a reason the lead was lost.")
    lead.status = Status.LOST
    lead.lost_reason = reason
    lead.closed_at = now
    lead.updated_at = now
    _cancel_open(session, lead)
    check_in = _schedule(session, lead, followup.next_check_in(today, template, lost=True),
                         template, lead.owner_id or user.id, now)
    record(session, lead, user, "lose", Status.ACCEPTED, now, reason)
    session.commit()
    return check_in


def reopen(session, lead: Lead, user: StaffUser, now: datetime, why: str = "") -> None:
    """A lost lead is back in play at the stage it had; its check-in stays."""
    if lead.status != Status.LOST:
        raise InvalidTransition("Only a lost lead can be reopened.")
    lead.status = Status.ACCEPTED
    lead.closed_at = None
    lead.updated_at = now
    record(session, lead, user, "reopen", Status.LOST, now, (why or "").strip())
    session.commit()


def digest_key(user: StaffUser, day: date) -> str:
    return f"digest:{user.id}:{day.isoformat()}"


def enqueue_digests(session, now: datetime, *, hour: int | None = None) -> int:
    """One digest per active staff member with due or overdue touches, for their own
    calendar day, through the outbox; at most one per person and day (the key). With
    ``hour``, only for those whose local time has reached it (the worker's loop)."""
    queued = 0
    for user in list(session.scalars(select(StaffUser).where(StaffUser.active.is_(True)))):
        local = now.astimezone(followup.zone(user.time_zone))
        if hour is not None and local.hour < hour:
            continue
        key = digest_key(user, local.date())
        if session.scalar(select(OutboxMessage.id).where(OutboxMessage.dedupe_key == key)):
            continue
        has_due = session.scalar(select(Touch.id).where(
            Touch.owner_id == user.id, Touch.status == OPEN, Touch.due <= local.date())
            .limit(1))
        if not has_due:
            continue
        session.add(OutboxMessage(kind=outbox.DIGEST, dedupe_key=key, created_at=now,
                                  next_attempt_at=now,
                                  payload={"user": user.id, "date": local.date().isoformat()}))
        session.commit()
        queued += 1
    return queued
