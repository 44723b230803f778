"""A staff member's own account: change the password, log out everywhere."""

from flask import current_app
from flask import flash
from flask import redirect
from flask import render_template
from flask import url_for
from flask_login import current_user
from flask_login import login_user

from capture import accounts
from capture.extensions import db
from capture.staff import bp
from capture.staff import now
from capture.staff.forms import ActionForm
from capture.staff.forms import ChangePasswordForm


def render_account(form: ChangePasswordForm | None = None, status: int = 200):
    return render_template("staff/account.html", form=form or ChangePasswordForm(formdata=None),
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
