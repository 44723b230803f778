"""The app factory: configuration from the environment, secrets, the dev site."""

import threading
from types import SimpleNamespace

import pytest

from capture import ConfigurationError
from capture import create_app
from capture import gunicorn_conf
from capture import screening
from capture.app import _development_secret_key
from tests.conftest import TEST_CONFIG
from tests.conftest import make_app


def test_production_without_secret_key_is_a_clear_startup_error(database_url):
    config = TEST_CONFIG | {"SECRET_KEY": None, "ENV": "production",
                            "DATABASE_URL": database_url}
    with pytest.raises(ConfigurationError, match="CAPTURE_SECRET_KEY"):
        create_app(config)


def test_production_sets_secure_cookies(database_url):
    app = make_app(database_url, ENV="production")
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_development_cookies_work_over_plain_http(app):
    assert app.config["SESSION_COOKIE_SECURE"] is False


def test_development_key_is_generated_once_and_kept(tmp_path):
    first = _development_secret_key(tmp_path)
    assert len(first) >= 64
    assert _development_secret_key(tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_environment_overrides_defaults(monkeypatch, database_url):
    monkeypatch.setenv("CAPTURE_SCREEN_MAX_EMPLOYEES", "1000")
    monkeypatch.setenv("CAPTURE_ALLOWED_ORIGINS", '["https://a.example", "https://b.example/"]')
    monkeypatch.setenv("CAPTURE_RATELIMIT_ENABLED", "false")
    app = create_app({"DATABASE_URL": database_url, "SECRET_KEY": "k"})
    assert app.config["SCREEN_MAX_EMPLOYEES"] == 1000
    assert app.config["ALLOWED_ORIGINS"] == ["https://a.example", "https://b.example"]
    assert app.config["RATELIMIT_ENABLED"] is False


def test_postgres_urls_use_psycopg3(database_url):
    app = create_app(TEST_CONFIG | {"DATABASE_URL": "postgresql://u@127.0.0.1/x"})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@127.0.0.1/x"


def test_thanks_url_defaults_to_the_sites_thank_you_page(database_url):
    app = create_app({"DATABASE_URL": database_url, "SECRET_KEY": "k"})
    assert app.config["THANKS_URL"] == "http://127.0.0.1:8000/thanks.html"


@pytest.mark.sqlite_only
def test_bad_sqlite_synchronous_value_says_what_to_use(database_url):
    with pytest.raises(ConfigurationError, match="FULL"):
        make_app(database_url, SQLITE_SYNCHRONOUS="sometimes")


@pytest.fixture
def site_app(database_url, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<h1>home</h1>")
    (site / "404.html").write_text("<h1>not here</h1>")
    (site / "a.html").write_text("<h1>article</h1>")
    return make_app(database_url, SERVE_SITE=str(site))


def fetch(client, path):
    """File responses stream; read and close them so no file handle is left open."""
    with client.get(path) as response:
        return response.status_code, response.get_data(as_text=True)


def test_development_serves_the_built_site_beside_the_service(site_app):
    client = site_app.test_client()
    assert fetch(client, "/") == (200, "<h1>home</h1>")
    assert fetch(client, "/a.html") == (200, "<h1>article</h1>")
    assert fetch(client, "/nope.html") == (404, "<h1>not here</h1>")
    assert fetch(client, "/../pyproject.toml")[0] == 404
    assert client.get("/openapi.json").is_json


def test_site_is_not_served_unless_asked(client):
    assert client.get("/").status_code in (302, 404)


def test_bad_screening_setting_stops_the_start_with_its_name(database_url):
    with pytest.raises(ConfigurationError, match="SCREEN_MAX_EMPLOYEES"):
        make_app(database_url, SCREEN_MAX_EMPLOYEES="lots")


def test_a_gunicorn_worker_compiles_every_screening_pattern_as_it_starts(database_url):
    """capture.gunicorn_conf's post_worker_init: on a thread of its own, so the worker
    answers meanwhile, and afterwards no POST /leads compiles anything."""
    # A phrase list of its own, so nothing of it is compiled yet in this process.
    app = make_app(database_url, SCREEN_OWN_IT_REQUESTS=["need a plumber", "fix our sink"])
    rules = app.extensions["screening_rules"]
    gunicorn_conf.post_worker_init(SimpleNamespace(wsgi=app))
    (thread,) = [t for t in threading.enumerate() if t.name == "compile-screening"]
    thread.join(timeout=60)
    misses = screening._compiled.cache_info().misses
    screening.screen({"company_type": "msp", "message": "We need a plumber today."}, rules)
    assert screening._compiled.cache_info().misses == misses


def test_gunicorn_workers_checkpoint_sqlite_on_a_thread_unless_told_otherwise(monkeypatch):
    """capture.gunicorn_conf's on_starting, in the master before any worker builds
    its app: the setting reaches every worker through the environment."""
    server = SimpleNamespace(cfg=SimpleNamespace(workers=1), log=None)
    for given, expected in ((None, "1"), ("0", "0")):
        environment = {} if given is None else {"CAPTURE_SQLITE_CHECKPOINT_SECONDS": given}
        monkeypatch.setattr(gunicorn_conf.os, "environ", environment)
        gunicorn_conf.on_starting(server)
        assert environment["CAPTURE_SQLITE_CHECKPOINT_SECONDS"] == expected
