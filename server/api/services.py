"""What the handlers work with (storage, agents, the run engine), and its lifecycle."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..agents.registry import AgentRegistry
from ..database import Database
from ..engine.notifier import Notifier
from ..engine.service import RunService
from ..engine.worker import Worker, WorkerSettings
from ..settings import Settings
from ..storage.assistants import AssistantStore
from ..storage.crons import CronStore
from ..storage.items import ItemStore
from ..storage.owners import Scope
from ..storage.runs import CONTROL, EVENTS, QUEUE, WEBHOOKS, RunStore
from ..storage.threads import ThreadStore
from ..webhooks import WebhookSender
from . import views


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
    worker: Worker
    notifier: Notifier
    webhooks: WebhookSender

    @classmethod
    def create(cls, settings: Settings, database: Database, agents: AgentRegistry) -> Services:
        threads = ThreadStore(database.engine)
        items = ItemStore(database.engine)
        run_store = RunStore(
            database.engine, threads, settings.temporary_thread_ttl, views.webhook_payload
        )
        notifier = Notifier(database.listen_dsn, (QUEUE, EVENTS, CONTROL, WEBHOOKS))
        webhooks = WebhookSender(allow_private=settings.webhook_allow_private)
        worker = Worker(
            run_store,
            items,
            agents,
            notifier,
            webhooks,
            WorkerSettings(
                concurrency=settings.workers,
                lease=settings.lease_seconds,
                max_attempts=settings.max_attempts,
                run_timeout=settings.run_timeout,
                stop_grace=settings.stop_timeout,
                shutdown_grace=settings.shutdown_grace,
            ),
        )
        return cls(
            settings=settings,
            database=database,
            threads=threads,
            items=items,
            assistants=AssistantStore(database.engine),
            crons=CronStore(database.engine),
            agents=agents,
            runs=RunService(run_store, notifier, stop_grace=settings.stop_timeout),
            worker=worker,
            notifier=notifier,
            webhooks=webhooks,
        )

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

    async def start(self) -> None:
        from ..langgraph.assistants import defaults  # LangGraph's default assistants

        await self.assistants.ensure_defaults(defaults(self.agents.all()))
        await self.agents.start(self.database.url)
        await self.notifier.start()
        await self.worker.start()

    def shutting_down(self) -> None:
        """The server stops taking requests: end open waits and streams now, cleanly."""
        self.runs.close()

    async def stop(self) -> None:
        self.shutting_down()
        await self.worker.drain()
        await self.webhooks.aclose()
        await self.notifier.stop()
        await self.agents.stop()
