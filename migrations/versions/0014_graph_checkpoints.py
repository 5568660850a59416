"""One checkpoint store: a LangGraph graph's checkpoints live in our tables.

Before, a graph ran with LangGraph's own Postgres saver in a schema of its own
(`langgraph`), and each graph step was written twice: the graph's checkpoint there, and our
checkpoint (the thread's state, what threads, state and history read) here. Now:

- `checkpoints.graph_id`, `graph_type`, `graph`: the graph's checkpoint of a step is kept on
  our checkpoint of the same step (its id; its serialised checkpoint, metadata and parent),
  written by the same statement. A rollback, a copy or a delete of the thread takes both.
- `graph_checkpoints`: the graph's checkpoints that are no step of ours (a subgraph's, the
  one before a run's input is applied, one `update_state` made), with the run that wrote
  them (a rollback erases them with the run).
- `graph_writes`: the graph's pending writes (a task's results, its questions, a resume's
  answers) by checkpoint, with the run that wrote them.

The `langgraph` schema of earlier versions is left as it was (nothing reads it): a thread
whose graph checkpoint is only there goes on from the state our checkpoints hold.

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def _thread() -> sa.Column:
    return sa.Column(
        "thread_id",
        UUID,
        sa.ForeignKey("threads.thread_id", ondelete="CASCADE"),
        nullable=False,
    )


def upgrade() -> None:
    op.add_column("checkpoints", sa.Column("graph_id", sa.Text))
    op.add_column("checkpoints", sa.Column("graph_type", sa.Text))
    op.add_column("checkpoints", sa.Column("graph", sa.LargeBinary))
    op.execute(
        "CREATE INDEX checkpoints_graph_idx ON checkpoints (thread_id, graph_id)"
        " WHERE graph_id IS NOT NULL"
    )
    op.create_table(
        "graph_checkpoints",
        _thread(),
        sa.Column("checkpoint_ns", sa.Text, nullable=False),
        sa.Column("checkpoint_id", sa.Text, nullable=False),
        sa.Column("run_id", UUID),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("checkpoint", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("thread_id", "checkpoint_ns", "checkpoint_id"),
    )
    op.execute(
        "CREATE INDEX graph_checkpoints_run_idx ON graph_checkpoints (run_id)"
        " WHERE run_id IS NOT NULL"
    )
    op.create_table(
        "graph_writes",
        _thread(),
        sa.Column("checkpoint_ns", sa.Text, nullable=False),
        sa.Column("checkpoint_id", sa.Text, nullable=False),
        sa.Column("task_id", sa.Text, nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("task_path", sa.Text, nullable=False),
        sa.Column("channel", sa.Text, nullable=False),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("value", sa.LargeBinary, nullable=False),
        sa.Column("run_id", UUID),
        sa.PrimaryKeyConstraint("thread_id", "checkpoint_ns", "checkpoint_id", "task_id", "idx"),
    )
    op.execute(
        "CREATE INDEX graph_writes_run_idx ON graph_writes (run_id) WHERE run_id IS NOT NULL"
    )


def downgrade() -> None:
    op.drop_table("graph_writes")
    op.drop_table("graph_checkpoints")
    op.execute("DROP INDEX checkpoints_graph_idx")
    op.drop_column("checkpoints", "graph")
    op.drop_column("checkpoints", "graph_type")
    op.drop_column("checkpoints", "graph_id")
