"""One scenario, run through the Python SDK against LangGraph's own server (`langgraph dev`)
and against ours; the answers are compared after normalising ids and timestamps.

    python tests/langgraph_diff/scenario.py <langgraph dev URL> <our URL>/langgraph [report.json]

Exits non-zero when a step differs and is not in DELIBERATE (each with its reason; the
README's LangGraph section lists them). `nox -s langgraph-differential` starts both servers
with the same graphs (langgraph.json here; AP_AGENTS for ours) and runs this.
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
import uuid
from typing import Any

import httpx
from langgraph_sdk import get_client
from normal import UUID, norm  # this folder: the script's own

NAMESPACE_GRAPH = uuid.UUID("6ba7b821-9dad-11d1-80b4-00c04fd430c8")


def default_id(graph_id: str) -> str:
    """A graph's default assistant (LangGraph's server reads only ids on assistant paths)."""
    return str(uuid.uuid5(NAMESPACE_GRAPH, graph_id))


# Steps whose answers differ on purpose: step -> why.
DELIBERATE = {
    "resume_not_interrupted": "a resume of a thread that is not interrupted is a 409 here "
    "(the resume proposal's rule); LangGraph's server accepts it",
    "state_metadata_keys": "checkpoint metadata: ours carries the graph's checkpoint id "
    "(langgraph_checkpoint_id) and our step names; LangGraph's carries its own keys",
    "delete_busy_thread": "deleting a thread with an active run is a 409 thread_busy here "
    "(cancel it first); LangGraph's server cancels the run and answers 204",
    "runs_listed": "the refused early resume made no run here; LangGraph's server made one "
    "that failed",
    "assistant_set_latest": "set_latest restores the version's context too; LangGraph's "
    "in-memory server keeps the latest context",
    "assistant_context_merged": "follows from assistant_set_latest: the run gets version 1's "
    "context here",
    "wait_interrupted": "interrupts carry `id` and `value`, not newer LangGraph's "
    "`response_schema` (null there)",
    "stream_values_only": "a stream ends with an `end` event (the run's status) here; "
    "interrupts carry no `response_schema`",
    "stream_updates_events": "a stream ends with an `end` event (the run's status) here",
    "branch_history_ticks": "history is the chain of checkpoints that led to the thread's "
    "head (the branch a run from a checkpoint made); LangGraph's server lists every "
    "checkpoint of the thread, of every branch, and the graph's `input` checkpoint",
    "history_sources": "a graph's history here is our checkpoints: none before the input "
    "(LangGraph's `input` checkpoint, next `__start__`), the first after it marked `input` "
    "(LangGraph's step-0 `loop`), and the questions in a checkpoint of their own (`interrupt`, "
    "the same values), as for every agent; LangGraph keeps them as the step's pending writes",
    "branch_unknown_checkpoint": "a run from a checkpoint the thread does not have is a 404 "
    "checkpoint_not_found here; LangGraph's server accepts it and the run fails",
    "stream_subgraphs_interrupt": "the graph's own interrupt carries `id` and `value`, not "
    "`response_schema` (as in wait_interrupted); the subgraph's, LangGraph's own, is the same",
    "stream_tools": "stream mode `tools` (in the SDK's StreamMode) is served for graphs here; "
    "LangGraph's server refuses it on runs (422) and uses it for its protocol's runs only",
    "message_keys": "a graph's LangChain messages carry `role` (the Agent Protocol's name) "
    "next to LangChain's `type`, so both path families read the same state",
}


def without_role(value: Any) -> Any:
    """`value` without the `role` of LangChain messages (a message dict with a `type`)."""
    if isinstance(value, dict):
        return {k: without_role(v) for k, v in value.items() if k != "role" or "type" not in value}
    if isinstance(value, list):
        return [without_role(v) for v in value]
    return value


SUBGRAPH_MODES = re.compile(r"^(updates|values|custom)(\|.*)?$")


def is_subgraph_mode(event: str) -> bool:
    return bool(SUBGRAPH_MODES.match(event))


def event_summary(part: Any) -> Any:
    """An `events` event as its kind, runnable name and path depth (their payloads carry
    each server's own run metadata and ids); any other part normalised whole, but for the
    `role` our messages carry (step `message_keys`)."""
    if part.event != "events":
        return (part.event, norm(without_role(part.data)))
    data = part.data
    return (data["event"], data["name"], len(data.get("parent_ids") or ()))


async def status_of(call) -> Any:
    try:
        return {"ok": norm(await call)}
    except Exception as exc:  # an HTTP error: compare its status
        response = getattr(exc, "response", None)
        return {"status": getattr(response, "status_code", type(exc).__name__)}


async def scenario(url: str) -> dict[str, Any]:
    client = get_client(url=url, timeout=60)
    out: dict[str, Any] = {}

    default = await client.assistants.get(default_id("hitl_graph"))
    out["default_assistant"] = norm(
        {k: default[k] for k in ("graph_id", "name", "version", "config", "metadata")}
    )
    made = await client.assistants.create(
        "greeter", context={"greeting": "hi"}, metadata={"diff": True}, name="diff greeter"
    )
    aid = made["assistant_id"]
    out["assistant_create"] = norm(
        {k: made[k] for k in ("graph_id", "name", "version", "context", "metadata")}
    )
    updated = await client.assistants.update(aid, context={"greeting": "hey"})
    out["assistant_update"] = norm({k: updated[k] for k in ("version", "context", "metadata")})
    out["assistant_versions"] = [v["version"] for v in await client.assistants.get_versions(aid)]
    out["assistant_set_latest"] = (await client.assistants.set_latest(aid, 1))["context"]
    out["assistant_count"] = await client.assistants.count(metadata={"diff": True})
    out["assistant_search"] = sorted(
        a["name"] for a in await client.assistants.search(metadata={"diff": True})
    )
    graph = await client.assistants.get_graph(default_id("hitl_graph"))
    out["graph_nodes"] = sorted(n["id"] for n in graph["nodes"])
    out["graph_edges"] = sorted((e["source"], e["target"]) for e in graph["edges"])
    schemas = await client.assistants.get_schemas(default_id("greeter"))
    out["context_schema"] = schemas["context_schema"]["properties"]

    thread = await client.threads.create(metadata={"diff": "yes"})
    tid = thread["thread_id"]
    out["thread_create"] = norm({k: thread[k] for k in ("status", "values", "metadata")})
    out["resume_not_interrupted"] = await status_of(
        client.runs.wait(tid, "hitl_graph", command={"resume": "early"})
    )
    asked = await client.runs.wait(tid, "hitl_graph", input={"question": "ship?"})
    out["wait_interrupted"] = norm(asked)
    got = await client.threads.get(tid)
    out["thread_interrupted"] = norm({k: got[k] for k in ("status", "metadata")})
    state = await client.threads.get_state(tid)
    out["state_interrupted"] = norm({k: state[k] for k in ("values", "next", "interrupts")})
    out["state_metadata_keys"] = sorted(state["metadata"])
    done = await client.runs.wait(tid, "hitl_graph", command={"resume": "yes"})
    out["wait_resumed"] = norm(done)
    out["runs_listed"] = [r["status"] for r in await client.runs.list(tid)]
    out["thread_count"] = await client.threads.count(metadata={"diff": "yes"})
    found = await client.threads.search(metadata={"graph_id": "hitl_graph"})
    out["threads_by_graph_id"] = tid in [t["thread_id"] for t in found]

    fresh = (await client.threads.create())["thread_id"]
    parts = [
        p
        async for p in client.runs.stream(
            fresh, "hitl_graph", input={"question": "q"}, stream_mode=["values"]
        )
    ]
    out["stream_values_only"] = [(p.event, norm(p.data)) for p in parts if p.event != "metadata"]
    parts = [
        p.event
        async for p in client.runs.stream(
            None, "slow_graph", input={"limit": 2}, stream_mode=["updates"]
        )
    ]
    out["stream_updates_events"] = parts

    parts = [
        p
        async for p in client.runs.stream(
            None, "outer_graph", input={"question": "q"},
            stream_mode=["updates", "values", "custom"], stream_subgraphs=True,
        )
    ]  # fmt: skip
    out["stream_subgraphs"] = [
        (UUID.sub("<uuid>", p.event), norm(p.data)) for p in parts if is_subgraph_mode(p.event)
    ]  # a subgraph's events are named `mode|node:<task id>`
    ends = [p.event for p in parts if not is_subgraph_mode(p.event)]
    out["stream_subgraphs_framing"] = [e for e in ends if e != "end"]  # `end`: ours, listed
    parts = [
        p
        async for p in client.runs.stream(
            None, "nested", input={"question": "ship?"},
            stream_mode=["updates"], stream_subgraphs=True,
        )
    ]  # fmt: skip
    out["stream_subgraphs_interrupt"] = [
        (UUID.sub("<uuid>", p.event), norm(p.data)) for p in parts if p.event.startswith("updates")
    ]
    parts = [
        p
        async for p in client.runs.stream(
            None, "chat_graph", input={"messages": [{"type": "human", "content": "hi"}]},
            stream_mode=["events", "values"],
        )
    ]  # fmt: skip
    out["stream_events"] = [event_summary(p) for p in parts if p.event in ("events", "values")]
    last = next(p.data for p in reversed(parts) if p.event == "values")["messages"][-1]
    out["message_keys"] = sorted(last)
    parts = [
        p
        async for p in client.runs.stream(
            None, "tool_graph", input={"messages": [{"type": "human", "content": "Paris"}]},
            stream_mode=["events", "updates"], stream_subgraphs=True,
        )
    ]  # fmt: skip
    out["stream_events_tools"] = [
        event_summary(p) for p in parts if p.event in ("events", "updates")
    ]

    async def tools() -> Any:
        parts = client.runs.stream(
            None, "tool_graph", input={"messages": [{"type": "human", "content": "Oslo"}]},
            stream_mode=["tools"],
        )  # fmt: skip
        return [event_summary(p) async for p in parts if p.event == "tools"]

    out["stream_tools"] = await status_of(tools())

    merged = await client.runs.wait(
        None, aid, input={"question": "Bo"}, context={"punctuation": "?"}
    )
    out["assistant_context_merged"] = merged.get("answer")
    out["context_defaults"] = (await client.runs.wait(None, "greeter", input={"question": "x"}))[
        "answer"
    ]

    chat = (await client.threads.create(graph_id="chat_graph"))["thread_id"]
    await client.threads.update_state(chat, {"messages": [{"type": "human", "content": "hi"}]})
    reply = await client.runs.wait(
        chat, "chat_graph", input={"messages": [{"type": "human", "content": "again"}]}
    )
    out["chat_after_update_state"] = [(m["type"], m["content"]) for m in reply["messages"]]

    out.update(await delayed_runs(client, url))

    cron = await client.crons.create_for_thread(tid, "hitl_graph", schedule="0 0 1 1 *")
    out["cron_search"] = [c["schedule"] for c in await client.crons.search(thread_id=tid)]
    out["cron_count"] = await client.crons.count(thread_id=tid)
    await client.crons.delete(cron["cron_id"])
    out["cron_count_after_delete"] = await client.crons.count(thread_id=tid)

    await client.store.put_item(["diff"], "k", {"v": 1})
    out["store_item"] = (await client.store.get_item(["diff"], "k"))["value"]

    long = await client.runs.create(fresh, "slow_graph", input={"limit": 500},
                                    config={"recursion_limit": 1000}, multitask_strategy="interrupt")  # fmt: skip
    out["delete_busy_thread"] = await status_of(client.threads.delete(fresh))
    await status_of(client.runs.cancel(fresh, long["run_id"], wait=True))
    await client.assistants.delete(aid)
    await graph_steps(client, out)
    return out


async def delayed_runs(client: Any, url: str) -> dict[str, Any]:
    """`after_seconds`: pending meanwhile, under the thread's multitask rules, cancellable;
    run when due. And the GET form of a thread's history."""
    out: dict[str, Any] = {}
    tid = (await client.threads.create())["thread_id"]
    slow = {"assistant_id": "slow_graph", "input": {"limit": 1}}
    later = await client.runs.create(tid, **slow, after_seconds=3600, multitask_strategy="enqueue")
    out["delayed_pending"] = [
        later["status"],
        (await client.runs.get(tid, later["run_id"]))["status"],
        (await client.threads.get(tid))["status"],
    ]
    out["delayed_then_reject"] = await status_of(
        client.runs.create(tid, **slow, multitask_strategy="reject")
    )
    quick = await client.runs.create(tid, **slow, multitask_strategy="enqueue")
    out["delayed_holds_nothing_back"] = [
        norm(await client.runs.join(tid, quick["run_id"])),
        (await client.runs.get(tid, later["run_id"]))["status"],
    ]
    await client.runs.cancel(tid, later["run_id"], wait=True)
    out["delayed_cancelled"] = (await client.runs.get(tid, later["run_id"]))["status"]
    soon = await client.runs.create(
        tid, "slow_graph", input={"limit": 2}, after_seconds=1, multitask_strategy="enqueue"
    )
    out["delayed_joined"] = norm(await client.runs.join(tid, soon["run_id"]))
    out["delayed_wait_stateless"] = norm(await client.runs.wait(None, **slow, after_seconds=1))
    async with httpx.AsyncClient(base_url=url) as http:
        got = await http.get(f"/threads/{tid}/history")
        two = await http.get(f"/threads/{tid}/history", params={"limit": 2})
    posted = await client.threads.get_history(tid, limit=2)
    out["history_get"] = [got.status_code, norm(got.json()) == norm(posted[:1])]
    out["history_get_limit"] = norm(two.json()) == norm(posted)
    return out


def _task_view(task: dict[str, Any]) -> dict[str, Any]:
    """A state's task, without ids: its node, its questions, its subgraph's state."""
    inner = task.get("state")
    return {
        "name": task["name"],
        "interrupts": [i["value"] for i in task["interrupts"]],
        "checkpoint_ns": ((task.get("checkpoint") or {}).get("checkpoint_ns") or "").split(":")[0],
        "state": None
        if inner is None
        else {
            "values": inner["values"],
            "next": inner["next"],
            "tasks": [_task_view(t) for t in inner["tasks"]],
            "checkpoint_ns": inner["checkpoint"]["checkpoint_ns"].split(":")[0],
        },
    }


async def graph_steps(client, out: dict[str, Any]) -> None:
    """interrupt_before/after, a run from a checkpoint, a subgraph's state."""
    tid = (await client.threads.create())["thread_id"]
    out["interrupt_after_wait"] = norm(
        await client.runs.wait(tid, "slow_graph", input={"limit": 3}, interrupt_after=["tick"])
    )
    got = await client.threads.get(tid)
    out["interrupt_after_thread"] = {"status": got["status"], "interrupts": got["interrupts"]}
    state = await client.threads.get_state(tid)
    out["interrupt_after_state"] = {
        "values": state["values"],
        "next": state["next"],
        "interrupts": state["interrupts"],
        "tasks": [_task_view(t) for t in state["tasks"]],
    }
    out["interrupt_after_runs"] = [r["status"] for r in await client.runs.list(tid)]
    out["continue_with_no_input"] = await client.runs.wait(
        tid, "slow_graph", input=None, interrupt_after=["tick"]
    )
    out["continue_with_a_resume"] = await client.runs.wait(
        tid, "slow_graph", command={"resume": "go"}
    )
    out["continued_thread_status"] = (await client.threads.get(tid))["status"]
    parts = client.runs.stream(
        None, "slow_graph", input={"limit": 3}, interrupt_after=["tick"], stream_mode="updates"
    )
    out["interrupt_after_stream"] = [  # (`end`: see stream_updates_events)
        (p.event, p.data) async for p in parts if p.event not in ("metadata", "end")
    ]
    out["interrupt_before_every_node"] = await client.runs.wait(
        None, "slow_graph", input={"limit": 2}, interrupt_before="*"
    )

    tid = (await client.threads.create())["thread_id"]
    await client.runs.wait(tid, "slow_graph", input={"limit": 2})
    history = [h for h in await client.threads.get_history(tid) if h["metadata"]["step"] >= 0]
    mid = next(h for h in history if h["values"].get("ticks") == 1)
    out["branch_run"] = await client.runs.wait(
        tid, "slow_graph", input=None, checkpoint_id=mid["checkpoint"]["checkpoint_id"]
    )
    head = await client.threads.get_state(tid)
    out["branch_state"] = {"values": head["values"], "next": head["next"]}
    chain, at = [], head
    while at.get("parent_checkpoint"):  # from the head back through its parents
        at = await client.threads.get_state(tid, checkpoint=at["parent_checkpoint"])
        chain.append(at["checkpoint"]["checkpoint_id"])
    out["branch_goes_through_the_checkpoint"] = mid["checkpoint"]["checkpoint_id"] in chain
    after = await client.threads.get_history(tid)
    out["branch_history_ticks"] = [h["values"].get("ticks") for h in after]
    out["branch_with_input"] = await client.runs.wait(
        tid, "slow_graph", input={"limit": 3}, checkpoint=mid["checkpoint"]
    )
    out["branch_unknown_checkpoint"] = await status_of(
        client.runs.wait(tid, "slow_graph", input=None, checkpoint_id=str(uuid.uuid4()))
    )

    tid = (await client.threads.create())["thread_id"]
    await client.runs.wait(tid, "hitl_graph", input={"question": "old?"})
    history = await client.threads.get_history(tid, limit=20)
    out["history_sources"] = [(h["metadata"]["source"], h["next"]) for h in history]
    start = [h for h in history if h["next"] == ["ask"]][-1]  # the oldest: before `ask`
    branched = await client.runs.wait(  # the question pending: abandoned by the branch
        tid, "hitl_graph", input={"question": "new?"}, checkpoint=start["checkpoint"]
    )
    out["branch_abandons_question"] = {
        "values": {k: v for k, v in branched.items() if k != "__interrupt__"},
        "asked": [i["value"] for i in branched.get("__interrupt__", ())],
        "thread": (await client.threads.get(tid))["status"],
    }
    out["branch_then_resumed"] = await client.runs.wait(
        tid, "hitl_graph", command={"resume": "yes"}
    )

    tid = (await client.threads.create())["thread_id"]
    asked = await client.runs.wait(tid, "nested", input={"question": "n?"})
    out["subgraph_wait"] = {  # the interrupts' values (see wait_interrupted for the rest)
        **{k: v for k, v in asked.items() if k != "__interrupt__"},
        "__interrupt__": [i["value"] for i in asked.get("__interrupt__", ())],
    }
    plain = await client.threads.get_state(tid)
    out["subgraph_state_tasks"] = [_task_view(t) for t in plain["tasks"]]
    deep = await client.threads.get_state(tid, subgraphs=True)
    out["subgraph_state_deep"] = [_task_view(t) for t in deep["tasks"]]
    inner = deep["tasks"][0]["state"]["checkpoint"]
    at = await client.threads.get_state(tid, checkpoint=inner)
    out["subgraph_checkpoint_state"] = {
        "values": at["values"],
        "next": at["next"],
        "same_checkpoint": at["checkpoint"] == inner,
        "tasks": [_task_view(t) for t in at["tasks"]],
    }
    updated = await client.threads.update_state(
        tid, {"question": "changed?", "steps": ["edited"]}, checkpoint=inner
    )
    new = updated["checkpoint"]
    out["subgraph_update_state"] = {
        "same_namespace": new["checkpoint_ns"] == inner["checkpoint_ns"],
        "new_checkpoint": new["checkpoint_id"] != inner["checkpoint_id"],
        "keys": sorted(new),
    }
    at = await client.threads.get_state(tid, checkpoint=new)
    out["subgraph_updated_state"] = {
        "values": at["values"], "next": at["next"], "source": at["metadata"]["source"],
        "root": (await client.threads.get_state(tid))["values"],
    }  # fmt: skip
    out["subgraph_resumed"] = await client.runs.wait(tid, "nested", command={"resume": "ok"})
    out["subgraph_done_tasks"] = (await client.threads.get_state(tid, subgraphs=True))["tasks"]


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
    if len(sys.argv) > 3:
        with open(sys.argv[3], "w") as f:
            json.dump(report, f, indent=2, default=str)
    for step, row in report.items():
        mark = "same" if row["same"] else ("deliberate" if row.get("why") else "DIFFERS")
        print(f"{mark:10} {step}")
        if not row["same"]:
            print(f"{'':10}   langgraph: {json.dumps(row['langgraph'], default=str)[:300]}")
            print(f"{'':10}   ours:      {json.dumps(row['ours'], default=str)[:300]}")
    print(f"{len(report)} steps: {len(report) - len(unexpected)} same or deliberate, "
          f"{len(unexpected)} unexpected differences")  # fmt: skip
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
