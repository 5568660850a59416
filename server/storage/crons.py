"""LangGraph crons in Postgres: schedules, and the firing of the ones that are due.

A due cron is claimed as a run is (`FOR UPDATE SKIP LOCKED`), and in that one transaction
its `next_run_date` moves on and its firing's run is created: among all server processes
exactly one fires each firing, once. A process that dies before the commit leaves the
cron due as it was, for another process (or its own restart) to fire: a firing is never
lost nor doubled.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, insert, select, text, update
from sqlalchemy.ext.asyncio import AsyncConnection

from ..errors import NotFound
from .owners import ScopedStore
from .tables import crons, threads

log = logging.getLogger("ap_server.crons")


@dataclass(slots=True)
class CronRecord:
    cron_id: uuid.UUID
    assistant_id: uuid.UUID
    thread_id: uuid.UUID | None
    schedule: str
    timezone: str | None
    end_time: datetime | None
    enabled: bool
    on_run_completed: str | None
    payload: dict[str, Any]
    metadata: dict[str, Any]
    next_run_date: datetime | None
    created_at: datetime
    updated_at: datetime
    owner: str


COLUMNS = [crons.c[f.name] for f in fields(CronRecord)]


def _record(row: Any) -> CronRecord:
    return CronRecord(**row._mapping)


class CronStore(ScopedStore):
    """Crons as seen by one `Scope`."""

    async def create(self, **values: Any) -> CronRecord:
        """A new cron (`values`: its columns but the id, timestamps and owner). A
        `thread_id` must name a thread this scope sees."""
        async with self.engine.begin() as conn:
            if values.get("thread_id") is not None:
                seen = await conn.execute(
                    select(threads.c.thread_id).where(
                        threads.c.thread_id == values["thread_id"],
                        self.scope.visible(threads.c.owner),
                    )
                )
                if seen.first() is None:
                    raise NotFound("thread", values["thread_id"])
            row = (
                await conn.execute(
                    insert(crons)
                    .values(cron_id=uuid.uuid4(), owner=self.scope.owner, **values)
                    .returning(*COLUMNS)
                )
            ).one()
            return _record(row)

    async def get(self, cron_id: uuid.UUID) -> CronRecord:
        async with self.reads.connect() as conn:
            row = (
                await conn.execute(
                    select(*COLUMNS).where(
                        crons.c.cron_id == cron_id, self.scope.visible(crons.c.owner)
                    )
                )
            ).first()
        if row is None:
            raise NotFound("cron", cron_id)
        return _record(row)

    async def update(self, cron_id: uuid.UUID, **values: Any) -> CronRecord:
        async with self.engine.begin() as conn:
            row = (
                await conn.execute(
                    update(crons)
                    .where(crons.c.cron_id == cron_id, self.scope.visible(crons.c.owner))
                    .values(**values, updated_at=func.now())
                    .returning(*COLUMNS)
                )
            ).first()
        if row is None:
            raise NotFound("cron", cron_id)
        return _record(row)

    async def delete(self, cron_id: uuid.UUID) -> None:
        async with self.engine.begin() as conn:
            deleted = await conn.execute(
                crons.delete()
                .where(crons.c.cron_id == cron_id, self.scope.visible(crons.c.owner))
                .returning(crons.c.cron_id)
            )
            if deleted.first() is None:
                raise NotFound("cron", cron_id)

    async def search(
        self,
        *,
        assistant_id: uuid.UUID | None,
        thread_id: uuid.UUID | None,
        enabled: bool | None,
        metadata: dict[str, Any] | None,
        sort_by: str,
        sort_order: str,
        limit: int,
        offset: int,
    ) -> list[CronRecord]:
        column = crons.c[sort_by]
        query = (
            self._filtered(select(*COLUMNS), assistant_id, thread_id, enabled, metadata)
            .order_by(column.asc() if sort_order == "asc" else column.desc(), crons.c.cron_id)
            .limit(limit)
            .offset(offset)
        )
        async with self.reads.connect() as conn:
            return [_record(row) for row in await conn.execute(query)]

    async def count(
        self,
        *,
        assistant_id: uuid.UUID | None,
        thread_id: uuid.UUID | None,
        metadata: dict[str, Any] | None,
    ) -> int:
        query = self._filtered(select(func.count()), assistant_id, thread_id, None, metadata)
        async with self.reads.connect() as conn:
            return int((await conn.execute(query)).scalar_one())

    def _filtered(
        self,
        query: Select[Any],
        assistant_id: uuid.UUID | None,
        thread_id: uuid.UUID | None,
        enabled: bool | None,
        metadata: dict[str, Any] | None,
    ) -> Select[Any]:
        query = query.select_from(crons).where(self.scope.visible(crons.c.owner))
        if assistant_id is not None:
            query = query.where(crons.c.assistant_id == assistant_id)
        if thread_id is not None:
            query = query.where(crons.c.thread_id == thread_id)
        if enabled is not None:
            query = query.where(crons.c.enabled == enabled)
        if metadata:
            query = query.where(crons.c.metadata.contains(metadata))
        return query

    async def fire_due(
        self,
        next_of: Callable[[CronRecord], datetime | None],
        fire: Callable[[CronRecord, AsyncConnection], Awaitable[object]],
        limit: int = 20,
    ) -> list[CronRecord]:
        """Fire the crons due now (at most `limit`), each in one transaction of its own: the
        cron claimed by this call alone, its `next_run_date` moved to `next_of(cron)` (None:
        it has fired for the last time), and `fire(cron, conn)` (its run, created on `conn`)
        all commit together, or none of it does. A firing that `fire` refuses (its thread
        busy, its assistant gone: an exception) is logged and skipped, and the schedule moves
        on. Returns the crons fired, as they were when claimed."""
        fired: list[CronRecord] = []
        passed: list[uuid.UUID] = []  # due, but their thread was locked: the next poll's
        while len(fired) + len(passed) < limit:
            async with self.engine.begin() as conn:
                query = (
                    select(*COLUMNS)
                    .where(
                        crons.c.enabled,
                        crons.c.next_run_date.is_not(None),
                        crons.c.next_run_date <= func.now(),
                        crons.c.cron_id.not_in(passed),
                    )
                    .order_by(crons.c.next_run_date)
                    .limit(1)
                    .with_for_update(skip_locked=True)
                )
                row = (await conn.execute(query)).first()
                if row is None:
                    break
                cron = _record(row)
                # The thread before the run is made (it is locked then): never waited for
                # while the cron is held (deleting a thread locks it, then its crons).
                if cron.thread_id is not None and not await _thread_locked(conn, cron.thread_id):
                    passed.append(cron.cron_id)
                    continue
                await conn.execute(
                    update(crons)
                    .where(crons.c.cron_id == cron.cron_id)
                    .values(next_run_date=next_of(cron))
                )
                try:
                    async with conn.begin_nested():
                        await fire(cron, conn)
                except Exception as exc:  # refused: this firing is skipped, the schedule goes on
                    log.warning("cron %s did not fire: %s", cron.cron_id, exc)
                fired.append(cron)
        return fired


async def _thread_locked(conn: AsyncConnection, thread_id: uuid.UUID) -> bool:
    """Lock the thread unless another transaction holds it (or it is gone): whether it is
    locked now."""
    row = await conn.execute(
        text("SELECT 1 FROM threads WHERE thread_id = :t FOR UPDATE SKIP LOCKED"),
        {"t": thread_id},
    )
    return row.first() is not None
