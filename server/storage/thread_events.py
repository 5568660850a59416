"""A thread's event log for the thread streaming protocol (written by the triggers of
migration 0004; read and pruned here). `seq` is per thread, monotonic, and commits in order.

Pruning (`prune`) removes a prefix of a thread's log: the events before its oldest one that
is newer than the retention or belongs to a run still pending or running (whose message
chunks the triggers still read). What is kept is so always `floor(thread)` .. `head`, with no
hole: a `since` from `floor - 1` on replays exactly, an older one has lost events.
A deleted thread's events go with it (ON DELETE CASCADE)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from ..domain.states import ACTIVE
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
        return await self._events(
            thread_id, "e.seq + e.span - 1 > :since", " LIMIT :limit", since=since, limit=limit
        )

    async def subgraph_lifecycles(
        self, thread_id: uuid.UUID, run_id: uuid.UUID
    ) -> list[ThreadEvent]:
        """A run's subgraphs' `lifecycle` events (kind `run:lifecycle|<namespace>`) still
        kept, in order: the namespaces it went through, and how each ended."""
        return await self._events(
            thread_id, "e.run_id = :r AND e.kind LIKE 'run:lifecycle|%'", "", r=run_id
        )

    async def _events(
        self, thread_id: uuid.UUID, where: str, tail: str, **params: Any
    ) -> list[ThreadEvent]:
        """The thread's events this scope sees that `where` keeps, in order."""
        owner = "" if self.scope.everything else " AND t.owner = :owner"
        async with self.reads.connect() as conn:
            rows = await conn.execute(
                text(
                    "SELECT e.seq, e.span, e.run_id, e.kind, e.data, e.created_at"
                    " FROM thread_events e JOIN threads t ON t.thread_id = e.thread_id"
                    f" WHERE e.thread_id = :t AND {where}{owner} ORDER BY e.seq{tail}"
                ),
                {"t": thread_id, "owner": self.scope.owner, **params},
            )
            return [ThreadEvent(*row) for row in rows]

    async def floor(self, thread_id: uuid.UUID) -> int:
        """The oldest event number still kept (`head + 1` when none is, 1 for a new log):
        a `since` below `floor - 1` asks for events that were pruned."""
        async with self.reads.connect() as conn:
            row = (
                await conn.execute(
                    text(
                        "SELECT (SELECT min(seq) FROM thread_events WHERE thread_id = :t),"
                        " (SELECT seq FROM thread_event_heads WHERE thread_id = :t)"
                    ),
                    {"t": thread_id},
                )
            ).one()
        oldest, head = row
        return oldest if oldest is not None else (head or 0) + 1

    async def prune(self, older_than: float, threads: int = 500) -> int:
        """Remove each thread's events before its oldest one to keep (see the module);
        at most `threads` threads per call. How many events went."""
        cutoff = datetime.now(UTC) - timedelta(seconds=older_than)
        async with self.engine.begin() as conn:
            # One process prunes at a time (the others skip their turn): two deletes over
            # several threads could otherwise take the same rows in different orders.
            took = await conn.execute(text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": LOCK})
            if not took.scalar():
                return 0
            result = await conn.execute(
                text(PRUNE),
                {"cutoff": cutoff, "threads": threads, "active": sorted(str(a) for a in ACTIVE)},
            )
        return result.rowcount or 0

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


LOCK = 0x61705F7072756E65  # "ap_prune": the advisory lock of a pruning pass

# Per thread with an event older than the cutoff: the first event to keep (newer than the
# cutoff, or of a run still pending or running); everything before it goes (all of the
# thread's events when there is none to keep).
PRUNE = """
DELETE FROM thread_events e
USING (
    SELECT o.thread_id,
           (SELECT min(k.seq) FROM thread_events k
             WHERE k.thread_id = o.thread_id
               AND (k.created_at >= :cutoff
                    OR k.run_id IN (SELECT r.run_id FROM runs r
                                     WHERE r.thread_id = o.thread_id
                                       AND r.status = ANY(:active)))) AS keep_from
      FROM (SELECT DISTINCT thread_id FROM thread_events
             WHERE created_at < :cutoff LIMIT :threads) o
) p
WHERE e.thread_id = p.thread_id AND (p.keep_from IS NULL OR e.seq < p.keep_from)
"""
