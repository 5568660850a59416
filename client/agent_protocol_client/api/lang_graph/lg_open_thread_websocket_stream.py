from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    thread_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/langgraph/threads/{thread_id}/stream/events".format(
            thread_id=quote(str(thread_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorResponse | None:
    if response.status_code == 101:
        response_101 = cast(Any, None)
        return response_101

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())

        return response_422

    if response.status_code == 426:
        response_426 = ErrorResponse.from_dict(response.json())

        return response_426

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorResponse]:
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
) -> Response[Any | ErrorResponse]:
    """Open a thread's protocol WebSocket

     Upgrade to a WebSocket: commands in, their responses and the events of the
    connection's subscriptions (`subscription.subscribe`, `subscription.unsubscribe`,
    `subscription.reconnect` with a run's `run_id` and `last_event_id`) out, as JSON text messages. The
    key
    goes in a header, or, from a browser, as the `api_key` query parameter. A refused
    connection is closed with 4000 + the HTTP status (4401, 4404, 4422, 4503). A plain GET,
    without the upgrade, is a 426.

    Args:
        thread_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
    """

    kwargs = _get_kwargs(
        thread_id=thread_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    thread_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Any | ErrorResponse | None:
    """Open a thread's protocol WebSocket

     Upgrade to a WebSocket: commands in, their responses and the events of the
    connection's subscriptions (`subscription.subscribe`, `subscription.unsubscribe`,
    `subscription.reconnect` with a run's `run_id` and `last_event_id`) out, as JSON text messages. The
    key
    goes in a header, or, from a browser, as the `api_key` query parameter. A refused
    connection is closed with 4000 + the HTTP status (4401, 4404, 4422, 4503). A plain GET,
    without the upgrade, is a 426.

    Args:
        thread_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
    """

    return sync_detailed(
        thread_id=thread_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    thread_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | ErrorResponse]:
    """Open a thread's protocol WebSocket

     Upgrade to a WebSocket: commands in, their responses and the events of the
    connection's subscriptions (`subscription.subscribe`, `subscription.unsubscribe`,
    `subscription.reconnect` with a run's `run_id` and `last_event_id`) out, as JSON text messages. The
    key
    goes in a header, or, from a browser, as the `api_key` query parameter. A refused
    connection is closed with 4000 + the HTTP status (4401, 4404, 4422, 4503). A plain GET,
    without the upgrade, is a 426.

    Args:
        thread_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
    """

    kwargs = _get_kwargs(
        thread_id=thread_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    thread_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Any | ErrorResponse | None:
    """Open a thread's protocol WebSocket

     Upgrade to a WebSocket: commands in, their responses and the events of the
    connection's subscriptions (`subscription.subscribe`, `subscription.unsubscribe`,
    `subscription.reconnect` with a run's `run_id` and `last_event_id`) out, as JSON text messages. The
    key
    goes in a header, or, from a browser, as the `api_key` query parameter. A refused
    connection is closed with 4000 + the HTTP status (4401, 4404, 4422, 4503). A plain GET,
    without the upgrade, is a 426.

    Args:
        thread_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
    """

    return (
        await asyncio_detailed(
            thread_id=thread_id,
            client=client,
        )
    ).parsed
