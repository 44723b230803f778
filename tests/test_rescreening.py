"""Verdicts over time: the rule-set version stored with each verdict, `screening
rescreen` (dry run and real), `screening cases`, and the screening quality page."""

import json
import re
from datetime import UTC
from datetime import date
from datetime import datetime

import pytest
from sqlalchemy import func
from sqlalchemy import select

from capture import rescreening
from capture.extensions import db
from capture.models import AuditEntry
from capture.models import Lead
from capture.models import OutboxMessage
from capture.models import VerdictHistory
from capture.screening import rules_from_config
from capture.screening import rules_version
from tests.conftest import make_app
from tests.staff.conftest import CHEAP_HASH
from tests.staff.helpers import add_lead
from tests.staff.helpers import csrf_token
from tests.staff.helpers import login
from tests.staff.helpers import make_staff


@pytest.fixture
def app(database_url):
    return make_app(database_url, **CHEAP_HASH)


@pytest.fixture
def looser(database_url):
    """The same database, with rules that let companies of up to 1,000 people through."""
    return make_app(database_url, SCREEN_MAX_EMPLOYEES=1000, **CHEAP_HASH)


@pytest.fixture
def leads(app, client, submission):
    return {
        "big": add_lead(client, submission, employees="800", email="big@x.example"),
        "huge": add_lead(client, submission, employees="5000", email="huge@x.example"),
        "ok": add_lead(client, submission),
        "handled": add_lead(client, submission, employees="700", email="h@x.example"),
    }


def row(app, public_id):
    with app.app_context():
        lead = db.session.scalar(select(Lead).where(Lead.public_id == public_id))
        db.session.expunge(lead)
        return lead


def test_every_verdict_stores_the_version_of_the_rules_that_made_it(app, looser, leads):
    version = rules_version(rules_from_config(app.config))
    assert len(version) == 12
    assert row(app, leads["ok"]).screening_version == version
    assert rules_version(rules_from_config(looser.config)) != version


def release(app, public_id):
    make_staff(app, "sam@example.com")
    staff = app.test_client()
    login(staff, "sam@example.com")
    token = csrf_token(staff, f"/staff/leads/{public_id}")
    response = staff.post(f"/staff/leads/{public_id}/release",
                          data={"csrf_token": token, "reason": "A 20-person MSP division"})
    assert response.status_code == 303
    return staff


def test_a_dry_run_prints_what_would_change_per_rule_and_changes_nothing(looser, leads):
    release(looser, leads["handled"])
    before = row(looser, leads["big"])
    result = looser.test_cli_runner().invoke(args=["screening", "rescreen", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "3 leads examined, 1 verdict would change" in result.stdout  # not the handled one
    assert "too_large: +0 / -1" in result.stdout
    assert leads["big"] in result.stdout
    assert "status screened_out -> queued: 1" in result.stdout
    assert "dry run: nothing was changed" in result.stderr
    after = row(looser, leads["big"])
    assert (after.status, after.reasons) == (before.status, before.reasons)
    with looser.app_context():
        assert db.session.scalar(select(func.count()).select_from(VerdictHistory)) == 0


def test_a_real_run_keeps_history_alerts_staff_and_skips_handled_leads(looser, leads):
    release(looser, leads["handled"])
    old_version = row(looser, leads["big"]).screening_version
    result = looser.test_cli_runner().invoke(args=["screening", "rescreen"])
    assert result.exit_code == 0, result.output
    assert "recorded 1 new verdicts" in result.stderr
    big = row(looser, leads["big"])
    assert (big.status, big.reasons) == ("queued", [])
    assert big.screening_version == rules_version(rules_from_config(looser.config))
    assert row(looser, leads["huge"]).status == "screened_out"  # 5,000 is still too large
    handled = row(looser, leads["handled"])
    assert handled.status == "queued"  # released by a person: left as they decided
    assert handled.reason_ids == ["too_large"]
    with looser.app_context():
        [old] = db.session.scalars(select(VerdictHistory)).all()
        assert (old.status, old.rules_version) == ("screened_out", old_version)
        assert [reason["id"] for reason in old.reasons] == ["too_large"]
        entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "rescreen")
                                   ).one()
        assert entry.to_status == "queued"
        assert "screened_out (too_large) -> queued" in entry.why
        alerted = {row.payload["lead"] for row in db.session.scalars(select(OutboxMessage))}
        assert leads["big"] in alerted
    again = looser.test_cli_runner().invoke(args=["screening", "rescreen", "--dry-run"])
    assert "0 verdicts would change" in again.stdout


def test_rescreen_since_a_day_leaves_older_leads_alone(looser, leads):
    result = looser.test_cli_runner().invoke(
        args=["screening", "rescreen", "--dry-run", "--since", "2999-01-01"])
    assert "0 leads examined" in result.stdout
    bad = looser.test_cli_runner().invoke(args=["screening", "rescreen", "--since", "soon"])
    assert bad.exit_code == 2
    assert "does not match the format" in bad.output


def test_staff_overrides_become_test_cases(app, client, submission, leads):
    staff = release(app, leads["handled"])
    end_user = add_lead(client, submission, email="e@x.example", company="Parish office",
                        message="")  # queued: a name alone says nothing
    for action, data in (("claim", {}), ("reject", {"reason": "A parish, not an MSP",
                                                    "missed_reason": "not_msp"})):
        token = csrf_token(staff, f"/staff/leads/{end_user}")
        response = staff.post(f"/staff/leads/{end_user}/{action}",
                              data={"csrf_token": token} | data)
        assert response.status_code == 303, response.get_data(as_text=True)[:500]
    result = app.test_cli_runner().invoke(args=["screening", "cases"])
    assert result.exit_code == 0, result.output
    cases = [json.loads(line) for line in result.stdout.splitlines()]
    by_id = {case["id"]: case for case in cases}
    released = by_id[leads["handled"]]
    assert released["expected"] == {"status": "queued", "reasons": [], "flags": []}
    assert released["submission"]["employees"] == "700"
    assert released["why"] == "A 20-person MSP division"
    rejected = by_id[end_user]
    assert rejected["expected"]["status"] == "screened_out"
    assert "not_msp" in rejected["expected"]["reasons"]
    assert rejected["submission"]["company"] == "Parish office"
    assert "exported 2 cases" in result.stderr


def test_quality_rows_compute_the_override_rate_per_rule_and_month():
    rows = rescreening.quality_rows([
        (date(2026, 10, 3), "too_large", 4, 1), (date(2026, 10, 20), "too_large", 6, 2),
        (date(2026, 11, 1), "too_large", 2, 0), (date(2026, 11, 1), "not_msp", 5, 5),
        (date(2026, 11, 1), "under_budget", 0, 0),
        (date(2026, 11, 2), rescreening.WORD_MODEL_RULE, 2, 1),
    ], rescreening.rule_order(("not_msp", "too_large", "under_budget")))
    assert [(r.month, r.rule, r.screened_out, r.released) for r in rows] == [
        ("2026-11", "not_msp", 5, 5), ("2026-11", "not_msp/word_model", 2, 1),
        ("2026-11", "too_large", 2, 0), ("2026-10", "too_large", 10, 3)]
    assert rows[3].override_rate == pytest.approx(0.3)
    assert (rows[1].reason, rows[1].by_word_model, rows[0].by_word_model) == (
        "not_msp", True, False)


def test_the_quality_page_counts_the_word_models_share_of_not_msp_apart(app, client,
                                                                         submission):
    """Two end users the phrase rules find, one only the word model finds; staff
    release the model's: its own row shows 1 of 1 released, the reason's 1 of 3."""
    for words in ("Our office needs IT support for 12 PCs.",
                  "We are a dental practice looking for someone to manage our computers."):
        add_lead(client, submission, message=words, email=f"{len(words)}@x.example")
    by_model = add_lead(client, submission, company="Corner Market", message=(
        "the register pc freezes every morning and the card reader drops out. who do i "
        "talk to"))
    assert row(app, by_model).reasons[0]["sentence"].startswith(
        "Reads as an end user asking IT help for itself")
    staff = release(app, by_model)
    page = staff.get("/staff/screening").get_data(as_text=True)
    month = datetime.now(UTC).strftime("%Y-%m")
    assert table_rows(page) == [
        (month, "Not an IT provider", "3", "1", "33"),
        (month, "Not an IT provider by the word model alone", "1", "1", "100")]


def table_rows(page: str) -> list[tuple[str, ...]]:
    """The quality table's rows as text: month, rule, set aside, released, rate."""
    body = page.split("<tbody>")[1].split("</tbody>")[0]
    return [tuple(" ".join(re.sub(r"<[^>]+>", " ", cell).split()).rstrip("%")
                  for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S))
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def test_the_quality_page_shows_overrides_per_rule_with_the_latest_reasons(app, leads):
    staff = release(app, leads["handled"])
    page = staff.get("/staff/screening").get_data(as_text=True)
    month = datetime.now(UTC).strftime("%Y-%m")
    assert f"<td>{month}</td>" in page
    assert '<td class="num">3</td><td class="num">1</td>' in page  # 3 too large, 1 released
    assert "33%" in page
    assert "A 20-person MSP division" in page
    assert f'href="/staff/leads/{leads["handled"]}"' in page
