"""The notification protocol: the LISTEN/NOTIFY channels, their payloads, and how they
are read. Storage sends them (delivered when the transaction commits); the engine's
notifier and service read them with `RunNotice.parse`.

- `ap_queue` (no payload): a run may have become claimable.
- `ap_events`: a run wrote events (payload: its id), or ended (payload:
  "<run_id> <status> <stop_reason>", so a waiter needs no query to learn that it ended,
  nor, after a rollback erased the run and its events, how).
- `ap_control` (payload: run id): a stop was requested for a running run.
- `ap_webhooks` (no payload): a webhook was written to the outbox.
- `ap_thread_events` (payload: thread id): events were added to a thread's log (sent by
  the triggers of migration 0004; read by server/streaming/feed.py).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

QUEUE, EVENTS, CONTROL, WEBHOOKS = "ap_queue", "ap_events", "ap_control", "ap_webhooks"
THREAD_EVENTS = "ap_thread_events"
CHANNELS = (QUEUE, EVENTS, CONTROL, WEBHOOKS, THREAD_EVENTS)

Message = tuple[str, str]


def queued() -> Message:
    return (QUEUE, "")


def written(run_id: uuid.UUID) -> Message:
    return (EVENTS, str(run_id))


def ended(run_id: uuid.UUID, status: str, stop_reason: str | None) -> Message:
    return (EVENTS, f"{run_id} {status} {stop_reason or ''}")


def stop_requested(run_id: uuid.UUID) -> Message:
    return (CONTROL, str(run_id))


def webhook_queued() -> Message:
    return (WEBHOOKS, "")


def key(payload: str | None) -> str | None:
    """What a subscription may filter on: the payload's first word (a run id)."""
    return payload.split(" ", 1)[0] if payload else None


@dataclass(frozen=True, slots=True)
class RunNotice:
    """A notification on `ap_events`, read. `payload=None` (a wake-up after a reconnect,
    or no notification at all) may mean anything: `may_have_ended` is then true."""

    run_id: str | None
    ended: bool
    status: str | None = None
    stop_reason: str | None = None

    @classmethod
    def parse(cls, payload: str | None) -> RunNotice:
        if not payload:
            return cls(None, False)
        parts = payload.split(" ")
        if len(parts) == 1:
            return cls(parts[0], False)
        return cls(parts[0], True, parts[1] or None, (parts[2] if len(parts) > 2 else "") or None)

    @property
    def may_have_ended(self) -> bool:
        return self.run_id is None or self.ended


async def notify(conn: AsyncConnection, *messages: Message) -> None:
    """NOTIFY each (channel, payload) in one round trip; delivered at commit."""
    calls = ", ".join(f"pg_notify(:c{i}, :p{i})" for i in range(len(messages)))
    params = {}
    for i, (channel, payload) in enumerate(messages):
        params[f"c{i}"], params[f"p{i}"] = channel, payload
    await conn.execute(text(f"SELECT {calls}"), params)
