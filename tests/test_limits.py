"""Limits on what a request carries, each with a clear error: the body (413), `metadata`,
`values` and store `value` sizes, namespace depth and labels, key length, `limit` and
`offset` ranges (422). A server with small limits (and no keys)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import httpx
import pytest

from ap_generated.operations import OPERATIONS

from .conftest import server_on_new_database

BODY, METADATA, VALUES = 4096, 256, 1024


@pytest.fixture(scope="module")
async def limited(postgres_url: str, tmp_path_factory) -> AsyncIterator[httpx.AsyncClient]:
    env = {
        "AP_MAX_BODY_BYTES": str(BODY),
        "AP_MAX_METADATA_BYTES": str(METADATA),
        "AP_MAX_VALUES_BYTES": str(VALUES),
    }
    log_path = tmp_path_factory.mktemp("limited") / "server.log"
    async with (
        server_on_new_database(postgres_url, log_path, **env) as server,
        httpx.AsyncClient(base_url=server.base_url, timeout=30) as http,
    ):
        yield http


def concrete(path: str) -> str:
    for name in ("{thread_id}", "{run_id}", "{cron_id}"):
        path = path.replace(name, str(uuid.uuid4()))
    return path.replace("{assistant_id}", "echo").replace("{namespace}", "ns")


def assert_error(response: httpx.Response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    error = response.json()
    assert error["code"] == code and error["message"], error
    return error


WITH_BODY = [op for op in OPERATIONS if op.body is not None]


@pytest.mark.parametrize("op", WITH_BODY, ids=lambda op: op.operation_id)
async def test_a_body_too_large_is_413(limited, op) -> None:
    body = b'{"metadata": {"x": "' + b"a" * BODY + b'"}}'
    response = await limited.request(
        op.method, concrete(op.path), content=body, headers={"content-type": "application/json"}
    )
    error = assert_error(response, 413, "body_too_large")
    assert error["metadata"]["max_bytes"] == BODY


async def test_a_chunked_body_too_large_is_413(limited) -> None:
    async def chunks():
        yield b'{"metadata": {"x": "'
        for _ in range(10):
            yield b"a" * 1000
        yield b'"}}'

    response = await limited.post(
        "/threads", content=chunks(), headers={"content-type": "application/json"}
    )
    assert_error(response, 413, "body_too_large")


async def test_a_body_within_the_limit_passes(limited) -> None:
    response = await limited.post("/threads", json={"metadata": {"x": "a" * (METADATA - 20)}})
    assert response.status_code == 200, response.text


BIG_METADATA = {"x": "a" * METADATA}
BIG_VALUES = {"x": "a" * VALUES}


async def thread(http: httpx.AsyncClient) -> str:
    return (await http.post("/threads", json={})).json()["thread_id"]


@pytest.mark.parametrize(
    ("method", "path", "body", "field"),
    [
        ("POST", "/threads", {"metadata": BIG_METADATA}, "metadata"),
        ("POST", "/threads/search", {"metadata": BIG_METADATA}, "metadata"),
        ("PATCH", "/threads/{thread}", {"metadata": BIG_METADATA}, "metadata"),
        ("PATCH", "/threads/{thread}", {"values": BIG_VALUES}, "values"),
        ("POST", "/threads/search", {"values": BIG_VALUES}, "values"),
        ("POST", "/runs", {"agent_id": "echo", "metadata": BIG_METADATA}, "metadata"),
        ("POST", "/runs/wait", {"agent_id": "echo", "metadata": BIG_METADATA}, "metadata"),
        ("POST", "/runs/search", {"metadata": BIG_METADATA}, "metadata"),
        ("POST", "/agents/search", {"metadata": BIG_METADATA}, "metadata"),
        ("PUT", "/store/items", {"namespace": ["a"], "key": "k", "value": BIG_VALUES}, "value"),
    ],
)
async def test_metadata_and_values_too_large_are_422(limited, method, path, body, field) -> None:
    path = path.replace("{thread}", await thread(limited))
    error = assert_error(await limited.request(method, path, json=body), 422, "too_large")
    assert error["metadata"]["field"] == field
    assert error["metadata"]["max_bytes"] == (METADATA if field == "metadata" else VALUES)


DEEP = [f"l{i}" for i in range(33)]


@pytest.mark.parametrize(
    ("method", "path", "params", "body"),
    [
        ("PUT", "/store/items", None, {"namespace": DEEP, "key": "k", "value": {}}),
        ("PUT", "/store/items", None, {"namespace": ["a" * 257], "key": "k", "value": {}}),
        ("PUT", "/store/items", None, {"namespace": [""], "key": "k", "value": {}}),
        ("PUT", "/store/items", None, {"namespace": ["a"], "key": "k" * 1025, "value": {}}),
        ("PUT", "/store/items", None, {"namespace": ["a"], "key": "", "value": {}}),
        ("GET", "/store/items", {"namespace": DEEP, "key": "k"}, None),
        ("GET", "/store/items", {"namespace": ["a"], "key": "k" * 1025}, None),
        ("DELETE", "/store/items", None, {"namespace": DEEP, "key": "k"}),
        ("DELETE", "/store/items", None, {"namespace": ["a"], "key": "k" * 1025}),
        ("POST", "/store/items/search", None, {"namespace_prefix": DEEP}),
        ("POST", "/store/namespaces", None, {"prefix": DEEP}),
        ("POST", "/store/namespaces", None, {"suffix": DEEP}),
        ("POST", "/store/namespaces", None, {"max_depth": 33}),
    ],
)
async def test_namespace_depth_labels_and_key_length_are_bounded(
    limited, method, path, params, body
) -> None:
    response = await limited.request(method, path, params=params, json=body)
    assert_error(response, 422, "validation_error")


def _paging(op) -> str | None:
    """Where an operation takes `limit` and `offset`: "query", "body" or None."""
    if "limit" in op.query_params:
        return "query"
    if op.body is not None and "limit" in op.body.model_fields:
        return "body"
    return None


PAGED = [op for op in OPERATIONS if _paging(op)]


def test_the_paged_operations_are_known() -> None:
    assert {op.operation_id for op in PAGED} == {
        "search_agents",
        "search_threads",
        "get_thread_history",
        "search_runs",
        "search_items",
        "list_namespaces",
        "lg_search_assistants",
        "lg_list_assistant_versions",
        "lg_search_crons",
        "lg_search_threads",
        "lg_get_history",
        "lg_list_history",
        "lg_list_runs",
        "lg_search_items",
        "lg_list_namespaces",
    }


def _out_of_range(op) -> list[dict[str, int]]:
    cases = [{"limit": 0}, {"limit": 1001}, {"limit": -1}]
    takes_offset = "offset" in op.query_params or (
        op.body is not None and "offset" in op.body.model_fields
    )
    return cases + ([{"offset": -1}] if takes_offset else [])


@pytest.mark.parametrize(
    ("op", "paging"),
    [(op, paging) for op in PAGED for paging in _out_of_range(op)],
    ids=lambda value: value.operation_id if hasattr(value, "operation_id") else str(value),
)
async def test_limit_and_offset_out_of_range_are_422(limited, op, paging) -> None:
    path = op.path.replace("{thread_id}", await thread(limited)).replace("{assistant_id}", "echo")
    if _paging(op) == "query":
        response = await limited.request(op.method, path, params=paging)
    else:
        response = await limited.request(op.method, path, json=paging)
    error = assert_error(response, 422, "validation_error")
    assert next(iter(paging)) in error["message"]


@pytest.mark.parametrize("op", PAGED, ids=lambda op: op.operation_id)
async def test_limit_at_the_bounds_passes(limited, op) -> None:
    path = op.path.replace("{thread_id}", await thread(limited)).replace("{assistant_id}", "echo")
    for limit in (1, 1000):
        if _paging(op) == "query":
            response = await limited.request(op.method, path, params={"limit": limit})
        else:
            response = await limited.request(op.method, path, json={"limit": limit})
        assert response.status_code == 200, response.text
