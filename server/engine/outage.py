"""Riding through a short database outage where a client is already waiting.

A wait or a stream has a run that exists; when Postgres restarts under it, answering 503
would make the client create the run again. Instead the read is retried (with backoff)
for up to `OUTAGE_GRACE` seconds; the notifier wakes every waiter when its connection is
back, and the next read sees what happened meanwhile.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

from ..database import unreachable

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
            if not unreachable(exc) or loop.time() + delay > deadline:
                raise
        await asyncio.sleep(delay)
        delay = min(delay * 2, 1.0)
