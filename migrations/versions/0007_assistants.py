"""LangGraph assistants: stored, versioned configurations of a graph (an agent).

`assistants` holds each assistant as its latest version says (the row a run reads);
`assistant_versions` every version. A graph's default assistant (`shared`) is seen by
every owner; the others belong to the owner whose key created them.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

NOW = sa.text("now()")
EMPTY = sa.text("'{}'::jsonb")


def _fields() -> list[sa.Column]:
    return [
        sa.Column("graph_id", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("description", sa.Text),
        sa.Column("config", JSONB, nullable=False, server_default=EMPTY),
        sa.Column("context", JSONB, nullable=False, server_default=EMPTY),
        sa.Column("metadata", JSONB, nullable=False, server_default=EMPTY),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=NOW),
    ]


def upgrade() -> None:
    op.create_table(
        "assistants",
        sa.Column("assistant_id", UUID, primary_key=True),
        *_fields(),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=NOW),
        sa.Column("owner", sa.Text, nullable=False, server_default=""),
        sa.Column("shared", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.execute("CREATE INDEX assistants_owner_created_at_idx ON assistants (owner, created_at DESC)")
    op.execute("CREATE INDEX assistants_metadata_idx ON assistants USING gin (metadata jsonb_path_ops)")
    op.create_table(
        "assistant_versions",
        sa.Column(
            "assistant_id",
            UUID,
            sa.ForeignKey("assistants.assistant_id", ondelete="CASCADE"),
            nullable=False,
        ),
        *_fields(),
        sa.PrimaryKeyConstraint("assistant_id", "version"),
    )


def downgrade() -> None:
    op.drop_table("assistant_versions")
    op.drop_table("assistants")
