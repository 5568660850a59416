"""A thread's protocol events: the stored ones after a cursor, then live ones as they are
committed (woken by NOTIFY `ap_thread_events`, from any process), until the consumer
stops, the thread is deleted or the server shuts down.

An idle follower waits for a notification; it re-reads the log without one only every
`recheck` seconds (AP_STREAM_RECHECK), a safety net: the notifier wakes every waiter
after its LISTEN connection comes back, since notifications may have been lost meanwhile.

Events older than the retention are pruned (engine/pruning.py): a cursor before the oldest
kept event is a `ResumeGap` (410 `resume_gap`; over the protocol, a `resume_gap` error),
as LangGraph's server answers a `since` behind its replay buffer. A cursor of 0 (or none)
asks for whatever is kept.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable
from typing import Any

from ..engine.notifier import Notifier
from ..errors import ApiError, NotFound
from ..storage.thread_events import THREAD_EVENTS, ThreadEventStore, Visibility
from .channels import protocol_events


class ResumeGap(ApiError):
    """A cursor before the oldest event kept: the events after it are not all there."""

    status = 410
    code = "resume_gap"

    def __init__(self, since: int, min_available_seq: int) -> None:
        super().__init__(
            f"events after {since} were pruned: the oldest kept is {min_available_seq};"
            " read the thread's state again, then follow from there (or from 0)",
            since=since,
            min_available_seq=min_available_seq,
        )


class Feed:
    def __init__(
        self,
        events: ThreadEventStore,
        notifier: Notifier,
        closing: asyncio.Event,
        recheck: float = 60.0,
    ) -> None:
        self.events = events
        self.notifier = notifier
        self.closing = closing
        self.recheck = recheck

    async def check(self, thread_id: uuid.UUID) -> None:
        """404 for another owner's thread. A missing one may be made later (a client may
        open its stream before `run.start` creates the thread), so it passes."""
        if await self.events.visibility(thread_id) == Visibility.HIDDEN:
            raise NotFound("thread", thread_id)

    async def head(self, thread_id: uuid.UUID) -> int:
        return await self.events.head(thread_id)

    async def check_since(self, thread_id: uuid.UUID, since: int) -> None:
        """ResumeGap when events after `since` (> 0) were pruned."""
        if since > 0:
            floor = await self.events.floor(thread_id)
            if since + 1 < floor:
                raise ResumeGap(since, floor)

    async def replay(
        self, thread_id: uuid.UUID, since: int, run_id: uuid.UUID | None = None
    ) -> list[dict[str, Any]]:
        """The stored events after `since` (all of them, in order); only those of one run
        with `run_id`."""
        out: list[dict[str, Any]] = []
        while True:
            rows = await self.events.after(thread_id, since)
            for row in rows:
                if run_id is not None and row.run_id != run_id:
                    since = max(since, row.seq + row.span - 1)
                    continue
                for event in protocol_events(row):
                    if event["seq"] > since:
                        out.append(event)
                since = max(since, row.seq + row.span - 1)
            if not rows:
                return out

    async def follow(self, thread_id: uuid.UUID, since: int) -> AsyncIterator[dict[str, Any]]:
        """Events after `since`, stored then live. Ends when the server shuts down, or when
        the thread turns out to be another owner's (made meanwhile by someone else)."""
        with self.notifier.subscribe(THREAD_EVENTS, str(thread_id)) as woken:
            while not self.closing.is_set():
                woken.clear()
                rows = await self.events.after(thread_id, since)
                for row in rows:
                    for event in protocol_events(row):
                        if event["seq"] > since:
                            yield event
                    since = max(since, row.seq + row.span - 1)
                if rows:
                    continue
                if await self.events.visibility(thread_id) == Visibility.HIDDEN:
                    return
                await _first(woken.wait(self.recheck), self.closing.wait())


async def _first(*waits: Awaitable[object]) -> None:
    tasks = [asyncio.ensure_future(w) for w in waits]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()
