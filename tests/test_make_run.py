"""`make run` as a new user meets it: one process tree, one address, the whole path.

Starts ``python -m capture.devserver`` (what `make run` runs after building the
site) on a free port over an empty database, then: the start-up banner is the last
thing printed before request logs and names the login email and its password; an
article's plain form posts and lands on the thank-you page, the password from the
banner logs in, the lead waits in the queue, and its alert email is printed by the
local SMTP sink. Two copies run side by side on their own ports, and the demo path
fills the staff pages.
"""

import contextlib
import http.cookiejar
import os
import random
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
BANNER_END = "Alert emails are printed here. Stop with Ctrl-C."
# What may follow the banner: request logs, the app's own log lines (a login), the
# worker's "sent 1, failed 0", and the mails the sink prints.
REQUEST_LOG = re.compile(r'^127\.0\.0\.1 - - \[[^\]]+\] "[A-Z]+ \S+ HTTP/1\.1" \d{3} '
                         r'|^\[[\d:, -]+\] [A-Z]+ in \w+: |^sent \d+, failed \d+$')


def first_ephemeral_port() -> int:
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def free_port() -> int:
    """A free PORT whose mail catcher's PORT + 25 is free too, below the ephemeral
    range: a port the system hands out (the bind to port 0 this used to do) sits among
    the ones it gives every outgoing connection, and the parallel tests' database
    connections took PORT + 25 between the check and the mail catcher's bind."""
    top = first_ephemeral_port() - 200
    rng = random.Random()
    for _ in range(200):
        port = rng.randrange(10_000, top)
        if is_free(port) and is_free(port + 25):
            return port
    raise AssertionError("no free port below the ephemeral range")


def is_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def two_ports() -> tuple[int, int]:
    """PORT and PORT + 100 (like 8000 and 8100), both with their + 25 free too."""
    for _ in range(50):
        port = free_port()
        if port + 125 < 65536 and all(is_free(port + n) for n in (25, 100, 125)):
            return port, port + 100
    raise AssertionError("no free pair of ports")


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


class Console:
    """A running devserver and everything it printed."""

    def __init__(self, base: str, log: Path):
        self.base = base
        self.log = log

    def text(self) -> str:
        return self.log.read_text()

    def banner(self) -> str:
        text = wait_for(lambda: BANNER_END in self.text() and self.text(), 10, "the banner")
        start = text.index("Leadpress is running at")
        return text[start:text.index(BANNER_END) + len(BANNER_END)]

    def field(self, name: str) -> str:
        return re.search(rf"^ +{name}: +(\S+)", self.banner(), re.MULTILINE).group(1)

    def after_banner(self) -> list[str]:
        """The lines printed after the banner, without werkzeug's colours."""
        text = re.sub(r"\x1b\[[0-9;]*m", "", self.text())
        return text[text.index(BANNER_END) + len(BANNER_END):].strip().splitlines()


@contextlib.contextmanager
def devserver(folder: Path, database_url: str, port: int, *args: str):
    folder.mkdir()
    base = f"http://127.0.0.1:{port}"
    site = folder / "output"
    assert build(site, SITEURL=base, CAPTURE_URL=f"{base}/leads") == []
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CAPTURE_")} | {
        "CAPTURE_DATABASE_URL": database_url,
        "CAPTURE_SECRET_KEY": "make-run-test",
    }
    log = folder / "console.log"
    with log.open("w") as console:
        process = subprocess.Popen(
            [sys.executable, "-m", "capture.devserver", "--port", str(port), "--site", str(site),
             *args],
            cwd=ROOT, env=environment, stdout=console, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_for(lambda: _answers(base) or process.poll() is not None, 120,
                 "the service to answer")
        assert process.poll() is None, log.read_text()
        yield Console(base, log)
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            raise


@pytest.fixture
def running(tmp_path, empty_database_url):
    with devserver(tmp_path / "run", empty_database_url, free_port()) as console:
        yield console


def _answers(base: str) -> bool:
    try:
        with urllib.request.urlopen(base + "/", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def submit(base: str, company: str) -> None:
    fields = {
        "name": "Dana Whitfield", "email": "dana@northwind.example", "phone": "",
        "company": company, "website": "", "company_type": "msp",
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


def log_in(base: str, email: str, password: str):
    """A browser (cookie jar) logged in through the real form; and the page it lands on."""
    cookies = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cookies))
    with browser.open(f"{base}/staff/login") as page:
        login_page = page.read().decode()
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', login_page).group(1)
    credentials = {"email": email, "password": password, "csrf_token": token}
    with browser.open(f"{base}/staff/login", urllib.parse.urlencode(credentials).encode()) as page:
        assert page.url == f"{base}/staff/", "login failed"
        return browser, page.read().decode()


def test_make_run_serves_the_whole_path_on_one_address(running):
    base = running.base
    with urllib.request.urlopen(f"{base}/{ARTICLE}.html") as response:
        article = response.read().decode()
    assert f'action="{base}/leads"' in article
    submit(base, "Northwind Managed IT")

    banner = running.banner()
    assert f"{base}/" in banner
    assert f"{base}/staff/login" in banner
    assert "staff set-password admin@localhost" in banner
    assert "make demo" in banner  # an empty database says how to get demo data
    assert len(banner.splitlines()) <= 8
    email, password = running.field("email"), running.field("password")
    assert email == "admin@localhost"
    _, queue = log_in(base, email, password)
    assert "Northwind Managed IT" in queue

    mail = wait_for(
        lambda: "New qualified lead: Northwind Managed IT" in running.text(), 30,
        "the alert email printed by the local SMTP sink",
    )
    assert mail
    before = running.text().split("Leadpress is running at")[0]
    assert before.strip() == "", f"printed before the banner: {before!r}"
    mail_lines = re.compile(r"^-{10} (mail to|end of mail)")
    in_mail = False
    for line in running.after_banner():
        if mail_lines.match(line):
            in_mail = line.startswith("---------- mail to")
        else:
            assert in_mail or REQUEST_LOG.match(line), f"after the banner: {line!r}"


def test_the_password_is_shown_on_the_first_run_only(tmp_path, empty_database_url):
    with devserver(tmp_path / "first", empty_database_url, free_port()) as first:
        assert first.field("password")
    with devserver(tmp_path / "second", empty_database_url, free_port()) as second:
        assert second.field("email") == "admin@localhost"
        assert "password:" not in second.banner()


def test_two_copies_run_side_by_side_on_their_own_ports(tmp_path, new_database):
    """PORT=8000 and PORT=8100, say: each has its own mail catcher (PORT + 25) and
    prints its own alerts; nothing clashes."""
    first_port, second_port = two_ports()
    with devserver(tmp_path / "a", new_database(migrated=False), first_port) as first, \
            devserver(tmp_path / "b", new_database(migrated=False), second_port) as second:
        submit(first.base, "First Copy Managed IT")
        submit(second.base, "Second Copy Managed IT")
        for console, company, other in ((first, "First Copy", "Second Copy"),
                                        (second, "Second Copy", "First Copy")):
            wait_for(lambda c=console, n=company: f"New qualified lead: {n}" in c.text(), 30,
                     f"the alert about {company}")
            assert f"New qualified lead: {other}" not in console.text()
            _, queue = log_in(console.base, "admin@localhost", console.field("password"))
            assert company in queue
            assert other not in queue
            assert not is_free(int(console.base.rsplit(":", 1)[1]) + 25)  # its mail catcher
    assert "already in use" not in first.text() + second.text()


def test_the_demo_path_fills_today_and_the_pipeline(tmp_path, empty_database_url):
    with devserver(tmp_path / "demo", empty_database_url, free_port(), "--demo", "300") as run:
        banner = run.banner()
        password = re.search(r"with the password (\S+)", banner).group(1)
        assert "Demo data: 300 leads" in banner
        browser, _ = log_in(run.base, "sales1@demo.example", password)
        with browser.open(f"{run.base}/staff/pipeline") as page:
            pipeline = page.read().decode()
        with browser.open(f"{run.base}/staff/today?who=all") as page:
            today = page.read().decode()
    counts = [int(n) for n in re.findall(r'class="board-count">(\d+)<', pipeline)]
    assert len(counts) == 6
    assert all(counts)
    assert re.search(r"Overdue <span class=\"count\">[1-9]", today)
    assert today.count('class="touch') > 5


@pytest.mark.parametrize(("target", "wanted"), [
    (["demo"], "--demo 2000"),
    (["run", "DEMO=1"], "--demo 2000"),
    (["run"], None),
])
def test_make_demo_asks_the_devserver_for_demo_leads(target, wanted):
    plan = subprocess.run(["make", "-n", *target, "PORT=8100"], cwd=ROOT, capture_output=True,
                          text=True, check=True).stdout.replace("\\\n", " ")
    line = next(line for line in plan.splitlines() if "capture.devserver" in line)
    assert "--port 8100 --site output-8100" in line
    assert ("--demo" in line) == bool(wanted)
    if wanted:
        assert wanted in line
