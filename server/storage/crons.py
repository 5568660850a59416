"""LangGraph crons in Postgres: schedules, and the claim of the ones that are due.

A due cron is claimed as a run is: `FOR UPDATE SKIP LOCKED`, and its `next_run_date`
moved on in the same transaction, so among all server processes exactly one fires it
(or none, if that process dies between the claim and creating the run: a firing is
never doubled).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, insert, select, update

from ..errors import NotFound
from .owners import ScopedStore
from .tables import crons, threads


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

    async def claim_due(
        self, next_of: Callable[[CronRecord], datetime | None], limit: int = 20
    ) -> list[CronRecord]:
        """The crons due now, each claimed by this call alone: their `next_run_date`
        moved to `next_of(cron)` (None: it has fired for the last time) in the same
        transaction. Returned as they were when claimed."""
        async with self.engine.begin() as conn:
            rows = await conn.execute(
                select(*COLUMNS)
                .where(
                    crons.c.enabled,
                    crons.c.next_run_date.is_not(None),
                    crons.c.next_run_date <= func.now(),
                )
                .order_by(crons.c.next_run_date)
                .limit(limit)
                .with_for_update(skip_locked=True)
            )
            claimed = [_record(row) for row in rows]
            for cron in claimed:
                await conn.execute(
                    update(crons)
                    .where(crons.c.cron_id == cron.cron_id)
                    .values(next_run_date=next_of(cron))
                )
            return claimed
