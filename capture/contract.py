"""The lead form contract: every field, its label, choices and limits.

This module is the single source for the WTForms form that validates a
submission, the Pelican plugin that renders the form into each article, and
the OpenAPI document served at ``/openapi.json``; keeping them in one place
is what stops the page, the validator and the documentation from drifting.
Pure Python: no Flask, no database.
"""

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
PROVIDER_TYPES = frozenset({"msp", "it_consultant", "var"})
CONSENT_VALUES = frozenset({"on", "yes", "true", "1"})

#: The endpoint refuses bodies above this size with 413.
MAX_BODY_BYTES = 64 * 1024


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
          "this request (see our privacy page).", "consent", required=True),
    Field("source", "Source article", "hidden", max_length=200),
    Field("page_url", "Page address", "hidden", max_length=2000),
    Field("utm_source", "UTM source", "hidden", max_length=200),
    Field("utm_medium", "UTM medium", "hidden", max_length=200),
    Field("utm_campaign", "UTM campaign", "hidden", max_length=200),
    Field("company_fax", "Company fax (leave this empty)", "honeypot", max_length=200),
)

FIELDS_BY_NAME = {spec.name: spec for spec in FIELDS}
#: Fields a person fills in, in the order the page shows them.
VISIBLE_FIELDS = tuple(f for f in FIELDS if f.kind not in ("hidden", "honeypot"))
HIDDEN_FIELDS = tuple(f for f in FIELDS if f.kind == "hidden")
HONEYPOT_FIELD = FIELDS_BY_NAME["company_fax"]
INTEGER_FIELDS = tuple(f.name for f in FIELDS if f.kind == "integer")
TEXT_FIELD_NAMES = tuple(
    f.name for f in FIELDS if f.kind not in ("integer", "consent", "choice")
)


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


def openapi_document(server_url: str | None = None) -> dict:
    """Describe ``POST /leads`` as OpenAPI 3.1, generated from ``FIELDS``."""
    properties: dict[str, dict] = {}
    for spec in FIELDS:
        schema: dict = {"description": spec.label}
        if spec.kind == "integer":
            schema.update(
                anyOf=[
                    {"type": "integer", "minimum": spec.minimum, "maximum": spec.maximum},
                    {"type": "string", "pattern": r"^[0-9]+$"},
                ]
            )
        elif spec.kind == "choice":
            schema.update(type="string", enum=list(spec.choice_values))
        elif spec.kind == "consent":
            schema.update(
                anyOf=[
                    {"type": "boolean", "const": True},
                    {"type": "string", "enum": sorted(CONSENT_VALUES)},
                ]
            )
        else:
            schema["type"] = "string"
            if spec.min_length:
                schema["minLength"] = spec.min_length
            if spec.max_length:
                schema["maxLength"] = spec.max_length
            if spec.kind == "email":
                schema["format"] = "email"
            elif spec.kind == "url":
                schema["format"] = "uri"
        properties[spec.name] = schema
    lead = {
        "type": "object",
        "properties": properties,
        "required": [f.name for f in FIELDS if f.required],
    }
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
    error_response = {"content": {"application/json": {"schema": errors}}}
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
                            "application/json": {"schema": lead},
                            "application/x-www-form-urlencoded": {"schema": lead},
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
                        "413": {"description": "Body over 64 KiB", **error_response},
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
