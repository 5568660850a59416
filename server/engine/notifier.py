"""LISTEN/NOTIFY: one connection per process, fanned out to in-process waiters.

A `Subscription` to a channel (optionally only for one key: the payload's first word,
e.g. a run id) is woken on each matching notification and keeps the last payload. If the
connection drops, it reconnects and wakes every subscription, since notifications may
have been lost meanwhile; waiters re-read the database after waking, so a spurious wake
costs one query.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import defaultdict
from collections.abc import Callable, Iterator

import asyncpg

from ..storage import channels

log = logging.getLogger("ap_server.notifier")


class Subscription:
    def __init__(self) -> None:
        self.event = asyncio.Event()
        self.payload: str | None = None

    def notify(self, payload: str | None) -> None:
        self.payload = payload
        self.event.set()

    def clear(self) -> None:
        self.event.clear()

    async def wait(self, timeout: float) -> bool:
        """Whether a notification came within `timeout` seconds."""
        try:
            await asyncio.wait_for(self.event.wait(), timeout)
        except TimeoutError:
            return False
        return True


class Notifier:
    def __init__(self, dsn: str, channels: tuple[str, ...]) -> None:
        self.dsn = dsn
        self.channels = channels
        self._subscriptions: dict[tuple[str, str | None], set[Subscription]] = defaultdict(set)
        self._callbacks: dict[str, list[Callable[[str], None]]] = defaultdict(list)
        self._task: asyncio.Task[None] | None = None
        self._connected = asyncio.Event()

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="ap-notifier")
        await asyncio.wait_for(self._connected.wait(), timeout=30)

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    @contextlib.contextmanager
    def subscribe(self, channel: str, key: str | None = None) -> Iterator[Subscription]:
        subscription = Subscription()
        slot = (channel, key)
        self._subscriptions[slot].add(subscription)
        try:
            yield subscription
        finally:
            self._subscriptions[slot].discard(subscription)
            if not self._subscriptions[slot]:
                del self._subscriptions[slot]

    def wake(self, channel: str) -> None:
        """Wake every subscription to `channel` (whatever its key), with no payload."""
        for (subscribed, _), subscriptions in self._subscriptions.items():
            if subscribed == channel:
                for subscription in subscriptions:
                    subscription.notify(None)

    def on_payload(self, channel: str, callback: Callable[[str], None]) -> None:
        """Call `callback(payload)` for every notification on `channel`."""
        self._callbacks[channel].append(callback)

    def _on_notify(self, connection: object, pid: int, channel: str, payload: str) -> None:
        key = channels.key(payload)
        for slot in ((channel, None), (channel, key)):
            for subscription in self._subscriptions.get(slot, ()):
                subscription.notify(payload)
        for callback in self._callbacks.get(channel, ()):
            callback(payload)

    def _wake_all(self) -> None:
        for subscriptions in self._subscriptions.values():
            for subscription in subscriptions:
                subscription.notify(None)

    async def _run(self) -> None:
        delay = 0.1
        while True:
            try:
                connection = await asyncpg.connect(self.dsn)
                try:
                    closed = asyncio.Event()
                    connection.add_termination_listener(lambda _, closed=closed: closed.set())
                    for channel in self.channels:
                        await connection.add_listener(channel, self._on_notify)
                    self._connected.set()
                    self._wake_all()
                    delay = 0.1
                    await closed.wait()
                finally:
                    with contextlib.suppress(Exception):
                        await connection.close(timeout=2)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("LISTEN connection lost (%s); reconnecting in %.1fs", exc, delay)
            self._connected.clear()
            await asyncio.sleep(delay)
            delay = min(delay * 2, 5.0)
