"""Webhooks to deliver: written with the run's ending, in the same transaction, so every
ending (including one a rollback erases) is delivered once, by one process.

The outbox keeps the run as it ended (its row as JSON); the payload a webhook receives is
shaped at delivery, by whoever delivers (storage knows no response shapes)."""

from __future__ import annotations

from dataclasses import fields

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from . import channels
from .records import RunRecord

_COLUMNS = ", ".join(f"r.{f.name}" for f in fields(RunRecord))


async def put(conn: AsyncConnection, run: RunRecord) -> None:
    """The ended `run` (still in its table) goes to its webhook."""
    await conn.execute(
        text(
            "INSERT INTO webhook_outbox (run_id, url, payload)"
            " SELECT run_id, webhook, to_jsonb(runs.*) FROM runs WHERE run_id = :r"
        ),
        {"r": run.run_id},
    )
    await channels.notify(conn, channels.webhook_queued())


async def take(conn: AsyncConnection, limit: int) -> list[tuple[str, RunRecord]]:
    """Webhooks to deliver, oldest first, each taken by one process, once."""
    rows = await conn.execute(
        text(
            "WITH taken AS (DELETE FROM webhook_outbox WHERE id IN (SELECT id FROM webhook_outbox"
            " ORDER BY id LIMIT :n FOR UPDATE SKIP LOCKED) RETURNING id, url, payload)"
            f" SELECT taken.url, {_COLUMNS} FROM taken,"
            " jsonb_populate_record(NULL::runs, taken.payload) r ORDER BY taken.id"
        ),
        {"n": limit},
    )
    return [
        (row.url, RunRecord(**{k: v for k, v in row._mapping.items() if k != "url"}))
        for row in rows
    ]
