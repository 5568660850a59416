"""What the metrics read from the database: the queue of pending runs (every process on
the database sees the same figures)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from ..domain.states import RunStatus
from . import autocommit


@dataclass(frozen=True, slots=True)
class QueueStats:
    pending: int
    oldest_pending_seconds: float  # 0 when none is pending


class StatsStore:
    def __init__(self, engine: AsyncEngine) -> None:
        self.reads = autocommit(engine)

    async def queue(self) -> QueueStats:
        """Pending runs and the age of the oldest (by the database's clock); a delayed run's
        age counts from when it came due (one not yet due has waited for nothing). The
        partial index on pending runs keeps this cheap however many runs have ended."""
        async with self.reads.connect() as conn:
            count, age = (
                await conn.execute(
                    text(
                        "SELECT count(*), greatest(coalesce(extract(epoch FROM now()"
                        " - min(coalesce(not_before, created_at))), 0), 0)"
                        # A literal, not a parameter: a generic plan could not use
                        # the partial index on pending runs.
                        f" FROM runs WHERE status = '{RunStatus.PENDING.value}'"
                    )
                )
            ).one()
        return QueueStats(int(count), float(age))
