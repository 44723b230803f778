"""Typed SQLAlchemy 2 models: leads, their outbox, staff accounts, audit entries and notes."""

import re
import secrets
import string
from datetime import UTC
from datetime import date
from datetime import datetime
from random import Random

from sqlalchemy import JSON
from sqlalchemy import Boolean
from sqlalchemy import Date
from sqlalchemy import DateTime
from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import TypeDecorator
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from capture.extensions import db


def utcnow() -> datetime:
    return datetime.now(UTC)


#: Every public id ever issued matches this (older ids may start with "-" or "_").
PUBLIC_ID = re.compile(r"[A-Za-z0-9_-]{1,32}")
_ID_FIRST = string.ascii_letters + string.digits
_ID_REST = _ID_FIRST + "-_"


def new_public_id(*, rng: Random | None = None) -> str:
    """About 132 random bits: a lead's address must not be guessable from its
    neighbours. The first character is a letter or digit, so an id never starts
    with "-" (a command-line option) or "=", "+", "@" (a spreadsheet formula).
    ``rng`` is for demo data only (``random.Random(seed)``: the same ids on every
    run); keyword-only, so SQLAlchemy calls the column default bare."""
    if rng is None:  # token_urlsafe's alphabet is _ID_REST; 21 of its characters, 126 bits
        return secrets.choice(_ID_FIRST) + secrets.token_urlsafe(16)[:21]
    return rng.choice(_ID_FIRST) + "".join(rng.choices(_ID_REST, k=21))


class UTCDateTime(TypeDecorator):
    """Stores aware datetimes as UTC and hands them back aware on every database.

    SQLite keeps no offset and returns naive values; without this, a lead's age
    or the 10-minute duplicate window would compute differently on SQLite and
    PostgreSQL, or fail comparing naive with aware values.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware UTC datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Lead(db.Model):
    __tablename__ = "leads"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, default=new_public_id)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    status: Mapped[str] = mapped_column(String(20))

    # The contract's fields, as sent (text is stored unchanged and escaped on output).
    name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(254))
    phone: Mapped[str] = mapped_column(String(40), default="")
    company: Mapped[str] = mapped_column(String(200))
    website: Mapped[str] = mapped_column(String(2000), default="")
    company_type: Mapped[str] = mapped_column(String(20))
    employees: Mapped[int] = mapped_column(Integer)
    monthly_budget: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(20))
    interest: Mapped[str] = mapped_column(String(30))
    message: Mapped[str] = mapped_column(Text, default="")
    consent: Mapped[bool] = mapped_column(Boolean, default=True)
    source: Mapped[str] = mapped_column(String(200), default="")
    page_url: Mapped[str] = mapped_column(String(2000), default="")
    utm_source: Mapped[str] = mapped_column(String(200), default="")
    utm_medium: Mapped[str] = mapped_column(String(200), default="")
    utm_campaign: Mapped[str] = mapped_column(String(200), default="")
    company_fax: Mapped[str] = mapped_column(String(200), default="")

    # Screening: [{"id", "sentence", "evidence"}, ...] for reasons and flags alike.
    reasons: Mapped[list] = mapped_column(JSON, default=list)
    flags: Mapped[list] = mapped_column(JSON, default=list)
    # Denormalised for the queue's order (no flags first, then fewer flags).
    flag_count: Mapped[int] = mapped_column(Integer, default=0)

    # Where the request came from, for abuse review.
    origin: Mapped[str] = mapped_column(String(300), default="")
    user_agent: Mapped[str] = mapped_column(String(500), default="")
    # Hash of the submitted fields; finds double clicks and retries within the window.
    fingerprint: Mapped[str] = mapped_column(String(64))

    owner_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"), default=None)
    owner: Mapped["StaffUser | None"] = relationship(foreign_keys=[owner_id])
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    decision_reason: Mapped[str] = mapped_column(Text, default="")

    # The sales cycle (capture.pipeline): when the lead first entered the queue (so
    # "qualified" counts it even after staff rejected it), when it was accepted, its
    # stage while open, and how it closed.
    queued_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    stage: Mapped[str] = mapped_column(String(20), default="")
    estimated_value: Mapped[int | None] = mapped_column(Integer, default=None)
    won_value: Mapped[int | None] = mapped_column(Integer, default=None)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    lost_reason: Mapped[str] = mapped_column(Text, default="")
    # Which rule set made the current verdict (capture.screening.rules_version).
    screening_version: Mapped[str] = mapped_column(String(16), default="")
    # A reason screening missed, named by the person who rejected the lead: the
    # rules' mistakes found in real use (`screening cases` exports them).
    missed_reason: Mapped[str] = mapped_column(String(20), default="")

    __table_args__ = (
        Index("ix_leads_status_received", "status", "received_at", "id"),
        Index("ix_leads_fingerprint_received", "fingerprint", "received_at"),
        Index("ix_leads_received_id", "received_at", "id"),
        Index("ix_leads_source", "source"),
        # The pipeline board: a column in its order, its totals from the index (0008).
        Index("ix_leads_pipeline", "status", "stage", "updated_at", "id", "won_value",
              "estimated_value"),
        Index("ix_leads_status_updated", "status", "updated_at", "id"),
        Index("ix_leads_owner_status", "owner_id", "status"),
    )

    @property
    def reason_ids(self) -> list[str]:
        return [reason["id"] for reason in self.reasons or []]

    @property
    def flag_ids(self) -> list[str]:
        return [flag["id"] for flag in self.flags or []]


# The queue's order exactly (budget descending): a page is an index walk (migration 0002).
Index("ix_leads_queue_order", Lead.status, Lead.flag_count, Lead.monthly_budget.desc(),
      Lead.received_at, Lead.id)

# Everything the reports count (capture.staff.reports), status first: each of their
# queries walks this index and never reads the table (migration 0007). PostgreSQL
# cannot key an index on json, so there the reasons are INCLUDEd; SQLite has no
# INCLUDE, so there they are the last key column.
_REPORT_COLUMNS = (Lead.status, Lead.source, Lead.utm_campaign, Lead.queued_at,
                   Lead.accepted_at, Lead.won_value, Lead.received_at, Lead.closed_at)
Index("ix_leads_report", *_REPORT_COLUMNS, Lead.reasons).ddl_if(dialect="sqlite")
Index("ix_leads_report", *_REPORT_COLUMNS,
      postgresql_include=["reasons"]).ddl_if(dialect="postgresql")


class OutboxMessage(db.Model):
    """An email to send, written in the same transaction as the lead it is about,
    so a crash or a dead SMTP server between the two can never lose an alert."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    lead_id: Mapped[int | None] = mapped_column(ForeignKey("leads.id"), default=None)
    lead: Mapped["Lead | None"] = relationship()
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    # One mail per key at most (a staff member's digest for one day).
    dedupe_key: Mapped[str | None] = mapped_column(String(120), unique=True, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # pending -> sending (claimed by a worker) -> sent, or failed for good (see outbox).
    status: Mapped[str] = mapped_column(String(20), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    __table_args__ = (Index("ix_outbox_status_next", "status", "next_attempt_at"),)


class StaffUser(db.Model):
    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default="sales")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    # Part of every session cookie of this account; a new token ends them all
    # (logout, a password change or reset, disabling, "log out everywhere").
    session_token: Mapped[str] = mapped_column(String(64), default="")
    # Dates on staff pages ("due today") are this person's calendar days.
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")
    # SHA-256 of the secret in this person's calendar feed URL; None: no feed.
    calendar_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True,
                                                           default=None)

    # Flask-Login's interface.
    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        """What the session cookie holds: the account and its current token."""
        return f"{self.id}:{self.session_token}"

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


class AuditEntry(db.Model):
    """Who changed what, when, from which state to which, and why."""

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    lead_id: Mapped[int | None] = mapped_column(ForeignKey("leads.id"), default=None)
    lead: Mapped["Lead | None"] = relationship()
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"), default=None)
    actor: Mapped["StaffUser | None"] = relationship()
    action: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[str] = mapped_column(String(20), default="")
    to_status: Mapped[str] = mapped_column(String(20), default="")
    why: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("ix_audit_lead_at", "lead_id", "at"),
        Index("ix_audit_at", "at"),
        # The leads staff released from screened out (the reports' overrides), without
        # reading the whole history (migration 0007).
        Index("ix_audit_action_lead", "action", "lead_id"),
    )


class Note(db.Model):
    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lead_id: Mapped[int] = mapped_column(ForeignKey("leads.id"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"), default=None)
    author: Mapped["StaffUser | None"] = relationship()
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    body: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_notes_lead_at", "lead_id", "at"),)


class Touch(db.Model):
    """One follow-up with an accepted lead: a card, a call, a meeting. Open until done
    (with an outcome and a note) or cancelled (the lead was won, or lost and re-planned)."""

    __tablename__ = "touches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lead_id: Mapped[int] = mapped_column(ForeignKey("leads.id"))
    lead: Mapped["Lead"] = relationship()
    kind: Mapped[str] = mapped_column(String(40))
    # Kept as planned, so history reads right after the plan file changes.
    label: Mapped[str] = mapped_column(String(200))
    due: Mapped[date] = mapped_column(Date)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"), default=None)
    owner: Mapped["StaffUser | None"] = relationship(foreign_keys=[owner_id])
    status: Mapped[str] = mapped_column(String(10), default="open")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    completed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"),
                                                        default=None)
    completed_by: Mapped["StaffUser | None"] = relationship(foreign_keys=[completed_by_id])
    outcome: Mapped[str] = mapped_column(String(30), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    @classmethod
    def planned(cls, lead: "Lead", kind: str, label: str, due: date, owner_id: int | None,
                now: datetime) -> "Touch":
        return cls(lead_id=lead.id, kind=kind, label=label[:200], due=due, owner_id=owner_id,
                   status="open", created_at=now)

    __table_args__ = (
        Index("ix_touches_status_due", "status", "due"),
        Index("ix_touches_owner_status_due", "owner_id", "status", "due"),
        Index("ix_touches_lead_status_due", "lead_id", "status", "due"),
    )


class VerdictHistory(db.Model):
    """A screening verdict that a later rule set replaced (``screening rescreen``):
    the lead keeps its current verdict, and this keeps what it said before."""

    __tablename__ = "verdict_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lead_id: Mapped[int] = mapped_column(ForeignKey("leads.id"))
    replaced_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    rules_version: Mapped[str] = mapped_column(String(16), default="")
    status: Mapped[str] = mapped_column(String(20))
    reasons: Mapped[list] = mapped_column(JSON, default=list)
    flags: Mapped[list] = mapped_column(JSON, default=list)

    __table_args__ = (Index("ix_verdict_history_lead", "lead_id", "replaced_at"),)
