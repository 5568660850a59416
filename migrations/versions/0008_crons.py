"""LangGraph crons: schedules whose firings are ordinary runs.

Every server process polls for due crons and claims them with FOR UPDATE SKIP LOCKED, as
it claims runs, so each firing happens in exactly one process.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

NOW = sa.text("now()")


def upgrade() -> None:
    op.create_table(
        "crons",
        sa.Column("cron_id", UUID, primary_key=True),
        sa.Column("assistant_id", UUID, nullable=False),
        sa.Column(
            "thread_id", UUID, sa.ForeignKey("threads.thread_id", ondelete="CASCADE")
        ),
        sa.Column("schedule", sa.Text, nullable=False),
        sa.Column("timezone", sa.Text),
        sa.Column("end_time", sa.DateTime(timezone=True)),
        sa.Column("enabled", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("on_run_completed", sa.Text),
        sa.Column("payload", JSONB, nullable=False),
        sa.Column("metadata", JSONB, nullable=False, server_default=sa.text("'{}'::jsonb")),
        sa.Column("next_run_date", sa.DateTime(timezone=True)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=NOW),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=NOW),
        sa.Column("owner", sa.Text, nullable=False, server_default=""),
    )
    op.execute(
        "CREATE INDEX crons_due_idx ON crons (next_run_date) WHERE enabled AND next_run_date IS NOT NULL"
    )
    op.execute("CREATE INDEX crons_owner_created_at_idx ON crons (owner, created_at DESC)")


def downgrade() -> None:
    op.drop_table("crons")
