"""The staff lists in a real browser: a 1280 px laptop shows every column without
sideways scrolling, and a 375 px phone shows each lead as a card."""

import json

import pytest

from capture import accounts
from capture import lifecycle
from capture.extensions import db
from capture.models import Lead
from capture.models import StaffUser
from tests.conftest import NOW

PASSWORD = "correct horse battery"
LONG_STAFF = "alexandra.konstantinopoulou-whitfield@northwind-telemarketing.example"

# What real senders type, at its longest: long names, an unbroken domain as the
# company, every article, big numbers, both flags, long messages.
LEADS = [
    {"company": "Northwestern Regional Managed Services & Cybersecurity Consultants of "
                "Greater Minneapolis–Saint Paul, LLC",
     "name": "Maximilian Alexander von Hohenzollern-Sigmaringen",
     "source": "take-an-it-appointment-setting-campaign-off-life-support",
     "monthly_budget": "10000000", "employees": "500"},
    {"company": "Bräunlich-Schimmelpfennig Informationstechnologie-Systemhaus GmbH & Co. KG",
     "role": "technician", "interest": "pricing_only", "company_type": "var",
     "source": "dirty-little-secret-about-referrals-and-internet-leads"},
    {"company": "www.the-very-long-unbroken-domain-name-of-an-it-consultancy.example",
     "company_type": "it_consultant", "interest": "telemarketing_campaign",
     "source": "closing-it-sales-leads-takes-a-tortoise-not-a-hare"},
    {"company": "Acme IT", "company_type": "software_vendor", "role": "sales_manager",
     "source": "a-retired-article-whose-slug-is-long-and-no-longer-on-the-site"},
    {"company": "Northwind Managed IT", "source": ""},
] + [{"company": f"Regional MSP number {i} serving dental and legal offices statewide"}
     for i in range(8)]
SCREENED = {"company": "Contoso Global Enterprise Holdings Corporation International",
            "employees": "1000000", "monthly_budget": "0", "company_type": "business"}


def submission(i, changes):
    values = {
        "name": "Dana Whitfield", "email": f"lead{i}@northwind-it.example",
        "phone": "+1 555 0100", "company": "Northwind IT", "company_type": "msp",
        "employees": "25", "monthly_budget": "3000", "role": "owner",
        "interest": "appointment_setting", "consent": "yes",
        "source": "what-is-a-qualified-sales-lead",
        "message": "We manage networks for forty dental offices and want more meetings. " * 60,
    }
    return values | changes


@pytest.fixture
def lists(app_under_test, live, browser):
    """Leads as the article form sends them, a long staff email holding one and
    owning another, and a browser logged in as that person."""
    app = app_under_test
    client = app.test_client()
    for i, changes in enumerate([*LEADS, SCREENED]):
        assert client.post("/leads", json=submission(i, changes)).status_code == 201
    with app.app_context():
        user = accounts.create_staff(db.session, LONG_STAFF, PASSWORD,
                                     hasher=accounts.hasher_from_config(app.config))
        leads = db.session.query(Lead).filter(Lead.status == "queued").order_by(Lead.id).all()
        lifecycle.claim(db.session, leads[-1], user, NOW)
        lifecycle.accept(db.session, leads[-2], user, NOW, "Good fit")
        assert db.session.get(StaffUser, user.id).email == LONG_STAFF

    def open_as(width, height):
        context = browser.new_context(viewport={"width": width, "height": height},
                                      is_mobile=width < 600)
        page = context.new_page()
        page.goto(f"{live}/staff/login")
        page.fill("#email", LONG_STAFF)
        page.fill("#password", PASSWORD)
        page.click("main button[type=submit]")
        page.wait_for_url(f"{live}/staff/")
        return context, page

    return open_as


MEASURE = """() => {
  const doc = document.documentElement;
  const wrap = document.querySelector('.table-wrap');
  return {scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth,
          wrapScrollWidth: wrap.scrollWidth, wrapClientWidth: wrap.clientWidth,
          tableWidth: document.querySelector('table.leads').getBoundingClientRect().width,
          // What sticks out, to say in a failure what to fix.
          wider: [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > doc.clientWidth + 0.5)
            .slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' +
                             Math.round(e.getBoundingClientRect().right))};
}"""


def measure(page, tmp_path, name):
    page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)
    page.screenshot(path=str(tmp_path / f"{name}-top.png"))
    page.locator("table.leads").scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / f"{name}-table.png"))
    sizes = page.evaluate(MEASURE)
    with (tmp_path / "widths.json").open("a") as out:
        out.write(json.dumps({name: sizes}) + "\n")
    return sizes


def inside(box, width):
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width


@pytest.mark.parametrize("path", ["/staff/", "/staff/leads", "/staff/screened-out"])
def test_at_1280px_the_lists_fit_and_show_source_age_and_status(lists, tmp_path, path):
    context, page = lists(1280, 800)
    page.goto(page.url.removesuffix("/staff/") + path)
    sizes = measure(page, tmp_path, "laptop" + path.replace("/", "-"))
    assert sizes["scrollWidth"] <= sizes["clientWidth"], sizes["wider"]
    assert sizes["wrapScrollWidth"] <= sizes["wrapClientWidth"], sizes
    for column in ("Company", "Source", "Age", "Status"):
        header = page.get_by_role("columnheader", name=column, exact=True)
        assert header.is_visible()
        assert inside(header.bounding_box(), 1280), column
    for row in page.locator("table.leads tbody tr").all():
        for cell in (".c-company a", ".c-source", ".c-age time", ".c-status .status"):
            assert inside(row.locator(cell).bounding_box(), 1280), cell
    if path == "/staff/":
        assert page.get_by_role("columnheader", name="Decide").is_visible()
        assert page.get_by_role("link", name="Should You Take An IT Appointment Setting "
                                "Campaign Off Life Support?").is_visible()
    context.close()


@pytest.mark.parametrize("path", ["/staff/", "/staff/leads", "/staff/screened-out"])
def test_at_375px_each_lead_is_a_card_with_company_status_and_age(lists, tmp_path, path):
    context, page = lists(375, 740)
    page.goto(page.url.removesuffix("/staff/") + path)
    sizes = measure(page, tmp_path, "phone" + path.replace("/", "-"))
    assert sizes["scrollWidth"] <= sizes["clientWidth"], sizes["wider"]
    rows = page.locator("table.leads tbody tr").all()
    assert rows
    for row in rows:
        for cell in (".c-company a", ".c-status .status", ".c-age time"):
            assert row.locator(cell).is_visible(), cell
            assert inside(row.locator(cell).bounding_box(), 375), cell
        label = row.locator(".c-age").evaluate(
            "cell => getComputedStyle(cell, '::before').content")
        assert label == '"Age"'
        card, company = row.bounding_box(), row.locator(".c-company").bounding_box()
        assert company["width"] > 0.8 * card["width"]  # a card, not a squeezed table row
    context.close()


def test_a_queued_lead_is_accepted_from_its_row_and_the_message_links_the_next(lists):
    context, page = lists(1280, 800)
    first = page.locator("table.leads tbody tr").first
    company = first.locator(".c-company a").inner_text()
    first.get_by_role("button", name=f"Accept {company}").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith(company)
    assert page.get_by_role("heading", name="Follow-up plan").is_visible()
    next_lead = page.locator(".flash a.next-lead")
    assert next_lead.inner_text().startswith("Next in the queue: ")
    next_lead.click()
    page.wait_for_load_state()
    assert page.get_by_role("button", name="Accept", exact=True).is_visible()
    context.close()


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (375, 740)])
def test_a_queued_lead_is_rejected_from_its_row_with_a_reason(lists, tmp_path, width, height):
    context, page = lists(width, height)
    row = page.locator("table.leads tbody tr").nth(1)
    company = row.locator(".c-company a").inner_text()
    row.get_by_text("Reject…").click()
    reason = row.get_by_label("Reason")
    assert reason.is_visible()
    sizes = measure(page, tmp_path, f"reject-open-{width}")
    assert sizes["scrollWidth"] <= sizes["clientWidth"], sizes["wider"]
    reason.fill("Only wants a price list")
    row.get_by_role("button", name=f"Reject {company}").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith(company)
    assert page.locator("h1 .status").inner_text() == "Rejected"
    assert page.locator(".flash a.next-lead").is_visible()
    context.close()


def test_the_lead_page_fits_a_phone_with_call_and_mail_links(lists, tmp_path):
    context, page = lists(375, 740)
    page.locator("table.leads tbody tr .c-company a").first.click()
    page.wait_for_load_state()
    page.screenshot(path=str(tmp_path / "phone-lead.png"), full_page=True)
    width = page.evaluate("[document.documentElement.scrollWidth, "
                          "document.documentElement.clientWidth]")
    assert width[0] <= width[1], width
    assert page.locator('a[href="tel:+15550100"]').first.is_visible()
    assert page.locator('a[href^="mailto:lead"]').first.is_visible()
    assert page.get_by_role("button", name="Accept", exact=True).is_visible()
    context.close()
