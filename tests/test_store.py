"""The store through the generated client and raw HTTP, on real Postgres."""

from __future__ import annotations

import uuid

import pytest

from agent_protocol_client.api.store import (
    delete_item,
    get_item,
    list_namespaces,
    put_item,
    search_items,
)
from agent_protocol_client.models import (
    ErrorResponse,
    Item,
    SearchItemsResponse,
    StoreDeleteRequest,
    StoreListNamespacesRequest,
    StorePutRequest,
    StorePutRequestValue,
    StoreSearchRequest,
)


@pytest.fixture
def root() -> str:
    """A namespace label of this test's own, so tests do not see each other's items."""
    return "t" + uuid.uuid4().hex[:12]


async def put(http, namespace, key, value):
    response = await http.put(
        "/store/items", json={"namespace": namespace, "key": key, "value": value}
    )
    assert response.status_code == 204, response.text


async def test_put_get_replace_delete_with_the_generated_client(api, root):
    ns = [root, "prefs"]
    done = await put_item.asyncio_detailed(
        client=api,
        body=StorePutRequest(
            namespace=ns, key="theme", value=StorePutRequestValue.from_dict({"dark": True})
        ),
    )
    assert done.status_code == 204
    item = await get_item.asyncio(client=api, key="theme", namespace=ns)
    assert isinstance(item, Item)
    assert item.namespace == ns and item.key == "theme" and item.value.to_dict() == {"dark": True}
    created = item.created_at

    await put_item.asyncio_detailed(
        client=api,
        body=StorePutRequest(
            namespace=ns, key="theme", value=StorePutRequestValue.from_dict({"dark": False})
        ),
    )
    replaced = await get_item.asyncio(client=api, key="theme", namespace=ns)
    assert replaced.value.to_dict() == {"dark": False}
    assert replaced.created_at == created and replaced.updated_at >= created

    gone = await delete_item.asyncio_detailed(
        client=api, body=StoreDeleteRequest(namespace=ns, key="theme")
    )
    assert gone.status_code == 204
    missing = await get_item.asyncio_detailed(client=api, key="theme", namespace=ns)
    assert missing.status_code == 404 and isinstance(missing.parsed, ErrorResponse)
    again = await delete_item.asyncio_detailed(
        client=api, body=StoreDeleteRequest(namespace=ns, key="theme")
    )
    assert again.status_code == 404


async def test_namespaces_are_exact_paths(http, root):
    await put(http, [root, "a"], "k", {"v": "a"})
    await put(http, [root, "a", "b"], "k", {"v": "ab"})
    get = await http.get(
        "/store/items", params=[("namespace", root), ("namespace", "a"), ("key", "k")]
    )
    assert get.json()["value"] == {"v": "a"}
    deeper = await http.get(
        "/store/items",
        params=[("namespace", root), ("namespace", "a"), ("namespace", "b"), ("key", "k")],
    )
    assert deeper.json()["value"] == {"v": "ab"}
    none = await http.get("/store/items", params=[("namespace", root), ("key", "k")])
    assert none.status_code == 404


async def test_search_by_prefix_filter_and_paging(api, http, root):
    await put(http, [root, "users", "ann"], "profile", {"age": 30, "city": "Oslo"})
    await put(http, [root, "users", "bob"], "profile", {"age": 40, "city": "Oslo"})
    await put(http, [root, "users", "cy"], "profile", {"age": 30, "city": "Rome"})
    await put(http, [root, "usersx"], "profile", {"age": 30, "city": "Oslo"})
    await put(http, [root + "x", "users"], "profile", {"age": 30, "city": "Oslo"})

    found = await search_items.asyncio(
        client=api, body=StoreSearchRequest(namespace_prefix=[root, "users"], limit=10)
    )
    assert isinstance(found, SearchItemsResponse)
    assert sorted(i.namespace[-1] for i in found.items) == ["ann", "bob", "cy"], (
        "a prefix is whole labels"
    )

    oslo = (
        await http.post(
            "/store/items/search", json={"namespace_prefix": [root], "filter": {"city": "Oslo"}}
        )
    ).json()
    assert sorted(tuple(i["namespace"]) for i in oslo["items"]) == [
        (root, "users", "ann"),
        (root, "users", "bob"),
        (root, "usersx"),
    ]
    both = (
        await http.post(
            "/store/items/search",
            json={"namespace_prefix": [root], "filter": {"city": "Oslo", "age": 30}},
        )
    ).json()
    assert len(both["items"]) == 2

    first = (
        await http.post("/store/items/search", json={"namespace_prefix": [root], "limit": 2})
    ).json()["items"]
    rest = (
        await http.post(
            "/store/items/search", json={"namespace_prefix": [root], "limit": 10, "offset": 2}
        )
    ).json()["items"]
    assert len(first) == 2 and len(rest) == 2
    assert {tuple(i["namespace"]) for i in first}.isdisjoint({tuple(i["namespace"]) for i in rest})


async def test_list_namespaces_prefix_suffix_depth(api, http, root):
    for ns in ([root, "a", "x"], [root, "a", "y"], [root, "b", "x"], [root, "b"]):
        await put(http, ns, "k", {})
    every = await list_namespaces.asyncio(
        client=api, body=StoreListNamespacesRequest(prefix=[root], limit=100)
    )
    assert every == [[root, "a", "x"], [root, "a", "y"], [root, "b"], [root, "b", "x"]]

    ending_x = (
        await http.post("/store/namespaces", json={"prefix": [root], "suffix": ["x"]})
    ).json()
    assert ending_x == [[root, "a", "x"], [root, "b", "x"]]
    depth2 = (await http.post("/store/namespaces", json={"prefix": [root], "max_depth": 2})).json()
    assert depth2 == [[root, "a"], [root, "b"]]
    paged = (
        await http.post("/store/namespaces", json={"prefix": [root], "limit": 1, "offset": 1})
    ).json()
    assert paged == [[root, "a", "y"]]
    long_suffix = (
        await http.post(
            "/store/namespaces", json={"prefix": [root], "suffix": [root, "a", "x", "z"]}
        )
    ).json()
    assert long_suffix == []


@pytest.mark.parametrize(
    "method, path, kwargs",
    [
        ("PUT", "/store/items", {"json": {"namespace": ["a"], "key": "k"}}),
        ("PUT", "/store/items", {"json": {"namespace": ["a"], "key": "k", "value": [1]}}),
        ("PUT", "/store/items", {"json": {"namespace": [""], "key": "k", "value": {}}}),
        ("PUT", "/store/items", {"json": {"namespace": ["a"], "key": "", "value": {}}}),
        (
            "PUT",
            "/store/items",
            {"json": {"namespace": ["a"], "key": "k", "value": {"s": "nul\u0000"}}},
        ),
        (
            "PUT",
            "/store/items",
            {"content": b'{"namespace": ["a"], "key": "k", "value": {"x": NaN}}'},
        ),
        (
            "PUT",
            "/store/items",
            {"content": b'{"namespace": ["a"], "key": "k", "value": {"x": 1e999}}'},
        ),
        (
            "PUT",
            "/store/items",
            {"content": b'{"namespace": ["a"], "key": "k", "value": {"x": "\\ud800"}}'},
        ),
        ("PUT", "/store/items", {"content": b"not json"}),
        ("PUT", "/store/items", {}),
        ("GET", "/store/items", {"params": {"namespace": "a"}}),
        ("GET", "/store/items", {"params": {"key": "k\u0000"}}),
        ("DELETE", "/store/items", {"json": {"namespace": ["a"]}}),
        ("POST", "/store/items/search", {"json": {"limit": 0}}),
        ("POST", "/store/items/search", {"json": {"namespace_prefix": "a"}}),
        ("POST", "/store/namespaces", {"json": {"max_depth": 0}}),
        ("POST", "/store/namespaces", {"json": {"limit": 5000}}),
    ],
)
async def test_bad_input_is_422(http, method, path, kwargs):
    if "content" in kwargs:  # declared JSON, so what is wrong is the body (else: a 415)
        kwargs = {**kwargs, "headers": {"content-type": "application/json"}}
    response = await http.request(method, path, **kwargs)
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "validation_error"
