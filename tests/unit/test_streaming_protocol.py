"""The thread streaming protocol's pure parts: commands, filters, and stored rows as
protocol events (no database, no server)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from ap_server.storage.thread_events import ThreadEvent
from ap_server.streaming import protocol as p
from ap_server.streaming.channels import protocol_events

NOW = datetime(2026, 1, 1, tzinfo=UTC)
RUN = uuid.UUID(int=1)


def row(seq: int, kind: str, data, span: int = 1) -> ThreadEvent:
    return ThreadEvent(seq, span, RUN, kind, data, NOW)


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ([], "invalid_argument"),
        ({"id": True, "method": "state.get"}, "invalid_argument"),
        ({"id": -1, "method": "state.get"}, "invalid_argument"),
        ({"id": 1, "method": 5}, "invalid_argument"),
        ({"id": 1, "method": "state.get", "params": []}, "invalid_argument"),
        ({"id": 1, "method": "state.put"}, "unknown_command"),
    ],
)
def test_bad_commands(payload, code):
    with pytest.raises(p.ProtocolError) as refused:
        p.parse_command(payload)
    assert refused.value.code == code


def test_a_command_and_its_answers():
    command = p.parse_command({"id": 7, "method": "state.get", "params": None})
    assert command == p.Command(7, "state.get", {})
    assert p.success(7, {"x": 1}, 3) == {
        "type": "success", "id": 7, "result": {"x": 1}, "meta": {"applied_through_seq": 3}
    }  # fmt: skip
    error = p.failure(None, p.ProtocolError("no_such_interrupt", "gone", pending=["a"]))
    assert error == {
        "type": "error", "id": None, "error": "no_such_interrupt", "message": "gone",
        "meta": {"pending": ["a"]},
    }  # fmt: skip


def event(method: str, namespace=(), data=None) -> dict:
    return {"method": method, "params": {"namespace": list(namespace), "data": data}}


def test_filters_by_channel_custom_name_namespace_and_depth():
    wanted = p.parse_filter({"channels": ["input", "custom:tool"]})
    assert wanted.matches(event("input.requested"))
    assert wanted.matches(event("custom", data={"name": "tool", "payload": 1}))
    assert not wanted.matches(event("custom", data={"payload": 1}))
    assert not wanted.matches(event("values"))
    under = p.parse_filter({"channels": ["values"], "namespaces": [["a"]], "depth": 1})
    assert under.matches(event("values", ["a"])) and under.matches(event("values", ["a", "b"]))
    assert not under.matches(event("values", ["a", "b", "c"]))
    assert not under.matches(event("values", []))
    root_only = p.parse_filter({"channels": ["values"], "depth": 0})
    assert root_only.matches(event("values")) and not root_only.matches(event("values", ["a"]))


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"channels": []},
        {"channels": ["nope"]},
        {"channels": ["custom:"]},
        {"channels": ["values"], "namespaces": [[1]]},
        {"channels": ["values"], "depth": -1},
        {"channels": ["values"], "depth": True},
    ],
)
def test_bad_filters(params):
    with pytest.raises(p.ProtocolError):
        p.parse_filter(params)


def test_since_is_a_bigint():
    assert p.parse_since({"since": p.MAX_SEQ}) == p.MAX_SEQ
    for bad in (-1, p.MAX_SEQ + 1, True, "1"):
        with pytest.raises(p.ProtocolError):
            p.parse_since({"since": bad})


def test_a_run_that_asks_then_is_answered():
    asked = protocol_events(
        row(
            4,
            "status",
            {"status": "interrupted", "stop_reason": None, "agent_id": "hitl",
             "interrupts": [{"id": "i1", "value": {"q": 1}}]},
            span=2,
        )
    )  # fmt: skip
    assert [(e["seq"], e["event_id"], e["method"]) for e in asked] == [
        (4, "4", "input.requested"),
        (5, "5", "lifecycle"),
    ]
    assert asked[0]["params"]["data"]["interrupt_id"] == "i1"
    assert asked[0]["params"]["data"]["payload"] == {"q": 1}
    assert asked[1]["params"]["data"] == {
        "event": "interrupted", "stop_reason": None, "run_id": str(RUN), "graph_name": "hitl"
    }  # fmt: skip
    assert asked[1]["params"]["timestamp"] == int(NOW.timestamp() * 1000)
    stopped = protocol_events(
        row(9, "status", {"status": "interrupted", "stop_reason": "user", "agent_id": "slow"})
    )
    assert stopped[0]["params"]["data"]["stop_reason"] == "user"
    failed = protocol_events(
        row(10, "status", {"status": "error", "error": {"message": "boom"}, "agent_id": "x"})
    )
    assert failed[0]["params"]["data"]["event"] == "failed"
    assert failed[0]["params"]["data"]["error"] == "boom"


def test_tokens_of_one_message():
    first = {"id": "m", "type": "AIMessageChunk", "text": "you", "first": True, "last": False}
    middle = {**first, "text": " said", "first": False}
    last = {**first, "text": " hi", "first": False, "last": True, "full": "you said hi"}
    events = [
        e
        for r in (row(1, "run:message-chunk", first, 3), row(4, "run:message-chunk", middle),
                  row(5, "run:message-chunk", last, 3))
        for e in protocol_events(r)
    ]  # fmt: skip
    assert [e["seq"] for e in events] == list(range(1, 8))
    kinds = [e["params"]["data"]["event"] for e in events]
    assert kinds == [
        "message-start", "content-block-start", "content-block-delta", "content-block-delta",
        "content-block-delta", "content-block-finish", "message-finish",
    ]  # fmt: skip
    assert events[0]["params"]["data"]["role"] == "ai"
    assert events[5]["params"]["data"]["content"] == {"type": "text", "text": "you said hi"}


def test_an_unfinished_message_ends_with_its_run():
    events = protocol_events(
        row(
            8,
            "status",
            {"status": "interrupted", "stop_reason": "user", "agent_id": "g",
             "unfinished": [{"id": "m", "full": "half"}]},
            span=3,
        )
    )  # fmt: skip
    assert [e["params"]["data"]["event"] for e in events] == [
        "content-block-finish", "message-finish", "interrupted",
    ]  # fmt: skip
    assert [e["seq"] for e in events] == [8, 9, 10]


def test_a_namespace_prefix_without_task_ids_matches_by_node_name() -> None:
    def event(ns: list[str]) -> dict:
        return {"method": "updates", "params": {"namespace": ns}}

    by_name = p.Filter(frozenset({"updates"}), namespaces=(("inner",),))
    exact = p.Filter(frozenset({"updates"}), namespaces=(("inner:1",),))
    shallow = p.Filter(frozenset({"updates"}), namespaces=(("inner",),), depth=0)
    assert by_name.matches(event(["inner:1"])) and by_name.matches(event(["inner:2", "deep:3"]))
    assert not by_name.matches(event(["inner2:1"])) and not by_name.matches(event([]))
    assert exact.matches(event(["inner:1"])) and not exact.matches(event(["inner:2"]))
    assert shallow.matches(event(["inner:1"])) and not shallow.matches(event(["inner:1", "d:2"]))
