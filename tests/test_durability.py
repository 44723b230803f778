"""Nothing is lost: what was acknowledged is on disk, whatever happens to the process."""

import pytest
from sqlalchemy import select
from sqlalchemy import text

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
