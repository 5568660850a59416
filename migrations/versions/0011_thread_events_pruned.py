"""Thread events are pruned by age (server/storage/thread_events.py, `prune`): an index on
their creation time finds the threads with old events without reading the whole log.

Revision ID: 0011
Revises: 0010
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX thread_events_created ON thread_events (created_at)")


def downgrade() -> None:
    op.execute("DROP INDEX thread_events_created")
