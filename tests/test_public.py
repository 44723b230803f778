"""POST /leads against the form contract in DESIGN.md, both encodings, every answer."""

import http.client
import json
import logging
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func
from sqlalchemy import select

from capture import contract
from capture.extensions import db
from capture.models import Lead
from capture.models import OutboxMessage
from tests.conftest import make_app

JSON_HEADERS = {"Accept": "application/json"}


def post_form(client, data, **headers):
    return client.post("/leads", data=data, headers=headers)


def post_json(client, data, **headers):
    return client.post("/leads", json=data, headers=headers)


def stored(app):
    with app.app_context():
        return db.session.scalars(select(Lead)).all()


def test_plain_form_is_redirected_to_the_thank_you_page(app, client, submission):
    response = post_form(client, submission)
    assert response.status_code == 303
    assert response.headers["Location"] == "http://site.test/thanks.html"
    [lead] = stored(app)
    assert lead.status == "queued"
    assert lead.source == "what-is-a-qualified-sales-lead"
    assert lead.employees == 25
    assert lead.utm_campaign == "spring"


def test_json_is_answered_201_with_the_public_id(app, client, submission):
    response = post_json(client, submission)
    assert response.status_code == 201
    body = response.get_json()
    assert body["status"] == "received"
    [lead] = stored(app)
    assert body["id"] == lead.public_id
    assert body["id"] != str(lead.id)
    assert len(body["id"]) >= 20


def test_json_accepts_numbers_and_true_consent(app, client, submission):
    payload = submission | {"employees": 25, "monthly_budget": 3000, "consent": True}
    assert post_json(client, payload).status_code == 201
    [lead] = stored(app)
    assert (lead.employees, lead.monthly_budget, lead.consent) == (25, 3000, True)


@pytest.mark.parametrize("email", ["dana@northwind.example", "qa@leads.test",
                                   "o'neil+leads@sub.acme.co.uk", "josé@exämple.example"])
def test_email_is_checked_for_syntax_only(client, submission, email):
    assert post_json(client, submission | {"email": email}).status_code == 201


@pytest.mark.parametrize("value", ["on", "yes", "true", "1", "YES"])
def test_every_listed_consent_value_is_accepted(client, submission, value):
    assert post_json(client, submission | {"consent": value}).status_code == 201


def test_optional_fields_may_be_left_out(app, client, submission):
    required = {k: submission[k] for k in (
        "name", "email", "company", "company_type", "employees", "monthly_budget",
        "role", "interest", "consent")}
    assert post_json(client, required).status_code == 201
    [lead] = stored(app)
    assert (lead.phone, lead.website, lead.message, lead.source) == ("", "", "", "")


def test_qualified_lead_writes_an_outbox_row_in_the_same_transaction(app, client, submission):
    post_json(client, submission)
    with app.app_context():
        [message] = db.session.scalars(select(OutboxMessage)).all()
        lead = db.session.scalars(select(Lead)).one()
        assert message.lead_id == lead.id
        assert message.kind == "lead_alert"
        assert message.status == "pending"


def test_screened_out_lead_is_stored_with_reasons_and_no_alert(app, client, submission):
    response = post_json(client, submission | {"employees": "900", "monthly_budget": "200"})
    assert response.status_code == 201
    with app.app_context():
        lead = db.session.scalars(select(Lead)).one()
        assert lead.status == "screened_out"
        assert lead.reason_ids == ["too_large", "under_budget"]
        assert all(r["sentence"] and r["evidence"] for r in lead.reasons)
        assert db.session.scalar(select(func.count()).select_from(OutboxMessage)) == 0


def test_honeypot_is_answered_as_success_and_stored_as_spam(app, client, submission):
    response = post_form(client, submission | {"company_fax": "555-1234"})
    assert response.status_code == 303
    [lead] = stored(app)
    assert lead.status == "spam"
    assert lead.company_fax == "555-1234"


def test_text_is_stored_as_sent_without_html_stripping(app, client, submission):
    message = "<b>Hi</b> & 'quotes' \"double\" <script>alert(1)</script>\nline two"
    post_json(client, submission | {"message": message, "company": "<Acme & Co>"})
    [lead] = stored(app)
    assert lead.message == message
    assert lead.company == "<Acme & Co>"


def test_same_submission_twice_is_stored_once_and_answers_the_first_id(app, client, submission):
    first = post_json(client, submission).get_json()["id"]
    second = post_json(client, submission).get_json()["id"]
    assert first == second
    assert len(stored(app)) == 1


def test_a_changed_field_is_a_new_submission(app, client, submission):
    post_json(client, submission)
    post_json(client, submission | {"message": "Another question."})
    assert len(stored(app)) == 2


def test_duplicate_window_is_measured_from_the_first_submission(app, client, submission):
    from datetime import timedelta

    post_json(client, submission)
    with app.app_context():
        lead = db.session.scalars(select(Lead)).one()
        lead.received_at = lead.received_at - timedelta(minutes=11)
        db.session.commit()
    post_json(client, submission)
    assert len(stored(app)) == 2


def test_the_message_keeps_its_line_breaks(app, client, submission):
    text = "First line.\r\nSecond line.\n\n\tIndented\u2028and a separator."
    assert post_json(client, submission | {"message": text}).status_code == 201
    assert stored(app)[0].message == text


def test_leading_zeros_do_not_count_against_the_digit_limit(app, client, submission):
    assert post_json(client, submission | {"employees": "0" * 5000 + "25"}).status_code == 201
    assert stored(app)[0].employees == 25


# --- 422: every field's rules, both encodings --------------------------------------------

INVALID = [
    ("name", "", "required"),
    ("name", "   ", "required"),
    ("name", "x" * 121, "Too long"),
    ("email", "", "required"),
    ("email", "not-an-address", "email"),
    ("email", "a@b", "email"),
    ("phone", "1" * 41, "Too long"),
    ("company", "", "required"),
    ("company", "c" * 201, "Too long"),
    ("website", "ftp://example.com", "http"),
    ("website", "javascript:alert(1)", "http"),
    ("website", "northwind.example", "http"),
    ("website", "http://[northwind.example", "http"),
    ("company_type", "", "required"),
    ("company_type", "reseller", "msp"),
    ("employees", "", "required"),
    ("employees", "0", "out of range"),
    ("employees", "1000001", "out of range"),
    ("employees", "ten", "whole number"),
    ("employees", "2.5", "whole number"),
    ("employees", "-3", "whole number"),
    ("employees", "1_000", "whole number"),
    ("monthly_budget", "10000001", "out of range"),
    ("monthly_budget", "1,500", "whole number"),
    ("role", "ceo", "owner"),
    ("interest", "free stuff", "appointment_setting"),
    ("message", "m" * 5001, "Too long"),
    ("message", "null\x00byte", "control character"),
    ("consent", "", "agree"),
    ("consent", "no", "agree"),
    ("source", "s" * 201, "Too long"),
    ("page_url", "p" * 2001, "Too long"),
    ("utm_campaign", "u" * 201, "Too long"),
    # One-line fields hold no line break of any kind (they reach mail and CSV).
    ("name", "Dana\r\nWhitfield", "one line"),
    ("name", "Dana\nFake: line", "one line"),
    ("company", "Acme\u2028Corp", "one line"),
    ("company", "Acme\u2029Corp", "one line"),
    ("company", "Acme\u0085Corp", "one line"),
    ("phone", "555\t0100", "one line"),
    ("email", "dana@northwind.example\r\n", "one line"),
    ("source", "slug\nX-Injected: yes", "one line"),
    ("utm_source", "news\rletter", "one line"),
    ("utm_medium", "e\u2028mail", "one line"),
    ("utm_campaign", "spring\n", "one line"),
    ("company", "Acme\x9bCorp", "control character"),
    ("message", "C1 \x90 control", "control character"),
    # Longer than Python's 4,300-digit int() limit, which used to answer 500.
    ("employees", "1" + "0" * 5000, "too many digits"),
    ("monthly_budget", "9" * 4301, "too many digits"),
    ("employees", "1" + "0" * 7, "out of range"),
]


INVALID_IDS = [f"{field}-{value[:12]!r}" for field, value, _ in INVALID]


@pytest.mark.parametrize(("field", "value", "words"), INVALID, ids=INVALID_IDS)
def test_invalid_json_field_is_422_naming_the_field(app, client, submission, field, value, words):
    response = post_json(client, submission | {field: value})
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    assert list(errors) == [field]
    assert words.lower() in " ".join(errors[field]).lower()
    assert stored(app) == []


@pytest.mark.parametrize(("field", "digits", "words"), [
    ("employees", "1" + "0" * 5000, "too many digits"),
    ("monthly_budget", "-" + "9" * 4301, "digits only"),
    ("name", "7" * 5000, "not a number"),
], ids=["employees", "negative-budget", "name"])
def test_a_bare_json_number_of_thousands_of_digits_is_422_naming_its_field(
        app, client, submission, field, digits, words):
    """A JSON number, not a string: json.loads itself used to refuse it, so the answer
    named the body, not the field."""
    body = json.dumps(submission | {field: 0}).replace(f'"{field}": 0', f'"{field}": {digits}')
    response = client.post("/leads", data=body, content_type="application/json",
                           headers={"Accept": "application/json"})
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    assert list(errors) == [field]
    assert words.lower() in " ".join(errors[field]).lower()
    assert stored(app) == []


@pytest.mark.parametrize(("field", "value", "words"), INVALID, ids=INVALID_IDS)
def test_invalid_form_field_is_422_page_with_message_beside_field(
    app, client, submission, field, value, words
):
    response = post_form(client, submission | {field: value})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "text/html" in response.content_type
    assert words.lower() in page.lower()
    if contract.FIELDS_BY_NAME[field] in contract.VISIBLE_FIELDS:
        assert 'aria-invalid="true"' in page
    assert stored(app) == []


@pytest.mark.parametrize(
    "field",
    ["name", "email", "company", "company_type", "employees", "monthly_budget", "role",
     "interest", "consent"],
)
def test_missing_required_field_is_422(client, submission, field):
    del submission[field]
    response = post_json(client, submission)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]


def test_all_errors_are_reported_at_once(client):
    response = post_json(client, {"name": "Only a name"})
    assert response.status_code == 422
    assert set(response.get_json()["errors"]) == {
        "email", "company", "company_type", "employees", "monthly_budget", "role",
        "interest", "consent"}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("employees", 2.5),
        ("employees", 25.0),
        ("employees", True),
        ("employees", [25]),
        ("monthly_budget", {"amount": 3000}),
        ("name", ["Dana"]),
        ("name", {"first": "Dana"}),
        ("company", 42),
        ("consent", False),
        ("consent", 1),
        ("company_type", ["msp"]),
    ],
)
def test_wrong_json_type_is_422_naming_the_field(client, submission, field, value):
    response = post_json(client, submission | {field: value})
    assert response.status_code == 422
    assert field in response.get_json()["errors"]


def test_refilled_form_keeps_the_visitors_values_escaped(client, submission):
    evil = '"><img src=x onerror=alert(1)>'
    response = post_form(client, submission | {"company": evil, "employees": "many"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "<img src=x" not in page
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page or "&quot;&gt;&lt;img" in page
    assert 'value="Dana Whitfield"' in page
    assert 'name="source" value="what-is-a-qualified-sales-lead"' in page


def test_refilled_form_links_the_consent_to_the_sites_privacy_page(client, submission):
    response = post_form(client, submission | {"email": "not-an-address"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert '(see our <a href="http://site.test/privacy.html">privacy page</a>).</label>' in page


# --- bodies that cannot be parsed ---------------------------------------------------------

@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"", "application/json"),
        (b"", "application/x-www-form-urlencoded"),
        (b"   ", "application/json"),
        (b"{", "application/json"),
        (b'{"name": "x",}', "application/json"),
        (b"[1, 2]", "application/json"),
        (b'"just a string"', "application/json"),
        (b"null", "application/json"),
        (b"\xff\xfe{}", "application/json"),
        (b"name=\xff\xfe", "application/x-www-form-urlencoded"),
        (b"name=%ff%fe", "application/x-www-form-urlencoded"),
        (b"[" * 100000 + b"]" * 100000, "application/json"),
    ],
)
def test_unreadable_body_is_422_with_body_error(client, body, content_type):
    response = client.post("/leads", data=body, content_type=content_type, headers=JSON_HEADERS)
    assert response.status_code in (413, 422)
    errors = response.get_json()["errors"]
    assert "_body" in errors


@pytest.mark.parametrize(
    "content_type", ["text/plain", "multipart/form-data; boundary=x", "application/xml", ""]
)
def test_unsupported_content_type_is_415(client, content_type):
    response = client.post(
        "/leads", data=b"name=x", content_type=content_type, headers=JSON_HEADERS
    )
    assert response.status_code == 415
    assert "_body" in response.get_json()["errors"]


def test_json_with_charset_parameter_is_accepted(client, submission):
    response = client.post(
        "/leads", data=json.dumps(submission), content_type="application/json; charset=utf-8"
    )
    assert response.status_code == 201


# --- 413, 403, 429 ---------------------------------------------------------------------------

def test_body_over_64_kib_is_413(app, client, submission):
    response = post_json(client, submission | {"message": "x" * (65 * 1024)})
    assert response.status_code == 413
    assert "_body" in response.get_json()["errors"]
    assert stored(app) == []


def test_body_just_under_64_kib_is_judged_by_the_fields(client, submission):
    response = post_json(client, submission | {"page_url": "p" * (60 * 1024)})
    assert response.status_code == 422


def test_origin_outside_the_allowed_list_is_403(app, client, submission):
    response = post_json(client, submission, Origin="https://evil.example")
    assert response.status_code == 403
    assert "_origin" in response.get_json()["errors"]
    assert stored(app) == []


def test_allowed_origin_gets_cors_headers(client, submission):
    response = post_json(client, submission, Origin="http://site.test")
    assert response.status_code == 201
    assert response.headers["Access-Control-Allow-Origin"] == "http://site.test"
    assert "Origin" in response.headers["Vary"]


def test_preflight_from_allowed_origin_is_answered(client):
    response = client.options(
        "/leads",
        headers={"Origin": "http://site.test", "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "content-type"},
    )
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == "http://site.test"
    assert "POST" in response.headers["Access-Control-Allow-Methods"]


def test_preflight_from_other_origin_is_403(client):
    response = client.options("/leads", headers={"Origin": "https://evil.example"})
    assert response.status_code == 403


def test_size_is_checked_before_origin(client):
    response = client.post(
        "/leads", data=b"x" * (70 * 1024), content_type="application/json",
        headers={"Origin": "https://evil.example"},
    )
    assert response.status_code == 413


def test_rate_limit_answers_429_with_retry_after(database_url, submission):
    app = make_app(database_url, RATELIMIT_ENABLED=True, LEADS_RATE_LIMIT="3/minute")
    client = app.test_client()
    codes = [post_json(client, submission | {"message": str(i)}).status_code for i in range(5)]
    assert codes == [201, 201, 201, 429, 429]
    response = post_json(client, submission)
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0
    assert "_rate" in response.get_json()["errors"]


def test_rate_limit_comes_after_the_origin_check(database_url, submission):
    app = make_app(database_url, RATELIMIT_ENABLED=True, LEADS_RATE_LIMIT="1/minute")
    client = app.test_client()
    for _ in range(3):
        assert post_json(client, submission, Origin="https://evil.example").status_code == 403
    assert post_json(client, submission).status_code == 201


def test_allowed_origins_may_be_a_comma_separated_string(database_url, submission):
    app = make_app(database_url, ALLOWED_ORIGINS="https://a.example, https://b.example/")
    client = app.test_client()
    assert post_json(client, submission, Origin="https://b.example").status_code == 201
    assert post_json(client, submission, Origin="http://site.test").status_code == 403


# --- other routes --------------------------------------------------------------------------

def test_get_leads_is_405_not_500(client):
    assert client.get("/leads").status_code == 405


def test_unknown_path_is_404_page(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert "Traceback" not in response.get_data(as_text=True)


def test_openapi_describes_post_leads_from_the_contract(client):
    document = client.get("/openapi.json").get_json()
    assert document["openapi"].startswith("3.1")
    schema = document["paths"]["/leads"]["post"]["requestBody"]["content"]["application/json"]
    properties = schema["schema"]["properties"]
    assert list(properties) == [spec.name for spec in contract.FIELDS]
    assert properties["company_type"]["enum"] == list(contract.FIELDS_BY_NAME["company_type"]
                                                      .choice_values)
    assert set(schema["schema"]["required"]) == {s.name for s in contract.FIELDS if s.required}


def test_wrong_method_names_the_allowed_ones(client):
    response = client.put("/leads", json={})
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) >= {"POST", "OPTIONS"}


def chunked_post(url: str, size: int) -> int:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    body = b"name=" + b"a" * (size - 5)
    connection.request("POST", "/leads", body=iter([body[: size // 2], body[size // 2:]]),
                       headers={"Content-Type": "application/x-www-form-urlencoded",
                                "Accept": "application/json"}, encode_chunked=True)
    response = connection.getresponse()
    response.read()
    return response.status


def test_a_chunked_body_over_the_limit_is_413_not_422(server, app):
    server.app = app
    try:
        assert chunked_post(server.url, 64 * 1024 + 1) == 413
        assert chunked_post(server.url, 200 * 1024) == 413
        assert chunked_post(server.url, 64 * 1024) == 422  # at the limit: judged by fields
    finally:
        server.app = None


def test_an_unexpected_error_is_logged_with_its_traceback_never_shown(app, client, caplog):
    def broken_view():
        raise RuntimeError("secret detail of the failure")

    app.add_url_rule("/broken-for-this-test", view_func=broken_view)
    with caplog.at_level(logging.ERROR, logger=app.logger.name):
        response = client.get("/broken-for-this-test")
    assert response.status_code == 500
    assert "secret detail" not in response.get_data(as_text=True)
    assert "Traceback" not in response.get_data(as_text=True)
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert "GET /broken-for-this-test" in record.getMessage()
    assert record.exc_info[0] is RuntimeError
