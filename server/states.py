"""The run and thread state machines, stated once.

Run:    pending -> running -> success | error | timeout | interrupted
        pending -> interrupted            (stopped before it started)
        running -> pending                (its worker died or drained; retried)
Thread: idle | interrupted | error -> busy   (a run is created on it)
        busy -> idle | interrupted | error   (its last active run ended)

The database enforces the rest: at most one `running` run per thread (a unique partial
index), runs of one thread claimed in creation order, a terminal run never changes again
(every transition names the status it leaves in its WHERE clause).
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


ACTIVE = frozenset({RunStatus.PENDING, RunStatus.RUNNING})
TERMINAL = frozenset({RunStatus.SUCCESS, RunStatus.ERROR, RunStatus.TIMEOUT, RunStatus.INTERRUPTED})

RUN_TRANSITIONS: dict[RunStatus, frozenset[RunStatus]] = {
    RunStatus.PENDING: frozenset({RunStatus.RUNNING, RunStatus.INTERRUPTED}),
    RunStatus.RUNNING: TERMINAL | {RunStatus.PENDING},
    **{status: frozenset() for status in TERMINAL},
}


def can_move(run: RunStatus, to: RunStatus) -> bool:
    return to in RUN_TRANSITIONS[run]


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
