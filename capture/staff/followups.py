"""Today: the touches due today, overdue and this week, mine or everyone's, each one
click from done or rescheduled; and the touch actions the lead page uses too."""

from datetime import timedelta

from flask import abort
from flask import current_app
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_login import current_user

from capture import followup
from capture import pipeline
from capture import queries
from capture.app import followup_plan
from capture.extensions import db
from capture.lifecycle import LifecycleError
from capture.models import Touch
from capture.security import local_path
from capture.staff import bp
from capture.staff import now
from capture.staff import refusal
from capture.staff import today
from capture.staff.forms import RescheduleForm
from capture.staff.forms import TouchDoneForm
from capture.vocabulary import OUTCOMES

INT_ID = "int(max=2147483647)"


def _page_number() -> int:
    """?page=N of one group shown in full; anything else is the first page."""
    page = request.args.get("page", "")
    return int(page) if page.isascii() and page.isdigit() and 0 < len(page) < 7 and int(page) else 1


@bp.get("/today")
def today_page():
    """Each group shows its first TODAY_GROUP_SIZE touches and how many it holds;
    ``?show=overdue`` (or due_today, this_week) lists one group in full, a page at a time."""
    everyone = request.args.get("who") == "all"
    owner_id = None if everyone else current_user.id
    show = request.args.get("show")
    show = show if show in queries.AGENDA_GROUPS else None
    size = current_app.config["TODAY_GROUP_SIZE"]
    page = _page_number() if show else 1
    day = today()
    horizon = day + timedelta(days=followup.WEEK_AHEAD)
    # Each group comes from its own query, already in order: no sorting into groups here.
    groups = {group: queries.agenda_touches(db.session, group, day, horizon, owner_id,
                                            limit=size, offset=(page - 1) * size)
              for group in ((show,) if show else queries.AGENDA_GROUPS)}
    agenda = followup.Agenda(day, **groups,
                             totals=queries.agenda_totals(db.session, day, horizon, owner_id))
    return render_template("staff/today.html", agenda=agenda,
                           everyone=everyone, show=show, page=page, size=size,
                           outcomes=OUTCOMES)


def _touch(touch_id: int) -> Touch:
    touch = db.session.get(Touch, touch_id)
    if touch is None:
        abort(404)
    return touch


def _back(touch: Touch):
    """Back where the click came from: Today (with its filter) or the lead page."""
    target = local_path(request.form.get("next", ""), prefix="/staff/")
    return redirect(target or url_for("staff.lead_page", public_id=touch.lead.public_id),
                    code=303)


def _refused(touch: Touch, message: str):
    flash(message, "error")
    return _back(touch)


@bp.post(f"/touches/<{INT_ID}:touch_id>/done")
def touch_done(touch_id: int):
    touch = _touch(touch_id)
    form = TouchDoneForm()
    if not form.validate():
        return _refused(touch, "Nothing was changed. " + " ".join(
            message for messages in form.errors.values() for message in messages))
    try:
        following = pipeline.complete_touch(
            db.session, touch, current_user, now(), today(), outcome=form.outcome.data,
            note=form.note.data or "", template=followup_plan())
    except LifecycleError as error:
        db.session.rollback()
        return _refused(touch, refusal(error))
    message = f"Done: {touch.label} with {touch.lead.company}."
    if following:
        message += f" Next: {following.label} on {following.due:%b %-d, %Y}."
    flash(message, "success")
    return _back(touch)


@bp.post(f"/touches/<{INT_ID}:touch_id>/reschedule")
def touch_reschedule(touch_id: int):
    touch = _touch(touch_id)
    form = RescheduleForm()
    if not form.validate():
        return _refused(touch, "Nothing was changed. " + " ".join(
            message for messages in form.errors.values() for message in messages))
    try:
        pipeline.reschedule_touch(db.session, touch, current_user, now(), form.due.data,
                                  template=followup_plan(), override=form.override.data)
    except LifecycleError as error:
        db.session.rollback()
        return _refused(touch, refusal(error))
    flash(f"{touch.label} with {touch.lead.company} moved to {touch.due:%b %-d, %Y}.",
          "success")
    return _back(touch)
