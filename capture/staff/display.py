"""How values read on staff pages: ages, money, labels. Pure functions."""

from datetime import date
from datetime import datetime
from datetime import timedelta

from capture import contract
from capture import followup
from capture import vocabulary


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}{'' if count == 1 else 's'}"


def age(delta: timedelta) -> str:
    """'just now', '5 minutes', '3 hours', '3 days', '5 weeks', '2 years'."""
    seconds = max(int(delta.total_seconds()), 0)
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return _plural(seconds // 60, "minute")
    if seconds < 86400:
        return _plural(seconds // 3600, "hour")
    days = seconds // 86400
    if days < 60:
        return _plural(days, "day")
    if days < 730:
        return _plural(days // 30, "month")
    return _plural(days // 365, "year")


def age_since(moment: datetime, now: datetime) -> str:
    return age(now - moment)


def money(value: int) -> str:
    return f"${value:,}"


def label(kind: str, value: str, short: bool = False) -> str:
    if kind in ("company_type", "role", "interest"):
        return contract.choice_label(kind, value, short)
    return vocabulary.label(kind, value)


def local_time(moment: datetime, time_zone: str) -> str:
    """'2026-11-29 09:15 EST': the reader's own clock, with the zone named."""
    local = moment.astimezone(followup.zone(time_zone))
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()}"


def day(when: date, today: date) -> str:
    """'today', 'tomorrow', 'yesterday', 'in 5 days', '3 days ago', with the date."""
    delta = (when - today).days
    words = {0: "today", 1: "tomorrow", -1: "yesterday"}.get(delta)
    if words is None:
        words = f"in {delta} days" if delta > 0 else f"{-delta} days ago"
    return f"{when:%a %b %-d, %Y} ({words})"
