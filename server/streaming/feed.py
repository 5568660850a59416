"""A thread's protocol events: the stored ones after a cursor, then live ones as they are
committed (woken by NOTIFY `ap_thread_events`, from any process), until the consumer
stops, the thread is deleted or the server shuts down."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable
from typing import Any

from ..engine.notifier import Notifier
from ..errors import NotFound
from ..storage.thread_events import THREAD_EVENTS, ThreadEventStore, Visibility
from .channels import protocol_events

RECHECK_SECONDS = 5.0  # a safety net: re-read even without a notification


class Feed:
    def __init__(self, events: ThreadEventStore, notifier: Notifier, closing: asyncio.Event):
        self.events = events
        self.notifier = notifier
        self.closing = closing

    async def check(self, thread_id: uuid.UUID) -> None:
        """404 for another owner's thread. A missing one may be made later (a client may
        open its stream before `run.start` creates the thread), so it passes."""
        if await self.events.visibility(thread_id) == Visibility.HIDDEN:
            raise NotFound("thread", thread_id)

    async def head(self, thread_id: uuid.UUID) -> int:
        return await self.events.head(thread_id)

    async def replay(self, thread_id: uuid.UUID, since: int) -> list[dict[str, Any]]:
        """The stored events after `since` (all of them, in order)."""
        out: list[dict[str, Any]] = []
        while True:
            rows = await self.events.after(thread_id, since)
            for row in rows:
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
                await _first(woken.wait(RECHECK_SECONDS), self.closing.wait())


async def _first(*waits: Awaitable[object]) -> None:
    tasks = [asyncio.ensure_future(w) for w in waits]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()
