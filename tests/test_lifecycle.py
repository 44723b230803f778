"""capture.lifecycle: each change, its rule, and the audit entry it writes."""


import pytest
from sqlalchemy.orm import Session

from capture import lifecycle
from capture.extensions import db
from capture.models import Lead
from capture.models import StaffUser
from capture.screening import rules_from_config
from capture.screening import screen
from tests.conftest import NOW
from tests.conftest import entries
from tests.conftest import received


def test_claim_then_accept(lead, sam):
    lifecycle.claim(db.session, lead, sam, NOW)
    assert (lead.status, lead.owner_id, lead.claimed_at) == ("in_review", sam.id, NOW)
    lifecycle.accept(db.session, lead, sam, NOW, "Ready to talk")
    assert entries(lead) == [
        ("claim", "queued", "in_review", "", "sam@example.com"),
        ("accept", "in_review", "accepted", "Ready to talk", "sam@example.com"),
    ]


def test_a_claimed_lead_names_its_holder_and_time(lead, sam, kim):
    lifecycle.claim(db.session, lead, sam, NOW)
    with pytest.raises(lifecycle.AlreadyClaimed) as caught:
        lifecycle.claim(db.session, lead, kim, NOW)
    assert str(caught.value) == ("This lead is held by sam@example.com since 2026-03-02 10:42 UTC;"
                                 " ask them to release it.")
    assert lead.owner_id == sam.id


def test_of_two_simultaneous_claims_exactly_one_wins(ctx, lead, sam, kim):
    """Kim's copy was loaded before Sam claimed; the conditional update still refuses."""
    with Session(db.engine) as other:
        stale_lead = other.get(Lead, lead.id)
        stale_kim = other.get(StaffUser, kim.id)
        assert stale_lead.status == "queued"
        lifecycle.claim(db.session, lead, sam, NOW)
        with pytest.raises(lifecycle.AlreadyClaimed, match="sam@example.com"):
            lifecycle.claim(other, stale_lead, stale_kim, NOW)
    db.session.refresh(lead)
    assert (lead.status, lead.owner_id) == ("in_review", sam.id)
    assert len(entries(lead)) == 1


@pytest.mark.parametrize(("action", "args", "status"), [
    ("unclaim", (), "queued"),
    ("release", ("why",), "queued"),
    ("mark_not_spam", (), "queued"),
])
def test_invalid_transitions_are_refused_and_change_nothing(lead, ada, action, args, status):
    kwargs = {"screen": screen, "rules": None} if action == "mark_not_spam" else {}
    with pytest.raises(lifecycle.InvalidTransition):
        getattr(lifecycle, action)(db.session, lead, ada, NOW, *args, **kwargs)
    assert lead.status == status
    assert entries(lead) == []


def test_accepting_a_queued_lead_claims_it_on_the_way(lead, sam):
    lifecycle.accept(db.session, lead, sam, NOW, "Ready to talk")
    assert (lead.status, lead.owner_id, lead.claimed_at) == ("accepted", sam.id, NOW)
    assert entries(lead) == [
        ("claim", "queued", "in_review", "", "sam@example.com"),
        ("accept", "in_review", "accepted", "Ready to talk", "sam@example.com"),
    ]


def test_rejecting_a_queued_lead_claims_it_on_the_way(lead, sam):
    lifecycle.reject(db.session, lead, sam, NOW, "Only wants a price list")
    assert (lead.status, lead.owner_id) == ("rejected", sam.id)
    assert entries(lead) == [
        ("claim", "queued", "in_review", "", "sam@example.com"),
        ("reject", "in_review", "rejected", "Only wants a price list", "sam@example.com"),
    ]


def test_a_rejection_without_a_reason_leaves_a_queued_lead_unclaimed(lead, sam):
    with pytest.raises(lifecycle.ReasonRequired):
        lifecycle.reject(db.session, lead, sam, NOW, "  ")
    db.session.refresh(lead)
    assert (lead.status, lead.owner_id) == ("queued", None)
    assert entries(lead) == []


@pytest.mark.parametrize("decision", ["accept", "reject"])
def test_of_two_simultaneous_decisions_exactly_one_wins_and_the_other_learns_who(
        ctx, lead, sam, kim, decision):
    """Kim's copy was loaded while the lead was queued; Sam decided it in one step
    first. Kim's claim on the way is the same conditional UPDATE, so it is refused."""
    with Session(db.engine) as other:
        stale_lead = other.get(Lead, lead.id)
        stale_kim = other.get(StaffUser, kim.id)
        assert stale_lead.status == "queued"
        lifecycle.accept(db.session, lead, sam, NOW, "Mine")
        with pytest.raises(lifecycle.AlreadyDecided) as caught:
            getattr(lifecycle, decision)(other, stale_lead, stale_kim, NOW, "Kim's too")
        assert str(caught.value) == (
            f"Cannot {decision} this lead: it is accepted "
            "(sam@example.com accepted it 2026-03-02 10:42 UTC).")
    db.session.refresh(lead)
    assert (lead.status, lead.owner_id) == ("accepted", sam.id)
    assert [entry[0] for entry in entries(lead)] == ["claim", "accept"]


def test_deciding_a_lead_somebody_holds_names_them(lead, sam, kim):
    lifecycle.claim(db.session, lead, sam, NOW)
    for decide in (lifecycle.accept, lifecycle.reject):
        with pytest.raises(lifecycle.AlreadyClaimed, match="held by sam@example.com since"):
            decide(db.session, lead, kim, NOW, "Kim's")
    assert (lead.status, lead.owner_id) == ("in_review", sam.id)
    assert len(entries(lead)) == 1


@pytest.mark.parametrize("status", ["screened_out", "spam"])
def test_only_a_queued_or_claimed_lead_can_be_decided(ctx, sam, submission, status):
    values = {"employees": "900"} if status == "screened_out" else {"company_fax": "bot"}
    lead = received(ctx, submission | values)
    for decide in (lifecycle.accept, lifecycle.reject):
        with pytest.raises(lifecycle.InvalidTransition, match="queued or in review"):
            decide(db.session, lead, sam, NOW, "why")
    assert lead.status == status
    assert entries(lead) == []


def test_refusals_write_their_times_with_the_readers_clock(lead, sam, kim):
    lifecycle.claim(db.session, lead, sam, NOW)
    with pytest.raises(lifecycle.AlreadyClaimed) as caught:
        lifecycle.accept(db.session, lead, kim, NOW)
    assert caught.value.describe(lambda moment: f"{moment:%H:%M} there") == (
        "This lead is held by sam@example.com since 10:42 there; ask them to release it.")


def test_accepting_a_rejected_lead_is_refused(lead, sam):
    lifecycle.claim(db.session, lead, sam, NOW)
    lifecycle.reject(db.session, lead, sam, NOW, "Only a price shopper")
    with pytest.raises(lifecycle.InvalidTransition, match="it is rejected"):
        lifecycle.accept(db.session, lead, sam, NOW)
    assert lead.status == "rejected"
    assert lead.decision_reason == "Only a price shopper"


@pytest.mark.parametrize("why", ["", "   ", None])
def test_reject_and_release_need_a_reason(ctx, lead, sam, submission, why):
    lifecycle.claim(db.session, lead, sam, NOW)
    with pytest.raises(lifecycle.ReasonRequired):
        lifecycle.reject(db.session, lead, sam, NOW, why)
    screened = received(ctx, submission | {"employees": "900", "email": "o@x.example"})
    with pytest.raises(lifecycle.ReasonRequired):
        lifecycle.release(db.session, screened, sam, NOW, why)
    assert (lead.status, screened.status) == ("in_review", "screened_out")


def test_release_records_who_when_and_why(ctx, sam, submission):
    screened = received(ctx, submission | {"monthly_budget": "100"})
    entry = lifecycle.release(db.session, screened, sam, NOW, "  Budget grows next quarter ")
    assert screened.status == "queued"
    assert (entry.actor_id, entry.at, entry.why) == (sam.id, NOW, "Budget grows next quarter")


def test_only_the_holder_or_an_admin_decides(lead, sam, kim, ada):
    lifecycle.claim(db.session, lead, sam, NOW)
    with pytest.raises(lifecycle.AlreadyClaimed):
        lifecycle.accept(db.session, lead, kim, NOW)
    lifecycle.reject(db.session, lead, ada, NOW, "Duplicate of an existing client")
    assert lead.status == "rejected"


def test_unclaim_returns_the_lead_to_the_queue(lead, sam):
    lifecycle.claim(db.session, lead, sam, NOW)
    lifecycle.unclaim(db.session, lead, sam, NOW)
    assert (lead.status, lead.owner_id, lead.claimed_at) == ("queued", None, None)


def test_sales_may_mark_spam(lead, sam):
    lifecycle.mark_spam(db.session, lead, sam, NOW, "Same text as three bots")
    assert lead.status == "spam"


def test_spam_and_back_screens_again(ctx, lead, ada):
    lifecycle.mark_spam(db.session, lead, ada, NOW, "Looks automated")
    assert lead.status == "spam"
    with pytest.raises(lifecycle.InvalidTransition):
        lifecycle.mark_spam(db.session, lead, ada, NOW)
    lifecycle.mark_not_spam(db.session, lead, ada, NOW, screen=screen,
                            rules=rules_from_config(ctx.config))
    assert lead.status == "queued"
    assert [e[:3] for e in entries(lead)] == [("mark_spam", "queued", "spam"),
                                             ("mark_not_spam", "spam", "queued")]


def test_add_note_writes_the_note_and_an_audit_entry(lead, sam):
    note = lifecycle.add_note(db.session, lead, sam, NOW, "  Wants a call after 3pm ")
    assert (note.body, note.author_id, note.at) == ("Wants a call after 3pm", sam.id, NOW)
    assert entries(lead) == [("note", "queued", "queued", "Wants a call after 3pm",
                              "sam@example.com")]
    with pytest.raises(lifecycle.ReasonRequired):
        lifecycle.add_note(db.session, lead, sam, NOW, "")


@pytest.mark.parametrize(("status", "role", "expected"), [
    ("queued", "sales", ["claim", "accept", "reject", "mark_spam", "note"]),
    ("queued", "admin", ["claim", "accept", "reject", "mark_spam", "note"]),
    ("screened_out", "sales", ["release", "mark_spam", "note"]),
    ("spam", "admin", ["mark_not_spam", "note"]),
    ("spam", "sales", ["mark_not_spam", "note"]),
    ("accepted", "sales", ["stage", "win", "lose", "touches", "mark_spam", "note"]),
    ("lost", "sales", ["reopen", "touches", "mark_spam", "note"]),
    ("won", "sales", ["mark_spam", "note"]),
])
def test_available_actions(status, role, expected):
    user = StaffUser(id=7, email="x@example.com", role=role)
    assert lifecycle.available_actions(Lead(status=status, owner_id=None), user) == expected


def test_available_actions_for_a_held_lead():
    holder = StaffUser(id=7, email="h@example.com", role="sales")
    other = StaffUser(id=8, email="o@example.com", role="sales")
    lead = Lead(status="in_review", owner_id=7)
    assert lifecycle.available_actions(lead, holder) == [
        "accept", "reject", "unclaim", "mark_spam", "note"]
    assert lifecycle.available_actions(lead, other) == ["note"]


def test_only_the_holder_or_an_admin_marks_a_held_lead_as_spam(lead, sam, kim, ada):
    lifecycle.claim(db.session, lead, sam, NOW)
    with pytest.raises(lifecycle.AlreadyClaimed):
        lifecycle.mark_spam(db.session, lead, kim, NOW)
    assert lead.status == "in_review"
    lifecycle.mark_spam(db.session, lead, ada, NOW, "Bot text")
    assert lead.status == "spam"
