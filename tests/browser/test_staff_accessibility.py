"""axe-core finds no WCAG 2.1 A or AA violation on any staff page, on a phone and on a
laptop, with real content on each: queued, screened-out, spam and accepted leads, a
follow-up plan, a failed email, a release and a rescreen in the history."""

import json
from datetime import UTC
from datetime import datetime

import pytest
from sqlalchemy import select

from capture.extensions import db
from capture.models import OutboxMessage
from capture.models import Touch
from tests.staff.helpers import PASSWORD
from tests.staff.helpers import make_staff

LEAD = {"name": "Dana Whitfield", "email": "dana@northwind.example", "phone": "+1 555 0100",
        "company": "Northwind Managed IT", "company_type": "msp", "employees": "25",
        "monthly_budget": "3000", "role": "owner", "interest": "appointment_setting",
        "message": "We support 40 dental offices and want more meetings.", "consent": "yes",
        "source": "what-is-a-qualified-sales-lead"}
VARIANTS = {
    "queued": {},
    "accepted": {"email": "a@x.example", "company": "Contoso Managed IT"},
    "screened": {"email": "b@x.example", "employees": "900", "role": "technician"},
    "spam": {"email": "c@x.example", "company_fax": "bot"},
}
STAFF_PAGES = ["/staff/", "/staff/leads", "/staff/leads?q=northwind", "/staff/screened-out",
               "/staff/spam", "/staff/today?who=all", "/staff/pipeline", "/staff/reports",
               "/staff/screening", "/staff/account", "/staff/accounts", "/staff/audit",
               "/staff/outbox"]


@pytest.fixture
def staffed(live, app_under_test, visitor):
    """An admin's browser, logged in, over a database with one lead of each kind."""
    app = app_under_test
    make_staff(app, "ada@example.com", "admin")
    client = app.test_client()
    ids = {}
    for name, changes in VARIANTS.items():
        response = client.post("/leads", data=json.dumps(LEAD | changes),
                               content_type="application/json")
        ids[name] = response.get_json()["id"]

    def login(viewport):
        page = visitor(viewport)
        page.goto(f"{live}/staff/login")
        page.fill("#email", "ada@example.com")
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        return page

    setup = login("desktop")
    setup.goto(f"{live}/staff/leads/{ids['accepted']}")
    setup.get_by_role("button", name="Accept").first.click()
    with app.app_context():
        touch = db.session.scalars(select(Touch).order_by(Touch.due)).first()
        touch.due = datetime.now(UTC).date()
        db.session.add(OutboxMessage(kind="lead_alert", payload={}, status="failed",
                                     last_error="Gave up: SMTPDataError 554"))
        db.session.commit()
    return login, ids


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_every_staff_page_has_no_wcag_21_aa_violation(live, staffed, axe, viewport):
    login, ids = staffed
    page = login(viewport)
    pages = STAFF_PAGES + [f"/staff/leads/{public_id}" for public_id in ids.values()]
    found = {}
    for path in pages:
        response = page.goto(f"{live}{path}")
        assert response.status == 200, path
        found[path] = axe(page)
    assert found == dict.fromkeys(pages, [])


def test_the_login_page_has_no_wcag_21_aa_violation(live, visitor, axe):
    for viewport in ("phone", "desktop"):
        page = visitor(viewport)
        page.goto(f"{live}/staff/login")
        assert axe(page) == []
