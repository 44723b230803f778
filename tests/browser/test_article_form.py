"""The article's lead form in a real browser, with and without JavaScript."""

from tests.browser.leadpage import ARTICLE
from tests.browser.leadpage import fill
from tests.browser.leadpage import stored


def test_without_javascript_the_form_posts_and_lands_on_the_thank_you_page(
    live, page_without_js, app_under_test
):
    page = page_without_js
    page.goto(f"{live}/{ARTICLE}.html")
    fill(page)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live}/thanks.html")
    assert page.locator("h1").inner_text() == "Thank you"
    [lead] = stored(app_under_test)
    assert (lead.status, lead.source) == ("queued", ARTICLE)
    assert lead.page_url == f"{live}/{ARTICLE}.html"


def test_without_javascript_server_errors_come_back_beside_the_field_form_refilled(
    live, page_without_js, app_under_test
):
    page = page_without_js
    page.goto(f"{live}/{ARTICLE}.html")
    fill(page, email="dana@localhost")  # the browser accepts it, the service does not
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Please check the form"
    assert page.get_attribute("#lead-email", "aria-invalid") == "true"
    assert "email" in page.locator("#lead-email-error").inner_text().lower()
    assert page.input_value("#lead-name") == "Dana Whitfield"
    assert stored(app_under_test) == []
    page.fill("#lead-email", "dana@northwind.example")
    page.check("#lead-consent")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live}/thanks.html")
    assert [lead.source for lead in stored(app_under_test)] == [ARTICLE]


def test_with_javascript_the_form_sends_in_place_and_keeps_the_campaign_tags(
    live, page, app_under_test
):
    page.goto(f"{live}/{ARTICLE}.html?utm_source=newsletter&utm_medium=email"
              "&utm_campaign=fall&ref=x")
    fill(page)
    page.click("button[type=submit]")
    page.locator("#lead-done").wait_for()  # the confirmation in the form's place
    assert page.url.startswith(f"{live}/{ARTICLE}.html")
    [lead] = stored(app_under_test)
    assert (lead.utm_source, lead.utm_medium, lead.utm_campaign) == (
        "newsletter", "email", "fall")
    assert lead.page_url == (f"{live}/{ARTICLE}.html?utm_source=newsletter&utm_medium=email"
                             "&utm_campaign=fall")
    assert page.input_value("#lead-name") == ""  # reset, so going back shows no old values


def test_with_javascript_server_errors_show_beside_the_field(live, page, app_under_test):
    page.goto(f"{live}/{ARTICLE}.html")
    fill(page, email="dana@localhost")
    page.click("button[type=submit]")
    page.locator("#lead-email-error").wait_for()
    assert page.get_attribute("#lead-email", "aria-invalid") == "true"
    # Focus goes to the summary at the top of the form, which links to the field.
    assert page.evaluate("document.activeElement.id") == "lead-errors"
    assert page.locator("#lead-errors a").get_attribute("href") == "#lead-email"
    assert stored(app_under_test) == []


def test_the_honeypot_is_out_of_sight_and_out_of_the_tab_order(live, page):
    page.goto(f"{live}/{ARTICLE}.html")
    box = page.locator("#lead-company_fax").bounding_box()
    assert box["x"] + box["width"] <= 0  # rendered (bots fill it) but off the page
    assert page.get_attribute("#lead-company_fax", "tabindex") == "-1"
    snapshot = page.locator("form.leadform").aria_snapshot()
    assert "fax" not in snapshot.lower()
    assert "Company" in snapshot


def test_article_and_index_fit_a_360px_phone(live, phone):
    phone.goto(f"{live}/{ARTICLE}.html")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.goto(f"{live}/index.html")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
