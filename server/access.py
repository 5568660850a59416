"""Every HTTP request and WebSocket: a request id, a line in the access log, the HTTP
metrics.

The id is the client's `X-Request-ID` when it sends a sane one (at most 128 characters of
letters, digits and `._:/@+=-`), else a new one; the response echoes it in `X-Request-ID`,
and every log record written while serving the request carries it (logs.request_id).
"""

from __future__ import annotations

import logging
import re
import time
import uuid

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ap_generated.operations import OPERATIONS

from . import logs, metrics, tracing

log = logging.getLogger("ap_server.access")
_SANE_ID = re.compile(r"[A-Za-z0-9._:/@+=-]{1,128}")
# The operation of a route, by method and path template: the metrics' label.
_OPERATIONS = {(op.method, op.path): op.operation_id for op in OPERATIONS}


class AccessMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await self._http(scope, receive, send)
        elif scope["type"] == "websocket":
            await self._websocket(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        rid = _request_id(scope)
        token = logs.request_id.set(rid)
        began = time.perf_counter()
        status, stream, latency = 500, False, None

        async def send_with_id(message: Message) -> None:
            nonlocal status, stream, latency
            if message["type"] == "http.response.start":
                status = message["status"]
                latency = time.perf_counter() - began
                headers = MutableHeaders(scope=message)
                headers["X-Request-ID"] = rid
                if headers.get("content-type", "").startswith("text/event-stream"):
                    stream = True
                    metrics.open_streams.labels("sse").inc()
            await send(message)

        with tracing.request_span(scope) as span:
            try:
                await self.app(scope, receive, send_with_id)
            finally:
                if stream:
                    metrics.open_streams.labels("sse").dec()
                took = time.perf_counter() - began
                method, operation = scope["method"], _operation(scope)
                metrics.http_requests.labels(operation, method, str(status)).inc()
                metrics.http_latency.labels(operation, method).observe(
                    took if latency is None else latency
                )
                span.finish(method, _route(scope), status, rid)
                path = scope.get("root_path", "") + scope["path"]
                log.info(
                    "%s %s %d %.1f ms",
                    method,
                    path,
                    status,
                    took * 1000,
                    extra={"operation": operation, "status": status},
                )
                logs.request_id.reset(token)

    async def _websocket(self, scope: Scope, receive: Receive, send: Send) -> None:
        """A WebSocket: counted open from its accept to its end; its access line when it
        ends, with 101 if it was accepted, else the code it was refused with."""
        rid = _request_id(scope)
        token = logs.request_id.set(rid)
        began = time.perf_counter()
        outcome: int | None = None

        async def watch(message: Message) -> None:
            nonlocal outcome
            if message["type"] == "websocket.accept" and outcome is None:
                outcome = 101
                message = {
                    **message,
                    "headers": [*message.get("headers", []), (b"x-request-id", rid.encode())],
                }
                metrics.open_streams.labels("websocket").inc()
            elif outcome is None and message["type"] in (
                "websocket.close",
                "websocket.http.response.start",  # refused with an HTTP response
            ):
                outcome = message.get("code") or message.get("status") or 1000
            await send(message)

        try:
            await self.app(scope, receive, watch)
        finally:
            if outcome == 101:
                metrics.open_streams.labels("websocket").dec()
            status = outcome or 500
            route = _route(scope)
            metrics.http_requests.labels(route, "WEBSOCKET", str(status)).inc()
            log.info(
                "WEBSOCKET %s %d %.1f ms",
                scope.get("root_path", "") + scope["path"],
                status,
                (time.perf_counter() - began) * 1000,
                extra={"operation": route, "status": status},
            )
            logs.request_id.reset(token)


def _request_id(scope: Scope) -> str:
    given = Headers(scope=scope).get("x-request-id", "")
    return given if _SANE_ID.fullmatch(given) else uuid.uuid4().hex


def _route(scope: Scope) -> str:
    """The path template of the route that served the request ("unmatched": none did, and
    no label is made per unknown path)."""
    return getattr(scope.get("route"), "path", None) or "unmatched"


def _operation(scope: Scope) -> str:
    route = _route(scope)
    return _OPERATIONS.get((scope["method"], route), route)
