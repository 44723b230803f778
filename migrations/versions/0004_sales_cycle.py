"""The sales cycle: follow-up touches, pipeline stages, time zones, calendar feeds,
digest keys, and the screening verdict's rule-set version and history

Leads gain when they were first queued and accepted, a stage, an estimated and a won
value, when and why they closed, and the version of the rules that screened them.
Existing leads get queued_at/accepted_at from their audit trail where it says so,
otherwise from their status (received_at is the best time we know).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 13:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

QUEUED_ONCE = ("queued", "in_review", "accepted", "rejected", "won", "lost")
ACCEPTED_ONCE = ("accepted", "won", "lost")


def upgrade():
    with op.batch_alter_table("leads", schema=None) as batch_op:
        batch_op.add_column(sa.Column("queued_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("stage", sa.String(length=20), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("estimated_value", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("lost_reason", sa.Text(), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("screening_version", sa.String(length=16),
                                      nullable=False, server_default=""))
        batch_op.create_index("ix_leads_status_stage", ["status", "stage"], unique=False)
        batch_op.create_index("ix_leads_owner_status", ["owner_id", "status"], unique=False)
    statuses = ", ".join(f"'{status}'" for status in QUEUED_ONCE)
    op.execute(f"UPDATE leads SET queued_at = received_at WHERE status IN ({statuses})")
    op.execute("UPDATE leads SET queued_at = received_at WHERE queued_at IS NULL AND id IN "
               "(SELECT lead_id FROM audit_entries WHERE to_status = 'queued')")
    accepted = ", ".join(f"'{status}'" for status in ACCEPTED_ONCE)
    op.execute("UPDATE leads SET accepted_at = (SELECT MIN(at) FROM audit_entries "
               "WHERE audit_entries.lead_id = leads.id AND action = 'accept') "
               f"WHERE status IN ({accepted})")
    op.execute(f"UPDATE leads SET accepted_at = updated_at WHERE accepted_at IS NULL "
               f"AND status IN ({accepted})")

    with op.batch_alter_table("staff_users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("time_zone", sa.String(length=64), nullable=False,
                                      server_default="UTC"))
        batch_op.add_column(sa.Column("calendar_token_hash", sa.String(length=64),
                                      nullable=True))
        batch_op.create_unique_constraint("uq_staff_users_calendar_token_hash",
                                          ["calendar_token_hash"])

    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("dedupe_key", sa.String(length=120), nullable=True))
        batch_op.create_unique_constraint("uq_outbox_dedupe_key", ["dedupe_key"])

    op.create_table(
        "touches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("completed_by_id", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(length=30), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["lead_id"], ["leads.id"]),
        sa.ForeignKeyConstraint(["owner_id"], ["staff_users.id"]),
        sa.ForeignKeyConstraint(["completed_by_id"], ["staff_users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_touches_status_due", "touches", ["status", "due"])
    op.create_index("ix_touches_owner_status_due", "touches", ["owner_id", "status", "due"])
    op.create_index("ix_touches_lead_status_due", "touches", ["lead_id", "status", "due"])

    op.create_table(
        "verdict_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rules_version", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("flags", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["lead_id"], ["leads.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_verdict_history_lead", "verdict_history", ["lead_id", "replaced_at"])


def downgrade():
    op.drop_index("ix_verdict_history_lead", table_name="verdict_history")
    op.drop_table("verdict_history")
    for name in ("ix_touches_lead_status_due", "ix_touches_owner_status_due",
                 "ix_touches_status_due"):
        op.drop_index(name, table_name="touches")
    op.drop_table("touches")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_constraint("uq_outbox_dedupe_key", type_="unique")
        batch_op.drop_column("dedupe_key")
    with op.batch_alter_table("staff_users", schema=None) as batch_op:
        batch_op.drop_constraint("uq_staff_users_calendar_token_hash", type_="unique")
        batch_op.drop_column("calendar_token_hash")
        batch_op.drop_column("time_zone")
    with op.batch_alter_table("leads", schema=None) as batch_op:
        batch_op.drop_index("ix_leads_owner_status")
        batch_op.drop_index("ix_leads_status_stage")
        for column in ("screening_version", "lost_reason", "closed_at", "estimated_value",
                       "stage", "accepted_at", "queued_at"):
            batch_op.drop_column(column)
