"""Whether a new run may start on a thread, and what it does to the runs already there.

Pure: storage reads the thread under its lock, asks `admit`, and executes the answer in
the same transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from .. import interrupts
from ..errors import Conflict
from .states import MultitaskStrategy, StopAction, ThreadStatus, superseding_action


@dataclass(frozen=True, slots=True)
class Admission:
    """A new run is admitted: `supersede` says what to do to the thread's active runs
    (None: nothing), `resume` the answers to the pending interrupts, in the order they
    were asked (kept on the run, so a retry after a crash still has them)."""

    supersede: StopAction | None = None
    resume: list[dict[str, Any]] | None = None


def admit(
    thread_id: uuid.UUID,
    status: ThreadStatus,
    pending: list[dict[str, Any]],
    *,
    strategy: MultitaskStrategy,
    is_resume: bool,
    answer: Any,
    from_checkpoint: bool = False,
) -> Admission:
    """The rules of a new run on a thread of `status` with `pending` interrupts. Raises
    Conflict (409) when it may not start, Invalid (422) when a resume answers wrongly.
    `from_checkpoint`: the run starts from a checkpoint it names (a branch), which
    abandons the pending questions, as on LangGraph's server."""
    if is_resume:
        if status is not ThreadStatus.INTERRUPTED:
            raise Conflict(
                f"thread {thread_id} is {status}, not interrupted: there is nothing to resume",
                code="thread_not_interrupted",
                thread_status=status.value,
            )
        answers = interrupts.resume_map(pending, answer)
        return Admission(resume=[{"id": i, "value": v} for i, v in answers.items()])
    # A thread interrupted with no question pending (a graph stopped before or after the
    # nodes a run named) takes any new run: it goes on from where the graph stopped. A
    # run from a checkpoint branches away from the question, which it abandons.
    if (
        status is ThreadStatus.INTERRUPTED
        and strategy is MultitaskStrategy.REJECT
        and pending
        and not from_checkpoint
    ):
        raise Conflict(
            f"thread {thread_id} is interrupted, waiting for an answer: resume it"
            " with PATCH /runs/resume, or create the run with another multitask_strategy"
            " to abandon the pending interrupts",
            code="thread_interrupted",
            interrupts=pending,
        )
    if status is ThreadStatus.BUSY:
        if strategy is MultitaskStrategy.REJECT:
            raise Conflict(
                f"thread {thread_id} already has an active run (multitask_strategy is reject)",
                code="thread_busy",
            )
        return Admission(supersede=superseding_action(strategy))
    return Admission()
