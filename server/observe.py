"""What happens to runs, told to the log and the metrics: one call per event from the engine.

Lines go to the `ap_server.runs` logger with the run's ids as fields (`run_id`,
`thread_id`, `agent_id`, ...): created, started, retried, ended (with status and stop
reason), recovered, handed back; an agent's exception with its traceback (the run's own
`error` keeps only its type and message).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any, Protocol

from . import metrics, tracing

log = logging.getLogger("ap_server.runs")


class Run(Protocol):  # what is read of a run (storage's RunRecord)
    run_id: Any
    thread_id: Any
    agent_id: str
    status: str
    attempt: int
    started_at: datetime | None
    ended_at: datetime | None
    stop_reason: str | None
    stop_requested_at: datetime | None
    error: dict[str, Any] | None


def _ids(run: Run) -> dict[str, Any]:
    return {"run_id": str(run.run_id), "thread_id": str(run.thread_id), "agent_id": run.agent_id}


def run_created(run: Run) -> None:
    metrics.runs_created.labels(run.agent_id).inc()
    log.info("run created", extra=_ids(run))


def run_started(run: Run) -> None:
    metrics.runs_started.inc()
    tracing.run_started(run)
    if run.attempt > 1:
        metrics.runs_retried.inc()
        log.warning(
            "run retried: attempt %d (its earlier process stopped)",
            run.attempt,
            extra={**_ids(run), "attempt": run.attempt},
        )
    else:
        log.info("run started", extra=_ids(run))


def run_ended(run: Run) -> None:
    """A run has become terminal (called once per run, where it ends)."""
    metrics.runs_ended.labels(run.status, run.stop_reason or "none").inc()
    tracing.run_ended(run, run.status, run.stop_reason)
    if run.started_at and run.ended_at:
        metrics.run_duration.labels(run.status).observe(
            (run.ended_at - run.started_at).total_seconds()
        )
    if run.stop_requested_at and run.ended_at:
        metrics.stop_latency.observe((run.ended_at - run.stop_requested_at).total_seconds())
    fields: dict[str, Any] = {**_ids(run), "status": run.status}
    if run.stop_reason:
        fields["stop_reason"] = run.stop_reason
    if run.error:
        fields["error"] = run.error.get("type")
    log.info("run ended", extra=fields)


def agent_failed(run: Run, exc: BaseException) -> None:
    """The agent raised: the traceback goes to the log only."""
    metrics.agent_errors.labels(run.agent_id).inc()
    log.error("agent %s raised %s", run.agent_id, type(exc).__name__, exc_info=exc, extra=_ids(run))


def runs_recovered(count: int | None) -> None:
    if count:
        metrics.runs_recovered.inc(count)
        log.warning("recovered %d run(s) whose process stopped renewing its lease", count)


def draining(count: int, grace: float) -> None:
    if count:
        log.info(
            "shutting down: %d run(s) going on get up to %.0f s to end (Ctrl-C again: now)",
            count,
            grace,
        )


def handed_back(runs: list[Run]) -> None:
    """Runs this process gives back to the queue as it shuts down."""
    for run in runs:
        tracing.run_ended(run, "handed back")
    if runs:
        metrics.runs_handed_back.inc(len(runs))
        log.warning("handed %d run(s) back to the queue for another process", len(runs))


def run_lost(run: Run) -> None:
    """Another process took the run over (this one's lease had expired)."""
    tracing.run_ended(run, "lost")
    log.warning("run taken over by another process after its lease expired", extra=_ids(run))


def webhook_finished(delivered: bool) -> None:
    metrics.webhooks.labels("delivered" if delivered else "failed").inc()
