"""Build the capture service: settings, extensions, blueprints.

``create_app()`` works with no arguments, configured from ``CAPTURE_*``
environment variables over ``config.Defaults``. It lives here rather than in the
package root so that ``capture.contract`` (imported by the Pelican build) does
not pull in Flask, SQLAlchemy or Alembic."""

import math
import secrets
import threading
from datetime import timedelta
from pathlib import Path

import click
from flask import Flask
from flask import current_app
from jinja2 import ChoiceLoader
from jinja2 import FileSystemLoader
from sqlalchemy import event

from capture import articles
from capture import checkpoint
from capture import config as defaults
from capture import followup
from capture.extensions import csrf
from capture.extensions import db
from capture.extensions import limiter
from capture.extensions import login_manager
from capture.extensions import migrate
from capture.screening import ScreeningRules
from capture.screening import compile_rules
from capture.screening import rules_from_config
from capture.screening import rules_version

ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS_DIR = ROOT / "migrations"
# The article form template, shared with the site so the 422 page shows the same form.
THEME_TEMPLATES = ROOT / "theme" / "templates"
CONTENT_ARTICLES = ROOT / "content" / "articles"


class ConfigurationError(RuntimeError):
    """A setting is missing or wrong; the message says which and how to fix it."""


def create_app(config=None):
    app = Flask(__name__, instance_relative_config=True)
    app.json.sort_keys = False
    app.config.from_object(defaults.Defaults)
    app.config.from_prefixed_env("CAPTURE")
    if config:
        app.config.update(config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    _resolve_settings(app)

    app.jinja_loader = ChoiceLoader([app.jinja_loader, FileSystemLoader(THEME_TEMPLATES)])
    try:
        # Read once, so a bad threshold or phrase list stops the start, not every lead.
        app.extensions["screening_rules"] = rules_from_config(app.config)
        app.extensions["screening_version"] = rules_version(app.extensions["screening_rules"])
    except ValueError as error:
        raise ConfigurationError(f"screening settings: {error}") from None
    try:
        app.extensions["followup_plan"] = followup.load_template(app.config["FOLLOWUP_PLAN"])
    except followup.PlanError as error:
        raise ConfigurationError(f"CAPTURE_FOLLOWUP_PLAN: {error}") from None
    app.extensions["article_titles"] = articles.read_titles(
        app.config["CONTENT_DIR"] or CONTENT_ARTICLES)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS_DIR), render_as_batch=True)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            event.listen(db.engine, "connect", _sqlite_pragmas(app.config))
            checkpoint.start(app, db.engine)

    from capture import cli
    from capture import errors
    from capture import public
    from capture import security
    from capture import staff

    errors.init_app(app)
    security.init_app(app)
    app.register_blueprint(public.bp)
    csrf.exempt(public.bp)
    app.register_blueprint(staff.bp)
    cli.init_app(app)
    if app.config["SERVE_SITE"]:
        from capture import devsite

        devsite.init_app(app)
    return app


def compile_screening_in_background(app: Flask) -> threading.Thread:
    """Compile the app's screening patterns on a thread of their own, and return it.

    Servers call this as a worker starts (``capture.gunicorn_conf``, ``make run``), so
    no visitor's POST /leads waits the 1.5 s of compiling every phrase list, and the
    worker answers meanwhile; a command line process (``flask db upgrade``, the outbox
    sender) screens nothing or little and compiles only what it uses.
    """
    worker = threading.Thread(target=compile_rules, args=(app.extensions["screening_rules"],),
                              name="compile-screening", daemon=True)
    worker.start()
    return worker


def screening_rules() -> ScreeningRules:
    """The current app's screening rules, built from its configuration at start."""
    return current_app.extensions["screening_rules"]


def screening_version() -> str:
    """The short hash of the rules above, stored with every verdict they make."""
    return current_app.extensions["screening_version"]


def followup_plan() -> followup.PlanTemplate:
    """The follow-up plan template, read from its file at start."""
    return current_app.extensions["followup_plan"]


def article_titles() -> dict[str, str]:
    """Slug -> title of the site's articles, read from their front matter at start."""
    return current_app.extensions["article_titles"]


def _resolve_settings(app: Flask) -> None:
    """Turn environment-shaped values into what the code uses, and fail early on gaps."""
    cfg = app.config
    cfg["ENV"] = str(cfg.get("ENV") or "development").lower()
    production = cfg["ENV"] == "production"
    if not cfg.get("SECRET_KEY"):
        if production and _serves_requests():
            raise ConfigurationError(
                "CAPTURE_SECRET_KEY is not set. In production the service needs a fixed secret "
                "key: set CAPTURE_SECRET_KEY to a long random string, for example the output of "
                "python -c 'import secrets; print(secrets.token_hex(32))'."
            )
        cfg["SECRET_KEY"] = _development_secret_key(Path(app.instance_path))
    if cfg.get("SESSION_COOKIE_SECURE") is None:
        cfg["SESSION_COOKIE_SECURE"] = production
    cfg["REMEMBER_COOKIE_SECURE"] = cfg["SESSION_COOKIE_SECURE"]

    url = cfg.get("DATABASE_URL") or f"sqlite:///{Path(app.instance_path) / 'capture.db'}"
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            url = "postgresql+psycopg://" + url[len(prefix):]
    cfg["SQLALCHEMY_DATABASE_URI"] = url
    cfg.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {"pool_pre_ping": True})
    try:
        seconds = float(cfg.get("SQLITE_CHECKPOINT_SECONDS") or 0)
        if not math.isfinite(seconds):
            raise ValueError
    except (TypeError, ValueError):
        raise ConfigurationError(
            f"CAPTURE_SQLITE_CHECKPOINT_SECONDS={cfg['SQLITE_CHECKPOINT_SECONDS']!r}: use a "
            "number of seconds, such as 1, or 0 to leave checkpoints to SQLite.") from None
    cfg["SQLITE_CHECKPOINT_SECONDS"] = seconds

    cfg["ALLOWED_ORIGINS"] = _as_list(cfg.get("ALLOWED_ORIGINS"), strip_slash=True)
    cfg["STAFF_RECIPIENTS"] = _as_list(cfg.get("STAFF_RECIPIENTS"))
    cfg["SITE_URL"] = str(cfg["SITE_URL"]).rstrip("/")
    cfg["SERVICE_URL"] = str(cfg["SERVICE_URL"]).rstrip("/")
    if not cfg.get("THANKS_URL"):
        cfg["THANKS_URL"] = cfg["SITE_URL"] + "/thanks.html"
    cfg["PERMANENT_SESSION_LIFETIME"] = timedelta(minutes=int(cfg["IDLE_TIMEOUT_MINUTES"]))
    if cfg.get("HSTS_SECONDS") is None:
        cfg["HSTS_SECONDS"] = 31_536_000 if production else 0
    app.logger.setLevel(str(cfg.get("LOG_LEVEL") or "INFO").upper())


def _serves_requests() -> bool:
    """CLI commands such as ``db upgrade`` or ``leads export`` serve no requests and so
    never need the secret key; ``flask run``, gunicorn and plain imports do."""
    ctx = click.get_current_context(silent=True)
    return ctx is None or ctx.command.name == "run"


def _development_secret_key(instance: Path) -> str:
    """Generated once and kept, so development sessions survive restarts."""
    key_file = instance / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    key = secrets.token_hex(32)
    key_file.write_text(key + "\n")
    key_file.chmod(0o600)
    return key


def _as_list(value, strip_slash: bool = False) -> list[str]:
    """Accept a JSON list (parsed by from_prefixed_env) or a comma-separated string."""
    items = value.split(",") if isinstance(value, str) else list(value or [])
    items = [str(item).strip() for item in items if str(item).strip()]
    return [item.rstrip("/") for item in items] if strip_slash else items


def _sqlite_pragmas(cfg):
    synchronous = str(cfg["SQLITE_SYNCHRONOUS"]).upper()
    if synchronous not in {"OFF", "NORMAL", "FULL", "EXTRA"}:
        raise ConfigurationError(
            f"CAPTURE_SQLITE_SYNCHRONOUS={synchronous!r}: use FULL (default), NORMAL, EXTRA or OFF."
        )
    busy_ms = int(cfg["SQLITE_BUSY_TIMEOUT_MS"])
    background_checkpoints = checkpoint.interval(cfg) > 0

    def on_connect(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA synchronous={synchronous}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
        if background_checkpoints:
            cursor.execute(f"PRAGMA wal_autocheckpoint={checkpoint.SAFETY_PAGES}")
        cursor.close()

    return on_connect
