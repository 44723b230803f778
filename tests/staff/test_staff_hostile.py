"""Hostile input on every staff surface: NUL and other control characters, line breaks
in one-line fields, over-long text, numbers no column can hold. Each gets a clear
4xx that names what is wrong, never a 500; `make test` runs this file on SQLite and
on PostgreSQL (which refuses NUL outright, where SQLite would store it)."""

import pytest
from sqlalchemy import select

from capture.extensions import db
from capture.models import AuditEntry
from capture.models import Note
from capture.models import Touch
from tests.staff.helpers import add_lead
from tests.staff.helpers import csrf_token
from tests.staff.helpers import login
from tests.staff.test_staff_security import dummy_url
from tests.staff.test_staff_security import protected_rules

CONTROL = ["\x00", "\x07", "\x1b", "\x7f", "\x9b"]
LINE_BREAKS = ["\r\n", "\n", "\u2028", "\u0085", "\t"]


@pytest.fixture
def lead(client, submission):
    return add_lead(client, submission)


def test_login_with_a_nul_byte_is_a_form_error_not_a_500(client, sales_id):
    response = login(client, "admin\x00@localhost")
    assert response.status_code == 400
    assert "control character" in response.get_data(as_text=True)
    assert login(client, "sam@example.com\n").status_code == 400


@pytest.mark.parametrize("char", CONTROL)
@pytest.mark.parametrize("param", ["q", "source", "status", "flag", "from", "to", "after"])
def test_list_filters_refuse_control_characters_by_name(staff_client, param, char):
    for path in ("/staff/", "/staff/screened-out", "/staff/spam", "/staff/export.csv"):
        response = staff_client.get(path, query_string={param: f"a{char}b"})
        assert response.status_code == 400, path
        assert f"The query parameter “{param}” is not valid" in response.get_data(as_text=True)


def test_every_staff_page_refuses_a_control_character_in_its_query(app, admin_client):
    for rule in protected_rules(app):
        if "GET" not in rule.methods:
            continue
        url = dummy_url(app, rule)
        response = admin_client.get(url, query_string={"x": "\x00"})
        assert response.status_code == 400, url


@pytest.mark.parametrize("path", ["/staff/leads/%00", "/staff/leads/a%00b/claim",
                                  "/staff/leads/%0d%0a", "/staff/%00"])
def test_a_control_character_in_the_path_is_a_400(admin_client, path):
    response = admin_client.get(path)
    assert response.status_code == 400
    assert "The address is not valid" in response.get_data(as_text=True)


@pytest.mark.parametrize("public_id", ["no-such-lead", "x" * 33, "a.b", "ä", "1"])
def test_an_impossible_lead_id_is_a_404(staff_client, public_id):
    assert staff_client.get(f"/staff/leads/{public_id}").status_code == 404


@pytest.mark.parametrize(("action", "field"), [("notes", "body"), ("reject", "reason"),
                                               ("release", "reason"), ("spam", "reason"),
                                               ("accept", "reason"), ("unclaim", "reason")])
@pytest.mark.parametrize("char", CONTROL)
def test_notes_and_reasons_with_control_characters_are_refused_beside_the_field(
        app, staff_client, lead, action, field, char):
    token = csrf_token(staff_client, f"/staff/leads/{lead}")
    response = staff_client.post(f"/staff/leads/{lead}/{action}",
                                 data={"csrf_token": token, field: f"Called{char} today"})
    assert response.status_code == 422
    assert "Contains a control character; remove it." in response.get_data(as_text=True)


def test_notes_keep_their_line_breaks(app, staff_client, lead):
    token = csrf_token(staff_client, f"/staff/leads/{lead}")
    body = "Called twice.\r\nLeft a voicemail.\n\tWill try Friday."
    response = staff_client.post(f"/staff/leads/{lead}/notes",
                                 data={"csrf_token": token, "body": body})
    assert response.status_code == 303
    with app.app_context():
        assert db.session.scalar(select(Note.body)) == body


@pytest.mark.parametrize(("action", "field", "limit"), [
    ("notes", "body", 10_000), ("reject", "reason", 5_000), ("spam", "reason", 5_000)])
def test_text_limits_are_enforced_with_the_error_beside_the_field(app, staff_client, lead,
                                                                  action, field, limit):
    if action == "reject":
        token = csrf_token(staff_client, f"/staff/leads/{lead}")
        staff_client.post(f"/staff/leads/{lead}/claim", data={"csrf_token": token})
    token = csrf_token(staff_client, f"/staff/leads/{lead}")
    response = staff_client.post(f"/staff/leads/{lead}/{action}",
                                 data={"csrf_token": token, field: "x" * (limit + 1)})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert f"Too long: at most {limit:,} characters." in page
    if action != "spam":  # the spam button has no visible reason field
        assert f"Too long: at most {limit:,} characters.</p>" in page
    with app.app_context():
        changes = select(AuditEntry).where(AuditEntry.action == action)
        assert db.session.scalars(changes).all() == []


@pytest.mark.parametrize("email", ["new\x00@example.com", "new@example.com\r\nBcc: x@y",
                                   "new\u2028@example.com"])
def test_a_new_account_email_with_control_characters_is_refused(admin_client, email):
    token = csrf_token(admin_client, "/staff/accounts")
    response = admin_client.post("/staff/accounts", data={
        "csrf_token": token, "email": email, "role": "sales",
        "password": "a perfectly long password"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Contains a control character" in page or "Must be one line" in page


def test_numbers_no_column_can_hold_are_ignored_or_404(admin_client, staff_client):
    huge = "9" * 5000
    assert admin_client.get(f"/staff/audit?before={huge}").status_code == 200
    assert admin_client.post(f"/staff/accounts/{huge}/disable").status_code in (400, 404)
    assert admin_client.post(f"/staff/outbox/{huge}/retry").status_code in (400, 404)
    for cursor in ("WzFlOTk5XQ", "WzEwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMCwxLCIyMDI2LTAxLTAx"
                   "VDAwOjAwOjAwKzAwOjAwIiwxXQ", "bm90LWpzb24"):
        assert staff_client.get(f"/staff/?after={cursor}").status_code == 200
        assert staff_client.get(f"/staff/spam?after={cursor}").status_code == 200
    for date in ("9999-12-31", "0001-01-01", "2026-02-30", huge):
        assert staff_client.get(f"/staff/?from={date}&to={date}").status_code == 200


def test_the_csv_download_of_a_hostile_filter_is_a_clear_400_not_a_broken_stream(
        staff_client, lead):
    response = staff_client.get("/staff/export.csv?q=%00")
    assert response.status_code == 400
    assert response.mimetype == "text/html"
    whole = staff_client.get("/staff/export.csv?q=Northwind")
    assert whole.status_code == 200
    assert whole.get_data(as_text=True).count("\r\n") == 2


def test_a_search_for_text_with_line_breaks_or_quotes_works(staff_client, lead):
    for text in ("North'wind", 'North"wind', "100%", "a_b", "\\", "é"):
        assert staff_client.get("/staff/", query_string={"q": text}).status_code == 200
    response = staff_client.get("/staff/", query_string={"q": "North\nwind"})
    assert response.status_code == 400


# --- the sales cycle's forms and my account (issue 12's forms, same rule) -------------

@pytest.fixture
def accepted_lead(staff_client, lead):
    for action in ("claim", "accept"):
        token = csrf_token(staff_client, f"/staff/leads/{lead}")
        assert staff_client.post(f"/staff/leads/{lead}/{action}",
                                 data={"csrf_token": token}).status_code == 303
    return lead


@pytest.mark.parametrize(("action", "data"), [
    ("lose", {"reason": "Went with the incumbent{c}"}),
    ("touches", {"label": "Call{c} back", "due": "2031-01-15", "override": "y"}),
    ("win", {"value": "2500{c}"}),
    ("stage", {"stage": "proposal{c}"}),
])
@pytest.mark.parametrize("char", CONTROL)
def test_the_sales_cycle_forms_refuse_control_characters(app, staff_client, accepted_lead,
                                                         action, data, char):
    token = csrf_token(staff_client, f"/staff/leads/{accepted_lead}")
    response = staff_client.post(f"/staff/leads/{accepted_lead}/{action}", data={
        "csrf_token": token, **{key: value.format(c=char) for key, value in data.items()}})
    assert response.status_code == 422
    with app.app_context():
        assert not [entry for entry in db.session.scalars(select(AuditEntry))
                    if char in entry.why]


@pytest.mark.parametrize("char", CONTROL)
def test_a_touch_done_note_with_a_control_character_changes_nothing(app, staff_client,
                                                                    accepted_lead, char):
    with app.app_context():
        touch = db.session.scalar(select(Touch).order_by(Touch.due))
        touch_id = touch.id
    token = csrf_token(staff_client, f"/staff/leads/{accepted_lead}")
    response = staff_client.post(f"/staff/touches/{touch_id}/done", data={
        "csrf_token": token, "outcome": "done", "note": f"Posted{char}", "next": "/staff/today"})
    assert response.status_code == 303
    page = staff_client.get("/staff/today").get_data(as_text=True)
    assert "Nothing was changed. Contains a control character; remove it." in page
    with app.app_context():
        assert db.session.get(Touch, touch_id).status == "open"


@pytest.mark.parametrize(("url", "data"), [
    ("/staff/account/time-zone", {"time_zone": "Europe/Paris{c}"}),
    ("/staff/account/password", {"current": "wrong{c}", "password": "a new long passphrase{c}",
                                 "confirm": "a new long passphrase{c}"}),
])
@pytest.mark.parametrize("char", CONTROL)
def test_my_account_forms_refuse_control_characters(staff_client, url, data, char):
    token = csrf_token(staff_client, "/staff/account")
    response = staff_client.post(url, data={
        "csrf_token": token, **{key: value.format(c=char) for key, value in data.items()}})
    assert response.status_code == 422
