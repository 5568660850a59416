"""Prunes the threads' streaming-protocol event logs (storage/thread_events.py) past their
retention (`AP_THREAD_EVENTS_RETENTION`), in every process: each pass is one statement under
an advisory lock, so while one process prunes the others skip their turn."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from ..storage.thread_events import ThreadEventStore

log = logging.getLogger("ap_server.pruning")


class Pruner:
    def __init__(self, events: ThreadEventStore, retention: float | None) -> None:
        self.events = events
        self.retention = retention
        self._task: asyncio.Task[None] | None = None

    @property
    def interval(self) -> float:
        """A quarter of the retention, between a second and five minutes."""
        assert self.retention is not None
        return min(300.0, max(1.0, self.retention / 4))

    def start(self) -> None:
        if self.retention is not None:
            self._task = asyncio.create_task(self._loop(), name="ap-prune-thread-events")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def prune(self) -> int:
        """One pass over every thread with events past the retention; how many went."""
        assert self.retention is not None
        total = 0
        while removed := await self.events.prune(self.retention):
            total += removed
        return total

    async def _loop(self) -> None:
        while True:
            try:
                removed = await self.prune()
                if removed:
                    log.info("pruned %d thread events older than %gs", removed, self.retention)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("pruning thread events failed")
            await asyncio.sleep(self.interval)
