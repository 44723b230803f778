"""Server-side session tokens for staff; outbox rows that failed for good

Each staff account gets a session token that is part of every session cookie, so
logging out, a password change and disabling can end every session at once (a
signed cookie alone stays valid until it expires). Outbox rows given up on were
called "dead"; they are "failed" now, the word the staff pages show.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 12:00:00

"""
import secrets

from alembic import op
import sqlalchemy as sa


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("staff_users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("session_token", sa.String(length=64), nullable=False,
                                      server_default=""))
    connection = op.get_bind()
    staff = sa.table("staff_users", sa.column("id", sa.Integer),
                     sa.column("session_token", sa.String))
    for (user_id,) in connection.execute(sa.select(staff.c.id)).all():
        connection.execute(staff.update().where(staff.c.id == user_id)
                           .values(session_token=secrets.token_urlsafe(24)))
    op.execute("UPDATE outbox SET status = 'failed' WHERE status = 'dead'")


def downgrade():
    op.execute("UPDATE outbox SET status = 'dead' WHERE status = 'failed'")
    with op.batch_alter_table("staff_users", schema=None) as batch_op:
        batch_op.drop_column("session_token")
