"""The RunContext a running agent sees (the interface is in agents/base.py)."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from .. import state
from ..agents.base import Interrupt, RunStopped
from ..storage.items import ItemStore
from ..storage.runs import RunRecord, RunStore

STREAM_MODES = frozenset({"values", "updates", "messages", "custom"})

# Modes an agent emits itself (`updates` and `values` come from `update`); a LangGraph
# graph also streams its own `debug`, `tasks` and `checkpoints` chunks.
EMITTED = ("messages", "custom", "debug", "tasks", "checkpoints")


class Context:
    def __init__(
        self,
        run: RunRecord,
        runs: RunStore,
        store: ItemStore,
        *,
        values: dict[str, Any],
        head: uuid.UUID | None,
        step: int,
    ) -> None:
        self.run_id = run.run_id
        self.thread_id = run.thread_id
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
        self._head = await self._runs.write_step(
            self._run,
            new,
            parent=self._head,
            metadata={
                "source": source,
                "step": self._step,
                "writes": {step or self._run.agent_id: changes},
                **(metadata or {}),
            },
            events=events,
        )
        self._step += 1
        self.values = new
        return new

    async def checkpoint_metadata(self, limit: int = 20) -> list[dict[str, Any]]:
        """The metadata of the thread's latest checkpoints, newest first."""
        records = await self._runs.threads.history(self.thread_id, limit=limit, before=None)
        return [r.metadata for r in records]

    async def emit(self, mode: str, data: Any) -> None:
        if mode not in EMITTED:
            raise ValueError(f"agents emit {', '.join(EMITTED)} events, not {mode!r}")
        if mode in self._modes:
            await self._runs.write_events(self._run, [(mode, data)])

    async def write_interrupts(
        self, interrupts: list[dict[str, Any]], metadata: dict[str, Any] | None = None
    ) -> None:
        """Record pending interrupts in a checkpoint (and so on the thread)."""
        self._head = await self._runs.write_step(
            self._run,
            self.values,
            parent=self._head,
            metadata={
                **(metadata or {}),
                "source": "interrupt",
                "step": self._step,
                "agent_id": self._run.agent_id,
            },
            events=[],
            interrupts=interrupts,
        )

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
