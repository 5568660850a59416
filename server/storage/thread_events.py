"""A thread's event log for the thread streaming protocol (written by the triggers of
migration 0004; read here). `seq` is per thread, monotonic, and commits in order."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from . import autocommit
from .channels import THREAD_EVENTS
from .owners import EVERYONE, Scope

__all__ = ["THREAD_EVENTS", "ThreadEvent", "ThreadEventStore", "Visibility"]


@dataclass(frozen=True, slots=True)
class ThreadEvent:
    seq: int
    span: int  # numbers reserved from `seq` on (a row may become several protocol events)
    run_id: uuid.UUID | None
    kind: str  # `status`, `checkpoint`, or `run:<event>` (values, updates, messages, ...)
    data: Any
    created_at: datetime


class Visibility:
    MISSING, HIDDEN, VISIBLE = "missing", "hidden", "visible"


class ThreadEventStore:
    def __init__(self, engine: AsyncEngine, scope: Scope = EVERYONE) -> None:
        self.reads = autocommit(engine)
        self.engine = engine
        self.scope = scope

    def scoped(self, scope: Scope) -> ThreadEventStore:
        return ThreadEventStore(self.engine, scope)

    async def visibility(self, thread_id: uuid.UUID) -> str:
        """Whether the thread exists for this scope; another owner's is `hidden` (a 404 to
        the caller, as for a missing one, but a stream may wait for a missing one)."""
        async with self.reads.connect() as conn:
            owner = (
                await conn.execute(
                    text("SELECT owner FROM threads WHERE thread_id = :t"), {"t": thread_id}
                )
            ).first()
        if owner is None:
            return Visibility.MISSING
        if self.scope.everything or owner[0] == self.scope.owner:
            return Visibility.VISIBLE
        return Visibility.HIDDEN

    async def after(self, thread_id: uuid.UUID, since: int, limit: int = 500) -> list[ThreadEvent]:
        """Events of a thread this scope sees whose numbers go past `since`, in order."""
        owner = "" if self.scope.everything else " AND t.owner = :owner"
        async with self.reads.connect() as conn:
            rows = await conn.execute(
                text(
                    "SELECT e.seq, e.span, e.run_id, e.kind, e.data, e.created_at"
                    " FROM thread_events e JOIN threads t ON t.thread_id = e.thread_id"
                    " WHERE e.thread_id = :t AND e.seq + e.span - 1 > :since" + owner + ""
                    " ORDER BY e.seq LIMIT :limit"
                ),
                {"t": thread_id, "since": since, "limit": limit, "owner": self.scope.owner},
            )
            return [ThreadEvent(*row) for row in rows]

    async def head(self, thread_id: uuid.UUID) -> int:
        """The last number given to an event of the thread (0 if none)."""
        async with self.reads.connect() as conn:
            seq = (
                await conn.execute(
                    text("SELECT seq FROM thread_event_heads WHERE thread_id = :t"),
                    {"t": thread_id},
                )
            ).scalar()
        return seq or 0
