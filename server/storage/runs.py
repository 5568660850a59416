"""Runs in Postgres as one owner scope sees them: created under the thread's admission
rules, read, searched, deleted, stopped; and the writes of the worker that executes one
(its steps, events and ending), fenced by its ownership of the run.

The statements that change a status are in lifecycle.py, the queue's in queue.py, the
events in events.py, the notifications in channels.py.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from ..domain.admission import admit
from ..domain.states import (
    ACTIVE,
    TERMINAL,
    MultitaskStrategy,
    RunStatus,
    StopAction,
    StopReason,
    ThreadStatus,
)
from ..errors import Conflict
from . import channels, events, lifecycle, records, threads
from .owners import Scope
from .records import RUN_COLUMNS, NewRun, RunRecord, StoredEvent, run_record
from .tables import runs
from .threads import ThreadRecord, ThreadStore

__all__ = [
    "START_CHECKPOINT",
    "Claim",
    "Created",
    "LostRun",
    "NewRun",
    "RunRecord",
    "RunStore",
    "Seed",
    "StoredEvent",
    "Transaction",
    "start_checkpoint",
]

Transaction = AsyncConnection
"""A transaction a caller holds open (what `within` takes): the writes join it."""


class LostRun(Exception):
    """This worker no longer owns the run."""


@dataclass(frozen=True, slots=True)
class Claim:
    """A worker that will execute a new run at once if it may start."""

    worker_id: str
    lease: float


START_CHECKPOINT = "ap_start_checkpoint_id"
"""Key of a run's config naming the checkpoint of its thread it starts from (a branch)
instead of the thread's latest."""


def start_checkpoint(config: dict[str, Any] | None) -> uuid.UUID | None:
    """The checkpoint a run's config names to start from (None: the thread's latest)."""
    found = (config or {}).get(START_CHECKPOINT)
    return None if found is None else uuid.UUID(str(found))


@dataclass(frozen=True, slots=True)
class Seed:
    """The thread as a run created `running` starts from (no need to read it again)."""

    values: dict[str, Any]
    head: uuid.UUID | None
    step: int


@dataclass(frozen=True, slots=True)
class Created:
    run: RunRecord
    seed: Seed | None = None  # set when the run was created running (claimed)


class RunStore:
    def __init__(self, engine: AsyncEngine, threads: ThreadStore, temporary_ttl: float) -> None:
        self.engine = engine
        self.reads = threads.reads
        self.threads = threads  # its scope is this store's
        self.temporary_ttl = temporary_ttl

    @property
    def scope(self) -> Scope:
        return self.threads.scope

    def scoped(self, scope: Scope) -> RunStore:
        """The runs (and threads) `scope` sees; a run belongs to its thread's owner."""
        return RunStore(self.engine, self.threads.scoped(scope), self.temporary_ttl)

    # -- creating ----------------------------------------------------------------------

    async def create(
        self, new: NewRun, claim: Claim | None = None, *, within: Transaction | None = None
    ) -> Created:
        """Create a run, applying the thread's admission rules atomically (a run it
        supersedes is asked to stop, with its agent's default grace). With `claim`, a run
        that may start at once (its thread has no active run) is created `running`, claimed
        by that worker, and `Created.seed` is what its context starts from; any other run
        is created `pending`, for the queue. A delayed run (`new.after_seconds`) is always
        created `pending`, not to be claimed before its time. `within`: in that transaction
        (the caller's, which commits it), not in one of its own."""
        if within is not None:
            return await self._create(within, new, claim)
        async with self.engine.begin() as conn:
            return await self._create(conn, new, claim)

    async def _create(self, conn: AsyncConnection, new: NewRun, claim: Claim | None) -> Created:
        thread = await self._thread_for(conn, new)
        admission = admit(
            thread.thread_id,
            ThreadStatus(thread.status),
            thread.interrupts,
            strategy=MultitaskStrategy(new.multitask_strategy),
            is_resume=new.is_resume,
            answer=new.input,
            from_checkpoint=start_checkpoint(new.config) is not None,
        )
        if admission.supersede is not None:
            for run in await records.active(conn, thread.thread_id):
                await lifecycle.stop(
                    conn,
                    run,
                    reason=StopReason.SUPERSEDED,
                    action=admission.supersede,
                    grace=None,
                    temporary_ttl=self.temporary_ttl,
                )
        run_id = uuid.uuid4()
        on_completion = new.on_completion or ("delete" if new.thread_id is None else "keep")
        claimed: dict[str, Any] = {}
        delayed: dict[str, Any] = {}
        if new.after_seconds:
            delayed = {"not_before": func.clock_timestamp() + timedelta(seconds=new.after_seconds)}
        elif claim is not None and thread.status != ThreadStatus.BUSY:  # no active run
            claimed = {
                "status": RunStatus.RUNNING.value,  # created and claimed at once
                "worker_id": claim.worker_id,
                "attempt": 1,
                "started_at": func.now(),
                "lease_expires_at": func.now() + timedelta(seconds=claim.lease),
                "before_checkpoint_id": thread.head_checkpoint_id,
            }
        row = (
            await conn.execute(
                runs.insert()
                .values(
                    **claimed,
                    **delayed,
                    run_id=run_id,
                    thread_id=thread.thread_id,
                    agent_id=new.agent_id,
                    metadata=new.metadata or {},
                    config=new.config or {},
                    input=new.input,
                    messages=new.messages,
                    resume=admission.resume if new.is_resume else new.resume,
                    stream_mode=list(new.stream_mode),
                    webhook=new.webhook,
                    multitask_strategy=MultitaskStrategy(new.multitask_strategy).value,
                    on_completion=on_completion,
                    temporary=new.thread_id is None,
                    timeout_seconds=new.timeout_seconds,
                    owner=thread.owner,
                    # The time of the insert, not of the transaction's start: a run
                    # queued after another (the thread's lock orders them) is newer.
                    created_at=func.clock_timestamp(),
                    updated_at=func.clock_timestamp(),
                )
                .returning(*RUN_COLUMNS)
            )
        ).one()
        await lifecycle.mark_busy(conn, thread.thread_id)
        await events.append(conn, run_id, [("metadata", {"run_id": str(run_id)})], notify=False)
        if not claimed:
            await channels.notify(conn, channels.written(run_id), channels.queued())
            return Created(run_record(row))
        head = start_checkpoint(new.config) or thread.head_checkpoint_id
        base = await threads.checkpoint_at(conn, thread.thread_id, head) if head else None
        step = base.metadata.get("step", -1) + 1 if base else 0
        values = base.values if base else thread.values
        return Created(run_record(row), Seed(values, base.checkpoint_id if base else None, step))

    async def _thread_for(self, conn: AsyncConnection, new: NewRun) -> ThreadRecord:
        if new.thread_id is None:  # a stateless run: a temporary thread of its own
            # New and not yet committed: no other transaction can see it, let alone lock it.
            return await threads.insert(conn, uuid.uuid4(), self.scope.owner)
        if new.if_not_exists == "create" and not new.is_resume:
            await conn.execute(
                text(
                    "INSERT INTO threads (thread_id, owner) VALUES (:t, :o) ON CONFLICT DO NOTHING"
                ),
                {"t": new.thread_id, "o": self.scope.owner},
            )
        return await threads.get(conn, self.scope, new.thread_id, lock=True)

    # -- reading -----------------------------------------------------------------------

    async def get(self, run_id: uuid.UUID) -> RunRecord:
        async with self.reads.connect() as conn:
            return await records.get(conn, self.scope, run_id)

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
            return [run_record(row) for row in await conn.execute(query)]

    async def asking_agent_id(self, thread_id: uuid.UUID) -> str | None:
        """The agent that asked the thread's pending questions (what a resume runs by
        default): recorded in the interrupt checkpoint, so a copy of the thread knows it."""
        async with self.reads.connect() as conn:
            await threads.get(conn, self.scope, thread_id)  # 404 unless the scope sees it
            found = (
                await conn.execute(
                    text(
                        "SELECT c.metadata ->> 'agent_id' FROM threads t JOIN checkpoints c"
                        " ON c.thread_id = t.thread_id AND c.checkpoint_id = t.head_checkpoint_id"
                        " WHERE t.thread_id = :t"
                    ),
                    {"t": thread_id},
                )
            ).scalar()
            return None if found is None else str(found)

    async def delete(self, run_id: uuid.UUID) -> None:
        """Delete an ended run (409 `run_active` while it is pending or running)."""
        async with self.engine.begin() as conn:
            run = await records.get(conn, self.scope, run_id)
            deleted = await conn.execute(
                text("DELETE FROM runs WHERE run_id = :r AND NOT (status = ANY(:active))"),
                {"r": run_id, "active": [s.value for s in ACTIVE]},
            )
            if deleted.rowcount == 0:
                raise Conflict(
                    f"run {run_id} is {run.status}; cancel it before deleting it", code="run_active"
                )

    async def events_after(
        self, run_id: uuid.UUID, after: int, limit: int = 500
    ) -> list[StoredEvent]:
        async with self.reads.connect() as conn:
            return await events.after(conn, run_id, after, limit)

    async def last_event_seq(self, run_id: uuid.UUID) -> int:
        async with self.reads.connect() as conn:
            return await events.last_seq(conn, run_id)

    async def matching_active(
        self, *, thread_id: uuid.UUID | None, run_ids: list[uuid.UUID] | None, status: str
    ) -> list[uuid.UUID]:
        """Ids of active runs of a thread and/or in a list (for a bulk stop); `status` is
        `pending`, `running` or `all`."""
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

    # -- stopping ----------------------------------------------------------------------

    async def request_stop(
        self,
        run_id: uuid.UUID,
        *,
        reason: StopReason,
        action: StopAction,
        graceful: bool,
        timeout: float | None,
    ) -> RunRecord | None:
        """Stop a run (see lifecycle.stop): returns it as it is now (None if erased)."""
        async with self.engine.begin() as conn:
            run = await records.get(conn, self.scope, run_id)
            if run.status in TERMINAL:
                return run
            await threads.get(conn, self.scope, run.thread_id, lock=True)
            run = await records.get(conn, self.scope, run_id)
            return await lifecycle.stop(
                conn,
                run,
                reason=reason,
                action=action,
                grace=timeout if graceful else 0.0,
                temporary_ttl=self.temporary_ttl,
            )

    # -- executing (the worker that claimed the run) -----------------------------------

    async def write_events(self, run: RunRecord, events: list[tuple[str, Any]]) -> None:
        async with self.engine.begin() as conn:
            await self._fence(conn, run)
            await _append(conn, run.run_id, events)

    async def finish(
        self,
        run: RunRecord,
        status: RunStatus,
        *,
        error: dict[str, Any] | None = None,
        stop_reason: StopReason | None = None,
        action: StopAction | None = None,
    ) -> RunRecord | None:
        """End a run this worker executes; None if it had already ended otherwise."""
        async with self.engine.begin() as conn:
            thread = await threads.get(conn, self.scope, run.thread_id, lock=True)
            current = await records.read(conn, self.scope, run.run_id)
            if (
                current is None
                or current.status != RunStatus.RUNNING
                or current.worker_id != run.worker_id
            ):
                return None
            return await lifecycle.finish(
                conn,
                current,
                status,
                error=error,
                stop_reason=stop_reason,
                action=action,
                thread=thread,
                temporary_ttl=self.temporary_ttl,
            )

    async def _fence(self, conn: AsyncConnection, run: RunRecord) -> None:
        """Refuse writes from a worker that no longer owns the run (its lease expired and
        the run was recovered elsewhere)."""
        owner = (
            await conn.execute(
                text("SELECT worker_id FROM runs WHERE run_id = :r AND status = :running"),
                {"r": run.run_id, "running": RunStatus.RUNNING.value},
            )
        ).scalar()
        if owner != run.worker_id:
            raise LostRun(run.run_id)


async def _append(conn: AsyncConnection, run_id: uuid.UUID, stream: list[tuple[str, Any]]) -> None:
    await events.append(conn, run_id, stream)
