"""The staff blueprint: login, the review queue, lead pages, the screened-out and
spam lists, the audit log and accounts. Every page needs a logged-in staff member
except the login page itself; the guard below is the one place that says so."""

import hmac
from datetime import UTC
from datetime import date
from datetime import datetime
from functools import wraps

from flask import Blueprint
from flask import abort
from flask import current_app
from flask import render_template
from flask import request
from flask_login import current_user
from flask_wtf.csrf import CSRFError

from capture import articles
from capture import errors
from capture import followup
from capture import outbox
from capture.app import article_titles
from capture.extensions import db
from capture.extensions import login_manager
from capture.lifecycle import LifecycleError
from capture.models import StaffUser
from capture.staff import display

bp = Blueprint("staff", __name__, url_prefix="/staff")

#: Endpoints an anonymous visitor may reach.
OPEN_ENDPOINTS = frozenset({"staff.login", "staff.calendar_feed"})

login_manager.login_view = "staff.login"
login_manager.login_message = "Please log in to see that page."
login_manager.login_message_category = "info"


@login_manager.user_loader
def load_user(session_id: str):
    """The cookie names the account and the token it was issued with. A new token
    (logout, password change, disabling, "log out everywhere") or a disabled account
    ends the session at its next request, wherever the cookie was copied to."""
    user_id, _, token = session_id.partition(":")
    if not user_id.isdigit() or len(user_id) > 18 or not token:
        return None
    user = db.session.get(StaffUser, int(user_id))
    if user is None or not user.active:
        return None
    return user if hmac.compare_digest(user.session_token, token) else None


@bp.before_request
def require_login():
    if request.endpoint in OPEN_ENDPOINTS:
        return None
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    return None


def admin_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not current_user.is_admin:
            abort(403)
        return view(*args, **kwargs)

    return wrapper


def now() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    """The logged-in staff member's calendar day, in their own time zone."""
    return followup.local_today(now(), current_user.time_zone)


@bp.after_request
def never_cache(response):
    """Lead data must not stay in a browser's or a proxy's cache after logout."""
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.context_processor
def staff_context() -> dict:
    context = {"site_url": current_app.config["SITE_URL"]}
    if current_user.is_authenticated:
        context["failed_mail"] = outbox.failed_count(db.session)
    return context


@bp.app_template_filter("age")
def age_filter(moment: datetime) -> str:
    return display.age_since(moment, now())


@bp.app_template_filter("money")
def money_filter(value: int) -> str:
    return display.money(value)


@bp.app_template_filter("label")
def label_filter(value: str, kind: str, short: bool = False) -> str:
    return display.label(kind, value or "", short)


@bp.app_template_filter("article")
def article_filter(slug: str) -> str:
    """A source article's title instead of its slug (the slug if the site has no such article)."""
    return articles.title(article_titles(), slug or "")


def local_time(moment: datetime) -> str:
    """A time in the staff member's own time zone (a setting on My account)."""
    zone = current_user.time_zone if current_user.is_authenticated else "UTC"
    return display.local_time(moment, zone)


def refusal(error: LifecycleError) -> str:
    """A refused change's message for the page, its times on the reader's clock."""
    return error.describe(local_time)


@bp.app_template_filter("when")
def when_filter(moment: datetime | None) -> str:
    return local_time(moment) if moment else ""


@bp.app_template_filter("day")
def day_filter(day: date | None) -> str:
    return display.day(day, today()) if day else ""


@bp.errorhandler(403)
def forbidden(error):
    """The app-wide 403 text is about origins of POST /leads; say what it means here."""
    return errors.render_error(403, "This page is for admins only.")


@bp.app_errorhandler(CSRFError)
def csrf_expired(error: CSRFError):
    """An expired session sends the person to log in; a stale form says to reload."""
    if (request.blueprint == "staff" and request.endpoint not in OPEN_ENDPOINTS
            and not current_user.is_authenticated):
        return login_manager.unauthorized()
    return render_template("staff/expired.html", reason=error.description), 400


from capture.staff import account  # noqa: E402,F401
from capture.staff import admin  # noqa: E402,F401
from capture.staff import auth  # noqa: E402,F401
from capture.staff import followups  # noqa: E402,F401
from capture.staff import lead  # noqa: E402,F401
from capture.staff import pipeline  # noqa: E402,F401
from capture.staff import quality  # noqa: E402,F401
from capture.staff import queue  # noqa: E402,F401
from capture.staff import reports  # noqa: E402,F401
