from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.lg_thread_state import LgThreadState
from ...types import UNSET, Response, Unset


def _get_kwargs(
    thread_id: UUID,
    *,
    limit: int | Unset = 1,
    before: UUID | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_before: str | Unset = UNSET
    if not isinstance(before, Unset):
        json_before = str(before)
    params["before"] = json_before

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/langgraph/threads/{thread_id}/history".format(
            thread_id=quote(str(thread_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | list[LgThreadState] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = LgThreadState.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

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
) -> Response[ErrorResponse | list[LgThreadState]]:
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
    limit: int | Unset = 1,
    before: UUID | Unset = UNSET,
) -> Response[ErrorResponse | list[LgThreadState]]:
    """A thread's checkpoints, newest first (the query-string form)

     What LangGraph's server serves at `GET /threads/{thread_id}/history`: the POST form's
    `limit` and `before` (a checkpoint id) as query parameters.

    Args:
        thread_id (UUID):
        limit (int | Unset):  Default: 1.
        before (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | list[LgThreadState]]
    """

    kwargs = _get_kwargs(
        thread_id=thread_id,
        limit=limit,
        before=before,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    thread_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 1,
    before: UUID | Unset = UNSET,
) -> ErrorResponse | list[LgThreadState] | None:
    """A thread's checkpoints, newest first (the query-string form)

     What LangGraph's server serves at `GET /threads/{thread_id}/history`: the POST form's
    `limit` and `before` (a checkpoint id) as query parameters.

    Args:
        thread_id (UUID):
        limit (int | Unset):  Default: 1.
        before (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | list[LgThreadState]
    """

    return sync_detailed(
        thread_id=thread_id,
        client=client,
        limit=limit,
        before=before,
    ).parsed


async def asyncio_detailed(
    thread_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 1,
    before: UUID | Unset = UNSET,
) -> Response[ErrorResponse | list[LgThreadState]]:
    """A thread's checkpoints, newest first (the query-string form)

     What LangGraph's server serves at `GET /threads/{thread_id}/history`: the POST form's
    `limit` and `before` (a checkpoint id) as query parameters.

    Args:
        thread_id (UUID):
        limit (int | Unset):  Default: 1.
        before (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | list[LgThreadState]]
    """

    kwargs = _get_kwargs(
        thread_id=thread_id,
        limit=limit,
        before=before,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    thread_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 1,
    before: UUID | Unset = UNSET,
) -> ErrorResponse | list[LgThreadState] | None:
    """A thread's checkpoints, newest first (the query-string form)

     What LangGraph's server serves at `GET /threads/{thread_id}/history`: the POST form's
    `limit` and `before` (a checkpoint id) as query parameters.

    Args:
        thread_id (UUID):
        limit (int | Unset):  Default: 1.
        before (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | list[LgThreadState]
    """

    return (
        await asyncio_detailed(
            thread_id=thread_id,
            client=client,
            limit=limit,
            before=before,
        )
    ).parsed
