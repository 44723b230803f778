"""The staff lists: which leads, in which order, one page at a time.

One function, ``lead_page``, serves the queue, the screened-out and spam lists,
and the CSV download, so what staff see and what they download cannot differ.
Pages use keyset pagination: the cursor carries the last row's sort key, so page
500 costs what page 1 costs (an OFFSET would read and drop every earlier row).
"""

import base64
import binascii
import json
from collections import Counter
from collections.abc import Iterator
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta

from sqlalchemy import Text
from sqlalchemy import and_
from sqlalchemy import case
from sqlalchemy import cast
from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import tuple_
from sqlalchemy.orm import selectinload

from capture import search
from capture.models import Lead
from capture.models import Touch
from capture.vocabulary import FLAGS
from capture.vocabulary import REASONS
from capture.vocabulary import STAGES
from capture.vocabulary import STATUSES
from capture.vocabulary import Status

S = Status

#: The lists and the statuses each may show. The queue never shows screened_out or spam.
VIEWS = {
    "queue": (S.QUEUED, S.IN_REVIEW),
    "screened_out": (S.SCREENED_OUT,),
    "spam": (S.SPAM,),
    "all": tuple(STATUSES),
}
DEFAULT_STATUS = {"queue": S.QUEUED}
NO_FLAGS = "none"
PAGE_SIZE = 50


@dataclass(frozen=True)
class Filters:
    view: str = "queue"
    status: str = ""
    q: str = ""
    source: str = ""
    flag: str = ""
    received_from: date | None = None
    received_to: date | None = None
    owner_id: int | None = None
    stage: str = ""

    @property
    def statuses(self) -> tuple[str, ...]:
        allowed = VIEWS[self.view]
        if self.status in allowed:
            return (self.status,)
        default = DEFAULT_STATUS.get(self.view)
        return (default,) if default else allowed

    def as_args(self) -> dict[str, str]:
        """The filters as query-string arguments (for links and the CSV download)."""
        values = {
            "status": self.status, "q": self.q, "source": self.source, "flag": self.flag,
            "from": self.received_from.isoformat() if self.received_from else "",
            "to": self.received_to.isoformat() if self.received_to else "",
            "owner": str(self.owner_id) if self.owner_id else "", "stage": self.stage,
        }
        return {key: value for key, value in values.items() if value}


@dataclass(frozen=True)
class Page:
    rows: list
    next_cursor: str | None


def _date(value: str) -> date | None:
    """A date filter, or None; 9999-12-31 is refused too (the day after overflows)."""
    try:
        parsed = date.fromisoformat((value or "").strip())
    except ValueError:
        return None
    return parsed if parsed < date.max else None


def parse_filters(view: str, args: Mapping[str, str], me: int | None = None) -> Filters:
    """Read filters from query arguments; anything unknown or malformed is ignored.
    ``owner`` is "me" (``me``, the logged-in account) or an account id."""
    if view not in VIEWS:
        view = "queue"
    status = (args.get("status") or "").strip()
    flag = (args.get("flag") or "").strip()
    stage = (args.get("stage") or "").strip()
    owner = (args.get("owner") or "").strip()
    owner_id = me if owner == "me" else int(owner) if owner.isdigit() and len(owner) < 10 \
        else None
    return Filters(
        view=view,
        status=status if status in VIEWS[view] else "",
        q=(args.get("q") or "").strip()[:200],
        source=(args.get("source") or "").strip()[:200],
        flag=flag if flag in (*FLAGS, NO_FLAGS) else "",
        received_from=_date(args.get("from", "")),
        received_to=_date(args.get("to", "")),
        owner_id=owner_id,
        stage=stage if stage in STAGES else "",
    )


def carries(column, item_id: str):
    """Whether a JSON list of reasons or flags holds one with this id.

    The id appears in the stored JSON as "id": "<id>" (the same text inside a
    sentence or evidence would be escaped as \\"id\\", so it cannot match), and
    a LIKE on the JSON's text works alike on SQLite and PostgreSQL.
    """
    pattern = f'%"id": "{search.like_escape(item_id)}"%'
    return cast(column, Text).like(pattern, escape="\\")


def carries_sentence(column, start: str):
    """Whether a JSON list of reasons or flags holds one whose sentence begins with
    ``start``: how one rule's share of a reason is told apart (the word model's
    ``not_msp``), found by the same LIKE on the JSON's text as ``carries``."""
    pattern = f'%"sentence": "{search.like_escape(start)}%'
    return cast(column, Text).like(pattern, escape="\\")


def carries_any(column):
    """Whether a JSON list of reasons or flags holds any item at all."""
    return cast(column, Text).like('%"id": %')


def _where(filters: Filters, session) -> list:
    statuses = filters.statuses
    if set(statuses) >= set(STATUSES):
        # Every lead: "status IN (all eight)" filters nothing, yet it led SQLite to read
        # all 100,000 leads through the status index and sort them (a second for a
        # search), where the list's own order is an index walk that stops at a page.
        clauses = []
    elif len(statuses) == 1:
        clauses = [Lead.status == statuses[0]]
    else:
        clauses = [Lead.status.in_(statuses)]
    if filters.q:
        search.catch_up_once(session)
        clauses.append(search.matches(filters.q, session.get_bind().dialect.name))
    if filters.source:
        clauses.append(Lead.source == filters.source)
    if filters.owner_id:
        clauses.append(Lead.owner_id == filters.owner_id)
    if filters.stage == "new":
        # Leads accepted before stages existed have none: the board counts them as new.
        clauses.append(Lead.stage.in_(("new", "")))
    elif filters.stage:
        clauses.append(Lead.stage == filters.stage)
    if filters.flag == NO_FLAGS:
        clauses.append(Lead.flag_count == 0)
    elif filters.flag:
        clauses.append(carries(Lead.flags, filters.flag))
    if filters.received_from:
        clauses.append(Lead.received_at >= datetime.combine(filters.received_from, time(), UTC))
    if filters.received_to:
        end = datetime.combine(filters.received_to + timedelta(days=1), time(), UTC)
        clauses.append(Lead.received_at < end)
    return clauses


# Sort keys: the queue by priority (no flags first, then fewer flags, then the
# bigger budget) and then age; the other lists newest first.
def _is_queue(filters: Filters) -> bool:
    return filters.view == "queue"


def _order(filters: Filters) -> list:
    if _is_queue(filters):
        return [Lead.flag_count.asc(), Lead.monthly_budget.desc(), Lead.received_at.asc(),
                Lead.id.asc()]
    return [Lead.received_at.desc(), Lead.id.desc()]


def _key(filters: Filters, lead: Lead) -> list:
    if _is_queue(filters):
        return [lead.flag_count, lead.monthly_budget, lead.received_at.isoformat(), lead.id]
    return [lead.received_at.isoformat(), lead.id]


def _after(filters: Filters, key: list):
    """Rows strictly after ``key`` in the list's order. The queue's directions are
    mixed, so it is spelled out column by column (a row-value comparison can't say
    it); every other list runs newest first on both columns, and there a row value
    lets both databases seek ix_leads_received_id straight to the page (the OR
    form made SQLite walk the index from the top: deep pages cost twice an OFFSET)."""
    if _is_queue(filters):
        flags, budget, received, row_id = _int(key[0]), _int(key[1]), _dt(key[2]), _int(key[3])
        return or_(
            Lead.flag_count > flags,
            and_(Lead.flag_count == flags, or_(
                Lead.monthly_budget < budget,
                and_(Lead.monthly_budget == budget, or_(
                    Lead.received_at > received,
                    and_(Lead.received_at == received, Lead.id > row_id),
                )),
            )),
        )
    received, row_id = _dt(key[0]), _int(key[1])
    return tuple_(Lead.received_at, Lead.id) < tuple_(received, row_id)


def _int(value) -> int:
    """A cursor's number, only if a database column could hold it: an edited cursor
    with 1e999 or 10**30 must mean "first page", not an overflow (a 500)."""
    if type(value) is not int or not -(2**63) <= value < 2**63:
        raise ValueError("cursor value is not a 64-bit integer")
    return value


def _dt(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError("cursor time without offset")
    return parsed


def encode_cursor(key: list) -> str:
    raw = json.dumps(key, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> list | None:
    """A malformed cursor (edited by hand, from an old version) means the first page."""
    if not cursor:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None
    return key if isinstance(key, list) else None


def lead_page(session, filters: Filters, cursor: str | None = None,
              limit: int = PAGE_SIZE) -> Page:
    """One page of the list ``filters`` describe, starting after ``cursor``."""
    query = (select(Lead).options(selectinload(Lead.owner)).where(*_where(filters, session))
             .order_by(*_order(filters)).limit(limit + 1))
    key = decode_cursor(cursor)
    if key is not None:
        with suppress(IndexError, TypeError, ValueError):
            query = query.where(_after(filters, key))
    rows = list(session.scalars(query))
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor(_key(filters, rows[-1])) if more and rows else None
    return Page(rows, next_cursor)


def queue_page(session, filters: Filters | None = None, cursor: str | None = None,
               limit: int = PAGE_SIZE) -> Page:
    return lead_page(session, filters or Filters(view="queue"), cursor, limit)


def next_queued(session, after: Lead | None = None) -> Lead | None:
    """The lead to work on next: the first still-queued lead after ``after`` in the
    queue's order, else the first from the top (the queue wraps round, so a lead
    somebody skipped comes back); None when nothing is queued. ``after`` itself is
    never it once decided: it is no longer queued."""
    filters = Filters(view="queue")
    if after is not None:
        page = lead_page(session, filters, encode_cursor(_key(filters, after)), limit=1)
        if page.rows:
            return page.rows[0]
    page = lead_page(session, filters, limit=1)
    return page.rows[0] if page.rows else None


def iter_leads(session, filters: Filters, batch: int = 1000) -> Iterator[list]:
    """Every lead of the list, in its order, in batches (for the CSV download)."""
    cursor = None
    while True:
        page = lead_page(session, filters, cursor, batch)
        if page.rows:
            yield page.rows
        if page.next_cursor is None:
            return
        cursor = page.next_cursor
        session.expunge_all()


def count(session, filters: Filters) -> int:
    return session.scalar(select(func.count()).select_from(Lead).where(*_where(filters, session)))


def reason_sums(*also) -> list:
    """One SUM per reason id, in REASONS order: the rows that carry it (and meet
    ``also``), counted in the same pass as whatever else the SELECT reads."""
    return [func.sum(case((and_(carries(Lead.reasons, reason_id), *also), 1), else_=0))
            for reason_id in REASONS]


def reason_counts(session, filters: Filters) -> Counter:
    """How many leads of the list carry each reason id (a lead may carry several),
    in one pass over the list's rows."""
    totals = session.execute(select(*reason_sums()).where(*_where(filters, session))).one()
    return Counter({reason_id: total for reason_id, total in zip(REASONS, totals, strict=True)
                    if total})


def sources(session, limit: int = 500) -> list[str]:
    """The distinct non-empty sources, in order: a loose index scan, one index seek
    per value (a recursive CTE; SELECT DISTINCT read the whole of ix_leads_source,
    every lead, on every list page)."""
    found = (select(func.min(Lead.source).label("source")).where(Lead.source > "")
             .cte("sources", recursive=True))
    following = select(func.min(Lead.source)).where(Lead.source > found.c.source)
    found = found.union_all(select(following.scalar_subquery())
                            .where(found.c.source.is_not(None)))
    return list(session.scalars(select(found.c.source).where(found.c.source.is_not(None))
                                .limit(limit)))


#: The Today page's groups, in the order it shows them.
AGENDA_GROUPS = ("overdue", "due_today", "this_week")


def _agenda_query(query, owner_id: int | None):
    query = query.where(Touch.status == "open")
    return query if owner_id is None else query.where(Touch.owner_id == owner_id)


def _agenda_group(group: str, today: date, horizon: date):
    return {"overdue": Touch.due < today,
            "due_today": Touch.due == today,
            "this_week": and_(Touch.due > today, Touch.due <= horizon)}[group]


def agenda_totals(session, today: date, horizon: date,
                  owner_id: int | None = None) -> dict[str, int]:
    """How many open touches each Today group holds, counted on the touch indexes
    (owner, status, due), so the page can say "25 of 1,715" without loading them."""
    group = case((Touch.due < today, "overdue"), (Touch.due == today, "due_today"),
                 else_="this_week")
    query = _agenda_query(select(group, func.count()).where(Touch.due <= horizon), owner_id)
    found = dict(session.execute(query.group_by(group)).all())
    return {name: found.get(name, 0) for name in AGENDA_GROUPS}


def agenda_touches(session, group: str, today: date, horizon: date,
                   owner_id: int | None = None, limit: int = 25,
                   offset: int = 0) -> list[Touch]:
    """One Today group's open touches, oldest due first, with their leads: one
    screenful, however far behind a salesperson is (at 100,000 leads one
    person's week held 1,715 touches and the page took two seconds)."""
    query = _agenda_query(select(Touch), owner_id).where(_agenda_group(group, today, horizon))
    query = (query.options(selectinload(Touch.lead), selectinload(Touch.owner))
             .order_by(Touch.due, Touch.id).limit(limit).offset(offset))
    return list(session.scalars(query))


def due_touches(session, until: date, owner_id: int | None = None) -> list[Touch]:
    """Open touches due on or before ``until`` (one person's, or everyone's), with their
    leads: the digest and ``followups due``."""
    query = (select(Touch).options(selectinload(Touch.lead), selectinload(Touch.owner))
             .where(Touch.status == "open", Touch.due <= until).order_by(Touch.due, Touch.id))
    if owner_id is not None:
        query = query.where(Touch.owner_id == owner_id)
    return list(session.scalars(query))
