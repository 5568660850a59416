"""Runs as Python records (and what a client asks a run to be), and the reads of them
that the other run modules share."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from ..domain.states import ACTIVE, MultitaskStrategy
from ..errors import NotFound
from .owners import Scope
from .tables import runs


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
    not_before: datetime | None  # a delayed run: no worker claims it before this time

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
    multitask_strategy: MultitaskStrategy = MultitaskStrategy.REJECT
    on_completion: str | None = None
    timeout_seconds: float | None = None
    is_resume: bool = False
    after_seconds: float | None = None  # a delayed run: claimed no sooner than this from now


RUN_COLUMNS = [runs.c[f.name] for f in fields(RunRecord)]
RETURNING = ", ".join(f"runs.{f.name}" for f in fields(RunRecord))


def run_record(row: Any) -> RunRecord:
    return RunRecord(**row._mapping)


async def read(
    conn: AsyncConnection, scope: Scope, run_id: uuid.UUID, *, lock: bool = False
) -> RunRecord | None:
    """The run `scope` sees, or None."""
    query = select(*RUN_COLUMNS).where(runs.c.run_id == run_id, scope.visible(runs.c.owner))
    if lock:
        query = query.with_for_update()
    row = (await conn.execute(query)).first()
    return None if row is None else run_record(row)


async def get(conn: AsyncConnection, scope: Scope, run_id: uuid.UUID) -> RunRecord:
    """The run `scope` sees, or NotFound."""
    found = await read(conn, scope, run_id)
    if found is None:
        raise NotFound("run", run_id)
    return found


async def active(conn: AsyncConnection, thread_id: uuid.UUID) -> list[RunRecord]:
    """The thread's pending and running runs, in creation order."""
    rows = await conn.execute(
        select(*RUN_COLUMNS)
        .where(runs.c.thread_id == thread_id, runs.c.status.in_([s.value for s in ACTIVE]))
        .order_by(runs.c.seq)
    )
    return [run_record(row) for row in rows]
