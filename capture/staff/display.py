"""How values read on staff pages: ages, labels, statuses. Pure functions."""

from datetime import datetime
from datetime import timedelta

from capture import contract

STATUS_LABELS = {
    "queued": "Queued", "in_review": "In review", "accepted": "Accepted",
    "rejected": "Rejected", "screened_out": "Screened out", "spam": "Spam",
    "won": "Won", "lost": "Lost",
}
FLAG_LABELS = {"tire_kicker": "Tire kicker", "not_decision_maker": "Not decision maker"}
REASON_LABELS = {"not_msp": "Not an IT provider", "too_large": "Too large",
                 "under_budget": "Under budget"}
ACTION_LABELS = {
    "claim": "claimed", "unclaim": "released the claim", "accept": "accepted",
    "reject": "rejected", "release": "released into the queue", "mark_spam": "marked as spam",
    "mark_not_spam": "marked as not spam", "note": "added a note",
    "create_account": "created account", "disable_account": "disabled account",
    "enable_account": "enabled account", "set_password": "set password",
}


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


def label(kind: str, value: str) -> str:
    if kind in ("company_type", "role", "interest"):
        return contract.choice_label(kind, value)
    table = {"status": STATUS_LABELS, "flag": FLAG_LABELS, "reason": REASON_LABELS,
             "action": ACTION_LABELS}[kind]
    return table.get(value, value.replace("_", " "))
