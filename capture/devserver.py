"""`make run`: the whole product on one address, for a first look and for local work.

Migrates the database, makes sure a staff account exists, adds demo data when asked
(``--demo N``, `make demo`), starts a local SMTP sink that prints alert emails unless
CAPTURE_SMTP_HOST names a real server, starts the outbox sender, and serves the
capture service with the built site (output/) on the same origin, so the article
form posts to /leads without any cross-origin setup.

Everything before the service answers is quiet; then one short banner says where
the site is, where staff log in, with which email (and, the first time, which
password), and how to reset it. After the banner come only request logs and the
mails the sink prints. Every port derives from ``--port``: the sink listens on
``port + 25`` (or any free port if that one is taken), so two copies run side by
side (``make run PORT=8100``).
"""

import argparse
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import click

from capture import config

ROOT = Path(__file__).resolve().parent.parent
SMTP_OFFSET = 25  # 8000 -> 8025, the mail catcher's usual port


def wait_for_port(host: str, port: int, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=1):
            return
        time.sleep(0.1)
    raise SystemExit(f"the local SMTP sink did not start on {host}:{port}")


def port_is_free(host: str, port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def smtp_port_for(host: str, port: int) -> int:
    """``port + 25`` if it is free, else whatever port the system hands out."""
    wanted = port + SMTP_OFFSET
    if wanted < 65536 and port_is_free(host, wanted):
        return wanted
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def flask_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "flask", "--app", "capture", *args]


def flask_hint() -> str:
    """How the person at this console runs flask: .venv/bin/flask from a checkout."""
    script = Path(sys.executable).with_name("flask")
    with contextlib.suppress(ValueError):
        return str(script.relative_to(Path.cwd()))
    return "flask"


def quietly(command: list[str], env: dict) -> None:
    """Run a start-up step; show what it said only if it failed."""
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"`{' '.join(command[3:])}` failed (exit {done.returncode})")


def banner(*, base: str, email: str | None, password: str | None, lead_count: int,
           demo_note: str, production: bool) -> str:
    flask = flask_hint()
    lines = [f"Leadpress is running at {base}/",
             f"  Staff log in at     {base}/staff/login"]
    if email:
        lines.append(f"    email:            {email}")
    if password:
        lines.append(f"    password:         {password}   (shown this once)")
    if email:
        lines.append(f"  Forgot a password?  {flask} --app capture staff set-password {email}")
    else:
        lines.append(f"  No account yet:     {flask} --app capture staff create EMAIL "
                     "--role admin")
    if demo_note:
        lines.append(f"  {demo_note}")
    elif not lead_count and not production:
        lines.append("  No leads yet: `make demo` adds 2,000 demo leads with their history.")
    lines.append("  Alert emails are printed here. Stop with Ctrl-C.")
    return "\n" + "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--site", default=str(ROOT / "output"), help="the built site to serve")
    parser.add_argument("--demo", type=int, default=0, metavar="N",
                        help="on an empty database, first add N demo leads (never in production)")
    args = parser.parse_args(argv)

    base = f"http://{args.host}:{args.port}"
    env = dict(os.environ)  # the caller's CAPTURE_* settings win over these
    env.setdefault("CAPTURE_SERVE_SITE", args.site)
    env.setdefault("CAPTURE_SERVICE_URL", base)
    env.setdefault("CAPTURE_SITE_URL", base)
    env.setdefault("CAPTURE_ALLOWED_ORIGINS", f"{base},http://localhost:{args.port}")
    local_sink = "CAPTURE_SMTP_HOST" not in env
    if local_sink:
        env.setdefault("CAPTURE_SMTP_PORT",
                       str(smtp_port_for(config.Defaults.SMTP_HOST, args.port)))
    env.setdefault("PYTHONUNBUFFERED", "1")  # the workers' lines reach the console at once
    env.setdefault("CAPTURE_SQLITE_CHECKPOINT_SECONDS", config.SERVER_SQLITE_CHECKPOINT)
    quietly(flask_command("db", "upgrade"), env)
    os.environ.update({k: v for k, v in env.items() if k.startswith("CAPTURE_")})

    from werkzeug.serving import make_server

    from capture import create_app
    from capture.app import compile_screening_in_background

    app = create_app()
    compile_screening_in_background(app)
    try:
        server = make_server(args.host, args.port, app, threaded=True)
    except OSError as error:
        raise SystemExit(f"cannot listen on {args.host}:{args.port} ({error.strerror}): is "
                         f"another copy running? Try another port: make run PORT="
                         f"{args.port + 100}") from None
    with app.app_context():
        email, password, lead_count, demo_note = prepare(app, args.demo)

    workers = []
    signal.signal(signal.SIGTERM, _interrupt)  # stop the workers on SIGTERM too
    try:
        if local_sink:
            # No mail server configured: alerts are printed in this console instead.
            workers.append(subprocess.Popen(flask_command("outbox", "sink", "--quiet"),
                                            env=env, cwd=ROOT))
            # Until the sink listens, a send would fail and wait out its back-off.
            wait_for_port(config.Defaults.SMTP_HOST, int(env["CAPTURE_SMTP_PORT"]))
            # What is due goes out now, so its mails print before the banner, not over it.
            with app.app_context():
                from capture import cli
                from capture.extensions import db

                cli.outbox_round()
                db.session.remove()
        workers.append(subprocess.Popen(flask_command("outbox", "send", "--loop"), env=env,
                                        cwd=ROOT))
        click.echo(banner(base=base, email=email, password=password, lead_count=lead_count,
                          demo_note=demo_note, production=app.config["ENV"] == "production"))
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second one must not cut this short
        server.server_close()
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=10)
    return 0


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def prepare(app, demo_leads: int) -> tuple[str | None, str | None, int, str]:
    """The first admin (its password only when just created), demo data if asked for
    on an empty database: (login email, password, leads, a line for the banner)."""
    from datetime import UTC
    from datetime import datetime

    from sqlalchemy import func
    from sqlalchemy import select

    from capture import accounts
    from capture import demo
    from capture.app import followup_plan
    from capture.app import screening_rules
    from capture.extensions import db
    from capture.models import Lead

    hasher = accounts.hasher_from_config(app.config)
    password = accounts.ensure_first_admin(db.session, hasher=hasher)
    email = accounts.login_hint(db.session)
    lead_count = db.session.scalar(select(func.count()).select_from(Lead))
    note = ""
    if demo_leads and app.config["ENV"] == "production":
        note = "Demo data is off in production (CAPTURE_ENV=production)."
    elif demo_leads and lead_count:
        note = f"Demo data not added: the database already holds {lead_count:,} leads."
    elif demo_leads:
        demo_password = demo.new_password()
        summary = demo.seed(
            db.session, leads=demo_leads, seed=1, today=datetime.now(UTC).date(),
            template=followup_plan(), rules=screening_rules(), site_url=app.config["SITE_URL"],
            hasher=hasher, password=demo_password)
        lead_count = summary.leads
        note = f"Demo data: {summary.leads:,} leads, owned by demo staff"
        if summary.created:
            note += (f" {summary.created[0]} to {summary.created[-1]}\n"
                     f"    with the password {demo_password}")
    db.session.remove()
    return email, password, lead_count, note


if __name__ == "__main__":
    sys.exit(main())
