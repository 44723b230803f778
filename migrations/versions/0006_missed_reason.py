"""The screening reason a person says the rules missed when rejecting a lead

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 16:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade():
    # A plain ADD COLUMN (no batch copy): on SQLite a copy of leads would drop the
    # search triggers of 0005.
    op.add_column("leads", sa.Column("missed_reason", sa.String(length=20), nullable=False,
                                     server_default=""))


def downgrade():
    op.drop_column("leads", "missed_reason")
