"""The WTForms lead form, built field by field from ``capture.contract``.

Flask-WTF's CSRF token is off for this one form: a static page on a CDN cannot
hold a session token. The Origin check, the honeypot and the rate limit stand
in for it (see ``public.py``).
"""

from urllib.parse import urlsplit

from email_validator import EmailNotValidError
from email_validator import validate_email
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms import ValidationError
from wtforms.validators import InputRequired
from wtforms.validators import Optional

from capture import contract


def plain_text(one_line: bool):
    """The contract's text rule as a WTForms validator, for the lead form and every
    staff form: no control characters (NUL breaks PostgreSQL), no lone surrogates,
    and no line breaks in a one-line field."""

    def check(form, field):
        problem = contract.text_problem(field.data or "", one_line=one_line)
        if problem:
            raise ValidationError(problem)

    return check


def _storable(text: str) -> str:
    """Honeypot text is kept as evidence, never argued with, but made safe to store."""
    return contract.one_line(text).encode("utf-8", "replace").decode("utf-8")


def _length(spec: contract.Field):
    def check(form, field):
        value = field.data or ""
        if spec.min_length and len(value.strip()) < spec.min_length:
            raise ValidationError("This field is required.")
        if spec.max_length and len(value) > spec.max_length:
            raise ValidationError(
                f"Too long: {len(value):,} characters, at most {spec.max_length:,} allowed."
            )

    return check


def _email(form, field):
    """Syntax only, never DNS (DESIGN): .example and .test addresses are valid input."""
    try:
        validate_email(field.data, check_deliverability=False, test_environment=True)
    except EmailNotValidError as error:
        raise ValidationError(f"Not a valid email address: {error}") from None


def _http_url(form, field):
    problem = "Not a web address: it must start with http:// or https://."
    try:
        parts = urlsplit(field.data)
        hostname = parts.hostname
    except ValueError:  # e.g. an unclosed "[" reads as a broken IPv6 address
        raise ValidationError(problem) from None
    if parts.scheme.lower() not in ("http", "https") or not hostname or " " in field.data:
        raise ValidationError(problem)


def _whole_number(spec: contract.Field):
    def check(form, field):
        text = (field.data or "").strip()
        if not text.isascii() or not text.isdigit():
            raise ValidationError(
                f"Must be a whole number from {spec.minimum:,} to {spec.maximum:,}, digits only."
            )
        # Python refuses int() of more than 4,300 digits (a ValueError, so a 500):
        # a number longer than the maximum's digits is out of range unread.
        significant = text.lstrip("0") or "0"
        if len(significant) > len(str(spec.maximum)):
            raise ValidationError(
                f"Out of range: too many digits; use a whole number from {spec.minimum:,} "
                f"to {spec.maximum:,}."
            )
        number = int(significant)
        if not spec.minimum <= number <= spec.maximum:
            raise ValidationError(
                f"{number:,} is out of range: use a whole number from "
                f"{spec.minimum:,} to {spec.maximum:,}."
            )
        field.number = number

    return check


def _one_of(spec: contract.Field):
    allowed = ", ".join(spec.choice_values)

    def check(form, field):
        if field.data not in spec.choice_values:
            raise ValidationError(f"Not a valid choice: use one of {allowed}.")

    return check


def _consent(form, field):
    if (field.data or "").strip().lower() not in contract.CONSENT_VALUES:
        raise ValidationError("Please agree to let us store your details so we can reply.")


def _validators(spec: contract.Field) -> list:
    if spec.kind == "honeypot":
        # Whatever a bot puts here is kept (trimmed to fit), never argued with.
        return [Optional()]
    if spec.kind == "consent":
        return [InputRequired("Please agree to let us store your details so we can reply."),
                _consent]
    checks = [InputRequired("This field is required.")] if spec.required else [Optional()]
    checks.append(plain_text(spec.one_line))
    if spec.kind == "integer":
        checks.append(_whole_number(spec))
    elif spec.kind == "choice":
        checks.append(_one_of(spec))
    else:
        checks.append(_length(spec))
    if spec.kind == "email":
        checks.append(_email)
    elif spec.kind == "url":
        checks.append(_http_url)
    return checks


class LeadForm(FlaskForm):
    class Meta:
        csrf = False

    def cleaned(self) -> dict:
        """The validated values, typed: ints for numbers, True for consent, stripped text."""
        values = {}
        for spec in contract.FIELDS:
            raw = self[spec.name].data or ""
            if spec.kind == "integer":
                values[spec.name] = self[spec.name].number
            elif spec.kind == "consent":
                values[spec.name] = True
            elif spec.kind in ("textarea",):
                values[spec.name] = raw
            elif spec.kind == "honeypot":
                values[spec.name] = _storable(raw.strip())[: spec.max_length]
            else:
                values[spec.name] = raw.strip()
        return values

    def error_map(self) -> dict[str, list[str]]:
        return {name: list(messages) for name, messages in self.errors.items()}


for _spec in contract.FIELDS:
    setattr(LeadForm, _spec.name, StringField(_spec.label, validators=_validators(_spec)))
