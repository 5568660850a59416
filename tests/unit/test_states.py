"""The state machine and the engine's enums: stated once, and in step with the spec's
models and the migrations' CHECK constraints (no database needed)."""

from __future__ import annotations

import importlib
import inspect
import re

import pytest

from ap_generated import models
from ap_server.domain import states
from ap_server.domain.states import (
    ACTIVE,
    RUN_TRANSITIONS,
    TERMINAL,
    IllegalTransition,
    MultitaskStrategy,
    RunStatus,
    StopAction,
    StopReason,
    ThreadStatus,
)

MIGRATIONS = [
    importlib.import_module(f"ap_migrations.versions.{name}")
    for name in ("0001_initial", "0002_runs")
]


def check_values(constraint: str) -> set[str]:
    """The values a CHECK constraint named `constraint` admits, read from the migrations."""
    for module in MIGRATIONS:
        source = inspect.getsource(module)
        match = re.search(
            r'CheckConstraint\(\s*f?"([^"]*)"[^)]*name="' + constraint + '"', source, re.S
        )
        if match:
            text = match.group(1)
            if "{RUN_STATUSES}" in text:
                text = text.replace("{RUN_STATUSES}", module.RUN_STATUSES)
            return set(re.findall(r"'([a-z_]+)'", text))
    raise AssertionError(f"no CHECK constraint {constraint} in the migrations")


def values(enum: type) -> set[str]:
    return {member.value for member in enum}


@pytest.mark.parametrize(
    ("ours", "spec"),
    [
        (RunStatus, models.RunStatus),
        (RunStatus, models.LgRunStatus),
        (ThreadStatus, models.ThreadStatus),
        (StopReason, models.StopReason),
        (MultitaskStrategy, models.MultitaskStrategy),
        (StopAction, models.CancelAction),
    ],
)
def test_enums_match_the_spec(ours, spec):
    assert values(ours) == values(spec)


def test_enums_match_the_migrations_check_constraints():
    assert values(RunStatus) == check_values("runs_status_check")
    assert values(ThreadStatus) == check_values("threads_status_check")
    assert values(StopReason) == check_values("runs_stop_reason_check")


def test_every_status_has_its_transitions_and_terminal_ones_have_none():
    assert set(RUN_TRANSITIONS) == set(RunStatus)
    assert set(RunStatus) == ACTIVE | TERMINAL and not ACTIVE & TERMINAL
    for status in TERMINAL:
        assert RUN_TRANSITIONS[status] == frozenset()
    assert states.can_move(RunStatus.PENDING, RunStatus.RUNNING)
    assert states.can_move(RunStatus.RUNNING, RunStatus.PENDING)
    assert not states.can_move(RunStatus.PENDING, RunStatus.SUCCESS)
    assert not states.can_move(RunStatus.SUCCESS, RunStatus.RUNNING)


def test_sources_name_only_the_statuses_the_table_allows():
    assert states.sources(RunStatus.RUNNING) == ["pending"]
    assert states.sources(RunStatus.PENDING) == ["running"]
    assert set(states.sources(RunStatus.INTERRUPTED)) == {"pending", "running"}
    assert states.sources(RunStatus.SUCCESS) == ["running"]
    assert states.sources(RunStatus.INTERRUPTED, among=frozenset({RunStatus.PENDING})) == [
        "pending"
    ]
    with pytest.raises(IllegalTransition):
        states.sources(RunStatus.SUCCESS, among=frozenset({RunStatus.PENDING}))
    with pytest.raises(IllegalTransition):
        states.sources(RunStatus.RUNNING, among=frozenset({RunStatus.ERROR}))


def test_threads_become_busy_from_anywhere_and_settle_only_from_busy():
    assert set(states.thread_sources(ThreadStatus.BUSY)) == values(ThreadStatus)
    for settled in (ThreadStatus.IDLE, ThreadStatus.INTERRUPTED, ThreadStatus.ERROR):
        assert states.thread_sources(settled) == ["busy"]


@pytest.mark.parametrize(
    ("run", "stopped", "thread"),
    [
        (RunStatus.SUCCESS, False, ThreadStatus.IDLE),
        (RunStatus.ERROR, False, ThreadStatus.ERROR),
        (RunStatus.INTERRUPTED, False, ThreadStatus.INTERRUPTED),
        (RunStatus.TIMEOUT, True, ThreadStatus.IDLE),
        (RunStatus.INTERRUPTED, True, ThreadStatus.IDLE),  # a cancel is not a question
    ],
)
def test_thread_after_its_last_run(run, stopped, thread):
    assert states.thread_after(run, stopped=stopped) is thread


@pytest.mark.parametrize(
    ("outcome", "reason", "ends"),
    [
        (RunStatus.SUCCESS, None, RunStatus.SUCCESS),
        (RunStatus.INTERRUPTED, None, RunStatus.INTERRUPTED),
        (RunStatus.SUCCESS, StopReason.USER, RunStatus.INTERRUPTED),
        (RunStatus.SUCCESS, StopReason.TIMEOUT, RunStatus.TIMEOUT),
        (RunStatus.ERROR, StopReason.USER, RunStatus.ERROR),
    ],
)
def test_end_status(outcome, reason, ends):
    assert states.end_status(outcome, reason) is ends


def test_rollback_wins_otherwise_the_first_stop_stands():
    rollback, interrupt = StopAction.ROLLBACK, StopAction.INTERRUPT
    assert states.stronger_action(None, interrupt) is interrupt
    assert states.stronger_action(interrupt, rollback) is rollback
    assert states.stronger_action(rollback, interrupt) is rollback


def test_superseding_action_of_each_strategy():
    assert states.superseding_action(MultitaskStrategy.REJECT) is None
    assert states.superseding_action(MultitaskStrategy.ENQUEUE) is None
    assert states.superseding_action(MultitaskStrategy.INTERRUPT) is StopAction.INTERRUPT
    assert states.superseding_action(MultitaskStrategy.ROLLBACK) is StopAction.ROLLBACK
