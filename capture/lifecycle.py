"""What staff do to a lead, and the audit entry each change writes.

queued -> in_review (claim: one owner at a time) -> accepted | rejected;
in_review -> queued (release the claim); screened_out -> queued (release: an
override, with a reason); any other status -> spam, and spam -> whatever
screening now says. Every function checks the rule, changes the lead, writes an
AuditEntry and commits, or raises a named exception and changes nothing.
No Flask here: views turn the exceptions into pages.
"""

from datetime import datetime

from sqlalchemy import update

from capture import contract
from capture import outbox
from capture.models import AuditEntry
from capture.models import Lead
from capture.models import LeadStatus
from capture.models import Note
from capture.models import StaffUser

S = LeadStatus


class LifecycleError(Exception):
    """A change that cannot be made; ``str(error)`` is the message for staff."""


class InvalidTransition(LifecycleError):
    pass


class AlreadyClaimed(LifecycleError):
    def __init__(self, holder: StaffUser | None, since: datetime | None):
        self.holder = holder
        self.since = since
        who = holder.email if holder else "another staff member"
        when = f" since {since:%Y-%m-%d %H:%M} UTC" if since else ""
        super().__init__(f"This lead is held by {who}{when}; ask them to release it.")


class NotAllowed(LifecycleError):
    pass


class ReasonRequired(LifecycleError):
    pass


# Who may do what. Sales do all the lead work, spam calls included: they read every
# lead first. What admins add is acting on a lead somebody else holds (see
# available_actions), managing accounts and reading the audit log.
SALES_ACTIONS = frozenset({"claim", "unclaim", "accept", "reject", "note", "release",
                           "mark_spam", "mark_not_spam"})
ADMIN_ACTIONS = SALES_ACTIONS

ACTION_LABELS = {
    "claim": "claim", "unclaim": "release the claim on", "accept": "accept",
    "reject": "reject", "note": "add a note to", "release": "release",
    "mark_spam": "mark as spam", "mark_not_spam": "mark as not spam",
}


def allowed_actions(user: StaffUser) -> frozenset[str]:
    return ADMIN_ACTIONS if user.is_admin else SALES_ACTIONS


def available_actions(lead: Lead, user: StaffUser) -> list[str]:
    """The actions that would succeed now; the lead page shows only these."""
    actions = []
    mine = lead.owner_id == user.id or user.is_admin
    if lead.status == S.QUEUED:
        actions.append("claim")
    if lead.status == S.IN_REVIEW and mine:
        actions += ["accept", "reject", "unclaim"]
    if lead.status == S.SCREENED_OUT:
        actions.append("release")
    if lead.status == S.SPAM:
        actions.append("mark_not_spam")
    elif lead.status != S.IN_REVIEW or mine:
        actions.append("mark_spam")
    actions.append("note")
    permitted = allowed_actions(user)
    return [action for action in actions if action in permitted]


def _require(user: StaffUser, action: str) -> None:
    if action not in allowed_actions(user):
        raise NotAllowed(f"Only an admin may {ACTION_LABELS[action]} a lead.")


def _require_status(lead: Lead, action: str, *statuses: str) -> None:
    if lead.status not in statuses:
        wanted = " or ".join(s.replace("_", " ") for s in statuses)
        raise InvalidTransition(
            f"Cannot {ACTION_LABELS[action]} this lead: it is {lead.status.replace('_', ' ')}, "
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


def _record(session, lead, user, action, from_status, now, why="") -> AuditEntry:
    entry = AuditEntry(lead=lead, actor=user, action=action, from_status=from_status,
                       to_status=lead.status, why=why, at=now)
    session.add(entry)
    return entry


def _move(session, lead, user, action, to_status, now, why="") -> AuditEntry:
    from_status = lead.status
    lead.status = to_status
    lead.updated_at = now
    entry = _record(session, lead, user, action, from_status, now, why)
    session.commit()
    return entry


def claim(session, lead: Lead, user: StaffUser, now: datetime) -> AuditEntry:
    """The status check and the change are one conditional UPDATE, so of two staff
    clicking "claim" at the same moment exactly one wins; the other is told who."""
    _require(user, "claim")
    if lead.status == S.IN_REVIEW:
        raise AlreadyClaimed(lead.owner, lead.claimed_at)
    _require_status(lead, "claim", S.QUEUED)
    won = session.execute(
        update(Lead)
        .where(Lead.id == lead.id, Lead.status == S.QUEUED)
        .values(status=S.IN_REVIEW, owner_id=user.id, claimed_at=now, updated_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    if not won:
        session.rollback()
        session.refresh(lead)
        return claim(session, lead, user, now)
    session.refresh(lead)
    entry = _record(session, lead, user, "claim", S.QUEUED, now)
    session.commit()
    return entry


def unclaim(session, lead: Lead, user: StaffUser, now: datetime, why: str = "") -> AuditEntry:
    _require(user, "unclaim")
    _require_status(lead, "unclaim", S.IN_REVIEW)
    _require_holder(lead, user)
    lead.owner_id = None
    lead.claimed_at = None
    return _move(session, lead, user, "unclaim", S.QUEUED, now, (why or "").strip())


def accept(session, lead: Lead, user: StaffUser, now: datetime, why: str = "") -> AuditEntry:
    _require(user, "accept")
    _require_status(lead, "accept", S.IN_REVIEW)
    _require_holder(lead, user)
    lead.decision_reason = (why or "").strip()
    return _move(session, lead, user, "accept", S.ACCEPTED, now, lead.decision_reason)


def reject(session, lead: Lead, user: StaffUser, now: datetime, why: str) -> AuditEntry:
    _require(user, "reject")
    _require_status(lead, "reject", S.IN_REVIEW)
    _require_holder(lead, user)
    lead.decision_reason = _reason(why, "reject a lead")
    return _move(session, lead, user, "reject", S.REJECTED, now, lead.decision_reason)


def release(session, lead: Lead, user: StaffUser, now: datetime, why: str) -> AuditEntry:
    """Override screening: a screened-out lead goes into the queue; who, when and
    why are in the audit entry."""
    _require(user, "release")
    _require_status(lead, "release", S.SCREENED_OUT)
    why = _reason(why, "release a screened-out lead into the queue")
    return _move(session, lead, user, "release", S.QUEUED, now, why)


def mark_spam(session, lead: Lead, user: StaffUser, now: datetime, why: str = "") -> AuditEntry:
    _require(user, "mark_spam")
    if lead.status == S.SPAM:
        raise InvalidTransition("This lead is already marked as spam.")
    if lead.status == S.IN_REVIEW:
        _require_holder(lead, user)
    lead.owner_id = None
    lead.claimed_at = None
    return _move(session, lead, user, "mark_spam", S.SPAM, now, (why or "").strip())


def mark_not_spam(session, lead: Lead, user: StaffUser, now: datetime, *, screen, rules,
                  why: str = "") -> AuditEntry:
    """Screen the lead again as if the honeypot had been empty (staff say a person
    sent it) and take that verdict: queued (and alert staff, who never heard of it)
    or screened_out. ``screen`` and ``rules`` come from capture.screening."""
    _require(user, "mark_not_spam")
    _require_status(lead, "mark_not_spam", S.SPAM)
    verdict = screen(screening_values(lead) | {"company_fax": ""}, rules)
    status = S.QUEUED if verdict.status == S.SPAM else verdict.status
    lead.record_verdict(verdict)
    if status == S.QUEUED:
        outbox.enqueue_lead_alert(session, lead)
    return _move(session, lead, user, "mark_not_spam", status, now, (why or "").strip())


def add_note(session, lead: Lead, user: StaffUser, now: datetime, body: str) -> Note:
    _require(user, "note")
    body = (body or "").strip()
    if not body:
        raise ReasonRequired("A note cannot be empty.")
    note = Note(lead_id=lead.id, author=user, at=now, body=body)
    session.add(note)
    _record(session, lead, user, "note", lead.status, now, body[:200])
    session.commit()
    return note


def screening_values(lead: Lead) -> dict:
    """The lead's fields as ``intake.receive`` handed them to screening."""
    return {spec.name: getattr(lead, spec.name) for spec in contract.FIELDS}
