"""Threads and their checkpoints in Postgres.

A thread's `values` and `head_checkpoint_id` are those of its latest checkpoint; both are
written in the same transaction as the checkpoint, by `_write_checkpoint`.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, literal, select, text, update
from sqlalchemy import insert as insert_
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncConnection

from .. import state
from ..domain.states import ThreadStatus
from ..errors import Conflict, NotFound
from . import jsonb
from .owners import Scope, ScopedStore
from .tables import checkpoints, threads


@dataclass(slots=True)
class ThreadRecord:
    thread_id: uuid.UUID
    created_at: datetime
    updated_at: datetime
    metadata: dict[str, Any]
    status: str
    values: dict[str, Any]
    interrupts: list[dict[str, Any]]
    head_checkpoint_id: uuid.UUID | None
    owner: str


@dataclass(slots=True)
class CheckpointRecord:
    thread_id: uuid.UUID
    checkpoint_id: uuid.UUID
    parent_checkpoint_id: uuid.UUID | None
    created_at: datetime
    run_id: uuid.UUID | None
    values: dict[str, Any]
    metadata: dict[str, Any]
    interrupts: list[dict[str, Any]]


THREAD_COLUMNS = [threads.c[name] for name in ThreadRecord.__slots__]
CHECKPOINT_COLUMNS = [checkpoints.c[name] for name in CheckpointRecord.__slots__]


def _thread(row: Any) -> ThreadRecord:
    return ThreadRecord(**row._mapping)


def _checkpoint(row: Any) -> CheckpointRecord:
    return CheckpointRecord(**row._mapping)


class ThreadStore(ScopedStore):
    """Threads and checkpoints as seen by one `Scope` (checkpoints through their thread)."""

    async def create(
        self, thread_id: uuid.UUID | None, metadata: dict[str, Any], if_exists: str
    ) -> ThreadRecord:
        thread_id = thread_id or uuid.uuid4()
        async with self.engine.begin() as conn:
            row = (
                await conn.execute(
                    text(
                        "INSERT INTO threads (thread_id, metadata, owner)"
                        " VALUES (:id, CAST(:metadata AS jsonb), :owner)"
                        " ON CONFLICT (thread_id) DO NOTHING RETURNING thread_id"
                    ).bindparams(
                        id=thread_id, metadata=jsonb.dumps(metadata), owner=self.scope.owner
                    )
                )
            ).first()
            if row is None:
                # Another owner's thread can be neither shown nor made: the same 409 as
                # `if_exists=raise` (its content stays hidden).
                existing = await find(conn, self.scope, thread_id)
                if existing is None or if_exists == "raise":
                    raise Conflict(f"thread {thread_id} already exists", code="thread_exists")
                return existing
            return await get(conn, self.scope, thread_id)

    async def get(self, thread_id: uuid.UUID) -> ThreadRecord:
        async with self.reads.connect() as conn:
            return await get(conn, self.scope, thread_id)

    async def search(
        self,
        *,
        metadata: dict[str, Any] | None,
        values: dict[str, Any] | None,
        status: str | None,
        limit: int,
        offset: int,
        ids: list[uuid.UUID] | None = None,
        sort_by: str = "created_at",
        sort_order: str = "desc",
    ) -> list[ThreadRecord]:
        query = self._filtered(select(*THREAD_COLUMNS), metadata, values, status, ids)
        column = threads.c[sort_by]
        query = (
            query.order_by(
                column.asc() if sort_order == "asc" else column.desc(), threads.c.thread_id
            )
            .limit(limit)
            .offset(offset)
        )
        async with self.reads.connect() as conn:
            return [_thread(row) for row in await conn.execute(query)]

    async def count(
        self, *, metadata: dict[str, Any] | None, values: dict[str, Any] | None, status: str | None
    ) -> int:
        query = self._filtered(select(func.count()).select_from(threads), metadata, values, status)
        async with self.reads.connect() as conn:
            return int((await conn.execute(query)).scalar_one())

    def _filtered(
        self,
        query: Select[Any],
        metadata: dict[str, Any] | None,
        values: dict[str, Any] | None,
        status: str | None,
        ids: list[uuid.UUID] | None = None,
    ) -> Select[Any]:
        query = query.where(self.scope.visible(threads.c.owner))
        if metadata:
            query = query.where(threads.c.metadata.contains(metadata))
        if values:
            query = query.where(threads.c["values"].contains(values))
        if status:
            query = query.where(threads.c.status == status)
        if ids is not None:
            query = query.where(threads.c.thread_id.in_(ids))
        return query

    async def expire_in(self, thread_id: uuid.UUID, seconds: float) -> None:
        """Delete the thread `seconds` from now (the sweep of temporary threads does it)."""
        async with self.engine.begin() as conn:
            await get(conn, self.scope, thread_id, lock=True)
            await conn.execute(
                update(threads)
                .where(threads.c.thread_id == thread_id)
                .values(expires_at=func.now() + func.make_interval(0, 0, 0, 0, 0, 0, seconds))
            )

    async def prune(self, thread_ids: list[uuid.UUID], *, keep_latest: bool) -> int:
        """Delete the threads (or every checkpoint of theirs but the latest, and a graph's
        latest own checkpoint); those with an
        active run, and those not seen through this scope, are left alone. How many pruned."""
        async with self.engine.begin() as conn:
            targets = select(threads.c.thread_id).where(
                threads.c.thread_id.in_(thread_ids),
                threads.c.status != "busy",
                self.scope.visible(threads.c.owner),
            )
            if not keep_latest:
                deleted = await conn.execute(
                    threads.delete()
                    .where(threads.c.thread_id.in_(targets.scalar_subquery()))
                    .returning(threads.c.thread_id)
                )
                return len(deleted.all())
            found = [row.thread_id for row in await conn.execute(targets.with_for_update())]
            # The latest and, for a graph, the latest carrying its own checkpoint (an
            # interrupt's checkpoint of ours has none: the graph goes on from that one).
            graphs = checkpoints.alias("graphs")
            await conn.execute(
                checkpoints.delete().where(
                    checkpoints.c.thread_id.in_(found),
                    checkpoints.c.checkpoint_id
                    != select(threads.c.head_checkpoint_id)
                    .where(threads.c.thread_id == checkpoints.c.thread_id)
                    .scalar_subquery(),
                    checkpoints.c.seq
                    != func.coalesce(
                        select(func.max(graphs.c.seq))
                        .where(
                            graphs.c.thread_id == checkpoints.c.thread_id,
                            graphs.c.graph_id.is_not(None),
                        )
                        .scalar_subquery(),
                        -1,
                    ),
                )
            )
            await conn.execute(
                update(checkpoints)
                .where(checkpoints.c.thread_id.in_(found))
                .values(parent_checkpoint_id=None)
            )
            return len(found)

    async def patch(
        self,
        thread_id: uuid.UUID,
        *,
        metadata: dict[str, Any] | None,
        values: dict[str, Any] | None,
        messages: list[dict[str, Any]] | None,
        checkpoint_id: uuid.UUID | None,
        checkpoint_metadata: dict[str, Any] | None = None,
    ) -> ThreadRecord:
        async with self.engine.begin() as conn:
            thread = await get(conn, self.scope, thread_id, lock=True)
            if metadata:
                await conn.execute(
                    update(threads)
                    .where(threads.c.thread_id == thread_id)
                    .values(metadata=threads.c.metadata.op("||")(literal(metadata, JSONB)))
                )
            if values is not None or messages is not None:
                if thread.status == ThreadStatus.BUSY:
                    raise Conflict(
                        f"thread {thread_id} has an active run; its state cannot change now",
                        code="thread_busy",
                    )
                base = await checkpoint_at(
                    conn, thread_id, checkpoint_id or thread.head_checkpoint_id
                )
                new_values = state.apply_update(base.values if base else {}, values, messages)
                step = base.metadata.get("step", -1) + 1 if base else 0
                # An interrupted thread keeps its questions (and who asked them): the state
                # may be edited before they are answered.
                interrupted = thread.status == ThreadStatus.INTERRUPTED
                asking = {
                    k: v for k, v in (base.metadata if base else {}).items() if k == "agent_id"
                }
                asking = asking if interrupted else {}
                await write_checkpoint(
                    conn,
                    thread_id,
                    new_values,
                    parent=base.checkpoint_id if base else None,
                    metadata={
                        "source": "update",
                        "step": step,
                        **asking,
                        **(checkpoint_metadata or {}),
                    },
                    interrupts=thread.interrupts if interrupted else None,
                )
            await conn.execute(
                update(threads)
                .where(threads.c.thread_id == thread_id)
                .values(updated_at=func.now())
            )
            return await get(conn, self.scope, thread_id)

    @asynccontextmanager
    async def held_idle(self, thread_id: uuid.UUID) -> AsyncIterator[ThreadRecord]:
        """The thread, locked while the block runs (no run can be created on it meanwhile):
        for a change of its state made elsewhere (a graph's own checkpoints). 409
        `thread_busy` when it has an active run."""
        async with self.engine.begin() as conn:
            # FOR NO KEY UPDATE: what the block writes elsewhere may reference the thread
            # (a graph's checkpoints: their foreign key's check would wait for this lock)
            thread = await get(conn, self.scope, thread_id, lock=True, no_key=True)
            if thread.status == ThreadStatus.BUSY:
                raise Conflict(
                    f"thread {thread_id} has an active run; its state cannot change now",
                    code="thread_busy",
                )
            yield thread
            await conn.execute(
                update(threads)
                .where(threads.c.thread_id == thread_id)
                .values(updated_at=func.now())
            )

    async def tag(
        self, thread_id: uuid.UUID, metadata: dict[str, Any], within: AsyncConnection | None = None
    ) -> None:
        """Merge `metadata` into the thread's (no other change, no checkpoint); `within`: in
        that transaction."""
        statement = (
            update(threads)
            .where(threads.c.thread_id == thread_id, self.scope.visible(threads.c.owner))
            .values(metadata=threads.c.metadata.op("||")(literal(metadata, JSONB)))
        )
        if within is not None:
            await within.execute(statement)
            return
        async with self.engine.begin() as conn:
            await conn.execute(statement)

    async def delete(self, thread_id: uuid.UUID) -> None:
        async with self.engine.begin() as conn:
            thread = await get(conn, self.scope, thread_id, lock=True)
            if thread.status == ThreadStatus.BUSY:
                raise Conflict(
                    f"thread {thread_id} has an active run; cancel it before deleting the thread",
                    code="thread_busy",
                )
            await conn.execute(threads.delete().where(threads.c.thread_id == thread_id))

    async def copy(self, thread_id: uuid.UUID) -> ThreadRecord:
        new_id = uuid.uuid4()
        async with self.engine.begin() as conn:
            await get(conn, self.scope, thread_id, lock=True)
            await conn.execute(
                text(
                    "INSERT INTO threads (thread_id, metadata, status, values, interrupts,"
                    " head_checkpoint_id, owner)"
                    " SELECT :new, metadata, CASE WHEN status = :busy THEN :idle ELSE status END,"
                    " values, interrupts, head_checkpoint_id, :owner FROM threads"
                    " WHERE thread_id = :old"
                ).bindparams(
                    new=new_id,
                    old=thread_id,
                    owner=self.scope.owner,
                    # a copy has no run: a busy thread's copy is idle
                    busy=ThreadStatus.BUSY.value,
                    idle=ThreadStatus.IDLE.value,
                )
            )
            await conn.execute(
                text(
                    "INSERT INTO checkpoints (thread_id, checkpoint_id, parent_checkpoint_id, created_at,"
                    " run_id, values, metadata, interrupts, graph_id, graph_type, graph)"
                    " SELECT :new, checkpoint_id, parent_checkpoint_id, created_at, run_id, values,"
                    " metadata, interrupts, graph_id, graph_type, graph"
                    " FROM checkpoints WHERE thread_id = :old ORDER BY seq"
                ).bindparams(new=new_id, old=thread_id)
            )
            # a graph's other checkpoints and its pending writes (storage/graphs.py)
            await conn.execute(
                text(
                    "INSERT INTO graph_checkpoints (thread_id, checkpoint_ns, checkpoint_id,"
                    " run_id, type, checkpoint) SELECT :new, checkpoint_ns, checkpoint_id,"
                    " run_id, type, checkpoint FROM graph_checkpoints WHERE thread_id = :old"
                ).bindparams(new=new_id, old=thread_id)
            )
            await conn.execute(
                text(
                    "INSERT INTO graph_writes (thread_id, checkpoint_ns, checkpoint_id, task_id,"
                    " idx, task_path, channel, type, value, run_id) SELECT :new, checkpoint_ns,"
                    " checkpoint_id, task_id, idx, task_path, channel, type, value, run_id"
                    " FROM graph_writes WHERE thread_id = :old"
                ).bindparams(new=new_id, old=thread_id)
            )
            return await get(conn, self.scope, new_id)

    async def history(
        self,
        thread_id: uuid.UUID,
        *,
        limit: int,
        before: uuid.UUID | None,
        at: uuid.UUID | None = None,
    ) -> list[CheckpointRecord]:
        """The chain of checkpoints that led to the head (or to `before`, or from `at`
        included), newest first."""
        async with self.reads.connect() as conn:
            thread = await get(conn, self.scope, thread_id)
            start: uuid.UUID | None = at
            if at is None and before is not None:
                found = await checkpoint_at(conn, thread_id, before)
                start = found.parent_checkpoint_id if found else None
            elif at is None:
                start = thread.head_checkpoint_id
            if start is None:
                return []
            rows = await conn.execute(
                text(
                    "WITH RECURSIVE chain AS ("
                    "  SELECT c.*, 1 AS depth FROM checkpoints c"
                    "  WHERE c.thread_id = :thread AND c.checkpoint_id = :start"
                    "  UNION ALL"
                    "  SELECT p.*, chain.depth + 1 FROM checkpoints p JOIN chain"
                    "  ON p.thread_id = chain.thread_id AND p.checkpoint_id = chain.parent_checkpoint_id"
                    "  WHERE chain.depth < :limit"
                    ") SELECT thread_id, checkpoint_id, parent_checkpoint_id, created_at, run_id,"
                    " values, metadata, interrupts FROM chain ORDER BY depth"
                ).bindparams(thread=thread_id, start=start, limit=limit)
            )
            return [_checkpoint(row) for row in rows]

    async def checkpoint(self, thread_id: uuid.UUID, checkpoint_id: uuid.UUID) -> CheckpointRecord:
        async with self.engine.connect() as conn:
            await get(conn, self.scope, thread_id)
            found = await checkpoint_at(conn, thread_id, checkpoint_id)
        assert found is not None
        return found

    async def next_step(self, thread_id: uuid.UUID, head: uuid.UUID | None) -> int:
        """The step number of the checkpoint that will follow `head`."""
        async with self.reads.connect() as conn:
            base = await checkpoint_at(conn, thread_id, head)
        return base.metadata.get("step", -1) + 1 if base else 0


# -- statements on a connection: shared with the run engine ------------------------------


async def insert(conn: AsyncConnection, thread_id: uuid.UUID, owner: str) -> ThreadRecord:
    """A new empty thread, as inserted."""
    row = (
        await conn.execute(
            threads.insert().values(thread_id=thread_id, owner=owner).returning(*THREAD_COLUMNS)
        )
    ).one()
    return _thread(row)


async def get(
    conn: AsyncConnection,
    scope: Scope,
    thread_id: uuid.UUID,
    *,
    lock: bool = False,
    no_key: bool = False,
) -> ThreadRecord:
    """The thread `scope` sees (locked FOR UPDATE if `lock`; FOR NO KEY UPDATE if also
    `no_key`), or NotFound."""
    found = await find(conn, scope, thread_id, lock=lock, no_key=no_key)
    if found is None:
        raise NotFound("thread", thread_id)
    return found


async def find(
    conn: AsyncConnection,
    scope: Scope,
    thread_id: uuid.UUID,
    *,
    lock: bool = False,
    no_key: bool = False,
) -> ThreadRecord | None:
    """`no_key`: the lock lets rows that reference the thread be written meanwhile."""
    query = select(*THREAD_COLUMNS).where(
        threads.c.thread_id == thread_id, scope.visible(threads.c.owner)
    )
    if lock:
        query = query.with_for_update(key_share=no_key)
    row = (await conn.execute(query)).first()
    return None if row is None else _thread(row)


async def checkpoint_at(
    conn: AsyncConnection, thread_id: uuid.UUID, checkpoint_id: uuid.UUID | None
) -> CheckpointRecord | None:
    if checkpoint_id is None:
        return None
    row = (
        await conn.execute(
            select(*CHECKPOINT_COLUMNS).where(
                checkpoints.c.thread_id == thread_id,
                checkpoints.c.checkpoint_id == checkpoint_id,
            )
        )
    ).first()
    if row is None:  # the thread exists: a code of its own tells the two 404s apart
        raise NotFound("checkpoint", checkpoint_id, code="checkpoint_not_found")
    return _checkpoint(row)


async def write_checkpoint(
    conn: AsyncConnection,
    thread_id: uuid.UUID,
    values: dict[str, Any],
    *,
    parent: uuid.UUID | None,
    metadata: dict[str, Any],
    run_id: uuid.UUID | None = None,
    interrupts: list[dict[str, Any]] | None = None,
) -> uuid.UUID:
    """A new checkpoint, made the thread's head (its values and interrupts)."""
    checkpoint_id = uuid.uuid4()
    await conn.execute(
        insert_(checkpoints).values(
            thread_id=thread_id,
            checkpoint_id=checkpoint_id,
            parent_checkpoint_id=parent,
            run_id=run_id,
            values=values,
            metadata=metadata,
            interrupts=interrupts or [],
        )
    )
    await conn.execute(
        update(threads)
        .where(threads.c.thread_id == thread_id)
        .values(
            values=values,
            head_checkpoint_id=checkpoint_id,
            interrupts=interrupts or [],
            updated_at=func.now(),
        )
    )
    return checkpoint_id
