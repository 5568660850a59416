"""Runs as the handlers see them: create, wait, stream, stop. No SQL, no sockets."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

from ..errors import NotFound, Unavailable
from ..sse import Event
from ..states import TERMINAL, RunStatus
from ..storage.owners import Scope
from ..storage.runs import EVENTS, NewRun, RunRecord, RunStore
from .notifier import Notifier

# Waiters re-check the database this often even without a notification (a safety net).
RECHECK_SECONDS = 5.0


@dataclass(frozen=True, slots=True)
class Ended:
    """A run as it ended; `run` is None when a rollback erased it."""

    run: RunRecord | None
    status: str
    stop_reason: str | None


class RunService:
    def __init__(self, runs: RunStore, notifier: Notifier, *, stop_grace: float) -> None:
        self.runs = runs
        self.notifier = notifier
        self.stop_grace = stop_grace
        self._background: set[asyncio.Task] = set()
        self._closing = asyncio.Event()  # set when the server shuts down

    def scoped(self, scope: Scope) -> RunService:
        """The same service on the runs `scope` sees (sharing its background stops)."""
        service = RunService(self.runs.scoped(scope), self.notifier, stop_grace=self.stop_grace)
        service._background = self._background
        service._closing = self._closing
        return service

    @property
    def closing(self) -> asyncio.Event:
        """Set when the server shuts down (thread streams end too)."""
        return self._closing

    def close(self) -> None:
        """The server is shutting down: open waits and event streams end now (the runs go
        on); the run engine is not disturbed."""
        self._closing.set()
        self.notifier.wake(EVENTS)

    async def create(self, new: NewRun) -> RunRecord:
        return await self.runs.create(new, stop_grace=self.stop_grace)

    async def stop(
        self,
        run_id: uuid.UUID,
        *,
        reason: str,
        action: str = "interrupt",
        graceful: bool = True,
        timeout: float | None = None,
        wait: bool = False,
    ) -> RunRecord | None:
        run = await self.runs.request_stop(
            run_id,
            reason=reason,
            action=action,
            graceful=graceful,
            timeout=self.stop_grace if timeout is None else timeout,
        )
        if wait and run is not None and run.status not in TERMINAL:
            return (await self.wait(run)).run
        return run

    async def stop_many(
        self,
        *,
        thread_id: uuid.UUID | None,
        run_ids: list[uuid.UUID] | None,
        status: str,
        action: str,
        graceful: bool,
        timeout: float | None,
    ) -> list[RunRecord]:
        matched = await self.runs.matching_active(
            thread_id=thread_id, run_ids=run_ids, status=status
        )
        stopped = []
        for run_id in matched:
            with contextlib.suppress(NotFound):  # erased meanwhile
                run = await self.stop(
                    run_id, reason="user", action=action, graceful=graceful, timeout=timeout
                )
                if run is not None:
                    stopped.append(run)
        return stopped

    def stop_in_background(self, run_id: uuid.UUID, reason: str) -> None:
        """Stop a run from code that is being cancelled (a client went away)."""
        task = asyncio.create_task(self.stop(run_id, reason=reason))
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def wait(self, run: RunRecord) -> Ended:
        """Return when the run has ended (at once if it has). When the server shuts down
        first: Unavailable (the run goes on, in another process; wait for it again)."""
        with self.notifier.subscribe(EVENTS, str(run.run_id)) as woken:
            read = True
            while True:
                woken.clear()
                if read:
                    try:
                        current = await self.runs.get(run.run_id)
                    except NotFound:
                        return _erased(run, woken.payload)
                    if current.status in TERMINAL:
                        return Ended(current, current.status, current.stop_reason)
                if self._closing.is_set():
                    raise Unavailable(
                        f"the server is shutting down before run {run.run_id} ended;"
                        " it goes on: wait for it again",
                        code="shutting_down",
                        run_id=str(run.run_id),
                    )
                notified = await woken.wait(RECHECK_SECONDS)
                # A step's notification (the run id alone) cannot mean it ended; the run's
                # last one, a reconnect's wake-up (no payload) or the timeout may.
                read = not notified or _may_have_ended(woken.payload)

    async def events(self, run: RunRecord, after: int | None) -> AsyncIterator[Event]:
        """The run's stored events after `after`, then live ones, until `end` (or until the
        server shuts down: the stream then ends without `end`; rejoin with Last-Event-ID).

        `after=None` joins live: the `metadata` event, then what comes from now on (all
        of it if the run has already ended)."""
        with self.notifier.subscribe(EVENTS, str(run.run_id)) as woken:
            if after is None:
                current = await self.runs.get(run.run_id)
                first = await self.runs.events_after(run.run_id, 0, limit=1)
                for stored in first:
                    yield Event(stored.event, stored.data, str(stored.seq))
                after = first[0].seq if first else 0
                if current.status not in TERMINAL:
                    after = max(after, await self.runs.last_event_seq(run.run_id))
            while True:
                woken.clear()
                batch = await self.runs.events_after(run.run_id, after)
                for stored in batch:
                    yield Event(stored.event, stored.data, str(stored.seq))
                    after = stored.seq
                    if stored.event == "end":
                        return
                if batch:
                    continue
                try:
                    current = await self.runs.get(run.run_id)
                except NotFound:
                    ended = _erased(run, woken.payload)
                    yield Event("end", {"status": ended.status, "stop_reason": ended.stop_reason})
                    return
                if current.status in TERMINAL:
                    if await self.runs.events_after(run.run_id, after, limit=1):
                        continue  # it has just ended: its last events are there now
                    # `after` is at or past the stored `end` (a client rejoining with the id
                    # of the last event, or a larger one): close with that `end` again.
                    yield await self._last_event(current)
                    return
                if self._closing.is_set():
                    return
                await woken.wait(RECHECK_SECONDS)

    async def _last_event(self, run: RunRecord) -> Event:
        """The `end` event of an ended run: the stored one, with its id."""
        last = await self.runs.last_event_seq(run.run_id)
        for stored in await self.runs.events_after(run.run_id, last - 1, limit=1):
            if stored.event == "end":
                return Event(stored.event, stored.data, str(stored.seq))
        return Event("end", {"status": run.status, "stop_reason": run.stop_reason})


def _may_have_ended(payload: str | None) -> bool:
    return payload is None or " " in payload


def _erased(run: RunRecord, payload: str | None) -> Ended:
    """A run deleted by a rollback; its last notification says how it ended."""
    parts = (payload or "").split(" ")
    status = parts[1] if len(parts) > 1 and parts[1] else RunStatus.INTERRUPTED.value
    reason = parts[2] if len(parts) > 2 and parts[2] else None
    return Ended(None, status, reason)
