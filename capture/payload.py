"""Turn a raw request body into the contract's fields as strings, or say exactly
what is wrong with it. Pure: bytes and a media type in, a dict out.

We parse the body ourselves instead of using ``request.form``/``get_json`` so that
invalid UTF-8, broken JSON and wrongly typed JSON values become 422 answers that
name the field, rather than being silently replaced or turned into 400 pages.
"""

import json
from urllib.parse import parse_qsl

from capture import contract

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
MAX_FIELDS = 100
#: Longer JSON integers are kept as digits: no field holds one, and int() on
#: thousands of digits is slow and, past 4,300, an error.
MAX_NUMBER_DIGITS = 100


class BodyError(Exception):
    """The body cannot become a submission; ``errors`` is the contract's error shape."""

    def __init__(self, status: int, errors: dict[str, list[str]]):
        super().__init__(errors)
        self.status = status
        self.errors = errors


def _body_error(status: int, message: str) -> BodyError:
    return BodyError(status, {"_body": [message]})


def parse(body: bytes, mimetype: str) -> dict[str, str]:
    if mimetype not in (FORM, JSON):
        shown = mimetype or "none"
        raise _body_error(415, f"Unsupported Content-Type ({shown}): send {FORM} or {JSON}.")
    if not body.strip():
        raise _body_error(422, "The request body is empty.")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _body_error(
            422, f"The body is not valid UTF-8 (bad byte at position {error.start})."
        ) from None
    return _from_form(text) if mimetype == FORM else _from_json(text)


def _from_form(text: str) -> dict[str, str]:
    try:
        pairs = parse_qsl(text, keep_blank_values=True, errors="strict", max_num_fields=MAX_FIELDS)
    except UnicodeDecodeError:
        raise _body_error(422, "A percent-encoded value is not valid UTF-8.") from None
    except ValueError:
        raise _body_error(422, f"Too many fields: at most {MAX_FIELDS}.") from None
    values: dict[str, str] = {}
    for key, value in pairs:
        if key in contract.FIELDS_BY_NAME:
            values.setdefault(key, value)
    return values


class LongNumber(str):
    """A JSON number too long for int() (Python refuses over 4,300 digits): kept as its
    digits, so the field it was sent in gets the usual clear "out of range" answer."""


def _number(digits: str) -> int | LongNumber:
    return LongNumber(digits) if len(digits) > MAX_NUMBER_DIGITS else int(digits)


def _from_json(text: str) -> dict[str, str]:
    try:
        document = json.loads(text, parse_int=_number)
    except (ValueError, RecursionError) as error:
        raise _body_error(422, f"The body is not valid JSON: {error}.") from None
    if not isinstance(document, dict):
        kind = type(document).__name__.replace("NoneType", "null").replace("dict", "object")
        raise _body_error(422, f"The JSON body must be an object of fields, not {kind}.")
    values: dict[str, str] = {}
    errors: dict[str, list[str]] = {}
    for name, value in document.items():
        spec = contract.FIELDS_BY_NAME.get(name)
        if spec is None or value is None:
            continue
        try:
            values[name] = _json_value_as_text(spec, value)
        except TypeError as error:
            errors[name] = [str(error)]
    if errors:
        raise BodyError(422, errors)
    return values


def _json_value_as_text(spec: contract.Field, value) -> str:
    if isinstance(value, LongNumber):
        if spec.kind == "integer":
            return str(value)
        value = 0  # a number where text belongs: refused below like any other number
    if isinstance(value, str):
        return value
    if spec.kind == "integer" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if spec.kind == "consent" and value is True:
        return "true"
    if spec.kind == "consent" and value is False:
        return ""
    expected = {
        "integer": "a whole number (a JSON number without a fraction, or a string of digits)",
        "consent": 'true, or one of "on", "yes", "true", "1"',
    }.get(spec.kind, "text (a JSON string)")
    kind = {bool: "a boolean", float: "a number with a fraction", int: "a number",
            list: "an array", dict: "an object"}.get(type(value), type(value).__name__)
    raise TypeError(f"Must be {expected}, not {kind}.")
