"""`make run` as a new user meets it: one process tree, one address, the whole path.

Starts ``python -m capture.devserver`` (what `make run` runs after building the
site) on a free port over an empty database, then: an article's plain form
posts and lands on the thank-you page, the printed admin password logs in, the
lead waits in the queue, and its alert email is printed by the local SMTP sink.
"""

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.site.sitebuild import build

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "what-is-a-qualified-sales-lead"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def wait_for(predicate, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def running(tmp_path, empty_database_url):
    port, smtp_port = free_port(), free_port()
    base = f"http://127.0.0.1:{port}"
    site = tmp_path / "output"
    warnings = build(site, SITEURL=base, CAPTURE_URL=f"{base}/leads")
    assert warnings == []
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CAPTURE_")} | {
        "CAPTURE_DATABASE_URL": empty_database_url,
        "CAPTURE_SECRET_KEY": "make-run-test",
        "CAPTURE_SMTP_PORT": str(smtp_port),
    }
    log = tmp_path / "console.log"
    with log.open("w") as console:
        process = subprocess.Popen(
            [sys.executable, "-m", "capture.devserver", "--port", str(port), "--site", str(site)],
            cwd=ROOT, env=environment, stdout=console, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_for(lambda: _answers(base), 60, "the service to answer")
        yield base, log
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            raise


def _answers(base: str) -> bool:
    try:
        with urllib.request.urlopen(base + "/", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def test_make_run_serves_the_whole_path_on_one_address(running):
    base, log = running
    with urllib.request.urlopen(f"{base}/{ARTICLE}.html") as response:
        article = response.read().decode()
    assert f'action="{base}/leads"' in article

    fields = {
        "name": "Dana Whitfield", "email": "dana@northwind.example", "phone": "",
        "company": "Northwind Managed IT", "website": "", "company_type": "msp",
        "employees": "25", "monthly_budget": "3000", "role": "owner",
        "interest": "appointment_setting", "message": "We support 40 dental offices.",
        "consent": "yes", "source": ARTICLE, "page_url": f"{base}/{ARTICLE}.html",
        "utm_source": "", "utm_medium": "", "utm_campaign": "", "company_fax": "",
    }
    post = urllib.request.Request(
        f"{base}/leads", data=urllib.parse.urlencode(fields).encode(),
        headers={"Origin": base, "Content-Type": "application/x-www-form-urlencoded"},
    )
    with pytest.raises(urllib.error.HTTPError) as redirect:
        urllib.request.build_opener(NoRedirect).open(post)
    redirect.value.close()
    assert redirect.value.code == 303
    assert redirect.value.headers["Location"] == f"{base}/thanks.html"

    password = wait_for(
        lambda: re.search(r"admin@localhost with password: (\S+)", log.read_text()), 10,
        "the first admin's password on the console",
    ).group(1)
    cookies = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cookies))
    with browser.open(f"{base}/staff/login") as page:
        login_page = page.read().decode()
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', login_page).group(1)
    credentials = {"email": "admin@localhost", "password": password, "csrf_token": token}
    with browser.open(f"{base}/staff/login", urllib.parse.urlencode(credentials).encode()) as page:
        queue = page.read().decode()
        assert page.url == f"{base}/staff/"
    assert "Northwind Managed IT" in queue

    mail = wait_for(
        lambda: "New qualified lead: Northwind Managed IT" in log.read_text(), 30,
        "the alert email printed by the local SMTP sink",
    )
    assert mail
