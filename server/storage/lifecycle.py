"""Every statement that changes a run's or a thread's status, and nothing else.

Each names its source statuses from the state machine (`domain.states.sources`), so a
move that is not in the table cannot be written, and a run ends exactly once. Lock order,
everywhere: the thread row first, then run rows. The callers (runs.py, queue.py) own the
transactions; these run on the connection they are given.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.types import Text

from .. import observe
from ..domain.states import (
    RunStatus,
    StopAction,
    StopReason,
    ThreadStatus,
    sources,
    stronger_action,
    thread_after,
    thread_sources,
)
from . import channels, events, outbox, records, threads
from .owners import EVERYONE
from .records import RETURNING, RunRecord, run_record
from .threads import ThreadRecord


async def mark_busy(conn: AsyncConnection, thread_id: uuid.UUID) -> None:
    """A run was created on the thread (locked by the caller)."""
    await conn.execute(
        text(
            "UPDATE threads SET status = :s, updated_at = now()"
            " WHERE thread_id = :t AND status = ANY(:from)"
        ),
        {"s": ThreadStatus.BUSY.value, "t": thread_id, "from": thread_sources(ThreadStatus.BUSY)},
    )


_CLAIM = text(
    "WITH next AS ("
    "  SELECT r.run_id FROM runs r WHERE r.status = ANY(:from) AND r.agent_id = ANY(:agents)"
    "  AND (r.not_before IS NULL OR r.not_before <= now())"  # a delayed run, once due
    "  AND NOT EXISTS (SELECT 1 FROM runs a WHERE a.thread_id = r.thread_id AND a.status = :to)"
    "  AND NOT EXISTS (SELECT 1 FROM runs b WHERE b.thread_id = r.thread_id"
    "                  AND b.status = ANY(:from) AND b.seq < r.seq"
    "                  AND (b.not_before IS NULL OR b.not_before <= now()))"
    "  ORDER BY r.seq LIMIT 1 FOR UPDATE SKIP LOCKED"
    ") UPDATE runs SET status = :to, worker_id = :worker, attempt = attempt + 1,"
    "  started_at = coalesce(started_at, now()), updated_at = now(),"
    "  lease_expires_at = now() + make_interval(secs => :lease),"
    "  before_checkpoint_id = coalesce(before_checkpoint_id,"
    "    (SELECT head_checkpoint_id FROM threads t WHERE t.thread_id = runs.thread_id))"
    f" FROM next WHERE runs.run_id = next.run_id RETURNING {RETURNING}"
).bindparams(bindparam("agents", type_=ARRAY(Text)), bindparam("from", type_=ARRAY(Text)))


async def claim(
    conn: AsyncConnection, worker_id: str, lease: float, agent_ids: list[str]
) -> RunRecord | None:
    """pending -> running: the oldest runnable pending run of an agent this worker serves
    (the first pending run of a thread that has no running run). A delayed run is not
    runnable before its `not_before`, and holds back no run queued after it meanwhile. SKIP LOCKED lets workers
    claim concurrently; the unique index on running runs is the backstop if two claims
    ever raced on one thread (an IntegrityError for the caller)."""
    row = (
        await conn.execute(
            _CLAIM,
            {
                "from": sources(RunStatus.RUNNING),
                "to": RunStatus.RUNNING.value,
                "worker": worker_id,
                "lease": lease,
                "agents": agent_ids,
            },
        )
    ).first()
    return None if row is None else run_record(row)


async def requeue(conn: AsyncConnection, run: RunRecord) -> bool:
    """running -> pending: its worker died or drained; the run is retried."""
    moved = await conn.execute(
        text(
            "UPDATE runs SET status = :to, worker_id = NULL, lease_expires_at = NULL,"
            " updated_at = now() WHERE run_id = :r AND status = ANY(:from)"
        ).bindparams(bindparam("from", type_=ARRAY(Text))),
        {
            "to": RunStatus.PENDING.value,
            "r": run.run_id,
            "from": sources(RunStatus.PENDING, among=frozenset({RunStatus(run.status)})),
        },
    )
    if moved.rowcount:
        await channels.notify(conn, channels.queued())
    return bool(moved.rowcount)


async def stop(
    conn: AsyncConnection,
    run: RunRecord,
    *,
    reason: StopReason,
    action: StopAction,
    grace: float | None,
    temporary_ttl: float,
) -> RunRecord | None:
    """Stop a run (its thread locked by the caller, `run` read under that lock): a pending
    one ends at once, a running one is asked to stop (its process learns of it by NOTIFY,
    or at its next lease renewal) and must end within `grace` seconds (None: its agent's
    default grace, applied by the worker running it; an earlier deadline stands). A run that has
    already ended is returned unchanged; None if the stop erased it (rollback)."""
    if run.status == RunStatus.PENDING:
        return await finish(
            conn,
            run,
            RunStatus.INTERRUPTED,
            stop_reason=reason,
            action=action,
            temporary_ttl=temporary_ttl,
        )
    if run.status != RunStatus.RUNNING:
        return run
    current = StopAction(run.stop_action) if run.stop_action else None
    row = (
        await conn.execute(
            text(
                "UPDATE runs SET stop_requested_at = coalesce(stop_requested_at, now()),"
                " stop_reason = coalesce(stop_reason, :reason), stop_action = :action,"
                " stop_deadline = CASE WHEN CAST(:grace AS float8) IS NULL THEN stop_deadline"
                "   ELSE least(coalesce(stop_deadline, 'infinity'),"
                "   now() + make_interval(secs => CAST(:grace AS float8))) END,"
                f" updated_at = now() WHERE run_id = :r AND status = :running RETURNING {RETURNING}"
            ),
            {
                "r": run.run_id,
                "reason": reason.value,
                "action": stronger_action(current, action).value,
                "grace": grace,
                "running": RunStatus.RUNNING.value,
            },
        )
    ).one()
    await channels.notify(conn, channels.stop_requested(run.run_id))
    return run_record(row)


async def finish(
    conn: AsyncConnection,
    run: RunRecord,
    status: RunStatus,
    *,
    temporary_ttl: float,
    error: dict[str, Any] | None = None,
    stop_reason: StopReason | None = None,
    action: StopAction | None = None,
    thread: ThreadRecord | None = None,
) -> RunRecord | None:
    """The one way a run ends: `run` (read under its thread's lock, which the caller holds
    and may pass as `thread`) moves from its status to `status`; its output, webhook and
    last events are written; a rollback erases it; its thread settles if it was the last
    active run. None if it had already ended otherwise, or was erased."""
    if thread is None:
        thread = await threads.get(conn, EVERYONE, run.thread_id)
    row = (
        await conn.execute(
            text(
                "UPDATE runs SET status = :status, ended_at = now(), updated_at = now(),"
                " stop_reason = :reason, error = :error,"
                " output = :output, worker_id = NULL, lease_expires_at = NULL"
                f" WHERE run_id = :r AND status = ANY(:from) RETURNING {RETURNING}"
            ).bindparams(
                bindparam("error", type_=JSONB),
                bindparam("output", type_=JSONB),
                bindparam("from", type_=ARRAY(Text)),
            ),
            {
                "status": status.value,
                "reason": stop_reason.value if stop_reason else None,
                "error": error,
                "output": {"values": thread.values, "interrupts": thread.interrupts},
                "r": run.run_id,
                "from": sources(status, among=frozenset({RunStatus(run.status)})),
            },
        )
    ).first()
    if row is None:
        return None
    ended = run_record(row)
    if ended.webhook:
        await outbox.put(conn, ended)
    if action is StopAction.ROLLBACK:
        await _erase(conn, ended)
    else:
        last: list[tuple[str, Any]] = []
        if error:
            last.append(("error", error))
        if status == RunStatus.INTERRUPTED and thread.interrupts and ended.stop_reason is None:
            last.append(("interrupt", thread.interrupts))
        last.append(("end", {"status": status.value, "stop_reason": ended.stop_reason}))
        await events.append(conn, run.run_id, last, notify=False)
    others = await records.active(conn, run.thread_id)
    if not others:
        await _settle(
            conn,
            run.thread_id,
            thread_after(status, stopped=ended.stop_reason is not None),
            expire=temporary_ttl if ended.temporary and ended.on_completion == "delete" else None,
        )
    said = channels.ended(run.run_id, status.value, ended.stop_reason)
    # The queue learns of work only if this run held back a pending one of its thread: a
    # worker's freed capacity wakes its own claim loop.
    if any(other.status == RunStatus.PENDING for other in others):
        await channels.notify(conn, said, channels.queued())
    else:
        await channels.notify(conn, said)
    observe.run_ended(ended)
    return None if action is StopAction.ROLLBACK else ended


async def _settle(
    conn: AsyncConnection, thread_id: uuid.UUID, after: ThreadStatus, *, expire: float | None
) -> None:
    """busy -> idle | interrupted | error: the thread's last active run ended. A temporary
    thread (of a stateless run) expires `expire` seconds from now."""
    await conn.execute(
        text(
            "UPDATE threads SET status = :s, updated_at = now(),"
            " interrupts = CASE WHEN :keep THEN interrupts ELSE '[]'::jsonb END,"
            " expires_at = CASE WHEN :expire THEN now() + make_interval(secs => :ttl)"
            "   ELSE expires_at END"
            " WHERE thread_id = :t AND status = ANY(:from)"
        ).bindparams(bindparam("from", type_=ARRAY(Text))),
        {
            "s": after.value,
            "keep": after == ThreadStatus.INTERRUPTED,
            "expire": expire is not None,
            "ttl": expire or 0.0,
            "t": thread_id,
            "from": thread_sources(after),
        },
    )


async def _erase(conn: AsyncConnection, run: RunRecord) -> None:
    """Rollback: delete the run and its checkpoints (a graph's too, and its pending
    writes); the thread's state goes back to the checkpoint it had before the run started."""
    if run.started_at is not None:  # it ran: take back what it wrote
        before = run.before_checkpoint_id
        base = await threads.checkpoint_at(conn, run.thread_id, before) if before else None
        for table in ("checkpoints", "graph_checkpoints", "graph_writes"):
            await conn.execute(
                text(f"DELETE FROM {table} WHERE thread_id = :t AND run_id = :r"),
                {"t": run.thread_id, "r": run.run_id},
            )
        await conn.execute(
            text(
                "UPDATE threads SET values = :values, head_checkpoint_id = :head,"
                " interrupts = :interrupts, updated_at = now() WHERE thread_id = :t"
            ).bindparams(bindparam("values", type_=JSONB), bindparam("interrupts", type_=JSONB)),
            {
                "t": run.thread_id,
                "values": base.values if base else {},
                "head": before,
                "interrupts": base.interrupts if base else [],
            },
        )
    await conn.execute(text("DELETE FROM runs WHERE run_id = :r"), {"r": run.run_id})
