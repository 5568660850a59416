"""The thread streaming protocol, the same scenarios against LangGraph's own server
(`langgraph dev`: `POST /threads/{id}/commands`, `POST /threads/{id}/stream/events` for SSE
and the WebSocket at `/threads/{id}/stream/events`) and ours (the same paths under
/langgraph), through httpx and the `websockets` client; the answers are compared after
normalising ids, timestamps and sequence numbers.

    python tests/langgraph_diff/protocol.py <langgraph dev URL> <our URL>/langgraph [report.json]

Exits non-zero when a step differs and is not in DELIBERATE (each with its reason; the
README's LangGraph section lists them). `nox -s langgraph-differential` runs it after
scenario.py, on the same two servers.
"""

from __future__ import annotations

import asyncio
import json
import sys
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import websockets
from normal import norm  # this folder: the script's own

TIMEOUT = 60

# Normalised away before comparing, each a deliberate difference (the README lists them):
# our lifecycle has `started` (the run was created, pending) before `running`; lifecycle
# and input events name their `run_id` (one log per thread, with several runs in it) and
# `started` its `status`; `interrupted` carries `stop_reason` (null: it asks, else why it
# was stopped); `input.requested` carries `value` beside `payload` (the Python SDK reads
# `value`) and `graph_name`.
OUR_EXTRA_KEYS = {"run_id", "stop_reason", "value", "status"}
OUR_EXTRA_INPUT_KEYS = OUR_EXTRA_KEYS | {"graph_name"}

# Steps whose answers differ on purpose: step -> why.
DELIBERATE = {
    "input_respond": "input.respond answers the resumed run's `run_id` (a resume is a new run "
    "here, as PATCH /runs/resume makes one); LangGraph's server answers `{}`",
    "run_after_respond": "both stream the interrupted state as `values` when a resumed run "
    "starts (LangGraph's astream does, and so does its SDK's runs.stream on both servers); "
    "LangGraph's protocol session streams it once more before its `running` (its replay of "
    "the thread's state to the new run), ours once, after `running`",
    "replay_since": "follows from run_after_respond",
    "agent_tree_nested": "a subgraph that asked is `interrupted` in our tree, as the "
    "lifecycle event we stored for it says; LangGraph's server says `interrupted` when that "
    "event reached its session before the command and `started` when not (both seen on "
    "0.16.7: a race there)",
    "run_nested": "a subgraph's question: our `input.requested` is at the root namespace "
    "(the run's, from its interrupted status: the stored interrupts do not say which "
    "subgraph asked), LangGraph's in the subgraph's; and we stream the subgraph's "
    "`interrupted` lifecycle event, which LangGraph's server may not (see agent_tree_nested)",
    "state_get": "we serve state.get (the thread's values, head checkpoint, interrupts); "
    "LangGraph's server 0.16 answers unknown_command",
    "state_list_checkpoints": "we serve state.listCheckpoints; LangGraph's server 0.16 "
    "answers unknown_command",
    "state_fork": "we serve state.fork (branch from a checkpoint, then run: an unknown "
    "checkpoint is checkpoint_not_found); LangGraph's server 0.16 answers unknown_command",
    "input_inject": "we serve input.inject (a run with the message, queued after the active "
    "one); LangGraph's server 0.16 answers unknown_command",
    "malformed_command": "a command without an integer id is a 422 validation_error here "
    "(every malformed body is a 422 ErrorResponse); LangGraph's server answers 400",
    "sse_unknown_channel": "an unknown channel is a 422 validation_error here (every malformed "
    "body is a 422 ErrorResponse); LangGraph's server answers 400",
    "reconnect_protocol_form": "we take subscription.reconnect in the protocol's own form "
    "(`run_id`, `last_event_id`, `subscriptions`, as @langchain/protocol defines it) besides "
    "LangGraph's server's form; LangGraph's server 0.16 takes only its form "
    "(`channels` + `since`) and refuses the other with invalid_argument",
}


def event_view(events: list[dict[str, Any]]) -> list[Any]:
    """Events as (method, namespace, data), normalised (a namespace's task ids too); their
    `seq`s must increase and every event must have an `event_id` and a timestamp (their
    values differ by design)."""
    seqs = [e["seq"] for e in events]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs), seqs
    assert all(e.get("event_id") and "timestamp" in e["params"] for e in events), events
    return [
        [
            e["method"],
            norm(e["params"]["namespace"]),
            norm(_common(e["method"], e["params"]["data"])),
        ]
        for e in events
        if not (e["method"] == "lifecycle" and e["params"]["data"].get("event") == "started")
    ]


def _common(method: str, data: Any) -> Any:
    if method in ("lifecycle", "input.requested") and isinstance(data, dict):
        extra = OUR_EXTRA_KEYS if method == "lifecycle" else OUR_EXTRA_INPUT_KEYS
        return {k: v for k, v in data.items() if k not in extra}
    return data


def response_view(reply: dict[str, Any]) -> dict[str, Any]:
    """A command's response: its type, result (or error code), `applied_through_seq`
    present or not."""
    if reply.get("type") == "error":
        return {"type": "error", "error": reply.get("error")}
    meta = reply.get("meta") or {}
    return {
        "type": reply.get("type"),
        "result": norm(reply.get("result")),
        "applied_through_seq": isinstance(meta.get("applied_through_seq"), int),
    }


def ended(event: dict[str, Any]) -> bool:
    return event["method"] == "lifecycle" and event["params"]["data"].get("event") in (
        "completed",
        "failed",
        "interrupted",
    )


class Server:
    def __init__(self, base: str) -> None:
        self.base = base.rstrip("/")
        self.http = httpx.AsyncClient(base_url=self.base, timeout=TIMEOUT)

    async def command(self, thread_id: str, method: str, params: dict[str, Any]) -> dict:
        response = await self.http.post(
            f"/threads/{thread_id}/commands", json={"id": 1, "method": method, "params": params}
        )
        assert response.status_code == 200, response.text
        return response.json()

    async def sse(
        self, thread_id: str, body: dict[str, Any], until: Callable[[dict], bool]
    ) -> list[dict[str, Any]]:
        """Events of an SSE stream, up to and including the first `until` accepts."""
        out: list[dict[str, Any]] = []
        async with asyncio.timeout(TIMEOUT):
            async with self.http.stream(
                "POST", f"/threads/{thread_id}/stream/events", json=body
            ) as response:
                assert response.status_code == 200, await response.aread()
                async for data in _sse_data(response.aiter_lines()):
                    out.append(data)
                    if until(data):
                        return out
        return out

    def ws_url(self, thread_id: str) -> str:
        return self.base.replace("http://", "ws://") + f"/threads/{thread_id}/stream/events"


async def _sse_data(lines: AsyncIterator[str]) -> AsyncIterator[dict[str, Any]]:
    data = None
    async for line in lines:
        if line.startswith("data: "):
            data = json.loads(line[6:])
        elif not line and data is not None:
            yield data
            data = None


class Socket:
    """A protocol WebSocket: commands answered by id; events kept in order."""

    def __init__(self, socket: Any) -> None:
        self.socket = socket
        self.pending: list[dict[str, Any]] = []
        self.next_id = 0

    async def call(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        self.next_id += 1
        await self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        async with asyncio.timeout(TIMEOUT):
            while True:
                reply = json.loads(await self.socket.recv())
                if reply.get("type") == "event":
                    self.pending.append(reply)
                elif reply.get("id") == self.next_id:
                    return reply

    async def events(self, until: Callable[[dict], bool]) -> list[dict[str, Any]]:
        out = []
        async with asyncio.timeout(TIMEOUT):
            while True:
                message = (
                    self.pending.pop(0) if self.pending else json.loads(await self.socket.recv())
                )
                if message.get("type") == "event":
                    out.append(message)
                    if until(message):
                        return out


async def new_thread(server: Server) -> str:
    response = await server.http.post("/threads", json={})
    assert response.status_code == 200, response.text
    return str(response.json()["thread_id"])


async def scenario(url: str) -> dict[str, Any]:
    server = Server(url)
    out: dict[str, Any] = {}
    try:
        await _commands_and_sse(server, out)
        await _websocket(server, out)
        for graph, graph_input in (
            ("outer_graph", {"question": "q"}),
            ("nested", {"question": "q"}),
        ):
            out[f"run_{graph}"], out[f"agent_tree_{graph}"] = await _tree(
                server, graph, graph_input
            )
    finally:
        await server.http.aclose()
    return out


async def _commands_and_sse(server: Server, out: dict[str, Any]) -> None:
    tid = await new_thread(server)
    started = await server.command(
        tid, "run.start", {"assistant_id": "hitl_graph", "input": {"question": "ship?"}}
    )
    out["run_start"] = response_view(started)
    channels = ["lifecycle", "input", "values"]
    asked = await server.sse(tid, {"channels": channels}, ended)
    out["run_until_interrupt"] = event_view(asked)
    question = next(e for e in asked if e["method"] == "input.requested")
    wrong = await server.command(
        tid, "input.respond", {"namespace": [], "interrupt_id": "nope", "response": "yes"}
    )
    out["input_respond_unknown_interrupt"] = response_view(wrong)["type"]
    answered = await server.command(
        tid,
        "input.respond",
        {
            "namespace": [],
            "interrupt_id": question["params"]["data"]["interrupt_id"],
            "response": "yes",
        },
    )
    out["input_respond"] = response_view(answered)
    since = asked[-1]["seq"]
    after = await server.sse(tid, {"channels": channels, "since": since}, ended)
    out["run_after_respond"] = event_view(after)
    # replay from the middle of the first run: the rest of it, then the second run
    middle = asked[len(asked) // 2]["seq"]
    rest = await server.sse(
        tid, {"channels": ["lifecycle", "values"], "since": middle}, _nth_end(2)
    )
    out["replay_since"] = event_view(rest)
    # the root namespace, no deeper: every event here is at the root
    root = await server.sse(
        tid, {"channels": ["values"], "namespaces": [[]], "depth": 0}, _nth_values(2)
    )
    out["sse_root_namespace"] = event_view(root)
    out["unknown_command"] = response_view(await server.command(tid, "nope.nope", {}))
    out["state_get"] = response_view(await server.command(tid, "state.get", {"namespace": []}))
    out["state_list_checkpoints"] = response_view(
        await server.command(tid, "state.listCheckpoints", {"namespace": [], "limit": 1})
    )["type"]
    out["state_fork"] = response_view(
        await server.command(tid, "state.fork", {"checkpoint_id": str(uuid.uuid4())})
    )
    out["input_inject"] = response_view(
        await server.command(
            tid, "input.inject", {"namespace": [], "message": {"role": "user", "content": "x"}}
        )
    )["type"]
    malformed = await server.http.post(f"/threads/{tid}/commands", json={"method": "run.start"})
    out["malformed_command"] = malformed.status_code
    bad = await server.http.post(
        f"/threads/{tid}/stream/events", json={"channels": ["nope"]}, timeout=TIMEOUT
    )
    out["sse_unknown_channel"] = bad.status_code


def _nth_end(n: int) -> Callable[[dict], bool]:
    seen = [0]

    def until(event: dict[str, Any]) -> bool:
        seen[0] += ended(event)
        return seen[0] >= n

    return until


def _nth_values(n: int) -> Callable[[dict], bool]:
    seen = [0]

    def until(event: dict[str, Any]) -> bool:
        seen[0] += event["method"] == "values"
        return seen[0] >= n

    return until


async def _websocket(server: Server, out: dict[str, Any]) -> None:
    tid = await new_thread(server)
    async with websockets.connect(server.ws_url(tid)) as raw:
        socket = Socket(raw)
        sub = await socket.call("subscription.subscribe", {"channels": ["lifecycle", "values"]})
        out["subscribe"] = response_view(sub)["type"]
        out["subscribe_bad_channel"] = response_view(
            await socket.call("subscription.subscribe", {"channels": ["nope"]})
        )
        started = await socket.call(
            "run.start", {"assistant_id": "slow_graph", "input": {"limit": 2}}
        )
        out["websocket_run_start"] = response_view(started)
        events = await socket.events(ended)
        out["websocket_run"] = event_view(events)
        out["agent_tree"] = response_view(await socket.call("agent.getTree", {}))
        sub_id = sub["result"]["subscription_id"]
        out["unsubscribe"] = response_view(
            await socket.call("subscription.unsubscribe", {"subscription_id": sub_id})
        )
        out["unsubscribe_again"] = response_view(
            await socket.call("subscription.unsubscribe", {"subscription_id": sub_id})
        )
        # LangGraph's server's reconnect: a subscription replayed from `since`
        first_values = next(e for e in events if e["method"] == "values")
        again = await socket.call(
            "subscription.reconnect",
            {"channels": ["values"], "since": first_values["seq"] - 1, "subscription_id": "mine"},
        )
        out["reconnect_since"] = response_view(again)
        out["reconnect_since_events"] = event_view(await socket.events(_nth_values(2)))
        protocol_form = await socket.call(
            "subscription.reconnect", {"run_id": started["result"]["run_id"]}
        )
        out["reconnect_protocol_form"] = response_view(protocol_form)["type"]


def root_ended(event: dict[str, Any]) -> bool:
    return ended(event) and not event["params"]["namespace"]


async def _tree(server: Server, graph: str, graph_input: Any) -> tuple[Any, dict[str, Any]]:
    """A run of a graph with a subgraph (its lifecycle and input events), then
    `agent.getTree`: the root and the subgraph's namespace (`node:<task id>`), each with
    its status and graph name."""
    tid = await new_thread(server)
    async with websockets.connect(server.ws_url(tid)) as raw:
        socket = Socket(raw)
        await socket.call("subscription.subscribe", {"channels": ["lifecycle", "input"]})
        await socket.call("run.start", {"assistant_id": graph, "input": graph_input})
        events = event_view(await socket.events(root_ended))
        return events, response_view(await socket.call("agent.getTree", {}))


def main() -> int:
    theirs_url, ours_url = sys.argv[1], sys.argv[2]
    theirs = asyncio.run(scenario(theirs_url))
    ours = asyncio.run(scenario(ours_url))
    report = {}
    unexpected = []
    for step in theirs:
        same = theirs[step] == ours.get(step)
        report[step] = {"same": same, "langgraph": theirs[step], "ours": ours.get(step)}
        if not same:
            report[step]["why"] = DELIBERATE.get(step)
            if step not in DELIBERATE:
                unexpected.append(step)
    for step in DELIBERATE:
        if report.get(step, {}).get("same"):
            print(f"note: {step} is listed as deliberate but no longer differs")
    if len(sys.argv) > 3:
        with open(sys.argv[3], "w") as f:
            json.dump(report, f, indent=2, default=str)
    for step, row in report.items():
        mark = "same" if row["same"] else ("deliberate" if row.get("why") else "DIFFERS")
        print(f"{mark:10} {step}")
        if not row["same"]:
            print(f"{'':10}   langgraph: {json.dumps(row['langgraph'], default=str)[:400]}")
            print(f"{'':10}   ours:      {json.dumps(row['ours'], default=str)[:400]}")
    print(f"{len(report)} protocol steps: {len(report) - len(unexpected)} same or deliberate, "
          f"{len(unexpected)} unexpected differences")  # fmt: skip
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
