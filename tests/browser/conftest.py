"""A real browser (Debian's chromium, driven by Playwright) against the real site
and service on one loopback address, as `make run` serves them.

The site is built once for the session's server port; the server hands each
request to the current test's app, so every test still gets its own database.
"""

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
