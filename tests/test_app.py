"""The application around the operations: spec, docs, health, routing and validation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

SPEC = yaml.safe_load(
    (Path(__file__).resolve().parent.parent / "spec" / "openapi.yaml").read_text()
)


async def test_serves_the_spec_docs_and_health(http):
    served = await http.get("/openapi.json")
    assert served.status_code == 200 and served.json() == json.loads(json.dumps(SPEC))
    docs = await http.get("/docs")
    assert docs.status_code == 200 and "swagger-ui" in docs.text
    assert "http://" not in docs.text and "https://" not in docs.text
    assert (await http.get("/docs/static/swagger-ui-bundle.js")).status_code == 200
    assert (await http.get("/ok")).json() == {"ok": True}


@pytest.mark.parametrize(
    "method, path, allowed",
    [
        ("GET", "/runs/resume", {"PATCH"}),
        ("GET", "/runs/resume/wait", {"PATCH"}),
        ("PATCH", "/threads/search", {"POST"}),
        ("GET", "/runs/search", {"POST"}),
        ("PUT", "/threads", {"POST"}),
        ("TRACE", "/store/items", {"GET", "PUT", "DELETE"}),
    ],
)
async def test_a_known_path_with_another_method_is_405_with_allow(http, method, path, allowed):
    response = await http.request(method, path)
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"
    assert set(response.headers["allow"].replace(" ", "").split(",")) >= allowed


async def test_unknown_paths_are_404_error_responses(http):
    response = await http.get("/no/such/thing")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


@pytest.mark.parametrize(
    "path, body, field",
    [
        ("/agents/search", {"offset": False}, "offset"),
        ("/agents/search", {"limit": "5"}, "limit"),
        ("/threads/search", {"limit": 1.5}, "limit"),
        ("/store/items/search", {"offset": 2147483648}, "offset"),
        ("/runs", {"stream_mode": None}, "stream_mode"),
        ("/threads", {"metadata": None}, "metadata"),
        ("/threads", {"if_exists": True}, "if_exists"),
    ],
)
async def test_bodies_are_read_as_the_spec_says(http, path, body, field):
    response = await http.post(path, json=body)
    assert response.status_code == 422, response.text
    assert field in response.json()["message"]


async def test_nulls_the_spec_allows_are_accepted(http):
    ok = await http.post("/store/items/search", json={"namespace_prefix": None, "filter": None})
    assert ok.status_code == 200
    run = await http.post("/runs/wait", json={"agent_id": "echo", "input": None})
    assert run.status_code == 200 and run.json()["values"] == {"echo": None}
