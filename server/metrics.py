"""Prometheus metrics (prometheus-client), served at GET /metrics.

Each `ap-server serve` process serves its own figures on its own port: scrape every
process (Prometheus tells them apart by `instance`); counters and histograms count what
that process did. The queue gauges are read from the database at each scrape, so every
process reports the same value for them: aggregate those with max(), not sum(). The
process_* and python_* series are the client library's defaults.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    Counter,
    Gauge,
    Histogram,
    Info,
    disable_created_metrics,
    generate_latest,
)
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

if TYPE_CHECKING:
    from .storage.stats import QueueStats

log = logging.getLogger("ap_server.metrics")
disable_created_metrics()  # type: ignore[no-untyped-call]  # no `*_created` series
METRICS_PATH = "/metrics"

# Latency buckets from 1 ms (a cached read) to a minute (a long wait).
LATENCY = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
# Run durations: agents take from milliseconds to many minutes.
DURATION = (0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600)

http_requests = Counter(
    "ap_http_requests",
    "HTTP requests answered, by operation (operationId, or the route), method and status.",
    ["operation", "method", "status"],
)
http_latency = Histogram(
    "ap_http_request_duration_seconds",
    "Time from a request to its response's headers (for an event stream: to its start).",
    ["operation", "method"],
    buckets=LATENCY,
)
open_streams = Gauge(
    "ap_http_open_streams",
    "Streams open now, by kind: sse (event-stream responses) or websocket.",
    ["kind"],
)
runs_created = Counter("ap_runs_created", "Runs created through this process, by agent.", ["agent"])
runs_ended = Counter(
    "ap_runs_ended",
    "Runs ended by this process (or by a stop it handled), by status and stop reason.",
    ["status", "stop_reason"],
)
runs_started = Counter("ap_runs_started", "Run executions started by this process's worker.")
runs_retried = Counter(
    "ap_runs_retried", "Executions that were a retry (the run's earlier process died)."
)
runs_recovered = Counter(
    "ap_runs_recovered", "Runs found with an expired lease (their process died) and recovered."
)
runs_handed_back = Counter(
    "ap_runs_handed_back", "Runs handed back to the queue by this process on shutdown."
)
agent_errors = Counter("ap_agent_errors", "Runs whose agent raised, by agent.", ["agent"])
run_duration = Histogram(
    "ap_run_duration_seconds",
    "From a run's start to its end, by status.",
    ["status"],
    buckets=DURATION,
)
stop_latency = Histogram(
    "ap_run_stop_seconds",
    "From a stop request (cancel, timeout, shutdown) to the run being terminal.",
    buckets=LATENCY,
)
queue_depth = Gauge("ap_runs_queue_depth", "Pending runs in the database (all processes).")
oldest_pending = Gauge(
    "ap_runs_oldest_pending_seconds", "Age of the oldest pending run (0 when none is pending)."
)
executing = Gauge("ap_runs_executing", "Runs this process executes now.")
pool_in_use = Gauge("ap_db_pool_in_use", "Database connections of this process in use now.")
pool_size = Gauge("ap_db_pool_size", "Database connections this process keeps open now.")
server_info = Info(
    "ap_server",
    "This process: its version and worker id (host:pid:random, as in the runs' worker_id).",
)
webhooks = Counter(
    "ap_webhook_deliveries",
    "Webhook deliveries finished, by outcome (delivered, failed).",
    ["outcome"],
)
webhooks_pending = Gauge(
    "ap_webhook_deliveries_pending",
    "Webhook deliveries this process took from the outbox and has not finished (retrying ones too).",
)


def metrics_routes(
    queue: Callable[[], Awaitable[QueueStats]],
    pool: Any,  # SQLAlchemy's QueuePool (its base class declares no checkedout/checkedin)
    running: Callable[[], int],
    webhooks_sending: Callable[[], int],
) -> list[Route]:
    """GET /metrics in Prometheus's text format. The gauges of the moment are read at each
    scrape: `queue()` from the database, the connection `pool`, the runs `running()`, the
    webhook deliveries under way `webhooks_sending()`."""

    async def metrics(request: Request) -> Response:
        try:
            stats = await queue()
        except Exception as exc:  # the database is out: serve the rest, as they were
            log.warning("metrics: the queue could not be read (%s)", type(exc).__name__)
        else:
            queue_depth.set(stats.pending)
            oldest_pending.set(stats.oldest_pending_seconds)
        executing.set(running())
        webhooks_pending.set(webhooks_sending())
        pool_in_use.set(pool.checkedout())
        pool_size.set(pool.checkedout() + pool.checkedin())
        return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)

    return [Route(METRICS_PATH, metrics, methods=["GET"], include_in_schema=False)]
