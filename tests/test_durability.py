"""Nothing is lost: what was acknowledged is on disk, whatever happens to the process."""

import shutil
import sqlite3
import time
from contextlib import closing

import pytest
from sqlalchemy import select
from sqlalchemy import text

from capture.app import ConfigurationError
from capture.extensions import db
from capture.models import Lead
from tests.conftest import make_app


def test_acknowledged_lead_survives_recreating_the_app(database_url, submission):
    first_app = make_app(database_url)
    response = first_app.test_client().post("/leads", json=submission)
    assert response.status_code == 201
    lead_id = response.get_json()["id"]
    with first_app.app_context():
        db.engine.dispose()
    del first_app

    second_app = make_app(database_url)
    with second_app.app_context():
        lead = db.session.scalar(select(Lead).where(Lead.public_id == lead_id))
        assert lead is not None
        assert lead.email == submission["email"]
        assert lead.received_at.tzinfo is not None


@pytest.mark.sqlite_only
def test_sqlite_runs_in_wal_mode_with_full_sync_and_foreign_keys(app):
    with app.app_context():
        pragmas = {
            name: db.session.execute(text(f"PRAGMA {name}")).scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    assert pragmas == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1,
                       "busy_timeout": 10000}


@pytest.mark.sqlite_only
def test_normal_sync_can_be_chosen(database_url):
    app = make_app(database_url, SQLITE_SYNCHRONOUS="NORMAL")
    with app.app_context():
        assert db.session.execute(text("PRAGMA synchronous")).scalar() == 1


def leads_in_main_file(database_path, tmp_path) -> int:
    """Leads in the database file itself, without its WAL: what checkpoints wrote."""
    copy = tmp_path / "main-file-only.db"
    shutil.copyfile(database_path, copy)
    with closing(sqlite3.connect(copy)) as connection:
        return connection.execute("SELECT count(*) FROM leads").fetchone()[0]


@pytest.mark.sqlite_only
def test_a_server_checkpoints_the_wal_on_a_thread_not_in_a_request(database_url, tmp_path,
                                                                   submission):
    app = make_app(database_url, SQLITE_CHECKPOINT_SECONDS="0.05")
    with app.app_context():
        assert db.session.execute(text("PRAGMA wal_autocheckpoint")).scalar() == 10_000
        path = db.engine.url.database
    assert app.extensions["wal_checkpointer"].is_alive()
    assert app.test_client().post("/leads", json=submission).status_code == 201

    # One lead's seventeen pages are far below any automatic checkpoint: only the
    # thread writes them.
    deadline = time.monotonic() + 10
    while leads_in_main_file(path, tmp_path) == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert leads_in_main_file(path, tmp_path) == 1


@pytest.mark.sqlite_only
def test_without_the_setting_sqlite_checkpoints_in_the_commit_as_usual(database_url):
    app = make_app(database_url)
    with app.app_context():
        assert db.session.execute(text("PRAGMA wal_autocheckpoint")).scalar() == 1000


@pytest.mark.parametrize("value", ["soon", "nan", "inf"])
def test_a_checkpoint_interval_that_is_not_a_number_is_refused(database_url, value):
    with pytest.raises(ConfigurationError, match=f"CAPTURE_SQLITE_CHECKPOINT_SECONDS='{value}'"):
        make_app(database_url, SQLITE_CHECKPOINT_SECONDS=value)
