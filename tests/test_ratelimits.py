"""Rate limits hold as configured under gunicorn with 4 workers, and behind a proxy
they count per visitor, never per spoofable header.

The gunicorn tests start the real server the way the README does
(``gunicorn -c python:capture.gunicorn_conf``), with Debian's memcached (started by
that config) or a Redis server (started here), and send real HTTP requests.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import make_app

ROOT = Path(__file__).resolve().parent.parent
WORKERS = 4
LEADS_LIMIT = 10
ACCOUNT_LIMIT = 5


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, log: Path, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited:\n{log.read_text()[-3000:]}")
        booted = log.read_text().count("Booting worker")
        try:
            with urllib.request.urlopen(url, timeout=1):
                if booted >= WORKERS:
                    time.sleep(1)  # every worker has built its app
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"server did not start:\n{log.read_text()[-3000:]}")


@pytest.fixture
def gunicorn(database_url, tmp_path):
    """Start gunicorn with 4 workers; returns its base URL. Extra env per call."""
    started = []

    def start(**env) -> str:
        port = free_port()
        log = tmp_path / f"gunicorn-{port}.log"
        environment = os.environ | {
            "CAPTURE_DATABASE_URL": database_url,
            "CAPTURE_SECRET_KEY": "rate-limit-test",
            "CAPTURE_LEADS_RATE_LIMIT": f"{LEADS_LIMIT}/minute",
            "CAPTURE_LOGIN_RATE_LIMIT_PER_ACCOUNT": f"{ACCOUNT_LIMIT}/minute",
            "CAPTURE_LOGIN_RATE_LIMIT_PER_IP": "100/minute",
            "CAPTURE_ARGON2_TIME_COST": "1", "CAPTURE_ARGON2_MEMORY_COST": "1024",
            "CAPTURE_ARGON2_PARALLELISM": "1",
        } | env
        environment.pop("CAPTURE_RATELIMIT_STORAGE_URI", None)
        if "storage" in env:
            environment["CAPTURE_RATELIMIT_STORAGE_URI"] = environment.pop("storage")
        with log.open("w") as output:
            process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "python:capture.gunicorn_conf",
                 "-w", str(WORKERS), "-b", f"127.0.0.1:{port}", "capture:create_app()"],
                cwd=ROOT, env=environment, stdout=output, stderr=subprocess.STDOUT)
        started.append(process)
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/openapi.json", process, log)
        return base

    yield start
    for process in started:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=120)


def post_lead(base: str, submission: dict, n: int) -> int:
    body = json.dumps(submission | {"email": f"rate{n}@x.example",
                                    "company": f"Rate Co {n}"}).encode()
    request = urllib.request.Request(base + "/leads", data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def burst_of_leads(base: str, submission: dict, count: int = 40) -> list[int]:
    """Concurrent posts, so the 4 workers all serve some of them."""
    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(lambda n: post_lead(base, submission, n), range(count)))


def test_lead_limit_holds_across_four_workers_with_the_default_storage(gunicorn, submission):
    statuses = burst_of_leads(gunicorn(), submission)
    assert statuses.count(201) == LEADS_LIMIT
    assert statuses.count(429) == len(statuses) - LEADS_LIMIT


def test_memory_storage_would_multiply_the_limit_by_the_workers(gunicorn, submission):
    """What the shared storage fixes, shown so the test above can fail."""
    statuses = burst_of_leads(gunicorn(storage="memory://"), submission)
    assert statuses.count(201) > LEADS_LIMIT


@pytest.fixture
def redis_url(tmp_path):
    port = free_port()
    server = subprocess.Popen(
        [shutil.which("redis-server") or "/usr/bin/redis-server", "--port", str(port),
         "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=10)


def test_lead_limit_holds_across_four_workers_with_redis(gunicorn, submission, redis_url):
    statuses = burst_of_leads(gunicorn(storage=redis_url), submission)
    assert statuses.count(201) == LEADS_LIMIT


def failed_login(base: str, opener) -> int:
    page = opener.open(base + "/staff/login", timeout=30).read().decode()
    token = page.split('name="csrf_token" type="hidden" value="', 1)[1].split('"', 1)[0]
    data = urllib.parse.urlencode({"email": "sam@example.com", "password": "wrong password!",
                                   "csrf_token": token}).encode()
    try:
        with opener.open(base + "/staff/login", data=data, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_wrong_passwords_per_account_hold_across_four_workers(gunicorn, database_url):
    base = gunicorn()
    statuses = []
    for _ in range(12):
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        statuses.append(failed_login(base, opener))
    assert statuses == [401] * ACCOUNT_LIMIT + [429] * (12 - ACCOUNT_LIMIT)


# --- behind a proxy ----------------------------------------------------------------

LIMITED = {"RATELIMIT_ENABLED": True, "LEADS_RATE_LIMIT": "2/minute",
           "RATELIMIT_STORAGE_URI": "memory://"}


def post_from(client, submission, n: int, forwarded_for: str | None) -> int:
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    return client.post("/leads", json=submission | {"email": f"p{n}@x.example"},
                       headers=headers, environ_base={"REMOTE_ADDR": "10.0.0.1"}).status_code


def test_behind_one_trusted_proxy_each_visitor_has_its_own_count(database_url, submission):
    client = make_app(database_url, TRUSTED_PROXIES=1, **LIMITED).test_client()
    first = [post_from(client, submission, n, "203.0.113.5") for n in range(3)]
    second = [post_from(client, submission, n + 10, "203.0.113.77") for n in range(3)]
    assert first == [201, 201, 429]
    assert second == [201, 201, 429]


def test_without_a_trusted_proxy_a_forwarded_header_cannot_dodge_the_limit(database_url,
                                                                           submission):
    client = make_app(database_url, **LIMITED).test_client()
    statuses = [post_from(client, submission, n, f"198.51.100.{n}") for n in range(3)]
    assert statuses == [201, 201, 429]


def test_a_trusted_proxy_uses_only_its_own_hop_of_the_forwarded_chain(database_url,
                                                                      submission):
    """A visitor who sends X-Forwarded-For itself only adds hops the proxy appends to."""
    client = make_app(database_url, TRUSTED_PROXIES=1, **LIMITED).test_client()
    statuses = [post_from(client, submission, n, f"1.2.3.{n}, 203.0.113.5") for n in range(3)]
    assert statuses == [201, 201, 429]
