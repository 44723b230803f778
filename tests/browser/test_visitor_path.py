"""The visitor's path through the site, on a 375 px phone and a 1280 px laptop, with
and without JavaScript: the lead form (grouped, keyboard-usable, validated in words),
the confirmation and the thank-you page, the links to reach the firm, the home page.

The tests save screenshots of what they saw into tests/browser/screenshots/.
"""

import pytest

from tests.browser.leadpage import ARTICLE
from tests.browser.leadpage import CHOICES
from tests.browser.leadpage import VISITOR
from tests.browser.leadpage import fill
from tests.browser.leadpage import stored
from tests.site.sitebuild import ARTICLES

VIEWPORTS = ["phone", "desktop"]
JAVASCRIPT = [pytest.param(True, id="js"), pytest.param(False, id="no-js")]
#: Tab order through the form: the groups' fields, then the consent, then the button.
TAB_ORDER = ["name", "email", "phone", "role", "company", "website", "company_type",
             "employees", "interest", "monthly_budget", "message", "consent"]
#: What a visitor types on the keyboard into a select to pick the choice in CHOICES.
CHOICE_KEYS = {"role": "Owner", "company_type": "Managed", "interest": "Appointment"}


def focused(page) -> str:
    return page.evaluate("document.activeElement.id || document.activeElement.tagName")


# --- 4. Errors in words: beside each field, summed up at the top of the form --------------

#: The required fields, in the order the page shows them.
REQUIRED = ["name", "email", "role", "company", "company_type", "employees", "interest",
            "monthly_budget", "consent"]


def posts_to_leads(page) -> list[str]:
    posts = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    return posts


def in_view(page, selector) -> bool:
    box = page.locator(selector).bounding_box()
    return box["y"] >= -1 and box["y"] + min(box["height"], 200) <= page.viewport_size["height"]


def assert_summary_at_the_top_linking(page, names):
    summary = page.locator("form.leadform > .error-summary")
    assert summary.get_attribute("role") == "alert"
    assert page.eval_on_selector("form.leadform", "f => f.firstElementChild.id") == "lead-errors"
    assert summary.bounding_box()["y"] < page.locator("#lead-name").bounding_box()["y"]
    assert summary.locator("a").evaluate_all("links => links.map(a => a.hash)") == [
        f"#lead-{name}" for name in names]
    for name in names:
        control = page.locator(f"#lead-{name}")
        error = page.locator(f"#lead-{name}-error")
        assert control.get_attribute("aria-invalid") == "true"
        assert f"lead-{name}-error" in control.get_attribute("aria-describedby").split()
        assert error.is_visible()
        assert error.inner_text()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_with_javascript_empty_fields_are_named_in_words_and_summed_up_at_the_top(
    live, visitor, screenshot, axe, app_under_test, viewport
):
    page = visitor(viewport)
    posts = posts_to_leads(page)
    page.goto(f"{live}/{ARTICLE}.html")
    assert page.eval_on_selector("form.leadform", "f => f.noValidate")  # no native bubble
    page.fill("#lead-email", "dana")
    page.fill("#lead-employees", "twenty")
    page.click("button[type=submit]")
    page.locator("#lead-errors").wait_for()
    assert focused(page) == "lead-errors"
    assert in_view(page, "#lead-errors")
    assert_summary_at_the_top_linking(page, REQUIRED)
    assert page.locator("#lead-email-error").inner_text() == "Not a valid email address."
    assert "whole number" in page.locator("#lead-employees-error").inner_text()
    assert page.locator("#lead-name-error").inner_text() == "This field is required."
    assert "Optional" not in page.locator("#lead-errors").inner_text()
    screenshot(page, "errors")
    screenshot(page.locator(".leadform-section"), "errors-form")
    assert axe(page) == []
    assert posts == []

    # A link in the summary takes the visitor to the field, label and all.
    page.click("#lead-errors a[href='#lead-monthly_budget']")
    assert focused(page) == "lead-monthly_budget"
    assert in_view(page, "label[for=lead-monthly_budget]")

    # Corrected, the form sends and the errors go.
    page.fill("#lead-employees", "25")
    page.fill("#lead-email", VISITOR["email"])
    fill(page)
    page.click("button[type=submit]")
    page.locator("#lead-done").wait_for()
    assert page.locator("#lead-errors").count() == 0
    assert page.locator(".field-error").count() == 0
    assert len(stored(app_under_test)) == 1


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_with_javascript_the_services_errors_join_the_same_summary(live, visitor, screenshot,
                                                                   app_under_test, viewport):
    page = visitor(viewport)
    page.goto(f"{live}/{ARTICLE}.html")
    fill(page, email="dana@localhost")  # the browser's check accepts it, the service's not
    page.click("button[type=submit]")
    page.locator("#lead-errors").wait_for()
    assert focused(page) == "lead-errors"
    assert_summary_at_the_top_linking(page, ["email"])
    assert page.locator("#lead-email-error").inner_text().startswith("Not a valid email address")
    screenshot(page, "service-errors")
    assert stored(app_under_test) == []


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_without_javascript_the_browser_checks_and_the_422_page_sums_up_at_the_top(
    live, visitor, screenshot, app_under_test, viewport
):
    page = visitor(viewport, javascript=False)
    page.goto(f"{live}/{ARTICLE}.html")
    assert not page.eval_on_selector("form.leadform", "f => f.noValidate")
    page.click("button[type=submit]")  # empty: the browser's own check stops it
    assert page.url == f"{live}/{ARTICLE}.html"
    assert page.eval_on_selector("#lead-name", "e => e.matches(':invalid')")
    fill(page, email="dana@localhost", name=" ")
    page.click("button[type=submit]")
    assert page.locator("h1").inner_text() == "Please check the form"
    assert_summary_at_the_top_linking(page, ["name", "email"])
    screenshot(page, "422")
    assert stored(app_under_test) == []


# --- 5. After sending: the confirmation in view, a thank-you page that leads on ----------

@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_with_javascript_the_confirmation_replaces_the_form_in_view_and_focused(
    live, visitor, screenshot, axe, app_under_test, viewport
):
    page = visitor(viewport)
    page.goto(f"{live}/{ARTICLE}.html")
    fill(page)
    page.click("button[type=submit]")
    done = page.locator("#lead-done")
    done.wait_for()
    assert focused(page) == "lead-done"
    box = done.bounding_box()
    assert box["y"] >= 0
    assert box["y"] + box["height"] <= page.viewport_size["height"]  # whole, not cut off
    assert page.locator("form.leadform").is_hidden()
    assert page.locator(".leadform-next").is_hidden()
    assert done.get_by_role("heading").inner_text() == "Thank you, we received your request"
    assert "within one business day" in done.inner_text()
    assert page.url == f"{live}/{ARTICLE}.html"
    assert len(stored(app_under_test)) == 1
    screenshot(page, "confirmation-page")
    screenshot(page, "confirmation-screen", full_page=False)  # what the visitor sees
    assert axe(page) == []


THANKS_LINKS = [f"/{slug}.html" for slug in sorted(item["slug"] for item in ARTICLES)]


def article_links_on_the_thank_you_page(page) -> list[str]:
    return sorted(page.locator(".thanks-articles a").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)"))


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_without_javascript_the_thank_you_page_says_what_next_and_lists_the_articles(
    live, visitor, screenshot, app_under_test, viewport
):
    page = visitor(viewport, javascript=False)
    page.goto(f"{live}/{ARTICLE}.html")
    fill(page)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live}/thanks.html")  # the service's 303, to CAPTURE_THANKS_URL
    assert page.locator("h1").inner_text() == "Thank you"
    assert page.get_by_role("heading", name="What happens now").is_visible()
    assert "within one business day" in page.locator("main").inner_text()
    assert article_links_on_the_thank_you_page(page) == THANKS_LINKS
    assert page.locator(".thanks-back").is_hidden()  # no script to name the article
    assert len(stored(app_under_test)) == 1
    screenshot(page, "thanks")
    page.click(f".thanks-articles a[href$='/{ARTICLE}.html']")
    page.wait_for_url(f"{live}/{ARTICLE}.html")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_thank_you_page_names_the_article_the_visitor_came_from(
    live, visitor, screenshot, app_under_test, viewport
):
    # JavaScript on, but the form went the plain way (the form's script had not
    # loaded): the service's 303 lands on the thank-you page, whose own script
    # reads the referrer.
    page = visitor(viewport)
    page.route("**/theme/js/leadform.js", lambda route: route.abort())
    page.goto(f"{live}/{ARTICLE}.html")
    fill(page)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live}/thanks.html")
    back = page.locator(".thanks-back a")
    back.wait_for()
    assert back.inner_text() == "What Is A Qualified Sales Lead?"
    assert back.get_attribute("href") == f"{live}/{ARTICLE}.html"
    assert article_links_on_the_thank_you_page(page) == THANKS_LINKS
    screenshot(page, "thanks-named")
    back.click()
    page.wait_for_url(f"{live}/{ARTICLE}.html")


@pytest.mark.parametrize("referrer", ["https://elsewhere.example/what-is-a-qualified-sales-lead.html",
                                      None, "{live}/about.html"])
def test_the_thank_you_page_names_no_article_without_a_same_origin_article_referrer(
    live, visitor, referrer
):
    page = visitor("phone")
    page.goto(f"{live}/thanks.html", referer=referrer.format(live=live) if referrer else None)
    page.wait_for_load_state("load")
    assert page.locator(".thanks-back").is_hidden()
    assert article_links_on_the_thank_you_page(page) == THANKS_LINKS


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
        page.locator("#lead-done").wait_for()
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


@pytest.mark.parametrize("javascript", JAVASCRIPT)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_about_page_leads_to_the_form(live, visitor, screenshot, viewport, javascript):
    page = visitor(viewport, javascript)
    page.goto(f"{live}/about.html")
    link = page.get_by_role("link", name="tell us about it")
    assert link.is_visible()
    screenshot(page, "about")
    link.click()
    page.wait_for_url(f"{live}/talk-to-us.html")
    assert page.locator("form.leadform").is_visible()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_422_page_links_the_consent_to_the_privacy_page_too(live, visitor, viewport):
    page = visitor(viewport, javascript=False)
    page.goto(f"{live}/{ARTICLE}.html")
    fill(page, email="dana@localhost")
    page.click("button[type=submit]")
    assert page.locator("h1").inner_text() == "Please check the form"
    page.click("label[for=lead-consent] a")
    page.wait_for_url(f"{live}/privacy.html")


# --- 7. The home page: what the firm does, one way to the form, every article -------------

@pytest.mark.parametrize("javascript", JAVASCRIPT)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_home_page_says_what_we_do_and_leads_to_a_form_that_sends(
    live, visitor, screenshot, app_under_test, viewport, javascript
):
    page = visitor(viewport, javascript)
    page.goto(f"{live}/")
    tops = page.locator(".site-nav li").evaluate_all(
        "items => items.map(li => Math.round(li.getBoundingClientRect().top))")
    assert len(tops) == 4
    assert len(set(tops)) == 1  # the menu on one line, Archives included
    assert "MSPs, IT consultants and VARs" in page.locator("h1").inner_text()
    cta = page.locator("main a.cta")
    box = cta.bounding_box()
    assert box["y"] + box["height"] <= page.viewport_size["height"]  # in the first screen
    assert page.locator("main .article-list > li").count() == len(ARTICLES)
    assert page.locator("nav.pagination").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    screenshot(page, "home")
    screenshot(page, "home-screen", full_page=False)

    cta.click()
    page.wait_for_url(f"{live}/talk-to-us.html")
    assert page.get_attribute("input[name=source]", "value") == "talk-to-us"
    fill(page)
    page.click("button[type=submit]")
    if javascript:
        page.locator("#lead-done").wait_for()
        assert focused(page) == "lead-done"
    else:
        page.wait_for_url(f"{live}/thanks.html")
    screenshot(page, "talk-sent")
    [lead] = stored(app_under_test)
    assert (lead.source, lead.page_url) == ("talk-to-us", f"{live}/talk-to-us.html")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_menu_stays_on_one_line_on_every_page(live, visitor, viewport):
    page = visitor(viewport)
    for name in ("index.html", "categories.html", "about.html", "archives.html",
                 f"{ARTICLE}.html", "talk-to-us.html"):
        page.goto(f"{live}/{name}")
        tops = page.locator(".site-nav li").evaluate_all(
            "items => items.map(li => Math.round(li.getBoundingClientRect().top))")
        assert len(set(tops)) == 1, name
