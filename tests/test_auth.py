"""API keys and owner isolation: a server with two owners and an admin key.

The cross-owner matrix takes its operations from the spec's operation table
(generated/operations.py): an operation added to the spec without a case here fails
`test_the_matrix_covers_every_operation`.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import websockets

from agent_protocol_client import AuthenticatedClient, Client
from agent_protocol_client.api.threads import create_thread, get_thread
from agent_protocol_client.models import ErrorResponse, Thread, ThreadCreate
from ap_generated.operations import OPERATIONS
from ap_server.auth import ApiKeys, Unauthorized
from ap_server.conformance import main as conformance
from ap_server.settings import Settings

from .conftest import ServerProcess, server_on_new_database
from .helpers import run_until

KEYS = {"alice": "alice-key-1", "bob": "bob-key-2"}
ADMIN_KEY = "admin-key-3"
OWNERS = tuple(KEYS)


@pytest.fixture(scope="module")
async def keyed_server(postgres_url: str, tmp_path_factory) -> AsyncIterator[ServerProcess]:
    log_path = tmp_path_factory.mktemp("keyed") / "server.log"
    env = {
        "AP_API_KEYS": ",".join(f"{owner}={key}" for owner, key in KEYS.items()),
        "AP_ADMIN_KEY": ADMIN_KEY,
        "AP_AGENTS": "tests.agents_for_tests:remembers,tests.agents_for_tests:until_stopped",
    }
    async with server_on_new_database(postgres_url, log_path, **env) as process:
        yield process


def client(server: ServerProcess, key: str | None) -> httpx.AsyncClient:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return httpx.AsyncClient(base_url=server.base_url, headers=headers, timeout=30)


@dataclass
class Resources:
    """One owner's resources: a thread with state, an interrupted thread, an ended run, an
    active run, a store item. `secret` is in their metadata, values and item value."""

    secret: str
    thread_id: str
    interrupted_thread_id: str
    run_id: str
    active_run_id: str
    namespace: list[str]  # every owner has an item here
    key: str
    own_namespace: list[str]  # only this owner has an item here
    assistant_id: str  # a LangGraph assistant of this owner's
    cron_id: str  # a LangGraph cron on `thread_id`


async def make_resources(http: httpx.AsyncClient) -> Resources:
    secret = f"secret-{uuid.uuid4().hex}"
    thread_id = (await http.post("/threads", json={"metadata": {"secret": secret}})).json()[
        "thread_id"
    ]
    patched = await http.patch(f"/threads/{thread_id}", json={"values": {"secret": secret}})
    assert patched.status_code == 200, patched.text
    done = await http.post(
        "/runs/wait",
        json={
            "thread_id": thread_id,
            "agent_id": "echo",
            "input": secret,
            "metadata": {"s": secret},
        },
    )
    assert done.status_code == 200, done.text
    interrupted = (await http.post("/threads", json={})).json()["thread_id"]
    asked = await http.post(
        "/runs/wait",
        json={"thread_id": interrupted, "agent_id": "hitl", "input": {"question": secret}},
    )
    assert asked.json()["run"]["status"] == "interrupted", asked.text
    busy = (await http.post("/threads", json={})).json()["thread_id"]
    active = await http.post(
        "/runs",
        json={"thread_id": busy, "agent_id": "until_stopped"},
    )
    namespace = ["shared", "ns"]  # the same namespace and key for every owner
    put = await http.put(
        "/store/items", json={"namespace": namespace, "key": "k", "value": {"secret": secret}}
    )
    assert put.status_code == 204, put.text
    own_namespace = [f"only-{uuid.uuid4().hex}"]
    put = await http.put(
        "/store/items", json={"namespace": own_namespace, "key": "k", "value": {"s": secret}}
    )
    assert put.status_code == 204, put.text
    assistant = await http.post(
        "/langgraph/assistants",
        json={"graph_id": "echo", "metadata": {"secret": secret}, "context": {"s": secret}},
    )
    assert assistant.status_code == 200, assistant.text
    cron = await http.post(
        f"/langgraph/threads/{thread_id}/runs/crons",
        json={"assistant_id": "echo", "schedule": "0 0 1 1 *", "metadata": {"secret": secret}},
    )
    assert cron.status_code == 200, cron.text
    return Resources(
        cron_id=cron.json()["cron_id"],
        assistant_id=assistant.json()["assistant_id"],
        secret=secret,
        thread_id=thread_id,
        interrupted_thread_id=interrupted,
        run_id=done.json()["run"]["run_id"],
        active_run_id=active.json()["run_id"],
        namespace=namespace,
        key="k",
        own_namespace=own_namespace,
    )


@pytest.fixture(scope="module")
async def resources(keyed_server: ServerProcess) -> AsyncIterator[dict[str, Resources]]:
    made = {}
    for owner, key in KEYS.items():
        async with client(keyed_server, key) as http:
            made[owner] = await make_resources(http)
            await run_until(http, made[owner].active_run_id, {"running"})
    yield made
    for owner, key in KEYS.items():
        async with client(keyed_server, key) as http:
            await http.post(f"/runs/{made[owner].active_run_id}/cancel", params={"graceful": False})


# -- the cross-owner matrix ------------------------------------------------------------

# Per operationId: the request an attacker makes on the victim's resources (method, path,
# params, body), and what it must get. "404": a 404 not_found. "own": a 2xx that holds
# nothing of the victim's (a search, or an act on the attacker's own namespace).
# "shared": resources no owner has (agents); "public": needs no key.
Case = Callable[[Resources], tuple[str, str, dict[str, Any] | None, Any]]


def resume(path: str) -> Case:
    return lambda r: ("PATCH", path, None, {"thread_id": r.interrupted_thread_id, "input": 1})


MATRIX: dict[str, tuple[Case, str]] = {
    "search_agents": (lambda r: ("POST", "/agents/search", None, {}), "shared"),
    "get_agent": (lambda r: ("GET", "/agents/echo", None, None), "shared"),
    "get_agent_schemas": (lambda r: ("GET", "/agents/echo/schemas", None, None), "shared"),
    "health": (lambda r: ("GET", "/ok", None, None), "public"),
    "info": (lambda r: ("GET", "/info", None, None), "public"),
    # The id is taken: neither shown nor made (the one thing another owner can learn is
    # that an id it already knows is in use).
    "create_thread": (
        lambda r: ("POST", "/threads", None, {"thread_id": r.thread_id, "if_exists": "do_nothing"}),
        "409",
    ),
    "search_threads": (
        lambda r: ("POST", "/threads/search", None, {"metadata": {"secret": r.secret}}),
        "own",
    ),
    "get_thread_history": (lambda r: ("GET", f"/threads/{r.thread_id}/history", None, None), "404"),
    "copy_thread": (lambda r: ("POST", f"/threads/{r.thread_id}/copy", None, None), "404"),
    "get_thread": (lambda r: ("GET", f"/threads/{r.thread_id}", None, None), "404"),
    "delete_thread": (lambda r: ("DELETE", f"/threads/{r.thread_id}", None, None), "404"),
    "patch_thread": (
        lambda r: ("PATCH", f"/threads/{r.thread_id}", None, {"metadata": {"x": 1}, "values": {}}),
        "404",
    ),
    "search_runs": (lambda r: ("POST", "/runs/search", None, {"thread_id": r.thread_id}), "own"),
    "resume_run": (resume("/runs/resume"), "404"),
    "resume_and_stream_run": (resume("/runs/resume/stream"), "404"),
    "resume_and_wait_run": (resume("/runs/resume/wait"), "404"),
    "create_and_stream_run": (
        lambda r: ("POST", "/runs/stream", None, {"thread_id": r.thread_id, "agent_id": "echo"}),
        "404",
    ),
    "create_and_wait_run": (
        lambda r: ("POST", "/runs/wait", None, {"thread_id": r.thread_id, "agent_id": "echo"}),
        "404",
    ),
    "create_run": (
        lambda r: (
            "POST",
            "/runs",
            None,
            {"thread_id": r.thread_id, "agent_id": "echo", "if_not_exists": "create"},
        ),
        "404",
    ),
    "get_run": (lambda r: ("GET", f"/runs/{r.run_id}", None, None), "404"),
    "delete_run": (lambda r: ("DELETE", f"/runs/{r.run_id}", None, None), "404"),
    "wait_run": (lambda r: ("GET", f"/runs/{r.run_id}/wait", None, None), "404"),
    "stream_run": (lambda r: ("GET", f"/runs/{r.run_id}/stream", None, None), "404"),
    "cancel_run": (
        lambda r: ("POST", f"/runs/{r.active_run_id}/cancel", {"graceful": "false"}, None),
        "404",
    ),
    "cancel_runs": (
        lambda r: ("POST", "/runs/cancel", None, {"run_ids": [r.active_run_id, r.run_id]}),
        "own",
    ),
    "get_item": (
        lambda r: ("GET", "/store/items", {"namespace": r.own_namespace, "key": r.key}, None),
        "404",
    ),
    "delete_item": (
        lambda r: ("DELETE", "/store/items", None, {"namespace": r.own_namespace, "key": r.key}),
        "404",
    ),
    # Writes the attacker's own item at the same namespace and key (see the test below).
    "put_item": (
        lambda r: (
            "PUT",
            "/store/items",
            None,
            {"namespace": r.namespace, "key": r.key, "value": {}},
        ),
        "own",
    ),
    "search_items": (
        lambda r: ("POST", "/store/items/search", None, {"filter": {"secret": r.secret}}),
        "own",
    ),
    "list_namespaces": (
        lambda r: ("POST", "/store/namespaces", None, {"prefix": r.own_namespace}),
        "own",
    ),
}

# The thread streaming protocol (server/streaming/handlers.py): a command (even `run.start`,
# which would create a missing thread), a stream, the WebSocket path as plain HTTP.
RUN_START = {"id": 1, "method": "run.start", "params": {"assistant_id": "echo", "input": 1}}
MATRIX.update(
    {
        "send_thread_streaming_command": (
            lambda r: ("POST", f"/threads/{r.thread_id}/commands", None, RUN_START),
            "404",
        ),
        "open_thread_sse_stream": (
            lambda r: ("POST", f"/threads/{r.thread_id}/stream", None, {"channels": ["values"]}),
            "404",
        ),
        "open_thread_websocket_stream": (
            lambda r: ("GET", f"/threads/{r.thread_id}/stream", None, None),
            "404",
        ),
        "lg_send_thread_streaming_command": (
            lambda r: ("POST", f"/langgraph/threads/{r.thread_id}/commands", None, RUN_START),
            "404",
        ),
        "lg_open_thread_sse_stream": (
            lambda r: (
                "POST",
                f"/langgraph/threads/{r.thread_id}/stream/events",
                None,
                {"channels": ["values"]},
            ),
            "404",
        ),
        "lg_open_thread_websocket_stream": (
            lambda r: ("GET", f"/langgraph/threads/{r.thread_id}/stream/events", None, None),
            "404",
        ),
    }
)

# The LangGraph paths (server/langgraph/api.py) on the same resources.
LG = "/langgraph"


def lg_thread(suffix: str = "", method: str = "GET", body: Any = None) -> Case:
    return lambda r: (method, f"{LG}/threads/{r.thread_id}{suffix}", None, body)


def lg_assistant(suffix: str = "", method: str = "GET", body: Any = None) -> Case:
    return lambda r: (method, f"{LG}/assistants/{r.assistant_id}{suffix}", None, body)


def lg_run(suffix: str = "", method: str = "GET") -> Case:
    return lambda r: (method, f"{LG}/threads/{r.thread_id}/runs/{r.run_id}{suffix}", None, None)


MATRIX.update(
    {
        "lg_search_assistants": (
            lambda r: ("POST", f"{LG}/assistants/search", None, {"metadata": {"secret": r.secret}}),
            "own",
        ),
        "lg_count_assistants": (
            lambda r: ("POST", f"{LG}/assistants/count", None, {"metadata": {"secret": r.secret}}),
            "own",
        ),
        "lg_create_assistant": (
            lambda r: (
                "POST",
                f"{LG}/assistants",
                None,
                {"graph_id": "echo", "assistant_id": r.assistant_id, "if_exists": "do_nothing"},
            ),
            "409",
        ),
        "lg_get_assistant": (lg_assistant(), "404"),
        "lg_update_assistant": (lg_assistant(method="PATCH", body={"metadata": {"x": 1}}), "404"),
        "lg_delete_assistant": (lg_assistant(method="DELETE"), "404"),
        "lg_list_assistant_versions": (lg_assistant("/versions", "POST", {}), "404"),
        "lg_set_latest_assistant_version": (
            lg_assistant("/latest", "POST", {"version": 1}),
            "404",
        ),
        "lg_get_assistant_graph": (lg_assistant("/graph"), "404"),
        "lg_get_assistant_subgraphs": (lg_assistant("/subgraphs"), "404"),
        "lg_get_assistant_subgraphs_at": (lg_assistant("/subgraphs/x"), "404"),
        "lg_get_assistant_schemas": (lg_assistant("/schemas"), "404"),
        "lg_create_thread": (
            lambda r: (
                "POST",
                f"{LG}/threads",
                None,
                {"thread_id": r.thread_id, "if_exists": "do_nothing"},
            ),
            "409",
        ),
        "lg_search_threads": (
            lambda r: ("POST", f"{LG}/threads/search", None, {"metadata": {"secret": r.secret}}),
            "own",
        ),
        "lg_info": (lambda r: ("GET", f"{LG}/info", None, None), "public"),
        "lg_count_threads": (
            lambda r: ("POST", f"{LG}/threads/count", None, {"metadata": {"secret": r.secret}}),
            "own",
        ),
        # Skips what the caller cannot see: the victim's threads stay (assert_untouched).
        "lg_prune_threads": (
            lambda r: (
                "POST",
                f"{LG}/threads/prune",
                None,
                {"thread_ids": [r.thread_id, r.interrupted_thread_id]},
            ),
            "own",
        ),
        "lg_create_cron": (
            lambda r: (
                "POST",
                f"{LG}/runs/crons",
                None,
                {"assistant_id": "echo", "schedule": "0 0 1 1 *"},
            ),
            "own",
        ),
        "lg_create_thread_cron": (
            lg_thread("/runs/crons", "POST", {"assistant_id": "echo", "schedule": "0 0 1 1 *"}),
            "404",
        ),
        "lg_update_cron": (
            lambda r: ("PATCH", f"{LG}/runs/crons/{r.cron_id}", None, {"enabled": False}),
            "404",
        ),
        "lg_delete_cron": (
            lambda r: ("DELETE", f"{LG}/runs/crons/{r.cron_id}", None, None),
            "404",
        ),
        "lg_search_crons": (
            lambda r: ("POST", f"{LG}/runs/crons/search", None, {"metadata": {"secret": r.secret}}),
            "own",
        ),
        "lg_count_crons": (
            lambda r: ("POST", f"{LG}/runs/crons/count", None, {"metadata": {"secret": r.secret}}),
            "own",
        ),
        "lg_get_thread": (lg_thread(), "404"),
        "lg_delete_thread": (lg_thread(method="DELETE"), "404"),
        "lg_patch_thread": (lg_thread(method="PATCH", body={"metadata": {"x": 1}}), "404"),
        "lg_copy_thread": (lg_thread("/copy", "POST"), "404"),
        "lg_get_state": (lg_thread("/state"), "404"),
        "lg_update_state": (lg_thread("/state", "POST", {"values": {"x": 1}}), "404"),
        "lg_get_state_at": (lg_thread(f"/state/{uuid.uuid4()}"), "404"),
        "lg_get_state_at_checkpoint": (
            lg_thread(
                "/state/checkpoint", "POST", {"checkpoint": {"checkpoint_id": str(uuid.uuid4())}}
            ),
            "404",
        ),
        "lg_get_history": (lg_thread("/history", "POST", {}), "404"),
        "lg_list_history": (lg_thread("/history"), "404"),
        "lg_list_runs": (lg_thread("/runs"), "404"),
        "lg_create_run": (lg_thread("/runs", "POST", {"assistant_id": "echo"}), "404"),
        "lg_stream_run": (lg_thread("/runs/stream", "POST", {"assistant_id": "echo"}), "404"),
        "lg_wait_run": (
            lg_thread("/runs/wait", "POST", {"assistant_id": "hitl", "command": {"resume": 1}}),
            "404",
        ),
        "lg_get_run": (lg_run(), "404"),
        "lg_delete_run": (lg_run(method="DELETE"), "404"),
        "lg_join_run": (lg_run("/join"), "404"),
        "lg_join_stream": (lg_run("/stream"), "404"),
        "lg_cancel_run": (
            lambda r: (
                "POST",
                f"{LG}/threads/{r.thread_id}/runs/{r.active_run_id}/cancel",
                None,
                None,
            ),
            "404",
        ),
        "lg_cancel_runs": (
            lambda r: ("POST", f"{LG}/runs/cancel", None, {"run_ids": [r.active_run_id, r.run_id]}),
            "own",
        ),
        # Stateless runs name nothing of anyone's: the attacker's own run, no secret in it.
        "lg_create_stateless_run": (
            lambda r: ("POST", f"{LG}/runs", None, {"assistant_id": "echo", "input": {}}),
            "own",
        ),
        "lg_stream_stateless_run": (
            lambda r: ("POST", f"{LG}/runs/stream", None, {"assistant_id": "echo", "input": {}}),
            "own",
        ),
        "lg_create_batch": (
            lambda r: ("POST", f"{LG}/runs/batch", None, [{"assistant_id": "echo", "input": {}}]),
            "own",
        ),
        "lg_wait_stateless_run": (
            lambda r: ("POST", f"{LG}/runs/wait", None, {"assistant_id": "echo", "input": {}}),
            "own",
        ),
        "lg_get_item": (
            lambda r: (
                "GET",
                f"{LG}/store/items",
                {"namespace": ".".join(r.own_namespace), "key": r.key},
                None,
            ),
            "404",
        ),
        "lg_delete_item": (
            lambda r: (
                "DELETE",
                f"{LG}/store/items",
                None,
                {"namespace": r.own_namespace, "key": r.key},
            ),
            "404",
        ),
        "lg_put_item": (
            lambda r: (
                "PUT",
                f"{LG}/store/items",
                None,
                {"namespace": r.namespace, "key": r.key, "value": {}},
            ),
            "own",
        ),
        "lg_search_items": (
            lambda r: ("POST", f"{LG}/store/items/search", None, {"filter": {"secret": r.secret}}),
            "own",
        ),
        "lg_list_namespaces": (
            lambda r: ("POST", f"{LG}/store/namespaces", None, {"prefix": r.own_namespace}),
            "own",
        ),
    }
)


def test_the_matrix_covers_every_operation() -> None:
    assert set(MATRIX) == {op.operation_id for op in OPERATIONS}


async def request(http: httpx.AsyncClient, case: Case, victim: Resources) -> httpx.Response:
    method, path, params, body = case(victim)
    return await http.request(method, path, params=params, json=body)


@pytest.mark.parametrize(("attacker", "victim"), [("alice", "bob"), ("bob", "alice")])
@pytest.mark.parametrize("operation_id", [op.operation_id for op in OPERATIONS])
async def test_no_operation_reaches_another_owners_resources(
    keyed_server, resources, attacker, victim, operation_id
) -> None:
    case, expected = MATRIX[operation_id]
    theirs = resources[victim]
    async with client(keyed_server, KEYS[attacker]) as http:
        response = await request(http, case, theirs)
        assert theirs.secret not in response.text, response.text
        if expected == "404":
            assert response.status_code == 404, response.text
            assert response.json()["code"] == "not_found"
        elif expected == "409":
            assert response.status_code == 409, response.text
            assert response.json()["code"] in ("thread_exists", "assistant_exists")
        else:
            assert response.is_success, response.text
            if operation_id in ("put_item", "lg_put_item"):
                mine = await http.get(
                    "/store/items", params={"namespace": theirs.namespace, "key": theirs.key}
                )
                assert mine.json()["value"] == {}  # the attacker's own item
                await http.put(
                    "/store/items",
                    json={
                        "namespace": theirs.namespace,
                        "key": theirs.key,
                        "value": {"secret": resources[attacker].secret},
                    },
                )
            if operation_id in (
                "search_threads",
                "search_runs",
                "cancel_runs",
                "search_items",
                "list_namespaces",
                "lg_search_threads",
                "lg_search_assistants",
                "lg_search_crons",
                "lg_search_items",
                "lg_list_namespaces",
            ):
                assert response.json() in ([], {"items": []}, {"namespaces": []}), response.text
            if operation_id in ("lg_count_assistants", "lg_count_threads", "lg_count_crons"):
                assert response.json() == 0
            if operation_id == "lg_prune_threads":
                assert response.json() == {"pruned_count": 0}
    await assert_untouched(keyed_server, victim, theirs)


async def assert_untouched(server: ServerProcess, owner: str, mine: Resources) -> None:
    """The owner still sees all of its resources as they were."""
    async with client(server, KEYS[owner]) as http:
        assistant = (await http.get(f"/langgraph/assistants/{mine.assistant_id}")).json()
        assert assistant["metadata"] == {"secret": mine.secret} and assistant["version"] == 1
        crons = await http.post(
            "/langgraph/runs/crons/search", json={"metadata": {"secret": mine.secret}}
        )
        assert [(c["cron_id"], c["enabled"]) for c in crons.json()] == [(mine.cron_id, True)]
        thread = (await http.get(f"/threads/{mine.thread_id}")).json()
        assert thread["metadata"] == {"secret": mine.secret}
        assert thread["values"]["secret"] == mine.secret
        assert (await http.get(f"/runs/{mine.run_id}")).status_code == 200
        active = (await http.get(f"/runs/{mine.active_run_id}")).json()
        assert active["status"] == "running" and not active["stopping"], active
        interrupted = (await http.get(f"/threads/{mine.interrupted_thread_id}")).json()
        assert interrupted["status"] == "interrupted"
        item = await http.get("/store/items", params={"namespace": mine.namespace, "key": mine.key})
        assert item.json()["value"] == {"secret": mine.secret}
        own = await http.get("/store/items", params={"namespace": mine.own_namespace, "key": "k"})
        assert own.json()["value"] == {"s": mine.secret}


async def test_each_owner_sees_its_own_in_searches(keyed_server, resources) -> None:
    for owner, key in KEYS.items():
        mine = resources[owner]
        async with client(keyed_server, key) as http:
            threads = (await http.post("/threads/search", json={"limit": 100})).json()
            ids = {t["thread_id"] for t in threads}
            assert {mine.thread_id, mine.interrupted_thread_id} <= ids
            assert not ids & {r.thread_id for r in resources.values() if r != mine}
            runs = (await http.post("/runs/search", json={"limit": 100})).json()
            assert {mine.run_id, mine.active_run_id} <= {r["run_id"] for r in runs}
            assert all(r["thread_id"] in ids for r in runs)
            items = (await http.post("/store/items/search", json={"limit": 100})).json()
            values = [item["value"] for item in items["items"]]
            assert {"secret": mine.secret} in values and {"s": mine.secret} in values
            others = {r.secret for r in resources.values() if r != mine}
            assert not [v for v in values if others & {v.get("secret"), v.get("s")}]
            spaces = (await http.post("/store/namespaces", json={"limit": 100})).json()
            assert mine.namespace in spaces and mine.own_namespace in spaces
            assert not [r for r in resources.values() if r != mine and r.own_namespace in spaces]
            assistants = (
                await http.post("/langgraph/assistants/search", json={"limit": 100})
            ).json()
            seen = {a["assistant_id"] for a in assistants}
            assert mine.assistant_id in seen  # its own, and the shared default ones
            assert {a["graph_id"] for a in assistants} >= {"echo", "hitl", "remembers"}
            assert not seen & {r.assistant_id for r in resources.values() if r != mine}


async def test_default_assistants_are_shared_and_only_the_admin_changes_them(
    keyed_server,
) -> None:
    async with client(keyed_server, KEYS["alice"]) as http:
        echo = (await http.get("/langgraph/assistants/echo")).json()
        for method, suffix, body in (
            ("PATCH", "", {"metadata": {"mine": True}}),
            ("DELETE", "", None),
            ("POST", "/latest", {"version": 1}),
        ):
            refused = await http.request(method, f"/langgraph/assistants/echo{suffix}", json=body)
            assert refused.status_code == 409, refused.text
            assert refused.json()["code"] == "assistant_shared"
        assert (await http.get("/langgraph/assistants/echo")).json() == echo
    async with client(keyed_server, ADMIN_KEY) as http:
        changed = await http.patch(
            "/langgraph/assistants/echo", json={"description": "changed by the admin"}
        )
        assert changed.status_code == 200 and changed.json()["version"] == 2
        back = await http.post("/langgraph/assistants/echo/latest", json={"version": 1})
        assert back.json()["description"] is None


async def test_a_stateless_run_belongs_to_its_caller(keyed_server, resources) -> None:
    async with (
        client(keyed_server, KEYS["alice"]) as alice,
        client(keyed_server, KEYS["bob"]) as bob,
    ):
        done = (await alice.post("/runs/wait", json={"agent_id": "echo", "input": "x"})).json()
        run_id, thread_id = done["run"]["run_id"], done["run"]["thread_id"]
        assert (await alice.get(f"/runs/{run_id}")).status_code == 200
        assert (await bob.get(f"/runs/{run_id}")).status_code == 404
        assert (await bob.get(f"/threads/{thread_id}")).status_code == 404


async def test_an_agent_uses_its_owners_store(keyed_server, resources) -> None:
    for owner, key in KEYS.items():
        async with client(keyed_server, key) as http:
            body = {"agent_id": "remembers", "input": owner}
            done = (await http.post("/runs/wait", json=body)).json()
            assert done["values"]["seen"] == [{"input": owner}], done
            item = await http.get("/store/items", params={"namespace": "memory", "key": "last"})
            assert item.json()["value"] == {"input": owner}


async def test_the_admin_key_sees_everything(keyed_server, resources) -> None:
    async with client(keyed_server, ADMIN_KEY) as admin:
        threads = {
            t["thread_id"]
            for t in (await admin.post("/threads/search", json={"limit": 1000})).json()
        }
        for mine in resources.values():
            assert mine.thread_id in threads
            assert (await admin.get(f"/threads/{mine.thread_id}")).status_code == 200
            assert (await admin.get(f"/runs/{mine.run_id}")).status_code == 200
            history = await admin.get(f"/threads/{mine.thread_id}/history")
            assert history.status_code == 200 and history.json()
        runs = {
            r["run_id"] for r in (await admin.post("/runs/search", json={"limit": 1000})).json()
        }
        assert {r.run_id for r in resources.values()} <= runs


# -- keys ------------------------------------------------------------------------------


def dummy_path(path: str) -> str:
    return (
        path.replace("{thread_id}", str(uuid.uuid4()))
        .replace("{run_id}", str(uuid.uuid4()))
        .replace("{agent_id}", "echo")
    )


SECURED = [op for op in OPERATIONS if op.secured]


def test_only_the_health_check_is_open() -> None:
    assert {op.operation_id for op in OPERATIONS if not op.secured} == {"health", "info", "lg_info"}


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({}, id="no-key"),
        pytest.param({"Authorization": "Bearer"}, id="empty-bearer"),
        pytest.param({"Authorization": f"Basic {KEYS['alice']}"}, id="basic"),
        pytest.param({"Authorization": "Bearer wrong"}, id="bad-bearer"),
        pytest.param({"x-api-key": "wrong"}, id="bad-x-api-key"),
        pytest.param({"Authorization": f"Bearer {KEYS['alice']}x"}, id="longer"),
        pytest.param({"Authorization": f"Bearer {KEYS['alice'][:-1]}"}, id="shorter"),
    ],
)
@pytest.mark.parametrize("op", SECURED, ids=lambda op: op.operation_id)
async def test_every_secured_operation_needs_a_good_key(keyed_server, op, headers) -> None:
    async with httpx.AsyncClient(base_url=keyed_server.base_url, timeout=30) as http:
        body = {} if op.body is not None else None
        response = await http.request(op.method, dummy_path(op.path), json=body, headers=headers)
    assert response.status_code == 401, response.text
    assert response.headers["www-authenticate"] == "Bearer"
    error = response.json()
    bad = "unauthorized" if headers in ({}, {"Authorization": "Bearer"}) else None
    assert error["code"] in ([bad] if bad else ["unauthorized", "invalid_api_key"])
    assert error["message"]


async def test_open_paths_need_no_key(keyed_server) -> None:
    async with httpx.AsyncClient(base_url=keyed_server.base_url, timeout=30) as http:
        for path in ("/ok", "/openapi.json", "/docs", "/info", "/langgraph/info"):
            assert (await http.get(path)).status_code == 200, path


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": f"Bearer {KEYS['alice']}"},
        {"authorization": f"bearer {KEYS['alice']}"},
        {"x-api-key": KEYS["alice"]},
    ],
)
async def test_a_key_in_either_header(keyed_server, headers) -> None:
    async with httpx.AsyncClient(base_url=keyed_server.base_url, timeout=30) as http:
        response = await http.post("/threads", json={}, headers=headers)
    assert response.status_code == 200, response.text


async def test_the_generated_client_sends_the_key(keyed_server) -> None:
    async with AuthenticatedClient(
        base_url=keyed_server.base_url, token=KEYS["bob"], raise_on_unexpected_status=True
    ) as authed:
        thread = await create_thread.asyncio(client=authed, body=ThreadCreate())
        assert isinstance(thread, Thread)
        assert isinstance(
            await get_thread.asyncio(client=authed, thread_id=thread.thread_id), Thread
        )
    async with Client(base_url=keyed_server.base_url, raise_on_unexpected_status=True) as anonymous:
        refused = await get_thread.asyncio_detailed(client=anonymous, thread_id=thread.thread_id)
        assert refused.status_code == 401 and isinstance(refused.parsed, ErrorResponse)
    async with AuthenticatedClient(
        base_url=keyed_server.base_url, token=KEYS["alice"], raise_on_unexpected_status=True
    ) as other:
        hidden = await get_thread.asyncio_detailed(client=other, thread_id=thread.thread_id)
        assert hidden.status_code == 404


async def test_the_start_says_whether_keys_are_required(keyed_server, server) -> None:
    assert "API keys: required; owners: alice, bob; an admin key" in keyed_server.log()
    assert "the server is OPEN" in server.log()
    assert KEYS["alice"] not in keyed_server.log()


def test_a_file_of_hashed_keys(tmp_path: Path) -> None:
    keys_file = tmp_path / "keys"
    hashed = hashlib.sha256(b"carol-key").hexdigest()
    keys_file.write_text(f"# owner:sha256\ncarol:{hashed}\n\ndave:{hashed.upper()}  # again\n")
    keys = ApiKeys.from_settings(Settings(api_keys_file=keys_file))
    scope = keys.authenticate({"x-api-key": "carol-key"})
    assert scope.owner == "carol" and not scope.everything
    with pytest.raises(Unauthorized):
        keys.authenticate({"x-api-key": hashed})  # the hash is not the key


@pytest.mark.parametrize(
    "settings",
    [
        Settings(api_keys="alice"),
        Settings(api_keys="alice="),
        Settings(api_keys="=key"),
    ],
)
def test_malformed_keys_stop_the_start(settings: Settings) -> None:
    with pytest.raises(ValueError):
        ApiKeys.from_settings(settings)


@pytest.mark.parametrize("line", ["carol", "carol:abc", ":" + "0" * 64, "carol:" + "z" * 64])
def test_malformed_key_files_stop_the_start(tmp_path: Path, line: str) -> None:
    keys_file = tmp_path / "keys"
    keys_file.write_text(line + "\n")
    with pytest.raises(ValueError):
        ApiKeys.from_settings(Settings(api_keys_file=keys_file))


def test_no_keys_is_open() -> None:
    keys = ApiKeys.from_settings(Settings())
    assert keys.open and keys.authenticate({}).everything


async def test_the_conformance_kit_sends_a_key(keyed_server) -> None:
    def kit(*extra: str) -> int:
        args = ["--base-url", keyed_server.base_url, "--only", "threads: *", *extra]
        return conformance(args, out=io.StringIO())

    assert await asyncio.to_thread(kit, "--api-key", KEYS["alice"]) == 0
    assert await asyncio.to_thread(kit) == 1  # every check refused: 401


async def test_websockets_need_a_key_and_see_only_their_owners_threads(
    keyed_server, resources
) -> None:
    base = keyed_server.base_url.replace("http://", "ws://")
    theirs = resources["bob"].thread_id
    path = f"{base}/threads/{theirs}/stream"
    for url, headers, code in (
        (path, {}, 4401),
        (path, {"x-api-key": "wrong"}, 4401),
        (path, {"x-api-key": KEYS["alice"]}, 4404),
        (f"{path}?api_key={KEYS['alice']}", {}, 4404),
    ):
        async with websockets.connect(url, additional_headers=headers) as socket:
            with pytest.raises(websockets.ConnectionClosed) as closed:
                await socket.recv()
        assert closed.value.rcvd.code == code, (url, headers)
    # the owner's key, in the query as a browser sends it
    async with websockets.connect(f"{path}?api_key={KEYS['bob']}") as socket:
        await socket.send(json.dumps({"id": 1, "method": "state.get", "params": {"namespace": []}}))
        reply = json.loads(await socket.recv())
        assert reply["type"] == "success" and reply["result"]["values"]["secret"], reply
