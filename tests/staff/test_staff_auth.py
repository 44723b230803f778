"""Logging in and out: the one message for any failure, lockout, sessions, next."""

import pytest
from sqlalchemy import select

from capture import accounts
from capture.extensions import db
from capture.models import StaffUser
from capture.staff.auth import safe_next
from tests.conftest import make_app
from tests.staff.conftest import CHEAP_HASH
from tests.staff.helpers import PASSWORD
from tests.staff.helpers import csrf_token
from tests.staff.helpers import login
from tests.staff.helpers import make_staff


def test_login_page_has_the_fields_other_tools_rely_on(client):
    page = client.get("/staff/login").get_data(as_text=True)
    assert 'name="email"' in page
    assert 'name="password"' in page
    assert 'name="csrf_token"' in page
    assert '<label for="email">' in page
    assert '<label for="password">' in page


def test_login_lands_on_the_review_queue(app, client, sales_id):
    response = login(client, "sam@example.com")
    assert response.status_code == 302
    assert response.headers["Location"] == "/staff/"
    page = client.get("/staff/").get_data(as_text=True)
    assert "Review queue" in page
    assert "sam@example.com" in page


def test_login_email_is_case_insensitive(client, sales_id):
    assert login(client, "  SAM@Example.com ").status_code == 302


@pytest.mark.parametrize(("email", "password"), [
    ("sam@example.com", "wrong password!"),
    ("nobody@example.com", PASSWORD),
    ("not-an-email", PASSWORD),
])
def test_failed_login_says_only_that_email_or_password_is_wrong(client, sales_id, email,
                                                                  password):
    response = login(client, email, password)
    page = response.get_data(as_text=True)
    assert response.status_code == 401
    assert "Email or password is wrong." in page
    assert "nobody" not in page.replace('value="nobody@example.com"', "")
    assert client.get("/staff/").status_code == 302


def test_login_without_csrf_token_is_refused(client, sales_id):
    response = client.post("/staff/login", data={"email": "sam@example.com",
                                                 "password": PASSWORD})
    assert response.status_code == 400
    assert "reload the page" in response.get_data(as_text=True).lower()
    assert client.get("/staff/").status_code == 302


def test_logout_ends_the_session(staff_client):
    token = csrf_token(staff_client, "/staff/")
    response = staff_client.post("/staff/logout", data={"csrf_token": token})
    assert response.status_code == 302
    assert response.headers["Location"] == "/staff/login"
    assert staff_client.get("/staff/").status_code == 302


def test_logout_is_not_a_get(staff_client):
    assert staff_client.get("/staff/logout").status_code == 405
    assert staff_client.get("/staff/").status_code == 200


@pytest.mark.parametrize(("target", "expected"), [
    ("/staff/leads/abc", "/staff/leads/abc"),
    ("/staff/?q=x", "/staff/?q=x"),
    ("/staff", "/staff"),
    ("https://evil.example/staff/", None),
    ("//evil.example/staff/", None),
    ("/\\evil.example", None),
    ("/staffing", None),
    ("/leads", None),
    ("javascript:alert(1)", None),
    ("", None),
])
def test_next_is_followed_only_inside_staff(target, expected):
    assert safe_next(target) == expected


def test_login_follows_a_safe_next_and_ignores_others(app, sales_id):
    client = app.test_client()
    response = client.get("/staff/spam")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/staff/login?next=")
    token = csrf_token(client)
    response = client.post("/staff/login?next=/staff/spam",
                           data={"email": "sam@example.com", "password": PASSWORD,
                                 "csrf_token": token})
    assert response.headers["Location"] == "/staff/spam"

    other = app.test_client()
    token = csrf_token(other)
    response = other.post("/staff/login?next=https://evil.example/",
                          data={"email": "sam@example.com", "password": PASSWORD,
                                "csrf_token": token})
    assert response.headers["Location"] == "/staff/"


def test_session_cookie_is_httponly_and_samesite_lax(client, sales_id):
    response = login(client, "sam@example.com")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # plain http in development
    assert "Expires=" in cookie  # a permanent session, refreshed on each request


def test_session_cookie_is_secure_in_production(database_url):
    app = make_app(database_url, ENV="production", **CHEAP_HASH)
    make_staff(app, "sam@example.com")
    client = app.test_client()
    response = login(client, "sam@example.com")
    assert "Secure" in response.headers["Set-Cookie"]


def test_idle_timeout_comes_from_config(database_url):
    app = make_app(database_url, IDLE_TIMEOUT_MINUTES=15, **CHEAP_HASH)
    assert app.permanent_session_lifetime.total_seconds() == 15 * 60
    assert app.config["SESSION_REFRESH_EACH_REQUEST"] is True


def test_disabled_account_cannot_log_in_and_its_session_ends(app, staff_client):
    assert staff_client.get("/staff/").status_code == 200
    with app.app_context():
        accounts.disable(db.session, "sam@example.com")
    assert staff_client.get("/staff/").status_code == 302
    response = login(app.test_client(), "sam@example.com")
    assert response.status_code == 401
    assert "Email or password is wrong." in response.get_data(as_text=True)


def test_successful_login_records_the_time(app, staff_client):
    with app.app_context():
        user = db.session.scalar(select(StaffUser).where(StaffUser.email == "sam@example.com"))
        assert user.last_login_at is not None


@pytest.fixture
def throttled_app(database_url):
    app = make_app(database_url, RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT_PER_ACCOUNT="3/minute",
                   LOGIN_RATE_LIMIT_PER_IP="8/minute", **CHEAP_HASH)
    make_staff(app, "sam@example.com")
    make_staff(app, "kim@example.com")
    return app


def test_an_account_is_locked_after_repeated_failures(throttled_app):
    client = throttled_app.test_client()
    for _ in range(3):
        assert login(client, "sam@example.com", "wrong password!").status_code == 401
    response = login(client, "sam@example.com")  # even the right password now waits
    assert response.status_code == 429
    assert "Too many attempts; try again in a few minutes." in response.get_data(as_text=True)
    assert response.headers["Retry-After"]
    assert login(client, "kim@example.com").status_code == 302  # other accounts are fine


def test_successful_logins_do_not_lock_an_account(throttled_app):
    for _ in range(4):
        client = throttled_app.test_client()
        assert login(client, "sam@example.com").status_code == 302


def test_an_ip_is_throttled_across_accounts(throttled_app):
    client = throttled_app.test_client()
    statuses = [login(client, f"user{i}@example.com", "wrong password!").status_code
                for i in range(9)]
    assert statuses[:8] == [401] * 8
    assert statuses[8] == 429


def test_rate_limit_switch_turns_the_login_throttle_off(app, sales_id):
    client = app.test_client()
    for _ in range(8):
        login(client, "sam@example.com", "wrong password!")
    assert login(client, "sam@example.com").status_code == 302
