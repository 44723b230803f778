"""intake.receive writes through capture.statements (compiled SQL on the driver's
connection) instead of the ORM: what it stores must read back through the ORM
exactly as an ORM insert would have, on SQLite and on PostgreSQL."""

from datetime import timedelta

import pytest
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from capture import intake
from capture import statements
from capture.extensions import db
from capture.forms import LeadForm
from capture.models import Lead
from capture.models import OutboxMessage
from capture.screening import rules_from_config
from tests.conftest import NOW


def cleaned(ctx, values):
    with ctx.test_request_context():
        form = LeadForm(formdata=MultiDict(values))
        assert form.validate(), form.errors
        return form.cleaned()


def receive(ctx, values, *, now=NOW, window=timedelta(minutes=10), **extra):
    return intake.receive(db.engine, cleaned(ctx, values), rules=rules_from_config(ctx.config),
                          now=now, duplicate_window=window, **extra)


def test_a_queued_lead_reads_back_through_the_orm_with_its_alert(ctx, submission):
    receipt = receive(ctx, submission, origin="http://site.test", user_agent="Firefox",
                      version="abc123")
    lead = db.session.scalar(select(Lead).where(Lead.public_id == receipt.public_id))

    assert (receipt.status, receipt.duplicate) == ("queued", False)
    assert lead.received_at == NOW
    assert lead.received_at.tzinfo is not None
    assert lead.updated_at == NOW
    assert lead.queued_at == NOW
    assert (lead.employees, lead.monthly_budget, lead.consent) == (25, 3000, True)
    assert (lead.reasons, lead.flags, lead.flag_count) == ([], [], 0)
    assert (lead.origin, lead.user_agent, lead.screening_version) == (
        "http://site.test", "Firefox", "abc123")
    # Columns intake never sets take the model's own defaults.
    assert (lead.decision_reason, lead.stage, lead.lost_reason, lead.missed_reason) == (
        "", "", "", "")
    assert (lead.owner_id, lead.claimed_at, lead.accepted_at, lead.won_value) == (
        None, None, None, None)
    alert = db.session.scalar(select(OutboxMessage).where(OutboxMessage.lead_id == lead.id))
    assert (alert.kind, alert.payload, alert.status, alert.attempts) == (
        "lead_alert", {"lead": lead.public_id}, "pending", 0)
    assert alert.created_at == NOW
    assert alert.next_attempt_at == NOW


def test_a_screened_out_lead_keeps_its_reasons_as_json_and_has_no_alert(ctx, submission):
    receipt = receive(ctx, submission | {"employees": "900"})
    lead = db.session.scalar(select(Lead).where(Lead.public_id == receipt.public_id))

    assert receipt.status == lead.status == "screened_out"
    assert lead.reason_ids == ["too_large"]
    assert isinstance(lead.reasons[0]["sentence"], str)
    assert lead.queued_at is None
    assert db.session.scalar(select(OutboxMessage).where(OutboxMessage.lead_id == lead.id)) is None


def test_the_duplicate_window_compares_aware_times_on_every_database(ctx, submission):
    first = receive(ctx, submission)
    again = receive(ctx, submission, now=NOW + timedelta(minutes=9))
    later = receive(ctx, submission, now=NOW + timedelta(minutes=11))

    assert (again.public_id, again.duplicate) == (first.public_id, True)
    assert later.public_id != first.public_id
    assert not later.duplicate
    assert db.session.scalar(select(db.func.count()).select_from(Lead)) == 2


def test_a_failed_insert_leaves_nothing_behind_and_the_connection_usable(ctx, submission):
    values = cleaned(ctx, submission)
    with pytest.raises(KeyError, match="company"):
        intake.receive(db.engine, {k: v for k, v in values.items() if k != "company"},
                       rules=rules_from_config(ctx.config), now=NOW,
                       duplicate_window=timedelta(0))
    assert db.session.scalar(select(db.func.count()).select_from(Lead)) == 0
    assert receive(ctx, submission).status == "queued"


def test_defaults_cover_only_what_may_be_left_out():
    defaults = statements.scalar_defaults(Lead.__table__)

    assert defaults["decision_reason"] == ""
    assert defaults["owner_id"] is None
    # Required columns, and those whose default is computed, must be given.
    for column in ("status", "name", "public_id", "received_at", "fingerprint", "reasons"):
        assert column not in defaults

