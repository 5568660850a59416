"""Every HTTP request: a request id, a line in the access log, and the HTTP metrics.

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
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = Headers(scope=scope).get("x-request-id", "")
        rid = given if _SANE_ID.fullmatch(given) else uuid.uuid4().hex
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
                    metrics.open_streams.inc()
            await send(message)

        with tracing.request_span(scope) as span:
            try:
                await self.app(scope, receive, send_with_id)
            finally:
                if stream:
                    metrics.open_streams.dec()
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


def _route(scope: Scope) -> str:
    """The path template of the route that served the request ("unmatched": none did, and
    no label is made per unknown path)."""
    return getattr(scope.get("route"), "path", None) or "unmatched"


def _operation(scope: Scope) -> str:
    route = _route(scope)
    return _OPERATIONS.get((scope["method"], route), route)
