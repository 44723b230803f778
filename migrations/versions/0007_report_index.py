"""Indexes for the reports

The reports page counts every lead per status and source (or campaign), the
reasons of the screened-out ones, and fetches the won ones. Through the existing
indexes SQLite read the table row by row in source order: about 2 s for that
count alone at 100,000 leads on the (busy) test machine. With ix_leads_report,
status first, each of those queries walks the index and never reads the table,
nor sorts (capture.staff.reports). PostgreSQL cannot key an index on json, so
there the reasons are INCLUDEd (PostgreSQL 11 or later); SQLite has no INCLUDE,
so there they are the last key column.

The screening overrides are the leads with an audit entry "release";
ix_audit_action_lead finds those without reading the whole audit history,
which grows with every action on every lead.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 14:00:00

"""
from alembic import op


revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

COLUMNS = ["status", "source", "utm_campaign", "queued_at", "accepted_at", "won_value",
           "received_at", "closed_at"]


def upgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.create_index("ix_leads_report", "leads", COLUMNS, postgresql_include=["reasons"])
    else:
        op.create_index("ix_leads_report", "leads", [*COLUMNS, "reasons"])
    op.create_index("ix_audit_action_lead", "audit_entries", ["action", "lead_id"])


def downgrade():
    op.drop_index("ix_audit_action_lead", table_name="audit_entries")
    op.drop_index("ix_leads_report", table_name="leads")
