"""Resuming an interrupted thread: which answer goes to which pending interrupt."""

from __future__ import annotations

from typing import Any

from .errors import Invalid


def resume_map(pending: list[dict[str, Any]], value: Any) -> dict[str, Any]:
    """Map each pending interrupt id to its answer.

    `value` is either a map from interrupt ids to answers (it must answer every pending
    interrupt) or, when exactly one interrupt is pending, the answer itself. Anything else
    is a 422 `interrupts_unanswered` that lists the pending ids (the issue's rule: the body
    cannot be processed as an answer to this thread's questions)."""
    ids = [p["id"] for p in pending]
    if isinstance(value, dict) and value and set(value) <= set(ids):
        missing = [i for i in ids if i not in value]
        if missing:
            raise _unanswered(
                f"the thread has {len(ids)} pending interrupts; `input` answers only some",
                missing=missing,
                pending=ids,
            )
        return {i: value[i] for i in ids}
    if len(ids) == 1:
        return {ids[0]: value}
    raise _unanswered(
        f"the thread has {len(ids)} pending interrupts: `input` must map each interrupt id "
        "to its answer",
        pending=ids,
    )


def _unanswered(message: str, **metadata: Any) -> Invalid:
    return Invalid(message, code="interrupts_unanswered", **metadata)
