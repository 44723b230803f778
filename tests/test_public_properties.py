"""Property: whatever arrives at POST /leads, the answer is never a 5xx, and every
2xx answer names exactly one stored lead (new, or the duplicate's original)."""

from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st
from sqlalchemy import func
from sqlalchemy import select

from capture import contract
from capture.extensions import db
from capture.models import Lead

VALID = {
    "name": st.sampled_from(["Dana", "Ann O'Neil", "李雷"]),
    "email": st.sampled_from(["dana@acme.example", "x@y.example"]),
    "company": st.sampled_from(["Acme IT", "Dental IT Solutions"]),
    "company_type": st.sampled_from(contract.FIELDS_BY_NAME["company_type"].choice_values),
    "employees": st.integers(1, 1_000_000).map(str),
    "monthly_budget": st.integers(0, 10_000_000).map(str),
    "role": st.sampled_from(contract.FIELDS_BY_NAME["role"].choice_values),
    "interest": st.sampled_from(contract.FIELDS_BY_NAME["interest"].choice_values),
    "consent": st.sampled_from(["on", "yes", "true", "1"]),
}
ANY_TEXT = st.text(max_size=300)
ANY_JSON = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), ANY_TEXT,
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(),
                                                         max_size=2),
)


def field_values(anything):
    """Each field either valid, arbitrary, or missing, so both sides of every rule are hit."""
    strategies = {}
    for spec in contract.FIELDS:
        valid = VALID.get(spec.name, ANY_TEXT)
        strategies[spec.name] = st.one_of(valid, valid, anything)
    return st.fixed_dictionaries({}, optional=strategies)


def count_leads(app):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Lead))


def assert_sound(app, response, before):
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    after = count_leads(app)
    if response.status_code >= 300:
        assert after == before
        return
    lead_id = response.get_json()["id"]
    with app.app_context():
        matches = db.session.scalar(
            select(func.count()).select_from(Lead).where(Lead.public_id == lead_id)
        )
    assert matches == 1
    assert after - before in (0, 1)


SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


@SETTINGS
@given(values=field_values(ANY_JSON))
def test_json_bodies_never_5xx_and_2xx_stores_one_lead(app, client, values):
    before = count_leads(app)
    assert_sound(app, client.post("/leads", json=values), before)


@SETTINGS
@given(values=field_values(ANY_TEXT))
def test_form_bodies_never_5xx_and_2xx_stores_one_lead(app, client, values):
    before = count_leads(app)
    response = client.post("/leads", data=values, headers={"Accept": "application/json"})
    assert_sound(app, response, before)


@SETTINGS
@given(body=st.binary(max_size=500), content_type=st.sampled_from(
    ["application/json", "application/x-www-form-urlencoded", "text/plain", ""]))
def test_raw_bytes_never_5xx(app, client, body, content_type):
    before = count_leads(app)
    response = client.post("/leads", data=body, content_type=content_type,
                           headers={"Accept": "application/json"})
    assert_sound(app, response, before)
