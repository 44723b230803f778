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

from sqlalchemy import select

from capture import contract
from capture import lifecycle
from capture.models import Lead
from capture.models import new_public_id
from capture.screening import ScreeningRules
from capture.screening import screen


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
) -> Receipt:
    digest = fingerprint(values)
    earlier = session.execute(
        select(Lead.public_id, Lead.status)
        .where(Lead.fingerprint == digest, Lead.received_at >= now - duplicate_window)
        .order_by(Lead.received_at)
        .limit(1)
    ).first()
    if earlier:
        return Receipt(earlier.public_id, earlier.status, duplicate=True)

    verdict = screen(values, rules)
    lead = Lead(
        **{spec.name: values[spec.name] for spec in contract.FIELDS},
        public_id=new_public_id(),
        fingerprint=digest,
        received_at=now,
        updated_at=now,
        origin=origin[:300],
        user_agent=user_agent[:500],
    )
    session.add(lead)
    lifecycle.apply_verdict(session, lead, verdict, now)
    public_id, status = lead.public_id, lead.status
    session.commit()
    return Receipt(public_id, status, duplicate=False)
