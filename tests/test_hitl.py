"""Human in the loop: interrupts, and PATCH /runs/resume, /runs/resume/wait, /runs/resume/stream.

Every path against the real server on real Postgres, through raw HTTP and through the
generated client (`agent_protocol_client`, with its hand-written SSE reader).
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
import pytest

from agent_protocol_client.api.background_runs import cancel_run, search_runs, wait_run
from agent_protocol_client.api.runs import create_and_wait_run, resume_and_wait_run, resume_run
from agent_protocol_client.api.threads import get_thread, get_thread_history
from agent_protocol_client.models import (
    ErrorResponse,
    InputType0,
    Run,
    RunCreate,
    RunResume,
    RunResumeStream,
    RunSearchRequest,
    RunStatus,
    RunStream,
    RunWaitResponse,
    StreamMode,
    Thread,
    ThreadStatus,
)
from agent_protocol_client.sse import (
    StreamError,
    aiter_sse,
    create_and_stream_run,
    resume_and_stream_run,
)
from tests.helpers import new_thread, thread_of, until

RESUME_PATHS = ["/runs/resume", "/runs/resume/wait", "/runs/resume/stream"]


# -- helpers -------------------------------------------------------------------------


async def run_wait(http: httpx.AsyncClient, thread_id: str, agent_id: str, **body: Any) -> dict:
    response = await http.post(
        "/runs/wait", json={"thread_id": thread_id, "agent_id": agent_id, **body}
    )
    assert response.status_code == 200, response.text
    return response.json()


async def interrupted_thread(
    http: httpx.AsyncClient, agent_id: str = "hitl", **body: Any
) -> tuple[str, list[dict]]:
    """A new thread whose `agent_id` run ended on an interrupt; its pending interrupts."""
    thread_id = await new_thread(http)
    waited = await run_wait(http, thread_id, agent_id, **body)
    assert waited["run"]["status"] == "interrupted", waited
    assert waited["interrupts"], waited
    return thread_id, waited["interrupts"]


async def runs_of(http: httpx.AsyncClient, thread_id: str) -> list[dict]:
    response = await http.post("/runs/search", json={"thread_id": thread_id, "limit": 100})
    assert response.status_code == 200, response.text
    return response.json()


async def sse(http: httpx.AsyncClient, method: str, path: str, body: Any) -> list[tuple[str, Any]]:
    """The events of a streaming request, read to the end: [(event, parsed data)]."""
    async with http.stream(method, path, json=body) as response:
        assert response.status_code == 200, (await response.aread()).decode()
        assert response.headers["content-type"].startswith("text/event-stream")
        return [(e.event, e.json()) async for e in aiter_sse(response)]


def assert_idle_without_interrupts(thread: dict) -> None:
    assert thread["status"] == "idle", thread
    assert not thread.get("interrupts"), thread


# -- interrupting ----------------------------------------------------------------------


async def test_an_interrupt_ends_the_run_and_parks_the_thread(http):
    tag = uuid.uuid4().hex
    thread_id = await new_thread(http, metadata={"tag": tag})
    waited = await run_wait(http, thread_id, "hitl", input={"question": "Ship it?"})

    assert waited["run"]["status"] == "interrupted"
    assert waited["run"].get("stop_reason") is None, "an interrupt is not a stop"
    assert waited["run"]["thread_id"] == thread_id
    [pending] = waited["interrupts"]
    assert isinstance(pending["id"], str) and pending["id"]
    assert pending["value"] == {"question": "Ship it?"}
    assert "answer" not in waited["values"]

    thread = await thread_of(http, thread_id)
    assert thread["status"] == "interrupted"
    assert thread["interrupts"] == [pending]
    found = await http.post(
        "/threads/search", json={"metadata": {"tag": tag}, "status": "interrupted"}
    )
    assert [t["thread_id"] for t in found.json()] == [thread_id]

    history = (await http.get(f"/threads/{thread_id}/history")).json()
    assert history, "the interrupt is recorded in a checkpoint"
    assert history[0]["interrupts"] == [pending]
    assert history[0]["metadata"]["run_id"] == waited["run"]["run_id"]

    got = (await http.get(f"/runs/{waited['run']['run_id']}/wait")).json()
    assert got["run"]["status"] == "interrupted" and got["interrupts"] == [pending]


async def test_an_interrupt_through_the_generated_client(api):
    from agent_protocol_client.api.threads import create_thread
    from agent_protocol_client.models import ThreadCreate

    thread = await create_thread.asyncio(client=api, body=ThreadCreate())
    waited = await create_and_wait_run.asyncio(
        client=api,
        body=RunCreate(
            thread_id=thread.thread_id,
            agent_id="hitl",
            input_=InputType0.from_dict({"question": "Deploy?"}),
        ),
    )
    assert isinstance(waited, RunWaitResponse)
    assert waited.run.status == RunStatus.INTERRUPTED
    [pending] = waited.interrupts
    assert pending.value == {"question": "Deploy?"} and pending.id

    fetched = await get_thread.asyncio(client=api, thread_id=thread.thread_id)
    assert isinstance(fetched, Thread)
    assert fetched.status == ThreadStatus.INTERRUPTED
    assert [i.to_dict() for i in fetched.interrupts] == [pending.to_dict()]

    history = await get_thread_history.asyncio(client=api, thread_id=thread.thread_id)
    assert [i.to_dict() for i in history[0].interrupts] == [pending.to_dict()]


async def test_a_stream_ends_with_interrupt_then_end(http, api):
    thread_id = await new_thread(http)
    events = await sse(
        http,
        "POST",
        "/runs/stream",
        {"thread_id": thread_id, "agent_id": "hitl", "input": {"question": "Stream?"}},
    )
    names = [name for name, _ in events]
    assert names[0] == "metadata" and names[-2:] == ["interrupt", "end"], names
    assert names.count("interrupt") == 1
    interrupts = events[-2][1]
    assert [i["value"] for i in interrupts] == [{"question": "Stream?"}]
    assert events[-1][1] == {"status": "interrupted", "stop_reason": None}
    assert (await thread_of(http, thread_id))["interrupts"] == interrupts

    # The same through the client's SSE reader.
    other = uuid.UUID(await new_thread(http))
    body = RunStream(thread_id=other, agent_id="hitl2", stream_mode=[StreamMode.VALUES])
    async with create_and_stream_run(api, body) as stream:
        got = [(e.event, e.json()) async for e in stream]
    assert [name for name, _ in got][-2:] == ["interrupt", "end"]
    assert [i["value"] for i in got[-2][1]] == [{"question": "first?"}, {"question": "second?"}]


async def test_two_interrupts_in_one_step_have_distinct_ids(http):
    thread_id, pending = await interrupted_thread(http, "hitl2")
    assert [p["value"] for p in pending] == [{"question": "first?"}, {"question": "second?"}]
    assert len({p["id"] for p in pending}) == 2
    thread = await thread_of(http, thread_id)
    assert thread["status"] == "interrupted" and thread["interrupts"] == pending


# -- resuming, with each endpoint --------------------------------------------------------


async def test_resume_returns_a_run_that_finishes_with_the_answer(http):
    thread_id, _ = await interrupted_thread(http)
    response = await http.patch("/runs/resume", json={"thread_id": thread_id, "input": "yes"})
    assert response.status_code == 200, response.text
    run = response.json()
    assert run["status"] in ("pending", "running")
    assert run["thread_id"] == thread_id
    assert run["agent_id"] == "hitl", "the agent of the thread's last run by default"

    waited = (await http.get(f"/runs/{run['run_id']}/wait")).json()
    assert waited["run"]["status"] == "success"
    assert waited["values"] == {"answer": "yes"}
    assert not waited.get("interrupts")
    assert_idle_without_interrupts(await thread_of(http, thread_id))
    history = (await http.get(f"/threads/{thread_id}/history")).json()
    assert history[0]["values"] == {"answer": "yes"} and not history[0].get("interrupts")


async def test_resume_through_the_generated_client(http, api):
    thread_id, _ = await interrupted_thread(http)
    run = await resume_run.asyncio(
        client=api, body=RunResume(thread_id=uuid.UUID(thread_id), input_="client")
    )
    assert isinstance(run, Run), run
    assert run.status in (RunStatus.PENDING, RunStatus.RUNNING)
    waited = await wait_run.asyncio(run.run_id, client=api)
    assert isinstance(waited, RunWaitResponse)
    assert waited.run.status == RunStatus.SUCCESS
    assert waited.values.to_dict() == {"answer": "client"}
    thread = await get_thread.asyncio(client=api, thread_id=uuid.UUID(thread_id))
    assert thread.status == ThreadStatus.IDLE and not thread.interrupts


async def test_resume_and_wait_returns_the_final_output(http, api):
    thread_id, _ = await interrupted_thread(http)
    response = await http.patch("/runs/resume/wait", json={"thread_id": thread_id, "input": 42})
    assert response.status_code == 200, response.text
    waited = response.json()
    assert waited["run"]["status"] == "success"
    assert waited["values"] == {"answer": 42}
    assert not waited.get("interrupts")
    assert_idle_without_interrupts(await thread_of(http, thread_id))

    other, _ = await interrupted_thread(http)
    parsed = await resume_and_wait_run.asyncio(
        client=api, body=RunResume(thread_id=uuid.UUID(other), input_=[1, "two"])
    )
    assert isinstance(parsed, RunWaitResponse)
    assert parsed.run.status == RunStatus.SUCCESS
    assert parsed.values.to_dict() == {"answer": [1, "two"]}
    assert_idle_without_interrupts(await thread_of(http, other))


async def test_resume_and_stream(http, api):
    thread_id, _ = await interrupted_thread(http)
    events = await sse(
        http,
        "PATCH",
        "/runs/resume/stream",
        {"thread_id": thread_id, "input": "streamed", "stream_mode": ["values", "updates"]},
    )
    names = [name for name, _ in events]
    assert names[0] == "metadata" and names[-1] == "end", names
    assert "interrupt" not in names
    run_id = events[0][1]["run_id"]
    assert [name for name in names if name == "values"], names
    assert [data for name, data in events if name == "values"][-1] == {"answer": "streamed"}
    assert [data for name, data in events if name == "updates"] == [
        {"hitl": {"answer": "streamed"}}
    ]
    assert events[-1][1] == {"status": "success", "stop_reason": None}
    assert (await http.get(f"/runs/{run_id}")).json()["status"] == "success"
    assert_idle_without_interrupts(await thread_of(http, thread_id))

    other, _ = await interrupted_thread(http)
    body = RunResumeStream(thread_id=uuid.UUID(other), input_=InputType0.from_dict({"ok": 1}))
    async with resume_and_stream_run(api, body) as stream:
        got = [(e.event, e.json()) async for e in stream]
    assert got[0][0] == "metadata" and got[-1][0] == "end"
    assert [d for n, d in got if n == "values"][-1] == {"answer": {"ok": 1}}
    assert got[-1][1]["status"] == "success"
    assert_idle_without_interrupts(await thread_of(http, other))


async def test_the_resume_value_reaches_the_agent_as_is(http):
    thread_id, _ = await interrupted_thread(http)
    value = {"approved": True, "note": "ok", "items": [1, {"n": None}]}
    waited = (
        await http.patch("/runs/resume/wait", json={"thread_id": thread_id, "input": value})
    ).json()
    assert waited["values"] == {"answer": value}


async def test_one_interrupt_may_be_answered_by_its_id(http):
    thread_id, [pending] = await interrupted_thread(http)
    waited = (
        await http.patch(
            "/runs/resume/wait", json={"thread_id": thread_id, "input": {pending["id"]: "by id"}}
        )
    ).json()
    assert waited["values"] == {"answer": "by id"}


async def test_resume_may_interrupt_again_on_a_new_question(http):
    """A resumed thread is resumable again, after a new interrupt (fresh id)."""
    thread_id, [first] = await interrupted_thread(http)
    again = await http.post(
        "/runs/wait",
        json={"thread_id": thread_id, "agent_id": "hitl", "multitask_strategy": "interrupt"},
    )
    assert again.status_code == 200, again.text
    [second] = again.json()["interrupts"]
    assert second["id"] != first["id"]
    done = await http.patch("/runs/resume/wait", json={"thread_id": thread_id, "input": "2nd"})
    assert done.json()["values"] == {"answer": "2nd"}


# -- several pending interrupts ----------------------------------------------------------


async def test_several_interrupts_are_answered_by_a_map_of_ids(http, api):
    thread_id, pending = await interrupted_thread(http, "hitl2")
    first, second = (p["id"] for p in pending)

    plain = await http.patch("/runs/resume", json={"thread_id": thread_id, "input": "both"})
    assert plain.status_code == 422, plain.text
    error = plain.json()
    assert error["code"] == "interrupts_unanswered"
    assert "map" in error["message"] and "interrupt id" in error["message"]
    assert sorted(error["metadata"]["pending"]) == sorted([first, second])

    partial = await http.patch("/runs/resume", json={"thread_id": thread_id, "input": {first: "a"}})
    assert partial.status_code == 422, partial.text
    assert partial.json()["code"] == "interrupts_unanswered"
    assert partial.json()["metadata"]["missing"] == [second]

    stranger = await http.patch(
        "/runs/resume",
        json={"thread_id": thread_id, "input": {first: "a", second: "b", "nope": "c"}},
    )
    assert stranger.status_code == 422, stranger.text
    assert stranger.json()["code"] == "interrupts_unanswered"

    thread = await thread_of(http, thread_id)
    assert thread["status"] == "interrupted" and thread["interrupts"] == pending, (
        "a rejected resume changes nothing"
    )
    assert len(await runs_of(http, thread_id)) == 1

    waited = (
        await http.patch(
            "/runs/resume/wait",
            json={"thread_id": thread_id, "input": {second: "B", first: "A"}},
        )
    ).json()
    assert waited["run"]["status"] == "success"
    assert waited["values"] == {"answers": ["A", "B"]}, "answers in the order asked"
    assert_idle_without_interrupts(await thread_of(http, thread_id))

    # The same through the generated client.
    other, pending = await interrupted_thread(http, "hitl2")
    bad = await resume_run.asyncio_detailed(
        client=api, body=RunResume(thread_id=uuid.UUID(other), input_="both")
    )
    assert bad.status_code == 422 and isinstance(bad.parsed, ErrorResponse)
    answers = InputType0.from_dict({pending[0]["id"]: 1, pending[1]["id"]: {"two": 2}})
    parsed = await resume_and_wait_run.asyncio(
        client=api, body=RunResume(thread_id=uuid.UUID(other), input_=answers)
    )
    assert isinstance(parsed, RunWaitResponse)
    assert parsed.values.to_dict() == {"answers": [1, {"two": 2}]}


# -- refusals ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", RESUME_PATHS)
async def test_resume_of_a_missing_thread_is_404(http, path):
    missing = str(uuid.uuid4())
    response = await http.patch(path, json={"thread_id": missing, "input": "x"})
    assert response.status_code == 404, response.text
    assert response.json()["code"] == "not_found"

    # `if_not_exists` is not part of the resume body: ignored, and never creates the thread.
    response = await http.patch(
        path, json={"thread_id": missing, "input": "x", "if_not_exists": "create"}
    )
    assert response.status_code == 404, response.text
    assert response.json()["code"] == "not_found"
    assert (await http.get(f"/threads/{missing}")).status_code == 404


async def test_resume_of_a_missing_thread_through_the_generated_client(api):
    missing = uuid.uuid4()
    for operation in (resume_run, resume_and_wait_run):
        detailed = await operation.asyncio_detailed(
            client=api, body=RunResume(thread_id=missing, input_="x")
        )
        assert detailed.status_code == 404
        assert isinstance(detailed.parsed, ErrorResponse) and detailed.parsed.code == "not_found"
    with pytest.raises(StreamError) as raised:
        async with resume_and_stream_run(api, RunResumeStream(thread_id=missing, input_="x")):
            pass
    assert raised.value.status_code == 404 and raised.value.error.code == "not_found"


def assert_not_interrupted(response: httpx.Response, status: str) -> None:
    assert response.status_code == 409, response.text
    error = response.json()
    assert error["code"] == "thread_not_interrupted", error
    assert error["metadata"]["thread_status"] == status, error


@pytest.mark.parametrize("path", RESUME_PATHS)
async def test_resume_of_an_idle_thread_is_409(http, path):
    thread_id = await new_thread(http)
    assert_not_interrupted(
        await http.patch(path, json={"thread_id": thread_id, "input": "x"}), "idle"
    )
    await run_wait(http, thread_id, "echo", input="done")
    assert_not_interrupted(
        await http.patch(path, json={"thread_id": thread_id, "input": "x"}), "idle"
    )
    assert len(await runs_of(http, thread_id)) == 1, "no run was created"


async def test_resume_of_a_thread_in_error_is_409(http, api):
    thread_id = await new_thread(http)
    failed = await run_wait(http, thread_id, "fail")
    assert failed["run"]["status"] == "error"
    assert (await thread_of(http, thread_id))["status"] == "error"
    for path in RESUME_PATHS:
        assert_not_interrupted(
            await http.patch(path, json={"thread_id": thread_id, "input": "x"}), "error"
        )
    detailed = await resume_run.asyncio_detailed(
        client=api, body=RunResume(thread_id=uuid.UUID(thread_id), input_="x")
    )
    assert detailed.status_code == 409 and detailed.parsed.code == "thread_not_interrupted"
    with pytest.raises(StreamError) as raised:
        async with resume_and_stream_run(
            api, RunResumeStream(thread_id=uuid.UUID(thread_id), input_="x")
        ):
            pass
    assert raised.value.status_code == 409
    assert raised.value.error.code == "thread_not_interrupted"
    assert len(await runs_of(http, thread_id)) == 1


async def test_resume_of_a_busy_thread_is_409(http):
    thread_id = await new_thread(http)
    started = await http.post(
        "/runs",
        json={"thread_id": thread_id, "agent_id": "slow", "input": {"steps": 50, "delay": 0.2}},
    )
    assert started.status_code == 200, started.text
    run_id = started.json()["run_id"]
    try:
        for path in RESUME_PATHS:
            assert_not_interrupted(
                await http.patch(path, json={"thread_id": thread_id, "input": "x"}), "busy"
            )
    finally:
        await http.post(f"/runs/{run_id}/cancel", params={"wait": "true"})
    assert len(await runs_of(http, thread_id)) == 1


@pytest.mark.parametrize("path", RESUME_PATHS)
@pytest.mark.parametrize(
    "body",
    [
        {},
        {"input": "x"},
        {"thread_id": "not-a-uuid", "input": "x"},
        {"thread_id": 123},
        {"thread_id": None},
        [{"thread_id": "9b2f2b5e-0000-4000-8000-000000000000"}],
        "a string",
        17,
        None,
    ],
)
async def test_bad_resume_bodies_are_422(http, path, body):
    response = await http.patch(path, json=body)
    assert response.status_code == 422, response.text
    error = response.json()
    assert error["code"] == "validation_error" and error["message"]


@pytest.mark.parametrize("path", RESUME_PATHS)
async def test_a_body_that_is_not_json_is_422(http, path):
    response = await http.patch(
        path, content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "validation_error"


# -- races ------------------------------------------------------------------------------------


async def test_of_concurrent_resumes_exactly_one_wins(http):
    thread_id, _ = await interrupted_thread(http)
    responses = await asyncio.gather(
        *(
            http.patch("/runs/resume", json={"thread_id": thread_id, "input": f"answer {i}"})
            for i in range(20)
        )
    )
    codes = sorted(r.status_code for r in responses)
    assert codes == [200] + [409] * 19, [r.text for r in responses if r.status_code != 409]
    for response in responses:
        if response.status_code == 409:
            assert response.json()["code"] == "thread_not_interrupted"
    [winner] = [r for r in responses if r.status_code == 200]
    run = winner.json()
    answer = await runs_of(http, thread_id)
    assert len(answer) == 2, "the first run and the one resume"
    assert run["run_id"] in {r["run_id"] for r in answer}

    waited = (await http.get(f"/runs/{run['run_id']}/wait")).json()
    assert waited["run"]["status"] == "success"
    assert waited["values"]["answer"].startswith("answer ")
    assert_idle_without_interrupts(await thread_of(http, thread_id))


async def test_a_resume_while_the_resumed_run_is_starting_is_409(http):
    thread_id, _ = await interrupted_thread(http)
    first = await http.patch("/runs/resume", json={"thread_id": thread_id, "input": "first"})
    second = await http.patch("/runs/resume", json={"thread_id": thread_id, "input": "second"})
    assert first.status_code == 200, first.text
    assert second.status_code == 409, second.text
    assert second.json()["code"] == "thread_not_interrupted"
    # busy while the first resume's run is pending or running; idle if it already ended
    assert second.json()["metadata"]["thread_status"] in ("busy", "idle")
    waited = (await http.get(f"/runs/{first.json()['run_id']}/wait")).json()
    assert waited["values"] == {"answer": "first"}, "the second answer never reached the agent"
    assert len(await runs_of(http, thread_id)) == 2
    # Once it has ended there is nothing left to answer.
    assert_not_interrupted(
        await http.patch("/runs/resume", json={"thread_id": thread_id, "input": "late"}), "idle"
    )


async def test_a_resume_while_the_resumed_run_is_running_is_409(http):
    """The same, deterministically: the resuming run (agent `slow`) is surely still active."""
    thread_id, _ = await interrupted_thread(http)
    first = await http.patch(
        "/runs/resume",
        json={"thread_id": thread_id, "agent_id": "slow", "input": {"steps": 2, "delay": 0.2}},
    )
    assert first.status_code == 200, first.text
    assert first.json()["agent_id"] == "slow"
    for path in RESUME_PATHS:
        assert_not_interrupted(
            await http.patch(path, json={"thread_id": thread_id, "input": "again"}), "busy"
        )
    waited = (await http.get(f"/runs/{first.json()['run_id']}/wait")).json()
    assert waited["run"]["status"] == "success" and waited["values"] == {"step": 2}
    assert len(await runs_of(http, thread_id)) == 2
    assert_idle_without_interrupts(await thread_of(http, thread_id))


# -- plain runs on an interrupted thread -------------------------------------------------------


async def test_a_plain_run_on_an_interrupted_thread_is_rejected_by_default(http):
    thread_id, pending = await interrupted_thread(http)
    for path in ("/runs", "/runs/wait", "/runs/stream"):
        response = await http.post(
            path, json={"thread_id": thread_id, "agent_id": "echo", "input": "x"}
        )
        assert response.status_code == 409, (path, response.text)
        error = response.json()
        assert error["code"] == "thread_interrupted", error
        assert error["metadata"]["interrupts"] == pending
    explicit = await http.post(
        "/runs",
        json={"thread_id": thread_id, "agent_id": "echo", "multitask_strategy": "reject"},
    )
    assert explicit.status_code == 409 and explicit.json()["code"] == "thread_interrupted"

    thread = await thread_of(http, thread_id)
    assert thread["status"] == "interrupted" and thread["interrupts"] == pending
    assert len(await runs_of(http, thread_id)) == 1

    waited = (
        await http.patch("/runs/resume/wait", json={"thread_id": thread_id, "input": "still"})
    ).json()
    assert waited["values"] == {"answer": "still"}


async def test_a_plain_run_with_strategy_interrupt_abandons_the_interrupts(http):
    thread_id, _ = await interrupted_thread(http)
    response = await http.post(
        "/runs/wait",
        json={
            "thread_id": thread_id,
            "agent_id": "echo",
            "input": "x",
            "multitask_strategy": "interrupt",
        },
    )
    assert response.status_code == 200, response.text
    waited = response.json()
    assert waited["run"]["status"] == "success"
    assert waited["values"] == {"echo": "x"}, "the input is the run's input, not an answer"
    assert "answer" not in waited["values"]
    assert not waited.get("interrupts")
    assert_idle_without_interrupts(await thread_of(http, thread_id))
    assert_not_interrupted(
        await http.patch("/runs/resume", json={"thread_id": thread_id, "input": "x"}), "idle"
    )


async def test_a_plain_hitl_run_with_strategy_interrupt_asks_again(http):
    """Its input is not taken as the answer to the abandoned interrupt."""
    thread_id, [old] = await interrupted_thread(http)
    response = await http.post(
        "/runs/wait",
        json={
            "thread_id": thread_id,
            "agent_id": "hitl",
            "input": {"question": "new?"},
            "multitask_strategy": "interrupt",
        },
    )
    assert response.status_code == 200, response.text
    waited = response.json()
    assert waited["run"]["status"] == "interrupted"
    [new] = waited["interrupts"]
    assert new["id"] != old["id"] and new["value"] == {"question": "new?"}
    assert "answer" not in waited["values"]
    thread = await thread_of(http, thread_id)
    assert thread["status"] == "interrupted" and thread["interrupts"] == [new]


# -- durability and stops ----------------------------------------------------------------------


async def test_an_interrupted_thread_survives_a_restart(database_url, start_server):
    first = await start_server(database_url)
    async with httpx.AsyncClient(base_url=first.base_url, timeout=30) as http:
        thread_id, pending = await interrupted_thread(http, input={"question": "Still there?"})
    assert await first.stop() == 0

    second = await start_server(database_url)
    async with httpx.AsyncClient(base_url=second.base_url, timeout=30) as http:
        thread = await thread_of(http, thread_id)
        assert thread["status"] == "interrupted" and thread["interrupts"] == pending
        response = await http.patch(
            "/runs/resume/wait", json={"thread_id": thread_id, "input": "yes"}
        )
        assert response.status_code == 200, response.text
        assert response.json()["run"]["status"] == "success"
        assert response.json()["values"] == {"answer": "yes"}
        assert_idle_without_interrupts(await thread_of(http, thread_id))


async def test_a_cancelled_run_never_leaves_its_thread_interrupted(http, api):
    thread_id = await new_thread(http)
    started = await http.post(
        "/runs",
        json={"thread_id": thread_id, "agent_id": "slow", "input": {"steps": 50, "delay": 0.2}},
    )
    assert started.status_code == 200, started.text
    run_id = started.json()["run_id"]

    async def running() -> bool:
        return (await http.get(f"/runs/{run_id}")).json()["status"] == "running"

    await until(running)
    cancelled = await cancel_run.asyncio_detailed(uuid.UUID(run_id), client=api, wait=True)
    assert cancelled.status_code == 204

    run = (await http.get(f"/runs/{run_id}")).json()
    assert run["status"] == "interrupted" and run["stop_reason"] == "user"
    waited = (await http.get(f"/runs/{run_id}/wait")).json()
    assert not waited.get("interrupts"), "a stop is not a question"
    assert_idle_without_interrupts(await thread_of(http, thread_id))
    assert_not_interrupted(
        await http.patch("/runs/resume", json={"thread_id": thread_id, "input": "x"}), "idle"
    )


async def test_a_cancelled_resume_abandons_the_interrupts(http):
    """Cancelling the run that resumes a thread leaves the thread idle, not interrupted."""
    thread_id, _ = await interrupted_thread(http)
    # The resumed run is `slow`, so that it is still running when the cancel arrives.
    response = await http.patch(
        "/runs/resume",
        json={"thread_id": thread_id, "agent_id": "slow", "input": "x"},
    )
    assert response.status_code == 200, response.text
    run_id = response.json()["run_id"]
    cancel = await http.post(f"/runs/{run_id}/cancel", params={"wait": "true"})
    assert cancel.status_code == 204, cancel.text
    run = (await http.get(f"/runs/{run_id}")).json()
    assert run["status"] == "interrupted" and run["stop_reason"] == "user"
    assert_idle_without_interrupts(await thread_of(http, thread_id))
    assert_not_interrupted(
        await http.patch("/runs/resume", json={"thread_id": thread_id, "input": "x"}), "idle"
    )


async def test_resumed_runs_are_found_by_thread(api, http):
    thread_id, _ = await interrupted_thread(http)
    await http.patch("/runs/resume/wait", json={"thread_id": thread_id, "input": "y"})
    found = await search_runs.asyncio(
        client=api, body=RunSearchRequest(thread_id=uuid.UUID(thread_id))
    )
    assert [r.status for r in found] == [RunStatus.SUCCESS, RunStatus.INTERRUPTED], (
        "newest first: the resume, then the interrupted run"
    )
    assert {r.agent_id for r in found} == {"hitl"}


LINGER = "tests.agents_for_tests:hitl_then_linger"


async def test_a_resumed_run_retried_after_a_crash_keeps_its_answer(database_url, start_server):
    env = {"AP_AGENTS": LINGER, "AP_LEASE_SECONDS": "1"}
    first = await start_server(database_url, **env)
    async with httpx.AsyncClient(base_url=first.base_url, timeout=30) as http:
        thread_id, _ = await interrupted_thread(http, "hitl_then_linger")
        resumed = await http.patch("/runs/resume", json={"thread_id": thread_id, "input": "yes"})
        assert resumed.status_code == 200, resumed.text
        run_id = resumed.json()["run_id"]

        async def answered() -> bool:
            return "answer" in (await thread_of(http, thread_id))["values"]

        await until(answered)
    first.process.kill()  # dies mid-run: its lease expires, another process retries the run
    first.process.wait()

    second = await start_server(database_url, **env)
    async with httpx.AsyncClient(base_url=second.base_url, timeout=30) as http:
        waited = (await asyncio.wait_for(http.get(f"/runs/{run_id}/wait"), 20)).json()
        assert waited["run"]["status"] == "success", waited
        assert waited["values"] == {"answer": "yes", "retried": True}
        assert_idle_without_interrupts(await thread_of(http, thread_id))


# -- other thread operations on an interrupted thread --------------------------------------


async def test_metadata_patch_leaves_the_interrupts_pending(http):
    thread_id, pending = await interrupted_thread(http)
    response = await http.patch(f"/threads/{thread_id}", json={"metadata": {"seen": True}})
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "interrupted"
    assert response.json()["interrupts"] == pending
    waited = (
        await http.patch("/runs/resume/wait", json={"thread_id": thread_id, "input": "ok"})
    ).json()
    assert waited["values"] == {"answer": "ok"}


async def test_a_state_patch_keeps_an_interrupted_thread_consistent(http):
    thread_id, pending = await interrupted_thread(http)
    response = await http.patch(f"/threads/{thread_id}", json={"values": {"note": "edited"}})
    assert response.status_code == 200, response.text
    thread = await thread_of(http, thread_id)
    assert (thread["status"] == "interrupted") == bool(thread.get("interrupts")), thread
    resumed = await http.patch("/runs/resume/wait", json={"thread_id": thread_id, "input": "x"})
    if thread["status"] == "interrupted":  # edit the state, then answer (as LangGraph does)
        assert thread["interrupts"] == pending
        assert resumed.status_code == 200, resumed.text
        assert resumed.json()["values"] == {"note": "edited", "answer": "x"}
    else:  # or: a state edit abandons the question
        assert_not_interrupted(resumed, thread["status"])


async def test_a_copy_of_an_interrupted_thread_is_interrupted_too(http):
    thread_id, pending = await interrupted_thread(http)
    copied = await http.post(f"/threads/{thread_id}/copy")
    assert copied.status_code == 200, copied.text
    copy = copied.json()
    assert copy["status"] == "interrupted" and copy["interrupts"] == pending

    waited = (
        await http.patch(
            "/runs/resume/wait",
            json={"thread_id": copy["thread_id"], "agent_id": "hitl", "input": "copy"},
        )
    ).json()
    assert waited["values"] == {"answer": "copy"}
    assert_idle_without_interrupts(await thread_of(http, copy["thread_id"]))

    original = await thread_of(http, thread_id)
    assert original["status"] == "interrupted" and original["interrupts"] == pending
    waited = (
        await http.patch("/runs/resume/wait", json={"thread_id": thread_id, "input": "orig"})
    ).json()
    assert waited["values"] == {"answer": "orig"}


async def test_a_copy_of_an_interrupted_thread_resumes_with_the_agent_that_asked(http):
    thread_id, _ = await interrupted_thread(http)
    copy = (await http.post(f"/threads/{thread_id}/copy")).json()
    response = await http.patch(
        "/runs/resume/wait", json={"thread_id": copy["thread_id"], "input": "copy"}
    )
    assert response.status_code == 200, response.text
    waited = response.json()
    assert waited["run"]["agent_id"] == "hitl", waited["run"]
    assert waited["values"] == {"answer": "copy"}
