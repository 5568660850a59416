"""A stop asked of a running run takes one statement on the run path (storage/hot.py
`request_stop`): it writes what lifecycle.stop writes (first reason stands, rollback wins,
the earliest deadline stands, one notification), and declines (None: the general path)
for a run that is not running or not the asker's. On the real database; no worker claims
these runs (they are created running by a worker id nobody has)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import asyncpg
import pytest

from ap_server.database import Database
from ap_server.domain.states import StopAction, StopReason
from ap_server.storage.channels import CONTROL
from ap_server.storage.hot import HotPath
from ap_server.storage.records import NewRun

from .helpers import eventually


@pytest.fixture
async def hot(db: Database) -> AsyncIterator[HotPath]:
    path = HotPath(db.listen_dsn, 2, temporary_ttl=60.0, timeout=10.0)
    await path.open()
    try:
        yield path
    finally:
        await path.close()


async def running(hot: HotPath, owner: str = "") -> uuid.UUID:
    run = await hot.create_running(
        NewRun(agent_id="echo", thread_id=None), owner=owner, worker_id="nobody", lease=600
    )
    return run.run_id


async def test_the_first_reason_stands_rollback_wins_the_earliest_deadline_stands(
    hot: HotPath, db: Database
) -> None:
    run_id = await running(hot)
    listener = await asyncpg.connect(db.listen_dsn)
    heard: list[str] = []
    await listener.add_listener(CONTROL, lambda *args: heard.append(args[3]))
    try:
        first = await hot.request_stop(
            run_id, owner=None, reason=StopReason.USER, action=StopAction.INTERRUPT, grace=30.0
        )
        assert first is not None and first.status == "running"
        assert (first.stop_reason, first.stop_action) == ("user", "interrupt")
        assert first.stop_requested_at is not None and first.stop_deadline is not None
        # rollback wins over interrupt; the reason and the earlier deadline stand
        second = await hot.request_stop(
            run_id,
            owner=None,
            reason=StopReason.TIMEOUT,
            action=StopAction.ROLLBACK,
            grace=300.0,
        )
        assert second is not None
        assert (second.stop_reason, second.stop_action) == ("user", "rollback")
        assert second.stop_deadline == first.stop_deadline
        assert second.stop_requested_at == first.stop_requested_at
        # an interrupt after a rollback does not weaken it; a sooner deadline is taken
        third = await hot.request_stop(
            run_id, owner=None, reason=StopReason.USER, action=StopAction.INTERRUPT, grace=0.0
        )
        assert third is not None and third.stop_action == "rollback"
        assert third.stop_deadline is not None and third.stop_deadline < first.stop_deadline
        # no grace given: the deadline is left as it is
        fourth = await hot.request_stop(
            run_id, owner=None, reason=StopReason.USER, action=StopAction.INTERRUPT, grace=None
        )
        assert fourth is not None and fourth.stop_deadline == third.stop_deadline

        async def notified() -> bool:
            return len(heard) >= 4

        await eventually(notified, "the stop notifications")
        assert heard == [str(run_id)] * 4
    finally:
        await listener.close()


async def test_it_declines_what_is_not_a_running_run_of_the_asker(
    hot: HotPath, db: Database
) -> None:
    theirs = await running(hot, owner="alice")
    asked = {"reason": StopReason.USER, "action": StopAction.INTERRUPT, "grace": 1.0}
    assert await hot.request_stop(theirs, owner="bob", **asked) is None
    assert await hot.request_stop(uuid.uuid4(), owner=None, **asked) is None
    mine = await hot.request_stop(theirs, owner="alice", **asked)
    assert mine is not None and mine.stop_action == "interrupt"
    conn = await asyncpg.connect(db.listen_dsn)
    try:
        await conn.execute("UPDATE runs SET status = 'pending' WHERE run_id = $1", theirs)
    finally:
        await conn.close()
    assert await hot.request_stop(theirs, owner=None, **asked) is None  # pending: not here
