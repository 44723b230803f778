"""A real browser (Debian's chromium, driven by Playwright) against the real site
and service on one loopback address, as `make run` serves them.

The site is built once for the session's server port; the server hands each
request to the current test's app, so every test still gets its own database.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.conftest import make_app
from tests.site.sitebuild import build

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags chromium keeps dialling Google's hosts,
# which this machine's closed network refuses.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
#: The two widths every visitor test runs at: a small phone and a laptop.
VIEWPORTS = {
    "phone": {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}
HERE = Path(__file__).resolve().parent
#: Screenshots the tests take, for a person to look at (git ignores the folder).
SCREENSHOTS = HERE / "screenshots"
#: axe-core, installed by `make test` (npm ci in tests/browser).
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def site(tmp_path_factory, server):
    base = server.url
    output = tmp_path_factory.mktemp("site")
    assert build(output, SITEURL=base, CAPTURE_URL=f"{base}/leads") == []
    return output


@pytest.fixture
def live(server, site, database_url):
    """The base URL, with this test's app (and database) behind it."""
    base = server.url
    server.app = make_app(database_url, SERVE_SITE=str(site), SITE_URL=base, SERVICE_URL=base,
                          ALLOWED_ORIGINS=[base], THANKS_URL=f"{base}/thanks.html")
    yield base
    server.app = None


@pytest.fixture
def app_under_test(server, live):
    return server.app


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.fixture
def page_without_js(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def visitor(browser):
    """Open a page as a visitor would: ``visitor("phone", javascript=False)``.

    Every context bypasses the CSP so that axe can be injected into the service's
    own pages; the pages themselves never rely on that.
    """
    contexts = []

    def open_page(viewport: str = "desktop", javascript: bool = True):
        context = browser.new_context(**VIEWPORTS[viewport], java_script_enabled=javascript,
                                      bypass_csp=True)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def screenshot(request):
    """Save a screenshot of a page (all of it, or what the screen shows) or of one
    element (a Locator), named after the test and ``label``; returns its path."""
    SCREENSHOTS.mkdir(exist_ok=True)
    test_name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name).strip("-")

    def take(target, label: str, full_page: bool = True) -> Path:
        path = SCREENSHOTS / f"{test_name}-{label}.png"
        whole_page = {"full_page": full_page} if hasattr(target, "goto") else {}
        target.screenshot(path=str(path), **whole_page)
        return path

    return take


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(HERE.parent.parent)} is missing: `make test` installs it "
                    "(or run `npm ci` in tests/browser)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def axe(axe_source):
    """``axe(page)``: the WCAG 2.1 A and AA violations axe-core finds in the page as it
    is now, one line each, so an assertion failure says what and where."""

    def violations(page) -> list[str]:
        found = page.evaluate(
            """async ([source, tags]) => {
                if (!window.axe) (0, eval)(source);
                const only = {runOnly: {type: "tag", values: tags}};
                const result = await window.axe.run(document, only);
                return result.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map((n) => n.target.join(" "))}));
            }""",
            [axe_source, WCAG_21_AA],
        )
        return [f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(v['nodes'])}"
                for v in found]

    return violations
