"""The composition root: builds the stores, the run engine (service, worker, notifier) and
the webhook sender on one database, and starts and stops them with the server. Used by
app.py; nothing below imports it."""

from __future__ import annotations

from .agents.registry import AgentRegistry
from .api import views
from .database import Database
from .engine.notifier import Notifier
from .engine.pruning import Pruner
from .engine.service import RunService
from .engine.services import Services
from .engine.worker import Worker, WorkerSettings
from .langgraph.assistants import defaults as default_assistants
from .settings import Settings
from .storage.assistants import AssistantStore
from .storage.channels import CHANNELS
from .storage.crons import CronStore
from .storage.hot import HotPath
from .storage.items import ItemStore
from .storage.queue import RunQueue
from .storage.runs import RunStore
from .storage.stats import StatsStore
from .storage.thread_events import ThreadEventStore
from .storage.threads import ThreadStore
from .webhooks import WebhookSender


class Runtime:
    def __init__(self, settings: Settings, database: Database, agents: AgentRegistry) -> None:
        threads = ThreadStore(database.engine)
        items = ItemStore(database.engine)
        run_store = RunStore(database.engine, threads, settings.temporary_thread_ttl)
        self.notifier = Notifier(database.listen_dsn, CHANNELS)
        # The run path's hot statements, on asyncpg connections of their own.
        self.hot = HotPath(
            database.listen_dsn,
            settings.pool_size,
            settings.temporary_thread_ttl,
            settings.pool_timeout,
        )
        self.webhooks = WebhookSender(allow_private=settings.webhook_allow_private)
        self.worker = Worker(
            run_store,
            RunQueue(database.engine, settings.temporary_thread_ttl),
            self.hot,
            items,
            agents,
            self.notifier,
            self.webhooks,
            WorkerSettings(
                concurrency=settings.workers,
                lease=settings.lease_seconds,
                max_attempts=settings.max_attempts,
                run_timeout=settings.run_timeout,
                stop_grace=settings.stop_timeout,
                shutdown_grace=settings.shutdown_grace,
            ),
            webhook_payload=views.webhook_payload,
        )
        self.services = Services(
            settings=settings,
            database=database,
            threads=threads,
            items=items,
            assistants=AssistantStore(database.engine, fast=self.hot),
            crons=CronStore(database.engine),
            agents=agents,
            runs=RunService(run_store, self.notifier, self.hot, local=self.worker),
        )
        self.agents = agents
        self.stats = StatsStore(database.engine)  # what /metrics reads of the queue
        self.pruner = Pruner(ThreadEventStore(database.engine), settings.thread_events_retention)

    async def start(self) -> None:
        # Every agent's default LangGraph assistant (made if missing, e.g. deleted).
        await self.services.assistants.ensure_defaults(default_assistants(self.agents.all()))
        await self.agents.start(self.services.database.listen_dsn)
        await self.hot.open()
        await self.notifier.start()
        await self.worker.start()
        self.pruner.start()

    def shutting_down(self) -> None:
        """The server stops taking requests: end open waits and streams now, cleanly."""
        self.services.runs.close()

    def hurry(self) -> None:
        """Stop now (a second Ctrl-C): the runs still going are handed back at once."""
        self.worker.hurry()

    async def stop(self) -> None:
        self.shutting_down()
        await self.pruner.stop()
        await self.worker.drain()
        await self.hot.close()
        await self.webhooks.aclose()
        await self.notifier.stop()
        await self.agents.stop()
