"""The run path's hot statements, on asyncpg directly: fixed SQL, prepared once per
connection (asyncpg's statement cache), each a few round trips at most.

- `create_running`: a stateless run created and claimed by the process that received it
  (it has a free worker slot), with its temporary thread and its `metadata` event: one
  statement, one commit (its thread's events notify nobody: `ap.new_thread`, migration
  0013).
- `write_step`: one agent step (checkpoint, thread values, events, notification), fenced
  by the run's ownership in the same statement: one statement, one commit.
- `finish`: a running run ends, with its last step (if it was not written yet), its last
  events, its thread settled, its webhook queued and its notifications: one statement,
  one commit (the thread's lock first; the thread's other runs are then counted by
  `ap_active_runs`, whose own snapshot sees every run created on the thread before the
  lock was granted).
- `request_stop`: a stop asked of a running run (its fields, its notification): one
  statement; anything else about stopping goes the general way (lifecycle.py).
- `get`, `events_after`, `last_event_seq`: what waiters and streams read.

The rules are the same as lifecycle.py's (each status change names its source statuses
from the state machine); SQLAlchemy keeps the rest (migrations, searches, the rarer
transitions).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, fields
from typing import Any

import asyncpg

from ..domain.states import (
    ACTIVE,
    MultitaskStrategy,
    RunStatus,
    StopAction,
    StopReason,
    ThreadStatus,
    sources,
    stronger_action,
    thread_after,
    thread_sources,
)
from . import channels, jsonb
from .pooled import OwnPool
from .records import NewRun, RunRecord, StoredEvent

_FIELDS = [f.name for f in fields(RunRecord)]
_RUN = ", ".join(_FIELDS)
_R_RUN = ", ".join(f"r.{name}" for name in _FIELDS)
_ACTIVE = [s.value for s in ACTIVE]


class Encoded(str):
    """JSON text, encoded when it was made (a value the agent changes afterwards is not
    changed in what is written)."""


def encode(value: Any) -> Encoded:
    return Encoded(jsonb.dumps(value, default=str))


def _encode(value: Any) -> str:
    """JSON text that jsonb reads back as the same value (floats stay floats)."""
    return value if isinstance(value, Encoded) else jsonb.dumps(value, default=str)


@dataclass(frozen=True, slots=True)
class Step:
    """A checkpoint to write, with the events it streams, as JSON already."""

    checkpoint_id: uuid.UUID
    parent: uuid.UUID | None
    values: Encoded
    metadata: Encoded
    interrupts: Encoded  # "[]" for none
    asked: bool  # whether it records pending interrupts
    events: list[tuple[str, Encoded]]
    graph: tuple[str, str, bytes] | None  # the graph's own checkpoint: id, type, data

    @classmethod
    def of(
        cls,
        checkpoint_id: uuid.UUID,
        parent: uuid.UUID | None,
        values: dict[str, Any],
        metadata: dict[str, Any],
        interrupts: list[dict[str, Any]],
        events: list[tuple[str, Any]],
        graph: tuple[str, str, bytes] | None = None,
    ) -> Step:
        return cls(
            checkpoint_id,
            parent,
            encode(values),
            encode(metadata),
            encode(interrupts),
            bool(interrupts),
            [(name, encode(data)) for name, data in events],
            None if graph is None else (graph[0], graph[1], graph[2]),
        )


async def _init(conn: asyncpg.Connection) -> None:
    for name in ("json", "jsonb"):
        await conn.set_type_codec(
            name, encoder=_encode, decoder=json.loads, schema="pg_catalog", format="text"
        )


def _record(row: asyncpg.Record) -> RunRecord:
    return RunRecord(*(row[name] for name in _FIELDS))


_CREATE_RUNNING = f"""
WITH th AS (
  INSERT INTO threads (thread_id, owner, status) VALUES ($1, $2, $3) RETURNING thread_id
), r AS (
  INSERT INTO runs (run_id, thread_id, agent_id, status, metadata, config, input, messages,
    stream_mode, webhook, multitask_strategy, on_completion, temporary, timeout_seconds, owner,
    worker_id, attempt, started_at, lease_expires_at)
  SELECT $4, th.thread_id, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, true, $15, $2,
    $16, 1, now(), now() + make_interval(secs => $17)
  FROM th RETURNING {_RUN}
), ev AS (
  INSERT INTO run_events (run_id, seq, event, data)
  SELECT run_id, 1, 'metadata', jsonb_build_object('run_id', run_id::text) FROM r
), quiet AS (
  SELECT set_config('ap.new_thread', thread_id::text, true) FROM th
)
SELECT {_RUN} FROM r, quiet
"""

_STEP = """
WITH t AS (
  SELECT thread_id FROM threads WHERE thread_id = $2 FOR UPDATE
), f AS (
  SELECT r.run_id FROM runs r, t
  WHERE r.run_id = $1 AND r.status = $3 AND r.worker_id = $4 FOR UPDATE OF r
), cp AS (
  INSERT INTO checkpoints (thread_id, checkpoint_id, parent_checkpoint_id, run_id, values,
    metadata, interrupts, graph_id, graph_type, graph)
  SELECT $2, $5, $6, $1, $7, $8, $9, $14::text, $15::text, $16::bytea FROM f
), th AS (
  UPDATE threads SET values = $7, head_checkpoint_id = $5, interrupts = $9, updated_at = now()
  FROM f WHERE threads.thread_id = $2
), ev AS (
  INSERT INTO run_events (run_id, seq, event, data)
  SELECT $1, base.n + e.ord, e.event, e.data::jsonb
  FROM f, (SELECT coalesce(max(seq), 0) AS n FROM run_events WHERE run_id = $1) base,
    unnest($10::text[], $11::text[]) WITH ORDINALITY AS e(event, data, ord)
)
SELECT count(*) AS fenced,
  CASE WHEN count(*) > 0 AND cardinality($10::text[]) > 0 THEN pg_notify($12, $13) END
FROM f
"""

# The thread's lock first (every other change of this run's status takes it first too),
# then the run's (the fence `f`, rechecked on the row's latest version). The statement's
# snapshot was taken before the lock was granted: the thread's other runs are counted by
# `ap_active_runs` (migration 0013), a volatile function whose query takes a snapshot of its
# own after the lock, so a run created on the thread just before is seen. The run's last
# checkpoint and events are inserted before its status changes (the UPDATE reads what they
# return, so they run first): the thread-events triggers then number the step before the
# ending, as when they were two transactions.
_FINISH = f"""
WITH t AS (
  SELECT thread_id, values, interrupts FROM threads WHERE thread_id = $2 FOR UPDATE
), f AS (
  SELECT r.run_id FROM runs r, t
  WHERE r.run_id = $1 AND r.status = ANY($7::text[]) AND r.worker_id = $6 FOR UPDATE OF r
), cp AS (
  INSERT INTO checkpoints (thread_id, checkpoint_id, parent_checkpoint_id, run_id, values,
    metadata, interrupts, graph_id, graph_type, graph)
  SELECT $2, $8, $9, $1, $10, $11, $12, $25::text, $26::text, $27::bytea FROM f WHERE $8::uuid IS NOT NULL
  RETURNING 1
), ev AS (
  INSERT INTO run_events (run_id, seq, event, data)
  SELECT $1, base.n + e.ord, e.event, e.data::jsonb
  FROM f, (SELECT coalesce(max(seq), 0) AS n FROM run_events WHERE run_id = $1) base,
    unnest($13::text[], $14::text[]) WITH ORDINALITY AS e(event, data, ord)
  RETURNING 1
), r AS (
  UPDATE runs SET status = $3, ended_at = now(), updated_at = now(), stop_reason = $4,
    error = $5, worker_id = NULL, lease_expires_at = NULL,
    output = jsonb_build_object(
      'values', CASE WHEN $8::uuid IS NULL THEN t.values ELSE $10::jsonb END,
      'interrupts', CASE WHEN $8::uuid IS NULL THEN t.interrupts ELSE $12::jsonb END)
  FROM t, f, (SELECT count(*) FROM cp) AS written, (SELECT count(*) FROM ev) AS appended
  WHERE runs.run_id = f.run_id
  RETURNING runs.*
), others AS (
  SELECT o.active, o.pending FROM t, ap_active_runs(t.thread_id, $1, $17::text[], $19) o
), th AS (
  UPDATE threads SET
    values = CASE WHEN $8::uuid IS NULL THEN threads.values ELSE $10::jsonb END,
    head_checkpoint_id = coalesce($8::uuid, threads.head_checkpoint_id),
    interrupts = CASE
      WHEN others.active = 0 AND $15 <> $20 THEN '[]'::jsonb
      WHEN $8::uuid IS NULL THEN threads.interrupts ELSE $12::jsonb END,
    status = CASE WHEN others.active = 0 AND threads.status = ANY($16::text[])
      THEN $15 ELSE threads.status END,
    expires_at = CASE WHEN others.active = 0 AND $18::float8 IS NOT NULL
      THEN now() + make_interval(secs => $18::float8) ELSE threads.expires_at END,
    updated_at = now()
  FROM r, others WHERE threads.thread_id = $2
), ob AS (
  INSERT INTO webhook_outbox (run_id, url, payload)
  SELECT r.run_id, r.webhook, to_jsonb(r.*) FROM r WHERE r.webhook IS NOT NULL
)
SELECT {_R_RUN},
  pg_notify($21, $22) AS ended,
  CASE WHEN others.pending > 0 THEN pg_notify($23, '') END AS queued,
  CASE WHEN r.webhook IS NOT NULL THEN pg_notify($24, '') END AS webhook_queued
FROM r, others
"""

# A stop asked of a running run (lifecycle.stop's UPDATE, for the case that needs no more):
# the thread's lock first, as every status change takes it, then the run's update, which
# rechecks `running` on the row's latest version; no row when the run is not running (or
# not the owner's: `$3`, None for every owner), and the caller takes the general path.
_STOP = f"""
WITH t AS (
  SELECT th.thread_id FROM threads th
  WHERE th.thread_id = (SELECT thread_id FROM runs WHERE run_id = $1 AND status = $2
    AND ($3::text IS NULL OR owner = $3))
  FOR UPDATE
), r AS (
  UPDATE runs SET stop_requested_at = coalesce(stop_requested_at, now()),
    stop_reason = coalesce(stop_reason, $4),
    stop_action = CASE WHEN $6 THEN $5 ELSE coalesce(stop_action, $5) END,
    stop_deadline = CASE WHEN $7::float8 IS NULL THEN stop_deadline
      ELSE least(coalesce(stop_deadline, 'infinity'), now() + make_interval(secs => $7::float8))
      END,
    updated_at = now()
  FROM t WHERE runs.run_id = $1 AND runs.thread_id = t.thread_id AND runs.status = $2
  RETURNING runs.*
)
SELECT {_R_RUN}, pg_notify($8, $9) AS notified FROM r
"""

_GET = f"SELECT {_RUN} FROM runs WHERE run_id = $1"
_EVENTS_AFTER = (
    "SELECT seq, event, data FROM run_events WHERE run_id = $1 AND seq > $2 ORDER BY seq LIMIT $3"
)
_LAST_SEQ = "SELECT coalesce(max(seq), 0) FROM run_events WHERE run_id = $1"
# What a stream joining a run live reads, in one snapshot: the run, its first event (the
# `metadata`), the seq of its last one.
_JOIN = f"""
SELECT {_R_RUN}, e.seq AS first_seq, e.event AS first_event, e.data AS first_data,
  (SELECT coalesce(max(seq), 0) FROM run_events WHERE run_id = $1) AS last_seq
FROM (SELECT $1::uuid AS id) k
LEFT JOIN runs r ON r.run_id = k.id
LEFT JOIN LATERAL (
  SELECT seq, event, data FROM run_events WHERE run_id = k.id ORDER BY seq LIMIT 1
) e ON true
"""


class HotPath(OwnPool):
    """The hot statements on a pool of asyncpg connections of their own."""

    def __init__(self, dsn: str, size: int, temporary_ttl: float, timeout: float) -> None:
        super().__init__(dsn, size, timeout=timeout, init=_init)
        self.temporary_ttl = temporary_ttl

    async def create_running(
        self, new: NewRun, *, owner: str, worker_id: str, lease: float
    ) -> RunRecord:
        """A stateless run (on a new temporary thread of its own), created `running` and
        claimed by `worker_id`: a run created by a process with a free slot starts there."""
        row = await self.fetchrow(
            _CREATE_RUNNING,
            uuid.uuid4(),
            owner,
            ThreadStatus.BUSY.value,  # a new thread with its first run
            uuid.uuid4(),
            new.agent_id,
            RunStatus.RUNNING.value,  # created and claimed at once (see domain.states)
            new.metadata or {},
            new.config or {},
            new.input,
            new.messages,
            list(new.stream_mode),
            new.webhook,
            MultitaskStrategy(new.multitask_strategy).value,
            new.on_completion or "delete",
            new.timeout_seconds,
            worker_id,
            lease,
        )
        assert row is not None
        return _record(row)

    async def write_step(self, run: RunRecord, step: Step) -> bool:
        """Write one step of a run this worker executes; False if it no longer owns it."""
        row = await self.fetchrow(
            _STEP,
            run.run_id,
            run.thread_id,
            RunStatus.RUNNING.value,
            run.worker_id,
            step.checkpoint_id,
            step.parent,
            step.values,
            step.metadata,
            step.interrupts,
            [e for e, _ in step.events],
            [_encode(d) for _, d in step.events],
            *channels.written(run.run_id),
            *(step.graph or (None, None, None)),
        )
        return bool(row and row["fenced"])

    async def finish(
        self,
        run: RunRecord,
        status: RunStatus,
        *,
        error: dict[str, Any] | None,
        stop_reason: StopReason | None,
        step: Step | None,
    ) -> RunRecord | None:
        """End a run this worker executes (running -> `status`), writing `step` first if
        given; None if it had already ended otherwise. Not for a rollback (lifecycle.py
        erases) nor for an interrupt whose questions are not in `step`."""
        after = thread_after(status, stopped=stop_reason is not None)
        last: list[tuple[str, Any]] = list(step.events) if step else []
        if error:
            last.append(("error", error))
        if status is RunStatus.INTERRUPTED and stop_reason is None and step and step.asked:
            last.append(("interrupt", step.interrupts))
        reason = stop_reason.value if stop_reason else None
        last.append(("end", {"status": status.value, "stop_reason": reason}))
        expire = self.temporary_ttl if run.temporary and run.on_completion == "delete" else None
        row = await self.fetchrow(
            _FINISH,
            run.run_id,
            run.thread_id,
            status.value,
            reason,
            error,
            run.worker_id,
            sources(status, among=frozenset({RunStatus.RUNNING})),
            step.checkpoint_id if step else None,
            step.parent if step else None,
            step.values if step else None,
            step.metadata if step else None,
            step.interrupts if step else None,
            [e for e, _ in last],
            [_encode(d) for _, d in last],
            after.value,
            thread_sources(after),
            _ACTIVE,
            expire,
            RunStatus.PENDING.value,
            ThreadStatus.INTERRUPTED.value,
            *channels.ended(run.run_id, status.value, reason),
            channels.QUEUE,
            channels.WEBHOOKS,
            *(step.graph if step and step.graph else (None, None, None)),
        )
        return None if row is None else _record(row)

    async def request_stop(
        self,
        run_id: uuid.UUID,
        *,
        owner: str | None,
        reason: StopReason,
        action: StopAction,
        grace: float | None,
    ) -> RunRecord | None:
        """Ask a running run to stop (see lifecycle.stop), in one statement; None when it
        is not running (pending, ended, absent, or not `owner`'s): the general path then."""
        other = next(a for a in StopAction if a is not action)
        row = await self.fetchrow(
            _STOP,
            run_id,
            RunStatus.RUNNING.value,
            owner,
            reason.value,
            action.value,
            stronger_action(other, action) is action,  # it replaces an earlier request's
            grace,
            *channels.stop_requested(run_id),
        )
        return None if row is None else _record(row)

    async def get(self, run_id: uuid.UUID) -> RunRecord | None:
        row = await self.fetchrow(_GET, run_id)
        return None if row is None else _record(row)

    async def events_after(
        self, run_id: uuid.UUID, after: int, limit: int = 500
    ) -> list[StoredEvent]:
        """The run's stored events after `after`, in order (what a stream reads)."""
        rows = await self.fetch(_EVENTS_AFTER, run_id, after, limit)
        return [StoredEvent(row["seq"], row["event"], row["data"]) for row in rows]

    async def join(self, run_id: uuid.UUID) -> tuple[RunRecord | None, StoredEvent | None, int]:
        """The run (None if there is none), its first event and its last event's seq, as
        one snapshot has them (one round trip where a live join made three)."""
        row = await self.fetchrow(_JOIN, run_id)
        assert row is not None  # one row, whatever exists
        run = None if row["run_id"] is None else _record(row)
        first = (
            None
            if row["first_seq"] is None
            else StoredEvent(row["first_seq"], row["first_event"], row["first_data"])
        )
        return run, first, int(row["last_seq"])

    async def last_event_seq(self, run_id: uuid.UUID) -> int:
        row = await self.fetchrow(_LAST_SEQ, run_id)
        return int(row[0]) if row else 0
