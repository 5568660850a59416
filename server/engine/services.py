"""What a request's handlers work with: the stores, the agents and the run engine, as seen
by the request's owner scope. Built by the composition root (server/runtime.py)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..agents.registry import AgentRegistry
from ..database import Database
from ..settings import Settings
from ..storage.assistants import AssistantStore
from ..storage.crons import CronStore
from ..storage.items import ItemStore
from ..storage.owners import Scope
from ..storage.threads import ThreadStore
from .service import RunService


@dataclass(frozen=True, slots=True)
class Services:
    settings: Settings
    database: Database
    threads: ThreadStore
    items: ItemStore
    assistants: AssistantStore
    crons: CronStore
    agents: AgentRegistry
    runs: RunService
    """Runs: the handlers' only door to them (create, wait, stream, stop, read)."""

    def scoped(self, scope: Scope) -> Services:
        """The services as a request of `scope` uses them: its stores see what it may."""
        return replace(
            self,
            threads=self.threads.scoped(scope),
            items=self.items.scoped(scope),
            assistants=self.assistants.scoped(scope),
            crons=self.crons.scoped(scope),
            runs=self.runs.scoped(scope),
        )
