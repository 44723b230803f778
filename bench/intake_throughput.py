"""POST /leads against its floor: the service and a bare Flask app doing the same
durable SQLite insert (bench/baseline_app.py), both under gunicorn with the same
workers, the same load, in interleaved rounds.

1. Throughput: wrk (Debian's package) with a Lua script that sends unique, valid,
   varied bodies: form posts and JSON, realistic messages of every length, and a
   realistic mix of verdicts (qualified, screened out, flagged, honeypot spam).
2. Latency: an open-loop client sends 200 requests a second on a fixed schedule and
   times each request from the moment it was due (so a slow server cannot hide its
   queue), and prints p50/p99/max.
3. Nothing lost: after every round of ours, every acknowledged lead is in the
   database, and every queued one has its outbox row.
Each server is warmed up first with 200 posts (unique bodies, 4 at a time), untimed.

Prints medians with min-max over the rounds, and ours/baseline ratios.
Run: .venv/bin/python bench/intake_throughput.py [--rounds 3] [--seconds 10]
"""

import argparse
import json
import os
import queue
import random
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WORKERS = 2
sys.path.insert(0, str(ROOT))

from capture.config import SERVER_SQLITE_CHECKPOINT  # noqa: E402

MESSAGES = [
    "",
    "We manage networks for 40 dental offices in Ohio and want more meetings with "
    "practice owners. How do your campaigns work?",
    "MSP, 12 techs, mostly law firms and accounting offices. Our referral pipeline dried up "
    "this year and we need appointments with decision makers in the Tampa area.",
    "Looking for appointment setting for our managed security practice. We tried two "
    "vendors before; one booked meetings with receptionists. What makes you different?",
    "Hi, what do you charge per appointment?",
    "We are a VAR selling Cisco and Meraki into K-12 and local government. We need "
    "someone to open doors with IT directors before budget season starts in March.\n\n"
    "Thanks,\nPriya",
    "Our office needs someone to fix our computers and set up backups. We are a small "
    "bookkeeping firm.",
    "IT consultant here, solo practice, healthcare compliance (HIPAA) for clinics. "
    "Interested in a small test campaign first.",
    "We are a 900-person hospital group interviewing managed IT partners.",
    "Please call me next week. We have budget approved for Q2 lead generation.",
]
PROFILES = [  # (share, changes): a realistic mix of what screening decides
    (60, {}),
    (8, {"employees": "900"}),
    (8, {"monthly_budget": "500"}),
    (6, {"company_type": "business"}),
    (8, {"role": "technician"}),
    (5, {"interest": "pricing_only"}),
    (5, {"company_fax": "http://spam.example"}),
]
BASE = {"name": "Dana Whitfield", "phone": "+1 555 0100", "website": "https://northwind.example",
        "company_type": "msp", "employees": "25", "monthly_budget": "3000", "role": "owner",
        "interest": "appointment_setting", "consent": "yes",
        "source": "what-is-a-qualified-sales-lead",
        "page_url": "http://127.0.0.1:8000/what-is-a-qualified-sales-lead.html",
        "utm_source": "newsletter", "utm_medium": "email", "utm_campaign": "spring",
        "company_fax": ""}


def bodies(count: int, seed: int) -> list[tuple[str, str]]:
    """(content type, body) pairs, each unique; form posts and JSON half and half."""
    rng = random.Random(seed)
    weights = [share for share, _ in PROFILES]
    found = []
    for index in range(count):
        [changes] = rng.choices([changes for _, changes in PROFILES], weights)
        values = BASE | changes | {
            "email": f"lead{seed}-{index}@bench{index % 97}.example",
            "company": f"Northwind IT Services {seed}-{index}",
            "message": rng.choice(MESSAGES),
        }
        if index % 2:
            found.append(("application/json", json.dumps(values)))
        else:
            found.append(("application/x-www-form-urlencoded", urllib.parse.urlencode(values)))
    return found


def lua_script(path: Path, count: int, seed: int) -> None:
    """wrk sends the bodies in order, each thread its own share, never one twice."""
    def lua(text: str) -> str:  # a JSON string is a Lua string, but for \u escapes
        return json.dumps(text, ensure_ascii=False)

    entries = ",\n".join(f"{{{lua(kind)}, {lua(body)}}}" for kind, body in bodies(count, seed))
    path.write_text(f"""
local bodies = {{
{entries}
}}
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end
function init(args)
  n = 0
end
function request()
  local i = (n * {WORKERS}) + id
  n = n + 1
  local item = bodies[(i % #bodies) + 1]
  return wrk.format("POST", "/leads", {{["Content-Type"] = item[1]}}, item[2])
end
""")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """gunicorn serving ``kind`` ("ours" or "baseline") on a free port; ours may be
    given another app spec and extra environment (bench/intake_floor.py does)."""

    def __init__(self, kind: str, workdir: Path, app: str = "capture:create_app()",
                 extra_env: dict[str, str] | None = None):
        self.kind, self.port = kind, free_port()
        self.db = workdir / f"{kind}-{self.port}.db"
        env = os.environ | {"PYTHONPATH": str(ROOT)}
        if kind == "ours":
            self._migrate(env)
            env |= {"CAPTURE_DATABASE_URL": f"sqlite:///{self.db}",
                    "CAPTURE_SECRET_KEY": "bench", "CAPTURE_RATELIMIT_ENABLED": "false",
                    # as capture/gunicorn_conf.py sets it in production
                    "CAPTURE_SQLITE_CHECKPOINT_SECONDS": SERVER_SQLITE_CHECKPOINT,
                    "CAPTURE_ALLOWED_ORIGINS": "http://127.0.0.1:8000"} | (extra_env or {})
        else:
            from bench.baseline_app import create_table

            create_table(str(self.db))
            env["BASELINE_DB"] = str(self.db)
            app = "bench.baseline_app:app"
        self.process = subprocess.Popen(
            [str(BIN / "gunicorn"), "-w", str(WORKERS), "-b", f"127.0.0.1:{self.port}",
             "--log-level", "warning", app],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._wait()

    def _migrate(self, env) -> None:
        subprocess.run([str(BIN / "flask"), "--app", "capture", "db", "upgrade"], cwd=ROOT,
                       env=env | {"CAPTURE_DATABASE_URL": f"sqlite:///{self.db}"},
                       check=True, capture_output=True)

    def _wait(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/openapi.json", timeout=1):
                    time.sleep(1)
                    return
            except OSError:
                time.sleep(0.1)
        raise SystemExit(f"{self.kind} server did not start")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def warm_up(url: str, count: int, seed: int) -> None:
    """``count`` posts from 4 threads before anything is timed, so every worker has
    served requests of every kind (and compiled, cached and connected what it does
    lazily); they are stored like any other and counted in the losses check."""
    def post(item: tuple[str, str]) -> None:
        connection = connect(url)
        post_lead(connection, item)
        connection.close()

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(post, bodies(count, seed)))


def connect(url: str) -> HTTPConnection:
    host, port = url.split("//")[1].split(":")
    return HTTPConnection(host, int(port), timeout=30)


def post_lead(connection: HTTPConnection, item: tuple[str, str]) -> bool:
    """POST one (content type, body); whether the service acknowledged it."""
    kind, body = item
    connection.request("POST", "/leads", body=body.encode(), headers={"Content-Type": kind})
    response = connection.getresponse()
    response.read()
    return response.status in (201, 303)


def run_wrk(url: str, script: Path, seconds: int) -> tuple[float, int, int]:
    """Requests per second, answers received, and how many were errors."""
    output = subprocess.run(
        ["wrk", "-t", str(WORKERS), "-c", "16", "-d", f"{seconds}s", "-s", str(script), url],
        capture_output=True, text=True, check=True).stdout
    rate = float(next(line.split()[1] for line in output.splitlines()
                      if line.startswith("Requests/sec:")))
    completed = int(next(line.split()[0] for line in output.splitlines()
                         if " requests in " in line))
    errors = 0
    for line in output.splitlines():
        if "Non-2xx or 3xx responses:" in line:
            errors += int(line.split(":")[1])
        if "Socket errors:" in line:
            errors += sum(int(part.split()[1]) for part in line.split(":")[1].split(","))
    return rate, completed, errors


def open_loop(url: str, rate: int, seconds: int, seed: int) -> tuple[list[float], int, int]:
    """Latencies (ms, from the moment each request was due), errors, acknowledged."""
    work = bodies(rate * seconds, seed)
    due: queue.Queue = queue.Queue()
    latencies, errors, acknowledged = [], [0], [0]
    lock = threading.Lock()

    def worker() -> None:
        connection = connect(url)
        while (item := due.get()) is not None:
            scheduled, lead = item
            try:
                ok = post_lead(connection, lead)
            except OSError:
                connection = connect(url)
                ok = False
            finished = time.perf_counter()
            with lock:
                latencies.append((finished - scheduled) * 1000)
                errors[0] += not ok
                acknowledged[0] += ok

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(48)]
    for thread in threads:
        thread.start()
    start = time.perf_counter()
    for index, body in enumerate(work):
        scheduled = start + index / rate
        pause = scheduled - time.perf_counter()
        if pause > 0:
            time.sleep(pause)
        due.put((scheduled, body))
    for _ in threads:
        due.put(None)
    for thread in threads:
        thread.join()
    return latencies, errors[0], acknowledged[0]


def stored(server: Server) -> tuple[int, int, int]:
    """(leads, queued leads, outbox rows) in the service's database."""
    with sqlite3.connect(server.db) as db:
        leads = db.execute("SELECT count(*) FROM leads").fetchone()[0]
        queued = db.execute("SELECT count(*) FROM leads WHERE status = 'queued'").fetchone()[0]
        alerts = db.execute("SELECT count(*) FROM outbox").fetchone()[0]
    return leads, queued, alerts


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def spread(values: list[float], unit: str = "") -> str:
    return (f"{statistics.median(values):,.1f}{unit} "
            f"({min(values):,.1f}-{max(values):,.1f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rate", type=int, default=200)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk (make bench installs it)")
    workdir = Path(tempfile.mkdtemp(prefix="leadpress-intake-"))
    throughput = {"ours": [], "baseline": []}
    p99 = {"ours": [], "baseline": []}
    problems = []
    for round_number in range(args.rounds):
        for kind in ("ours", "baseline") if round_number % 2 == 0 else ("baseline", "ours"):
            server = Server(kind, workdir)
            try:
                script = workdir / f"load-{kind}-{round_number}.lua"
                lua_script(script, 40_000, seed=round_number * 10 + (kind == "ours"))
                warm_up(server.url, 200, seed=2000 + round_number)
                rate, completed, errors = run_wrk(server.url, script, args.seconds)
                throughput[kind].append(rate)
                latencies, late_errors, acked = open_loop(
                    server.url, args.rate, args.seconds, seed=1000 + round_number)
                p99[kind].append(percentile(latencies, 0.99))
                print(f"round {round_number + 1} {kind:8s}: {rate:8,.0f} req/s (wrk, "
                      f"{errors} errors); open loop {args.rate}/s: p50 "
                      f"{percentile(latencies, 0.5):.1f} ms, p99 "
                      f"{percentile(latencies, 0.99):.1f} ms, max {max(latencies):.1f} ms, "
                      f"{late_errors} errors", flush=True)
                if errors or late_errors:
                    problems.append(f"{kind} round {round_number + 1}: "
                                    f"{errors + late_errors} errors")
                if kind == "ours":
                    leads, queued, alerts = stored(server)
                    answered = completed - errors + acked
                    print(f"    {answered:,} acknowledged, {leads:,} leads stored ({queued:,} "
                          f"queued, {alerts:,} alerts in the outbox)", flush=True)
                    if leads < answered or alerts != queued:
                        problems.append(f"round {round_number + 1}: {answered} acknowledged, "
                                        f"{leads} stored, {queued} queued, {alerts} alerts")
            finally:
                server.stop()
    print()
    print(f"POST /leads, gunicorn -w {WORKERS}, wrk -t{WORKERS} -c16 -d{args.seconds}s, "
          f"unique bodies; medians (min-max) of {args.rounds} interleaved rounds")
    print(f"  ours      {spread(throughput['ours'], ' req/s')}")
    print(f"  baseline  {spread(throughput['baseline'], ' req/s')}  (bare Flask, one durable "
          "SQLite insert)")
    ratio = statistics.median(throughput["ours"]) / statistics.median(throughput["baseline"])
    print(f"  ratio     {ratio:.2f}x  (goal >= 0.6x)")
    print(f"open loop at {args.rate} req/s, p99 from the moment each request was due:")
    print(f"  ours      {spread(p99['ours'], ' ms')}  (goal < 50 ms)")
    print(f"  baseline  {spread(p99['baseline'], ' ms')}")
    print("errors and losses:", "; ".join(problems) if problems else
          "none (every acknowledged lead stored, every queued lead with its alert)")
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
