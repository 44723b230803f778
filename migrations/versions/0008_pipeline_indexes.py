"""Pipeline board indexes: each column's latest leads and the board's totals from an index

The board shows, per column, the 30 most recently moved leads (status, stage, then
updated_at descending) and per column a count and a sum of values. With only
(status, stage), SQLite read every lead of a column and sorted it for 30 rows, and
summed the values with a table lookup per lead: at 100,000 leads about 0.3 s for the
"new" column and 0.5 s for the totals. (status, stage, updated_at, id) walks a column
in its order and stops at 30; won_value and estimated_value at its end make the
totals an index-only read; it replaces ix_leads_status_stage (the same leading
columns). Won and lost are shown whatever their stage: (status, updated_at, id).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 15:00:00

"""
from alembic import op


revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_index("ix_leads_status_stage", table_name="leads")
    op.create_index("ix_leads_pipeline", "leads",
                    ["status", "stage", "updated_at", "id", "won_value", "estimated_value"])
    op.create_index("ix_leads_status_updated", "leads", ["status", "updated_at", "id"])


def downgrade():
    op.drop_index("ix_leads_status_updated", table_name="leads")
    op.drop_index("ix_leads_pipeline", table_name="leads")
    op.create_index("ix_leads_status_stage", "leads", ["status", "stage"])
