"""capture.pipeline on a real database: the plan an acceptance creates, completing and
rescheduling touches under the spacing rule, the never-ending check-ins, and the
stages through won or lost."""

from datetime import date
from datetime import timedelta

import pytest
from sqlalchemy import select

from capture import followup
from capture import lifecycle
from capture import pipeline
from capture.extensions import db
from capture.models import Touch
from tests.conftest import NOW
from tests.conftest import entries

PLAN = followup.load_template()
TODAY = date(2026, 3, 2)


@pytest.fixture
def accepted(lead, sam):
    lifecycle.claim(db.session, lead, sam, NOW)
    lifecycle.accept(db.session, lead, sam, NOW, "Good fit", template=PLAN, today=TODAY)
    return lead


def touches(lead, status=None):
    query = select(Touch).where(Touch.lead_id == lead.id).order_by(Touch.due, Touch.id)
    if status:
        query = query.where(Touch.status == status)
    return list(db.session.scalars(query))


def test_accepting_creates_the_plan_owned_by_the_accepting_person(accepted, sam):
    plan = touches(accepted)
    assert [(t.kind, t.due, t.owner_id, t.status) for t in plan] == [
        (p.kind, p.due, sam.id, "open") for p in followup.plan(TODAY, PLAN)]
    assert plan[0].label == "Send a thank-you card"
    assert (accepted.status, accepted.stage, accepted.accepted_at) == ("accepted", "new", NOW)


def test_completing_a_touch_keeps_its_outcome_and_note_and_is_audited(accepted, sam):
    first = touches(accepted)[0]
    following = pipeline.complete_touch(db.session, first, sam, NOW, TODAY,
                                        outcome="done", note="Card posted", template=PLAN)
    assert following is None  # four more planned touches are still open
    assert (first.status, first.outcome, first.note, first.completed_by_id) == (
        "done", "done", "Card posted", sam.id)
    assert entries(accepted)[-1][:2] == ("touch_done", "accepted")
    with pytest.raises(lifecycle.InvalidTransition):
        pipeline.complete_touch(db.session, first, sam, NOW, TODAY, outcome="done", note="",
                                template=PLAN)


def test_an_unknown_outcome_is_refused(accepted, sam):
    with pytest.raises(lifecycle.LifecycleError, match="Choose how it went"):
        pipeline.complete_touch(db.session, touches(accepted)[0], sam, NOW, TODAY,
                                outcome="maybe", note="", template=PLAN)


def test_completing_the_last_touch_schedules_the_next_check_in_forever(accepted, sam):
    day = TODAY
    for touch in touches(accepted, "open"):
        day = touch.due
        following = pipeline.complete_touch(db.session, touch, sam, NOW, day,
                                            outcome="talked", note="", template=PLAN)
    assert (following.kind, following.due) == ("check_in", day + timedelta(days=61))
    for _ in range(3):  # and the check-ins go on
        day = following.due
        following = pipeline.complete_touch(db.session, following, sam, NOW, day,
                                            outcome="left_message", note="", template=PLAN)
        assert (following.kind, following.due) == ("check_in", day + timedelta(days=61))
    assert len(touches(accepted, "open")) == 1


def test_a_late_completion_schedules_the_check_in_from_today(accepted, sam):
    *_, last = touches(accepted, "open")
    for touch in touches(accepted, "open")[:-1]:
        pipeline.complete_touch(db.session, touch, sam, NOW, TODAY, outcome="done", note="",
                                template=PLAN)
    late = last.due + timedelta(days=30)
    following = pipeline.complete_touch(db.session, last, sam, NOW, late, outcome="done",
                                        note="", template=PLAN)
    assert following.due == late + timedelta(days=61)


def test_rescheduling_too_close_to_another_touch_is_refused_naming_it(accepted, sam):
    card, assessment, *_ = touches(accepted)
    with pytest.raises(pipeline.SpacingConflict, match="“Send a thank-you card”"):
        pipeline.reschedule_touch(db.session, assessment, sam, NOW,
                                  card.due + timedelta(days=5), template=PLAN)
    db.session.rollback()
    assert touches(accepted)[1].due == assessment.due


def test_overriding_the_spacing_is_recorded_in_the_audit_log(accepted, sam):
    card, assessment, *_ = touches(accepted)
    new_due = card.due + timedelta(days=5)
    pipeline.reschedule_touch(db.session, assessment, sam, NOW, new_due, template=PLAN,
                              override=True)
    assert assessment.due == new_due
    actions = [entry[0] for entry in entries(accepted)]
    assert actions[-2:] == ["touch_reschedule", "spacing_override"]
    assert "only 5 days apart" in entries(accepted)[-1][3]


def test_adding_a_touch_checks_the_spacing_too(accepted, sam):
    card = touches(accepted)[0]
    with pytest.raises(pipeline.SpacingConflict):
        pipeline.add_touch(db.session, accepted, sam, NOW, kind="custom", label="Call Dana",
                           due=card.due, template=PLAN)
    db.session.rollback()
    far = touches(accepted)[-1].due + timedelta(days=30)
    added = pipeline.add_touch(db.session, accepted, sam, NOW, kind="custom",
                               label="Call Dana", due=far, template=PLAN)
    assert (added.label, added.owner_id, added.status) == ("Call Dana", sam.id, "open")


def test_stages_then_won_ends_the_plan(accepted, sam):
    pipeline.set_stage(db.session, accepted, sam, NOW, "first_meeting")
    pipeline.set_stage(db.session, accepted, sam, NOW, "proposal", estimated_value=2500)
    assert (accepted.stage, accepted.estimated_value) == ("proposal", 2500)
    pipeline.win(db.session, accepted, sam, NOW, 3000)
    assert (accepted.status, accepted.won_value, accepted.closed_at) == ("won", 3000, NOW)
    assert touches(accepted, "open") == []
    with pytest.raises(lifecycle.InvalidTransition):
        pipeline.set_stage(db.session, accepted, sam, NOW, "proposal")


@pytest.mark.parametrize("value", [-1, 10_000_001])
def test_a_value_out_of_range_is_refused(accepted, sam, value):
    with pytest.raises(lifecycle.LifecycleError, match="from \\$0"):
        pipeline.win(db.session, accepted, sam, NOW, value)


def test_a_lost_lead_keeps_a_check_in_every_six_months(accepted, sam):
    with pytest.raises(lifecycle.ReasonRequired):
        pipeline.lose(db.session, accepted, sam, NOW, TODAY, " ", template=PLAN)
    check_in = pipeline.lose(db.session, accepted, sam, NOW, TODAY, "Signed with incumbent",
                             template=PLAN)
    assert (accepted.status, accepted.lost_reason) == ("lost", "Signed with incumbent")
    assert [(t.kind, t.due) for t in touches(accepted, "open")] == [
        ("check_in", TODAY + timedelta(days=182))]
    following = pipeline.complete_touch(db.session, check_in, sam, NOW, check_in.due,
                                        outcome="not_now", note="", template=PLAN)
    assert following.due == check_in.due + timedelta(days=182)
    pipeline.reopen(db.session, accepted, sam, NOW, "They called back")
    assert (accepted.status, accepted.closed_at) == ("accepted", None)
