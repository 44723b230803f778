"""Finding a lead by company, person, email or phone through a real text index.

A ``LIKE '%word%'`` over ``lower()`` of several columns reads every lead (186 ms at
100,000). Both databases index substrings by trigrams instead: SQLite's FTS5 with the
trigram tokenizer (the ``leads_search`` table, kept in step by triggers), PostgreSQL's
pg_trgm GIN index on the same four columns (migration 0005). A query shorter than a
trigram cannot use either index and falls back to the plain scan, which is still
correct; such searches are rare and their answers large anyway.
"""

from sqlalchemy import literal_column
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import text

from capture.models import Lead

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
