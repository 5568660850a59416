"""Riding through a short database outage: a client already waiting, a run's own writes.

A wait or a stream has a run that exists; when Postgres restarts under it, answering 503
would make the client create the run again. Instead the read is retried (with backoff)
for up to `OUTAGE_GRACE` seconds; the notifier wakes every waiter when its connection is
back, and the next read sees what happened meanwhile. A run's writes (steps, events, its
ending) are retried likewise while its lease lasts: a run ends `error` only for its agent's
failure, never the database's.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

import asyncpg
from sqlalchemy.exc import SQLAlchemyError

from ..database import transient

T = TypeVar("T")
OUTAGE_GRACE = 30.0  # seconds a waiting read retries an unreachable database, then fails


async def through_outage(call: Callable[[], Awaitable[T]], grace: float = OUTAGE_GRACE) -> T:
    """`await call()`, retried while the database is unreachable, for up to `grace` s."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + grace
    delay = 0.05
    while True:
        try:
            return await call()
        except Exception as exc:
            if not transient(exc) or loop.time() + delay > deadline:
                raise
        await asyncio.sleep(delay)
        delay = min(delay * 2, 1.0)


def run_error(exc: BaseException) -> dict[str, str]:
    """The error a run records for an exception of its agent. One from the database driver
    (the server's own queries, or the agent's) never shows its text: it may carry SQL and
    connection details."""
    if isinstance(exc, (SQLAlchemyError, asyncpg.PostgresError, asyncpg.InterfaceError)):
        return {"type": "DatabaseError", "message": "a database operation of the run failed"}
    return {"type": type(exc).__name__, "message": str(exc)}
