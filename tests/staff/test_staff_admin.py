"""Admin pages: the audit log and staff accounts."""

from sqlalchemy import select

from capture.extensions import db
from capture.models import AuditEntry
from capture.models import StaffUser
from tests.staff.helpers import add_lead
from tests.staff.helpers import csrf_token
from tests.staff.helpers import login


def test_audit_log_shows_who_when_from_to_and_why(client, admin_client, staff_client,
                                                  submission):
    lead = add_lead(client, submission, employees="900", company="Bigco Services")
    token = csrf_token(staff_client, f"/staff/leads/{lead}")
    staff_client.post(f"/staff/leads/{lead}/release",
                      data={"csrf_token": token, "reason": "Their MSP arm is small"})
    page = admin_client.get("/staff/audit").get_data(as_text=True)
    row = page.split("released into the queue")[0].rsplit("<tr>", 1)[1] + \
        page.split("released into the queue")[1].split("</tr>")[0]
    for text in ("sam@example.com", "UTC", "Bigco Services", "Screened out", "Queued",
                 "Their MSP arm is small"):
        assert text in row
    assert "created account" in page  # account changes are in the log too


def test_audit_log_pages_backwards(app, admin_client):
    with app.app_context():
        db.session.add_all([AuditEntry(action="note", why=f"entry {i}") for i in range(150)])
        db.session.commit()
    page = admin_client.get("/staff/audit").get_data(as_text=True)
    assert "entry 149" in page
    assert "entry 49" not in page
    older = page.split('rel="next"')[0].rsplit('href="', 1)[1].split('"')[0]
    page = admin_client.get(older.replace("&amp;", "&")).get_data(as_text=True)
    assert "entry 49" in page
    assert "entry 149" not in page


def test_admin_creates_an_account_that_can_log_in(app, admin_client, admin_id):
    token = csrf_token(admin_client, "/staff/accounts")
    response = admin_client.post("/staff/accounts", data={
        "csrf_token": token, "email": "New.Person@Example.com", "role": "sales",
        "password": "a long enough password"})
    assert response.status_code == 303
    assert login(app.test_client(), "new.person@example.com",
                 "a long enough password").status_code == 302
    with app.app_context():
        entry = db.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "create_account", AuditEntry.actor_id == admin_id)).one()
        assert "new.person@example.com" in entry.why


def test_account_form_explains_what_is_wrong(admin_client, sales_id):
    token = csrf_token(admin_client, "/staff/accounts")
    response = admin_client.post("/staff/accounts", data={
        "csrf_token": token, "email": "sam@example.com", "role": "sales",
        "password": "a long enough password"})
    assert response.status_code == 422
    assert "already exists" in response.get_data(as_text=True)
    response = admin_client.post("/staff/accounts", data={
        "csrf_token": token, "email": "x@example.com", "role": "sales", "password": "short"})
    assert response.status_code == 422
    assert "at least 12" in response.get_data(as_text=True)


def test_admin_disables_an_account_and_its_session_ends(app, admin_client, staff_client,
                                                        sales_id):
    token = csrf_token(admin_client, "/staff/accounts")
    response = admin_client.post(f"/staff/accounts/{sales_id}/disable",
                                 data={"csrf_token": token})
    assert response.status_code == 303
    assert staff_client.get("/staff/").status_code == 302
    with app.app_context():
        assert db.session.get(StaffUser, sales_id).active is False
        assert db.session.scalars(select(AuditEntry.action)).all()[-1] == "disable_account"


def test_admin_cannot_disable_themselves(admin_client, admin_id):
    token = csrf_token(admin_client, "/staff/accounts")
    response = admin_client.post(f"/staff/accounts/{admin_id}/disable",
                                 data={"csrf_token": token})
    assert response.status_code == 409
    assert admin_client.get("/staff/").status_code == 200


def test_unknown_account_is_a_404(admin_client):
    token = csrf_token(admin_client, "/staff/accounts")
    assert admin_client.post("/staff/accounts/999/disable",
                             data={"csrf_token": token}).status_code == 404
