"""The agent interface.

An agent is an `Agent`: an id, a description, JSON schemas, and an async function that
receives a `RunContext` for each run. Through the context it reads its input, the thread's
current values and the config; writes state one step at a time (each `update` is a
checkpoint and streams `updates` and `values`); streams `messages` and `custom` events;
asks a human with `interrupt`; notices a stop request; and uses the long-term store.

    @agent("echo", description="Echoes its input")
    async def echo(ctx: RunContext) -> None:
        await ctx.update({"echo": ctx.input})
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol


class Interrupt(Exception):
    """Raised by `RunContext.interrupt`: the run ends `interrupted`, waiting for a resume.

    Agents must let it propagate (do not swallow it in a broad `except`)."""

    def __init__(
        self,
        values: list[Any],
        ids: list[str] | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(f"interrupted with {len(values)} question(s)")
        self.values = values
        self.ids = ids
        """The interrupts' ids when the agent has its own (a LangGraph graph); else new ones."""
        self.metadata = metadata
        """Added to the metadata of the checkpoint that records the interrupts."""


class SavedCheckpoint(NamedTuple):
    """An agent's own serialised checkpoint of a step (a LangGraph graph's), stored on ours
    and read back by its id (`type` names the serialisation)."""

    checkpoint_id: str
    type: str
    data: bytes


class RunStopped(Exception):
    """Raised by `check_stop`/`sleep` once a stop was requested: the run ends `interrupted`."""


class Store(Protocol):
    async def put(self, namespace: list[str], key: str, value: dict[str, Any]) -> None: ...
    async def get(self, namespace: list[str], key: str) -> Any: ...
    async def delete(self, namespace: list[str], key: str) -> None: ...
    async def search(
        self, *, prefix: list[str] | None, filter: dict[str, Any] | None, limit: int, offset: int
    ) -> list[Any]: ...


class RunContext(Protocol):
    """What a running agent sees and can do."""

    run_id: uuid.UUID
    thread_id: uuid.UUID
    attempt: int
    """1 for a run's first execution; more when it is retried after its process died (or
    the database was away): `values` are then the thread's as of the last checkpoint, so an
    agent can go on from there."""
    input: Any
    """The run's `input` (any JSON value), or None."""
    messages: list[dict[str, Any]]
    """The run's input `messages` (already merged into `values["messages"]`)."""
    config: dict[str, Any]
    values: dict[str, Any]
    """The thread's current state; `update` keeps it current."""

    @property
    def store(self) -> Store:
        """The long-term store of the run's owner."""
        ...

    resume: dict[str, Any] | None
    """On a resume: the answers by interrupt id (the run's `interrupts` then return them)."""
    stateless: bool
    """A stateless run: its thread is its own, made for it and removed after it (nothing
    will continue from its state); an agent may skip what only a continuation reads."""

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
        """One step: merge `values` and `messages` into the state, write a checkpoint (with
        `metadata` added to its own; `source`, as LangGraph's checkpoints name it: "input"
        for the state an input made, which streams no `updates`), and stream `updates` (`{step: changes}`; `changes`
        when given, else what changed) and `values` (the full state). `saved`: the agent's own
        checkpoint of this step (a LangGraph graph's), kept on ours. `last`: the agent takes
        no step after this one (a graph at its end): it is written with the run's ending, in
        one transaction (anything the agent writes first writes it first). Returns the
        state."""
        ...

    async def checkpoint_metadata(self, limit: int = 20) -> list[dict[str, Any]]:
        """The metadata of the checkpoints the run goes on from (the thread's latest, or
        the one the run named to start from, and their parents), newest first."""
        ...

    async def emit(self, mode: str, data: Any, namespace: Sequence[str] = ()) -> None:
        """Stream an event in mode `messages` or `custom` (a LangGraph graph: its own modes
        too). A `namespace` (a subgraph's path, LangGraph's `node:task_id` segments) names
        the event `mode|segment|...`, as LangGraph's server does."""
        ...

    async def stream_state(self) -> None:
        """Stream the state as it is as a `values` event (if the run streams values),
        taking no step: a resumed graph's first event, as LangGraph's `astream` has it."""
        ...

    def interrupt(self, value: Any) -> Any:
        """Ask a human: ends the run `interrupted` with one pending interrupt; when the thread
        is resumed, the step runs again and this call returns the resume value."""
        ...

    def interrupts(self, *values: Any) -> list[Any]:
        """Ask several questions at once (one interrupt each, each with its own id); on
        resume returns the answers in the same order."""
        ...

    @property
    def stopping(self) -> bool:
        """A graceful stop was requested: finish or abandon the current step soon."""
        ...

    def check_stop(self) -> None:
        """Raise `RunStopped` if a stop was requested."""
        ...

    async def sleep(self, seconds: float) -> None:
        """Sleep, but raise `RunStopped` as soon as a stop is requested."""
        ...


AgentFunction = Callable[[RunContext], Awaitable[dict[str, Any] | None]]


@dataclass(frozen=True, slots=True)
class Agent:
    """An agent the server can run. `run` may return a dict: a last `update` of the state."""

    agent_id: str
    run: AgentFunction
    name: str = ""
    description: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    capabilities: dict[str, Any] = field(
        default_factory=lambda: {"ap.io.messages": False, "ap.io.streaming": True}
    )
    input_schema: dict[str, Any] = field(default_factory=dict)
    output_schema: dict[str, Any] = field(default_factory=lambda: {"type": "object"})
    state_schema: dict[str, Any] = field(default_factory=lambda: {"type": "object"})
    config_schema: dict[str, Any] = field(default_factory=lambda: {"type": "object"})
    # Seconds a graceful stop gives it (to finish its step, through `ctx.stopping`) before
    # its task is cancelled, when the stop names no `timeout`. None: the server's
    # AP_STOP_TIMEOUT. An agent whose work is saved step by step and that never looks at
    # `ctx.stopping` (a LangGraph graph) has 0: it is cancelled at once.
    stop_grace: float | None = None
    # Called when the server starts (with the database URL, `postgresql://...`) and stops.
    start: Callable[[str], Awaitable[None]] | None = None
    stop: Callable[[], Awaitable[None]] | None = None

    def __post_init__(self) -> None:
        if not self.name:
            object.__setattr__(self, "name", self.agent_id)


def agent(agent_id: str, **details: Any) -> Callable[[AgentFunction], Agent]:
    """Decorator: make an `Agent` of an async function `fn(ctx)`."""

    def wrap(fn: AgentFunction) -> Agent:
        details.setdefault("description", (fn.__doc__ or "").strip())
        return Agent(agent_id=agent_id, run=fn, **details)

    return wrap
