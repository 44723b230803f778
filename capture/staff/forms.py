"""Staff forms. Every state-changing form carries Flask-WTF's CSRF token."""

from flask_wtf import FlaskForm
from wtforms import EmailField
from wtforms import PasswordField
from wtforms import SelectChoice
from wtforms import SelectField
from wtforms import TextAreaField
from wtforms.validators import InputRequired
from wtforms.validators import Length

from capture import accounts


class LoginForm(FlaskForm):
    # A plain text check: staff emails may be admin@localhost, which browsers and
    # email-validator would refuse.
    email = EmailField("Email", validators=[InputRequired(), Length(max=254)])
    password = PasswordField("Password", validators=[InputRequired(), Length(max=1000)])


class ActionForm(FlaskForm):
    """A button that changes state: only the CSRF token."""


class ReasonForm(FlaskForm):
    reason = TextAreaField("Reason", validators=[InputRequired(), Length(max=5000)])


class OptionalReasonForm(FlaskForm):
    reason = TextAreaField("Reason (optional)", validators=[Length(max=5000)])


class NoteForm(FlaskForm):
    body = TextAreaField("Note", validators=[InputRequired(), Length(max=10000)])


class AccountForm(FlaskForm):
    email = EmailField("Email", validators=[InputRequired(), Length(max=254)])
    role = SelectField("Role", choices=[SelectChoice(role, role.title())
                                        for role in accounts.ROLES])
    password = PasswordField(
        f"Password (at least {accounts.MIN_PASSWORD_LENGTH} characters)",
        validators=[InputRequired(), Length(min=accounts.MIN_PASSWORD_LENGTH, max=1000)],
    )
