"""The conformance kit's harness: the server as one in-process ASGI application.

`ConformanceApp` is what schemathesis calls. Its ASGI lifespan (which schemathesis starts
before the first request and `schemathesis.python.asgi.shutdown_lifespans()` ends) opens a
real `Database` on the URL the session gives it, migrates it, builds the server with
`create_app` and runs the server's own lifespan (the run engine: notifier and worker), all
on the event loop the requests are served on. It counts the HTTP requests it serves.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import yaml
from starlette.applications import Starlette

from ap_server.app import create_app
from ap_server.database import Database
from ap_server.settings import Settings

PROFILE_VARIABLE = "AP_CONFORMANCE_PROFILE"
# The thorough profile must make at least this many requests in all.
THOROUGH_MIN_REQUESTS = 10_000
# The server's shutdown (drain runs: shutdown_grace, then hand back) must end within this.
SHUTDOWN_TIMEOUT = 60.0


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    max_examples: int  # per operation and phase (examples, coverage, fuzzing)
    stateful_examples: int  # scenarios (sequences of linked calls)
    stateful_steps: int  # at most this many calls per scenario
    min_requests: int = 0  # fail the session if fewer requests were made


PROFILES = {
    "fast": Profile("fast", max_examples=20, stateful_examples=30, stateful_steps=10),
    "thorough": Profile(
        "thorough",
        max_examples=200,
        stateful_examples=1000,
        stateful_steps=20,
        min_requests=THOROUGH_MIN_REQUESTS,
    ),
}


def profile() -> Profile:
    name = os.environ.get(PROFILE_VARIABLE, "").strip().lower() or "fast"
    try:
        return PROFILES[name]
    except KeyError:
        raise ValueError(
            f"{PROFILE_VARIABLE}={name!r}: expected one of {sorted(PROFILES)}"
        ) from None


def server_settings(database_url: str) -> Settings:
    """The server's settings under test: the defaults, except what keeps every run short
    and the shutdown quick, a heartbeat frequent enough to appear in streams, and
    temporary threads kept for the whole session."""
    return Settings(
        database_url=database_url,
        pool_size=10,
        run_timeout=10.0,  # a run without config.timeout ends within 10 s
        stop_timeout=1.0,
        shutdown_grace=2.0,
        # A stateless run's thread (and the run) outlive every scenario: the links from
        # POST /runs (get, delete, resume the run's thread) find what they were given.
        temporary_thread_ttl=3600.0,
        sse_heartbeat=1.0,
    )


def _webhook_target(request: httpx.Request) -> httpx.Response:
    return httpx.Response(204)


class ConformanceApp:
    """An ASGI application: the server on a real, freshly migrated database.

    `statuses` counts the answers per operation (`"GET /runs/{run_id}"`) and status code."""

    def __init__(self, paths: dict[str, dict[str, Any]]) -> None:
        self.settings: Settings | None = None
        self.statuses: dict[str, Counter[int]] = defaultdict(Counter)
        self.seconds: Counter[str] = Counter()  # time spent answering, per operation
        self.notes: list[str] = []  # lines for the session's summary
        self._app: Starlette | None = None
        # Static paths before templated ones, as the server routes them.
        ordered = sorted(paths, key=lambda p: (p.count("{"), p))
        self._methods = {path: set(item) for path, item in paths.items()}
        self._paths = [(re.compile(re.sub(r"\{[^}]+\}", "[^/]+", p) + "$"), p) for p in ordered]

    def summary(self) -> list[tuple[str, Counter[int]]]:
        """The counts per operation of the spec, then one line for every other request
        (methods a path does not have, unknown paths)."""
        operations, other = [], Counter()
        for operation, counts in sorted(self.statuses.items(), key=lambda i: i[0].split()[::-1]):
            method, path = operation.split(" ", 1)
            if method.lower() in self._methods.get(path, ()):
                operations.append((operation, counts))
            else:
                other.update(counts)
        return operations + ([("(other methods and paths)", other)] if other else [])

    @property
    def requests(self) -> int:
        return sum(sum(c.values()) for c in self.statuses.values())

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if self._app is None:
            raise RuntimeError("the conformance app is used before its lifespan started")
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        path = next((t for r, t in self._paths if r.match(scope["path"])), "(other path)")
        operation = f"{scope['method']} {path}"
        counts = self.statuses[operation]

        async def counting_send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                counts[message["status"]] += 1
            await send(message)

        started = time.monotonic()
        try:
            await self._app(scope, receive, counting_send)
        finally:
            self.seconds[operation] += time.monotonic() - started

    async def _lifespan(self, receive: Any, send: Any) -> None:
        message = await receive()
        assert message["type"] == "lifespan.startup", message
        stack = contextlib.AsyncExitStack()
        try:
            if self.settings is None:
                raise RuntimeError("ConformanceApp.settings is not set")
            database = await Database.open(self.settings)
            stack.push_async_callback(database.close)
            await database.migrate()
            app = create_app(self.settings, database)
            await _keep_webhooks_local(app)
            await stack.enter_async_context(app.router.lifespan_context(app))
        except BaseException as exc:
            await stack.aclose()
            await send({"type": "lifespan.startup.failed", "message": repr(exc)})
            return
        self._app = app
        await send({"type": "lifespan.startup.complete"})
        message = await receive()
        assert message["type"] == "lifespan.shutdown", message
        self._app = None
        try:
            async with asyncio.timeout(SHUTDOWN_TIMEOUT):
                await stack.aclose()
        except TimeoutError:
            _dump_tasks()
            await send({"type": "lifespan.shutdown.failed", "message": "shutdown hung"})
            return
        except BaseException as exc:
            await send({"type": "lifespan.shutdown.failed", "message": repr(exc)})
            return
        await send({"type": "lifespan.shutdown.complete"})


def _dump_tasks() -> None:
    """What a hung shutdown waits on: every task of the loop, with its stack."""
    print(f"\nshutdown did not end within {SHUTDOWN_TIMEOUT} s; tasks:", file=sys.stderr)
    for task in asyncio.all_tasks():
        task.print_stack(limit=12, file=sys.stderr)


async def _keep_webhooks_local(app: Starlette) -> None:
    """Deliver webhooks to an in-process target that answers 204: generated webhook URLs
    name arbitrary public hosts, which a test must not call (nor resolve). Creating a run
    still checks the URL as the server does (`webhook_allow_private` stays false)."""
    await app.state.runtime.webhooks.deliver_through(httpx.MockTransport(_webhook_target))


SPEC = Path(__file__).resolve().parents[2] / "spec" / "openapi.yaml"
APP = ConformanceApp(yaml.safe_load(SPEC.read_text())["paths"])
