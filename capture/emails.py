"""What the service's emails say, and the one rule for what may go into a header.

Visitor text never makes a header. Python's ``email`` package before 3.11.10
decodes RFC 2047 encoded words in a header value it is given and writes any
CR LF inside them out as real line breaks (CVE-2024-6923), so a company named
``Acme =?utf-8?q?=0D=0AReply-To:_x@evil.example?=`` would add a Reply-To header.
Every header here is built from values the project controls, or from text that
``header_text`` reduced to one safe line: no control characters or line breaks
of any kind, and no ``=?`` that could open an encoded word.

Pure: values in, an ``EmailMessage`` out; the outbox decides when to send it.
"""

from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.utils import parseaddr

from capture import contract
from capture import followup

# Header lines up to the RFC's 998: the default 78 folds a long subject with
# parentheses before its first word, and mail clients then show a leading space.
MAIL_POLICY = policy.default.clone(max_line_length=998)
HEADER_TEXT_LIMIT = 120


@dataclass(frozen=True)
class MailSettings:
    """Who sends, who receives staff alerts, and the addresses links point to."""

    sender: str
    recipients: tuple[str, ...]
    site_url: str
    service_url: str

    @classmethod
    def from_config(cls, config) -> "MailSettings":
        return cls(config["MAIL_SENDER"], tuple(config["STAFF_RECIPIENTS"]),
                   config["SITE_URL"], config["SERVICE_URL"])

    @property
    def domain(self) -> str:
        return parseaddr(self.sender)[1].rpartition("@")[2] or "localhost"


def header_text(text: str, limit: int = HEADER_TEXT_LIMIT) -> str:
    """Visitor text made safe for a header: one line, no encoded-word opener, short."""
    text = contract.one_line(text or "").replace("=?", "= ?")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def new_message(subject: str, *, settings: MailSettings, to: list[str] | tuple[str, ...],
                message_id: str | None = None,
                extra_headers: dict[str, str] | None = None) -> EmailMessage:
    """An empty message whose headers are safe whatever ``subject`` holds."""
    message = EmailMessage(policy=MAIL_POLICY)
    message["Subject"] = header_text(subject, limit=200)
    message["From"] = settings.sender
    message["To"] = ", ".join(to)
    for name, value in (extra_headers or {}).items():
        message[name] = header_text(value)
    if message_id:
        message["Message-ID"] = message_id
    return message


def lead_alert(lead, *, settings: MailSettings, message_id: str | None = None) -> EmailMessage:
    """Who, which company, why it qualified, and the link to the lead page."""
    company_type = contract.choice_label("company_type", lead.company_type)
    flags = lead.flags or []
    line = contract.one_line  # a stored name from before the one-line rule stays one line
    lines = [
        "A new lead passed screening and is waiting in the queue.",
        "",
        f"Name:      {line(lead.name)}",
        f"Email:     {line(lead.email)}",
        f"Phone:     {line(lead.phone) or '-'}",
        f"Company:   {line(lead.company)}",
        f"Type:      {company_type}",
        f"Employees: {lead.employees:,}",
        f"Budget:    ${lead.monthly_budget:,} a month",
        f"Role:      {contract.choice_label('role', lead.role)}",
        f"Interest:  {contract.choice_label('interest', lead.interest)}",
        "",
        "Why it qualified: a provider of IT services within the size and budget limits"
        + (" (no flags)." if not flags else ", with these flags:"),
    ]
    lines += [f"  - {flag['id']}: {flag['sentence']} ({line(flag['evidence'])})"
              for flag in flags]
    lines += ["", "Message:", lead.message or "(none)", ""]
    if lead.source:
        lines.append(f"Source article: {settings.site_url}/{line(lead.source)}.html")
    lines.append(f"Lead page: {settings.service_url}/staff/leads/{lead.public_id}")

    message = new_message(f"New qualified lead: {lead.company} ({company_type})",
                          settings=settings, to=settings.recipients, message_id=message_id,
                          extra_headers={"X-Leadpress-Lead": lead.public_id})
    message.set_content("\n".join(lines))
    return message


def followup_digest(user, day, touches, *, settings: MailSettings,
                    message_id: str | None = None) -> EmailMessage:
    """One staff member's due and overdue touches for their day, with how to reach
    each person, and links to Today and each lead."""
    agenda = followup.agenda(touches, day)  # touches due by ``day``: no "this week"
    overdue, due = agenda.overdue, agenda.due_today
    line = contract.one_line
    lines = [f"Your follow-ups for {day:%A %B %-d, %Y}: {len(due)} due today, "
             f"{len(overdue)} overdue.", ""]
    for title, group in (("Overdue", overdue), ("Due today", due)):
        if not group:
            continue
        lines += [f"{title}:"]
        for touch in group:
            lead = touch.lead
            lines += [f"- {touch.label}: {line(lead.company)}, {line(lead.name)}"
                      + (f" (due {touch.due:%b %-d})" if touch.due < day else ""),
                      f"  {line(lead.phone) or 'no phone'} · {line(lead.email)}",
                      f"  {settings.service_url}/staff/leads/{lead.public_id}"]
        lines.append("")
    lines.append(f"Today: {settings.service_url}/staff/today")
    message = new_message(f"Follow-ups for {day:%b %-d}: {len(due)} due, {len(overdue)} overdue",
                          settings=settings, to=[user.email], message_id=message_id)
    message.set_content("\n".join(lines))
    return message
