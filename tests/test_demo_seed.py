"""`flask --app capture dev seed`: realistic demo data, the same for the same count,
seed and day, on SQLite and PostgreSQL, and never in production."""

import re
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from capture import accounts
from capture import demo
from capture import followup
from capture.extensions import db
from capture.lifecycle import screening_values
from capture.models import AuditEntry
from capture.models import Lead
from capture.models import Note
from capture.models import StaffUser
from capture.models import Touch
from capture.screening import rules_from_config
from capture.screening import screen
from capture.vocabulary import OUTCOMES
from capture.vocabulary import STAGES
from capture.vocabulary import STATUSES
from capture.vocabulary import Status
from tests.conftest import make_app
from tests.staff.conftest import CHEAP_HASH

ROOT = Path(__file__).resolve().parent.parent
DAY = "2026-06-30"
TABLES = (Lead, Touch, Note, AuditEntry)


@pytest.fixture
def other_database_url(new_database):
    """A second migrated database, to seed twice and compare."""
    return new_database()


def demo_app(url, **config):
    return make_app(url, SITE_URL="http://127.0.0.1:8000", **CHEAP_HASH, **config)


def seed(app, *args):
    result = app.test_cli_runner().invoke(args=["dev", "seed", *args])
    assert result.exit_code == 0, result.output
    return result


def rows(app) -> dict:
    """Every row the seed wrote, ids included, and the accounts it made (their hashes
    and session tokens aside: those are salted and random by design)."""
    with app.app_context():
        dump = {model.__tablename__: [tuple(row) for row in db.session.execute(
            select(*model.__table__.columns).order_by(model.id))] for model in TABLES}
        dump["staff_users"] = [tuple(row) for row in db.session.execute(
            select(StaffUser.id, StaffUser.email, StaffUser.role, StaffUser.time_zone,
                   StaffUser.created_at).order_by(StaffUser.id))]
    return dump


@pytest.fixture
def seeded(database_url):
    app = demo_app(database_url)
    seed(app, "--leads", "300", "--seed", "7", "--today", DAY)
    return app


def test_the_same_count_seed_and_day_give_the_same_rows(seeded, other_database_url):
    again = demo_app(other_database_url)
    seed(again, "--leads", "300", "--seed", "7", "--today", DAY)
    first, second = rows(seeded), rows(again)
    assert len(first["leads"]) == 300
    assert first == second


def test_the_day_defaults_to_today_in_utc(database_url, other_database_url):
    by_default, explicit = demo_app(database_url), demo_app(other_database_url)
    for _ in range(3):  # a run that straddles midnight UTC compares two days: run again
        day = datetime.now(UTC).date()
        seed(by_default, "--leads", "40", "--seed", "3")
        seed(explicit, "--leads", "40", "--seed", "3", "--today", day.isoformat())
        if datetime.now(UTC).date() == day:
            break
        for app in (by_default, explicit):
            with app.app_context():
                for model in reversed(TABLES):
                    db.session.execute(model.__table__.delete())
                db.session.commit()
    assert rows(by_default) == rows(explicit)


def test_another_seed_gives_other_leads(seeded, other_database_url):
    other = demo_app(other_database_url)
    seed(other, "--leads", "300", "--seed", "8", "--today", DAY)
    first, second = rows(seeded)["leads"], rows(other)["leads"]
    public_id = Lead.__table__.columns.keys().index("public_id")
    assert {row[public_id] for row in first}.isdisjoint(row[public_id] for row in second)
    assert first != second


def test_every_status_stage_and_source_appears_in_300_leads(seeded):
    with seeded.app_context():
        leads = list(db.session.scalars(select(Lead)))
        touches = list(db.session.scalars(select(Touch)))
    assert {lead.status for lead in leads} == set(STATUSES)
    assert {lead.stage for lead in leads if lead.status == Status.ACCEPTED} == set(STAGES)
    assert {lead.source for lead in leads} == set(demo.ARTICLES) | {""}
    assert {lead.utm_campaign for lead in leads} > {""}
    screened = [lead for lead in leads if lead.status == Status.SCREENED_OUT]
    assert all(lead.reasons for lead in screened)
    assert {reason for lead in screened for reason in lead.reason_ids} == {
        "not_msp", "too_large", "under_budget"}
    assert {touch.status for touch in touches} == {"open", "done", "cancelled"}
    assert {touch.outcome for touch in touches if touch.status == "done"} <= set(OUTCOMES)
    assert all(touch.note for touch in touches if touch.outcome == "meeting_booked")
    received = [lead.received_at for lead in leads]
    start = datetime(2026, 6, 30, tzinfo=UTC)
    assert start - timedelta(days=548) <= min(received)
    assert max(received) < start
    assert max(received) - min(received) > timedelta(days=450)
    assert [lead.id for lead in sorted(leads, key=lambda lead: lead.received_at)] == sorted(
        lead.id for lead in leads)
    assert all(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]{21}", lead.public_id) for lead in leads)


def test_each_lead_carries_the_verdict_screening_gives_it(seeded):
    """The seed screens through a cache; every lead, screened again, must agree."""
    rules = rules_from_config(seeded.config)
    with seeded.app_context():
        for lead in db.session.scalars(select(Lead)):
            verdict = screen(screening_values(lead), rules)
            assert lead.reasons == [vars(reason) for reason in verdict.reasons], lead.public_id
            assert lead.flags == [vars(flag) for flag in verdict.flags], lead.public_id
            assert lead.flag_count == len(verdict.flags)
            first_move = db.session.scalar(select(AuditEntry.action).where(
                AuditEntry.lead_id == lead.id).order_by(AuditEntry.at, AuditEntry.id).limit(1))
            if lead.status == Status.SCREENED_OUT or first_move == "release":
                assert verdict.status == Status.SCREENED_OUT
            elif lead.status == Status.SPAM and first_move is None:
                assert verdict.status == Status.SPAM
            else:
                assert verdict.status == Status.QUEUED
                assert lead.queued_at is not None


def test_touches_follow_the_plan_and_its_check_ins(seeded):
    """Each lead in the pipeline: the plan from its acceptance day in its owner's time
    zone, then check-ins, each scheduled when the last open touch was done (two months
    on, six once lost); a close cancels what is open."""
    template = followup.load_template()
    anchor = datetime(2026, 6, 30, tzinfo=UTC)
    checked = 0
    with seeded.app_context():
        for lead in db.session.scalars(select(Lead).where(
                Lead.status.in_((Status.ACCEPTED, Status.WON, Status.LOST)))):
            touches = list(db.session.scalars(
                select(Touch).where(Touch.lead_id == lead.id).order_by(Touch.id)))
            owner = db.session.get(StaffUser, lead.owner_id)
            accepted_on = followup.local_today(lead.accepted_at, owner.time_zone)
            plan = followup.plan(accepted_on, template)
            assert [(t.kind, t.due) for t in touches[:len(plan)]] == [
                (p.kind, p.due) for p in plan]
            for touch in touches:
                assert touch.owner_id == lead.owner_id
                assert touch.label == template.label(touch.kind)
                if touch.status == "done":
                    assert lead.accepted_at <= touch.completed_at < anchor
                    assert touch.outcome in OUTCOMES
                else:
                    assert touch.completed_at is None
                    assert touch.outcome == ""
                if touch.status == "cancelled":
                    assert lead.status in (Status.WON, Status.LOST)
            if lead.status == Status.WON:
                assert not [t for t in touches if t.status == "open"]
            for before, check_in in zip(touches[len(plan) - 1:], touches[len(plan):],
                                        strict=False):
                assert check_in.kind == followup.CHECK_IN
                lost = lead.status == Status.LOST and check_in.created_at >= lead.closed_at
                if lost and check_in.created_at == lead.closed_at:
                    start = followup.local_today(lead.closed_at, owner.time_zone)
                else:
                    assert before.status == "done"
                    assert check_in.created_at == before.completed_at
                    completer = db.session.get(StaffUser, before.completed_by_id)
                    start = max(followup.local_today(before.completed_at, completer.time_zone),
                                before.due)
                assert check_in == touches[-1] or check_in.status != "open"
                assert check_in.due == followup.next_check_in(start, template, lost=lost).due
            open_touches = [t for t in touches if t.status == "open"]
            if lead.status in (Status.ACCEPTED, Status.LOST):
                assert open_touches
            checked += 1
    assert checked > 100


def test_moves_are_in_the_audit_log_in_time_order(seeded):
    with seeded.app_context():
        entries = list(db.session.scalars(select(AuditEntry).where(
            AuditEntry.lead_id.is_not(None)).order_by(AuditEntry.id)))
        actions = {entry.action for entry in entries}
        won = db.session.scalars(select(Lead).where(Lead.status == Status.WON)).first()
        history = [(e.action, e.from_status, e.to_status) for e in entries
                   if e.lead_id == won.id and e.action not in ("touch_done", "note")]
    assert {"claim", "accept", "reject", "release", "mark_spam", "stage", "win", "lose",
            "touch_done", "note"} <= actions
    assert [entry.at for entry in entries] == sorted(entry.at for entry in entries)
    assert history[:2] == [("claim", "queued", "in_review"), ("accept", "in_review", "accepted")]
    assert history[-1] == ("win", "accepted", "won")
    assert [action for action, *_ in history].count("stage") == 3


def test_demo_accounts_are_created_once_and_log_in(seeded, database_url):
    with seeded.app_context():
        emails = list(db.session.scalars(select(StaffUser.email).order_by(StaffUser.email)))
    assert emails == [email for email, _ in demo.DEMO_STAFF]
    again = demo_app(database_url)
    result = seed(again, "--leads", "20", "--seed", "9", "--today", DAY)
    assert "password" not in result.stderr
    assert "existing accounts sales1@demo.example" in result.stderr


def test_the_printed_password_logs_in(database_url):
    app = demo_app(database_url)
    result = seed(app, "--leads", "30", "--today", DAY)
    password = re.search(r"with password: (\S+)", result.stderr).group(1)
    assert "Seeding demo leads" in result.stderr
    assert result.stdout == ""
    with app.app_context():
        user = accounts.authenticate(db.session, "sales2@demo.example", password,
                                     hasher=accounts.hasher_from_config(app.config))
    assert user is not None


def test_existing_accounts_are_left_as_they_are(database_url, tmp_path):
    app = demo_app(database_url)
    with app.app_context():
        accounts.create_staff(db.session, "sales1@demo.example", "an old long password",
                              role="admin", hasher=accounts.hasher_from_config(app.config))
        before = db.session.execute(select(StaffUser.__table__)).one()
    password_file = tmp_path / "password"
    password_file.write_text("the demo team password\n")
    seed(app, "--leads", "50", "--password-file", str(password_file), "--today", DAY)
    with app.app_context():
        assert db.session.execute(select(StaffUser.__table__).where(
            StaffUser.id == before.id)).one() == before
        hasher = accounts.hasher_from_config(app.config)
        assert accounts.authenticate(db.session, "sales3@demo.example",
                                     "the demo team password", hasher=hasher)


def test_the_same_seed_twice_is_refused_and_adds_nothing(seeded):
    before = rows(seeded)
    result = seeded.test_cli_runner().invoke(
        args=["dev", "seed", "--leads", "300", "--seed", "7", "--today", DAY])
    assert result.exit_code == 1
    assert "already holds the demo leads of --seed 7" in result.output
    assert rows(seeded) == before


def test_refuses_in_production(database_url):
    app = demo_app(database_url, ENV="production")
    result = app.test_cli_runner().invoke(args=["dev", "seed", "--leads", "10"])
    assert result.exit_code == 1
    assert "CAPTURE_ENV=production" in result.output
    with app.app_context():
        assert db.session.scalar(select(Lead.id).limit(1)) is None
        assert db.session.scalar(select(StaffUser.id).limit(1)) is None


def test_the_article_slugs_are_the_sites():
    slugs = set()
    for article in (ROOT / "content" / "articles").glob("*.md"):
        header = article.read_text(encoding="utf-8").split("\n\n", 1)[0]
        slugs.add(re.search(r"^Slug: (\S+)$", header, re.MULTILINE).group(1))
    assert set(demo.ARTICLES) == slugs


def test_the_service_takes_new_leads_after_the_seed(seeded, submission):
    """The seed gives lead ids itself; PostgreSQL's sequence must have moved past them."""
    response = seeded.test_client().post("/leads", json=submission)
    assert response.status_code == 201
    with seeded.app_context():
        newest = db.session.scalar(select(Lead).order_by(Lead.id.desc()).limit(1))
    assert newest.public_id == response.get_json()["id"]
    assert newest.id == 301
