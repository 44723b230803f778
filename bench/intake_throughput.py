"""POST /leads under concurrent load, as production runs it: gunicorn, 4 workers,
one SQLite file, 16 clients on loopback.

Runs the same load with CAPTURE_SQLITE_SYNCHRONOUS=FULL (the default: an
acknowledged lead survives a power loss) and NORMAL (the baseline, survives
only a crash of the process), a few rounds each, and prints the median
accepted leads per second, the FULL/NORMAL ratio, and whether every
acknowledged lead is in the database (it must be, with no 5xx).
Run: .venv/bin/python bench/intake_throughput.py [--rounds 3] [--posts 1600]
"""

import argparse
import collections
import json
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CLIENTS = 16
LEAD = {"name": "Dana", "email": "dana@northwind.example", "company": "Northwind IT",
        "company_type": "msp", "employees": "25", "monthly_budget": "3000", "role": "owner",
        "interest": "appointment_setting", "consent": "yes"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/openapi.json", timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn did not start")


def load(url: str, posts: int) -> tuple[collections.Counter, float]:
    codes: collections.Counter = collections.Counter()
    lock = threading.Lock()

    def client(number: int) -> None:
        for index in range(posts // CLIENTS):
            body = json.dumps(LEAD | {"message": f"client {number}, lead {index}"}).encode()
            request = urllib.request.Request(url + "/leads", data=body,
                                             headers={"Content-Type": "application/json"})
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            with lock:
                codes[status] += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return codes, time.perf_counter() - began


def round_trip(synchronous: str, posts: int) -> float:
    folder = Path(tempfile.mkdtemp(prefix="leadpress-intake-"))
    database = folder / "capture.db"
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAPTURE_")} | {
        "CAPTURE_DATABASE_URL": f"sqlite:///{database}", "CAPTURE_SECRET_KEY": "bench",
        "CAPTURE_ENV": "production", "CAPTURE_RATELIMIT_ENABLED": "false",
        "CAPTURE_SQLITE_SYNCHRONOUS": synchronous}
    subprocess.run([BIN / "flask", "--app", "capture", "db", "upgrade"], cwd=ROOT, env=env,
                   check=True, capture_output=True)
    server = subprocess.Popen(
        [BIN / "gunicorn", "-w", "4", "-b", f"127.0.0.1:{port}", "capture:create_app()"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_up(url)
        codes, seconds = load(url, posts)
    finally:
        server.terminate()
        server.wait(timeout=30)
    stored = sqlite3.connect(database).execute("select count(*) from leads").fetchone()[0]
    if set(codes) != {201} or stored != codes[201]:
        raise SystemExit(f"lost or refused leads: answers {dict(codes)}, stored {stored}")
    return codes[201] / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--posts", type=int, default=1600)
    args = parser.parse_args()
    rates = {mode: [] for mode in ("FULL", "NORMAL")}
    for _ in range(args.rounds):
        for mode, results in rates.items():  # interleaved, so drift hits both alike
            results.append(round_trip(mode, args.posts))
    medians = {mode: statistics.median(results) for mode, results in rates.items()}
    for mode, results in rates.items():
        shown = ", ".join(f"{rate:.0f}" for rate in results)
        print(f"synchronous={mode:6}: median {medians[mode]:6.0f} leads/s  (rounds: {shown})")
    print(f"FULL / NORMAL: {medians['FULL'] / medians['NORMAL']:.2f}")
    print(f"every acknowledged lead stored, no 5xx: yes ({args.posts} posts x "
          f"{args.rounds} rounds x 2 modes, {CLIENTS} clients, gunicorn -w 4)")


if __name__ == "__main__":
    main()
