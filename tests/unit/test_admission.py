"""Whether a new run may start on a thread (pure rules; no database)."""

from __future__ import annotations

import uuid

import pytest

from ap_server.domain.admission import admit
from ap_server.domain.states import MultitaskStrategy, StopAction, ThreadStatus
from ap_server.errors import Conflict, Invalid

T = uuid.uuid4()
ASKED = [{"id": "a", "value": "q1"}]
ASKED_TWO = [{"id": "a", "value": "q1"}, {"id": "b", "value": "q2"}]


def run_on(
    status,
    strategy=MultitaskStrategy.REJECT,
    *,
    resume=False,
    answer=None,
    pending=(),
    from_checkpoint=False,
):
    return admit(
        T,
        status,
        list(pending),
        strategy=strategy,
        is_resume=resume,
        answer=answer,
        from_checkpoint=from_checkpoint,
    )


def test_an_idle_thread_admits_a_run_and_supersedes_nothing():
    admission = run_on(ThreadStatus.IDLE)
    assert admission.supersede is None and admission.resume is None


@pytest.mark.parametrize(
    ("strategy", "action"),
    [
        (MultitaskStrategy.ENQUEUE, None),
        (MultitaskStrategy.INTERRUPT, StopAction.INTERRUPT),
        (MultitaskStrategy.ROLLBACK, StopAction.ROLLBACK),
    ],
)
def test_a_busy_thread_follows_the_strategy(strategy, action):
    assert run_on(ThreadStatus.BUSY, strategy).supersede is action


def test_a_busy_thread_rejects_by_default():
    with pytest.raises(Conflict) as refused:
        run_on(ThreadStatus.BUSY)
    assert refused.value.code == "thread_busy"


def test_an_interrupted_thread_refuses_a_plain_run_under_reject():
    with pytest.raises(Conflict) as refused:
        run_on(ThreadStatus.INTERRUPTED, pending=ASKED)
    assert refused.value.code == "thread_interrupted"
    assert refused.value.metadata["interrupts"] == ASKED
    assert run_on(ThreadStatus.INTERRUPTED, MultitaskStrategy.ENQUEUE).supersede is None


def test_a_run_from_a_checkpoint_abandons_the_pending_question_under_reject():
    admission = run_on(ThreadStatus.INTERRUPTED, pending=ASKED, from_checkpoint=True)
    assert admission.supersede is None and admission.resume is None
    with pytest.raises(Conflict) as refused:  # a busy thread still refuses it
        run_on(ThreadStatus.BUSY, from_checkpoint=True)
    assert refused.value.code == "thread_busy"


@pytest.mark.parametrize("status", [ThreadStatus.IDLE, ThreadStatus.BUSY, ThreadStatus.ERROR])
def test_only_an_interrupted_thread_can_be_resumed(status):
    with pytest.raises(Conflict) as refused:
        run_on(status, resume=True, answer="yes")
    assert refused.value.code == "thread_not_interrupted"
    assert refused.value.metadata["thread_status"] == status.value


def test_a_resume_maps_answers_to_the_pending_interrupts_in_order():
    admission = run_on(ThreadStatus.INTERRUPTED, resume=True, answer="yes", pending=ASKED)
    assert admission.resume == [{"id": "a", "value": "yes"}]
    admission = run_on(
        ThreadStatus.INTERRUPTED, resume=True, answer={"b": 2, "a": 1}, pending=ASKED_TWO
    )
    assert admission.resume == [{"id": "a", "value": 1}, {"id": "b", "value": 2}]


def test_a_plain_answer_to_several_interrupts_is_a_422_listing_them():
    with pytest.raises(Invalid) as refused:
        run_on(ThreadStatus.INTERRUPTED, resume=True, answer="yes", pending=ASKED_TWO)
    assert refused.value.code == "interrupts_unanswered"
    assert refused.value.metadata["pending"] == ["a", "b"]
