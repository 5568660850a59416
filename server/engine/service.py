"""The run engine as the handlers see it: their only door to runs. No SQL, no sockets.

A handler translates its request into a `NewRun` (the native and the LangGraph handlers
are two such translations), then uses this service to create the run, wait for it,
stream its events, read, search, delete and stop runs. Waits and streams apply the
run's disconnect policy (`on_disconnect`): when the client goes away first, `cancel`
stops the run (reason `disconnect`), `continue` leaves it running.

Every method sees only the runs of the owner scope the service was made for (`scoped`).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import uuid
from collections.abc import AsyncGenerator
from typing import Any

from .. import observe
from ..domain.states import TERMINAL, RunStatus, StopAction, StopReason
from ..errors import NotFound, Unavailable
from ..sse import Event
from ..storage import channels
from ..storage.channels import RunNotice
from ..storage.hot import HotPath
from ..storage.owners import Scope
from ..storage.records import NewRun, RunRecord
from ..storage.runs import RunStore, Transaction
from .notifier import Notifier
from .outage import through_outage
from .worker import Ended, Worker

__all__ = ["Ended", "NewRun", "RunRecord", "RunService"]

# Waiters re-check the database this often even without a notification (a safety net).
RECHECK_SECONDS = 5.0
CANCEL, CONTINUE = "cancel", "continue"


class RunService:
    def __init__(
        self, runs: RunStore, notifier: Notifier, hot: HotPath, local: Worker | None = None
    ) -> None:
        self._store = runs
        self.notifier = notifier
        self._hot = hot
        self._local = local  # this process's worker: runs it can execute at once
        self._background: set[asyncio.Task[Any]] = set()
        self._closing = asyncio.Event()  # set when the server shuts down

    def scoped(self, scope: Scope) -> RunService:
        """The same service on the runs `scope` sees (sharing its background stops)."""
        service = RunService(self._store.scoped(scope), self.notifier, self._hot, self._local)
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
        self.notifier.wake(channels.EVENTS)

    # -- creating and reading ----------------------------------------------------------

    async def create(self, new: NewRun, *, within: Transaction | None = None) -> RunRecord:
        """Create a run (409/422 when the thread's admission rules refuse it). A run that
        may start at once (stateless, or its thread has no active run) starts in this
        process when it has a free slot (created `running`); any other is queued
        (`pending`) for whichever process claims it first. `within`: queued, in that
        transaction (its caller's, which commits it)."""
        if within is not None:
            run = (await self._store.create(new, within=within)).run
        else:
            run = await self._created(new)
        observe.run_created(run)
        return run

    async def _created(self, new: NewRun) -> RunRecord:
        if self._local is None:
            return (await self._store.create(new)).run
        if new.thread_id is None and not new.after_seconds:
            run = await self._local.create_running(new, owner=self._store.scope.owner)
            if run is not None:
                return run
        return await self._local.create_on_thread(new, self._store)

    async def get(self, run_id: uuid.UUID) -> RunRecord:
        """The run, or NotFound (also for another owner's run)."""
        return await self._store.get(run_id)

    async def search(
        self,
        *,
        thread_id: uuid.UUID | None,
        agent_id: str | None,
        status: str | list[str] | None,
        metadata: dict[str, Any] | None,
        limit: int,
        offset: int,
        stopped: bool | None = None,
    ) -> list[RunRecord]:
        """Runs newest first; `status` one or any of several; `stopped`, whether the run
        was stopped (it has a `stop_reason`)."""
        return await self._store.search(
            thread_id=thread_id,
            agent_id=agent_id,
            status=status,
            metadata=metadata,
            limit=limit,
            offset=offset,
            stopped=stopped,
        )

    async def delete(self, run_id: uuid.UUID) -> None:
        """Delete an ended run (409 `run_active` while it is active)."""
        await self._store.delete(run_id)

    async def asking_agent_id(self, thread_id: uuid.UUID) -> str | None:
        """The agent that asked an interrupted thread's pending questions."""
        return await self._store.asking_agent_id(thread_id)

    # -- stopping ----------------------------------------------------------------------

    async def stop(
        self,
        run_id: uuid.UUID,
        *,
        reason: str = StopReason.USER,
        action: str = StopAction.INTERRUPT,
        graceful: bool = True,
        timeout: float | None = None,
        wait: bool = False,
    ) -> RunRecord | None:
        """Stop a run: a pending one ends at once; a running one is told to stop and is
        cancelled after `timeout` seconds (default: its agent's stop grace, which is the
        server's AP_STOP_TIMEOUT unless the agent says otherwise: 0 for a LangGraph graph),
        at once if not `graceful`. `wait`: return once it has ended. Returns the run as it is (None
        if a rollback erased it); an ended run is returned unchanged."""
        scope = self._store.scope
        run = await self._hot.request_stop(
            run_id,
            owner=None if scope.everything else scope.owner,
            reason=StopReason(reason),
            action=StopAction(action),
            grace=timeout if graceful else 0.0,
        ) or await self._store.request_stop(
            run_id,
            reason=StopReason(reason),
            action=StopAction(action),
            graceful=graceful,
            timeout=timeout,
        )
        if run is not None and self._local is not None:
            self._local.stop_here(run)
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
        """Stop the active runs of a thread and/or of a list (`status`: pending, running or
        all); returns those stopped (as they are now)."""
        matched = await self._store.matching_active(
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

    # -- waiting and streaming ---------------------------------------------------------

    async def wait(self, run: RunRecord, on_disconnect: str = CONTINUE) -> Ended:
        """Return when the run has ended (at once if it has). When the server shuts down
        first: Unavailable (the run goes on, in another process; wait for it again). If the
        waiter is cancelled (its client went away) and `on_disconnect` is `cancel`, the
        run is stopped."""
        try:
            return await self._wait(run)
        except asyncio.CancelledError:
            if on_disconnect == CANCEL:
                self.stop_in_background(run.run_id, StopReason.DISCONNECT)
            raise

    async def stream(
        self, run: RunRecord, after: int | None, on_disconnect: str = CONTINUE
    ) -> AsyncGenerator[Event, None]:
        """The run's events (see `events`); if the consumer stops before the end (its
        client went away) and `on_disconnect` is `cancel`, the run is stopped."""
        ended = False
        try:
            async for event in self.events(run, after):
                yield event
            ended = True  # the run ended, or the server is shutting down: not a disconnect
        finally:
            if not ended and on_disconnect == CANCEL:
                self.stop_in_background(run.run_id, StopReason.DISCONNECT)

    async def _wait(self, run: RunRecord) -> Ended:
        execution = self._local.execution(run.run_id) if self._local is not None else None
        if execution is not None:  # it runs here: its ending is known without a query
            ended = await self._ending(execution.ended, run)
            if ended is not None:
                return ended
        with self.notifier.subscribe(channels.EVENTS, str(run.run_id)) as woken:
            read = True
            while True:
                woken.clear()
                if read:
                    current = await through_outage(functools.partial(self._hot.get, run.run_id))
                    if current is None:
                        return _erased(woken.payload)
                    if current.status in TERMINAL:
                        return Ended(current, current.status, current.stop_reason)
                if self._closing.is_set():
                    raise _shutting_down(run)
                notified = await woken.wait(RECHECK_SECONDS)
                # A step's notification (the run id alone) cannot mean it ended; the run's
                # last one, a reconnect's wake-up (no payload) or the timeout may.
                read = not notified or RunNotice.parse(woken.payload).may_have_ended

    async def _ending(self, ended: asyncio.Future[Ended | None], run: RunRecord) -> Ended | None:
        """How a run executed here ended (None if it did not end here); Unavailable if the
        server shuts down first."""
        if not ended.done():
            closing: asyncio.Future[Any] = asyncio.ensure_future(self._closing.wait())
            waiting: set[asyncio.Future[Any]] = {ended, closing}
            try:
                await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
            finally:
                closing.cancel()
        if ended.done():
            return ended.result()
        raise _shutting_down(run)

    async def events(self, run: RunRecord, after: int | None) -> AsyncGenerator[Event, None]:
        """The run's stored events after `after`, then live ones, until `end` (or until the
        server shuts down: the stream then ends without `end`; rejoin with Last-Event-ID).

        `after=None` joins live: the `metadata` event, then what comes from now on (all
        of it if the run has already ended)."""
        store = self._hot
        with self.notifier.subscribe(channels.EVENTS, str(run.run_id)) as woken:
            if after is None:
                # retried like the reads below: a run that exists rides through an outage
                # (or a pool that stays busy longer than AP_POOL_TIMEOUT) of up to 30 s
                current, first, last = await through_outage(
                    functools.partial(store.join, run.run_id)
                )
                if first is not None:
                    yield Event(first.event, first.data, str(first.seq))
                after = first.seq if first else 0
                if current is not None and current.status not in TERMINAL:
                    after = max(after, last)
            while True:
                woken.clear()
                batch = await through_outage(
                    functools.partial(store.events_after, run.run_id, after)
                )
                for stored in batch:
                    yield Event(stored.event, stored.data, str(stored.seq))
                    after = stored.seq
                    if stored.event == "end":
                        return
                if batch:
                    continue
                found = await through_outage(functools.partial(store.get, run.run_id))
                if found is None:
                    ended = _erased(woken.payload)
                    yield Event("end", {"status": ended.status, "stop_reason": ended.stop_reason})
                    return
                if found.status in TERMINAL:
                    if await store.events_after(run.run_id, after, limit=1):
                        continue  # it has just ended: its last events are there now
                    # `after` is at or past the stored `end` (a client rejoining with the id
                    # of the last event, or a larger one): close with that `end` again.
                    yield await self._last_event(found)
                    return
                if self._closing.is_set():
                    return
                await woken.wait(RECHECK_SECONDS)

    async def _last_event(self, run: RunRecord) -> Event:
        """The `end` event of an ended run: the stored one, with its id."""
        last = await self._hot.last_event_seq(run.run_id)
        for stored in await self._hot.events_after(run.run_id, last - 1, limit=1):
            if stored.event == "end":
                return Event(stored.event, stored.data, str(stored.seq))
        return Event("end", {"status": run.status, "stop_reason": run.stop_reason})


def _shutting_down(run: RunRecord) -> Unavailable:
    return Unavailable(
        f"the server is shutting down before run {run.run_id} ended; it goes on: wait for it again",
        code="shutting_down",
        run_id=str(run.run_id),
    )


def _erased(payload: str | None) -> Ended:
    """A run deleted by a rollback; its last notification says how it ended."""
    notice = RunNotice.parse(payload)
    return Ended(None, notice.status or RunStatus.INTERRUPTED.value, notice.stop_reason)
