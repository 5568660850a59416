"""The checks of the LangGraph profile (`--api langgraph`): what the LangGraph SDK
(`langgraph-sdk`, `@langchain/langgraph-sdk`) relies on, against any server of the
LangGraph Platform API. Each names its rule: the SDK method and the documented behaviour.

They pass on LangGraph's own server (`langgraph dev`, in-memory) and on ap-server under
`/langgraph`. Where the two legitimately differ (LangGraph silently accepts a resume of a
thread that is not interrupted, ap-server answers 409; a cancelled thread is
`interrupted` there and `idle` here; a missing store item is `200 null` there and 404
here), the checks accept both or leave it out, and say so.
"""

from __future__ import annotations

from typing import Any

from .context import CheckFailed, Reply
from .lg_context import GRAPHS, TERMINAL, LgContext, new_uuid
from .scenarios import Scenario, registrar

LANGGRAPH_SCENARIOS: list[Scenario] = []
ECHO, HITL, SLOW, FAIL = GRAPHS
SHORT = {"steps": 4, "delay": 0.1}
LONG = {"steps": 600, "delay": 0.05}  # 30 s: ended by the check's cancel


def check(name: str, *graphs: str, rule: str) -> Any:
    return registrar(LANGGRAPH_SCENARIOS, name, graphs, rule)


def interrupts_of(values: Any) -> list[dict[str, Any]]:
    pending = values.get("__interrupt__") if isinstance(values, dict) else None
    return pending if isinstance(pending, list) else []


def steps_of(ctx: LgContext, events: list, reply: Reply[Any]) -> list[int]:
    return [ctx.data(e, reply).get("step") for e in events if e.event == "custom"]


async def running(ctx: LgContext, thread_id: str, run_id: str) -> None:
    await ctx.until_status(thread_id, run_id, ("running",))


async def join(ctx: LgContext, thread_id: str, run_id: str) -> Reply[Any]:
    """GET /threads/{thread_id}/runs/{run_id}/join (client.runs.join)."""
    return await ctx.request("GET", f"/threads/{thread_id}/runs/{run_id}/join")


async def cancel_running(ctx: LgContext, params: dict[str, str]) -> tuple[str, str]:
    """A long run on a new thread, cancelled with `params` once running."""
    thread_id = (await ctx.new_thread())["thread_id"]
    run = await ctx.start(thread_id, SLOW, LONG)
    await running(ctx, thread_id, run["run_id"])
    await ctx.request(
        "POST",
        f"/threads/{thread_id}/runs/{run['run_id']}/cancel",
        params=params,
        expect=(200, 202, 204),
    )
    return thread_id, run["run_id"]


async def busy_thread(ctx: LgContext) -> tuple[str, dict[str, Any]]:
    thread_id = (await ctx.new_thread())["thread_id"]
    first = await ctx.start(thread_id, SLOW, LONG)
    await running(ctx, thread_id, first["run_id"])
    return thread_id, first


async def supersede(ctx: LgContext, strategy: str) -> tuple[str, str]:
    """A run created with `strategy` on a busy thread runs to its end; returns the thread
    and the first run's id."""
    thread_id, first = await busy_thread(ctx)
    second = await ctx.start(thread_id, ECHO, {"text": strategy}, multitask_strategy=strategy)
    joined = await join(ctx, thread_id, second["run_id"])
    ctx.contains(joined.parsed, {"echo": strategy}, "values of the new run", joined)
    return thread_id, first["run_id"]


# -- assistants ---------------------------------------------------------------------------


@check(
    "assistants: search and get",
    *GRAPHS,
    rule="client.assistants.search / get: POST /assistants/search lists an assistant per "
    "graph (assistant_id, graph_id); GET /assistants/{assistant_id} returns it; 404 for an unknown id",
)
async def assistants_search_and_get(ctx: LgContext) -> None:
    reply = await ctx.request("POST", "/assistants/search", json={"limit": 100, "offset": 0})
    found = reply.parsed
    ctx.check(isinstance(found, list), "POST /assistants/search: not a list", reply)
    by_graph = {a.get("graph_id"): a for a in found if isinstance(a, dict)}
    missing = [g for g in GRAPHS if g not in by_graph]
    ctx.check(not missing, f"no assistant for the graphs {missing}", reply)
    only = await ctx.request("POST", "/assistants/search", json={"graph_id": SLOW, "limit": 10})
    ctx.check(
        only.parsed and all(a.get("graph_id") == SLOW for a in only.parsed),
        "search by graph_id returned other graphs",
        only,
    )
    assistant = by_graph[ECHO]
    got = await ctx.request("GET", f"/assistants/{assistant['assistant_id']}")
    ctx.equal(got.parsed.get("graph_id"), ECHO, "graph_id of GET /assistants/{assistant_id}", got)
    await ctx.request("GET", f"/assistants/{new_uuid()}", expect=404)


@check(
    "assistants: create, update (a new version), versions, delete",
    ECHO,
    rule="client.assistants.create / update / get_versions / set_latest / delete: an update "
    "makes a new version; set_latest picks one; a deleted assistant is 404",
)
async def assistants_lifecycle(ctx: LgContext) -> None:
    created = await ctx.request(
        "POST",
        "/assistants",
        json={"graph_id": ECHO, "name": "kit-assistant", "config": {}, "metadata": {"kit": 1}},
    )
    assistant = created.parsed
    ctx.check(
        isinstance(assistant, dict) and assistant.get("assistant_id"), "no assistant_id", created
    )
    assistant_id = assistant["assistant_id"]
    ctx.assistant_ids.append(assistant_id)
    ctx.equal(assistant.get("graph_id"), ECHO, "graph_id of the new assistant", created)
    ctx.equal(assistant.get("version"), 1, "version of a new assistant", created)
    updated = await ctx.request(
        "PATCH", f"/assistants/{assistant_id}", json={"metadata": {"kit": 2}}
    )
    ctx.equal(updated.parsed.get("version"), 2, "version after an update", updated)
    versions = await ctx.request("POST", f"/assistants/{assistant_id}/versions", json={})
    ctx.equal(
        sorted(v.get("version") for v in versions.parsed),
        [1, 2],
        "versions of the assistant",
        versions,
    )
    latest = await ctx.request("POST", f"/assistants/{assistant_id}/latest", json={"version": 1})
    ctx.equal(latest.parsed.get("version"), 1, "version after set_latest(1)", latest)
    result = await ctx.wait(None, assistant_id, {"text": "via an assistant"})
    ctx.equal(result.parsed.get("echo"), "via an assistant", "a run of the new assistant", result)
    await ctx.request("DELETE", f"/assistants/{assistant_id}", expect=(200, 204))
    await ctx.request("GET", f"/assistants/{assistant_id}", expect=404)


# -- threads ------------------------------------------------------------------------------


@check(
    "threads: create, get, update, search, delete",
    rule="client.threads.create / get / update / search / delete: metadata merged on update, "
    "searchable; a duplicate thread_id is 409, if_exists=do_nothing returns it; deleted is 404",
)
async def threads_crud(ctx: LgContext) -> None:
    marker = new_uuid()
    thread = await ctx.new_thread({"kit": marker})
    thread_id = thread["thread_id"]
    ctx.equal(thread.get("status"), "idle", "status of a new thread")
    got = await ctx.request("GET", f"/threads/{thread_id}")
    ctx.contains(got.parsed.get("metadata"), {"kit": marker}, "metadata of GET", got)
    await ctx.request("POST", "/threads", json={"thread_id": thread_id}, expect=409)
    same = await ctx.request(
        "POST", "/threads", json={"thread_id": thread_id, "if_exists": "do_nothing"}
    )
    ctx.equal(same.parsed.get("thread_id"), thread_id, "if_exists=do_nothing", same)
    updated = await ctx.request("PATCH", f"/threads/{thread_id}", json={"metadata": {"tag": "x"}})
    ctx.contains(
        updated.parsed.get("metadata"), {"kit": marker, "tag": "x"}, "merged metadata", updated
    )
    found = await ctx.request(
        "POST", "/threads/search", json={"metadata": {"kit": marker}, "limit": 10}
    )
    ctx.equal([t.get("thread_id") for t in found.parsed], [thread_id], "search by metadata", found)
    await ctx.request("DELETE", f"/threads/{thread_id}", expect=(200, 204))
    await ctx.request("GET", f"/threads/{thread_id}", expect=404)


@check(
    "threads: state and history after a run",
    ECHO,
    rule="client.threads.get_state / get_history: the values the run wrote, a checkpoint, "
    "history newest first",
)
async def threads_state(ctx: LgContext) -> None:
    thread_id = (await ctx.new_thread())["thread_id"]
    await ctx.wait(thread_id, ECHO, {"text": "one"})
    await ctx.wait(thread_id, ECHO, {"text": "two"})
    state = await ctx.request("GET", f"/threads/{thread_id}/state")
    ctx.contains(state.parsed.get("values"), {"text": "two", "echo": "two"}, "state values", state)
    checkpoint = state.parsed.get("checkpoint") or {}
    ctx.check(checkpoint.get("checkpoint_id"), "the state has no checkpoint_id", state)
    history = await ctx.request("POST", f"/threads/{thread_id}/history", json={"limit": 10})
    ctx.check(
        isinstance(history.parsed, list) and len(history.parsed) >= 2, "history too short", history
    )
    ctx.contains(history.parsed[0].get("values"), {"echo": "two"}, "newest history entry", history)


@check(
    "threads: a run tags its thread with graph_id and assistant_id",
    ECHO,
    rule="LangGraph Platform: a run sets its thread's metadata graph_id and assistant_id; "
    "clients list a graph's threads by searching them (Agent Chat UI's thread history)",
)
async def threads_tagged(ctx: LgContext) -> None:
    marker = new_uuid()
    thread_id = (await ctx.new_thread({"kit": marker}))["thread_id"]
    await ctx.wait(thread_id, ECHO, {"text": "tag"})
    thread = await ctx.request("GET", f"/threads/{thread_id}")
    metadata = thread.parsed.get("metadata") or {}
    ctx.equal(metadata.get("graph_id"), ECHO, "metadata.graph_id after a run", thread)
    ctx.check(metadata.get("assistant_id"), "no metadata.assistant_id after a run", thread)
    found = await ctx.request(
        "POST", "/threads/search", json={"metadata": {"kit": marker, "graph_id": ECHO}, "limit": 10}
    )
    ctx.equal([t.get("thread_id") for t in found.parsed], [thread_id], "search by graph_id", found)


# -- runs ---------------------------------------------------------------------------------


@check(
    "runs: wait on a thread and stateless",
    ECHO,
    rule="client.runs.wait: the thread's values when the run ends; thread_id None is a "
    "stateless run; Content-Location names the run (the SDK rejoins with it)",
)
async def runs_wait(ctx: LgContext) -> None:
    thread_id = (await ctx.new_thread())["thread_id"]
    result = await ctx.wait(thread_id, ECHO, {"text": "hi"})
    ctx.contains(result.parsed, {"text": "hi", "echo": "hi"}, "values of runs.wait", result)
    location = result.exchange.response.headers.get("content-location", "")
    ctx.check(f"/threads/{thread_id}/runs/" in location, f"Content-Location {location!r}", result)
    stateless = await ctx.wait(None, ECHO, {"text": "alone"})
    ctx.contains(stateless.parsed, {"echo": "alone"}, "values of a stateless runs.wait", stateless)


@check(
    "runs: background, get, list and join",
    ECHO,
    rule="client.runs.create / get / list / join: a pending run that ends success; join "
    "returns the thread's values",
)
async def runs_background(ctx: LgContext) -> None:
    thread_id = (await ctx.new_thread())["thread_id"]
    run = await ctx.start(thread_id, ECHO, {"text": "bg"})
    joined = await join(ctx, thread_id, run["run_id"])
    ctx.contains(joined.parsed, {"echo": "bg"}, "values of runs.join", joined)
    got = await ctx.run(thread_id, run["run_id"])
    ctx.equal(got.parsed.get("status"), "success", "status after join", got)
    listed = await ctx.request("GET", f"/threads/{thread_id}/runs")
    ctx.equal([r.get("run_id") for r in listed.parsed], [run["run_id"]], "runs.list", listed)


@check(
    "runs: stream values and updates",
    ECHO,
    rule="client.runs.stream: SSE, `metadata` (run_id) first, then an event per stream "
    "mode; the last `values` is the final state; Content-Location names the run",
)
async def runs_stream(ctx: LgContext) -> None:
    thread_id = (await ctx.new_thread())["thread_id"]
    reply = await ctx.stream(
        "POST",
        f"/threads/{thread_id}/runs/stream",
        json={"assistant_id": ECHO, "input": {"text": "s"}, "stream_mode": ["values", "updates"]},
    )
    events = reply.parsed
    ctx.check(events, "the stream had no events", reply)
    ctx.equal(events[0].event, "metadata", "the first event", reply)
    run_id = ctx.data(events[0], reply).get("run_id")
    ctx.check(run_id, "the metadata event has no run_id", reply)
    ctx.runs.append((thread_id, run_id))
    names = {e.event for e in events}
    ctx.check({"values", "updates"} <= names, f"events {sorted(names)}", reply)
    ctx.check(
        names <= {"metadata", "values", "updates", "end"}, f"unasked events {sorted(names)}", reply
    )
    last = [ctx.data(e, reply) for e in events if e.event == "values"][-1]
    ctx.contains(last, {"text": "s", "echo": "s"}, "the last values event", reply)
    location = reply.exchange.response.headers.get("content-location", "")
    ctx.check(run_id in location, f"Content-Location {location!r} does not name the run", reply)
    await ctx.until_status(thread_id, run_id, ("success",))


@check(
    "runs: join the stream of a background run",
    SLOW,
    rule="client.runs.join_stream: the events of a run created with stream_resumable, "
    "from its start, in order",
)
async def runs_join_stream(ctx: LgContext) -> None:
    thread_id = (await ctx.new_thread())["thread_id"]
    run = await ctx.start(
        thread_id, SLOW, SHORT, stream_mode=["custom", "values"], stream_resumable=True
    )
    reply = await ctx.stream("GET", f"/threads/{thread_id}/runs/{run['run_id']}/stream")
    ctx.equal(
        steps_of(ctx, reply.parsed, reply), [1, 2, 3, 4], "custom steps of join_stream", reply
    )
    await ctx.until_status(thread_id, run["run_id"], ("success",))


@check(
    "runs: rejoin a stream with Last-Event-ID",
    SLOW,
    rule="client.runs.join_stream(last_event_id=...): the SDK reconnects with the id of the "
    "last event it read; the events after it follow, none lost or repeated",
)
async def runs_rejoin(ctx: LgContext) -> None:
    thread_id = (await ctx.new_thread())["thread_id"]
    run = await ctx.start(
        thread_id, SLOW, SHORT, stream_mode=["custom", "values"], stream_resumable=True
    )
    path = f"/threads/{thread_id}/runs/{run['run_id']}/stream"
    first = await ctx.stream("GET", path, stop=lambda e: e.event == "custom")
    seen = first.parsed
    ctx.check(seen and seen[-1].id, "the events of a resumable stream have no id", first)
    rest = await ctx.stream("GET", path, headers={"Last-Event-ID": seen[-1].id})
    events = seen + rest.parsed
    ctx.equal(
        steps_of(ctx, events, rest), [1, 2, 3, 4], "custom steps before and after rejoining", rest
    )
    ids = [e.id for e in events if e.id]
    ctx.check(len(ids) == len(set(ids)), f"repeated event ids: {ids}", rest)


@check(
    "runs: join_stream with Last-Event-ID -1 replays the whole run",
    SLOW,
    rule="client.runs.join_stream(last_event_id='-1') (the JS SDK's reconnect on mount): every "
    "event of the run from its start",
)
async def runs_replay_all(ctx: LgContext) -> None:
    thread_id = (await ctx.new_thread())["thread_id"]
    run = await ctx.start(
        thread_id, SLOW, SHORT, stream_mode=["custom", "values"], stream_resumable=True
    )
    await join(ctx, thread_id, run["run_id"])
    path = f"/threads/{thread_id}/runs/{run['run_id']}/stream"
    reply = await ctx.stream("GET", path, headers={"Last-Event-ID": "-1"})
    ctx.equal(reply.parsed[0].event if reply.parsed else None, "metadata", "the first event", reply)
    ctx.equal(steps_of(ctx, reply.parsed, reply), [1, 2, 3, 4], "custom steps replayed", reply)


@check(
    "runs: a failing graph",
    FAIL,
    rule="client.runs.wait: `__error__` ({error, message}) when the run fails; the run's status "
    "is error",
)
async def runs_fail(ctx: LgContext) -> None:
    thread_id = (await ctx.new_thread())["thread_id"]
    result = await ctx.wait(thread_id, FAIL, {})
    error = result.parsed.get("__error__")
    ctx.check(isinstance(error, dict), "no __error__ in the values of a failed run", result)
    ctx.equal(error.get("error"), "ValueError", "__error__.error", result)
    listed = await ctx.request("GET", f"/threads/{thread_id}/runs")
    ctx.equal(
        [r.get("status") for r in listed.parsed], ["error"], "status of the failed run", listed
    )


# -- human in the loop --------------------------------------------------------------------


@check(
    "interrupt: wait, then command.resume",
    HITL,
    rule="interrupt() and Command(resume=...): runs.wait returns `__interrupt__` "
    "[{id, value}]; the thread is interrupted with the interrupt listed; a run with "
    "command.resume continues the graph, and the thread is idle again",
)
async def interrupt_resume(ctx: LgContext) -> None:
    thread_id = (await ctx.new_thread())["thread_id"]
    asked = await ctx.wait(thread_id, HITL, {"question": "ship it?"})
    pending = interrupts_of(asked.parsed)
    ctx.equal([p.get("value") for p in pending], [{"question": "ship it?"}], "__interrupt__", asked)
    thread = await ctx.request("GET", f"/threads/{thread_id}")
    ctx.equal(thread.parsed.get("status"), "interrupted", "thread status after interrupt()", thread)
    listed = [i for group in (thread.parsed.get("interrupts") or {}).values() for i in group]
    ctx.check(
        {"question": "ship it?"} in [i.get("value") for i in listed],
        f"thread.interrupts does not list the question: {thread.parsed.get('interrupts')}",
        thread,
    )
    done = await ctx.wait(thread_id, HITL, command={"resume": "yes"})
    ctx.contains(done.parsed, {"answer": "yes"}, "values after command.resume", done)
    ctx.check(not interrupts_of(done.parsed), "still interrupted after the resume", done)
    after = await ctx.request("GET", f"/threads/{thread_id}")
    ctx.equal(after.parsed.get("status"), "idle", "thread status after the resume", after)


@check(
    "interrupt: stream the question, resume with a stream",
    HITL,
    rule="client.runs.stream with stream_mode values: the interrupt appears as `__interrupt__` "
    "in the stream (values or updates); a stream with command.resume ends with the answer",
)
async def interrupt_stream(ctx: LgContext) -> None:
    thread_id = (await ctx.new_thread())["thread_id"]
    path = f"/threads/{thread_id}/runs/stream"
    asked = await ctx.stream(
        "POST",
        path,
        json={
            "assistant_id": HITL,
            "input": {"question": "q?"},
            "stream_mode": ["values", "updates"],
        },
    )
    data = [ctx.data(e, asked) for e in asked.parsed if e.event in ("values", "updates")]
    pending = [i for d in data if isinstance(d, dict) for i in interrupts_of(d)]
    ctx.check(
        {"question": "q?"} in [p.get("value") for p in pending],
        "no __interrupt__ with the question in the stream",
        asked,
    )
    run_id = ctx.data(asked.parsed[0], asked).get("run_id")
    ctx.runs.append((thread_id, run_id))
    await ctx.until_status(thread_id, run_id, TERMINAL)
    answered = await ctx.stream(
        "POST",
        path,
        json={"assistant_id": HITL, "command": {"resume": "no"}, "stream_mode": ["values"]},
    )
    last = [ctx.data(e, answered) for e in answered.parsed if e.event == "values"][-1]
    ctx.contains(last, {"answer": "no"}, "the last values after the resume", answered)


# -- cancel -------------------------------------------------------------------------------


@check(
    "cancel: interrupt with wait",
    SLOW,
    rule="client.runs.cancel(wait=True, action='interrupt'): returns once the run stopped; "
    "the run is interrupted, the thread no longer busy, join returns",
)
async def cancel_interrupt(ctx: LgContext) -> None:
    thread_id, run_id = await cancel_running(ctx, {"wait": "true", "action": "interrupt"})
    got = await ctx.run(thread_id, run_id)
    ctx.equal(got.parsed.get("status"), "interrupted", "status right after cancel(wait=True)", got)
    thread = await ctx.request("GET", f"/threads/{thread_id}")
    # LangGraph marks the thread interrupted, ap-server idle (spec/README): both not busy.
    ctx.check(thread.parsed.get("status") in ("idle", "interrupted"), "thread still busy", thread)
    await join(ctx, thread_id, run_id)


@check(
    "cancel: rollback",
    SLOW,
    rule="client.runs.cancel(action='rollback'): the run is deleted (404) with what it wrote",
)
async def cancel_rollback(ctx: LgContext) -> None:
    thread_id, run_id = await cancel_running(ctx, {"wait": "true", "action": "rollback"})

    async def gone() -> tuple[bool, None]:
        reply = await ctx.run(thread_id, run_id, expect=(200, 404))
        return reply.status == 404, None

    await ctx.until(gone, f"run {run_id} deleted by the rollback")


@check(
    "cancel: without wait, then join",
    SLOW,
    rule="client.runs.cancel(wait=False): accepted at once; join returns when the run stopped, "
    "interrupted",
)
async def cancel_no_wait(ctx: LgContext) -> None:
    thread_id, run_id = await cancel_running(ctx, {})
    await join(ctx, thread_id, run_id)
    got = await ctx.run(thread_id, run_id)
    ctx.equal(got.parsed.get("status"), "interrupted", "status after cancel and join", got)


# -- multitask ----------------------------------------------------------------------------


@check(
    "multitask: reject",
    SLOW,
    ECHO,
    rule="multitask_strategy='reject': a run on a busy thread is refused with 409",
)
async def multitask_reject(ctx: LgContext) -> None:
    thread_id, _ = await busy_thread(ctx)
    await ctx.request(
        "POST",
        f"/threads/{thread_id}/runs",
        json={"assistant_id": ECHO, "input": {"text": "x"}, "multitask_strategy": "reject"},
        expect=409,
    )


@check(
    "multitask: enqueue",
    SLOW,
    ECHO,
    rule="multitask_strategy='enqueue': the second run waits for the first; both succeed, in order",
)
async def multitask_enqueue(ctx: LgContext) -> None:
    thread_id = (await ctx.new_thread())["thread_id"]
    first = await ctx.start(thread_id, SLOW, SHORT)
    second = await ctx.start(thread_id, ECHO, {"text": "next"}, multitask_strategy="enqueue")
    joined = await join(ctx, thread_id, second["run_id"])
    ctx.contains(joined.parsed, {"echo": "next", "done": 4}, "values after both runs", joined)
    for run in (first, second):
        got = await ctx.run(thread_id, run["run_id"])
        ctx.equal(got.parsed.get("status"), "success", f"status of run {run['run_id']}", got)


@check(
    "multitask: interrupt",
    SLOW,
    ECHO,
    rule="multitask_strategy='interrupt': the current run is interrupted (its work kept), "
    "then the new one runs",
)
async def multitask_interrupt(ctx: LgContext) -> None:
    thread_id, first = await supersede(ctx, "interrupt")
    got = await ctx.run(thread_id, first)
    ctx.equal(got.parsed.get("status"), "interrupted", "status of the interrupted run", got)


@check(
    "multitask: rollback",
    SLOW,
    ECHO,
    rule="multitask_strategy='rollback': the current run is cancelled and deleted (404), "
    "then the new one runs",
)
async def multitask_rollback(ctx: LgContext) -> None:
    thread_id, first = await supersede(ctx, "rollback")
    await ctx.run(thread_id, first, expect=404)


# -- store --------------------------------------------------------------------------------


@check(
    "store: put, get, search, namespaces, delete",
    rule="client.store.put_item / get_item / search_items / list_namespaces / delete_item; "
    "a deleted item is gone (404, or 200 null as LangGraph's server answers)",
)
async def store(ctx: LgContext) -> None:
    space = ["kit", new_uuid()]
    await ctx.request(
        "PUT",
        "/store/items",
        json={"namespace": space, "key": "k", "value": {"v": 1}},
        expect=(200, 204),
    )
    params = {"namespace": ".".join(space), "key": "k"}
    item = await ctx.request("GET", "/store/items", params=params)
    ctx.contains(item.parsed, {"namespace": space, "key": "k", "value": {"v": 1}}, "the item", item)
    found = await ctx.request(
        "POST",
        "/store/items/search",
        json={"namespace_prefix": space[:1], "filter": {"v": 1}, "limit": 100},
    )
    keys = [(i.get("namespace"), i.get("key")) for i in found.parsed.get("items", [])]
    ctx.check((space, "k") in keys, f"search_items did not find the item: {keys}", found)
    spaces = await ctx.request("POST", "/store/namespaces", json={"prefix": space, "limit": 100})
    ctx.equal(spaces.parsed.get("namespaces"), [space], "list_namespaces", spaces)
    await ctx.request(
        "DELETE", "/store/items", json={"namespace": space, "key": "k"}, expect=(200, 204)
    )
    gone = await ctx.request("GET", "/store/items", params=params, expect=(200, 404))
    if gone.status == 200 and gone.parsed is not None:
        raise CheckFailed("GET of a deleted item returned it", gone.exchange)
