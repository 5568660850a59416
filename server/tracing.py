"""Optional OpenTelemetry tracing: a span per HTTP request and per run execution.

Spans go to OpenTelemetry's global tracer provider when `opentelemetry-api` is installed;
configure it the standard way, e.g. `opentelemetry-instrument ap-server serve` (from
`opentelemetry-distro`) with the `OTEL_*` variables (`OTEL_SERVICE_NAME`,
`OTEL_TRACES_EXPORTER`, `OTEL_EXPORTER_OTLP_ENDPOINT`, ...). A request's span continues the
client's trace (`traceparent`). Without the package, or with no SDK configured, nothing is
recorded and the calls cost next to nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from starlette.datastructures import Headers
from starlette.types import Scope

try:
    from opentelemetry import propagate, trace
except ImportError:  # the package is optional
    trace = None

_tracer = trace.get_tracer("ap_server") if trace is not None else None
_runs: dict[Any, Any] = {}  # run id -> the span of its execution in this process


class RequestSpan:
    """What the access middleware tells the request's span when the response is known."""

    def __init__(self, span: Any) -> None:
        self.span = span

    def finish(self, method: str, route: str, status: int, request_id: str) -> None:
        if self.span is None:
            return
        self.span.update_name(f"{method} {route}")
        self.span.set_attributes(
            {
                "http.route": route,
                "http.response.status_code": status,
                "ap.request_id": request_id,
            }
        )
        if status >= 500:
            self.span.set_status(trace.StatusCode.ERROR)


@contextlib.contextmanager
def request_span(scope: Scope) -> Iterator[RequestSpan]:
    """The span of one request, current while it is served."""
    if _tracer is None:
        yield RequestSpan(None)
        return
    parent = propagate.extract(Headers(scope=scope))
    span = _tracer.start_span(
        scope["method"],
        context=parent,
        kind=trace.SpanKind.SERVER,
        attributes={"http.request.method": scope["method"], "url.path": scope["path"]},
    )
    with trace.use_span(span, end_on_exit=True, record_exception=True):
        yield RequestSpan(span)


def run_started(run: Any) -> None:
    if _tracer is None:
        return
    _runs[run.run_id] = _tracer.start_span(
        f"run {run.agent_id}",
        attributes={
            "ap.run_id": str(run.run_id),
            "ap.thread_id": str(run.thread_id),
            "ap.agent_id": run.agent_id,
            "ap.attempt": run.attempt,
        },
    )


def run_ended(run: Any, status: str, stop_reason: str | None = None) -> None:
    span = _runs.pop(run.run_id, None)
    if span is None:
        return
    span.set_attribute("ap.status", status)
    if stop_reason:
        span.set_attribute("ap.stop_reason", stop_reason)
    if status == "error":
        span.set_status(trace.StatusCode.ERROR)
    span.end()
