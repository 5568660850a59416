from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.lg_state_update import LgStateUpdate
from ...models.lg_state_update_response import LgStateUpdateResponse
from ...types import Response


def _get_kwargs(
    thread_id: UUID,
    *,
    body: LgStateUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/langgraph/threads/{thread_id}/state".format(
            thread_id=quote(str(thread_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | LgStateUpdateResponse | None:
    if response.status_code == 200:
        response_200 = LgStateUpdateResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | LgStateUpdateResponse]:
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
    body: LgStateUpdate,
) -> Response[ErrorResponse | LgStateUpdateResponse]:
    """Update a thread's state

     Merge `values` into the thread's state as a new checkpoint (as PATCH /threads/{id}
    does). `as_node` is recorded in the checkpoint's metadata. With a subgraph's
    `checkpoint` (`checkpoint_ns` not empty): the graph's own `aupdate_state` with that
    checkpoint, at once (409 `thread_busy` while a run is active; 422 when the graph has
    no such subgraph or node), answered with the subgraph's new checkpoint.

    Args:
        thread_id (UUID):
        body (LgStateUpdate): `values` merged into the state as a new checkpoint; from
            `checkpoint` (or
            `checkpoint_id`) instead of the latest one, a branch.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LgStateUpdateResponse]
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
    body: LgStateUpdate,
) -> ErrorResponse | LgStateUpdateResponse | None:
    """Update a thread's state

     Merge `values` into the thread's state as a new checkpoint (as PATCH /threads/{id}
    does). `as_node` is recorded in the checkpoint's metadata. With a subgraph's
    `checkpoint` (`checkpoint_ns` not empty): the graph's own `aupdate_state` with that
    checkpoint, at once (409 `thread_busy` while a run is active; 422 when the graph has
    no such subgraph or node), answered with the subgraph's new checkpoint.

    Args:
        thread_id (UUID):
        body (LgStateUpdate): `values` merged into the state as a new checkpoint; from
            `checkpoint` (or
            `checkpoint_id`) instead of the latest one, a branch.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LgStateUpdateResponse
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
    body: LgStateUpdate,
) -> Response[ErrorResponse | LgStateUpdateResponse]:
    """Update a thread's state

     Merge `values` into the thread's state as a new checkpoint (as PATCH /threads/{id}
    does). `as_node` is recorded in the checkpoint's metadata. With a subgraph's
    `checkpoint` (`checkpoint_ns` not empty): the graph's own `aupdate_state` with that
    checkpoint, at once (409 `thread_busy` while a run is active; 422 when the graph has
    no such subgraph or node), answered with the subgraph's new checkpoint.

    Args:
        thread_id (UUID):
        body (LgStateUpdate): `values` merged into the state as a new checkpoint; from
            `checkpoint` (or
            `checkpoint_id`) instead of the latest one, a branch.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LgStateUpdateResponse]
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
    body: LgStateUpdate,
) -> ErrorResponse | LgStateUpdateResponse | None:
    """Update a thread's state

     Merge `values` into the thread's state as a new checkpoint (as PATCH /threads/{id}
    does). `as_node` is recorded in the checkpoint's metadata. With a subgraph's
    `checkpoint` (`checkpoint_ns` not empty): the graph's own `aupdate_state` with that
    checkpoint, at once (409 `thread_busy` while a run is active; 422 when the graph has
    no such subgraph or node), answered with the subgraph's new checkpoint.

    Args:
        thread_id (UUID):
        body (LgStateUpdate): `values` merged into the state as a new checkpoint; from
            `checkpoint` (or
            `checkpoint_id`) instead of the latest one, a branch.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LgStateUpdateResponse
    """

    return (
        await asyncio_detailed(
            thread_id=thread_id,
            client=client,
            body=body,
        )
    ).parsed
