"""The lead page and every action on it, through the test client, with the audit
entries each one writes."""

import re
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from capture.extensions import db
from capture.models import AuditEntry
from capture.models import Lead
from capture.models import Note
from capture.models import OutboxMessage
from capture.models import StaffUser
from tests.staff.helpers import add_lead
from tests.staff.helpers import csrf_token


def act(client, public_id, action, **data):
    token = csrf_token(client, f"/staff/leads/{public_id}")
    return client.post(f"/staff/leads/{public_id}/{action}", data={"csrf_token": token} | data)


def lead_row(app, public_id):
    with app.app_context():
        lead = db.session.scalar(select(Lead).where(Lead.public_id == public_id))
        db.session.expunge(lead)
        return lead


def audit(app, public_id):
    with app.app_context():
        rows = db.session.execute(
            select(AuditEntry.action, AuditEntry.from_status, AuditEntry.to_status,
                   AuditEntry.why, AuditEntry.actor_id)
            .join(Lead, AuditEntry.lead_id == Lead.id)
            .where(Lead.public_id == public_id).order_by(AuditEntry.id))
        return [tuple(row) for row in rows]


@pytest.fixture
def queued(client, submission):
    return add_lead(client, submission)


@pytest.fixture
def screened(client, submission):
    return add_lead(client, submission, employees="900", email="big@corp.example")


@pytest.fixture
def spam(client, submission):
    return add_lead(client, submission, company_fax="bot text", email="bot@spam.example")


def test_lead_page_shows_every_field_verdict_source_and_utm(staff_client, screened,
                                                             submission):
    page = staff_client.get(f"/staff/leads/{screened}").get_data(as_text=True)
    for field in ("name", "phone", "company", "website", "message", "utm_source",
                  "utm_medium", "utm_campaign"):
        assert submission[field] in page
    assert "big@corp.example" in page
    assert 'href="http://site.test/what-is-a-qualified-sales-lead.html"' in page
    assert "Too large" in page
    assert "Evidence:" in page
    assert "Release into the queue" in page


def test_unknown_lead_is_a_404_page_in_the_apps_look(staff_client):
    response = staff_client.get("/staff/leads/no-such-lead")
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert "There is nothing at this address." in page
    assert "staff.css" in page
    token = csrf_token(staff_client, "/staff/")
    response = staff_client.post("/staff/leads/no-such-lead/claim", data={"csrf_token": token})
    assert response.status_code == 404


def test_row_id_is_not_a_lead_address(staff_client, queued):
    assert staff_client.get("/staff/leads/1").status_code == 404


def test_claim_moves_the_lead_to_in_review_held_by_the_claimer(app, staff_client, queued,
                                                                 sales_id):
    response = act(staff_client, queued, "claim")
    assert response.status_code == 303
    assert response.headers["Location"] == f"/staff/leads/{queued}"
    page = staff_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "You claimed this lead" in page
    lead = lead_row(app, queued)
    assert (lead.status, lead.owner_id) == ("in_review", sales_id)
    assert lead.claimed_at is not None
    assert audit(app, queued) == [("claim", "queued", "in_review", "", sales_id)]


def test_second_claim_shows_who_holds_it_and_changes_nothing(app, staff_client,
                                                             other_sales_client, queued,
                                                             sales_id):
    act(staff_client, queued, "claim")
    response = act(other_sales_client, queued, "claim")
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "This lead is held by sam@example.com since" in page
    assert "ask them to release it" in page
    assert lead_row(app, queued).owner_id == sales_id
    assert len(audit(app, queued)) == 1


def test_only_the_holder_may_decide(app, staff_client, other_sales_client, queued):
    act(staff_client, queued, "claim")
    for action, data in [("accept", {}), ("reject", {"reason": "no"}), ("unclaim", {})]:
        response = act(other_sales_client, queued, action, **data)
        assert response.status_code == 409
        assert "held by sam@example.com" in response.get_data(as_text=True)
    assert lead_row(app, queued).status == "in_review"


def test_accept_after_claim(app, staff_client, queued, sales_id):
    act(staff_client, queued, "claim")
    response = act(staff_client, queued, "accept", reason="Good fit, call Tuesday")
    assert response.status_code == 303
    lead = lead_row(app, queued)
    assert lead.status == "accepted"
    assert lead.decision_reason == "Good fit, call Tuesday"
    assert audit(app, queued)[-1] == ("accept", "in_review", "accepted",
                                      "Good fit, call Tuesday", sales_id)


def test_reject_needs_a_reason(app, staff_client, queued, sales_id):
    act(staff_client, queued, "claim")
    response = act(staff_client, queued, "reject", reason="   ")
    assert response.status_code == 422
    assert 'id="reject-reason-error">Give a reason.</p>' in response.get_data(as_text=True)
    assert lead_row(app, queued).status == "in_review"
    act(staff_client, queued, "reject", reason="Only wants a price list")
    lead = lead_row(app, queued)
    assert (lead.status, lead.decision_reason) == ("rejected", "Only wants a price list")
    assert audit(app, queued)[-1] == ("reject", "in_review", "rejected",
                                      "Only wants a price list", sales_id)


def test_accepting_a_rejected_lead_is_refused_and_changes_nothing(app, staff_client, queued):
    act(staff_client, queued, "claim")
    act(staff_client, queued, "reject", reason="No budget")
    before = audit(app, queued)
    response = act(staff_client, queued, "accept")
    assert response.status_code == 409
    assert "Cannot accept this lead: it is rejected" in response.get_data(as_text=True)
    assert lead_row(app, queued).status == "rejected"
    assert audit(app, queued) == before


def test_accept_a_queued_lead_in_one_step(app, staff_client, queued, sales_id):
    response = act(staff_client, queued, "accept", reason="Wants meetings in March")
    assert response.status_code == 303
    assert response.headers["Location"] == f"/staff/leads/{queued}"
    lead = lead_row(app, queued)
    assert (lead.status, lead.owner_id) == ("accepted", sales_id)
    assert audit(app, queued) == [
        ("claim", "queued", "in_review", "", sales_id),
        ("accept", "in_review", "accepted", "Wants meetings in March", sales_id)]
    page = staff_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Lead accepted" in page
    assert page.index('id="plan-title"') < page.index('id="contact-title"')  # plan first


def test_reject_a_queued_lead_in_one_step(app, staff_client, queued, sales_id):
    response = act(staff_client, queued, "reject", reason="")
    assert response.status_code == 422
    assert lead_row(app, queued).status == "queued"  # not even claimed
    assert audit(app, queued) == []
    assert act(staff_client, queued, "reject", reason="Wants a price list").status_code == 303
    assert audit(app, queued) == [
        ("claim", "queued", "in_review", "", sales_id),
        ("reject", "in_review", "rejected", "Wants a price list", sales_id)]


def set_time_zone(app, email, zone):
    with app.app_context():
        db.session.scalar(select(StaffUser).where(StaffUser.email == email)).time_zone = zone
        db.session.commit()


@pytest.mark.parametrize("decision", ["accept", "reject"])
def test_deciding_a_lead_someone_holds_is_a_409_naming_them_in_my_time_zone(
        app, staff_client, other_sales_client, queued, sales_id, decision):
    set_time_zone(app, "kim@example.com", "America/New_York")
    act(staff_client, queued, "claim")
    response = act(other_sales_client, queued, decision, reason="Mine")
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    claimed = lead_row(app, queued).claimed_at.astimezone(ZoneInfo("America/New_York"))
    assert (f"This lead is held by sam@example.com since {claimed:%Y-%m-%d %H:%M %Z}; "
            "ask them to release it.") in page
    assert " UTC" not in page
    lead = lead_row(app, queued)
    assert (lead.status, lead.owner_id) == ("in_review", sales_id)
    assert len(audit(app, queued)) == 1


def test_the_second_of_two_one_step_decisions_is_a_409_naming_who_decided(
        app, staff_client, other_sales_client, queued, sales_id):
    kims_page = other_sales_client.get(f"/staff/leads/{queued}").get_data(as_text=True)
    assert ">Accept<" in kims_page  # Kim sees a queued lead, and the button
    act(staff_client, queued, "accept")
    response = act(other_sales_client, queued, "reject", reason="Too small")
    assert response.status_code == 409
    assert ("Cannot reject this lead: it is accepted (sam@example.com accepted it "
            in response.get_data(as_text=True))
    assert lead_row(app, queued).status == "accepted"
    assert [row[0] for row in audit(app, queued)] == ["claim", "accept"]


def test_release_claim_puts_the_lead_back(app, staff_client, queued, sales_id):
    act(staff_client, queued, "claim")
    act(staff_client, queued, "unclaim")
    lead = lead_row(app, queued)
    assert (lead.status, lead.owner_id, lead.claimed_at) == ("queued", None, None)
    assert audit(app, queued)[-1] == ("unclaim", "in_review", "queued", "", sales_id)


def test_release_a_screened_out_lead_is_an_override_with_who_and_why(app, staff_client,
                                                                     screened, sales_id):
    response = act(staff_client, screened, "release", reason="")
    assert response.status_code == 422
    assert lead_row(app, screened).status == "screened_out"
    act(staff_client, screened, "release", reason="500 staff but a 20-person MSP division")
    assert lead_row(app, screened).status == "queued"
    assert audit(app, screened) == [("release", "screened_out", "queued",
                                     "500 staff but a 20-person MSP division", sales_id)]
    history = staff_client.get(f"/staff/leads/{screened}").get_data(as_text=True)
    assert "released into the queue" in history
    assert "sam@example.com" in history
    assert "20-person MSP division" in history


def test_add_note(app, staff_client, queued, sales_id):
    response = act(staff_client, queued, "notes", body="Called, left a voicemail.")
    assert response.status_code == 303
    with app.app_context():
        [note] = db.session.scalars(select(Note)).all()
        assert (note.body, note.author_id) == ("Called, left a voicemail.", sales_id)
    assert audit(app, queued) == [("note", "queued", "queued", "Called, left a voicemail.",
                                   sales_id)]
    page = staff_client.get(f"/staff/leads/{queued}").get_data(as_text=True)
    assert "Called, left a voicemail." in page
    assert act(staff_client, queued, "notes", body="  ").status_code == 422


def test_sales_may_mark_spam(app, staff_client, queued):
    assert act(staff_client, queued, "spam").status_code == 303
    assert lead_row(app, queued).status == "spam"


def test_admin_marks_spam_and_not_spam_which_screens_again(app, admin_client, queued,
                                                           admin_id):
    act(admin_client, queued, "spam")
    assert lead_row(app, queued).status == "spam"
    act(admin_client, queued, "not-spam")
    assert lead_row(app, queued).status == "queued"
    assert [row[:3] for row in audit(app, queued)] == [
        ("mark_spam", "queued", "spam"), ("mark_not_spam", "spam", "queued")]


def test_not_spam_honeypot_lead_is_screened_on_its_other_fields(app, admin_client, spam,
                                                                client, submission):
    screened_spam = add_lead(client, submission, company_fax="x", employees="900",
                             email="big-bot@spam.example")
    act(admin_client, spam, "not-spam")
    act(admin_client, screened_spam, "not-spam")
    assert lead_row(app, spam).status == "queued"
    big = lead_row(app, screened_spam)
    assert big.status == "screened_out"
    assert "too_large" in big.reason_ids
    with app.app_context():  # staff hear of the lead that now waits in the queue
        alerted = db.session.scalars(select(OutboxMessage.lead_id)).all()
        assert lead_row(app, spam).id in alerted
        assert big.id not in alerted


def test_admin_may_decide_a_lead_someone_else_holds(app, staff_client, admin_client, queued,
                                                    admin_id):
    act(staff_client, queued, "claim")
    act(admin_client, queued, "accept")
    assert lead_row(app, queued).status == "accepted"
    assert audit(app, queued)[-1][4] == admin_id


def test_the_page_offers_only_actions_that_apply(staff_client, queued):
    """A queued lead can be decided in one step now; a claim stays for those who want
    to hold a lead while they look into it."""
    page = staff_client.get(f"/staff/leads/{queued}").get_data(as_text=True)
    assert "Claim this lead" in page
    assert ">Accept<" in page
    assert ">Reject<" in page
    assert "Claims it for you and accepts it in one step." in page
    assert "Release claim" not in page
    assert "Mark as spam" in page
    assert "Release into the queue" not in page  # only for screened-out leads
    act(staff_client, queued, "claim")
    page = staff_client.get(f"/staff/leads/{queued}").get_data(as_text=True)
    assert "Claim this lead" not in page
    assert ">Accept<" in page
    assert ">Reject<" in page
    assert "in one step" not in page
    assert "Release claim" in page


NEXT_LEAD = re.compile(r'<a class="next-lead" href="/staff/leads/([^"]+)">Next in the queue: '
                       r'([^<]+)</a>')


def decided(client, public_id, action, **data):
    response = act(client, public_id, action, **data)
    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    found = NEXT_LEAD.search(page)
    return (found.group(1), found.group(2)) if found else page


def test_each_decision_links_the_next_lead_still_queued_in_the_queues_order(
        client, staff_client, other_sales_client, submission):
    a, b, c, d = (add_lead(client, submission, company=f"{name} IT", monthly_budget=budget,
                           email=f"{name.lower()}@x.example")
                  for name, budget in [("Alpha", "5000"), ("Bravo", "4000"),
                                       ("Charlie", "3000"), ("Delta", "2000")])
    act(other_sales_client, d, "claim")  # in review: not queued, never "next"
    assert decided(staff_client, b, "accept") == (c, f"Charlie IT ({submission['name']})")
    assert decided(staff_client, c, "reject", reason="No budget") == (a, "Alpha IT ("
                                                                      f"{submission['name']})")
    page = decided(staff_client, a, "spam")
    assert "Lead marked as spam. The queue is empty: every lead in it has been decided." in page


def test_the_next_lead_link_escapes_what_the_sender_typed(client, staff_client, submission):
    first = add_lead(client, submission, monthly_budget="9000")
    add_lead(client, submission, company="<b>Evil</b> & Co", email="e@x.example")
    assert decided(staff_client, first, "accept")[1] == (
        f"&lt;b&gt;Evil&lt;/b&gt; &amp; Co ({submission['name']})")
