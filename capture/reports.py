"""Reports: what became of the leads of each source article or UTM campaign, and
how many leads came in each week.

Pure, like ``screening``: the database counts the leads (``capture.staff.reports``
holds that SQL, so 100,000 leads never cross into Python one by one) and hands
this module plain rows, counts per key and status; here they become the report's
rows, medians and weekly series, and its CSV or JSON. No Flask, no database, no
clock: ``today`` is given.

Definitions (the CLI's and the page's alike): received counts every lead; spam and
screened_out count the leads with that status now; qualified counts leads ever
queued (a rejected lead was still qualified), accepted those ever accepted (won
and lost included); won and won_value count the won leads; the median days to won
runs from received to closed, over won leads only.
"""

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from datetime import timedelta
from typing import NamedTuple

from capture.export import guard
from capture.vocabulary import REASONS
from capture.vocabulary import Status

#: What a report row is about: its key in the CSV and JSON, and the word on the page.
BY = {"source": "Article", "campaign": "UTM campaign"}
#: The figures of every row, in the order of the CLI's columns.
COUNTS = ("received", "spam", "screened_out", "qualified", "accepted", "won", "won_value")
#: A lead's way through the funnel chart: (label, the row's figure).
FUNNEL_STAGES = (("Received", "received"), ("Qualified", "qualified"),
                 ("Accepted", "accepted"), ("Won", "won"))

S = Status
#: The weekly chart's stacks, bottom first: where each lead stands now. Every status
#: is in exactly one group (tests/test_reports.py checks), so a week's stack is the
#: number of leads received that week.
STATUS_GROUPS = {
    "open": ("Queued or in review", (S.QUEUED, S.IN_REVIEW)),
    "accepted": ("Accepted, won or lost", (S.ACCEPTED, S.WON, S.LOST)),
    "rejected": ("Rejected", (S.REJECTED,)),
    "screened_out": ("Screened out", (S.SCREENED_OUT,)),
    "spam": ("Spam", (S.SPAM,)),
}
_GROUP_OF = {status: group for group, (_, statuses) in STATUS_GROUPS.items()
             for status in statuses}


def noun(by: str) -> str:
    """The word inside a sentence: "by article", but "by UTM campaign"."""
    word = BY[by]
    return word if word[:2].isupper() else word[:1].lower() + word[1:]


@dataclass(frozen=True)
class StatusCount:
    """One row of the database's GROUP BY: the leads of one key (source or campaign)
    that have one status now, and how many of those were ever queued and ever
    accepted. Several rows may share a key and status; they add up."""

    key: str
    status: str
    leads: int
    queued: int = 0
    accepted: int = 0


@dataclass(frozen=True)
class ReasonCount:
    """Leads of one key that carry one screening reason (a lead may carry several)."""

    key: str
    reason: str
    leads: int


class WonLead(NamedTuple):
    """A won lead: the medians need each one, not a sum. ``days`` from received to
    closed (the database subtracts, so thousands of timestamps never become Python
    datetimes); None for a lead won before its close date was recorded, which
    counts but stays out of the median. A named tuple, not a dataclass: there is
    one per won lead, and a frozen dataclass takes several times as long to build."""

    key: str
    days: float | None
    value: int | None


@dataclass(frozen=True)
class FunnelRow:
    """A row of the report. Every reason id is present in the two mappings, zero or not."""

    key: str
    received: int
    spam: int
    screened_out: int
    qualified: int
    accepted: int
    won: int
    won_value: int
    median_days_to_won: float | None
    screened_out_by_reason: dict[str, int]
    released_by_reason: dict[str, int]

    @property
    def stages(self) -> list[tuple[str, int]]:
        """(label, leads) from received to won, what ``charts.funnel`` draws."""
        return [(name, getattr(self, attribute)) for name, attribute in FUNNEL_STAGES]


@dataclass(frozen=True)
class DayCount:
    """Leads received on one UTC day that have one status now; a count the database
    made for a whole week carries the week's first day."""

    day: date
    status: str
    count: int


@dataclass(frozen=True)
class Weekly:
    """Leads per week, oldest week first: the Monday each week starts on, and one
    list of counts per status group in stacking order (label, counts)."""

    starts: list[date]
    series: list[tuple[str, list[int]]]

    @property
    def totals(self) -> list[int]:
        return [sum(counts[i] for _, counts in self.series) for i in range(len(self.starts))]


def median(values: Iterable[float]) -> float | None:
    """The middle value (the mean of the two middle ones for an even count); None
    for no values, because "0 days" would claim wins that never happened."""
    ordered = sorted(values)
    if not ordered:
        return None
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _median_days(won: Iterable[WonLead]) -> float | None:
    found = median(lead.days for lead in won if lead.days is not None)
    return None if found is None else round(found, 1)


def _by_reason(found: Iterable[ReasonCount]) -> dict[str, int]:
    """Every reason id, zero or not; an id no longer in the vocabulary is left out."""
    totals = dict.fromkeys(REASONS, 0)
    for entry in found:
        if entry.reason in totals:
            totals[entry.reason] += entry.leads
    return totals


def _row(key: str, counts: list[StatusCount], won: list[WonLead],
         screened_out: list[ReasonCount], released: list[ReasonCount]) -> FunnelRow:
    def having(*statuses: str) -> int:
        return sum(entry.leads for entry in counts if entry.status in statuses)

    return FunnelRow(
        key,
        received=sum(entry.leads for entry in counts),
        spam=having(S.SPAM),
        screened_out=having(S.SCREENED_OUT),
        qualified=sum(entry.queued for entry in counts),
        accepted=sum(entry.accepted for entry in counts),
        won=having(S.WON),
        won_value=sum(lead.value or 0 for lead in won),
        median_days_to_won=_median_days(won),
        screened_out_by_reason=_by_reason(screened_out),
        released_by_reason=_by_reason(released),
    )


def _grouped(entries: Iterable) -> dict[str, list]:
    groups = defaultdict(list)
    for entry in entries:
        groups[entry.key].append(entry)
    return groups


def funnel_rows(counts: Iterable[StatusCount], won: Iterable[WonLead] = (),
                screened_out: Iterable[ReasonCount] = (),
                released: Iterable[ReasonCount] = ()) -> list[FunnelRow]:
    """One row per key that has leads, ordered by key ("" first: leads of no article
    or campaign). ``screened_out`` counts the reasons of leads screened out now,
    ``released`` those of leads staff released from screened out. Won leads and
    reasons of a key without counts are left out: their leads were counted nowhere."""
    counts, won, screened_out, released = (
        _grouped(entries) for entries in (counts, won, screened_out, released))
    return [_row(key, counts[key], won.get(key, []), screened_out.get(key, []),
                 released.get(key, []))
            for key in sorted(counts)]


def total_row(counts: Iterable[StatusCount], won: Iterable[WonLead] = (),
              screened_out: Iterable[ReasonCount] = (),
              released: Iterable[ReasonCount] = ()) -> FunnelRow:
    """Every key at once; the median is over all won leads (not a median of medians)."""
    return _row("", list(counts), list(won), list(screened_out), list(released))


# --- leads per week ----------------------------------------------------------------

def week_start(day: date) -> date:
    """Weeks start on Monday (ISO 8601), the office's week."""
    return day - timedelta(days=day.weekday())


def first_day(weeks: int, today: date) -> date:
    """The Monday that starts the oldest of ``weeks`` weeks ending with this one:
    the database need not count anything received before it."""
    if weeks < 1:
        raise ValueError(f"weeks must be at least 1, got {weeks}")
    return week_start(today) - timedelta(weeks=weeks - 1)


def week_starts(weeks: int, today: date) -> list[date]:
    """The Mondays of the last ``weeks`` weeks, oldest first, this week's last."""
    start = first_day(weeks, today)
    return [start + timedelta(weeks=i) for i in range(weeks)]


def weekly_series(day_counts: Iterable[DayCount], weeks: int, today: date) -> Weekly:
    """Bucket per-day counts into the last ``weeks`` weeks, the current one (with
    ``today``) last, stacked by status group. Days outside those weeks are left out;
    a status no group knows is an error (it would vanish from the chart)."""
    starts = week_starts(weeks, today)
    start = starts[0]
    counts = {group: [0] * weeks for group in STATUS_GROUPS}
    for entry in day_counts:
        group = _GROUP_OF.get(entry.status)
        if group is None:
            raise ValueError(f"status {entry.status!r} is in no group of the weekly chart")
        index = (entry.day - start).days // 7
        if 0 <= index < weeks:
            counts[group][index] += entry.count
    return Weekly(starts, [(label, counts[group])
                           for group, (label, _) in STATUS_GROUPS.items()])


def week_label(start: date) -> str:
    """'Mar 2': short enough for 26 labels along an axis."""
    return f"{start:%b} {start.day}"


# --- CSV and JSON ----------------------------------------------------------------

def columns(by: str = "source", details: bool = False) -> list[str]:
    """The key, the seven figures, and with ``details`` the median days to won, the
    screened-out leads per reason and the leads released from screened out per reason."""
    if by not in BY:
        raise ValueError(f"by must be one of {', '.join(BY)}, got {by!r}")
    names = [by, *COUNTS]
    if details:
        names += ["median_days_to_won", *(f"screened_out_{reason}" for reason in REASONS),
                  *(f"released_{reason}" for reason in REASONS)]
    return names


def record(row: FunnelRow, by: str = "source", details: bool = False) -> dict:
    """A row as the CLI's JSON object (and CSV line) has it, keys in ``columns`` order."""
    values = {by: row.key} | {name: getattr(row, name) for name in COUNTS}
    if details:
        values["median_days_to_won"] = row.median_days_to_won
        values |= {f"screened_out_{reason}": row.screened_out_by_reason[reason]
                   for reason in REASONS}
        values |= {f"released_{reason}": row.released_by_reason[reason] for reason in REASONS}
    return values


def to_json(rows: Iterable[FunnelRow], by: str = "source", details: bool = False) -> str:
    columns(by, details)  # refuses an unknown ``by``
    return json.dumps([record(row, by, details) for row in rows], indent=2,
                      ensure_ascii=False)


def to_csv(rows: Iterable[FunnelRow], by: str = "source", details: bool = False) -> str:
    """The same columns as ``to_json``; a key that would start a spreadsheet formula
    (a campaign named "=1+1") gets the export's leading "'", and no median is empty."""
    names = columns(by, details)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(names)
    for row in rows:
        values = record(row, by, details)
        writer.writerow([guard(values[by]), *("" if values[name] is None else values[name]
                                              for name in names[1:])])
    return buffer.getvalue()
