"""The checks: small behavioural scenarios, each on threads of its own.

A check is an async function of a `CheckContext`, registered with `@scenario(name, agents)`
in the order they run. The agents it names must be served (the contract is in the
package docstring); otherwise the runner skips it. Names read "<group>: <what>"; `--only`
matches them.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from agent_protocol_client.api.background_runs import cancel_run, create_run, get_run, search_runs
from agent_protocol_client.api.runs import create_and_wait_run, resume_and_wait_run, resume_run
from agent_protocol_client.api.threads import (
    copy_thread,
    create_thread,
    delete_thread,
    get_thread,
    get_thread_history,
    patch_thread,
)
from agent_protocol_client.models import (
    CancelAction,
    Run,
    RunCreate,
    RunResume,
    RunResumeStream,
    RunSearchRequest,
    RunStream,
    RunWaitResponse,
    Thread,
    ThreadCreate,
    ThreadPatch,
    ThreadState,
)
from agent_protocol_client.sse import create_and_stream_run, resume_and_stream_run, stream_run
from agent_protocol_client.types import UNSET

from .context import ACTIVE, CheckContext, Reply, contains, plain, values_of

Check = Callable[[CheckContext], Awaitable[None]]

# Inputs of the slow agent: a run that ends by itself soon, and one that only a cancel ends.
SHORT = {"steps": 4, "delay": 0.1}
LONG = {"steps": 100, "delay": 0.1}


@dataclass(frozen=True)
class Scenario:
    name: str
    agents: tuple[str, ...]
    run: Any  # an async function of the profile's context (CheckContext or LgContext)
    description: str
    rule: str = ""  # the spec section or documented behaviour the check enforces

    @property
    def group(self) -> str:
        return self.name.split(":", 1)[0]


SCENARIOS: list[Scenario] = []


def scenario(name: str, *agents: str, rule: str = "") -> Callable[[Check], Check]:
    return registrar(SCENARIOS, name, agents, rule)


def registrar(
    registry: list[Scenario], name: str, agents: tuple[str, ...], rule: str
) -> Callable[[Any], Any]:
    """A decorator adding a check to `registry`; its docstring is its description."""

    def register(check: Any) -> Any:
        doc = " ".join((check.__doc__ or "").split())
        registry.append(Scenario(name, agents, check, doc, rule))
        return check

    return register


def patch(**body: Any) -> ThreadPatch:
    return ThreadPatch.from_dict(body)


async def history(ctx: CheckContext, thread_id: uuid.UUID, **params: Any) -> Reply[Any]:
    reply = await ctx.call(get_thread_history, thread_id, **params)
    ctx.check(
        isinstance(reply.parsed, list) and all(isinstance(s, ThreadState) for s in reply.parsed),
        f"{reply.exchange.route}: expected a list of ThreadState",
        reply,
    )
    return reply


async def interrupted_thread(ctx: CheckContext, question: str) -> Thread:
    """A thread whose hitl run asked `question` and waits for the answer."""
    thread = await ctx.new_thread({"kit": "conformance"})
    result = await ctx.run_wait("hitl", {"question": question}, thread.thread_id)
    ctx.equal(result.run.status, "interrupted", "status of a hitl run that asked a question")
    if result.interrupts is not UNSET:  # an extension: checked when the server has it
        asked = [plain(i.value) for i in result.interrupts]
        ctx.check(
            {"question": question} in asked,
            f"the run's interrupts do not ask {question!r}: {asked}",
        )
    thread = await ctx.thread(thread.thread_id)
    ctx.equal(thread.status, "interrupted", "status of the thread after the interrupt")
    return thread


# -- threads ------------------------------------------------------------------------------


@scenario(
    "threads: create and get",
    rule="openapi.yaml POST /threads (if_exists, 409 thread_exists), GET /threads/{thread_id} (404 not_found)",
)
async def create_and_get(ctx: CheckContext) -> None:
    """A new thread is idle with its metadata; GET returns it; its id is unique."""
    thread_id = uuid.uuid4()
    thread = await ctx.new_thread({"kit": "conformance", "n": 1}, thread_id=str(thread_id))
    ctx.equal(thread.thread_id, thread_id, "thread_id of a thread created with one")
    ctx.check(contains(plain(thread.metadata), {"kit": "conformance", "n": 1}), "metadata lost")
    ctx.equal(thread.status, "idle", "status of a new thread")
    got = await ctx.thread(thread_id)
    ctx.equal(got.thread_id, thread_id, "thread_id of GET /threads/{thread_id}")
    ctx.check(contains(plain(got.metadata), {"kit": "conformance", "n": 1}), "metadata lost")
    ctx.equal(values_of(got), {}, "values of a new thread")
    body = ThreadCreate.from_dict({"thread_id": str(thread_id), "if_exists": "raise"})
    await ctx.error(create_thread, body=body, status=409, code="thread_exists")
    await ctx.error(get_thread, uuid.uuid4(), status=404, code="not_found")


@scenario(
    "threads: patch metadata and values",
    rule="openapi.yaml PATCH /threads/{thread_id}: metadata merged, values merged as a new checkpoint",
)
async def patch_metadata_and_values(ctx: CheckContext) -> None:
    """PATCH merges metadata, and merges values key by key into the state."""
    thread = await ctx.new_thread({"a": 1})
    reply = await ctx.call(patch_thread, thread.thread_id, body=patch(metadata={"b": 2}))
    patched = ctx.is_a(reply, Thread)
    ctx.check(
        contains(plain(patched.metadata), {"a": 1, "b": 2}),
        f"metadata not merged: {plain(patched.metadata)}",
        reply,
    )
    await ctx.call(patch_thread, thread.thread_id, body=patch(values={"x": 1}))
    reply = await ctx.call(patch_thread, thread.thread_id, body=patch(values={"y": 2}))
    ctx.equal(
        values_of(ctx.is_a(reply, Thread)), {"x": 1, "y": 2}, "values after two patches", reply
    )
    got = await ctx.thread(thread.thread_id)
    ctx.equal(values_of(got), {"x": 1, "y": 2}, "values of GET after two patches")
    ctx.check(contains(plain(got.metadata), {"a": 1, "b": 2}), "metadata not merged")


@scenario(
    "threads: history is newest first",
    rule="openapi.yaml GET /threads/{thread_id}/history: newest first, limit, before (spec/README fix 7)",
)
async def history_newest_first(ctx: CheckContext) -> None:
    """Each state change is a checkpoint; history lists them newest first; limit, before."""
    thread = await ctx.new_thread()
    for n in (1, 2, 3):
        await ctx.call(patch_thread, thread.thread_id, body=patch(values={"n": n}))
    reply = await history(ctx, thread.thread_id)
    states = reply.parsed
    ctx.check(len(states) >= 3, f"3 checkpoints written, history has {len(states)}", reply)
    ctx.equal([values_of(s).get("n") for s in states[:3]], [3, 2, 1], "history order", reply)
    ids = [str(s.checkpoint.checkpoint_id) for s in states]
    ctx.check(len(set(ids)) == len(ids), f"checkpoint ids repeat: {ids}", reply)
    ctx.equal(values_of(await ctx.thread(thread.thread_id)), values_of(states[0]), "thread values")
    one = await history(ctx, thread.thread_id, limit=1)
    ctx.equal(
        [str(s.checkpoint.checkpoint_id) for s in one.parsed], ids[:1], "history?limit=1", one
    )
    older = await history(ctx, thread.thread_id, before=states[0].checkpoint.checkpoint_id)
    ctx.equal(
        [str(s.checkpoint.checkpoint_id) for s in older.parsed[:2]],
        ids[1:3],
        "history?before=<newest checkpoint>",
        older,
    )


@scenario(
    "threads: copy",
    rule="openapi.yaml POST /threads/{thread_id}/copy: new id, same metadata, values and history",
)
async def copy(ctx: CheckContext) -> None:
    """A copy has a new id, the metadata, values and history; it then lives on its own."""
    thread = await ctx.new_thread({"kit": "copy"})
    for x in (1, 2):
        await ctx.call(patch_thread, thread.thread_id, body=patch(values={"x": x}))
    reply = await ctx.call(copy_thread, thread.thread_id)
    copied = ctx.is_a(reply, Thread)
    ctx.track_thread(copied.thread_id)
    ctx.check(copied.thread_id != thread.thread_id, "the copy has the original's id", reply)
    ctx.check(contains(plain(copied.metadata), {"kit": "copy"}), "metadata not copied", reply)
    ctx.equal(values_of(copied), {"x": 2}, "values of the copy", reply)
    original = [values_of(s) for s in (await history(ctx, thread.thread_id)).parsed]
    reply = await history(ctx, copied.thread_id)
    ctx.equal([values_of(s) for s in reply.parsed], original, "history of the copy", reply)
    await ctx.call(patch_thread, copied.thread_id, body=patch(values={"x": 3}))
    ctx.equal(
        values_of(await ctx.thread(thread.thread_id)), {"x": 2}, "original after patching its copy"
    )
    await ctx.error(copy_thread, uuid.uuid4(), status=404, code="not_found")


@scenario(
    "threads: delete, then 404", rule="openapi.yaml DELETE /threads/{thread_id}: 204, then 404"
)
async def delete(ctx: CheckContext) -> None:
    """DELETE answers 204; then the thread and its history are 404, and so is a second DELETE."""
    thread = await ctx.new_thread()
    await ctx.call(patch_thread, thread.thread_id, body=patch(values={"x": 1}))
    await ctx.call(delete_thread, thread.thread_id, expect=204)
    await ctx.error(get_thread, thread.thread_id, status=404, code="not_found")
    await ctx.error(get_thread_history, thread.thread_id, status=404, code="not_found")
    await ctx.error(delete_thread, thread.thread_id, status=404, code="not_found")


# -- runs ---------------------------------------------------------------------------------


@scenario(
    "runs: wait",
    "echo",
    rule="openapi.yaml POST /runs/wait: RunWaitResponse when the run ends (stateless without thread_id)",
)
async def wait(ctx: CheckContext) -> None:
    """POST /runs/wait returns the final values, stateless or on a thread (kept there)."""
    result = await ctx.run_wait("echo", {"hello": "world"})
    ctx.equal(result.run.status, "success", "status of a stateless echo run")
    ctx.equal(values_of(result), {"echo": {"hello": "world"}}, "values of a stateless echo run")
    thread = await ctx.new_thread()
    result = await ctx.run_wait("echo", "hi", thread.thread_id)
    ctx.equal(result.run.status, "success", "status of an echo run on a thread")
    ctx.equal(result.run.thread_id, thread.thread_id, "thread_id of the run")
    ctx.equal(values_of(result), {"echo": "hi"}, "values of an echo run on a thread")
    after = await ctx.thread(thread.thread_id)
    ctx.equal(after.status, "idle", "status of the thread after the run")
    ctx.equal(values_of(after), {"echo": "hi"}, "values of the thread after the run")


@scenario(
    "runs: background, get and join",
    "echo",
    rule="openapi.yaml POST /runs, GET /runs/{run_id}, GET /runs/{run_id}/wait, POST /runs/search",
)
async def background(ctx: CheckContext) -> None:
    """POST /runs returns at once; GET /runs/{id}/wait joins it; GET and search find it."""
    thread = await ctx.new_thread()
    run = await ctx.start_run("echo", "bg", thread.thread_id)
    ctx.check(
        plain(run.status) in ("pending", "running", "success"),
        f"status of a new background run: {plain(run.status)}",
    )
    ctx.equal(run.thread_id, thread.thread_id, "thread_id of the background run")
    joined = await ctx.join(run.run_id)
    ctx.equal(joined.parsed.run.status, "success", "status of the joined run", joined)
    ctx.equal(values_of(joined.parsed), {"echo": "bg"}, "values of the joined run", joined)
    ctx.equal(await ctx.run_status(run.run_id), "success", "status of GET /runs/{run_id}")
    reply = await ctx.call(
        search_runs, body=RunSearchRequest.from_dict({"thread_id": str(thread.thread_id)})
    )
    found = [str(r.run_id) for r in reply.parsed if isinstance(r, Run)]
    ctx.check(str(run.run_id) in found, f"POST /runs/search by thread_id: {found}", reply)


@scenario(
    "runs: stream",
    "echo",
    rule="openapi.yaml POST /runs/stream, EventStream: metadata first, ids increasing, end last with the status",
)
async def stream(ctx: CheckContext) -> None:
    """POST /runs/stream: metadata first, the values, end last with the status."""
    thread = await ctx.new_thread()
    body = RunStream.from_dict(
        {
            "agent_id": "echo",
            "thread_id": str(thread.thread_id),
            "input": "streamed",
            "stream_mode": ["values"],
        }
    )
    reply = await ctx.stream(lambda: create_and_stream_run(ctx.client, body))
    ctx.stream_shape(reply, "success")
    values = [ctx.event_data(e, reply) for e in reply.parsed if e.event == "values"]
    ctx.check({"echo": "streamed"} in values, f"no values event with the echo: {values}", reply)
    ctx.equal(values_of(await ctx.thread(thread.thread_id)), {"echo": "streamed"}, "thread values")


@scenario(
    "runs: a failing agent ends in error",
    "fail",
    rule="openapi.yaml Run.status error and Run.error (RunError)",
)
async def failing(ctx: CheckContext) -> None:
    """A run whose agent raises ends `error`, its thread too; its stream has `error`, `end`."""
    thread = await ctx.new_thread()
    result = await ctx.run_wait("fail", {"message": "as asked"}, thread.thread_id)
    ctx.equal(result.run.status, "error", "status of a failing run")
    ctx.equal((await ctx.thread(thread.thread_id)).status, "error", "status of its thread")
    body = RunStream.from_dict({"agent_id": "fail", "input": {}, "stream_mode": ["values"]})
    reply = await ctx.stream(lambda: create_and_stream_run(ctx.client, body))
    ctx.stream_shape(reply, "error")
    names = [e.event for e in reply.parsed]
    ctx.check("error" in names, f"no error event in the stream of a failing run: {names}", reply)


# -- streams ------------------------------------------------------------------------------


def steps_of(ctx: CheckContext, reply: Reply[Any]) -> list[int]:
    steps = []
    for event in reply.parsed:
        if event.event == "values":
            data = ctx.event_data(event, reply)
            ctx.check(
                isinstance(data, dict) and "step" in data, f"values without step: {data}", reply
            )
            steps.append(data["step"])
    return steps


@scenario(
    "stream: join a running run",
    "slow",
    rule="openapi.yaml GET /runs/{run_id}/stream: the run's events from the start, then live",
)
async def join_running(ctx: CheckContext) -> None:
    """GET /runs/{id}/stream of a running run: metadata, its next states, end."""
    thread = await ctx.new_thread()
    run = await ctx.start_run("slow", SHORT, thread.thread_id, stream_mode=["values"])
    reply = await ctx.stream(lambda: stream_run(ctx.client, run.run_id))
    run_id = ctx.stream_shape(reply, "success")
    ctx.equal(run_id, str(run.run_id), "run_id of the metadata event", reply)
    steps = steps_of(ctx, reply)
    ctx.check(
        steps and steps[-1] == SHORT["steps"],
        f"the stream ends before the last step: {steps}",
        reply,
    )
    ctx.check(steps == sorted(set(steps)), f"steps repeat or go back: {steps}", reply)


@scenario(
    "stream: rejoin with Last-Event-ID",
    "slow",
    rule="openapi.yaml GET /runs/{run_id}/stream Last-Event-ID: replays after the id, nothing lost or repeated",
)
async def rejoin(ctx: CheckContext) -> None:
    """Drop a stream after the first state, rejoin with Last-Event-ID: nothing lost or
    repeated; `Last-Event-ID: 0` replays the whole stream."""
    thread = await ctx.new_thread()
    run = await ctx.start_run("slow", SHORT, thread.thread_id, stream_mode=["values"])
    first = await ctx.stream(
        lambda: stream_run(ctx.client, run.run_id), stop=lambda e: e.event == "values"
    )
    ctx.check(first.parsed and first.parsed[-1].event == "values", "no values event", first)
    first_ids = ctx.check_ids(first)
    last = first.parsed[-1].id
    rest = await ctx.stream(lambda: stream_run(ctx.client, run.run_id, last_event_id=last))
    rest_ids = ctx.check_ids(rest)
    ctx.check(rest.parsed, f"nothing after Last-Event-ID {last}", rest)
    ctx.check(rest_ids[0] > int(last), f"the rejoined stream repeats event {rest_ids[0]}", rest)
    ctx.equal(rest.parsed[-1].event, "end", "the last event after rejoining", rest)
    steps = steps_of(ctx, first) + steps_of(ctx, rest)
    ctx.equal(
        steps, list(range(steps[0], SHORT["steps"] + 1)), "steps seen over both streams", rest
    )
    replay = await ctx.stream(lambda: stream_run(ctx.client, run.run_id, last_event_id="0"))
    ctx.stream_shape(replay, "success")
    ids = ctx.check_ids(replay)
    ctx.check(
        set(first_ids[1:] + rest_ids) <= set(ids),
        f"Last-Event-ID 0 replays ids {ids}, without some of {first_ids + rest_ids}",
        replay,
    )


@scenario(
    "stream: replay an ended run",
    "slow",
    rule="openapi.yaml GET /runs/{run_id}/stream on an ended run: the whole stream again",
)
async def replay_ended(ctx: CheckContext) -> None:
    """The stream of an ended run replays everything; with Last-Event-ID, exactly the rest."""
    thread = await ctx.new_thread()
    run = await ctx.start_run(
        "slow", {"steps": 3, "delay": 0.01}, thread.thread_id, stream_mode=["values"]
    )
    joined = await ctx.join(run.run_id)
    ctx.equal(joined.parsed.run.status, "success", "status of the joined run", joined)
    full = await ctx.stream(lambda: stream_run(ctx.client, run.run_id))
    ctx.stream_shape(full, "success")
    ctx.equal(steps_of(ctx, full), [1, 2, 3], "steps replayed from an ended run", full)
    after = full.parsed[1].id
    tail = await ctx.stream(lambda: stream_run(ctx.client, run.run_id, last_event_id=after))
    ctx.equal(
        [(e.id, e.event) for e in tail.parsed],
        [(e.id, e.event) for e in full.parsed[2:]],
        f"events after Last-Event-ID {after}",
        tail,
    )


# -- resume -------------------------------------------------------------------------------


@scenario(
    "resume: interrupt, then resume and wait",
    "hitl",
    rule="resume proposal (seeds/001) PATCH /runs/resume/wait; openapi.yaml Interrupt",
)
async def resume_wait(ctx: CheckContext) -> None:
    """A hitl run ends `interrupted` and parks its thread; PATCH /runs/resume/wait delivers
    the answer; a second resume is 409."""
    thread = await interrupted_thread(ctx, "Ship it?")
    body = RunResume.from_dict({"thread_id": str(thread.thread_id), "input": "yes"})
    reply = await ctx.call(resume_and_wait_run, body=body)
    result = ctx.is_a(reply, RunWaitResponse)
    ctx.track_run(result.run.run_id)
    ctx.equal(result.run.status, "success", "status of the resumed run", reply)
    ctx.equal(
        values_of(result).get("answer"), "yes", "the answer in the resumed run's values", reply
    )
    after = await ctx.thread(thread.thread_id)
    ctx.equal(after.status, "idle", "status of the thread after the resume")
    ctx.equal(values_of(after).get("answer"), "yes", "the answer in the thread's values")
    again = RunResume.from_dict({"thread_id": str(thread.thread_id), "input": "again"})
    await ctx.error(resume_run, body=again, status=409, code="thread_not_interrupted")


@scenario(
    "resume: background resume",
    "hitl",
    rule="resume proposal PATCH /runs/resume: a pending run of the interrupted thread",
)
async def resume_background(ctx: CheckContext) -> None:
    """PATCH /runs/resume returns the new run at once; joining it gives the answer."""
    thread = await interrupted_thread(ctx, "How many?")
    body = RunResume.from_dict({"thread_id": str(thread.thread_id), "input": 42})
    reply = await ctx.call(resume_run, body=body)
    run = ctx.is_a(reply, Run)
    ctx.track_run(run.run_id)
    ctx.check(
        plain(run.status) in ACTIVE, f"status of the resume's run: {plain(run.status)}", reply
    )
    ctx.equal(run.thread_id, thread.thread_id, "thread_id of the resume's run", reply)
    joined = await ctx.join(run.run_id)
    ctx.equal(joined.parsed.run.status, "success", "status of the resumed run", joined)
    ctx.equal(values_of(joined.parsed).get("answer"), 42, "the answer", joined)


@scenario(
    "resume: stream the question and the answer",
    "hitl",
    rule="resume proposal PATCH /runs/resume/stream; EventStream interrupt event",
)
async def resume_stream(ctx: CheckContext) -> None:
    """A streamed hitl run sends `interrupt` then `end` (interrupted); PATCH
    /runs/resume/stream streams the resumed run to `end` (success)."""
    thread = await ctx.new_thread()
    body = RunStream.from_dict(
        {
            "agent_id": "hitl",
            "thread_id": str(thread.thread_id),
            "input": {"question": "Stream?"},
            "stream_mode": ["values"],
        }
    )
    asked = await ctx.stream(lambda: create_and_stream_run(ctx.client, body))
    ctx.stream_shape(asked, "interrupted")
    names = [e.event for e in asked.parsed]
    ctx.check("interrupt" in names, f"no interrupt event: {names}", asked)
    interrupt = ctx.event_data(asked.parsed[names.index("interrupt")], asked)
    ctx.check(
        "Stream?" in str(interrupt),
        f"the interrupt event does not carry the question: {interrupt}",
        asked,
    )
    resume = RunResumeStream.from_dict(
        {"thread_id": str(thread.thread_id), "input": "streamed yes", "stream_mode": ["values"]}
    )
    answered = await ctx.stream(lambda: resume_and_stream_run(ctx.client, resume))
    ctx.stream_shape(answered, "success")
    values = [ctx.event_data(e, answered) for e in answered.parsed if e.event == "values"]
    ctx.check(
        any(isinstance(v, dict) and v.get("answer") == "streamed yes" for v in values),
        f"no values event with the answer: {values}",
        answered,
    )


@scenario(
    "resume: a missing thread is 404",
    rule="resume proposal PATCH /runs/resume: 404 on a missing thread",
)
async def resume_missing(ctx: CheckContext) -> None:
    """Resuming a thread that does not exist is 404 `not_found`."""
    body = RunResume.from_dict({"thread_id": str(uuid.uuid4()), "input": 1})
    await ctx.error(resume_run, body=body, status=404, code="not_found")
    await ctx.error(resume_and_wait_run, body=body, status=404, code="not_found")


@scenario(
    "resume: a thread that is not interrupted is 409",
    rule="resume proposal PATCH /runs/resume: 409 thread_not_interrupted",
)
async def resume_idle(ctx: CheckContext) -> None:
    """Resuming an idle thread is 409 `thread_not_interrupted`."""
    thread = await ctx.new_thread()
    body = RunResume.from_dict({"thread_id": str(thread.thread_id), "input": 1})
    error = await ctx.error(resume_run, body=body, status=409, code="thread_not_interrupted")
    if error.metadata is not UNSET:
        status = plain(error.metadata).get("thread_status")
        ctx.check(status in (None, "idle"), f"metadata.thread_status of an idle thread: {status}")
    await ctx.error(resume_and_wait_run, body=body, status=409, code="thread_not_interrupted")


@scenario(
    "resume: of concurrent resumes exactly one wins",
    "hitl",
    rule="openapi.yaml NotInterrupted: another resume of the same interrupt was accepted first",
)
async def resume_race(ctx: CheckContext) -> None:
    """8 concurrent PATCH /runs/resume of one interrupt: one 200, seven 409; the winner's
    answer is the one the thread gets."""
    thread = await interrupted_thread(ctx, "Who is first?")
    bodies = [
        RunResume.from_dict({"thread_id": str(thread.thread_id), "input": f"answer {i}"})
        for i in range(8)
    ]
    replies = await asyncio.gather(
        *(ctx.call(resume_run, body=body, expect=(200, 409)) for body in bodies)
    )
    winners = [r for r in replies if r.status == 200]
    ctx.check(
        len(winners) == 1,
        f"{len(winners)} of 8 concurrent resumes were accepted, expected exactly 1",
        winners[1] if len(winners) > 1 else replies[-1],
    )
    for reply in replies:
        if reply.status == 409:
            ctx.equal(reply.parsed.code, "thread_not_interrupted", "code of a losing resume", reply)
    run = ctx.is_a(winners[0], Run)
    ctx.track_run(run.run_id)
    answer = bodies[replies.index(winners[0])].input_
    joined = await ctx.join(run.run_id)
    ctx.equal(joined.parsed.run.status, "success", "status of the winning resume's run", joined)
    ctx.equal(values_of(joined.parsed).get("answer"), answer, "the answer", joined)


# -- cancel -------------------------------------------------------------------------------


@scenario(
    "cancel: interrupt a running run",
    "slow",
    rule="openapi.yaml POST /runs/{run_id}/cancel wait=true action=interrupt (spec/README fix 6)",
)
async def cancel_interrupt(ctx: CheckContext) -> None:
    """POST /runs/{id}/cancel?wait=true answers 204 once the run has ended `interrupted`;
    its thread is idle and keeps what the run wrote."""
    thread = await ctx.new_thread()
    run = await ctx.start_run("slow", LONG, thread.thread_id)
    await ctx.until_step(thread.thread_id, 1)
    await ctx.call(cancel_run, run.run_id, wait=True, expect=204)
    got = ctx.is_a(await ctx.call(get_run, run.run_id), Run)
    ctx.equal(got.status, "interrupted", "status of a cancelled run right after cancel?wait=true")
    if got.stop_reason not in (UNSET, None):
        ctx.equal(got.stop_reason, "user", "stop_reason of a cancelled run")
    after = await ctx.thread(thread.thread_id)
    ctx.equal(after.status, "idle", "status of the thread of a cancelled run")
    step = values_of(after).get("step")
    ctx.check(
        isinstance(step, int) and step >= 1, f"the run's work was not kept: {values_of(after)}"
    )
    joined = await ctx.join(run.run_id)
    ctx.equal(joined.parsed.run.status, "interrupted", "GET /runs/{run_id}/wait of it", joined)


@scenario(
    "cancel: rollback",
    "slow",
    rule="openapi.yaml POST /runs/{run_id}/cancel action=rollback: the run and what it wrote are gone",
)
async def cancel_rollback(ctx: CheckContext) -> None:
    """cancel?action=rollback&wait=true: the run is gone (404) and the thread's state is
    back as it was before the run."""
    thread = await ctx.new_thread()
    await ctx.call(patch_thread, thread.thread_id, body=patch(values={"before": True}))
    run = await ctx.start_run("slow", LONG, thread.thread_id)
    await ctx.until_step(thread.thread_id, 1)
    await ctx.call(cancel_run, run.run_id, wait=True, action=CancelAction.ROLLBACK, expect=204)
    await ctx.error(get_run, run.run_id, status=404, code="not_found")
    after = await ctx.thread(thread.thread_id)
    ctx.equal(after.status, "idle", "status of the thread after a rollback")
    ctx.equal(values_of(after), {"before": True}, "values of the thread after a rollback")
    states = (await history(ctx, thread.thread_id)).parsed
    ctx.equal(values_of(states[0]) if states else None, {"before": True}, "newest checkpoint")


@scenario(
    "cancel: without wait, then join",
    "slow",
    rule="openapi.yaml POST /runs/{run_id}/cancel without wait, then GET /runs/{run_id}/wait",
)
async def cancel_no_wait(ctx: CheckContext) -> None:
    """cancel (no wait) answers 204; joining the run then returns it `interrupted`, and its
    stream ends with `end` (interrupted)."""
    thread = await ctx.new_thread()
    run = await ctx.start_run("slow", LONG, thread.thread_id, stream_mode=["values"])
    await ctx.until_step(thread.thread_id, 1)
    await ctx.call(cancel_run, run.run_id, expect=204)
    joined = await ctx.join(run.run_id)
    ctx.equal(joined.parsed.run.status, "interrupted", "status of the joined cancelled run", joined)
    replay = await ctx.stream(lambda: stream_run(ctx.client, run.run_id))
    ctx.stream_shape(replay, "interrupted")
    ctx.equal((await ctx.thread(thread.thread_id)).status, "idle", "status of its thread")


@scenario(
    "cancel: an ended run is left unchanged",
    "echo",
    rule="openapi.yaml POST /runs/{run_id}/cancel: 204 and no change on an ended run; 404 on a missing one",
)
async def cancel_ended(ctx: CheckContext) -> None:
    """Cancelling a run that has ended answers 204 and changes nothing; a missing run is 404."""
    thread = await ctx.new_thread()
    result = await ctx.run_wait("echo", "done", thread.thread_id)
    ctx.equal(result.run.status, "success", "status of the echo run")
    await ctx.call(cancel_run, result.run.run_id, expect=204)
    await ctx.call(cancel_run, result.run.run_id, wait=True, expect=204)
    ctx.equal(await ctx.run_status(result.run.run_id), "success", "status after the cancels")
    ctx.equal(values_of(await ctx.thread(thread.thread_id)), {"echo": "done"}, "values after")
    await ctx.error(cancel_run, uuid.uuid4(), status=404, code="not_found")


# -- multitask ----------------------------------------------------------------------------


@scenario(
    "multitask: reject on a busy thread",
    "slow",
    "echo",
    rule="openapi.yaml RunCreate.multitask_strategy reject: 409 thread_busy",
)
async def reject_busy(ctx: CheckContext) -> None:
    """A run on a thread with an active run is 409 `thread_busy` (background, wait, stream,
    explicit `reject`); the active run goes on; once it has stopped, runs are accepted."""
    thread = await ctx.new_thread()
    run = await ctx.start_run("slow", LONG, thread.thread_id)
    echo = {"agent_id": "echo", "thread_id": str(thread.thread_id), "input": "busy?"}
    await ctx.error(create_run, body=RunStream.from_dict(echo), status=409, code="thread_busy")
    rejecting = RunCreate.from_dict({**echo, "multitask_strategy": "reject"})
    await ctx.error(create_and_wait_run, body=rejecting, status=409, code="thread_busy")
    streamed = RunStream.from_dict(echo)
    await ctx.stream_error(
        lambda: create_and_stream_run(ctx.client, streamed), status=409, code="thread_busy"
    )
    status = await ctx.run_status(run.run_id)
    ctx.check(status in ACTIVE, f"the active run was disturbed by the rejected ones: {status}")
    await ctx.call(cancel_run, run.run_id, wait=True, expect=204)
    result = await ctx.run_wait("echo", "free", thread.thread_id)
    ctx.equal(result.run.status, "success", "status of a run once the thread is free")
