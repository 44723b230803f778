"""Finding a lead by company, person, email or phone through a real text index.

A ``LIKE '%word%'`` over ``lower()`` of several columns reads every lead (186 ms at
100,000). Both databases index substrings by trigrams instead: SQLite's FTS5 with the
trigram tokenizer (the ``leads_search`` table), PostgreSQL's pg_trgm GIN index on the
same four columns (migration 0005). A query shorter than a trigram cannot use either
index and falls back to the plain scan, which is still correct; such searches are rare
and their answers large anyway.

On SQLite the index is filled after the request that stored the lead, not inside it
(migration 0009): tokenising four columns cost POST /leads about 1.1 ms. ``catch_up``
indexes every lead above the high-water mark in one statement; a search runs it
first (once per request), so it always sees every lead, and the outbox worker runs it
every round, so a search rarely has anything to do. (FTS5's own ``integrity-check``
with rank 1 compares the index with every lead, so it holds right after a catch-up.)
"""

import logging

from sqlalchemy import exc
from sqlalchemy import literal_column
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import text

from capture.models import Lead

log = logging.getLogger(__name__)

TRIGRAM = 3
#: The indexed expression on PostgreSQL, written exactly as migration 0005 creates
#: it, so the planner matches the query to the index.
PG_DOCUMENT = literal_column(
    "lower(leads.company || ' ' || leads.name || ' ' || leads.email || ' ' || leads.phone)")


def like_escape(text_: str) -> str:
    return text_.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def matches(q: str, dialect: str):
    """A WHERE clause: leads whose company, name, email or phone contain ``q``,
    ignoring case."""
    q = q.strip()
    if len(q) < TRIGRAM:
        pattern = f"%{like_escape(q.lower())}%"
        return or_(*(column.ilike(pattern, escape="\\")
                     for column in (Lead.company, Lead.name, Lead.email, Lead.phone)))
    if dialect == "sqlite":
        phrase = '"' + q.replace('"', '""') + '"'
        hits = select(text("rowid")).select_from(text("leads_search")).where(
            text("leads_search MATCH :phrase").bindparams(phrase=phrase))
        return Lead.id.in_(hits.scalar_subquery())
    return PG_DOCUMENT.like(f"%{like_escape(q.lower())}%", escape="\\")


PENDING = text("SELECT (SELECT indexed_upto FROM leads_search_state), "
               "(SELECT coalesce(max(id), 0) FROM leads)")
INDEX_NEW = text("INSERT INTO leads_search(rowid, company, name, email, phone) "
                 "SELECT id, company, name, email, phone FROM leads "
                 "WHERE id > (SELECT indexed_upto FROM leads_search_state) ORDER BY id")
MARK_INDEXED = text("UPDATE leads_search_state SET indexed_upto = "
                    "(SELECT coalesce(max(id), 0) FROM leads)")


def catch_up(engine) -> int:
    """Index the leads stored since the last catch-up (SQLite); how many.

    It runs on a connection of its own: the caller's transaction may hold an older
    snapshot, which SQLite refuses to turn into a writer. The insert comes first,
    so the write lock is taken before anything is read, and the mark is set in the
    same transaction: no lead can slip in between. A busy database only delays the
    index (logged); the search then misses at most the newest leads once.
    """
    if engine.dialect.name != "sqlite":
        return 0
    try:
        with engine.connect() as connection:
            indexed_upto, newest = connection.execute(PENDING).one()
            connection.rollback()
            if newest <= indexed_upto:
                return 0
            with connection.begin():
                added = connection.execute(INDEX_NEW).rowcount
                connection.execute(MARK_INDEXED)
            return added
    except exc.OperationalError as error:
        log.warning("search index catch-up postponed: %s", error)
        return 0


#: Where ``catch_up_once`` notes, in ``session.info``, that it has run.
CAUGHT_UP = "search_index_caught_up"


def catch_up_once(session) -> None:
    """``catch_up`` once per session, a request's unit of work: its list, the list's
    count and every batch of a CSV download then search the same index without
    asking again."""
    if not session.info.get(CAUGHT_UP):
        catch_up(session.get_bind())
        session.info[CAUGHT_UP] = True

