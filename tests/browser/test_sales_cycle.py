"""The sales cycle in a real browser: a salesperson logs in, accepts a queued lead,
sees its follow-up plan, and completes the first touch from Today."""

import json
from datetime import UTC
from datetime import datetime

from sqlalchemy import select

from capture.extensions import db
from capture.models import Touch
from tests.staff.helpers import make_staff

LEAD = {"name": "Dana Whitfield", "email": "dana@northwind.example", "phone": "+1 555 0100",
        "company": "Northwind Managed IT", "company_type": "msp", "employees": "25",
        "monthly_budget": "3000", "role": "owner", "interest": "appointment_setting",
        "message": "We support 40 dental offices and want more meetings.", "consent": "yes",
        "source": "what-is-a-qualified-sales-lead"}


def test_accept_a_lead_see_its_plan_and_complete_the_first_touch_from_today(
        live, app_under_test, page, tmp_path):
    app = app_under_test
    make_staff(app, "sam@example.com")
    response = app.test_client().post("/leads", data=json.dumps(LEAD),
                                      content_type="application/json")
    assert response.status_code == 201

    page.goto(f"{live}/staff/login")
    page.fill("#email", "sam@example.com")
    page.fill("#password", "correct horse battery")
    page.click("button[type=submit]")
    page.get_by_role("link", name="Northwind Managed IT").click()
    page.get_by_role("button", name="Claim this lead").click()
    page.get_by_role("button", name="Accept").click()
    assert "Lead accepted" in page.locator(".flash").inner_text()
    plan = page.locator("section.plan")
    assert "Next: Send a thank-you card" in plan.inner_text().replace("\n", " ")
    assert plan.locator(".plan-list li").count() == 5
    page.screenshot(path=str(tmp_path / "lead-plan.png"), full_page=True)

    with app.app_context():  # bring the card due today, as two days later
        card = db.session.scalars(select(Touch).order_by(Touch.due)).first()
        card.due = datetime.now(UTC).date()
        db.session.commit()
    page.get_by_role("link", name="Today", exact=True).click()
    row = page.locator("li.touch", has_text="Send a thank-you card")
    assert "Northwind Managed IT" in row.inner_text()
    assert row.locator('a[href="tel:+15550100"]').count() == 1
    row.locator("summary", has_text="Done").click()
    row.locator("select").select_option("done")
    row.locator("textarea").fill("Card posted with a handwritten note")
    row.get_by_role("button", name="Save as done").click()
    assert "Done: Send a thank-you card" in page.locator(".flash").inner_text()
    assert page.locator("li.touch", has_text="Send a thank-you card").count() == 0
    page.screenshot(path=str(tmp_path / "today-after.png"), full_page=True)
    with app.app_context():
        card = db.session.scalars(select(Touch).order_by(Touch.due)).first()
        assert (card.status, card.note) == ("done", "Card posted with a handwritten note")
