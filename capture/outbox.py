"""The outbox: emails to send, written in the transaction of the change they announce.

A request never talks to SMTP; ``enqueue`` only adds a row, and the worker
(``flask --app capture outbox send``) delivers it later, so a dead mail server
delays an alert but never loses it.

Delivery is exactly-once in normal operation: a worker first claims a row with a
conditional UPDATE (``pending`` -> ``sending``, with a lease in
``next_attempt_at``), so two workers never send the same row; right after the SMTP
server accepts the message the row is marked ``sent`` and committed. A failure puts
the row back to ``pending`` with the error and a later retry time (exponential
back-off), and nothing is lost. Only a crash between the server's acceptance and
that commit can send a row twice: its lease runs out and another run sends it again.
On SQLite, run one worker; on PostgreSQL several may run side by side.
"""

import logging
from datetime import datetime
from datetime import timedelta
from email import policy
from email.message import EmailMessage
from email.utils import parseaddr

from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import update

from capture import contract
from capture.models import Lead
from capture.models import OutboxMessage

log = logging.getLogger(__name__)
# Header lines up to the RFC's 998: the default 78 folds a long subject with
# parentheses before its first word, and mail clients then show a leading space.
MAIL_POLICY = policy.default.clone(max_line_length=998)

LEAD_ALERT = "lead_alert"
PENDING, SENDING, SENT, DEAD = "pending", "sending", "sent", "dead"
FIRST_RETRY = timedelta(seconds=30)
MAX_RETRY = timedelta(hours=1)
# How long a claimed row stays with its worker before another run may take it back.
LEASE = timedelta(minutes=5)


def enqueue_lead_alert(session, lead: Lead) -> OutboxMessage:
    message = OutboxMessage(kind=LEAD_ALERT, lead=lead, payload={"lead": lead.public_id})
    session.add(message)
    return message


def retry_delay(attempts: int) -> timedelta:
    """30 s after the first failure, doubling each time, never more than an hour."""
    return min(FIRST_RETRY * 2 ** max(attempts - 1, 0), MAX_RETRY)


def compose_lead_alert(lead: Lead, *, sender: str, recipients: list[str], site_url: str,
                       service_url: str, message_id: str | None = None) -> EmailMessage:
    """Who, which company, why it qualified, and the link to the lead page."""
    company_type = contract.choice_label("company_type", lead.company_type)
    flags = lead.flags or []
    lines = [
        "A new lead passed screening and is waiting in the queue.",
        "",
        f"Name:      {lead.name}",
        f"Email:     {lead.email}",
        f"Phone:     {lead.phone or '-'}",
        f"Company:   {lead.company}",
        f"Type:      {company_type}",
        f"Employees: {lead.employees:,}",
        f"Budget:    ${lead.monthly_budget:,} a month",
        f"Role:      {contract.choice_label('role', lead.role)}",
        f"Interest:  {contract.choice_label('interest', lead.interest)}",
        "",
        "Why it qualified: a provider of IT services within the size and budget limits"
        + (" (no flags)." if not flags else ", with these flags:"),
    ]
    lines += [f"  - {flag['id']}: {flag['sentence']} ({flag['evidence']})" for flag in flags]
    lines += ["", "Message:", lead.message or "(none)", ""]
    if lead.source:
        lines.append(f"Source article: {site_url}/{lead.source}.html")
    lines.append(f"Lead page: {service_url}/staff/leads/{lead.public_id}")

    message = EmailMessage(policy=MAIL_POLICY)
    message["Subject"] = f"New qualified lead: {lead.company} ({company_type})"
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["X-Leadpress-Lead"] = lead.public_id
    if message_id:
        message["Message-ID"] = message_id
    message.set_content("\n".join(lines))
    return message


def _message_id(row: OutboxMessage, sender: str) -> str:
    """Stable per row, so a re-send after a crash can be recognised as the same mail."""
    domain = parseaddr(sender)[1].rpartition("@")[2] or "localhost"
    return f"<outbox-{row.id}.{row.payload.get('lead', '')}@{domain}>"


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


def send_pending(session, sender, now: datetime, *, mail_from: str, recipients: list[str],
                 site_url: str, service_url: str, limit: int = 100) -> tuple[int, int]:
    """Deliver every due row once; return (sent, failed).

    ``sender`` is anything with ``send(EmailMessage)`` (``mailer.SmtpMailer``).
    Only this loop catches broadly: whatever goes wrong with one row is recorded
    on it, and the next row still goes out.
    """
    sent = failed = 0
    due_ids = session.scalars(
        select(OutboxMessage.id).where(*_due(now))
        .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id).limit(limit)
    ).all()
    for row_id in due_ids:
        if not _claim(session, row_id, now):
            continue
        row = session.get(OutboxMessage, row_id, populate_existing=True)
        if row.kind != LEAD_ALERT or row.lead is None:
            row.status = DEAD
            row.last_error = f"cannot send {row.kind!r} without its lead"
            session.commit()
            failed += 1
            continue
        try:
            message = compose_lead_alert(
                row.lead, sender=mail_from, recipients=recipients, site_url=site_url,
                service_url=service_url, message_id=_message_id(row, mail_from))
            sender.send(message)
        except Exception as error:  # noqa: BLE001 - recorded on the row, retried later
            row.attempts += 1
            row.status = PENDING
            row.last_error = f"{type(error).__name__}: {error}"[:2000]
            row.next_attempt_at = now + retry_delay(row.attempts)
            session.commit()
            log.warning("outbox row %s failed (attempt %s): %s", row.id, row.attempts,
                        row.last_error)
            failed += 1
            continue
        row.attempts += 1
        row.status = SENT
        row.sent_at = now
        row.last_error = ""
        session.commit()
        sent += 1
    return sent, failed
