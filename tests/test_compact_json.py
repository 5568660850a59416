"""Every JSON body is compact (no spaces after `,` and `:`), error bodies included."""

from __future__ import annotations

import json

import httpx


def compact(body: bytes) -> bytes:
    return json.dumps(json.loads(body), separators=(",", ":"), ensure_ascii=False).encode()


async def test_error_and_other_bodies_are_compact(http: httpx.AsyncClient) -> None:
    responses = [
        await http.get("/threads/not-a-uuid"),  # 422
        await http.get("/nowhere"),  # 404
        await http.delete("/ok"),  # 405
        await http.post("/threads", json={"metadata": {"a": [1, 2], "b": {"c": "d, e: f"}}}),
        await http.post("/threads/search", json={"limit": 2}),  # a list
        await http.post("/agents/search", json={}),
    ]
    for response in responses:
        assert response.headers["content-type"].startswith("application/json"), response
        assert response.content == compact(response.content), response.content
    assert [r.status_code for r in responses[:3]] == [422, 404, 405]
