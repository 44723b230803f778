"""Every staff page writes times on the reader's own clock (My account, time zone),
never in raw UTC. Asia/Kolkata is UTC+5:30, so no UTC time can pass for a local one."""

import re
from datetime import UTC
from datetime import datetime

from sqlalchemy import select
from sqlalchemy import update

from capture.extensions import db
from capture.models import AuditEntry
from capture.models import Lead
from capture.models import Note
from capture.models import OutboxMessage
from capture.models import StaffUser
from capture.models import Touch
from tests.staff.helpers import add_lead
from tests.staff.helpers import csrf_token

ZONE = "Asia/Kolkata"
MACHINE_READABLE = re.compile(r'\sdatetime="[^"]*"')
ZONE_NAMES = re.compile(r"<datalist.*?</datalist>", re.S)


def act(client, public_id, action, **data):
    token = csrf_token(client, f"/staff/leads/{public_id}")
    response = client.post(f"/staff/leads/{public_id}/{action}",
                           data={"csrf_token": token} | data)
    assert response.status_code == 303, response.get_data(as_text=True)


def stored_times(app) -> list[datetime]:
    """Every timestamp a staff page could show."""
    columns = [Lead.received_at, Lead.claimed_at, Lead.accepted_at, Lead.closed_at,
               AuditEntry.at, Note.at, Touch.completed_at, OutboxMessage.created_at,
               OutboxMessage.next_attempt_at, StaffUser.last_login_at]
    with app.app_context():
        return [moment for column in columns
                for moment in db.session.scalars(select(column)) if moment is not None]


def test_no_staff_page_prints_a_raw_utc_time(app, client, admin_client, submission):
    with app.app_context():
        db.session.execute(update(StaffUser).values(time_zone=ZONE))
        db.session.commit()
    claimed = add_lead(client, submission, monthly_budget="2000")
    won = add_lead(client, submission, email="w@x.example", monthly_budget="5000")
    lost = add_lead(client, submission, email="l@x.example", monthly_budget="4000")
    screened = add_lead(client, submission, email="s@x.example", employees="900")
    spam = add_lead(client, submission, email="bot@x.example", company_fax="bot")
    act(admin_client, claimed, "claim")
    act(admin_client, claimed, "notes", body="Called, left a voicemail.")
    for lead in (won, lost):
        act(admin_client, lead, "accept", reason="Good fit")
    with app.app_context():
        touch = db.session.scalars(select(Touch).order_by(Touch.id)).first()
        touch_id = touch.id
        db.session.execute(update(OutboxMessage).where(OutboxMessage.id == 1)
                           .values(status="failed", last_error="refused"))
        db.session.commit()
    done = admin_client.post(f"/staff/touches/{touch_id}/done", data={
        "csrf_token": csrf_token(admin_client, "/staff/today"), "outcome": "talked"})
    assert done.status_code == 303
    act(admin_client, won, "win", value="4000")
    act(admin_client, lost, "lose", reason="Went with a cheaper firm")

    pages = ["/staff/", "/staff/?status=in_review", "/staff/leads", "/staff/screened-out",
             "/staff/spam", "/staff/today", "/staff/today?who=all", "/staff/pipeline",
             "/staff/audit", "/staff/accounts", "/staff/outbox", "/staff/account",
             *(f"/staff/leads/{lead}" for lead in (claimed, won, lost, screened, spam))]
    times = stored_times(app)
    assert len(times) > 20
    for url in pages:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        page = ZONE_NAMES.sub("", MACHINE_READABLE.sub("", response.get_data(as_text=True)))
        assert "UTC" not in page, url
        assert "+00:00" not in page, url
        for moment in times:
            assert f"{moment.astimezone(UTC):%Y-%m-%d %H:%M}" not in page, (url, moment)
    lead_page = admin_client.get(f"/staff/leads/{won}").get_data(as_text=True)
    assert " IST" in lead_page  # the reader's clock, with its zone named
