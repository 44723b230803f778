"""Index new leads for search after the request, not inside it

Migration 0005 kept SQLite's FTS5 table in step with an AFTER INSERT trigger, so
every POST /leads tokenised four columns into trigrams inside its transaction:
about 1.1 ms of a 7.6 ms request. The insert trigger goes; capture.search.catch_up
indexes every lead above ``leads_search_state.indexed_upto`` in one statement,
before each search and in each round of the outbox worker, so a search still sees
every lead. The update and delete triggers stay for leads already indexed (an
external-content FTS5 table must never be told to delete a row it does not hold).
PostgreSQL's GIN index is maintained by the database itself: nothing changes there.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 18:00:00

"""
from alembic import op


revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

COLUMNS = "company, name, email, phone"
INDEXED = "old.id <= (SELECT indexed_upto FROM leads_search_state)"


OLD = "old.company, old.name, old.email, old.phone"
NEW = "new.company, new.name, new.email, new.phone"
DELETE_OLD = f"INSERT INTO leads_search(leads_search, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD});"
INSERT_NEW = f"INSERT INTO leads_search(rowid, {COLUMNS}) VALUES (new.id, {NEW});"


# Ids are not AUTOINCREMENT: once the newest lead is deleted, its id is given again.
# The mark comes down to the newest remaining lead, so the next one is indexed anew.
LOWER_MARK = ("UPDATE leads_search_state SET indexed_upto = (SELECT coalesce(max(id), 0) "
              "FROM leads) WHERE indexed_upto > (SELECT coalesce(max(id), 0) FROM leads);")


def create_triggers(when: str, *, lower_mark: bool) -> None:
    """The delete and update triggers, acting only on rows ``when`` allows."""
    after_delete = f"{DELETE_OLD} {LOWER_MARK}" if lower_mark else DELETE_OLD
    op.execute(f"CREATE TRIGGER leads_search_delete AFTER DELETE ON leads {when} "
               f"BEGIN {after_delete} END")
    op.execute(f"CREATE TRIGGER leads_search_update AFTER UPDATE OF {COLUMNS} ON leads {when} "
               f"BEGIN {DELETE_OLD} {INSERT_NEW} END")


def drop_triggers() -> None:
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS leads_search_{trigger}")


def upgrade():
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("""CREATE TABLE leads_search_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        indexed_upto INTEGER NOT NULL)""")
    op.execute("INSERT INTO leads_search_state (id, indexed_upto) "
               "SELECT 1, coalesce(max(id), 0) FROM leads")
    drop_triggers()
    create_triggers(f"WHEN {INDEXED}", lower_mark=True)


def downgrade():
    if op.get_bind().dialect.name != "sqlite":
        return
    drop_triggers()
    op.execute("DROP TABLE leads_search_state")
    op.execute(f"CREATE TRIGGER leads_search_insert AFTER INSERT ON leads BEGIN {INSERT_NEW} END")
    create_triggers("", lower_mark=False)
    op.execute("INSERT INTO leads_search(leads_search) VALUES ('rebuild')")
