"""The thread streaming protocol's replay: `subscription.reconnect` (the protocol's form,
scoped to a run, and LangGraph's server's form), the retention of a thread's events and
what a `since` older than the oldest kept event gets (`resume_gap`), and idle streams woken
by NOTIFY rather than by polling. Real servers, httpx and the `websockets` client."""

from __future__ import annotations

import asyncio
import uuid

import httpx
import pytest
import websockets
from sqlalchemy import text

from ap_server.database import Database
from ap_server.settings import SettingError, Settings
from ap_server.storage.thread_events import ThreadEventStore
from tests.helpers import eventually
from tests.test_streaming import (
    TIMEOUT,
    Socket,
    collect,
    command,
    new_id,
    sse,
    terminal,
    ws_url,
)

UNTIL_STOPPED = {"AP_AGENTS": "tests.agents_for_tests:until_stopped"}


async def run_to_end(http: httpx.AsyncClient, thread_id: str, agent: str, input) -> dict:
    """Start a run with run.start; its events, up to its end, from an SSE stream."""
    started = await command(http, thread_id, "run.start", {"assistant_id": agent, "input": input})
    assert started["type"] == "success", started
    since = started["meta"]["applied_through_seq"]
    stream = sse(
        http, f"/threads/{thread_id}/stream", {"channels": ["lifecycle", "values"], "since": since}
    )
    events = await collect(stream, terminal)
    await stream.aclose()
    return {"run_id": started["result"]["run_id"], "events": events}


async def test_reconnect_replays_one_runs_events(http, base_url):
    thread_id = new_id()
    first = await run_to_end(http, thread_id, "echo", "one")
    second = await run_to_end(http, thread_id, "echo", "two")
    async with websockets.connect(ws_url(base_url, thread_id)) as raw:
        socket = Socket(raw)
        sub = await socket.call(
            {"id": 1, "method": "subscription.subscribe", "params": {"channels": ["values"]}}
        )
        assert sub["result"]["replayed_events"] == 2, sub  # the thread's: both runs'
        await socket.events(lambda e: e["params"]["data"] == {"echo": "two"})
        # the first run's events from its start (no last_event_id): only that run's
        again = await socket.call(
            {"id": 2, "method": "subscription.reconnect", "params": {"run_id": first["run_id"]}}
        )
        assert again["type"] == "success", again
        assert again["result"] == {
            "restored": True,
            "missed_events": 1,
            "current_namespaces": [{"namespace": [], "status": "completed"}],
        }
        replayed = await socket.events(lambda e: True)
        assert [e["params"]["data"] for e in replayed] == [{"echo": "one"}]
        # after the second run's own values event: nothing of it is left to resend
        last = next(e for e in second["events"] if e["method"] == "values")
        after = await socket.call(
            {
                "id": 3,
                "method": "subscription.reconnect",
                "params": {"run_id": second["run_id"], "last_event_id": last["event_id"]},
            }
        )
        assert after["result"]["missed_events"] == 0, after
        # only the named subscriptions are restored: an unknown one is an error
        unknown = await socket.call(
            {
                "id": 4,
                "method": "subscription.reconnect",
                "params": {"run_id": first["run_id"], "subscriptions": ["nope"]},
            }
        )
        assert unknown["error"] == "no_such_subscription", unknown
        named = await socket.call(
            {
                "id": 5,
                "method": "subscription.reconnect",
                "params": {
                    "run_id": first["run_id"],
                    "subscriptions": [sub["result"]["subscription_id"]],
                    "last_event_id": "0",
                },
            }
        )
        assert named["result"]["missed_events"] == 1, named


async def test_reconnect_refuses_runs_it_cannot_restore(http, base_url):
    thread_id = new_id()
    other_thread = new_id()
    mine = await run_to_end(http, thread_id, "echo", 1)
    theirs = await run_to_end(http, other_thread, "echo", 2)
    async with websockets.connect(ws_url(base_url, thread_id)) as raw:
        socket = Socket(raw)
        cases = [
            ({}, "invalid_argument"),  # run_id is required
            ({"run_id": "not-a-uuid"}, "invalid_argument"),
            ({"run_id": str(uuid.uuid4())}, "no_such_run"),
            ({"run_id": theirs["run_id"]}, "no_such_run"),  # another thread's run
            ({"run_id": mine["run_id"], "last_event_id": "x"}, "invalid_argument"),
            ({"run_id": mine["run_id"], "subscriptions": "all"}, "invalid_argument"),
        ]
        for number, (params, code) in enumerate(cases, start=1):
            reply = await socket.call(
                {"id": number, "method": "subscription.reconnect", "params": params}
            )
            assert reply["type"] == "error" and reply["error"] == code, (params, reply)


async def test_reconnect_in_langgraph_servers_form_keeps_the_subscription_id(http, base_url):
    thread_id = new_id()
    run = await run_to_end(http, thread_id, "echo", "lg")
    values = next(e for e in run["events"] if e["method"] == "values")
    path = "/langgraph/threads/{}/stream/events"
    async with websockets.connect(ws_url(base_url, thread_id, path)) as raw:
        socket = Socket(raw)
        reply = await socket.call(
            {
                "id": 1,
                "method": "subscription.reconnect",
                "params": {
                    "channels": ["values", "lifecycle"],
                    "since": values["seq"] - 1,
                    "subscription_id": "kept",
                },
            }
        )
        assert reply["result"] == {"subscription_id": "kept", "replayed_events": 2}, reply
        replayed = await socket.events(terminal)
        assert replayed == run["events"][run["events"].index(values) :]
        bad = await socket.call(
            {"id": 2, "method": "subscription.reconnect", "params": {"channels": ["values"]}}
        )
        assert bad["error"] == "invalid_argument", bad


# -- retention ------------------------------------------------------------------------


async def test_pruned_events_and_since_before_them(empty_database_url, start_server):
    server = await start_server(empty_database_url, AP_THREAD_EVENTS_RETENTION="3", **UNTIL_STOPPED)
    async with httpx.AsyncClient(base_url=server.base_url, timeout=TIMEOUT) as http:
        thread_id = new_id()
        done = await run_to_end(http, thread_id, "echo", "old")
        last = done["events"][-1]["seq"]
        # a run still going keeps its events (and everything after the first of them)
        busy = new_id()
        started = await command(
            http, busy, "run.start", {"assistant_id": "until_stopped", "input": {}}
        )
        assert started["type"] == "success", started

        async def gone(since: int):
            """410 once the whole old run is pruned (a pass may come while only its first
            events are older than the retention: the next pass takes the rest)."""
            body = {"channels": ["lifecycle"], "since": since, "follow": False}
            response = await http.post(f"/threads/{thread_id}/stream", json=body)
            if response.status_code != 410:
                return None
            kept = response.json().get("metadata", {}).get("min_available_seq", 0)
            return response if kept > last else None

        refused = await eventually(lambda: gone(1), "pruning", TIMEOUT)
        body = refused.json()
        assert body["code"] == "resume_gap", body
        assert body["metadata"] == {"since": 1, "min_available_seq": last + 1}, body
        # `since` 0 (or none) asks for what is kept: nothing, and the stream follows on
        body = {"channels": ["lifecycle"], "since": 0, "follow": False}
        async with asyncio.timeout(TIMEOUT):
            assert [e async for e in sse(http, f"/threads/{thread_id}/stream", body)] == []
        # the last event's number is still a good cursor: nothing was lost after it
        body = {"channels": ["lifecycle"], "since": last, "follow": False}
        async with asyncio.timeout(TIMEOUT):
            assert [e async for e in sse(http, f"/threads/{thread_id}/stream", body)] == []
        # over the WebSocket: a protocol error with the same numbers
        async with websockets.connect(ws_url(server.base_url, thread_id)) as raw:
            socket = Socket(raw)
            reply = await socket.call(
                {
                    "id": 1,
                    "method": "subscription.subscribe",
                    "params": {"channels": ["values"], "since": 1},
                }
            )
            assert reply["type"] == "error" and reply["error"] == "resume_gap", reply
            assert (reply["since"], reply["min_available_seq"]) == (1, last + 1), reply
            reply = await socket.call(
                {
                    "id": 2,
                    "method": "subscription.reconnect",
                    "params": {"run_id": done["run_id"], "last_event_id": "1"},
                }
            )
            assert reply["error"] == "resume_gap", reply
        # numbering goes on from where it was
        again = await run_to_end(http, thread_id, "echo", "new")
        assert again["events"][0]["seq"] == last + 1
        # once that run's events are pruned too, the busy run's (older) are still there
        last_again = again["events"][-1]["seq"]
        refused = await eventually(lambda: gone(last), "pruning again", TIMEOUT)
        assert refused.json()["metadata"]["min_available_seq"] == last_again + 1
        body = {"channels": ["lifecycle"], "follow": False}
        async with asyncio.timeout(TIMEOUT):
            kept = [e async for e in sse(http, f"/threads/{busy}/stream", body)]
        assert [e["params"]["data"]["event"] for e in kept][:1] == ["started"], kept


HOLES = """
SELECT e.thread_id, e.seq, e.span, e.next, h.seq AS head FROM (
    SELECT thread_id, seq, span, lead(seq) OVER (PARTITION BY thread_id ORDER BY seq) AS next
    FROM thread_events) e JOIN thread_event_heads h USING (thread_id)
WHERE (e.next IS NOT NULL AND e.next <> e.seq + e.span)
   OR (e.next IS NULL AND e.seq + e.span - 1 <> h.seq)
"""  # a kept event not followed by the next number, or a thread's last kept one not its head


async def test_two_processes_pruning_at_once(empty_database_url, start_server):
    """Two servers prune (a pass each second) while runs write through both, and two more
    pruners, each on its own engine as another process's, race them pass after pass with
    no retention at all: no deadlock, no error, and what a thread keeps is always one run
    of numbers up to its head (checked in snapshots all along)."""
    one = await start_server(empty_database_url, AP_THREAD_EVENTS_RETENTION="1")
    two = await start_server(empty_database_url, AP_THREAD_EVENTS_RETENTION="1")
    databases = [
        await Database.open(Settings(database_url=empty_database_url, pool_size=2))
        for _ in range(3)
    ]
    stores = [ThreadEventStore(d.engine) for d in databases[:2]]
    threads = [new_id() for _ in range(6)]
    done = asyncio.Event()
    removed: list[int] = []
    holes: list[object] = []

    async def prune(store: ThreadEventStore) -> None:
        while not done.is_set():
            removed.append(await store.prune(0))

    async def check() -> None:
        while not done.is_set():
            async with databases[2].engine.connect() as conn:
                holes.extend((await conn.execute(text(HOLES))).all())
            await asyncio.sleep(0.01)

    async def runs(thread_id: str, clients: list[httpx.AsyncClient]) -> None:
        for turn in range(4):
            http = clients[turn % 2]  # through one server, then the other
            started = await command(
                http, thread_id, "run.start", {"assistant_id": "echo", "input": turn}
            )
            assert started["type"] == "success", started

            async def idle(http: httpx.AsyncClient = http) -> bool:
                thread = (await http.get(f"/threads/{thread_id}")).json()
                return thread["status"] == "idle"

            await eventually(idle, "the run's end", TIMEOUT)

    try:
        async with (
            httpx.AsyncClient(base_url=one.base_url, timeout=TIMEOUT) as a,
            httpx.AsyncClient(base_url=two.base_url, timeout=TIMEOUT) as b,
        ):
            racing = [asyncio.create_task(prune(s)) for s in stores for _ in range(2)]
            racing.append(asyncio.create_task(check()))
            try:
                async with asyncio.timeout(TIMEOUT * 2):
                    await asyncio.gather(
                        *(runs(t, [a, b][:: 1 if i % 2 else -1]) for i, t in enumerate(threads))
                    )
            finally:
                done.set()
                results = await asyncio.gather(*racing, return_exceptions=True)
            assert not [r for r in results if isinstance(r, BaseException)], results
            assert holes == []
            assert sum(removed) > 0
            # the servers still answer, and the oldest kept number is a good cursor
            for thread_id in threads:
                floor = await stores[0].floor(uuid.UUID(thread_id))
                head = await stores[0].head(uuid.UUID(thread_id))
                body = {"channels": ["lifecycle"], "since": floor - 1, "follow": False}
                async with asyncio.timeout(TIMEOUT):
                    kept = [e async for e in sse(b, f"/threads/{thread_id}/stream", body)]
                assert all(floor <= e["seq"] <= head for e in kept), (floor, head, kept)
        for server in (one, two):
            assert "pruning thread events failed" not in server.log()
            assert "deadlock" not in server.log().lower()
    finally:
        for database in databases:
            await database.close()


async def test_a_deleted_threads_events_go_with_it(http, db):
    thread_id = new_id()
    await run_to_end(http, thread_id, "echo", "bye")

    async def stored() -> int:
        async with db.engine.connect() as conn:
            rows = await conn.execute(
                text("SELECT count(*) FROM thread_events WHERE thread_id = :t"),
                {"t": uuid.UUID(thread_id)},
            )
            return int(rows.scalar() or 0)

    assert await stored() > 0
    assert (await http.delete(f"/threads/{thread_id}")).status_code == 204
    assert await stored() == 0


# -- idle streams wake on NOTIFY ----------------------------------------------------------


async def test_idle_streams_wake_on_notify_not_polling(empty_database_url, start_server):
    """With the safety-net re-read an hour away, events still arrive: notifications woke
    the idle SSE stream and WebSocket (of another process than the one running the run)."""
    one = await start_server(empty_database_url, AP_STREAM_RECHECK="3600")
    two = await start_server(empty_database_url, AP_STREAM_RECHECK="3600")
    thread_id = new_id()
    async with (
        httpx.AsyncClient(base_url=one.base_url, timeout=TIMEOUT) as a,
        httpx.AsyncClient(base_url=two.base_url, timeout=TIMEOUT) as b,
    ):
        first = await run_to_end(a, thread_id, "echo", 1)
        stream = sse(b, f"/threads/{thread_id}/stream", {"channels": ["lifecycle", "values"]})
        replayed = await collect(stream, terminal)  # then idle, following
        assert replayed == first["events"][-len(replayed) :]
        async with websockets.connect(ws_url(two.base_url, thread_id)) as raw:
            socket = Socket(raw)
            sub = await socket.call(
                {
                    "id": 1,
                    "method": "subscription.subscribe",
                    "params": {"channels": ["values"], "since": first["events"][-1]["seq"]},
                }
            )
            assert sub["result"]["replayed_events"] == 0, sub
            second = await command(a, thread_id, "run.start", {"assistant_id": "echo", "input": 2})
            assert second["type"] == "success", second
            live = await collect(stream, terminal)
            assert [e["params"]["data"] for e in live if e["method"] == "values"] == [{"echo": 2}]
            pushed = await socket.events(lambda e: True)
            assert pushed[0]["params"]["data"] == {"echo": 2}
        await stream.aclose()


def test_retention_and_recheck_settings():
    assert Settings.from_env({}).thread_events_retention == 7 * 86400
    assert Settings.from_env({}).stream_recheck == 60
    for forever in ("none", "NONE", "0"):
        settings = Settings.from_env({"AP_THREAD_EVENTS_RETENTION": forever})
        assert settings.thread_events_retention is None
    settings = Settings.from_env({"AP_THREAD_EVENTS_RETENTION": "3600"})
    assert settings.thread_events_retention == 3600
    for name, bad in (
        ("AP_THREAD_EVENTS_RETENTION", "-1"),
        ("AP_THREAD_EVENTS_RETENTION", "a week"),
        ("AP_STREAM_RECHECK", "0"),
    ):
        with pytest.raises(SettingError, match=name):
            Settings.from_env({name: bad})
