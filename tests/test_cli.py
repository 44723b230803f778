"""The operator commands, through Flask's CLI runner and as a real subprocess."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from capture import export
from capture.extensions import db
from capture.models import PUBLIC_ID
from capture.models import Lead
from capture.models import new_public_id

ROOT = Path(__file__).resolve().parent.parent


def submit(client, submission, **changes):
    response = client.post("/leads", json=submission | changes)
    assert response.status_code == 201
    return response.get_json()["id"]


def test_export_writes_exactly_the_design_columns_oldest_first(client, runner, submission):
    first = submit(client, submission)
    second = submit(client, submission, employees="900", monthly_budget="100", role="technician")
    third = submit(client, submission, company_fax="bot")
    result = runner.invoke(args=["leads", "export", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(export.read_rows(io.StringIO(result.stdout)))
    assert result.stdout.splitlines()[0] == (
        "id,received_at,status,reasons,flags,name,email,company,company_type,employees,"
        "monthly_budget,role,interest,source"
    )
    assert [row["id"] for row in rows] == [first, second, third]
    assert [row["status"] for row in rows] == ["queued", "screened_out", "spam"]
    assert rows[1]["reasons"] == "too_large;under_budget"
    assert rows[1]["flags"] == "not_decision_maker"
    assert rows[0]["received_at"].endswith("+00:00")


def test_export_values_round_trip_including_formula_like_text(client, runner, submission):
    tricky = {
        "name": "=HYPERLINK(\"http://evil.example\",\"x\")",
        "company": "+Plus, \"Quoted\" & Co; second part",
        "source": "-minus",
        "email": "o'neil@acme.example",
    }
    submit(client, submission, **tricky)
    result = runner.invoke(args=["leads", "export", "--format", "csv"])
    [row] = list(export.read_rows(io.StringIO(result.stdout)))
    for field, value in tricky.items():
        assert row[field] == value
    assert row["employees"] == submission["employees"]
    raw_cells = result.stdout.splitlines()[1]
    assert raw_cells.split(",")[5].startswith("'=") or "\"'=HYPERLINK" in result.stdout


def test_guard_prefixes_every_dangerous_start():
    for value in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "'quoted"]:
        assert export.guard(value).startswith("'")
        assert export.unguard(export.guard(value)) == value
    assert export.guard("plain") == "plain"


def test_show_prints_the_lead_as_json(client, runner, submission):
    lead_id = submit(client, submission, employees="900")
    result = runner.invoke(args=["leads", "show", lead_id])
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["id"] == lead_id
    assert record["reasons"][0]["id"] == "too_large"
    assert "900" in record["reasons"][0]["sentence"].replace(",", "")


def test_show_unknown_id_says_what_to_do(runner):
    result = runner.invoke(args=["leads", "show", "nope"])
    assert result.exit_code != 0
    assert "no lead with id 'nope'" in result.output


def run_flask(database_url, *args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CAPTURE_")}
    environment |= {"CAPTURE_DATABASE_URL": database_url, **env}
    return subprocess.run(
        [sys.executable, "-m", "flask", "--app", "capture", *args],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120,
    )


def test_db_upgrade_and_export_work_as_an_operator_runs_them(empty_database_url):
    database_url = empty_database_url
    upgraded = run_flask(database_url, "db", "upgrade", CAPTURE_ENV="production")
    assert upgraded.returncode == 0, upgraded.stderr
    exported = run_flask(
        database_url, "leads", "export", "--format", "csv", CAPTURE_ENV="production"
    )
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.strip() == ",".join(export.COLUMNS)


def test_new_lead_ids_never_start_with_an_option_or_formula_character():
    ids = [new_public_id() for _ in range(20_000)]
    assert not [i for i in ids if i[0] in "-=+@_"]
    assert all(PUBLIC_ID.fullmatch(i) and len(i) == 22 for i in ids)
    assert len(set(ids)) == len(ids)
    assert {i[1] for i in ids} >= {"-", "_"}  # the rest keeps the URL-safe alphabet


def test_an_old_id_starting_with_a_dash_still_works_everywhere(app, client, runner,
                                                               submission):
    lead_id = submit(client, submission)
    old_id = "-" + lead_id[1:]
    with app.app_context():
        lead = db.session.scalar(select(Lead).where(Lead.public_id == lead_id))
        lead.public_id = old_id
        db.session.commit()
    result = runner.invoke(args=["leads", "show", old_id])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == old_id
    exported = runner.invoke(args=["leads", "export", "--format", "csv"]).stdout
    assert [row["id"] for row in export.read_rows(io.StringIO(exported))] == [old_id]
    assert f"\n'{old_id}," in exported  # guarded in the file, exact when read back


def test_show_says_what_to_do_with_an_id_that_cannot_exist(runner):
    for wrong in ("-x", "--x", "a" * 40, "a b"):
        result = runner.invoke(args=["leads", "show", wrong])
        assert result.exit_code == 1, wrong
        assert "no lead with id" in result.output
