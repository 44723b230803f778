"""The sales cycle on the staff pages: accepted leads stay findable, Today, the plan
on the lead page, one-click done and reschedule, the pipeline board, time zones."""

import re
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta

import pytest
from sqlalchemy import select

from capture import followup
from capture.extensions import db
from capture.models import Lead
from capture.models import StaffUser
from capture.models import Touch
from capture.staff.pipeline import column_leads
from capture.staff.pipeline import next_touches
from tests.staff.helpers import add_lead
from tests.staff.helpers import csrf_token
from tests.staff.helpers import post_form

ROW_LINK = re.compile(r'href="/staff/leads/([^"/]+)"')


def utc_today() -> date:
    """The staff pages' "today" for an account in UTC, the default time zone."""
    return datetime.now(UTC).date()


def act(client, public_id, action, **data):
    token = csrf_token(client, f"/staff/leads/{public_id}")
    return client.post(f"/staff/leads/{public_id}/{action}", data={"csrf_token": token} | data)


def accept(client, public_id):
    assert act(client, public_id, "claim").status_code == 303
    assert act(client, public_id, "accept").status_code == 303


@pytest.fixture
def accepted(client, staff_client, submission):
    lead = add_lead(client, submission)
    accept(staff_client, lead)
    return lead


def plan_of(app, public_id):
    with app.app_context():
        lead = db.session.scalar(select(Lead).where(Lead.public_id == public_id))
        found = db.session.scalars(select(Touch).where(Touch.lead_id == lead.id)
                                   .order_by(Touch.due, Touch.id)).all()
        db.session.expunge_all()
        return found


def set_due(app, touch_id, due):
    with app.app_context():
        db.session.get(Touch, touch_id).due = due
        db.session.commit()


def test_an_accepted_lead_stays_findable_in_the_leads_list_and_the_header_search(
        client, staff_client, accepted, submission):
    other = add_lead(client, submission, company="Other Co", email="o@x.example",
                     phone="+1 555 0199")
    page = staff_client.get("/staff/leads").get_data(as_text=True)
    assert set(ROW_LINK.findall(page)) >= {accepted, other}
    found = staff_client.get("/staff/leads?q=northwind").get_data(as_text=True)
    assert ROW_LINK.findall(found) == [accepted]
    assert ROW_LINK.findall(staff_client.get("/staff/leads?q=0199").get_data(as_text=True)) \
        == [other]
    assert ROW_LINK.findall(staff_client.get("/staff/leads?status=accepted").get_data(
        as_text=True)) == [accepted]
    assert ROW_LINK.findall(staff_client.get("/staff/leads?owner=me&stage=new").get_data(
        as_text=True)) == [accepted]
    assert 'action="/staff/leads"' in staff_client.get("/staff/").get_data(as_text=True)


def test_the_new_stage_filter_finds_leads_accepted_before_stages_existed(app, staff_client,
                                                                         accepted):
    with app.app_context():
        db.session.scalar(select(Lead).where(Lead.public_id == accepted)).stage = ""
        db.session.commit()
    page = staff_client.get("/staff/leads?status=accepted&stage=new").get_data(as_text=True)
    assert ROW_LINK.findall(page) == [accepted]
    assert ROW_LINK.findall(staff_client.get("/staff/leads?stage=proposal").get_data(
        as_text=True)) == []


def test_accepting_leads_the_lead_page_with_its_plan_and_next_touch(app, staff_client,
                                                                    accepted):
    page = staff_client.get(f"/staff/leads/{accepted}").get_data(as_text=True)
    plan = page.index("Follow-up plan")
    assert plan < page.index("Contact and company")
    assert "<strong>Next:</strong> Send a thank-you card" in page
    for label in ("Offer a network assessment", "Education meeting on data backup",
                  "Meeting at our office", "Invite to a lunch-and-learn"):
        assert label in page
    assert 'href="tel:+15550100"' in page
    assert 'href="mailto:dana@northwind-it.example"' in page


def test_a_touch_added_from_the_lead_page_joins_the_plan_and_keeps_its_spacing(
        app, staff_client, accepted):
    far = (utc_today() + timedelta(days=400)).isoformat()
    response = act(staff_client, accepted, "touches", label="Invite to the spring webinar",
                   due=far)
    assert response.status_code == 303
    assert "Invite to the spring webinar" in staff_client.get(
        f"/staff/leads/{accepted}").get_data(as_text=True)
    too_close = (utc_today() + timedelta(days=401)).isoformat()
    refused = act(staff_client, accepted, "touches", label="Call again", due=too_close)
    assert refused.status_code == 409
    assert "Invite to the spring webinar" in refused.get_data(as_text=True)
    assert "Call again" not in [touch.label for touch in plan_of(app, accepted)]


def today_html(client, who=""):
    response = client.get("/staff/today" + (f"?who={who}" if who else ""))
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_today_lists_due_overdue_and_this_week_with_phone_and_email(app, staff_client,
                                                                    accepted):
    card, assessment, meeting, *_ = plan_of(app, accepted)
    today = utc_today()
    set_due(app, card.id, today - timedelta(days=3))
    set_due(app, assessment.id, today)
    set_due(app, meeting.id, today + timedelta(days=4))
    page = today_html(staff_client)
    overdue, due, week = (page.index(f'id="group-{n}"')
                          for n in ("overdue", "due_today", "this_week"))
    assert overdue < page.index("Send a thank-you card") < due
    assert due < page.index("Offer a network assessment") < week
    assert week < page.index("Education meeting on data backup")
    assert "Meeting at our office" not in page  # months away
    assert 'href="tel:+15550100"' in page
    assert 'href="mailto:dana@northwind-it.example"' in page


def add_overdue_touches(app, public_id, count):
    """``count`` open touches of one lead, one a day overdue, oldest "Call 1"."""
    with app.app_context():
        lead = db.session.scalar(select(Lead).where(Lead.public_id == public_id))
        owner_id = db.session.scalar(select(Touch.owner_id).where(Touch.lead_id == lead.id))
        start = utc_today() - timedelta(days=count + 1)
        db.session.add_all(Touch(lead_id=lead.id, kind="check_in", label=f"Call {n}",
                                 due=start + timedelta(days=n - 1), owner_id=owner_id)
                           for n in range(1, count + 1))
        db.session.commit()


def test_a_long_group_shows_its_first_screenful_and_pages_through_the_rest(
        app, staff_client, accepted):
    app.config["TODAY_GROUP_SIZE"] = 3
    add_overdue_touches(app, accepted, 7)
    page = today_html(staff_client)
    overdue = page[page.index('id="group-overdue"'):page.index('id="group-due_today"')]
    assert '<span class="count">7</span>' in overdue
    assert re.findall(r"<strong>(Call \d)</strong>", overdue) == ["Call 1", "Call 2", "Call 3"]
    assert "Showing 1&ndash;3 of 7" in overdue
    assert 'href="/staff/today?show=overdue">All 7 overdue' in overdue
    response = staff_client.get("/staff/today?show=overdue&page=3")
    shown = response.get_data(as_text=True)
    assert re.findall(r"<strong>(Call \d)</strong>", shown) == ["Call 7"]
    assert 'id="group-due_today"' not in shown
    assert 'href="/staff/today?show=overdue&amp;page=2">&larr; Earlier' in shown
    assert "Later &rarr;" not in shown
    # Done from a later page comes back to that page.
    assert 'name="next" value="/staff/today?show=overdue&amp;page=3"' in shown


@pytest.mark.parametrize(("query", "status"), [
    ("show=nothing", 200), ("show=overdue&page=x", 200), ("show=overdue&page=0", 200),
    ("show=overdue&page=9999999999999", 200), ("page=-1", 200), ("show=%00", 400)])
def test_odd_today_parameters_show_the_first_page_or_a_clear_400(staff_client, accepted,
                                                                 query, status):
    response = staff_client.get(f"/staff/today?{query}")
    assert response.status_code == status
    if status == 200:
        assert 'id="group-overdue"' in response.get_data(as_text=True)


def test_today_for_everyone_shows_other_peoples_touches(app, staff_client,
                                                        other_sales_client, accepted):
    card = plan_of(app, accepted)[0]
    set_due(app, card.id, utc_today())
    assert "Send a thank-you card" not in today_html(other_sales_client)
    everyone = today_html(other_sales_client, "all")
    assert "Send a thank-you card" in everyone
    assert "sam@example.com" in everyone


def test_done_from_today_records_the_outcome_and_returns_to_today(app, staff_client,
                                                                  accepted):
    card = plan_of(app, accepted)[0]
    set_due(app, card.id, utc_today())
    response = post_form(staff_client, f"/staff/touches/{card.id}/done",
                         {"outcome": "done", "note": "Posted Monday", "next": "/staff/today"},
                         token_from="/staff/today")
    assert (response.status_code, response.headers["Location"]) == (303, "/staff/today")
    done = plan_of(app, accepted)[0]
    assert (done.status, done.outcome, done.note) == ("done", "done", "Posted Monday")
    page = today_html(staff_client)
    assert "Done: Send a thank-you card with Northwind IT Services." in page
    assert "<strong>Send a thank-you card</strong>" not in page


def test_done_never_redirects_off_the_staff_pages(app, staff_client, accepted):
    card = plan_of(app, accepted)[0]
    response = post_form(staff_client, f"/staff/touches/{card.id}/done",
                         {"outcome": "done", "next": "https://evil.example/"})
    assert response.headers["Location"] == f"/staff/leads/{accepted}"


def test_rescheduling_too_close_is_refused_with_the_conflict_then_allowed_on_override(
        app, staff_client, accepted):
    card, assessment, *_ = plan_of(app, accepted)
    close = (card.due + timedelta(days=3)).isoformat()
    response = post_form(staff_client, f"/staff/touches/{assessment.id}/reschedule",
                         {"due": close})
    assert response.status_code == 303
    page = staff_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "only 3 days apart from “Send a thank-you card”" in page
    assert plan_of(app, accepted)[1].due == assessment.due
    post_form(staff_client, f"/staff/touches/{assessment.id}/reschedule",
              {"due": close, "override": "y"})
    assert plan_of(app, accepted)[1].due.isoformat() == close


@pytest.mark.parametrize(("data", "message"), [
    ({"due": "not a date"}, "Not a valid date value"),
    ({"due": ""}, "Pick a date"),
])
def test_a_bad_reschedule_date_is_a_clear_message(app, staff_client, accepted, data,
                                                  message):
    touch = plan_of(app, accepted)[1]
    response = post_form(staff_client, f"/staff/touches/{touch.id}/reschedule", data)
    page = staff_client.get(response.headers["Location"]).get_data(as_text=True)
    assert message in page


def test_an_unknown_touch_is_a_404(staff_client):
    assert post_form(staff_client, "/staff/touches/999999/done",
                     {"outcome": "done"}).status_code == 404


def test_the_pipeline_board_counts_and_values_each_stage(app, client, staff_client,
                                                         submission):
    leads = [add_lead(client, submission, email=f"p{i}@x.example") for i in range(4)]
    for lead in leads:
        accept(staff_client, lead)
    act(staff_client, leads[0], "stage", stage="proposal", estimated_value="2500")
    act(staff_client, leads[1], "win", value="3000")
    act(staff_client, leads[2], "lose", reason="Went with incumbent")
    page = staff_client.get("/staff/pipeline").get_data(as_text=True)

    def column(key):
        start = page.index(f'id="col-{key}"')
        block = page[start:page.index("</section>", start)]
        count = re.search(r'board-count">(\d+)<', block).group(1)
        value = re.search(r'board-value">([^<]+)<', block).group(1)
        return int(count), value

    assert column("new") == (1, "$0")
    assert column("proposal") == (1, "$2,500")
    assert column("won") == (1, "$3,000")
    assert column("lost") == (1, "$0")


def test_the_new_column_holds_leads_without_a_stage_too_newest_first(app, client,
                                                                     staff_client, submission):
    """Leads accepted before stages existed have stage "": they belong under "new"."""
    leads = [add_lead(client, submission, email=f"n{i}@x.example") for i in range(3)]
    for lead in leads:
        accept(staff_client, lead)
    moved = datetime(2026, 3, 1, tzinfo=UTC)
    with app.app_context():
        rows = {lead.public_id: lead for lead in db.session.scalars(select(Lead))}
        for hours, (public_id, stage) in enumerate(zip(leads, ("new", "", "new"),
                                                       strict=True)):
            rows[public_id].stage = stage
            rows[public_id].updated_at = moved + timedelta(hours=[0, 2, 1][hours])
        db.session.commit()
        newest_first = [lead.public_id for lead in column_leads(db.session, "new")]
        assert newest_first == [leads[1], leads[2], leads[0]]
        assert [lead.public_id for lead in column_leads(db.session, "new", limit=2)] == [
            leads[1], leads[2]]
        ids = [rows[public_id].id for public_id in leads]
        earliest = next_touches(db.session, ids)
        assert sorted(earliest) == sorted(ids)
        assert {touch.kind for touch in earliest.values()} == {"thank_you_card"}


def test_win_needs_a_value_and_lose_a_reason(app, staff_client, accepted):
    assert act(staff_client, accepted, "win", value="").status_code == 422
    assert act(staff_client, accepted, "win", value="9" * 5000).status_code == 422
    assert act(staff_client, accepted, "lose", reason=" ").status_code == 422
    with app.app_context():
        assert db.session.scalar(select(Lead.status)) == "accepted"


def test_a_time_zone_moves_today_to_the_staff_members_own_calendar_day(app, staff_client):
    response = post_form(staff_client, "/staff/account/time-zone",
                         {"time_zone": "Pacific/Kiritimati"}, token_from="/staff/account")
    assert response.status_code == 303
    with app.app_context():
        user = db.session.scalar(select(StaffUser).where(StaffUser.email == "sam@example.com"))
        assert user.time_zone == "Pacific/Kiritimati"
    page = today_html(staff_client)
    expected = followup.local_today(datetime.now(UTC),
                                    "Pacific/Kiritimati")
    assert expected.strftime("%A %B %-d, %Y") in page
    bad = post_form(staff_client, "/staff/account/time-zone", {"time_zone": "Mars/Olympus"},
                    token_from="/staff/account")
    assert bad.status_code == 422
    assert "Not a time zone name" in bad.get_data(as_text=True)
