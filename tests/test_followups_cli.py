"""`followups due`, the daily digest through the outbox and a real SMTP sink, and the
calendar feed parsed by a maintained iCalendar library."""

import json
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta

import pytest
from icalendar import Calendar
from sqlalchemy import select

from capture import accounts
from capture import outbox
from capture import pipeline
from capture.emails import MailSettings
from capture.extensions import db
from capture.mailer import SmtpMailer
from capture.models import Lead
from capture.models import StaffUser
from capture.models import Touch
from tests.conftest import make_app
from tests.staff.conftest import CHEAP_HASH
from tests.staff.helpers import add_lead
from tests.staff.helpers import csrf_token
from tests.staff.helpers import login
from tests.staff.helpers import make_staff
from tests.staff.helpers import post_form


def utc_today() -> date:
    """The staff pages' "today" for an account in UTC, the default time zone."""
    return datetime.now(UTC).date()

@pytest.fixture
def app(database_url, sink):
    return make_app(database_url, SMTP_HOST=sink.host, SMTP_PORT=sink.port, SMTP_TIMEOUT=5,
                    SERVICE_URL="https://capture.example", **CHEAP_HASH)


@pytest.fixture
def sam(app):
    make_staff(app, "sam@example.com")
    client = app.test_client()
    login(client, "sam@example.com")
    return client


def accept(client, public_id):
    for action in ("claim", "accept"):
        token = csrf_token(client, f"/staff/leads/{public_id}")
        response = client.post(f"/staff/leads/{public_id}/{action}",
                               data={"csrf_token": token})
        assert response.status_code == 303


@pytest.fixture
def accepted(app, sam, submission):
    public_id = add_lead(app.test_client(), submission)
    accept(sam, public_id)
    # Move the thank-you card to yesterday and the assessment to today.
    with app.app_context():
        card, assessment = db.session.scalars(select(Touch).order_by(Touch.due)).all()[:2]
        card.due = utc_today() - timedelta(days=1)
        assessment.due = utc_today()
        db.session.commit()
    return public_id


def test_followups_due_prints_open_touches_up_to_a_day_as_json(app, accepted):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["followups", "due", "--date", utc_today().isoformat(),
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows == [
        {"lead_id": accepted, "kind": "thank_you_card",
         "due": (utc_today() - timedelta(days=1)).isoformat(), "owner": "sam@example.com"},
        {"lead_id": accepted, "kind": "network_assessment", "due": utc_today().isoformat(),
         "owner": "sam@example.com"},
    ]
    far = runner.invoke(args=["followups", "due", "--date", "2099-01-01"])
    assert len(json.loads(far.stdout)) == 5
    past = runner.invoke(args=["followups", "due", "--date", "2000-01-01"])
    assert json.loads(past.stdout) == []


def test_followups_due_refuses_a_malformed_date_clearly(app):
    result = app.test_cli_runner().invoke(args=["followups", "due", "--date", "tomorrow"])
    assert result.exit_code == 2
    assert "'tomorrow' does not match the format '%Y-%m-%d'" in result.output


def deliver(app):
    with app.app_context():
        return outbox.send_pending(db.session, SmtpMailer.from_config(app.config),
                                   datetime.now(UTC) + timedelta(seconds=1),
                                   settings=MailSettings.from_config(app.config))


def test_the_digest_lists_due_and_overdue_touches_once_a_day(app, accepted, sink):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["followups", "digest"])
    assert "queued 1 digest" in first.stderr
    again = runner.invoke(args=["followups", "digest"])
    assert "queued 0 digests" in again.stderr  # one per person and day
    sent, _ = deliver(app)
    digests = [mail for mail in sink.mails() if mail["To"] == "sam@example.com"]
    assert len(digests) == 1
    [mail] = digests
    assert mail["Subject"].startswith("Follow-ups for")
    assert "1 due, 1 overdue" in mail["Subject"]
    body = mail.get_content()
    assert body.index("Overdue:") < body.index("Send a thank-you card") < \
        body.index("Due today:") < body.index("Offer a network assessment")
    assert "+1 555 0100" in body
    assert "dana@northwind-it.example" in body
    assert f"https://capture.example/staff/leads/{accepted}" in body
    assert "Education meeting" not in body  # not due yet


def test_the_worker_queues_digests_only_from_each_persons_own_hour(app, accepted):
    with app.app_context():
        user = db.session.scalar(select(StaffUser).where(StaffUser.email == "sam@example.com"))
        user.time_zone = "America/New_York"
        db.session.commit()
        six_am_new_york = datetime.now(UTC).replace(hour=11, minute=0)
        assert pipeline.enqueue_digests(db.session, six_am_new_york, hour=7) == 0
        assert pipeline.enqueue_digests(db.session, six_am_new_york + timedelta(hours=1),
                                        hour=7) == 1


def test_a_digest_with_nothing_left_to_say_is_not_sent(app, accepted, sink):
    runner = app.test_cli_runner()
    runner.invoke(args=["followups", "digest"])
    with app.app_context():
        for touch in db.session.scalars(select(Touch)):
            touch.status = "done"
        db.session.commit()
    assert deliver(app) == (2, 0)  # the lead's alert, and the digest marked done unsent
    assert [mail["To"] for mail in sink.mails()] == ["sales@localhost"]


def test_the_calendar_feed_is_a_secret_url_that_parses_and_can_be_revoked(app, sam,
                                                                          accepted):
    response = post_form(sam, "/staff/account/calendar", token_from="/staff/account")
    assert response.status_code == 303
    page = sam.get("/staff/account").get_data(as_text=True)
    url = page.split('id="calendar-url" class="wide" readonly value="', 1)[1].split('"', 1)[0]
    path = url.split("://", 1)[1].split("/", 1)[1]
    anonymous = app.test_client()
    feed = anonymous.get("/" + path)
    assert feed.status_code == 200
    assert feed.mimetype == "text/calendar"
    calendar = Calendar.from_ical(feed.data)
    events = sorted(calendar.walk("VEVENT"), key=lambda event: event.decoded("dtstart"))
    assert len(events) == 5
    first = events[0]
    assert str(first["summary"]) == "Send a thank-you card: Northwind IT Services"
    assert first.decoded("dtstart") == utc_today() - timedelta(days=1)
    assert "+1 555 0100" in str(first["description"])
    assert f"https://capture.example/staff/leads/{accepted}" in str(first["url"])
    assert len({str(event["uid"]) for event in events}) == 5
    assert anonymous.get("/staff/calendar/not-the-token.ics").status_code == 404
    with app.app_context():
        assert url.rsplit("/", 1)[1][:-4] not in {
            user.calendar_token_hash for user in db.session.scalars(select(StaffUser))}
    post_form(sam, "/staff/account/calendar/revoke", token_from="/staff/account")
    assert anonymous.get("/" + path).status_code == 404


def test_the_pipeline_keeps_owner_and_lead_on_each_touch(app, accepted):
    with app.app_context():
        lead = db.session.scalar(select(Lead))
        owners = {touch.owner_id for touch in db.session.scalars(select(Touch))}
        assert owners == {lead.owner_id}


def test_a_disabled_accounts_calendar_feed_is_gone(app, sam, accepted):
    post_form(sam, "/staff/account/calendar", token_from="/staff/account")
    page = sam.get("/staff/account").get_data(as_text=True)
    url = page.split('id="calendar-url" class="wide" readonly value="', 1)[1].split('"', 1)[0]
    path = "/" + url.split("://", 1)[1].split("/", 1)[1]
    anonymous = app.test_client()
    assert anonymous.get(path).status_code == 200
    with app.app_context():
        accounts.disable(db.session, "sam@example.com")
    assert anonymous.get(path).status_code == 404
