"""Delayed runs: a run may carry a time before which no worker claims it.

LangGraph's `after_seconds`: the run is created `pending` at once, in the same durable
queue as every other run, and the claim statements skip it until `not_before`. The partial
index serves the worker's question "when is the next delayed run due?".

Revision ID: 0010
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("runs", sa.Column("not_before", sa.DateTime(timezone=True)))
    op.execute(
        "CREATE INDEX runs_not_before_idx ON runs (not_before)"
        " WHERE status = 'pending' AND not_before IS NOT NULL"
    )


def downgrade() -> None:
    op.execute("DROP INDEX runs_not_before_idx")
    op.drop_column("runs", "not_before")
