"""Fixtures: a real Postgres (DATABASE_URL, or an embedded one), fresh databases, real servers."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Self

import asyncpg
import httpx
import pytest
from sqlalchemy.engine import make_url

from agent_protocol_client import Client
from ap_server.database import Database
from ap_server.settings import Settings

SERVER_START_TIMEOUT = 30.0
# A test that starts server processes of its own takes seconds: it is `slow`, and
# `-m "not slow"` leaves it out of the quick loop.
OWN_SERVER_FIXTURES = frozenset({"start_server", "empty_database_url"})
# Whole modules that drive long sequences (schemathesis, the conformance kit, a browser).
SLOW_MODULES = ("tests/conformance/", "tests/test_conformance_kit.py", "tests/test_docs_browser.py")
LISTENING = re.compile(r"ap-server listening on (http://\S+)")
# The files that take longest (from `--durations`), longest first. They run first: pytest-xdist
# (`--dist loadfile --no-loadscope-reorder`, noxfile) hands out files in this order, so the
# short files even out the end instead of one long file running alone while the other
# processes idle. Files not named here run after them, in their usual order.
LONGEST_FILES = (
    "tests/test_auth.py",
    "tests/test_cli_errors.py",
    "tests/test_console.py",
    "tests/test_langgraph_crons.py",
    "tests/test_runs.py",
    "tests/test_shutdown.py",
    "tests/test_langgraph_delayed.py",
    "tests/test_cancel.py",
    "tests/test_langgraph.py",
    "tests/test_langgraph_runs.py",
    "tests/test_streaming_replay.py",
    "tests/test_values.py",
    "tests/test_retry.py",
    "tests/test_streaming_graphs.py",
    "tests/test_sdk.py",
    "tests/test_langgraph_threads.py",
    "tests/test_packaging.py",
    "tests/test_logging.py",
    "tests/test_webhooks.py",
    "tests/test_langgraph_graph_runs.py",
    "tests/test_hitl.py",
    "tests/test_langgraph_assistants.py",
)


def plain_url(url: str, database: str | None = None) -> str:
    """`url` in the `postgresql://` form (as in DATABASE_URL), optionally for another database."""
    parsed = make_url(url).set(drivername="postgresql")
    if database is not None:
        parsed = parsed.set(database=database)
    return parsed.render_as_string(hide_password=False)


async def create_database(admin_url: str) -> str:
    """Create an empty database `ap_test_<hex>` on admin_url's server; returns its URL."""
    name = f"ap_test_{secrets.token_hex(6)}"
    conn = await asyncpg.connect(plain_url(admin_url))
    try:
        await conn.execute(f"CREATE DATABASE {name}")
    finally:
        await conn.close()
    return plain_url(admin_url, database=name)


async def drop_database(admin_url: str, url: str) -> None:
    """Drop the database of `url`, disconnecting whoever still uses it."""
    conn = await asyncpg.connect(plain_url(admin_url))
    try:
        await conn.execute(f"DROP DATABASE IF EXISTS {make_url(url).database} WITH (FORCE)")
    finally:
        await conn.close()


@dataclass
class ServerProcess:
    """An `ap-server serve` subprocess; stdout and stderr go to log_path."""

    process: subprocess.Popen[bytes]
    log_path: Path
    base_url: str = ""

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    async def stop(self, timeout: float = 10.0, *, at_once: bool = False) -> int:
        """SIGTERM, then SIGKILL after `timeout` seconds; returns the exit status.

        at_once (a fixture's teardown, when the test is over): SIGTERM then SIGINT, the
        server's "a second signal stops at once": the runs still going go back to the queue
        without waiting out the shutdown grace (AP_SHUTDOWN_GRACE)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            if at_once:
                self.process.send_signal(signal.SIGINT)
            deadline = time.monotonic() + timeout
            while self.process.poll() is None and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
            if self.process.poll() is None:
                self.process.kill()
        return self.process.wait()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()


async def spawn_server(
    database_url: str, *args: str, log_path: Path | None = None, **env: str
) -> ServerProcess:
    """Start `ap-server serve --port 0 *args` on database_url; return once GET /ok answers 200.

    env: extra environment variables. The log goes to log_path (by default a new temp file).
    """
    if log_path is None:
        fd, name = tempfile.mkstemp(prefix="ap-server-", suffix=".log")
        os.close(fd)
        log_path = Path(name)
    command = [sys.executable, "-m", "ap_server.cli", "serve", "--port", "0", *args]
    environ = {
        **os.environ,
        "DATABASE_URL": database_url,
        "PYTHONUNBUFFERED": "1",
        # Smaller pools than the default 10: three test processes share a Postgres of 100
        # connections (CI's at 5432), each with its session's server, a module's and a
        # test's own (up to 5 + 2 + 5 + LISTEN 1 + graphs 5 each, most of them idle).
        "AP_POOL_SIZE": "5",
        **env,
    }
    server = ServerProcess(_popen(command, environ, log_path), log_path)
    try:
        await _wait_until_up(server)
    except BaseException:
        await server.stop()
        raise
    return server


def _popen(command: list[str], env: dict[str, str], log_path: Path) -> subprocess.Popen[bytes]:
    with log_path.open("wb") as log:
        return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)


async def _wait_until_up(server: ServerProcess) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    async with httpx.AsyncClient(timeout=2) as client:
        while time.monotonic() < deadline:
            if server.process.poll() is not None:
                pytest.fail(f"ap-server exited with {server.process.returncode}:\n{server.log()}")
            if not server.base_url and (match := LISTENING.search(server.log())):
                server.base_url = match.group(1)
            if server.base_url:
                try:
                    if (await client.get(f"{server.base_url}/ok")).status_code == 200:
                        return
                except httpx.TransportError:
                    pass
            await asyncio.sleep(0.1)
    pytest.fail(f"ap-server did not answer GET /ok in {SERVER_START_TIMEOUT} s:\n{server.log()}")


@contextlib.asynccontextmanager
async def server_on_new_database(
    postgres_url: str, log_path: Path, **env: str
) -> AsyncIterator[ServerProcess]:
    """A server with its own settings (env) on a new database, both gone afterwards: for a
    test module's server (`start_server` gives one per test)."""
    url = await create_database(postgres_url)
    try:
        process = await spawn_server(url, log_path=log_path, **env)
        try:
            yield process
        finally:
            await process.stop(at_once=True)
    finally:
        await drop_database(postgres_url, url)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {path: index for index, path in enumerate(LONGEST_FILES)}
    items.sort(key=lambda item: rank.get(item.nodeid.partition("::")[0], len(rank)))  # stable
    for item in items:
        own_server = OWN_SERVER_FIXTURES & set(getattr(item, "fixturenames", ()))
        if own_server or item.nodeid.startswith(SLOW_MODULES):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
async def postgres_url() -> AsyncIterator[str]:
    """The admin URL of the Postgres to test on: DATABASE_URL, or an embedded one.

    The embedded one keeps its data outside pytest's temporary directories: pytest removes
    all but the newest three of those, so another pytest session starting meanwhile would
    delete a running Postgres's data directory under it."""
    if url := os.environ.get("DATABASE_URL"):
        yield url
        return
    data_dir = Path(tempfile.mkdtemp(prefix="ap-test-postgres-"))
    try:
        database = await Database.open(Settings(data_dir=data_dir, pool_size=1))
        try:
            await _throwaway(plain_url(database.url))
            yield plain_url(database.url)
        finally:
            await database.close()
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


async def _throwaway(admin_url: str) -> None:
    """Settings for a cluster that lives as long as the session: no waiting for the disk.
    A crash of Postgres would lose its data, but the tests kill server processes, never
    Postgres (the chaos suite, which does, runs its own cluster)."""
    conn = await asyncpg.connect(admin_url)
    try:
        for setting in ("fsync", "synchronous_commit", "full_page_writes"):
            await conn.execute(f"ALTER SYSTEM SET {setting} = off")
        await conn.execute("SELECT pg_reload_conf()")
    finally:
        await conn.close()


@pytest.fixture(scope="session")
async def database_url(postgres_url: str) -> AsyncIterator[str]:
    """A database for the session's server, dropped at the end."""
    url = await create_database(postgres_url)
    yield url
    await drop_database(postgres_url, url)


@pytest.fixture
async def empty_database_url(postgres_url: str) -> AsyncIterator[str]:
    """A new empty database for one test, dropped after it."""
    url = await create_database(postgres_url)
    yield url
    await drop_database(postgres_url, url)


@pytest.fixture(scope="session")
async def server(
    database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[ServerProcess]:
    """An `ap-server serve` process on database_url, for the whole session."""
    log_path = tmp_path_factory.mktemp("server") / "server.log"
    process = await spawn_server(database_url, log_path=log_path)
    try:
        yield process
    finally:
        await process.stop(at_once=True)


@pytest.fixture
async def start_server(tmp_path: Path) -> AsyncIterator[Callable[..., Awaitable[ServerProcess]]]:
    """`await start_server(database_url, *args, **env)`: one more server, stopped at once after
    the test (all of them together)."""
    started: list[ServerProcess] = []

    async def start(database_url: str, *args: str, **env: str) -> ServerProcess:
        log_path = tmp_path / f"server-{len(started)}.log"
        started.append(await spawn_server(database_url, *args, log_path=log_path, **env))
        return started[-1]

    yield start
    await asyncio.gather(*(process.stop(at_once=True) for process in started))


@pytest.fixture(scope="session")
def base_url(server: ServerProcess) -> str:
    return server.base_url


@pytest.fixture
async def http(base_url: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as client:
        yield client


@pytest.fixture
async def api(base_url: str) -> AsyncIterator[Client]:
    """The generated SDK (client/), raising on statuses the spec does not list."""
    client = Client(base_url=base_url, timeout=httpx.Timeout(30), raise_on_unexpected_status=True)
    async with client:
        yield client


@pytest.fixture(scope="session")
async def db(database_url: str) -> AsyncIterator[Database]:
    """The session database, migrated, for direct SQL."""
    database = await Database.open(Settings(database_url=database_url, pool_size=2))
    try:
        await database.migrate()
        yield database
    finally:
        await database.close()
