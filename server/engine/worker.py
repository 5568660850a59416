"""The worker inside each server process: claims runs, executes them, keeps their leases.

- Claiming: woken by NOTIFY on `ap_queue` (and, as a safety net only, every
  `poll_interval` seconds), it claims runs while it has capacity.
- Leases: every `lease/3` seconds it renews the lease of the runs it executes; the
  renewal also returns stop requests whose notification was lost.
- Stops: a stop request (NOTIFY on `ap_control`, the renewal, or the run's own timeout)
  tells the agent to stop; at the deadline (at once when forced) its task is cancelled.
- Recovery: every process also recovers runs whose worker died (lease expired), and
  removes temporary threads whose time has come.
- Draining: on shutdown it claims nothing more, gives running runs `shutdown_grace`
  seconds, then hands the rest back to the queue for another process.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from .. import observe
from ..agents.base import Interrupt, RunStopped
from ..agents.registry import AgentRegistry
from ..database import transient
from ..domain.states import RunStatus, StopAction, StopReason, end_status, stronger_action
from ..errors import NotFound
from ..storage.channels import CONTROL, QUEUE, WEBHOOKS
from ..storage.hot import HotPath, Step
from ..storage.items import ItemStore
from ..storage.owners import Scope
from ..storage.queue import RunQueue
from ..storage.records import NewRun
from ..storage.runs import Claim, LostRun, RunRecord, RunStore, Seed, start_checkpoint
from ..webhooks import WebhookSender
from .context import Context
from .notifier import Notifier
from .outage import run_error, through_outage

log = logging.getLogger("ap_server.worker")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class WorkerSettings:
    concurrency: int = 32
    lease: float = 10.0
    poll_interval: float = 5.0
    max_attempts: int = 3
    run_timeout: float | None = None
    stop_grace: float = 5.0
    shutdown_grace: float = 10.0

    @property
    def term(self) -> float:
        """The lease a run is granted (and renewed for): nine tenths of `lease`, the rest
        left for taking it over, so the runs of a process that died run again elsewhere
        within `lease` seconds of its death."""
        return self.lease * 0.9


@dataclass(frozen=True, slots=True)
class Ended:
    """A run as it ended; `run` is None when a rollback erased it."""

    run: RunRecord | None
    status: str
    stop_reason: str | None


class Execution:
    """One run being executed by this process. `ended` is resolved when it has ended
    here (None: it did not end here: handed back, lost, or failed in the engine)."""

    def __init__(self, worker: Worker, run: RunRecord, seed: Seed | None = None) -> None:
        self.worker = worker
        self.run = run
        self.seed = seed
        self.context: Context | None = None
        self.task: asyncio.Task[None] | None = None
        self.stop_reason: StopReason | None = None
        self.stop_action: StopAction | None = None
        self.forced = False
        self.released = False
        self._force_timer: asyncio.Handle | None = None
        self._force_at: float | None = None  # loop time of the forced stop
        self.ended: asyncio.Future[Ended | None] = asyncio.get_running_loop().create_future()

    def stop(self, reason: StopReason, action: StopAction, deadline: float) -> None:
        """Tell the agent to stop; cancel its task at `deadline` (loop time)."""
        if self.stop_reason is None:
            self.stop_reason = reason
        self.stop_action = stronger_action(self.stop_action, action)
        if self.context is not None:
            self.context.request_stop()
        if self._force_at is None or deadline < self._force_at:
            if self._force_timer is not None:
                self._force_timer.cancel()
            # (uvloop returns a plain Handle, without `when()`, for a deadline now or past)
            self._force_at = deadline
            self._force_timer = asyncio.get_running_loop().call_at(deadline, self._force)

    def _force(self) -> None:
        if self.task is not None and not self.task.done():
            self.forced = True
            self.task.cancel()

    async def main(self) -> None:
        run = self.run
        status, error = RunStatus.SUCCESS, None
        try:
            agent = self.worker.agents.get(run.agent_id)
            self.context = await self.worker.new_context(run, self.seed)
            if self.stop_reason is not None:
                self.context.request_stop()
            if run.messages and run.attempt == 1:
                await self.context.update(messages=run.messages, step="input", source="input")
            result = await agent.run(self.context)
            if isinstance(result, dict):
                await self.context.update(result)
        except Interrupt as asked:
            ids = asked.ids or [uuid.uuid4().hex for _ in asked.values]
            interrupts = [{"id": i, "value": v} for i, v in zip(ids, asked.values, strict=True)]
            assert self.context is not None
            await self.context.write_interrupts(interrupts, asked.metadata)
            status = RunStatus.INTERRUPTED
        except RunStopped:
            status = RunStatus.INTERRUPTED
        except asyncio.CancelledError:
            if self.released or not self.forced:
                raise
            status = RunStatus.INTERRUPTED
        except LostRun:
            observe.run_lost(run)
            return
        except NotFound as exc:
            status, error = RunStatus.ERROR, {"type": "AgentNotFound", "message": exc.message}
        except Exception as exc:
            if transient(exc):  # the database's failure, not the agent's: retry the run
                log.warning("run %s left for a retry: the database is unavailable", run.run_id)
                return
            observe.agent_failed(run, exc)  # the traceback to the log, not to the run
            status, error = RunStatus.ERROR, run_error(exc)
        finally:
            if self._force_timer is not None:
                self._force_timer.cancel()
        step = None
        if self.context is not None:
            step = self.context.detach_step()  # written with the ending, in one transaction
            try:
                await self.context.wait_writes()
            except LostRun:
                observe.run_lost(run)
                return
            except Exception as exc:
                if transient(exc):  # the database's failure, not the agent's: retry the run
                    log.warning("run %s left for a retry: the database is unavailable", run.run_id)
                    return
                if status is not RunStatus.ERROR:
                    status, error = RunStatus.ERROR, run_error(exc)
        status = end_status(status, self.stop_reason)
        reason = self.stop_reason if status != RunStatus.ERROR else None
        # The agent has returned: its ending is retried while the database is away, so it
        # is never executed again because this write failed.
        try:
            ended = await through_outage(
                lambda: self.worker.finish(
                    run, status, error=error, stop_reason=reason, action=self.stop_action, step=step
                ),
                self.worker.settings.lease * 3,
            )
        except Exception as exc:
            if not transient(exc):
                raise
            log.warning("run %s: its ending could not be written; left for recovery", run.run_id)
            return
        if not self.ended.done():
            erased = self.stop_action is StopAction.ROLLBACK
            if ended is not None or erased:
                self.ended.set_result(Ended(ended, status.value, reason))


class Worker:
    def __init__(
        self,
        runs: RunStore,
        queue: RunQueue,
        hot: HotPath,
        items: ItemStore,
        agents: AgentRegistry,
        notifier: Notifier,
        webhooks: WebhookSender,
        settings: WorkerSettings,
        *,
        webhook_payload: Callable[[RunRecord], dict[str, Any]],
    ) -> None:
        self.id = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.runs = runs
        self.queue = queue
        self.hot = hot
        self.webhook_payload = webhook_payload  # what a webhook receives of an ended run
        self.items = items
        self.agents = agents
        self.notifier = notifier
        self.webhooks = webhooks
        self.settings = settings
        self.executions: dict[uuid.UUID, Execution] = {}
        self.agent_ids = agents.ids()
        self._tasks: list[asyncio.Task[None]] = []
        self._capacity = asyncio.Event()
        self._draining = False
        self._reserved = 0  # slots taken by runs being created here (see create_running)
        self._served = frozenset(self.agent_ids)
        self._hurry = asyncio.Event()  # set: the drain hands runs back without more grace

    async def start(self) -> None:
        self._tasks = [
            asyncio.create_task(self._claim_loop(), name="ap-claim"),
            asyncio.create_task(self._lease_loop(), name="ap-lease"),
            asyncio.create_task(self._control_loop(), name="ap-control"),
            asyncio.create_task(self._maintenance_loop(), name="ap-maintenance"),
            asyncio.create_task(self._webhook_loop(), name="ap-webhooks"),
        ]

    async def drain(self) -> None:
        """Stop claiming; give running runs the grace period; hand back the rest."""
        self._draining = True
        self._capacity.set()
        pending = [e.task for e in self.executions.values() if e.task]
        observe.draining(len(pending), self.settings.shutdown_grace)
        if pending and not self._hurry.is_set():
            # All of them end, the grace runs out, or hurry(): whichever comes first.
            ended = asyncio.ensure_future(asyncio.wait(pending))
            hurry = asyncio.ensure_future(self._hurry.wait())
            await asyncio.wait(
                {ended, hurry},
                timeout=self.settings.shutdown_grace,
                return_when=asyncio.FIRST_COMPLETED,
            )
            ended.cancel()
            hurry.cancel()
        left = [e for e in self.executions.values() if e.task and not e.task.done()]
        tasks = [e.task for e in left if e.task]
        for execution in left:
            execution.released = True
        for task in tasks:
            task.cancel()
        if left:
            observe.handed_back([e.run for e in left])
            await asyncio.wait(tasks, timeout=5)
            await self.queue.release(
                self.id, [e.run.run_id for e in left], max_attempts=self.settings.max_attempts
            )
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task

    # -- runs created here ---------------------------------------------------------------

    def _busy(self) -> int:
        return len(self.executions) + self._reserved

    def has_room(self, agent_id: str) -> bool:
        """Whether a run of `agent_id` created now may execute here at once."""
        return (
            not self._draining
            and agent_id in self._served
            and self._busy() < self.settings.concurrency
        )

    async def create_running(self, new: NewRun, owner: str) -> RunRecord | None:
        """Create a stateless run and execute it here at once, if this process serves its
        agent and has a free slot (else None: the caller queues it). It is durable like
        any run (a row with a lease: if this process dies, another one retries it)."""
        if not self.has_room(new.agent_id):
            return None
        self._reserved += 1
        try:
            run = await self.hot.create_running(
                new, owner=owner, worker_id=self.id, lease=self.settings.term
            )
        finally:
            self._reserved -= 1
        self._execute(run)
        return run

    async def create_on_thread(self, new: NewRun, store: RunStore) -> RunRecord:
        """Create a run on a thread through `store` (its owner's scope); if its thread has
        no active run and this process has room, it is created running and executes here
        at once; else it is queued (a delayed run always is)."""
        if not self.has_room(new.agent_id) or new.after_seconds:
            return (await store.create(new)).run
        self._reserved += 1
        try:
            created = await store.create(new, Claim(self.id, self.settings.term))
        finally:
            self._reserved -= 1
        if created.seed is not None:
            self._execute(created.run, created.seed)
        return created.run

    def execution(self, run_id: uuid.UUID) -> Execution | None:
        """The run's execution if this process executes it now."""
        return self.executions.get(run_id)

    def stop_here(self, run: RunRecord) -> None:
        """A stop of `run` was requested by this process: apply it now if the run executes
        here (its notification comes too, and changes nothing more)."""
        execution = self.executions.get(run.run_id)
        if execution is not None and run.stop_requested_at is not None:
            self._apply_stop(execution, run)

    async def finish(
        self,
        run: RunRecord,
        status: RunStatus,
        *,
        error: dict[str, Any] | None,
        stop_reason: StopReason | None,
        action: StopAction | None,
        step: Step | None,
    ) -> RunRecord | None:
        """End a run executed here, with its last step if it was not written yet."""
        if action is StopAction.ROLLBACK:  # erased with what it wrote: the step too
            return await self.runs.finish(
                run, status, error=error, stop_reason=stop_reason, action=action
            )
        if status is RunStatus.INTERRUPTED and stop_reason is None and not (step and step.asked):
            # Interrupted on questions written earlier: the engine's general ending reads them.
            if step is not None and not await self.hot.write_step(run, step):
                return None
            return await self.runs.finish(run, status, error=error, stop_reason=None, action=action)
        ended = await self.hot.finish(run, status, error=error, stop_reason=stop_reason, step=step)
        if ended is not None:
            observe.run_ended(ended)
        return ended

    def running(self) -> int:
        """How many runs this process executes now."""
        return len(self.executions)

    def hurry(self) -> None:
        """End the drain's grace now: runs still going are handed back to the queue."""
        self._hurry.set()

    # -- what executions need ----------------------------------------------------------

    async def new_context(self, run: RunRecord, seed: Seed | None = None) -> Context:
        store = self.items.scoped(Scope.of(run.owner))  # an agent uses its run's owner's store
        grace = self.settings.lease
        if seed is not None:  # read when the run was created
            context = Context(
                run, self.runs, store, self.hot, values=seed.values, head=seed.head, step=seed.step
            )
        elif run.temporary and run.attempt == 1:  # its own new thread: nothing to read
            context = Context(run, self.runs, store, self.hot, values={}, head=None, step=0)
        else:
            thread = await through_outage(lambda: self.runs.threads.get(run.thread_id), grace)
            head, values = thread.head_checkpoint_id, thread.values
            if (start := start_checkpoint(run.config)) is not None:
                branch = await through_outage(lambda: self._branch(run, start), grace)
                head, values = branch or (head, values)
            step = await through_outage(
                lambda: self.runs.threads.next_step(run.thread_id, head), grace
            )
            context = Context(run, self.runs, store, self.hot, values=values, head=head, step=step)
        context.write_grace = grace
        return context

    async def _branch(
        self, run: RunRecord, start: uuid.UUID
    ) -> tuple[uuid.UUID, dict[str, Any]] | None:
        """The head and values a run that names a checkpoint starts from: that one's,
        unless the thread's latest is the run's own (an earlier attempt went on from it)."""
        latest = await self.runs.threads.history(run.thread_id, limit=1, before=None)
        if latest and latest[0].run_id == run.run_id:
            return None
        base = await self.runs.threads.checkpoint(run.thread_id, start)
        return base.checkpoint_id, base.values

    # -- loops -------------------------------------------------------------------------

    async def _claim_loop(self) -> None:
        with self.notifier.subscribe(QUEUE) as wake:
            while not self._draining:
                wake.clear()
                self._capacity.clear()
                while self._busy() < self.settings.concurrency and not self._draining:
                    run = await self._safely(
                        self.queue.claim(self.id, self.settings.term, self.agent_ids)
                    )
                    if run is None:
                        break
                    self._execute(run)
                if self._busy() >= self.settings.concurrency:
                    await self._capacity.wait()
                    continue
                await wake.wait(await self._until_due())

    def _execute(self, run: RunRecord, seed: Seed | None = None) -> None:
        observe.run_started(run)
        execution = Execution(self, run, seed)
        self.executions[run.run_id] = execution
        timeout = run.timeout_seconds or self.settings.run_timeout
        loop = asyncio.get_running_loop()
        if timeout:
            loop.call_later(timeout, self._timeout, execution)
        execution.task = asyncio.create_task(execution.main(), name=f"run-{run.run_id}")
        execution.task.add_done_callback(lambda _: self._done(execution))
        if run.stop_requested_at is not None:
            self._apply_stop(execution, run)

    def _timeout(self, execution: Execution) -> None:
        if execution.task and not execution.task.done():
            deadline = asyncio.get_running_loop().time() + self._grace(execution.run)
            execution.stop(StopReason.TIMEOUT, StopAction.INTERRUPT, deadline)

    def _grace(self, run: RunRecord) -> float:
        """The default grace of a stop of `run`: its agent's own (0 for a graph, whose work
        is saved step by step), else the server's."""
        try:
            own = self.agents.get(run.agent_id).stop_grace
        except NotFound:
            own = None
        return self.settings.stop_grace if own is None else own

    def _done(self, execution: Execution) -> None:
        self.executions.pop(execution.run.run_id, None)
        if not execution.ended.done():
            execution.ended.set_result(None)
        self._capacity.set()
        task = execution.task
        if task and not task.cancelled() and task.exception() is not None:
            log.error(
                "run %s failed in the engine", execution.run.run_id, exc_info=task.exception()
            )

    def _apply_stop(self, execution: Execution, run: RunRecord) -> None:
        loop = asyncio.get_running_loop()
        if run.stop_deadline is None:  # no deadline asked for: the agent's default grace
            remaining = self._grace(run)
        else:
            remaining = max(0.0, (run.stop_deadline - datetime.now(UTC)).total_seconds())
        execution.stop(
            StopReason(run.stop_reason or StopReason.USER),
            StopAction(run.stop_action or StopAction.INTERRUPT),
            loop.time() + remaining,
        )

    async def _control_loop(self) -> None:
        """Stop requests for runs this process executes, as soon as they are notified."""
        queue: asyncio.Queue[str] = asyncio.Queue()
        self.notifier.on_payload(CONTROL, queue.put_nowait)
        while True:
            run_id = uuid.UUID(await queue.get())
            execution = self.executions.get(run_id)
            if execution is None:
                continue
            run = await self._safely(self.hot.get(run_id))
            if run is not None and run.stop_requested_at is not None:
                try:
                    self._apply_stop(execution, run)
                except Exception:  # never let one stop end the loop of all stops
                    log.exception("applying the stop of run %s failed", run_id)

    async def _lease_loop(self) -> None:
        while True:
            await asyncio.sleep(self.settings.lease / 3)
            mine = list(self.executions)
            renewed = await self._safely(self.queue.renew(self.id, mine, self.settings.term))
            # A run missing from `renewed` ended meanwhile or was taken over after its
            # lease expired; in the second case its next write fails with LostRun.
            for run in renewed or ():
                execution = self.executions.get(run.run_id)
                if (
                    execution
                    and run.stop_requested_at is not None
                    and execution.stop_reason is None
                ):
                    self._apply_stop(execution, run)

    async def _webhook_loop(self) -> None:
        """Deliver the webhooks of ended runs, from the outbox their ending wrote."""
        with self.notifier.subscribe(WEBHOOKS) as wake:
            while True:
                wake.clear()
                for url, run in await self._safely(self.queue.take_webhooks()) or ():
                    self.webhooks.send(url, self.webhook_payload(run))
                await wake.wait(self.settings.poll_interval)

    async def _maintenance_loop(self) -> None:
        while True:
            await asyncio.sleep(await self._until_recovery())
            observe.runs_recovered(
                await self._safely(self.queue.recover_expired(self.settings.max_attempts))
            )
            await self._safely(self.queue.sweep_temporary_threads())

    async def _until_due(self) -> float:
        """How long the claim loop may wait for a notification: the poll interval, or less
        if a delayed run comes due sooner."""
        left = await self._safely(self.queue.next_due())
        return self._sooner(self.settings.poll_interval, left)

    async def _until_recovery(self) -> float:
        """Half a lease, or less: until the earliest lease of a running run runs out, so the
        runs of a process that died are taken over when their lease expires (within a lease
        of its death), not up to half a lease later."""
        left = await self._safely(self.queue.next_expiry())
        return self._sooner(self.settings.lease / 2, left)

    def _sooner(self, tick: float, left: float | None) -> float:
        """`tick`, or `left` seconds (just after something comes due) when that is sooner;
        never less than a twentieth of a lease, so what this process cannot take (a run of
        an agent it does not serve, a lease it cannot recover) is not polled in a tight
        loop."""
        if left is None:
            return tick
        return min(tick, max(left + 0.01, self.settings.lease / 20))

    async def _safely(self, awaitable: Awaitable[T]) -> T | None:
        try:
            return await awaitable
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("engine query failed")
            return None
