"""Follow-up plans: which touches an accepted lead gets, when, and how far apart.

The seed articles make one argument: IT sales close 3 to 12 months after the first
meeting and later, and only for those who keep following up without calling too
often. "What Is A Qualified Sales Lead?" lists the touches (a thank-you card, a
network assessment, an education meeting on data backup, a meeting at your office,
a lunch-and-learn), and "continue following up on all prospects until either they
go out of business or become a customer" says the plan never ends: after the last
planned touch, a check-in every two months; a lost lead still gets one every six.

The plan is configuration (``capture/followup_plan.toml``, or the file named by
``CAPTURE_FOLLOWUP_PLAN``), read by ``load_template``. Pure Python: dates in,
dates out; the clock and the database belong to the callers.
"""

import tomllib
from collections.abc import Iterable
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo
from zoneinfo import ZoneInfoNotFoundError

DEFAULT_PLAN = Path(__file__).with_name("followup_plan.toml")
CHECK_IN = "check_in"


class PlanError(ValueError):
    """The plan file is missing something or holds a wrong value; the message says which."""


@dataclass(frozen=True)
class Step:
    """One planned touch: ``after_days`` counts from the day the lead was accepted."""

    kind: str
    label: str
    after_days: int


@dataclass(frozen=True)
class PlanTemplate:
    steps: tuple[Step, ...]
    check_in_label: str = "Check in"
    check_in_every_days: int = 61
    lost_check_in_every_days: int = 182
    min_spacing_days: int = 14

    @property
    def labels(self) -> dict[str, str]:
        return {CHECK_IN: self.check_in_label} | {step.kind: step.label for step in self.steps}

    def label(self, kind: str) -> str:
        return self.labels.get(kind, kind.replace("_", " ").capitalize())


@dataclass(frozen=True)
class PlannedTouch:
    kind: str
    due: date


@dataclass(frozen=True)
class OpenTouch:
    """A touch already scheduled, as the spacing rule sees it."""

    id: int
    kind: str
    label: str
    due: date


def _positive_int(table: dict, key: str, where: str, default: int | None = None) -> int:
    value = table.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise PlanError(f"{where}: {key} must be a whole number of days (got {value!r})")
    return value


def template_from_dict(data: dict, where: str = "follow-up plan") -> PlanTemplate:
    steps = []
    for number, entry in enumerate(data.get("touch", []), start=1):
        place = f"{where}, touch {number}"
        kind, label = entry.get("kind"), entry.get("label")
        if not isinstance(kind, str) or not kind.isidentifier() or kind == CHECK_IN:
            raise PlanError(f"{place}: kind must be a word such as thank_you_card "
                            f"(and not {CHECK_IN!r}, which the plan adds itself)")
        if not isinstance(label, str) or not label.strip():
            raise PlanError(f"{place}: give the touch a label staff read")
        steps.append(Step(kind, label.strip(), _positive_int(entry, "after_days", place)))
    if len({step.kind for step in steps}) != len(steps):
        raise PlanError(f"{where}: each touch needs its own kind")
    check_in = data.get("check_in", {})
    every = _positive_int(check_in, "every_days", f"{where}, check_in", 61)
    lost_every = _positive_int(check_in, "lost_every_days", f"{where}, check_in", 182)
    spacing = _positive_int(data, "min_spacing_days", where, 14)
    if every < 1 or lost_every < 1:
        raise PlanError(f"{where}: check-ins need at least a day between them")
    return PlanTemplate(
        steps=tuple(sorted(steps, key=lambda step: step.after_days)),
        check_in_label=str(check_in.get("label", "Check in")),
        check_in_every_days=every, lost_check_in_every_days=lost_every,
        min_spacing_days=spacing)


def load_template(path: str | Path | None = None) -> PlanTemplate:
    path = Path(path or DEFAULT_PLAN)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PlanError(f"follow-up plan {path} does not exist") from None
    except tomllib.TOMLDecodeError as error:
        raise PlanError(f"follow-up plan {path} is not valid TOML: {error}") from None
    return template_from_dict(data, str(path))


def plan(accepted_on: date, template: PlanTemplate) -> list[PlannedTouch]:
    """The touches an accepted lead gets, each at least ``min_spacing_days`` after the
    one before (the thank-you card on day 2 and the assessment on day 14 would be
    12 days apart: the assessment moves to day 16)."""
    spacing = timedelta(days=template.min_spacing_days)
    touches: list[PlannedTouch] = []
    for step in template.steps:
        due = accepted_on + timedelta(days=step.after_days)
        if touches:
            due = max(due, touches[-1].due + spacing)
        touches.append(PlannedTouch(step.kind, due))
    return touches


def next_check_in(after: date, template: PlanTemplate, *, lost: bool = False) -> PlannedTouch:
    """The check-in that keeps a plan from running dry: two months after the last
    touch, six for a lost lead (the incumbent's service degrades over time)."""
    every = template.lost_check_in_every_days if lost else template.check_in_every_days
    return PlannedTouch(CHECK_IN, after + timedelta(days=every))


def spacing_conflict(due: date, others: Iterable[OpenTouch], min_spacing_days: int,
                     ignore_id: int | None = None) -> OpenTouch | None:
    """The nearest open touch of the same lead closer than the minimum, if any."""
    close = [other for other in others
             if other.id != ignore_id and abs((other.due - due).days) < min_spacing_days]
    return min(close, key=lambda other: (abs((other.due - due).days), other.id), default=None)


def spacing_message(conflict: OpenTouch, due: date, min_spacing_days: int) -> str:
    gap = abs((conflict.due - due).days)
    days = "the same day" if gap == 0 else f"only {gap} day{'s' if gap != 1 else ''} apart"
    return (f"{due.isoformat()} is {days} from “{conflict.label}” due "
            f"{conflict.due.isoformat()}; touches of one lead are kept at least "
            f"{min_spacing_days} days apart so nobody is called too often. Pick another "
            "date, or tick “schedule anyway”.")


def zone(name: str | None) -> ZoneInfo:
    """A staff member's time zone; an unknown name falls back to UTC."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local_today(now: datetime, time_zone: str | None) -> date:
    """The calendar day it is for this person: 23:30 UTC is already tomorrow in Berlin."""
    return now.astimezone(zone(time_zone)).date()


@dataclass
class Agenda:
    """The Today page: overdue, due today, and the rest of the coming week."""

    today: date
    overdue: list = field(default_factory=list)
    due_today: list = field(default_factory=list)
    this_week: list = field(default_factory=list)
    #: How many each group holds in all, when the lists above are only its first
    #: screenful (the Today page); by default, their lengths.
    totals: dict = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.overdue) + len(self.due_today) + len(self.this_week)

    def total(self, group: str) -> int:
        return self.totals.get(group, len(getattr(self, group)))


WEEK_AHEAD = 6


def agenda(touches: Sequence, today: date, due_of=lambda touch: touch.due) -> Agenda:
    """Sort open touches into the Today page's three groups (later ones are left out),
    each oldest first; ``due_of`` reads a touch's due date."""
    result = Agenda(today)
    horizon = today + timedelta(days=WEEK_AHEAD)
    for touch in sorted(touches, key=due_of):
        due = due_of(touch)
        if due < today:
            result.overdue.append(touch)
        elif due == today:
            result.due_today.append(touch)
        elif due <= horizon:
            result.this_week.append(touch)
    return result
