"""The thread streaming protocol over a WebSocket (`GET /threads/{thread_id}/stream`, and
`/langgraph/threads/{thread_id}/stream/events` where LangGraph's SDKs connect).

Text messages only: commands in; their responses and the events of the connection's
subscriptions out. The API key comes in a header, or as the `api_key` query parameter
(browsers cannot set headers on a WebSocket). A refused connection is accepted and closed
with 4000 + the HTTP status it would have had (4401, 4404, 4422, 4503), which the JS SDK
reads as that status. Ping/pong and the frame size limit are uvicorn's (`AP_WEBSOCKET_PING`,
`AP_MAX_BODY_BYTES`). When the server drains, sockets close with 1012 (service restart): a
client reconnects, to another process if need be, and subscribes again with `since` (or
sends `subscription.reconnect` with the run's `run_id` and its `last_event_id`) to get
what it missed.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import logging
import uuid
from collections.abc import Callable
from typing import Any, Protocol

from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from ..auth import ApiKeys
from ..errors import ApiError
from ..storage.owners import Scope
from . import protocol as p
from .feed import Feed, ResumeGap

log = logging.getLogger("ap_server.websocket")
PATHS = ("/threads/{thread_id}/stream", "/langgraph/threads/{thread_id}/stream/events")
SERVICE_RESTART = 1012


class StreamingHandlers(Protocol):
    """What the WebSocket needs of an owner's handlers (streaming/handlers.py)."""

    @property
    def feed(self) -> Feed: ...

    async def streaming_command(self, thread_id: uuid.UUID, payload: Any) -> dict[str, Any]: ...

    async def run_status(self, thread_id: uuid.UUID, run_id: uuid.UUID) -> str: ...


HandlersFor = Callable[[Scope], Any]  # the handlers of an owner: a StreamingHandlers


def websocket_routes(
    handlers_for: HandlersFor, keys: ApiKeys, max_open: int
) -> list[WebSocketRoute]:
    """`handlers_for(scope)` gives the handlers of an owner (their `streaming_command` and
    `feed`); `keys` authenticates; at most `max_open` sockets are open at once."""
    gate = _Gate(handlers_for, keys, max_open)
    return [WebSocketRoute(path, gate.serve) for path in PATHS]


class _Gate:
    def __init__(self, handlers_for: HandlersFor, keys: ApiKeys, max_open: int) -> None:
        self.handlers_for = handlers_for
        self.keys = keys
        self.max_open = max_open
        self.open = 0

    async def serve(self, websocket: WebSocket) -> None:
        try:
            thread_id = uuid.UUID(websocket.path_params["thread_id"])
            headers = dict(websocket.headers)
            if "api_key" in websocket.query_params:
                headers.setdefault("x-api-key", websocket.query_params["api_key"])
            scope = self.keys.authenticate(headers)
            handlers: StreamingHandlers = self.handlers_for(scope)
            feed = handlers.feed
            await feed.check(thread_id)
        except ValueError:
            return await _refuse(websocket, 4422, "thread_id must be a UUID")
        except ApiError as error:
            return await _refuse(websocket, 4000 + error.status, error.message)
        if self.open >= self.max_open:
            return await _refuse(websocket, 4503, "too many open WebSockets; retry later")
        self.open += 1
        try:
            await websocket.accept()
            await _Connection(websocket, thread_id, handlers, feed).run()
        finally:
            self.open -= 1


def _event_id(value: Any) -> int:
    """An event id this server gave (the event's `seq`), as a cursor; none: 0."""
    if value is None:
        return 0
    try:
        since = int(value)
    except (TypeError, ValueError):
        raise p.invalid("`last_event_id` must be an event id this server gave") from None
    return p.parse_since({"since": since})


async def _refuse(websocket: WebSocket, code: int, reason: str) -> None:
    await websocket.accept()
    await websocket.close(code=code, reason=reason[:120])


class _Connection:
    def __init__(
        self, websocket: WebSocket, thread_id: uuid.UUID, handlers: StreamingHandlers, feed: Feed
    ) -> None:
        self.websocket = websocket
        self.thread_id = thread_id
        self.handlers = handlers
        self.feed = feed
        self.subscriptions: dict[str, p.Filter] = {}
        self.sending = asyncio.Lock()
        # Held while an event is matched and sent, and while a new subscription is added
        # and caught up: an event is never both missed and sent twice.
        self.delivering = asyncio.Lock()
        self.origin = 0  # the thread's last event when this connection opened
        self.delivered = 0  # the last event the follower has dealt with
        self.follower: asyncio.Task[None] | None = None

    async def run(self) -> None:
        self.origin = await self.feed.head(self.thread_id)
        self._follow(self.origin)
        receiving = asyncio.ensure_future(self._receive())
        draining = asyncio.ensure_future(self.feed.closing.wait())
        try:
            await asyncio.wait({receiving, draining}, return_when=asyncio.FIRST_COMPLETED)
            if draining.done():
                with contextlib.suppress(Exception):
                    await self.websocket.close(SERVICE_RESTART, "server shutting down")
        finally:
            for task in (receiving, draining, self.follower):
                if task is not None and not task.done():
                    task.cancel()
                    with contextlib.suppress(asyncio.CancelledError, Exception):
                        await task

    async def _receive(self) -> None:
        with contextlib.suppress(WebSocketDisconnect):
            while True:
                message = await self.websocket.receive()
                if message["type"] == "websocket.disconnect":
                    return
                raw = message.get("text")
                if raw is None:
                    await self._send(p.failure(None, p.invalid("send commands as text messages")))
                    continue
                try:
                    payload = json.loads(raw)
                except ValueError:
                    await self._send(p.failure(None, p.invalid("a command must be JSON")))
                    continue
                await self._send(await self._command(payload))

    async def _command(self, payload: Any) -> dict[str, Any]:
        method = payload.get("method") if isinstance(payload, dict) else None
        if method not in p.SUBSCRIPTION_METHODS:
            return await self.handlers.streaming_command(self.thread_id, payload)
        applied_through = await self.feed.head(self.thread_id)
        try:
            command = p.parse_command(payload)
            result = await self._subscription(command)
        except p.ProtocolError as error:
            command_id = payload.get("id") if isinstance(payload.get("id"), int) else None
            return p.failure(command_id, error)
        return p.success(command.id, result, applied_through)

    async def _subscription(self, command: p.Command) -> dict[str, Any]:
        params = command.params
        if command.method == "subscription.subscribe":
            wanted = p.parse_filter({k: v for k, v in params.items() if k != "since"})
            if "since" in params or not self.subscriptions:
                # The first subscription of a connection, like an SSE stream, replays the
                # thread's stored events after `since` (an extension; default: all of them)
                # and then follows: the SDKs open a socket per subscription after their
                # run.start, when a quick run may have asked its question already.
                since = p.parse_since(params)
                await self._check_since(since)
                self.subscriptions[wanted.id] = wanted
                replayed = await self._restart(since, [wanted])
            else:
                replayed = await self._catch_up(wanted)
            return {"subscription_id": wanted.id, "replayed_events": replayed}
        if command.method == "subscription.unsubscribe":
            subscription_id = p.text(params, "subscription_id")
            if self.subscriptions.pop(str(subscription_id), None) is None:
                raise p.ProtocolError(
                    "no_such_subscription", f"no subscription {subscription_id} here"
                )
            return {}
        if "channels" in params:
            return await self._resubscribe(params)
        return await self._reconnect(params)

    async def _reconnect(self, params: dict[str, Any]) -> dict[str, Any]:
        """`subscription.reconnect` as the protocol defines it (`run_id`, `last_event_id`,
        `subscriptions`): the run's events after `last_event_id` (from the run's first one
        without it) that the restored subscriptions (all of this connection's without
        `subscriptions`) match are resent; live events follow as before."""
        run_id = p.uuid_param(params, "run_id")
        assert run_id is not None
        since = _event_id(params.get("last_event_id"))
        restored = self._restored(params.get("subscriptions"))
        status = await self.handlers.run_status(self.thread_id, run_id)
        await self._check_since(since)
        async with self.delivering:
            missed = [
                event
                for event in await self.feed.replay(self.thread_id, since, run_id)
                if event["seq"] <= self.delivered and any(f.matches(event) for f in restored)
            ]
            for event in missed:
                await self._send(event)
        return {
            "restored": True,
            "missed_events": len(missed),
            "current_namespaces": [{"namespace": [], "status": status}],
        }

    async def _resubscribe(self, params: dict[str, Any]) -> dict[str, Any]:
        """`subscription.reconnect` as LangGraph's server takes it: a subscription (keeping
        the client's `subscription_id`, if it gives one) replayed from `since`."""
        if not isinstance(params.get("since"), int):
            raise p.invalid("subscription.reconnect with `channels` needs an integer `since`")
        since = p.parse_since(params)
        filter_params = {k: v for k, v in params.items() if k not in ("since", "subscription_id")}
        wanted = p.parse_filter(filter_params)
        subscription_id = p.text(params, "subscription_id", required=False)
        if subscription_id is not None:
            wanted = dataclasses.replace(wanted, id=subscription_id)
        await self._check_since(since)
        self.subscriptions[wanted.id] = wanted
        replayed = await self._restart(since, [wanted])
        return {"subscription_id": wanted.id, "replayed_events": replayed}

    def _restored(self, ids: Any) -> list[p.Filter]:
        if ids is None:
            return list(self.subscriptions.values())
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise p.invalid("`subscriptions` must be an array of subscription ids")
        unknown = [i for i in ids if i not in self.subscriptions]
        if unknown:
            raise p.ProtocolError(
                "no_such_subscription",
                f"no subscription {', '.join(unknown)} on this connection: subscribe again",
            )
        return [self.subscriptions[i] for i in ids]

    async def _check_since(self, since: int) -> None:
        try:
            await self.feed.check_since(self.thread_id, since)
        except ResumeGap as gap:
            raise p.ProtocolError("resume_gap", gap.message, fields=gap.metadata) from None

    async def _restart(self, since: int, filters: list[p.Filter]) -> int:
        """Follow from `since` again; how many stored events the filters match."""
        missed = sum(
            1
            for event in await self.feed.replay(self.thread_id, since)
            if any(f.matches(event) for f in filters)
        )
        if self.follower is not None:
            self.follower.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.follower
        self._follow(since)
        return missed

    async def _catch_up(self, wanted: p.Filter) -> int:
        """Add a subscription, first sending it what this connection has seen go by that
        no subscription took: a client that starts a run and then subscribes (as the
        SDKs do) gets the run's events even when the run was quicker than its subscribe."""
        async with self.delivering:
            others = list(self.subscriptions.values())
            self.subscriptions[wanted.id] = wanted
            missed = [
                event
                for event in await self.feed.replay(self.thread_id, self.origin)
                if event["seq"] <= self.delivered
                and wanted.matches(event)
                and not any(f.matches(event) for f in others)
            ]
            for event in missed:
                await self._send(event)
        return len(missed)

    def _follow(self, since: int) -> None:
        self.delivered = since
        self.follower = asyncio.ensure_future(self._deliver(since))

    async def _deliver(self, since: int) -> None:
        async for event in self.feed.follow(self.thread_id, since):
            async with self.delivering:
                if any(f.matches(event) for f in list(self.subscriptions.values())):
                    await self._send(event)
                self.delivered = max(self.delivered, event["seq"])

    async def _send(self, message: dict[str, Any]) -> None:
        async with self.sending:
            await self.websocket.send_text(json.dumps(message, default=str))
