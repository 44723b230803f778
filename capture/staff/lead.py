"""One lead: every field, the verdict, history and notes, and the actions on it.

Each action is a POST to /staff/leads/<public_id>/<action> with a CSRF token,
served by one route over the ``ACTIONS`` table. Success redirects back to the lead
page with a message (post/redirect/get); a form that fails its checks is shown
again with the error beside the field (422); a change the rules refuse shows the
page again with the reason (409) and changes nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass

from flask import abort
from flask import flash
from flask import redirect
from flask import render_template
from flask import url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from capture import lifecycle
from capture import pipeline
from capture import queries
from capture import screening
from capture.app import followup_plan
from capture.app import screening_rules
from capture.app import screening_version
from capture.extensions import db
from capture.models import PUBLIC_ID
from capture.models import AuditEntry
from capture.models import Lead
from capture.models import Note
from capture.models import Touch
from capture.security import web_link
from capture.staff import bp
from capture.staff import now
from capture.staff import refusal
from capture.staff import today
from capture.staff.forms import ActionForm
from capture.staff.forms import AddTouchForm
from capture.staff.forms import LoseForm
from capture.staff.forms import NoteForm
from capture.staff.forms import OptionalReasonForm
from capture.staff.forms import ReasonForm
from capture.staff.forms import RejectForm
from capture.staff.forms import StageForm
from capture.staff.forms import WinForm
from capture.vocabulary import OUTCOMES


@dataclass(frozen=True)
class LeadAction:
    """One button on the lead page: the form it posts, the change it makes, and what
    staff read when it is done. ``change(lead, form)`` calls ``capture.lifecycle``."""

    form: type[FlaskForm]
    change: Callable
    done: str
    #: A decision on a lead of the queue: the message links the next lead to work on.
    then_next: bool = False


def _why(form) -> str:
    return form.reason.data or ""


#: URL segment -> action. A new action on a lead is one line here.
ACTIONS = {
    "claim": LeadAction(ActionForm, lambda lead, form: lifecycle.claim(
        db.session, lead, current_user, now()),
        "You claimed this lead; it is yours to accept or reject."),
    "unclaim": LeadAction(OptionalReasonForm, lambda lead, form: lifecycle.unclaim(
        db.session, lead, current_user, now(), _why(form)),
        "You released your claim; the lead is back in the queue."),
    "accept": LeadAction(OptionalReasonForm, lambda lead, form: lifecycle.accept(
        db.session, lead, current_user, now(), _why(form), template=followup_plan(),
        today=today()), "Lead accepted; its follow-up plan is below.", then_next=True),
    "reject": LeadAction(RejectForm, lambda lead, form: lifecycle.reject(
        db.session, lead, current_user, now(), _why(form), form.missed_reason.data),
        "Lead rejected.", then_next=True),
    "release": LeadAction(ReasonForm, lambda lead, form: lifecycle.release(
        db.session, lead, current_user, now(), _why(form)), "Lead released into the queue."),
    "spam": LeadAction(OptionalReasonForm, lambda lead, form: lifecycle.mark_spam(
        db.session, lead, current_user, now(), _why(form)), "Lead marked as spam.",
        then_next=True),
    "not-spam": LeadAction(OptionalReasonForm, lambda lead, form: lifecycle.mark_not_spam(
        db.session, lead, current_user, now(), screen=screening.screen,
        rules=screening_rules(), why=_why(form), version=screening_version()),
        "Lead marked as not spam and screened again."),
    "notes": LeadAction(NoteForm, lambda lead, form: lifecycle.add_note(
        db.session, lead, current_user, now(), form.body.data or ""), "Note added."),
    "stage": LeadAction(StageForm, lambda lead, form: pipeline.set_stage(
        db.session, lead, current_user, now(), form.stage.data, form.estimated_value.data),
        "Stage updated."),
    "win": LeadAction(WinForm, lambda lead, form: pipeline.win(
        db.session, lead, current_user, now(), form.value.data),
        "Won. The follow-up plan has ended; welcome the new customer."),
    "lose": LeadAction(LoseForm, lambda lead, form: pipeline.lose(
        db.session, lead, current_user, now(), today(), _why(form), template=followup_plan()),
        "Marked as lost; a check-in in six months keeps it in sight."),
    "reopen": LeadAction(OptionalReasonForm, lambda lead, form: pipeline.reopen(
        db.session, lead, current_user, now(), _why(form)), "Reopened: back in the pipeline."),
    "touches": LeadAction(AddTouchForm, lambda lead, form: pipeline.add_touch(
        db.session, lead, current_user, now(), kind="custom", label=form.label.data,
        due=form.due.data, template=followup_plan(), override=form.override.data),
        "Touch added to the plan."),
}


def get_lead(public_id: str) -> Lead:
    """Ids that could never have been issued are a 404 before any query."""
    if not PUBLIC_ID.fullmatch(public_id):
        abort(404)
    lead = db.session.scalar(select(Lead).where(Lead.public_id == public_id))
    if lead is None:
        abort(404)
    return lead


def render_lead(lead: Lead, status: int = 200, posted: tuple[str, FlaskForm] | None = None):
    """The lead page; ``posted`` is a form that failed, shown again with its errors."""
    history = db.session.scalars(
        select(AuditEntry).where(AuditEntry.lead_id == lead.id).order_by(AuditEntry.at,
                                                                          AuditEntry.id))
    notes = db.session.scalars(
        select(Note).where(Note.lead_id == lead.id).order_by(Note.at, Note.id))
    forms = {name: action.form(formdata=None) for name, action in ACTIONS.items()}
    if posted:
        forms[posted[0]] = posted[1]
    forms["stage"].stage.data = forms["stage"].stage.data or lead.stage or "new"
    touches = list(db.session.scalars(
        select(Touch).options(selectinload(Touch.owner), selectinload(Touch.completed_by))
        .where(Touch.lead_id == lead.id).order_by(Touch.due, Touch.id)))
    upcoming = [touch for touch in touches if touch.status == pipeline.OPEN]
    return render_template(
        "staff/lead.html",
        lead=lead,
        history=list(history),
        notes=list(notes),
        actions=lifecycle.available_actions(lead, current_user),
        page_url=web_link(lead.page_url),
        website=web_link(lead.website),
        forms=forms,
        touches=touches,
        next_touch=upcoming[0] if upcoming else None,
        today=today(),
        outcomes=OUTCOMES,
    ), status


@bp.get("/leads/<public_id>")
def lead_page(public_id: str):
    return render_lead(get_lead(public_id))


@bp.post("/leads/<public_id>/<name>")
def act(public_id: str, name: str):
    """Validate the action's form (errors beside their field, 422), make the change
    (a refusal by the rules is a 409 with the reason), then post/redirect/get."""
    action = ACTIONS.get(name)
    if action is None:
        abort(404)
    lead = get_lead(public_id)
    form = action.form()
    if not form.validate():
        problems = "; ".join(f"{form[field].label.text}: {' '.join(messages)}"
                             for field, messages in form.errors.items())
        flash(f"Nothing was changed. {problems}", "error")
        return render_lead(lead, 422, (name, form))
    try:
        action.change(lead, form)
    except lifecycle.LifecycleError as error:
        db.session.rollback()
        db.session.refresh(lead)
        flash(refusal(error), "error")
        return render_lead(lead, 409, (name, form))
    flash(with_next_lead(action.done, lead) if action.then_next else action.done, "success")
    return redirect(url_for("staff.lead_page", public_id=lead.public_id), code=303)


def with_next_lead(done: str, decided: Lead) -> Markup:
    """The message after a decision, with a link to the next lead still queued (in
    the queue's order after the one just decided), or word that the queue is empty."""
    following = queries.next_queued(db.session, decided)
    if following is None:
        return Markup("{} The queue is empty: every lead in it has been decided.").format(done)
    return Markup('{} <a class="next-lead" href="{}">Next in the queue: {} ({})</a>').format(
        done, url_for("staff.lead_page", public_id=following.public_id), following.company,
        following.name)
