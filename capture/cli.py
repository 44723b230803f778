"""Operator commands: ``flask --app capture leads export|show``, ``staff ...``, ``outbox ...``."""

import contextlib
import csv
import json
import signal
import sys
import time
from datetime import UTC
from datetime import datetime
from pathlib import Path

import click
from flask import Flask
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import select

from capture import accounts
from capture import export
from capture import outbox
from capture import pipeline
from capture import queries
from capture import reports
from capture import rescreening
from capture import screening
from capture import search
from capture.app import screening_rules
from capture.app import screening_version
from capture.emails import MailSettings
from capture.extensions import db
from capture.mailer import SmtpMailer
from capture.models import PUBLIC_ID
from capture.models import Lead
from capture.models import StaffUser
from capture.staff import reports as report_queries

leads_cli = AppGroup("leads", help="Look at and export leads.")
staff_cli = AppGroup("staff", help="Manage staff accounts.")
outbox_cli = AppGroup("outbox", help="Deliver the alert emails waiting in the outbox.")
followups_cli = AppGroup("followups", help="The follow-up touches of accepted leads.")
screening_cli = AppGroup("screening", help="Screening rules over time: rescreen, cases.")
report_cli = AppGroup("report", help="Where leads come from and what became of them.")
dev_cli = AppGroup("dev", help="Development helpers: demo data.")


@leads_cli.command("export")
@click.option("--format", "fmt", type=click.Choice(["csv"]), default="csv", show_default=True)
def export_leads(fmt: str) -> None:
    """Write every lead, spam included, oldest first, as CSV to standard output."""
    query = select(Lead).order_by(Lead.received_at, Lead.id).execution_options(yield_per=1000)
    count = export.write_rows(db.session.scalars(query), sys.stdout)
    click.echo(f"exported {count} leads", err=True)


@leads_cli.command("show", context_settings={"ignore_unknown_options": True})
@click.argument("lead_id")
def show_lead(lead_id: str) -> None:
    """Print one lead, by its public id, as JSON.

    Ids issued before 2026-11 may start with "-"; they work as they are (no "--").
    """
    lead = None
    if PUBLIC_ID.fullmatch(lead_id):
        lead = db.session.scalar(select(Lead).where(Lead.public_id == lead_id))
    if lead is None:
        raise click.ClickException(
            f"no lead with id {lead_id!r}; ids are in the 'id' column of 'leads export'."
        )
    record = export.lead_row(lead) | {
        column: getattr(lead, column)
        for column in ("phone", "website", "message", "page_url", "utm_source", "utm_medium",
                       "utm_campaign", "reasons", "flags", "origin", "user_agent")
    }
    click.echo(json.dumps(record, indent=2, ensure_ascii=False))


# --- staff -----------------------------------------------------------------

def _hasher():
    return accounts.hasher_from_config(current_app.config)


def _password(password_file: Path | None) -> str:
    """From the file's first line without its line ending, else asked twice."""
    if password_file is not None:
        lines = password_file.read_text(encoding="utf-8").splitlines()
        return lines[0] if lines else ""
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


password_file_option = click.option(
    "--password-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Read the password from this file's first line instead of asking.",
)


@staff_cli.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice(accounts.ROLES), default="sales", show_default=True)
@password_file_option
def create_staff(email: str, role: str, password_file: Path | None) -> None:
    """Create a staff account (role sales by default)."""
    try:
        # Refuse a taken or malformed email before asking for the password twice.
        email = accounts.check_available(db.session, email)
        user = accounts.create_staff(db.session, email, _password(password_file), role=role,
                                     hasher=_hasher())
    except accounts.AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Created {user.email} ({user.role}).", err=True)


@staff_cli.command("set-password")
@click.argument("email")
@password_file_option
def set_password(email: str, password_file: Path | None) -> None:
    """Give a staff account a new password."""
    try:
        accounts.get(db.session, email)  # an unknown account fails before the prompt
        user = accounts.set_password(db.session, email, _password(password_file),
                                     hasher=_hasher())
    except accounts.AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Password changed for {user.email}.", err=True)


@staff_cli.command("disable")
@click.argument("email")
def disable_staff(email: str) -> None:
    """Disable a staff account: it can no longer log in and its sessions end."""
    try:
        user = accounts.disable(db.session, email)
    except accounts.AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Disabled {user.email}.", err=True)


@staff_cli.command("list")
def list_staff() -> None:
    """Print every staff account: email, role, active or disabled."""
    for user in db.session.scalars(select(StaffUser).order_by(StaffUser.email)):
        click.echo(f"{user.email}\t{user.role}\t{'active' if user.active else 'disabled'}")


@staff_cli.command("ensure-admin")
def ensure_admin() -> None:
    """On an empty database, create admin@localhost and print its password once."""
    password = accounts.ensure_first_admin(db.session, hasher=_hasher())
    if password:
        click.echo(f"Created {accounts.FIRST_ADMIN_EMAIL} with password: {password}")


# --- outbox ----------------------------------------------------------------

def send_once() -> tuple[int, int]:
    cfg = current_app.config
    return outbox.send_pending(
        db.session, SmtpMailer.from_config(cfg), datetime.now(UTC),
        settings=MailSettings.from_config(cfg), policy=outbox.DeliveryPolicy.from_config(cfg))


def outbox_round() -> tuple[int, int]:
    """One round of the worker: queue the daily digests whose hour has come (each
    person's own time zone), index new leads for search, then deliver what is due;
    (sent, failed)."""
    pipeline.enqueue_digests(db.session, datetime.now(UTC),
                             hour=int(current_app.config["DIGEST_HOUR"]))
    search.catch_up(db.engine)
    return send_once()


@outbox_cli.command("send")
@click.option("--loop", is_flag=True, help="Keep sending until stopped (SIGTERM or Ctrl-C).")
@click.option("--interval", type=click.FloatRange(min=0.1), default=5.0, show_default=True,
              help="Seconds between rounds with --loop.")
def send(loop: bool, interval: float) -> None:
    """Deliver the due outbox rows over SMTP; print "sent N, failed M". With --loop,
    also queue each staff member's daily digest once their CAPTURE_DIGEST_HOUR comes."""
    if not loop:
        sent, failed = send_once()
        click.echo(f"sent {sent}, failed {failed}", err=True)
        return
    stopping = []
    previous = signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    try:
        while not stopping:
            sent, failed = outbox_round()
            if sent or failed:
                click.echo(f"sent {sent}, failed {failed}", err=True)
            db.session.remove()
            deadline = time.monotonic() + interval
            while not stopping and time.monotonic() < deadline:
                time.sleep(min(0.2, interval))
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
    click.echo("outbox sender stopped", err=True)


@outbox_cli.command("sink")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=None, help="Default: CAPTURE_SMTP_PORT.")
@click.option("--quiet", is_flag=True, help="Print the mails only, not that it started.")
def sink(host: str, port: int | None, quiet: bool) -> None:
    """A local SMTP server that prints every mail to the console (development only)."""
    from aiosmtpd.controller import Controller

    class PrintingHandler:
        async def handle_DATA(self, server, session, envelope):
            text = envelope.content.decode("utf-8", errors="replace")
            click.echo(f"---------- mail to {', '.join(envelope.rcpt_tos)} ----------\n"
                       f"{text}\n---------- end of mail ----------")
            return "250 Message accepted for delivery"

    port = port or int(current_app.config["SMTP_PORT"])
    controller = Controller(PrintingHandler(), hostname=host, port=port)
    controller.start()
    if not quiet:
        click.echo(f"SMTP sink on {host}:{port}, printing mails here; Ctrl-C to stop.",
                   err=True)
    stopping = []
    previous = signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    try:
        while not stopping:
            time.sleep(0.2)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        controller.stop()


# --- followups -----------------------------------------------------------------

@followups_cli.command("due")
@click.option("--date", "until", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Open touches due on or before this day (YYYY-MM-DD). Default: today, UTC.")
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json",
              show_default=True)
def due(until, fmt: str) -> None:
    """Print the open touches due on or before a day: lead_id, kind, due, owner."""
    day = until.date() if until else datetime.now(UTC).date()
    rows = [{"lead_id": touch.lead.public_id, "kind": touch.kind, "due": touch.due.isoformat(),
             "owner": touch.owner.email if touch.owner else ""}
            for touch in queries.due_touches(db.session, day)]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    writer = csv.DictWriter(sys.stdout, fieldnames=["lead_id", "kind", "due", "owner"],
                            lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({key: export.guard(value) for key, value in row.items()} for row in rows)


@followups_cli.command("digest")
def digest() -> None:
    """Queue today's digest for every staff member with due or overdue touches (one
    per person and day); `outbox send` delivers them."""
    queued = pipeline.enqueue_digests(db.session, datetime.now(UTC))
    click.echo(f"queued {queued} digest{'s' if queued != 1 else ''}", err=True)


# --- screening -----------------------------------------------------------------

@screening_cli.command("rescreen")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Only leads received on or after this day (YYYY-MM-DD).")
@click.option("--dry-run", is_flag=True, help="Print what would change; change nothing.")
def rescreen(since, dry_run: bool) -> None:
    """Run today's rules over stored leads that screening alone decided; print, per
    rule, how many verdicts change, with examples. Without --dry-run, record the new
    verdicts (the old ones stay in the history). Leads a person handled are skipped."""
    report = rescreening.rescreen(
        db.session, screen=screening.screen, rules=screening_rules(),
        version=screening_version(), now=datetime.now(UTC),
        since=since.replace(tzinfo=UTC) if since else None, apply=not dry_run)
    for line in report.lines():
        click.echo(line)
    click.echo("dry run: nothing was changed" if dry_run
               else f"recorded {report.changed} new verdicts", err=True)


@screening_cli.command("cases")
def cases() -> None:
    """Print, as JSON Lines in the evaluation corpus's format, the leads whose verdict
    staff overrode (released, or rejected naming the reason screening missed)."""
    count = 0
    for case in rescreening.overridden(db.session):
        click.echo(json.dumps(case, ensure_ascii=False))
        count += 1
    click.echo(f"exported {count} cases", err=True)
# --- report --------------------------------------------------------------------

@report_cli.command("funnel")
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json",
              show_default=True)
@click.option("--by", type=click.Choice(list(reports.BY)), default="source", show_default=True,
              help="One row per source article (its slug) or per UTM campaign.")
@click.option("--details", is_flag=True,
              help="Add the median days from received to won, and per screening reason "
                   "the leads screened out and those staff released into the queue.")
def report_funnel(fmt: str, by: str, details: bool) -> None:
    """Per source article (or campaign): leads received, spam, screened out, qualified
    (ever queued), accepted (ever), won and won value (dollars a month)."""
    rows, _ = report_queries.funnel_report(db.session, by)
    if fmt == "json":
        click.echo(reports.to_json(rows, by, details))
    else:
        click.echo(reports.to_csv(rows, by, details), nl=False)


# --- dev --------------------------------------------------------------------------

@dev_cli.command("seed")
@click.option("--leads", "count", type=click.IntRange(1, 1_000_000), default=2000,
              show_default=True, help="How many leads.")
@click.option("--seed", "seed_value", type=int, default=1, show_default=True,
              help="The random seed: the same --leads, --seed and --today give the same rows.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The day the 18 months of history end (YYYY-MM-DD). Default: today, UTC.")
@password_file_option
def seed_demo(count: int, seed_value: int, today, password_file: Path | None) -> None:
    """Fill the database with realistic demo leads and their history, owned by demo
    accounts (sales1@demo.example ...) it creates. Never in production."""
    from capture import demo
    from capture.app import followup_plan
    from capture.app import screening_rules

    cfg = current_app.config
    if cfg["ENV"] == "production":
        raise click.ClickException(
            "refusing to add demo data: CAPTURE_ENV=production. Demo leads and accounts "
            "belong in a development database only.")
    password = _password(password_file) if password_file else demo.new_password()
    try:
        accounts.check_password(password)
    except accounts.AccountError as error:
        raise click.ClickException(str(error)) from None
    began = time.perf_counter()
    with contextlib.ExitStack() as bars:
        shown = {}

        def progress(phase: str, step: int, total: int) -> None:
            if phase not in shown:  # one bar per phase, on standard error
                shown[phase] = bars.enter_context(click.progressbar(
                    length=total, label=phase, file=sys.stderr))
            shown[phase].update(step)

        try:
            summary = demo.seed(
                db.session, leads=count, seed=seed_value,
                today=today.date() if today else datetime.now(UTC).date(),
                template=followup_plan(), rules=screening_rules(), site_url=cfg["SITE_URL"],
                hasher=_hasher(), password=password, progress=progress)
        except demo.DemoError as error:
            raise click.ClickException(str(error)) from None
    click.echo(f"Seeded {demo.describe(summary)} in {time.perf_counter() - began:.1f} s.",
               err=True)
    if summary.created:
        shown = "the password from the file" if password_file else f"password: {password}"
        click.echo(f"Demo accounts {', '.join(summary.created)} with {shown}", err=True)
    if summary.existing:
        click.echo(f"Used the existing accounts {', '.join(summary.existing)} as they are.",
                   err=True)


def init_app(app: Flask) -> None:
    app.cli.add_command(dev_cli)
    app.cli.add_command(screening_cli)
    app.cli.add_command(followups_cli)
    app.cli.add_command(report_cli)
    app.cli.add_command(leads_cli)
    app.cli.add_command(staff_cli)
    app.cli.add_command(outbox_cli)
