"""The RunContext a running agent sees (the interface is in agents/base.py).

Steps are written behind the agent, by one event-loop iteration: `update` returns at once
and its checkpoint is written as soon as the agent next waits for anything (so a stream
sees it at once), in order, before any later write. A step the agent had not yet let go
of when it ended is written by the run's finishing transaction instead (`detach_step`):
a one-step agent costs one transaction, not two. A write that fails surfaces at the next
write or at the end of the run (`wait_writes`).
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from .. import state
from ..agents.base import Interrupt, RunStopped, SavedCheckpoint
from ..storage.hot import HotPath, Step
from ..storage.items import ItemStore
from ..storage.runs import LostRun, RunRecord, RunStore
from .outage import through_outage

T = TypeVar("T")

STREAM_MODES = frozenset({"values", "updates", "messages", "custom"})

# Modes an agent emits itself (`updates` and `values` come from `update`); a LangGraph
# graph also streams its own `debug`, `tasks`, `checkpoints`, `tools` and `events` chunks,
# and, in a subgraph's namespace, its `values` and `updates` too, and the subgraph's
# `lifecycle` (started, completed, ...).
EMITTED = ("messages", "custom", "debug", "tasks", "checkpoints", "tools", "events")
NAMESPACED = (*EMITTED, "values", "updates", "lifecycle")


class Context:
    def __init__(
        self,
        run: RunRecord,
        runs: RunStore,
        store: ItemStore,
        hot: HotPath,
        *,
        values: dict[str, Any],
        head: uuid.UUID | None,
        step: int,
    ) -> None:
        self.run_id = run.run_id
        self.thread_id = run.thread_id
        # its thread is removed after it (a stateless run whose thread is kept is continued)
        self.stateless = run.temporary and run.on_completion != "keep"
        self.input = run.input
        self.messages = list(run.messages or [])
        self.config = run.config
        self.values = values
        self.store = store
        self._run = run
        self._runs = runs
        self._modes = frozenset(run.stream_mode)
        self._head = head
        self._step = step
        self._stop = asyncio.Event()
        self._answers = run.resume or []
        self.resume = {a["id"]: a["value"] for a in run.resume} if run.resume else None
        self._asked = 0
        self._hot = hot
        self._step_due: Step | None = None  # written at the next loop iteration
        self._due_handle: asyncio.Handle | None = None
        self._writing: asyncio.Task[None] | None = None
        self.attempt = run.attempt
        self.write_grace = 10.0  # seconds a write is retried while the database is away

    async def _retrying(self, write: Callable[..., Awaitable[T]], *args: Any, **kwargs: Any) -> T:
        """A write of this run, retried while the database is unreachable (for the lease)."""
        return await through_outage(lambda: write(*args, **kwargs), self.write_grace)

    # -- state and streaming -----------------------------------------------------------

    async def update(
        self,
        values: dict[str, Any] | None = None,
        *,
        messages: list[dict[str, Any]] | None = None,
        step: str | None = None,
        source: str = "loop",
        changes: dict[str, Any] | None = None,
        metadata: dict[str, Any] | None = None,
        saved: SavedCheckpoint | None = None,
        last: bool = False,
    ) -> dict[str, Any]:
        new = state.apply_update(self.values, values, messages)
        if changes is None:
            changes = {k: new[k] for k in (values or {})}
            if messages:
                changes[state.MESSAGES] = new[state.MESSAGES][-len(messages) :]
        events: list[tuple[str, Any]] = []
        if "updates" in self._modes and source != "input":  # the input is no node's update
            events.append(("updates", {step or self._run.agent_id: changes}))
        if "values" in self._modes:
            events.append(("values", new))
        await self._flush()
        self._due(
            Step.of(
                checkpoint_id=uuid.uuid4(),
                parent=self._head,
                values=new,
                metadata={
                    "source": source,
                    "step": self._step,
                    "writes": {step or self._run.agent_id: changes},
                    **(metadata or {}),
                },
                interrupts=[],
                events=events,
                graph=saved,
            ),
            last=last,
        )
        self._step += 1
        self.values = new
        return new

    async def checkpoint_metadata(self, limit: int = 20) -> list[dict[str, Any]]:
        """The metadata of the checkpoints this run goes on from, newest first."""
        if self._head is None:  # the thread has no checkpoint (a new one): nothing to read
            return []
        await self._flush()
        records = await self._runs.threads.history(
            self.thread_id, limit=limit, before=None, at=self._head
        )
        return [r.metadata for r in records]

    async def emit(self, mode: str, data: Any, namespace: Sequence[str] = ()) -> None:
        if mode not in (NAMESPACED if namespace else EMITTED):
            raise ValueError(f"agents emit {', '.join(EMITTED)} events, not {mode!r}")
        if mode in self._modes:
            name = "|".join((mode, *namespace))  # LangGraph's name of a subgraph's event
            await self._flush()
            await self._retrying(self._runs.write_events, self._run, [(name, data)])

    async def stream_state(self) -> None:
        """A `values` event of the state as it is, no step taken: LangGraph's `astream`
        streams the state a resumed graph goes on from before its first step."""
        if "values" in self._modes:
            await self._flush()
            await self._retrying(self._runs.write_events, self._run, [("values", self.values)])

    async def write_interrupts(
        self, interrupts: list[dict[str, Any]], metadata: dict[str, Any] | None = None
    ) -> None:
        """Record pending interrupts in a checkpoint (and so on the thread)."""
        await self._flush()
        self._due(
            Step.of(
                checkpoint_id=uuid.uuid4(),
                parent=self._head,
                values=self.values,
                metadata={
                    **(metadata or {}),
                    "source": "interrupt",
                    "step": self._step,
                    "agent_id": self._run.agent_id,
                },
                interrupts=interrupts,
                events=[],
            )
        )

    # -- writing behind the agent --------------------------------------------------------

    def _due(self, step: Step, *, last: bool = False) -> None:
        """`step` is the thread's head now; it is written at the next loop iteration (the
        `last` one with the run's ending, unless the agent writes anything before)."""
        self._head = step.checkpoint_id
        self._step_due = step
        if not last:
            self._due_handle = asyncio.get_running_loop().call_soon(self._start_due)

    def _start_due(self) -> None:
        step, self._step_due, self._due_handle = self._step_due, None, None
        if step is not None:
            self._writing = asyncio.ensure_future(self._write(step))

    async def _write(self, step: Step) -> None:
        if not await self._retrying(self._hot.write_step, self._run, step):
            raise LostRun(self._run.run_id)

    async def _flush(self) -> None:
        """Write every step taken so far (and raise what a write raised)."""
        if self._due_handle is not None:
            self._due_handle.cancel()
        if self._step_due is not None:
            self._start_due()
        await self.wait_writes()

    async def wait_writes(self) -> None:
        """Wait for the step being written, if any (raising what its write raised)."""
        writing, self._writing = self._writing, None
        if writing is not None:
            await writing

    def detach_step(self) -> Step | None:
        """The last step if it has not been written yet: the caller writes it (with the
        run's ending); None if every step is written or being written."""
        if self._step_due is None:
            return None
        if self._due_handle is not None:
            self._due_handle.cancel()
        step, self._step_due, self._due_handle = self._step_due, None, None
        return step

    # -- human in the loop -------------------------------------------------------------

    def interrupt(self, value: Any) -> Any:
        return self.interrupts(value)[0]

    def interrupts(self, *values: Any) -> list[Any]:
        """The k-th question of this run is answered by the resume value of the k-th
        interrupt the thread was waiting on; without an answer, the run stops here."""
        answers = self._answers[self._asked : self._asked + len(values)]
        self._asked += len(values)
        if len(answers) == len(values):
            return [answer["value"] for answer in answers]
        raise Interrupt(list(values))

    # -- stopping ----------------------------------------------------------------------

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def request_stop(self) -> None:
        self._stop.set()

    def check_stop(self) -> None:
        if self._stop.is_set():
            raise RunStopped("a stop was requested")

    async def sleep(self, seconds: float) -> None:
        self.check_stop()
        try:
            await asyncio.wait_for(self._stop.wait(), timeout=seconds)
        except TimeoutError:
            return
        raise RunStopped("a stop was requested")
