"""axe-core finds no WCAG 2.1 A or AA violation on any public page, on a phone and on
a laptop: every page the site builds, the 404 page, and the service's 422 page."""

import pytest

from tests.browser.leadpage import ARTICLE
from tests.browser.leadpage import fill
from tests.browser.leadpage import without_our_script
from tests.site.sitebuild import ARTICLES
from tests.site.sitebuild import PAGES

PUBLIC_PAGES = sorted(
    {"index.html", "archives.html", "categories.html", "tags.html", "authors.html",
     "author/john-black.html", "tag/follow-up.html", "category/sales-cycle.html"}
    | {f"{item['slug']}.html" for item in ARTICLES + PAGES if item["slug"] != "404"}
)
VIEWPORTS = ["phone", "desktop"]


def violations_at_each_width(visitor, axe, url, status=200) -> dict[str, list[str]]:
    found = {}
    for viewport in VIEWPORTS:
        page = visitor(viewport)
        assert page.goto(url).status == status
        found[viewport] = axe(page)
    return found


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_page_has_no_wcag_21_aa_violation(live, visitor, axe, name):
    assert violations_at_each_width(visitor, axe, f"{live}/{name}") == {"phone": [], "desktop": []}


def test_not_found_page_has_no_wcag_21_aa_violation(live, visitor, axe):
    found = violations_at_each_width(visitor, axe, f"{live}/no-such-article.html", status=404)
    assert found == {"phone": [], "desktop": []}


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_service_422_page_has_no_wcag_21_aa_violation(live, visitor, axe, screenshot,
                                                      viewport):
    page = without_our_script(visitor(viewport))
    page.goto(f"{live}/{ARTICLE}.html")
    fill(page, email="dana@localhost")  # the browser accepts it, the service does not
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert page.locator("h1").inner_text() == "Please check the form"
    screenshot(page, "422")
    assert axe(page) == []
