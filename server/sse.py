"""Server-sent events: framing, and a response that keeps the connection alive."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from starlette.responses import StreamingResponse

from .database import unreachable

log = logging.getLogger("ap_server")

HEARTBEAT_SECONDS = 15.0


@dataclass(frozen=True, slots=True)
class Event:
    event: str
    data: Any
    id: str | None = None

    def encode(self) -> bytes:
        head = f"id: {self.id}\n" if self.id is not None else ""
        body = json.dumps(self.data, separators=(",", ":"), default=str)
        return f"{head}event: {self.event}\ndata: {body}\n\n".encode()


async def _with_heartbeats(events: AsyncIterator[Event], every: float) -> AsyncIterator[bytes]:
    """Encode events as they come, and send a comment whenever none came for `every` s.

    The pending `anext` is kept across heartbeats, never cancelled, so the event source
    is not disturbed by the timer."""
    iterator = aiter(events)
    pending: asyncio.Future[Event] | None = None
    try:
        while True:
            pending = asyncio.ensure_future(anext(iterator))
            while not (await asyncio.wait({pending}, timeout=every))[0]:
                yield b": heartbeat\n\n"
            try:
                event = pending.result()
            except StopAsyncIteration:
                return
            except Exception as exc:
                if not unreachable(exc):
                    raise
                # The database stayed away: end the stream cleanly (no `end`), as on
                # shutdown; the client rejoins with Last-Event-ID.
                log.warning("stream ended: the database is unavailable (%r)", exc)
                return
            yield event.encode()
    finally:
        # The client went away (or the stream ended): stop the source, which runs its
        # own clean-up (a stream may stop its run when its client disconnects).
        if pending is not None and not pending.done():
            pending.cancel()
            await asyncio.wait({pending})
        if hasattr(iterator, "aclose"):
            await iterator.aclose()


def event_stream_response(
    events: AsyncIterator[Event],
    heartbeat: float = HEARTBEAT_SECONDS,
    headers: dict[str, str] | None = None,
) -> StreamingResponse:
    return StreamingResponse(
        _with_heartbeats(events, heartbeat),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no", **(headers or {})},
    )
