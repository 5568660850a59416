"""The storage layer: all SQL of the server lives in this package."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine


def autocommit(engine: AsyncEngine) -> AsyncEngine:
    """The same pool for reads, without BEGIN and ROLLBACK around them: two round trips
    fewer per read. Under READ COMMITTED each statement sees its own snapshot anyway, so a
    read of several statements sees nothing it would not have inside a transaction. Writes
    keep `engine.begin()`, except a write that is one statement (atomic on its own), on the
    hot path: claiming a run."""
    return engine.execution_options(isolation_level="AUTOCOMMIT")
