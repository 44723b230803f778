"""Receive one validated submission: drop duplicates, screen, and store the lead
together with its alert in a single transaction.

Duplicates are judged on a hash of every submitted field, so a double click or a
client retry within the window is answered with the first lead's id instead of
creating a second lead; a change in any field is a new submission.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta

from sqlalchemy import bindparam
from sqlalchemy import insert
from sqlalchemy import select

from capture import contract
from capture import lifecycle
from capture import outbox
from capture.models import Lead
from capture.models import OutboxMessage
from capture.models import new_public_id
from capture.screening import ScreeningRules
from capture.screening import screen
from capture.vocabulary import Status


@dataclass(frozen=True)
class Receipt:
    public_id: str
    status: str
    duplicate: bool


def fingerprint(values: dict) -> str:
    canonical = {spec.name: values.get(spec.name) for spec in contract.FIELDS}
    canonical["email"] = str(canonical.get("email") or "").lower()
    encoded = json.dumps(canonical, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def receive(
    session,
    values: dict,
    *,
    rules: ScreeningRules,
    now: datetime,
    duplicate_window: timedelta,
    origin: str = "",
    user_agent: str = "",
    version: str = "",
) -> Receipt:
    """Runs inside every POST /leads, so it speaks SQL directly (two statements and
    one commit, three with an alert) instead of the ORM's unit of work: the ORM's
    bookkeeping for one new object cost more than the insert itself."""
    digest = fingerprint(values)
    connection = session.connection()
    earlier = connection.execute(
        DUPLICATE, {"fingerprint": digest, "since": now - duplicate_window}).first()
    if earlier:
        session.rollback()
        return Receipt(earlier.public_id, earlier.status, duplicate=True)

    verdict = screen(values, rules)
    row = {spec.name: values[spec.name] for spec in contract.FIELDS} | {
        "public_id": new_public_id(),
        "fingerprint": digest,
        "received_at": now,
        "updated_at": now,
        "origin": origin[:300],
        "user_agent": user_agent[:500],
    } | lifecycle.verdict_columns(verdict, now, version)
    lead_id = connection.execute(INSERT_LEAD, row).inserted_primary_key[0]
    if row["status"] == Status.QUEUED:
        connection.execute(INSERT_ALERT, outbox.lead_alert_row(lead_id, row["public_id"], now))
    session.commit()
    return Receipt(row["public_id"], row["status"], duplicate=False)


LEADS = Lead.__table__
OUTBOX = OutboxMessage.__table__
INSERT_LEAD = insert(LEADS)
INSERT_ALERT = insert(OUTBOX)
DUPLICATE = (select(LEADS.c.public_id, LEADS.c.status)
             .where(LEADS.c.fingerprint == bindparam("fingerprint"),
                    LEADS.c.received_at >= bindparam("since"))
             .order_by(LEADS.c.received_at).limit(1))
