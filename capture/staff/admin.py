"""Admin pages: the audit log and staff accounts."""

from flask import abort
from flask import current_app
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from capture import accounts
from capture import outbox
from capture.extensions import db
from capture.models import AuditEntry
from capture.models import StaffUser
from capture.staff import admin_required
from capture.staff import bp
from capture.staff import now
from capture.staff.forms import AccountForm
from capture.staff.forms import ActionForm

AUDIT_PAGE = 100


@bp.get("/audit")
@admin_required
def audit():
    """Newest first; ``before`` is the last id shown (keyset, like the lists)."""
    query = (select(AuditEntry)
             .options(selectinload(AuditEntry.lead), selectinload(AuditEntry.actor))
             .order_by(AuditEntry.id.desc()).limit(AUDIT_PAGE + 1))
    before = request.args.get("before", "")
    if before.isdigit() and len(before) <= 18:  # longer is no id, and would overflow
        query = query.where(AuditEntry.id < int(before))
    entries = list(db.session.scalars(query))
    more = len(entries) > AUDIT_PAGE
    entries = entries[:AUDIT_PAGE]
    next_url = url_for("staff.audit", before=entries[-1].id) if more else None
    return render_template("staff/audit.html", entries=entries, next_url=next_url,
                           first_url=url_for("staff.audit") if before else None)


def render_accounts(form: AccountForm, status: int = 200):
    users = db.session.scalars(select(StaffUser).order_by(StaffUser.email))
    return render_template("staff/accounts.html", users=list(users), form=form,
                           action_form=ActionForm()), status


@bp.get("/accounts")
@admin_required
def accounts_page():
    return render_accounts(AccountForm(formdata=None))


@bp.post("/accounts")
@admin_required
def create_account():
    form = AccountForm()
    if not form.validate():
        return render_accounts(form, 422)
    try:
        user = accounts.create_staff(
            db.session, form.email.data, form.password.data, role=form.role.data,
            hasher=accounts.hasher_from_config(current_app.config), actor=current_user,
            now=now())
    except accounts.AccountError as error:
        db.session.rollback()
        field = form.password if isinstance(error, accounts.WeakPassword) else form.email
        field.errors = [*field.errors, str(error)]
        return render_accounts(form, 422)
    flash(f"Created {user.email} ({user.role}).", "success")
    return redirect(url_for("staff.accounts_page"), code=303)


@bp.post("/accounts/<int(max=2147483647):user_id>/<any(disable, enable):change>")
@admin_required
def set_account_active(user_id: int, change: str):
    user = db.session.get(StaffUser, user_id)
    if user is None:
        abort(404)
    if user.id == current_user.id:
        flash("You cannot disable your own account.", "error")
        return render_accounts(AccountForm(formdata=None), 409)
    accounts.set_active(db.session, user.email, change == "enable", actor=current_user,
                        now=now())
    flash(f"{'Enabled' if change == 'enable' else 'Disabled'} {user.email}.", "success")
    return redirect(url_for("staff.accounts_page"), code=303)


@bp.get("/outbox")
@admin_required
def outbox_page():
    """Mail that has not gone out: waiting rows with their last error, and failed ones."""
    return render_template("staff/outbox.html", rows=outbox.undelivered(db.session),
                           action_form=ActionForm())


@bp.post("/outbox/<int(max=2147483647):row_id>/retry")
@admin_required
def retry_mail(row_id: int):
    ActionForm()  # the CSRF token was checked before the view ran
    if outbox.retry_now(db.session, row_id, now()):
        flash("It will be sent on the outbox worker's next round.", "success")
    else:
        flash("That message is no longer waiting or failed.", "info")
    return redirect(url_for("staff.outbox_page"), code=303)
