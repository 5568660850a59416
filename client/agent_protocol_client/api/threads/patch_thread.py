from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.thread import Thread
from ...models.thread_patch import ThreadPatch
from ...types import Response


def _get_kwargs(
    thread_id: UUID,
    *,
    body: ThreadPatch,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/threads/{thread_id}".format(
            thread_id=quote(str(thread_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorResponse | Thread | None:
    if response.status_code == 200:
        response_200 = Thread.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ErrorResponse.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ErrorResponse.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | Thread]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    thread_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ThreadPatch,
) -> Response[ErrorResponse | Thread]:
    """Update a thread

     `metadata` is merged into the thread's metadata. `values` (merged into the state, key
    by key) and `messages` (appended; a message whose `id` is already in the thread
    replaces it) write a new checkpoint. `checkpoint` names the checkpoint the new state
    is based on (a branch); it defaults to the latest, and one the thread does not have
    gives 404 (code `checkpoint_not_found`). A busy thread refuses state changes with 409
    (code `thread_busy`).

    Args:
        thread_id (UUID):
        body (ThreadPatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Thread]
    """

    kwargs = _get_kwargs(
        thread_id=thread_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    thread_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ThreadPatch,
) -> ErrorResponse | Thread | None:
    """Update a thread

     `metadata` is merged into the thread's metadata. `values` (merged into the state, key
    by key) and `messages` (appended; a message whose `id` is already in the thread
    replaces it) write a new checkpoint. `checkpoint` names the checkpoint the new state
    is based on (a branch); it defaults to the latest, and one the thread does not have
    gives 404 (code `checkpoint_not_found`). A busy thread refuses state changes with 409
    (code `thread_busy`).

    Args:
        thread_id (UUID):
        body (ThreadPatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Thread
    """

    return sync_detailed(
        thread_id=thread_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    thread_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ThreadPatch,
) -> Response[ErrorResponse | Thread]:
    """Update a thread

     `metadata` is merged into the thread's metadata. `values` (merged into the state, key
    by key) and `messages` (appended; a message whose `id` is already in the thread
    replaces it) write a new checkpoint. `checkpoint` names the checkpoint the new state
    is based on (a branch); it defaults to the latest, and one the thread does not have
    gives 404 (code `checkpoint_not_found`). A busy thread refuses state changes with 409
    (code `thread_busy`).

    Args:
        thread_id (UUID):
        body (ThreadPatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Thread]
    """

    kwargs = _get_kwargs(
        thread_id=thread_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    thread_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ThreadPatch,
) -> ErrorResponse | Thread | None:
    """Update a thread

     `metadata` is merged into the thread's metadata. `values` (merged into the state, key
    by key) and `messages` (appended; a message whose `id` is already in the thread
    replaces it) write a new checkpoint. `checkpoint` names the checkpoint the new state
    is based on (a branch); it defaults to the latest, and one the thread does not have
    gives 404 (code `checkpoint_not_found`). A busy thread refuses state changes with 409
    (code `thread_busy`).

    Args:
        thread_id (UUID):
        body (ThreadPatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Thread
    """

    return (
        await asyncio_detailed(
            thread_id=thread_id,
            client=client,
            body=body,
        )
    ).parsed
