"""Threads, checkpoints and the store.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

NOW = sa.text("now()")
EMPTY_OBJECT = sa.text("'{}'::jsonb")
EMPTY_ARRAY = sa.text("'[]'::jsonb")


def upgrade() -> None:
    op.create_table(
        "threads",
        sa.Column("thread_id", UUID, primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=NOW),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=NOW),
        sa.Column("metadata", JSONB, nullable=False, server_default=EMPTY_OBJECT),
        sa.Column("status", sa.Text, nullable=False, server_default="idle"),
        sa.Column("values", JSONB, nullable=False, server_default=EMPTY_OBJECT),
        sa.Column("interrupts", JSONB, nullable=False, server_default=EMPTY_ARRAY),
        sa.Column("head_checkpoint_id", UUID, nullable=True),
        sa.CheckConstraint(
            "status IN ('idle', 'busy', 'interrupted', 'error')", name="threads_status_check"
        ),
    )
    op.execute("CREATE INDEX threads_metadata_idx ON threads USING gin (metadata jsonb_path_ops)")
    op.execute('CREATE INDEX threads_values_idx ON threads USING gin ("values" jsonb_path_ops)')
    op.execute("CREATE INDEX threads_created_at_idx ON threads (created_at DESC)")
    op.execute("CREATE INDEX threads_status_created_at_idx ON threads (status, created_at DESC)")

    op.create_table(
        "checkpoints",
        sa.Column(
            "thread_id",
            UUID,
            sa.ForeignKey("threads.thread_id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("checkpoint_id", UUID, nullable=False),
        sa.Column("parent_checkpoint_id", UUID, nullable=True),
        sa.Column("seq", sa.BigInteger, sa.Identity(always=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=NOW),
        sa.Column("run_id", UUID, nullable=True),
        sa.Column("values", JSONB, nullable=False),
        sa.Column("metadata", JSONB, nullable=False, server_default=EMPTY_OBJECT),
        sa.Column("interrupts", JSONB, nullable=False, server_default=EMPTY_ARRAY),
        sa.PrimaryKeyConstraint("thread_id", "checkpoint_id"),
    )
    op.execute("CREATE INDEX checkpoints_thread_seq_idx ON checkpoints (thread_id, seq DESC)")
    op.execute(
        "CREATE INDEX checkpoints_run_id_idx ON checkpoints (run_id) WHERE run_id IS NOT NULL"
    )

    op.create_table(
        "store_items",
        sa.Column("namespace", ARRAY(sa.Text), nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("value", JSONB, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=NOW),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=NOW),
        sa.PrimaryKeyConstraint("namespace", "key"),
    )
    op.execute("CREATE INDEX store_items_namespace_idx ON store_items USING gin (namespace)")
    op.execute("CREATE INDEX store_items_value_idx ON store_items USING gin (value jsonb_path_ops)")


def downgrade() -> None:
    op.drop_table("store_items")
    op.drop_table("checkpoints")
    op.drop_table("threads")
