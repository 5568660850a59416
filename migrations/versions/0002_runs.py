"""Runs (a durable queue), their stored stream events, temporary threads.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

NOW = sa.text("now()")
RUN_STATUSES = "'pending', 'running', 'success', 'error', 'timeout', 'interrupted'"


def upgrade() -> None:
    op.add_column("threads", sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))
    op.execute(
        "CREATE INDEX threads_expires_at_idx ON threads (expires_at) WHERE expires_at IS NOT NULL"
    )
    op.create_table(
        "runs",
        sa.Column("run_id", UUID, primary_key=True),
        sa.Column(
            "thread_id",
            UUID,
            sa.ForeignKey("threads.thread_id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("agent_id", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False, server_default="pending"),
        sa.Column("seq", sa.BigInteger, sa.Identity(always=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=NOW),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=NOW),
        sa.Column("started_at", sa.DateTime(timezone=True)),
        sa.Column("ended_at", sa.DateTime(timezone=True)),
        sa.Column("metadata", JSONB, nullable=False, server_default=sa.text("'{}'::jsonb")),
        sa.Column("config", JSONB, nullable=False, server_default=sa.text("'{}'::jsonb")),
        sa.Column("input", JSONB),
        sa.Column("messages", JSONB),
        sa.Column("resume", JSONB),
        sa.Column("stream_mode", ARRAY(sa.Text), nullable=False, server_default="{values}"),
        sa.Column("webhook", sa.Text),
        sa.Column("multitask_strategy", sa.Text, nullable=False, server_default="reject"),
        sa.Column("on_completion", sa.Text, nullable=False, server_default="keep"),
        sa.Column("temporary", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("timeout_seconds", sa.Float),
        sa.Column("before_checkpoint_id", UUID),
        sa.Column("output", JSONB),
        sa.Column("error", JSONB),
        sa.Column("stop_reason", sa.Text),
        sa.Column("stop_action", sa.Text),
        sa.Column("stop_requested_at", sa.DateTime(timezone=True)),
        sa.Column("stop_deadline", sa.DateTime(timezone=True)),
        sa.Column("worker_id", sa.Text),
        sa.Column("lease_expires_at", sa.DateTime(timezone=True)),
        sa.Column("attempt", sa.Integer, nullable=False, server_default="0"),
        sa.CheckConstraint(f"status IN ({RUN_STATUSES})", name="runs_status_check"),
        sa.CheckConstraint(
            "stop_reason IS NULL OR stop_reason IN ('user', 'timeout', 'disconnect', 'superseded', 'shutdown')",
            name="runs_stop_reason_check",
        ),
    )
    # The database, not Python, refuses two runs executing on one thread at once.
    op.execute(
        "CREATE UNIQUE INDEX runs_one_running_per_thread ON runs (thread_id) WHERE status = 'running'"
    )
    op.execute("CREATE INDEX runs_queue_idx ON runs (seq) WHERE status = 'pending'")
    op.execute("CREATE INDEX runs_thread_idx ON runs (thread_id, seq)")
    op.execute("CREATE INDEX runs_lease_idx ON runs (lease_expires_at) WHERE status = 'running'")
    op.execute("CREATE INDEX runs_created_at_idx ON runs (created_at DESC)")
    op.execute("CREATE INDEX runs_metadata_idx ON runs USING gin (metadata jsonb_path_ops)")
    # Webhooks to deliver: written with the run's ending, in the same transaction, so
    # every ending (including one a rollback erases) is delivered once, by one process.
    op.create_table(
        "webhook_outbox",
        sa.Column("id", sa.BigInteger, sa.Identity(always=True), primary_key=True),
        sa.Column("run_id", UUID, nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("payload", JSONB, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=NOW),
        sa.Column("claimed_at", sa.DateTime(timezone=True)),
    )
    op.create_table(
        "run_events",
        sa.Column(
            "run_id", UUID, sa.ForeignKey("runs.run_id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("event", sa.Text, nullable=False),
        sa.Column("data", JSONB, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=NOW),
    )


def downgrade() -> None:
    op.drop_table("run_events")
    op.drop_table("webhook_outbox")
    op.drop_table("runs")
    op.drop_index("threads_expires_at_idx", table_name="threads")
    op.drop_column("threads", "expires_at")
