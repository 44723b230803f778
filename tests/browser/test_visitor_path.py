"""The visitor's path through the site, on a 375 px phone and a 1280 px laptop, with
and without JavaScript: the lead form (grouped, keyboard-usable, validated in words),
the confirmation and the thank-you page, the links to reach the firm, the home page.

Every test saves screenshots of what it saw into tests/browser/screenshots/.
"""

import pytest

from tests.browser.leadpage import ARTICLE
from tests.browser.leadpage import CHOICES
from tests.browser.leadpage import VISITOR
from tests.browser.leadpage import fill
from tests.browser.leadpage import stored

VIEWPORTS = ["phone", "desktop"]
JAVASCRIPT = [pytest.param(True, id="js"), pytest.param(False, id="no-js")]
#: Tab order through the form: the groups' fields, then the consent, then the button.
TAB_ORDER = ["name", "email", "phone", "role", "company", "website", "company_type",
             "employees", "interest", "monthly_budget", "message", "consent"]
#: What a visitor types on the keyboard into a select to pick the choice in CHOICES.
CHOICE_KEYS = {"role": "Owner", "company_type": "Managed", "interest": "Appointment"}


def focused(page) -> str:
    return page.evaluate("document.activeElement.id || document.activeElement.tagName")


# --- 8. The form: three named groups, autofill, the keyboard alone ------------------------

@pytest.mark.parametrize("javascript", JAVASCRIPT)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_form_is_three_named_groups_that_phones_can_autofill(live, visitor, screenshot,
                                                             viewport, javascript):
    page = visitor(viewport, javascript)
    page.goto(f"{live}/{ARTICLE}.html")
    form = page.locator("form.leadform")
    for legend in ("About you", "Your company", "Your goals"):
        assert page.get_by_role("group", name=legend).is_visible()
    personal = {name: page.eval_on_selector(f"#lead-{name}", "e => [e.type, e.autocomplete]")
                for name in ("name", "email", "phone", "company", "website")}
    assert personal == {"name": ["text", "name"], "email": ["email", "email"],
                        "phone": ["tel", "tel"], "company": ["text", "organization"],
                        "website": ["url", "url"]}
    height = form.evaluate("f => f.getBoundingClientRect().height")
    screen = page.viewport_size["height"]
    # It was 2.3 phone screens as one list; grouped and tightened it is about two, and
    # on a laptop the short fields go two by two.
    assert height <= (2.1 if viewport == "phone" else 1.2) * screen
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    screenshot(form, "form")


@pytest.mark.parametrize("javascript", JAVASCRIPT)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_keyboard_alone_fills_in_and_sends_the_form(live, visitor, screenshot, app_under_test,
                                                    viewport, javascript):
    page = visitor(viewport, javascript)
    page.goto(f"{live}/{ARTICLE}.html")
    page.focus("#lead-name")
    order = []
    for name in TAB_ORDER:
        assert focused(page) == f"lead-{name}"
        order.append(name)
        if name in CHOICE_KEYS:
            page.keyboard.type(CHOICE_KEYS[name])
        elif name == "consent":
            page.keyboard.press("Space")
        elif name in VISITOR:
            page.keyboard.type(VISITOR[name])
        page.keyboard.press("Tab")
        while page.evaluate("document.activeElement.tagName") == "A":  # links in labels
            page.keyboard.press("Tab")
    assert order == TAB_ORDER
    assert {name: page.input_value(f"#lead-{name}") for name in CHOICES} == CHOICES
    assert page.evaluate("document.activeElement.type") == "submit"
    screenshot(page, "filled")
    page.keyboard.press("Enter")
    if javascript:
        page.wait_for_function("document.querySelector('.leadform-status').textContent"
                               ".includes('Thank you')")
    else:
        page.wait_for_url(f"{live}/thanks.html")
    [lead] = stored(app_under_test)
    assert (lead.name, lead.company_type, lead.role, lead.interest, lead.consent) == (
        VISITOR["name"], "msp", "owner", "appointment_setting", True)
    screenshot(page, "sent")


# --- 6. Ways to the privacy page and to the firm ------------------------------------------

@pytest.mark.parametrize("javascript", JAVASCRIPT)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_consent_label_links_the_privacy_page_whose_address_is_a_mailto_link(
    live, visitor, screenshot, viewport, javascript
):
    page = visitor(viewport, javascript)
    page.goto(f"{live}/{ARTICLE}.html")
    page.focus("#lead-consent")
    page.keyboard.press("Tab")
    link = page.locator("label[for=lead-consent] a")
    assert page.evaluate("document.activeElement.textContent") == "privacy page"
    screenshot(page.locator("#lead-consent").locator(".."), "consent")
    link.click()
    page.wait_for_url(f"{live}/privacy.html")
    mail = page.get_by_role("link", name="privacy@msptelemarketing.example")
    assert mail.get_attribute("href") == "mailto:privacy@msptelemarketing.example"
    assert mail.is_visible()
    screenshot(page, "privacy")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_422_page_links_the_consent_to_the_privacy_page_too(live, visitor, viewport):
    page = visitor(viewport, javascript=False)
    page.goto(f"{live}/{ARTICLE}.html")
    fill(page, email="dana@localhost")
    page.click("button[type=submit]")
    assert page.locator("h1").inner_text() == "Please check the form"
    page.click("label[for=lead-consent] a")
    page.wait_for_url(f"{live}/privacy.html")
