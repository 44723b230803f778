"""Visitor text never makes a mail header (CVE-2024-6923 and its relatives).

Each payload goes in through POST /leads, no login, and out through the outbox to a
real SMTP server (aiosmtpd); the test reads the headers of the message as received.
"""

import base64
from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pytest
from sqlalchemy import select

from capture import contract
from capture import emails
from capture import outbox
from capture.emails import MailSettings
from capture.extensions import db
from capture.mailer import SmtpMailer
from capture.models import Lead
from tests.conftest import make_app


def encoded(text: str, kind: str = "q") -> str:
    if kind == "b":
        return "=?utf-8?b?" + base64.b64encode(text.encode()).decode() + "?="
    return "=?utf-8?q?" + "".join(
        c if c.isalnum() else f"={ord(c):02X}" for c in text.encode("utf-8").decode("latin-1")
    ) + "?="


PAYLOADS = [
    "Acme =?utf-8?q?MSP=0D=0AReply-To:_attacker@evil.example=0D=0AX-Injected:_yes?=",
    "Acme =?utf-8?q?MSP=0D=0A=0D=0AYour_account_is_closed?=",
    "Acme =?UTF-8?Q?MSP=0AReply-To:_attacker@evil.example?=",
    "Acme =?utf-8?Q?MSP=0D=0ABcc:_attacker@evil.example?=",
    "Acme " + encoded("MSP\r\nReply-To: attacker@evil.example\r\nX-Injected: yes", "b"),
    "Acme " + encoded("MSP\u2028Reply-To: attacker@evil.example"),
    "Acme " + encoded("MSP\u0085X-Injected: yes"),
    "Acme =?iso-8859-1?q?MSP=0D=0AX-Injected:_yes?= =?utf-8?q?=0D=0AReply-To:_a@evil.example?=",
    "=?utf-8?q?=0D=0A?=" * 10,
]
EXPECTED_HEADERS = {"Subject", "From", "To", "X-Leadpress-Lead", "Message-ID",
                    "Content-Type", "Content-Transfer-Encoding", "MIME-Version"}


@pytest.fixture
def app(database_url, sink):
    return make_app(database_url, SMTP_HOST=sink.host, SMTP_PORT=sink.port, SMTP_TIMEOUT=5)


def deliver(app) -> None:
    with app.app_context():
        sent, failed = outbox.send_pending(
            db.session, SmtpMailer.from_config(app.config),
            datetime.now(UTC) + timedelta(seconds=1),
            settings=MailSettings.from_config(app.config))
    assert (sent, failed) == (1, 0)


def assert_one_safe_mail(sink, lead_id: str) -> None:
    [mail] = sink.mails()
    assert set(mail.keys()) == EXPECTED_HEADERS
    for name in ("Reply-To", "X-Injected", "Bcc", "Cc"):
        assert mail[name] is None
    subject = mail["Subject"]
    assert subject.startswith("New qualified lead: ")
    assert not set(subject) & set("\r\n\u2028\u2029\u0085")
    body = mail.get_content()
    assert body.startswith("A new lead passed screening")
    assert f"/staff/leads/{lead_id}" in body
    [(_, recipients, raw)] = sink.handler.messages
    assert recipients == ["sales@localhost"]
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert b"evil.example" not in head.replace(b"\r\n ", b" ").split(b"Subject:")[0]
    assert not any(line.lower().startswith((b"reply-to", b"x-injected", b"bcc"))
                   for line in head.split(b"\r\n"))


@pytest.mark.parametrize("company", PAYLOADS)
def test_an_encoded_word_in_the_company_cannot_add_headers_or_replace_the_body(
        app, client, sink, submission, company):
    response = client.post("/leads", json=submission | {"company": company})
    assert response.status_code == 201
    deliver(app)
    assert_one_safe_mail(sink, response.get_json()["id"])


@pytest.mark.parametrize("company", ["Acme\r\nReply-To: attacker@evil.example",
                                     "Acme\nX-Injected: yes", "Acme\u2028Bcc: a@evil.example",
                                     "Acme\u0085X-Injected: yes"])
def test_a_line_break_stored_before_the_one_line_rule_still_makes_one_safe_line(
        app, client, sink, submission, company):
    """Leads stored by older versions may hold line breaks; the alert still goes out."""
    response = client.post("/leads", json=submission)
    lead_id = response.get_json()["id"]
    with app.app_context():
        lead = db.session.scalar(select(Lead).where(Lead.public_id == lead_id))
        lead.company = company
        lead.name = "Dana\r\nX-Injected: yes"
        db.session.commit()
    deliver(app)
    assert_one_safe_mail(sink, lead_id)
    body = sink.mails()[0].get_content()
    assert "\nX-Injected" not in body


@pytest.mark.parametrize("text", PAYLOADS + ["a\r\nb", "x" * 500, "=?", "?= =?"])
def test_header_text_is_one_line_without_encoded_words(text):
    safe = emails.header_text(text)
    assert "=?" not in safe
    assert contract.text_problem(safe, one_line=True) is None
    assert len(safe) <= emails.HEADER_TEXT_LIMIT
