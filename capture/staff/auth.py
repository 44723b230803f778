"""Log in and out. A failed login says only "email or password is wrong";
attempts are throttled per IP and per account through the shared limiter."""

import hashlib

from flask import current_app
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import session
from flask import url_for
from flask_limiter.errors import RateLimitExceeded
from flask_login import current_user
from flask_login import login_user
from flask_login import logout_user

from capture import accounts
from capture import errors
from capture.extensions import db
from capture.extensions import limiter
from capture.security import local_path
from capture.staff import bp
from capture.staff import now
from capture.staff.forms import ActionForm
from capture.staff.forms import LoginForm

WRONG = "Email or password is wrong."
THROTTLED = "Too many attempts; try again in a few minutes."


def _account_key() -> str:
    """Hashed, so whatever was typed (spaces, control characters, 10 KB of it) is a
    key every limiter storage accepts; memcached refuses spaces and long keys."""
    typed = (request.form.get("email") or "").strip().lower()
    return "login-account:" + hashlib.sha256(typed.encode("utf-8", "replace")).hexdigest()


def _failed(response) -> bool:
    """Only failed logins count against an account, so a person who logs in and out
    all day is never locked out; every POST counts against the IP."""
    return response.status_code != 302


def safe_next(target: str | None) -> str | None:
    """Only a relative path inside /staff: never another host, scheme or '//'."""
    return local_path(target, prefix="/staff/")


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT_PER_IP"], methods=["POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT_PER_ACCOUNT"], methods=["POST"],
               key_func=_account_key, deduct_when=_failed)
def login():
    if current_user.is_authenticated and request.method == "GET":
        return redirect(url_for("staff.queue"))
    form = LoginForm()
    if form.validate_on_submit():
        user = accounts.authenticate(
            db.session, form.email.data, form.password.data,
            hasher=accounts.hasher_from_config(current_app.config), now=now())
        if user is not None:
            session.clear()
            session.permanent = True
            login_user(user)
            current_app.logger.info("staff login: %s from %s", user.email, request.remote_addr)
            return redirect(safe_next(request.args.get("next")) or url_for("staff.queue"))
        current_app.logger.warning("failed staff login for %r from %s",
                                   (form.email.data or "")[:254], request.remote_addr)
        return render_template("staff/login.html", form=form, error=WRONG), 401
    status = 400 if request.method == "POST" else 200
    return render_template("staff/login.html", form=form, error=None), status


@bp.errorhandler(RateLimitExceeded)
def throttled(error: RateLimitExceeded):
    if request.endpoint == "staff.login":
        form = LoginForm()
        response = current_app.make_response(
            (render_template("staff/login.html", form=form, error=THROTTLED), 429))
        response.headers["Retry-After"] = "60"
        return response
    return errors.handle_http_error(error)


@bp.post("/logout")
def logout():
    """Ends every session of the account, not only this cookie: a copy of it taken
    before (on a shared computer, by malware) is worthless afterwards."""
    ActionForm()  # the CSRF token was checked before the view ran
    accounts.rotate_session_token(db.session, current_user)
    logout_user()
    session.clear()
    flash("You are logged out.", "info")
    return redirect(url_for("staff.login"))
