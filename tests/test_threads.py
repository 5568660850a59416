"""Threads through the generated client and raw HTTP, against a real server on real Postgres."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from agent_protocol_client.api.threads import (
    copy_thread,
    create_thread,
    delete_thread,
    get_thread,
    get_thread_history,
    patch_thread,
    search_threads,
)
from agent_protocol_client.models import (
    ErrorResponse,
    Thread,
    ThreadCreate,
    ThreadCreateMetadata,
    ThreadPatch,
    ThreadPatchMetadata,
    ThreadPatchValues,
    ThreadSearchRequest,
    ThreadSearchRequestMetadata,
    ThreadStatus,
)


def tag() -> str:
    return uuid.uuid4().hex


async def new_thread(http, **body) -> dict:
    response = await http.post("/threads", json=body)
    assert response.status_code == 200, response.text
    return response.json()


async def test_create_get_delete_with_the_generated_client(api):
    created = await create_thread.asyncio(
        client=api, body=ThreadCreate(metadata=ThreadCreateMetadata.from_dict({"owner": "ann"}))
    )
    assert isinstance(created, Thread)
    assert created.status == ThreadStatus.IDLE
    assert created.metadata.to_dict() == {"owner": "ann"}
    assert created.values.to_dict() == {}

    fetched = await get_thread.asyncio(client=api, thread_id=created.thread_id)
    assert isinstance(fetched, Thread) and fetched.thread_id == created.thread_id

    deleted = await delete_thread.asyncio_detailed(client=api, thread_id=created.thread_id)
    assert deleted.status_code == 204
    missing = await get_thread.asyncio_detailed(client=api, thread_id=created.thread_id)
    assert missing.status_code == 404
    assert isinstance(missing.parsed, ErrorResponse) and missing.parsed.code == "not_found"


async def test_create_with_id_and_if_exists(http):
    thread_id = str(uuid.uuid4())
    first = await new_thread(http, thread_id=thread_id, metadata={"n": 1})
    assert first["thread_id"] == thread_id

    again = await http.post("/threads", json={"thread_id": thread_id, "metadata": {"n": 2}})
    assert again.status_code == 409
    assert again.json()["code"] == "thread_exists"

    kept = await http.post(
        "/threads", json={"thread_id": thread_id, "metadata": {"n": 2}, "if_exists": "do_nothing"}
    )
    assert kept.status_code == 200
    assert kept.json()["metadata"] == {"n": 1}, "do_nothing returns the existing thread unchanged"


async def test_concurrent_creates_of_one_id_give_one_thread(http):
    thread_id = str(uuid.uuid4())
    responses = await asyncio.gather(
        *(http.post("/threads", json={"thread_id": thread_id}) for _ in range(20))
    )
    codes = sorted(r.status_code for r in responses)
    assert codes == [200] + [409] * 19


async def test_search_by_metadata_values_status_and_paging(http, api):
    run = tag()
    ids = [
        (await new_thread(http, metadata={"run": run, "i": i, "even": i % 2 == 0}))["thread_id"]
        for i in range(5)
    ]
    # Give one a value to search by.
    await http.patch(f"/threads/{ids[0]}", json={"values": {"color": "blue", "n": 1}})

    found = await search_threads.asyncio(
        client=api,
        body=ThreadSearchRequest(
            metadata=ThreadSearchRequestMetadata.from_dict({"run": run}), limit=10
        ),
    )
    assert [t.thread_id for t in found] == [uuid.UUID(i) for i in reversed(ids)], "newest first"

    even = (
        await http.post("/threads/search", json={"metadata": {"run": run, "even": True}})
    ).json()
    assert {t["thread_id"] for t in even} == {ids[0], ids[2], ids[4]}

    by_value = (
        await http.post(
            "/threads/search", json={"values": {"color": "blue"}, "metadata": {"run": run}}
        )
    ).json()
    assert [t["thread_id"] for t in by_value] == [ids[0]]

    page = (
        await http.post("/threads/search", json={"metadata": {"run": run}, "limit": 2, "offset": 2})
    ).json()
    assert [t["thread_id"] for t in page] == [ids[2], ids[1]]

    idle = (
        await http.post("/threads/search", json={"metadata": {"run": run}, "status": "idle"})
    ).json()
    assert len(idle) == 5
    busy = (
        await http.post("/threads/search", json={"metadata": {"run": run}, "status": "busy"})
    ).json()
    assert busy == []


async def test_patch_merges_metadata_and_writes_checkpoints(http, api):
    thread = await new_thread(http, metadata={"a": 1, "b": 1})
    tid = thread["thread_id"]

    meta_only = await patch_thread.asyncio(
        client=api,
        thread_id=uuid.UUID(tid),
        body=ThreadPatch(metadata=ThreadPatchMetadata.from_dict({"b": 2, "c": 3})),
    )
    assert isinstance(meta_only, Thread)
    assert meta_only.metadata.to_dict() == {"a": 1, "b": 2, "c": 3}
    assert (await http.get(f"/threads/{tid}/history")).json() == [], "metadata is not state"

    first = await patch_thread.asyncio(
        client=api,
        thread_id=uuid.UUID(tid),
        body=ThreadPatch(values=ThreadPatchValues.from_dict({"x": 1, "y": 1})),
    )
    assert first.values.to_dict() == {"x": 1, "y": 1}
    second = (await http.patch(f"/threads/{tid}", json={"values": {"y": 2}})).json()
    assert second["values"] == {"x": 1, "y": 2}, "values merge key by key"

    history = (await http.get(f"/threads/{tid}/history")).json()
    assert [h["values"] for h in history] == [{"x": 1, "y": 2}, {"x": 1, "y": 1}]
    assert (
        history[0]["parent_checkpoint"]["checkpoint_id"]
        == history[1]["checkpoint"]["checkpoint_id"]
    )
    assert history[0]["metadata"]["step"] == 1 and history[1]["metadata"]["step"] == 0


async def test_patch_messages_append_and_replace_by_id(http):
    tid = (await new_thread(http))["thread_id"]
    one = await http.patch(
        f"/threads/{tid}", json={"messages": [{"role": "user", "content": "hi", "id": "m1"}]}
    )
    assert one.status_code == 200, one.text
    body = one.json()
    assert body["messages"] == [{"role": "user", "content": "hi", "id": "m1"}]
    assert "messages" not in body["values"], "messages have their own field"

    two = (
        await http.patch(
            f"/threads/{tid}",
            json={
                "messages": [
                    {"role": "user", "content": "hello", "id": "m1"},
                    {"role": "assistant", "content": "yo"},
                ]
            },
        )
    ).json()
    assert [m["content"] for m in two["messages"]] == ["hello", "yo"]
    assert two["messages"][1]["id"], "a message without an id gets one"

    bad = await http.patch(f"/threads/{tid}", json={"values": {"messages": [1, 2]}})
    assert bad.status_code == 422 and bad.json()["code"] == "validation_error"


async def test_patch_branches_from_an_earlier_checkpoint(http):
    tid = (await new_thread(http))["thread_id"]
    await http.patch(f"/threads/{tid}", json={"values": {"v": 1}})
    await http.patch(f"/threads/{tid}", json={"values": {"v": 2, "extra": True}})
    history = (await http.get(f"/threads/{tid}/history")).json()
    first = history[-1]["checkpoint"]

    branched = await http.patch(f"/threads/{tid}", json={"checkpoint": first, "values": {"v": 3}})
    assert branched.status_code == 200, branched.text
    assert branched.json()["values"] == {"v": 3}, "built on the first checkpoint, not the latest"

    chain = (await http.get(f"/threads/{tid}/history")).json()
    assert [h["values"] for h in chain] == [{"v": 3}, {"v": 1}], "history follows the branch"

    unknown = await http.patch(
        f"/threads/{tid}",
        json={"checkpoint": {"checkpoint_id": str(uuid.uuid4())}, "values": {"v": 4}},
    )
    # The thread exists, the checkpoint the body names does not: its own code says which.
    assert unknown.status_code == 404 and unknown.json()["code"] == "checkpoint_not_found"
    assert (await http.get(f"/threads/{tid}/history")).json() == chain, "nothing written"
    before = await http.get(f"/threads/{tid}/history", params={"before": str(uuid.uuid4())})
    assert before.status_code == 404 and before.json()["code"] == "checkpoint_not_found"


async def test_history_limit_and_before(http, api):
    tid = (await new_thread(http))["thread_id"]
    for i in range(5):
        await http.patch(f"/threads/{tid}", json={"values": {"i": i}})
    everything = await get_thread_history.asyncio(client=api, thread_id=uuid.UUID(tid), limit=100)
    assert [s.values.to_dict()["i"] for s in everything] == [4, 3, 2, 1, 0]

    two = (await http.get(f"/threads/{tid}/history", params={"limit": 2})).json()
    assert [s["values"]["i"] for s in two] == [4, 3]
    older = (
        await http.get(
            f"/threads/{tid}/history",
            params={"limit": 2, "before": two[-1]["checkpoint"]["checkpoint_id"]},
        )
    ).json()
    assert [s["values"]["i"] for s in older] == [2, 1]

    bad_before = await http.get(f"/threads/{tid}/history", params={"before": str(uuid.uuid4())})
    assert bad_before.status_code == 404
    for bad in ({"limit": 0}, {"limit": "x"}, {"limit": 1001}, {"before": "nope"}):
        response = await http.get(f"/threads/{tid}/history", params=bad)
        assert response.status_code == 422, bad
        assert response.json()["code"] == "validation_error"


async def test_copy_keeps_state_and_history_independently(http, api):
    tid = (await new_thread(http, metadata={"k": "v"}))["thread_id"]
    await http.patch(f"/threads/{tid}", json={"values": {"a": 1}})
    await http.patch(f"/threads/{tid}", json={"values": {"a": 2}})

    copy = await copy_thread.asyncio(client=api, thread_id=uuid.UUID(tid))
    assert isinstance(copy, Thread) and str(copy.thread_id) != tid
    assert copy.values.to_dict() == {"a": 2}
    assert copy.metadata.to_dict() == {"k": "v"}
    original_history = (await http.get(f"/threads/{tid}/history")).json()
    copied_history = (await http.get(f"/threads/{copy.thread_id}/history")).json()
    assert [h["values"] for h in copied_history] == [h["values"] for h in original_history]

    await http.patch(f"/threads/{copy.thread_id}", json={"values": {"a": 3}})
    assert (await http.get(f"/threads/{tid}")).json()["values"] == {"a": 2}, (
        "the original is untouched"
    )
    await http.delete(f"/threads/{tid}")
    assert len((await http.get(f"/threads/{copy.thread_id}/history")).json()) == 3


async def test_delete_removes_checkpoints(http, db):
    from sqlalchemy import text

    tid = (await new_thread(http))["thread_id"]
    await http.patch(f"/threads/{tid}", json={"values": {"a": 1}})
    assert (await http.delete(f"/threads/{tid}")).status_code == 204
    async with db.engine.connect() as conn:
        left = (
            await conn.execute(
                text("SELECT count(*) FROM checkpoints WHERE thread_id = :t"), {"t": uuid.UUID(tid)}
            )
        ).scalar()
    assert left == 0
    again = await http.delete(f"/threads/{tid}")
    assert again.status_code == 404 and again.json()["code"] == "not_found"


@pytest.mark.parametrize(
    "method, path, body",
    [
        ("GET", "/threads/not-a-uuid", None),
        ("DELETE", "/threads/123", None),
        ("PATCH", "/threads/xyz", {}),
        ("POST", "/threads/abc/copy", None),
        ("GET", "/threads/abc/history", None),
        ("POST", "/threads", {"thread_id": "nope"}),
        ("POST", "/threads", {"if_exists": "explode"}),
        ("POST", "/threads", {"metadata": []}),
        ("POST", "/threads", [1, 2]),
        ("POST", "/threads/search", {"limit": 0}),
        ("POST", "/threads/search", {"status": "sleeping"}),
        ("POST", "/threads/search", {"offset": -1}),
    ],
)
async def test_bad_input_is_422_with_an_error_body(http, method, path, body):
    response = await http.request(method, path, json=body)
    assert response.status_code == 422, response.text
    error = response.json()
    assert error["code"] == "validation_error" and error["message"]


async def test_missing_thread_is_404_everywhere(http):
    tid = str(uuid.uuid4())
    for method, path, body in [
        ("GET", f"/threads/{tid}", None),
        ("PATCH", f"/threads/{tid}", {"metadata": {"a": 1}}),
        ("DELETE", f"/threads/{tid}", None),
        ("POST", f"/threads/{tid}/copy", None),
        ("GET", f"/threads/{tid}/history", None),
    ]:
        response = await http.request(method, path, json=body)
        assert response.status_code == 404, (method, path)
        assert response.json()["code"] == "not_found"
