"""Alert emails through the outbox, against a real SMTP server (aiosmtpd) that the
test starts, stops and starts again."""

import os
import signal
import smtplib
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from capture import outbox
from capture.emails import MailSettings
from capture.extensions import db
from capture.mailer import SmtpMailer
from capture.models import Lead
from capture.models import OutboxMessage
from tests.conftest import make_app


@pytest.fixture
def app(database_url, sink):
    return make_app(database_url, SMTP_HOST=sink.host, SMTP_PORT=sink.port, SMTP_TIMEOUT=5,
                   MAIL_SENDER="Leadpress <leads@leadpress.example>",
                   STAFF_RECIPIENTS=["sales@leadpress.example", "boss@leadpress.example"],
                   SERVICE_URL="https://capture.example/")


def add_leads(client, submission, count: int) -> list[str]:
    ids = []
    for i in range(count):
        response = client.post("/leads", json=submission | {"email": f"p{i}@x.example"})
        ids.append(response.get_json()["id"])
    return ids


def send(app, now, sender=None):
    with app.app_context():
        cfg = app.config
        return outbox.send_pending(
            db.session, sender or SmtpMailer.from_config(cfg), now,
            settings=MailSettings.from_config(cfg), policy=outbox.DeliveryPolicy.from_config(cfg))


def rows(app):
    with app.app_context():
        found = db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()
        db.session.expunge_all()
        return found


def soon():
    return datetime.now(UTC) + timedelta(seconds=1)


@pytest.mark.parametrize(("attempts", "seconds"), [
    (1, 30), (2, 60), (3, 120), (4, 240), (7, 1920), (8, 3600), (30, 3600)])
def test_retry_delay_doubles_up_to_an_hour(attempts, seconds):
    assert outbox.retry_delay(attempts) == timedelta(seconds=seconds)


def test_alert_says_who_which_company_why_and_links_the_lead(app, client, sink, submission):
    [lead_id] = add_leads(client, submission | {"role": "technician"}, 1)
    assert send(app, soon()) == (1, 0)
    [(mail_from, rcpts, _)] = sink.handler.messages
    assert mail_from == "leads@leadpress.example"
    assert rcpts == ["sales@leadpress.example", "boss@leadpress.example"]
    [mail] = sink.mails()
    assert mail["Subject"] == ("New qualified lead: Northwind IT Services "
                               "(Managed services provider (MSP))")
    body = mail.get_content()
    for text in ("Dana Whitfield", "p0@x.example", "+1 555 0100", "Northwind IT Services",
                 "Employees: 25", "$3,000 a month", "Technician", "Appointment setting",
                 "not_decision_maker", submission["message"],
                 "http://site.test/what-is-a-qualified-sales-lead.html",
                 f"https://capture.example/staff/leads/{lead_id}"):
        assert text in body
    with app.app_context():
        lead = db.session.scalar(select(Lead).where(Lead.public_id == lead_id))
        assert lead.flags[0]["sentence"] in body


def test_pending_alerts_are_sent_once_and_marked(app, client, sink, submission):
    ids = add_leads(client, submission, 3)
    now = soon()
    assert send(app, now) == (3, 0)
    assert [(row.status, row.attempts, row.sent_at) for row in rows(app)] == [
        ("sent", 1, now)] * 3
    assert send(app, now + timedelta(hours=2)) == (0, 0)
    assert sink.per_lead() == Counter(dict.fromkeys(ids, 1))


def test_a_dead_server_loses_nothing_and_each_alert_arrives_exactly_once(app, client, sink,
                                                                         submission):
    ids = add_leads(client, submission, 3)
    sink.down()
    now = soon()
    assert send(app, now) == (0, 3)
    for row in rows(app):
        assert (row.status, row.attempts) == ("pending", 1)
        assert "ConnectionRefusedError" in row.last_error
        assert row.next_attempt_at == now + timedelta(seconds=30)
    assert send(app, now + timedelta(seconds=10)) == (0, 0)  # not due yet

    assert send(app, now + timedelta(seconds=31)) == (0, 3)  # still down: back off further
    assert {row.next_attempt_at for row in rows(app)} == {now + timedelta(seconds=91)}
    assert {row.attempts for row in rows(app)} == {2}

    sink.up()
    assert send(app, now + timedelta(seconds=95)) == (3, 0)
    assert [row.status for row in rows(app)] == ["sent"] * 3
    assert send(app, now + timedelta(days=1)) == (0, 0)
    assert sink.per_lead() == Counter(dict.fromkeys(ids, 1))


def test_a_temporary_smtp_refusal_is_recorded_and_retried(app, client, sink, submission):
    [lead_id] = add_leads(client, submission, 1)
    sink.handler.reply = "451 4.3.0 try again later"
    now = soon()
    assert send(app, now) == (0, 1)
    [row] = rows(app)
    assert "451" in row.last_error
    sink.handler.reply = None
    assert send(app, now + timedelta(minutes=1)) == (1, 0)
    assert sink.per_lead() == Counter({lead_id: 1})


class SecondWorkerDuringSend:
    """Runs another worker, with its own session, while the first is mid-send."""

    def __init__(self, app, mailer, now):
        self.app, self.mailer, self.now, self.nested = app, mailer, now, []

    def send(self, message):
        with self.app.app_context(), Session(db.engine) as other:
            cfg = self.app.config
            self.nested.append(outbox.send_pending(
                other, self.mailer, self.now, settings=MailSettings.from_config(cfg)))
        self.mailer.send(message)


def test_a_row_being_sent_is_not_taken_by_another_worker(app, client, sink, submission):
    [lead_id] = add_leads(client, submission, 1)
    now = soon()
    sender = SecondWorkerDuringSend(app, SmtpMailer(sink.host, sink.port, timeout=5), now)
    assert send(app, now, sender) == (1, 0)
    assert sender.nested == [(0, 0)]
    assert sink.per_lead() == Counter({lead_id: 1})


def test_a_row_whose_worker_died_is_sent_after_its_lease(app, client, sink, submission):
    [lead_id] = add_leads(client, submission, 1)
    now = soon()
    with app.app_context():
        row = db.session.scalars(select(OutboxMessage)).one()
        row.status = "sending"
        row.next_attempt_at = now + outbox.LEASE
        db.session.commit()
    assert send(app, now) == (0, 0)
    assert send(app, now + outbox.LEASE) == (1, 0)
    assert sink.per_lead() == Counter({lead_id: 1})


def test_outbox_send_command_delivers_and_reports(app, client, sink, submission):
    add_leads(client, submission, 2)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["outbox", "send"])
    assert result.exit_code == 0, result.output
    assert "sent 2, failed 0" in result.stderr
    assert len(sink.handler.messages) == 2
    sink.down()
    add_leads(client, submission | {"company": "Second Co"}, 1)
    result = runner.invoke(args=["outbox", "send"])
    assert "sent 0, failed 1" in result.stderr


def test_outbox_send_loop_keeps_delivering_until_sigterm(app, database_url, client, sink,
                                                         submission):
    root = Path(__file__).resolve().parent.parent
    env = os.environ | {
        "CAPTURE_DATABASE_URL": database_url, "CAPTURE_SMTP_HOST": sink.host,
        "CAPTURE_SMTP_PORT": str(sink.port), "CAPTURE_SECRET_KEY": "loop-test",
    }
    worker = subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "capture", "outbox", "send", "--loop",
         "--interval", "0.2"], cwd=root, env=env, stderr=subprocess.PIPE, text=True)
    try:
        ids = add_leads(client, submission, 2)
        deadline = time.monotonic() + 60  # a loaded CI machine starts Flask slowly
        while len(sink.handler.messages) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        later = add_leads(client, submission | {"company": "Later Co"}, 1)
        while len(sink.handler.messages) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        worker.send_signal(signal.SIGTERM)
        _, stderr = worker.communicate(timeout=10)
    assert worker.returncode == 0, stderr
    assert "outbox sender stopped" in stderr
    assert sink.per_lead() == Counter(dict.fromkeys(ids + later, 1))


# --- giving up, and never blocking the rest ---------------------------------------

def policy_app(database_url, sink, **settings):
    return make_app(database_url, SMTP_HOST=sink.host, SMTP_PORT=sink.port, SMTP_TIMEOUT=5,
                    **settings)


def test_a_message_still_failing_after_max_attempts_is_marked_failed(database_url, sink,
                                                                     submission):
    app = policy_app(database_url, sink, OUTBOX_MAX_ATTEMPTS=3)
    add_leads(app.test_client(), submission, 1)
    sink.down()
    now = soon()
    for _ in range(3):
        now += timedelta(hours=2)
        assert send(app, now) == (0, 1)
    [row] = rows(app)
    assert row.status == "failed"
    assert row.attempts == 3
    assert row.last_error.startswith("Gave up: still failing after 3 attempts.")
    assert "ConnectionRefusedError" in row.last_error
    sink.up()
    assert send(app, now + timedelta(days=1)) == (0, 0)  # no retry in silence
    assert sink.handler.messages == []


def test_a_message_older_than_max_age_is_marked_failed(database_url, sink, submission):
    app = policy_app(database_url, sink, OUTBOX_MAX_AGE_HOURS=1)
    add_leads(app.test_client(), submission, 1)
    sink.down()
    assert send(app, soon()) == (0, 1)
    assert rows(app)[0].status == "pending"
    assert send(app, soon() + timedelta(minutes=61)) == (0, 1)
    [row] = rows(app)
    assert row.status == "failed"
    assert "still failing 1:00:00 after it was queued" in row.last_error


def test_a_permanent_refusal_fails_at_once_and_the_rest_still_go_out(app, client, sink,
                                                                    submission):
    ids = add_leads(client, submission, 3)
    refusing = SmtpMailer(sink.host, sink.port, timeout=5)
    first = []

    class RefuseFirst:
        def send(self, message):
            if not first:
                first.append(message["X-Leadpress-Lead"])
                raise smtplib.SMTPDataError(554, b"5.7.1 message refused")
            refusing.send(message)

    assert send(app, soon(), RefuseFirst()) == (2, 1)
    by_status = Counter(row.status for row in rows(app))
    assert by_status == Counter({"sent": 2, "failed": 1})
    failed = next(row for row in rows(app) if row.status == "failed")
    assert "554" in failed.last_error
    assert set(sink.per_lead()) == set(ids) - set(first)


def test_a_message_that_cannot_be_built_fails_at_once_without_blocking(app, client, sink,
                                                                       submission):
    ids = add_leads(client, submission, 2)
    with app.app_context():
        broken = db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).first()
        broken.kind = "no_such_kind"
        db.session.commit()
    assert send(app, soon()) == (1, 1)
    statuses = [(row.kind, row.status) for row in rows(app)]
    assert statuses == [("no_such_kind", "failed"), ("lead_alert", "sent")]
    assert "no composer" in rows(app)[0].last_error
    assert list(sink.per_lead()) == [ids[1]]


def test_retry_now_gives_a_failed_message_a_fresh_start(database_url, sink, submission):
    app = policy_app(database_url, sink, OUTBOX_MAX_ATTEMPTS=1)
    [lead_id] = add_leads(app.test_client(), submission, 1)
    sink.down()
    now = soon()
    assert send(app, now) == (0, 1)
    [row] = rows(app)
    assert row.status == "failed"
    sink.up()
    with app.app_context():
        assert outbox.retry_now(db.session, row.id, now)
    assert send(app, now) == (1, 0)
    assert sink.per_lead() == Counter({lead_id: 1})
    with app.app_context():
        assert not outbox.retry_now(db.session, row.id, now)  # sent: nothing to retry


def test_failed_mail_is_counted_in_the_staff_header_and_listed_for_admins(database_url,
                                                                         sink, submission):
    from tests.staff.conftest import CHEAP_HASH
    from tests.staff.helpers import login
    from tests.staff.helpers import make_staff
    from tests.staff.helpers import post_form

    app = policy_app(database_url, sink, OUTBOX_MAX_ATTEMPTS=1, **CHEAP_HASH)
    make_staff(app, "ada@example.com", "admin")
    make_staff(app, "sam@example.com", "sales")
    [lead_id] = add_leads(app.test_client(), submission, 1)
    sink.down()
    send(app, soon())
    admin, sales = app.test_client(), app.test_client()
    login(admin, "ada@example.com")
    login(sales, "sam@example.com")
    assert "1 email failed" in admin.get("/staff/").get_data(as_text=True)
    assert "1 email failed: tell an admin" in sales.get("/staff/").get_data(as_text=True)
    assert sales.get("/staff/outbox").status_code == 403
    page = admin.get("/staff/outbox").get_data(as_text=True)
    assert "Gave up" in page
    assert "ConnectionRefusedError" in page
    assert "Northwind IT Services" in page
    [row] = rows(app)
    sink.up()
    response = post_form(admin, f"/staff/outbox/{row.id}/retry", token_from="/staff/outbox")
    assert response.status_code == 303
    assert send(app, soon()) == (1, 0)
    assert "email failed" not in admin.get("/staff/").get_data(as_text=True)
    assert sink.per_lead() == Counter({lead_id: 1})
