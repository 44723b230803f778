"""Every staff page needs a login; forms need CSRF tokens; lead text stays inert in
HTML and CSV; staff pages carry the security headers."""

import io
import time

import pytest
from itsdangerous import TimestampSigner
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import func
from sqlalchemy import select
from werkzeug.routing import AnyConverter
from werkzeug.routing import IntegerConverter

from capture import export
from capture.extensions import db
from capture.models import AuditEntry
from capture.models import Lead
from tests.conftest import make_app
from tests.staff.helpers import add_lead
from tests.staff.helpers import csrf_token

OPEN = {"static", "staff.login", "staff.calendar_feed"}  # the feed: a secret URL
OPEN_PREFIXES = ("public.", "devsite.")


def dummy_url(app, rule) -> str:
    values = {}
    for name, converter in rule._converters.items():
        if isinstance(converter, AnyConverter):
            values[name] = sorted(converter.items)[0]
        elif isinstance(converter, IntegerConverter):
            values[name] = 1
        else:
            values[name] = "dummy"
    with app.test_request_context():
        return app.url_map.bind("localhost").build(rule.endpoint, values)


def protected_rules(app):
    return [rule for rule in app.url_map.iter_rules()
            if rule.endpoint not in OPEN and not rule.endpoint.startswith(OPEN_PREFIXES)]


def test_the_walk_covers_the_staff_pages(app):
    endpoints = {rule.endpoint for rule in protected_rules(app)}
    assert {"staff.queue", "staff.lead_page", "staff.act", "staff.audit", "staff.outbox_page",
            "staff.accounts_page", "staff.export_csv", "staff.logout"} <= endpoints


def test_every_non_public_endpoint_refuses_anonymous_requests(app, client):
    for rule in protected_rules(app):
        url = dummy_url(app, rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(url, method=method)
            where = f"{method} {url} ({rule.endpoint})"
            assert response.status_code in (302, 401, 403), where
            if response.status_code == 302:
                assert response.headers["Location"].startswith("/staff/login"), where


def test_sales_may_not_open_admin_pages(staff_client):
    for url in ("/staff/audit", "/staff/accounts"):
        response = staff_client.get(url)
        assert response.status_code == 403
        assert "This page is for admins only." in response.get_data(as_text=True)
    token = csrf_token(staff_client, "/staff/")
    response = staff_client.post("/staff/accounts", data={
        "csrf_token": token, "email": "x@example.com", "role": "admin",
        "password": "long enough password"})
    assert response.status_code == 403


def test_admin_opens_admin_pages(admin_client):
    assert admin_client.get("/staff/audit").status_code == 200
    assert admin_client.get("/staff/accounts").status_code == 200


@pytest.fixture
def lead(client, submission):
    return add_lead(client, submission)


def lead_status(app, public_id):
    with app.app_context():
        return db.session.scalar(select(Lead.status).where(Lead.public_id == public_id))


def audit_count(app):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(AuditEntry))


@pytest.mark.parametrize("token", [None, "", "forged-token"])
def test_a_form_without_a_valid_csrf_token_changes_nothing(app, staff_client, lead, token):
    data = {} if token is None else {"csrf_token": token}
    before = audit_count(app)
    response = staff_client.post(f"/staff/leads/{lead}/claim", data=data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "The form expired" in page
    assert "Reload the page and try again." in page
    assert "staff.css" in page
    assert lead_status(app, lead) == "queued"
    assert audit_count(app) == before


def test_an_expired_csrf_token_says_to_reload(app, staff_client, lead):
    csrf_token(staff_client, "/staff/")  # puts the raw token into the session

    class HourOldSigner(TimestampSigner):
        def get_timestamp(self):
            return int(time.time()) - 2 * app.config["WTF_CSRF_TIME_LIMIT"]

    with staff_client.session_transaction() as session:
        raw = session["csrf_token"]
    expired = URLSafeTimedSerializer(app.secret_key, salt="wtf-csrf-token",
                                     signer=HourOldSigner).dumps(raw)
    response = staff_client.post(f"/staff/leads/{lead}/claim", data={"csrf_token": expired})
    assert response.status_code == 400
    assert "Reload the page and try again." in response.get_data(as_text=True)
    assert lead_status(app, lead) == "queued"


def test_a_token_from_the_page_works(app, staff_client, lead):
    response = staff_client.post(f"/staff/leads/{lead}/claim",
                                 data={"csrf_token": csrf_token(staff_client, "/staff/")})
    assert response.status_code == 303
    assert lead_status(app, lead) == "in_review"


SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
FORMULA = '=HYPERLINK("http://evil.example","click")'


@pytest.fixture
def hostile(client, submission):
    return add_lead(client, submission, name=FORMULA, company=IMG + " Ltd",
                    message=SCRIPT + " pricing? " + IMG, source=IMG, phone=SCRIPT[:40],
                    utm_campaign=SCRIPT, page_url="javascript:alert(1)",
                    role="technician")


def assert_inert(page: str) -> None:
    assert "<script" not in page
    assert "<img" not in page
    assert "onerror=alert(1)>" not in page.replace("onerror=alert(1)&gt;", "")
    assert 'href="javascript:' not in page


def test_hostile_lead_text_is_inert_in_the_queue(staff_client, hostile):
    page = staff_client.get("/staff/").get_data(as_text=True)
    assert_inert(page)
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt; Ltd" in page
    assert FORMULA.replace('"', "&#34;") in page


def test_hostile_lead_text_is_inert_on_the_lead_page(staff_client, hostile):
    page = staff_client.get(f"/staff/leads/{hostile}").get_data(as_text=True)
    assert_inert(page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "javascript:alert(1)" in page  # shown as text, never as a link


def test_hostile_lead_text_is_guarded_in_the_csv(staff_client, hostile):
    text = staff_client.get("/staff/export.csv").get_data(as_text=True)
    [row] = list(export.read_rows(io.StringIO(text)))
    assert row["name"] == FORMULA
    assert row["company"] == IMG + " Ltd"
    assert ',"\'=HYPERLINK(""http://evil.example"",""click"")",' in text


def test_staff_pages_carry_the_security_headers(staff_client, lead):
    for url in ("/staff/", f"/staff/leads/{lead}", "/staff/screened-out", "/staff/login"):
        headers = staff_client.get(url).headers
        csp = headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"]


def test_staff_pages_have_no_inline_script_or_style(staff_client, admin_client, lead):
    pages = [staff_client.get(url).get_data(as_text=True)
             for url in ("/staff/", f"/staff/leads/{lead}", "/staff/spam")]
    pages += [admin_client.get(url).get_data(as_text=True)
              for url in ("/staff/audit", "/staff/accounts")]
    for page in pages:
        assert "<script" not in page
        assert "<style" not in page
        assert " style=" not in page


def test_production_responses_carry_hsts_and_development_ones_do_not(database_url, client):
    assert "Strict-Transport-Security" not in client.get("/staff/login").headers
    production = make_app(database_url, ENV="production").test_client()
    for url in ("/staff/login", "/openapi.json", "/no-such-page"):
        hsts = production.get(url).headers["Strict-Transport-Security"]
        assert hsts == "max-age=31536000; includeSubDomains", url
    shorter = make_app(database_url, ENV="production", HSTS_SECONDS=300).test_client()
    assert shorter.get("/staff/login").headers["Strict-Transport-Security"].startswith(
        "max-age=300;")
    off = make_app(database_url, ENV="production", HSTS_SECONDS=0).test_client()
    assert "Strict-Transport-Security" not in off.get("/staff/login").headers


def test_the_spam_page_says_who_may_mark_not_spam_as_the_rule_is(staff_client, client,
                                                                  submission):
    spam = add_lead(client, submission, company_fax="bot")
    page = staff_client.get("/staff/spam").get_data(as_text=True)
    assert "Anyone on staff can mark a real lead as not spam" in page
    assert "An admin can mark" not in page
    lead_page = staff_client.get(f"/staff/leads/{spam}").get_data(as_text=True)
    assert "Not spam: screen again" in lead_page  # and a sales account sees the button
