"""A body must be declared JSON: every operation with a JSON body answers 415
`unsupported_media_type` to `text/plain`, form and untyped bodies (what a browser sends to
another origin without a preflight), and takes `application/json` with parameters and
`application/*+json`."""

from __future__ import annotations

import re
import uuid

import httpx
import pytest

from ap_generated.operations import OPERATIONS

WITH_BODY = [op for op in OPERATIONS if op.body is not None]
NOT_JSON = [
    "text/plain",
    "text/plain;charset=UTF-8",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/jsonx",
    None,  # no Content-Type at all
]


def concrete(path: str) -> str:
    """The path with a valid id in each parameter (the ids are of nothing: the media type is
    refused before anything is looked up)."""
    return re.sub(r"\{[a-z_]+\}", lambda _: str(uuid.uuid4()), path)


@pytest.mark.parametrize("op", WITH_BODY, ids=lambda op: op.operation_id)
async def test_a_body_not_declared_json_is_415(http: httpx.AsyncClient, op) -> None:
    for content_type in NOT_JSON:
        headers = {} if content_type is None else {"content-type": content_type}
        response = await http.request(op.method, concrete(op.path), content=b"{}", headers=headers)
        assert response.status_code == 415, (content_type, response.text)
        error = response.json()
        assert error["code"] == "unsupported_media_type" and error["message"], error


async def test_a_text_plain_create_creates_nothing(http: httpx.AsyncClient) -> None:
    thread_id = str(uuid.uuid4())
    body = f'{{"thread_id": "{thread_id}"}}'.encode()
    refused = await http.post("/threads", content=body, headers={"content-type": "text/plain"})
    assert refused.status_code == 415
    assert (await http.get(f"/threads/{thread_id}")).status_code == 404


@pytest.mark.parametrize(
    "content_type",
    [
        "application/json",
        "application/json; charset=utf-8",
        "APPLICATION/JSON",
        "application/merge-patch+json",
    ],
)
async def test_json_media_types_are_taken(http: httpx.AsyncClient, content_type: str) -> None:
    response = await http.post("/threads", content=b"{}", headers={"content-type": content_type})
    assert response.status_code == 200, response.text


async def test_an_optional_body_may_be_absent(http: httpx.AsyncClient) -> None:
    # No body and no Content-Type: nothing to misread.
    response = await http.post("/langgraph/threads")
    assert response.status_code == 200, response.text
