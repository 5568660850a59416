"""The agents this server serves: the examples and any given as `module:attribute`."""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..errors import NotFound
from .base import Agent
from .examples import EXAMPLES

Adapter = Callable[[str, Any], Agent | None]
"""Makes an agent of an imported object it knows (e.g. a compiled LangGraph graph), else
None. Given by the composition root, so this package imports no framework's adapter."""


class AgentRegistry:
    def __init__(self, agents: Iterable[Agent] = ()) -> None:
        self._agents: dict[str, Agent] = {}
        for a in agents:
            self.add(a)

    @classmethod
    def from_settings(
        cls, example_agents: bool, references: Iterable[str], adapters: Sequence[Adapter] = ()
    ) -> AgentRegistry:
        registry = cls(EXAMPLES if example_agents else ())
        for reference in references:
            registry.add(load(reference, adapters))
        return registry

    def add(self, a: Agent) -> None:
        if a.agent_id in self._agents:
            raise ValueError(f"two agents with the id {a.agent_id!r}")
        self._agents[a.agent_id] = a

    def get(self, agent_id: str) -> Agent:
        try:
            return self._agents[agent_id]
        except KeyError:
            raise NotFound("agent", agent_id) from None

    def ids(self) -> list[str]:
        return list(self._agents)

    def all(self) -> list[Agent]:
        return list(self._agents.values())

    async def start(self, database_url: str) -> None:
        for a in self._agents.values():
            if a.start is not None:
                await a.start(database_url)

    async def stop(self) -> None:
        for a in self._agents.values():
            if a.stop is not None:
                await a.stop()

    @property
    def default(self) -> Agent:
        """The agent a run without `agent_id` uses: the first registered."""
        if not self._agents:
            raise NotFound("agent", "(default)")
        return next(iter(self._agents.values()))

    def search(
        self, *, name: str | None, metadata: dict[str, Any] | None, limit: int, offset: int
    ) -> list[Agent]:
        found = [
            a
            for a in self._agents.values()
            if (name is None or a.name == name)
            and all(a.metadata.get(k) == v for k, v in (metadata or {}).items())
        ]
        return found[offset : offset + limit]


class AgentLoadError(ValueError):
    """An agent reference that cannot be served; the message names the reference, the cause
    and what to do (the server says it and exits)."""


def load(reference: str, adapters: Sequence[Adapter] = ()) -> Agent:
    """Import `module:attribute` (optionally `agent_id=module:attribute`); an async function
    is wrapped as an agent of its name, anything else by the first of `adapters` that
    knows it (the server passes the LangGraph one: a compiled graph as a graph agent).
    What none of them takes is an AgentLoadError saying why."""
    given = reference
    agent_id, _, reference = reference.rpartition("=")
    module_name, _, attribute = reference.partition(":")
    if not module_name or not attribute:
        raise AgentLoadError(
            f"agent {given!r} is not 'module:attribute' (e.g. my_pkg.agents:my_agent)"
        )
    target = _import(given, module_name)
    for depth, part in enumerate(attribute.split(".")):
        try:
            target = getattr(target, part)
        except AttributeError:
            where = ".".join([module_name, *attribute.split(".")[:depth]])
            raise AgentLoadError(
                f"agent {given!r}: {where} has no attribute {part!r}; check the name after ':'"
            ) from None
    agent_id = agent_id or attribute.rsplit(".", 1)[-1]
    if isinstance(target, Agent):
        return target
    for adapt in adapters:
        adapted = adapt(agent_id, target)
        if adapted is not None:
            return adapted
    if inspect.iscoroutinefunction(target) or inspect.iscoroutinefunction(
        type(target).__call__  # an object with an async __call__
    ):
        return Agent(agent_id=agent_id, run=target)
    raise AgentLoadError(
        f"agent {given!r} is {_kind(target)}, not an Agent, an async function `fn(ctx)` or"
        " a compiled LangGraph graph"
    )


def _import(given: str, module_name: str) -> Any:
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and (module_name == exc.name or module_name.startswith(exc.name + ".")):
            raise AgentLoadError(
                f"agent {given!r}: no module named {exc.name!r}; is its package installed,"
                " or its folder on PYTHONPATH?"
            ) from exc
        raise AgentLoadError(
            f"agent {given!r}: importing {module_name} failed: it needs the module"
            f" {exc.name!r}, which is not installed"
        ) from exc
    except Exception as exc:
        raise AgentLoadError(
            f"agent {given!r}: importing {module_name} raised {type(exc).__name__}: {exc}"
            " (--debug shows the traceback)"
        ) from exc


def _kind(target: object) -> str:
    if callable(target) and not isinstance(target, type):
        return f"a plain (not async) function {getattr(target, '__name__', '')}".rstrip()
    return f"a {type(target).__name__}"
