"""A text index for finding leads by company, person, email or phone

SQLite: an FTS5 table with the trigram tokenizer over the four columns, external
content (the rows stay in leads), kept in step by triggers. PostgreSQL: pg_trgm and
a GIN index on lower(company || ' ' || name || ' ' || email || ' ' || phone), the
expression capture/search.py queries. Both answer "contains, ignoring case" without
reading every lead.

Note for later migrations on SQLite: a batch operation that recreates the leads
table drops these triggers; such a migration must create them again (see
create_sqlite_triggers) and rebuild the index.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 15:00:00

"""
from alembic import op


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COLUMNS = "company, name, email, phone"


def create_sqlite_triggers():
    new = "new.company, new.name, new.email, new.phone"
    old = "old.company, old.name, old.email, old.phone"
    op.execute(f"""CREATE TRIGGER leads_search_insert AFTER INSERT ON leads BEGIN
        INSERT INTO leads_search(rowid, {COLUMNS}) VALUES (new.id, {new}); END""")
    op.execute(f"""CREATE TRIGGER leads_search_delete AFTER DELETE ON leads BEGIN
        INSERT INTO leads_search(leads_search, rowid, {COLUMNS})
        VALUES ('delete', old.id, {old}); END""")
    op.execute(f"""CREATE TRIGGER leads_search_update AFTER UPDATE OF {COLUMNS} ON leads BEGIN
        INSERT INTO leads_search(leads_search, rowid, {COLUMNS})
        VALUES ('delete', old.id, {old});
        INSERT INTO leads_search(rowid, {COLUMNS}) VALUES (new.id, {new}); END""")


def upgrade():
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"""CREATE VIRTUAL TABLE leads_search USING fts5({COLUMNS},
            content='leads', content_rowid='id', tokenize='trigram')""")
        create_sqlite_triggers()
        op.execute("INSERT INTO leads_search(leads_search) VALUES ('rebuild')")
    else:
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute("CREATE INDEX ix_leads_search_trgm ON leads USING gin "
                   "(lower(company || ' ' || name || ' ' || email || ' ' || phone) "
                   "gin_trgm_ops)")


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS leads_search_{trigger}")
        op.execute("DROP TABLE IF EXISTS leads_search")
    else:
        op.execute("DROP INDEX IF EXISTS ix_leads_search_trgm")
