"""The run and thread state machines, stated once, and the enums of the run engine.

Run:    (new) -> pending | running        (running: created and claimed at once, by a
                                           process with a free worker slot)
        pending -> running -> success | error | timeout | interrupted
        pending -> interrupted            (stopped before it started)
        running -> pending                (its worker died or drained; retried)
Thread: idle | interrupted | error -> busy   (a run is created on it)
        busy -> idle | interrupted | error   (its last active run ended)

Every status-changing statement (storage/lifecycle.py) takes its source statuses from
`RUN_TRANSITIONS` (`sources`), so a move that is not in the table cannot be written; the
database enforces the rest: at most one `running` run per thread (a unique partial index),
runs of one thread claimed in creation order, a terminal run never changes again.

The enums mirror the spec's (`ap_generated.models`) and the migrations' CHECK constraints;
tests/unit/test_states.py fails if they drift apart.
"""

from __future__ import annotations

from enum import StrEnum


class RunStatus(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    SUCCESS = "success"
    ERROR = "error"
    TIMEOUT = "timeout"
    INTERRUPTED = "interrupted"


class ThreadStatus(StrEnum):
    IDLE = "idle"
    BUSY = "busy"
    INTERRUPTED = "interrupted"
    ERROR = "error"


class StopReason(StrEnum):
    """Why a run was stopped (recorded on it; None: it was not stopped)."""

    USER = "user"
    TIMEOUT = "timeout"
    DISCONNECT = "disconnect"
    SUPERSEDED = "superseded"
    SHUTDOWN = "shutdown"


class StopAction(StrEnum):
    """What a stop does with the run's work: keep it, or erase the run and what it wrote."""

    INTERRUPT = "interrupt"
    ROLLBACK = "rollback"


class MultitaskStrategy(StrEnum):
    """What a new run does on a thread that already has an active run."""

    REJECT = "reject"
    ENQUEUE = "enqueue"
    INTERRUPT = "interrupt"
    ROLLBACK = "rollback"


ACTIVE = frozenset({RunStatus.PENDING, RunStatus.RUNNING})
CREATED = ACTIVE  # the statuses a run may be created in
TERMINAL = frozenset({RunStatus.SUCCESS, RunStatus.ERROR, RunStatus.TIMEOUT, RunStatus.INTERRUPTED})

RUN_TRANSITIONS: dict[RunStatus, frozenset[RunStatus]] = {
    RunStatus.PENDING: frozenset({RunStatus.RUNNING, RunStatus.INTERRUPTED}),
    RunStatus.RUNNING: TERMINAL | {RunStatus.PENDING},
    **{status: frozenset() for status in TERMINAL},
}

THREAD_TRANSITIONS: dict[ThreadStatus, frozenset[ThreadStatus]] = {
    ThreadStatus.IDLE: frozenset({ThreadStatus.BUSY}),
    ThreadStatus.INTERRUPTED: frozenset({ThreadStatus.BUSY}),
    ThreadStatus.ERROR: frozenset({ThreadStatus.BUSY}),
    # A new run on a busy thread (enqueue, interrupt, rollback) leaves it busy.
    ThreadStatus.BUSY: frozenset(ThreadStatus),
}


class IllegalTransition(ValueError):
    """A status change the state machine does not allow (a bug, never a client's error)."""


def can_move(run: RunStatus, to: RunStatus) -> bool:
    return to in RUN_TRANSITIONS[run]


def sources(to: RunStatus, *, among: frozenset[RunStatus] | None = None) -> list[str]:
    """The statuses a run may leave for `to` (restricted to `among`): what a statement
    moving runs to `to` names in its WHERE clause. Raises if none is allowed."""
    found = [
        s.value for s in RunStatus if to in RUN_TRANSITIONS[s] and (among is None or s in among)
    ]
    if not found:
        raise IllegalTransition(f"no run moves from {sorted(among or ())} to {to}")
    return found


def thread_sources(to: ThreadStatus) -> list[str]:
    """The statuses a thread may leave for `to`."""
    return [s.value for s in ThreadStatus if to in THREAD_TRANSITIONS[s]]


def thread_after(run: RunStatus, *, stopped: bool) -> ThreadStatus:
    """The thread's status once its last active run ended in `run`.

    A stopped run (cancel, timeout, disconnect, superseded, shutdown) leaves the thread
    idle: a stop is not a question to a human, so it never leaves it `interrupted`."""
    if stopped:
        return ThreadStatus.IDLE
    if run is RunStatus.ERROR:
        return ThreadStatus.ERROR
    if run is RunStatus.INTERRUPTED:
        return ThreadStatus.INTERRUPTED
    return ThreadStatus.IDLE


def end_status(outcome: RunStatus, stop_reason: StopReason | None) -> RunStatus:
    """How a running run ends: what its agent did (`outcome`), unless it was stopped. An
    error stays an error; otherwise a stop for `timeout` ends it `timeout`, any other stop
    `interrupted`."""
    if stop_reason is None or outcome is RunStatus.ERROR:
        return outcome
    return RunStatus.TIMEOUT if stop_reason is StopReason.TIMEOUT else RunStatus.INTERRUPTED


def stronger_action(current: StopAction | None, requested: StopAction) -> StopAction:
    """Of two stop requests on one run, rollback wins; otherwise the first one stands."""
    if requested is StopAction.ROLLBACK or current is None:
        return requested
    return current


def superseding_action(strategy: MultitaskStrategy) -> StopAction | None:
    """What a new run on a busy thread does to the active ones: None leaves them be."""
    if strategy is MultitaskStrategy.ROLLBACK:
        return StopAction.ROLLBACK
    if strategy is MultitaskStrategy.INTERRUPT:
        return StopAction.INTERRUPT
    return None
