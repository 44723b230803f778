"""What the browser tests do with the lead form: fill it in as a visitor would, and
read what the service stored."""

from sqlalchemy import select

from capture.extensions import db
from capture.models import Lead

ARTICLE = "what-is-a-qualified-sales-lead"
#: A visitor who passes screening, as typed into the form.
VISITOR = {"name": "Dana Whitfield", "email": "dana@northwind.example",
           "company": "Northwind Managed IT", "employees": "25", "monthly_budget": "3000",
           "message": "We support 40 dental offices and want more meetings."}
CHOICES = {"company_type": "msp", "role": "owner", "interest": "appointment_setting"}


def fill(page, **changes):
    for name, value in (VISITOR | changes).items():
        page.fill(f"#lead-{name}", value)
    for name, value in CHOICES.items():
        page.select_option(f"#lead-{name}", value)
    page.check("#lead-consent")


def stored(app):
    with app.app_context():
        return db.session.scalars(select(Lead)).all()


def without_our_script(page):
    """Block leadform.js while keeping JavaScript on (axe needs it): the page then
    behaves as it does for a visitor without JavaScript."""
    page.route("**/theme/js/*.js", lambda route: route.abort())
    return page
