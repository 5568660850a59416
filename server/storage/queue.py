"""The run queue as the worker sees it: claims, leases, hand-backs, recovery of runs whose
process died, and the sweeping of expired temporary threads and webhooks."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from ..domain.states import RunStatus, StopAction, StopReason, ThreadStatus
from . import autocommit, lifecycle, outbox, records, threads
from .owners import EVERYONE
from .records import RETURNING, RunRecord, run_record
from .tables import runs


class RunQueue:
    def __init__(self, engine: AsyncEngine, temporary_ttl: float) -> None:
        self.engine = engine
        self.reads = autocommit(engine)
        self.temporary_ttl = temporary_ttl

    async def claim(self, worker_id: str, lease: float, agent_ids: list[str]) -> RunRecord | None:
        """The next runnable run for this worker, now running under its lease; None if
        there is none."""
        try:
            # One statement, atomic on its own: no BEGIN and COMMIT round trips around it.
            async with self.reads.connect() as conn:
                return await lifecycle.claim(conn, worker_id, lease, agent_ids)
        except IntegrityError:
            return None

    async def renew(
        self, worker_id: str, run_ids: list[uuid.UUID], lease: float
    ) -> list[RunRecord]:
        """Extend the lease of the runs this worker executes; returns them, so stop
        requests whose notification was lost are seen here."""
        if not run_ids:
            return []
        async with self.reads.connect() as conn:
            rows = await conn.execute(
                text(
                    "UPDATE runs SET lease_expires_at = now() + make_interval(secs => :lease)"
                    " WHERE worker_id = :worker AND status = :running AND run_id = ANY(:ids)"
                    f" RETURNING {RETURNING}"
                ).bindparams(bindparam("ids", type_=ARRAY(runs.c.run_id.type))),
                {
                    "worker": worker_id,
                    "lease": lease,
                    "ids": run_ids,
                    "running": RunStatus.RUNNING.value,
                },
            )
            return [run_record(row) for row in rows]

    async def release(self, worker_id: str, run_ids: list[uuid.UUID], *, max_attempts: int) -> None:
        """A draining worker hands its runs back to the queue, for another process; a run
        out of attempts (or asked to stop) ends `interrupted` with stop reason `shutdown`
        (or its own) instead."""
        for run_id in run_ids:
            async with self.engine.begin() as conn:
                run = await self._locked(conn, run_id)
                if run is None or run.status != RunStatus.RUNNING or run.worker_id != worker_id:
                    continue
                if run.attempt >= max_attempts or run.stop_requested_at is not None:
                    await lifecycle.finish(
                        conn,
                        run,
                        RunStatus.INTERRUPTED,
                        stop_reason=StopReason(run.stop_reason or StopReason.SHUTDOWN),
                        action=StopAction(run.stop_action) if run.stop_action else None,
                        temporary_ttl=self.temporary_ttl,
                    )
                else:
                    await lifecycle.requeue(conn, run)

    async def next_expiry(self) -> float | None:
        """Seconds until the earliest lease of a running run expires (negative: expired
        already); None if no run is running."""
        return await self._seconds_until("lease_expires_at", "status = :status", RunStatus.RUNNING)

    async def next_due(self) -> float | None:
        """Seconds until the earliest delayed pending run is due; None if no run waits for
        its time. A run due for more than a second is left out: it was claimable at the
        last claim (if it still waits, it waits for its thread, whose next run's start is
        notified), so it is not polled for."""
        return await self._seconds_until(
            "not_before",
            "status = :status AND not_before IS NOT NULL"
            " AND not_before > clock_timestamp() - interval '1 second'",
            RunStatus.PENDING,
        )

    async def _seconds_until(self, column: str, where: str, status: RunStatus) -> float | None:
        """Seconds from now to the earliest `column` of the runs in `status` that match
        `where` (fixed SQL of this module); None if there is none."""
        async with self.reads.connect() as conn:
            left = (
                await conn.execute(
                    text(
                        f"SELECT extract(epoch FROM min({column}) - clock_timestamp())"
                        f" FROM runs WHERE {where}"
                    ),
                    {"status": status.value},
                )
            ).scalar()
        return None if left is None else float(left)

    async def recover_expired(self, max_attempts: int) -> int:
        """Runs whose worker stopped renewing its lease: retried while attempts remain,
        else ended `error`; a run asked to stop ends `interrupted`. Threads never stay busy."""
        async with self.reads.connect() as conn:
            expired = (
                await conn.execute(
                    text(
                        "SELECT run_id FROM runs WHERE status = :running"
                        " AND lease_expires_at < now() ORDER BY lease_expires_at LIMIT 100"
                    ),
                    {"running": RunStatus.RUNNING.value},
                )
            ).all()
        for (run_id,) in expired:
            async with self.engine.begin() as conn:
                run = await self._locked(conn, run_id)
                if run is None or run.status != RunStatus.RUNNING or not _expired(run):
                    continue
                if run.stop_requested_at is not None:
                    await lifecycle.finish(
                        conn,
                        run,
                        RunStatus.INTERRUPTED,
                        stop_reason=StopReason(run.stop_reason) if run.stop_reason else None,
                        action=StopAction(run.stop_action) if run.stop_action else None,
                        temporary_ttl=self.temporary_ttl,
                    )
                elif run.attempt < max_attempts:
                    await lifecycle.requeue(conn, run)
                else:
                    error = {"type": "WorkerLost", "message": "the process running it stopped"}
                    await lifecycle.finish(
                        conn, run, RunStatus.ERROR, error=error, temporary_ttl=self.temporary_ttl
                    )
        return len(expired)

    async def sweep_temporary_threads(self) -> None:
        async with self.reads.connect() as conn:
            await conn.execute(
                text("DELETE FROM threads WHERE expires_at < now() AND status <> :busy"),
                {"busy": ThreadStatus.BUSY.value},
            )

    async def take_webhooks(self, limit: int = 20) -> list[tuple[str, RunRecord]]:
        """Webhooks to deliver: (url, the run as it ended)."""
        async with self.engine.begin() as conn:
            return await outbox.take(conn, limit)

    async def _locked(self, conn: AsyncConnection, run_id: uuid.UUID) -> RunRecord | None:
        """The run, read again under its thread's lock (None if it is gone)."""
        run = await records.read(conn, EVERYONE, run_id)
        if run is None:
            return None
        await threads.get(conn, EVERYONE, run.thread_id, lock=True)
        return await records.read(conn, EVERYONE, run_id)


def _expired(run: RunRecord) -> bool:
    return run.lease_expires_at is not None and run.lease_expires_at < datetime.now(UTC)
