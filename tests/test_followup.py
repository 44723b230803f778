"""capture.followup: the plan from its template, spacing, check-ins, calendar days."""

from datetime import UTC
from datetime import date
from datetime import datetime
from types import SimpleNamespace

import pytest

from capture import followup

PLAN = followup.load_template()
ACCEPTED = date(2026, 3, 2)


def test_the_default_plan_follows_the_seed_article_in_order():
    assert [step.kind for step in PLAN.steps] == [
        "thank_you_card", "network_assessment", "education_meeting", "office_meeting",
        "lunch_and_learn"]
    assert [step.after_days for step in PLAN.steps] == [2, 14, 42, 91, 182]
    assert (PLAN.check_in_every_days, PLAN.lost_check_in_every_days,
            PLAN.min_spacing_days) == (61, 182, 14)


def test_a_plan_puts_each_touch_at_its_offset_kept_apart_by_the_spacing():
    planned = followup.plan(ACCEPTED, PLAN)
    assert [(touch.kind, touch.due) for touch in planned] == [
        ("thank_you_card", date(2026, 3, 4)),        # within 2 days
        ("network_assessment", date(2026, 3, 18)),   # day 16, not 14: 14 days after the card
        ("education_meeting", date(2026, 4, 13)),    # about 6 weeks
        ("office_meeting", date(2026, 6, 1)),        # about 3 months
        ("lunch_and_learn", date(2026, 8, 31)),      # about 6 months
    ]
    gaps = [(b.due - a.due).days for a, b in zip(planned, planned[1:], strict=False)]
    assert min(gaps) >= PLAN.min_spacing_days


@pytest.mark.parametrize(("lost", "days"), [(False, 61), (True, 182)])
def test_the_check_in_after_the_last_touch_never_ends(lost, days):
    touch = followup.next_check_in(date(2026, 9, 1), PLAN, lost=lost)
    assert (touch.kind, (touch.due - date(2026, 9, 1)).days) == ("check_in", days)
    assert PLAN.label("check_in") == "Check in"


def open_touches(*dues):
    return [followup.OpenTouch(i, "kind", f"Touch {i}", due) for i, due in enumerate(dues, 1)]


@pytest.mark.parametrize(("due", "conflict_id"), [
    (date(2026, 5, 1), 1),     # the same day
    (date(2026, 5, 14), 1),    # 13 days after touch 1
    (date(2026, 5, 15), None),  # exactly 14: allowed
    (date(2026, 4, 17), None),  # 14 before
    (date(2026, 4, 18), 1),
    (date(2026, 5, 25), 2),    # nearest of two is named
])
def test_spacing_names_the_nearest_conflicting_touch(due, conflict_id):
    others = open_touches(date(2026, 5, 1), date(2026, 6, 1))
    conflict = followup.spacing_conflict(due, others, 14)
    assert (conflict.id if conflict else None) == conflict_id


def test_a_rescheduled_touch_does_not_conflict_with_itself():
    others = open_touches(date(2026, 5, 1))
    assert followup.spacing_conflict(date(2026, 5, 3), others, 14, ignore_id=1) is None


def test_the_spacing_message_says_which_touch_and_how_to_override():
    [other] = open_touches(date(2026, 5, 1))
    message = followup.spacing_message(other, date(2026, 5, 10), 14)
    assert "only 9 days apart from “Touch 1” due 2026-05-01" in message
    assert "schedule anyway" in message


@pytest.mark.parametrize(("now", "zone", "day"), [
    (datetime(2026, 11, 29, 23, 30, tzinfo=UTC), "UTC", date(2026, 11, 29)),
    (datetime(2026, 11, 29, 23, 30, tzinfo=UTC), "Europe/Berlin", date(2026, 11, 30)),
    (datetime(2026, 11, 30, 3, 0, tzinfo=UTC), "America/New_York", date(2026, 11, 29)),
    (datetime(2026, 11, 30, 3, 0, tzinfo=UTC), "Pacific/Kiritimati", date(2026, 11, 30)),
    (datetime(2026, 3, 8, 6, 59, tzinfo=UTC), "America/New_York", date(2026, 3, 8)),
    (datetime(2026, 11, 29, 12, 0, tzinfo=UTC), "Not/AZone", date(2026, 11, 29)),
])
def test_today_is_the_staff_members_own_calendar_day(now, zone, day):
    assert followup.local_today(now, zone) == day


def test_the_agenda_sorts_open_touches_into_overdue_today_and_this_week():
    today = date(2026, 11, 29)
    touches = [SimpleNamespace(name=name, due=due) for name, due in [
        ("later", date(2026, 12, 6)), ("week end", date(2026, 12, 5)),
        ("tomorrow", date(2026, 11, 30)), ("today", today), ("yesterday", date(2026, 11, 28)),
        ("long ago", date(2025, 1, 1))]]
    agenda = followup.agenda(touches, today)
    assert [t.name for t in agenda.overdue] == ["long ago", "yesterday"]
    assert [t.name for t in agenda.due_today] == ["today"]
    assert [t.name for t in agenda.this_week] == ["tomorrow", "week end"]
    assert agenda.count == 5


@pytest.mark.parametrize(("text", "message"), [
    ("[[touch]]\nkind = 'card'\nlabel = 'Card'\n", "after_days"),
    ("[[touch]]\nkind = 'check_in'\nlabel = 'x'\nafter_days = 3\n", "check_in"),
    ("[[touch]]\nkind = 'card'\nafter_days = 3\n", "label"),
    ("[[touch]]\nkind = 'a b'\nlabel = 'x'\nafter_days = 3\n", "kind"),
    ("min_spacing_days = -1\n", "min_spacing_days"),
    ("[check_in]\nevery_days = 0\n", "check-ins"),
    ("this is not toml", "not valid TOML"),
])
def test_a_broken_plan_file_is_refused_with_what_to_fix(tmp_path, text, message):
    path = tmp_path / "plan.toml"
    path.write_text(text)
    with pytest.raises(followup.PlanError, match=message):
        followup.load_template(path)


def test_a_plan_file_of_our_own_replaces_the_default(tmp_path):
    path = tmp_path / "plan.toml"
    path.write_text("min_spacing_days = 7\n[[touch]]\nkind = 'demo'\nlabel = 'Demo call'\n"
                    "after_days = 5\n[check_in]\nevery_days = 30\n")
    plan = followup.load_template(path)
    assert [(t.kind, t.due) for t in followup.plan(ACCEPTED, plan)] == [
        ("demo", date(2026, 3, 7))]
    assert plan.check_in_every_days == 30
    assert plan.min_spacing_days == 7
