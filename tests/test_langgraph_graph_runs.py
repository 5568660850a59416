"""What only a LangGraph graph honours, through the real langgraph-sdk: `interrupt_before`
/ `interrupt_after` (runs, batches, crons), `checkpoint` / `checkpoint_id` (a run branches at
that checkpoint), a subgraph's state (`get_state(subgraphs=True)`, a subgraph's
`checkpoint_ns`, read and updated); an agent that is not a graph refuses each by name."""

from __future__ import annotations

import uuid

import httpx
import pytest
from langgraph_sdk.errors import NotFoundError, UnprocessableEntityError

from .helpers import eventually
from .lg_fixtures import client_fixture, lg_server_on  # noqa: F401

GRAPHS = "tests.langgraph_graphs"
lg_server = lg_server_on(",".join(f"{GRAPHS}:{n}" for n in ("slow_graph", "nested", "hitl_graph")))


async def test_interrupt_after_stops_and_a_later_run_goes_on(client):
    thread_id = (await client.threads.create())["thread_id"]
    stopped = await client.runs.wait(
        thread_id, "slow_graph", input={"limit": 3}, interrupt_after=["tick"]
    )
    assert stopped == {"limit": 3, "steps": ["tick"], "ticks": 1}  # no __interrupt__: no question
    assert [r["status"] for r in await client.runs.list(thread_id)] == ["success"]
    thread = await client.threads.get(thread_id)
    assert thread["status"] == "interrupted" and thread["interrupts"] == {}
    state = await client.threads.get_state(thread_id)
    assert state["next"] == ["tick"] and state["interrupts"] == []
    assert [t["name"] for t in state["tasks"]] == ["tick"]

    # Input null goes on from where the graph stopped (and stops again, as asked).
    again = await client.runs.wait(thread_id, "slow_graph", input=None, interrupt_after=["tick"])
    assert again["ticks"] == 2
    # A resume goes on too (its value unused: nothing asked), here to the end.
    done = await client.runs.wait(thread_id, "slow_graph", command={"resume": "go"})
    assert done["ticks"] == 3 and done["steps"] == ["tick"] * 3
    assert (await client.threads.get(thread_id))["status"] == "idle"
    assert (await client.threads.get_state(thread_id))["next"] == []


async def test_a_resumed_graph_streams_the_state_it_goes_on_from_first(client):
    """As LangGraph's `astream` (and so its server) does: a run with a resume, or with
    input null, streams the interrupted state as `values` before its first step."""
    thread_id = (await client.threads.create())["thread_id"]
    stopped = await client.runs.wait(
        thread_id, "slow_graph", input={"limit": 3}, interrupt_after=["tick"]
    )
    for more in ({"input": None, "interrupt_after": ["tick"]}, {"command": {"resume": "go"}}):
        parts = [
            p.data
            async for p in client.runs.stream(thread_id, "slow_graph", stream_mode="values", **more)
            if p.event == "values"
        ]
        assert parts[0] == stopped and parts[1]["ticks"] == stopped["ticks"] + 1, parts
        stopped = parts[-1]
    assert stopped["ticks"] == 3


async def test_interrupt_before_every_node_in_stream_create_and_batch(client):
    parts = [
        p
        async for p in client.runs.stream(
            None, "slow_graph", input={"limit": 2}, interrupt_before="*", stream_mode="values"
        )
    ]
    values = [p.data for p in parts if p.event == "values"]
    assert values[-1] == {"limit": 2, "steps": []}  # stopped before the first node
    assert parts[-1].event == "end"
    parts = [
        (p.event, p.data)
        async for p in client.runs.stream(
            None, "slow_graph", input={"limit": 2}, interrupt_after="*", stream_mode="updates"
        )
    ]
    # As LangGraph's server streams it: an empty __interrupt__ (nothing asked), then the end.
    assert [e for e, _ in parts] == ["metadata", "updates", "updates", "end"]
    assert parts[1][1] == {"tick": {"ticks": 1, "steps": ["tick"]}}
    assert parts[2][1] == {"__interrupt__": []}

    thread_id = (await client.threads.create())["thread_id"]
    run = await client.runs.create(thread_id, "slow_graph", input={"limit": 2}, interrupt_before=["tick"])  # fmt: skip
    assert await client.runs.join(thread_id, run["run_id"]) == {"limit": 2, "steps": []}
    assert (await client.threads.get_state(thread_id))["next"] == ["tick"]

    [batched] = await client.runs.create_batch(
        [{"assistant_id": "slow_graph", "input": {"limit": 2}, "interrupt_after": "*"}]
    )
    joined = await client.runs.join(batched["thread_id"], batched["run_id"])
    assert joined["ticks"] == 1


async def test_a_run_from_a_checkpoint_branches_there(client):
    thread_id = (await client.threads.create())["thread_id"]
    await client.runs.wait(thread_id, "slow_graph", input={"limit": 2})
    history = await client.threads.get_history(thread_id)
    assert [h["values"].get("ticks") for h in history][:2] == [2, 1]
    first_tick, last = history[1], history[0]

    # From the state after the first tick, with no input: the graph runs its second again.
    branched = await client.runs.wait(
        thread_id, "slow_graph", input=None, checkpoint_id=first_tick["checkpoint"]["checkpoint_id"]
    )
    assert branched["ticks"] == 2 and branched["steps"] == ["tick", "tick"]
    after = await client.threads.get_history(thread_id)
    assert after[0]["checkpoint"]["checkpoint_id"] != last["checkpoint"]["checkpoint_id"]
    assert after[0]["parent_checkpoint"]["checkpoint_id"] == first_tick["checkpoint"]["checkpoint_id"]  # fmt: skip
    # The other branch is still there, by its id.
    old = await client.threads.get_state(
        thread_id, checkpoint_id=last["checkpoint"]["checkpoint_id"]
    )
    assert old["values"]["ticks"] == 2

    # `checkpoint` (as a state gives it), with new input: from there, with that input.
    more = await client.runs.wait(
        thread_id, "slow_graph", input={"limit": 4}, checkpoint=first_tick["checkpoint"]
    )
    assert more["ticks"] == 4 and more["steps"] == ["tick"] * 4

    # Queued behind another run (the worker, not the creating request, reads where it starts).
    first = await client.runs.create(thread_id, "slow_graph", input={"limit": 30})
    queued = await client.runs.create(
        thread_id,
        "slow_graph",
        input=None,
        checkpoint_id=first_tick["checkpoint"]["checkpoint_id"],
        multitask_strategy="enqueue",
    )
    assert queued["status"] == "pending"
    await client.runs.join(thread_id, first["run_id"])
    assert (await client.runs.join(thread_id, queued["run_id"]))["ticks"] == 2
    head = await client.threads.get_state(thread_id)
    assert head["parent_checkpoint"]["checkpoint_id"] == first_tick["checkpoint"]["checkpoint_id"]

    with pytest.raises(httpx.HTTPStatusError) as unknown:  # the SDK's wait raises httpx's
        await client.runs.wait(thread_id, "slow_graph", input=None, checkpoint_id=str(uuid.uuid4()))
    assert unknown.value.response.status_code == 404
    assert unknown.value.response.json()["code"] == "checkpoint_not_found"
    with pytest.raises(UnprocessableEntityError):  # not a checkpoint id at all
        await client.runs.create(thread_id, "slow_graph", input=None, checkpoint_id="1f0-bad")
    with pytest.raises(httpx.HTTPStatusError):  # a stateless run has no checkpoint
        await client.runs.wait(None, "slow_graph", input=None, checkpoint_id=str(uuid.uuid4()))


async def test_a_run_from_a_checkpoint_abandons_a_pending_question(client):
    """As on LangGraph's server: branching from an earlier checkpoint of a thread waiting
    for an answer is no 409 `thread_interrupted` (the default strategy): the question is
    abandoned, the branch may ask its own, which a resume then answers."""
    thread_id = (await client.threads.create())["thread_id"]
    asked = await client.runs.wait(thread_id, "hitl_graph", input={"question": "old?"})
    assert [i["value"] for i in asked["__interrupt__"]] == [{"question": "old?"}]
    history = await client.threads.get_history(thread_id, limit=20)
    start = next(h for h in history if h["next"] == ["ask"] and not h["interrupts"])
    with pytest.raises(httpx.HTTPStatusError) as refused:  # a new input, no checkpoint
        await client.runs.wait(thread_id, "hitl_graph", input={"question": "again?"})
    assert refused.value.response.status_code == 409

    branched = await client.runs.wait(
        thread_id, "hitl_graph", input={"question": "new?"}, checkpoint=start["checkpoint"]
    )
    assert [i["value"] for i in branched["__interrupt__"]] == [{"question": "new?"}]
    thread = await client.threads.get(thread_id)
    assert thread["status"] == "interrupted"
    [pending] = [i["value"] for v in thread["interrupts"].values() for i in v]
    assert pending == {"question": "new?"}
    done = await client.runs.wait(thread_id, "hitl_graph", command={"resume": "yes"})
    assert done["answer"] == "yes" and done["question"] == "new?"
    assert (await client.threads.get(thread_id))["status"] == "idle"

    # With no input, from the checkpoint where the question was asked: asked again.
    await client.runs.wait(thread_id, "hitl_graph", input={"question": "third?"})
    again = await client.runs.wait(
        thread_id, "hitl_graph", input=None, checkpoint_id=start["checkpoint"]["checkpoint_id"]
    )
    assert [i["value"] for i in again["__interrupt__"]] == [{"question": "old?"}]
    assert [r["status"] for r in await client.runs.list(thread_id)] == ["success"] * 5
    # The server's own config key for it is no way around the checks (the 404, the 409).
    for key in ("ap_start_checkpoint_id", "langgraph_interrupt_before"):
        with pytest.raises(UnprocessableEntityError) as reserved:
            await client.runs.create(thread_id, "hitl_graph", input=None, config={key: str(uuid.uuid4())})  # fmt: skip
        assert reserved.value.response.json()["metadata"]["errors"][0]["loc"] == ["config", key]


async def test_subgraph_state_and_checkpoints(client):
    thread_id = (await client.threads.create())["thread_id"]
    asked = await client.runs.wait(thread_id, "nested", input={"question": "n?"})
    assert asked["__interrupt__"][0]["value"] == {"question": "n?"}

    plain = await client.threads.get_state(thread_id)
    [task] = plain["tasks"]
    assert task["name"] == "inner" and task["state"] is None
    assert task["checkpoint"]["checkpoint_ns"].startswith("inner:")

    deep = await client.threads.get_state(thread_id, subgraphs=True)
    [task] = deep["tasks"]
    inner = task["state"]
    assert inner["values"] == {"question": "n?", "steps": []} and inner["next"] == ["ask"]
    assert inner["tasks"][0]["interrupts"][0]["value"] == {"question": "n?"}
    sub_checkpoint = inner["checkpoint"]
    assert sub_checkpoint["checkpoint_ns"] == task["checkpoint"] or sub_checkpoint[
        "checkpoint_ns"
    ].startswith("inner:")

    # A subgraph's checkpoint, read by the checkpoint a state gave.
    at = await client.threads.get_state(thread_id, checkpoint=sub_checkpoint)
    assert at["values"] == inner["values"] and at["checkpoint"] == sub_checkpoint
    history = await client.threads.get_history(thread_id, checkpoint=sub_checkpoint)
    assert history[0]["checkpoint"]["checkpoint_id"] == sub_checkpoint["checkpoint_id"]
    namespace = {"checkpoint_ns": sub_checkpoint["checkpoint_ns"]}  # the SDK's form, no id
    history = await client.threads.get_history(thread_id, checkpoint=namespace)
    assert history[0]["checkpoint"] == sub_checkpoint and len(history) > 1
    assert all(h["checkpoint"]["checkpoint_ns"] == namespace["checkpoint_ns"] for h in history)
    # A namespace with no checkpoint has no history (as LangGraph's server answers).
    assert await client.threads.get_history(thread_id, checkpoint={"checkpoint_ns": "no:1"}) == []
    with pytest.raises(NotFoundError):
        await client.threads.get_state(
            thread_id, checkpoint={**sub_checkpoint, "checkpoint_ns": "nowhere:1"}
        )
    with pytest.raises(UnprocessableEntityError):  # a run starts from the root graph's only
        await client.runs.create(thread_id, "nested", input=None, checkpoint=sub_checkpoint)

    done = await client.runs.wait(thread_id, "nested", command={"resume": "ok"})
    assert done["answer"] == "ok"
    assert (await client.threads.get_state(thread_id, subgraphs=True))["tasks"] == []


async def test_update_state_of_a_subgraph(client):
    """A subgraph's `checkpoint_ns` on `update_state`: LangGraph's `aupdate_state` with that
    config, as LangGraph's server does it; the next run goes on from the subgraph's state."""
    thread_id = (await client.threads.create())["thread_id"]
    await client.runs.wait(thread_id, "nested", input={"question": "n?"})
    inner = (await client.threads.get_state(thread_id, subgraphs=True))["tasks"][0]["state"]
    updated = await client.threads.update_state(
        thread_id, {"question": "changed?", "steps": ["edited"]}, checkpoint=inner["checkpoint"]
    )
    new = updated["checkpoint"]  # the subgraph's new checkpoint, as LangGraph's server gives
    assert new["checkpoint_ns"] == inner["checkpoint"]["checkpoint_ns"]
    assert new["checkpoint_id"] != inner["checkpoint"]["checkpoint_id"]
    at = await client.threads.get_state(thread_id, checkpoint=new)
    assert at["values"] == {"question": "changed?", "steps": ["edited"]}
    assert at["next"] == ["ask"] and at["metadata"]["source"] == "update"
    deep = await client.threads.get_state(thread_id, subgraphs=True)
    assert deep["values"] == {"question": "n?", "steps": []}  # the root's: unchanged
    assert deep["tasks"][0]["state"]["checkpoint"] == new
    # The resume answers the question the subgraph asks from its new state.
    done = await client.runs.wait(thread_id, "nested", command={"resume": "yes"})
    assert done["question"] == "changed?" and done["answer"] == "yes"
    assert done["steps"] == ["edited", "ask", "finish", "finish"]
    assert (await client.threads.get(thread_id))["status"] == "idle"

    # A namespace the graph has no subgraph at, a node the subgraph lacks: 422.
    for wrong, as_node in (({**new, "checkpoint_ns": "nowhere:1"}, None), (new, "nope")):
        with pytest.raises(UnprocessableEntityError):
            await client.threads.update_state(thread_id, {"question": "x"}, checkpoint=wrong, as_node=as_node)  # fmt: skip
    # A thread with an active run: 409 (no run starts while the graph's state changes).
    slow = {"limit": 1000}
    run = await client.runs.create(thread_id, "slow_graph", input=slow, config={"recursion_limit": 3000})  # fmt: skip
    with pytest.raises(httpx.HTTPStatusError) as busy:
        await client.threads.update_state(thread_id, {"question": "x"}, checkpoint=new)
    assert busy.value.response.status_code == 409
    assert busy.value.response.json()["code"] == "thread_busy"
    await client.runs.cancel(thread_id, run["run_id"], wait=True)


@pytest.mark.parametrize(
    "fields",
    [
        {"interrupt_before": ["x"]},
        {"interrupt_after": "*"},
        {"checkpoint_id": str(uuid.UUID(int=1))},
        {"checkpoint": {"checkpoint_id": str(uuid.UUID(int=1))}},
    ],
)
async def test_an_agent_that_is_not_a_graph_refuses_them_by_name(client, fields):
    thread_id = (await client.threads.create())["thread_id"]
    with pytest.raises(UnprocessableEntityError) as refused:
        await client.runs.create(thread_id, "echo", input={}, **fields)
    body = refused.value.response.json()
    assert body["code"] == "not_supported" and next(iter(fields)) in body["message"]


async def test_crons_carry_the_nodes_to_their_runs(client):
    cron = await client.crons.create(
        "slow_graph", schedule="0 0 1 1 *", input={"limit": 2}, interrupt_before=["tick"]
    )
    [found] = await client.crons.search(assistant_id="slow_graph")
    assert found["payload"]["interrupt_before"] == ["tick"]
    await client.crons.update(cron["cron_id"], interrupt_after="*")
    [found] = await client.crons.search(assistant_id="slow_graph")
    assert found["payload"]["interrupt_after"] == "*"
    await client.crons.delete(cron["cron_id"])
    with pytest.raises(UnprocessableEntityError) as refused:
        await client.crons.create("echo", schedule="0 0 1 1 *", interrupt_after=["x"])
    assert "interrupt_after" in refused.value.response.json()["message"]


async def test_a_crons_firing_stops_at_its_nodes(client):
    thread_id = (await client.threads.create())["thread_id"]
    cron = await client.crons.create_for_thread(
        thread_id,
        "slow_graph",
        schedule="* * * * * *",
        input={"limit": 2},
        interrupt_before=["tick"],
    )

    async def fired() -> list:
        return await client.runs.list(thread_id)

    first = (await eventually(fired, "the cron's first firing"))[-1]
    await client.crons.delete(cron["cron_id"])
    assert first["metadata"]["cron_id"] == cron["cron_id"]
    assert await client.runs.join(thread_id, first["run_id"]) == {"limit": 2, "steps": []}
    state = await client.threads.get_state(thread_id)
    assert state["next"] == ["tick"] and state["values"]["steps"] == []


async def test_a_copied_threads_state_keeps_its_questions(client):
    """The graph's checkpoints stay under the original thread: a copy's state shows the
    questions from our own checkpoint."""
    thread_id = (await client.threads.create())["thread_id"]
    await client.runs.wait(thread_id, "nested", input={"question": "copied?"})
    copy = (await client.threads.copy(thread_id))["thread_id"]
    state = await client.threads.get_state(copy, subgraphs=True)
    assert state["next"] == ["inner"]
    assert [i["value"] for t in state["tasks"] for i in t["interrupts"]] == [
        {"question": "copied?"}
    ]
