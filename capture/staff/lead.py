"""One lead: every field, the verdict, history and notes, and the actions on it.

Each action is a POST to /staff/leads/<public_id>/<action> with a CSRF token.
Success redirects back to the lead page with a message (post/redirect/get); a
change the rules refuse shows the page again with the reason, status 409 (403 for
a role that may not do it), and changes nothing.
"""

from flask import abort
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_login import current_user
from sqlalchemy import select

from capture import lifecycle
from capture import screening
from capture import screening_rules
from capture.extensions import db
from capture.models import AuditEntry
from capture.models import Lead
from capture.models import Note
from capture.security import web_link
from capture.staff import bp
from capture.staff import now
from capture.staff.forms import ActionForm
from capture.staff.forms import NoteForm
from capture.staff.forms import OptionalReasonForm
from capture.staff.forms import ReasonForm

DONE = {
    "claim": "You claimed this lead; it is yours to accept or reject.",
    "unclaim": "You released your claim; the lead is back in the queue.",
    "accept": "Lead accepted.",
    "reject": "Lead rejected.",
    "release": "Lead released into the queue.",
    "mark_spam": "Lead marked as spam.",
    "mark_not_spam": "Lead marked as not spam and screened again.",
    "note": "Note added.",
}


def get_lead(public_id: str) -> Lead:
    lead = db.session.scalar(select(Lead).where(Lead.public_id == public_id))
    if lead is None:
        abort(404)
    return lead


def render_lead(lead: Lead, status: int = 200, **forms):
    history = db.session.scalars(
        select(AuditEntry).where(AuditEntry.lead_id == lead.id).order_by(AuditEntry.at,
                                                                          AuditEntry.id))
    notes = db.session.scalars(
        select(Note).where(Note.lead_id == lead.id).order_by(Note.at, Note.id))
    return render_template(
        "staff/lead.html",
        lead=lead,
        history=list(history),
        notes=list(notes),
        actions=lifecycle.available_actions(lead, current_user),
        page_url=web_link(lead.page_url),
        website=web_link(lead.website),
        action_form=ActionForm(),
        reject_form=forms.get("reject_form") or ReasonForm(formdata=None),
        release_form=forms.get("release_form") or ReasonForm(formdata=None),
        accept_form=OptionalReasonForm(formdata=None),
        note_form=forms.get("note_form") or NoteForm(formdata=None),
    ), status


@bp.get("/leads/<public_id>")
def lead_page(public_id: str):
    return render_lead(get_lead(public_id))


def _run(lead: Lead, action: str, change, **forms):
    try:
        change()
    except lifecycle.NotAllowed as error:
        db.session.rollback()
        flash(str(error), "error")
        return render_lead(lead, 403, **forms)
    except lifecycle.LifecycleError as error:
        db.session.rollback()
        db.session.refresh(lead)
        flash(str(error), "error")
        return render_lead(lead, 409, **forms)
    flash(DONE[action], "success")
    return redirect(url_for("staff.lead_page", public_id=lead.public_id), code=303)


def _reason_text() -> str:
    return request.form.get("reason", "")


@bp.post("/leads/<public_id>/claim")
def claim(public_id: str):
    lead = get_lead(public_id)
    return _run(lead, "claim", lambda: lifecycle.claim(db.session, lead, current_user, now()))


@bp.post("/leads/<public_id>/unclaim")
def unclaim(public_id: str):
    lead = get_lead(public_id)
    return _run(lead, "unclaim", lambda: lifecycle.unclaim(
        db.session, lead, current_user, now(), _reason_text()))


@bp.post("/leads/<public_id>/accept")
def accept(public_id: str):
    lead = get_lead(public_id)
    return _run(lead, "accept", lambda: lifecycle.accept(
        db.session, lead, current_user, now(), _reason_text()))


@bp.post("/leads/<public_id>/reject")
def reject(public_id: str):
    lead = get_lead(public_id)
    form = ReasonForm()
    return _run(lead, "reject", lambda: lifecycle.reject(
        db.session, lead, current_user, now(), form.reason.data or ""), reject_form=form)


@bp.post("/leads/<public_id>/release")
def release(public_id: str):
    lead = get_lead(public_id)
    form = ReasonForm()
    return _run(lead, "release", lambda: lifecycle.release(
        db.session, lead, current_user, now(), form.reason.data or ""), release_form=form)


@bp.post("/leads/<public_id>/spam")
def mark_spam(public_id: str):
    lead = get_lead(public_id)
    return _run(lead, "mark_spam", lambda: lifecycle.mark_spam(
        db.session, lead, current_user, now(), _reason_text()))


@bp.post("/leads/<public_id>/not-spam")
def mark_not_spam(public_id: str):
    lead = get_lead(public_id)
    return _run(lead, "mark_not_spam", lambda: lifecycle.mark_not_spam(
        db.session, lead, current_user, now(), screen=screening.screen,
        rules=screening_rules(), why=_reason_text()))


@bp.post("/leads/<public_id>/notes")
def add_note(public_id: str):
    lead = get_lead(public_id)
    form = NoteForm()
    return _run(lead, "note", lambda: lifecycle.add_note(
        db.session, lead, current_user, now(), form.body.data or ""), note_form=form)
