"""Staff forms. Every state-changing form carries Flask-WTF's CSRF token, and every
text field follows the public form's text rule (no control characters; one-line
fields hold no line breaks), so a NUL byte is a message beside the field on
SQLite and PostgreSQL alike, never a 500."""

from flask_wtf import FlaskForm
from wtforms import EmailField
from wtforms import PasswordField
from wtforms import SelectChoice
from wtforms import SelectField
from wtforms import TextAreaField
from wtforms.validators import DataRequired
from wtforms.validators import InputRequired
from wtforms.validators import Length

from capture import accounts
from capture.forms import plain_text

ONE_LINE = plain_text(one_line=True)
MULTI_LINE = plain_text(one_line=False)


class LoginForm(FlaskForm):
    # A plain text check: staff emails may be admin@localhost, which browsers and
    # email-validator would refuse.
    email = EmailField("Email", validators=[InputRequired(), Length(max=254), ONE_LINE])
    password = PasswordField("Password", validators=[InputRequired(), Length(max=1000)])


class ActionForm(FlaskForm):
    """A button that changes state: only the CSRF token."""


class ReasonForm(FlaskForm):
    reason = TextAreaField("Reason", validators=[DataRequired("Give a reason."),
                                                 Length(max=5000), MULTI_LINE])


class OptionalReasonForm(FlaskForm):
    reason = TextAreaField("Reason (optional)", validators=[Length(max=5000), MULTI_LINE])


class NoteForm(FlaskForm):
    body = TextAreaField("Note", validators=[DataRequired("A note cannot be empty."),
                                             Length(max=10000), MULTI_LINE])


def _new_password(label: str) -> PasswordField:
    return PasswordField(
        f"{label} (at least {accounts.MIN_PASSWORD_LENGTH} characters)",
        validators=[InputRequired(), Length(max=accounts.MAX_PASSWORD_LENGTH)],
    )


class AccountForm(FlaskForm):
    email = EmailField("Email", validators=[InputRequired(), Length(max=254), ONE_LINE])
    role = SelectField("Role", choices=[SelectChoice(role, role.title())
                                        for role in accounts.ROLES])
    password = _new_password("Password")


class ChangePasswordForm(FlaskForm):
    """A staff member's own password: the current one first, so a session left open
    on a shared computer cannot take the account over."""

    current = PasswordField("Current password", validators=[InputRequired(),
                                                            Length(max=1000)])
    password = _new_password("New password")
