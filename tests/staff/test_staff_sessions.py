"""A session ends when it should: a copied session cookie is worthless after logout, a
password change or reset, disabling the account, or "log out everywhere". Staff change
their own password (the current one first), under ASVS 2.1's policy."""

import logging

import pytest
from sqlalchemy import select

from capture import accounts
from capture.extensions import db
from capture.models import AuditEntry
from tests.staff.helpers import PASSWORD
from tests.staff.helpers import csrf_token
from tests.staff.helpers import login
from tests.staff.helpers import post_form


def cookie_of(client) -> str:
    return client.get_cookie("session").value


def browser_with(app, cookie: str):
    """Another browser holding a copy of the session cookie."""
    thief = app.test_client()
    thief.set_cookie("session", cookie)
    return thief


def opens_the_queue(client) -> bool:
    return client.get("/staff/").status_code == 200


def test_a_copied_cookie_stops_working_after_logout(app, staff_client):
    copy = cookie_of(staff_client)
    assert opens_the_queue(browser_with(app, copy))
    post_form(staff_client, "/staff/logout")
    assert not opens_the_queue(staff_client)
    assert not opens_the_queue(browser_with(app, copy))


def test_logout_ends_every_session_of_the_account(app, staff_client):
    laptop = app.test_client()
    assert login(laptop, "sam@example.com").status_code == 302
    post_form(staff_client, "/staff/logout")
    assert not opens_the_queue(laptop)


def test_logging_out_leaves_other_accounts_logged_in(app, staff_client, other_sales_client):
    post_form(staff_client, "/staff/logout")
    assert opens_the_queue(other_sales_client)


def test_a_password_reset_from_the_command_line_ends_every_session(app, staff_client,
                                                                   tmp_path):
    copy = cookie_of(staff_client)
    secret = tmp_path / "password"
    secret.write_text("a brand new passphrase\n")
    result = app.test_cli_runner().invoke(
        args=["staff", "set-password", "sam@example.com", "--password-file", str(secret)])
    assert result.exit_code == 0, result.output
    assert not opens_the_queue(staff_client)
    assert not opens_the_queue(browser_with(app, copy))
    assert login(app.test_client(), "sam@example.com", "a brand new passphrase"
                 ).status_code == 302


def test_disabling_an_account_ends_its_sessions(app, staff_client, admin_client, sales_id):
    copy = cookie_of(staff_client)
    response = post_form(admin_client, f"/staff/accounts/{sales_id}/disable",
                         token_from="/staff/accounts")
    assert response.status_code == 303
    assert not opens_the_queue(browser_with(app, copy))
    with app.app_context():  # enabling again does not revive the old cookie
        accounts.set_active(db.session, "sam@example.com", True)
    assert not opens_the_queue(browser_with(app, copy))


def test_log_out_everywhere_ends_every_session_and_is_audited(app, staff_client, sales_id):
    laptop = app.test_client()
    login(laptop, "sam@example.com")
    page = staff_client.get("/staff/account").get_data(as_text=True)
    assert "Log out everywhere" in page
    response = post_form(staff_client, "/staff/account/logout-everywhere",
                         token_from="/staff/account")
    assert response.status_code == 303
    assert response.headers["Location"] == "/staff/login"
    assert not opens_the_queue(staff_client)
    assert not opens_the_queue(laptop)
    with app.app_context():
        entry = db.session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert (entry.action, entry.actor_id) == ("end_sessions", sales_id)


def change_password(client, current: str, new: str):
    return post_form(client, "/staff/account/password",
                     {"current": current, "password": new}, token_from="/staff/account")


def test_changing_my_password_asks_for_the_current_one(app, staff_client):
    response = change_password(staff_client, "not my password", "a brand new passphrase")
    assert response.status_code == 422
    assert "The current password is wrong." in response.get_data(as_text=True)
    assert login(app.test_client(), "sam@example.com").status_code == 302


def test_changing_my_password_keeps_me_in_and_ends_my_other_sessions(app, staff_client):
    laptop = app.test_client()
    login(laptop, "sam@example.com")
    copy = cookie_of(staff_client)
    response = change_password(staff_client, PASSWORD, "a brand new passphrase")
    assert response.status_code == 303
    assert opens_the_queue(staff_client)
    assert not opens_the_queue(laptop)
    assert not opens_the_queue(browser_with(app, copy))
    assert login(app.test_client(), "sam@example.com", "a brand new passphrase"
                 ).status_code == 302
    assert login(app.test_client(), "sam@example.com").status_code == 401


@pytest.mark.parametrize(("password", "message"), [
    ("eleven char", "at least 12 characters"),
    ("x" * 129, "at most 128 characters"),
    ("password1234", "too easy to guess"),
    ("qwertyuiop12", "too easy to guess"),
    ("aaaaaaaaaaaaaaaa", "too easy to guess"),
    ("sam@example.com1", "too easy to guess"),
])
def test_the_password_policy_names_what_is_wrong(app, staff_client, password, message):
    response = change_password(staff_client, PASSWORD, password)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)


@pytest.mark.parametrize("password", [
    "correct horse battery",      # words and spaces, no "composition rules"
    "Zürich café für 12",         # any Unicode
    "x7#Lq9!vT2@m",               # 12 random characters
    "a" * 3 + "very long sentence that is exactly fine" + "z" * 80,  # 122 characters
])
def test_the_password_policy_has_no_composition_rules(password):
    assert accounts.check_password(password, "sam@example.com") == password


def test_successful_login_is_logged_at_info_with_account_and_address(app, sales_id, caplog):
    with caplog.at_level(logging.INFO, logger=app.logger.name):
        login(app.test_client(), "sam@example.com",
              environ_base={"REMOTE_ADDR": "192.0.2.44"})
    [record] = [r for r in caplog.records if "staff login" in r.getMessage()]
    assert record.levelno == logging.INFO
    assert record.getMessage() == "staff login: sam@example.com from 192.0.2.44"


def test_every_staff_response_is_no_store(app, staff_client, admin_client, client):
    for url in ("/staff/", "/staff/screened-out", "/staff/account", "/staff/export.csv"):
        assert staff_client.get(url).headers["Cache-Control"] == "no-store", url
    for url in ("/staff/audit", "/staff/accounts", "/staff/outbox"):
        assert admin_client.get(url).headers["Cache-Control"] == "no-store", url
    assert client.get("/staff/login").headers["Cache-Control"] == "no-store"
    token = csrf_token(staff_client, "/staff/")
    post = staff_client.post("/staff/logout", data={"csrf_token": token})
    assert post.headers["Cache-Control"] == "no-store"
