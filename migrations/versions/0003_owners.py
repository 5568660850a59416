"""Owners: every thread, run and store item belongs to the owner of the key that made it.

'' is the owner of what was made with no keys configured (open mode) or with the admin key.
A store item is identified by (owner, namespace, key): two owners' items never collide.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _owner() -> sa.Column:
    return sa.Column("owner", sa.Text, nullable=False, server_default="")


def upgrade() -> None:
    for table in ("threads", "runs", "store_items"):
        op.add_column(table, _owner())
    op.execute("CREATE INDEX threads_owner_created_at_idx ON threads (owner, created_at DESC)")
    op.execute("CREATE INDEX runs_owner_created_at_idx ON runs (owner, created_at DESC)")
    op.execute("ALTER TABLE store_items DROP CONSTRAINT store_items_pkey")
    op.execute("ALTER TABLE store_items ADD PRIMARY KEY (owner, namespace, key)")


def downgrade() -> None:
    op.execute("DELETE FROM store_items WHERE owner <> ''")
    op.execute("ALTER TABLE store_items DROP CONSTRAINT store_items_pkey")
    op.execute("ALTER TABLE store_items ADD PRIMARY KEY (namespace, key)")
    op.drop_index("runs_owner_created_at_idx", table_name="runs")
    op.drop_index("threads_owner_created_at_idx", table_name="threads")
    for table in ("store_items", "runs", "threads"):
        op.drop_column(table, "owner")
