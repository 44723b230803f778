"""A staff member's own account: change the password, log out everywhere."""

from datetime import timedelta

from flask import Response
from flask import abort
from flask import current_app
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import session
from flask import url_for
from flask_login import current_user
from flask_login import login_user
from sqlalchemy import select

from capture import accounts
from capture import calendar
from capture import followup
from capture import queries
from capture.extensions import db
from capture.models import StaffUser
from capture.staff import bp
from capture.staff import now
from capture.staff.forms import ActionForm
from capture.staff.forms import ChangePasswordForm
from capture.staff.forms import TimeZoneForm

COMMON_ZONES = ("UTC", "America/New_York", "America/Chicago", "America/Denver",
                "America/Phoenix", "America/Los_Angeles", "America/Anchorage",
                "Pacific/Honolulu", "America/Toronto", "Europe/London", "Europe/Berlin",
                "Asia/Kolkata", "Australia/Sydney")


def render_account(form: ChangePasswordForm | None = None, status: int = 200,
                   zone_form: TimeZoneForm | None = None):
    if zone_form is None:
        zone_form = TimeZoneForm(formdata=None, time_zone=current_user.time_zone)
    return render_template("staff/account.html", form=form or ChangePasswordForm(formdata=None),
                           zone_form=zone_form, zones=COMMON_ZONES,
                           calendar_url=session.pop("calendar_url", None),
                           action_form=ActionForm()), status


@bp.get("/account")
def account_page():
    return render_account()


@bp.post("/account/password")
def change_password():
    """Every other session of the account ends; this one continues on the new token."""
    form = ChangePasswordForm()
    if not form.validate():
        return render_account(form, 422)
    try:
        accounts.change_own_password(
            db.session, current_user, form.current.data, form.password.data,
            hasher=accounts.hasher_from_config(current_app.config), now=now())
    except accounts.WrongPassword as error:
        db.session.rollback()
        form.current.errors = [*form.current.errors, str(error)]
        return render_account(form, 422)
    except accounts.WeakPassword as error:
        db.session.rollback()
        form.password.errors = [*form.password.errors, str(error)]
        return render_account(form, 422)
    login_user(current_user._get_current_object())
    flash("Password changed. Your other sessions have ended.", "success")
    return redirect(url_for("staff.account_page"), code=303)


@bp.post("/account/logout-everywhere")
def logout_everywhere():
    ActionForm()  # the CSRF token was checked before the view ran
    accounts.end_sessions(db.session, current_user, actor=current_user, now=now())
    flash("Every session of your account has ended, this one too.", "info")
    return redirect(url_for("staff.login"), code=303)


@bp.post("/account/time-zone")
def set_time_zone():
    """Dates on Today, the digest and every page follow this person's own clock."""
    form = TimeZoneForm()
    if not form.validate():
        return render_account(status=422, zone_form=form)
    current_user.time_zone = form.time_zone.data
    db.session.commit()
    flash(f"Times are now shown in {form.time_zone.data}.", "success")
    return redirect(url_for("staff.account_page"), code=303)


@bp.post("/account/calendar")
def renew_calendar():
    """A new feed address (the old one, if any, stops working); shown once."""
    ActionForm()  # the CSRF token was checked before the view ran
    token, digest = calendar.new_token()
    current_user.calendar_token_hash = digest
    db.session.commit()
    flash("Your calendar feed address is below: add it to Outlook or Google Calendar "
          "(“subscribe from URL”). It is shown only now; renew it to get a new one.", "success")
    session["calendar_url"] = url_for("staff.calendar_feed", token=token, _external=True)
    return redirect(url_for("staff.account_page"), code=303)


@bp.post("/account/calendar/revoke")
def revoke_calendar():
    ActionForm()  # the CSRF token was checked before the view ran
    current_user.calendar_token_hash = None
    db.session.commit()
    flash("Your calendar feed is switched off; its address no longer works.", "info")
    return redirect(url_for("staff.account_page"), code=303)


@bp.get("/calendar/<token>.ics")
def calendar_feed(token: str):
    """Open without a login (calendar apps cannot log in): the secret is the key."""
    if len(token) > 100:
        abort(404)
    user = db.session.scalar(select(StaffUser).where(
        StaffUser.calendar_token_hash == calendar.token_hash(token),
        StaffUser.active.is_(True)))
    if user is None:
        abort(404)
    stamp = now()
    horizon = followup.local_today(stamp, user.time_zone) + timedelta(days=366)
    body = calendar.feed(user, queries.due_touches(db.session, horizon, user.id),
                         service_url=current_app.config["SERVICE_URL"],
                         domain=request.host.split(":")[0] or "localhost", now=stamp)
    return Response(body, mimetype="text/calendar",
                    headers={"Content-Disposition": "inline; filename=followups.ics"})
