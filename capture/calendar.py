"""Each staff member's due touches as an iCalendar feed (RFC 5545), so they appear in
Outlook or Google Calendar next to the rest of their day.

A calendar app cannot log in, so the feed's address carries a secret instead: 32
random bytes, of which only a SHA-256 is stored (a leaked database does not leak
working feed addresses). Renewing makes a new address; revoking ends the feed.
"""

import hashlib
import secrets
from datetime import datetime
from datetime import timedelta

from icalendar import Calendar
from icalendar import Event

from capture import contract


def new_token() -> tuple[str, str]:
    """(the secret for the URL, its hash for the database)."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def feed(user, touches, *, service_url: str, domain: str, now: datetime) -> bytes:
    """One all-day event per open touch, with how to reach the person and the lead's
    page; the UID is stable per touch, so a rescheduled touch moves, never doubles."""
    calendar = Calendar()
    calendar.add("prodid", "-//Leadpress//Follow-ups//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Leadpress follow-ups: {user.email}")
    calendar.add("refresh-interval;value=duration", "PT1H")
    line = contract.one_line
    for touch in touches:
        lead = touch.lead
        event = Event()
        event.add("uid", f"touch-{touch.id}@{domain}")
        event.add("dtstamp", now)
        event.add("dtstart", touch.due)
        event.add("dtend", touch.due + timedelta(days=1))
        event.add("summary", f"{touch.label}: {line(lead.company)}")
        event.add("description", "\n".join([
            f"{line(lead.name)}, {line(lead.company)}",
            f"Phone: {line(lead.phone) or '-'}",
            f"Email: {line(lead.email)}",
            f"{service_url}/staff/leads/{lead.public_id}",
        ]))
        event.add("url", f"{service_url}/staff/leads/{lead.public_id}")
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
