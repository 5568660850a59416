"""The cron scheduler: every server process polls for due crons; each firing is claimed by
one process (storage/crons.py), which fires it through `fire` (an ordinary run, created in
the transaction that claims the firing: at least once and at most once)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from ..schedule import next_run
from ..storage.crons import CronRecord, CronStore
from ..storage.runs import Transaction

log = logging.getLogger("ap_server.crons")
POLL_SECONDS = 1.0


class CronScheduler:
    def __init__(
        self,
        crons: CronStore,
        fire: Callable[[CronRecord, Transaction], Awaitable[object]],
        poll: float = POLL_SECONDS,
    ) -> None:
        self.crons = crons
        self.fire = fire
        self.poll = poll
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._loop(), name="cron-scheduler")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _loop(self) -> None:
        while True:
            try:
                await self.crons.fire_due(_following, self.fire)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("claiming due crons failed")
            await asyncio.sleep(self.poll)


def _following(cron: CronRecord) -> datetime | None:
    """The next firing after this one (missed firings of a stopped server are not caught
    up: one firing, then the next one to come)."""
    now = datetime.now(UTC)
    after = max(now, cron.next_run_date) if cron.next_run_date else now
    return next_run(cron.schedule, cron.timezone, after, cron.end_time)
