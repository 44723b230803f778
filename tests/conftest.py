"""Shared fixtures: a migrated SQLite file per test, the real app, its clients."""

import shutil

import pytest
from flask_migrate import upgrade

from capture import create_app
from capture.extensions import db

TEST_CONFIG = {
    "TESTING": True,
    "SECRET_KEY": "test-secret-key",
    "RATELIMIT_ENABLED": False,
    "SITE_URL": "http://site.test",
    "ALLOWED_ORIGINS": ["http://site.test", "http://127.0.0.1:8000"],
    "THANKS_URL": "http://site.test/thanks.html",
}


def make_app(db_file, **overrides):
    return create_app(TEST_CONFIG | {"DATABASE_URL": f"sqlite:///{db_file}"} | overrides)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory):
    """Run the real Alembic migrations once; each test gets a copy of the result."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    app = make_app(path)
    with app.app_context():
        upgrade()
        db.engine.dispose()
    return path


@pytest.fixture
def db_file(tmp_path, migrated_template):
    path = tmp_path / "capture.db"
    shutil.copyfile(migrated_template, path)
    return path


@pytest.fixture
def app(db_file):
    app = make_app(db_file)
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def submission():
    """A qualified lead as the article form sends it."""
    return {
        "name": "Dana Whitfield",
        "email": "dana@northwind-it.example",
        "phone": "+1 555 0100",
        "company": "Northwind IT Services",
        "website": "https://northwind-it.example",
        "company_type": "msp",
        "employees": "25",
        "monthly_budget": "3000",
        "role": "owner",
        "interest": "appointment_setting",
        "message": "We manage networks for 40 dental offices and want more meetings.",
        "consent": "yes",
        "source": "what-is-a-qualified-sales-lead",
        "page_url": "http://site.test/what-is-a-qualified-sales-lead.html",
        "utm_source": "newsletter",
        "utm_medium": "email",
        "utm_campaign": "spring",
        "company_fax": "",
    }
