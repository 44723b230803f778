"""What staff do to a lead, and the audit entry each change writes.

queued -> in_review (claim: one owner at a time) -> accepted | rejected;
queued -> accepted | rejected in one step (the decision claims the lead on the
way: two audit entries, one transaction); in_review -> queued (release the
claim); screened_out -> queued (release: an override, with a reason); any other
status -> spam, and spam -> whatever screening now says. Every function checks
the rule, changes the lead, writes an AuditEntry and commits, or raises a named
exception and changes nothing. No Flask here: views turn the exceptions into pages.
"""

from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC
from datetime import date
from datetime import datetime

from sqlalchemy import select
from sqlalchemy import update

from capture import contract
from capture import followup
from capture import outbox
from capture.models import AuditEntry
from capture.models import Lead
from capture.models import Note
from capture.models import StaffUser
from capture.models import Touch
from capture.vocabulary import ACTIONS
from capture.vocabulary import REASONS
from capture.vocabulary import Status
from capture.vocabulary import label

S = Status
#: Statuses a lead has once somebody accepted or rejected it.
DECIDED = (S.ACCEPTED, S.REJECTED, S.WON, S.LOST)
#: What a decision may start from: a queued lead is claimed on the way.
DECIDABLE = (S.QUEUED, S.IN_REVIEW)

TimeWriter = Callable[[datetime], str]


def utc_time(moment: datetime) -> str:
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC"


class LifecycleError(Exception):
    """A change that cannot be made; ``str(error)`` is the message for staff."""

    def describe(self, write_time: TimeWriter) -> str:
        """The message with its times written by ``write_time`` (staff pages: the
        reader's own time zone); ``str(error)`` writes them in UTC, for logs and the CLI."""
        return str(self)


class InvalidTransition(LifecycleError):
    pass


class AlreadyClaimed(LifecycleError):
    def __init__(self, holder: StaffUser | None, since: datetime | None):
        self.holder = holder
        self.since = since
        # Read now: the view rolls back before it shows the message.
        self.who = holder.email if holder else "another staff member"
        super().__init__(self.describe(utc_time))

    def describe(self, write_time: TimeWriter) -> str:
        when = f" since {write_time(self.since)}" if self.since else ""
        return f"This lead is held by {self.who}{when}; ask them to release it."


class AlreadyDecided(InvalidTransition):
    """Somebody accepted or rejected the lead first (the loser of a race sees this):
    say who, and when, rather than only the status."""

    def __init__(self, action: str, status: str, decision: AuditEntry):
        self.action = action
        self.status = status
        # Read now: the view rolls back before it shows the message.
        self.who = decision.actor.email if decision.actor else "another staff member"
        self.decided = decision.action
        self.at = decision.at
        super().__init__(self.describe(utc_time))

    def describe(self, write_time: TimeWriter) -> str:
        return (f"Cannot {ACTIONS[self.action].verb} this lead: it is "
                f"{label('status', self.status).lower()} ({self.who} "
                f"{ACTIONS[self.decided].done} it {write_time(self.at)}).")


class ReasonRequired(LifecycleError):
    pass


# Roles and lead work: sales and admins do the same things to leads, spam calls
# included (sales read every lead first). The one difference is a claim: only its
# holder may decide a lead in review, and an admin may act on a lead somebody else
# holds (to unblock a colleague who is away). Accounts and the audit log are for
# admins only; those rules live with their views.


def available_actions(lead: Lead, user: StaffUser) -> list[str]:
    """The actions that would succeed now; the lead page shows only these."""
    actions = []
    mine = lead.owner_id == user.id or user.is_admin
    if lead.status == S.QUEUED:
        actions += ["claim", "accept", "reject"]
    if lead.status == S.IN_REVIEW and mine:
        actions += ["accept", "reject", "unclaim"]
    if lead.status == S.SCREENED_OUT:
        actions.append("release")
    if lead.status == S.ACCEPTED:
        actions += ["stage", "win", "lose", "touches"]
    if lead.status == S.LOST:
        actions += ["reopen", "touches"]
    if lead.status == S.SPAM:
        actions.append("mark_not_spam")
    elif lead.status != S.IN_REVIEW or mine:
        actions.append("mark_spam")
    actions.append("note")
    return actions


def _require_status(lead: Lead, action: str, *statuses: str) -> None:
    if lead.status not in statuses:
        wanted = " or ".join(label("status", status).lower() for status in statuses)
        now_is = label("status", lead.status).lower()
        raise InvalidTransition(
            f"Cannot {ACTIONS[action].verb} this lead: it is {now_is}, "
            f"and only a lead that is {wanted} can be."
        )


def _require_holder(lead: Lead, user: StaffUser) -> None:
    if lead.owner_id != user.id and not user.is_admin:
        raise AlreadyClaimed(lead.owner, lead.claimed_at)


def _reason(why: str, what: str) -> str:
    why = (why or "").strip()
    if not why:
        raise ReasonRequired(f"Give a reason to {what}.")
    return why


def record(session, lead, user, action, from_status, now, why="") -> AuditEntry:
    """The audit entry of a change (no commit: it belongs to the change's transaction)."""
    entry = AuditEntry(lead=lead, actor=user, action=action, from_status=from_status,
                       to_status=lead.status, why=why, at=now)
    session.add(entry)
    return entry


def _move(session, lead, user, action, to_status, now, why="") -> AuditEntry:
    from_status = lead.status
    lead.status = to_status
    lead.updated_at = now
    entry = record(session, lead, user, action, from_status, now, why)
    session.commit()
    return entry


def _require_undecided(session, lead: Lead, action: str) -> None:
    """A lead somebody already accepted or rejected: name them (and when)."""
    if lead.status not in DECIDED:
        return
    decision = session.scalar(
        select(AuditEntry).where(AuditEntry.lead_id == lead.id,
                                 AuditEntry.action.in_(("accept", "reject")))
        .order_by(AuditEntry.id.desc()).limit(1))
    if decision is not None:
        raise AlreadyDecided(action, lead.status, decision)


def _take(session, lead: Lead, user: StaffUser, now: datetime, action: str,
          allowed: tuple[str, ...]) -> AuditEntry:
    """Claim a queued lead inside the caller's transaction (no commit). The status
    check and the change are one conditional UPDATE, so of two staff clicking at
    the same moment exactly one wins; the other is told who holds or decided it."""
    if lead.status == S.IN_REVIEW:
        raise AlreadyClaimed(lead.owner, lead.claimed_at)
    _require_undecided(session, lead, action)
    _require_status(lead, action, *allowed)
    won = session.execute(
        update(Lead)
        .where(Lead.id == lead.id, Lead.status == S.QUEUED)
        .values(status=S.IN_REVIEW, owner_id=user.id, claimed_at=now, updated_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    if not won:
        session.rollback()
        session.refresh(lead)
        return _take(session, lead, user, now, action, allowed)
    session.refresh(lead)
    return record(session, lead, user, "claim", S.QUEUED, now)


def claim(session, lead: Lead, user: StaffUser, now: datetime) -> AuditEntry:
    entry = _take(session, lead, user, now, "claim", (S.QUEUED,))
    session.commit()
    return entry


def _require_decidable(session, lead: Lead, user: StaffUser, action: str) -> None:
    """Whether ``user`` may accept or reject the lead now, changing nothing: it is
    queued, or in review and theirs (or they are an admin)."""
    if lead.status == S.IN_REVIEW:
        _require_holder(lead, user)
        return
    _require_undecided(session, lead, action)
    _require_status(lead, action, *DECIDABLE)


def _take_for_decision(session, lead: Lead, user: StaffUser, now: datetime,
                       action: str) -> None:
    """Before an accept or reject: a queued lead is claimed on the way, in the same
    transaction as the decision (one click for staff; the audit log keeps both the
    claim and the decision); a lead in review must be the user's, or they an admin."""
    if lead.status == S.QUEUED:
        _take(session, lead, user, now, action, DECIDABLE)
    else:
        _require_decidable(session, lead, user, action)


def unclaim(session, lead: Lead, user: StaffUser, now: datetime, why: str = "") -> AuditEntry:
    _require_status(lead, "unclaim", S.IN_REVIEW)
    _require_holder(lead, user)
    lead.owner_id = None
    lead.claimed_at = None
    return _move(session, lead, user, "unclaim", S.QUEUED, now, (why or "").strip())


def accept(session, lead: Lead, user: StaffUser, now: datetime, why: str = "", *,
           template: followup.PlanTemplate | None = None, today: date | None = None
           ) -> AuditEntry:
    """The lead enters the pipeline and, given a template, gets its follow-up plan
    from ``today`` (the accepting person's calendar day), in the same transaction.
    A queued lead is claimed first, in that transaction too."""
    _take_for_decision(session, lead, user, now, "accept")
    lead.decision_reason = (why or "").strip()
    lead.accepted_at = now
    lead.stage = "new"
    if lead.owner_id is None:
        lead.owner_id = user.id
    if template is not None:
        for planned in followup.plan(today or now.date(), template):
            session.add(Touch.planned(lead, planned.kind, template.label(planned.kind),
                                      planned.due, lead.owner_id, now))
    return _move(session, lead, user, "accept", S.ACCEPTED, now, lead.decision_reason)


def reject(session, lead: Lead, user: StaffUser, now: datetime, why: str,
           missed_reason: str = "") -> AuditEntry:
    """Like ``accept``, a queued lead is claimed on the way; the reason is checked
    before anything changes (and after the status, which says more).
    ``missed_reason``: the reason screening should have found ("not_msp"), which
    makes the lead a test case for the rules (``screening cases``)."""
    _require_decidable(session, lead, user, "reject")
    if missed_reason and missed_reason not in REASONS:
        raise LifecycleError(f"Unknown screening reason {missed_reason!r}.")
    why = _reason(why, "reject a lead")
    _take_for_decision(session, lead, user, now, "reject")
    lead.decision_reason = why
    lead.missed_reason = missed_reason
    return _move(session, lead, user, "reject", S.REJECTED, now, lead.decision_reason)


def release(session, lead: Lead, user: StaffUser, now: datetime, why: str) -> AuditEntry:
    """Override screening: a screened-out lead goes into the queue; who, when and
    why are in the audit entry."""
    _require_status(lead, "release", S.SCREENED_OUT)
    why = _reason(why, "release a screened-out lead into the queue")
    lead.queued_at = lead.queued_at or now
    return _move(session, lead, user, "release", S.QUEUED, now, why)


def mark_spam(session, lead: Lead, user: StaffUser, now: datetime, why: str = "") -> AuditEntry:
    if lead.status == S.SPAM:
        raise InvalidTransition("This lead is already marked as spam.")
    if lead.status == S.IN_REVIEW:
        _require_holder(lead, user)
    lead.owner_id = None
    lead.claimed_at = None
    return _move(session, lead, user, "mark_spam", S.SPAM, now, (why or "").strip())


def mark_not_spam(session, lead: Lead, user: StaffUser, now: datetime, *, screen, rules,
                  why: str = "", version: str = "") -> AuditEntry:
    """Screen the lead again as if the honeypot had been empty (staff say a person
    sent it) and take that verdict: queued (and alert staff, who never heard of it)
    or screened_out. ``screen`` and ``rules`` come from capture.screening."""
    _require_status(lead, "mark_not_spam", S.SPAM)
    from_status = lead.status
    verdict = screen(screening_values(lead) | {"company_fax": ""}, rules)
    apply_verdict(session, lead, verdict, now, version)
    lead.updated_at = now
    entry = record(session, lead, user, "mark_not_spam", from_status, now, (why or "").strip())
    session.commit()
    return entry


def verdict_columns(verdict, now: datetime, version: str = "") -> dict:
    """What screening's verdict sets on a lead: status, reasons, flags (dicts of id,
    sentence, evidence), the flag count the queue orders by, and when it first
    entered the queue. One definition for a new lead (intake) and an old one."""
    columns = {
        "status": verdict.status,
        "reasons": [asdict(reason) for reason in verdict.reasons],
        "flags": [asdict(flag) for flag in verdict.flags],
        "flag_count": len(verdict.flags),
        "screening_version": version,
    }
    if verdict.status == S.QUEUED:
        columns["queued_at"] = now
    return columns


def apply_verdict(session, lead: Lead, verdict, now: datetime, version: str = "", *,
                  alert: bool = True) -> None:
    """Give an existing lead screening's verdict (staff say it is not spam, or a new
    rule set screens it again), and the staff alert when it enters the queue."""
    for column, value in verdict_columns(verdict, now, version).items():
        if column == "queued_at" and lead.queued_at:
            continue
        setattr(lead, column, value)
    if lead.status == S.QUEUED and alert:
        session.add(outbox.alert_for(lead, now))


def add_note(session, lead: Lead, user: StaffUser, now: datetime, body: str) -> Note:
    body = (body or "").strip()
    if not body:
        raise ReasonRequired("A note cannot be empty.")
    note = Note(lead_id=lead.id, author=user, at=now, body=body)
    session.add(note)
    record(session, lead, user, "note", lead.status, now, body[:200])
    session.commit()
    return note


def screening_values(lead: Lead) -> dict:
    """The lead's fields as ``intake.receive`` handed them to screening."""
    return {spec.name: getattr(lead, spec.name) for spec in contract.FIELDS}
