"""The events a run streams, stored with it: appended by the worker (in the transaction of
the step that made them), read by any process that streams the run."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import bindparam, func, select, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.types import Text

from . import channels, jsonb
from .records import StoredEvent
from .tables import run_events

_APPEND = text(
    "INSERT INTO run_events (run_id, seq, event, data)"
    " SELECT :r, base.n + e.ord, e.event, e.data::jsonb"
    " FROM (SELECT coalesce(max(seq), 0) AS n FROM run_events WHERE run_id = :r) base,"
    " unnest(:events, :datas) WITH ORDINALITY AS e(event, data, ord)"
).bindparams(bindparam("events", type_=ARRAY(Text)), bindparam("datas", type_=ARRAY(Text)))


async def append(
    conn: AsyncConnection,
    run_id: uuid.UUID,
    events: list[tuple[str, Any]],
    *,
    notify: bool = True,
) -> None:
    """Append events to the run's log; `notify=False` when the caller notifies the run's
    channel itself, in a statement it shares with other notifications."""
    if not events:
        return
    await conn.execute(
        _APPEND,
        {
            "r": run_id,
            "events": [e for e, _ in events],
            "datas": [jsonb.dumps(d, default=str) for _, d in events],
        },
    )
    if notify:
        await channels.notify(conn, channels.written(run_id))


async def after(
    conn: AsyncConnection, run_id: uuid.UUID, seq: int, limit: int
) -> list[StoredEvent]:
    rows = await conn.execute(
        select(run_events.c.seq, run_events.c.event, run_events.c.data)
        .where(run_events.c.run_id == run_id, run_events.c.seq > seq)
        .order_by(run_events.c.seq)
        .limit(limit)
    )
    return [StoredEvent(*row) for row in rows]


async def last_seq(conn: AsyncConnection, run_id: uuid.UUID) -> int:
    found = (
        await conn.execute(
            select(func.coalesce(func.max(run_events.c.seq), 0)).where(
                run_events.c.run_id == run_id
            )
        )
    ).scalar_one()
    return int(found)
