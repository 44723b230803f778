"""Drop the leads' email index: no query reads it

Search by email goes through the text index (migration 0005: FTS5 on SQLite,
trigram GIN on PostgreSQL) or, for one or two characters, a substring ILIKE that
a B-tree cannot serve; nothing looks a lead up by its exact email. The index
still cost every POST /leads one more page written and synced: email addresses
are random keys, so each new lead dirtied a different page of it.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 03:00:00

"""
from alembic import op


revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_index("ix_leads_email", table_name="leads")


def downgrade():
    op.create_index("ix_leads_email", "leads", ["email"], unique=False)
