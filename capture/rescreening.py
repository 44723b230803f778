"""Verdicts over time: run today's rules over stored leads, see what staff overrode,
and turn their decisions into test cases for the rules.

Every verdict carries the version of the rule set that made it
(``screening.rules_version``). ``rescreen`` shows, rule by rule, what today's rules
would change, and with ``apply`` records the new verdicts, keeping each replaced one
in ``verdict_history``. It never touches a lead a person has already handled: one
in review or past it, or one that staff released, marked or unmarked as spam.
"""

from collections import Counter
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime

from sqlalchemy import exists
from sqlalchemy import select

from capture import contract
from capture import lifecycle
from capture.models import AuditEntry
from capture.models import Lead
from capture.models import VerdictHistory
from capture.vocabulary import Status

#: Statuses screening alone decided; anything else was a person's call.
UNHANDLED = (Status.QUEUED, Status.SCREENED_OUT, Status.SPAM)
#: Audit actions that mean a person judged the lead's verdict.
HUMAN_VERDICTS = ("claim", "release", "mark_spam", "mark_not_spam", "reject", "accept")
EXAMPLES = 3


@dataclass
class Change:
    public_id: str
    company: str
    before: str
    after: str


@dataclass
class RescreenReport:
    """Per rule id: leads that would gain it, lose it; per status move: how many."""

    version: str
    examined: int = 0
    changed: int = 0
    gained: Counter = field(default_factory=Counter)
    lost: Counter = field(default_factory=Counter)
    moves: Counter = field(default_factory=Counter)
    examples: dict = field(default_factory=lambda: defaultdict(list))

    def lines(self) -> Iterator[str]:
        yield (f"rules {self.version}: {self.examined} leads examined, {self.changed} "
               f"verdict{'s' if self.changed != 1 else ''} would change")
        for rule in sorted(set(self.gained) | set(self.lost)):
            yield f"  {rule}: +{self.gained[rule]} / -{self.lost[rule]}"
            for example in self.examples[rule]:
                yield (f"      {example.public_id}  {example.company[:50]}: "
                       f"{example.before} -> {example.after}")
        for (before, after), count in sorted(self.moves.items()):
            yield f"  status {before} -> {after}: {count}"


def _ids(items) -> set[str]:
    return {item["id"] for item in items or []}


def _summary(status: str, reasons, flags) -> str:
    marks = sorted(_ids(reasons)) + sorted(_ids(flags))
    return status + (f" ({', '.join(marks)})" if marks else "")


def _candidates(session, since: datetime | None):
    handled = exists().where(AuditEntry.lead_id == Lead.id,
                             AuditEntry.action.in_(HUMAN_VERDICTS))
    query = (select(Lead).where(Lead.status.in_(UNHANDLED), ~handled)
             .order_by(Lead.id))
    if since is not None:
        query = query.where(Lead.received_at >= since)
    return session.scalars(query)


def rescreen(session, *, screen, rules, version: str, now: datetime,
             since: datetime | None = None, apply: bool = False) -> RescreenReport:
    """What today's rules say about stored leads screening alone decided; with
    ``apply``, record it (the old verdict goes to the history, an audit entry says
    why, a lead that newly enters the queue alerts staff)."""
    report = RescreenReport(version)
    for lead in list(_candidates(session, since)):
        report.examined += 1
        verdict = screen(lifecycle.screening_values(lead), rules)
        new = lifecycle.verdict_columns(verdict, now, version)
        if (new["status"], _ids(new["reasons"]), _ids(new["flags"])) == (
                lead.status, _ids(lead.reasons), _ids(lead.flags)):
            continue
        report.changed += 1
        before = _summary(lead.status, lead.reasons, lead.flags)
        after = _summary(new["status"], new["reasons"], new["flags"])
        example = Change(lead.public_id, lead.company, before, after)
        old_marks = _ids(lead.reasons) | _ids(lead.flags)
        new_marks = _ids(new["reasons"]) | _ids(new["flags"])
        for rule in new_marks - old_marks:
            report.gained[rule] += 1
        for rule in old_marks - new_marks:
            report.lost[rule] += 1
        for rule in old_marks ^ new_marks:
            if len(report.examples[rule]) < EXAMPLES:
                report.examples[rule].append(example)
        if new["status"] != lead.status:
            report.moves[(lead.status, new["status"])] += 1
        if apply:
            _record(session, lead, verdict, version, now, before, after)
    if apply:
        session.commit()
    return report


def _record(session, lead: Lead, verdict, version: str, now: datetime, before: str,
            after: str) -> None:
    session.add(VerdictHistory(lead_id=lead.id, replaced_at=now,
                               rules_version=lead.screening_version or "", status=lead.status,
                               reasons=lead.reasons, flags=lead.flags))
    was_queued = lead.status == Status.QUEUED
    from_status = lead.status
    lifecycle.apply_verdict(session, lead, verdict, now, version, alert=not was_queued)
    lead.updated_at = now
    lifecycle.record(session, lead, None, "rescreen", from_status, now,
                     f"rules {version}: {before} -> {after}")


# --- staff decisions as test cases --------------------------------------------------

def overridden(session) -> Iterator[dict]:
    """Leads whose verdict staff overrode, in the evaluation corpus's format: released
    from screened-out (screening was wrong to set them aside), and rejected with the
    reason screening should have found."""
    released = (select(Lead, AuditEntry.why).join(AuditEntry, AuditEntry.lead_id == Lead.id)
                .where(AuditEntry.action == "release").order_by(AuditEntry.id))
    for lead, why in session.execute(released):
        yield _case(lead, "staff_released", Status.QUEUED, [], why)
    rejected = (select(Lead).where(Lead.status == Status.REJECTED, Lead.missed_reason != "")
                .order_by(Lead.id))
    for lead in session.scalars(rejected):
        reasons = sorted(_ids(lead.reasons) | {lead.missed_reason})
        yield _case(lead, "staff_rejected", Status.SCREENED_OUT, reasons, lead.decision_reason)


def _case(lead: Lead, kind: str, status: str, reasons: list[str], why: str) -> dict:
    submission = {spec.name: "yes" if spec.kind == "consent" else str(getattr(lead, spec.name))
                  for spec in contract.FIELDS}
    return {"id": lead.public_id, "class": kind, "submission": submission,
            "expected": {"status": status, "reasons": reasons,
                         "flags": sorted(_ids(lead.flags))},
            "why": contract.one_line(why or "")[:300]}


# --- screening quality: how often staff overrule each rule ---------------------------

#: The word model's share of ``not_msp``, counted as a rule of its own: its override
#: rate is the evidence for moving ``CAPTURE_SCREEN_MODEL_THRESHOLD``.
WORD_MODEL_RULE = "not_msp/word_model"


def rule_order(reasons) -> tuple[str, ...]:
    """The reasons in their order, the word model's share right after ``not_msp``."""
    return tuple(rule for reason in reasons
                 for rule in ((reason, WORD_MODEL_RULE) if reason == "not_msp" else (reason,)))


@dataclass(frozen=True)
class QualityRow:
    rule: str
    month: str
    screened_out: int
    released: int

    @property
    def reason(self) -> str:
        return self.rule.partition("/")[0]

    @property
    def by_word_model(self) -> bool:
        return self.rule == WORD_MODEL_RULE

    @property
    def override_rate(self) -> float:
        return self.released / self.screened_out if self.screened_out else 0.0


def quality_rows(day_counts, rules) -> list[QualityRow]:
    """(day, rule, screened, released) per day -> one row per rule and month,
    newest month first, rules in the given order. Pure: the staff page passes what
    its query counted."""
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for day, rule, screened, released in day_counts:
        month = str(day)[:7]
        totals[(rule, month)][0] += int(screened or 0)
        totals[(rule, month)][1] += int(released or 0)
    order = {rule: index for index, rule in enumerate(rules)}
    return sorted((QualityRow(rule, month, screened, released)
                   for (rule, month), (screened, released) in totals.items() if screened),
                  key=lambda row: (row.month, -order.get(row.rule, 99)), reverse=True)
