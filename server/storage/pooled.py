"""A pool of asyncpg connections of a store's own, opened and closed with the server."""

from __future__ import annotations

from typing import Any

import asyncpg


async def rollback_if_open(conn: asyncpg.Connection) -> None:
    """On release to the pool: these connections keep no session state (no LISTEN, no
    advisory locks, no settings), so asyncpg's reset (four statements, a round trip)
    is only needed to end a transaction left open."""
    if conn.is_in_transaction():
        await conn.execute("ROLLBACK")


class OwnPool:
    """`size` connections at most (counted in the budget `serve` logs: database.Budget);
    `options` go to `asyncpg.create_pool` (e.g. `init`). `fetch`, `fetchrow`, `execute`:
    one statement on a connection of the pool."""

    def __init__(
        self, dsn: str, size: int, *, timeout: float | None = None, **options: Any
    ) -> None:
        self.dsn = dsn
        self.size = size
        # Seconds a statement waits for a connection (or to connect) before TimeoutError,
        # which the handlers answer 503 (AP_POOL_TIMEOUT, as for the SQLAlchemy pool).
        self.timeout = timeout
        self._options = options
        self._pool: asyncpg.Pool | None = None

    async def open(self) -> None:
        self._pool = await asyncpg.create_pool(
            self.dsn,
            min_size=1,
            max_size=self.size,
            reset=rollback_if_open,
            # A burst's connections are given back to Postgres a minute after it (asyncpg's
            # default keeps them five).
            max_inactive_connection_lifetime=60.0,
            **self._options,
        )

    async def close(self) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            await pool.close()

    @property
    def pool(self) -> asyncpg.Pool:
        if self._pool is None:
            raise RuntimeError(f"{type(self).__name__} is not open")
        return self._pool

    async def fetch(self, query: str, *args: Any) -> list[asyncpg.Record]:
        async with self.pool.acquire(timeout=self.timeout) as conn:
            return await conn.fetch(query, *args)  # type: ignore[no-any-return]

    async def fetchrow(self, query: str, *args: Any) -> asyncpg.Record | None:
        async with self.pool.acquire(timeout=self.timeout) as conn:
            return await conn.fetchrow(query, *args)

    async def execute(self, query: str, *args: Any) -> None:
        async with self.pool.acquire(timeout=self.timeout) as conn:
            await conn.execute(query, *args)
