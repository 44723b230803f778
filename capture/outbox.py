"""The outbox: emails to send, written in the transaction of the change they announce.

A request never talks to SMTP; ``enqueue`` only adds a row, and the worker
(``flask --app capture outbox send``) delivers it later, so a dead mail server
delays an alert but never loses it.

Delivery is exactly-once in normal operation: a worker first claims a row with a
conditional UPDATE (``pending`` -> ``sending``, with a lease in
``next_attempt_at``), so two workers never send the same row; right after the SMTP
server accepts the message the row is marked ``sent`` and committed. A temporary
failure puts the row back to ``pending`` with the error and a later retry time
(exponential back-off). Only a crash between the server's acceptance and that
commit can send a row twice: its lease runs out and another run sends it again.
On SQLite, run one worker; on PostgreSQL several may run side by side.

Nothing is retried forever in silence: a message that cannot be built, one the
server refuses for good (a 5xx answer), and one still failing after
``max_attempts`` tries or ``max_age`` is marked ``failed`` with its last error.
Staff see failed rows counted in every page's header and can retry them from
the outbox page; one bad row never holds up the rows behind it.
"""

import logging
import smtplib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from datetime import datetime
from datetime import timedelta

from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import selectinload

from capture import emails
from capture import queries
from capture.models import Lead
from capture.models import OutboxMessage
from capture.models import StaffUser

log = logging.getLogger(__name__)

LEAD_ALERT = "lead_alert"
DIGEST = "followup_digest"
PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"
WAITING = (PENDING, SENDING)
FIRST_RETRY = timedelta(seconds=30)
MAX_RETRY = timedelta(hours=1)
# How long a claimed row stays with its worker before another run may take it back.
LEASE = timedelta(minutes=5)


@dataclass(frozen=True)
class DeliveryPolicy:
    """When to give up on a message (CAPTURE_OUTBOX_MAX_ATTEMPTS, _MAX_AGE_HOURS)."""

    max_attempts: int = 10
    max_age: timedelta = timedelta(hours=72)

    @classmethod
    def from_config(cls, config) -> "DeliveryPolicy":
        return cls(max_attempts=max(int(config["OUTBOX_MAX_ATTEMPTS"]), 1),
                   max_age=timedelta(hours=float(config["OUTBOX_MAX_AGE_HOURS"])))


class PermanentFailure(Exception):
    """This message will never go out as it is; retrying cannot help."""


def lead_alert_row(lead_id: int, public_id: str, now: datetime) -> dict:
    """The staff alert for a lead that entered the queue, as the columns of its row:
    intake inserts it directly, the lead's transaction adds it as an object."""
    return {"kind": LEAD_ALERT, "lead_id": lead_id, "payload": {"lead": public_id},
            "created_at": now, "next_attempt_at": now}


def alert_for(lead: Lead, now: datetime) -> OutboxMessage:
    return OutboxMessage(**lead_alert_row(lead.id, lead.public_id, now))


def retry_delay(attempts: int) -> timedelta:
    """30 s after the first failure, doubling each time, never more than an hour."""
    return min(FIRST_RETRY * 2 ** max(attempts - 1, 0), MAX_RETRY)


def _message_id(row: OutboxMessage, settings: emails.MailSettings) -> str:
    """Stable per row, so a re-send after a crash can be recognised as the same mail."""
    return f"<outbox-{row.id}.{row.payload.get('lead', row.kind)}@{settings.domain}>"


def _compose_lead_alert(session, row: OutboxMessage, settings: emails.MailSettings):
    if row.lead is None:
        raise PermanentFailure("the lead this alert is about no longer exists")
    return emails.lead_alert(row.lead, settings=settings,
                             message_id=_message_id(row, settings))


def _compose_digest(session, row: OutboxMessage, settings: emails.MailSettings):
    """Built when sent, so it lists what is still due; nothing left means no mail."""
    user = session.get(StaffUser, row.payload.get("user"))
    if user is None or not user.active:
        raise PermanentFailure("the staff account of this digest is gone or disabled")
    day = date.fromisoformat(row.payload["date"])
    touches = queries.due_touches(session, day, user.id)
    if not touches:
        return None
    return emails.followup_digest(user, day, touches, settings=settings,
                                  message_id=_message_id(row, settings))


#: kind -> composer(session, row, settings) -> EmailMessage, or None when the mail is
#: no longer needed. A new kind of mail is one entry here (and its text in
#: ``capture.emails``).
COMPOSERS: dict[str, Callable] = {LEAD_ALERT: _compose_lead_alert, DIGEST: _compose_digest}


def _due(now: datetime) -> list:
    """Pending rows whose time has come, and claimed rows whose lease ran out."""
    return [or_(OutboxMessage.status == PENDING, OutboxMessage.status == SENDING),
            OutboxMessage.next_attempt_at <= now]


def _claim(session, row_id: int, now: datetime) -> bool:
    claimed = session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == row_id, *_due(now))
        .values(status=SENDING, next_attempt_at=now + LEASE)
        .execution_options(synchronize_session=False)
    ).rowcount
    session.commit()
    return bool(claimed)


def _is_permanent(error: Exception) -> bool:
    """A 5xx answer from the SMTP server is final; a 4xx or a dead server is not."""
    if isinstance(error, PermanentFailure):
        return True
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in error.recipients.values())
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def _failed(row: OutboxMessage, error: Exception, now: datetime, policy: DeliveryPolicy,
            *, composing: bool) -> None:
    row.attempts += 1
    row.last_error = f"{type(error).__name__}: {error}"[:2000]
    if composing or _is_permanent(error):
        give_up = "cannot be sent as it is"
    elif row.attempts >= policy.max_attempts:
        give_up = f"still failing after {row.attempts} attempts"
    elif now - row.created_at >= policy.max_age:
        give_up = f"still failing {policy.max_age} after it was queued"
    else:
        row.status = PENDING
        row.next_attempt_at = now + retry_delay(row.attempts)
        log.warning("outbox row %s failed (attempt %s), retrying at %s: %s", row.id,
                    row.attempts, row.next_attempt_at.isoformat(), row.last_error)
        return
    row.status = FAILED
    row.last_error = f"Gave up: {give_up}. {row.last_error}"[:2000]
    log.error("outbox row %s (%s) failed for good: %s", row.id, row.kind, row.last_error)


def send_pending(session, sender, now: datetime, *, settings: emails.MailSettings,
                 policy: DeliveryPolicy | None = None, limit: int = 100) -> tuple[int, int]:
    """Deliver every due row once; return (sent, failed).

    ``sender`` is anything with ``send(EmailMessage)`` (``mailer.SmtpMailer``).
    Only this loop catches broadly: whatever goes wrong with one row is recorded
    on it, and the next row still goes out.
    """
    policy = policy or DeliveryPolicy()
    sent = failed = 0
    due_ids = session.scalars(
        select(OutboxMessage.id).where(*_due(now))
        .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id).limit(limit)
    ).all()
    for row_id in due_ids:
        if not _claim(session, row_id, now):
            continue
        row = session.get(OutboxMessage, row_id, populate_existing=True)
        composing = True
        try:
            compose = COMPOSERS.get(row.kind)
            if compose is None:
                raise PermanentFailure(f"no composer for mails of kind {row.kind!r}")
            message = compose(session, row, settings)
            composing = False
            if message is not None:
                sender.send(message)
        except Exception as error:  # noqa: BLE001 - recorded on the row, never lost
            session.rollback()
            row = session.get(OutboxMessage, row_id, populate_existing=True)
            _failed(row, error, now, policy, composing=composing)
            session.commit()
            failed += 1
            continue
        row.attempts += 1
        row.status = SENT
        row.sent_at = now
        row.last_error = ""
        session.commit()
        sent += 1
    return sent, failed


def retry_now(session, row_id: int, now: datetime) -> bool:
    """Give a failed or waiting row a fresh start at once (the outbox page's button);
    False if there is no such row or it was sent meanwhile."""
    changed = session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == row_id, OutboxMessage.status.in_((FAILED, PENDING)))
        .values(status=PENDING, attempts=0, next_attempt_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    session.commit()
    return bool(changed)


def failed_count(session) -> int:
    return session.scalar(select(func.count()).select_from(OutboxMessage)
                          .where(OutboxMessage.status == FAILED))


def undelivered(session, limit: int = 200) -> list[OutboxMessage]:
    """Waiting and failed rows, failed first, then the oldest waiting."""
    failed_first = (OutboxMessage.status != FAILED)
    return list(session.scalars(
        select(OutboxMessage).options(selectinload(OutboxMessage.lead))
        .where(OutboxMessage.status.in_((*WAITING, FAILED)))
        .order_by(failed_first, OutboxMessage.next_attempt_at, OutboxMessage.id).limit(limit)))
