"""Runs in Postgres: a durable queue, stop requests, and the events each run streams.

Lock order, everywhere: the thread row first, then run rows. Every change of a run's
status names the status it leaves in its WHERE clause, so a run ends exactly once.
Notifications (delivered on commit): `ap_queue` when a run may be claimable, `ap_events`
(payload: run id) when a run wrote events or ended, `ap_control` (payload: run id) when a
stop was requested for a running run.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, select, text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.types import Text

from .. import interrupts, observe
from ..errors import Conflict, NotFound
from ..states import ACTIVE, RunStatus, ThreadStatus, thread_after
from .owners import Scope
from .tables import run_events, runs
from .threads import ThreadRecord, ThreadStore

QUEUE, EVENTS, CONTROL, WEBHOOKS = "ap_queue", "ap_events", "ap_control", "ap_webhooks"


@dataclass(slots=True)
class RunRecord:
    run_id: uuid.UUID
    thread_id: uuid.UUID
    agent_id: str
    status: str
    created_at: datetime
    updated_at: datetime
    started_at: datetime | None
    ended_at: datetime | None
    metadata: dict[str, Any]
    config: dict[str, Any]
    input: Any
    messages: list[dict[str, Any]] | None
    resume: list[dict[str, Any]] | None  # answers to the pending interrupts, in order
    stream_mode: list[str]
    webhook: str | None
    multitask_strategy: str
    on_completion: str
    temporary: bool
    timeout_seconds: float | None
    before_checkpoint_id: uuid.UUID | None
    output: dict[str, Any] | None  # {"values": ..., "interrupts": [...]} when it ended
    error: dict[str, Any] | None
    stop_reason: str | None
    stop_action: str | None
    stop_requested_at: datetime | None
    stop_deadline: datetime | None
    worker_id: str | None
    lease_expires_at: datetime | None
    attempt: int
    owner: str  # the owner of its thread

    @property
    def active(self) -> bool:
        return self.status in ACTIVE


@dataclass(slots=True)
class StoredEvent:
    seq: int
    event: str
    data: Any


@dataclass(frozen=True, slots=True)
class NewRun:
    """What a client asked for; the store decides where and whether it runs."""

    agent_id: str
    thread_id: uuid.UUID | None
    if_not_exists: str = "reject"
    input: Any = None
    messages: list[dict[str, Any]] | None = None
    resume: Any = None
    metadata: dict[str, Any] | None = None
    config: dict[str, Any] | None = None
    stream_mode: tuple[str, ...] = ("values",)
    webhook: str | None = None
    multitask_strategy: str = "reject"
    on_completion: str | None = None
    timeout_seconds: float | None = None
    is_resume: bool = False


RUN_COLUMNS = [runs.c[f.name] for f in fields(RunRecord)]
RETURNING = ", ".join(f"runs.{f.name}" for f in fields(RunRecord))


def _run(row) -> RunRecord:
    return RunRecord(**row._mapping)


class RunStore:
    def __init__(
        self,
        engine: AsyncEngine,
        threads: ThreadStore,
        temporary_ttl: float,
        webhook_payload: Callable[[RunRecord], dict[str, Any]],
    ) -> None:
        self.engine = engine
        self.reads = threads.reads
        self.threads = threads  # its scope is this store's
        self.temporary_ttl = temporary_ttl
        self.webhook_payload = webhook_payload

    @property
    def scope(self) -> Scope:
        return self.threads.scope

    def scoped(self, scope: Scope) -> RunStore:
        """The runs (and threads) `scope` sees; a run belongs to its thread's owner."""
        return RunStore(
            self.engine, self.threads.scoped(scope), self.temporary_ttl, self.webhook_payload
        )

    # -- creating ----------------------------------------------------------------------

    async def create(self, new: NewRun, *, stop_grace: float) -> RunRecord:
        """Create a pending run, applying the thread's multitask rules atomically."""
        async with self.engine.begin() as conn:
            thread = await self._thread_for(conn, new)
            resume = new.resume
            if new.is_resume:
                if thread.status != ThreadStatus.INTERRUPTED:
                    raise Conflict(
                        f"thread {thread.thread_id} is {thread.status}, not interrupted:"
                        " there is nothing to resume",
                        code="thread_not_interrupted",
                        thread_status=thread.status,
                    )
                # The answers, in the order the interrupts were asked (kept on the run, so a
                # retry of it after a crash still has them).
                answers = interrupts.resume_map(thread.interrupts, new.input)
                resume = [{"id": i, "value": v} for i, v in answers.items()]
            elif thread.status == ThreadStatus.INTERRUPTED and new.multitask_strategy == "reject":
                raise Conflict(
                    f"thread {thread.thread_id} is interrupted, waiting for an answer: resume it"
                    " with PATCH /runs/resume, or create the run with another multitask_strategy"
                    " to abandon the pending interrupts",
                    code="thread_interrupted",
                    interrupts=thread.interrupts,
                )
            elif thread.status == ThreadStatus.BUSY:
                await self._multitask(conn, thread.thread_id, new, stop_grace)
            run_id = uuid.uuid4()
            on_completion = new.on_completion or ("delete" if new.thread_id is None else "keep")
            row = (
                await conn.execute(
                    runs.insert()
                    .values(
                        run_id=run_id,
                        thread_id=thread.thread_id,
                        agent_id=new.agent_id,
                        metadata=new.metadata or {},
                        config=new.config or {},
                        input=new.input,
                        messages=new.messages,
                        resume=resume,
                        stream_mode=list(new.stream_mode),
                        webhook=new.webhook,
                        multitask_strategy=new.multitask_strategy,
                        on_completion=on_completion,
                        temporary=new.thread_id is None,
                        timeout_seconds=new.timeout_seconds,
                        owner=thread.owner,
                    )
                    .returning(*RUN_COLUMNS)
                )
            ).one()
            await self._set_thread_status(conn, thread.thread_id, ThreadStatus.BUSY)
            await self._append_events(
                conn, run_id, [("metadata", {"run_id": str(run_id)})], notify=False
            )
            await _notify(conn, (EVENTS, str(run_id)), (QUEUE, ""))
            return _run(row)

    async def _thread_for(self, conn: AsyncConnection, new: NewRun) -> ThreadRecord:
        if new.thread_id is None:  # a stateless run: a temporary thread of its own
            # New and not yet committed: no other transaction can see it, let alone lock it.
            return await self.threads._insert(conn, uuid.uuid4())
        if new.if_not_exists == "create" and not new.is_resume:
            await conn.execute(
                text(
                    "INSERT INTO threads (thread_id, owner) VALUES (:t, :o) ON CONFLICT DO NOTHING"
                ),
                {"t": new.thread_id, "o": self.scope.owner},
            )
        return await self.threads._get(conn, new.thread_id, lock=True)

    async def _multitask(
        self, conn: AsyncConnection, thread_id: uuid.UUID, new: NewRun, stop_grace: float
    ) -> None:
        strategy = new.multitask_strategy
        if strategy == "reject":
            raise Conflict(
                f"thread {thread_id} already has an active run (multitask_strategy is reject)",
                code="thread_busy",
            )
        if strategy == "enqueue":
            return
        action = "rollback" if strategy == "rollback" else "interrupt"
        for run in await self._active_runs(conn, thread_id):
            await self._stop_locked(
                conn, run, reason="superseded", action=action, graceful=True, timeout=stop_grace
            )

    # -- reading -----------------------------------------------------------------------

    async def get(self, run_id: uuid.UUID) -> RunRecord:
        async with self.reads.connect() as conn:
            return await self._get(conn, run_id)

    async def search(
        self,
        *,
        thread_id: uuid.UUID | None,
        agent_id: str | None,
        status: str | list[str] | None,
        metadata: dict[str, Any] | None,
        limit: int,
        offset: int,
        stopped: bool | None = None,
    ) -> list[RunRecord]:
        """Runs newest first; `status`, one or any of several; `stopped`, whether the run
        was stopped (it has a `stop_reason`) or not."""
        query = select(*RUN_COLUMNS).where(self.scope.visible(runs.c.owner))
        if thread_id:
            query = query.where(runs.c.thread_id == thread_id)
        if agent_id:
            query = query.where(runs.c.agent_id == agent_id)
        if isinstance(status, list):
            query = query.where(runs.c.status.in_(status))
        elif status:
            query = query.where(runs.c.status == status)
        if stopped is not None:
            query = query.where(
                runs.c.stop_reason.isnot(None) if stopped else runs.c.stop_reason.is_(None)
            )
        if metadata:
            query = query.where(runs.c.metadata.contains(metadata))
        query = (
            query.order_by(runs.c.created_at.desc(), runs.c.seq.desc()).limit(limit).offset(offset)
        )
        async with self.reads.connect() as conn:
            return [_run(row) for row in await conn.execute(query)]

    async def asking_agent_id(self, thread_id: uuid.UUID) -> str | None:
        """The agent that asked the thread's pending questions (what a resume runs by
        default): recorded in the interrupt checkpoint, so a copy of the thread knows it."""
        async with self.reads.connect() as conn:
            await self.threads._get(conn, thread_id)  # 404 unless the scope sees it
            return (
                await conn.execute(
                    text(
                        "SELECT c.metadata ->> 'agent_id' FROM threads t JOIN checkpoints c"
                        " ON c.thread_id = t.thread_id AND c.checkpoint_id = t.head_checkpoint_id"
                        " WHERE t.thread_id = :t"
                    ),
                    {"t": thread_id},
                )
            ).scalar()

    async def delete(self, run_id: uuid.UUID) -> None:
        async with self.engine.begin() as conn:
            run = await self._get(conn, run_id)
            deleted = await conn.execute(
                text("DELETE FROM runs WHERE run_id = :r AND status NOT IN ('pending', 'running')"),
                {"r": run_id},
            )
            if deleted.rowcount == 0:
                raise Conflict(
                    f"run {run_id} is {run.status}; cancel it before deleting it", code="run_active"
                )

    async def events_after(
        self, run_id: uuid.UUID, after: int, limit: int = 500
    ) -> list[StoredEvent]:
        async with self.reads.connect() as conn:
            rows = await conn.execute(
                select(run_events.c.seq, run_events.c.event, run_events.c.data)
                .where(run_events.c.run_id == run_id, run_events.c.seq > after)
                .order_by(run_events.c.seq)
                .limit(limit)
            )
            return [StoredEvent(*row) for row in rows]

    async def last_event_seq(self, run_id: uuid.UUID) -> int:
        async with self.reads.connect() as conn:
            return await self._last_seq(conn, run_id)

    # -- the queue ---------------------------------------------------------------------

    async def claim(self, worker_id: str, lease: float, agent_ids: list[str]) -> RunRecord | None:
        """Take the oldest runnable pending run of an agent this worker serves: the first
        pending run of a thread that has no running run. SKIP LOCKED lets workers claim
        concurrently; the unique index on running runs is the backstop if two claims ever
        raced on one thread."""
        statement = text(
            "WITH next AS ("
            "  SELECT r.run_id FROM runs r WHERE r.status = 'pending' AND r.agent_id = ANY(:agents)"
            "  AND NOT EXISTS (SELECT 1 FROM runs a WHERE a.thread_id = r.thread_id AND a.status = 'running')"
            "  AND NOT EXISTS (SELECT 1 FROM runs b WHERE b.thread_id = r.thread_id"
            "                  AND b.status = 'pending' AND b.seq < r.seq)"
            "  ORDER BY r.seq LIMIT 1 FOR UPDATE SKIP LOCKED"
            ") UPDATE runs SET status = 'running', worker_id = :worker, attempt = attempt + 1,"
            "  started_at = coalesce(started_at, now()), updated_at = now(),"
            "  lease_expires_at = now() + make_interval(secs => :lease),"
            "  before_checkpoint_id = coalesce(before_checkpoint_id,"
            "    (SELECT head_checkpoint_id FROM threads t WHERE t.thread_id = runs.thread_id))"
            f" FROM next WHERE runs.run_id = next.run_id RETURNING {RETURNING}"
        )
        try:
            # One statement, atomic on its own: no BEGIN and COMMIT round trips around it.
            async with self.reads.connect() as conn:
                row = (
                    await conn.execute(
                        statement.bindparams(bindparam("agents", type_=ARRAY(Text))),
                        {"worker": worker_id, "lease": lease, "agents": agent_ids},
                    )
                ).first()
        except IntegrityError:
            return None
        return _run(row) if row else None

    async def renew(
        self, worker_id: str, run_ids: list[uuid.UUID], lease: float
    ) -> list[RunRecord]:
        """Extend the lease of the runs this worker executes; returns them, so stop
        requests whose notification was lost are seen here."""
        if not run_ids:
            return []
        async with self.engine.begin() as conn:
            rows = await conn.execute(
                text(
                    "UPDATE runs SET lease_expires_at = now() + make_interval(secs => :lease)"
                    " WHERE worker_id = :worker AND status = 'running' AND run_id = ANY(:ids)"
                    f" RETURNING {RETURNING}"
                ).bindparams(bindparam("ids", type_=ARRAY(runs.c.run_id.type))),
                {"worker": worker_id, "lease": lease, "ids": run_ids},
            )
            return [_run(row) for row in rows]

    async def release(self, worker_id: str, run_ids: list[uuid.UUID], *, max_attempts: int) -> None:
        """A draining worker hands its runs back to the queue, for another process; a run
        out of attempts ends `interrupted` with stop reason `shutdown` instead."""
        for run_id in run_ids:
            async with self.engine.begin() as conn:
                run = await self._get(conn, run_id, missing_ok=True)
                if run is None:
                    continue
                await self.threads._get(conn, run.thread_id, lock=True)
                run = await self._get(conn, run_id)
                if run.status != RunStatus.RUNNING or run.worker_id != worker_id:
                    continue
                if run.attempt >= max_attempts or run.stop_requested_at is not None:
                    await self._finish(
                        conn, run, RunStatus.INTERRUPTED,
                        stop_reason=run.stop_reason or "shutdown", action=run.stop_action,
                    )  # fmt: skip
                    continue
                await conn.execute(
                    text(
                        "UPDATE runs SET status = 'pending', worker_id = NULL,"
                        " lease_expires_at = NULL, updated_at = now() WHERE run_id = :r"
                    ),
                    {"r": run_id},
                )
                await _notify(conn, (QUEUE, ""))

    async def recover_expired(self, max_attempts: int) -> int:
        """Runs whose worker stopped renewing its lease: retried while attempts remain,
        else ended `error`; a run asked to stop ends `interrupted`. Threads never stay busy."""
        async with self.reads.connect() as conn:
            expired = (
                await conn.execute(
                    text(
                        "SELECT run_id, thread_id FROM runs WHERE status = 'running'"
                        " AND lease_expires_at < now() ORDER BY lease_expires_at LIMIT 100"
                    )
                )
            ).all()
        for run_id, thread_id in expired:
            async with self.engine.begin() as conn:
                await self.threads._get(conn, thread_id, lock=True)
                run = await self._get(conn, run_id)
                if run.status != RunStatus.RUNNING or not _expired(run):
                    continue
                if run.stop_requested_at is not None:
                    await self._finish(
                        conn, run, RunStatus.INTERRUPTED, stop_reason=run.stop_reason,
                        action=run.stop_action,
                    )  # fmt: skip
                elif run.attempt < max_attempts:
                    await conn.execute(
                        text(
                            "UPDATE runs SET status = 'pending', worker_id = NULL,"
                            " lease_expires_at = NULL, updated_at = now() WHERE run_id = :r"
                        ),
                        {"r": run_id},
                    )
                    await _notify(conn, (QUEUE, ""))
                else:
                    error = {"type": "WorkerLost", "message": "the process running it stopped"}
                    await self._finish(conn, run, RunStatus.ERROR, error=error)
        return len(expired)

    async def claim_webhooks(self, limit: int = 20) -> list[tuple[str, dict[str, Any]]]:
        """Take webhooks to deliver (each is taken by one process, once)."""
        async with self.engine.begin() as conn:
            rows = await conn.execute(
                text(
                    "DELETE FROM webhook_outbox WHERE id IN (SELECT id FROM webhook_outbox"
                    " ORDER BY id LIMIT :n FOR UPDATE SKIP LOCKED) RETURNING url, payload"
                ),
                {"n": limit},
            )
            return [(row.url, row.payload) for row in rows]

    async def matching_active(
        self, *, thread_id: uuid.UUID | None, run_ids: list[uuid.UUID] | None, status: str
    ) -> list[uuid.UUID]:
        """Ids of active runs of a thread and/or in a list (for a bulk stop)."""
        statuses = [s.value for s in ACTIVE] if status == "all" else [status]
        query = (
            select(runs.c.run_id)
            .where(runs.c.status.in_(statuses), self.scope.visible(runs.c.owner))
            .order_by(runs.c.seq)
        )
        if thread_id is not None:
            query = query.where(runs.c.thread_id == thread_id)
        if run_ids is not None:
            query = query.where(runs.c.run_id.in_(run_ids))
        async with self.reads.connect() as conn:
            return list((await conn.execute(query)).scalars())

    async def sweep_temporary_threads(self) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(
                text("DELETE FROM threads WHERE expires_at < now() AND status <> 'busy'")
            )

    # -- executing (the worker that claimed the run) -----------------------------------

    async def write_step(
        self,
        run: RunRecord,
        values: dict[str, Any],
        *,
        parent: uuid.UUID | None,
        metadata: dict[str, Any],
        events: list[tuple[str, Any]],
        interrupts: list[dict[str, Any]] | None = None,
    ) -> uuid.UUID:
        """One agent step: a checkpoint, the thread's values, and the step's events."""
        async with self.engine.begin() as conn:
            await self.threads._get(conn, run.thread_id, lock=True)
            await self._fence(conn, run)
            checkpoint_id = await self.threads._write_checkpoint(
                conn,
                run.thread_id,
                values,
                parent=parent,
                metadata=metadata,
                run_id=run.run_id,
                interrupts=interrupts,
            )
            await self._append_events(conn, run.run_id, events)
            return checkpoint_id

    async def write_events(self, run: RunRecord, events: list[tuple[str, Any]]) -> None:
        async with self.engine.begin() as conn:
            await self._fence(conn, run)
            await self._append_events(conn, run.run_id, events)

    async def finish(
        self,
        run: RunRecord,
        status: RunStatus,
        *,
        error: dict[str, Any] | None = None,
        stop_reason: str | None = None,
        action: str | None = None,
    ) -> RunRecord | None:
        """End a run this worker executes; None if it had already ended otherwise."""
        async with self.engine.begin() as conn:
            thread = await self.threads._get(conn, run.thread_id, lock=True)
            current = await self._get(conn, run.run_id, missing_ok=True)
            if (
                current is None
                or current.status != RunStatus.RUNNING
                or current.worker_id != run.worker_id
            ):
                return None
            return await self._finish(
                conn,
                current,
                status,
                error=error,
                stop_reason=stop_reason,
                action=action,
                thread=thread,
            )

    # -- stopping ----------------------------------------------------------------------

    async def request_stop(
        self, run_id: uuid.UUID, *, reason: str, action: str, graceful: bool, timeout: float
    ) -> RunRecord | None:
        """Stop a run: a pending one ends at once, a running one is asked to stop (its
        process learns of it by NOTIFY, or at its next lease renewal). A run that has
        already ended is left unchanged. Returns the run as it is now (None if erased)."""
        async with self.engine.begin() as conn:
            run = await self._get(conn, run_id)
            await self.threads._get(conn, run.thread_id, lock=True)
            run = await self._get(conn, run_id)
            return await self._stop_locked(
                conn, run, reason=reason, action=action, graceful=graceful, timeout=timeout
            )

    async def _stop_locked(
        self,
        conn: AsyncConnection,
        run: RunRecord,
        *,
        reason: str,
        action: str,
        graceful: bool,
        timeout: float,
    ) -> RunRecord | None:
        if run.status == RunStatus.PENDING:
            return await self._finish(
                conn, run, RunStatus.INTERRUPTED, stop_reason=reason, action=action
            )
        if run.status != RunStatus.RUNNING:
            return run
        row = (
            await conn.execute(
                text(
                    "UPDATE runs SET stop_requested_at = coalesce(stop_requested_at, now()),"
                    " stop_reason = coalesce(stop_reason, :reason),"
                    " stop_action = CASE WHEN :action = 'rollback' THEN 'rollback'"
                    "   ELSE coalesce(stop_action, :action) END,"
                    " stop_deadline = least(coalesce(stop_deadline, 'infinity'),"
                    "   now() + make_interval(secs => :grace)),"
                    f" updated_at = now() WHERE run_id = :r AND status = 'running' RETURNING {RETURNING}"
                ),
                {
                    "r": run.run_id,
                    "reason": reason,
                    "action": action,
                    "grace": timeout if graceful else 0.0,
                },
            )
        ).one()
        await _notify(conn, (CONTROL, str(run.run_id)))
        return _run(row)

    # -- the one way a run ends --------------------------------------------------------

    async def _finish(
        self,
        conn: AsyncConnection,
        run: RunRecord,
        status: RunStatus,
        *,
        error: dict[str, Any] | None = None,
        stop_reason: str | None = None,
        action: str | None = None,
        thread: ThreadRecord | None = None,
    ) -> RunRecord | None:
        """End `run` (its thread is locked by the caller, who may pass it as read under
        that lock) and settle its thread."""
        if thread is None:
            thread = await self.threads._get(conn, run.thread_id)
        row = (
            await conn.execute(
                text(
                    "UPDATE runs SET status = :status, ended_at = now(), updated_at = now(),"
                    " stop_reason = :reason, error = :error,"
                    " output = :output, worker_id = NULL, lease_expires_at = NULL"
                    f" WHERE run_id = :r AND status = :was RETURNING {RETURNING}"
                ).bindparams(bindparam("error", type_=JSONB), bindparam("output", type_=JSONB)),
                {
                    "status": status.value,
                    "reason": stop_reason,
                    "error": error,
                    "output": {"values": thread.values, "interrupts": thread.interrupts},
                    "r": run.run_id,
                    "was": run.status,
                },
            )
        ).first()
        if row is None:
            return None
        ended = _run(row)
        if ended.webhook:
            await conn.execute(
                text(
                    "INSERT INTO webhook_outbox (run_id, url, payload) VALUES (:r, :url, :payload)"
                ).bindparams(bindparam("payload", type_=JSONB)),
                {"r": ended.run_id, "url": ended.webhook, "payload": self.webhook_payload(ended)},
            )
            await _notify(conn, (WEBHOOKS, ""))
        if action == "rollback":
            await self._erase(conn, ended)
        else:
            events: list[tuple[str, Any]] = []
            if error:
                events.append(("error", error))
            if status == RunStatus.INTERRUPTED and thread.interrupts and ended.stop_reason is None:
                events.append(("interrupt", thread.interrupts))
            events.append(("end", {"status": status.value, "stop_reason": ended.stop_reason}))
            await self._append_events(conn, run.run_id, events, notify=False)
        others = await self._active_runs(conn, run.thread_id)
        if not others:
            after = thread_after(status, stopped=ended.stop_reason is not None)
            temporary = ended.temporary and ended.on_completion == "delete"
            await conn.execute(
                text(
                    "UPDATE threads SET status = :s, updated_at = now(),"
                    " interrupts = CASE WHEN :keep THEN interrupts ELSE '[]'::jsonb END,"
                    " expires_at = CASE WHEN :expire"
                    "   THEN now() + make_interval(secs => :ttl) ELSE expires_at END"
                    " WHERE thread_id = :t"
                ),
                {
                    "s": after.value,
                    "keep": after == ThreadStatus.INTERRUPTED,
                    "expire": temporary,
                    "ttl": self.temporary_ttl,
                    "t": run.thread_id,
                },
            )
        # Its last notification says how it ended ("<run_id> <status> <stop_reason>"): a
        # waiter needs no query to learn it has ended, nor, after a rollback erased the
        # run and its events, how. Other notifications of the run carry its id alone.
        said = f"{run.run_id} {status.value} {ended.stop_reason or ''}"
        # The queue learns of work only if this run held back a pending one of its thread:
        # a worker's freed capacity wakes its own claim loop.
        if any(other.status == RunStatus.PENDING for other in others):
            await _notify(conn, (EVENTS, said), (QUEUE, ""))
        else:
            await _notify(conn, (EVENTS, said))
        observe.run_ended(ended)
        return None if action == "rollback" else ended

    async def _erase(self, conn: AsyncConnection, run: RunRecord) -> None:
        """Rollback: delete the run and its checkpoints; the thread's state goes back to
        the checkpoint it had before the run started."""
        if run.started_at is None:  # it never ran: it wrote nothing to take back
            await conn.execute(text("DELETE FROM runs WHERE run_id = :r"), {"r": run.run_id})
            return
        before = run.before_checkpoint_id
        base = await self.threads._checkpoint(conn, run.thread_id, before) if before else None
        await conn.execute(
            text("DELETE FROM checkpoints WHERE thread_id = :t AND run_id = :r"),
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

    # -- helpers -----------------------------------------------------------------------

    async def _get(
        self, conn: AsyncConnection, run_id: uuid.UUID, missing_ok: bool = False
    ) -> RunRecord:
        query = select(*RUN_COLUMNS).where(
            runs.c.run_id == run_id, self.scope.visible(runs.c.owner)
        )
        row = (await conn.execute(query)).first()
        if row is None:
            if missing_ok:
                return None  # type: ignore[return-value]
            raise NotFound("run", run_id)
        return _run(row)

    async def _active_runs(self, conn: AsyncConnection, thread_id: uuid.UUID) -> list[RunRecord]:
        rows = await conn.execute(
            select(*RUN_COLUMNS)
            .where(runs.c.thread_id == thread_id, runs.c.status.in_([s.value for s in ACTIVE]))
            .order_by(runs.c.seq)
        )
        return [_run(row) for row in rows]

    async def _fence(self, conn: AsyncConnection, run: RunRecord) -> None:
        """Refuse writes from a worker that no longer owns the run (its lease expired and
        the run was recovered elsewhere)."""
        owner = (
            await conn.execute(
                text("SELECT worker_id FROM runs WHERE run_id = :r AND status = 'running'"),
                {"r": run.run_id},
            )
        ).scalar()
        if owner != run.worker_id:
            raise LostRun(run.run_id)

    async def _set_thread_status(
        self, conn: AsyncConnection, thread_id: uuid.UUID, status: ThreadStatus
    ) -> None:
        await conn.execute(
            text("UPDATE threads SET status = :s, updated_at = now() WHERE thread_id = :t"),
            {"s": status.value, "t": thread_id},
        )

    async def _last_seq(self, conn: AsyncConnection, run_id: uuid.UUID) -> int:
        return (
            await conn.execute(
                select(func.coalesce(func.max(run_events.c.seq), 0)).where(
                    run_events.c.run_id == run_id
                )
            )
        ).scalar_one()

    async def _append_events(
        self,
        conn: AsyncConnection,
        run_id: uuid.UUID,
        events: list[tuple[str, Any]],
        *,
        notify: bool = True,
    ) -> None:
        """Append events to the run's log; `notify=False` when the caller notifies EVENTS
        with run_id itself, in a statement it shares with other notifications."""
        if not events:
            return
        await conn.execute(
            text(
                "INSERT INTO run_events (run_id, seq, event, data)"
                " SELECT :r, base.n + e.ord, e.event, e.data::jsonb"
                " FROM (SELECT coalesce(max(seq), 0) AS n FROM run_events WHERE run_id = :r) base,"
                " unnest(:events, :datas) WITH ORDINALITY AS e(event, data, ord)"
            ).bindparams(
                bindparam("events", type_=ARRAY(Text)), bindparam("datas", type_=ARRAY(Text))
            ),
            {
                "r": run_id,
                "events": [e for e, _ in events],
                "datas": [json.dumps(d, default=str) for _, d in events],
            },
        )
        if notify:
            await _notify(conn, (EVENTS, str(run_id)))


class LostRun(Exception):
    """This worker no longer owns the run."""


def _expired(run: RunRecord) -> bool:
    from datetime import UTC

    return run.lease_expires_at is not None and run.lease_expires_at < datetime.now(UTC)


async def _notify(conn: AsyncConnection, *messages: tuple[str, str]) -> None:
    """NOTIFY each (channel, payload) in one round trip; delivered at commit."""
    calls = ", ".join(f"pg_notify(:c{i}, :p{i})" for i in range(len(messages)))
    params = {}
    for i, (channel, payload) in enumerate(messages):
        params[f"c{i}"], params[f"p{i}"] = channel, payload
    await conn.execute(text(f"SELECT {calls}"), params)
