"""The lead form contract: every field, its label, choices and limits.

This module is the single source for the WTForms form that validates a
submission, the Pelican plugin that renders the form into each article, and
the OpenAPI document served at ``/openapi.json``; keeping them in one place
is what stops the page, the validator and the documentation from drifting.
Pure Python: no Flask, no database.
"""

import re
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field

COMPANY_TYPES = (
    ("msp", "Managed services provider (MSP)"),
    ("it_consultant", "IT consultant"),
    ("var", "Value-added reseller (VAR)"),
    ("software_vendor", "Software vendor"),
    ("business", "Business that uses IT"),
    ("other", "Other"),
)
ROLES = (
    ("owner", "Owner"),
    ("executive", "Executive"),
    ("sales_manager", "Sales manager"),
    ("technician", "Technician"),
    ("other", "Other"),
)
INTERESTS = (
    ("appointment_setting", "Appointment setting"),
    ("telemarketing_campaign", "Telemarketing campaign"),
    ("lead_generation", "Lead generation"),
    ("pricing_only", "Just our prices"),
    ("other", "Something else"),
)
#: Shorter words for the same choices where room is tight (the staff lists, a
#: phone); the full label stays beside them as a tooltip. A choice missing here
#: is short enough already.
SHORT_LABELS = {
    "company_type": {"msp": "MSP", "var": "VAR", "business": "End user"},
    "interest": {"appointment_setting": "Appointments", "telemarketing_campaign":
                 "Telemarketing", "pricing_only": "Prices only"},
}
PROVIDER_TYPES = frozenset({"msp", "it_consultant", "var"})
CONSENT_VALUES = frozenset({"on", "yes", "true", "1"})

#: Characters no text may hold: C0 controls but tab and line breaks, DEL, and C1
#: controls but NEL. NUL breaks PostgreSQL; the rest are never typed by a person.
#: A regex class body, shared with the OpenAPI patterns.
CONTROL_CHARACTERS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f"
#: What a one-line field (a name, a company, an email...) may not hold either: a
#: line break in a name adds fake lines to an alert email or a header.
LINE_BREAKS = r"\t\n\r\x85\u2028\u2029"
_CONTROL = re.compile(f"[{CONTROL_CHARACTERS}]")
_LINE_BREAK = re.compile(f"[{LINE_BREAKS}]")


def text_problem(value: str, *, one_line: bool) -> str | None:
    """Why a person's text cannot be kept as it is (the message for the field), or
    None. One rule for the public form, the staff forms, query strings and paths."""
    if _CONTROL.search(value):
        return "Contains a control character; remove it."
    if one_line and _LINE_BREAK.search(value):
        return "Must be one line: remove the line break or tab."
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "Contains characters that are not valid text."
    return None


def one_line(text: str) -> str:
    """Text reduced to one line with no control characters, for places that must
    never break (an email's header, a log line), whatever was stored earlier."""
    text = _CONTROL.sub("", text)
    return " ".join(_LINE_BREAK.sub(" ", text).split())


@dataclass(frozen=True)
class Field:
    """One form field as the page shows it and the service checks it.

    ``kind`` is one of: text, email, tel, url, choice, integer, textarea,
    consent, hidden, honeypot.
    """

    name: str
    label: str
    kind: str
    required: bool = False
    min_length: int | None = None
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[tuple[str, str], ...] = ()
    autocomplete: str | None = None
    hint: str | None = None
    #: Words of the label that the page links to the privacy page, where it has one.
    privacy_link: str | None = None

    @property
    def one_line(self) -> bool:
        return self.kind != "textarea"

    @property
    def choice_values(self) -> tuple[str, ...]:
        return tuple(value for value, _ in self.choices)


FIELDS: tuple[Field, ...] = (
    Field("name", "Your name", "text", required=True, min_length=1, max_length=120,
          autocomplete="name"),
    Field("email", "Work email", "email", required=True, max_length=254,
          autocomplete="email"),
    Field("phone", "Phone", "tel", max_length=40, autocomplete="tel"),
    Field("company", "Company", "text", required=True, min_length=1, max_length=200,
          autocomplete="organization"),
    Field("website", "Company website", "url", max_length=2000, autocomplete="url",
          hint="Starts with http:// or https://"),
    Field("company_type", "What does your company do?", "choice", required=True,
          choices=COMPANY_TYPES),
    Field("employees", "Employees in your company", "integer", required=True,
          minimum=1, maximum=1_000_000, hint="Your own company's headcount"),
    Field("monthly_budget", "Monthly budget for lead generation (US$)", "integer",
          required=True, minimum=0, maximum=10_000_000,
          hint="Whole dollars per month"),
    Field("role", "Your role", "choice", required=True, choices=ROLES),
    Field("interest", "What are you looking for?", "choice", required=True,
          choices=INTERESTS),
    Field("message", "Tell us about your business and goals", "textarea",
          max_length=5000),
    Field("consent", "I agree that you store these details to contact me about "
          "this request (see our privacy page).", "consent", required=True,
          privacy_link="privacy page"),
    Field("source", "Source article", "hidden", max_length=200),
    Field("page_url", "Page address", "hidden", max_length=2000),
    Field("utm_source", "UTM source", "hidden", max_length=200),
    Field("utm_medium", "UTM medium", "hidden", max_length=200),
    Field("utm_campaign", "UTM campaign", "hidden", max_length=200),
    Field("company_fax", "Company fax (leave this empty)", "honeypot", max_length=200),
)

FIELDS_BY_NAME = {spec.name: spec for spec in FIELDS}
#: Each field's choices as a lookup, for the labels staff lists show on every row.
CHOICE_LABELS = {spec.name: dict(spec.choices) for spec in FIELDS}
#: Fields a person fills in, in the order the page shows them.
VISIBLE_FIELDS = tuple(f for f in FIELDS if f.kind not in ("hidden", "honeypot"))


def choice_label(field_name: str, value: str, short: bool = False) -> str:
    """What a person reads for a stored choice ("msp" -> "Managed services provider
    (MSP)", or "MSP" if ``short``); an unknown value is shown as stored."""
    if short and value in SHORT_LABELS.get(field_name, {}):
        return SHORT_LABELS[field_name][value]
    return CHOICE_LABELS[field_name].get(value, value)


HIDDEN_FIELDS = tuple(f for f in FIELDS if f.kind == "hidden")
HONEYPOT_FIELD = FIELDS_BY_NAME["company_fax"]


@dataclass(frozen=True)
class FormView:
    """What ``theme/templates/leadform.html`` renders: the Pelican plugin builds one
    per article (empty, with ``source`` and ``page_url``), and the capture service
    builds one with the visitor's values and the errors for its 422 page, so both
    show the very same form."""

    action: str
    form_id: str = "lead"
    values: Mapping[str, str] = field(default_factory=dict)
    errors: Mapping[str, Sequence[str]] = field(default_factory=dict)
    fields: tuple[Field, ...] = VISIBLE_FIELDS
    hidden_fields: tuple[Field, ...] = HIDDEN_FIELDS
    honeypot: Field = HONEYPOT_FIELD
    #: The site's privacy page, linked from the consent label ("" for no link).
    privacy_url: str = ""


def _text_pattern(spec: Field) -> str:
    """No control characters; a required field needs one visible character; a web
    address starts with http:// or https:// (an optional field may be empty)."""
    banned = CONTROL_CHARACTERS + (LINE_BREAKS if spec.one_line else "")
    allowed = f"[^{banned}]"
    if spec.kind == "url":
        address = rf"https?://[^\s/?#{banned}]+[^\s{banned}]*"
        return rf"^{address}$" if spec.required else rf"^(?:{address})?$"
    if spec.required:
        return rf"^{allowed}*[^\s{banned}]{allowed}*$"
    return rf"^{allowed}*$"


def _digits_pattern(minimum: int, maximum: int) -> str:
    """Digit strings from ``minimum`` (0 or 1) to ``maximum`` (a power of ten), so the
    documented strings are exactly the ones the service accepts."""
    digits = len(str(maximum)) - 1
    if minimum not in (0, 1) or maximum != 10**digits:
        raise ValueError("only ranges from 0 or 1 to a power of ten are expressible")
    within = f"0*(?:[1-9][0-9]{{0,{digits - 1}}}|1{'0' * digits})"
    return f"^(?:{within}|0+)$" if minimum == 0 else f"^{within}$"


def _field_schema(spec: Field, nullable: bool) -> dict:
    schema: dict = {"description": spec.label}
    if spec.kind == "integer":
        schema["anyOf"] = [
            {"type": "integer", "minimum": spec.minimum, "maximum": spec.maximum,
             "description": "written without a fraction: 25, not 25.0 (that is a 422)"},
            {"type": "string", "pattern": _digits_pattern(spec.minimum, spec.maximum)},
        ]
        return schema
    if spec.kind == "choice":
        return schema | {"type": "string", "enum": list(spec.choice_values)}
    if spec.kind == "consent":
        schema["anyOf"] = [{"type": "boolean", "const": True},
                           {"type": "string", "enum": sorted(CONSENT_VALUES)}]
        return schema
    # In JSON, null in an optional field means "not given"; a form has no null.
    schema["type"] = ["string", "null"] if nullable and not spec.required else "string"
    if spec.kind == "honeypot":
        return schema
    schema["pattern"] = _text_pattern(spec)
    if spec.min_length:
        schema["minLength"] = spec.min_length
    if spec.max_length:
        schema["maxLength"] = spec.max_length
    if spec.kind == "email":
        schema["format"] = "email"
    return schema


def _lead_schema(nullable: bool) -> dict:
    return {
        "type": "object",
        "properties": {spec.name: _field_schema(spec, nullable) for spec in FIELDS},
        "required": [spec.name for spec in FIELDS if spec.required],
    }


def byte_size(size: int) -> str:
    """65536 -> "64 KiB": the body limit as people read it."""
    return f"{size // 1024:,} KiB" if size % 1024 == 0 else f"{size:,} bytes"


def openapi_document(server_url: str | None = None, max_body_bytes: int = 64 * 1024) -> dict:
    """Describe ``POST /leads`` as OpenAPI 3.1, generated from ``FIELDS``."""
    errors = {
        "type": "object",
        "properties": {
            "errors": {
                "type": "object",
                "additionalProperties": {"type": "array", "items": {"type": "string"}},
            }
        },
        "required": ["errors"],
    }
    # JSON clients get the errors object, a plain form an HTML page.
    error_response = {"content": {"application/json": {"schema": errors},
                                  "text/html": {"schema": {"type": "string"}}}}
    document = {
        "openapi": "3.1.0",
        "info": {
            "title": "Leadpress capture service",
            "version": "1.0.0",
            "description": "Receives the lead form embedded in every article.",
        },
        "paths": {
            "/leads": {
                "post": {
                    "operationId": "submitLead",
                    "summary": "Submit a lead",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {"schema": _lead_schema(nullable=True)},
                            "application/x-www-form-urlencoded": {
                                "schema": _lead_schema(nullable=False)
                            },
                        },
                    },
                    "responses": {
                        "201": {
                            "description": "Received (JSON clients)",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "id": {"type": "string"},
                                            "status": {"type": "string", "const": "received"},
                                        },
                                        "required": ["id", "status"],
                                    }
                                }
                            },
                        },
                        "303": {"description": "Received (plain form): see the thank-you page"},
                        "403": {"description": "Origin not allowed", **error_response},
                        "413": {"description": f"Body over {byte_size(max_body_bytes)}",
                                **error_response},
                        "415": {"description": "Unsupported content type", **error_response},
                        "422": {"description": "Invalid fields", **error_response},
                        "429": {"description": "Too many requests", **error_response},
                    },
                }
            }
        },
    }
    if server_url:
        document["servers"] = [{"url": server_url}]
    return document
