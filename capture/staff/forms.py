"""Staff forms. Every state-changing form carries Flask-WTF's CSRF token, and every
text field follows the public form's text rule (no control characters; one-line
fields hold no line breaks), so a NUL byte is a message beside the field on
SQLite and PostgreSQL alike, never a 500."""

from zoneinfo import available_timezones

from flask_wtf import FlaskForm
from wtforms import BooleanField
from wtforms import DateField
from wtforms import EmailField
from wtforms import IntegerField
from wtforms import PasswordField
from wtforms import SelectChoice
from wtforms import SelectField
from wtforms import StringField
from wtforms import TextAreaField
from wtforms import ValidationError
from wtforms.validators import DataRequired
from wtforms.validators import InputRequired
from wtforms.validators import Length
from wtforms.validators import NumberRange
from wtforms.validators import Optional

from capture import accounts
from capture import pipeline
from capture.forms import plain_text
from capture.vocabulary import OUTCOMES
from capture.vocabulary import REASONS
from capture.vocabulary import STAGES

ONE_LINE = plain_text(one_line=True)
MULTI_LINE = plain_text(one_line=False)


def at_most(characters: int) -> Length:
    return Length(max=characters, message=f"Too long: at most {characters:,} characters.")


class LoginForm(FlaskForm):
    # A plain text check: staff emails may be admin@localhost, which browsers and
    # email-validator would refuse.
    email = EmailField("Email", validators=[InputRequired(), Length(max=254), ONE_LINE])
    password = PasswordField("Password", validators=[InputRequired(), Length(max=1000)])


class ActionForm(FlaskForm):
    """A button that changes state: only the CSRF token."""


class ReasonForm(FlaskForm):
    reason = TextAreaField("Reason", validators=[DataRequired("Give a reason."),
                                                 at_most(5000), MULTI_LINE])


class RejectForm(ReasonForm):
    """Rejecting may say which reason screening missed: the lead then becomes a test
    case for the rules (`flask --app capture screening cases`)."""

    missed_reason = SelectField(
        "Should screening have set it aside?", default="",
        choices=[SelectChoice("", "No, screening was right to queue it")]
        + [SelectChoice(reason, f"Yes: {label.lower()}") for reason, label in REASONS.items()])


class OptionalReasonForm(FlaskForm):
    reason = TextAreaField("Reason (optional)", validators=[at_most(5000), MULTI_LINE])


class NoteForm(FlaskForm):
    body = TextAreaField("Note", validators=[DataRequired("A note cannot be empty."),
                                             at_most(10_000), MULTI_LINE])


def _new_password(label: str) -> PasswordField:
    return PasswordField(
        f"{label} (at least {accounts.MIN_PASSWORD_LENGTH} characters)",
        validators=[InputRequired(), at_most(accounts.MAX_PASSWORD_LENGTH)],
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


# --- the sales cycle --------------------------------------------------------------

def _money(label: str, required: bool) -> IntegerField:
    first = InputRequired("Give the value in whole dollars per month.") if required \
        else Optional()
    return IntegerField(label, validators=[first, NumberRange(
        min=0, max=pipeline.MAX_VALUE,
        message=f"Use whole dollars from 0 to {pipeline.MAX_VALUE:,}.")])


class StageForm(FlaskForm):
    stage = SelectField("Stage", choices=[SelectChoice(k, v) for k, v in STAGES.items()])
    estimated_value = _money("Estimated value, $ per month (optional)", required=False)


class WinForm(FlaskForm):
    value = _money("Value, $ per month", required=True)


class LoseForm(FlaskForm):
    reason = TextAreaField("Why was it lost?", validators=[DataRequired("Give a reason."),
                                                           at_most(5000), MULTI_LINE])


class TouchDoneForm(FlaskForm):
    outcome = SelectField("How did it go?", default="done",
                          choices=[SelectChoice(k, v) for k, v in OUTCOMES.items()])
    note = TextAreaField("Note (optional)", validators=[at_most(5000), MULTI_LINE])


class RescheduleForm(FlaskForm):
    due = DateField("New date", validators=[InputRequired("Pick a date.")])
    override = BooleanField("Schedule anyway, even if it is close to another touch")


class AddTouchForm(FlaskForm):
    label = StringField("What", validators=[DataRequired("Say what the touch is."),
                                            at_most(200), ONE_LINE])
    due = DateField("When", validators=[InputRequired("Pick a date.")])
    override = BooleanField("Schedule anyway, even if it is close to another touch")


class TimeZoneForm(FlaskForm):
    time_zone = StringField("Time zone", validators=[DataRequired("Pick a time zone."),
                                                     at_most(64), ONE_LINE])

    def validate_time_zone(self, field):
        if field.data not in available_timezones():
            raise ValidationError("Not a time zone name: use one such as America/New_York.")
