"""A LangGraph graph's checkpoints and pending writes, in our tables (migration 0014).

A graph's checkpoint of a step of ours is on that checkpoint's row (`checkpoints.graph*`,
written by the run path with the step: storage/hot.py); its other checkpoints (a
subgraph's, the one before a run's input is applied, an `update_state`'s) are in
`graph_checkpoints`; its pending writes in `graph_writes`. What is stored is opaque here: a
serialiser's `(type, bytes)` of the checkpoint (with its metadata and parent), and of each
write's value. Checkpoint ids are LangGraph's (time-ordered: the newest is the greatest).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from .pooled import OwnPool


@dataclass(frozen=True, slots=True)
class StoredWrite:
    task_id: str
    idx: int
    channel: str
    type: str
    value: bytes
    task_path: str


@dataclass(frozen=True, slots=True)
class StoredGraphCheckpoint:
    checkpoint_id: str
    type: str
    checkpoint: bytes
    writes: list[StoredWrite]
    newest: bool = False  # the namespace's newest checkpoint


# A namespace's checkpoints: the root's are ours with a graph checkpoint, and the others.
_CHECKPOINTS = """
  SELECT graph_id AS checkpoint_id, graph_type AS type, graph AS checkpoint
  FROM checkpoints
  WHERE thread_id = $1 AND $2::text = '' AND graph_id IS NOT NULL
    AND ($3::text IS NULL OR graph_id = $3) AND ($4::text IS NULL OR graph_id < $4)
  UNION ALL
  SELECT checkpoint_id, type, checkpoint FROM graph_checkpoints
  WHERE thread_id = $1 AND checkpoint_ns = $2
    AND ($3::text IS NULL OR checkpoint_id = $3) AND ($4::text IS NULL OR checkpoint_id < $4)
"""

_FIND = f"""
SELECT c.checkpoint_id, c.type, c.checkpoint,
  ARRAY(SELECT ROW(w.task_id, w.idx, w.channel, w.type, w.value, w.task_path)
        FROM graph_writes w
        WHERE w.thread_id = $1 AND w.checkpoint_ns = $2 AND w.checkpoint_id = c.checkpoint_id
        ) AS writes,
  c.checkpoint_id = greatest(
    (SELECT max(graph_id) FROM checkpoints WHERE thread_id = $1 AND $2::text = ''),
    (SELECT max(checkpoint_id) FROM graph_checkpoints WHERE thread_id = $1 AND checkpoint_ns = $2)
  ) AS newest
FROM ({_CHECKPOINTS} ORDER BY checkpoint_id DESC LIMIT $5) c
ORDER BY c.checkpoint_id DESC
"""

# A batch of checkpoints and writes in one statement. A write already stored under the same
# index is kept, or replaced if the write says so (LangGraph's special writes: errors,
# interrupts, resumes); a batch holds each key once (`Batch`).
_SAVE = """
WITH x AS (
  SELECT * FROM unnest($7::text[], $8::text[], $9::text[], $10::text[], $11::int[], $12::text[],
    $13::text[], $14::bytea[], $15::bool[])
    AS x(ns, checkpoint_id, task_id, task_path, idx, channel, type, value, replace)
), c AS (
  INSERT INTO graph_checkpoints (thread_id, checkpoint_ns, checkpoint_id, run_id, type, checkpoint)
  SELECT $1, c.ns, c.id, $2, c.type, c.data
  FROM unnest($3::text[], $4::text[], $5::text[], $6::bytea[]) AS c(ns, id, type, data)
  ON CONFLICT (thread_id, checkpoint_ns, checkpoint_id)
  DO UPDATE SET type = excluded.type, checkpoint = excluded.checkpoint
), replaced AS (
  INSERT INTO graph_writes (thread_id, checkpoint_ns, checkpoint_id, task_id, task_path, run_id,
    idx, channel, type, value)
  SELECT $1, ns, checkpoint_id, task_id, task_path, $2, idx, channel, type, value
  FROM x WHERE replace
  ON CONFLICT (thread_id, checkpoint_ns, checkpoint_id, task_id, idx)
  DO UPDATE SET channel = excluded.channel, type = excluded.type, value = excluded.value
)
INSERT INTO graph_writes (thread_id, checkpoint_ns, checkpoint_id, task_id, task_path, run_id,
  idx, channel, type, value)
SELECT $1, ns, checkpoint_id, task_id, task_path, $2, idx, channel, type, value
FROM x WHERE NOT replace
ON CONFLICT (thread_id, checkpoint_ns, checkpoint_id, task_id, idx) DO NOTHING
"""


@dataclass
class Batch:
    """Checkpoints and pending writes to write together (`GraphCheckpointStore.save`)."""

    checkpoints: dict[tuple[str, str], tuple[str, bytes]] = field(default_factory=dict)
    writes: dict[tuple[str, str, str, int], tuple[str, str, str, bytes, bool]] = field(
        default_factory=dict
    )

    def __bool__(self) -> bool:
        return bool(self.checkpoints or self.writes)

    def checkpoint(self, ns: str, checkpoint_id: str, saved: tuple[str, bytes]) -> None:
        self.checkpoints[(ns, checkpoint_id)] = saved

    def write(
        self,
        ns: str,
        checkpoint_id: str,
        task: tuple[str, str],
        rows: list[tuple[int, str, str, bytes]],
        *,
        replace: bool,
    ) -> None:
        """A task's writes (`task`: its id and path) as `(idx, channel, type, value)`: a
        later one replaces an earlier one under the same index only if `replace`."""
        task_id, task_path = task
        for idx, channel, kind, value in rows:
            key = (ns, checkpoint_id, task_id, idx)
            if replace or key not in self.writes:
                self.writes[key] = (task_path, channel, kind, value, replace)

    def stored_writes(self, ns: str, checkpoint_id: str) -> list[StoredWrite]:
        return [
            StoredWrite(task_id, idx, channel, kind, value, task_path)
            for (w_ns, w_id, task_id, idx), (task_path, channel, kind, value, _) in (
                self.writes.items()
            )
            if (w_ns, w_id) == (ns, checkpoint_id)
        ]


class GraphCheckpointStore(OwnPool):
    """Reads and writes a graph's checkpoints on a small asyncpg pool of its own."""

    async def find(
        self,
        thread_id: uuid.UUID,
        ns: str,
        *,
        checkpoint_id: str | None = None,
        before: str | None = None,
        limit: int | None = None,
    ) -> list[StoredGraphCheckpoint]:
        """The namespace's checkpoints, newest first, each with its pending writes (in no
        order): the one named `checkpoint_id`, or those before `before` (all, or the `limit`
        newest)."""
        rows = await self.fetch(_FIND, thread_id, ns, checkpoint_id, before, limit)
        return [
            StoredGraphCheckpoint(
                row["checkpoint_id"],
                row["type"],
                row["checkpoint"],
                [StoredWrite(*w) for w in row["writes"]],
                bool(row["newest"]),
            )
            for row in rows
        ]

    async def save(self, thread_id: uuid.UUID, run_id: uuid.UUID | None, batch: Batch) -> None:
        """Write the batch in one statement (`run_id`: the run that wrote it, if any)."""
        if not batch:
            return
        cps = [(ns, cid, kind, data) for (ns, cid), (kind, data) in batch.checkpoints.items()]
        ws = [(*key, *value) for key, value in batch.writes.items()]
        await self.execute(
            _SAVE,
            thread_id,
            run_id,
            *_columns(cps, 4),
            *_columns(
                [
                    (ns, cid, task, path, idx, ch, kind, value, rep)
                    for ns, cid, task, idx, path, ch, kind, value, rep in ws
                ],
                9,
            ),
        )


def _columns(rows: list[tuple[Any, ...]], width: int) -> list[list[Any]]:
    """Rows as columns (the arrays `unnest` takes)."""
    return [list(column) for column in zip(*rows, strict=True)] if rows else [[]] * width
