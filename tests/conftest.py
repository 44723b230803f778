"""Shared fixtures: a migrated database per test, the real app, its clients.

The suite runs on SQLite by default and on a real PostgreSQL server with
``pytest --db=postgresql`` (`make test` does both). Either way each test gets
its own freshly migrated database, copied from one that the real Alembic
migrations built once per session.
"""

import shutil
import socket
import threading
import uuid
from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from flask_migrate import upgrade
from sqlalchemy import select
from werkzeug.datastructures import MultiDict
from werkzeug.serving import make_server

from capture import accounts
from capture import create_app
from capture import intake
from capture.extensions import db
from capture.forms import LeadForm
from capture.models import AuditEntry
from capture.models import Lead
from capture.screening import rules_from_config
from tests import postgres
from tests.smtp_sink import SmtpSink

TEST_CONFIG = {
    "TESTING": True,
    "SECRET_KEY": "test-secret-key",
    "RATELIMIT_ENABLED": False,
    "SITE_URL": "http://site.test",
    "ALLOWED_ORIGINS": ["http://site.test", "http://127.0.0.1:8000"],
    "THANKS_URL": "http://site.test/thanks.html",
}


_apps_of_this_test = []


def make_app(database_url, **overrides):
    app = create_app(TEST_CONFIG | {"DATABASE_URL": database_url} | overrides)
    _apps_of_this_test.append(app)
    return app


@pytest.fixture(autouse=True)
def close_connections():
    """Close every pooled connection a test's apps opened, so none is left to the
    garbage collector (psycopg warns then) and each test's database can be dropped."""
    yield
    while _apps_of_this_test:
        app = _apps_of_this_test.pop()
        if "wal_checkpointer" in app.extensions:
            app.extensions["wal_checkpointer"].stop()
        with app.app_context():
            db.engine.dispose()


def pytest_addoption(parser):
    parser.addoption("--db", choices=("sqlite", "postgresql"), default="sqlite",
                     help="the database every test's app runs on")


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only: about SQLite itself (PRAGMAs, files)")


def pytest_collection_modifyitems(config, items):
    """On PostgreSQL, leave out what only makes sense for SQLite, and what never opens
    a database (pure logic, `make run` on its own SQLite): the first run covered it.
    Deselected, not skipped: nothing is hidden, pytest counts them."""
    if config.getoption("--db") == "sqlite":
        return
    kept = [item for item in items if not item.get_closest_marker("sqlite_only")
            and "postgres_server" in getattr(item, "fixturenames", ())]
    config.hook.pytest_deselected(items=[item for item in items if item not in kept])
    items[:] = kept


@pytest.fixture
def sink():
    """A running SMTP sink; the test may take it down() and up() again."""
    sink = SmtpSink()
    sink.up()
    yield sink
    sink.down()


@pytest.fixture(scope="session")
def backend(request):
    return request.config.getoption("--db")


@pytest.fixture(scope="session")
def postgres_server(backend):
    if backend != "postgresql":
        yield None
        return
    with postgres.throwaway_server() as url:
        yield url


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory, postgres_server):
    """Run the real Alembic migrations once; each test gets a copy of the result."""
    if postgres_server:
        url = postgres.create_database(postgres_server, "leadpress_template")
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('template') / 'template.db'}"
    app = make_app(url)
    with app.app_context():
        upgrade()
        db.engine.dispose()
    return url


@pytest.fixture
def database_url(tmp_path, migrated_template, postgres_server):
    """A migrated database of this test's own."""
    if postgres_server:
        name = f"test_{uuid.uuid4().hex[:12]}"
        yield postgres.create_database(postgres_server, name, template="leadpress_template")
        postgres.drop_database(postgres_server, name)
    else:
        path = tmp_path / "capture.db"
        shutil.copyfile(migrated_template.removeprefix("sqlite:///"), path)
        yield f"sqlite:///{path}"


@pytest.fixture
def empty_database_url(tmp_path, postgres_server):
    """A database with no tables yet, for `db upgrade` itself."""
    if postgres_server:
        name = f"empty_{uuid.uuid4().hex[:12]}"
        yield postgres.create_database(postgres_server, name)
        postgres.drop_database(postgres_server, name)
    else:
        yield f"sqlite:///{tmp_path / 'empty.db'}"


@pytest.fixture
def new_database(tmp_path, migrated_template, postgres_server):
    """Make more databases for one test: ``new_database()`` a migrated one,
    ``new_database(migrated=False)`` one with no tables yet."""
    made = []

    def new(migrated: bool = True) -> str:
        name = f"{'extra' if migrated else 'empty'}_{uuid.uuid4().hex[:12]}"
        if postgres_server:
            made.append(name)
            return postgres.create_database(postgres_server, name, template=(
                "leadpress_template" if migrated else None))
        path = tmp_path / f"{name}.db"
        if migrated:
            shutil.copyfile(migrated_template.removeprefix("sqlite:///"), path)
        return f"sqlite:///{path}"

    yield new
    for name in made:
        postgres.drop_database(postgres_server, name)


@pytest.fixture
def app(database_url):
    return make_app(database_url)


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


# --- people and a lead, straight through the model layer (lifecycle, pipeline) -------

NOW = datetime(2026, 3, 2, 10, 42, tzinfo=UTC)
CHEAP = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield app


@pytest.fixture
def sam(ctx):
    return accounts.create_staff(db.session, "sam@example.com", "long password 1", hasher=CHEAP)


@pytest.fixture
def kim(ctx):
    return accounts.create_staff(db.session, "kim@example.com", "long password 1", hasher=CHEAP)


@pytest.fixture
def ada(ctx):
    return accounts.create_staff(db.session, "ada@example.com", "long password 1",
                                 role="admin", hasher=CHEAP)


def received(ctx, values: dict) -> Lead:
    """Through the endpoint's own validation and intake."""
    with ctx.test_request_context():
        form = LeadForm(formdata=MultiDict(values), meta={"csrf": False})
        assert form.validate(), form.errors
        cleaned = form.cleaned()
    receipt = intake.receive(db.engine, cleaned, rules=rules_from_config(ctx.config),
                             now=NOW - timedelta(days=3), duplicate_window=timedelta(0))
    return db.session.scalar(select(Lead).where(Lead.public_id == receipt.public_id))


@pytest.fixture
def lead(ctx, submission):
    return received(ctx, submission)


def entries(lead):
    return [(e.action, e.from_status, e.to_status, e.why, e.actor.email if e.actor else None)
            for e in db.session.scalars(
                select(AuditEntry).where(AuditEntry.lead_id == lead.id).order_by(AuditEntry.id))]



class LiveServer:
    """A real HTTP server on a loopback port for the whole session; each request
    goes to ``app``, which a test sets to its own app (and so its own database)."""

    def __init__(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        self.app = None
        self._httpd = make_server("127.0.0.1", port, self._forward, threaded=True)
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    def _forward(self, environ, start_response):
        return self.app(environ, start_response)

    def stop(self):
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture(scope="session")
def server():
    live_server = LiveServer()
    yield live_server
    live_server.stop()
