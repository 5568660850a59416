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
    `options` go to `asyncpg.create_pool` (e.g. `init`)."""

    def __init__(self, dsn: str, size: int, **options: Any) -> None:
        self.dsn = dsn
        self.size = size
        self._options = options
        self._pool: asyncpg.Pool | None = None

    async def open(self) -> None:
        self._pool = await asyncpg.create_pool(
            self.dsn, min_size=1, max_size=self.size, reset=rollback_if_open, **self._options
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
