from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...event_stream import parse_event_stream
from ...models.error_response import ErrorResponse
from ...models.event_stream_request import EventStreamRequest
from ...models.streaming_sse_event import StreamingSseEvent
from ...types import Response


def _get_kwargs(
    thread_id: UUID,
    *,
    body: EventStreamRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/langgraph/threads/{thread_id}/stream/events".format(
            thread_id=quote(str(thread_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | list[StreamingSseEvent] | None:
    if response.status_code == 200:
        response_200 = [StreamingSseEvent.from_dict(event) for event in parse_event_stream(response.text)]
        return response_200
    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 410:
        response_410 = ErrorResponse.from_dict(response.json())

        return response_410

    if response.status_code == 413:
        response_413 = ErrorResponse.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | list[StreamingSseEvent]]:
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
    body: EventStreamRequest,
) -> Response[ErrorResponse | list[StreamingSseEvent]]:
    """Open a thread's event stream (SSE)

     The thread's protocol events as server-sent events, filtered by `channels`,
    `namespaces` and `depth`: first the stored ones after `since` (every event has a
    `seq`, one monotonic number per thread, durable in Postgres: a stream may be resumed
    from any server process, after restarts), then live ones, until the client closes
    the connection. The stream of a thread that does not exist yet waits for it (a
    client may open it before `run.start`); another owner's thread is a 404. Each SSE
    event: `id` the event's `seq`, `event` its `method`, `data` the `StreamingEvent`.
    Events older than the server's retention are pruned: a `since` (above 0) before the
    oldest kept event is a 410 `resume_gap` naming `since` and `min_available_seq`; a
    `since` of 0 (or none) gets whatever is kept.

    Args:
        thread_id (UUID):
        body (EventStreamRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | list[StreamingSseEvent]]
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
    body: EventStreamRequest,
) -> ErrorResponse | list[StreamingSseEvent] | None:
    """Open a thread's event stream (SSE)

     The thread's protocol events as server-sent events, filtered by `channels`,
    `namespaces` and `depth`: first the stored ones after `since` (every event has a
    `seq`, one monotonic number per thread, durable in Postgres: a stream may be resumed
    from any server process, after restarts), then live ones, until the client closes
    the connection. The stream of a thread that does not exist yet waits for it (a
    client may open it before `run.start`); another owner's thread is a 404. Each SSE
    event: `id` the event's `seq`, `event` its `method`, `data` the `StreamingEvent`.
    Events older than the server's retention are pruned: a `since` (above 0) before the
    oldest kept event is a 410 `resume_gap` naming `since` and `min_available_seq`; a
    `since` of 0 (or none) gets whatever is kept.

    Args:
        thread_id (UUID):
        body (EventStreamRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | list[StreamingSseEvent]
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
    body: EventStreamRequest,
) -> Response[ErrorResponse | list[StreamingSseEvent]]:
    """Open a thread's event stream (SSE)

     The thread's protocol events as server-sent events, filtered by `channels`,
    `namespaces` and `depth`: first the stored ones after `since` (every event has a
    `seq`, one monotonic number per thread, durable in Postgres: a stream may be resumed
    from any server process, after restarts), then live ones, until the client closes
    the connection. The stream of a thread that does not exist yet waits for it (a
    client may open it before `run.start`); another owner's thread is a 404. Each SSE
    event: `id` the event's `seq`, `event` its `method`, `data` the `StreamingEvent`.
    Events older than the server's retention are pruned: a `since` (above 0) before the
    oldest kept event is a 410 `resume_gap` naming `since` and `min_available_seq`; a
    `since` of 0 (or none) gets whatever is kept.

    Args:
        thread_id (UUID):
        body (EventStreamRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | list[StreamingSseEvent]]
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
    body: EventStreamRequest,
) -> ErrorResponse | list[StreamingSseEvent] | None:
    """Open a thread's event stream (SSE)

     The thread's protocol events as server-sent events, filtered by `channels`,
    `namespaces` and `depth`: first the stored ones after `since` (every event has a
    `seq`, one monotonic number per thread, durable in Postgres: a stream may be resumed
    from any server process, after restarts), then live ones, until the client closes
    the connection. The stream of a thread that does not exist yet waits for it (a
    client may open it before `run.start`); another owner's thread is a 404. Each SSE
    event: `id` the event's `seq`, `event` its `method`, `data` the `StreamingEvent`.
    Events older than the server's retention are pruned: a `since` (above 0) before the
    oldest kept event is a 410 `resume_gap` naming `since` and `min_available_seq`; a
    `since` of 0 (or none) gets whatever is kept.

    Args:
        thread_id (UUID):
        body (EventStreamRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | list[StreamingSseEvent]
    """

    return (
        await asyncio_detailed(
            thread_id=thread_id,
            client=client,
            body=body,
        )
    ).parsed
