"""`make run`: the whole product on one address, for a first look and for local work.

Migrates the database, makes sure a staff account exists (printing a new
admin's password once), starts a local SMTP sink that prints alert emails
unless CAPTURE_SMTP_HOST names a real server, starts the outbox sender, and serves
the capture service with the built site (output/) on the same origin, so the
article form posts to /leads without any cross-origin setup.
"""

import argparse
import contextlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import click

from capture import config

ROOT = Path(__file__).resolve().parent.parent


def wait_for_port(host: str, port: int, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=1):
            return
        time.sleep(0.1)
    raise SystemExit(f"the local SMTP sink did not start on {host}:{port}")


def flask_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "flask", "--app", "capture", *args]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--site", default=str(ROOT / "output"), help="the built site to serve")
    args = parser.parse_args(argv)

    base = f"http://{args.host}:{args.port}"
    env = dict(os.environ)  # the caller's CAPTURE_* settings win over these
    env.setdefault("CAPTURE_SERVE_SITE", args.site)
    env.setdefault("CAPTURE_SERVICE_URL", base)
    env.setdefault("CAPTURE_SITE_URL", base)
    env.setdefault("CAPTURE_ALLOWED_ORIGINS", f"{base},http://localhost:{args.port}")
    subprocess.run(flask_command("db", "upgrade"), env=env, cwd=ROOT, check=True)
    subprocess.run(flask_command("staff", "ensure-admin"), env=env, cwd=ROOT, check=True)

    env.setdefault("PYTHONUNBUFFERED", "1")  # the workers' lines reach the console at once
    workers = []
    if "CAPTURE_SMTP_HOST" not in env:
        # No mail server configured: alerts are printed in this console instead.
        workers.append(subprocess.Popen(flask_command("outbox", "sink"), env=env, cwd=ROOT))
        # Until the sink listens, a send would fail and wait out its back-off.
        wait_for_port(config.Defaults.SMTP_HOST, int(env.get("CAPTURE_SMTP_PORT",
                                                             config.Defaults.SMTP_PORT)))
    workers.append(subprocess.Popen(flask_command("outbox", "send", "--loop"), env=env, cwd=ROOT))
    os.environ.update({k: v for k, v in env.items() if k.startswith("CAPTURE_")})

    from capture import create_app

    app = create_app()
    click.echo(
        f"\n  Site and articles:  {base}/\n  Staff login:        {base}/staff/login\n"
        f"  Form endpoint:      {base}/leads   (API description: {base}/openapi.json)\n"
        "  Stop with Ctrl-C.\n"
    )
    try:
        app.run(host=args.host, port=args.port, threaded=True, use_reloader=False)
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
