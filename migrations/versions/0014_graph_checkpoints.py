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

Threads of earlier versions keep their graphs' state: the checkpoints and pending writes
LangGraph's saver kept in the schema `langgraph` (its layout: `checkpoints` with the
channel values in `checkpoint_blobs` by version, `checkpoint_writes`) are copied into
`graph_checkpoints` and `graph_writes` (with LangGraph's serialiser, when the `langgraph`
extra is installed; without it no graph is served, and nothing is copied). The schema
itself is left as it was: nothing reads it any more.

Revision ID: 0014
Revises: 0013
"""

import json
import logging
import uuid

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


log = logging.getLogger("ap_server")


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
    _adopt_langgraph_schema()


# The legacy saver's checkpoints of threads that still exist, each with its channel values.
_LEGACY = """
SELECT t.thread_id, c.checkpoint_ns, c.checkpoint_id, c.parent_checkpoint_id,
  c.checkpoint::text AS checkpoint, c.metadata::text AS metadata,
  v.channels, v.types, v.blobs
FROM langgraph.checkpoints c
JOIN threads t ON t.thread_id::text = c.thread_id
LEFT JOIN LATERAL (
  SELECT array_agg(b.channel ORDER BY b.channel) AS channels,
    array_agg(b.type ORDER BY b.channel) AS types,
    array_agg(b.blob ORDER BY b.channel) AS blobs
  FROM jsonb_each_text(c.checkpoint -> 'channel_versions') cv
  JOIN langgraph.checkpoint_blobs b ON b.thread_id = c.thread_id
    AND b.checkpoint_ns = c.checkpoint_ns AND b.channel = cv.key AND b.version = cv.value
) v ON true
"""


def _adopt_langgraph_schema() -> None:
    bind = op.get_bind()
    if not bind.execute(
        sa.text("SELECT to_regclass('langgraph.checkpoints') IS NOT NULL")
    ).scalar():
        return
    try:
        from ap_server.langgraph.serde import ExactSerializer
    except ImportError:
        log.warning("schema langgraph not copied: the langgraph extra is not installed")
        return
    serde = ExactSerializer()
    insert = sa.text(
        "INSERT INTO graph_checkpoints (thread_id, checkpoint_ns, checkpoint_id, run_id, type,"
        " checkpoint) VALUES (:t, :ns, :id, :run, :type, :data) ON CONFLICT DO NOTHING"
    )
    copied = 0
    for row in bind.execute(sa.text(_LEGACY)).mappings():
        checkpoint = json.loads(row["checkpoint"])
        metadata = json.loads(row["metadata"])
        # primitive values are inline in the checkpoint, the others in blobs by version
        checkpoint["channel_values"] = {
            **(checkpoint.get("channel_values") or {}),
            **{
                channel: serde.loads_typed((kind, blob))
                for channel, kind, blob in zip(
                    row["channels"] or (), row["types"] or (), row["blobs"] or (), strict=True
                )
                if kind != "empty"
            },
        }
        kind, data = serde.dumps_typed(
            {"checkpoint": checkpoint, "metadata": metadata, "parent": row["parent_checkpoint_id"]}
        )
        run = metadata.get("ap_run_id")
        bind.execute(
            insert,
            {
                "t": row["thread_id"],
                "ns": row["checkpoint_ns"],
                "id": row["checkpoint_id"],
                "run": uuid.UUID(run) if run else None,
                "type": kind,
                "data": data,
            },
        )
        copied += 1
    bind.execute(
        sa.text(
            "INSERT INTO graph_writes (thread_id, checkpoint_ns, checkpoint_id, task_id, idx,"
            " task_path, channel, type, value) SELECT t.thread_id, w.checkpoint_ns,"
            " w.checkpoint_id, w.task_id, w.idx, w.task_path, w.channel, w.type, w.blob"
            " FROM langgraph.checkpoint_writes w JOIN threads t ON t.thread_id::text = w.thread_id"
            " WHERE w.type IS NOT NULL ON CONFLICT DO NOTHING"
        )
    )
    log.info("copied %d graph checkpoints from schema langgraph", copied)


def downgrade() -> None:
    op.drop_table("graph_writes")
    op.drop_table("graph_checkpoints")
    op.execute("DROP INDEX checkpoints_graph_idx")
    op.drop_column("checkpoints", "graph")
    op.drop_column("checkpoints", "graph_type")
    op.drop_column("checkpoints", "graph_id")
